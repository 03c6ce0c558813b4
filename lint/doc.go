// Package lint is vpncertlint's vocabulary: the codes a run can raise and their catalogue
// (the cloud's VPN.xxxx table, embedded verbatim, the tool's own VCL.xxxx codes and the zlint
// advisories, each with its severity and its English and Chinese texts), severities, and the
// Finding a check raises (a code, the arguments of its texts, a detail, a location and the
// object it is about) with the inputs' ObjectInfo and FileResult.
//
// A check registers its codes with Register (or RegisterLazy) and raises findings with New:
//
//	var codeExpired = lint.Register(lint.Code{ID: "VCL.0999", Source: lint.SourceTool, …}).ID
//	f := lint.New(codeExpired, "notAfter 2024-01-01", "ca.pem").At("ca.pem", 1)
//
// A finding carries no text: the output formats render it from the catalogue at output time
// with Finding.Text(lang). The report that collects findings is internal/report; the output
// formats are under internal/output.
package lint

package certcheck

import (
	"fmt"

	"github.com/vpncertlint/vpncertlint/lint"
)

var codeVersion = lint.Register(lint.Code{
	ID: "VCL.0752", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0075",
	Message:  "Certificate %s has a version other than v1, v2 or v3.",
	DescEN:   "RFC 5280 §4.1.2.1 allows only the versions v1, v2 and v3 (encoded 0, 1 and 2). OpenSSL reads other values, but Go's crypto/x509, pyca/cryptography and Java reject the certificate, so the VPN server may refuse it as invalid content (VPN.0075).",
	RemedyEN: "Re-issue the certificate as v3 (version 2 encoded), as every mainstream CA tool writes it.",
	DescZH:   "证书%s的版本不是v1、v2或v3。",
	RemedyZH: "请按v3(编码为2)重新签发证书。",
}).ID

var versionCheck = &Check{
	Name:  "version",
	Doc:   "The version field is v1, v2 or v3 (RFC 5280 §4.1.2.1).",
	Codes: []string{codeVersion},
	Run:   lint.Returning(checkVersion),
}

func checkVersion(c *Cert, _ *Env) []lint.Finding {
	r := c.Raw
	if r == nil || r.Serial == nil {
		return nil // not read up to the serial: the content check reports it
	}
	if !r.VersionOK {
		return []lint.Finding{c.Finding(codeVersion, "the version field is not a readable INTEGER")}
	}
	if r.Version < 0 || r.Version > 2 {
		return []lint.Finding{c.Finding(codeVersion, fmt.Sprintf("the version field is %d (v%d); RFC 5280 allows 0, 1 and 2 (v1, v2, v3)", r.Version, r.Version+1))}
	}
	return nil
}

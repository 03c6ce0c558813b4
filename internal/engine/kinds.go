package engine

import "github.com/vpncertlint/vpncertlint/internal/bodycheck"

// checkKinds checks data as one of the other P2C request bodies (client CA upload, users,
// user groups, membership, access policies, passwords) if it is one, and reports whether it
// was. A server body is left to checkBody, after noting its client CIDR block for the upload
// set's static-IP checks.
func checkKinds(data []byte, in input, o *Options, out *outcome) bool {
	kind := bodycheck.KindOf(data, in.path)
	switch kind {
	case "":
		return false
	case bodycheck.KindServer:
		out.entry = bodycheck.ServerEntry(data, in.path)
		return false
	}
	res, entry := bodycheck.RunKind(data, kind, in.path, displayName(in), o.bodyOptions())
	out.findings = append(out.findings, res.Findings...)
	out.file.Objects = append(out.file.Objects, res.Objects...)
	out.entry = entry
	return true
}

package bodycheck

import (
	"fmt"

	"github.com/vpncertlint/vpncertlint/certcheck"
)

// The single client CA upload (POST …/vpn-servers/{id}/client-ca-certificates), the online
// check (POST …/vpn-servers/client-ca-certificates/check), both
// {"client_ca_certificate": {"name", "content"}}, and the rename
// (PUT …/client-ca-certificates/{id}: {"client_ca_certificate": {"name"}}).
// The content goes through every client CA check; the name follows the server body's rule.

var caUploadSpec = &spec{t: tObject, fields: map[string]*spec{"name": str, "content": str}}

func caUploadCodes() []string {
	return clientCACodes()
}

var clientCAUploadCheck = &kindCheck{
	Name:    KindClientCA,
	Doc:     "A client CA upload body: its name, and its content as one client CA certificate.",
	Codes:   append(keyCodes(), caUploadCodes()...),
	Applies: ofKind(KindClientCA),
	Run:     onKind(checkCAUpload),
}

func checkCAUpload(k *kindBody) {
	const p = KindClientCA
	obj := k.top(p, map[string]*spec{p: caUploadSpec})
	if obj == nil {
		return
	}
	_, content := lookup(obj, "content")
	// Auto: with content an upload (or check), without it a rename.
	k.Create = content != nil || k.opts.Mode == ModeCreate
	if k.opts.Mode == ModeUpdate {
		k.Create = false
	}
	name := "client_ca_certificate"
	if _, nv := k.get(obj, p, "name"); nv != nil {
		k.checkName(nv, p+".name")
		if nv.Value != "" {
			name = nv.Value
		}
	}
	ck, cv := k.get(obj, p, "content")
	switch {
	case cv != nil:
		set := &caSet{Set: certcheck.NewSet(k.opts.CertPolicy), first: map[string]string{}}
		env := &certcheck.Env{Now: k.opts.Now, Policy: k.opts.CertPolicy}
		k.checkContent(ck, cv.Value, p+".content", name, set, env)
	case k.Create && !k.bad[p+".content"]:
		k.invalid(k0(ck, obj), p+".content", "client CA content is required",
			fmt.Sprintf("%s has no content: give the CA certificate as one PEM block (use --body update to check a rename)", p))
	}
}

package bodycheck

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/internal/pemformat"
	"github.com/vpncertlint/vpncertlint/lint"
	"gopkg.in/yaml.v3"
)

var codeChineseName = lint.Register(lint.Code{
	ID: "VCL.1203", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0001",
	Message:  "Client CA name %s has Chinese characters.",
	DescEN:   "The API documents a client CA name as 1–64 letters, digits, _ and -; the Chinese console also allows Chinese characters. The API may reject the name as an invalid request.",
	RemedyEN: "Use only letters, digits, _ and - when the body is sent through the API.",
	DescZH:   "客户端CA证书名称%s包含中文字符。",
	RemedyZH: "通过API调用时,名称请只使用字母、数字、_和-。",
}).ID

var codeCAsUnused = lint.Register(lint.Code{
	ID: "VCL.1221", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.1101",
	Message:  "Client CA certificates are given with client_auth_type %s.",
	DescEN:   "Client CAs authenticate clients only with client_auth_type CERT. With LOCAL_PASSWORD (also the default when client_auth_type is omitted) they are unused; the Terraform provider refuses the combination (\"client CA certificates should be empty when client auth type is LOCAL_PASSWORD\"). Usually client_auth_type CERT was forgotten.",
	RemedyEN: "Set client_auth_type to CERT, or remove client_ca_certificates.",
	DescZH:   "客户端认证类型为%s时提供了客户端CA证书。",
	RemedyZH: "请将client_auth_type设置为CERT,或删除client_ca_certificates。",
}).ID

const maxNameLen = 64

var clientCAsCheck = &Check{
	Name:    "client-ca-certificates",
	Doc:     "With client_auth_type CERT an SSL server needs 1–10 client CAs; each content is exactly one CERTIFICATE block that passes every client CA check; no certificate twice; names of 1–64 letters, digits, _ and -.",
	Codes:   clientCACodes(),
	Applies: isServer,
	Run:     onBody(checkClientCAs),
}

// clientCACodes are the codes of this check: its own, and those of the certificate, format
// and set checks every content goes through.
func clientCACodes() []string {
	codes := []string{"VPN.1101", codeCAsUnused, "VPN.1111", "VPN.0001", codeChineseName, codeIfCreate}
	codes = append(codes, pemformat.Codes()...)
	return append(codes, certcheck.Codes()...)
}

func checkClientCAs(b *Body) {
	p := path("client_ca_certificates")
	if b.bad[p] {
		return
	}
	k, list := b.field("client_ca_certificates")
	n := 0
	if list != nil {
		n = len(list.Content)
	}
	auth, defaulted := b.authType()
	_, an, _ := b.str("client_auth_type")
	switch {
	case b.Create && auth == "CERT" && n == 0 && b.tunnel() == "SSL":
		b.reportCreate(k0(k, k0(an, b.VS)), p, "VPN.1101", "client_auth_type CERT needs at least one client CA in client_ca_certificates")
	case b.Create && auth == "LOCAL_PASSWORD" && n > 0:
		what := "client_auth_type is LOCAL_PASSWORD"
		if defaulted {
			what = "client_auth_type is omitted, so LOCAL_PASSWORD (the default)"
		}
		b.report(k, p, codeCAsUnused, fmt.Sprintf("%s but the body has %d client CA certificate(s); they authenticate nobody (the Terraform provider refuses this combination); set client_auth_type CERT or remove the CAs", what, n), auth)
	}
	if n > maxClientCAs {
		b.report(list.Content[maxClientCAs], index(p, maxClientCAs), "VPN.1111",
			fmt.Sprintf("%d client CA certificates; at most %d are accepted; this is number %d", n, maxClientCAs, maxClientCAs+1))
	}
	set := &caSet{Set: certcheck.NewSet(b.opts.CertPolicy), first: map[string]string{}}
	env := &certcheck.Env{Now: b.opts.Now, Policy: b.opts.CertPolicy}
	for i := 0; i < n; i++ {
		e := resolve(list.Content[i])
		if e.Kind != yaml.MappingNode {
			continue // a wrong type, already reported
		}
		ep := index(p, i)
		name := fmt.Sprintf("client_ca_certificates[%d]", i)
		if _, nv := lookup(e, "name"); nv != nil && !isNull(nv) && !b.bad[ep+".name"] {
			b.checkName(nv, ep+".name")
			if nv.Value != "" {
				name = nv.Value
			}
		}
		ck, cv := lookup(e, "content")
		switch {
		case cv == nil || isNull(cv):
			b.invalid(e, ep+".content", "client CA content is required", fmt.Sprintf("%s has no content: give the CA certificate as one PEM block", ep))
			continue
		case b.bad[ep+".content"]:
			continue
		}
		b.checkContent(ck, cv.Value, ep+".content", name, set, env)
	}
}

// checkContent runs the format, certificate and set checks on one content; every finding
// points at the content field's line.
func (b *Body) checkContent(k *yaml.Node, content, field, name string, set *caSet, env *certcheck.Env) {
	line := k.Line
	add := func(fs []lint.Finding, prefix string) {
		for _, f := range fs {
			f.Line, f.Field = line, field
			if prefix != "" && f.Detail != "" {
				f.Detail = prefix + f.Detail
			}
			b.add(f)
		}
	}
	if strings.TrimSpace(content) == "" {
		add([]lint.Finding{lint.New("VPN.0074", "the content is empty", name).At(b.File, line)}, "")
		return
	}
	if detail, ok := doubleEscaped(content, b.File, name); ok {
		add([]lint.Finding{lint.New("VPN.0074", detail, name).At(b.File, line)}, "")
		return
	}
	der, _, fs := pemformat.OneCertificate([]byte(content), b.File, name)
	add(fs, "in the content: ")
	if der == nil {
		return
	}
	c := certcheck.NewCert(der, b.File, line, name)
	c.Role = certcheck.RoleCA
	add(certcheck.Run(c, env), "")
	fs = set.Add(c)
	for i := range fs {
		if first, ok := set.first[c.SHA256]; ok && fs[i].Code == "VPN.0077" {
			fs[i].Detail = fmt.Sprintf("the same certificate (SHA-256 %s…) as %s", c.SHA256[:16], first)
		}
	}
	if _, ok := set.first[c.SHA256]; !ok {
		set.first[c.SHA256] = fmt.Sprintf("%s (line %d)", strings.TrimPrefix(field, "vpn_server."), line)
	}
	add(fs, "")
	b.objects = append(b.objects, lint.ObjectInfo{Line: line, Type: pemformat.LabelCert, Kind: "certificate", Role: string(c.Role), Object: c.Object()})
}

// caSet is the body's upload set, and where each certificate first appears.
type caSet struct {
	*certcheck.Set
	first map[string]string
}

// checkName applies the documented name rule: 1–64 letters, digits, _ and -.
func (b *Body) checkName(v *yaml.Node, field string) {
	s := v.Value
	bad := func(detail string) { b.invalid(v, field, "invalid client CA name", detail) }
	switch n := utf8.RuneCountInString(s); {
	case n == 0:
		bad("the name is empty: omit it or give 1–64 letters, digits, _ or -")
		return
	case n > maxNameLen:
		bad(fmt.Sprintf("the name has %d characters; at most %d are allowed", n, maxNameLen))
		return
	}
	han := false
	for i, r := range []rune(s) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-'):
		case unicode.Is(unicode.Han, r):
			han = true
		default:
			bad(fmt.Sprintf("the name %s has %q at character %d; only letters, digits, _ and - are allowed", quote(s), r, i+1))
			return
		}
	}
	if han {
		b.report(v, field, codeChineseName, "the API documents only letters, digits, _ and -; the Chinese console also allows Chinese characters", s)
	}
}

// doubleEscaped recognises a content whose line breaks were escaped twice, a shell-quoting
// mistake: after JSON or YAML decoding it still holds the two characters \ and n (or \r\n)
// where the PEM's line breaks belong, so the cloud gets one long line. It returns a detail
// saying so, and whether unescaping once gives one certificate block.
func doubleEscaped(content, file, name string) (string, bool) {
	if !strings.Contains(content, "-----BEGIN") || !strings.Contains(content, `\n`) {
		return "", false
	}
	head, _, _ := strings.Cut(content, `\n`)
	if strings.Contains(head, "\n") || !strings.Contains(head, "-----BEGIN") {
		return "", false // real line breaks before the first \n: not an escaped PEM
	}
	n := strings.Count(content, `\n`)
	fixed := strings.NewReplacer(`\r\n`, "\n", `\n`, "\n").Replace(content)
	detail := fmt.Sprintf("the content holds %d literal \\n sequences (a backslash and an n) where its line breaks belong: the PEM was escaped twice, usually a shell-quoting mistake (a JSON string built from text that was already escaped, such as the output of jq without -r); the cloud reads one long line with no valid PEM block", n)
	if der, _, fs := pemformat.OneCertificate([]byte(fixed), file, name); der != nil && len(fs) == 0 {
		detail += "; with them turned into line breaks it is one valid CERTIFICATE block"
	}
	return detail, true
}

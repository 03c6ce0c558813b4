package bodycheck

// The other P2C request bodies (issue 10): the single client CA upload and its online check,
// VPN users (create, batch create, update, password change and reset), user-group
// membership, user groups and access policies. Each is recognised by its top-level key and
// judged with the same parser, lines, field paths and codes as the server body; what needs
// the VPN server as a whole (duplicates across bodies, counts, the users' static IPs against
// the client CIDR block) is judged per upload set by CheckSet.

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/lint"
	"gopkg.in/yaml.v3"
)

// Kinds of request body, named by their top-level key.
const (
	KindServer       = "vpn_server"
	KindClientCA     = "client_ca_certificate"
	KindUser         = "user"
	KindUsers        = "users"
	KindUserGroup    = "user_group"
	KindAccessPolicy = "access_policy"
	// KindPassword is a password change ({old_password, new_password}) or reset
	// ({new_password}): these bodies have no wrapping object.
	KindPassword = "new_password"
)

// kindOrder is the order top-level keys are looked for (vpn_server first: a server body is
// a server body whatever else it carries).
var kindOrder = []string{KindServer, KindClientCA, KindUser, KindUsers, KindUserGroup, KindAccessPolicy, KindPassword, "old_password"}

var codeUnknownKindField = lint.Register(lint.Code{
	ID: "VCL.1251", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0001",
	Message:  "Field %s is not a documented field of the %s request body.",
	DescEN:   "The field is not in the API's request body (client CA upload, VPN user, user group, membership, access policy or password body); it is either ignored or rejected as an invalid request. Usually it is a typo and the intended setting is missing.",
	RemedyEN: "Correct the field's name or remove it; see the VPN API reference for the request.",
	DescZH:   "字段%s不是%s请求体中的文档字段。",
	RemedyZH: "请更正字段名称或删除该字段。",
}).ID

// KindOf tells which request body data is: one of the Kind constants, or "" when it is none.
// Text that names a kind's key but does not parse is that kind (malformed) when path ends
// in .json, .yaml or .yml, or when it starts with '{' — as IsBody does for server bodies.
func KindOf(data []byte, path string) string {
	var named []string
	// Each form below holds a quote or a colon: without them (a PEM file) none can match, and
	// the searches would each read the whole file.
	dq, sq, colon := bytes.IndexByte(data, '"') >= 0, bytes.IndexByte(data, '\'') >= 0, bytes.IndexByte(data, ':') >= 0
	if !dq && !sq && !colon {
		return ""
	}
	for _, k := range kindOrder {
		// As a key: quoted (JSON, YAML) or followed by a colon (YAML). Base64 has neither, so
		// a certificate file whose PEM happens to spell "user" is not parsed as YAML.
		if dq && bytes.Contains(data, []byte(`"`+k+`"`)) || sq && bytes.Contains(data, []byte(`'`+k+`'`)) ||
			colon && (bytes.Contains(data, []byte(k+":")) || bytes.Contains(data, []byte(k+" :"))) {
			named = append(named, k)
		}
	}
	return kindOfNamed(data, path, named)
}

// kindOfNamed is KindOf's answer once the key search found the kinds named: the first named
// kind that is a key of the document, or, when the text does not parse, the first named kind
// if the file looks like a body (see KindOf).
func kindOfNamed(data []byte, path string, named []string) string {
	if len(named) == 0 {
		return ""
	}
	root, err := parse(data)
	if err != nil {
		if HasExtension(path) || looksJSON(data) {
			return normKind(named[0])
		}
		return ""
	}
	for _, k := range named {
		if kk, _ := lookup(root, k); kk != nil {
			return normKind(k)
		}
	}
	return ""
}

func normKind(k string) string {
	if k == "old_password" {
		return KindPassword
	}
	return k
}

// kindTitle names a kind in findings.
var kindTitle = map[string]string{
	KindClientCA:     "client CA certificate",
	KindUser:         "VPN user",
	KindUsers:        "VPN users",
	KindUserGroup:    "user group",
	KindAccessPolicy: "access policy",
	KindPassword:     "password",
}

// kindCheck judges one kind of non-server body (its Name is the kind).
type kindCheck = lint.Check[*kindBody, *Options]

// kindChecks (kindchecks_gen.go) are the checks of the other request bodies, one per kind,
// by variable name: every package-level &kindCheck{…}; RunKind runs the one whose Name is
// the body's kind. go generate rewrites the list.
//
//go:generate go run ../../scripts/genchecks -type=kindCheck -list=kindChecks -out=kindchecks_gen.go

// keyCodes are the codes every kind check's walk of the body's keys can report (top):
// VCL.1201 becomes VCL.1251 (codeUnknownKindField) once the check has run.
func keyCodes() []string { return []string{codeUnknownField, codeDuplicateKey} }

// ofKind is the Applies of kind checks: the body is of the check's kind.
func ofKind(kind string) func(*kindBody, *Options) bool {
	return func(k *kindBody, _ *Options) bool { return k.kind == kind }
}

// onKind adapts a kind check body, which reports into k, to Check.Run.
func onKind(fn func(k *kindBody)) func(*lint.Pass[*kindBody, *Options]) {
	return func(p *lint.Pass[*kindBody, *Options]) {
		b := p.Subject.Body
		n := len(b.findings)
		fn(p.Subject)
		p.Add(b.findings[n:]...)
		b.findings = b.findings[:n]
	}
}

func kindCodes() []string {
	codes := []string{"VPN.0001", codeDuplicateKey, codeUnknownKindField}
	codes = append(codes, setCodes...)
	codes = append(codes, userCodes...)
	codes = append(codes, policyCodes...)
	return append(codes, caUploadCodes()...)
}

// kindBody is one non-server body under check.
type kindBody struct {
	*Body
	kind  string
	entry *SetEntry
	// secrets are the body's passwords, never to be printed.
	secrets []string
}

// RunKind checks data, a request body of kind (from KindOf; not KindServer) read from file.
// The entry it returns is what the body adds to its upload set (CheckSet).
func RunKind(data []byte, kind, file, name string, o Options) (Result, *SetEntry) {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.CertPolicy == nil {
		o.CertPolicy = certcheck.DefaultPolicy()
	}
	b := &Body{File: file, Name: name, opts: &o, bad: map[string]bool{}}
	b.objects = append(b.objects, lint.ObjectInfo{Line: 1, Type: "BODY", Kind: "body"})
	k := &kindBody{Body: b, kind: kind, entry: &SetEntry{File: file}}
	root, err := parse(data)
	if err != nil {
		line := 0
		if se, ok := err.(*syntaxError); ok {
			line = se.line
		}
		b.add(lint.New("VPN.0001", err.Error(), "malformed "+langOf(data)).At(file, line))
		return b.result(), k.entry
	}
	b.Root = resolve(root)
	k.secrets = collectSecrets(b.Root, 0, nil)
	k.entry.secrets = k.secrets
	hideSecrets(b.Root, 0)
	if b.Root.Kind != yaml.MappingNode {
		_, got := typeOf(b.Root)
		b.invalid(b.Root, "", "the body is not an object", fmt.Sprintf("the body must be an object with a %s field; it is %s", kind, got))
	} else {
		b.findings = lint.Run(kindChecks, &lint.Pass[*kindBody, *Options]{Subject: k, Env: &o})
	}
	for i := range b.findings {
		f := &b.findings[i]
		if f.Code == codeUnknownField { // the server body's wording; this is another body
			f.Code = codeUnknownKindField
			f.Args = append(f.Args, kindTitle[kind])
		}
	}
	redact(b.findings, k.secrets)
	return b.result(), k.entry
}

// top checks the root's keys (duplicates, unknown fields, types) against fields, and
// returns the value of key (nil when absent, null or of the wrong type, reported).
func (k *kindBody) top(key string, fields map[string]*spec) *yaml.Node {
	k.walkKeys(k.Root, "", fields)
	kk, v := lookup(k.Root, key)
	switch {
	case kk == nil:
		k.invalid(k.Root, key, key+" is required", fmt.Sprintf("the body has no %s field", key))
		return nil
	case isNull(v):
		k.invalid(v, key, key+" is required", fmt.Sprintf("%s is null; it must be %s", key, fields[key].t))
		return nil
	case k.bad[key]:
		return nil
	}
	return v
}

// get returns field name of object obj at path p: its key and value nodes; the value is nil
// when absent, null or of the wrong type (already reported).
func (k *kindBody) get(obj *yaml.Node, p, name string) (*yaml.Node, *yaml.Node) {
	kk, v := lookup(obj, name)
	if v == nil || isNull(v) || k.bad[join(p, name)] {
		return kk, nil
	}
	return kk, v
}

// require reports the fields of obj (at p) that are missing or null.
func (k *kindBody) require(obj *yaml.Node, p, what string, names ...string) {
	for _, n := range names {
		if kk, v := lookup(obj, n); kk == nil || isNull(v) {
			k.invalid(k0(kk, obj), join(p, n), n+" is required", fmt.Sprintf("%s must have %s", what, n))
		}
	}
}

// secretKeys are the fields holding passwords.
var secretKeys = map[string]bool{"password": true, "old_password": true, "new_password": true}

// collectSecrets returns the scalar values of every password field under n.
func collectSecrets(n *yaml.Node, depth int, out []string) []string {
	n = resolve(n)
	if n == nil || depth > maxDepth {
		return out
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if v := resolve(n.Content[i+1]); secretKeys[n.Content[i].Value] && v != nil && v.Kind == yaml.ScalarNode && v.Value != "" {
				out = append(out, v.Value)
			}
		}
	}
	for _, c := range n.Content {
		out = collectSecrets(c, depth+1, out)
	}
	return out
}

// notShown stands for a password in the few details that would otherwise show one.
const notShown = "(password not shown)"

// hideSecrets replaces the text of password fields that are not strings (a number, a date),
// whose wrong type the structure check would otherwise show.
func hideSecrets(n *yaml.Node, depth int) {
	n = resolve(n)
	if n == nil || depth > maxDepth {
		return
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if v := resolve(n.Content[i+1]); secretKeys[n.Content[i].Value] && v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!str" && v.Tag != "!!null" {
				c := *v
				c.Value = notShown
				n.Content[i+1] = &c
			}
		}
	}
	for _, c := range n.Content {
		hideSecrets(c, depth+1)
	}
}

// redact takes every password out of the findings' details and arguments: a user name equal
// to a password (VPN.1309) must not show it either. Passwords of fewer than 4 characters are
// taken out where they stand quoted, or as a whole argument.
func redact(fs []lint.Finding, secrets []string) {
	if len(secrets) == 0 {
		return
	}
	sorted := append([]string(nil), secrets...)
	sort.Slice(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	clean := func(s string) string {
		for _, p := range sorted {
			if len([]rune(p)) >= 4 {
				s = strings.ReplaceAll(s, p, notShown)
			} else {
				s = strings.ReplaceAll(s, quote(p), notShown)
			}
		}
		return s
	}
	for i := range fs {
		fs[i].Detail = clean(fs[i].Detail)
		for j, a := range fs[i].Args {
			for _, p := range sorted {
				if a == p {
					a = notShown
				}
			}
			fs[i].Args[j] = clean(a)
		}
	}
}

package bodycheck

import (
	"fmt"
	"sort"
	"strings"

	"github.com/vpncertlint/vpncertlint/internal/suggest"
	"github.com/vpncertlint/vpncertlint/lint"
	"gopkg.in/yaml.v3"
)

var (
	codeUnknownField = lint.Register(lint.Code{
		ID: "VCL.1201", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0001",
		Message:  "Field %s is not a documented field of the VPN server body.",
		DescEN:   "The field is not in the Create/Update VPN Server API; it is either ignored or rejected as an invalid request. Usually it is a typo (local_subnet for local_subnets) and the intended setting is missing.",
		RemedyEN: "Correct the field's name or remove it; see the VPN API reference (vpn_api_0078, vpn_api_0080).",
		DescZH:   "字段%s不是VPN服务端请求体中的文档字段。",
		RemedyZH: "请更正字段名称或删除该字段。",
	}).ID
	codeDuplicateKey = lint.Register(lint.Code{
		ID: "VCL.1202", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0001",
		Message:  "Field %s appears more than once.",
		DescEN:   "A JSON object or YAML mapping repeats a key. Most JSON parsers keep the last value silently, some reject the request; either way one of the values is lost. vpncertlint checks the last one.",
		RemedyEN: "Keep one occurrence of the field.",
		DescZH:   "字段%s重复出现。",
		RemedyZH: "请只保留一个该字段。",
	}).ID
)

var _ = register(0, Check{
	Name:        "structure",
	Description: "The body parses as JSON or YAML, has a vpn_server object, the documented fields with their types, and (in a Create body) the required fields.",
	Codes:       []string{"VPN.0001", codeUnknownField, codeDuplicateKey},
	Run:         checkStructure,
})

// typ is a field's JSON type.
type typ int

const (
	tString typ = iota
	tInt
	tBool
	tObject
	tArray
)

func (t typ) String() string {
	return [...]string{"a string", "an integer", "a boolean", "an object", "an array"}[t]
}

// spec describes a field: its type, and the fields of an object or the element of an array.
type spec struct {
	t      typ
	fields map[string]*spec
	elem   *spec
}

var (
	str      = &spec{t: tString}
	integer  = &spec{t: tInt}
	boolean  = &spec{t: tBool}
	strArray = &spec{t: tArray, elem: str}
	// serverSpec is vpn_server's documented fields (Create and Update VPN Server).
	serverSpec = &spec{t: tObject, fields: map[string]*spec{
		"tunnel_protocol":  str,
		"client_cidr":      str,
		"local_subnets":    strArray,
		"client_auth_type": str,
		"server_certificate": {t: tObject, fields: map[string]*spec{
			"id": str, "source": str,
		}},
		"client_ca_certificates": {t: tArray, elem: &spec{t: tObject, fields: map[string]*spec{
			"name": str, "content": str,
		}}},
		"ssl_options": {t: tObject, fields: map[string]*spec{
			"protocol": str, "port": integer, "encryption_algorithm": str, "is_compressed": boolean,
		}},
		"dns_servers": strArray,
	}}
)

// typeOf names a node's type as JSON would.
func typeOf(n *yaml.Node) (typ, string) {
	switch n.Kind {
	case yaml.MappingNode:
		return tObject, "an object"
	case yaml.SequenceNode:
		return tArray, "an array"
	}
	switch n.Tag {
	case "!!str":
		return tString, "the string " + quote(n.Value)
	case "!!int":
		return tInt, "the integer " + n.Value
	case "!!bool":
		return tBool, "the boolean " + n.Value
	case "!!float":
		return -1, "the number " + n.Value
	}
	return -1, fmt.Sprintf("%s %s", strings.TrimPrefix(n.Tag, "!!"), quote(n.Value))
}

func checkStructure(b *Body) {
	root := resolve(b.Root)
	if root.Kind != yaml.MappingNode {
		_, got := typeOf(root)
		b.invalid(root, "", "the body is not an object", fmt.Sprintf("the body must be an object with a vpn_server field; it is %s", got))
		return
	}
	b.walkKeys(root, "", map[string]*spec{"vpn_server": serverSpec})
	k, vs := lookup(root, "vpn_server")
	switch {
	case k == nil:
		b.invalid(root, "vpn_server", "vpn_server is required", "the body has no vpn_server field")
		return
	case isNull(vs):
		b.invalid(vs, "vpn_server", "vpn_server is required", "vpn_server is null; it must be an object")
		return
	case vs.Kind != yaml.MappingNode:
		// reported by walkKeys as a wrong type
		return
	}
	b.VS = vs
	switch b.opts.Mode {
	case ModeCreate:
		b.Create = true
	case ModeUpdate:
		b.Create = false
	default:
		b.Create = b.has("tunnel_protocol")
	}
	if !b.Create {
		return
	}
	for _, f := range []string{"tunnel_protocol", "client_cidr", "client_auth_type"} {
		if k, v := lookup(vs, f); k == nil || isNull(v) {
			b.invalid(k0(k, vs), path(f), f+" is required",
				fmt.Sprintf("a Create VPN Server body must have %s (use --body update to check an Update body)", f))
		}
	}
}

func k0(k, parent *yaml.Node) *yaml.Node {
	if k != nil {
		return k
	}
	return parent
}

// walkKeys checks the keys of mapping m at path p against fields: duplicates, unknown
// fields, then each known field's type.
func (b *Body) walkKeys(m *yaml.Node, p string, fields map[string]*spec) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], resolve(m.Content[i+1])
		fp := join(p, k.Value)
		if seen[k.Value] {
			b.report(k, fp, codeDuplicateKey, "the key is repeated; the last value is the one checked", fp)
		}
		seen[k.Value] = true
		s, known := fields[k.Value]
		if !known {
			b.report(k, fp, codeUnknownField, unknownDetail(k.Value, fields), fp)
			continue
		}
		b.walk(v, fp, s)
	}
}

func join(p, k string) string {
	if p == "" {
		return k
	}
	return p + "." + k
}

func unknownDetail(name string, fields map[string]*spec) string {
	var names []string
	for n := range fields {
		names = append(names, n)
	}
	sort.Strings(names)
	if best := suggest.Closest(name, names); best != "" {
		return fmt.Sprintf("did you mean %s? the documented fields here are %s", best, strings.Join(names, ", "))
	}
	return "the documented fields here are " + strings.Join(names, ", ")
}

// walk checks that v at path p has the type s says, recursively.
func (b *Body) walk(v *yaml.Node, p string, s *spec) {
	if v == nil || isNull(v) {
		return
	}
	t, got := typeOf(v)
	if t != s.t {
		b.bad[p] = true
		b.invalid(v, p, "wrong type of "+strings.TrimPrefix(p, "vpn_server."), fmt.Sprintf("%s must be %s; it is %s", p, s.t, got))
		return
	}
	switch s.t {
	case tObject:
		b.walkKeys(v, p, s.fields)
	case tArray:
		for i, e := range v.Content {
			b.walk(resolve(e), index(p, i), s.elem)
		}
	}
}

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
	codeNotUpdatable = lint.Register(lint.Code{
		ID: "VCL.1220", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0001",
		Message:  "Field %s cannot be changed by Update VPN Server.",
		DescEN:   "The field is in the Create VPN Server body but not in the Update VPN Server body (UpdateServerRequest of the API and the SDK): an Update ignores it or rejects it as an invalid request, and the setting is not changed.",
		RemedyEN: "Remove the field from the Update body; change the setting with the API the detail names (client CAs: Import/Delete Client CA Certificate), or create the server again.",
		DescZH:   "字段%s不能通过更新VPN服务端接口修改。",
		RemedyZH: "请从更新请求体中删除该字段,并使用详情中指出的接口修改该配置(客户端CA证书:导入/删除客户端CA证书接口),或重新创建服务端。",
	}).ID
	codeIfCreate = lint.Register(lint.Code{
		ID: "VCL.1223", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0001",
		Message:  "If it is a Create VPN Server body, the cloud refuses it with %s.",
		DescEN:   "The body has no field that only a Create VPN Server body has, so it may be an Update body (the Terraform provider's Update bodies look like this), which may omit the field; as a Create body it is refused with the code the message names.",
		RemedyEN: "Say which request the body is (--body create or --body update, or a configuration's body mode); for a Create body, add the field the detail names.",
		DescZH:   "如果这是创建VPN服务端的请求体,云端会以%s拒绝它。",
		RemedyZH: "请指明请求体的类型(--body create 或 --body update);若为创建请求体,请补充详情中指出的字段。",
	}).ID
)

var structureCheck = &Check{
	Name:  "structure",
	Doc:   "The body parses as JSON or YAML, has a vpn_server object, the documented fields with their types, and (in a Create body) the required fields.",
	Codes: []string{"VPN.0001", codeUnknownField, codeDuplicateKey, codeNotUpdatable, codeIfCreate, codeYAMLVersions},
	Run:   onBody(checkStructure),
}

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
		"idp_name":    str,
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
	if b.isYAML {
		b.checkYAMLVersions(b.Root, "", 0)
	}
	if at, vs, detail := unwrap(root); detail != "" {
		// A body in a wrapper the API does not take: say what is expected, then check the
		// vpn_server object it holds as usual.
		b.invalid(at, "vpn_server", "the body must be {\"vpn_server\": {…}}", detail)
		if vs == nil || isNull(vs) {
			return
		}
		if vs.Kind != yaml.MappingNode {
			_, got := typeOf(vs)
			b.invalid(vs, "vpn_server", "wrong type of vpn_server", "vpn_server must be an object; it is "+got)
			return
		}
		b.walk(vs, "vpn_server", serverSpec)
		b.setVS(vs)
		return
	}
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
	b.setVS(vs)
}

// setVS takes vs as the body's vpn_server object, decides Create or Update and checks the
// fields a Create body requires, or those an Update body cannot have.
func (b *Body) setVS(vs *yaml.Node) {
	b.VS = vs
	switch b.opts.Mode {
	case ModeCreate:
		b.Create = true
	case ModeUpdate:
		b.Create = false
	default:
		b.Create, b.createBy = b.detectCreate()
	}
	if !b.Create {
		b.checkNotUpdatable()
		return
	}
	if k, v := lookup(vs, "client_cidr"); k == nil || isNull(v) {
		b.reportCreate(k0(k, vs), path("client_cidr"), "VPN.0001",
			"a Create VPN Server body must have client_cidr", "client_cidr is required")
	}
	if b.tunnel() == "SSL" {
		if k, v := lookup(vs, "ssl_options"); k == nil || isNull(v) {
			b.reportCreate(k0(k, vs), path("ssl_options"), "VPN.0001",
				"tunnel_protocol "+b.tunnelText()+" needs ssl_options (required for SSL in the SDK's and the provider's documentation; the Terraform provider sends {} when no ssl_options block is given)", "ssl_options is required")
		}
	}
}

// Fields only a Create body can have: UpdateServerRequest (SDK v0.1.207) has client_cidr,
// local_subnets, server_certificate.id, ssl_options.{protocol,port,encryption_algorithm},
// client_auth_type, dns_servers and idp_name; CreateServerRequest has those and these.
var createOnly = []struct {
	parent, name string
	// how says how the setting is changed instead of by Update VPN Server.
	how string
}{
	{"", "tunnel_protocol", "the tunnel protocol is set when the server is created (the Terraform provider does not change it in place)"},
	{"", "client_ca_certificates", "client CAs of an existing server are added with the Import Client CA Certificate API (POST /v5/{project_id}/p2c-vpn-gateways/vpn-servers/{vpn_server_id}/client-ca-certificates) and removed with Delete Client CA Certificate (DELETE …/client-ca-certificates/{certificate_id})"},
	{"server_certificate", "source", "the Update body's server_certificate has only id, a certificate in Cloud Certificate Manager"},
	{"ssl_options", "is_compressed", "compression is set when the server is created (the Terraform provider does not change it in place)"},
}

// createOnlyKeys returns the key nodes and paths of the Create-only fields the body has.
func (b *Body) createOnlyKeys() (keys []*yaml.Node, paths []string) {
	for _, f := range createOnly {
		m := b.VS
		p := path(f.name)
		if f.parent != "" {
			_, m = lookup(b.VS, f.parent)
			p = path(f.parent, f.name)
		}
		if k, _ := lookup(m, f.name); k != nil {
			keys, paths = append(keys, k), append(paths, p)
		}
	}
	return keys, paths
}

// detectCreate tells a Create body from an Update body (--body auto): a body with a field
// only Create has is a Create body; else one with both client_cidr and local_subnets (which
// Create requires and the SDK always sends) is a Create body; any other is an Update body.
// The second return says why, when the body could also be an Update body (for the details
// of findings only a Create body gets).
func (b *Body) detectCreate() (bool, string) {
	if _, paths := b.createOnlyKeys(); len(paths) > 0 {
		return true, "" // certainly a Create body: no hint needed
	}
	if b.has("client_cidr") && b.has("local_subnets") {
		return true, "it has client_cidr and local_subnets, which every Create body has"
	}
	return false, ""
}

// reportCreate reports a finding that only a Create body gets. When --body auto could not
// tell the body from an Update body (createBy is set), the cloud's error is not certain, so
// it becomes the warning VCL.1223 naming the code, its message and the detail: a false cloud
// error on a real Update body (the Terraform provider's carry client_cidr and local_subnets)
// would be as wrong as a miss.
func (b *Body) reportCreate(n *yaml.Node, path, code, detail string, args ...string) {
	if b.createBy == "" {
		b.report(n, path, code, detail, args...)
		return
	}
	msg := lint.MustLookup(code).Format(args...)
	b.report(n, path, codeIfCreate, fmt.Sprintf("as a Create body: %s %q (%s); the body could be either: %s, but no field only Create has (tunnel_protocol, client_ca_certificates, server_certificate.source, ssl_options.is_compressed)", code, msg, detail, b.createBy), code)
}

// tunnel is the body's tunnel protocol, SSL when omitted (the documented default).
func (b *Body) tunnel() string {
	if s, _, ok := b.str("tunnel_protocol"); ok {
		return s
	}
	if b.has("tunnel_protocol") && !b.isNullField("tunnel_protocol") {
		return "" // a wrong type, already reported
	}
	return "SSL"
}

func (b *Body) tunnelText() string {
	if _, _, ok := b.str("tunnel_protocol"); ok {
		return "SSL"
	}
	return "SSL (the default)"
}

// authType is the body's client_auth_type; in a Create body LOCAL_PASSWORD when omitted.
func (b *Body) authType() (string, bool) {
	if s, _, ok := b.str("client_auth_type"); ok {
		return s, false
	}
	if b.Create && (!b.has("client_auth_type") || b.isNullField("client_auth_type")) {
		return "LOCAL_PASSWORD", true
	}
	return "", false
}

func (b *Body) isNullField(name string) bool {
	_, v := lookup(b.VS, name)
	return v != nil && isNull(v)
}

// checkNotUpdatable warns about the fields an Update body cannot carry.
func (b *Body) checkNotUpdatable() {
	keys, paths := b.createOnlyKeys()
	for i, k := range keys {
		how := ""
		for _, f := range createOnly {
			if paths[i] == path(f.name) || paths[i] == path(f.parent, f.name) {
				how = f.how
			}
		}
		b.report(k, paths[i], codeNotUpdatable, fmt.Sprintf("%s is not a field of UpdateServerRequest; %s", strings.TrimPrefix(paths[i], "vpn_server."), how), strings.TrimPrefix(paths[i], "vpn_server."))
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

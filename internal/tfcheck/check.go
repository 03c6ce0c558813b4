package tfcheck

import (
	"fmt"
	"net/netip"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/internal/bodycheck"
	"github.com/vpncertlint/vpncertlint/internal/pemscan"
	"github.com/vpncertlint/vpncertlint/internal/servercheck"
	"github.com/vpncertlint/vpncertlint/lint"
)

// CodeUnknown is the notice for a value Terraform knows only at apply.
var CodeUnknown = lint.Register(lint.Code{
	ID: "VCL.1260", Source: lint.SourceTool, Severity: lint.Notice,
	Message:  "The value of %s is not known before apply; it is not checked.",
	DescEN:   "The argument's value is computed by Terraform during apply (a plan's unknown value), or it is an expression vpncertlint does not evaluate in a configuration (a function or a reference other than those it knows). The request body is checked without it.",
	RemedyEN: "Check the plan rather than the configuration, or give the value as a literal, a variable, a local or a file(); run vpncertlint on the file the value comes from.",
	DescZH:   "参数%s的值在apply之前未知,未予检查。",
	RemedyZH: "请检查plan而非配置,或将该值写为字面量、变量、local或file();也可直接检查该值所在的文件。",
}).ID

// Codes lists the codes of the package (the body and certificate checks' are theirs).
func Codes() []string { return []string{CodeUnknown} }

// unknownT marks a value not known before apply.
type unknownT struct{ why string }

// Resource is one instance of a checked resource, from a plan or a configuration.
type Resource struct {
	// Address is the instance's address (module.vpn.huaweicloud_vpn_user.u["alice"]);
	// Config the address of its resource block (module.vpn.huaweicloud_vpn_user.u).
	Address, Config string
	// Module is the module path ("" for the root module, module.vpn for a child).
	Module     string
	Type, Name string
	// Update marks an in-place update (the provider's Update bodies); Context a resource
	// the plan leaves as it is (no-op): it counts in its upload set, and is not reported.
	Update, Context bool
	// Values are the arguments, decoded from JSON or from cty: string, float64, bool,
	// []any, map[string]any, nil; unknownT for a value known only at apply.
	Values map[string]any
	// Sensitive are the string values that must never be printed.
	Sensitive []string
	// File and Line locate the resource block; Args the arguments (by path) where known.
	File string
	Line int
	Args map[string]Pos
	// ServerRef is the address of the huaweicloud_vpn_server its vpn_server_id refers to
	// (without instance key), when the reference is known.
	ServerRef string
	// Notes are findings about the resource from reading it (unknown values of a configuration).
	Notes []lint.Finding
	// Unchecked marks a resource whose instances are not known: only its Notes are reported.
	Unchecked bool
}

// Pos is a place in a .tf file.
type Pos struct {
	File string
	Line int
}

// Options configure a check.
type Options struct {
	Now            time.Time
	CertPolicy     *certcheck.Policy
	MaxConnections int
	VPCRoutes      []netip.Prefix
}

// Placeholders stand for values unknown before apply that a body must have; findings that
// mention one are dropped.
const (
	placeholderID   = "unknown-until-apply"
	placeholderName = "tf-unknown-value"
	placeholderPass = "Tf-unknown-Value-1"
	placeholderCIDR = "198.19.255.0/24"
	placeholderNet  = "198.18.0.0/16"
)

var placeholders = []string{placeholderID, placeholderName, placeholderPass, placeholderCIDR, placeholderNet}

type checker struct {
	o        Options
	synths   map[string]*synth
	nsynth   int
	sets     map[string]*setData
	setOrder []string
}

type setData struct {
	cas     []setCA
	entries []*bodycheck.SetEntry
}

type setCA struct {
	cert   *certcheck.Cert
	report bool
}

// Check checks resources (in order) and returns the findings, placed on the resources.
func Check(resources []*Resource, o Options) []lint.Finding {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.CertPolicy == nil {
		o.CertPolicy = certcheck.DefaultPolicy()
	}
	c := &checker{o: o, synths: map[string]*synth{}, sets: map[string]*setData{}}
	var out []lint.Finding
	for _, r := range resources {
		if !r.Context {
			out = append(out, r.Notes...)
			out = append(out, c.unknownNotes(r)...)
		}
		if r.Unchecked {
			continue
		}
		var fs []lint.Finding
		switch r.Type {
		case TypeServer:
			fs = c.server(r)
		case TypeClientCA:
			fs = c.clientCA(r)
		case TypeUser:
			fs = c.user(r)
		case TypeUserGroup:
			fs = c.userGroup(r)
		case TypePolicy:
			fs = c.policy(r)
		case TypeCCM:
			fs = c.ccm(r)
		}
		out = append(out, c.placeAll(fs)...)
	}
	for _, key := range c.setOrder {
		sd := c.sets[key]
		set := certcheck.NewSet(o.CertPolicy)
		report := map[*certcheck.Cert]bool{}
		var fs []lint.Finding
		for _, ca := range sd.cas {
			report[ca.cert] = ca.report
			got := set.Add(ca.cert)
			if ca.report {
				fs = append(fs, got...)
			}
		}
		fs = append(fs, set.FinishFor(func(c *certcheck.Cert) bool { return report[c] })...)
		fs = append(fs, bodycheck.CheckSet(sd.entries, o.MaxConnections)...)
		out = append(out, c.placeAll(fs)...)
	}
	return out
}

func (c *checker) set(key string) *setData {
	sd := c.sets[key]
	if sd == nil {
		sd = &setData{}
		c.sets[key] = sd
		c.setOrder = append(c.setOrder, key)
	}
	return sd
}

// setKey names the upload set (the VPN server) of a resource.
func setKey(r *Resource) string {
	if r.Type == TypeServer {
		return r.Config
	}
	if r.ServerRef != "" {
		return r.ServerRef
	}
	if s, ok := r.Values["vpn_server_id"].(string); ok && s != "" {
		return "id:" + s
	}
	return "unknown:" + r.Address // a set of its own
}

func (c *checker) bodyOptions(r *Resource) bodycheck.Options {
	mode := bodycheck.ModeCreate
	if r.Update {
		mode = bodycheck.ModeUpdate
	}
	return bodycheck.Options{Mode: mode, MaxConnections: c.o.MaxConnections, VPCRoutes: c.o.VPCRoutes, Now: c.o.Now, CertPolicy: c.o.CertPolicy}
}

// value reads an argument path of the resource ("ssl_options[0].port").
func (r *Resource) value(path string) any {
	var v any = r.Values
	for _, part := range splitPath(path) {
		switch x := v.(type) {
		case map[string]any:
			v = x[part]
		case []any:
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		case unknownT:
			return x
		default:
			return nil
		}
	}
	return v
}

func splitPath(p string) []string {
	p = strings.NewReplacer("[", ".", "]", "").Replace(p)
	return strings.Split(p, ".")
}

func isUnknown(v any) bool {
	_, ok := v.(unknownT)
	return ok
}

// str is a string argument: its value, and whether it is unknown.
func (r *Resource) str(path string) (string, bool) {
	v := r.value(path)
	if isUnknown(v) {
		return "", true
	}
	s, _ := v.(string)
	return s, false
}

func (r *Resource) list(path string) ([]any, bool) {
	v := r.value(path)
	if isUnknown(v) {
		return nil, true
	}
	l, _ := v.([]any)
	return l, false
}

// unknownNotes names the checked arguments whose values are unknown (IDs of resources
// created by the same apply are always unknown: they are not checked, so not named).
func (c *checker) unknownNotes(r *Resource) []lint.Finding {
	var paths []string
	walkUnknown(r.Values, "", func(path string) {
		if checkedUnknown(r.Type, path) {
			paths = append(paths, path)
		}
	})
	sort.Strings(paths)
	var out []lint.Finding
	for _, p := range paths {
		why := "its value is known only after apply"
		if u, _ := r.value(p).(unknownT); u.why != "" {
			why = u.why
		}
		pos := r.pos(p)
		f := lint.New(CodeUnknown, fmt.Sprintf("%s of %s: %s", p, r.Address, why), r.Address+"."+p).At(pos.File, pos.Line)
		f.Resource, f.Field = r.Address, p
		out = append(out, f)
	}
	return out
}

// walkUnknown calls found with the path of each unknown value in v.
func walkUnknown(v any, path string, found func(path string)) {
	switch x := v.(type) {
	case unknownT:
		found(path)
	case map[string]any:
		for k, e := range x {
			p := k
			if path != "" {
				p = path + "." + k
			}
			walkUnknown(e, p, found)
		}
	case []any:
		for i, e := range x {
			walkUnknown(e, index(path, i), found)
		}
	}
}

// checkedUnknown says whether an unknown value at path is one a check would read: an
// argument sent to the API that is not an ID, or an element of such a list.
func checkedUnknown(typ, path string) bool {
	if a, ok := Lookup(typ, path); ok {
		return a.API != "" && !strings.HasSuffix(a.Path, "id")
	}
	if generic(path) == path {
		return false
	}
	a, ok := Lookup(typ, strings.TrimSuffix(path, path[strings.LastIndexByte(path, '['):]))
	return ok && a.API != ""
}

// pos is where an argument is written (the nearest enclosing argument's place, else the
// resource's).
func (r *Resource) pos(arg string) Pos {
	for a := arg; a != ""; {
		if p, ok := r.Args[a]; ok {
			return p
		}
		i := strings.LastIndexAny(a, ".[")
		if i < 0 {
			break
		}
		a = a[:i]
	}
	return Pos{r.File, r.Line}
}

var (
	synthRef = regexp.MustCompile(`tf-body-(\d+)\.json:(\d+)`)
	lineRef  = regexp.MustCompile(`\(line (\d+)\)`)
	// a set finding names the other body's field after its place: the argument says it
	bodyField = regexp.MustCompile(`(tf-body-\d+\.json:\d+) \((?:user|users\[\d+\]|user_group|access_policy|client_ca_certificate)\)`)
)

// placeAll moves findings from the made-up bodies to the resources' arguments.
func (c *checker) placeAll(fs []lint.Finding) []lint.Finding {
	var out []lint.Finding
	for _, f := range fs {
		if f, ok := c.place(f); ok {
			out = append(out, f)
		}
	}
	return out
}

func (c *checker) where(s *synth, line int) string {
	arg := s.argAt(line)
	p := s.res.pos(arg)
	name := s.res.Address
	if arg != "" {
		name += "." + arg
	}
	if strings.HasSuffix(p.File, ".tf") && p.Line > 0 {
		return fmt.Sprintf("%s, %s:%d", name, p.File, p.Line)
	}
	return name
}

func (c *checker) place(f lint.Finding) (lint.Finding, bool) {
	s := c.synths[f.File]
	if s == nil {
		return f, true
	}
	if s.res.Context {
		return f, false
	}
	arg := s.argAt(f.Line)
	if s.dropped[arg] || s.dropped["*"+f.Code] || hasPlaceholder(f) {
		return f, false
	}
	f.Detail = c.rewrite(s, f.Detail)
	args := make([]string, len(f.Args))
	for i, a := range f.Args {
		args[i] = c.rewrite(s, a)
	}
	f.Args = args
	p := s.res.pos(arg)
	f.File, f.Line = p.File, p.Line
	f.Resource, f.Field = s.res.Address, arg
	f.Object = lint.Object{} // the made-up body's objects are not the report's
	return f, true
}

// hasPlaceholder says whether a finding is about a placeholder value (in its detail or
// arguments): it says nothing of the configuration.
func hasPlaceholder(f lint.Finding) bool {
	for _, p := range placeholders {
		if strings.Contains(f.Detail, p) {
			return true
		}
		for _, a := range f.Args {
			if strings.Contains(a, p) {
				return true
			}
		}
	}
	return false
}

// rewrite turns the made-up bodies' places in a text of a finding of s into the resources'
// arguments, and hides s's sensitive values.
func (c *checker) rewrite(s *synth, t string) string {
	t = bodyField.ReplaceAllString(t, "$1")
	t = synthRef.ReplaceAllStringFunc(t, func(m string) string {
		sub := synthRef.FindStringSubmatch(m)
		other := c.synths[synthName(atoi(sub[1]))]
		if other == nil {
			return m
		}
		return c.where(other, atoi(sub[2]))
	})
	t = lineRef.ReplaceAllStringFunc(t, func(m string) string {
		return "(" + c.where(s, atoi(lineRef.FindStringSubmatch(m)[1])) + ")"
	})
	t = strings.ReplaceAll(t, s.file, s.res.Address)
	for _, secret := range s.res.Sensitive {
		if len(secret) >= 4 {
			t = strings.ReplaceAll(t, secret, "(sensitive value not shown)")
		}
	}
	return t
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// addSetCAs parses the PEM content of a synth's line as client CAs of a set.
func (c *checker) addSetCAs(sd *setData, s *synth, line int, content string, report bool) {
	for _, b := range pemscan.Scan([]byte(content)).Blocks {
		if b.Type != "CERTIFICATE" || b.Problem != pemscan.ProblemNone {
			continue
		}
		cert := certcheck.NewCert(b.Bytes, s.file, line, s.res.Address)
		cert.Role = certcheck.RoleCA
		sd.cas = append(sd.cas, setCA{cert: cert, report: report})
	}
}

// lineOf is the synth's line of an argument.
func (s *synth) lineOf(arg string) int {
	for l, a := range s.lines {
		if a == arg {
			return l
		}
	}
	return 0
}

// server checks a huaweicloud_vpn_server as the Create (or Update) body the provider sends.
func (c *checker) server(r *Resource) []lint.Finding {
	s := c.newSynth(r)
	vs := obj{}
	// local_subnets (a set) and client_cidr are always sent on Create
	if m, ok := listMember(r, s, "local_subnets"); ok {
		vs = append(vs, m)
	}
	vs = append(vs, serverSettings(r, s)...)
	cas, casUnknown := r.list("client_ca_certificates")
	if casUnknown {
		s.dropped["*VPN.1101"] = true
	}
	var inline []int // indexes of the known client CAs
	if !r.Update {
		var m obj
		m, inline = serverCAs(r, s, cas)
		vs = append(vs, m...)
	}
	if m, ok := serverSSL(r); ok {
		vs = append(vs, m)
	}
	s.body(obj{{"vpn_server", vs, ""}})
	o := c.bodyOptions(r)
	res := bodycheck.Run(s.data, s.file, r.Address, o)
	fs := res.Findings
	if r.Update {
		// an Update uploads new client CAs through the client CA API
		for i := range cas {
			fs = append(fs, c.clientCABody(r, index("client_ca_certificates", i), true)...)
		}
	}
	sd := c.set(setKey(r))
	if e := bodycheck.ServerEntry(s.data, s.file); e != nil {
		sd.entries = append(sd.entries, e)
	}
	for _, i := range inline {
		p := index("client_ca_certificates", i) + ".content"
		content, _ := r.str(p)
		c.addSetCAs(sd, s, s.lineOf(p), content, false)
	}
	return fs
}

// listMember is the list argument k as a body member: an unknown list is sent as a
// placeholder (its findings dropped), its unknown elements are left out; ok is false when an
// Update does not set it.
func listMember(r *Resource, s *synth, k string) (m member, ok bool) {
	l, unk := r.list(k)
	if unk {
		s.dropped[k] = true
		return member{k, arr{{val: placeholderCIDR, arg: k}}, k}, true
	}
	if l == nil && r.Update {
		return member{}, false
	}
	a := arr{}
	for i, e := range l {
		p := index(k, i)
		if isUnknown(e) {
			s.dropped[p] = true
			continue
		}
		a = append(a, member{val: e, arg: p})
	}
	return member{k, a, k}, true
}

// serverSettings are the server body's client_cidr, tunnel_protocol (Create),
// client_auth_type and server_certificate.
func serverSettings(r *Resource, s *synth) obj {
	vs := obj{}
	if v, unk := r.str("client_cidr"); unk {
		s.dropped["client_cidr"] = true
		vs = append(vs, member{"client_cidr", placeholderNet, "client_cidr"})
	} else if v != "" || !r.Update {
		vs = append(vs, member{"client_cidr", v, "client_cidr"})
	}
	if v, unk := r.str("tunnel_protocol"); !r.Update && !unk && v != "" {
		vs = append(vs, member{"tunnel_protocol", v, "tunnel_protocol"})
	}
	if v, unk := r.str("client_auth_type"); unk {
		s.dropped["*VPN.1101"], s.dropped["*VCL.1221"] = true, true
	} else if v != "" {
		vs = append(vs, member{"client_auth_type", v, "client_auth_type"})
	}
	if l, _ := r.list("server_certificate"); len(l) > 0 {
		id, unk := r.str("server_certificate[0].id")
		if unk {
			id = placeholderID
		}
		vs = append(vs, member{"server_certificate", obj{{"id", id, "server_certificate[0].id"}}, "server_certificate[0]"})
	}
	return vs
}

// serverCAs is a Create body's client_ca_certificates member (none when no content is
// known) and the indexes of the client CAs in it.
func serverCAs(r *Resource, s *synth, cas []any) (obj, []int) {
	var inline []int
	a := arr{}
	for i := range cas {
		p := index("client_ca_certificates", i)
		content, unk := r.str(p + ".content")
		if unk {
			s.dropped["*VPN.1101"] = true
			continue
		}
		m := obj{{"content", content, p + ".content"}}
		if name, unk := r.str(p + ".name"); !unk && name != "" {
			m = append(m, member{"name", name, p + ".name"})
		}
		a = append(a, member{val: m, arg: p})
		inline = append(inline, i)
	}
	if len(a) == 0 {
		return nil, inline
	}
	return obj{{"client_ca_certificates", a, "client_ca_certificates"}}, inline
}

// serverSSL is the server body's ssl_options member: sent when the block sets something,
// and on a Create of an SSL server.
func serverSSL(r *Resource) (member, bool) {
	ssl := obj{}
	if sslBlock, _ := r.list("ssl_options"); len(sslBlock) > 0 {
		for _, k := range []string{"protocol", "port", "encryption_algorithm", "is_compressed"} {
			p := "ssl_options[0]." + k
			if v, ok := sslValue(r, k, r.value(p)); ok {
				ssl = append(ssl, member{k, v, p})
			}
		}
	}
	tp, _ := r.str("tunnel_protocol")
	if len(ssl) > 0 || (!r.Update && (tp == "" || tp == "SSL")) {
		return member{"ssl_options", ssl, "ssl_options[0]"}, true
	}
	return member{}, false
}

// sslValue says whether an ssl_options argument is sent: a set string or number, a bool
// (is_compressed only on Create).
func sslValue(r *Resource, k string, v any) (any, bool) {
	switch x := v.(type) {
	case string:
		return x, x != ""
	case float64:
		return x, x != 0
	case bool:
		return x, !r.Update || k != "is_compressed"
	}
	return nil, false
}

// clientCABody checks one client CA upload: prefix is "" for the client CA resource, or the
// server's client_ca_certificates[N] element uploaded by an Update.
func (c *checker) clientCABody(r *Resource, prefix string, inSet bool) []lint.Finding {
	s := c.newSynth(r)
	join := func(k string) string {
		if prefix == "" {
			return k
		}
		return prefix + "." + k
	}
	body := obj{}
	name, unkName := r.str(join("name"))
	if unkName {
		s.dropped[join("name")] = true
		name = placeholderName
	}
	if name != "" || prefix == "" {
		body = append(body, member{"name", name, join("name")})
	}
	content, unk := r.str(join("content"))
	o := c.bodyOptions(r)
	create := !unk && (!r.Update || prefix != "")
	if create {
		body = append(body, member{"content", content, join("content")})
		o.Mode = bodycheck.ModeCreate
	} else {
		o.Mode = bodycheck.ModeUpdate // a rename
	}
	s.body(obj{{"client_ca_certificate", body, prefix}})
	res, _ := bodycheck.RunKind(s.data, bodycheck.KindClientCA, s.file, r.Address, o)
	if create && inSet {
		sd := c.set(setKey(r))
		c.addSetCAs(sd, s, s.lineOf(join("content")), content, true)
	}
	return res.Findings
}

func (c *checker) clientCA(r *Resource) []lint.Finding {
	return c.clientCABody(r, "", true)
}

// kindBody checks a P2C body of kind made of the resource's string arguments; required ones
// get a placeholder when unknown.
func (c *checker) kindBody(r *Resource, kind string, fields []string, required map[string]string, lists map[string]bool) []lint.Finding {
	s := c.newSynth(r)
	body := obj{}
	for _, k := range fields {
		var m member
		var ok bool
		if lists[k] {
			m, ok = listMember(r, s, k)
		} else {
			m, ok = stringMember(r, s, k, required)
		}
		if ok {
			body = append(body, m)
		}
	}
	s.body(obj{{kind, body, ""}})
	res, entry := bodycheck.RunKind(s.data, kind, s.file, r.Address, c.bodyOptions(r))
	if entry != nil {
		sd := c.set(setKey(r))
		sd.entries = append(sd.entries, entry)
	}
	return res.Findings
}

// stringMember is the string argument k as a body member: sent when set or required, a
// required one as its placeholder when unknown (its findings dropped).
func stringMember(r *Resource, s *synth, k string, required map[string]string) (member, bool) {
	v, unk := r.str(k)
	ph, req := required[k]
	if unk {
		s.dropped[k] = true
		return member{k, ph, k}, req
	}
	return member{k, v, k}, req || v != ""
}

func (c *checker) user(r *Resource) []lint.Finding {
	if r.Update {
		fs := c.kindBody(r, bodycheck.KindUser, []string{"description", "user_group_id"}, nil, nil)
		return fs
	}
	return c.kindBody(r, bodycheck.KindUser, []string{"name", "password", "description", "user_group_id"},
		map[string]string{"name": placeholderName, "password": placeholderPass}, nil)
}

func (c *checker) userGroup(r *Resource) []lint.Finding {
	fs := c.kindBody(r, bodycheck.KindUserGroup, []string{"name", "description"}, map[string]string{"name": placeholderName}, nil)
	// the users block is sent as an add-to-group body, when the IDs are known
	users, unk := r.list("users")
	if unk || len(users) == 0 {
		return fs
	}
	s := c.newSynth(r)
	a := arr{}
	for i := range users {
		p := index("users", i)
		id, unk := r.str(p + ".id")
		if unk {
			return fs
		}
		a = append(a, member{val: obj{{"id", id, p + ".id"}}, arg: p})
	}
	s.body(obj{{"users", a, "users"}})
	res, _ := bodycheck.RunKind(s.data, bodycheck.KindUsers, s.file, r.Address, c.bodyOptions(r))
	return append(fs, res.Findings...)
}

func (c *checker) policy(r *Resource) []lint.Finding {
	return c.kindBody(r, bodycheck.KindAccessPolicy, []string{"name", "user_group_id", "dest_ip_cidrs", "description"},
		map[string]string{"name": placeholderName, "user_group_id": placeholderID}, map[string]bool{"dest_ip_cidrs": true})
}

// ccm checks a Certificate Manager import: the certificate (leaf first, its chain may
// follow) as the VPN server's certificate, the chain and the private key as the import
// bundle. Nothing of the key is printed.
func (c *checker) ccm(r *Resource) []lint.Finding {
	cert, unk := r.str("certificate")
	if unk || cert == "" {
		return nil
	}
	cs := c.newSynth(r)
	cs.arg, cs.data = "certificate", []byte(cert)
	env := &certcheck.Env{Now: c.o.Now, Policy: c.o.CertPolicy}
	var servers []*certcheck.Cert
	var out []lint.Finding
	for _, b := range pemscan.Scan(cs.data).Blocks {
		if b.Type != "CERTIFICATE" || b.Problem != pemscan.ProblemNone {
			continue
		}
		sc := certcheck.NewCert(b.Bytes, cs.file, b.BeginLine, r.Address)
		sc.Role = certcheck.RoleServer
		servers = append(servers, sc)
		out = append(out, certcheck.Run(sc, env)...)
	}
	if len(servers) == 0 {
		out = append(out, lint.New("VPN.0074", "the certificate argument holds no PEM CERTIFICATE block", r.Address).At(cs.file, 1))
		return out
	}
	so := servercheck.Options{Now: c.o.Now, Contents: map[string][]byte{}}
	for _, k := range []string{"certificate_chain", "private_key"} {
		v, unk := r.str(k)
		if unk || v == "" {
			continue
		}
		s := c.newSynth(r)
		s.arg, s.data = k, []byte(v)
		so.Contents[s.file] = s.data
		if k == "private_key" {
			so.KeyFile = s.file
		} else {
			so.ChainFile = s.file
		}
	}
	_, fs := servercheck.Check(servers, nil, so)
	return append(out, fs...)
}

// IsUnknown tells whether a value of Resource.Values is known only at apply.
func IsUnknown(v any) bool { return isUnknown(v) }

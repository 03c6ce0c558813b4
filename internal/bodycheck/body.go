// Package bodycheck lints a Create or Update VPN Server request body ({"vpn_server": {…}},
// JSON or YAML) as Huawei Cloud would judge it: required fields and their types, the
// documented enumerations, the CIDR rules (VPN.1103–1119), the server certificate and the
// client CAs, whose contents go through every certificate check as client CA uploads.
// One small file per rule family, each declaring the codes it can raise.
package bodycheck

import (
	"fmt"
	"net/netip"
	"strings"
	"time"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/lint"
	"gopkg.in/yaml.v3"
)

// Modes for Options.Mode (--body).
const (
	ModeAuto   = "auto"
	ModeCreate = "create"
	ModeUpdate = "update"
)

// Modes lists the valid modes.
var Modes = []string{ModeAuto, ModeCreate, ModeUpdate}

// Limits the cloud documents.
const (
	MinConnections  = 1
	MaxConnections  = 500
	maxLocalSubnets = 20
	maxClientCAs    = 10
	maxDNSServers   = 2
)

// ValidConnections reports whether n is a gateway's maximum connections as the cloud allows
// it (MinConnections to MaxConnections): the one place the range is checked (--max-connections,
// a configuration's gateway.max_connections, engine.Options).
func ValidConnections(n int) bool { return n >= MinConnections && n <= MaxConnections }

// Options configure a body check.
type Options struct {
	// Mode is auto (see detectCreate), create or update.
	Mode string
	// MaxConnections is the gateway's maximum connections (1–500); 0 skips VPN.1108.
	MaxConnections int
	// VPCRoutes are the VPC's routes the client CIDR must not overlap (VPN.1109).
	VPCRoutes  []netip.Prefix
	Now        time.Time
	CertPolicy *certcheck.Policy
}

// ParseRoute reads a --vpc-route value: an IPv4 CIDR block such as 10.0.0.0/16.
func ParseRoute(s string) (netip.Prefix, error) {
	c := parseCIDR(s)
	if c.problem != "" {
		return netip.Prefix{}, fmt.Errorf("--vpc-route %q is not a canonical IPv4 CIDR block: %s", s, c.problem)
	}
	return c.prefix, nil
}

// Result is what checking one body produced.
type Result struct {
	Findings []lint.Finding
	Objects  []lint.ObjectInfo
}

// Body is one server body under check.
type Body struct {
	File string // as given
	Name string // the file's display name
	// Create is true for a Create body (every required field must be there).
	Create bool
	// createBy says why --body auto took the body for a Create body ("" otherwise).
	createBy string
	// isYAML is set for a YAML document (JSON is read by encoding/json).
	isYAML bool
	// subnets caches localSubnets.
	subnets *[]localSubnet
	// Root is the document's top node; VS the vpn_server mapping (nil when it is not one).
	Root, VS *yaml.Node
	opts     *Options
	findings []lint.Finding
	objects  []lint.ObjectInfo
	// bad marks fields (by path) whose type is wrong, so later rules skip them.
	bad map[string]bool
}

// Check is one family of server body rules: it looks at a *Body (and reports into it)
// and may read the *Options.
type Check = lint.Check[*Body, *Options]

// checks (checks_gen.go) are the server body checks, in the order they run: the -first
// ones below (structure first: the others apply only to a body it found to be a vpn_server
// object, isServer), then any other package-level &Check{…} by variable name. A new check is
// one file declaring its codes and a *Check; go generate rewrites the list.
//
//go:generate go run ../../scripts/genchecks -type=Check -list=checks -first=structureCheck,settingsCheck,serverCertCheck,clientCAsCheck,clientCIDRCheck,localSubnetsCheck

// isServer is the Applies of every check after structure: the body has a vpn_server object.
func isServer(b *Body, _ *Options) bool { return b.VS != nil }

// onBody adapts a check body, which reports into b, to Check.Run.
func onBody(fn func(b *Body)) func(*lint.Pass[*Body, *Options]) {
	return func(p *lint.Pass[*Body, *Options]) {
		b := p.Subject
		n := len(b.findings)
		fn(b)
		p.Add(b.findings[n:]...)
		b.findings = b.findings[:n]
	}
}

// Codes lists every code a server body check or another request body's check (RunKind,
// CheckSet) can raise.
func Codes() []string {
	return append(lint.CodesOf(checks), kindCodes()...)
}

// Run checks data, a server body read from file (name is its display name).
func Run(data []byte, file, name string, o Options) Result {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.CertPolicy == nil {
		o.CertPolicy = certcheck.DefaultPolicy()
	}
	b := &Body{File: file, Name: name, opts: &o, bad: map[string]bool{}}
	b.objects = append(b.objects, lint.ObjectInfo{Line: 1, Type: "BODY", Kind: "body"})
	root, err := parse(data)
	if err != nil {
		line, reason := 0, "malformed "+langOf(data)
		if se, ok := err.(*syntaxError); ok {
			line = se.line
			if se.deep {
				reason = se.lang + " nested too deep"
			}
		}
		b.add(lint.New("VPN.0001", err.Error(), reason).At(file, line))
		return b.result()
	}
	b.Root = root
	b.isYAML = !looksJSON(data)
	b.findings = lint.Run(checks, &lint.Pass[*Body, *Options]{Subject: b, Env: &o})
	return b.result()
}

func langOf(data []byte) string {
	if looksJSON(data) {
		return "JSON"
	}
	return "YAML"
}

func (b *Body) result() Result {
	return Result{Findings: b.findings, Objects: b.objects}
}

func (b *Body) add(f lint.Finding) { b.findings = append(b.findings, f) }

// report adds a finding of code at node n (its line) about field path.
func (b *Body) report(n *yaml.Node, path, code, detail string, args ...string) {
	line := 0
	if n != nil {
		line = n.Line
	}
	f := lint.New(code, detail, args...).At(b.File, line)
	f.Field = path
	b.add(f)
}

// invalid reports VPN.0001 ("invalid request:xxx") with reason as xxx.
func (b *Body) invalid(n *yaml.Node, path, reason, detail string) {
	b.report(n, path, "VPN.0001", detail, reason)
}

// field returns the key and value nodes of vpn_server.name; the value is nil when the field
// is absent, null, or of the wrong type (already reported).
func (b *Body) field(name string) (*yaml.Node, *yaml.Node) {
	k, v := lookup(b.VS, name)
	if v == nil || isNull(v) || b.bad[path(name)] {
		return k, nil
	}
	return k, v
}

// has reports whether vpn_server carries name (even null or ill-typed).
func (b *Body) has(name string) bool {
	k, _ := lookup(b.VS, name)
	return k != nil
}

// str returns the string value of vpn_server.name, its node, and whether it is set.
func (b *Body) str(name string) (string, *yaml.Node, bool) {
	_, v := b.field(name)
	if v == nil {
		return "", nil, false
	}
	return v.Value, v, true
}

func path(parts ...string) string {
	return "vpn_server." + strings.Join(parts, ".")
}

func index(p string, i int) string { return fmt.Sprintf("%s[%d]", p, i) }

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// quote shows a value in a detail.
func quote(s string) string { return fmt.Sprintf("%q", s) }

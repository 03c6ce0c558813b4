// Package config reads a project's .vpncertlint.yaml: which files of the repository are
// client CAs, server certificates, CRLs and server bodies; which of them form one VPN
// server's upload set; the policy; the gateway's settings; and waivers. Unknown keys and bad
// values are errors naming the file and line.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/crlcheck"
	"github.com/vpncertlint/vpncertlint/internal/bodycheck"
	"github.com/vpncertlint/vpncertlint/internal/suggest"
	"github.com/vpncertlint/vpncertlint/lint"
	"gopkg.in/yaml.v3"
)

// FileName is the configuration file looked for in the working directory and its parents.
const FileName = ".vpncertlint.yaml"

// DefaultSet names the upload set of files that match a role but no set.
const DefaultSet = "default"

// Error is a configuration error at a line of the file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Pattern is a doublestar glob, relative to the configuration's directory, with slashes.
type Pattern struct {
	Glob string
	Line int
}

// UnmarshalYAML validates the glob.
func (p *Pattern) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return lineErr(n, "a glob pattern must be a string")
	}
	g := strings.TrimPrefix(n.Value, "./")
	dotdot := g == ".." || strings.HasPrefix(g, "../") || strings.Contains(g, "/../") || strings.HasSuffix(g, "/..")
	if g == "" || strings.HasPrefix(g, "/") || dotdot || !doublestar.ValidatePattern(g) || strings.Contains(g, "\\") {
		return lineErr(n, fmt.Sprintf("invalid glob pattern %q (want a pattern relative to the configuration's directory, with / separators and no .., such as pki/**/*.pem)", n.Value))
	}
	p.Glob, p.Line = g, n.Line
	return nil
}

// MarshalYAML writes the glob.
func (p Pattern) MarshalYAML() (interface{}, error) { return p.Glob, nil }

// Match reports whether rel (slash-separated, relative to the configuration's directory)
// matches.
func (p Pattern) Match(rel string) bool {
	ok, _ := doublestar.Match(p.Glob, rel)
	return ok
}

// Patterns is a list of globs; a single string is accepted as a list of one.
type Patterns []Pattern

// UnmarshalYAML accepts a string or a sequence of strings.
func (ps *Patterns) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		var p Pattern
		if err := p.UnmarshalYAML(n); err != nil {
			return err
		}
		*ps = Patterns{p}
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return lineErr(n, "want a glob pattern or a list of them")
	}
	out := Patterns{}
	for _, c := range n.Content {
		var p Pattern
		if err := p.UnmarshalYAML(c); err != nil {
			return err
		}
		out = append(out, p)
	}
	*ps = out
	return nil
}

// Match reports whether any pattern matches rel.
func (ps Patterns) Match(rel string) bool {
	for _, p := range ps {
		if p.Match(rel) {
			return true
		}
	}
	return false
}

// Roles assigns files to roles.
type Roles struct {
	CA     Patterns `yaml:"ca,omitempty"`
	Server Patterns `yaml:"server,omitempty"`
	CRL    Patterns `yaml:"crl,omitempty"`
	Body   Patterns `yaml:"body,omitempty"`
}

// Set is one VPN server's upload set: its client CAs, CRLs and server body. Its files also
// take the role of the key they are listed under.
type Set struct {
	Name string   `yaml:"name"`
	CA   Patterns `yaml:"ca,omitempty"`
	CRL  Patterns `yaml:"crl,omitempty"`
	Body Patterns `yaml:"body,omitempty"`
}

// SeverityName is error, warning or notice.
type SeverityName struct {
	lint.Severity
}

// UnmarshalYAML parses the severity.
func (s *SeverityName) UnmarshalYAML(n *yaml.Node) error {
	v, err := lint.ParseSeverity(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		return lineErr(n, fmt.Sprintf("unknown severity %q (want error, warning or notice)", n.Value))
	}
	s.Severity = v
	return nil
}

// MarshalYAML writes the name.
func (s SeverityName) MarshalYAML() (interface{}, error) { return s.String(), nil }

// Policy overrides the default policy; unset keys keep the defaults.
type Policy struct {
	RSAMinBits         *int     `yaml:"rsa_min_bits,omitempty"`
	RSARiskyBits       *[]int   `yaml:"rsa_risky_bits,omitempty"`
	RSARecommendedBits *[]int   `yaml:"rsa_recommended_bits,omitempty"`
	CurvesWarn         *[]Curve `yaml:"curves_warn,omitempty"`
	CurvesOK           *[]Curve `yaml:"curves_ok,omitempty"`
	ExpiryWarningDays  *int     `yaml:"expiry_warning_days,omitempty"`
	CRLNextUpdateDays  *int     `yaml:"crl_next_update_warning_days,omitempty"`
	MaxClientCAs       *int     `yaml:"max_client_cas,omitempty"`
	// Severity overrides the severity of codes, applied to the findings after the run.
	Severity map[string]SeverityName `yaml:"severity,omitempty"`
}

// Curves the certificate checks name.
var knownCurves = []string{"P-224", "P-256", "P-384", "P-521"}

// Curve is an EC curve name as the checks name it (P-256, P-384, P-521, P-224).
type Curve string

// UnmarshalYAML validates the curve name.
func (c *Curve) UnmarshalYAML(n *yaml.Node) error {
	for _, k := range knownCurves {
		if n.Kind == yaml.ScalarNode && strings.EqualFold(n.Value, k) {
			*c = Curve(k)
			return nil
		}
	}
	return lineErr(n, fmt.Sprintf("unknown curve %q (want one of %s; other curves are always VPN.0070)", n.Value, strings.Join(knownCurves, ", ")))
}

// Gateway describes the VPN gateway the server bodies are created on: the server-body
// checks use max_connections (the client CIDR must hold 4 addresses per connection,
// VPN.1108) and vpc_routes (the client CIDR must not overlap them, VPN.1109).
type Gateway struct {
	MaxConnections int      `yaml:"max_connections,omitempty"`
	VPCRoutes      []Prefix `yaml:"vpc_routes,omitempty"`
}

// Zlint selects the zlint advisories, as the check flags --no-zlint, --zlint-profile,
// --zlint-include-sources, --zlint-exclude-sources, --zlint-include and --zlint-exclude do (a
// flag given on the command line wins over its key). Unknown profiles, sources or lint names
// are reported when the run starts.
type Zlint struct {
	Enabled        *bool    `yaml:"enabled,omitempty"`
	Profile        string   `yaml:"profile,omitempty"`
	IncludeSources []string `yaml:"include_sources,omitempty"`
	ExcludeSources []string `yaml:"exclude_sources,omitempty"`
	Include        []string `yaml:"include,omitempty"`
	Exclude        []string `yaml:"exclude,omitempty"`
}

// Prefix is a canonical IPv4 CIDR.
type Prefix struct{ netip.Prefix }

// UnmarshalYAML parses a CIDR such as 10.0.0.0/16.
func (p *Prefix) UnmarshalYAML(n *yaml.Node) error {
	v, err := netip.ParsePrefix(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil || !v.Addr().Is4() {
		return lineErr(n, fmt.Sprintf("%q is not an IPv4 CIDR such as 10.0.0.0/16", n.Value))
	}
	if v.Masked() != v {
		return lineErr(n, fmt.Sprintf("%q has host bits set (did you mean %s?)", n.Value, v.Masked()))
	}
	p.Prefix = v
	return nil
}

// MarshalYAML writes the CIDR.
func (p Prefix) MarshalYAML() (interface{}, error) { return p.String(), nil }

// Date is a calendar day, YYYY-MM-DD (UTC).
type Date struct{ time.Time }

// UnmarshalYAML parses YYYY-MM-DD.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	t, err := time.Parse("2006-01-02", n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		return lineErr(n, fmt.Sprintf("%q is not a date YYYY-MM-DD", n.Value))
	}
	d.Time = t
	return nil
}

// MarshalYAML writes YYYY-MM-DD.
func (d Date) MarshalYAML() (interface{}, error) { return d.Format("2006-01-02"), nil }

// Waiver takes findings out of the run: those of Code, in files matching Path, and (if
// SHA256 is set) about that certificate or CRL. After Expires the waiver still applies but
// raises VCL.9001 so that it is reviewed.
type Waiver struct {
	Code    string  `yaml:"code"`
	Path    Pattern `yaml:"path"`
	SHA256  string  `yaml:"sha256,omitempty"`
	Reason  string  `yaml:"reason"`
	Expires *Date   `yaml:"expires,omitempty"`
	Line    int     `yaml:"-"`
}

// Config is a parsed configuration.
type Config struct {
	// File is the configuration's path; Dir its directory (absolute), the root of globs.
	File string `yaml:"-"`
	Dir  string `yaml:"-"`

	Version int      `yaml:"version"`
	Roles   Roles    `yaml:"roles"`
	Sets    []Set    `yaml:"sets,omitempty"`
	Policy  Policy   `yaml:"policy,omitempty"`
	Gateway Gateway  `yaml:"gateway,omitempty"`
	Zlint   Zlint    `yaml:"zlint,omitempty"`
	Ignore  []Waiver `yaml:"ignore,omitempty"`

	used []bool // which waivers matched a finding (Processors)
}

func lineErr(n *yaml.Node, msg string) error { return &Error{Line: n.Line, Msg: msg} }

// Find looks for FileName in dir and its parents; "" when there is none.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(abs, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", nil
		}
		abs = parent
	}
}

// Load reads and validates the configuration at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c, err := Parse(data, path)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	c.Dir = filepath.Dir(abs)
	return c, nil
}

// Parse reads a configuration's text; file names it in errors.
func Parse(data []byte, file string) (*Config, error) {
	c := &Config{}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil {
		if err == io.EOF {
			return nil, &Error{File: file, Msg: "the configuration is empty (run 'vpncertlint init' for a starter file)"}
		}
		return nil, parseError(err, file)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, parseError(err, file)
	}
	if err := c.validate(&root); err != nil {
		return nil, parseError(err, file)
	}
	c.File = file
	return c, nil
}

// parseError is err (of the YAML decoder or of validate) as an *Error naming file and,
// where known, the line.
func parseError(err error, file string) error {
	var e *Error
	if errors.As(err, &e) {
		e.File = file
		return e
	}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return typeError(te, file)
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var l int
	if n, _ := fmt.Sscanf(msg, "line %d:", &l); n == 1 {
		return &Error{File: file, Line: l, Msg: strings.TrimSpace(msg[strings.Index(msg, ":")+1:])}
	}
	return &Error{File: file, Msg: msg}
}

// typeError turns "line 3: field foo not found in type config.Roles" into file:3: … (the
// line of the first message that has one).
func typeError(te *yaml.TypeError, file string) error {
	msgs := []string{}
	line := 0
	for _, m := range te.Errors {
		var l int
		if n, _ := fmt.Sscanf(m, "line %d:", &l); n == 1 {
			if line == 0 {
				line = l
			}
			m = strings.TrimSpace(m[strings.Index(m, ":")+1:])
		}
		msgs = append(msgs, friendlyYAML(m))
	}
	return &Error{File: file, Line: line, Msg: strings.Join(msgs, "; ")}
}

func friendlyYAML(m string) string {
	// yaml.v3: "field foo not found in type config.Roles"
	if i := strings.Index(m, " not found in type "); i > 0 && strings.HasPrefix(m, "field ") {
		key := m[len("field "):i]
		msg := fmt.Sprintf("unknown key %q", key)
		keys := keysOf[strings.TrimPrefix(m[i+len(" not found in type "):], "config.")]
		if len(keys) == 0 {
			return msg
		}
		if best := suggest.Closest(key, keys); best != "" {
			return fmt.Sprintf("%s (did you mean %s? the keys here are %s)", msg, best, strings.Join(keys, ", "))
		}
		return fmt.Sprintf("%s (the keys here are %s)", msg, strings.Join(keys, ", "))
	}
	return m
}

// keysOf are the YAML keys of the configuration's mappings, by Go type name, in their
// order of declaration.
var keysOf = func() map[string][]string {
	out := map[string][]string{}
	for _, v := range []any{Config{}, Roles{}, Set{}, Policy{}, Gateway{}, Zlint{}, Waiver{}} {
		t := reflect.TypeOf(v)
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			if name != "" && name != "-" {
				out[t.Name()] = append(out[t.Name()], name)
			}
		}
	}
	return out
}()

// node returns the node at path (map keys and sequence indexes) below root's document; the
// deepest node found when the path does not exist.
func node(root *yaml.Node, path ...interface{}) *yaml.Node {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v := mapValue(n, k)
			if v == n {
				return n
			}
			n = v
		case int:
			if n.Kind != yaml.SequenceNode || k >= len(n.Content) {
				return n
			}
			n = n.Content[k]
		}
	}
	return n
}

// mapValue returns the value of key in the mapping m; m itself when m is not a mapping or
// has no such key.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i+1]
			}
		}
	}
	return m
}

// at makes validate's errors: msg at the node at path (see node).
type atFunc func(msg string, path ...interface{}) error

func (c *Config) validate(root *yaml.Node) error {
	at := atFunc(func(msg string, path ...interface{}) error { return lineErr(node(root, path...), msg) })
	if c.Version != 1 {
		return at(fmt.Sprintf("version must be 1 (got %d)", c.Version), "version")
	}
	if err := c.validateSets(at); err != nil {
		return err
	}
	if len(c.Roles.CA)+len(c.Roles.Server)+len(c.Roles.CRL)+len(c.Roles.Body) == 0 && len(c.Sets) == 0 {
		return at("no files: give roles (ca, server, crl, body patterns) or sets", "roles")
	}
	if err := c.Policy.validate(root, at); err != nil {
		return err
	}
	if g := c.Gateway.MaxConnections; g != 0 && !bodycheck.ValidConnections(g) {
		return at(fmt.Sprintf("max_connections must be %d–%d (got %d)", bodycheck.MinConnections, bodycheck.MaxConnections, g), "gateway", "max_connections")
	}
	for i := range c.Ignore {
		w := &c.Ignore[i]
		w.Line = node(root, "ignore", i).Line
		if err := w.validate(at, i); err != nil {
			return err
		}
	}
	return nil
}

// validateSets checks the upload sets: each named once, each listing files.
func (c *Config) validateSets(at atFunc) error {
	names := map[string]bool{}
	for i, s := range c.Sets {
		if s.Name == "" {
			return at("an upload set needs a name", "sets", i)
		}
		if names[s.Name] {
			return at(fmt.Sprintf("upload set %q is defined twice", s.Name), "sets", i, "name")
		}
		names[s.Name] = true
		if len(s.CA)+len(s.CRL)+len(s.Body) == 0 {
			return at(fmt.Sprintf("upload set %q lists no files (want ca, crl or body patterns)", s.Name), "sets", i)
		}
	}
	return nil
}

// validate checks the policy's numbers and the codes of its severity overrides.
func (p *Policy) validate(root *yaml.Node, at atFunc) error {
	for _, chk := range []struct {
		v   *int
		key string
		min int
	}{{p.RSAMinBits, "rsa_min_bits", 512}, {p.ExpiryWarningDays, "expiry_warning_days", 0},
		{p.CRLNextUpdateDays, "crl_next_update_warning_days", 0}, {p.MaxClientCAs, "max_client_cas", 1}} {
		if chk.v != nil && *chk.v < chk.min {
			return at(fmt.Sprintf("%s must be at least %d", chk.key, chk.min), "policy", chk.key)
		}
	}
	for code := range p.Severity {
		if _, ok := lint.Lookup(code); !ok {
			return lineErr(keyNode(node(root, "policy", "severity"), code), fmt.Sprintf("unknown code %q in policy.severity (see 'vpncertlint codes')", code))
		}
	}
	return nil
}

// validate checks the waiver at index i of ignore and normalizes its fingerprint.
func (w *Waiver) validate(at atFunc, i int) error {
	if w.Code == "" {
		return at("a waiver needs a code", "ignore", i)
	}
	if _, ok := lint.Lookup(w.Code); !ok {
		return at(fmt.Sprintf("unknown code %q (see 'vpncertlint codes')", w.Code), "ignore", i, "code")
	}
	if w.Path.Glob == "" {
		return at("a waiver needs a path pattern (use \"**\" for every file)", "ignore", i)
	}
	if strings.TrimSpace(w.Reason) == "" {
		return at("a waiver needs a reason", "ignore", i)
	}
	if w.SHA256 != "" {
		h := strings.ToLower(strings.ReplaceAll(w.SHA256, ":", ""))
		if len(h) != 64 || strings.Trim(h, "0123456789abcdef") != "" {
			return at(fmt.Sprintf("sha256 %q is not a SHA-256 fingerprint (64 hex digits)", w.SHA256), "ignore", i, "sha256")
		}
		w.SHA256 = h
	}
	return nil
}

func keyNode(m *yaml.Node, key string) *yaml.Node {
	if m.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == key {
				return m.Content[i]
			}
		}
	}
	return m
}

// CertPolicy is the default certificate policy with the configuration's overrides.
func (c *Config) CertPolicy() *certcheck.Policy {
	p := certcheck.DefaultPolicy()
	if c == nil {
		return p
	}
	o := &c.Policy
	if o.RSAMinBits != nil {
		p.RSAMinBits = *o.RSAMinBits
	}
	if o.RSARiskyBits != nil {
		p.RSARiskyBits = *o.RSARiskyBits
	}
	if o.RSARecommendedBits != nil {
		p.RSARecommendedBits = *o.RSARecommendedBits
	}
	if o.CurvesWarn != nil {
		p.CurvesWarn = curves(*o.CurvesWarn)
	}
	if o.CurvesOK != nil {
		p.CurvesOK = curves(*o.CurvesOK)
	}
	if o.ExpiryWarningDays != nil {
		p.ExpiryWarnDays = *o.ExpiryWarningDays
	}
	if o.MaxClientCAs != nil {
		p.MaxClientCAs = *o.MaxClientCAs
	}
	return p
}

func curves(cs []Curve) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, string(c))
	}
	return out
}

// CRLPolicy is the default CRL policy with the configuration's overrides.
func (c *Config) CRLPolicy() *crlcheck.Policy {
	p := crlcheck.DefaultPolicy()
	if c != nil && c.Policy.CRLNextUpdateDays != nil {
		p.NextUpdateWarnDays = *c.Policy.CRLNextUpdateDays
	}
	return p
}

// Routes returns the VPC routes as prefixes (for the server-body checks' VPC-overlap check).
func (g Gateway) Routes() []netip.Prefix {
	out := make([]netip.Prefix, 0, len(g.VPCRoutes))
	for _, p := range g.VPCRoutes {
		out = append(out, p.Prefix)
	}
	return out
}

package cmd

import (
	"strings"
	"testing"

	"github.com/spf13/pflag"
	"github.com/vpncertlint/vpncertlint/internal/config"
	"github.com/vpncertlint/vpncertlint/internal/engine"
)

// The settings are check's flags: each once, every flag of check (but --help) a setting,
// and a configuration key read by at most one setting, with its fromConfig.
func TestSettingsAreFlags(t *testing.T) {
	fl := newCheckCmd().Flags()
	seen, keys := map[string]bool{}, map[string]bool{}
	for _, s := range settings {
		if fl.Lookup(s.flag) == nil {
			t.Errorf("setting %s: no such flag", s.flag)
		}
		if seen[s.flag] {
			t.Errorf("setting %s: listed twice", s.flag)
		}
		seen[s.flag] = true
		if (s.key == "") != (s.fromConfig == nil) || s.key != "" && keys[s.key] {
			t.Errorf("setting %s: key %q without fromConfig, fromConfig without a key, or the key read twice", s.flag, s.key)
		}
		keys[s.key] = true
	}
	fl.VisitAll(func(f *pflag.Flag) {
		if !seen[f.Name] && f.Name != "help" {
			t.Errorf("flag --%s is not in settings", f.Name)
		}
	})
}

// A flag's value is validated by its setting, the same message whatever the case of an
// enumerated value; the defaults are the table's.
func TestValidateSettings(t *testing.T) {
	for _, tt := range []struct {
		args []string
		err  string
	}{
		{nil, ""},
		{[]string{"--fail-on", "WARNING", "--format", "SARIF", "--body", "Create", "--color", "Never", "--lang", "ZH"}, ""},
		{[]string{"--fail-on", "x"}, `unknown --fail-on "x"`},
		{[]string{"--lang", "fr"}, `unknown --lang "fr" (want en or zh)`},
		{[]string{"--now", "2026"}, `--now "2026" is not an RFC 3339 time`},
		{[]string{"--format", "xml"}, `unknown --format "xml"`},
		{[]string{"--color", "x"}, `unknown --color "x" (want auto, always or never)`},
		{[]string{"--max-file-size", "0"}, "--max-file-size must be positive"},
		{[]string{"--body", "Delete"}, `unknown --body "delete" (want auto, create, update)`},
		{[]string{"--max-connections", "0"}, "--max-connections 0 is out of range: a gateway has 1 to 500 connections"},
		{[]string{"--max-connections", "500"}, ""},
		{[]string{"--max-connections", "501"}, "--max-connections 501 is out of range"},
		{[]string{"--vpc-route", "10.0.0.0/33"}, "10.0.0.0/33"},
		{[]string{"--fail-on", "x", "--lang", "fr"}, "--fail-on"}, // in the order of settings
	} {
		f := &checkFlags{}
		c := newCheckCmdWith(f)
		if err := c.Flags().Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		d, err := validateSettings(c, f)
		if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("%v: %v, want %q", tt.args, err, tt.err)
		}
		if tt.args == nil && (f.failOn != "error" || f.format != "text" || f.color != "auto" || f.role != "auto" ||
			f.maxFileSize != 64<<20 || f.extra.zlintProfile != "private" || d.now.IsZero()) {
			t.Errorf("defaults: %+v", f)
		}
	}
}

// The precedence: a given flag wins over the configuration, the configuration over the
// flag's default.
func TestResolveSettings(t *testing.T) {
	cfg, err := config.Parse([]byte(`version: 1
roles:
  ca: "pki/*.pem"
gateway:
  max_connections: 20
  vpc_routes: ["10.0.0.0/16"]
zlint:
  enabled: false
  profile: webpki
  include: [e_one]
`), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	resolve := func(args ...string) (*checkFlags, *engine.Options) {
		c := newCheckCmd()
		if err := c.Flags().Parse(args); err != nil {
			t.Fatal(err)
		}
		// newCheckCmd keeps its flags' variables in the RunE closure: read them back through
		// the flag set.
		f := &checkFlags{}
		f.body.maxConnections, _ = c.Flags().GetInt("max-connections")
		f.body.vpcRoutes, _ = c.Flags().GetStringArray("vpc-route")
		f.extra.noZlint, _ = c.Flags().GetBool("no-zlint")
		f.extra.zlintProfile, _ = c.Flags().GetString("zlint-profile")
		f.extra.zlintInclude, _ = c.Flags().GetStringSlice("zlint-include")
		o := &engine.Options{}
		resolveSettings(c.Flags(), cfg, f, o)
		return f, o
	}
	f, o := resolve()
	if f.body.maxConnections != 20 || strings.Join(f.body.vpcRoutes, ",") != "10.0.0.0/16" || !f.extra.noZlint ||
		f.extra.zlintProfile != "webpki" || strings.Join(f.extra.zlintInclude, ",") != "e_one" || o.RoleFor == nil {
		t.Errorf("from the configuration: %+v %+v role-for %v", f.body, f.extra, o.RoleFor != nil)
	}
	f, o = resolve("--max-connections", "30", "--vpc-route", "192.168.0.0/16", "--no-zlint=false",
		"--zlint-profile", "private", "--zlint-include", "e_two", "--role", "server")
	if f.body.maxConnections != 30 || strings.Join(f.body.vpcRoutes, ",") != "192.168.0.0/16" || f.extra.noZlint ||
		f.extra.zlintProfile != "private" || strings.Join(f.extra.zlintInclude, ",") != "e_two" || o.RoleFor != nil {
		t.Errorf("flags given: %+v %+v role-for %v", f.body, f.extra, o.RoleFor != nil)
	}
	f, o = &checkFlags{}, &engine.Options{}
	resolveSettings(newCheckCmd().Flags(), nil, f, o)
	if f.body.maxConnections != 0 || f.extra.noZlint || o.RoleFor != nil {
		t.Errorf("no configuration: %+v %+v", f.body, f.extra)
	}
}

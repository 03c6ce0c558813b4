package cmd

import (
	"strings"
	"testing"

	"github.com/vpncertlint/vpncertlint/internal/config"
	"github.com/vpncertlint/vpncertlint/internal/engine"
)

// Every shared setting names one of check's flags, once.
func TestSettingsAreFlags(t *testing.T) {
	fl := newCheckCmd().Flags()
	seen := map[string]bool{}
	for _, s := range settings {
		if fl.Lookup(s.flag) == nil {
			t.Errorf("setting %s: no such flag", s.flag)
		}
		if seen[s.flag] || s.key == "" {
			t.Errorf("setting %s: listed twice or without a key", s.flag)
		}
		seen[s.flag] = true
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

package cmd

import (
	"github.com/spf13/pflag"
	"github.com/vpncertlint/vpncertlint/internal/config"
	"github.com/vpncertlint/vpncertlint/internal/engine"
)

// setting is one option of check that both a flag and a project configuration key give.
// Precedence, for every setting alike: the flag when given on the command line, else the
// configuration's key when the configuration sets it, else the flag's default. The flag's
// value is validated where the flag is parsed (body.validate, zlintcheck.New), the key's
// where the configuration is read (config.Load); the domain packages hold the rules
// (bodycheck.ValidConnections, bodycheck.ParseRoute, zlintcheck.Profiles).
type setting struct {
	flag string // check's flag
	key  string // the configuration's key (docs/configuration.md)
	// fromConfig puts the configuration's value into the run's flags or options, when the
	// configuration sets the key.
	fromConfig func(cfg *config.Config, f *checkFlags, o *engine.Options)
}

// settings are every option the flags and the configuration share.
var settings = []setting{
	{"role", "roles", func(cfg *config.Config, _ *checkFlags, o *engine.Options) {
		o.RoleFor = cfg.RoleFor // per file; a file no pattern matches keeps --role's default
	}},
	{"max-connections", "gateway.max_connections", func(cfg *config.Config, f *checkFlags, _ *engine.Options) {
		if n := cfg.Gateway.MaxConnections; n != 0 {
			f.body.maxConnections = n
		}
	}},
	{"vpc-route", "gateway.vpc_routes", func(cfg *config.Config, f *checkFlags, _ *engine.Options) {
		for _, r := range cfg.Gateway.Routes() {
			f.body.vpcRoutes = append(f.body.vpcRoutes, r.String())
		}
	}},
	{"no-zlint", "zlint.enabled", func(cfg *config.Config, f *checkFlags, _ *engine.Options) {
		if e := cfg.Zlint.Enabled; e != nil {
			f.extra.noZlint = !*e
		}
	}},
	{"zlint-profile", "zlint.profile", func(cfg *config.Config, f *checkFlags, _ *engine.Options) {
		if p := cfg.Zlint.Profile; p != "" {
			f.extra.zlintProfile = p
		}
	}},
	{"zlint-include-sources", "zlint.include_sources", func(cfg *config.Config, f *checkFlags, _ *engine.Options) {
		setList(&f.extra.zlintInclSrc, cfg.Zlint.IncludeSources)
	}},
	{"zlint-exclude-sources", "zlint.exclude_sources", func(cfg *config.Config, f *checkFlags, _ *engine.Options) {
		setList(&f.extra.zlintExclSrc, cfg.Zlint.ExcludeSources)
	}},
	{"zlint-include", "zlint.include", func(cfg *config.Config, f *checkFlags, _ *engine.Options) {
		setList(&f.extra.zlintInclude, cfg.Zlint.Include)
	}},
	{"zlint-exclude", "zlint.exclude", func(cfg *config.Config, f *checkFlags, _ *engine.Options) {
		setList(&f.extra.zlintExclude, cfg.Zlint.Exclude)
	}},
}

// setList sets *dst to a configuration's list when the list is not empty.
func setList(dst *[]string, list []string) {
	if len(list) > 0 {
		*dst = list
	}
}

// resolveSettings applies the configuration (nil: none) to every setting whose flag was not
// given; it is called once, before the engine options are built from the flags.
func resolveSettings(fl *pflag.FlagSet, cfg *config.Config, f *checkFlags, o *engine.Options) {
	if cfg == nil {
		return
	}
	for _, s := range settings {
		if !fl.Changed(s.flag) {
			s.fromConfig(cfg, f, o)
		}
	}
}

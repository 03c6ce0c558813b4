package cmd

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/fatih/color"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/vpncertlint/vpncertlint/internal/bodycheck"
	"github.com/vpncertlint/vpncertlint/internal/config"
	"github.com/vpncertlint/vpncertlint/internal/engine"
	"github.com/vpncertlint/vpncertlint/internal/output/formats"
	"github.com/vpncertlint/vpncertlint/internal/zlintcheck"
	"github.com/vpncertlint/vpncertlint/lint"
)

// setting is one of check's options: its flag (registered from here, with its default and
// usage), the project configuration's key that also gives it, and its validation.
//
// Precedence, for every setting alike: the flag when given on the command line, else the
// configuration's key when the configuration sets it, else the default. A flag's value is
// validated here, before the configuration is read (in the order of settings); a key's value
// where the configuration is read (config.Load). The rules are the domain packages'
// (lint.ParseFailOn, formats.Names, bodycheck.Modes, bodycheck.ValidConnections,
// bodycheck.ParseRoute); the zlint selection, from the flags or the configuration, is
// validated as a whole by zlintcheck.New, the role by engine.Run.
type setting struct {
	flag  string // check's flag
	short string // its one-letter form, or ""
	// def is the default: a string, bool, int, int64 or []string, as bind's variable.
	def   any
	usage string
	// bind is the flag's variable in f: a *string, *bool, *int, *int64 or *[]string.
	bind func(f *checkFlags) any
	// repeat: a list flag given once per value (--ca a.pem --ca b.pem), not comma-separated.
	repeat bool
	// fold: an enumerated value, taken in any case (--role CA, --format SARIF).
	fold bool
	// validate checks the flag's value (nil: nothing to check), deriving what the run needs
	// from it into v.
	validate func(v *validation) error
	key      string // the configuration's key (docs/configuration.md), or "": the flag only
	// fromConfig puts the configuration's value into the run's flags or options, when the
	// configuration sets the key.
	fromConfig func(cfg *config.Config, f *checkFlags, o *engine.Options)
}

// validation is the state of one setting's validate: the flags, whether the setting's flag is
// given on the command line, and the values derived from the flags.
type validation struct {
	cmd     *cobra.Command
	f       *checkFlags
	changed bool
	derived
}

// derived are the values check derives from its flags.
type derived struct {
	failOn   lint.FailOn
	now      time.Time
	useColor bool
}

// settings are check's options, validated in this order.
var settings = []setting{
	{flag: "fail-on", def: "error", fold: true,
		usage: "exit 1 when a finding is at or above: error, warning, notice or none",
		bind:  func(f *checkFlags) any { return &f.failOn },
		validate: func(v *validation) (err error) {
			v.failOn, err = lint.ParseFailOn(v.f.failOn)
			return err
		}},
	{flag: "lang", def: "", fold: true,
		usage:    "language of the text and markdown reports: en or zh (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh, else en)",
		bind:     func(f *checkFlags) any { return &f.lang },
		validate: validateLang},
	{flag: "now", def: "",
		usage:    "the clock, RFC 3339 (default: the current time); makes CI reproducible",
		bind:     func(f *checkFlags) any { return &f.now },
		validate: validateNow},
	{flag: "format", def: "text", fold: true,
		usage: "output format: " + strings.Join(formats.Names(), ", "),
		bind:  func(f *checkFlags) any { return &f.format },
		validate: func(v *validation) error {
			if !slices.Contains(formats.Names(), v.f.format) {
				return usageErr("unknown --format %q (want %s)", v.f.format, strings.Join(formats.Names(), ", "))
			}
			return nil
		}},
	{flag: "color", def: "auto", fold: true,
		usage:    "colour in text output: auto (only on a terminal, not with NO_COLOR), always or never",
		bind:     func(f *checkFlags) any { return &f.color },
		validate: validateColor},
	{flag: "max-file-size", def: int64(engine.DefaultMaxFileSize),
		usage: "largest input read, in bytes; larger ones are an I/O error",
		bind:  func(f *checkFlags) any { return &f.maxFileSize },
		validate: func(v *validation) error {
			if v.f.maxFileSize <= 0 {
				return usageErr("--max-file-size must be positive")
			}
			return nil
		}},
	{flag: "body", def: bodycheck.ModeAuto, fold: true,
		usage: "server bodies are: auto (Create when tunnel_protocol is present, else Update), create or update",
		bind:  func(f *checkFlags) any { return &f.body.mode },
		validate: func(v *validation) error {
			if !slices.Contains(bodycheck.Modes, v.f.body.mode) {
				return usageErr("unknown --body %q (want %s)", v.f.body.mode, strings.Join(bodycheck.Modes, ", "))
			}
			return nil
		}},
	{flag: "max-connections", def: 0,
		usage: "the gateway's maximum connections (1–500): the client CIDR block must hold more than 4 addresses per connection (VPN.1108)",
		bind:  func(f *checkFlags) any { return &f.body.maxConnections },
		validate: func(v *validation) error {
			// 0, the default, is "not known".
			if n := v.f.body.maxConnections; v.changed && !bodycheck.ValidConnections(n) {
				return usageErr("--max-connections %d is out of range: a gateway has %d to %d connections", n, bodycheck.MinConnections, bodycheck.MaxConnections)
			}
			return nil
		},
		key: "gateway.max_connections",
		fromConfig: func(cfg *config.Config, f *checkFlags, _ *engine.Options) {
			if n := cfg.Gateway.MaxConnections; n != 0 {
				f.body.maxConnections = n
			}
		}},
	{flag: "vpc-route", def: []string(nil), repeat: true,
		usage: "a route of the VPC (IPv4 CIDR) the client CIDR block must not overlap (VPN.1109; repeatable)",
		bind:  func(f *checkFlags) any { return &f.body.vpcRoutes },
		validate: func(v *validation) error {
			for _, r := range v.f.body.vpcRoutes {
				if _, err := bodycheck.ParseRoute(r); err != nil {
					return usageErr("%v", err)
				}
			}
			return nil
		},
		key: "gateway.vpc_routes",
		fromConfig: func(cfg *config.Config, f *checkFlags, _ *engine.Options) {
			for _, r := range cfg.Gateway.Routes() {
				f.body.vpcRoutes = append(f.body.vpcRoutes, r.String())
			}
		}},
	{flag: "tf-dir", def: "",
		usage: "the Terraform configuration directory of the plan JSON checked: findings get its .tf file and line",
		bind:  func(f *checkFlags) any { return &f.body.tfDir },
		validate: func(v *validation) error {
			if d := v.f.body.tfDir; d != "" {
				if st, err := os.Stat(d); err != nil || !st.IsDir() {
					return usageErr("--tf-dir %s is not a directory", d)
				}
			}
			return nil
		}},
	{flag: "output", short: "o", def: "",
		usage:    "write the --format report to this file and the text report to standard output",
		bind:     func(f *checkFlags) any { return &f.gate.output },
		validate: func(v *validation) error { return v.f.gate.checkOutput() }},

	{flag: "role", def: string(lint.RoleAuto), fold: true,
		usage: "what certificates are uploaded as: auto, ca, server or crl",
		bind:  func(f *checkFlags) any { return &f.role },
		key:   "roles",
		fromConfig: func(cfg *config.Config, _ *checkFlags, o *engine.Options) {
			o.RoleFor = cfg.RoleFor // per file; a file no pattern matches keeps --role's default
		}},
	{flag: "ca", def: []string(nil), repeat: true,
		usage: "client CA certificate file the CRLs must be issued by (repeatable)",
		bind:  func(f *checkFlags) any { return &f.ca }},
	{flag: "verbose", short: "v", def: false,
		usage: "text format: show each finding's description and remedy",
		bind:  func(f *checkFlags) any { return &f.verbose }},
	{flag: "markdown-link-base", def: "",
		usage: "markdown format: the URL file links start with (default: the GitHub or GitLab CI commit's blob URL, else relative links)",
		bind:  func(f *checkFlags) any { return &f.markdownLinkBase }},
	{flag: "allow-empty", def: false,
		usage: "let a directory PATH with no file to check pass (by default it is a usage error, exit 2)",
		bind:  func(f *checkFlags) any { return &f.allowEmpty }},
	{flag: "no-zlint", def: false,
		usage: "do not run the zlint advisories (zlint.<lint> codes)",
		bind:  func(f *checkFlags) any { return &f.extra.noZlint },
		key:   "zlint.enabled",
		fromConfig: func(cfg *config.Config, f *checkFlags, _ *engine.Options) {
			if e := cfg.Zlint.Enabled; e != nil {
				f.extra.noZlint = !*e
			}
		}},
	{flag: "zlint-profile", def: zlintcheck.ProfilePrivate,
		usage: "zlint selection: private (RFC5280 and Community less web-PKI noise, plus the EKU and keyUsage lints VPN clients depend on) or webpki (RFC5280, Community; +CABF_BR for server certificates)",
		bind:  func(f *checkFlags) any { return &f.extra.zlintProfile },
		key:   "zlint.profile",
		fromConfig: func(cfg *config.Config, f *checkFlags, _ *engine.Options) {
			if p := cfg.Zlint.Profile; p != "" {
				f.extra.zlintProfile = p
			}
		}},
	{flag: "zlint-include-sources", def: []string(nil),
		usage: "zlint sources to run instead of the profile's (for every role)",
		bind:  func(f *checkFlags) any { return &f.extra.zlintInclSrc },
		key:   "zlint.include_sources",
		fromConfig: func(cfg *config.Config, f *checkFlags, _ *engine.Options) {
			setList(&f.extra.zlintInclSrc, cfg.Zlint.IncludeSources)
		}},
	{flag: "zlint-exclude-sources", def: []string(nil),
		usage: "zlint sources not to run",
		bind:  func(f *checkFlags) any { return &f.extra.zlintExclSrc },
		key:   "zlint.exclude_sources",
		fromConfig: func(cfg *config.Config, f *checkFlags, _ *engine.Options) {
			setList(&f.extra.zlintExclSrc, cfg.Zlint.ExcludeSources)
		}},
	{flag: "zlint-include", def: []string(nil),
		usage: "zlint lints to run in addition (also the slow ones left out by default)",
		bind:  func(f *checkFlags) any { return &f.extra.zlintInclude },
		key:   "zlint.include",
		fromConfig: func(cfg *config.Config, f *checkFlags, _ *engine.Options) {
			setList(&f.extra.zlintInclude, cfg.Zlint.Include)
		}},
	{flag: "zlint-exclude", def: []string(nil),
		usage: "zlint lints not to run",
		bind:  func(f *checkFlags) any { return &f.extra.zlintExclude },
		key:   "zlint.exclude",
		fromConfig: func(cfg *config.Config, f *checkFlags, _ *engine.Options) {
			setList(&f.extra.zlintExclude, cfg.Zlint.Exclude)
		}},
	{flag: "key", def: "",
		usage: "server certificate's private key (PEM) as imported into Cloud Certificate Manager; checks the bundle",
		bind:  func(f *checkFlags) any { return &f.extra.keyFile }},
	{flag: "chain", def: "",
		usage: "server certificate's chain file (PEM) as imported into Cloud Certificate Manager; checks the bundle",
		bind:  func(f *checkFlags) any { return &f.extra.chainFile }},
	{flag: "config", def: "",
		usage: "project configuration file (default: " + config.FileName + " in the working directory or its parents)",
		bind:  func(f *checkFlags) any { return &f.gate.config }},
	{flag: "no-config", def: false,
		usage: "ignore any project configuration",
		bind:  func(f *checkFlags) any { return &f.gate.noConfig }},
}

// register adds s's flag, bound to its variable in f, to fl.
func (s *setting) register(fl *pflag.FlagSet, f *checkFlags) {
	switch p := s.bind(f).(type) {
	case *string:
		fl.StringVarP(p, s.flag, s.short, s.def.(string), s.usage)
	case *bool:
		fl.BoolVarP(p, s.flag, s.short, s.def.(bool), s.usage)
	case *int:
		fl.IntVarP(p, s.flag, s.short, s.def.(int), s.usage)
	case *int64:
		fl.Int64VarP(p, s.flag, s.short, s.def.(int64), s.usage)
	case *[]string:
		if s.repeat {
			fl.StringArrayVarP(p, s.flag, s.short, s.def.([]string), s.usage)
		} else {
			fl.StringSliceVarP(p, s.flag, s.short, s.def.([]string), s.usage)
		}
	default:
		panic(fmt.Sprintf("setting %s: a flag variable of type %T", s.flag, p))
	}
}

// registerSettings adds every setting's flag to fl.
func registerSettings(fl *pflag.FlagSet, f *checkFlags) {
	for i := range settings {
		settings[i].register(fl, f)
	}
}

// validateSettings validates the flags' values, in the order of settings, after folding the
// enumerated ones to lower case, and returns what the run derives from them.
func validateSettings(cmd *cobra.Command, f *checkFlags) (derived, error) {
	for i := range settings {
		if s := &settings[i]; s.fold {
			p := s.bind(f).(*string)
			*p = strings.ToLower(*p)
		}
	}
	v := &validation{cmd: cmd, f: f}
	for i := range settings {
		s := &settings[i]
		if s.validate == nil {
			continue
		}
		v.changed = cmd.Flags().Changed(s.flag)
		if err := s.validate(v); err != nil {
			return derived{}, err
		}
	}
	return v.derived, nil
}

// validateLang takes the language from the environment when --lang is not given (envLang).
func validateLang(v *validation) error {
	if !v.changed {
		v.f.lang = envLang(func(k string) string { return getenv(v.cmd, k) })
	}
	if v.f.lang != "en" && v.f.lang != "zh" {
		return usageErr("unknown --lang %q (want en or zh)", v.f.lang)
	}
	return nil
}

// validateNow reads the clock: --now, else the current time.
func validateNow(v *validation) error {
	v.now = time.Now()
	if v.f.now == "" {
		return nil
	}
	now, err := time.Parse(time.RFC3339, v.f.now)
	if err != nil {
		return usageErr("--now %q is not an RFC 3339 time such as 2026-01-02T15:04:05Z", v.f.now)
	}
	v.now = now
	return nil
}

// validateColor says whether the text output is coloured.
func validateColor(v *validation) error {
	switch v.f.color {
	case "auto":
		v.useColor = !color.NoColor && v.cmd.OutOrStdout() == os.Stdout
	case "always":
		v.useColor = true
	case "never":
		v.useColor = false
	default:
		return usageErr("unknown --color %q (want auto, always or never)", v.f.color)
	}
	return nil
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
		if s.fromConfig != nil && !fl.Changed(s.flag) {
			s.fromConfig(cfg, f, o)
		}
	}
}

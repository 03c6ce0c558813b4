package cmd

import (
	"fmt"

	"github.com/spf13/pflag"
	"github.com/vpncertlint/vpncertlint/internal/engine"
	"github.com/vpncertlint/vpncertlint/internal/servercheck"
	"github.com/vpncertlint/vpncertlint/internal/zlintcheck"
	"github.com/vpncertlint/vpncertlint/lint"
)

// extraFlags are the check flags of the zlint advisories and the Certificate Manager bundle.
type extraFlags struct {
	noZlint                    bool
	zlintProfile               string
	zlintInclSrc, zlintExclSrc []string
	zlintInclude, zlintExclude []string
	keyFile, chainFile         string
}

func (x *extraFlags) add(fl *pflag.FlagSet) {
	fl.BoolVar(&x.noZlint, "no-zlint", false, "do not run the zlint advisories (zlint.<lint> codes)")
	fl.StringVar(&x.zlintProfile, "zlint-profile", zlintcheck.ProfilePrivate, "zlint selection: private (RFC5280 and Community less web-PKI noise, plus the EKU and keyUsage lints VPN clients depend on) or webpki (RFC5280, Community; +CABF_BR for server certificates)")
	fl.StringSliceVar(&x.zlintInclSrc, "zlint-include-sources", nil, "zlint sources to run instead of the profile's (for every role)")
	fl.StringSliceVar(&x.zlintExclSrc, "zlint-exclude-sources", nil, "zlint sources not to run")
	fl.StringSliceVar(&x.zlintInclude, "zlint-include", nil, "zlint lints to run in addition (also the slow ones left out by default)")
	fl.StringSliceVar(&x.zlintExclude, "zlint-exclude", nil, "zlint lints not to run")
	fl.StringVar(&x.keyFile, "key", "", "server certificate's private key (PEM) as imported into Cloud Certificate Manager; checks the bundle")
	fl.StringVar(&x.chainFile, "chain", "", "server certificate's chain file (PEM) as imported into Cloud Certificate Manager; checks the bundle")
}

// apply puts the extra options into o.
func (x *extraFlags) apply(o *engine.Options, maxFileSize int64) error {
	if !x.noZlint {
		l, err := zlintcheck.New(zlintcheck.Config{
			Profile:        x.zlintProfile,
			IncludeSources: x.zlintInclSrc, ExcludeSources: x.zlintExclSrc,
			Include: x.zlintInclude, Exclude: x.zlintExclude,
		})
		if err != nil {
			return err
		}
		o.Zlint = l
	}
	if x.keyFile != "" || x.chainFile != "" {
		switch o.Role {
		case lint.RoleAuto, "":
			o.Role = lint.RoleServer
		case lint.RoleServer:
		default:
			return fmt.Errorf("--key and --chain check a server certificate bundle: use them with --role server")
		}
		o.ServerBundle = servercheck.Bundle(servercheck.Options{
			KeyFile: x.keyFile, ChainFile: x.chainFile, Now: o.Now, MaxFileSize: maxFileSize,
		})
	}
	return nil
}

// zlintDefaultCodes are the codes of the zlint lints run by default.
func zlintDefaultCodes() []string {
	l, err := zlintcheck.New(zlintcheck.Config{})
	if err != nil {
		return nil
	}
	return l.Codes()
}

package cmd

import (
	"fmt"

	"github.com/vpncertlint/vpncertlint/internal/engine"
	"github.com/vpncertlint/vpncertlint/internal/servercheck"
	"github.com/vpncertlint/vpncertlint/internal/zlintcheck"
	"github.com/vpncertlint/vpncertlint/lint"
)

// extraFlags are the check flags of the zlint advisories and the Certificate Manager bundle;
// settings registers them.
type extraFlags struct {
	noZlint                    bool
	zlintProfile               string
	zlintInclSrc, zlintExclSrc []string
	zlintInclude, zlintExclude []string
	keyFile, chainFile         string
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

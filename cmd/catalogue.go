package cmd

import (
	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/crlcheck"
	"github.com/vpncertlint/vpncertlint/internal/bodycheck"
	"github.com/vpncertlint/vpncertlint/internal/config"
	"github.com/vpncertlint/vpncertlint/internal/pemformat"
	"github.com/vpncertlint/vpncertlint/internal/servercheck"
	"github.com/vpncertlint/vpncertlint/internal/tfcheck"
)

// RaisedCodes is every code some check declares it can raise: derived from each family's
// list of checks (certcheck, crlcheck, bodycheck, servercheck), plus the codes raised outside
// a check: the PEM format's (pemformat, run by the engine on every file) and the project
// configuration's (waivers), and Terraform's (tfcheck: values unknown before apply).
func RaisedCodes() map[string]bool {
	m := map[string]bool{}
	for _, codes := range [][]string{
		certcheck.Codes(),
		bodycheck.Codes(),
		crlcheck.Codes(),
		servercheck.Codes(),
		config.Codes(),
		pemformat.Codes(),
		tfcheck.Codes(),
	} {
		for _, code := range codes {
			m[code] = true
		}
	}
	m[crlcheck.CodeZlintSkipped] = true // raised by the engine for a CRL too large for zlint
	return m
}

package cmd

import (
	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/crlcheck"
	"github.com/vpncertlint/vpncertlint/internal/bodycheck"
	"github.com/vpncertlint/vpncertlint/internal/config"
	"github.com/vpncertlint/vpncertlint/internal/engine"
	"github.com/vpncertlint/vpncertlint/internal/servercheck"
)

// RaisedCodes is every code some check declares it can raise: derived from each family's
// list of checks (bodycheck.Codes covers the certificate checks, which every client CA
// content goes through, and the PEM format codes), plus the codes the engine, the
// configuration and the server certificate bundle raise outside a check.
func RaisedCodes() map[string]bool {
	m := map[string]bool{}
	for _, codes := range [][]string{
		certcheck.Codes(),
		bodycheck.Codes(),
		crlcheck.Codes(),
		servercheck.Codes,
		config.Codes,
		engine.FormatCodes,
	} {
		for _, code := range codes {
			m[code] = true
		}
	}
	return m
}

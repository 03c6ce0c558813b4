package cmd

import (
	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/crlcheck"
	"github.com/vpncertlint/vpncertlint/internal/bodycheck"
	"github.com/vpncertlint/vpncertlint/internal/config"
	"github.com/vpncertlint/vpncertlint/internal/engine"
	"github.com/vpncertlint/vpncertlint/internal/servercheck"
	"github.com/vpncertlint/vpncertlint/internal/tfcheck"
)

// RaisedCodes is every code some check declares it can raise.
func RaisedCodes() map[string]bool {
	m := map[string]bool{}
	for _, c := range certcheck.Checks() {
		for _, code := range c.Codes {
			m[code] = true
		}
	}
	for _, c := range crlcheck.Checks() {
		for _, code := range c.Codes {
			m[code] = true
		}
	}
	for _, code := range certcheck.SetCodes {
		m[code] = true
	}
	for _, code := range servercheck.Codes {
		m[code] = true
	}
	for _, code := range config.Codes {
		m[code] = true
	}
	for _, code := range engine.FormatCodes {
		m[code] = true
	}
	for _, code := range bodycheck.Codes() {
		m[code] = true
	}
	for _, code := range tfcheck.Codes {
		m[code] = true
	}
	return m
}

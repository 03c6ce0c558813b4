// Package crlcheck predicts how Huawei Cloud's point-to-site VPN judges a certificate
// revocation list: its content, its issuer and signature, its dates.
//
// The public API: NewCRL parses one CRL and Run applies every check to it with an Env (the
// clock, the Policy, the upload set's client CAs). Checks lists the checks (a lint.Check
// each) and Codes every code they can report.
//
// Each check is one small file declaring its codes and a *Check; the checks variable in
// crl.go lists them in the order they run.
package crlcheck

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/lint"
	"github.com/zmap/zcrypto/x509"
)

// DefaultNextUpdateWarnDays is the default warning window: a CRL whose nextUpdate is within this many days gets a warning.
const DefaultNextUpdateWarnDays = 7

// Policy is the CRL policy in force.
type Policy struct {
	NextUpdateWarnDays int
}

// DefaultPolicy returns the documented default policy.
func DefaultPolicy() *Policy { return &Policy{NextUpdateWarnDays: DefaultNextUpdateWarnDays} }

// CRL is one CRL under check.
type CRL struct {
	File   string
	Line   int
	Name   string
	DER    []byte
	SHA256 string
	X      *x509.RevocationList
	// V1 is true for a version 1 CRL (no version field), which zcrypto does not parse itself;
	// see parseV1.
	V1 bool
	// ParseErr is the parser's reason for rejecting the CRL.
	ParseErr error
	// Bounded is true when the CRL was read with bounded memory (above BoundedSize): X then
	// has no entries (RevokedCertificates is empty), and EntriesWithExtensions counts those
	// of its entries that have extensions.
	Bounded               bool
	EntriesWithExtensions int
}

// NewCRL parses der. It never panics.
func NewCRL(der []byte, file string, line int, name string) *CRL {
	sum := sha256.Sum256(der)
	c := &CRL{File: file, Line: line, Name: name, DER: der, SHA256: hex.EncodeToString(sum[:])}
	func() {
		defer func() {
			if p := recover(); p != nil {
				c.X, c.ParseErr = nil, fmt.Errorf("the CRL parser failed on this input (%v)", p)
			}
		}()
		parse := x509.ParseRevocationList
		if len(der) > BoundedSize && HasOutline(der) {
			// (a large input without a CRL's outline is left to zcrypto, whose error stands)
			c.Bounded = true
			parse = func(der []byte) (*x509.RevocationList, error) {
				x, n, ok, err := parseBounded(der)
				if !ok {
					return x509.ParseRevocationList(der)
				}
				c.EntriesWithExtensions = n
				return x, err
			}
		}
		c.X, c.ParseErr = parse(der)
		if c.ParseErr != nil {
			if x, ok, err := parseV1(der, parse); ok {
				c.X, c.ParseErr, c.V1 = x, err, err == nil
			}
		}
	}()
	if c.ParseErr == nil && c.X == nil {
		c.ParseErr = fmt.Errorf("the CRL parser returned nothing")
	}
	return c
}

// Object identifies the CRL in findings: its issuer, its cRLNumber as serial, its SHA-256.
func (c *CRL) Object() lint.Object {
	o := lint.Object{SHA256: c.SHA256}
	if c.X != nil {
		o.Issuer = certcheck.Name(c.X.RawIssuer)
		if c.X.Number != nil {
			o.Serial = c.X.Number.Text(16)
		}
	}
	return o
}

// Finding returns a finding of code about c, with c's name as the message's %s.
func (c *CRL) Finding(code, detail string) lint.Finding {
	return lint.New(code, detail, c.Name).At(c.File, c.Line).About(c.Object())
}

// CA is a client CA of the upload set that CRLs may be issued by.
type CA struct {
	Where string // file:line
	X     *x509.Certificate
}

// Env is what CRL checks may read besides the CRL.
type Env struct {
	Now    time.Time
	Policy *Policy
	// CAs are the upload set's client CAs. HaveCAs is false when the run has none at all,
	// so issuers cannot be verified.
	CAs []CA
}

// Check is one CRL check: it looks at a *CRL and may read the *Env.
type Check = lint.Check[*CRL, *Env]

// checks (checks_gen.go) are the CRL checks, in the order they run (by variable name):
// every package-level &Check{…} of the package's files. A new check is one file declaring
// its codes and a *Check; go generate rewrites the list.
//
//go:generate go run ../scripts/genchecks -type=Check -list=checks

// parsed is the Applies of checks that read the parsed CRL (c.X).
func parsed(c *CRL, _ *Env) bool { return c.X != nil }

// Checks lists the CRL checks in the order Run applies them.
func Checks() []*Check { return append([]*Check(nil), checks...) }

// Codes lists every code Run can raise.
func Codes() []string { return lint.CodesOf(checks) }

// Run applies every check to c and returns their findings.
func Run(c *CRL, env *Env) []lint.Finding {
	return lint.Run(checks, &lint.Pass[*CRL, *Env]{
		Subject: c, Env: env, File: c.File, Line: c.Line, Object: c.Object, Args: []string{c.Name},
	})
}

func day(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05 UTC") }

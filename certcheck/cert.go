// Package certcheck predicts how Huawei Cloud's point-to-site VPN judges a certificate
// uploaded as a client CA or imported as the server certificate, with the cloud's codes and
// vpncertlint's advisories.
//
// The public API: NewCert parses one certificate (set its Role), Run applies every check to
// it with an Env (the clock and the Policy, DefaultPolicy unless configured), and a Set
// (NewSet, Set.Add, Set.Finish) judges a whole upload set (duplicates, the CA count). Checks
// lists the checks (a lint.Check each) and Codes every code they can report.
//
// Each check is one small file declaring its codes and a *Check; the checks variable
// (checks_gen.go, written by go generate) lists them in the order they run.
package certcheck

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vpncertlint/vpncertlint/lint"
	"github.com/zmap/zcrypto/x509"
)

// Role is what a certificate is uploaded as: RoleCA or RoleServer.
type Role = lint.Role

// The roles of a certificate.
const (
	// RoleCA is a client CA certificate uploaded to the VPN server.
	RoleCA = lint.RoleCA
	// RoleServer is the server certificate imported into Cloud Certificate Manager.
	RoleServer = lint.RoleServer
)

// Cert is one certificate under check.
type Cert struct {
	File string // as given
	Line int    // the BEGIN line of its block
	Name string // what %s in the cloud's messages is: the file's base name or the upload's name
	Role Role

	DER    []byte
	SHA256 string
	Raw    *Raw // vpncertlint's own outline of the DER (always set)
	// ParseErr is zcrypto's reason for rejecting the certificate.
	ParseErr error
	// Fallback is set when zcrypto rejected the certificate but its DER is a well-formed X.509
	// certificate (wellFormed, or Go's crypto/x509 parses it): a limitation of zcrypto, not a
	// defect of the certificate. The checks judge it from Raw; VCL.0751 says so.
	Fallback bool
	// FallbackBy says what found it well-formed, FallbackNotes what zcrypto likely could not
	// read (wellFormed's notes).
	FallbackBy    string
	FallbackNotes []string
	// StructErr is why the DER is not a well-formed certificate (set with ParseErr when
	// Fallback is not).
	StructErr error

	obj *lint.Object // Object's result, computed once

	// x is zcrypto's parse (see X); late, when set, parses it on first use.
	x    *x509.Certificate
	late *lateParse
}

// lateParse is zcrypto's parse of a certificate that zcryptoAccepts proved it accepts, done
// when first asked for (the VPN checks read Raw; zlint and signature checks need it).
type lateParse struct {
	once sync.Once
	err  error
}

// X is zcrypto's parse of the certificate: nil when ParseErr is set (or the key was too large
// to parse). A certificate that zcryptoAccepts proves zcrypto reads is parsed on the first
// call (safe for concurrent use), so a run that needs no more than the VPN checks never
// pays for it.
func (c *Cert) X() *x509.Certificate {
	if l := c.late; l != nil {
		l.once.Do(func() {
			c.x, l.err = zcryptoParse(c.DER)
			if l.err != nil { // zcryptoAccepts was wrong: its tests make sure this never happens
				c.x = nil
				lateParseFailures.Add(1)
			}
		})
	}
	return c.x
}

// lateParseFailures counts late parses that failed (for the tests: it must stay 0).
var lateParseFailures atomic.Int64

// parseCert reads der with vpncertlint's own outline parser and, unless its key is too large,
// with zcrypto. It never panics.
func parseCert(der []byte) (raw *Raw, x *x509.Certificate, err error) {
	raw = ParseRaw(der)
	if why := keyTooLarge(raw); why != "" {
		return raw, nil, fmt.Errorf("%w: %s", errKeyTooLarge, why)
	}
	x, err = zcryptoParse(der)
	return raw, x, err
}

// zcryptoParse is zcrypto's x509.ParseCertificate, which never panics here.
func zcryptoParse(der []byte) (x *x509.Certificate, err error) {
	func() {
		defer func() {
			if p := recover(); p != nil {
				x, err = nil, fmt.Errorf("the X.509 parser failed on this input (%v)", p)
			}
		}()
		x, err = x509.ParseCertificate(der)
	}()
	if err == nil && x == nil {
		err = fmt.Errorf("the X.509 parser returned no certificate")
	}
	return x, err
}

// NewCert parses der as a certificate found at file:line. zcrypto's parse is left until X
// asks for it when zcryptoAccepts proves it succeeds.
func NewCert(der []byte, file string, line int, name string) *Cert {
	return newCert(der, file, line, name, false)
}

// NewCertParsed is NewCert with zcrypto's parse done at once, for a caller that needs X
// anyway (zlint): it spares zcryptoAccepts. The findings are the same.
func NewCertParsed(der []byte, file string, line int, name string) *Cert {
	return newCert(der, file, line, name, true)
}

func newCert(der []byte, file string, line int, name string, eager bool) *Cert {
	c := &Cert{File: file, Line: line, Name: name, DER: der}
	c.Raw = ParseRaw(der)
	if why := keyTooLarge(c.Raw); why != "" {
		c.ParseErr = fmt.Errorf("%w: %s", errKeyTooLarge, why)
	} else if !eager && zcryptoAccepts(der) {
		c.late = &lateParse{}
	} else {
		c.x, c.ParseErr = zcryptoParse(der)
	}
	if c.ParseErr != nil && !errors.Is(c.ParseErr, errKeyTooLarge) {
		c.judgeStructure()
	}
	if c.x != nil && len(c.x.FingerprintSHA256) == sha256.Size && bytes.Equal(c.x.Raw, der) {
		c.SHA256 = hex.EncodeToString(c.x.FingerprintSHA256) // zcrypto hashed the same DER already
	} else {
		sum := sha256.Sum256(der)
		c.SHA256 = hex.EncodeToString(sum[:])
	}
	return c
}

// IsCA reports whether basicConstraints is present with cA=TRUE.
func (c *Cert) IsCA() bool {
	present, ca, _ := c.basicConstraints()
	return present && ca
}

// Object identifies the certificate in findings.
func (c *Cert) Object() lint.Object {
	if c.obj != nil {
		return *c.obj
	}
	o := lint.Object{SHA256: c.SHA256}
	if c.Raw != nil {
		o.Subject = renderNameOrEmpty(c.Raw.RawSubject) // subjects are mostly unique: not cached
		o.Issuer = Name(c.Raw.RawIssuer)
		if c.Raw.Serial != nil {
			o.Serial = c.Raw.Serial.Text(16)
		}
	}
	c.obj = &o
	return o
}

// Unnamed makes c's Object empty, for a report that does not keep objects' identities
// (engine's lean mode): rendering the subject is then not worth its cost.
func (c *Cert) Unnamed() { c.obj = &noObject }

// noObject is every unnamed certificate's Object (never written: Object returns a copy).
var noObject lint.Object

// Finding returns a finding of code about c, with c's name as the message's %s.
func (c *Cert) Finding(code, detail string) lint.Finding {
	return lint.New(code, detail, c.Name).At(c.File, c.Line).About(c.Object())
}

// Env is what checks may read besides the certificate.
type Env struct {
	Now    time.Time
	Policy *Policy
}

// Check is one certificate check: it looks at a *Cert and may read the *Env.
type Check = lint.Check[*Cert, *Env]

// checks (checks_gen.go) are the certificate checks, in the order they run (by variable
// name): every package-level &Check{…} of the package's files. A new check is one file
// declaring its codes and a *Check; go generate rewrites the list.
//
//go:generate go run ../scripts/genchecks -type=Check -list=checks

// caOnly is the Applies of checks that judge client CA uploads only.
func caOnly(c *Cert, _ *Env) bool { return c.Role == RoleCA }

// Checks lists the certificate checks in the order Run applies them.
func Checks() []*Check { return append([]*Check(nil), checks...) }

// Codes lists every code Run and the upload-set checks (CheckSet) can raise.
func Codes() []string { return append(lint.CodesOf(checks), setCodes...) }

// Run applies every check that fits c's role and returns their findings.
func Run(c *Cert, env *Env) []lint.Finding {
	return lint.Run(checks, &lint.Pass[*Cert, *Env]{
		Subject: c, Env: env, File: c.File, Line: c.Line, Object: c.Object, Args: []string{c.Name},
	})
}

func day(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05 UTC") }

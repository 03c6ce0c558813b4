package certcheck

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	stdx509 "crypto/x509"
	"encoding/asn1"
	"encoding/pem"
	"go/build"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zmap/zcrypto/x509"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// tcert builds a certificate field by field, so that a test can change exactly one thing.
type tcert struct {
	version   int64 // encoded value: 2 for v3, -1 to leave the field out (v1)
	spki      []byte
	exts      [][]byte // Extension elements
	notBefore func(b *cryptobyte.Builder)
	key       *ecdsa.PrivateKey // signs the TBS (ecdsa-with-SHA256)
	trailing  []byte
}

var oidECDSAWithSHA256 = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 2}

func name(cn string) func(b *cryptobyte.Builder) {
	return func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{2, 5, 4, 3})
					b.AddASN1(cbasn1.UTF8String, func(b *cryptobyte.Builder) { b.AddBytes([]byte(cn)) })
				})
			})
		})
	}
}

func (tc *tcert) tbs() []byte {
	b := cryptobyte.NewBuilder(nil)
	sigAlg := func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oidECDSAWithSHA256) })
	}
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		if tc.version >= 0 {
			b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) { b.AddASN1Int64(tc.version) })
		}
		b.AddASN1Int64(4242)
		sigAlg(b)
		name("vpncertlint test CA")(b)
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			if tc.notBefore != nil {
				tc.notBefore(b)
			} else {
				b.AddASN1UTCTime(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
			}
			b.AddASN1GeneralizedTime(time.Date(2035, 1, 1, 0, 0, 0, 0, time.UTC))
		})
		name("vpncertlint test CA")(b)
		b.AddBytes(tc.spki)
		if len(tc.exts) > 0 {
			b.AddASN1(cbasn1.Tag(3).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					for _, e := range tc.exts {
						b.AddBytes(e)
					}
				})
			})
		}
	})
	return b.BytesOrPanic()
}

func (tc *tcert) der(t *testing.T) []byte {
	t.Helper()
	tbs := tc.tbs()
	sig := []byte{0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01}
	if tc.key != nil {
		h := sha256.Sum256(tbs)
		var err error
		if sig, err = ecdsa.SignASN1(rand.Reader, tc.key, h[:]); err != nil {
			t.Fatal(err)
		}
	}
	b := cryptobyte.NewBuilder(nil)
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddBytes(tbs)
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oidECDSAWithSHA256) })
		b.AddASN1BitString(sig)
	})
	return append(b.BytesOrPanic(), tc.trailing...)
}

func ecSPKI(curve asn1.ObjectIdentifier, point []byte) []byte {
	b := cryptobyte.NewBuilder(nil)
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1ObjectIdentifier(oidEC)
			b.AddASN1ObjectIdentifier(curve)
		})
		b.AddASN1BitString(point)
	})
	return b.BytesOrPanic()
}

var oidP256 = asn1.ObjectIdentifier{1, 2, 840, 10045, 3, 1, 7}

func ext(oid string, critical bool, value func(b *cryptobyte.Builder)) []byte {
	var id asn1.ObjectIdentifier
	for _, p := range strings.Split(oid, ".") {
		n := 0
		for _, c := range p {
			n = n*10 + int(c-'0')
		}
		id = append(id, n)
	}
	v := cryptobyte.NewBuilder(nil)
	value(v)
	b := cryptobyte.NewBuilder(nil)
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1ObjectIdentifier(id)
		if critical {
			b.AddASN1Boolean(true)
		}
		b.AddASN1OctetString(v.BytesOrPanic())
	})
	return b.BytesOrPanic()
}

func seq(inner ...func(b *cryptobyte.Builder)) func(b *cryptobyte.Builder) {
	return func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			for _, f := range inner {
				f(b)
			}
		})
	}
}

func tagged(tag cbasn1.Tag, inner ...func(b *cryptobyte.Builder)) func(b *cryptobyte.Builder) {
	return func(b *cryptobyte.Builder) {
		b.AddASN1(tag, func(b *cryptobyte.Builder) {
			for _, f := range inner {
				f(b)
			}
		})
	}
}

func raw(p ...byte) func(b *cryptobyte.Builder) { return func(b *cryptobyte.Builder) { b.AddBytes(p) } }

func ctx(n uint8) cbasn1.Tag { return cbasn1.Tag(n).ContextSpecific() }

func sanIP(n int) []byte {
	return ext(oidSAN, false, seq(tagged(ctx(7), raw(make([]byte, n)...))))
}

// crlDP is a CRL distribution points extension whose one point has the DistributionPointName
// inner (tagged [0]).
func crlDP(inner func(b *cryptobyte.Builder)) []byte {
	return ext(oidCRLDP, false, seq(seq(tagged(ctx(0).Constructed(), inner))))
}

var relativeName = tagged(ctx(1).Constructed(), seq(func(b *cryptobyte.Builder) {
	b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{2, 5, 4, 3})
	b.AddASN1(cbasn1.UTF8String, func(b *cryptobyte.Builder) { b.AddBytes([]byte("CRL1")) })
}))

func newP256(t *testing.T) (*ecdsa.PrivateKey, []byte, []byte) {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	//nolint:staticcheck // the encoding itself is under test
	return k, elliptic.Marshal(elliptic.P256(), k.X, k.Y), elliptic.MarshalCompressed(elliptic.P256(), k.X, k.Y)
}

// TestWellFormedBoundaries changes one thing of a well-formed certificate at a time, on both
// sides of each rule wellFormed applies.
func TestWellFormedBoundaries(t *testing.T) {
	key, point, compressed := newP256(t)
	base := func() *tcert { return &tcert{version: 2, spki: ecSPKI(oidP256, point), key: key} }
	// An X for which no point exists (about half of all X are).
	offCurve := append([]byte(nil), compressed...)
	for {
		offCurve[len(offCurve)-1]++
		if x, _ := elliptic.UnmarshalCompressed(elliptic.P256(), offCurve); x == nil {
			break
		}
	}
	cases := []struct {
		name   string
		edit   func(c *tcert)
		der    func(der []byte) []byte
		ok     bool
		note   string // a substring of a note (ok cases)
		reason string // a substring of the error
		// goLaxer: Go's crypto/x509 accepts it (OpenSSL's strict DER templates do not).
		goLaxer bool
	}{
		{name: "plain", ok: true},
		{name: "v1 without extensions", edit: func(c *tcert) { c.version = -1 }, ok: true},
		{name: "version 4", edit: func(c *tcert) { c.version = 3 }, reason: "version"},
		{name: "trailing byte", edit: func(c *tcert) { c.trailing = []byte{0} }, reason: "trailing"},
		{name: "truncated by one byte", der: func(d []byte) []byte { return d[:len(d)-1] }, reason: "truncated"},
		{name: "SET instead of SEQUENCE", der: func(d []byte) []byte { d[0] = 0x31; return d }, reason: "wrong tag"},
		{name: "GeneralizedTime without seconds", edit: func(c *tcert) {
			c.notBefore = func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.GeneralizedTime, func(b *cryptobyte.Builder) { b.AddBytes([]byte("202501010000Z")) })
			}
		}, reason: "validity"},
		{name: "SAN IPv4", edit: func(c *tcert) { c.exts = [][]byte{sanIP(4)} }, ok: true},
		{name: "SAN IPv6", edit: func(c *tcert) { c.exts = [][]byte{sanIP(16)} }, ok: true},
		{name: "SAN IP of 8 bytes", edit: func(c *tcert) { c.exts = [][]byte{sanIP(8)} }, reason: "iPAddress of 8 bytes"},
		{name: "SAN IP of 5 bytes", edit: func(c *tcert) { c.exts = [][]byte{sanIP(5)} }, reason: "iPAddress of 5 bytes"},
		{name: "SAN IP of 8 bytes in a v1 certificate (the parsers ignore its extensions)", edit: func(c *tcert) { c.version = -1; c.exts = [][]byte{sanIP(8)} }, ok: true},
		{name: "SAN dNSName ASCII", edit: func(c *tcert) { c.exts = [][]byte{ext(oidSAN, false, seq(tagged(ctx(2), raw('a', '.', 'b'))))} }, ok: true},
		{name: "SAN dNSName not IA5", edit: func(c *tcert) { c.exts = [][]byte{ext(oidSAN, false, seq(tagged(ctx(2), raw('a', 0xc3, 0xa9))))} }, reason: "IA5String"},
		{name: "name constraint IP and mask (8 bytes)", edit: func(c *tcert) {
			c.exts = [][]byte{ext(oidNameConstraints, true, seq(tagged(ctx(0).Constructed(), seq(tagged(ctx(7), raw(make([]byte, 8)...))))))}
		}, ok: true},
		{name: "name constraint IP without mask (4 bytes)", edit: func(c *tcert) {
			c.exts = [][]byte{ext(oidNameConstraints, true, seq(tagged(ctx(0).Constructed(), seq(tagged(ctx(7), raw(make([]byte, 4)...))))))}
		}, reason: "constraint of 4 bytes"},
		{name: "empty name constraints", edit: func(c *tcert) { c.exts = [][]byte{ext(oidNameConstraints, true, seq())} }, reason: "empty nameConstraints"},
		{name: "basicConstraints pathLen 0", edit: func(c *tcert) {
			c.exts = [][]byte{ext(oidBasicConstraints, true, seq(raw(0x01, 0x01, 0xff), raw(0x02, 0x01, 0x00)))}
		}, ok: true},
		{name: "basicConstraints negative pathLen", edit: func(c *tcert) {
			c.exts = [][]byte{ext(oidBasicConstraints, true, seq(raw(0x01, 0x01, 0xff), raw(0x02, 0x01, 0xff)))}
		}, reason: "basicConstraints"},
		{name: "basicConstraints not a SEQUENCE", edit: func(c *tcert) { c.exts = [][]byte{ext(oidBasicConstraints, true, raw(0x01, 0x01, 0xff))} }, reason: "basicConstraints"},
		{name: "keyUsage BIT STRING", edit: func(c *tcert) { c.exts = [][]byte{ext(oidKeyUsage, true, raw(0x03, 0x02, 0x01, 0x06))} }, ok: true},
		{name: "keyUsage with a set padding bit", edit: func(c *tcert) { c.exts = [][]byte{ext(oidKeyUsage, true, raw(0x03, 0x02, 0x01, 0x07))} }, reason: "keyUsage"},
		{name: "EKU of OIDs", edit: func(c *tcert) { c.exts = [][]byte{ext(oidEKU, false, seq(raw(0x06, 0x03, 0x55, 0x1d, 0x25)))} }, ok: true},
		{name: "EKU of a string", edit: func(c *tcert) { c.exts = [][]byte{ext(oidEKU, false, seq(raw(0x0c, 0x01, 'x')))} }, reason: "extendedKeyUsage"},
		{name: "duplicate extension", edit: func(c *tcert) { c.exts = [][]byte{sanIP(4), sanIP(4)} }, reason: "duplicate"},
		{name: "extension value not an OCTET STRING", edit: func(c *tcert) {
			c.exts = [][]byte{{0x30, 0x08, 0x06, 0x03, 0x55, 0x1d, 0x11, 0x04, 0x01, 0x00}}
			c.exts[0][7] = 0x03 // BIT STRING
		}, reason: "malformed extension"},
		{name: "empty CRL distribution points value", edit: func(c *tcert) { c.exts = [][]byte{ext(oidCRLDP, true, raw())} }, reason: "cRLDistributionPoints"},
		{name: "CRL DP fullName URI", edit: func(c *tcert) {
			c.exts = [][]byte{crlDP(tagged(ctx(0).Constructed(), tagged(ctx(6), raw('h', 't', 't', 'p', ':', '/', '/', 'x'))))}
		}, ok: true},
		{name: "CRL DP nameRelativeToCRLIssuer", edit: func(c *tcert) { c.exts = [][]byte{crlDP(relativeName)} }, ok: true, note: "nameRelativeToCRLIssuer"},
		{name: "CRL DP name of an unknown CHOICE [2]", edit: func(c *tcert) { c.exts = [][]byte{crlDP(tagged(ctx(2).Constructed(), raw()))} }, reason: "neither fullName"},
		{name: "AKI not critical", edit: func(c *tcert) { c.exts = [][]byte{ext(oidAKI, false, seq(tagged(ctx(0), raw(1, 2))))} }, ok: true},
		{name: "AKI critical", edit: func(c *tcert) { c.exts = [][]byte{ext(oidAKI, true, seq(tagged(ctx(0), raw(1, 2))))} }, reason: "critical"},
		{name: "compressed P-256 point", edit: func(c *tcert) { c.spki = ecSPKI(oidP256, compressed) }, ok: true, note: "compressed EC point"},
		{name: "compressed P-256 point one byte short", edit: func(c *tcert) { c.spki = ecSPKI(oidP256, compressed[:32]) }, reason: "compressed EC point of 32 bytes"},
		{name: "compressed point not on P-256", edit: func(c *tcert) { c.spki = ecSPKI(oidP256, offCurve) }, reason: "not on P-256"},
		{name: "uncompressed P-256 point one byte short", edit: func(c *tcert) { c.spki = ecSPKI(oidP256, point[:64]) }, reason: "uncompressed EC point of 64 bytes"},
		{name: "compressed point on brainpoolP256r1 (a curve Go cannot check)", edit: func(c *tcert) {
			c.spki = ecSPKI(asn1.ObjectIdentifier{1, 3, 36, 3, 3, 2, 8, 1, 1, 7}, compressed)
		}, ok: true, note: "compressed EC point"},
		{name: "SPKI with trailing data", edit: func(c *tcert) {
			s := append([]byte{0x30, c.spki[1] + 2}, c.spki[2:]...)
			s = append(s, 0x05, 0x00)
			c.spki = s
		}, reason: "subjectPublicKeyInfo", goLaxer: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := base()
			if tc.edit != nil {
				tc.edit(c)
			}
			der := c.der(t)
			if tc.der != nil {
				der = tc.der(der)
			}
			notes, err := wellFormed(der)
			switch {
			case tc.ok && err != nil:
				t.Fatalf("rejected: %v", err)
			case !tc.ok && err == nil:
				t.Fatalf("accepted (notes %q)", notes)
			case !tc.ok && !strings.Contains(err.Error(), tc.reason):
				t.Fatalf("error %q, want one mentioning %q", err, tc.reason)
			case tc.note != "" && !strings.Contains(strings.Join(notes, ";"), tc.note):
				t.Fatalf("notes %q, want one mentioning %q", notes, tc.note)
			case tc.ok && tc.note == "" && len(notes) > 0:
				t.Fatalf("unexpected notes %q", notes)
			}
			// Go's crypto/x509 agrees with the rejections.
			_, stdErr := stdx509.ParseCertificate(der)
			if !tc.ok && !tc.goLaxer && stdErr == nil {
				t.Errorf("Go's crypto/x509 accepts what wellFormed rejects")
			}
		})
	}
}

// TestContentFallback: a certificate zcrypto cannot read gets VCL.0751 when well-formed and
// VPN.0075 when not; a key VPN.0070 rejects says nothing more.
func TestContentFallback(t *testing.T) {
	key, point, compressed := newP256(t)
	env := &Env{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Policy: DefaultPolicy()}
	codes := func(c *Cert) string {
		var out []string
		for _, f := range Run(c, env) {
			out = append(out, f.Code)
		}
		return strings.Join(out, ",")
	}
	for _, tc := range []struct {
		name string
		c    tcert
		want string // codes of Run, in order
	}{
		{"zcrypto reads it", tcert{version: 2, spki: ecSPKI(oidP256, point), key: key}, "VCL.0703"},
		{"relative CRL DP", tcert{version: 2, spki: ecSPKI(oidP256, point), key: key, exts: [][]byte{crlDP(relativeName)}}, "VCL.0751,VCL.0703"},
		{"compressed point", tcert{version: 2, spki: ecSPKI(oidP256, compressed), key: key}, "VCL.0751,VCL.0703"},
		{"brainpool key (VPN.0070 says why)", tcert{version: 2, spki: ecSPKI(asn1.ObjectIdentifier{1, 3, 36, 3, 3, 2, 8, 1, 1, 7}, point), key: key}, "VPN.0070"},
		{"brainpool key and an 8-byte IP", tcert{version: 2, spki: ecSPKI(asn1.ObjectIdentifier{1, 3, 36, 3, 3, 2, 8, 1, 1, 7}, point), key: key, exts: [][]byte{sanIP(8)}}, "VPN.0075,VPN.0070"},
		{"8-byte IP", tcert{version: 2, spki: ecSPKI(oidP256, point), key: key, exts: [][]byte{sanIP(8)}}, "VPN.0075,VCL.0703"},
		{"relative CRL DP and trailing data", tcert{version: 2, spki: ecSPKI(oidP256, point), key: key, exts: [][]byte{crlDP(relativeName)}, trailing: []byte{0}}, "VPN.0075,VCL.0703"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewCert(tc.c.der(t), "t.pem", 1, "t.pem")
			if got := codes(c); got != tc.want {
				t.Errorf("codes %s, want %s", got, tc.want)
			}
			for _, f := range Run(c, env) {
				if f.Code == "VCL.0751" && (!strings.Contains(f.Detail, "zcrypto rejects it (") || !strings.Contains(f.Detail, "zlint advisories were skipped")) {
					t.Errorf("detail %q", f.Detail)
				}
			}
		})
	}
}

// TestVerifierCompressed: a CA whose key is a compressed point still verifies signatures
// (the CRLs it signs).
func TestVerifierCompressed(t *testing.T) {
	key, _, compressed := newP256(t)
	tc := tcert{version: 2, spki: ecSPKI(oidP256, compressed), key: key}
	c := NewCert(tc.der(t), "t.pem", 1, "t.pem")
	if c.X() != nil || !c.Fallback {
		t.Fatalf("X %v, Fallback %v", c.X() != nil, c.Fallback)
	}
	v := c.Verifier()
	if v == nil {
		t.Fatal("no verifier")
	}
	msg := []byte("a CRL")
	h := sha256.Sum256(msg)
	sig, err := ecdsa.SignASN1(rand.Reader, key, h[:])
	if err != nil {
		t.Fatal(err)
	}
	if err := v.CheckSignature(x509.ECDSAWithSHA256, msg, sig); err != nil {
		t.Errorf("signature: %v", err)
	}
	other, _, _ := newP256(t)
	sig, _ = ecdsa.SignASN1(rand.Reader, other, h[:])
	if v.CheckSignature(x509.ECDSAWithSHA256, msg, sig) == nil {
		t.Error("another key's signature verifies")
	}
	if bad := NewCert(append(tc.der(t), 0), "t.pem", 1, "t.pem"); bad.Verifier() != nil {
		t.Error("a certificate that is not well-formed has a verifier")
	}
}

// thirdPartyCerts reads the certificates of a folder (DER .crt files, or PEM).
func thirdPartyCerts(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	_ = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		if strings.HasSuffix(p, ".crt") && !strings.Contains(string(data), "-----BEGIN") {
			out[p] = data
			return nil
		}
		for i := 0; ; i++ {
			var b *pem.Block
			if b, data = pem.Decode(data); b == nil {
				break
			}
			if b.Type == "CERTIFICATE" {
				out[p+"#"+string(rune('0'+i))] = b.Bytes
			}
		}
		return nil
	})
	return out
}

// TestWellFormedPKITS: every NIST PKITS certificate (in Go's source tree) is a well-formed
// certificate, including those zcrypto rejects (distributionPoint tests 4-6, cRLIssuer 29,
// DSA parameter inheritance), so none is VPN.0075.
func TestWellFormedPKITS(t *testing.T) {
	dir := filepath.Join(build.Default.GOROOT, "src", "crypto", "x509", "testdata", "nist-pkits", "certs")
	certs := thirdPartyCerts(t, dir)
	if len(certs) == 0 {
		t.Skip("NIST PKITS certificates not found in the Go toolchain")
	}
	env := &Env{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Policy: DefaultPolicy()}
	fallback := 0
	for p, der := range certs {
		if _, err := wellFormed(der); err != nil {
			t.Errorf("%s: %v", filepath.Base(p), err)
		}
		c := NewCert(der, p, 1, filepath.Base(p))
		if c.Fallback {
			fallback++
		}
		for _, f := range checkContent(c, env) {
			if f.Code == "VPN.0075" {
				t.Errorf("%s: %s", filepath.Base(p), f.Detail)
			}
		}
	}
	if fallback < 4 {
		t.Errorf("%d PKITS certificates zcrypto cannot read, want at least the 4 CRL DP ones", fallback)
	}
}

// TestWellFormedAcceptsWhatGoAccepts: wellFormed is never stricter than Go's crypto/x509 on
// the third-party corpora (zlint's deliberately odd certificates among them).
func TestWellFormedAcceptsWhatGoAccepts(t *testing.T) {
	dirs := []string{filepath.Join(build.Default.GOROOT, "src", "crypto", "x509", "testdata"), "../../shared/corpus"}
	if _, err := os.Stat(dirs[1]); err != nil {
		t.Run("corpus", func(t *testing.T) {
			t.Skip("no ../shared/corpus: only Go's own test certificates (CI provides ../shared)")
		})
	}
	n := 0
	for _, dir := range dirs {
		for p, der := range thirdPartyCerts(t, dir) {
			if _, err := stdx509.ParseCertificate(der); err != nil {
				continue
			}
			n++
			if _, err := wellFormed(der); err != nil {
				t.Errorf("%s: Go's crypto/x509 parses it, wellFormed says %v", p, err)
			}
		}
	}
	if n == 0 {
		t.Skip("no third-party certificates found")
	}
	t.Logf("%d certificates that Go's crypto/x509 parses", n)
}

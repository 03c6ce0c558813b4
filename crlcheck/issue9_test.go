package crlcheck

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	stdx509 "crypto/x509"
	"go/build"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/lint"
	"github.com/zmap/zcrypto/x509"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

var (
	t9Now          = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	t9This         = time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	t9Next         = time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)
	oidECDSASHA256 = []byte{0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02}
)

// testName encodes O=o, CN=cn with the given string tag.
func testName(tag cbasn1.Tag, o, cn string) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		for _, a := range []struct {
			oid []byte
			v   string
		}{{[]byte{0x55, 0x04, 0x0a}, o}, {[]byte{0x55, 0x04, 0x03}, cn}} {
			b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					b.AddASN1(cbasn1.OBJECT_IDENTIFIER, func(b *cryptobyte.Builder) { b.AddBytes(a.oid) })
					b.AddASN1(tag, func(b *cryptobyte.Builder) { b.AddBytes([]byte(a.v)) })
				})
			})
		}
	})
	return b.BytesOrPanic()
}

// testCA makes a self-signed CA named subject (DER) with keyUsage ku (none when ku is 0).
func testCA(t *testing.T, subject []byte, ku stdx509.KeyUsage) (*x509.Certificate, *ecdsa.PrivateKey) {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &stdx509.Certificate{
		SerialNumber: big.NewInt(1), RawSubject: subject,
		NotBefore: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2035, 1, 1, 0, 0, 0, 0, time.UTC),
		BasicConstraintsValid: true, IsCA: true, KeyUsage: ku,
	}
	der, err := stdx509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c, k
}

// crlSpec describes a CRL signed by hand: version nil writes no version field (v1).
type crlSpec struct {
	version  *int64
	issuer   []byte
	this     time.Time
	next     time.Time
	revoked  int
	ext      bool // a cRLNumber extension
	entryExt int  // the first entryExt revoked entries carry a reasonCode extension
	badTime  bool // thisUpdate is not a Time
	truncate bool // no signature
}

func signCRL(t *testing.T, k *ecdsa.PrivateKey, s crlSpec) (der, tbs []byte) {
	t.Helper()
	addAlg := func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.OBJECT_IDENTIFIER, func(b *cryptobyte.Builder) { b.AddBytes(oidECDSASHA256) })
		})
	}
	var tb cryptobyte.Builder
	tb.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		if s.version != nil {
			b.AddASN1Int64(*s.version)
		}
		addAlg(b)
		b.AddBytes(s.issuer)
		if s.badTime {
			b.AddASN1(cbasn1.UTCTime, func(b *cryptobyte.Builder) { b.AddBytes([]byte("not a time")) })
		} else {
			b.AddASN1UTCTime(s.this)
		}
		b.AddASN1UTCTime(s.next)
		if s.revoked > 0 {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				for i := 0; i < s.revoked; i++ {
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
						b.AddASN1Int64(int64(1000 + i))
						b.AddASN1UTCTime(s.this)
						if i < s.entryExt {
							b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
								b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
									b.AddASN1(cbasn1.OBJECT_IDENTIFIER, func(b *cryptobyte.Builder) { b.AddBytes([]byte{0x55, 0x1d, 0x15}) })
									b.AddASN1(cbasn1.OCTET_STRING, func(b *cryptobyte.Builder) { b.AddASN1Enum(1) })
								})
							})
						}
					})
				}
			})
		}
		if s.ext {
			b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
						b.AddASN1(cbasn1.OBJECT_IDENTIFIER, func(b *cryptobyte.Builder) { b.AddBytes([]byte{0x55, 0x1d, 0x14}) })
						b.AddASN1(cbasn1.OCTET_STRING, func(b *cryptobyte.Builder) { b.AddASN1Int64(7) })
					})
				})
			})
		}
	})
	tbs = tb.BytesOrPanic()
	h := sha256.Sum256(tbs)
	sig, err := ecdsa.SignASN1(rand.Reader, k, h[:])
	if err != nil {
		t.Fatal(err)
	}
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddBytes(tbs)
		addAlg(b)
		if !s.truncate {
			b.AddASN1BitString(sig)
		}
	})
	return b.BytesOrPanic(), tbs
}

func ver(v int64) *int64 { return &v }

func codes(fs []lint.Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return strings.Join(out, " ")
}

func env9(cas ...*x509.Certificate) *Env {
	e := &Env{Now: t9Now, Policy: DefaultPolicy()}
	for i, c := range cas {
		e.CAs = append(e.CAs, CA{Where: "ca" + string(rune('0'+i)) + ".pem:1", X: c})
	}
	return e
}

func TestVersion1CRL(t *testing.T) {
	name := testName(cbasn1.PrintableString, "vpncertlint", "v1 CA")
	ca, k := testCA(t, name, stdx509.KeyUsageCertSign|stdx509.KeyUsageCRLSign)
	other, _ := testCA(t, name, stdx509.KeyUsageCertSign|stdx509.KeyUsageCRLSign)

	der, tbs := signCRL(t, k, crlSpec{issuer: name, this: t9This, next: t9Next, revoked: 2})
	c := NewCRL(der, "v1.crl", 1, "v1.crl")
	if c.ParseErr != nil || c.X == nil || !c.V1 {
		t.Fatalf("v1 CRL: ParseErr %v, parsed %v, V1 %v", c.ParseErr, c.X != nil, c.V1)
	}
	x := c.X
	if !x.ThisUpdate.Equal(t9This) || !x.NextUpdate.Equal(t9Next) || len(x.RevokedCertificates) != 2 ||
		x.SignatureAlgorithm != x509.ECDSAWithSHA256 || x.Number != nil || x.AuthorityKeyId != nil {
		t.Errorf("v1 CRL fields: this %v next %v revoked %d alg %v number %v", x.ThisUpdate, x.NextUpdate, len(x.RevokedCertificates), x.SignatureAlgorithm, x.Number)
	}
	if !bytes.Equal(x.Raw, der) || !bytes.Equal(x.RawTBSRevocationList, tbs) || !bytes.Equal(x.RawIssuer, name) {
		t.Error("Raw, RawTBSRevocationList or RawIssuer are not the original bytes")
	}
	if got := codes(Run(c, env9(ca))); got != codeV1 {
		t.Errorf("v1 CRL of its CA: %q, want only %s", got, codeV1)
	}
	if got := codes(Run(c, env9(other))); got != "VPN.0079 "+codeV1 {
		t.Errorf("v1 CRL, CA of the same name with another key: %q, want VPN.0079 and %s", got, codeV1)
	}
	if got := codes(Run(c, &Env{Now: time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC), Policy: DefaultPolicy(), CAs: env9(ca).CAs})); got != "VPN.0080 "+codeV1 {
		t.Errorf("stale v1 CRL: %q, want VPN.0080 and %s", got, codeV1)
	}

	// version written out as v1 (INTEGER 0) reads the same
	der0, _ := signCRL(t, k, crlSpec{version: ver(0), issuer: name, this: t9This, next: t9Next})
	if c := NewCRL(der0, "v0.crl", 1, "v0.crl"); c.ParseErr != nil || !c.V1 || codes(Run(c, env9(ca))) != codeV1 {
		t.Errorf("explicit version v1: ParseErr %v, V1 %v", c.ParseErr, c.V1)
	}
	// v2 stays zcrypto's: no advisory
	der2, _ := signCRL(t, k, crlSpec{version: ver(1), issuer: name, this: t9This, next: t9Next, ext: true})
	if c := NewCRL(der2, "v2.crl", 1, "v2.crl"); c.ParseErr != nil || c.V1 || codes(Run(c, env9(ca))) != "" {
		t.Errorf("v2 CRL: ParseErr %v, V1 %v, findings %q", c.ParseErr, c.V1, codes(Run(c, env9(ca))))
	}
	// version 3 (INTEGER 2) is not a CRL version
	der3, _ := signCRL(t, k, crlSpec{version: ver(2), issuer: name, this: t9This, next: t9Next})
	if c := NewCRL(der3, "v3.crl", 1, "v3.crl"); c.ParseErr == nil || c.V1 || !strings.Contains(c.ParseErr.Error(), "unsupported crl version: 2") {
		t.Errorf("version 3 CRL: ParseErr %v, V1 %v", c.ParseErr, c.V1)
	}
	// a broken v1 CRL is VPN.0079 with the reason
	bad, _ := signCRL(t, k, crlSpec{issuer: name, badTime: true, next: t9Next})
	if c := NewCRL(bad, "bad.crl", 1, "bad.crl"); c.ParseErr == nil || !strings.HasPrefix(c.ParseErr.Error(), "version 1 CRL: ") || codes(Run(c, env9(ca))) != "VPN.0079" {
		t.Errorf("v1 CRL with a bad thisUpdate: ParseErr %v", c.ParseErr)
	}
	short, _ := signCRL(t, k, crlSpec{issuer: name, this: t9This, next: t9Next, truncate: true})
	if c := NewCRL(short, "short.crl", 1, "short.crl"); c.ParseErr == nil || c.V1 {
		t.Errorf("v1 CRL without signature: ParseErr %v, V1 %v", c.ParseErr, c.V1)
	}
	// a v1 CRL with extensions (RFC 5280 allows them only in v2) is read; the advisory says so
	derx, _ := signCRL(t, k, crlSpec{issuer: name, this: t9This, next: t9Next, ext: true})
	c = NewCRL(derx, "v1x.crl", 1, "v1x.crl")
	fs := Run(c, env9(ca))
	if c.ParseErr != nil || codes(fs) != codeV1 || !strings.Contains(fs[0].Detail, "carries 1 CRL extensions") {
		t.Errorf("v1 CRL with extensions: ParseErr %v, findings %+v", c.ParseErr, fs)
	}
}

func TestIssuerNameComparison(t *testing.T) {
	printable := testName(cbasn1.PrintableString, "vpncertlint", "Name Test CA")
	ca, k := testCA(t, printable, stdx509.KeyUsageCertSign|stdx509.KeyUsageCRLSign)
	for _, c := range []struct {
		desc   string
		issuer []byte
		want   string
	}{
		{"same bytes", printable, ""},
		{"UTF8String", testName(cbasn1.UTF8String, "vpncertlint", "Name Test CA"), ""},
		{"case and spaces", testName(cbasn1.UTF8String, " VPNCERTLINT", "name  test ca "), ""},
		{"one character", testName(cbasn1.PrintableString, "vpncertlint", "Name Test CB"), "VPN.0079"},
	} {
		der, _ := signCRL(t, k, crlSpec{version: ver(1), issuer: c.issuer, this: t9This, next: t9Next})
		crl := NewCRL(der, "n.crl", 1, "n.crl")
		if crl.ParseErr != nil {
			t.Fatal(crl.ParseErr)
		}
		if got := codes(checkIssuer(crl, env9(ca))); got != c.want {
			t.Errorf("%s: %q, want %q", c.desc, got, c.want)
		}
	}
}

func TestIssuerCRLSign(t *testing.T) {
	name := testName(cbasn1.PrintableString, "vpncertlint", "KU CA")
	for _, c := range []struct {
		desc string
		ku   stdx509.KeyUsage
		want string
	}{
		{"keyCertSign and cRLSign", stdx509.KeyUsageCertSign | stdx509.KeyUsageCRLSign, ""},
		{"cRLSign only", stdx509.KeyUsageCRLSign, ""},
		{"keyCertSign without cRLSign", stdx509.KeyUsageCertSign, codeNoCRLSign},
		{"digitalSignature only", stdx509.KeyUsageDigitalSignature, codeNoCRLSign},
		{"no keyUsage extension", 0, ""},
	} {
		ca, k := testCA(t, name, c.ku)
		if hasKeyUsage(ca) != (c.ku != 0) {
			t.Fatalf("%s: hasKeyUsage %v", c.desc, hasKeyUsage(ca))
		}
		der, _ := signCRL(t, k, crlSpec{version: ver(1), issuer: name, this: t9This, next: t9Next})
		crl := NewCRL(der, "ku.crl", 1, "ku.crl")
		if got := codes(checkIssuer(crl, env9(ca))); got != c.want {
			t.Errorf("%s: %q, want %q", c.desc, got, c.want)
		}
		// signed by another key: the signature is the finding, not cRLSign
		_, k2 := testCA(t, name, c.ku)
		der2, _ := signCRL(t, k2, crlSpec{version: ver(1), issuer: name, this: t9This, next: t9Next})
		if got := codes(checkIssuer(NewCRL(der2, "ku.crl", 1, "ku.crl"), env9(ca))); got != "VPN.0079" {
			t.Errorf("%s, other key: %q, want VPN.0079", c.desc, got)
		}
	}
}

// TestIssuerPKITS: NIST PKITS CAs and their CRLs (certificates from the Go toolchain, CRLs
// from Debian's python3-cryptography-vectors).
func TestIssuerPKITS(t *testing.T) {
	certs := filepath.Join(build.Default.GOROOT, "src", "crypto", "x509", "testdata", "nist-pkits", "certs")
	crls := "/usr/lib/python3/dist-packages/cryptography_vectors/x509/PKITS_data/crls"
	if _, err := os.Stat(certs); err != nil {
		t.Skip("no NIST PKITS certificates in the Go toolchain")
	}
	if _, err := os.Stat(crls); err != nil {
		t.Skip("no PKITS CRLs (apt-get install python3-cryptography-vectors)")
	}
	for _, c := range []struct{ ca, want string }{
		{"RolloverfromPrintableStringtoUTF8StringCA", ""}, // 4.3.10
		{"UTF8StringCaseInsensitiveMatchCA", ""},
		{"keyUsageCriticalcRLSignFalseCA", codeNoCRLSign}, // 4.7.4
		{"keyUsageNotCriticalcRLSignFalseCA", codeNoCRLSign},
		{"keyUsageNotCriticalCA", ""},
	} {
		certDER, err := os.ReadFile(filepath.Join(certs, c.ca+"Cert.crt"))
		if err != nil {
			t.Fatal(err)
		}
		crlDER, err := os.ReadFile(filepath.Join(crls, c.ca+"CRL.crl"))
		if err != nil {
			t.Fatal(err)
		}
		ca, err := x509.ParseCertificate(certDER)
		if err != nil {
			t.Fatal(err)
		}
		crl := NewCRL(crlDER, c.ca+"CRL.crl", 1, c.ca+"CRL.crl")
		if crl.ParseErr != nil {
			t.Fatalf("%s: %v", c.ca, crl.ParseErr)
		}
		if got := codes(checkIssuer(crl, env9(ca))); got != c.want {
			t.Errorf("%s: %q, want %q", c.ca, got, c.want)
		}
	}
}

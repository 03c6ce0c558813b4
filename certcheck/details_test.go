package certcheck

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/lint"
	zx509 "github.com/zmap/zcrypto/x509"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

func details(fs []lint.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code+" "+f.Detail)
	}
	return out
}

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestInstants(t *testing.T) {
	for _, tc := range []struct{ a, b, wa, wb string }{
		{"2024-04-01T00:00:00Z", "2024-04-01T00:00:00.5Z", "2024-04-01 00:00:00.0 UTC", "2024-04-01 00:00:00.5 UTC"},
		{"2024-04-01T00:00:00.25Z", "2024-04-01T00:00:00.5Z", "2024-04-01 00:00:00.2 UTC", "2024-04-01 00:00:00.5 UTC"},
		{"2024-04-01T00:00:00.25Z", "2024-04-01T00:00:00.26Z", "2024-04-01 00:00:00.25 UTC", "2024-04-01 00:00:00.26 UTC"},
		{"2024-04-01T00:00:00.123456789Z", "2024-04-01T00:00:00.12345679Z", "2024-04-01 00:00:00.12345678 UTC", "2024-04-01 00:00:00.12345679 UTC"},
		{"2024-04-01T00:00:00.123456788Z", "2024-04-01T00:00:00.123456789Z", "2024-04-01 00:00:00.123456788 UTC", "2024-04-01 00:00:00.123456789 UTC"},
		// Different seconds, or the same instant: whole seconds.
		{"2024-03-31T23:59:59.5Z", "2024-04-01T00:00:00Z", "2024-03-31 23:59:59 UTC", "2024-04-01 00:00:00 UTC"},
		{"2024-04-01T00:00:00.5Z", "2024-04-01T00:00:01.4Z", "2024-04-01 00:00:00 UTC", "2024-04-01 00:00:01 UTC"},
		{"2024-04-01T00:00:00.5Z", "2024-04-01T00:00:00.5Z", "2024-04-01 00:00:00 UTC", "2024-04-01 00:00:00 UTC"},
		{"2024-04-01T08:00:00.5+08:00", "2024-04-01T00:00:00.7Z", "2024-04-01 00:00:00.5 UTC", "2024-04-01 00:00:00.7 UTC"},
	} {
		if ga, gb := Instants(at(tc.a), at(tc.b)); ga != tc.wa || gb != tc.wb {
			t.Errorf("Instants(%s, %s) = %q, %q; want %q, %q", tc.a, tc.b, ga, gb, tc.wa, tc.wb)
		}
	}
}

// TestValidityFractionalSecond: an expiry decided by a fraction of a second prints it, on
// both sides of now.
func TestValidityFractionalSecond(t *testing.T) {
	env := &Env{Now: at("2024-04-01T00:00:00.5Z"), Policy: DefaultPolicy()}
	for _, tc := range []struct {
		nb, na string
		want   []string
	}{
		{"2024-01-01T00:00:00Z", "2024-04-01T00:00:00Z",
			[]string{"VPN.0072 notAfter 2024-04-01 00:00:00.0 UTC is before now (2024-04-01 00:00:00.5 UTC)"}},
		{"2024-01-01T00:00:00Z", "2024-04-01T00:00:00.4999Z",
			[]string{"VPN.0072 notAfter 2024-04-01 00:00:00.4 UTC is before now (2024-04-01 00:00:00.5 UTC)"}},
		// notAfter equal to now or after it, in the same second: not expired.
		{"2024-01-01T00:00:00Z", "2024-04-01T00:00:00.5Z",
			[]string{"VCL.0721 notAfter 2024-04-01 00:00:00 UTC is 0 days from now (warning window 30 days)"}},
		{"2024-01-01T00:00:00Z", "2024-04-01T00:00:00.6Z",
			[]string{"VCL.0721 notAfter 2024-04-01 00:00:00 UTC is 0 days from now (warning window 30 days)"}},
		// Another second: no fraction.
		{"2024-01-01T00:00:00Z", "2024-03-31T23:59:59.9Z",
			[]string{"VPN.0072 notAfter 2024-03-31 23:59:59 UTC is before now (2024-04-01 00:00:00 UTC)"}},
		// notBefore just after now, and just before.
		{"2024-04-01T00:00:00.75Z", "2025-01-01T00:00:00Z",
			[]string{"VPN.0073 notBefore 2024-04-01 00:00:00.7 UTC is after now (2024-04-01 00:00:00.5 UTC)"}},
		{"2024-04-01T00:00:00.5Z", "2025-01-01T00:00:00Z", nil},
		{"2024-04-01T00:00:00.25Z", "2025-01-01T00:00:00Z", nil},
	} {
		c := &Cert{Name: "x", Raw: &Raw{HasDates: true, NotBefore: at(tc.nb), NotAfter: at(tc.na)}}
		got := details(checkValidity(c, env))
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s..%s: %q, want %q", tc.nb, tc.na, got, tc.want)
		}
	}
}

// TestReadTimeFraction: a GeneralizedTime with a fractional second (BER, not DER) is read,
// so the certificate's validity is checked; what cryptobyte refuses otherwise stays refused.
func TestReadTimeFraction(t *testing.T) {
	for _, tc := range []struct {
		tag  cbasn1.Tag
		body string
		want string // "" when refused
	}{
		{cbasn1.GeneralizedTime, "20250101000000.5Z", "2025-01-01T00:00:00.5Z"},
		{cbasn1.GeneralizedTime, "20250101000000.000001Z", "2025-01-01T00:00:00.000001Z"},
		{cbasn1.GeneralizedTime, "20500101000000.123456789123Z", "2050-01-01T00:00:00.123456789Z"},
		{cbasn1.GeneralizedTime, "20250101000000.0Z", "2025-01-01T00:00:00Z"},
		{cbasn1.GeneralizedTime, "20250101000000.Z", ""},
		{cbasn1.GeneralizedTime, "20250101000000.5", ""},
		{cbasn1.GeneralizedTime, "20250101000000,5Z", ""},
		{cbasn1.GeneralizedTime, "20250101000000.5a", ""},
		{cbasn1.GeneralizedTime, "20250101000000.a5Z", ""},
		{cbasn1.GeneralizedTime, "20250101000000.5+0100", ""},
		{cbasn1.GeneralizedTime, "20250431000000.5Z", ""},
		{cbasn1.UTCTime, "250101000000.5Z", ""},
	} {
		var bld cryptobyte.Builder
		bld.AddASN1(tc.tag, func(c *cryptobyte.Builder) { c.AddBytes([]byte(tc.body)) })
		s := cryptobyte.String(bld.BytesOrPanic())
		got, ok := readTime(&s)
		switch {
		case tc.want == "" && ok:
			t.Errorf("%q: read as %v, want refused", tc.body, got)
		case tc.want != "" && (!ok || !got.Equal(at(tc.want)) || !s.Empty()):
			t.Errorf("%q: %v %v, want %s and the element read", tc.body, got, ok, tc.want)
		}
	}
}

// TestDates2049And2050: a notBefore in 2049 is a UTCTime, a notAfter from 2050 on a
// GeneralizedTime (RFC 5280 §4.1.2.5); both are read and the validity check uses them.
func TestDates2049And2050(t *testing.T) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	nb, na := at("2049-12-31T23:59:59Z"), at("2050-01-01T00:00:00Z")
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "2050"}, NotBefore: nb, NotAfter: na}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	// The encoding is as RFC 5280 says: 17 0d "491231235959Z", 18 0f "20500101000000Z".
	if !strings.Contains(string(der), "\x17\x0d491231235959Z\x18\x0f20500101000000Z") {
		t.Fatal("the certificate's validity is not a UTCTime 2049 and a GeneralizedTime 2050")
	}
	r := ParseRaw(der)
	if !r.HasDates || !r.NotBefore.Equal(nb) || !r.NotAfter.Equal(na) {
		t.Fatalf("dates %v %v %v", r.HasDates, r.NotBefore, r.NotAfter)
	}
	c := &Cert{Name: "x", Raw: r}
	soon := "VCL.0721 notAfter 2050-01-01 00:00:00 UTC is 0 days from now (warning window 30 days)"
	for now, want := range map[string][]string{
		"2049-12-31T23:59:58Z":   {soon, "VPN.0073 notBefore 2049-12-31 23:59:59 UTC is after now (2049-12-31 23:59:58 UTC)"},
		"2049-12-31T23:59:59Z":   {soon},
		"2050-01-01T00:00:00Z":   {soon},
		"2050-01-01T00:00:00.1Z": {"VPN.0072 notAfter 2050-01-01 00:00:00.0 UTC is before now (2050-01-01 00:00:00.1 UTC)"},
	} {
		got := details(checkValidity(c, &Env{Now: at(now), Policy: DefaultPolicy()}))
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("now %s: %q, want %q", now, got, want)
		}
	}
}

// rsaSPKI is an RSA SubjectPublicKeyInfo whose modulus INTEGER has exactly the content n
// (so a first byte ≥ 0x80 makes it negative) and exponent 65537.
func rsaSPKI(n []byte) []byte {
	var key cryptobyte.Builder
	key.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.INTEGER, func(b *cryptobyte.Builder) { b.AddBytes(n) })
		b.AddASN1Int64(65537)
	})
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1ObjectIdentifier(oidRSA)
			b.AddASN1NULL()
		})
		b.AddASN1BitString(key.BytesOrPanic())
	})
	return b.BytesOrPanic()
}

// TestNegativeModulus: a modulus INTEGER with its sign bit set is called negative, with its
// size as encoded, raises VCL.0707, and the key size is judged as OpenSSL reads it (the
// bytes unsigned), never "RSA-1022". The same bytes with the leading zero are RSA-1024.
func TestNegativeModulus(t *testing.T) {
	k, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	n := k.N.Bytes() // 128 bytes, the first ≥ 0x80
	run := func(spki []byte) (KeyInfo, []string) {
		c := &Cert{Name: "x", Raw: &Raw{Key: parseSPKI(spki)}}
		env := &Env{Policy: DefaultPolicy()}
		return c.Raw.Key, append(details(checkKeyAlgorithm(c, env)), details(checkWeakKey(c, env))...)
	}

	neg, got := run(rsaSPKI(n))
	if name := neg.KeyName(); name != "RSA with a negative modulus (a 128-byte INTEGER)" {
		t.Errorf("negative: key name %q", name)
	}
	want := []string{
		"VPN.0070 key RSA with a negative modulus (a 128-byte INTEGER): RSA keys must be at least 2048 bits; read as unsigned (as OpenSSL reads it) this one has 1024",
		"VCL.0707 the RSA modulus is negative (a 128-byte INTEGER with its sign bit set: a positive modulus this long needs a leading zero byte); RFC 8017 §3.1 requires a positive modulus",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("negative: %q, want %q", got, want)
	}

	pos, got := run(rsaSPKI(append([]byte{0}, n...)))
	if name := pos.KeyName(); name != "RSA-1024" {
		t.Errorf("positive: key name %q", name)
	}
	if len(got) != 1 || got[0] != "VPN.0070 key RSA-1024: RSA keys must be at least 2048 bits; this one has 1024" {
		t.Errorf("positive: %q", got)
	}

	// A negative 3072-bit encoding: OpenSSL reads 3072 bits, so only VCL.0707.
	k3, err := rsa.GenerateKey(rand.Reader, 3072)
	if err != nil {
		t.Fatal(err)
	}
	neg3, got := run(rsaSPKI(k3.N.Bytes()))
	if neg3.RSABits != 3072 || len(got) != 1 || !strings.HasPrefix(got[0], "VCL.0707 the RSA modulus is negative (a 384-byte INTEGER") {
		t.Errorf("negative 3072: %d bits, %q", neg3.RSABits, got)
	}
}

// TestValidityFallsBackToZcryptoDates: when vpncertlint's own reading of the DER has no
// dates but zcrypto read them, the validity check judges zcrypto's dates instead of passing
// silently; with neither, it leaves the certificate to the content check.
func TestValidityFallsBackToZcryptoDates(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	env := &Env{Now: now, Policy: DefaultPolicy()}
	c := &Cert{Name: "x.pem", Raw: &Raw{}, x: &zx509.Certificate{
		NotBefore: now.AddDate(-2, 0, 0), NotAfter: now.AddDate(0, 0, -1)}}
	got := checkValidity(c, env)
	if len(got) != 1 || got[0].Code != "VPN.0072" {
		t.Fatalf("zcrypto's expired dates: got %v, want one VPN.0072", got)
	}
	c.x = nil
	if got := checkValidity(c, env); len(got) != 0 {
		t.Fatalf("no dates at all: got %v, want nothing (VPN.0075 is the content check's)", got)
	}
}

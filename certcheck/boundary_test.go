package certcheck

import (
	"crypto/rsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/lint"
	zx509 "github.com/zmap/zcrypto/x509"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Boundary tests of the per-certificate rules (issue 9): each limit at the limit and one past
// it, on both sides, with the exact finding.

func joined(fs []lint.Finding) string { return strings.Join(details(fs), "\n") }

func rsaKey(alg string, bits int) KeyInfo {
	k := KeyInfo{Parsed: true, RSABits: bits, Modulus: big.NewInt(3), Exponent: big.NewInt(65537)}
	k.Algorithm = oidRSA
	if alg == "RSASSA-PSS" {
		k.Algorithm = oidRSAPSS
	}
	return k
}

func TestKeyAlgorithmBoundaries(t *testing.T) {
	neg := rsaKey("RSA", 1024)
	neg.Modulus, neg.ModulusBytes = big.NewInt(-5), 128
	neg2048 := rsaKey("RSA", 2048)
	neg2048.Modulus, neg2048.ModulusBytes = big.NewInt(-5), 256
	ec := func(curve string, explicit bool) KeyInfo {
		k := KeyInfo{Parsed: true, Algorithm: oidEC, ExplicitCurve: explicit}
		for oid, name := range curveNames {
			if name == curve {
				var o []int
				for _, f := range strings.Split(oid, ".") {
					var v int
					if _, err := fmt.Sscan(f, &v); err != nil {
						t.Fatal(err)
					}
					o = append(o, v)
				}
				k.Curve = o
			}
		}
		return k
	}
	p521ok := DefaultPolicy()
	p521ok.CurvesOK = []string{"P-521"}
	min1024 := DefaultPolicy()
	min1024.RSAMinBits = 1024
	for _, tc := range []struct {
		name string
		k    KeyInfo
		p    *Policy
		want string
	}{
		{"unparsed", KeyInfo{}, nil, ""},
		{"rsa 0", rsaKey("RSA", 0), nil, "VPN.0070 key RSA (unreadable modulus): the RSA public key cannot be read"},
		{"rsa 1", rsaKey("RSA", 1), nil, "VPN.0070 key RSA-1: RSA keys must be at least 2048 bits; this one has 1"},
		{"rsa 2047", rsaKey("RSA", 2047), nil, "VPN.0070 key RSA-2047: RSA keys must be at least 2048 bits; this one has 2047"},
		{"rsa 2048", rsaKey("RSA", 2048), nil, "VCL.0701 key RSA-2048; RSA 3072 or 4096 is recommended"},
		{"rsa 2049", rsaKey("RSA", 2049), nil, "VCL.0702 key RSA-2049; expected 2048, 3072 or 4096 bits"},
		{"rsa 3071", rsaKey("RSA", 3071), nil, "VCL.0702 key RSA-3071; expected 2048, 3072 or 4096 bits"},
		{"rsa 3072", rsaKey("RSA", 3072), nil, ""},
		{"rsa 3073", rsaKey("RSA", 3073), nil, "VCL.0702 key RSA-3073; expected 2048, 3072 or 4096 bits"},
		{"rsa 4095", rsaKey("RSA", 4095), nil, "VCL.0702 key RSA-4095; expected 2048, 3072 or 4096 bits"},
		{"rsa 4096", rsaKey("RSA", 4096), nil, ""},
		{"rsa 4097", rsaKey("RSA", 4097), nil, "VCL.0702 key RSA-4097; expected 2048, 3072 or 4096 bits"},
		{"rsa 8192", rsaKey("RSA", 8192), nil, "VCL.0702 key RSA-8192; expected 2048, 3072 or 4096 bits"},
		{"pss 2047", rsaKey("RSASSA-PSS", 2047), nil, "VPN.0070 key RSASSA-PSS-2047: RSA keys must be at least 2048 bits; this one has 2047"},
		{"pss 3072", rsaKey("RSASSA-PSS", 3072), nil, ""},
		{"negative 1024", neg, nil, "VPN.0070 key RSA with a negative modulus (a 128-byte INTEGER): RSA keys must be at least 2048 bits; read as unsigned (as OpenSSL reads it) this one has 1024"},
		{"negative 2048", neg2048, nil, "VCL.0701 key RSA with a negative modulus (a 256-byte INTEGER); RSA 3072 or 4096 is recommended"},
		{"nil modulus 1024", KeyInfo{Parsed: true, Algorithm: oidRSA, RSABits: 1024}, nil, "VPN.0070 key RSA-1024: RSA keys must be at least 2048 bits; this one has 1024"},
		{"min 1024: 1024", rsaKey("RSA", 1024), min1024, "VCL.0702 key RSA-1024; expected 2048, 3072 or 4096 bits"},
		{"min 1024: 1023", rsaKey("RSA", 1023), min1024, "VPN.0070 key RSA-1023: RSA keys must be at least 1024 bits; this one has 1023"},
		{"P-256", ec("P-256", false), nil, "VCL.0703 key EC P-256"},
		{"P-384", ec("P-384", false), nil, "VCL.0703 key EC P-384"},
		{"P-521", ec("P-521", false), nil, "VPN.0070 key EC P-521: only the curves P-256, P-384 are accepted"},
		{"P-521 ok", ec("P-521", false), p521ok, ""},
		{"P-224 with P-521 ok", ec("P-224", false), p521ok, "VPN.0070 key EC P-224: only the curves P-256, P-384, P-521 are accepted"},
		{"explicit", ec("", true), nil, "VPN.0070 key EC with explicit curve parameters: explicit curve parameters are not supported; use a named curve"},
		{"Ed25519", KeyInfo{Parsed: true, Algorithm: oidEd25519}, nil, "VPN.0070 key Ed25519: only RSA (3072/4096 recommended) and ECDSA P-256/P-384 keys are accepted"},
		{"DSA", KeyInfo{Parsed: true, Algorithm: oidDSA}, nil, "VPN.0070 key DSA: only RSA (3072/4096 recommended) and ECDSA P-256/P-384 keys are accepted"},
	} {
		p := tc.p
		if p == nil {
			p = DefaultPolicy()
		}
		c := &Cert{Name: "x", Raw: &Raw{Key: tc.k}}
		if got := joined(checkKeyAlgorithm(c, &Env{Policy: p})); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestKeyTooLargeBoundaries(t *testing.T) {
	spki := make([]byte, 100)
	for _, tc := range []struct {
		name string
		raw  *Raw
		want string
	}{
		{"nil raw", nil, ""},
		{"no SPKI", &Raw{Key: KeyInfo{RSABits: 1 << 20}}, ""},
		{"RSA 16384", &Raw{RawSPKI: spki, Key: KeyInfo{RSABits: 16384}}, ""},
		{"RSA 16385", &Raw{RawSPKI: spki, Key: KeyInfo{RSABits: 16385}}, "RSA modulus of 16385 bits (at most 16384 are parsed)"},
		{"exponent 2^32", &Raw{RawSPKI: spki, Key: KeyInfo{RSABits: 2048, Exponent: new(big.Int).Lsh(big.NewInt(1), 32)}}, ""},
		{"exponent 2^33-1", &Raw{RawSPKI: spki, Key: KeyInfo{RSABits: 2048, Exponent: new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 33), big.NewInt(1))}}, ""},
		{"exponent 2^33", &Raw{RawSPKI: spki, Key: KeyInfo{RSABits: 2048, Exponent: new(big.Int).Lsh(big.NewInt(1), 33)}}, "RSA public exponent of 34 bits (at most 2^32 is parsed)"},
		{"SPKI 8192", &Raw{RawSPKI: make([]byte, 8192)}, ""},
		{"SPKI 8193", &Raw{RawSPKI: make([]byte, 8193)}, "SubjectPublicKeyInfo of 8193 bytes (at most 8192 are parsed)"},
	} {
		if got := keyTooLarge(tc.raw); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
		c := &Cert{Name: "x", Raw: tc.raw}
		want := ""
		if tc.want != "" {
			want = "VCL.0709 " + tc.want + "; the certificate was not parsed further"
		}
		if got := joined(checkKeyTooLarge(c, nil)); got != want {
			t.Errorf("%s: check %q, want %q", tc.name, got, want)
		}
	}
}

// TestParseKeyTooLarge: Parse does not hand an oversized key to zcrypto, and the content
// check leaves it to the key-size-bound check.
func TestParseKeyTooLarge(t *testing.T) {
	for _, size := range []int{8192, 8193} {
		tbs := certDER(t, bigSPKI(size))
		raw, x, err := parseCert(tbs)
		if got := errors.Is(err, errKeyTooLarge); got != (size > maxSPKIBytes) {
			t.Errorf("SPKI of %d bytes: err %v", size, err)
		}
		if raw == nil || (size > maxSPKIBytes && x != nil) {
			t.Errorf("SPKI of %d bytes: raw %v, x %v", size, raw, x)
		}
		c := NewCert(tbs, "f.pem", 3, "f.pem")
		got := joined(checkContent(c, &Env{Policy: DefaultPolicy()}))
		if size > maxSPKIBytes {
			if got != "" || c.Fallback || c.StructErr != nil {
				t.Errorf("SPKI of %d bytes: content %q, fallback %v, struct %v", size, got, c.Fallback, c.StructErr)
			}
		} else if x == nil && err == nil {
			t.Errorf("SPKI of %d bytes: not parsed", size)
		}
	}
}

// bigSPKI is an SPKI of exactly n bytes with an unknown algorithm.
func bigSPKI(n int) []byte {
	for pad := n - 20; pad > 0; pad-- {
		for extra := 0; extra < 8; extra++ {
			var b cryptobyte.Builder
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					b.AddASN1ObjectIdentifier([]int{1, 2, 3, 4})
					b.AddASN1OctetString(make([]byte, extra))
				})
				b.AddASN1BitString(make([]byte, pad))
			})
			if out := b.BytesOrPanic(); len(out) == n {
				return out
			}
		}
	}
	panic("no size")
}

// certDER is a certificate outline (unsigned, zero signature) around spki.
func certDER(t *testing.T, spki []byte) []byte {
	t.Helper()
	name := func(b *cryptobyte.Builder, cn string) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					b.AddASN1ObjectIdentifier([]int{2, 5, 4, 3})
					b.AddASN1(cbasn1.UTF8String, func(b *cryptobyte.Builder) { b.AddBytes([]byte(cn)) })
				})
			})
		})
	}
	alg := func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1ObjectIdentifier([]int{1, 2, 840, 113549, 1, 1, 11})
			b.AddASN1NULL()
		})
	}
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) { b.AddASN1Int64(2) })
			b.AddASN1Int64(1)
			alg(b)
			name(b, "x")
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1UTCTime(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
				b.AddASN1UTCTime(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
			})
			name(b, "x")
			b.AddBytes(spki)
		})
		alg(b)
		b.AddASN1BitString(make([]byte, 32))
	})
	return b.BytesOrPanic()
}

func TestValidityBoundaries(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	w10 := DefaultPolicy()
	w10.ExpiryWarnDays = 10
	for _, tc := range []struct {
		name   string
		nb, na time.Time
		p      *Policy
		want   []string
	}{
		{"30 days exactly", now.Add(-day), now.Add(30 * day), nil, nil},
		{"30 days - 1ns", now.Add(-day), now.Add(30*day - 1), nil,
			[]string{"VCL.0721 notAfter 2026-06-30 23:59:59 UTC is 29 days from now (warning window 30 days)"}},
		{"30 days + 1ns", now.Add(-day), now.Add(30*day + 1), nil, nil},
		{"29 days", now.Add(-day), now.Add(29 * day), nil,
			[]string{"VCL.0721 notAfter 2026-06-30 00:00:00 UTC is 29 days from now (warning window 30 days)"}},
		{"1 day", now.Add(-day), now.Add(day), nil,
			[]string{"VCL.0721 notAfter 2026-06-02 00:00:00 UTC is 1 days from now (warning window 30 days)"}},
		{"10-day window, 10 days", now.Add(-day), now.Add(10 * day), w10, nil},
		{"10-day window, 10 days - 1s", now.Add(-day), now.Add(10*day - time.Second), w10,
			[]string{"VCL.0721 notAfter 2026-06-10 23:59:59 UTC is 9 days from now (warning window 10 days)"}},
		{"notAfter now", now.Add(-day), now, nil,
			[]string{"VCL.0721 notAfter 2026-06-01 00:00:00 UTC is 0 days from now (warning window 30 days)"}},
		{"notAfter now - 1s", now.Add(-day), now.Add(-time.Second), nil,
			[]string{"VPN.0072 notAfter 2026-05-31 23:59:59 UTC is before now (2026-06-01 00:00:00 UTC)"}},
		{"notBefore now", now, now.Add(365 * day), nil, nil},
		{"notBefore now + 1s", now.Add(time.Second), now.Add(365 * day), nil,
			[]string{"VPN.0073 notBefore 2026-06-01 00:00:01 UTC is after now (2026-06-01 00:00:00 UTC)"}},
		{"both", now.Add(time.Second), now.Add(-time.Second), nil,
			[]string{"VPN.0072 notAfter 2026-05-31 23:59:59 UTC is before now (2026-06-01 00:00:00 UTC)",
				"VPN.0073 notBefore 2026-06-01 00:00:01 UTC is after now (2026-06-01 00:00:00 UTC)"}},
	} {
		p := tc.p
		if p == nil {
			p = DefaultPolicy()
		}
		c := &Cert{Name: "x", Raw: &Raw{HasDates: true, NotBefore: tc.nb, NotAfter: tc.na}}
		if got := details(checkValidity(c, &Env{Now: now, Policy: p})); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
		// The same dates read by zcrypto only (no dates of vpncertlint's own, or no Raw).
		for _, raw := range []*Raw{nil, {}} {
			c := &Cert{Name: "x", Raw: raw, x: &zx509.Certificate{NotBefore: tc.nb, NotAfter: tc.na}}
			if got := details(checkValidity(c, &Env{Now: now, Policy: p})); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("%s (zcrypto's dates): %q, want %q", tc.name, got, tc.want)
			}
		}
	}
	// Own dates win over zcrypto's.
	c := &Cert{Name: "x", Raw: &Raw{HasDates: true, NotBefore: now.Add(-day), NotAfter: now.Add(400 * day)},
		x: &zx509.Certificate{NotBefore: now.Add(-day), NotAfter: now.Add(-day)}}
	if got := checkValidity(c, &Env{Now: now, Policy: DefaultPolicy()}); len(got) != 0 {
		t.Errorf("own dates valid, zcrypto's expired: %v", details(got))
	}
	// zcrypto without a notAfter: no dates.
	c = &Cert{Name: "x", Raw: &Raw{}, x: &zx509.Certificate{NotBefore: now.Add(day)}}
	if got := checkValidity(c, &Env{Now: now, Policy: DefaultPolicy()}); len(got) != 0 {
		t.Errorf("zcrypto without notAfter: %v", details(got))
	}
}

func TestSignatureAlgorithmBoundaries(t *testing.T) {
	oid := func(s string) []int {
		var o []int
		for _, f := range strings.Split(s, ".") {
			var v int
			if _, err := fmt.Sscan(f, &v); err != nil {
				t.Fatal(err)
			}
			o = append(o, v)
		}
		return o
	}
	for _, tc := range []struct{ oid, want string }{
		{"", ""},
		{"1.2.3.4", "VPN.0071 unknown signature algorithm (OID 1.2.3.4); accepted: RSA PKCS#1 v1.5 or ECDSA with SHA-256/384/512"},
		{"1.2.840.113549.1.1.11", ""},
		{"1.2.840.113549.1.1.12", ""},
		{"1.2.840.113549.1.1.13", ""},
		{"1.2.840.10045.4.3.2", ""},
		{"1.2.840.10045.4.3.3", ""},
		{"1.2.840.10045.4.3.4", ""},
		{"1.2.840.113549.1.1.5", "VPN.0071 signature algorithm sha1WithRSAEncryption uses SHA-1, which is too weak; use SHA-256 or stronger"},
		{"1.2.840.113549.1.1.14", "VPN.0071 signature algorithm sha224WithRSAEncryption uses SHA-224, which is too weak; use SHA-256 or stronger"},
		{"1.2.840.10045.4.3.1", "VPN.0071 signature algorithm ecdsa-with-SHA224 uses SHA-224, which is too weak; use SHA-256 or stronger"},
		{"1.2.840.113549.1.1.4", "VPN.0071 signature algorithm md5WithRSAEncryption uses MD5, which is too weak; use SHA-256 or stronger"},
		{"1.3.101.112", "VPN.0071 signature algorithm Ed25519 is not supported; accepted: RSA PKCS#1 v1.5 or ECDSA with SHA-256/384/512"},
		{"1.2.156.10197.1.501", "VPN.0071 signature algorithm SM2-with-SM3 is not supported; accepted: RSA PKCS#1 v1.5 or ECDSA with SHA-256/384/512"},
		{"2.16.840.1.101.3.4.3.2", "VPN.0071 signature algorithm dsa-with-SHA256 is not supported; accepted: RSA PKCS#1 v1.5 or ECDSA with SHA-256/384/512"},
		{"1.2.840.10040.4.3", "VPN.0071 signature algorithm dsa-with-SHA1 is not supported; accepted: RSA PKCS#1 v1.5 or ECDSA with SHA-256/384/512"},
		{"1.2.840.113549.1.1.10", "VPN.0071 signature algorithm RSASSA-PSS with hash SHA-1 and MGF1-SHA-1 (parameters absent: RFC 4055 defaults; RFC 4055 requires them in a signature): SHA-1 is too weak; use SHA-256, SHA-384 or SHA-512 for both the hash and MGF1"},
	} {
		r := &Raw{}
		if tc.oid != "" {
			r.SigAlg = oid(tc.oid)
		}
		c := &Cert{Name: "x", Raw: r}
		if got := joined(checkSignatureAlgorithm(c, nil)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.oid, got, tc.want)
		}
	}
	if got := SigAlgName(nil); got != "unreadable signature algorithm" {
		t.Errorf("SigAlgName(nil) = %q", got)
	}
}

// bext builds an Extensions entry from a builder function.
func bext(oid string, f func(b *cryptobyte.Builder)) Extension {
	var b cryptobyte.Builder
	f(&b)
	return Extension{OID: oid, Value: b.BytesOrPanic()}
}

func bcExt(ca *bool) Extension {
	return bext(oidBasicConstraints, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			if ca != nil {
				b.AddASN1Boolean(*ca)
			}
		})
	})
}

func kuExt(bits []byte, unused int) Extension {
	return Extension{OID: oidKeyUsage, Value: append([]byte{0x03, byte(len(bits) + 1), byte(unused)}, bits...)}
}

func cnName(cn string) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1ObjectIdentifier([]int{2, 5, 4, 3})
				b.AddASN1(cbasn1.UTF8String, func(b *cryptobyte.Builder) { b.AddBytes([]byte(cn)) })
			})
		})
	})
	return b.BytesOrPanic()
}

func TestCAFlagBoundaries(t *testing.T) {
	yes, no := true, false
	root, other := cnName("Root"), cnName("Other")
	for _, tc := range []struct {
		name   string
		raw    *Raw
		wantCA bool
		want   []string
	}{
		{"unreadable", &Raw{Err: errTruncated}, false, nil},
		{"unreadable after the extensions", &Raw{Err: errTruncated, Extensions: Extensions{}, RawSubject: root, RawIssuer: root}, false,
			[]string{"VPN.0076 no basicConstraints extension, so it is not a CA (RFC 5280 §4.2.1.9)"}},
		{"no extensions", &Raw{RawSubject: root, RawIssuer: root}, false,
			[]string{"VPN.0076 no basicConstraints extension, so it is not a CA (RFC 5280 §4.2.1.9)"}},
		{"bc not a sequence", &Raw{Extensions: Extensions{{OID: oidBasicConstraints, Value: []byte{0x01, 0x01, 0xff}}}, RawSubject: root, RawIssuer: root}, false,
			[]string{"VPN.0076 the basicConstraints extension cannot be read"}},
		{"bc bad boolean", &Raw{Extensions: Extensions{{OID: oidBasicConstraints, Value: []byte{0x30, 0x03, 0x01, 0x01, 0x07}}}, RawSubject: root, RawIssuer: root}, false,
			[]string{"VPN.0076 the basicConstraints extension cannot be read"}},
		{"bc empty", &Raw{Extensions: Extensions{bcExt(nil)}, RawSubject: root, RawIssuer: root}, false,
			[]string{"VPN.0076 basicConstraints has cA=FALSE: this is an end-entity certificate, not a CA"}},
		{"bc cA false", &Raw{Extensions: Extensions{bcExt(&no)}, RawSubject: root, RawIssuer: root}, false,
			[]string{"VPN.0076 basicConstraints has cA=FALSE: this is an end-entity certificate, not a CA"}},
		{"root CA", &Raw{Extensions: Extensions{bcExt(&yes)}, RawSubject: root, RawIssuer: root}, true, nil},
		{"root CA, keyCertSign only (bit 5, 6 bits)", &Raw{Extensions: Extensions{bcExt(&yes), kuExt([]byte{0x04}, 2)}, RawSubject: root, RawIssuer: root}, true, nil},
		{"root CA, keyCertSign and cRLSign", &Raw{Extensions: Extensions{bcExt(&yes), kuExt([]byte{0x06}, 1)}, RawSubject: root, RawIssuer: root}, true, nil},
		{"root CA, cRLSign only (bit 6)", &Raw{Extensions: Extensions{bcExt(&yes), kuExt([]byte{0x02}, 1)}, RawSubject: root, RawIssuer: root}, true,
			[]string{"VCL.0761 keyUsage is present without keyCertSign"}},
		{"root CA, digitalSignature only (bit 0)", &Raw{Extensions: Extensions{bcExt(&yes), kuExt([]byte{0x80}, 7)}, RawSubject: root, RawIssuer: root}, true,
			[]string{"VCL.0761 keyUsage is present without keyCertSign"}},
		{"root CA, keyAgreement (bit 4)", &Raw{Extensions: Extensions{bcExt(&yes), kuExt([]byte{0x08}, 3)}, RawSubject: root, RawIssuer: root}, true,
			[]string{"VCL.0761 keyUsage is present without keyCertSign"}},
		{"root CA, decipherOnly (bit 8)", &Raw{Extensions: Extensions{bcExt(&yes), kuExt([]byte{0x00, 0x80}, 7)}, RawSubject: root, RawIssuer: root}, true,
			[]string{"VCL.0761 keyUsage is present without keyCertSign"}},
		{"root CA, empty keyUsage", &Raw{Extensions: Extensions{bcExt(&yes), kuExt(nil, 0)}, RawSubject: root, RawIssuer: root}, true,
			[]string{"VCL.0761 keyUsage is present without keyCertSign"}},
		{"root CA, unreadable keyUsage", &Raw{Extensions: Extensions{bcExt(&yes), {OID: oidKeyUsage, Value: []byte{0x04, 0x00}}}, RawSubject: root, RawIssuer: root}, true, nil},
		{"intermediate", &Raw{Extensions: Extensions{bcExt(&yes)}, RawSubject: root, RawIssuer: other}, true,
			[]string{"VCL.0762 issued by CN=Other"}},
		{"intermediate without keyCertSign", &Raw{Extensions: Extensions{bcExt(&yes), kuExt([]byte{0x80}, 7)}, RawSubject: root, RawIssuer: other}, true,
			[]string{"VCL.0761 keyUsage is present without keyCertSign", "VCL.0762 issued by CN=Other"}},
		{"two bc, the last wins", &Raw{Extensions: Extensions{bcExt(&no), bcExt(&yes)}, RawSubject: root, RawIssuer: root}, true, nil},
	} {
		c := &Cert{Name: "x", Raw: tc.raw}
		if got := details(checkCAFlag(c, nil)); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
		if c.IsCA() != tc.wantCA {
			t.Errorf("%s: IsCA %v", tc.name, c.IsCA())
		}
	}
	if (&Cert{}).IsCA() {
		t.Error("a certificate without Raw is a CA")
	}
	// ca-flag runs on client CA uploads only.
	ca, server := &Cert{Role: RoleCA}, &Cert{Role: RoleServer}
	if caFlagCheck.Applies == nil || !caFlagCheck.Applies(ca, nil) || caFlagCheck.Applies(server, nil) {
		t.Error("ca-flag is not CA-only")
	}
}

// TestRunRoles: Run applies the CA-only checks to client CAs only.
func TestRunRoles(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	env := &Env{Now: now, Policy: DefaultPolicy()}
	raw := &Raw{SigAlg: []int{1, 2, 840, 113549, 1, 1, 11}, HasDates: true, NotBefore: now.Add(-time.Hour), NotAfter: now.Add(10000 * time.Hour),
		Key: rsaKey("RSA", 3072), RawSubject: cnName("a"), RawIssuer: cnName("a"), RawSPKI: []byte{1}}
	for role, want := range map[Role]string{
		RoleServer: "",
		RoleCA:     "VPN.0076 no basicConstraints extension, so it is not a CA (RFC 5280 §4.2.1.9)",
	} {
		c := &Cert{Name: "x", Raw: raw, Role: role, x: &zx509.Certificate{}}
		var codes []string
		for _, f := range Run(c, env) {
			if !strings.HasPrefix(f.Code, "VCL.07") && f.Code != "VPN.0076" {
				continue
			}
			codes = append(codes, f.Code+" "+f.Detail)
		}
		if got := strings.Join(codes, "\n"); got != want {
			t.Errorf("%s: %q, want %q", role, got, want)
		}
	}
}

func setCA(i int, sha string) *Cert {
	return &Cert{Name: fmt.Sprintf("ca%d.pem", i), File: fmt.Sprintf("ca%d.pem", i), Line: i,
		SHA256: sha, Raw: &Raw{RawSubject: cnName(fmt.Sprintf("CA %d", i)), RawSPKI: []byte{byte(i)}}}
}

func TestSetBoundaries(t *testing.T) {
	sha := func(i int) string { return fmt.Sprintf("%064x", i) }
	for _, n := range []int{9, 10, 11, 12} {
		s := NewSet(DefaultPolicy())
		for i := 1; i <= n; i++ {
			if fs := s.Add(setCA(i, sha(i))); len(fs) != 0 {
				t.Fatalf("%d CAs: CA %d: %v", n, i, details(fs))
			}
		}
		if len(s.CAs()) != n {
			t.Errorf("%d CAs: CAs() has %d", n, len(s.CAs()))
		}
		got := s.Finish()
		switch {
		case n <= 10 && len(got) != 0:
			t.Errorf("%d CAs: %v", n, details(got))
		case n > 10 && (len(got) != 1 || got[0].Code != "VPN.1111" || got[0].File != "ca11.pem" || got[0].Line != 11 ||
			got[0].Detail != fmt.Sprintf("%d distinct client CA certificates in the upload set; at most 10 are accepted; this is number 11", n)):
			t.Errorf("%d CAs: %v", n, got)
		}
		// Reporting only on CA 12: the count moves there (number 12), or nowhere.
		got = s.FinishFor(func(c *Cert) bool { return c.Line == 12 })
		if want := n == 12; (len(got) == 1) != want || (want && !strings.HasSuffix(got[0].Detail, "this is number 12")) {
			t.Errorf("%d CAs, report on 12: %v", n, details(got))
		}
		if got := s.FinishFor(func(*Cert) bool { return false }); len(got) != 0 {
			t.Errorf("%d CAs, report on none: %v", n, details(got))
		}
	}
	// A policy of 2.
	p := DefaultPolicy()
	p.MaxClientCAs = 2
	s := NewSet(p)
	for i := 1; i <= 3; i++ {
		s.Add(setCA(i, sha(i)))
	}
	if got := joined(s.Finish()); got != "VPN.1111 3 distinct client CA certificates in the upload set; at most 2 are accepted; this is number 3" {
		t.Errorf("limit 2: %q", got)
	}
}

func TestSetDuplicates(t *testing.T) {
	s := NewSet(DefaultPolicy())
	a := setCA(1, "0123456789abcdef0123")
	if fs := s.Add(a); len(fs) != 0 {
		t.Fatal(details(fs))
	}
	dup := setCA(2, a.SHA256)
	got := s.Add(dup)
	if len(got) != 1 || got[0].Code != "VPN.0077" || got[0].Detail != "same certificate (SHA-256 0123456789abcdef…) as ca1.pem:1" ||
		got[0].File != "ca2.pem" || got[0].Line != 2 || got[0].Text("en").Message != "Duplicate certificate: ca2.pem." {
		t.Errorf("duplicate: %+v", got)
	}
	// A third copy names the first again; duplicates are not counted.
	if got := joined(s.Add(setCA(3, a.SHA256))); got != "VPN.0077 same certificate (SHA-256 0123456789abcdef…) as ca1.pem:1" {
		t.Errorf("third copy: %q", got)
	}
	if len(s.CAs()) != 1 {
		t.Errorf("CAs() has %d", len(s.CAs()))
	}
	// A renewal: same subject and key, another certificate.
	renewal := setCA(1, "another")
	renewal.Name, renewal.File, renewal.Line = "renewal.pem", "renewal.pem", 7
	if got := joined(s.Add(renewal)); got != "VCL.0771 same subject and public key as ca1.pem:1, which is a different certificate" {
		t.Errorf("renewal: %q", got)
	}
	// Another renewal still names the first.
	r2 := setCA(1, "yet another")
	if got := joined(s.Add(r2)); got != "VCL.0771 same subject and public key as ca1.pem:1, which is a different certificate" {
		t.Errorf("second renewal: %q", got)
	}
	// Same subject, another key; same key, another subject: nothing.
	k := setCA(1, "k")
	k.Raw.RawSPKI = []byte{99}
	sub := setCA(1, "s")
	sub.Raw.RawSubject = cnName("other")
	for _, c := range []*Cert{k, sub} {
		if got := s.Add(c); len(got) != 0 {
			t.Errorf("%s: %v", c.SHA256, details(got))
		}
	}
	// An unreadable certificate or one without Raw is never a renewal.
	bad := setCA(1, "bad")
	bad.Raw.Err = errTruncated
	bad2 := setCA(1, "bad2")
	bad2.Raw.Err = errTruncated
	none := &Cert{Name: "none", SHA256: "none"}
	for _, c := range []*Cert{bad, bad2, none} {
		if got := s.Add(c); len(got) != 0 {
			t.Errorf("%s: %v", c.SHA256, details(got))
		}
	}
	if len(s.CAs()) != 8 {
		t.Errorf("CAs() has %d, want 8", len(s.CAs()))
	}
	for h, want := range map[string]string{
		"0123456789abcdef":  "0123456789abcdef",
		"0123456789abcdef0": "0123456789abcdef…",
		"":                  "",
	} {
		if got := short(h); got != want {
			t.Errorf("short(%q) = %q", h, got)
		}
	}
}

func TestContentBoundaries(t *testing.T) {
	env := &Env{Policy: DefaultPolicy()}
	perr := errors.New("x509: boom")
	for _, tc := range []struct {
		name string
		c    *Cert
		want string
	}{
		{"parsed", &Cert{Raw: &Raw{}}, ""},
		{"too large", &Cert{Raw: &Raw{}, ParseErr: fmt.Errorf("%w: big", errKeyTooLarge)}, ""},
		{"rejected", &Cert{Raw: &Raw{}, ParseErr: perr}, "VPN.0075 the X.509 parser rejects it: x509: boom"},
		{"raw error", &Cert{Raw: &Raw{Err: errTruncated}, ParseErr: perr, StructErr: errors.New("s")},
			"VPN.0075 not a well-formed X.509 certificate: the DER structure is truncated or malformed (parser: x509: boom)"},
		{"struct error", &Cert{Raw: &Raw{}, ParseErr: perr, StructErr: errors.New("bad extension")},
			"VPN.0075 not a well-formed X.509 certificate: bad extension (parser: x509: boom)"},
		{"fallback", &Cert{Raw: &Raw{Key: rsaKey("RSA", 3072)}, ParseErr: perr, Fallback: true, FallbackBy: "by"},
			"VCL.0751 zcrypto rejects it (x509: boom); it is a well-formed X.509 certificate (by), so its key, signature algorithm, validity and CA flag were checked from the DER, and the zlint advisories were skipped"},
		{"fallback with notes", &Cert{Raw: &Raw{Key: rsaKey("RSA", 3072)}, ParseErr: perr, Fallback: true, FallbackBy: "by", FallbackNotes: []string{"a", "b"}},
			"VCL.0751 zcrypto rejects it (x509: boom), most likely for a and b; it is a well-formed X.509 certificate (by), so its key, signature algorithm, validity and CA flag were checked from the DER, and the zlint advisories were skipped"},
		{"fallback with one note", &Cert{Raw: &Raw{Key: rsaKey("RSA", 3072)}, ParseErr: perr, Fallback: true, FallbackBy: "by", FallbackNotes: []string{"a"}},
			"VCL.0751 zcrypto rejects it (x509: boom), most likely for a; it is a well-formed X.509 certificate (by), so its key, signature algorithm, validity and CA flag were checked from the DER, and the zlint advisories were skipped"},
		{"fallback, key warned", &Cert{Raw: &Raw{Key: rsaKey("RSA", 2048)}, ParseErr: perr, Fallback: true, FallbackBy: "by"},
			"VCL.0751 zcrypto rejects it (x509: boom); it is a well-formed X.509 certificate (by), so its key, signature algorithm, validity and CA flag were checked from the DER, and the zlint advisories were skipped"},
		{"fallback, key rejected", &Cert{Raw: &Raw{Key: rsaKey("RSA", 1024)}, ParseErr: perr, Fallback: true, FallbackBy: "by"}, ""},
	} {
		tc.c.Name = "x"
		if got := joined(checkContent(tc.c, env)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// cnAttr is one attribute of a test name: CN with a string of tag and content.
type cnAttr struct {
	tag  cbasn1.Tag
	body string
}

// rdnName encodes a Name of RDNs of CN attributes.
func rdnName(rdns ...[]cnAttr) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		for _, rdn := range rdns {
			b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
				for _, a := range rdn {
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
						b.AddASN1ObjectIdentifier([]int{2, 5, 4, 3})
						b.AddASN1(a.tag, func(b *cryptobyte.Builder) { b.AddBytes([]byte(a.body)) })
					})
				}
			})
		}
	})
	return b.BytesOrPanic()
}

func TestNamesMatchBoundaries(t *testing.T) {
	u8, pr, ia5, vis, tt, bmp, univ := cbasn1.UTF8String, cbasn1.PrintableString, cbasn1.IA5String, tagVisibleString, tagTeletexString, tagBMPString, tagUniversalString
	one := func(tag cbasn1.Tag, s string) []byte { return rdnName([]cnAttr{{tag, s}}) }
	for _, tc := range []struct {
		name string
		a, b []byte
		want bool
	}{
		{"same bytes", one(u8, "A"), one(u8, "A"), true},
		{"unreadable, same bytes", []byte{1, 2}, []byte{1, 2}, true},
		{"unreadable a", []byte{1, 2}, one(u8, "A"), false},
		{"unreadable b", one(u8, "A"), []byte{1, 2}, false},
		{"trailing data", append(one(u8, "A"), 0), one(u8, "a"), false},
		{"empty RDN", rdnName([]cnAttr{}), rdnName([]cnAttr{}), true},
		{"empty RDN vs other", append(rdnName([]cnAttr{}), 0), rdnName([]cnAttr{}), false},
		{"empty RDN, case", rdnName([]cnAttr{{u8, "A"}}, []cnAttr{}), rdnName([]cnAttr{{u8, "a"}}, []cnAttr{}), false},
		{"empty names", rdnName(), rdnName(), true},
		{"printable vs utf8, case", one(pr, "Root CA"), one(u8, "root ca"), true},
		{"ia5 0x7f", one(ia5, "A\x7f"), one(u8, "a\x7f"), true},
		{"ia5 0x80", one(ia5, "A\x80"), one(u8, "a\u0080"), false},
		{"visible string", one(vis, "ROOT"), one(u8, "root"), true},
		{"printable 0x80", one(pr, "A\x80"), one(pr, "a\x80"), false},
		{"teletex latin-1", one(tt, "\xc9cole"), one(u8, "école"), true},
		{"bmp", one(bmp, "\x00R\x00c"), one(u8, "rC"), true},
		{"bmp odd", one(bmp, "\x00R\x00"), one(u8, "r"), false},
		{"bmp odd, same bytes but case", one(bmp, "\x00R\x00"), one(bmp, "\x00r\x00"), false},
		{"universal", one(univ, "\x00\x00\x00R"), one(u8, "r"), true},
		{"universal 3 bytes", one(univ, "\x00\x00R"), one(univ, "\x00\x00r"), false},
		{"universal 5 bytes", one(univ, "\x00\x00\x00R\x00"), one(univ, "\x00\x00\x00r\x00"), false},
		{"universal U+10FFFF", one(univ, "\x00\x10\xff\xffA"[:4]+"\x00\x00\x00A"), one(u8, "\U0010FFFFa"), true},
		{"universal beyond U+10FFFF", one(univ, "\x00\x11\x00\x00\x00\x00\x00A"), one(univ, "\x00\x11\x00\x00\x00\x00\x00a"), false},
		{"universal surrogate", one(univ, "\x00\x00\xd8\x00\x00\x00\x00A"), one(univ, "\x00\x00\xd8\x00\x00\x00\x00a"), false},
		{"utf8 invalid", one(u8, "A\xff"), one(u8, "a\xff"), false},
		{"other type by bytes", one(cbasn1.Tag(19+100), "A"), one(cbasn1.Tag(19+100), "a"), false},
		{"spaces", one(u8, "  Root \t\n CA  "), one(pr, "root ca"), true},
		{"tab..CR are spaces", one(u8, "a\t\n\v\f\rb"), one(u8, "a b"), true},
		{"backspace is not", one(u8, "a\bb"), one(u8, "a b"), false},
		{"0x0e is not", one(u8, "a\x0eb"), one(u8, "a b"), false},
		{"inner space kept", one(u8, "ab"), one(u8, "a b"), false},
		{"leading space only", one(u8, " "), one(u8, ""), true},
		{"no-break space", one(u8, "a\u00a0b"), one(u8, "a b"), true},
		{"fold K/Kelvin", one(u8, "\u212a"), one(u8, "k"), true},
		{"both with trailing data", append(one(u8, "A"), 0), append(one(u8, "B"), 0), false},
		{"unreadable vs the empty name", []byte{1, 2}, rdnName(), false},
		{"attributes without OID", rdnName([]cnAttr{}), rdnName([]cnAttr{}), true},
		{"malformed attributes", []byte{0x30, 0x07, 0x31, 0x05, 0x30, 0x03, 0x0c, 0x01, 'a'}, []byte{0x30, 0x07, 0x31, 0x05, 0x30, 0x03, 0x0c, 0x01, 'b'}, false},
		{"attribute with two values", []byte{0x30, 0x0e, 0x31, 0x0c, 0x30, 0x0a, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, 'a', 0x05, 0x00}, []byte{0x30, 0x0e, 0x31, 0x0c, 0x30, 0x0a, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, 'b', 0x05, 0x00}, false},
		{"attribute with two values, case", []byte{0x30, 0x0e, 0x31, 0x0c, 0x30, 0x0a, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, 'a', 0x05, 0x00}, []byte{0x30, 0x0e, 0x31, 0x0c, 0x30, 0x0a, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, 'A', 0x05, 0x00}, false},
		{"two RDNs vs one", rdnName([]cnAttr{{u8, "a"}}, []cnAttr{{u8, "b"}}), one(u8, "A"), false},
		{"RDN order", rdnName([]cnAttr{{u8, "a"}}, []cnAttr{{u8, "b"}}), rdnName([]cnAttr{{u8, "B"}}, []cnAttr{{u8, "A"}}), false},
		{"two RDNs", rdnName([]cnAttr{{u8, "a"}}, []cnAttr{{u8, "b"}}), rdnName([]cnAttr{{u8, "A"}}, []cnAttr{{pr, "B"}}), true},
		{"second RDN differs", rdnName([]cnAttr{{u8, "a"}}, []cnAttr{{u8, "b"}}), rdnName([]cnAttr{{u8, "A"}}, []cnAttr{{pr, "C"}}), false},
		{"multi-valued RDN, any order", rdnName([]cnAttr{{u8, "a"}, {u8, "b"}}), rdnName([]cnAttr{{pr, "B"}, {pr, "A"}}), true},
		{"multi-valued RDN vs fewer", rdnName([]cnAttr{{u8, "a"}, {u8, "b"}}), rdnName([]cnAttr{{pr, "A"}}), false},
		{"multi-valued RDN, one differs", rdnName([]cnAttr{{u8, "a"}, {u8, "b"}}), rdnName([]cnAttr{{pr, "A"}, {pr, "C"}}), false},
	} {
		if got := NamesMatch(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
		if got := NamesMatch(tc.b, tc.a); got != tc.want {
			t.Errorf("%s (swapped): %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestParseKeepsParserError: a certificate zcrypto rejects keeps zcrypto's reason.
func TestParseKeepsParserError(t *testing.T) {
	der := certDER(t, rsaSPKI([]byte{0x00, 0xc3}))
	_, x, err := parseCert(append(der, 0)) // trailing data
	if x != nil || err == nil || strings.Contains(err.Error(), "returned no certificate") {
		t.Errorf("trailing data: %v, %v", x, err)
	}
	_, x, err = parseCert([]byte{0x30, 0x00})
	if x != nil || err == nil || strings.Contains(err.Error(), "returned no certificate") {
		t.Errorf("empty SEQUENCE: %v, %v", x, err)
	}
}

// TestObjectFields: a certificate's identity in findings.
func TestObjectFields(t *testing.T) {
	c := &Cert{Name: "x", SHA256: "ab", Raw: &Raw{Serial: big.NewInt(255), RawSubject: cnName("S"), RawIssuer: cnName("I")}}
	if o := c.Object(); o.SHA256 != "ab" || o.Serial != "ff" || o.Subject != "CN=S" || o.Issuer != "CN=I" {
		t.Errorf("object %+v", o)
	}
	c = &Cert{Name: "x", SHA256: "ab", Raw: &Raw{}}
	if o := c.Object(); o.SHA256 != "ab" || o.Serial != "" || o.Subject != "" || o.Issuer != "" {
		t.Errorf("object without serial %+v", o)
	}
	c = &Cert{Name: "x", SHA256: "cd"}
	if o := c.Object(); o.SHA256 != "cd" || o.Serial != "" {
		t.Errorf("object without Raw %+v", o)
	}
}

// TestJudgeStructureGoSecondOpinion: a certificate wellFormed rejects but Go's crypto/x509
// parses is a Fallback by Go's opinion; one neither reads keeps wellFormed's reason.
func TestJudgeStructureGoSecondOpinion(t *testing.T) {
	key, point, _ := newP256(t)
	tc := &tcert{version: 2, spki: ecSPKI(oidP256, point), key: key}
	s := append([]byte{0x30, tc.spki[1] + 2}, tc.spki[2:]...)
	s = append(s, 0x05, 0x00)
	tc.spki = s // SPKI with trailing data: Go reads it, wellFormed does not
	der := tc.der(t)
	if _, err := wellFormed(der); err == nil {
		t.Fatal("wellFormed accepts the SPKI with trailing data")
	}
	c := &Cert{DER: der}
	c.judgeStructure()
	if !c.Fallback || c.FallbackBy != "Go's crypto/x509 parses it" || c.StructErr != nil || len(c.FallbackNotes) != 0 {
		t.Errorf("Go's opinion: fallback %v by %q, struct %v, notes %q", c.Fallback, c.FallbackBy, c.StructErr, c.FallbackNotes)
	}
	if err := stdParse(der); err != nil {
		t.Errorf("stdParse: %v", err)
	}
	bad := &Cert{DER: der[:len(der)-1]}
	bad.judgeStructure()
	if bad.Fallback || bad.StructErr == nil {
		t.Errorf("truncated: fallback %v, struct %v", bad.Fallback, bad.StructErr)
	}
	if err := stdParse(der[:len(der)-1]); err == nil || err == errWrongParse {
		t.Errorf("stdParse of a truncated certificate: %v", err)
	}
	good := &Cert{DER: (&tcert{version: 2, spki: ecSPKI(oidP256, point), key: key}).der(t)}
	good.judgeStructure()
	if !good.Fallback || good.FallbackBy != "vpncertlint's structural parse" || good.StructErr != nil {
		t.Errorf("well-formed: fallback %v by %q, struct %v", good.Fallback, good.FallbackBy, good.StructErr)
	}
}

// TestVerifierRSA: a Fallback certificate's RSA key verifies when its exponent fits an int32
// (2^31-1 does, 2^31 does not); without a key, the certificate has no verifier.
func TestVerifierRSA(t *testing.T) {
	n := new(big.Int).Set(m127)
	pow := func(k uint) *big.Int { return new(big.Int).Lsh(big.NewInt(1), k) }
	for _, tc := range []struct {
		name string
		n, e *big.Int
		want int // the exponent of the verifier's key, 0 for no verifier
	}{
		{"65537", n, big.NewInt(65537), 65537},
		{"2^31-1", n, new(big.Int).Sub(pow(31), big.NewInt(1)), 1<<31 - 1},
		{"2^31", n, pow(31), 0},
		{"2^64", n, pow(64), 0},
		{"no exponent", n, nil, 0},
		{"no modulus", nil, big.NewInt(3), 0},
	} {
		c := &Cert{Fallback: true, DER: []byte{1}, Raw: &Raw{Key: KeyInfo{Parsed: true, Algorithm: oidRSA, Modulus: tc.n, Exponent: tc.e}, RawSubject: cnName("s")}}
		v := c.Verifier()
		switch {
		case tc.want == 0 && v != nil:
			t.Errorf("%s: a verifier", tc.name)
		case tc.want != 0 && v == nil:
			t.Errorf("%s: no verifier", tc.name)
		case tc.want != 0:
			k, ok := v.PublicKey.(*rsa.PublicKey)
			if !ok || k.E != tc.want || k.N.Cmp(tc.n) != 0 || v.PublicKeyAlgorithm != zx509.RSA || string(v.RawSubject) != string(cnName("s")) {
				t.Errorf("%s: %T %v", tc.name, v.PublicKey, v.PublicKeyAlgorithm)
			}
		}
	}
	x := &zx509.Certificate{}
	if v := (&Cert{x: x, Fallback: true, Raw: &Raw{}}).Verifier(); v != x {
		t.Error("a parsed certificate's verifier is not its X")
	}
	if v := (&Cert{Raw: &Raw{Key: KeyInfo{Modulus: n, Exponent: big.NewInt(3)}}}).Verifier(); v != nil {
		t.Error("a certificate that is neither parsed nor a fallback has a verifier")
	}
	if v := (&Cert{Fallback: true}).Verifier(); v != nil {
		t.Error("a fallback without Raw has a verifier")
	}
}

// TestVerifierECCurves: a Fallback EC key verifies on P-256/384/521 only; on a curve Go
// cannot use (brainpool), or off the curve, there is no verifier.
func TestVerifierECCurves(t *testing.T) {
	_, point, compressed := newP256(t)
	bp := KeyInfo{Parsed: true, Algorithm: oidEC, Curve: []int{1, 3, 36, 3, 3, 2, 8, 1, 1, 7}, ECPoint: compressed}
	p256 := KeyInfo{Parsed: true, Algorithm: oidEC, Curve: oidP256, ECPoint: point}
	off := KeyInfo{Parsed: true, Algorithm: oidEC, Curve: oidP256, ECPoint: append([]byte{4}, make([]byte, 64)...)}
	explicit := KeyInfo{Parsed: true, Algorithm: oidEC, ExplicitCurve: true, ECPoint: point}
	for name, tc := range map[string]struct {
		k    KeyInfo
		want bool
	}{"brainpool": {bp, false}, "P-256": {p256, true}, "off the curve": {off, false}, "explicit": {explicit, false}} {
		c := &Cert{Fallback: true, DER: []byte{1}, Raw: &Raw{Key: tc.k}}
		if v := c.Verifier(); (v != nil) != tc.want {
			t.Errorf("%s: verifier %v", name, v != nil)
		}
	}
}

// TestParseRawBoundaries: one unreadable date means no dates; an extension whose OID does not
// parse stops the outline.
func TestParseRawBoundaries(t *testing.T) {
	key, point, _ := newP256(t)
	good := (&tcert{version: 2, spki: ecSPKI(oidP256, point), key: key}).der(t)
	if r := ParseRaw(good); r.Err != nil || !r.HasDates {
		t.Fatalf("good: %v %v", r.Err, r.HasDates)
	}
	// notAfter is a GeneralizedTime "20350101000000Z": make it "2035010100000aZ".
	i := strings.Index(string(good), "20350101000000Z")
	bad := append([]byte(nil), good...)
	bad[i+13] = 'a'
	if r := ParseRaw(bad); r.HasDates || r.Err != nil {
		t.Errorf("bad notAfter: dates %v, err %v", r.HasDates, r.Err)
	}
	j := strings.Index(string(good), "250101000000Z")
	bad = append([]byte(nil), good...)
	bad[j+11] = 'a'
	if r := ParseRaw(bad); r.HasDates || r.Err != nil {
		t.Errorf("bad notBefore: dates %v, err %v", r.HasDates, r.Err)
	}
	// An extension OID with a dangling continuation byte (0x80 last).
	withExt := (&tcert{version: 2, spki: ecSPKI(oidP256, point), key: key, exts: [][]byte{{0x30, 0x07, 0x06, 0x02, 0x55, 0x80, 0x04, 0x01, 0x00}}}).der(t)
	if r := ParseRaw(withExt); r.Err == nil || r.Err.Error() != "malformed extension" {
		t.Errorf("bad extension OID: %v (%d extensions)", r.Err, len(r.Extensions))
	}
}

// TestSPKIAndNameBoundaries: EC parameters (named, explicit, NULL) and a Name with trailing data.
func TestSPKIAndNameBoundaries(t *testing.T) {
	spki := func(params func(b *cryptobyte.Builder)) []byte {
		var b cryptobyte.Builder
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1ObjectIdentifier(oidEC)
				params(b)
			})
			b.AddASN1BitString([]byte{4, 1, 2})
		})
		return b.BytesOrPanic()
	}
	named := parseSPKI(spki(func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oidP256) }))
	explicit := parseSPKI(spki(func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddASN1Int64(1) })
	}))
	null := parseSPKI(spki(func(b *cryptobyte.Builder) { b.AddASN1NULL() }))
	if named.ExplicitCurve || named.KeyName() != "EC P-256" {
		t.Errorf("named: %v %q", named.ExplicitCurve, named.KeyName())
	}
	if !explicit.ExplicitCurve || explicit.KeyName() != "EC with explicit curve parameters" {
		t.Errorf("explicit: %v %q", explicit.ExplicitCurve, explicit.KeyName())
	}
	if null.ExplicitCurve || null.Curve != nil || null.KeyName() != "EC on unknown curve (OID )" {
		t.Errorf("NULL: %v %v %q", null.ExplicitCurve, null.Curve, null.KeyName())
	}
	n := cnName("Name boundary")
	if got := Name(n); got != "CN=Name boundary" {
		t.Errorf("Name: %q", got)
	}
	for _, extra := range [][]byte{{0}, {5, 0}} {
		if got := Name(append(append([]byte(nil), n...), extra...)); got != "(unreadable name)" {
			t.Errorf("Name with %d trailing bytes: %q", len(extra), got)
		}
	}
}

// TestParseSPKIRSA: the modulus size as encoded: positive, with a leading zero, negative, zero.
func TestParseSPKIRSA(t *testing.T) {
	for _, tc := range []struct {
		n          []byte
		bits, size int
		sign       int
	}{
		{[]byte{0x00, 0xc3, 0x01}, 16, 3, 1},
		{[]byte{0x43, 0x01}, 15, 2, 1},
		{[]byte{0xc3, 0x01}, 16, 2, -1},
		{[]byte{0x00}, 0, 1, 0},
	} {
		k := parseSPKI(rsaSPKI(tc.n))
		if !k.Parsed || k.RSABits != tc.bits || k.ModulusBytes != tc.size || k.Modulus == nil || k.Modulus.Sign() != tc.sign ||
			k.Exponent == nil || k.Exponent.Int64() != 65537 {
			t.Errorf("% x: bits %d, bytes %d, modulus %v, exponent %v", tc.n, k.RSABits, k.ModulusBytes, k.Modulus, k.Exponent)
		}
	}
}

// TestChecksDeclared: every check's codes are in the catalogue, and the list runs by name.
func TestChecksDeclared(t *testing.T) {
	lint.MustDeclare(checks)
	for i := 1; i < len(checks); i++ {
		if checks[i-1].Name >= checks[i].Name {
			t.Errorf("checks out of name order: %s before %s", checks[i-1].Name, checks[i].Name)
		}
	}
}

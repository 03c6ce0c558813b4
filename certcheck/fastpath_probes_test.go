package certcheck

// An adversarial review of zcryptoAccepts (fastpath.go) against zcrypto's ParseCertificate:
// concrete certificates built by editing crypto/x509 certificates. TestReviewCounterexample*
// are what the review found zcryptoAccepts wrong about (fixed since: it said true, zcrypto
// panicked); TestReviewProbes holds edge cases checked without finding a problem.

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	stdx509 "crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
	"testing"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// reviewSplit splits a certificate into its TBSCertificate's elements (each with tag and
// length), the signature AlgorithmIdentifier and the signature BIT STRING.
func reviewSplit(t *testing.T, der []byte) (tbs [][]byte, alg, sig []byte) {
	t.Helper()
	in := cryptobyte.String(der)
	var cert, body cryptobyte.String
	var a, s cryptobyte.String
	if !in.ReadASN1(&cert, cbasn1.SEQUENCE) || !cert.ReadASN1(&body, cbasn1.SEQUENCE) ||
		!cert.ReadASN1Element(&a, cbasn1.SEQUENCE) || !cert.ReadASN1Element(&s, cbasn1.BIT_STRING) {
		t.Fatal("cannot split certificate")
	}
	for !body.Empty() {
		var e cryptobyte.String
		if !body.ReadAnyASN1Element(&e, new(cbasn1.Tag)) {
			t.Fatal("cannot split TBSCertificate")
		}
		tbs = append(tbs, append([]byte(nil), e...))
	}
	return tbs, append([]byte(nil), a...), append([]byte(nil), s...)
}

// reviewJoin is reviewSplit's inverse.
func reviewJoin(tbs [][]byte, alg, sig []byte) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			for _, e := range tbs {
				b.AddBytes(e)
			}
		})
		b.AddBytes(alg)
		b.AddBytes(sig)
	})
	return b.BytesOrPanic()
}

func reviewDER(f func(b *cryptobyte.Builder)) []byte {
	var b cryptobyte.Builder
	f(&b)
	return b.BytesOrPanic()
}

func reviewMustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := asn1.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// reviewCert makes a self-signed certificate (issuer bytes == subject bytes) with key k.
func reviewCert(t *testing.T, k any, mod func(*stdx509.Certificate)) []byte {
	t.Helper()
	tmpl := &stdx509.Certificate{
		SerialNumber: big.NewInt(7),
		Subject:      pkix.Name{CommonName: "vpn.example.com"},
		NotBefore:    time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC),
		DNSNames:     []string{"vpn.example.com"},
	}
	if mod != nil {
		mod(tmpl)
	}
	var pub any
	switch k := k.(type) {
	case *rsa.PrivateKey:
		pub = k.Public()
	case *ecdsa.PrivateKey:
		pub = k.Public()
	case ed25519.PrivateKey:
		pub = k.Public()
	}
	der, err := stdx509.CreateCertificate(rand.Reader, tmpl, tmpl, pub, k)
	if err != nil {
		t.Fatal(err)
	}
	return der
}

func reviewEd25519SPKI(key []byte) []byte {
	return reviewDER(func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{1, 3, 101, 112})
			})
			b.AddASN1BitString(key)
		})
	})
}

func reviewRSASPKI(n, e *big.Int) []byte {
	return reviewDER(func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1})
				b.AddASN1NULL()
			})
			b.AddASN1BitString(reviewDER(func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					b.AddASN1BigInt(n)
					b.AddASN1BigInt(e)
				})
			}))
		})
	})
}

func reviewBitString(content []byte) []byte {
	return reviewDER(func(b *cryptobyte.Builder) { b.AddASN1BitString(content) })
}

// reviewCheck fails when zcryptoAccepts takes der but zcrypto does not parse it.
func reviewCheck(t *testing.T, name string, der []byte) {
	t.Helper()
	fast := zcryptoAccepts(der)
	err := zcryptoOK(der)
	t.Logf("%s: zcryptoAccepts=%v zcrypto err=%v", name, fast, err)
	if fast && err != nil {
		t.Errorf("%s: zcryptoAccepts is true but zcrypto fails: %v", name, err)
	}
}

// Counterexample: fpPublicKey takes an Ed25519 key of fewer than 32 bytes (len(key) <= 32,
// as parsePublicKey's own check), but when the certificate's issuer and subject bytes are
// equal, zcrypto's parseCertificate verifies the self-signature with
// CheckSignatureFromKey, whose ed25519.PublicKey case calls ed25519.Verify, which panics
// ("ed25519: bad public key length: 31") for any key not of 32 bytes. This happens for every
// signature algorithm zcrypto knows (the switch is on the key's type), e.g. Ed25519 itself
// or sha256WithRSAEncryption. zcryptoParse turns the panic into an error, which the eager path
// reports (VPN.0075); the fast path hid it until it took only 32-byte keys.
func TestReviewCounterexampleEd25519KeyLength(t *testing.T) {
	_, edKey, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	der := reviewCert(t, edKey, nil)
	tbs, alg, sig := reviewSplit(t, der)
	for _, n := range []int{31, 0, 1, 16} {
		e := append([][]byte(nil), tbs...)
		e[len(e)-2] = reviewEd25519SPKI(make([]byte, n)) // the SPKI (extensions last)
		reviewCheck(t, "Ed25519 self-signed, key of "+itoa(n)+" bytes, sig alg Ed25519", reviewJoin(e, alg, sig))
	}
	// Same with sha256WithRSAEncryption as the signature algorithm (both places).
	rsaAlg := reviewDER(func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 11})
			b.AddASN1NULL()
		})
	})
	e := append([][]byte(nil), tbs...)
	e[len(e)-2] = reviewEd25519SPKI(make([]byte, 31))
	e[len(e)-6] = rsaAlg // TBS signature (version, serial, alg, issuer, validity, subject, spki, exts)
	reviewCheck(t, "Ed25519 self-signed, key of 31 bytes, sig alg sha256WithRSA", reviewJoin(e, rsaAlg, sig))
}

// TestReviewUnknownKeyAlgorithm (not a counterexample): zcrypto accepts any SPKI whose algorithm
// it does not know (parsePublicKey returns nil, nil), e.g. id-RSASSA-PSS keys, which the fast
// path leaves to zcrypto; it could take them (any BIT STRING) if they matter.
func TestReviewUnknownKeyAlgorithm(t *testing.T) {
	rsaKey, _ := rsa.GenerateKey(rand.Reader, 1024)
	tbs, alg, sig := reviewSplit(t, reviewCert(t, rsaKey, nil))
	spki := reviewDER(func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 10})
			})
			b.AddASN1BitString([]byte{1, 2, 3})
		})
	})
	e := append([][]byte(nil), tbs...)
	e[len(e)-2] = spki
	der := reviewJoin(e, alg, sig)
	t.Logf("RSASSA-PSS SPKI: zcryptoAccepts=%v zcrypto err=%v", zcryptoAccepts(der), zcryptoOK(der))
	if err := zcryptoOK(der); err != nil {
		t.Errorf("zcrypto: %v", err)
	}
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }

// TestReviewProbes: edge cases of zcrypto's parse that zcryptoAccepts was checked against
// (each must either be refused by the fast path or parsed by zcrypto).
func TestReviewProbes(t *testing.T) {
	_, edKey, _ := ed25519.GenerateKey(rand.Reader)
	ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	rsaKey, _ := rsa.GenerateKey(rand.Reader, 1024)

	// Ed25519 key of 32 bytes, self-signed, with signature algorithms whose hash differs.
	edDER := reviewCert(t, edKey, nil)
	reviewCheck(t, "Ed25519 self-signed", edDER)
	tbs, alg, sig := reviewSplit(t, edDER)
	reviewCheck(t, "Ed25519 self-signed, empty signature", reviewJoin(tbs, alg, reviewBitString(nil)))
	{
		e := append([][]byte(nil), tbs...)
		e[len(e)-2] = reviewEd25519SPKI(make([]byte, 31))
		e[len(e)-3] = reviewMustMarshal(t, pkix.Name{CommonName: "other"}.ToRDNSequence())
		reviewCheck(t, "Ed25519 31-byte key, not self-signed", reviewJoin(e, alg, sig))
	}

	// RSA keys with a tiny modulus and exponent, self-signed, PKCS#1 v1.5 and PSS.
	rsaDER := reviewCert(t, rsaKey, nil)
	pssDER := reviewCert(t, rsaKey, func(c *stdx509.Certificate) { c.SignatureAlgorithm = stdx509.SHA256WithRSAPSS })
	for name, der := range map[string][]byte{"PKCS1": rsaDER, "PSS": pssDER} {
		tbs, alg, _ := reviewSplit(t, der)
		for _, ne := range [][2]int64{{1, 1}, {2, 1}, {255, 3}, {65537, 65537}} {
			e := append([][]byte(nil), tbs...)
			e[len(e)-2] = reviewRSASPKI(big.NewInt(ne[0]), big.NewInt(ne[1]))
			for _, s := range [][]byte{nil, {0}, {1}, {0xbc}, {0, 0}} {
				reviewCheck(t, "RSA "+name+" N="+itoa(int(ne[0])), reviewJoin(e, alg, reviewBitString(s)))
			}
		}
	}

	// ECDSA key self-signed with an Ed25519 / RSA signature algorithm and odd signatures.
	ecDER := reviewCert(t, ecKey, nil)
	tbs, _, _ = reviewSplit(t, ecDER)
	for _, oid := range []asn1.ObjectIdentifier{{1, 3, 101, 112}, {1, 2, 840, 113549, 1, 1, 11}, {1, 2, 840, 113549, 1, 1, 4}, {1, 2, 840, 10045, 4, 1}} {
		a := reviewDER(func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oid) })
		})
		e := append([][]byte(nil), tbs...)
		e[len(e)-6] = a
		for _, s := range [][]byte{nil, {0x30, 0}, {0x30, 6, 2, 1, 1, 2, 1, 1}, {0x30, 6, 2, 1, 0xff, 2, 1, 1}} {
			reviewCheck(t, "ECDSA self-signed alg "+oid.String(), reviewJoin(e, a, reviewBitString(s)))
		}
	}

	// RSA key self-signed with the Ed25519 signature algorithm (crypto.Hash(0): the TBS is
	// "signed directly" in VerifyPKCS1v15).
	{
		tbs, _, _ := reviewSplit(t, rsaDER)
		a := []byte{0x30, 5, 0x06, 3, 0x2b, 0x65, 0x70}
		e := append([][]byte(nil), tbs...)
		e[len(e)-6] = a
		reviewCheck(t, "RSA self-signed alg Ed25519", reviewJoin(e, a, reviewBitString(make([]byte, 128))))
	}

	// Validity edge cases (UTCTime 50-68 map to 2050-2068 in time.Parse, then 100 years back).
	rtbs, ralg, rsig := reviewSplit(t, rsaDER)
	times := []struct {
		tag cbasn1.Tag
		s   string
	}{
		{cbasn1.UTCTime, "520229000000Z"}, {cbasn1.UTCTime, "500228235959Z"}, {cbasn1.UTCTime, "000229000000Z"},
		{cbasn1.UTCTime, "680229120000Z"}, {cbasn1.UTCTime, "690101000000Z"}, {cbasn1.UTCTime, "491231235959Z"},
		{cbasn1.GeneralizedTime, "19500101000000Z"}, {cbasn1.GeneralizedTime, "99991231235959Z"},
		{cbasn1.GeneralizedTime, "20000229000000Z"}, {cbasn1.GeneralizedTime, "21000229000000Z"},
		{cbasn1.GeneralizedTime, "20490101000000Z"}, {cbasn1.GeneralizedTime, "19491231235959Z"},
	}
	for _, tm := range times {
		v := reviewDER(func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1(tm.tag, func(b *cryptobyte.Builder) { b.AddBytes([]byte(tm.s)) })
				b.AddASN1(tm.tag, func(b *cryptobyte.Builder) { b.AddBytes([]byte(tm.s)) })
			})
		})
		e := append([][]byte(nil), rtbs...)
		e[len(e)-4] = v // validity (version, serial, alg, issuer, validity, subject, spki, exts)
		reviewCheck(t, "validity "+tm.s, reviewJoin(e, ralg, rsig))
	}

	// Extensions: an empty list, and values at the edges of what the fast path reads.
	ext := func(oid asn1.ObjectIdentifier, critical bool, value []byte) pkix.Extension {
		return pkix.Extension{Id: oid, Critical: critical, Value: value}
	}
	withExts := func(exts []pkix.Extension) []byte {
		e := append([][]byte(nil), rtbs...)
		if exts == nil {
			e[len(e)-1] = []byte{0xa3, 0x02, 0x30, 0x00}
		} else {
			list := reviewMustMarshal(t, exts)
			e[len(e)-1] = append([]byte{0xa3}, reviewDER(func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddBytes(list[2:]) })
			})...)
			// re-encode the [3] length properly
			e[len(e)-1] = reviewDER(func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.Tag(3).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) { b.AddBytes(list) })
			})
		}
		return reviewJoin(e, ralg, rsig)
	}
	reviewCheck(t, "empty extension list", withExts(nil))
	raw := func(h ...byte) []byte { return h }
	san := func(names ...[]byte) []byte {
		return reviewDER(func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				for _, n := range names {
					b.AddBytes(n)
				}
			})
		})
	}
	upn := reviewDER(func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) {
			b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 311, 20, 2, 3})
			b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.UTF8String, func(b *cryptobyte.Builder) { b.AddBytes([]byte("u@example.com")) })
			})
		})
	})
	dirName := reviewDER(func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.Tag(4).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) {
			b.AddBytes(reviewMustMarshal(t, pkix.Name{CommonName: "x", Organization: []string{"ü"}}.ToRDNSequence()))
		})
	})
	for name, v := range map[string][]byte{
		"SAN upn":              san(upn),
		"SAN dirName":          san(dirName),
		"SAN regID":            san(raw(0x88, 3, 0x2a, 0x03, 0x04)),
		"SAN empty":            san(),
		"SAN empty dns":        san(raw(0x82, 0)),
		"SAN otherName nested": san(raw(0xa0, 0x07, 0x06, 0x01, 0x2a, 0xa0, 0x02, 0x30, 0x00)),
	} {
		reviewCheck(t, name, withExts([]pkix.Extension{ext(asn1.ObjectIdentifier{2, 5, 29, 17}, false, v)}))
		reviewCheck(t, name+" (IAN)", withExts([]pkix.Extension{ext(asn1.ObjectIdentifier{2, 5, 29, 18}, true, v)}))
	}
	nc := func(sub ...[]byte) []byte {
		return reviewDER(func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) {
					for _, s := range sub {
						b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddBytes(s) })
					}
				})
			})
		})
	}
	for name, v := range map[string][]byte{
		"NC dns min max":     nc(raw(0x82, 1, 'a', 0x80, 1, 0, 0x81, 8, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)),
		"NC negative max":    nc(raw(0x82, 1, 'a', 0x81, 1, 0xff)),
		"NC ip":              nc(append([]byte{0x87, 8}, make([]byte, 8)...)),
		"NC dirName":         nc(dirName),
		"NC empty permitted": raw(0x30, 2, 0xa0, 0),
		"NC empty":           raw(0x30, 0),
	} {
		reviewCheck(t, name, withExts([]pkix.Extension{ext(asn1.ObjectIdentifier{2, 5, 29, 30}, true, v)}))
	}
	for name, v := range map[string][]byte{
		"CRLDP empty dp":       raw(0x30, 2, 0x30, 0),
		"CRLDP reasons":        raw(0x30, 6, 0x30, 4, 0x81, 2, 0x07, 0x80),
		"CRLDP issuer":         raw(0x30, 6, 0x30, 4, 0xa2, 2, 0x82, 0),
		"CRLDP fullName empty": raw(0x30, 6, 0x30, 4, 0xa0, 2, 0xa0, 0),
		"CRLDP fullName univ":  raw(0x30, 8, 0x30, 6, 0xa0, 4, 0xa0, 2, 0x05, 0),
	} {
		reviewCheck(t, name, withExts([]pkix.Extension{ext(asn1.ObjectIdentifier{2, 5, 29, 31}, false, v)}))
	}
	for name, v := range map[string][]byte{
		"AKI all":         raw(0x30, 8, 0x80, 1, 1, 0xa1, 0, 0x82, 1, 1),
		"AKI empty":       raw(0x30, 0),
		"AKI issuer only": raw(0x30, 2, 0xa1, 0),
	} {
		reviewCheck(t, name, withExts([]pkix.Extension{ext(asn1.ObjectIdentifier{2, 5, 29, 35}, false, v)}))
	}
	policy := func(q []byte) []byte {
		return reviewDER(func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{2, 5, 29, 32, 0})
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
						b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
							b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 2, 2})
							b.AddBytes(q)
						})
					})
				})
			})
		})
	}
	for name, q := range map[string][]byte{
		"notice empty":         raw(0x30, 0),
		"notice ref only":      raw(0x30, 6, 0x30, 4, 0x0c, 0, 0x30, 0),
		"notice ref numbers":   raw(0x30, 17, 0x30, 15, 0x16, 1, 'o', 0x30, 10, 2, 1, 0xff, 2, 5, 0x00, 0xff, 0xff, 0xff, 0xff),
		"notice ref + text":    raw(0x30, 9, 0x30, 4, 0x1e, 0, 0x30, 0, 0x1a, 1, 'x'),
		"notice text BMP odd":  raw(0x30, 3, 0x1e, 1, 'x'),
		"notice text bad utf8": raw(0x30, 3, 0x0c, 1, 0xff),
	} {
		reviewCheck(t, name, withExts([]pkix.Extension{ext(asn1.ObjectIdentifier{2, 5, 29, 32}, false, policy(q))}))
	}
	for name, e := range map[string]pkix.Extension{
		"ext 2.5.29.200":           ext(asn1.ObjectIdentifier{2, 5, 29, 200}, true, raw(0xff)),
		"ext big arcs":             ext(asn1.ObjectIdentifier{2, 268435455, 268435455}, false, nil),
		"ext 2.5.29 (3 arcs)":      ext(asn1.ObjectIdentifier{2, 5, 29}, false, raw(0xff)),
		"ext 2.5.29.14.1":          ext(asn1.ObjectIdentifier{2, 5, 29, 14, 1}, false, raw(0xff)),
		"keyUsage garbage":         ext(asn1.ObjectIdentifier{2, 5, 29, 15}, true, raw(0xff)),
		"basicConstraints garbage": ext(asn1.ObjectIdentifier{2, 5, 29, 19}, true, raw(0x30, 3, 1, 1, 1)),
		"EKU empty":                ext(asn1.ObjectIdentifier{2, 5, 29, 37}, false, raw(0x30, 0)),
		"SKI empty":                ext(asn1.ObjectIdentifier{2, 5, 29, 14}, false, raw(0x04, 0)),
		"AIA any location":         ext(asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 1, 1}, false, raw(0x30, 7, 0x30, 5, 0x06, 1, 0x2a, 0x05, 0)),
		"SIA garbage":              ext(asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 1, 11}, false, raw(0xff)),
		"ext 1.3.6.1.5.5.7.1.1.0":  ext(asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 1, 1, 0}, false, raw(0xff)),
	} {
		reviewCheck(t, name, withExts([]pkix.Extension{e}))
	}

	// Name values of the types zcrypto takes as they are, and odd RDNs.
	for name, atv := range map[string][]byte{
		"Visible":   raw(0x1a, 1, 0xff),
		"General":   raw(0x1b, 1, 0xff),
		"Universal": raw(0x1c, 3, 1, 2, 3),
		"T61":       raw(0x14, 1, 0x80),
		"BMP surr":  raw(0x1e, 2, 0xd8, 0x00),
		"Print *&":  raw(0x13, 2, '*', '&'),
		"UTF8 NUL":  raw(0x0c, 1, 0),
	} {
		n := reviewDER(func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
						b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{2, 5, 4, 3})
						b.AddBytes(atv)
					})
				})
				b.AddASN1(cbasn1.SET, func(*cryptobyte.Builder) {})
			})
		})
		e := append([][]byte(nil), rtbs...)
		e[len(e)-3] = n // subject
		e[len(e)-5] = n // issuer: self-signed
		reviewCheck(t, "name "+name, reviewJoin(e, ralg, rsig))
	}
}

// pssgen writes the certificates of issue 9 that openssl cannot make, with the fixed dates of
// the other fixtures (2025-01-01 to 2035-01-01):
//
//	go run ./scripts/gen/pssgen TESTDATA
//
// It writes:
//   - ca/rsa-pss-no-params.pem: RSASSA-PSS without parameters (RFC 4055 defaults: SHA-1,
//     MGF1-SHA-1, salt 20), signed so;
//   - ca/rsa-pss-sha1-explicit.pem: RSASSA-PSS whose parameters name SHA-1 and MGF1-SHA-1;
//   - ca/rsa-pss-null-params.pem: RSASSA-PSS with NULL parameters (malformed);
//   - ca/not-yet-valid-fraction.pem: notBefore a GeneralizedTime half a second after the
//     tests' clock (2026-06-01T00:00:00.5Z; BER, not DER);
//   - weak/negative-modulus.pem: an RSA modulus INTEGER of 128 bytes with its sign bit set
//     (the leading zero byte of a 1024-bit modulus dropped), issued by a throw-away CA;
//   - ca/version-4.pem: a CA whose version field is 3 ("v4"; RFC 5280 allows 0 to 2), which
//     OpenSSL reads and Go, pyca/cryptography and Java reject (VCL.0752).
//
// Each is built by Go's crypto/x509, then its tbsCertificate is changed field by field and
// signed again.
package main

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"log"
	"math/big"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

var (
	start = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	end   = time.Date(2035, 1, 1, 0, 0, 0, 0, time.UTC)

	oidPSS  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 10}
	oidMGF1 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 8}
	oidSHA1 = asn1.ObjectIdentifier{1, 3, 14, 3, 2, 26}
	// sha256WithRSAEncryption, NULL parameters
	sha256RSA = []byte{0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00}
)

// TBS element indices: version, serial, signature, issuer, validity, subject, SPKI, extensions.
const (
	tbsVersion   = 0
	tbsSignature = 2
	tbsValidity  = 4
	tbsSPKI      = 6
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: pssgen TESTDATA")
	}
	out := os.Args[1]
	serial := int64(9000)
	key := func(bits int) *rsa.PrivateKey {
		k, err := rsa.GenerateKey(rand.Reader, bits)
		check(err)
		return k
	}
	// ca makes a self-signed CA certificate with crypto/x509.
	ca := func(cn string, k *rsa.PrivateKey) []byte {
		serial++
		t := &x509.Certificate{
			SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: cn},
			NotBefore: start, NotAfter: end, IsCA: true, BasicConstraintsValid: true,
			KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		}
		der, err := x509.CreateCertificate(rand.Reader, t, t, &k.PublicKey, k)
		check(err)
		return der
	}
	write := func(name string, der []byte) {
		check(os.WriteFile(filepath.Join(out, name), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644))
	}

	// PSS with SHA-1: parameters absent, and naming SHA-1 explicitly.
	k := key(3072)
	noParams := algID(oidPSS, nil)
	write("ca/rsa-pss-no-params.pem", rebuild(ca("RSA-PSS no-parameters CA", k), map[int][]byte{tbsSignature: noParams}, noParams, pssSigner(k, crypto.SHA1, 20)))
	sha1Params := pssParams(oidSHA1, 20)
	explicitAlg := algID(oidPSS, sha1Params)
	write("ca/rsa-pss-sha1-explicit.pem", rebuild(ca("RSA-PSS SHA-1 CA", k), map[int][]byte{tbsSignature: explicitAlg}, explicitAlg, pssSigner(k, crypto.SHA1, 20)))
	// NULL parameters, as for PKCS#1 v1.5: not RSASSA-PSS-params. Signed with PSS SHA-256.
	nullAlg := algID(oidPSS, []byte{0x05, 0x00})
	write("ca/rsa-pss-null-params.pem", rebuild(ca("RSA-PSS NULL-parameters CA", k), map[int][]byte{tbsSignature: nullAlg}, nullAlg, pssSigner(k, crypto.SHA256, 32)))

	// notBefore half a second after the tests' clock, as a GeneralizedTime with a fraction.
	var v cryptobyte.Builder
	v.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.GeneralizedTime, func(b *cryptobyte.Builder) { b.AddBytes([]byte("20260601000000.5Z")) })
		b.AddASN1(cbasn1.UTCTime, func(b *cryptobyte.Builder) { b.AddBytes([]byte("350101000000Z")) })
	})
	// Version 3 ("v4"): one past the last version RFC 5280 allows.
	version4 := []byte{0xa0, 0x03, 0x02, 0x01, 0x03}
	write("ca/version-4.pem", rebuild(ca("Version 4 CA", k), map[int][]byte{tbsVersion: version4}, sha256RSA, pkcs1Signer(k)))

	write("ca/not-yet-valid-fraction.pem", rebuild(ca("Half a second early CA", k), map[int][]byte{tbsValidity: v.BytesOrPanic()}, sha256RSA, pkcs1Signer(k)))

	// A negative modulus: the 1024-bit modulus of a fresh key without its leading zero byte.
	issuerKey := key(3072)
	issuerDER := ca("vpncertlint Negative-Modulus Test CA", issuerKey)
	issuer, err := x509.ParseCertificate(issuerDER)
	check(err)
	leafKey := key(1024)
	serial++
	lt := &x509.Certificate{
		SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: "Negative-modulus key"},
		NotBefore: start, NotAfter: end, BasicConstraintsValid: true,
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:    []string{"vpn.example.com"},
	}
	leafDER, err := x509.CreateCertificate(rand.Reader, lt, issuer, &leafKey.PublicKey, issuerKey)
	check(err)
	n := leafKey.N.Bytes()
	if len(n) != 128 || n[0] < 0x80 {
		log.Fatal("the 1024-bit modulus is not 128 bytes with the top bit set")
	}
	write("weak/negative-modulus.pem", rebuild(leafDER, map[int][]byte{tbsSPKI: rsaSPKI(n, leafKey.E)}, sha256RSA, pkcs1Signer(issuerKey)))
}

func algID(oid asn1.ObjectIdentifier, params []byte) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1ObjectIdentifier(oid)
		b.AddBytes(params)
	})
	return b.BytesOrPanic()
}

// pssParams is RSASSA-PSS-params naming hash for the hash and MGF1, with the salt length.
func pssParams(hash asn1.ObjectIdentifier, salt int64) []byte {
	hashAlg := algID(hash, []byte{0x05, 0x00})
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) { b.AddBytes(hashAlg) })
		b.AddASN1(cbasn1.Tag(1).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) {
			b.AddBytes(algID(oidMGF1, hashAlg))
		})
		b.AddASN1(cbasn1.Tag(2).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) { b.AddASN1Int64(salt) })
	})
	return b.BytesOrPanic()
}

// rsaSPKI is an RSA SubjectPublicKeyInfo whose modulus INTEGER's content is exactly n.
func rsaSPKI(n []byte, e int) []byte {
	var key cryptobyte.Builder
	key.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.INTEGER, func(b *cryptobyte.Builder) { b.AddBytes(n) })
		b.AddASN1Int64(int64(e))
	})
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddBytes(algID(asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}, []byte{0x05, 0x00}))
		b.AddASN1BitString(key.BytesOrPanic())
	})
	return b.BytesOrPanic()
}

func pssSigner(k *rsa.PrivateKey, h crypto.Hash, salt int) func([]byte) []byte {
	return func(tbs []byte) []byte {
		d := h.New()
		d.Write(tbs)
		sig, err := rsa.SignPSS(rand.Reader, k, h, d.Sum(nil), &rsa.PSSOptions{SaltLength: salt, Hash: h})
		check(err)
		return sig
	}
}

func pkcs1Signer(k *rsa.PrivateKey) func([]byte) []byte {
	return func(tbs []byte) []byte {
		d := crypto.SHA256.New()
		d.Write(tbs)
		sig, err := rsa.SignPKCS1v15(rand.Reader, k, crypto.SHA256, d.Sum(nil))
		check(err)
		return sig
	}
}

// rebuild replaces elements of the certificate's tbsCertificate (by index), puts sigAlg as
// the outer signatureAlgorithm and signs the new TBS with sign.
func rebuild(der []byte, replace map[int][]byte, sigAlg []byte, sign func([]byte) []byte) []byte {
	in := cryptobyte.String(der)
	var cert, tbs cryptobyte.String
	if !in.ReadASN1(&cert, cbasn1.SEQUENCE) || !cert.ReadASN1(&tbs, cbasn1.SEQUENCE) {
		log.Fatal("rebuild: cannot read the certificate")
	}
	var t cryptobyte.Builder
	t.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		for i := 0; !tbs.Empty(); i++ {
			var el cryptobyte.String
			var tag cbasn1.Tag
			if !tbs.ReadAnyASN1Element(&el, &tag) {
				log.Fatal("rebuild: cannot read the TBS")
			}
			if r, ok := replace[i]; ok {
				b.AddBytes(r)
			} else {
				b.AddBytes(el)
			}
		}
	})
	newTBS := t.BytesOrPanic()
	var c cryptobyte.Builder
	c.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddBytes(newTBS)
		b.AddBytes(sigAlg)
		b.AddASN1BitString(sign(newTBS))
	})
	return c.BytesOrPanic()
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

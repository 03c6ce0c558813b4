// weakgen writes certificates whose public keys are broken (testdata/weak), which openssl
// cannot make because it refuses such keys:
//
//	go run ./scripts/gen/weakgen OUTDIR
//
// Each certificate is a leaf (CA:FALSE, serverAuth) issued by a throw-away P-256 CA with the
// fixed dates of the other fixtures (2025-01-01 to 2035-01-01).
package main

import (
	"bytes"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"log"
	"math/big"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// rocaModulus is the modulus of privkey05.pem, a positive sample of the ROCA detector's test
// vectors (github.com/crocs-muni/roca, roca/tests/data; MIT licence). Only the public modulus
// is used.
const rocaModulus = "1A9C5A687DB8FB2A30F82DFF8DDA154C291EF27B04B25E185B8AB20C4C6A5F604859FE59EDE54A0AF7C0E7288800AD7193BB731A5BF1E1170D7A1C66930D41EA3EB21DEDF7B8AF5D42A91C34F72045B96EFD57CB182301DDCC26967E5508E9AB889986D57E837DFE70F99FC37C498F43C17C3B9B064CF704443D7A033E03A821697AABF30FB29EE7D33B3767965A89058E3B39754BD3A1C007D28A23B0CFA79F9D711AC6E4C4B4F77B0634B1ECD68591AF03C7D53B62A5F2D91163D4EF4F8F26831AE461ED85EC5F788C5123FFC12C87420FDCFEA1D1B4A52C3521824FB3998348739B62A986D8E76B2289BC2EB8BC06D138147851B83A07183D210559F906321"

var (
	start = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	end   = time.Date(2035, 1, 1, 0, 0, 0, 0, time.UTC)
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: weakgen OUTDIR")
	}
	out := os.Args[1]
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	check(err)
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(4000), Subject: pkix.Name{CommonName: "vpncertlint Weak-Key Test CA"},
		NotBefore: start, NotAfter: end, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	check(err)
	ca, err := x509.ParseCertificate(caDER)
	check(err)

	serial := int64(4001)
	leaf := func(cn string, pub any) []byte {
		t := &x509.Certificate{
			SerialNumber: big.NewInt(serial), Subject: pkix.Name{CommonName: cn},
			NotBefore: start, NotAfter: end, BasicConstraintsValid: true,
			KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
			ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
			DNSNames:    []string{"vpn.example.com"},
		}
		serial++
		der, err := x509.CreateCertificate(rand.Reader, t, ca, pub, caKey)
		check(err)
		return der
	}
	write := func(name string, der []byte) {
		check(os.WriteFile(filepath.Join(out, name), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644))
	}
	prime := func(bits int) *big.Int {
		p, err := rand.Prime(rand.Reader, bits)
		check(err)
		return p
	}

	n, _ := new(big.Int).SetString(rocaModulus, 16)
	write("roca.pem", leaf("ROCA-vulnerable key", &rsa.PublicKey{N: n, E: 65537}))

	// Fermat: q is the next prime after p, so the first step of Fermat's method factors N.
	p := prime(1536)
	q := new(big.Int).Add(p, big.NewInt(2))
	for !q.ProbablyPrime(32) {
		q.Add(q, big.NewInt(2))
	}
	write("fermat.pem", leaf("Fermat-factorable key", &rsa.PublicKey{N: new(big.Int).Mul(p, q), E: 65537}))

	// A 3072-bit modulus divisible by 997.
	var small *big.Int
	for small == nil || small.BitLen() != 3072 {
		small = new(big.Int).Mul(prime(3062), big.NewInt(997))
	}
	write("small-factor.pem", leaf("Small-factor key", &rsa.PublicKey{N: small, E: 65537}))

	// An even 3072-bit modulus.
	even := new(big.Int).Lsh(prime(3071), 1)
	write("even-modulus.pem", leaf("Even-modulus key", &rsa.PublicKey{N: even, E: 65537}))

	// A sound modulus with public exponent 1.
	k, err := rsa.GenerateKey(rand.Reader, 3072)
	check(err)
	write("exponent-one.pem", leaf("Exponent-one key", &rsa.PublicKey{N: k.N, E: 1}))

	// A P-256 point off the curve: a valid certificate whose point's last byte is changed,
	// then signed again by the CA.
	ek, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	check(err)
	der := leaf("Off-curve EC key", &ek.PublicKey)
	ecdhKey, err := ek.PublicKey.ECDH()
	check(err)
	point := ecdhKey.Bytes()
	bad := append([]byte(nil), point...)
	for {
		bad[len(bad)-1]++
		if _, err := ecdh.P256().NewPublicKey(bad); err != nil {
			break
		}
	}
	write("ec-off-curve.pem", resign(der, point, bad, caKey))
}

// resign replaces old with repl (same length) in the certificate's TBS and signs it again.
func resign(der, old, repl []byte, key *ecdsa.PrivateKey) []byte {
	in := cryptobyte.String(der)
	var cert cryptobyte.String
	var tbs, sigAlg cryptobyte.String
	if !in.ReadASN1(&cert, cbasn1.SEQUENCE) || !cert.ReadASN1Element(&tbs, cbasn1.SEQUENCE) || !cert.ReadASN1Element(&sigAlg, cbasn1.SEQUENCE) {
		log.Fatal("resign: cannot read the certificate")
	}
	i := bytes.Index(tbs, old)
	if i < 0 {
		log.Fatal("resign: point not found")
	}
	t := append([]byte(nil), tbs...)
	copy(t[i:], repl)
	h := sha256.Sum256(t)
	sig, err := ecdsa.SignASN1(rand.Reader, key, h[:])
	check(err)
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddBytes(t)
		b.AddBytes(sigAlg)
		b.AddASN1BitString(sig)
	})
	outDER, err := b.Bytes()
	check(err)
	return outDER
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

package e2e

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/cmd"
	"github.com/vpncertlint/vpncertlint/internal/output/formats"
)

// secrets lists strings that must never appear in any output about a key: the base64 of its
// DER (in 16-character windows at every alignment a PEM encoder could produce), its hex, and
// the decimal and hex of its private numbers.
func secrets(der []byte, nums ...*big.Int) []string {
	var out []string
	for shift := 0; shift < 3 && shift < len(der); shift++ {
		b64 := base64.StdEncoding.EncodeToString(der[shift:])
		for i := 0; i+16 <= len(b64)-4; i += 16 {
			out = append(out, b64[i:i+16])
		}
	}
	h := hex.EncodeToString(der)
	for i := 0; i+32 <= len(h); i += 32 {
		out = append(out, h[i:i+32], strings.ToUpper(h[i:i+32]))
	}
	for _, n := range nums {
		if n == nil {
			continue
		}
		for _, s := range []string{n.String(), n.Text(16)} {
			// Any 24-digit run of a secret number: enough to be unmistakable, short enough to
			// catch a truncated print.
			for i := 0; i+24 <= len(s); i += 12 {
				out = append(out, s[i:i+24], strings.ToUpper(s[i:i+24]))
			}
		}
	}
	return out
}

// ecScalar is the private scalar of an ECDSA key (the value of its deprecated field D).
func ecScalar(t *testing.T, k *ecdsa.PrivateKey) *big.Int {
	t.Helper()
	b, err := k.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return new(big.Int).SetBytes(b)
}

func selfSigned(t *testing.T, dir, name string, pub, priv any) string {
	t.Helper()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "vpn.example.com"},
		NotBefore: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2035, 1, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, pub, priv)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestNoKeyMaterialInOutput runs the server bundle check on keys in every form the checker
// reads or refuses, in every output format and language, and scans stdout and stderr for
// the keys' material.
func TestNoKeyMaterialInOutput(t *testing.T) {
	dir := t.TempDir()
	rk, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	other, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ek, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	rsaCert := selfSigned(t, dir, "rsa.pem", &rk.PublicKey, rk)
	ecCert := selfSigned(t, dir, "ec.pem", &ek.PublicKey, ek)

	pkcs1 := x509.MarshalPKCS1PrivateKey(rk)
	pkcs8, _ := x509.MarshalPKCS8PrivateKey(rk)
	sec1, _ := x509.MarshalECPrivateKey(ek)
	otherDER := x509.MarshalPKCS1PrivateKey(other)
	corrupt := append([]byte(nil), pkcs1...)
	for i := len(corrupt) / 3; i < len(corrupt)/3+8; i++ {
		corrupt[i] ^= 0xff
	}
	//nolint:staticcheck // the legacy format is what people have; it is only written here.
	legacy, err := x509.EncryptPEMBlock(rand.Reader, "RSA PRIVATE KEY", pkcs1, []byte("pw"), x509.PEMCipherAES256) //nolint
	if err != nil {
		t.Fatal(err)
	}
	rsaNums := []*big.Int{rk.D, rk.Primes[0], rk.Primes[1], rk.Precomputed.Dp, rk.Precomputed.Dq, rk.Precomputed.Qinv}
	enc := func(label string, der []byte) []byte { return pem.EncodeToMemory(&pem.Block{Type: label, Bytes: der}) }
	cases := []struct {
		name, cert string
		key        []byte
		secret     []string
	}{
		{"pkcs1", rsaCert, enc("RSA PRIVATE KEY", pkcs1), secrets(pkcs1, rsaNums...)},
		{"pkcs8", rsaCert, enc("PRIVATE KEY", pkcs8), secrets(pkcs8, rsaNums...)},
		{"sec1", ecCert, enc("EC PRIVATE KEY", sec1), secrets(sec1, ecScalar(t, ek))},
		{"mismatch", rsaCert, enc("RSA PRIVATE KEY", otherDER), secrets(otherDER, other.D, other.Primes[0], other.Primes[1])},
		{"corrupt", rsaCert, enc("RSA PRIVATE KEY", corrupt), secrets(corrupt, rsaNums...)},
		{"wrong-label", rsaCert, enc("PRIVATE KEY", pkcs1), secrets(pkcs1, rsaNums...)},
		{"encrypted-pkcs8-label", rsaCert, enc("ENCRYPTED PRIVATE KEY", pkcs8), secrets(pkcs8, rsaNums...)},
		{"legacy-encrypted", rsaCert, pem.EncodeToMemory(legacy), secrets(legacy.Bytes)},
		{"two-keys", rsaCert, append(enc("RSA PRIVATE KEY", pkcs1), enc("EC PRIVATE KEY", sec1)...), secrets(pkcs1, rsaNums...)},
		{"bad-base64", rsaCert, bytes.Replace(enc("RSA PRIVATE KEY", pkcs1), []byte("\n"), []byte("\n!"), 3), secrets(pkcs1, rsaNums...)},
	}
	for _, c := range cases {
		keyPath := filepath.Join(dir, c.name+".key")
		if err := os.WriteFile(keyPath, c.key, 0o600); err != nil {
			t.Fatal(err)
		}
		var runs [][]string
		for _, format := range formats.Names() {
			for _, lang := range []string{"en", "zh"} {
				runs = append(runs, []string{"check", "--format", format, "--lang", lang, "-v", "--role", "server", "--key", keyPath, "--chain", keyPath, c.cert})
			}
		}
		// The key given as an input (a user mistake) and as the only input.
		runs = append(runs, []string{"check", "-v", "--role", "server", c.cert, keyPath}, []string{"check", "--format", "json", keyPath})
		for _, args := range runs {
			var out, errb bytes.Buffer
			code := cmd.Execute(args, strings.NewReader(""), &out, &errb)
			all := out.String() + errb.String()
			if code == 2 && strings.Contains(errb.String(), "unknown") {
				t.Fatalf("%s: %v: usage error: %s", c.name, args, errb.String())
			}
			for _, s := range c.secret {
				if strings.Contains(all, s) {
					t.Fatalf("%s: %v: output contains key material %q:\n%s", c.name, args, s, all)
				}
			}
		}
	}
}

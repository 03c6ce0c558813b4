package certcheck

import (
	"encoding/pem"
	"os"
	"testing"
	"time"
)

func fixtureDER(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := pem.Decode(data)
	if b == nil {
		t.Fatalf("%s: no PEM", path)
	}
	return b.Bytes
}

func TestParseRawOutline(t *testing.T) {
	r := ParseRaw(fixtureDER(t, "../testdata/ca/expired.pem"))
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if got := r.Key.KeyName(); got != "RSA-3072" {
		t.Errorf("key %s", got)
	}
	if got := SigAlgName(r.SigAlg); got != "sha256WithRSAEncryption" {
		t.Errorf("sig %s", got)
	}
	if !r.HasDates || !r.NotAfter.Equal(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("notAfter %v", r.NotAfter)
	}
	if Name(r.RawSubject) != "CN=Expired CA" {
		t.Errorf("subject %q", Name(r.RawSubject))
	}
	c := NewCert(fixtureDER(t, "../testdata/ca/expired.pem"), "x", 1, "x")
	if !c.IsCA() {
		t.Error("expired.pem is a CA")
	}
}

func TestKeyNamesOfUnparsableKeys(t *testing.T) {
	for path, want := range map[string]string{
		"../testdata/ca/brainpool.pem": "EC brainpoolP256r1",
		"../testdata/ca/secp256k1.pem": "EC secp256k1",
		"../testdata/ca/sm2-key.pem":   "EC SM2",
		"../testdata/ca/ed448.pem":     "Ed448",
		"../testdata/ca/dsa.pem":       "DSA",
		"../testdata/ca/ec-p384.pem":   "EC P-384",
	} {
		c := NewCert(fixtureDER(t, path), path, 1, "x")
		if got := c.Raw.Key.KeyName(); got != want {
			t.Errorf("%s: key %q, want %q", path, got, want)
		}
	}
}

// Every truncation of a certificate is read without a panic and with an error.
func TestParseTruncated(t *testing.T) {
	der := fixtureDER(t, "../testdata/ca/good-rsa3072.pem")
	env := &Env{Now: time.Now(), Policy: DefaultPolicy()}
	for n := 0; n < len(der); n++ {
		c := NewCert(der[:n], "t", 1, "t")
		if c.ParseErr == nil {
			t.Fatalf("prefix %d parsed", n)
		}
		c.Role = RoleCA
		fs := Run(c, env)
		has0075 := false
		for _, f := range fs {
			has0075 = has0075 || f.Code == "VPN.0075"
		}
		if !has0075 {
			t.Fatalf("prefix %d: no VPN.0075 in %v", n, fs)
		}
	}
}

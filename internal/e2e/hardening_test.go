package e2e

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/cmd"
	"github.com/vpncertlint/vpncertlint/internal/engine"
	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/output/formats"
	"github.com/vpncertlint/vpncertlint/internal/report"
)

// TestNoPrivateKeyInOutput: whatever a key file is passed as, and in every output format,
// no piece of the key's base64 or hex appears in the output.
func TestNoPrivateKeyInOutput(t *testing.T) {
	dir := t.TempDir()
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ecDER, _ := x509.MarshalECPrivateKey(ecKey)
	pkcs1 := x509.MarshalPKCS1PrivateKey(rsaKey)
	fixture, err := os.ReadFile("testdata/format/private-key.pem")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"fixture.pem":      fixture,
		"pkcs1.pem":        pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: pkcs1}),
		"ec.pem":           pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: ecDER}),
		"key-as-cert.pem":  pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: pkcs1}),
		"ec-as-cert.pem":   pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: ecDER}),
		"key-as-crl.crl":   pem.EncodeToMemory(&pem.Block{Type: "X509 CRL", Bytes: ecDER}),
		"key.der":          pkcs1,
		"broken-key.pem":   append(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: pkcs1})[:200], '\n'),
		"key-in-text.pem":  append([]byte("my key:\n"), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: ecDER})...),
		"bad-base64-k.pem": []byte("-----BEGIN PRIVATE KEY-----\n" + strings.Repeat("QUJD", 20) + "!!\n-----END PRIVATE KEY-----\n"),
	}
	var secrets []string
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if len(line) >= 16 && !strings.HasPrefix(line, "-----") && !strings.Contains(line, ":") {
				for i := 0; i+16 <= len(line); i += 4 {
					secrets = append(secrets, line[i:i+16])
				}
			}
		}
	}
	for _, der := range [][]byte{pkcs1, ecDER, rsaKey.D.Bytes(), ecScalar(t, ecKey).Bytes()} {
		h := hex.EncodeToString(der)
		for i := 0; i+24 <= len(h); i += 8 {
			secrets = append(secrets, h[i:i+24], strings.ToUpper(h[i:i+24]))
		}
	}
	for _, role := range []string{"auto", "ca", "server", "crl"} {
		for _, format := range formats.Names() {
			for _, verbose := range []string{"--verbose=false", "--verbose=true"} {
				var out, errb bytes.Buffer
				cmd.Execute([]string{"check", "--now", testNow, "--color", "never", "--role", role, "--format", format, verbose, dir}, strings.NewReader(""), &out, &errb)
				all := out.String() + errb.String()
				if out.Len() == 0 {
					t.Fatalf("%s/%s: no output", role, format)
				}
				for _, s := range secrets {
					if strings.Contains(all, s) {
						t.Fatalf("role %s, format %s %s: output contains key material %q:\n%s", role, format, verbose, s, all)
					}
				}
			}
		}
	}
}

// TestDeterministicJSON: the whole testdata tree gives byte-identical JSON across runs and
// across GOMAXPROCS and Jobs settings.
func TestDeterministicJSON(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	now, _ := time.Parse(time.RFC3339, testNow)
	var first []byte
	for i, c := range []struct{ procs, jobs int }{{1, 1}, {2, 0}, {2, 2}, {4, 3}, {8, 32}, {1, 0}, {3, 7}} {
		runtime.GOMAXPROCS(c.procs)
		rep, err := engine.Run([]string{"testdata"}, engine.Options{Now: now, Jobs: c.jobs, Tool: report.Tool{Name: "vpncertlint", Version: "test"}})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := formats.Write(&b, "json", rep, output.Options{}); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b.Bytes()
			if rep.NumFiles() < 50 || !bytes.Contains(first, []byte("VPN.1111")) {
				t.Fatalf("unexpected report over testdata: %d files", rep.NumFiles())
			}
			continue
		}
		if !bytes.Equal(b.Bytes(), first) {
			t.Fatalf("GOMAXPROCS=%d jobs=%d: JSON differs from GOMAXPROCS=1 jobs=1", c.procs, c.jobs)
		}
	}
}

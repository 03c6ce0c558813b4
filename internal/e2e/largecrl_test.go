package e2e

import (
	"bytes"
	"strings"

	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"github.com/vpncertlint/vpncertlint/cmd"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestLargeCRLMemoryBounded: a PEM CRL of 200,000 entries (7 MB of DER, with its CA) is
// checked, in every format that keeps the full report, holding little more than its text and
// its DER: the entries are parsed by zcrypto a part at a time and not kept, for the CRL
// checks and the upload-set check alike. A whole parse takes about seven times the DER
// (50 MB here), so the bound (text + DER + 16 MB) fails without it. No timing is asserted.
func TestLargeCRLMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("the quick run: builds a CRL of 200,000 entries")
	}
	dir := t.TempDir()
	caPath, crlPath, crlPEM, crlDER := writeLargeCRL(t, dir, 200000)
	bound := uint64(len(crlPEM) + len(crlDER) + 16<<20)
	for _, format := range []string{"json", "sarif"} {
		peak := peakLiveHeap(t, "check", "--no-config", "--now", testNow, "--fail-on", "none", "--format", format, "--ca", caPath, crlPath)
		t.Logf("%s: peak live heap %.1f MB for a CRL of %.1f MB (PEM %.1f MB)", format, float64(peak)/1e6, float64(len(crlDER))/1e6, float64(len(crlPEM))/1e6)
		if peak > bound {
			t.Errorf("%s: peak live heap %.1f MB, want at most %.1f MB", format, float64(peak)/1e6, float64(bound)/1e6)
		}
	}
}

// TestLargeCRLZlintNotice: a CRL above crlcheck.BoundedSize (2 MiB of DER) gets the notice
// VCL.0794 that zlint's CRL lints were skipped, only when the advisories are on; the exact
// boundary is tested in crlcheck (TestNewCRLBoundedAboveSize).
func TestLargeCRLZlintNotice(t *testing.T) {
	if testing.Short() {
		t.Skip("the quick run: builds a CRL of 70,000 entries")
	}
	dir := t.TempDir()
	caPath, crlPath, _, crlDER := writeLargeCRL(t, dir, 70000)
	if len(crlDER) <= 2<<20 {
		t.Fatalf("the CRL has %d bytes, not above 2 MiB", len(crlDER))
	}
	for _, zlint := range []bool{true, false} {
		args := []string{"check", "--no-config", "--now", testNow, "--fail-on", "none", "--format", "json", "--ca", caPath, crlPath}
		if !zlint {
			args = append(args, "--no-zlint")
		}
		var out, errb bytes.Buffer
		if code := cmd.Execute(args, strings.NewReader(""), &out, &errb); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		if got := strings.Contains(out.String(), `"VCL.0794"`); got != zlint {
			t.Errorf("zlint %v: VCL.0794 reported %v, want %v", zlint, got, zlint)
		}
	}
}

// writeLargeCRL writes a CA and a PEM CRL of n entries it signed into dir.
func writeLargeCRL(t *testing.T, dir string, n int) (caPath, crlPath string, crlPEM, crlDER []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "large CRL test CA"},
		NotBefore: now.AddDate(-1, 0, 0), NotAfter: now.AddDate(5, 0, 0), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign, SubjectKeyId: []byte{1, 2, 3, 4}}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	caCert, _ := x509.ParseCertificate(caDER)
	entries := make([]x509.RevocationListEntry, n)
	for i := range entries {
		entries[i] = x509.RevocationListEntry{SerialNumber: big.NewInt(int64(i) + 1000), RevocationTime: now.AddDate(0, -1, 0), ReasonCode: 1}
	}
	crlDER, err = x509.CreateRevocationList(rand.Reader, &x509.RevocationList{Number: big.NewInt(1),
		ThisUpdate: now.AddDate(0, 0, -1), NextUpdate: now.AddDate(0, 0, 20), RevokedCertificateEntries: entries}, caCert, key)
	if err != nil {
		t.Fatal(err)
	}
	caPath, crlPath = filepath.Join(dir, "ca.pem"), filepath.Join(dir, "big.crl.pem")
	crlPEM = pem.EncodeToMemory(&pem.Block{Type: "X509 CRL", Bytes: crlDER})
	if err := os.WriteFile(caPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(crlPath, crlPEM, 0o644); err != nil {
		t.Fatal(err)
	}
	return caPath, crlPath, crlPEM, crlDER
}

package crlcheck

import (
	"encoding/pem"
	"os"
	"path/filepath"
	"testing"
)

// TestOutlineOfEveryParsedCRL: every CRL block in the fixtures that NewCRL parses (v1 and
// v2, with and without entries and extensions) has the outline, and no certificate, no
// truncation and no CRL with bytes after it does.
func TestOutlineOfEveryParsedCRL(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*"))
	parsed := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for {
			var b *pem.Block
			b, data = pem.Decode(data)
			if b == nil {
				break
			}
			switch b.Type {
			case "X509 CRL":
				if NewCRL(b.Bytes, f, 0, "").ParseErr != nil {
					continue
				}
				parsed++
				if !HasOutline(b.Bytes) {
					t.Errorf("%s: a CRL NewCRL parses has no CRL outline", f)
				}
				for _, cut := range []int{1, len(b.Bytes) / 2, len(b.Bytes) - 1} {
					if HasOutline(b.Bytes[:cut]) {
						t.Errorf("%s: the first %d bytes have a CRL outline", f, cut)
					}
				}
				if HasOutline(append(append([]byte{}, b.Bytes...), 0)) {
					t.Errorf("%s: a CRL with a byte after it has the outline", f)
				}
			case "CERTIFICATE":
				if HasOutline(b.Bytes) {
					t.Errorf("%s: a certificate has a CRL outline", f)
				}
			}
		}
	}
	if parsed < 10 {
		t.Fatalf("only %d parsed CRLs in the fixtures", parsed)
	}
}

package crlcheck

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/internal/fuzzseed"
	"github.com/vpncertlint/vpncertlint/internal/pemscan"
)

// FuzzCRL: parsing and every CRL check (with and without issuing CAs) never panic and stay
// fast; findings are well formed.
func FuzzCRL(f *testing.F) {
	for _, s := range fuzzseed.Files([]string{".crl", ".pem", ".der"}, 4, 200) {
		r := pemscan.Scan(s)
		if len(r.Blocks) == 0 && len(s) > 0 && s[0] == 0x30 {
			f.Add(s)
		}
		for _, b := range r.Blocks {
			if b.Bytes != nil && (b.Type == "X509 CRL" || len(b.Bytes) < 4096) {
				f.Add(b.Bytes)
			}
		}
	}
	var cas []CA
	for _, name := range []string{"root.pem", "other-ca.pem"} {
		data, err := os.ReadFile(filepath.Join(fuzzseed.Root(), "testdata", "pki", name))
		if err != nil {
			f.Fatal(err)
		}
		for _, b := range pemscan.Scan(data).Blocks {
			c := certcheck.NewCert(b.Bytes, name, b.BeginLine, name)
			if c.X() != nil {
				cas = append(cas, CA{Where: name, X: c.X()})
			}
		}
	}
	if len(cas) == 0 {
		f.Fatal("no CA in testdata/pki")
	}
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, der []byte) {
		start := time.Now()
		c := NewCRL(der, "fuzz.crl", 1, "fuzz.crl")
		if (c.X == nil) == (c.ParseErr == nil) {
			t.Fatalf("X %v, ParseErr %v", c.X != nil, c.ParseErr)
		}
		_ = c.Object()
		for _, env := range []*Env{{Now: now, Policy: DefaultPolicy()}, {Now: now, Policy: DefaultPolicy(), CAs: cas}} {
			for _, fd := range Run(c, env) {
				if fd.Code == "" || fd.File != "fuzz.crl" {
					t.Fatalf("malformed finding %+v", fd)
				}
				if _, err := json.Marshal(fd); err != nil {
					t.Fatalf("finding does not encode: %v", err)
				}
			}
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("checking %d bytes took %v", len(der), d)
		}
	})
}

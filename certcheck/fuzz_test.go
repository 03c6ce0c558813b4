package certcheck

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/fuzzseed"
	"github.com/vpncertlint/vpncertlint/internal/pemscan"
)

// derSeeds returns the DER of every block (and every DER file) among the seeds.
func derSeeds() [][]byte {
	var out [][]byte
	for _, s := range fuzzseed.Files(nil, 8, 200) {
		r := pemscan.Scan(s)
		if len(r.Blocks) == 0 && len(s) > 0 && s[0] == 0x30 {
			out = append(out, s)
		}
		for _, b := range r.Blocks {
			if b.Bytes != nil {
				out = append(out, b.Bytes)
			}
		}
	}
	return out
}

// FuzzCert: parsing and every check, in both roles, never panic and stay fast; findings are
// well formed and JSON-encodable.
func FuzzCert(f *testing.F) {
	for _, s := range derSeeds() {
		f.Add(s)
	}
	f.Add([]byte{0x30, 0x03, 0x30, 0x01, 0x00})
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	env := &Env{Now: now, Policy: DefaultPolicy()}
	f.Fuzz(func(t *testing.T, der []byte) {
		start := time.Now()
		c := NewCert(der, "fuzz.pem", 1, "fuzz.pem")
		if c.Raw == nil || (c.X() == nil) == (c.ParseErr == nil) {
			t.Fatalf("Raw %v, X %v, ParseErr %v", c.Raw != nil, c.X() != nil, c.ParseErr)
		}
		_ = c.Object()
		_ = c.IsCA()
		for _, role := range []Role{RoleCA, RoleServer} {
			c.Role = role
			for _, fd := range Run(c, env) {
				if fd.Code == "" || fd.File != "fuzz.pem" || fd.Line != 1 {
					t.Fatalf("malformed finding %+v", fd)
				}
				if _, err := json.Marshal(fd); err != nil {
					t.Fatalf("finding does not encode: %v", err)
				}
			}
		}
		s := NewSet(DefaultPolicy())
		c.Role = RoleCA
		s.Add(c)
		s.Add(c)
		s.Finish()
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("checking %d bytes took %v", len(der), d)
		}
	})
}

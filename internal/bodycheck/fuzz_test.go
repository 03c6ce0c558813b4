package bodycheck

import (
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/fuzzseed"
	"github.com/vpncertlint/vpncertlint/lint"
)

// FuzzBody: the server-body parser and rules never panic, every finding is complete and
// points inside the input, and the same input gives the same findings.
func FuzzBody(f *testing.F) {
	for _, s := range fuzzseed.Files([]string{".json", ".yaml", ".yml"}, 60, 0) {
		f.Add(s)
	}
	f.Add([]byte(`{"vpn_server": {"client_cidr": "10.0.0.0/8", "local_subnets": [1, {}, null]}}`))
	f.Add([]byte("vpn_server:\n  client_ca_certificates:\n    - content: \"-----BEGIN CERTIFICATE-----\\n\"\n"))
	f.Add([]byte("vpn_server: &a\n  x: *a\n  <<: *a\n"))
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := Options{Now: now, MaxConnections: 10}
		r1 := Run(data, "b.json", "b.json", opts)
		r2 := Run(data, "b.json", "b.json", opts)
		// YAML also breaks lines at a lone CR.
		lines := strings.Count(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") + strings.Count(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r") + 1
		if len(r1.Findings) != len(r2.Findings) {
			t.Fatalf("nondeterministic: %d then %d findings", len(r1.Findings), len(r2.Findings))
		}
		for i, f := range r1.Findings {
			if _, ok := lint.Lookup(f.Code); !ok || f.Severity == 0 {
				t.Fatalf("finding with unknown code or severity: %+v", f)
			}
			if f.Line < 0 || f.Line > lines {
				t.Fatalf("finding at line %d of %d: %+v", f.Line, lines, f)
			}
			if g := r2.Findings[i]; g.Code != f.Code || g.Line != f.Line || g.Detail != f.Detail {
				t.Fatalf("nondeterministic finding %d: %+v then %+v", i, f, g)
			}
		}
	})
}

package zlintcheck

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/internal/pemscan"
	"github.com/zmap/zcrypto/x509"
)

// corpusDir is the shipped third-party corpus (../shared relative to the project root).
const corpusDir = "../../../shared/corpus/zlint-testdata"

// corpus returns the certificates of the corpus zcrypto parses, split by key type.
func corpus(tb testing.TB) (rsa, ecdsa []*certcheck.Cert) {
	tb.Helper()
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		tb.Skipf("corpus not available: %v", err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(corpusDir, e.Name()))
		if err != nil {
			continue
		}
		for _, b := range pemscan.Scan(data).Blocks {
			if b.Type != "CERTIFICATE" || b.Problem != pemscan.ProblemNone {
				continue
			}
			c := certcheck.NewCert(b.Bytes, e.Name(), b.BeginLine, e.Name())
			if c.X() == nil {
				continue
			}
			c.Role = certcheck.RoleServer
			switch c.X().PublicKeyAlgorithm {
			case x509.RSA:
				rsa = append(rsa, c)
			case x509.ECDSA:
				ecdsa = append(ecdsa, c)
			}
		}
	}
	if len(rsa) == 0 {
		tb.Skip("no RSA certificate in the corpus")
	}
	return rsa, ecdsa
}

func benchVPN(b *testing.B, certs []*certcheck.Cert) {
	env := &certcheck.Env{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Policy: certcheck.DefaultPolicy()}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, c := range certs {
			// What a run costs per certificate without zlint: both parses and every check.
			d := certcheck.NewCert(c.DER, c.File, c.Line, c.Name)
			d.Role = c.Role
			certcheck.Run(d, env)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(certs)), "ns/cert")
}

func benchChecksOnly(b *testing.B, certs []*certcheck.Cert) {
	env := &certcheck.Env{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Policy: certcheck.DefaultPolicy()}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, c := range certs {
			certcheck.Run(c, env)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(certs)), "ns/cert")
}

func benchZlint(b *testing.B, certs []*certcheck.Cert) {
	l, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, c := range certs {
			l.Cert(c)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(certs)), "ns/cert")
}

// The VPN checks alone and the default zlint set (server role, profile private)
// on the corpus's RSA and ECDSA certificates:
//
//	go test ./zlintcheck -run '^$' -bench . -benchtime 3x
func BenchmarkVPNChecksRSA(b *testing.B)  { rsa, _ := corpus(b); benchVPN(b, rsa) }
func BenchmarkChecksOnlyRSA(b *testing.B) { rsa, _ := corpus(b); benchChecksOnly(b, rsa) }
func BenchmarkZlintRSA(b *testing.B)      { rsa, _ := corpus(b); benchZlint(b, rsa) }
func BenchmarkVPNChecksECDSA(b *testing.B) {
	_, ec := corpus(b)
	benchVPN(b, ec)
}
func BenchmarkZlintECDSA(b *testing.B) { _, ec := corpus(b); benchZlint(b, ec) }

// TestCostRatio measures, interleaved and taking the fastest of several rounds (the machine
// is shared, so the minimum is the stable figure), the per-certificate cost of the VPN checks
// alone (both parses and every check) and of the zlint set of each profile (private, the
// default, and webpki) on the corpus's certificates as server certificates (the largest set):
// ZLINT_COST=1 go test ./zlintcheck -run TestCostRatio -v.
func TestCostRatio(t *testing.T) {
	if os.Getenv("ZLINT_COST") == "" {
		t.Skip("set ZLINT_COST=1 to measure")
	}
	rsa, ec := corpus(t)
	var ls []*Linter
	for _, p := range Profiles() {
		l, err := New(Config{Profile: p})
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
	}
	env := &certcheck.Env{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Policy: certcheck.DefaultPolicy()}
	for _, set := range []struct {
		name  string
		certs []*certcheck.Cert
	}{{"RSA", rsa}, {"ECDSA", ec}} {
		vpnBest := time.Duration(1 << 62)
		zlBest := []time.Duration{1 << 62, 1 << 62}
		for round := 0; round < 7; round++ {
			start := time.Now()
			for _, c := range set.certs {
				d := certcheck.NewCert(c.DER, c.File, c.Line, c.Name)
				d.Role = c.Role
				certcheck.Run(d, env)
			}
			if d := time.Since(start); d < vpnBest {
				vpnBest = d
			}
			for i, l := range ls {
				start = time.Now()
				for _, c := range set.certs {
					l.Cert(c)
				}
				if d := time.Since(start); d < zlBest[i] {
					zlBest[i] = d
				}
			}
		}
		n := time.Duration(len(set.certs))
		for i, p := range Profiles() {
			t.Logf("%s (%d certificates): VPN checks %v, zlint profile %s (%d lints) %v per certificate: ratio %.2f",
				set.name, len(set.certs), vpnBest/n, p, len(ls[i].server.CertificateLints().Lints()), zlBest[i]/n, float64(zlBest[i])/float64(vpnBest))
		}
	}
}

// TestLintCost prints the most expensive zlint lints on the corpus (ZLINT_COST=1 go test
// ./zlintcheck -run TestLintCost -v). It also asserts that every lint in DefaultExcluded is
// a certificate lint.
func TestLintCost(t *testing.T) {
	for _, n := range DefaultExcluded {
		if global().CertificateLints().ByName(n) == nil {
			t.Errorf("DefaultExcluded names %s, which is not a zlint certificate lint", n)
		}
	}
	if os.Getenv("ZLINT_COST") == "" {
		t.Skip("set ZLINT_COST=1 to measure")
	}
	rsa, ec := corpus(t)
	for _, set := range []struct {
		name  string
		certs []*certcheck.Cert
	}{{"RSA", rsa}, {"ECDSA", ec}} {
		var xs []*x509.Certificate
		for _, c := range set.certs {
			xs = append(xs, c.X())
		}
		def, err := New(Config{})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range []struct {
			name  string
			costs []cost
		}{{"all lints", measureAll(xs, 3)}, {"default server set", def.measureDefault(xs, 3)}} {
			costs := m.costs
			var total time.Duration
			for _, c := range costs {
				total += c.Total
			}
			sort.Slice(costs, func(i, j int) bool { return costs[i].Total > costs[j].Total })
			t.Logf("%s, %s (%d lints): %d certificates, %v per certificate", set.name, m.name, len(costs), len(xs), total/time.Duration(costs[0].Runs))
			for _, c := range costs[:12] {
				t.Logf("  %-60s %10v per certificate", c.Name, c.Total/time.Duration(c.Runs))
			}
		}
	}
}

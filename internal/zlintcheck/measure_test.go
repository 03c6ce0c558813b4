package zlintcheck

import (
	"sort"
	"time"

	"github.com/zmap/zcrypto/x509"
	zl "github.com/zmap/zlint/v3/lint"
)

// cost is one lint's measured cost.
type cost struct {
	Name  string
	Total time.Duration
	Runs  int
}

// measureAll runs every certificate lint of zlint's whole registry on each certificate n times
// and returns the cost per lint, most expensive first (for the benchmark and docs/development.md figures).
func measureAll(certs []*x509.Certificate, n int) []cost { return measure(global(), certs, n) }

// measureDefault is measureAll over the lints l runs on server certificates.
func (l *Linter) measureDefault(certs []*x509.Certificate, n int) []cost {
	return measure(l.server, certs, n)
}

func measure(reg zl.Registry, certs []*x509.Certificate, n int) []cost {
	cfg := reg.GetConfiguration()
	var out []cost
	for _, l := range reg.CertificateLints().Lints() {
		c := cost{Name: l.Name}
		start := time.Now()
		for i := 0; i < n; i++ {
			for _, x := range certs {
				runCert(l, x, cfg, false)
				c.Runs++
			}
		}
		c.Total = time.Since(start)
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Total > out[j].Total })
	return out
}

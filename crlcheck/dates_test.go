package crlcheck

import (
	"strings"
	"testing"
	"time"

	"github.com/zmap/zcrypto/x509"
)

// TestDatesFractionalNow: with a --now that has a fraction of a second, a CRL whose date
// falls in the same second prints the fraction that decides the finding, on both sides.
func TestDatesFractionalNow(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		now, this, next string
		want            []string
	}{
		{"2024-04-01T00:00:00.5Z", "2024-03-01T00:00:00Z", "2024-04-01T00:00:00Z",
			[]string{"VPN.0080 nextUpdate 2024-04-01 00:00:00.0 UTC is before now (2024-04-01 00:00:00.5 UTC): the CRL is stale"}},
		{"2024-04-01T00:00:00.5Z", "2024-03-01T00:00:00Z", "2024-04-01T00:00:00.5Z",
			[]string{"VCL.0801 nextUpdate 2024-04-01 00:00:00 UTC is 0 days from now (warning window 7 days)"}},
		{"2024-03-31T23:59:59.5Z", "2024-03-01T00:00:00Z", "2024-04-01T00:00:00Z",
			[]string{"VCL.0801 nextUpdate 2024-04-01 00:00:00 UTC is 0 days from now (warning window 7 days)"}},
		{"2024-03-01T00:00:00.25Z", "2024-03-01T00:00:00.5Z", "2024-05-01T00:00:00Z",
			[]string{"VPN.0080 thisUpdate 2024-03-01 00:00:00.5 UTC is after now (2024-03-01 00:00:00.2 UTC)"}},
		{"2024-03-01T00:00:00.5Z", "2024-03-01T00:00:00.5Z", "2024-05-01T00:00:00Z", nil},
		{"2024-03-01T00:00:00.5Z", "2024-03-01T00:00:00.5Z", "2024-03-01T00:00:00.4Z",
			[]string{"VPN.0080 nextUpdate 2024-03-01 00:00:00.4 UTC is before thisUpdate 2024-03-01 00:00:00.5 UTC"}},
	} {
		c := &CRL{Name: "x", X: &x509.RevocationList{ThisUpdate: at(tc.this), NextUpdate: at(tc.next)}}
		var got []string
		for _, f := range checkDates(c, &Env{Now: at(tc.now), Policy: DefaultPolicy()}) {
			got = append(got, f.Code+" "+f.Detail)
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("now %s, this %s, next %s: %q, want %q", tc.now, tc.this, tc.next, got, tc.want)
		}
	}
}

package engine

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func setCodesOf(t *testing.T, paths []string, o Options) []string {
	t.Helper()
	o.Now = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	rep, err := Run(paths, o, "en")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range rep.Findings {
		out = append(out, filepath.Base(f.File)+":"+f.Code)
	}
	return out
}

// The upload-set checks run per set when SetsFor is given.
func TestUploadSets(t *testing.T) {
	demo := filepath.Join("..", "testdata", "demo-repo", "pki")
	root := filepath.Join(demo, "prod", "ca", "prod-root.pem")
	partner := filepath.Join(demo, "staging", "ca", "partner-root.pem") // the same certificate
	stagingCRL := filepath.Join(demo, "staging", "staging.crl")         // issued by the staging root
	prodCRL := filepath.Join(demo, "prod", "prod.crl")                  // issued by the prod root
	paths := []string{root, partner, prodCRL, stagingCRL}
	bySet := func(m map[string][]string) func(string) []string {
		return func(p string) []string { return m[filepath.Base(p)] }
	}
	for _, tc := range []struct {
		name string
		sets func(string) []string
		want string
	}{
		// One set: the copy is a duplicate; the staging CRL has no issuer among the CAs.
		{"one set", nil, "partner-root.pem:VPN.0077 staging.crl:VPN.0079"},
		// Two sets: no duplicate; the staging CRL is judged against the staging set only.
		{"two sets", bySet(map[string][]string{
			"prod-root.pem": {"prod"}, "prod.crl": {"prod"},
			"partner-root.pem": {"staging"}, "staging.crl": {"staging"},
		}), "staging.crl:VPN.0079"},
		// A CRL in two sets is judged in each, its findings kept once.
		{"shared crl", bySet(map[string][]string{
			"prod-root.pem": {"prod"}, "partner-root.pem": {"staging"},
			"prod.crl": {"prod", "staging"}, "staging.crl": {"staging"},
		}), "staging.crl:VPN.0079"},
		// The prod CRL in a set without its issuer.
		{"crl without issuer", bySet(map[string][]string{
			"prod-root.pem": {"prod"}, "partner-root.pem": {"prod"}, "prod.crl": {"other"}, "staging.crl": {"other"},
		}), "prod.crl:VCL.0791 partner-root.pem:VPN.0077 staging.crl:VCL.0791"},
	} {
		got := strings.Join(setCodesOf(t, paths, Options{SetsFor: tc.sets}), " ")
		if got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// RoleFor overrides --role per input.
func TestRoleFor(t *testing.T) {
	leaf := filepath.Join("..", "testdata", "demo-repo", "pki", "server", "vpn.pem")
	// As a client CA the server certificate is not a CA (VPN.0076); as a server it only
	// expires soon.
	got := strings.Join(setCodesOf(t, []string{leaf}, Options{RoleFor: func(string) string { return RoleCA }}), " ")
	if !strings.Contains(got, "VPN.0076") {
		t.Errorf("RoleFor ca: %s", got)
	}
	got = strings.Join(setCodesOf(t, []string{leaf}, Options{Role: RoleCA, RoleFor: func(string) string { return "" }}), " ")
	if !strings.Contains(got, "VPN.0076") {
		t.Errorf("RoleFor \"\" keeps Role: %s", got)
	}
	got = strings.Join(setCodesOf(t, []string{leaf}, Options{Role: RoleCA, RoleFor: func(string) string { return RoleServer }}), " ")
	if got != "vpn.pem:VCL.0721" {
		t.Errorf("RoleFor server: %s", got)
	}
}

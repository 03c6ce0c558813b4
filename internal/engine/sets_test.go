package engine

import (
	"github.com/vpncertlint/vpncertlint/lint"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/certcheck"
)

func setCodesOf(t *testing.T, paths []string, o Options) []string {
	t.Helper()
	o.Now = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	rep, err := Run(paths, o)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range findingsOf(rep) {
		out = append(out, filepath.Base(f.File)+":"+f.Code)
	}
	return out
}

// The upload-set checks run per set when SetsFor is given.
func TestUploadSets(t *testing.T) {
	demo := filepath.Join("..", "..", "testdata", "demo-repo", "pki")
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
	leaf := filepath.Join("..", "..", "testdata", "demo-repo", "pki", "server", "vpn.pem")
	// As a client CA the server certificate is not a CA (VPN.0076); as a server it only
	// expires soon.
	got := strings.Join(setCodesOf(t, []string{leaf}, Options{RoleFor: func(string) lint.Role { return lint.RoleCA }}), " ")
	if !strings.Contains(got, "VPN.0076") {
		t.Errorf("RoleFor ca: %s", got)
	}
	got = strings.Join(setCodesOf(t, []string{leaf}, Options{Role: lint.RoleCA, RoleFor: func(string) lint.Role { return "" }}), " ")
	if !strings.Contains(got, "VPN.0076") {
		t.Errorf("RoleFor \"\" keeps Role: %s", got)
	}
	got = strings.Join(setCodesOf(t, []string{leaf}, Options{Role: lint.RoleCA, RoleFor: func(string) lint.Role { return lint.RoleServer }}), " ")
	if got != "vpn.pem:VCL.0721" {
		t.Errorf("RoleFor server: %s", got)
	}
}

// ContextCAs join the sets of the inputs they share one with, ahead of the inputs' CAs;
// only set-check findings on the inputs are reported.
func TestContextCAs(t *testing.T) {
	td := filepath.Join("..", "..", "testdata")
	demo := filepath.Join(td, "demo-repo", "pki")
	root := filepath.Join(demo, "prod", "ca", "prod-root.pem")
	partner := filepath.Join(demo, "staging", "ca", "partner-root.pem") // the same certificate
	prodCRL := filepath.Join(demo, "prod", "prod.crl")                  // issued by the prod root
	expired := filepath.Join(td, "ca", "expired.pem")                   // VPN.0072 of its own
	ten := filepath.Join(td, "ca", "ten-cas.pem")
	eleven := filepath.Join(td, "ca", "eleven-cas.pem")
	other := filepath.Join(td, "pki", "root.pem") // a CA not among ten-cas/eleven-cas
	sets := func(m map[string][]string) func(string) []string {
		return func(p string) []string { return m[filepath.Base(p)] }
	}
	for _, tc := range []struct {
		name    string
		paths   []string
		context []string
		sets    func(string) []string
		want    string
	}{
		{"no context", []string{prodCRL}, nil, nil, "prod.crl:VCL.0791"},
		// The CRL's issuer is found among the context CAs; the expired CA's own finding
		// and the duplicate among context CAs are not reported.
		{"crl issuer", []string{prodCRL}, []string{expired, root, partner}, nil, ""},
		{"duplicate on the input", []string{partner}, []string{root}, nil, "partner-root.pem:VPN.0077"},
		// An input is not its own context, however its path is spelled.
		{"input itself", []string{root}, []string{"./" + filepath.ToSlash(root)}, nil, ""},
		// Context is per set: the prod root is not in the CRL's set.
		{"other set", []string{prodCRL}, []string{root}, sets(map[string][]string{
			"prod-root.pem": {"prod"}, "prod.crl": {"staging"}}), "prod.crl:VCL.0791"},
		{"same set", []string{prodCRL}, []string{root}, sets(map[string][]string{
			"prod-root.pem": {"prod", "staging"}, "prod.crl": {"prod"}}), ""},
		// The CA count: the input is the 11th (then the 12th) distinct CA of its set.
		{"ten and one", []string{other}, []string{ten}, nil, "root.pem:VPN.1111"},
		{"ten and one, at most 11", []string{other}, []string{ten}, nil, ""},
		{"eleven and one", []string{other}, []string{eleven}, nil, "root.pem:VPN.1111"},
		// Over the limit without the input, which is no CA: nothing about it.
		{"eleven and a crl", []string{prodCRL}, []string{eleven, root}, nil, ""},
	} {
		policy := certcheck.DefaultPolicy()
		if strings.HasSuffix(tc.name, "at most 11") {
			policy.MaxClientCAs = 11
		}
		rep, err := Run(tc.paths, Options{ContextCAs: tc.context, SetsFor: tc.sets, CertPolicy: policy,
			Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range findingsOf(rep) {
			got = append(got, filepath.Base(f.File)+":"+f.Code)
			if f.Code == "VPN.1111" && tc.name == "eleven and one" && !strings.Contains(f.Detail, "12 distinct") {
				t.Errorf("%s: %s", tc.name, f.Detail)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, g, tc.want)
		}
		if len(filesOf(rep)) != len(tc.paths) {
			t.Errorf("%s: %d files in the report, want the %d inputs", tc.name, len(filesOf(rep)), len(tc.paths))
		}
	}
}

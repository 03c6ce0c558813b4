package zlintcheck

import (
	"os"
	"strings"
	"testing"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/internal/pemscan"
	"github.com/vpncertlint/vpncertlint/lint"
	zl "github.com/zmap/zlint/v3/lint"
)

func has(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// sourcesOf returns the sources of the lints in names, and the names per source.
func sourcesOf(t *testing.T, names []string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, n := range names {
		s, ok := source(n)
		if !ok {
			t.Fatalf("%s: no such lint", n)
		}
		out[string(s)] = append(out[string(s)], n)
	}
	return out
}

// TestSelection: the default profile (private) runs RFC5280 and Community less
// PrivateExcluded on every role, plus PrivateServerLints (and nothing else of CABF_BR or any
// other source) on server certificates.
func TestSelection(t *testing.T) {
	for _, cfg := range []Config{{}, {Profile: ProfilePrivate}} {
		l, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		ca, server := l.Names(certcheck.RoleCA), l.Names(certcheck.RoleServer)
		if len(ca) == 0 || len(server) != len(ca)+len(PrivateServerLints) {
			t.Fatalf("%+v: %d CA lints, %d server lints", cfg, len(ca), len(server))
		}
		for src, names := range sourcesOf(t, ca) {
			if src != "RFC5280" && src != "Community" {
				t.Errorf("%+v: CA certificates run %s lints %v", cfg, src, names)
			}
		}
		for src, names := range sourcesOf(t, server) {
			switch src {
			case "RFC5280", "Community":
			case "CABF_BR":
				if strings.Join(names, ",") != strings.Join(PrivateServerLints, ",") {
					t.Errorf("%+v: server certificates run CABF_BR lints %v, want only %v", cfg, names, PrivateServerLints)
				}
			default:
				t.Errorf("%+v: server certificates run %s lints %v", cfg, src, names)
			}
		}
		for _, n := range PrivateServerLints {
			if has(ca, n) || !has(server, n) {
				t.Errorf("%+v: %s must run on server certificates only", cfg, n)
			}
		}
		for _, n := range append(append([]string{"e_ext_san_missing", "e_sub_cert_aia_missing", "w_subject_common_name_included"}, PrivateExcluded...), DefaultExcluded...) {
			if has(ca, n) || has(server, n) {
				t.Errorf("%+v: %s is in the default selection", cfg, n)
			}
		}
		for _, n := range []string{"e_ext_duplicate_extension", "e_subject_common_name_max_length", "e_san_dns_name_includes_null_char"} {
			if !has(ca, n) || !has(server, n) {
				t.Errorf("%+v: %s (RFC5280, Community) must run on every role", cfg, n)
			}
		}
		if crl := l.crl.RevocationListLints().Lints(); len(crl) == 0 {
			t.Errorf("%+v: no CRL lint", cfg)
		}
	}
	l, err := New(Config{Include: []string{"e_rsa_fermat_factorization", "e_basic_constraints_not_critical"}, Exclude: []string{"e_ext_duplicate_extension"}})
	if err != nil {
		t.Fatal(err)
	}
	if ca := l.Names(certcheck.RoleCA); !has(ca, "e_rsa_fermat_factorization") || !has(ca, "e_basic_constraints_not_critical") || has(ca, "e_ext_duplicate_extension") {
		t.Error("--zlint-include / --zlint-exclude not applied")
	}
	l, err = New(Config{IncludeSources: []string{"Community"}})
	if err != nil {
		t.Fatal(err)
	}
	if s := l.Names(certcheck.RoleServer); has(s, "e_ext_san_missing") || has(s, "e_ext_duplicate_extension") || !has(s, "e_sub_cert_eku_missing") || has(s, "n_san_iana_pub_suffix_empty") {
		t.Error("--zlint-include-sources must replace the profile's sources, and keep its own lints and exclusions")
	}
	l, err = New(Config{IncludeSources: []string{"RFC5280", "Community", "CABF_BR"}})
	if err != nil {
		t.Fatal(err)
	}
	if ca := l.Names(certcheck.RoleCA); !has(ca, "e_ca_key_usage_missing") || !has(ca, "e_sub_cert_eku_missing") {
		t.Error("--zlint-include-sources CABF_BR must run CABF_BR on every role")
	}
	l, err = New(Config{ExcludeSources: []string{"RFC5280", "Community", "CABF_BR"}})
	if err != nil {
		t.Fatal(err)
	}
	if s := l.Names(certcheck.RoleServer); len(s) != 0 {
		t.Errorf("every default source excluded, yet %d lints run: %v", len(s), s)
	}
	for _, bad := range []Config{{IncludeSources: []string{"RFC9999"}}, {Exclude: []string{"e_no_such_lint"}}, {Profile: "web"}, {Profile: "Private"}} {
		if _, err := New(bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}

// TestWebPKIProfile: the webpki profile is the selection of before issue 11 item 4: RFC5280
// and Community on every role (nothing left out but DefaultExcluded), plus the whole of CABF_BR
// on server certificates.
func TestWebPKIProfile(t *testing.T) {
	l, err := New(Config{Profile: ProfileWebPKI})
	if err != nil {
		t.Fatal(err)
	}
	ca, server := l.Names(certcheck.RoleCA), l.Names(certcheck.RoleServer)
	if has(ca, "e_ext_san_missing") || !has(server, "e_ext_san_missing") {
		t.Error("CABF_BR lints must run on server certificates only")
	}
	for _, n := range append(append([]string(nil), PrivateExcluded...), "e_basic_constraints_not_critical") {
		if !has(ca, n) || !has(server, n) {
			t.Errorf("%s must run with the webpki profile", n)
		}
	}
	for _, n := range DefaultExcluded {
		if has(server, n) {
			t.Errorf("slow lint %s is in the webpki selection", n)
		}
	}
	srcs := sourcesOf(t, server)
	want := 0
	for _, n := range global().Names() {
		s, _ := source(n)
		if s == zl.CABFBaselineRequirements && !has(DefaultExcluded, n) {
			want++
		}
	}
	if len(srcs["CABF_BR"]) != want {
		t.Errorf("webpki runs %d CABF_BR lints on server certificates, want all %d", len(srcs["CABF_BR"]), want)
	}
	for src, names := range sourcesOf(t, ca) {
		if src != "RFC5280" && src != "Community" {
			t.Errorf("CA certificates run %s lints %v", src, names)
		}
	}
	if _, ok := srcs["CABF_EV"]; ok {
		t.Error("CABF_EV runs with the webpki profile")
	}
	// The two profiles differ exactly by PrivateExcluded, CABF_BR and PrivateServerLints.
	p, _ := New(Config{})
	if got, want := len(l.Names(certcheck.RoleCA))-len(p.Names(certcheck.RoleCA)), len(PrivateExcluded); got != want {
		t.Errorf("webpki runs %d more lints on CA certificates than private, want %d", got, want)
	}
}

func TestSeverityMapping(t *testing.T) {
	for st, want := range map[zl.LintStatus]lint.Severity{zl.Fatal: lint.Warning, zl.Error: lint.Warning, zl.Warn: lint.Warning, zl.Notice: lint.Notice} {
		if got, ok := Severity(st); !ok || got != want {
			t.Errorf("%v → %v, want %v", st, got, want)
		}
	}
	for _, st := range []zl.LintStatus{zl.Pass, zl.NA, zl.NE, zl.Reserved} {
		if _, ok := Severity(st); ok {
			t.Errorf("%v is reported", st)
		}
	}
}

func TestCatalogue(t *testing.T) {
	c, ok := lint.Lookup("zlint.e_basic_constraints_not_critical")
	if !ok {
		t.Fatal("zlint lints are not in the catalogue")
	}
	if c.Source != lint.SourceZlint || c.Severity == lint.Error || !strings.Contains(c.DescEN, "RFC 5280") {
		t.Errorf("catalogue entry: %+v", c)
	}
}

func TestCertFindings(t *testing.T) {
	data, err := os.ReadFile("../../testdata/zlint/ca-bc-not-critical.pem")
	if err != nil {
		t.Fatal(err)
	}
	b := pemscan.Scan(data).Blocks[0]
	c := certcheck.NewCert(b.Bytes, "ca.pem", b.BeginLine, "ca.pem")
	c.Role = certcheck.RoleCA
	l, _ := New(Config{Profile: ProfileWebPKI})
	fs := l.Cert(c)
	if len(fs) != 1 || fs[0].Code != "zlint.e_basic_constraints_not_critical" || fs[0].Severity != lint.Warning {
		t.Fatalf("findings %+v", fs)
	}
	// The message is the lint's description, the detail zlint's details and the citation:
	// neither repeats the file (the location has it) nor zlint's status (the severity has it).
	f := fs[0]
	if m := f.Text("en").Message; m != "basicConstraints MUST appear as a critical extension" {
		t.Errorf("message %q", m)
	}
	if f.Detail != "Basic Constraints extension is marked as non-critical; RFC 5280: 4.2.1.9" {
		t.Errorf("detail %q", f.Detail)
	}
	l, _ = New(Config{})
	if fs := l.Cert(c); len(fs) != 0 {
		t.Fatalf("private profile: findings %+v", fs)
	}
	var nilLinter *Linter
	if nilLinter.Cert(c) != nil {
		t.Error("a nil Linter (--no-zlint) reported findings")
	}
}

// TestStableDetails: zlint prints key usage lists in map order; the detail sorts them.
func TestStableDetails(t *testing.T) {
	for in, want := range map[string]string{
		"KeyUsage [KeyEncipherment DigitalSignature] (00000101) inconsistent with ExtKeyUsage codeSigning": "KeyUsage [DigitalSignature KeyEncipherment] (00000101) inconsistent with ExtKeyUsage codeSigning",
		"The following extensions are duplicated: 2.5.29.35, 2.5.29.14":                                    "The following extensions are duplicated: 2.5.29.14, 2.5.29.35",
		"KeyUsage [] (00000000) is not allowed":                                                            "KeyUsage [] (00000000) is not allowed",
		"Certificate had unexpected key usage(s): KeyUsageCertSign, KeyUsageCRLSign":                       "Certificate had unexpected key usage(s): KeyUsageCertSign, KeyUsageCRLSign",
	} {
		if got := stableDetails(in); got != want {
			t.Errorf("stableDetails(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDeterministicDetails: certificates on which zlint's details depended on Go's map order
// (two bad extensions; duplicated extensions; key usage lists) give the same findings in 30
// runs. The certificates are from the third-party corpus (skipped without ../shared).
func TestDeterministicDetails(t *testing.T) {
	l, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"frshCRLNotCritical.pem", "multDupeExts.pem", "code_signing/containsNotRecommendedKeyUsage.pem", "code_signing/containsProhibitedKeyUsage.pem"} {
		data, err := os.ReadFile("../../../shared/corpus/zlint-testdata/" + name)
		if os.IsNotExist(err) {
			t.Skip("no ../shared/corpus")
		} else if err != nil {
			t.Fatal(err)
		}
		var first string
		for run := 0; run < 30; run++ {
			var got strings.Builder
			for _, b := range pemscan.Scan(data).Blocks {
				if b.Type != "CERTIFICATE" {
					continue
				}
				for _, role := range []certcheck.Role{certcheck.RoleCA, certcheck.RoleServer} {
					c := certcheck.NewCert(b.Bytes, name, b.BeginLine, name)
					c.Role = role
					for _, f := range l.Cert(c) {
						got.WriteString(f.Code + " " + f.Detail + "\n")
					}
				}
			}
			if run == 0 {
				first = got.String()
				if first == "" {
					t.Fatalf("%s: no findings", name)
				}
			} else if got.String() != first {
				t.Fatalf("%s: run %d differs:\n%s\nfirst:\n%s", name, run, got.String(), first)
			}
		}
	}
}

func TestDetail(t *testing.T) {
	m := zl.LintMetadata{Citation: "BRs: 7.1.2.3"}
	for _, c := range []struct {
		res  zl.LintResult
		want string
	}{
		{zl.LintResult{Status: zl.Error}, "BRs: 7.1.2.3"},
		{zl.LintResult{Status: zl.Warn, Details: "why"}, "why; BRs: 7.1.2.3"},
		{zl.LintResult{Status: zl.Notice, Details: "why"}, "why; BRs: 7.1.2.3"},
		{zl.LintResult{Status: zl.Fatal, Details: "it panicked: x"}, "the lint could not run (zlint fatal); it panicked: x; BRs: 7.1.2.3"},
	} {
		if got := detail(m, &c.res); got != c.want {
			t.Errorf("%v %q: detail %q, want %q", c.res.Status, c.res.Details, got, c.want)
		}
	}
	if got := detail(zl.LintMetadata{}, &zl.LintResult{Status: zl.Error, Details: "why"}); got != "why" {
		t.Errorf("no citation: %q", got)
	}
}

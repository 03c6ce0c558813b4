package zlintcheck

import (
	"os"
	"strings"
	"testing"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/lint"
	"github.com/vpncertlint/vpncertlint/pemscan"
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

func TestSelection(t *testing.T) {
	l, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	ca, server := l.Names(certcheck.RoleCA), l.Names(certcheck.RoleServer)
	if len(ca) == 0 || len(server) <= len(ca) {
		t.Fatalf("default selection: %d CA lints, %d server lints", len(ca), len(server))
	}
	if has(ca, "e_ext_san_missing") || !has(server, "e_ext_san_missing") {
		t.Error("CABF_BR lints must run on server certificates only")
	}
	if !has(ca, "e_basic_constraints_not_critical") {
		t.Error("RFC5280 lints must run on CA certificates")
	}
	for _, n := range DefaultExcluded {
		if has(server, n) {
			t.Errorf("slow lint %s is in the default selection", n)
		}
	}
	l, err = New(Config{Include: []string{"e_rsa_fermat_factorization"}, Exclude: []string{"e_basic_constraints_not_critical"}})
	if err != nil {
		t.Fatal(err)
	}
	if ca := l.Names(certcheck.RoleCA); !has(ca, "e_rsa_fermat_factorization") || has(ca, "e_basic_constraints_not_critical") {
		t.Error("--zlint-include / --zlint-exclude not applied")
	}
	l, err = New(Config{IncludeSources: []string{"Community"}})
	if err != nil {
		t.Fatal(err)
	}
	if s := l.Names(certcheck.RoleServer); has(s, "e_ext_san_missing") || has(s, "e_basic_constraints_not_critical") {
		t.Error("--zlint-include-sources must replace the defaults")
	}
	l, err = New(Config{ExcludeSources: []string{"RFC5280", "Community", "CABF_BR"}})
	if err != nil {
		t.Fatal(err)
	}
	if s := l.Names(certcheck.RoleServer); len(s) != 0 {
		t.Errorf("every default source excluded, yet %d lints run", len(s))
	}
	for _, bad := range []Config{{IncludeSources: []string{"RFC9999"}}, {Exclude: []string{"e_no_such_lint"}}} {
		if _, err := New(bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
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
	data, err := os.ReadFile("../testdata/zlint/ca-bc-not-critical.pem")
	if err != nil {
		t.Fatal(err)
	}
	b := pemscan.Scan(data).Blocks[0]
	c := certcheck.NewCert(b.Bytes, "ca.pem", b.BeginLine, "ca.pem")
	c.Role = certcheck.RoleCA
	l, _ := New(Config{})
	fs := l.Cert(c)
	if len(fs) != 1 || fs[0].Code != "zlint.e_basic_constraints_not_critical" || fs[0].Severity != lint.Warning {
		t.Fatalf("findings %+v", fs)
	}
	// The message is the lint's description, the detail zlint's details and the citation:
	// neither repeats the file (the location has it) nor zlint's status (the severity has it).
	f := fs[0]
	f.Resolve("en")
	if f.Message != "basicConstraints MUST appear as a critical extension" {
		t.Errorf("message %q", f.Message)
	}
	if f.Detail != "Basic Constraints extension is marked as non-critical; RFC 5280: 4.2.1.9" {
		t.Errorf("detail %q", f.Detail)
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
		data, err := os.ReadFile("../../shared/corpus/zlint-testdata/" + name)
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

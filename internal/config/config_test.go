package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/report"
	// The engine links every family of checks, so their codes are in the catalogue that a
	// configuration's codes are validated against (as in the program).
	_ "github.com/vpncertlint/vpncertlint/internal/engine"
	"github.com/vpncertlint/vpncertlint/lint"
)

func mustParse(t *testing.T, text string) *Config {
	t.Helper()
	c, err := Parse([]byte(text), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c.Dir = "/repo"
	return c
}

func TestFindInParents(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, _ := Find(sub); got != "" {
		t.Fatalf("found %q with no configuration", got)
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := Find(sub); got != filepath.Join(dir, FileName) {
		t.Errorf("Find = %q", got)
	}
}

func TestRolesAndSets(t *testing.T) {
	c := mustParse(t, `version: 1
roles:
  server: "pki/server/*.pem"
  body: ["servers/*.json"]
sets:
  - name: prod
    ca: ["pki/prod/**/*.pem"]
    crl: pki/prod/*.crl
  - name: shared
    ca: ["pki/prod/ca/shared.pem"]
`)
	for path, want := range map[string]lint.Role{
		"/repo/pki/server/vpn.pem":       "server",
		"/repo/pki/prod/ca/x/deep.pem":   "ca",
		"/repo/pki/prod/p.crl":           "crl",
		"/repo/servers/prod.json":        "body",
		"/repo/README.md":                "",
		"/elsewhere/pki/server/vpn.pem":  "",
		"/repo/pki/prod/ca/x/deep.pem.x": "",
	} {
		if got := c.RoleFor(path); got != want {
			t.Errorf("RoleFor(%s) = %q, want %q", path, got, want)
		}
	}
	for path, want := range map[string]string{
		"/repo/pki/prod/ca/shared.pem": "prod,shared",
		"/repo/pki/prod/p.crl":         "prod",
		"/repo/pki/server/vpn.pem":     DefaultSet,
	} {
		if got := strings.Join(c.SetsFor(path), ","); got != want {
			t.Errorf("SetsFor(%s) = %q, want %q", path, got, want)
		}
	}
}

func TestPolicyOverrides(t *testing.T) {
	c := mustParse(t, `version: 1
roles: {ca: ["*.pem"]}
policy:
  rsa_min_bits: 3072
  rsa_risky_bits: []
  curves_warn: [p-384]
  curves_ok: [P-256]
  expiry_warning_days: 60
  crl_next_update_warning_days: 3
  max_client_cas: 5
`)
	p := c.CertPolicy()
	if p.RSAMinBits != 3072 || len(p.RSARiskyBits) != 0 || len(p.RSARecommendedBits) != 2 {
		t.Errorf("cert policy %+v", p)
	}
	if strings.Join(p.CurvesWarn, ",") != "P-384" || strings.Join(p.CurvesOK, ",") != "P-256" || p.ExpiryWarnDays != 60 || p.MaxClientCAs != 5 {
		t.Errorf("cert policy %+v", p)
	}
	if c.CRLPolicy().NextUpdateWarnDays != 3 {
		t.Errorf("crl policy %+v", c.CRLPolicy())
	}
	var none *Config
	if none.CertPolicy().RSAMinBits != 2048 || none.CRLPolicy().NextUpdateWarnDays != 7 {
		t.Error("a nil configuration must give the defaults")
	}
}

func TestApply(t *testing.T) {
	c := mustParse(t, `version: 1
roles: {ca: ["**/*.pem"]}
policy:
  severity:
    VCL.0701: error
    VCL.9001: error
ignore:
  - code: VCL.0721
    path: "pki/a.pem"
    sha256: "AA:`+strings.Repeat("aa", 31)+`"
    reason: "pinned to one certificate"
  - code: VCL.0743
    path: "pki/**"
    reason: "pasted text is fine"
    expires: 2026-05-31
  - code: VPN.0072
    path: "nowhere/**"
    reason: "never matches"
    expires: 2026-06-01
`)
	sha := strings.Repeat("aa", 32)
	f := func(code, file string, sha string) lint.Finding {
		return lint.New(code, "").At(file, 1).About(lint.Object{SHA256: sha})
	}
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	if err := c.Apply(report.New(report.Tool{}, now, report.Options{}), now, true, ".vpncertlint.yaml"); err == nil {
		t.Error("Apply on a report made without the configuration's Processors")
	}
	rep := report.New(report.Tool{}, time.Time{}, report.Options{Processors: c.Processors()})
	if err := rep.Add(
		f("VCL.0721", "/repo/pki/a.pem", sha),      // waived (sha matches)
		f("VCL.0721", "/repo/pki/a.pem", "bb"),     // kept: another certificate
		f("VCL.0743", "/repo/pki/sub/b.pem", ""),   // waived by an expired waiver
		f("VCL.0701", "/repo/pki/a.pem", sha),      // severity raised to error
		f("VCL.0743", "/repo/other/c.pem", ""),     // kept: path does not match
		f("VCL.0721", "/elsewhere/pki/a.pem", sha), // kept: outside the repository
	); err != nil {
		t.Fatal(err)
	}
	if err := c.Apply(rep, now, true, ".vpncertlint.yaml"); err != nil {
		t.Fatal(err)
	}
	var got []string
	all, _ := rep.AllFindings()
	for _, f := range all {
		got = append(got, f.Code+"/"+f.Severity.String()+"@"+f.File)
	}
	joined := strings.Join(got, " ")
	for _, w := range []string{
		"VCL.9001/error@.vpncertlint.yaml", "VCL.9002/notice@.vpncertlint.yaml",
		"VCL.0721/warning@/repo/pki/a.pem", "VCL.0701/error@/repo/pki/a.pem",
		"VCL.0743/warning@/repo/other/c.pem", "VCL.0721/warning@/elsewhere/pki/a.pem",
	} {
		if !strings.Contains(joined, w) {
			t.Errorf("missing %s in %s", w, joined)
		}
	}
	if len(all) != 6 || len(rep.Waived()) != 2 || rep.Summary().Waived != 2 || rep.Summary().Error != 2 {
		t.Errorf("findings %s, waived %d, summary %+v", joined, len(rep.Waived()), rep.Summary())
	}
	if w := rep.Waived()[1]; w.Code != "VCL.0743" || !w.Waived || w.Reason != "pasted text is fine" || w.Expires != "2026-05-31" {
		t.Errorf("waived entry %+v", w)
	}
	if strings.Count(joined, "VCL.9001") != 1 {
		t.Errorf("only the waiver that expired before today is reported: %s", joined)
	}

	// A partial run (files named on the command line) does not call waivers unused.
	rep2 := report.New(report.Tool{}, time.Time{}, report.Options{Processors: c.Processors()})
	if err := c.Apply(rep2, now, false, ".vpncertlint.yaml"); err != nil {
		t.Fatal(err)
	}
	if codes := rep2.Codes(); slices.Contains(codes, "VCL.9002") || !slices.Contains(codes, "VCL.9001") {
		t.Errorf("a partial run: %v, want VCL.9001 alone", codes)
	}
}

// TestApplyOwnFindingsNotWaived: the configuration's own findings take its severity
// overrides but no waiver, even one that names them and the configuration file.
func TestApplyOwnFindingsNotWaived(t *testing.T) {
	c := mustParse(t, `version: 1
roles: {ca: ["**/*.pem"]}
policy:
  severity:
    VCL.9002: warning
ignore:
  - code: VCL.9002
    path: "**"
    reason: "try to hide the unused-waiver notice"
`)
	rep := report.New(report.Tool{}, time.Time{}, report.Options{Processors: c.Processors()})
	if err := c.Apply(rep, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), true, "/repo/.vpncertlint.yaml"); err != nil {
		t.Fatal(err)
	}
	fs, _ := rep.AllFindings()
	if len(fs) != 1 || fs[0].Code != "VCL.9002" || fs[0].Severity != lint.Warning || len(rep.Waived()) != 0 {
		t.Errorf("findings %+v, waived %+v", fs, rep.Waived())
	}
}

func TestGateway(t *testing.T) {
	c := mustParse(t, "version: 1\nroles: {ca: [\"*.pem\"]}\ngateway:\n  max_connections: 50\n  vpc_routes: [10.0.0.0/16, 192.168.0.0/24]\n")
	if c.Gateway.MaxConnections != 50 || len(c.Gateway.Routes()) != 2 || c.Gateway.Routes()[1].String() != "192.168.0.0/24" {
		t.Errorf("gateway %+v", c.Gateway)
	}
	for _, bad := range []string{"max_connections: 0x", "max_connections: 501", "vpc_routes: [10.0.0.0]", "vpc_routes: [\"::/0\"]", "vpc_route: []"} {
		if _, err := Parse([]byte("version: 1\nroles: {ca: [\"*.pem\"]}\ngateway:\n  "+bad+"\n"), "g.yaml"); err == nil || !strings.HasPrefix(err.Error(), "g.yaml:4: ") {
			t.Errorf("%s: err %v, want one at g.yaml:4", bad, err)
		}
	}
}

// ClientCAs lists the files whose only role is ca: roles.ca and sets' ca patterns, not CRLs,
// servers, hidden directories, nor a file whose patterns conflict.
func TestClientCAs(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"pki/ca/a.pem", "pki/set/b.pem", "pki/ca/both.pem", "pki/x.crl", "pki/server/s.pem", ".hidden/ca/c.pem"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := mustParse(t, "version: 1\nroles:\n  ca: [\"**/ca/*.pem\"]\n  server: [\"pki/server/*.pem\", \"pki/ca/both.pem\"]\n  crl: [\"**/*.crl\"]\nsets:\n  - name: s\n    ca: [\"pki/set/*.pem\"]\n")
	c.Dir = dir
	got, err := c.ClientCAs()
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		got[i] = filepath.ToSlash(strings.TrimPrefix(got[i], dir+string(filepath.Separator)))
	}
	if g := strings.Join(got, " "); g != "pki/ca/a.pem pki/set/b.pem" {
		t.Errorf("ClientCAs: %s", g)
	}
	if _, err := c.Files(); err == nil || !strings.Contains(err.Error(), "pki/ca/both.pem matches the patterns of roles ca and server") {
		t.Errorf("Files: %v", err)
	}
}

// TestZlintProfile: the zlint section's profile key is read (its value is checked when the
// run starts, by zlintcheck, like sources and lint names).
func TestZlintProfile(t *testing.T) {
	c := mustParse(t, "version: 1\nroles: {ca: [\"*.pem\"]}\nzlint:\n  profile: webpki\n  exclude: [e_ext_duplicate_extension]\n")
	if c.Zlint.Profile != "webpki" || len(c.Zlint.Exclude) != 1 {
		t.Errorf("zlint section: %+v", c.Zlint)
	}
	if c := mustParse(t, "version: 1\nroles: {ca: [\"*.pem\"]}\n"); c.Zlint.Profile != "" {
		t.Errorf("no zlint section: profile %q", c.Zlint.Profile)
	}
	if _, err := Parse([]byte("version: 1\nroles: {ca: [\"*.pem\"]}\nzlint:\n  profiles: webpki\n"), "z.yaml"); err == nil {
		t.Error("a misspelt key of the zlint section is accepted")
	}
}

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Named files checked with a project configuration (what the vpncertlint-files pre-commit
// hook runs) are judged with the other client CAs of their upload sets, read as context:
// the same set checks as the run over the whole repository, nothing reported about the
// context files themselves.

// contextRepo builds a repository with two upload sets and returns its directory:
//
//	prod:    pki/prod/ca/{root,copy,expired}.pem (copy = root), pki/prod/{good,wrong-issuer}.crl
//	staging: pki/staging/ca/other.pem, pki/staging/root-issued.crl (issued by the prod root)
//	big:     pki/big/ca/ten.pem (ten CAs in one file), pki/big/ca/new.pem, pki/big/big.crl
func contextRepo(t *testing.T) string {
	t.Helper()
	repo := filepath.Join(t.TempDir(), "repo")
	for dst, src := range map[string]string{
		"pki/prod/ca/root.pem":        "pki/root.pem",
		"pki/prod/ca/copy.pem":        "pki/root.pem",
		"pki/prod/ca/expired.pem":     "ca/expired.pem",
		"pki/prod/good.crl":           "crl/good.crl",
		"pki/prod/wrong-issuer.crl":   "crl/other-issuer.crl",
		"pki/staging/ca/other.pem":    "pki/other-ca.pem",
		"pki/staging/root-issued.crl": "crl/good.crl",
		"pki/big/ca/ten.pem":          "ca/ten-cas.pem",
		"pki/big/ca/new.pem":          "pki/root.pem",
		"pki/big/big.crl":             "crl/good.crl",
	} {
		data, err := os.ReadFile(filepath.Join("testdata", filepath.FromSlash(src)))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(repo, filepath.FromSlash(dst))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := `version: 1
sets:
  - name: prod
    ca: ["pki/prod/ca/*.pem"]
    crl: ["pki/prod/*.crl"]
  - name: staging
    ca: ["pki/staging/ca/*.pem"]
    crl: ["pki/staging/*.crl"]
  - name: big
    ca: ["pki/big/ca/*.pem"]
    crl: ["pki/big/*.crl"]
`
	if err := os.WriteFile(filepath.Join(repo, ".vpncertlint.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return repo
}

// findingLines are the text report's finding lines.
func findingLines(out string) []string {
	var got []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, ": VPN.") || strings.Contains(l, ": VCL.") || strings.Contains(l, ": zlint.") {
			got = append(got, l)
		}
	}
	return got
}

func TestNamedFilesSeeTheirUploadSets(t *testing.T) {
	repo := contextRepo(t)
	t.Chdir(repo)
	for _, tc := range []struct {
		args []string
		code int
		want []string // the finding lines, each a prefix
	}{
		// A CRL committed alone: its issuer is not a CA of its set (VCL.0791 before: no CA).
		{[]string{"pki/prod/wrong-issuer.crl"}, 1, []string{
			`pki/prod/wrong-issuer.crl:1: VPN.0079 error: Invalid content of the CRL wrong-issuer.crl. (issuer "CN=vpncertlint Other CA" is not the subject of any of the 2 client CAs in the upload set)`}},
		// Its issuer is in the set: nothing, and nothing about the set's other files (the
		// expired CA's VPN.0072, the duplicate copy.pem).
		{[]string{"pki/prod/good.crl"}, 0, nil},
		// The prod root is in another set.
		{[]string{"pki/staging/root-issued.crl"}, 1, []string{
			`pki/staging/root-issued.crl:1: VPN.0079 error: Invalid content of the CRL root-issued.crl. (issuer "CN=vpncertlint Test Root CA" is not the subject of any of the 1 client CAs in the upload set)`}},
		// A duplicate of an uncommitted member is reported on the named file, either way.
		{[]string{"pki/prod/ca/copy.pem"}, 1, []string{
			`pki/prod/ca/copy.pem:1: VPN.0077 error: Duplicate certificate: copy.pem. (same certificate (SHA-256 637632386bda5849…) as pki/prod/ca/root.pem:1)`}},
		{[]string{"./pki/prod/ca/root.pem"}, 1, []string{
			`./pki/prod/ca/root.pem:1: VPN.0077 error: Duplicate certificate: root.pem. (same certificate (SHA-256 637632386bda5849…) as pki/prod/ca/copy.pem:1)`}},
		// The 11th CA of its set.
		{[]string{"pki/big/ca/new.pem"}, 1, []string{
			`pki/big/ca/new.pem:1: VPN.1111 error:`}},
		{[]string{"pki/big/big.crl"}, 0, nil},
		// Several committed files (as pre-commit passes them), in two sets.
		{[]string{"pki/prod/good.crl", "pki/staging/ca/other.pem", "pki/prod/wrong-issuer.crl"}, 1, []string{
			`pki/prod/wrong-issuer.crl:1: VPN.0079 error:`}},
		// Both copies named: the later one is the duplicate.
		{[]string{"pki/prod/ca/root.pem", "pki/prod/ca/copy.pem"}, 1, []string{
			`pki/prod/ca/copy.pem:1: VPN.0077 error:`}},
	} {
		out, errOut, code := gateRun(t, tc.args...)
		got := findingLines(out)
		ok := code == tc.code && len(got) == len(tc.want)
		for i := 0; ok && i < len(got); i++ {
			ok = strings.HasPrefix(got[i], tc.want[i])
		}
		if !ok {
			t.Errorf("check %s: exit %d, want %d; findings:\n%s\nwant:\n%s\nstderr: %s", strings.Join(tc.args, " "), code, tc.code,
				strings.Join(got, "\n"), strings.Join(tc.want, "\n"), errOut)
		}
		if n := len(tc.args); !strings.Contains(out, " in "+plural(n, "input")+" (") {
			t.Errorf("check %s: the context files are counted as inputs:\n%s", strings.Join(tc.args, " "), out)
		}
	}

	// JSON lists only the named files.
	out, _, code := gateRun(t, "--format", "json", "pki/prod/good.crl")
	var rep struct {
		Files []struct{ File string } `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 {
		t.Fatalf("json: exit %d, %v\n%s", code, err, out)
	}
	if len(rep.Files) != 1 || rep.Files[0].File != "pki/prod/good.crl" {
		t.Errorf("json files: %+v", rep.Files)
	}

	// From a subdirectory, paths relative to it.
	t.Chdir(filepath.Join(repo, "pki"))
	out, _, code = gateRun(t, "prod/ca/copy.pem", "prod/wrong-issuer.crl")
	if code != 1 || !strings.Contains(out, "prod/ca/copy.pem:1: VPN.0077 error: Duplicate certificate: copy.pem. (same certificate (SHA-256 637632386bda5849…) as prod/ca/root.pem:1)") ||
		!strings.Contains(out, "prod/wrong-issuer.crl:1: VPN.0079 error:") {
		t.Errorf("from pki/: exit %d\n%s", code, out)
	}

	// A context file that cannot be read leaves the set checks incomplete: an I/O error.
	t.Chdir(repo)
	out, _, code = gateRun(t, "--max-file-size", "1000", "pki/prod/good.crl")
	if code != 2 || !strings.Contains(out, "pki/prod/ca/root.pem: I/O error: larger than the size limit") {
		t.Errorf("unreadable context: exit %d\n%s", code, out)
	}

	// Without the configuration the named CRL has no CA.
	out, _, code = gateRun(t, "--no-config", "pki/prod/wrong-issuer.crl")
	if code != 0 || !strings.Contains(out, "VCL.0791") {
		t.Errorf("--no-config: exit %d\n%s", code, out)
	}
}

// The demo repository's CRLs, committed alone, are verified with their sets' roots; the
// partner root shared by prod and staging is not a duplicate across sets (the one finding is
// the configuration's expired waiver).
func TestNamedFilesDemoRepo(t *testing.T) {
	t.Chdir(filepath.Join("testdata", "demo-repo"))
	for _, f := range []string{"pki/prod/prod.crl", "pki/staging/staging.crl", "pki/staging/ca/partner-root.pem"} {
		out, errOut, code := gateRun(t, f)
		got := findingLines(out)
		if code != 0 || len(got) != 1 || !strings.Contains(got[0], "VCL.9001") {
			t.Errorf("check %s: exit %d\n%s%s", f, code, out, errOut)
		}
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return itoa(n) + " " + word + "s"
}

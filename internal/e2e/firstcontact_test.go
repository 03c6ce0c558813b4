package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vpncertlint/vpncertlint/cmd"
	jsonreport "github.com/vpncertlint/vpncertlint/internal/output/json"
	"github.com/vpncertlint/vpncertlint/lint"
)

// First contact (issue 11): the gate on day one and the small things a new user meets.

func fcRun(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cmd.Execute(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func fcChdir(t *testing.T, dir string) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(wd) })
}

func fcFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A configuration whose patterns match nothing yet passes, with a note; once a file matches,
// it is checked.
func TestFirstContactConfigMatchesNothing(t *testing.T) {
	ca := fcFixture(t, "ca/expired.pem")
	dir := t.TempDir()
	fcChdir(t, dir)
	if _, errb, code := fcRun(t, "", "init"); code != 0 {
		t.Fatalf("init: exit %d: %s", code, errb)
	}
	for _, format := range []string{"text", "json", "sarif"} {
		out, errb, code := fcRun(t, "", "check", "--format", format)
		if code != 0 {
			t.Errorf("%s: exit %d, want 0 before any certificate\n%s%s", format, code, out, errb)
		}
		if !strings.Contains(errb, "note: no file in . matches the patterns of .vpncertlint.yaml yet") {
			t.Errorf("%s: no note on stderr: %q", format, errb)
		}
		if format != "text" && !json.Valid([]byte(out)) {
			t.Errorf("%s: not a report: %s", format, out)
		}
	}
	if err := os.MkdirAll(filepath.Join("pki", "prod", "ca"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("pki", "prod", "ca", "old.pem"), ca, 0o644); err != nil {
		t.Fatal(err)
	}
	out, errb, code := fcRun(t, "", "check", "--now", testNow)
	if code != 1 || !strings.Contains(out, "VPN.0072") || strings.Contains(errb, "note:") {
		t.Errorf("a matching file: exit %d\n%s%s", code, out, errb)
	}
}

// A directory PATH in which nothing is checked is a usage error naming it, unless
// --allow-empty; a directory with one certificate, or a server body among other JSON, is not.
func TestFirstContactEmptyPath(t *testing.T) {
	body := fcFixture(t, "body/update-valid.json")
	dir := t.TempDir()
	mk := func(name string, files map[string][]byte) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		for n, b := range files {
			if err := os.WriteFile(filepath.Join(p, n), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
	empty := mk("empty", nil)
	keys := mk("keys", map[string][]byte{"a.key": []byte("x"), "b.key": []byte("y"), ".hidden.pem": []byte("z")})
	notBody := mk("json", map[string][]byte{"package.json": []byte(`{"name": "x"}`)})
	withBody := mk("bodies", map[string][]byte{"package.json": []byte(`{"name": "x"}`), "server.json": body})
	certs := mk("certs", map[string][]byte{"ca.pem": fcFixture(t, "gate/clean-ca.pem"), "a.key": []byte("x")})

	for _, tc := range []struct {
		name string
		args []string
		code int
		want string // in stderr
	}{
		{"empty dir", []string{empty}, 2, "no file to check in " + empty + " "},
		{"only .key files", []string{keys}, 2, "no file to check in " + keys + " "},
		{"JSON that is no body", []string{notBody}, 2, "no file to check in " + notBody + " "},
		{"empty among others", []string{certs, empty}, 2, "no file to check in " + empty + " "},
		{"two empty", []string{empty, keys}, 2, "no file to check in " + empty + ", " + keys + " "},
		{"allow-empty", []string{"--allow-empty", empty, keys}, 0, ""},
		{"a certificate", []string{certs}, 0, ""},
		{"a body among JSON", []string{withBody}, 0, ""},
		{"a named file is always read", []string{filepath.Join(keys, "a.key")}, 1, ""},
	} {
		args := append([]string{"check", "--no-config", "--now", testNow, "--no-zlint", "--fail-on", "notice"}, tc.args...)
		out, errb, code := fcRun(t, "", args...)
		if code != tc.code && (tc.code != 0 || code != 1) {
			t.Errorf("%s: exit %d, want %d\n%s%s", tc.name, code, tc.code, out, errb)
		}
		if tc.code == 2 {
			if !strings.Contains(errb, tc.want) || !strings.Contains(errb, "--allow-empty") || !strings.Contains(errb, "Run 'vpncertlint check --help'") {
				t.Errorf("%s: stderr %q lacks %q", tc.name, errb, tc.want)
			}
			if out != "" {
				t.Errorf("%s: a report was printed: %s", tc.name, out)
			}
		} else if strings.Contains(errb, "no file to check") {
			t.Errorf("%s: %s", tc.name, errb)
		}
	}
}

// explain takes every code codes takes, in any case.
func TestFirstContactExplainEveryCode(t *testing.T) {
	for _, code := range []string{"zlint.e_sub_cert_aia_missing", "ZLINT.E_SUB_CERT_AIA_MISSING", "vpn.0072", "VCL.0701", "zlint.w_ext_subject_key_identifier_missing_sub_cert"} {
		_, _, codesExit := fcRun(t, "", "codes", code)
		out, errb, code2 := fcRun(t, "", "explain", code)
		if codesExit != 0 || code2 != 0 {
			t.Errorf("%s: codes exit %d, explain exit %d: %s", code, codesExit, code2, errb)
			continue
		}
		if !strings.Contains(strings.ToLower(out), strings.ToLower(code)) {
			t.Errorf("explain %s:\n%s", code, out)
		}
	}
	out, _, _ := fcRun(t, "", "explain", "zlint.e_sub_cert_aia_missing")
	if !strings.Contains(out, "zlint advisory; the cloud does not raise it") {
		t.Errorf("a zlint code is not said to be zlint's:\n%s", out)
	}
	// Every code of the whole catalogue.
	for _, c := range lint.All() {
		if _, errb, code := fcRun(t, "", "explain", c.ID); code != 0 {
			t.Errorf("explain %s: exit %d: %s", c.ID, code, errb)
		}
	}
	if _, errb, code := fcRun(t, "", "explain", "zlint.no_such_lint"); code != 2 || !strings.Contains(errb, "unknown code") {
		t.Errorf("an unknown code: exit %d: %s", code, errb)
	}
}

// Enumerated flag values are taken in any case.
func TestFirstContactEnumCase(t *testing.T) {
	ca := filepath.Join("testdata", "ca", "expired.pem")
	base := []string{"check", "--no-config", "--now", testNow, "--no-zlint"}
	want, _, wantCode := fcRun(t, "", append(base, "--role", "ca", "--format", "json", "--fail-on", "warning", "--lang", "zh", "--color", "never", "--body", "update", ca)...)
	got, errb, code := fcRun(t, "", append(base, "--role", "CA", "--format", "JSON", "--fail-on", "Warning", "--lang", "ZH", "--color", "NEVER", "--body", "Update", ca)...)
	if code != wantCode || got != want {
		t.Errorf("upper case values: exit %d (want %d): %s\n%s", code, wantCode, errb, got)
	}
	if _, errb, code := fcRun(t, "", append(base, "--role", "leaf", ca)...); code != 2 || !strings.Contains(errb, `unknown role "leaf"`) {
		t.Errorf("--role leaf: exit %d: %s", code, errb)
	}
	if out, errb, code := fcRun(t, "", "codes", "--format", "JSON", "--lang", "ZH", "VPN.0072"); code != 0 || !json.Valid([]byte(out)) {
		t.Errorf("codes --format JSON: exit %d: %s", code, errb)
	}
}

// Unknown configuration keys get "did you mean".
func TestFirstContactConfigDidYouMean(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ yaml, want string }{
		{"version: 1\nrole:\n  ca: [\"*.pem\"]\n", `:2: unknown key "role" (did you mean roles? the keys here are version, roles, sets, policy, gateway, zlint, ignore)`},
		{"version: 1\nroles:\n  sever: [\"*.pem\"]\n", `:3: unknown key "sever" (did you mean server? the keys here are ca, server, crl, body)`},
		{"version: 1\npolicy:\n  RSA_MIN_BIT: 3072\n", `unknown key "RSA_MIN_BIT" (did you mean rsa_min_bits?`},
		{"version: 1\nroles:\n  ca: [\"*.pem\"]\nwaivers: []\n", `:4: unknown key "waivers" (the keys here are version, roles, sets, policy, gateway, zlint, ignore)`},
	} {
		p := filepath.Join(dir, "c.yaml")
		if err := os.WriteFile(p, []byte(tc.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, errb, code := fcRun(t, "", "check", "--config", p); code != 2 || !strings.Contains(errb, tc.want) {
			t.Errorf("%q: exit %d\n%s\nwant %s", tc.yaml, code, errb, tc.want)
		}
	}
}

// --output into a missing directory names the user's path, before any input is read.
func TestFirstContactOutputMissingDir(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no", "dir")
	target := filepath.Join(missing, "x.json")
	out, errb, code := fcRun(t, "", "check", "--no-config", "--now", testNow, "--format", "json", "-o", target, filepath.Join("testdata", "ca", "expired.pem"))
	want := "vpncertlint: the report could not be written: --output " + target + ": no directory " + missing + "\n"
	if code != 2 || errb != want || out != "" {
		t.Errorf("exit %d, stdout %q\nstderr %q\nwant   %q", code, out, errb, want)
	}
	if strings.Contains(errb, ".x.json.") {
		t.Errorf("the temporary file is named: %s", errb)
	}
}

// Standard input is stdin in every report; a file named stdin is ./stdin.
func TestFirstContactStdinName(t *testing.T) {
	pem := string(fcFixture(t, "ca/expired.pem"))
	base := []string{"check", "--no-config", "--now", testNow, "--no-zlint"}
	out, _, _ := fcRun(t, pem, append(base, "-")...)
	if !strings.HasPrefix(out, "stdin\nstdin:1: VPN.0072 error: Certificate stdin has expired.") {
		t.Errorf("text:\n%s", out)
	}
	out, _, _ = fcRun(t, pem, append(base, "--format", "json", "-")...)
	var rep jsonreport.Document
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Files[0].File != "stdin" || rep.Findings[0].File != "stdin" {
		t.Errorf("json: %+v", rep.Files)
	}
	out, _, _ = fcRun(t, pem, append(base, "--format", "sarif", "-")...)
	if strings.Contains(out, `"uri"`) {
		t.Errorf("sarif: standard input has a location:\n%s", out)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "stdin"), []byte(pem), 0o644); err != nil {
		t.Fatal(err)
	}
	fcChdir(t, dir)
	out, _, _ = fcRun(t, pem, append(base, "stdin", "-")...)
	if !strings.Contains(out, "\n./stdin:1: VPN.0072") || !strings.Contains(out, "\nstdin:1: VPN.0072") {
		t.Errorf("a file named stdin and standard input:\n%s", out)
	}
}

// completion for a shell cobra has no script for is a usage error.
func TestFirstContactCompletionShell(t *testing.T) {
	out, errb, code := fcRun(t, "", "completion", "tcsh")
	if code != 2 || out != "" || !strings.Contains(errb, `unsupported shell "tcsh" for completion (want bash, fish, powershell, zsh)`) || !strings.Contains(errb, "Run 'vpncertlint completion --help'") {
		t.Errorf("completion tcsh: exit %d\n%s%s", code, out, errb)
	}
	for _, sh := range []string{"bash", "zsh", "fish", "powershell"} {
		if out, _, code := fcRun(t, "", "completion", sh); code != 0 || len(out) < 100 {
			t.Errorf("completion %s: exit %d", sh, code)
		}
	}
	if _, _, code := fcRun(t, "", "completion"); code != 0 {
		t.Errorf("completion (help): exit %d", code)
	}
}

// The root help describes all that check reads; check --help lists the scanned extensions.
func TestFirstContactHelp(t *testing.T) {
	root, _, _ := fcRun(t, "", "--help")
	check, _, _ := fcRun(t, "", "check", "--help")
	for _, ext := range []string{"*.pem", "*.crt", "*.cer", "*.cert", "*.crl", "*.der", "*.p12", "*.pfx", "*.p7b", "*.p7c", "*.json", "*.yaml", "*.yml"} {
		for name, help := range map[string]string{"--help": root, "check --help": check} {
			if !strings.Contains(help, ext) {
				t.Errorf("%s does not list %s", name, ext)
			}
		}
	}
	for _, want := range []string{"vpn_server", "--key/--chain", "Examples:", "vpncertlint check --role server server.pem --key server.key --chain chain.pem", "Exit codes:"} {
		if !strings.Contains(root, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
}

// Usage errors point at the help of the command used.
func TestFirstContactUsageHint(t *testing.T) {
	for _, tc := range []struct {
		args []string
		hint string
	}{
		{[]string{"check", "--bogus"}, "vpncertlint check --help"},
		{[]string{"check", "--no-config", "--format", "yaml", "x.pem"}, "vpncertlint check --help"},
		{[]string{"explain", "nope"}, "vpncertlint explain --help"},
		{[]string{"codes", "--format", "xml"}, "vpncertlint codes --help"},
		{[]string{"init", "a", "b"}, "vpncertlint init --help"},
		{[]string{"nonsense"}, "vpncertlint --help"},
	} {
		_, errb, code := fcRun(t, "", tc.args...)
		if code != 2 || !strings.HasSuffix(errb, "Run '"+tc.hint+"' for usage.\n") {
			t.Errorf("%v: exit %d: %q", tc.args, code, errb)
		}
	}
}

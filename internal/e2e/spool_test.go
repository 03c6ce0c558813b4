package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vpncertlint/vpncertlint/cmd"
	"github.com/vpncertlint/vpncertlint/internal/engine"
	"github.com/vpncertlint/vpncertlint/internal/output/formats"
	"github.com/vpncertlint/vpncertlint/internal/report"
)

// runSpilled runs the command line with the report spilling to its temporary file after
// spillAfter findings or objects (0: the default bound, which no test input reaches).
func runSpilled(t *testing.T, spillAfter int, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = cmd.ExecuteSpilling(spillAfter, args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// TestSpilledReportIsIdentical: a report that moved its findings and file results to the
// temporary file (after 1, 2, 7 or 100 of them) prints byte for byte what the same report
// kept in memory prints, in every format, with the same exit code: the fixture folders
// (each as one run of many files), the demo repository with its configuration (waivers,
// severity overrides, upload sets), zlint advisories, --output, and the third-party corpus.
func TestSpilledReportIsIdentical(t *testing.T) {
	type run struct {
		name string
		args []string
	}
	// The spilled runs below must really spill: the engine's report does with the same bound.
	rep, err := engine.Run([]string{"testdata/ca"}, engine.Options{Role: "ca", Report: report.Options{SpillAfter: 1}})
	if err != nil || !rep.Spilled() {
		t.Fatalf("a report with a bound of 1 did not spill (err %v)", err)
	}
	rep.Close()
	var runs []run
	// Each fixture folder as one run, with the role its cases are checked with.
	dirRoles := map[string]string{"ca": "ca", "server": "server", "auto": "auto", "format": "auto", "crl": "crl",
		"body": "auto", "weak": "auto", "ccm": "server", "zlint": "auto",
		"body/kinds": "auto", "body/sdk": "auto", "body/provider": "auto"}
	for dir, role := range dirRoles {
		args := []string{"check", "--no-config", "--now", testNow, "--role", role, "--fail-on", "warning", filepath.Join("testdata", dir)}
		if dir != "zlint" {
			args = append(args, "--no-zlint")
		}
		runs = append(runs, run{dir, args})
	}
	runs = append(runs, run{"demo-repo", []string{"check", "--config", "testdata/demo-repo/.vpncertlint.yaml", "--now", testNow, "testdata/demo-repo"}})
	if _, err := os.Stat("../shared/corpus"); err != nil {
		t.Run("corpus", func(t *testing.T) { t.Skip("no ../shared/corpus (CI provides ../shared)") })
	} else if !testing.Short() {
		runs = append(runs, run{"corpus", []string{"check", "--no-config", "--now", testNow, "--fail-on", "none", "../shared/corpus"}})
	}
	for _, r := range runs {
		for _, format := range formats.Names() {
			t.Run(r.name+"/"+format, func(t *testing.T) {
				args := append(append([]string{}, r.args...), "--format", format, "--color", "never", "-v")
				want, wantErr, wantCode := runSpilled(t, 0, args...)
				if wantCode == 2 && r.name != "format" {
					t.Fatalf("exit 2: %s", wantErr)
				}
				for _, n := range []int{1, 2, 7, 100} {
					if r.name == "corpus" && n < 100 {
						continue // one bound is enough for 1,435 files; keeps the test quick
					}
					got, gotErr, gotCode := runSpilled(t, n, args...)
					if got != want || gotErr != wantErr || gotCode != wantCode {
						t.Fatalf("spilling after %d: output differs (exit %d, want %d)\n--- got\n%s\n--- want\n%s\n--- stderr got\n%s\n--- want\n%s",
							n, gotCode, wantCode, clip(got), clip(want), gotErr, wantErr)
					}
				}
			})
		}
	}
	// --output: the format's report written to the file, the text on stdout.
	dir := t.TempDir()
	for _, n := range []int{0, 1} {
		out := filepath.Join(dir, "report.json")
		text, _, code := runSpilled(t, n, "check", "--config", "testdata/demo-repo/.vpncertlint.yaml", "--now", testNow,
			"--format", "json", "-o", out, "testdata/demo-repo")
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		want, _, wantCode := runSpilled(t, 0, "check", "--config", "testdata/demo-repo/.vpncertlint.yaml", "--now", testNow,
			"--format", "json", "testdata/demo-repo")
		if string(b) != want || code != wantCode || !strings.Contains(text, "error") {
			t.Errorf("spill %d: --output wrote %d bytes (want %d), exit %d (want %d)", n, len(b), len(want), code, wantCode)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, ".report.json.*")); len(left) > 0 {
			t.Errorf("temporary files left beside the report: %v", left)
		}
	}
}

func clip(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

type gateActionStep struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	Uses  string            `yaml:"uses"`
	Run   string            `yaml:"run"`
	Shell string            `yaml:"shell"`
	If    string            `yaml:"if"`
	Env   map[string]string `yaml:"env"`
	With  map[string]string `yaml:"with"`
}

// TestAction checks action.yml's shape and runs its shell steps for real (bash, a freshly
// built binary, the demo repository with an expired CA): the check step writes SARIF and the
// exit code without failing, so the upload step runs; the last step fails the job.
func TestAction(t *testing.T) {
	data, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var a struct {
		Name   string                       `yaml:"name"`
		Inputs map[string]map[string]string `yaml:"inputs"`
		Runs   struct {
			Using string           `yaml:"using"`
			Steps []gateActionStep `yaml:"steps"`
		} `yaml:"runs"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	if err := dec.Decode(&a); err != nil {
		t.Fatal(err)
	}
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using %q", a.Runs.Using)
	}
	steps := map[string]gateActionStep{}
	for _, s := range a.Runs.Steps {
		steps[s.Name] = s
		if s.Run != "" && s.Shell != "bash" {
			t.Errorf("step %q: composite run steps need shell: bash", s.Name)
		}
	}
	if up := steps["Upload SARIF"]; !strings.HasPrefix(up.Uses, "github/codeql-action/upload-sarif@") || !strings.Contains(up.If, "always()") {
		t.Errorf("upload step %+v", up)
	}
	if js := steps["Job summary"]; !strings.Contains(js.If, "always()") || !strings.Contains(js.Run, "--format markdown") || !strings.Contains(js.Run, `"$GITHUB_STEP_SUMMARY"`) {
		t.Errorf("job summary step %+v", js)
	}
	if up := steps["Upload HTML report"]; !strings.HasPrefix(up.Uses, "actions/upload-artifact@") || !strings.Contains(up.If, "always()") ||
		!strings.Contains(up.If, "inputs.html-report != ''") || up.With["name"] != "${{ inputs.html-artifact }}" {
		t.Errorf("HTML upload step %+v", up)
	}
	for _, in := range []string{"version", "args", "fail-on", "sarif-file", "upload-sarif", "working-directory", "job-summary", "html-report", "html-artifact"} {
		if _, ok := a.Inputs[in]; !ok {
			t.Errorf("input %s missing", in)
		}
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}

	tmp := t.TempDir()
	bin := filepath.Join(tmp, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "vpncertlint"), ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	cfg := gateDemoWithExpired(t)
	ghOut := filepath.Join(tmp, "github_output")
	step := func(s gateActionStep, env ...string) (string, error) {
		c := exec.Command("bash", "-e", "-c", s.Run)
		c.Dir = filepath.Dir(cfg)
		c.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "GITHUB_OUTPUT="+ghOut,
			"LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=") // English whatever the developer's locale
		c.Env = append(c.Env, env...)
		out, err := c.CombinedOutput()
		return string(out), err
	}
	out, err := step(steps["Check"], "ARGS=--now 2026-06-01T00:00:00Z", "FAIL_ON=error", "SARIF=results.sarif")
	if err != nil {
		t.Fatalf("the check step must not fail before the upload: %v\n%s", err, out)
	}
	if !strings.Contains(out, "pki/prod/ca/expired-ca.pem:1: VPN.0072 error") {
		t.Errorf("the log lacks the text report:\n%s", out)
	}
	outputs, _ := os.ReadFile(ghOut)
	if strings.TrimSpace(string(outputs)) != "exit-code=1" {
		t.Errorf("GITHUB_OUTPUT %q", outputs)
	}
	sarif, err := os.ReadFile(filepath.Join(filepath.Dir(cfg), "results.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	gateValidateSARIF(t, gateSARIFSchema(t), string(sarif))
	// The job summary: the markdown report appended to $GITHUB_STEP_SUMMARY, its links to the
	// commit's files; -v in the arguments does not lift the table's cap. It never fails.
	summary := filepath.Join(tmp, "step_summary")
	if err := os.WriteFile(summary, []byte("before\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = step(steps["Job summary"], "ARGS=--now 2026-06-01T00:00:00Z -v", "GITHUB_STEP_SUMMARY="+summary,
		"GITHUB_SERVER_URL=https://github.com", "GITHUB_REPOSITORY=acme/pki", "GITHUB_SHA=0123abcd")
	if err != nil {
		t.Fatalf("the job summary step failed: %v\n%s", err, out)
	}
	md, _ := os.ReadFile(summary)
	for _, want := range []string{
		"before\n## vpncertlint\n",
		"| error | 1 |\n",
		"| [pki/prod/ca/expired-ca.pem:1](https://github.com/acme/pki/blob/0123abcd/pki/prod/ca/expired-ca.pem#L1) | `VPN.0072` | error | Certificate expired-ca.pem has expired. |",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("job summary lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(string(md), "Waived by the configuration") {
		t.Errorf("-v in ARGS reached the job summary:\n%s", md)
	}
	if _, err := step(steps["Job summary"], "ARGS=--no-such-flag", "GITHUB_STEP_SUMMARY="+summary); err != nil {
		t.Errorf("the job summary step fails the job: %v", err)
	}
	// The HTML report: written to the file (nothing in the log), with the expired CA on the
	// timeline; it never fails the job.
	out, err = step(steps["HTML report"], "ARGS=--now 2026-06-01T00:00:00Z", "HTML=report.html")
	if err != nil || out != "" {
		t.Fatalf("the HTML report step: %v\n%s", err, out)
	}
	html, err := os.ReadFile(filepath.Join(filepath.Dir(cfg), "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!DOCTYPE html>", "Expiry timeline", `<rect class="expired"`, "pki/prod/ca/expired-ca.pem"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("the HTML report lacks %q", want)
		}
	}
	if out, err := step(steps["HTML report"], "ARGS=--no-such-flag", "HTML=report.html"); err != nil || !strings.Contains(out, "::warning") {
		t.Errorf("a failed HTML report: %v\n%s", err, out)
	}
	if _, err := step(steps["Result"], "CODE=1"); err == nil {
		t.Error("the result step must fail the job on exit code 1")
	}
	if _, err := step(steps["Result"], "CODE=0"); err != nil {
		t.Errorf("the result step fails a clean run: %v", err)
	}
}

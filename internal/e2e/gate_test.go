package e2e

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/vpncertlint/vpncertlint/cmd"
)

// The repository gate's report formats, checked on the demo repository (testdata/demo-repo)
// with an expired client CA added to its prod set.

// gateDemoWithExpired copies the demo repository to a temporary directory, adds the expired CA
// to the prod set, and returns the configuration's path.
func gateDemoWithExpired(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "repo")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "demo-repo"))); err != nil {
		t.Fatal(err)
	}
	pem, err := os.ReadFile(filepath.Join("testdata", "gate", "expired-ca.pem"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pki", "prod", "ca", "expired-ca.pem"), pem, 0o644); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, ".vpncertlint.yaml")
}

func gateRun(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cmd.Execute(append([]string{"check", "--now", testNow}, args...), strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// gateSARIFSchema is the SARIF 2.1.0 schema from ../shared (CI has it beside the
// repository), or nil when it is absent: the SARIF is then only parsed, and a skipped
// subtest "schema" says that it was not validated.
func gateSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := filepath.Join("..", "shared", "sarif", "sarif-schema-2.1.0.json")
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Run("schema", func(t *testing.T) {
			t.Skipf("SARIF not validated against its schema: no %s (CI provides ../shared)", path)
		})
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }() // read only: closing cannot lose data
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func gateValidateSARIF(t *testing.T, s *jsonschema.Schema, out string) map[string]any {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("SARIF is not JSON: %v\n%s", err, out)
	}
	// without a schema (see gateSARIFSchema) the SARIF is only parsed
	if s != nil {
		if err := s.Validate(inst); err != nil {
			t.Fatalf("SARIF does not validate: %v\n%s", err, out)
		}
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

type gateSARIFDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID               string `json:"id"`
					Name             string `json:"name"`
					ShortDescription struct{ Text string }
					FullDescription  struct{ Text string }
					Help             struct{ Text, Markdown string }
					Default          struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct{ Text string }
			Locations []struct {
				Physical struct {
					Artifact struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			Fingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
		Invocations []struct {
			OK            bool `json:"executionSuccessful"`
			Notifications []struct {
				Message struct{ Text string }
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

func TestGateSARIF(t *testing.T) {
	schema := gateSARIFSchema(t)
	cfg := gateDemoWithExpired(t)
	out, _, code := gateRun(t, "--config", cfg, "--format", "sarif")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, out)
	}
	gateValidateSARIF(t, schema, out)
	var s gateSARIFDoc
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	run := s.Runs[0]
	if run.Tool.Driver.Name != "vpncertlint" {
		t.Errorf("driver %q", run.Tool.Driver.Name)
	}
	// One rule per code, with the texts and the cloud severity.
	rules := map[string]int{}
	for i, r := range run.Tool.Driver.Rules {
		if _, dup := rules[r.ID]; dup {
			t.Errorf("rule %s twice", r.ID)
		}
		rules[r.ID] = i
		if r.Name == "" || r.ShortDescription.Text == "" || r.FullDescription.Text == "" || !strings.Contains(r.Help.Text, "Remedy: ") {
			t.Errorf("rule %s lacks texts: %+v", r.ID, r)
		}
	}
	if r := run.Tool.Driver.Rules[rules["VPN.0072"]]; r.Default.Level != "error" || !strings.Contains(r.Help.Text, "Import a client CA certificate that has not expired.") || !strings.Contains(r.Help.Text, "请导入未过期的客户端CA证书") {
		t.Errorf("VPN.0072 rule: %+v", r)
	}
	got := map[string]string{}
	fps := map[string]bool{}
	for _, res := range run.Results {
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("%s: ruleIndex %d names %s", res.RuleID, res.RuleIndex, run.Tool.Driver.Rules[res.RuleIndex].ID)
		}
		loc := res.Locations[0].Physical
		if loc.Region.StartLine < 1 || strings.HasPrefix(loc.Artifact.URI, "/") || strings.HasPrefix(loc.Artifact.URI, "..") {
			t.Errorf("%s: location %+v is not repo-relative with a line", res.RuleID, loc)
		}
		got[res.RuleID] = res.Level + " " + loc.Artifact.URI
		fp := res.Fingerprints["vpncertlint/v1"]
		if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(fp) || fps[fp] {
			t.Errorf("%s: fingerprint %q missing or not unique", res.RuleID, fp)
		}
		fps[fp] = true
	}
	want := map[string]string{
		"VPN.0072": "error pki/prod/ca/expired-ca.pem",
		"VCL.9001": "warning .vpncertlint.yaml",
		// Lowered to a notice by the configuration: a SARIF note.
		"VCL.0743": "note pki/staging/ca/staging-root.pem",
	}
	if len(got) != len(want) {
		t.Errorf("results %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
	// Waived findings are not results.
	if _, ok := got["VCL.0701"]; ok {
		t.Error("a waived finding is a SARIF result")
	}

	// The fingerprints are stable: another run from another directory gives the same.
	out2, _, _ := gateRun(t, "--config", cfg, "--format", "sarif", filepath.Join(filepath.Dir(cfg), "pki", "prod", "ca", "expired-ca.pem"))
	var s2 gateSARIFDoc
	if err := json.Unmarshal([]byte(out2), &s2); err != nil {
		t.Fatal(err)
	}
	same := 0
	for _, res := range s2.Runs[0].Results {
		if fps[res.Fingerprints["vpncertlint/v1"]] {
			same++
		}
	}
	// VPN.0072 and the expired waiver (VCL.9001), which is raised in every run.
	if len(s2.Runs[0].Results) != 2 || same != 2 {
		t.Errorf("fingerprints changed between runs: %s", out2)
	}
}

// TestGateSARIFEdges: findings at line 0 (an empty file), unreadable inputs, and a run
// without a configuration all validate.
func TestGateSARIFEdges(t *testing.T) {
	schema := gateSARIFSchema(t)
	out, _, code := gateRun(t, "--no-config", "--format", "sarif", "testdata/format/empty.pem", "testdata/no-such-file.pem", "testdata/ca/expired.pem")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	gateValidateSARIF(t, schema, out)
	var s gateSARIFDoc
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	run := s.Runs[0]
	if run.Invocations[0].OK || len(run.Invocations[0].Notifications) != 1 {
		t.Errorf("an unreadable input must be a failed invocation with a notification: %+v", run.Invocations)
	}
	for _, r := range run.Results {
		loc := r.Locations[0].Physical
		if loc.Region.StartLine < 1 {
			t.Errorf("%s: startLine %d", r.RuleID, loc.Region.StartLine)
		}
		// Without a configuration URIs are relative to the git work tree (or the working
		// directory): here the repository root.
		if !strings.HasPrefix(loc.Artifact.URI, "testdata/") {
			t.Errorf("%s: uri %q", r.RuleID, loc.Artifact.URI)
		}
	}
}

type gateJUnitDoc struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Errors   int `xml:"errors,attr"`
	Suites   []struct {
		Cases []struct {
			Name     string `xml:"name,attr"`
			File     string `xml:"file,attr"`
			Failures []struct {
				Message string `xml:"message,attr"`
			} `xml:"failure"`
			Error *struct {
				Message string `xml:"message,attr"`
			} `xml:"error"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func TestGateJUnit(t *testing.T) {
	cfg := gateDemoWithExpired(t)
	for _, tc := range []struct {
		failOn   string
		failures []string // testcase files with a failure
	}{
		{"error", []string{"pki/prod/ca/expired-ca.pem"}},
		{"warning", []string{"pki/prod/ca/expired-ca.pem", ".vpncertlint.yaml"}},
		{"none", nil},
	} {
		out, _, code := gateRun(t, "--config", cfg, "--format", "junit", "--fail-on", tc.failOn)
		var d gateJUnitDoc
		if err := xml.Unmarshal([]byte(out), &d); err != nil {
			t.Fatalf("not XML: %v\n%s", err, out)
		}
		// 8 inputs of one object each, and a testcase for the configuration's own finding.
		if d.Tests != 9 || len(d.Suites[0].Cases) != 9 {
			t.Errorf("--fail-on %s: %d tests, want 9\n%s", tc.failOn, d.Tests, out)
		}
		var failed []string
		for _, c := range d.Suites[0].Cases {
			if len(c.Failures) > 0 {
				failed = append(failed, c.File)
			}
		}
		if strings.Join(failed, ",") != strings.Join(tc.failures, ",") || d.Failures != len(tc.failures) {
			t.Errorf("--fail-on %s: failures in %v (count %d), want %v\n%s", tc.failOn, failed, d.Failures, tc.failures, out)
		}
		if (code == 1) != (len(tc.failures) > 0) {
			t.Errorf("--fail-on %s: exit %d", tc.failOn, code)
		}
		// Findings below --fail-on are listed, not failed.
		if tc.failOn == "error" && !strings.Contains(out, "VCL.0743 notice") {
			t.Errorf("a non-failing finding is not in system-out:\n%s", out)
		}
	}
	// An unreadable input is an <error>; a file with no PEM object is one testcase.
	out, _, _ := gateRun(t, "--no-config", "--format", "junit", "testdata/no-such-file.pem", "testdata/format/empty.pem")
	var d gateJUnitDoc
	if err := xml.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if d.Tests != 2 || d.Errors != 1 || d.Failures != 1 || d.Suites[0].Cases[0].Error == nil {
		t.Errorf("I/O error and empty file:\n%s", out)
	}
}

func TestGateGitHub(t *testing.T) {
	cfg := gateDemoWithExpired(t)
	out, _, code := gateRun(t, "--config", cfg, "--format", "github")
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 annotations (VPN.0072, VCL.9001, VCL.0743):\n%s", out)
	}
	re := regexp.MustCompile(`^::(error|warning|notice) file=([^,]+),line=(\d+),title=([A-Z]+\.\d{4})::([^\r\n]+)$`)
	for _, l := range lines {
		m := re.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("not a workflow command: %q", l)
			continue
		}
		if strings.HasPrefix(m[2], "/") || strings.HasPrefix(m[2], "..") {
			t.Errorf("file %q is not repo-relative", m[2])
		}
	}
}

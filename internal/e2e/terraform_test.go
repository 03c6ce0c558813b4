package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/vpncertlint/vpncertlint/cmd"
	"github.com/vpncertlint/vpncertlint/internal/output/formats"
	"github.com/vpncertlint/vpncertlint/internal/tfcheck"
)

// terraformFixtures are the configurations of testdata/terraform that have a plan.
var terraformFixtures = []string{"clean", "server", "sets", "kinds", "module", "unknown", "ccm"}

type tfFinding struct {
	Code     string `json:"code"`
	Resource string `json:"resource"`
	Field    string `json:"field"`
	File     string `json:"file"`
	Line     int    `json:"line"`
}

func tfFindings(t *testing.T, args ...string) []string {
	t.Helper()
	all := append([]string{"check", "--no-config", "--no-zlint", "--now", testNow, "--format", "json", "--fail-on", "none"}, args...)
	var out, errb bytes.Buffer
	if code := cmd.Execute(all, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errb.String())
	}
	var rep struct{ Findings []tfFinding }
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, f := range rep.Findings {
		if f.Resource == "" {
			t.Errorf("%v: finding %s has no resource", args, f.Code)
		}
		b, _ := json.Marshal(f)
		keys = append(keys, string(b))
	}
	sort.Strings(keys)
	return keys
}

// TestTerraformPlanMatchesConfig: `check plan.json --tf-dir DIR` and `check DIR` report the same
// findings (code, resource address, argument, .tf file and line); without --tf-dir the plan
// reports the same codes on the same resources and arguments.
func TestTerraformPlanMatchesConfig(t *testing.T) {
	for _, n := range terraformFixtures {
		t.Run(n, func(t *testing.T) {
			dir := "testdata/terraform/" + n
			config := tfFindings(t, dir)
			plan := tfFindings(t, "--tf-dir", dir, dir+".plan.json")
			if strings.Join(config, "\n") != strings.Join(plan, "\n") {
				t.Errorf("config:\n%s\nplan --tf-dir:\n%s", strings.Join(config, "\n"), strings.Join(plan, "\n"))
			}
			bare := tfFindings(t, dir+".plan.json")
			strip := func(l []string) []string {
				var out []string
				for _, s := range l {
					var f tfFinding
					if err := json.Unmarshal([]byte(s), &f); err != nil {
						t.Fatal(err)
					}
					if f.File == "" {
						t.Errorf("%s: finding %s without a file", n, f.Code)
					}
					f.File, f.Line = "", 0
					b, _ := json.Marshal(f)
					out = append(out, string(b))
				}
				sort.Strings(out)
				return out
			}
			if a, b := strip(config), strip(bare); strings.Join(a, "\n") != strings.Join(b, "\n") {
				t.Errorf("config:\n%s\nplan:\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
			}
			for _, s := range config {
				var f tfFinding
				if err := json.Unmarshal([]byte(s), &f); err != nil {
					t.Fatal(err)
				}
				if !strings.HasSuffix(f.File, ".tf") || f.Line < 1 {
					t.Errorf("%s: %s has no .tf line: %s:%d", n, f.Code, f.File, f.Line)
				}
			}
		})
	}
}

// TestTerraformPlanFixturesValid reads each plan fixture with terraform-json (the types
// Terraform documents), and checks that every argument the plan gives a checked resource is
// in the provider's schema as the mapping table (and tfcheck.Computed) has it.
func TestTerraformPlanFixturesValid(t *testing.T) {
	for _, n := range terraformFixtures {
		data, err := os.ReadFile("testdata/terraform/" + n + ".plan.json")
		if err != nil {
			t.Fatal(err)
		}
		var p tfjson.Plan
		if err := json.Unmarshal(data, &p); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", n, err)
		}
		if !tfcheck.IsPlan(data) {
			t.Errorf("%s: not recognised as a plan", n)
		}
		for _, rc := range p.ResourceChanges {
			after, _ := rc.Change.After.(map[string]any)
			unknown, _ := rc.Change.AfterUnknown.(map[string]any)
			keys := map[string]any{}
			for k, v := range after {
				keys[k] = v
			}
			for k, v := range unknown {
				if _, ok := keys[k]; !ok {
					keys[k] = v
				}
			}
			for k, v := range keys {
				if schemaHas(rc.Type, k) {
					continue
				}
				// a block: each attribute of each element
				l, ok := v.([]any)
				if !ok {
					t.Errorf("%s: %s.%s is not in the mapping table", n, rc.Address, k)
					continue
				}
				for _, e := range l {
					m, _ := e.(map[string]any)
					for a := range m {
						if !schemaHas(rc.Type, k+"[]."+a) {
							t.Errorf("%s: %s.%s[].%s is not in the mapping table", n, rc.Address, k, a)
						}
					}
				}
			}
		}
	}
}

func schemaHas(typ, path string) bool {
	if _, ok := tfcheck.Lookup(typ, path); ok {
		return true
	}
	_, ok := tfcheck.Computed[typ][path]
	return ok
}

// TestTerraformMappingTableDocumented: docs/terraform.md's mapping table is tfcheck.Arguments.
func TestTerraformMappingTableDocumented(t *testing.T) {
	doc, err := os.ReadFile("docs/terraform.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `(huaweicloud_[a-z_]+)` \\| `([^`]+)` \\| ([^|]*) \\|")
	documented := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(string(doc), -1) {
		documented[m[1]+" "+m[2]] = strings.TrimSpace(strings.Trim(strings.TrimSpace(m[3]), "`"))
	}
	for _, a := range tfcheck.Arguments {
		api, ok := documented[a.Type+" "+a.Path]
		if !ok {
			t.Errorf("docs/terraform.md: no row for %s %s", a.Type, a.Path)
			continue
		}
		want := a.API
		if want == "" {
			want = "—"
		}
		if api != want {
			t.Errorf("docs/terraform.md: %s %s is sent as %q, the table says %q", a.Type, a.Path, want, api)
		}
		delete(documented, a.Type+" "+a.Path)
	}
	for k := range documented {
		t.Errorf("docs/terraform.md documents %s, which tfcheck.Arguments does not have", k)
	}
}

// TestTerraformSensitiveNeverPrinted: the passwords, keys and sensitive variables of the
// fixtures appear in no format, in either language, with -v.
func TestTerraformSensitiveNeverPrinted(t *testing.T) {
	secrets := []string{"Adm1n-Secret-Pass", "r0b!", "Robot-Pass-2026", "abcdefgh", "carol.c", "Pässwort-2026", "Alice-Vpn-2026"}
	for _, key := range []string{"testdata/terraform/clean/server.key", "testdata/terraform/ccm/server.key"} {
		data, err := os.ReadFile(key)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if len(l) > 40 {
				secrets = append(secrets, l)
			}
		}
	}
	inputs := [][]string{{"testdata/terraform"}, {"--tf-dir", "testdata/terraform/clean", "testdata/terraform/clean.plan.json"}}
	for _, in := range inputs {
		for _, format := range formats.Names() {
			for _, lang := range []string{"en", "zh"} {
				args := append([]string{"check", "--no-config", "--no-zlint", "--now", testNow, "-v", "--color", "never", "--format", format, "--lang", lang}, in...)
				var out, errb bytes.Buffer
				cmd.Execute(args, strings.NewReader(""), &out, &errb)
				text := out.String() + errb.String()
				if format == "text" && !strings.Contains(text, "sensitive value not shown") && in[0] == "testdata/terraform" {
					t.Errorf("%s: the sensitive user name's finding is missing", format)
				}
				for _, s := range secrets {
					if strings.Contains(text, s) {
						t.Errorf("%v %s %s: prints %q", in, format, lang, s)
					}
				}
			}
		}
	}
}

// TestTerraformSARIF: SARIF results of a configuration carry the .tf file and line (GitHub
// annotates it) and the resource address and argument as logical locations.
func TestTerraformSARIF(t *testing.T) {
	var out, errb bytes.Buffer
	cmd.Execute([]string{"check", "--no-config", "--no-zlint", "--now", testNow, "--format", "sarif", "testdata/terraform/module"}, strings.NewReader(""), &out, &errb)
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					Physical struct {
						Artifact struct{ URI string } `json:"artifactLocation"`
						Region   struct{ StartLine int }
					} `json:"physicalLocation"`
					Logical []struct {
						FullyQualifiedName string
						Kind               string
					} `json:"logicalLocations"`
				}
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range log.Runs[0].Results {
		if r.RuleID != "VPN.1317" {
			continue
		}
		found = true
		l := r.Locations[0]
		if !strings.HasSuffix(l.Physical.Artifact.URI, "modules/vpn/main.tf") || l.Physical.Region.StartLine != 30 {
			t.Errorf("physical location %s:%d", l.Physical.Artifact.URI, l.Physical.Region.StartLine)
		}
		if len(l.Logical) != 2 || l.Logical[0].FullyQualifiedName != `module.vpn.huaweicloud_vpn_user.users["al"]` ||
			l.Logical[1].FullyQualifiedName != `module.vpn.huaweicloud_vpn_user.users["al"].name` || l.Logical[0].Kind != "resource" {
			t.Errorf("logical locations %+v", l.Logical)
		}
	}
	if !found {
		t.Fatalf("no VPN.1317 result:\n%s", out.String())
	}
}

// TestTerraformDirectoryScan: a directory holding configurations is not walked into them
// (their PEM files are checked through file()), and a plan found by the walk is checked.
func TestTerraformDirectoryScan(t *testing.T) {
	var out, errb bytes.Buffer
	cmd.Execute([]string{"check", "--no-config", "--no-zlint", "--now", testNow, "--format", "json", "--fail-on", "none", "testdata/terraform"}, strings.NewReader(""), &out, &errb)
	var rep struct{ Files []struct{ File string } }
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, f := range rep.Files {
		files = append(files, filepath.ToSlash(f.File))
	}
	got := strings.Join(files, " ")
	for _, n := range terraformFixtures {
		if !strings.Contains(got, "testdata/terraform/"+n+" ") && !strings.HasSuffix(got, "testdata/terraform/"+n) {
			t.Errorf("%s not checked as a configuration: %s", n, got)
		}
		if !strings.Contains(got, "testdata/terraform/"+n+".plan.json") {
			t.Errorf("%s.plan.json not checked: %s", n, got)
		}
	}
	if strings.Contains(got, ".pem") {
		t.Errorf("PEM files of a configuration were walked: %s", got)
	}
}

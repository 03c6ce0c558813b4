package e2e

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/rogpeppe/go-internal/txtar"
	"github.com/vpncertlint/vpncertlint/cmd"
	"github.com/vpncertlint/vpncertlint/internal/fixturecase"
	"github.com/vpncertlint/vpncertlint/lint"
)

// testNow is the clock of every fixture test; fixtures are made with fixed dates around it.
const testNow = "2026-06-01T00:00:00Z"

func itoa(i int) string { return strconv.Itoa(i) }

var codeRe = regexp.MustCompile(`^\S+:\d+: ((?:VPN|VCL)\.\d{4}|zlint\.\w+) `)

func init() {
	// -update: goldie (output_test.go) defines it; define it here when it does not.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the want sections of the case files")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// caseFamilies groups the fixture folders (fixturecase.Dirs) by what their inputs are; each
// family is one Test function below, running every case of its folders with runCase.
var caseFamilies = map[string][]string{
	"certificates": {"ca", "server", "auto", "format", "weak", "ccm"},
	"crls":         {"crl"},
	"bodies":       {"body", "body/kinds", "body/sdk", "body/provider"},
	"zlint":        {"zlint"},
	"terraform":    {"terraform"},
}

// The case files (testdata/DIR/X.case beside the input X; internal/fixturecase): each runs
// `check --no-config --now 2026-06-01T00:00:00Z --color never --format text ARGS X` and
// compares the text report and exit code with its want section (rewritten by
// `go test ./internal/e2e -run Cases -update`) and the codes raised with its codes section
// (never rewritten). Run one case: go test ./internal/e2e -run 'Cases/testdata/ca/expired.pem'.
func TestCertificateCases(t *testing.T) { runCases(t, caseFamilies["certificates"]) }
func TestCRLCases(t *testing.T)         { runCases(t, caseFamilies["crls"]) }
func TestBodyCases(t *testing.T)        { runCases(t, caseFamilies["bodies"]) }
func TestZlintCases(t *testing.T)       { runCases(t, caseFamilies["zlint"]) }
func TestTerraformCases(t *testing.T)   { runCases(t, caseFamilies["terraform"]) }

// caseInputs lists the inputs of the fixture folders: each file that is not a case file, and
// each configuration directory of testdata/terraform (fixturecase.IsInput).
func caseInputs(t *testing.T, dirs []string) []string {
	t.Helper()
	var out []string
	for _, dir := range dirs {
		entries, err := os.ReadDir(filepath.Join("testdata", dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if fixturecase.IsInput(dir, e) {
				out = append(out, "testdata/"+dir+"/"+e.Name())
			}
		}
	}
	slices.Sort(out)
	return out
}

func runCases(t *testing.T, dirs []string) {
	for _, input := range caseInputs(t, dirs) {
		if strings.HasSuffix(input, ".golden") || strings.HasSuffix(input, ".args") {
			continue // TestCaseFiles says to convert them
		}
		t.Run(input, func(t *testing.T) { runCase(t, input) })
	}
}

// runCase checks one input the way a user would, through the command line, with its case's
// args at the fixed clock.
func runCase(t *testing.T, input string) {
	path := input + fixturecase.Suffix
	c, err := fixturecase.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	if !c.HasArgs {
		t.Fatalf("%s: no args section", path)
	}
	args := append([]string{"check", "--no-config", "--now", testNow, "--color", "never", "--format", "text"}, c.Args...)
	args = append(args, input)
	var out, errb bytes.Buffer
	code := cmd.Execute(args, strings.NewReader(""), &out, &errb)
	if errb.Len() > 0 {
		t.Errorf("%s: unexpected stderr: %s", input, errb.String())
	}
	got := out.String() + "exit " + itoa(code) + "\n"

	switch {
	case updating():
		if !c.HasWant || c.Want != got {
			if err := rewriteWant(path, got); err != nil {
				t.Fatal(err)
			}
		}
	case !c.HasWant:
		t.Errorf("%s: no want section: go test ./internal/e2e -run Cases -update writes it", path)
	case c.Want != got:
		t.Errorf("%s: the report differs from want (go test ./internal/e2e -run Cases -update rewrites it):\n%s",
			path, diff.Diff("want", []byte(c.Want), "got", []byte(got)))
	}

	if !c.HasCodes {
		t.Errorf("%s: no codes section: check the report by hand and list the codes it must raise\n%s", path, got)
		return
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(out.String(), "\n") {
		if m := codeRe.FindStringSubmatch(line); m != nil {
			seen[m[1]] = true
		}
	}
	var gotCodes []string
	for c := range seen {
		gotCodes = append(gotCodes, c)
	}
	slices.Sort(gotCodes)
	if !slices.Equal(gotCodes, c.Codes) {
		t.Errorf("%s: codes %v, the codes section says %v\n%s", path, gotCodes, c.Codes, out.String())
	}
	wantExit := 0
	for _, id := range c.Codes {
		if code, ok := lint.Lookup(id); ok && code.Severity == lint.Error {
			wantExit = 1 // the cloud's codes, and vpncertlint's own errors (broken keys, CCM limits)
		}
	}
	if code != wantExit {
		t.Errorf("%s: exit %d, want %d (an error among the codes section's)", input, code, wantExit)
	}
}

// rewriteWant replaces (or adds) the want section of a case file, leaving the rest of it as
// it is: -update never touches the codes.
func rewriteWant(path, want string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	a := txtar.Parse(data)
	found := false
	for i := range a.Files {
		if a.Files[i].Name == "want" {
			a.Files[i].Data, found = []byte(want), true
		}
	}
	if !found {
		a.Files = append(a.Files, txtar.File{Name: "want", Data: []byte(want)})
	}
	return os.WriteFile(path, txtar.Format(a), 0o644)
}

// TestCaseFiles: every input of a fixture folder has its case file and every case file its
// input; no expectation is left in the former NAME.golden/NAME.args files; every folder
// holding case files is a fixture folder, in exactly one family.
func TestCaseFiles(t *testing.T) {
	for _, input := range caseInputs(t, fixturecase.Dirs) {
		if strings.HasSuffix(input, ".golden") || strings.HasSuffix(input, ".args") {
			t.Errorf("%s: a former expectation file: go run ./scripts/cases folds it into its case file", input)
			continue
		}
		if _, err := os.Stat(input + fixturecase.Suffix); err != nil {
			t.Errorf("%s: no case file %s%s (go run ./scripts/cases writes it; docs/development.md)", input, input, fixturecase.Suffix)
		}
	}
	inFamily := map[string]int{}
	for _, dirs := range caseFamilies {
		for _, d := range dirs {
			inFamily[d]++
		}
	}
	for _, d := range fixturecase.Dirs {
		if inFamily[d] != 1 {
			t.Errorf("fixture folder %s is in %d families of caseFamilies, want 1", d, inFamily[d])
		}
	}
	err := filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, fixturecase.Suffix) {
			return err
		}
		p = filepath.ToSlash(p)
		if _, err := os.Stat(strings.TrimSuffix(p, fixturecase.Suffix)); err != nil {
			t.Errorf("%s: its input is missing", p)
		}
		dir := strings.TrimPrefix(filepath.ToSlash(filepath.Dir(p)), "testdata/")
		if !slices.Contains(fixturecase.Dirs, dir) {
			t.Errorf("%s: testdata/%s is not a fixture folder (fixturecase.Dirs)", p, dir)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// notInCases are the codes the tool can raise that no case file expects, because a case is
// one input checked on its own and these need more; each with where it is tested instead
// (a file that must name the code).
var notInCases = map[string]struct{ reason, testedIn string }{
	"VCL.9001": {"a waiver past its expiry date: needs a project configuration, and cases run with --no-config", "testdata/script/gate-commands.txtar"},
	"VCL.9002": {"a waiver that matches no finding: needs a project configuration, and cases run with --no-config", "testdata/script/gate-commands.txtar"},
	"VPN.1307": {"more users in a set of bodies than the gateway's connections: a check of a set, not of one input", "testdata/script/body-kinds-sets.txtar"},
	"VCL.0794": {"a CRL above 2 MiB of DER: too large for a committed fixture", "internal/e2e/largecrl_test.go"},
}

// TestEveryCodeHasACase: every code some check declares it can raise (cmd.RaisedCodes, the
// catalogue's raisable list) is expected by some case file, or is in notInCases with its
// reason and a test file that names it.
func TestEveryCodeHasACase(t *testing.T) {
	expected := map[string]bool{}
	for _, input := range caseInputs(t, fixturecase.Dirs) {
		c, err := fixturecase.Read(input + fixturecase.Suffix)
		if err != nil {
			continue // TestCaseFiles
		}
		for _, code := range c.Codes {
			expected[code] = true
		}
	}
	raised := cmd.RaisedCodes()
	var ids []string
	for id := range raised {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		ex, excepted := notInCases[id]
		switch {
		case expected[id] && excepted:
			t.Errorf("%s is expected by a case now: remove it from notInCases", id)
		case !expected[id] && !excepted:
			t.Errorf("%s can be raised but no case file's codes section has it: add a fixture (docs/development.md) or, when one input cannot raise it, an entry in notInCases", id)
		case excepted:
			b, err := os.ReadFile(ex.testedIn)
			if err != nil || !bytes.Contains(b, []byte(id)) {
				t.Errorf("notInCases: %s is said to be tested in %s, which does not name it", id, ex.testedIn)
			}
		}
	}
	for id := range notInCases {
		if !raised[id] {
			t.Errorf("notInCases names %s, which no check declares", id)
		}
	}
}

// Package fixturecase reads and writes the case files of the test fixtures: beside each
// generated input testdata/DIR/X is testdata/DIR/X.case, a txtar archive whose comment says
// what the case is and which generator made the input, with three sections:
//
//	-- args --   the flags the input is checked with (--role, --no-zlint, --ca ...), on one line
//	-- codes --  the exact set of codes the check must raise, one a line, checked by hand
//	-- want --   the text report followed by "exit N"
//
// The end-to-end tests (internal/e2e) run `check --no-config --now 2026-06-01T00:00:00Z
// --color never --format text ARGS X` and compare both; `-update` rewrites only `want`.
// scripts/cases converts the former NAME.golden/NAME.args files and expectedCodes entries.
package fixturecase

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/rogpeppe/go-internal/txtar"
)

// Suffix is added to an input's name to name its case file.
const Suffix = ".case"

// Dirs are the fixture folders under testdata/: each file in them (not in their
// subfolders, except in the DirInputs folders) is an input with a case file beside it.
var Dirs = []string{
	"auto", "body", "body/kinds", "body/provider", "body/sdk", "ca", "ccm", "crl", "format",
	"server", "terraform", "weak", "zlint",
}

// DirInputs are the fixture folders whose subfolders are inputs too: testdata/terraform/X
// is a Terraform configuration, checked as one input, with its case file X.case beside it.
var DirInputs = map[string]bool{"terraform": true}

// IsInput says whether the entry e of the fixture folder dir is an input: a file that is
// not a case file, or a subfolder of a DirInputs folder.
func IsInput(dir string, e fs.DirEntry) bool {
	if e.IsDir() {
		return DirInputs[dir]
	}
	return !strings.HasSuffix(e.Name(), Suffix)
}

// Case is one parsed case file. A section that is absent has its Has field false: a case
// without codes has not been checked by hand yet, one without want has not been run.
type Case struct {
	Comment  string   // what the case is, which generator made the input
	Args     []string // the flags, without the input's path
	HasArgs  bool
	Codes    []string // sorted
	HasCodes bool
	Want     string // the text report and "exit N\n"
	HasWant  bool
}

// Parse reads a case file's text. Sections other than args, codes and want, or a section
// given twice, are errors.
func Parse(data []byte) (*Case, error) {
	a := txtar.Parse(data)
	c := &Case{Comment: string(a.Comment)}
	seen := map[string]bool{}
	for _, f := range a.Files {
		if seen[f.Name] {
			return nil, fmt.Errorf("section %q given twice", f.Name)
		}
		seen[f.Name] = true
		switch f.Name {
		case "args":
			c.HasArgs, c.Args = true, strings.Fields(string(f.Data))
		case "codes":
			c.HasCodes, c.Codes = true, strings.Fields(string(f.Data))
			slices.Sort(c.Codes)
		case "want":
			c.HasWant, c.Want = true, string(f.Data)
		default:
			return nil, fmt.Errorf("unknown section %q (want args, codes, want)", f.Name)
		}
	}
	return c, nil
}

// Read reads and parses the case file at path.
func Read(path string) (*Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// Format renders the case, sections in the order args, codes, want. It fails when the want
// text would not read back unchanged (a line that looks like a section marker).
func (c *Case) Format() ([]byte, error) {
	a := &txtar.Archive{Comment: []byte(c.Comment)}
	if len(a.Comment) > 0 && !bytes.HasSuffix(a.Comment, []byte("\n")) {
		a.Comment = append(a.Comment, '\n')
	}
	if c.HasArgs {
		a.Files = append(a.Files, txtar.File{Name: "args", Data: lines(strings.Join(c.Args, " "))})
	}
	if c.HasCodes {
		codes := slices.Clone(c.Codes)
		slices.Sort(codes)
		a.Files = append(a.Files, txtar.File{Name: "codes", Data: lines(strings.Join(slices.Compact(codes), "\n"))})
	}
	if c.HasWant {
		a.Files = append(a.Files, txtar.File{Name: "want", Data: []byte(c.Want)})
	}
	out := txtar.Format(a)
	back, err := Parse(out)
	if err != nil {
		return nil, err
	}
	if back.Want != c.Want || back.HasWant != c.HasWant {
		return nil, fmt.Errorf("the want text does not survive the txtar format (a line like \"-- name --\", or no final newline)")
	}
	return out, nil
}

// Write formats the case into path.
func (c *Case) Write(path string) error {
	data, err := c.Format()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, data, 0o644)
}

func lines(s string) []byte {
	if s == "" {
		return nil
	}
	return []byte(s + "\n")
}

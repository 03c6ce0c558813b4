// Command cases writes the case file testdata/DIR/X.case of each fixture (internal/fixturecase)
// from the former expectations: X.golden (becomes the want section), X.args (the args section,
// after the folder's --role and --no-zlint), and the fixture's entry in an `expectedCodes` map
// of a Go test file or in a codes file (the codes section). It then deletes the .golden and
// .args files it folded in. It is idempotent: a case with nothing left to fold in is left as
// it is, so it can be run again after merging branches that add fixtures the old way.
//
//	go run ./scripts/cases                      # fold in every leftover .golden/.args/expectedCodes entry
//	go run ./scripts/cases -codes new.codes     # and the codes listed in new.codes
//	go run ./scripts/cases -n                   # only say what would change
//
// It prints the path of each case file it writes (or would write).
//
// A codes file has one fixture a line: its path and the codes it must raise (none: it must
// raise nothing); blank lines and lines starting with # are ignored:
//
//	testdata/ca/rsa1024.pem VPN.0070
//	testdata/ca/good-rsa3072.pem
//
// expectedCodes maps are read from every *_test.go at the root and in internal/e2e (-from
// names other files); a Go file holding one is not edited: delete the entries (or the file)
// once converted. Run from the repository root.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/vpncertlint/vpncertlint/internal/fixturecase"
)

// roles is the --role each folder's fixtures are checked with when their case is first
// written (what the folder meant before case files). A new fixture folder needs a line here
// and in fixturecase.Dirs.
var roles = map[string]string{
	"ca": "ca", "server": "server", "auto": "auto", "format": "auto", "crl": "crl",
	"body": "auto", "weak": "auto", "ccm": "server", "zlint": "auto",
	"body/kinds": "auto", "body/sdk": "auto", "body/provider": "auto", "terraform": "auto",
}

// expectation is what is known of one fixture's codes, with the comments around its entry.
type expectation struct {
	codes []string
	notes []string
}

func main() {
	codesFile := flag.String("codes", "", "a file of `PATH CODE...` lines giving fixtures' exact codes")
	var from multi
	flag.Var(&from, "from", "a Go file holding an expectedCodes map (repeatable; default: *_test.go at the root and in internal/e2e)")
	dry := flag.Bool("n", false, "print what would change, change nothing")
	flag.Parse()
	if _, err := os.Stat("go.mod"); err != nil {
		fail("run from the repository root")
	}
	if len(from) == 0 {
		for _, g := range []string{"*_test.go", "internal/e2e/*_test.go"} {
			m, _ := filepath.Glob(g)
			from = append(from, m...)
		}
	}
	exp := map[string]*expectation{}
	for _, f := range from {
		if err := readGoMap(f, exp); err != nil {
			fail(err.Error())
		}
	}
	if *codesFile != "" {
		if err := readCodesFile(*codesFile, exp); err != nil {
			fail(err.Error())
		}
	}
	gens := generatorSources()
	used := map[string]bool{}
	changed, missing := 0, 0
	for _, dir := range fixturecase.Dirs {
		entries, err := os.ReadDir(filepath.Join("testdata", dir))
		if err != nil {
			fail(err.Error())
		}
		for _, e := range entries {
			n := e.Name()
			if !fixturecase.IsInput(dir, e) || strings.HasSuffix(n, ".golden") || strings.HasSuffix(n, ".args") {
				continue
			}
			input := "testdata/" + dir + "/" + n
			used[input] = true
			did, err := convert(input, dir, exp[input], gens, *dry)
			if err != nil {
				fail(err.Error())
			}
			if did {
				changed++
			}
			if c, err := fixturecase.Read(input + fixturecase.Suffix); err == nil && !c.HasCodes {
				missing++
				fmt.Fprintf(os.Stderr, "cases: %s has no codes yet: give them with -codes\n", input)
			} else if err != nil && !*dry {
				fail(err.Error())
			}
		}
	}
	var unused []string
	for p := range exp {
		if !used[p] {
			unused = append(unused, p)
		}
	}
	slices.Sort(unused)
	for _, p := range unused {
		fmt.Fprintf(os.Stderr, "cases: codes given for %s, which is not a fixture input\n", p)
	}
	verb := "wrote"
	if *dry {
		verb = "would write"
	}
	fmt.Printf("cases: %s %d case files; %d without codes\n", verb, changed, missing)
	if len(unused) > 0 {
		os.Exit(1)
	}
}

// convert folds the leftovers of one input into its case file; it reports whether it wrote.
func convert(input, dir string, e *expectation, gens map[string]string, dry bool) (bool, error) {
	path := input + fixturecase.Suffix
	c, err := fixturecase.Read(path)
	isNew := os.IsNotExist(err)
	if isNew {
		c, err = &fixturecase.Case{}, nil
	}
	if err != nil {
		return false, err
	}
	golden, gerr := os.ReadFile(input + ".golden")
	extra, aerr := os.ReadFile(input + ".args")
	if !isNew && gerr != nil && aerr != nil && e == nil {
		return false, nil // nothing to fold in
	}
	role, ok := roles[dir]
	if !ok {
		return false, fmt.Errorf("%s: no role for folder %s in scripts/cases", input, dir)
	}
	if aerr == nil || !c.HasArgs {
		args := []string{"--role", role}
		if dir != "zlint" { // the expectations outside testdata/zlint are made without zlint
			args = append(args, "--no-zlint")
		}
		if aerr == nil {
			args = append(args, strings.Fields(string(extra))...)
		}
		c.Args, c.HasArgs = args, true
	}
	if gerr == nil {
		c.Want, c.HasWant = string(golden), true
	}
	if e != nil {
		c.Codes, c.HasCodes = slices.Clone(e.codes), true
	}
	if isNew {
		c.Comment = header(input, role, e, gens)
	}
	data, err := c.Format()
	if err != nil {
		return false, fmt.Errorf("%s: %w", path, err)
	}
	if old, err := os.ReadFile(path); err == nil && string(old) == string(data) && gerr != nil && aerr != nil {
		return false, nil // the same expectation again
	}
	fmt.Println(path)
	if dry {
		return true, nil
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return false, err
	}
	for _, old := range []string{input + ".golden", input + ".args"} {
		if err := os.Remove(old); err != nil && !os.IsNotExist(err) {
			return false, err
		}
	}
	return true, nil
}

// header is the comment of a new case: the input, its role, the notes of its expectedCodes
// entry, and the generator that writes the input.
func header(input, role string, e *expectation, gens map[string]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, checked with --role %s.\n", input, role)
	if e != nil {
		for _, n := range e.notes {
			b.WriteString(n + "\n")
		}
	}
	fmt.Fprintf(&b, "Input made by %s.\n", generatorOf(input, gens))
	b.WriteString("codes: checked by hand, never rewritten; want: go test ./internal/e2e -run Cases -update\n")
	return b.String()
}

// generatorSources reads the scripts that write fixtures.
func generatorSources() map[string]string {
	out := map[string]string{}
	for _, g := range []string{"scripts/gen/*.sh", "scripts/gen/*.go", "scripts/sdkbodies/*.go", "scripts/sdkbodies-kinds/*.go"} {
		m, _ := filepath.Glob(g)
		for _, f := range m {
			if filepath.Base(f) == "lib.sh" {
				continue
			}
			b, err := os.ReadFile(f)
			if err == nil {
				out[f] = string(b)
			}
		}
	}
	return out
}

// generatorOf names the scripts that mention the input's file name (or, failing that, its
// name without the extension as a word).
func generatorOf(input string, gens map[string]string) string {
	base := filepath.Base(input)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	word := regexp.MustCompile(`(^|[^\w.-])` + regexp.QuoteMeta(stem) + `([^\w-]|$)`)
	var hits []string
	for _, try := range []func(string) bool{
		func(s string) bool { return strings.Contains(s, base) },
		func(s string) bool { return word.MatchString(s) },
	} {
		for f, s := range gens {
			if try(s) {
				hits = append(hits, f)
			}
		}
		if len(hits) > 0 {
			break
		}
	}
	if len(hits) == 0 {
		return "scripts/gen-testdata (the script was not identified)"
	}
	// Several: those that name the input's folder.
	folder := regexp.MustCompile(`(?m)/` + regexp.QuoteMeta(filepath.Base(filepath.Dir(input))) + `(["/ ]|$)`)
	var inFolder []string
	for _, f := range hits {
		if folder.MatchString(gens[f]) {
			inFolder = append(inFolder, f)
		}
	}
	if len(inFolder) > 0 {
		hits = inFolder
	}
	// Still several: those that write it (a command's first argument, or after >).
	writes := regexp.MustCompile(`(?m)(^\s*[\w-]+\s+|>\s*)"?[^"\s]*` + regexp.QuoteMeta(base) + `\b`)
	var writers []string
	for _, f := range hits {
		if writes.MatchString(gens[f]) {
			writers = append(writers, f)
		}
	}
	if len(writers) > 0 {
		hits = writers
	}
	slices.Sort(hits)
	return strings.Join(hits, " or ")
}

// readGoMap adds the entries of `var expectedCodes = map[string][]string{...}` in a Go file,
// with the comment lines above each group of entries and at the end of an entry's line.
func readGoMap(file string, exp map[string]*expectation) error {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
	if err != nil {
		return err
	}
	var lit *ast.CompositeLit
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "expectedCodes" || len(vs.Values) != 1 {
			return true
		}
		lit, _ = vs.Values[0].(*ast.CompositeLit)
		return false
	})
	if lit == nil {
		return nil
	}
	line := func(p token.Pos) int { return fset.Position(p).Line }
	var comments []*ast.CommentGroup
	for _, g := range f.Comments {
		if g.Pos() > lit.Lbrace && g.End() < lit.Rbrace {
			comments = append(comments, g)
		}
	}
	var section []string
	prevEnd := lit.Lbrace
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return fmt.Errorf("%s: expectedCodes: not a key: value", fset.Position(el.Pos()))
		}
		key, err := stringLit(kv.Key)
		if err != nil {
			return fmt.Errorf("%s: %v", fset.Position(kv.Pos()), err)
		}
		e := &expectation{codes: []string{}}
		val, ok := kv.Value.(*ast.CompositeLit)
		if !ok {
			return fmt.Errorf("%s: expectedCodes[%s]: not a list", fset.Position(kv.Pos()), key)
		}
		for _, v := range val.Elts {
			s, err := stringLit(v)
			if err != nil {
				return fmt.Errorf("%s: %v", fset.Position(v.Pos()), err)
			}
			e.codes = append(e.codes, s)
		}
		for _, g := range comments {
			switch {
			case g.Pos() > prevEnd && g.End() < kv.Pos() && line(g.Pos()) != line(prevEnd):
				section = strings.Split(strings.TrimSpace(g.Text()), "\n") // a new group begins
			}
		}
		e.notes = append(e.notes, section...)
		for _, g := range comments {
			if g.Pos() > kv.End() && line(g.Pos()) == line(kv.End()) {
				e.notes = append(e.notes, strings.TrimSpace(g.Text()))
			}
		}
		prevEnd = kv.End()
		exp[key] = e
	}
	return nil
}

func stringLit(e ast.Expr) (string, error) {
	b, ok := e.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", fmt.Errorf("not a string literal")
	}
	return strconv.Unquote(b.Value)
}

// readCodesFile adds the `PATH CODE...` lines of a codes file.
func readCodesFile(file string, exp map[string]*expectation) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		exp[filepath.ToSlash(fields[0])] = &expectation{codes: append([]string{}, fields[1:]...)}
	}
	return sc.Err()
}

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(s string) error { *m = append(*m, s); return nil }

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "cases:", msg)
	os.Exit(1)
}

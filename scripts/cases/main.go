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
	"bytes"
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
	exp, err := readExpectations(from, *codesFile)
	if err != nil {
		fail(err.Error())
	}
	gens := generatorSources()
	used := map[string]bool{}
	changed, missing := 0, 0
	for _, dir := range fixturecase.Dirs {
		c, m, err := convertDir(dir, exp, gens, used, *dry)
		if err != nil {
			fail(err.Error())
		}
		changed += c
		missing += m
	}
	unused := reportUnused(exp, used)
	verb := "wrote"
	if *dry {
		verb = "would write"
	}
	fmt.Printf("cases: %s %d case files; %d without codes\n", verb, changed, missing)
	if unused > 0 {
		os.Exit(1)
	}
}

// readExpectations reads the expectedCodes maps of the Go files from (default: the tests at the
// root and in internal/e2e) and the codes file, if any.
func readExpectations(from []string, codesFile string) (map[string]*expectation, error) {
	if len(from) == 0 {
		for _, g := range []string{"*_test.go", "internal/e2e/*_test.go"} {
			m, _ := filepath.Glob(g)
			from = append(from, m...)
		}
	}
	exp := map[string]*expectation{}
	for _, f := range from {
		if err := readGoMap(f, exp); err != nil {
			return nil, err
		}
	}
	if codesFile != "" {
		if err := readCodesFile(codesFile, exp); err != nil {
			return nil, err
		}
	}
	return exp, nil
}

// convertDir converts the inputs of one fixture folder, marking them used; it returns how many
// case files it wrote (or would write) and how many cases still have no codes.
func convertDir(dir string, exp map[string]*expectation, gens map[string]string, used map[string]bool, dry bool) (changed, missing int, err error) {
	entries, err := os.ReadDir(filepath.Join("testdata", dir))
	if err != nil {
		return 0, 0, err
	}
	for _, e := range entries {
		n := e.Name()
		if !fixturecase.IsInput(dir, e) || strings.HasSuffix(n, ".golden") || strings.HasSuffix(n, ".args") {
			continue
		}
		input := "testdata/" + dir + "/" + n
		used[input] = true
		did, err := convert(input, dir, exp[input], gens, dry)
		if err != nil {
			return 0, 0, err
		}
		if did {
			changed++
		}
		if c, err := fixturecase.Read(input + fixturecase.Suffix); err == nil && !c.HasCodes {
			missing++
			fmt.Fprintf(os.Stderr, "cases: %s has no codes yet: give them with -codes\n", input)
		} else if err != nil && !dry {
			return 0, 0, err
		}
	}
	return changed, missing, nil
}

// reportUnused names the expectations given for paths that are not fixture inputs and returns
// how many there are.
func reportUnused(exp map[string]*expectation, used map[string]bool) int {
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
	return len(unused)
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
		c.Args, c.HasArgs = caseArgs(dir, role, extra, aerr == nil), true
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
	return true, write(input, path, data)
}

// caseArgs are the args of a case: the folder's role, --no-zlint outside testdata/zlint, and
// the fixture's .args file (extra) if it has one.
func caseArgs(dir, role string, extra []byte, hasExtra bool) []string {
	args := []string{"--role", role}
	if dir != "zlint" { // the expectations outside testdata/zlint are made without zlint
		args = append(args, "--no-zlint")
	}
	if hasExtra {
		args = append(args, strings.Fields(string(extra))...)
	}
	return args
}

// write writes the case file of input and removes the .golden and .args files folded into it.
func write(input, path string, data []byte) error {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return err
	}
	for _, old := range []string{input + ".golden", input + ".args"} {
		if err := os.Remove(old); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
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

// generatorSources reads the scripts that write fixtures, by the name they are run by: a
// shell script by its path, a Go command under scripts/gen by its directory.
func generatorSources() map[string]string {
	out := map[string]string{}
	for _, g := range []string{"scripts/gen/*.sh", "scripts/gen/*/*.go", "scripts/sdkbodies/*.go", "scripts/sdkbodies-kinds/*.go"} {
		m, _ := filepath.Glob(g)
		for _, f := range m {
			if filepath.Base(f) == "lib.sh" {
				continue
			}
			name := f
			if strings.HasPrefix(f, "scripts/gen/") && strings.HasSuffix(f, ".go") {
				name = filepath.Dir(f)
			}
			b, err := os.ReadFile(f)
			if err == nil {
				out[name] += string(b)
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
	lit := expectedCodesLit(f)
	if lit == nil {
		return nil
	}
	notes := &mapNotes{fset: fset}
	for _, g := range f.Comments {
		if g.Pos() > lit.Lbrace && g.End() < lit.Rbrace {
			notes.comments = append(notes.comments, g)
		}
	}
	prevEnd := lit.Lbrace
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return fmt.Errorf("%s: expectedCodes: not a key: value", fset.Position(el.Pos()))
		}
		key, codes, err := mapEntry(fset, kv)
		if err != nil {
			return err
		}
		exp[key] = &expectation{codes: codes, notes: notes.of(kv, prevEnd)}
		prevEnd = kv.End()
	}
	return nil
}

// mapNotes gives the entries of an expectedCodes map the comments inside it.
type mapNotes struct {
	fset     *token.FileSet
	comments []*ast.CommentGroup
	section  []string // the lines of the last comment above a group of entries
}

func (n *mapNotes) line(p token.Pos) int { return n.fset.Position(p).Line }

// of is the notes of the entry kv, the previous entry ending at prevEnd: the comment lines
// above its group, then the comment at the end of its line.
func (n *mapNotes) of(kv *ast.KeyValueExpr, prevEnd token.Pos) []string {
	for _, g := range n.comments {
		if g.Pos() > prevEnd && g.End() < kv.Pos() && n.line(g.Pos()) != n.line(prevEnd) {
			n.section = strings.Split(strings.TrimSpace(g.Text()), "\n") // a new group begins
		}
	}
	var notes []string
	notes = append(notes, n.section...)
	for _, g := range n.comments {
		if g.Pos() > kv.End() && n.line(g.Pos()) == n.line(kv.End()) {
			notes = append(notes, strings.TrimSpace(g.Text()))
		}
	}
	return notes
}

// expectedCodesLit is the composite literal of `var expectedCodes = ...` in f (nil if none).
func expectedCodesLit(f *ast.File) *ast.CompositeLit {
	var lit *ast.CompositeLit
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "expectedCodes" || len(vs.Values) != 1 {
			return true
		}
		lit, _ = vs.Values[0].(*ast.CompositeLit)
		return false
	})
	return lit
}

// mapEntry is the path and the codes (never nil) of one expectedCodes entry.
func mapEntry(fset *token.FileSet, kv *ast.KeyValueExpr) (string, []string, error) {
	key, err := stringLit(kv.Key)
	if err != nil {
		return "", nil, fmt.Errorf("%s: %v", fset.Position(kv.Pos()), err)
	}
	val, ok := kv.Value.(*ast.CompositeLit)
	if !ok {
		return "", nil, fmt.Errorf("%s: expectedCodes[%s]: not a list", fset.Position(kv.Pos()), key)
	}
	codes := []string{}
	for _, v := range val.Elts {
		s, err := stringLit(v)
		if err != nil {
			return "", nil, fmt.Errorf("%s: %v", fset.Position(v.Pos()), err)
		}
		codes = append(codes, s)
	}
	return key, codes, nil
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
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
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

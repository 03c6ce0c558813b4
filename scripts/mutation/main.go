// mutation is a small mutation tester (README "Develop"): for one package directory it parses
// every non-test .go file, enumerates mutants (see the kinds below), writes each mutant to a
// temporary file and runs the package's tests on it through `go test -overlay`, one mutant at
// a time (or -j at a time), and prints for each mutant whether the tests killed it. Run it
// through scripts/mutation.sh, which builds it and runs it at nice 19:
//
//	scripts/mutation.sh -pkg ./bodycheck [-with-root] [-run REGEXP] [-list] [-only FILE:LINE[:COL]] [-j N]
//
// Kinds of mutant:
//
//	relational    < <= > >= to the boundary (< ↔ <=, > ↔ >=) and to the negation (< ↔ >=, > ↔ <=);
//	              == ↔ !=
//	int-literal   an integer literal inside a comparison or in a constant declaration, ±1
//	negate-cond   if cond → if !(cond), and a case of a tagless switch likewise (not when the
//	              condition is a single comparison: its negation is a relational mutant)
//	logical       && ↔ ||
//	drop-append   x = append(x, …) → _ = append(x, …) (the element is computed, then lost)
//	drop-call     a call statement of a finding emitter (-emitters: report, invalid, add, bad)
//	              → its arguments assigned to _ (computed, then lost)
//	drop-return   return EXPR of a slice result → return (EXPR)[:0:0] (an empty result)
//	bool-literal  true ↔ false
//
// Results: KILLED (a test failed), SURVIVED (all passed), TIMEOUT (-timeout; counted as
// killed), BUILD-FAIL (the mutant does not compile; not counted). The score of a package is
// killed / (killed + survived). With -with-root, a mutant the package's own tests let live is
// also run against the end-to-end fixture cases (./internal/e2e, -root-run; they were the
// root package's golden tests), and both scores are printed.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Mutant is one change to one file.
type Mutant struct {
	File       string // path of the file as given (relative to the working directory)
	Line, Col  int
	Kind       string
	Orig, Repl string // the replaced source text and its replacement
	off, end   int    // byte range of Orig in the file
}

func (m Mutant) String() string {
	return fmt.Sprintf("%s:%d:%d %-12s %s -> %s", m.File, m.Line, m.Col, m.Kind, short(m.Orig), short(m.Repl))
}

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 70 {
		s = s[:67] + "..."
	}
	return strconv.Quote(s)
}

var relational = map[token.Token][]token.Token{
	token.LSS: {token.LEQ, token.GEQ},
	token.LEQ: {token.LSS, token.GTR},
	token.GTR: {token.GEQ, token.LEQ},
	token.GEQ: {token.GTR, token.LSS},
	token.EQL: {token.NEQ},
	token.NEQ: {token.EQL},
}

// Enumerate lists the mutants of one file's source.
func Enumerate(file string, src []byte, emitters map[string]bool) ([]Mutant, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	e := &enumerator{file: file, src: src, fset: fset, emitters: emitters, literals: map[*ast.BasicLit]bool{}}
	ast.Inspect(f, e.visit)
	e.intLiterals()
	sort.SliceStable(e.out, func(i, j int) bool { return e.out[i].off < e.out[j].off })
	return e.out, nil
}

// enumerator collects the mutants of one parsed file.
type enumerator struct {
	file     string
	src      []byte
	fset     *token.FileSet
	emitters map[string]bool
	out      []Mutant
	// literals marks integer literals of comparisons and constants (each mutated once).
	literals map[*ast.BasicLit]bool
	// funcs are the types of the functions around the node visited, the innermost last.
	funcs []*ast.FuncType
}

// add records a mutant replacing the source from pos to end by repl.
func (e *enumerator) add(pos, end token.Pos, kind, repl string) {
	p := e.fset.Position(pos)
	off, to := p.Offset, e.fset.Position(end).Offset
	e.out = append(e.out, Mutant{File: e.file, Line: p.Line, Col: p.Column, Kind: kind, Orig: string(e.src[off:to]), Repl: repl, off: off, end: to})
}

// text is the source of a node.
func (e *enumerator) text(n ast.Node) string {
	return string(e.src[e.fset.Position(n.Pos()).Offset:e.fset.Position(n.End()).Offset])
}

// visit is the ast.Inspect function: it records the mutants of one node.
func (e *enumerator) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.GenDecl:
		if n.Tok == token.CONST {
			e.markLiterals(n)
		}
	case *ast.CallExpr:
		return !isNonLogic(n) && !isPanic(n)
	case *ast.FuncDecl:
		if n.Body != nil {
			e.inFunc(n.Type, n.Body)
		}
		return false
	case *ast.FuncLit:
		e.inFunc(n.Type, n.Body)
		return false
	case *ast.BinaryExpr:
		e.binary(n)
	case *ast.IfStmt:
		e.negate(n.Cond)
	case *ast.SwitchStmt:
		e.taglessCases(n)
	case *ast.Ident:
		e.boolLiteral(n)
	case *ast.AssignStmt:
		e.dropAppend(n)
	case *ast.ExprStmt:
		e.dropCall(n)
	case *ast.ReturnStmt:
		e.dropReturn(n)
	}
	return true
}

// isPanic reports a call of the built-in panic, whose argument is only a message.
func isPanic(c *ast.CallExpr) bool {
	id, ok := c.Fun.(*ast.Ident)
	return ok && id.Name == "panic"
}

// inFunc visits the body of a function with its type as the innermost.
func (e *enumerator) inFunc(t *ast.FuncType, body *ast.BlockStmt) {
	e.funcs = append(e.funcs, t)
	ast.Inspect(body, e.visit)
	e.funcs = e.funcs[:len(e.funcs)-1]
}

// markLiterals marks the integer literals of n outside calls and function literals.
func (e *enumerator) markLiterals(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr, *ast.FuncLit:
			return false // an argument is not part of the comparison
		case *ast.BasicLit:
			if n.Kind == token.INT {
				e.literals[n] = true
			}
		}
		return true
	})
}

// binary records the relational and logical mutants of an operator.
func (e *enumerator) binary(n *ast.BinaryExpr) {
	if to, ok := relational[n.Op]; ok {
		for _, t := range to {
			e.add(n.OpPos, n.OpPos+token.Pos(len(n.Op.String())), "relational", t.String())
		}
		e.markLiterals(n)
	}
	switch n.Op {
	case token.LAND:
		e.add(n.OpPos, n.OpPos+2, "logical", "||")
	case token.LOR:
		e.add(n.OpPos, n.OpPos+2, "logical", "&&")
	}
}

// negate records the negation of a condition that is not a single comparison.
func (e *enumerator) negate(cond ast.Expr) {
	if b, ok := ast.Unparen(cond).(*ast.BinaryExpr); ok && relational[b.Op] != nil {
		return // the relational negation is the same mutant
	}
	e.add(cond.Pos(), cond.End(), "negate-cond", "!("+e.text(cond)+")")
}

// taglessCases negates each case of a switch without a tag.
func (e *enumerator) taglessCases(n *ast.SwitchStmt) {
	if n.Tag != nil {
		return
	}
	for _, c := range n.Body.List {
		for _, x := range c.(*ast.CaseClause).List {
			e.negate(x)
		}
	}
}

// boolLiteral records true ↔ false.
func (e *enumerator) boolLiteral(n *ast.Ident) {
	switch n.Name {
	case "true":
		e.add(n.Pos(), n.End(), "bool-literal", "false")
	case "false":
		e.add(n.Pos(), n.End(), "bool-literal", "true")
	}
}

// dropAppend records x = append(x, …) → _ = append(x, …).
func (e *enumerator) dropAppend(n *ast.AssignStmt) {
	if n.Tok != token.ASSIGN || len(n.Lhs) != 1 || len(n.Rhs) != 1 {
		return
	}
	c, ok := n.Rhs[0].(*ast.CallExpr)
	if !ok || len(c.Args) == 0 {
		return
	}
	if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "append" && e.text(c.Args[0]) == e.text(n.Lhs[0]) {
		e.add(n.Lhs[0].Pos(), n.Lhs[0].End(), "drop-append", "_")
	}
}

// dropCall records a call statement of an emitter → its arguments assigned to _.
func (e *enumerator) dropCall(n *ast.ExprStmt) {
	c, ok := n.X.(*ast.CallExpr)
	if !ok || !e.emitters[calleeName(c)] || c.Ellipsis.IsValid() {
		return
	}
	repl := "_ = 0"
	if len(c.Args) > 0 {
		var args []string
		for _, a := range c.Args {
			args = append(args, e.text(a))
		}
		repl = strings.Repeat("_, ", len(args)-1) + "_ = " + strings.Join(args, ", ")
	}
	e.add(n.Pos(), n.End(), "drop-call", repl)
}

// dropReturn records return EXPR → return (EXPR)[:0:0] for each slice result that is not nil.
func (e *enumerator) dropReturn(n *ast.ReturnStmt) {
	types := e.resultTypes()
	if len(types) != len(n.Results) {
		return // no function, no results, a bare return, or a call returning several values
	}
	for i, r := range n.Results {
		if a, ok := types[i].(*ast.ArrayType); ok && a.Len == nil {
			if id, ok := r.(*ast.Ident); ok && id.Name == "nil" {
				continue
			}
			e.add(r.Pos(), r.End(), "drop-return", "("+e.text(r)+")[:0:0]")
		}
	}
}

// resultTypes are the types of the innermost function's results, one per result (nil when
// outside a function or when it has none).
func (e *enumerator) resultTypes() []ast.Expr {
	if len(e.funcs) == 0 || e.funcs[len(e.funcs)-1].Results == nil {
		return nil
	}
	var types []ast.Expr
	for _, r := range e.funcs[len(e.funcs)-1].Results.List {
		for range max(1, len(r.Names)) {
			types = append(types, r.Type)
		}
	}
	return types
}

// intLiterals records the ±1 mutants of the marked integer literals, last and once each (a
// literal can be inside two nested comparisons).
func (e *enumerator) intLiterals() {
	var lits []*ast.BasicLit
	for l := range e.literals {
		lits = append(lits, l)
	}
	sort.Slice(lits, func(i, j int) bool { return lits[i].Pos() < lits[j].Pos() })
	for _, l := range lits {
		e.intLit(l)
	}
}

// intLit records an integer literal +1 and, when positive, -1 (in its own base, hexadecimal
// or decimal).
func (e *enumerator) intLit(l *ast.BasicLit) {
	v, err := strconv.ParseInt(strings.ReplaceAll(l.Value, "_", ""), 0, 64)
	if err != nil {
		return
	}
	format := func(x int64) string {
		if strings.HasPrefix(strings.ToLower(l.Value), "0x") {
			return fmt.Sprintf("0x%X", x)
		}
		return strconv.FormatInt(x, 10)
	}
	e.add(l.Pos(), l.End(), "int-literal", format(v+1))
	if v > 0 {
		e.add(l.Pos(), l.End(), "int-literal", format(v-1))
	}
}

// isNonLogic reports calls whose arguments are only messages: log.*, fmt.Print*.
func isNonLogic(c *ast.CallExpr) bool {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return false
	}
	return pkg.Name == "log" || pkg.Name == "fmt" && strings.HasPrefix(sel.Sel.Name, "Print")
}

func calleeName(c *ast.CallExpr) string {
	switch f := c.Fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// Result of running the tests on a mutant.
const (
	Killed    = "KILLED"
	Survived  = "SURVIVED"
	Timeout   = "TIMEOUT"
	BuildFail = "BUILD-FAIL"
)

type runner struct {
	tmp     string
	timeout time.Duration
}

// test runs go test with the mutant in an overlay and classifies the outcome.
func (r *runner) test(id int, m Mutant, src []byte, pkg, run string) (string, string) {
	dir := filepath.Join(r.tmp, strconv.Itoa(id))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return BuildFail, err.Error()
	}
	defer removeAll(dir)
	mutated := append(append(append([]byte(nil), src[:m.off]...), m.Repl...), src[m.end:]...)
	mf := filepath.Join(dir, filepath.Base(m.File))
	abs, _ := filepath.Abs(m.File)
	overlay, _ := json.Marshal(map[string]map[string]string{"Replace": {abs: mf}})
	of := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(mf, mutated, 0o644); err != nil {
		return BuildFail, err.Error()
	}
	if err := os.WriteFile(of, overlay, 0o644); err != nil {
		return BuildFail, err.Error()
	}
	args := []string{"test", "-count=1", "-failfast", "-vet=off", "-overlay", of}
	if run != "" {
		args = append(args, "-run", run)
	}
	args = append(args, pkg)
	ctx, cancel := context.WithTimeout(context.Background(), r.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", args...)
	killGroup(cmd) // the test binary too
	cmd.WaitDelay = 5 * time.Second
	var outb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &outb, &outb
	err := cmd.Run()
	out := outb.String()
	switch {
	case ctx.Err() != nil:
		return Timeout, ""
	case err == nil:
		return Survived, ""
	case strings.Contains(out, "[build failed]") || strings.Contains(out, "[setup failed]"):
		return BuildFail, firstLine(out)
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return BuildFail, err.Error()
	}
	return Killed, failed(out)
}

type schemata struct {
	pkgBin, rootBin string
	ids             []int // the switch of each mutant; 0 = no host, tested with its own build
}

// buildSchemata writes every file with all its mutants behind switches and builds the
// package's test binary (and the root package's, for -with-root) once.
//
// A mutant that makes the whole build fail (a constant expression moved out of its type's
// range: Go evaluates it even behind a switch that is off) is left to the one-build-per-
// mutant mode, which reports it as BUILD-FAIL; the build is then tried again.
func (r *runner) buildSchemata(mutants []Mutant, sources map[string][]byte, dir, gopkg string, withRoot bool) (*schemata, error) {
	excluded := map[int]bool{}
	for attempt := 0; ; attempt++ {
		sc, failed, err := r.tryBuildSchemata(mutants, sources, dir, gopkg, withRoot, excluded)
		if err == nil || len(failed) == 0 || attempt == 5 {
			return sc, err
		}
		for _, i := range failed {
			excluded[i] = true
		}
		fmt.Fprintf(os.Stderr, "mutation: schemata: %d mutants do not compile; testing them one at a time\n", len(failed))
	}
}

var errorLineRe = regexp.MustCompile(`(?m)/schemata/([^/:\s]+\.go):(\d+)`)

var switchRe = regexp.MustCompile(`vclMutantOn\((\d+)\)`)

// tryBuildSchemata builds the test binaries with every mutant not excluded behind its switch.
// When a build fails it also returns the mutants whose switches are on the lines the compiler
// names. It returns no schemata and no error when no mutant has a switch.
func (r *runner) tryBuildSchemata(mutants []Mutant, sources map[string][]byte, dir, gopkg string, withRoot bool, excluded map[int]bool) (*schemata, []int, error) {
	sc := &schemata{ids: make([]int, len(mutants))}
	sdir := filepath.Join(r.tmp, "schemata")
	if err := os.MkdirAll(sdir, 0o755); err != nil {
		return nil, nil, err
	}
	ov := &schemaOverlay{dir: sdir, texts: map[string]string{}, replace: map[string]string{}}
	for file, idx := range mutantsByFile(mutants, excluded) {
		if err := ov.rewrite(sc, file, sources[file], mutants, idx); err != nil {
			return nil, nil, err
		}
	}
	if ov.pkgName == "" {
		return nil, nil, nil // no mutant has a switch
	}
	if err := ov.write(dir); err != nil {
		return nil, nil, err
	}
	sc.pkgBin = filepath.Join(r.tmp, "pkg.test")
	if failed, err := ov.build(gopkg, sc.pkgBin); err != nil {
		return nil, failed, err
	}
	if withRoot {
		sc.rootBin = filepath.Join(r.tmp, "root.test")
		if failed, err := ov.build(e2ePkg, sc.rootBin); err != nil {
			return nil, failed, err
		}
	}
	return sc, nil, nil
}

// mutantsByFile groups the indexes of the mutants not excluded by file.
func mutantsByFile(mutants []Mutant, excluded map[int]bool) map[string][]int {
	byFile := map[string][]int{}
	for i, m := range mutants {
		if !excluded[i] {
			byFile[m.File] = append(byFile[m.File], i)
		}
	}
	return byFile
}

// schemaOverlay is the go build overlay of the files rewritten with schemata.
type schemaOverlay struct {
	dir     string            // where the rewritten files are written
	texts   map[string]string // base name → rewritten text
	replace map[string]string // absolute path of a package file → its rewritten copy
	pkgName string
	file    string // the overlay file, once written
}

// rewrite writes one file with the mutants idx (indexes into mutants) behind switches and
// gives each mutant that has a host its switch in sc.ids.
func (ov *schemaOverlay) rewrite(sc *schemata, file string, src []byte, mutants []Mutant, idx []int) error {
	var ms []Mutant
	var ids []int
	for _, i := range idx {
		ms = append(ms, mutants[i])
		ids = append(ids, i+1)
	}
	text, name, skipped, err := schemaRewrite(file, src, ms, ids)
	if err != nil {
		return err
	}
	ov.texts[filepath.Base(file)] = text
	ov.pkgName = name
	left := map[int]bool{}
	for _, k := range skipped {
		left[k] = true
	}
	for k, i := range idx {
		if !left[k] {
			sc.ids[i] = i + 1
		}
	}
	out := filepath.Join(ov.dir, filepath.Base(file))
	if err := os.WriteFile(out, []byte(text), 0o644); err != nil {
		return err
	}
	abs, _ := filepath.Abs(file)
	ov.replace[abs] = out
	return nil
}

// write adds the file of the switch function to the package directory dir and writes the
// overlay file.
func (ov *schemaOverlay) write(dir string) error {
	extra := filepath.Join(ov.dir, "zz_vcl_mutant_schema.go")
	if err := os.WriteFile(extra, []byte(schemaFile(ov.pkgName)), 0o644); err != nil {
		return err
	}
	absDir, _ := filepath.Abs(dir)
	ov.replace[filepath.Join(absDir, "zz_vcl_mutant_schema.go")] = extra
	overlay, _ := json.Marshal(map[string]map[string]string{"Replace": ov.replace})
	ov.file = filepath.Join(ov.dir, "overlay.json")
	return os.WriteFile(ov.file, overlay, 0o644)
}

// build compiles the test binary of pkg with the overlay; on failure it returns the mutants
// whose switches are on the lines the compiler names.
func (ov *schemaOverlay) build(pkg, bin string) ([]int, error) {
	out, err := exec.Command("go", "test", "-c", "-vet=off", "-overlay", ov.file, "-o", bin, pkg).CombinedOutput()
	if err == nil {
		return nil, nil
	}
	return ov.failedMutants(string(out)), fmt.Errorf("go test -c %s: %v\n%s", pkg, err, out)
}

// failedMutants are the mutants whose switches are on the lines of the compiler's errors.
func (ov *schemaOverlay) failedMutants(out string) []int {
	var failed []int
	for _, m := range errorLineRe.FindAllStringSubmatch(out, -1) {
		n, _ := strconv.Atoi(m[2])
		if lines := strings.Split(ov.texts[m[1]], "\n"); n >= 1 && n <= len(lines) {
			for _, id := range switchRe.FindAllStringSubmatch(lines[n-1], -1) {
				k, _ := strconv.Atoi(id[1])
				failed = append(failed, k-1)
			}
		}
	}
	return failed
}

// e2ePkg holds the end-to-end tests -with-root runs (its TestMain moves to the repository
// root, where the binary is also run).
const e2ePkg = "./internal/e2e"

// runBinary runs a test binary built with schemata, with mutant id switched on, in dir.
func (r *runner) runBinary(bin, dir string, id int, run string) (string, string) {
	// failfast: the first failing test kills the mutant; the rest need not run
	args := []string{"-test.count=1", "-test.failfast", "-test.timeout=" + r.timeout.String()}
	if run != "" {
		args = append(args, "-test.run="+run)
	}
	ctx, cancel := context.WithTimeout(context.Background(), r.timeout+5*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d", schemaEnv, id))
	killGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	var outb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &outb, &outb
	err := cmd.Run()
	out := outb.String()
	switch {
	case ctx.Err() != nil || strings.Contains(out, "panic: test timed out after"):
		return Timeout, ""
	case err == nil:
		return Survived, ""
	}
	return Killed, failed(out)
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			return l
		}
	}
	return ""
}

// failed names the first failing test in go test's output.
func failed(out string) string {
	for _, l := range strings.Split(out, "\n") {
		if l = strings.TrimSpace(l); strings.HasPrefix(l, "--- FAIL: ") || strings.HasPrefix(l, "panic:") {
			return l
		}
	}
	return firstLine(out)
}

func main() {
	cfg := parseFlags()
	mutants, sources := loadMutants(cfg.pkg, cfg.emitters, cfg.only)
	if cfg.list {
		for _, m := range mutants {
			fmt.Println(m)
		}
		fmt.Printf("%d mutants\n", len(mutants))
		return
	}
	tmp, err := os.MkdirTemp("", "mutation-")
	if err != nil {
		fatal(err)
	}
	defer removeAll(tmp)
	r := &runner{tmp: tmp, timeout: cfg.timeout}
	gopkg := cfg.pkg
	if !strings.HasPrefix(gopkg, ".") && !filepath.IsAbs(gopkg) {
		gopkg = "./" + gopkg
	}
	var sc *schemata
	if cfg.useSchemata {
		sc = r.prepareSchemata(cfg, mutants, sources, gopkg)
	}
	results := r.runAll(cfg, mutants, sources, sc, gopkg)
	s := tally(mutants, results, readEquivalent(cfg.equivFile))
	s.print(cfg, len(mutants))
}

// config is what the command line asks for.
type config struct {
	pkg, run, only string
	list, withRoot bool
	jobs           int
	rootRun        string
	timeout        time.Duration
	useSchemata    bool
	emitters       map[string]bool
	equivFile      string
}

// parseFlags reads the command line; without -pkg, or with arguments left, it prints the
// usage and exits 2.
func parseFlags() config {
	pkg := flag.String("pkg", "", "package directory to mutate, e.g. ./bodycheck (required)")
	run := flag.String("run", "", "go test -run filter for the package's own tests")
	list := flag.Bool("list", false, "only list the mutants")
	only := flag.String("only", "", "run only the mutants at FILE, FILE:LINE or FILE:LINE:COL (FILE as printed, or its base name; several separated by commas)")
	jobs := flag.Int("j", 1, "mutants tested at a time")
	withRoot := flag.Bool("with-root", false, "also run the fixture cases of "+e2ePkg+" on mutants the package's tests let live")
	rootRun := flag.String("root-run", "Cases", "go test -run filter of the "+e2ePkg+" tests for -with-root")
	timeout := flag.Duration("timeout", 60*time.Second, "time limit of one go test run (a mutant that exceeds it counts as killed)")
	useSchemata := flag.Bool("schemata", true, "compile all mutants into one test binary (switched by $"+schemaEnv+"); false builds one per mutant")
	emitterList := flag.String("emitters", "report,invalid,add,bad", "names of functions whose call statements emit findings (drop-call)")
	equivFile := flag.String("equivalent", "scripts/mutation/equivalent.txt", "file of mutants judged equivalent (\"FILE:LINE:COL KIND \\\"ORIG\\\" -> \\\"REPL\\\"  # reason\" lines, as printed); the score is also given without them")
	flag.Parse()
	if *pkg == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	emitters := map[string]bool{}
	for _, e := range strings.Split(*emitterList, ",") {
		emitters[strings.TrimSpace(e)] = true
	}
	return config{
		pkg: *pkg, run: *run, only: *only, list: *list, withRoot: *withRoot, jobs: *jobs,
		rootRun: *rootRun, timeout: *timeout, useSchemata: *useSchemata, emitters: emitters,
		equivFile: *equivFile,
	}
}

// loadMutants reads the package's non-test files (not those built only with the ignore tag)
// and lists their mutants at the places of -only.
func loadMutants(pkg string, emitters map[string]bool, only string) ([]Mutant, map[string][]byte) {
	files, err := filepath.Glob(filepath.Join(pkg, "*.go"))
	if err != nil {
		fatal(err)
	}
	var mutants []Mutant
	sources := map[string][]byte{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			fatal(err)
		}
		if bytes.Contains(src, []byte("\n//go:build ignore")) || bytes.HasPrefix(src, []byte("//go:build ignore")) {
			continue
		}
		ms, err := Enumerate(f, src, emitters)
		if err != nil {
			fatal(err)
		}
		sources[f] = src
		for _, m := range ms {
			if only == "" || matches(m, only) {
				mutants = append(mutants, m)
			}
		}
	}
	return mutants, sources
}

// prepareSchemata builds the schemata binaries and checks that the package's tests pass with
// no mutant switched on; it returns nil (one build per mutant) when the build fails.
func (r *runner) prepareSchemata(cfg config, mutants []Mutant, sources map[string][]byte, gopkg string) *schemata {
	sc, err := r.buildSchemata(mutants, sources, cfg.pkg, gopkg, cfg.withRoot)
	if err != nil {
		fmt.Fprintf(os.Stderr, "mutation: schemata: %v; building one test binary per mutant instead\n", err)
		return nil
	}
	if sc != nil {
		if out, why := r.runBinary(sc.pkgBin, cfg.pkg, 0, cfg.run); out != Survived {
			fatal(fmt.Errorf("the tests fail without a mutant: %s %s", out, why))
		}
	}
	return sc
}

// outcome is the result of one mutant: with the package's own tests, with the e2e tests
// (-with-root, when it survived its own), and the failing test or the build error.
type outcome struct{ own, root, why string }

// survived reports whether no test run killed the mutant.
func (o outcome) survived() bool {
	return o.own == Survived && (o.root == "" || o.root == Survived)
}

// line is the printed result of mutant m.
func (o outcome) line(m Mutant) string {
	line := fmt.Sprintf("%s  %s", m, o.own)
	if o.root != "" {
		line += "  root:" + o.root
	}
	if o.why != "" {
		line += "  (" + o.why + ")"
	}
	return line
}

// runAll tests every mutant, -j at a time, printing each result as it comes.
func (r *runner) runAll(cfg config, mutants []Mutant, sources map[string][]byte, sc *schemata, gopkg string) []outcome {
	results := make([]outcome, len(mutants))
	var mu sync.Mutex
	next := 0
	var wg sync.WaitGroup
	for range max(1, cfg.jobs) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(mutants) {
					return
				}
				o := r.runOne(cfg, i, mutants[i], sources, sc, gopkg)
				results[i] = o
				mu.Lock()
				fmt.Println(o.line(mutants[i]))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return results
}

// runOne tests mutant i: with the schemata binaries when it has a switch, else with its own
// build; with -with-root, a mutant the package's tests let live also against the e2e tests.
func (r *runner) runOne(cfg config, i int, m Mutant, sources map[string][]byte, sc *schemata, gopkg string) outcome {
	o := outcome{}
	if sc != nil && sc.ids[i] > 0 {
		o.own, o.why = r.runBinary(sc.pkgBin, cfg.pkg, sc.ids[i], cfg.run)
		if cfg.withRoot && o.own == Survived {
			o.root, o.why = r.runBinary(sc.rootBin, ".", sc.ids[i], cfg.rootRun)
		}
		return o
	}
	o.own, o.why = r.test(i, m, sources[m.File], gopkg, cfg.run)
	if cfg.withRoot && o.own == Survived {
		o.root, o.why = r.test(i, m, sources[m.File], e2ePkg, cfg.rootRun)
	}
	return o
}

// summary counts the outcomes.
type summary struct {
	own, both       [2]int // killed, survived
	nonEquiv        int    // survivors (own + root) not listed as equivalent
	build, timeouts int
	survivors       []string
}

func tally(mutants []Mutant, results []outcome, equivalent map[string]string) summary {
	var s summary
	for i, o := range results {
		switch o.own {
		case BuildFail:
			s.build++
			continue
		case Timeout:
			s.timeouts++
		}
		if o.own == Survived {
			s.own[1]++
		} else {
			s.own[0]++
		}
		if !o.survived() {
			s.both[0]++
			continue
		}
		s.both[1]++
		line := mutants[i].String()
		if why, ok := equivalent[key(line)]; ok {
			line += "  (equivalent: " + why + ")"
		} else {
			s.nonEquiv++
		}
		s.survivors = append(s.survivors, line)
	}
	return s
}

// print writes the counts, the scores and the survivors.
func (s summary) print(cfg config, n int) {
	fmt.Printf("\n%s: %d mutants, %d killed (%d by timeout), %d survived, %d do not build\n", cfg.pkg, n, s.own[0], s.timeouts, s.own[1], s.build)
	fmt.Printf("score %s (own tests): %s\n", cfg.pkg, score(s.own))
	if cfg.withRoot {
		fmt.Printf("score %s (own + e2e case tests): %s\n", cfg.pkg, score(s.both))
	}
	if eq := s.both[1] - s.nonEquiv; eq > 0 {
		fmt.Printf("score %s (%s, without the %d equivalent survivors): %s\n", cfg.pkg,
			map[bool]string{false: "own tests", true: "own + e2e case tests"}[cfg.withRoot], eq, score([2]int{s.both[0], s.nonEquiv}))
	}
	if len(s.survivors) > 0 {
		fmt.Printf("survivors%s:\n", map[bool]string{true: " (of own + e2e tests)"}[cfg.withRoot])
		for _, line := range s.survivors {
			fmt.Println("  " + line)
		}
	}
}

func score(c [2]int) string {
	if c[0]+c[1] == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f %% (%d/%d)", 100*float64(c[0])/float64(c[0]+c[1]), c[0], c[0]+c[1])
}

// matches reports whether m is at one of the comma-separated places of at: FILE, FILE:LINE
// or FILE:LINE:COL.
func matches(m Mutant, at string) bool {
	for _, place := range strings.Split(at, ",") {
		if matchesOne(m, strings.TrimSpace(place)) {
			return true
		}
	}
	return false
}

func matchesOne(m Mutant, at string) bool {
	parts := strings.Split(at, ":")
	if len(parts) > 3 {
		return false
	}
	if parts[0] != m.File && parts[0] != filepath.Base(m.File) && filepath.Clean(parts[0]) != filepath.Clean(m.File) {
		return false
	}
	if len(parts) >= 2 && parts[1] != strconv.Itoa(m.Line) {
		return false
	}
	return len(parts) < 3 || parts[2] == strconv.Itoa(m.Col)
}

// removeAll removes a temporary directory, warning when it cannot.
func removeAll(dir string) {
	if err := os.RemoveAll(dir); err != nil {
		fmt.Fprintln(os.Stderr, "mutation: warning:", err)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "mutation:", err)
	os.Exit(2)
}

// key normalises a mutant's printed form for matching against the equivalents file.
func key(s string) string { return strings.Join(strings.Fields(s), " ") }

// readEquivalent reads the equivalents file: mutant → reason. A missing file is empty.
func readEquivalent(file string) map[string]string {
	out := map[string]string{}
	data, err := os.ReadFile(file)
	if err != nil {
		return out
	}
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		reason := ""
		if i := strings.LastIndex(l, "  # "); i >= 0 {
			l, reason = l[:i], strings.TrimSpace(l[i+4:])
		}
		out[key(l)] = reason
	}
	return out
}

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
	var out []Mutant
	add := func(pos, end token.Pos, kind, repl string) {
		p := fset.Position(pos)
		off, e := fset.Position(pos).Offset, fset.Position(end).Offset
		out = append(out, Mutant{File: file, Line: p.Line, Col: p.Column, Kind: kind, Orig: string(src[off:e]), Repl: repl, off: off, end: e})
	}
	text := func(n ast.Node) string {
		return string(src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset])
	}
	intLit := func(l *ast.BasicLit) {
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
		add(l.Pos(), l.End(), "int-literal", format(v+1))
		if v > 0 {
			add(l.Pos(), l.End(), "int-literal", format(v-1))
		}
	}
	// literals marks integer literals of comparisons and constants (each mutated once).
	literals := map[*ast.BasicLit]bool{}
	markLiterals := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr, *ast.FuncLit:
				return false // an argument is not part of the comparison
			case *ast.BasicLit:
				if n.Kind == token.INT {
					literals[n] = true
				}
			}
			return true
		})
	}
	negate := func(cond ast.Expr) {
		if b, ok := ast.Unparen(cond).(*ast.BinaryExpr); ok && relational[b.Op] != nil {
			return // the relational negation is the same mutant
		}
		add(cond.Pos(), cond.End(), "negate-cond", "!("+text(cond)+")")
	}
	// results[f] are the result types of the innermost function around a return.
	var funcs []*ast.FuncType
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GenDecl:
			if n.Tok == token.CONST {
				markLiterals(n)
			}
		case *ast.CallExpr:
			if isNonLogic(n) {
				return false
			}
			if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return false
			}
		case *ast.FuncDecl:
			if n.Body == nil {
				return false
			}
			funcs = append(funcs, n.Type)
			ast.Inspect(n.Body, visit)
			funcs = funcs[:len(funcs)-1]
			return false
		case *ast.FuncLit:
			funcs = append(funcs, n.Type)
			ast.Inspect(n.Body, visit)
			funcs = funcs[:len(funcs)-1]
			return false
		case *ast.BinaryExpr:
			if to, ok := relational[n.Op]; ok {
				for _, t := range to {
					add(n.OpPos, n.OpPos+token.Pos(len(n.Op.String())), "relational", t.String())
				}
				markLiterals(n)
			}
			switch n.Op {
			case token.LAND:
				add(n.OpPos, n.OpPos+2, "logical", "||")
			case token.LOR:
				add(n.OpPos, n.OpPos+2, "logical", "&&")
			}
		case *ast.IfStmt:
			negate(n.Cond)
		case *ast.SwitchStmt:
			if n.Tag == nil {
				for _, c := range n.Body.List {
					for _, e := range c.(*ast.CaseClause).List {
						negate(e)
					}
				}
			}
		case *ast.Ident:
			switch n.Name {
			case "true":
				add(n.Pos(), n.End(), "bool-literal", "false")
			case "false":
				add(n.Pos(), n.End(), "bool-literal", "true")
			}
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				if c, ok := n.Rhs[0].(*ast.CallExpr); ok && len(c.Args) > 0 {
					if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "append" && text(c.Args[0]) == text(n.Lhs[0]) {
						add(n.Lhs[0].Pos(), n.Lhs[0].End(), "drop-append", "_")
					}
				}
			}
		case *ast.ExprStmt:
			if c, ok := n.X.(*ast.CallExpr); ok && emitters[calleeName(c)] && !c.Ellipsis.IsValid() {
				repl := "_ = 0"
				if len(c.Args) > 0 {
					var args []string
					for _, a := range c.Args {
						args = append(args, text(a))
					}
					repl = strings.Repeat("_, ", len(args)-1) + "_ = " + strings.Join(args, ", ")
				}
				add(n.Pos(), n.End(), "drop-call", repl)
			}
		case *ast.ReturnStmt:
			if len(funcs) == 0 || funcs[len(funcs)-1].Results == nil {
				break
			}
			var types []ast.Expr
			for _, r := range funcs[len(funcs)-1].Results.List {
				for range max(1, len(r.Names)) {
					types = append(types, r.Type)
				}
			}
			if len(types) != len(n.Results) {
				break // a bare return, or a call returning several values
			}
			for i, r := range n.Results {
				if a, ok := types[i].(*ast.ArrayType); ok && a.Len == nil {
					if id, ok := r.(*ast.Ident); ok && id.Name == "nil" {
						continue
					}
					add(r.Pos(), r.End(), "drop-return", "("+text(r)+")[:0:0]")
				}
			}
		}
		return true
	}
	ast.Inspect(f, visit)
	// Integer literals last, once each (a literal can be inside two nested comparisons).
	var lits []*ast.BasicLit
	for l := range literals {
		lits = append(lits, l)
	}
	sort.Slice(lits, func(i, j int) bool { return lits[i].Pos() < lits[j].Pos() })
	for _, l := range lits {
		intLit(l)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].off < out[j].off })
	return out, nil
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
	defer os.RemoveAll(dir)
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

func (r *runner) tryBuildSchemata(mutants []Mutant, sources map[string][]byte, dir, gopkg string, withRoot bool, excluded map[int]bool) (*schemata, []int, error) {
	sc := &schemata{ids: make([]int, len(mutants))}
	byFile := map[string][]int{}
	for i, m := range mutants {
		if !excluded[i] {
			byFile[m.File] = append(byFile[m.File], i)
		}
	}
	texts := map[string]string{} // base name → rewritten text
	sdir := filepath.Join(r.tmp, "schemata")
	if err := os.MkdirAll(sdir, 0o755); err != nil {
		return nil, nil, err
	}
	replace := map[string]string{}
	pkgName := ""
	for file, idx := range byFile {
		var ms []Mutant
		var ids []int
		for _, i := range idx {
			ms = append(ms, mutants[i])
			ids = append(ids, i+1)
		}
		text, name, skipped, err := schemaRewrite(file, sources[file], ms, ids)
		if err != nil {
			return nil, nil, err
		}
		texts[filepath.Base(file)] = text
		pkgName = name
		left := map[int]bool{}
		for _, k := range skipped {
			left[k] = true
		}
		for k, i := range idx {
			if !left[k] {
				sc.ids[i] = i + 1
			}
		}
		out := filepath.Join(sdir, filepath.Base(file))
		if err := os.WriteFile(out, []byte(text), 0o644); err != nil {
			return nil, nil, err
		}
		abs, _ := filepath.Abs(file)
		replace[abs] = out
	}
	if pkgName == "" {
		return nil, nil, nil // no mutant has a switch
	}
	extra := filepath.Join(sdir, "zz_vcl_mutant_schema.go")
	if err := os.WriteFile(extra, []byte(schemaFile(pkgName)), 0o644); err != nil {
		return nil, nil, err
	}
	absDir, _ := filepath.Abs(dir)
	replace[filepath.Join(absDir, "zz_vcl_mutant_schema.go")] = extra
	overlay, _ := json.Marshal(map[string]map[string]string{"Replace": replace})
	of := filepath.Join(sdir, "overlay.json")
	if err := os.WriteFile(of, overlay, 0o644); err != nil {
		return nil, nil, err
	}
	build := func(pkg, bin string) ([]int, error) {
		out, err := exec.Command("go", "test", "-c", "-vet=off", "-overlay", of, "-o", bin, pkg).CombinedOutput()
		if err == nil {
			return nil, nil
		}
		// the mutants whose switches are on the lines the compiler names
		var failed []int
		for _, m := range errorLineRe.FindAllStringSubmatch(string(out), -1) {
			n, _ := strconv.Atoi(m[2])
			if lines := strings.Split(texts[m[1]], "\n"); n >= 1 && n <= len(lines) {
				for _, id := range switchRe.FindAllStringSubmatch(lines[n-1], -1) {
					k, _ := strconv.Atoi(id[1])
					failed = append(failed, k-1)
				}
			}
		}
		return failed, fmt.Errorf("go test -c %s: %v\n%s", pkg, err, out)
	}
	sc.pkgBin = filepath.Join(r.tmp, "pkg.test")
	if failed, err := build(gopkg, sc.pkgBin); err != nil {
		return nil, failed, err
	}
	if withRoot {
		sc.rootBin = filepath.Join(r.tmp, "root.test")
		if failed, err := build(e2ePkg, sc.rootBin); err != nil {
			return nil, failed, err
		}
	}
	return sc, nil, nil
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
	files, err := filepath.Glob(filepath.Join(*pkg, "*.go"))
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
			if *only == "" || matches(m, *only) {
				mutants = append(mutants, m)
			}
		}
	}
	if *list {
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
	defer os.RemoveAll(tmp)
	r := &runner{tmp: tmp, timeout: *timeout}
	gopkg := *pkg
	if !strings.HasPrefix(gopkg, ".") && !filepath.IsAbs(gopkg) {
		gopkg = "./" + gopkg
	}
	var sc *schemata
	if *useSchemata {
		sc, err = r.buildSchemata(mutants, sources, *pkg, gopkg, *withRoot)
		if err != nil {
			fmt.Fprintf(os.Stderr, "mutation: schemata: %v; building one test binary per mutant instead\n", err)
			sc = nil
		} else if sc != nil {
			if out, why := r.runBinary(sc.pkgBin, *pkg, 0, *run); out != Survived {
				fatal(fmt.Errorf("the tests fail without a mutant: %s %s", out, why))
			}
		}
	}
	type outcome struct{ own, root, why string }
	results := make([]outcome, len(mutants))
	var mu sync.Mutex
	next := 0
	var wg sync.WaitGroup
	for range max(1, *jobs) {
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
				m := mutants[i]
				o := outcome{}
				if sc != nil && sc.ids[i] > 0 {
					o.own, o.why = r.runBinary(sc.pkgBin, *pkg, sc.ids[i], *run)
					if *withRoot && o.own == Survived {
						o.root, o.why = r.runBinary(sc.rootBin, ".", sc.ids[i], *rootRun)
					}
				} else {
					o.own, o.why = r.test(i, m, sources[m.File], gopkg, *run)
					if *withRoot && o.own == Survived {
						o.root, o.why = r.test(i, m, sources[m.File], e2ePkg, *rootRun)
					}
				}
				results[i] = o
				mu.Lock()
				line := fmt.Sprintf("%s  %s", m, o.own)
				if o.root != "" {
					line += "  root:" + o.root
				}
				if o.why != "" {
					line += "  (" + o.why + ")"
				}
				fmt.Println(line)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	equivalent := readEquivalent(*equivFile)
	var own, both [2]int // killed, survived
	nonEquiv := 0        // survivors (own + root) not listed as equivalent
	var build, timeouts int
	var survivors []string
	for i, o := range results {
		switch o.own {
		case BuildFail:
			build++
			continue
		case Timeout:
			timeouts++
		}
		if o.own == Survived {
			own[1]++
		} else {
			own[0]++
		}
		if o.own == Survived && (o.root == "" || o.root == Survived) {
			both[1]++
			line := mutants[i].String()
			if why, ok := equivalent[key(line)]; ok {
				line += "  (equivalent: " + why + ")"
			} else {
				nonEquiv++
			}
			survivors = append(survivors, line)
		} else {
			both[0]++
		}
	}
	fmt.Printf("\n%s: %d mutants, %d killed (%d by timeout), %d survived, %d do not build\n", *pkg, len(mutants), own[0], timeouts, own[1], build)
	fmt.Printf("score %s (own tests): %s\n", *pkg, score(own))
	if *withRoot {
		fmt.Printf("score %s (own + e2e case tests): %s\n", *pkg, score(both))
	}
	if eq := both[1] - nonEquiv; eq > 0 {
		fmt.Printf("score %s (%s, without the %d equivalent survivors): %s\n", *pkg,
			map[bool]string{false: "own tests", true: "own + e2e case tests"}[*withRoot], eq, score([2]int{both[0], nonEquiv}))
	}
	if len(survivors) > 0 {
		fmt.Printf("survivors%s:\n", map[bool]string{true: " (of own + e2e tests)"}[*withRoot])
		for _, s := range survivors {
			fmt.Println("  " + s)
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

package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"
)

// Mutant schemata: instead of building one test binary per mutant (seconds of CPU each), all
// mutants of a package are compiled into one binary, each behind a run-time switch on the
// environment variable VCL_MUTANT, and the binary is run once per mutant. A mutant's "host"
// is the smallest node whose text is duplicated:
//
//	a boolean expression (relational, logical, negate-cond, bool-literal, and int-literal
//	inside a comparison, whose host is the comparison):
//	    (vclMutantOn(ID) && (MUTATED) || !vclMutantOn(ID) && (ORIGINAL))
//	a statement (drop-append, drop-call, drop-return):
//	    if vclMutantOn(ID) { MUTATED } else { ORIGINAL }
//
// Only one mutant is active at a time, so a host's mutated copy holds no other switches and
// its original copy holds the switches of the hosts nested in it. Mutants with no host (an
// integer constant) are left to the one-build-per-mutant mode.

const schemaEnv = "VCL_MUTANT"

// schemaFile is added to the package through the overlay.
func schemaFile(pkgName string) string {
	return fmt.Sprintf(`package %s

import (
	"os"
	"strconv"
)

var vclMutantID, _ = strconv.Atoi(os.Getenv(%q))

func vclMutantOn(id int) bool { return vclMutantID == id }
`, pkgName, schemaEnv)
}

type host struct {
	off, end int
	stmt     bool
	mutants  []int // indexes into the mutant list
	children []*host
}

// encloses reports whether h's text holds all of c's.
func (h *host) encloses(c *host) bool { return h.off <= c.off && c.end <= h.end }

// span is a byte range of a file's source.
type span struct{ off, end int }

// noSpan is the host of a mutant that has none.
var noSpan = span{-1, -1}

func (s span) contains(m Mutant) bool { return s.off <= m.off && m.end <= s.end }

// schemaRewrite finds the host of each mutant of one file (ids[i] is the switch of ms[i]) and
// returns the file rewritten with all schemata, its package name, and the indexes of the
// mutants that have no host.
func schemaRewrite(file string, src []byte, ms []Mutant, ids []int) (string, string, []int, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.SkipObjectResolution)
	if err != nil {
		return "", "", nil, err
	}
	c := &candidates{fset: fset, boolHosts: map[span]bool{}, stmtOK: map[span]bool{}}
	ast.Inspect(f, c.visit)
	comparisons := c.comparisons()
	hosts := map[span]*host{}
	var skipped []int
	for i, m := range ms {
		h, stmt := c.hostOf(m, comparisons)
		if h.off < 0 {
			skipped = append(skipped, i)
			continue
		}
		hh := hosts[h]
		if hh == nil {
			hh = &host{off: h.off, end: h.end, stmt: stmt}
			hosts[h] = hh
		}
		hh.mutants = append(hh.mutants, i)
	}
	root := nest(hosts, len(src))
	sw := &switcher{src: src, ms: ms, ids: ids}
	return sw.render(root), f.Name.Name, skipped, nil
}

// candidates are the nodes of a file that may host a mutant: boolean expressions that are
// mutated, and statements in blocks.
type candidates struct {
	fset      *token.FileSet
	boolHosts map[span]bool
	stmts     []span        // the statements of blocks and clauses
	stmtOK    map[span]bool // the statements that may be duplicated
}

func (c *candidates) span(n ast.Node) span {
	return span{c.fset.Position(n.Pos()).Offset, c.fset.Position(n.End()).Offset}
}

// visit is the ast.Inspect function that collects the candidates.
func (c *candidates) visit(n ast.Node) bool {
	if d, ok := n.(*ast.GenDecl); ok && d.Tok == token.CONST {
		return false
	}
	c.addBoolHosts(n)
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok == token.ASSIGN {
			c.stmtOK[c.span(n)] = true
		}
	case *ast.ExprStmt, *ast.ReturnStmt:
		c.stmtOK[c.span(n)] = true
	}
	c.addStmts(n)
	return true
}

// addBoolHosts adds the boolean expressions of n that are mutated.
func (c *candidates) addBoolHosts(n ast.Node) {
	switch n := n.(type) {
	case *ast.BinaryExpr:
		if relational[n.Op] != nil || n.Op == token.LAND || n.Op == token.LOR {
			c.boolHosts[c.span(n)] = true
		}
	case *ast.IfStmt:
		c.boolHosts[c.span(n.Cond)] = true
	case *ast.SwitchStmt:
		if n.Tag == nil {
			for _, cc := range n.Body.List {
				for _, e := range cc.(*ast.CaseClause).List {
					c.boolHosts[c.span(e)] = true
				}
			}
		}
	case *ast.Ident:
		if n.Name == "true" || n.Name == "false" {
			c.boolHosts[c.span(n)] = true
		}
	}
}

// addStmts adds the statements of a block or a clause.
func (c *candidates) addStmts(n ast.Node) {
	var list []ast.Stmt
	switch n := n.(type) {
	case *ast.BlockStmt:
		list = n.List
	case *ast.CaseClause:
		list = n.Body
	case *ast.CommClause:
		list = n.Body
	}
	for _, s := range list {
		c.stmts = append(c.stmts, c.span(s))
	}
}

// comparisons are the boolean hosts, smallest first (for integer literals).
func (c *candidates) comparisons() []span {
	var comparisons []span
	for s := range c.boolHosts {
		comparisons = append(comparisons, s)
	}
	sort.Slice(comparisons, func(i, j int) bool {
		return comparisons[i].end-comparisons[i].off < comparisons[j].end-comparisons[j].off
	})
	return comparisons
}

// hostOf is the host of a mutant (noSpan if none) and whether it is a statement.
func (c *candidates) hostOf(m Mutant, comparisons []span) (span, bool) {
	switch m.Kind {
	case "drop-append", "drop-call", "drop-return":
		return c.smallestStmt(m), true
	case "int-literal":
		return smallestAround(m, comparisons), false
	}
	h := span{m.off, m.end}
	if m.Kind == "relational" || m.Kind == "logical" {
		h = smallestAround(m, comparisons) // the operator's expression
	}
	if !c.boolHosts[h] {
		return noSpan, false
	}
	return h, false
}

// smallestStmt is the smallest statement around the edit that may be duplicated.
func (c *candidates) smallestStmt(m Mutant) span {
	best := noSpan
	for _, s := range c.stmts {
		if s.contains(m) && c.stmtOK[s] && (best.off < 0 || s.end-s.off < best.end-best.off) {
			best = s
		}
	}
	return best
}

// smallestAround is the first of the spans (sorted by size) that holds the mutant.
func smallestAround(m Mutant, spans []span) span {
	for _, s := range spans {
		if s.contains(m) {
			return s
		}
	}
	return noSpan
}

// nest arranges the hosts in a tree under a root host spanning the whole file.
func nest(hosts map[span]*host, size int) *host {
	var list []*host
	for _, h := range hosts {
		list = append(list, h)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].off != list[j].off {
			return list[i].off < list[j].off
		}
		return list[i].end > list[j].end
	})
	root := &host{off: 0, end: size}
	stack := []*host{root}
	for _, h := range list {
		for !stack[len(stack)-1].encloses(h) {
			stack = stack[:len(stack)-1]
		}
		p := stack[len(stack)-1]
		p.children = append(p.children, h)
		stack = append(stack, h)
	}
	return root
}

// switcher writes hosts with their mutants behind switches.
type switcher struct {
	src []byte
	ms  []Mutant
	ids []int
}

// render is the text of h with the schemata of its children.
func (w *switcher) render(h *host) string {
	var b strings.Builder
	at := h.off
	for _, c := range h.children {
		b.Write(w.src[at:c.off])
		b.WriteString(w.schema(c))
		at = c.end
	}
	b.Write(w.src[at:h.end])
	return b.String()
}

// schema is the text of h with each of its mutants behind its switch.
func (w *switcher) schema(h *host) string {
	out := w.render(h)
	for k := len(h.mutants) - 1; k >= 0; k-- {
		m := w.ms[h.mutants[k]]
		mutated := string(w.src[h.off:m.off]) + m.Repl + string(w.src[m.end:h.end])
		id := w.ids[h.mutants[k]]
		if h.stmt {
			out = fmt.Sprintf("if vclMutantOn(%d) {\n%s\n} else {\n%s\n}", id, mutated, out)
		} else {
			out = fmt.Sprintf("(vclMutantOn(%d) && (%s) || !vclMutantOn(%d) && (%s))", id, mutated, id, out)
		}
	}
	return out
}

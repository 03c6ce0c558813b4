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

// schemaRewrite finds the host of each mutant of one file (ids[i] is the switch of ms[i]) and
// returns the file rewritten with all schemata, its package name, and the indexes of the
// mutants that have no host.
func schemaRewrite(file string, src []byte, ms []Mutant, ids []int) (string, string, []int, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, parser.SkipObjectResolution)
	if err != nil {
		return "", "", nil, err
	}
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	// Candidate hosts: boolean expressions that are mutated, and statements in blocks.
	type span struct{ off, end int }
	boolHosts := map[span]bool{}
	var stmts []span
	var stmtOK = map[span]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GenDecl:
			if n.Tok == token.CONST {
				return false
			}
		case *ast.BinaryExpr:
			if relational[n.Op] != nil || n.Op == token.LAND || n.Op == token.LOR {
				boolHosts[span{off(n.Pos()), off(n.End())}] = true
			}
		case *ast.IfStmt:
			boolHosts[span{off(n.Cond.Pos()), off(n.Cond.End())}] = true
		case *ast.SwitchStmt:
			if n.Tag == nil {
				for _, c := range n.Body.List {
					for _, e := range c.(*ast.CaseClause).List {
						boolHosts[span{off(e.Pos()), off(e.End())}] = true
					}
				}
			}
		case *ast.Ident:
			if n.Name == "true" || n.Name == "false" {
				boolHosts[span{off(n.Pos()), off(n.End())}] = true
			}
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN {
				stmtOK[span{off(n.Pos()), off(n.End())}] = true
			}
		case *ast.ExprStmt, *ast.ReturnStmt:
			stmtOK[span{off(n.Pos()), off(n.End())}] = true
		}
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
			stmts = append(stmts, span{off(s.Pos()), off(s.End())})
		}
		return true
	})
	// Comparisons, for integer literals.
	var comparisons []span
	for s := range boolHosts {
		comparisons = append(comparisons, s)
	}
	sort.Slice(comparisons, func(i, j int) bool {
		return comparisons[i].end-comparisons[i].off < comparisons[j].end-comparisons[j].off
	})
	hosts := map[span]*host{}
	var skipped []int
	for i, m := range ms {
		var h span
		stmt := false
		switch m.Kind {
		case "drop-append", "drop-call", "drop-return":
			// the smallest statement around the edit that may be duplicated
			best := span{-1, -1}
			for _, s := range stmts {
				if s.off <= m.off && m.end <= s.end && stmtOK[s] && (best.off < 0 || s.end-s.off < best.end-best.off) {
					best = s
				}
			}
			h, stmt = best, true
		case "int-literal":
			h = span{-1, -1}
			for _, c := range comparisons {
				if c.off <= m.off && m.end <= c.end {
					h = c
					break
				}
			}
		default:
			h = span{m.off, m.end}
			if m.Kind == "relational" || m.Kind == "logical" {
				h = span{-1, -1}
				for _, c := range comparisons { // the operator's expression
					if c.off <= m.off && m.end <= c.end {
						h = c
						break
					}
				}
			}
			if !boolHosts[h] {
				h = span{-1, -1}
			}
		}
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
	// Nest the hosts.
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
	root := &host{off: 0, end: len(src)}
	stack := []*host{root}
	for _, h := range list {
		for !(stack[len(stack)-1].off <= h.off && h.end <= stack[len(stack)-1].end) {
			stack = stack[:len(stack)-1]
		}
		p := stack[len(stack)-1]
		p.children = append(p.children, h)
		stack = append(stack, h)
	}
	var render func(h *host) string
	var schema func(h *host) string
	render = func(h *host) string {
		var b strings.Builder
		at := h.off
		for _, c := range h.children {
			b.Write(src[at:c.off])
			b.WriteString(schema(c))
			at = c.end
		}
		b.Write(src[at:h.end])
		return b.String()
	}
	schema = func(h *host) string {
		out := render(h)
		for k := len(h.mutants) - 1; k >= 0; k-- {
			m := ms[h.mutants[k]]
			mutated := string(src[h.off:m.off]) + m.Repl + string(src[m.end:h.end])
			id := ids[h.mutants[k]]
			if h.stmt {
				out = fmt.Sprintf("if vclMutantOn(%d) {\n%s\n} else {\n%s\n}", id, mutated, out)
			} else {
				out = fmt.Sprintf("(vclMutantOn(%d) && (%s) || !vclMutantOn(%d) && (%s))", id, mutated, id, out)
			}
		}
		return out
	}
	return render(root), f.Name.Name, skipped, nil
}

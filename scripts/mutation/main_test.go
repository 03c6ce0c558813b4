package main

import (
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"
)

const sample = `package p

const limit = 10

func f(xs []int, ok bool) []int {
	var out []int
	for _, x := range xs {
		if x < limit && ok {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		report(out)
		return nil
	}
	return out
}

func report([]int) {}

var flag = true
`

func TestEnumerate(t *testing.T) {
	ms, err := Enumerate("p.go", []byte(sample), map[string]bool{"report": true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range ms {
		got = append(got, m.Kind+":"+m.Orig+">"+m.Repl)
	}
	want := []string{
		"int-literal:10>11", "int-literal:10>9",
		"negate-cond:x < limit && ok>!(x < limit && ok)", "relational:<><=", "relational:<>>=", "logical:&&>||",
		"drop-append:out>_",
		"relational:==>!=", "int-literal:0>1",
		"drop-call:report(out)>_ = out",
		"drop-return:out>(out)[:0:0]",
		"bool-literal:true>false",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("mutants\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The schemata rewrite is valid Go holding one switch per mutant with a host.
func TestSchemaRewrite(t *testing.T) {
	ms, err := Enumerate("p.go", []byte(sample), map[string]bool{"report": true})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int
	for i := range ms {
		ids = append(ids, i+1)
	}
	text, name, skipped, err := schemaRewrite("p.go", []byte(sample), ms, ids)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "p.go", text, 0); err != nil {
		t.Fatalf("rewrite does not parse: %v\n%s", err, text)
	}
	// The constant's literals have no host; every other mutant has its switch.
	if name != "p" || len(skipped) != 2 || ms[skipped[0]].Kind != "int-literal" || ms[skipped[1]].Kind != "int-literal" {
		t.Errorf("name %q, skipped %v", name, skipped)
	}
	for i := range ms {
		in := strings.Contains(text, "vclMutantOn("+strconv.Itoa(i+1)+")")
		if in == (i == skipped[0] || i == skipped[1]) {
			t.Errorf("mutant %d (%s): switch present %v", i+1, ms[i], in)
		}
	}
}

func TestMatches(t *testing.T) {
	m := Mutant{File: "internal/x/a.go", Line: 12, Col: 5}
	for at, want := range map[string]bool{
		"a.go": true, "internal/x/a.go": true, "b.go": false,
		"a.go:12": true, "a.go:13": false, "a.go:12:5": true, "a.go:12:6": false,
		"b.go:1,a.go:12:5": true, "b.go:1, a.go": true, "b.go:1,a.go:11": false,
		"a.go:12:5:1": false,
	} {
		if got := matches(m, at); got != want {
			t.Errorf("matches(%q) = %v, want %v", at, got, want)
		}
	}
}

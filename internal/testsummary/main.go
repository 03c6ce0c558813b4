// Command testsummary reads `go test -json` on standard input and prints what `go test`
// prints without -v (a summary line per package, the output of failed tests and of packages
// that did not build or failed), then every skipped test with its reason, so that a test
// skipped for want of an optional tool or of ../shared is seen. scripts/test uses it.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"
)

type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

type line struct{ test, text string }

type pkg struct {
	lines  []line
	failed map[string]bool // tests that failed
}

type skip struct{ pkg, test, reason string }

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "testsummary:", err)
		os.Exit(1)
	}
}

// printer writes to w and keeps the first failure to write; later writes are dropped.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) print(s string) {
	if p.err == nil {
		_, p.err = io.WriteString(p.w, s)
	}
}

func (p *printer) printf(format string, args ...any) { p.print(fmt.Sprintf(format, args...)) }

// summarizer is the state of one run.
type summarizer struct {
	out     *printer
	pkgs    map[string]*pkg
	skipOut map[[2]string][]string // the output of each (package, test) not yet ended
	skips   []skip
}

func run(r io.Reader, w io.Writer) error {
	s := &summarizer{out: &printer{w: w}, pkgs: map[string]*pkg{}, skipOut: map[[2]string][]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		raw := sc.Bytes()
		var e event
		if len(raw) == 0 || raw[0] != '{' || json.Unmarshal(raw, &e) != nil {
			// Not an event: go's own messages (a build error without -json support).
			s.out.printf("%s\n", raw)
			continue
		}
		s.event(&e)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	s.finish()
	return s.out.err
}

// event handles one event of go test -json.
func (s *summarizer) event(e *event) {
	switch e.Action {
	case "build-output":
		s.out.print(e.Output)
		return
	case "build-fail":
		return
	}
	p := s.pkgs[e.Package]
	if p == nil {
		p = &pkg{failed: map[string]bool{}}
		s.pkgs[e.Package] = p
	}
	k := [2]string{e.Package, e.Test}
	if e.Test != "" {
		s.testEvent(e, p, k)
		return
	}
	switch e.Action {
	case "output":
		p.lines = append(p.lines, line{e.Test, e.Output})
	case "skip", "pass":
		summary(s.out, p) // "skip": a package without test files
		delete(s.pkgs, e.Package)
	case "fail":
		failed(s.out, p)
		delete(s.pkgs, e.Package)
	}
}

// testEvent handles an event of the test of e (k: its package and name).
func (s *summarizer) testEvent(e *event, p *pkg, k [2]string) {
	switch e.Action {
	case "output":
		p.lines = append(p.lines, line{e.Test, e.Output})
		s.skipOut[k] = append(s.skipOut[k], e.Output)
	case "skip":
		s.skips = append(s.skips, skip{e.Package, e.Test, reason(s.skipOut[k])})
		delete(s.skipOut, k)
	case "fail":
		p.failed[e.Test] = true
	}
}

// finish prints what packages with no final event said (a killed run), then the skipped
// tests.
func (s *summarizer) finish() {
	rest := slices.Sorted(maps.Keys(s.pkgs))
	for _, name := range rest {
		for _, l := range s.pkgs[name].lines {
			if !noise(l.text) {
				s.out.print(l.text)
			}
		}
	}
	if len(s.skips) > 0 {
		s.out.printf("\nSkipped (%d):\n", len(s.skips))
		for _, sk := range s.skips {
			name := strings.TrimPrefix(sk.pkg, modulePrefix(sk.pkg))
			if name == "" {
				name = "."
			}
			s.out.printf("  %s %s: %s\n", name, sk.test, sk.reason)
		}
	}
}

// failed prints a failed package's output as go test does without -v: each failed test's
// "--- FAIL" line then its output, subtests indented under their parents, then the
// package's own lines (FAIL, a panic…).
func failed(out *printer, p *pkg) {
	order, byTest := failedOutput(p)
	for _, t := range order {
		indent := strings.Repeat("    ", strings.Count(t, "/"))
		var head, body []string
		for _, text := range byTest[t] {
			if strings.HasPrefix(strings.TrimSpace(text), "--- FAIL: "+t+" ") {
				head = append(head, indent+strings.TrimLeft(text, " "))
			} else {
				body = append(body, text)
			}
		}
		for _, text := range append(head, body...) {
			out.print(text)
		}
	}
	for _, l := range p.lines {
		if l.test == "" && !noise(l.text) {
			out.print(l.text)
		}
	}
}

// failedOutput returns p's failed tests, top-level tests in order of appearance, each
// followed by its subtests (a parent before its children), and the output of each.
func failedOutput(p *pkg) ([]string, map[string][]string) {
	var order []string
	byTest := map[string][]string{}
	for _, l := range p.lines {
		if l.test == "" || !p.failed[l.test] || noise(l.text) {
			continue
		}
		if _, ok := byTest[l.test]; !ok {
			order = append(order, l.test)
		}
		byTest[l.test] = append(byTest[l.test], l.text)
	}
	rootAt := map[string]int{}
	for i, t := range order {
		if _, ok := rootAt[root(t)]; !ok {
			rootAt[root(t)] = i
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if rootAt[root(a)] != rootAt[root(b)] {
			return rootAt[root(a)] < rootAt[root(b)]
		}
		return strings.ReplaceAll(a, "/", "\x00") < strings.ReplaceAll(b, "/", "\x00")
	})
	return order, byTest
}

func root(test string) string {
	name, _, _ := strings.Cut(test, "/")
	return name
}

// summary prints a passing package's summary line, as go test does without -v.
func summary(out *printer, p *pkg) {
	for _, l := range p.lines {
		if l.test == "" && (strings.HasPrefix(l.text, "ok  ") || strings.HasPrefix(l.text, "?   ")) {
			out.print(l.text)
		}
	}
}

// noise is test2json's framing that go test without -v does not print.
func noise(text string) bool {
	t := strings.TrimSpace(text)
	for _, p := range []string{"=== RUN", "=== PAUSE", "=== CONT", "=== NAME", "--- PASS", "--- SKIP"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// reason is a skipped test's message: its output without the framing, on one line.
func reason(out []string) string {
	var parts []string
	for _, o := range out {
		if noise(o) {
			continue
		}
		if t := strings.TrimSpace(o); t != "" {
			parts = append(parts, t)
		}
	}
	if len(parts) == 0 {
		return "(no reason given)"
	}
	return strings.Join(parts, " ")
}

// modulePrefix is the part of a package path shown once: the module path and its slash.
func modulePrefix(p string) string {
	const mod = "github.com/vpncertlint/vpncertlint"
	if p == mod {
		return mod // the root package: shown as "."
	}
	if strings.HasPrefix(p, mod+"/") {
		return mod + "/"
	}
	return ""
}

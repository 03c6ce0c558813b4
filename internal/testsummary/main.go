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
	"os"
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

func run(r io.Reader, w io.Writer) error {
	pkgs := map[string]*pkg{}
	skipOut := map[[2]string][]string{}
	var skips []skip
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		raw := sc.Bytes()
		var e event
		if len(raw) == 0 || raw[0] != '{' || json.Unmarshal(raw, &e) != nil {
			// Not an event: go's own messages (a build error without -json support).
			fmt.Fprintf(w, "%s\n", raw)
			continue
		}
		switch e.Action {
		case "build-output":
			fmt.Fprint(w, e.Output)
			continue
		case "build-fail":
			continue
		}
		p := pkgs[e.Package]
		if p == nil {
			p = &pkg{failed: map[string]bool{}}
			pkgs[e.Package] = p
		}
		switch e.Action {
		case "output":
			p.lines = append(p.lines, line{e.Test, e.Output})
			if e.Test != "" {
				k := [2]string{e.Package, e.Test}
				skipOut[k] = append(skipOut[k], e.Output)
			}
		case "skip":
			if e.Test != "" {
				skips = append(skips, skip{e.Package, e.Test, reason(skipOut[[2]string{e.Package, e.Test}])})
				delete(skipOut, [2]string{e.Package, e.Test})
				continue
			}
			summary(w, p) // a package without test files
			delete(pkgs, e.Package)
		case "fail":
			if e.Test != "" {
				p.failed[e.Test] = true
				continue
			}
			failed(w, p)
			delete(pkgs, e.Package)
		case "pass":
			if e.Test != "" {
				continue
			}
			summary(w, p)
			delete(pkgs, e.Package)
		}
		if e.Test != "" && (e.Action == "pass" || e.Action == "fail") {
			delete(skipOut, [2]string{e.Package, e.Test})
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	// Packages with no final event (a killed run): print what they said.
	var rest []string
	for name := range pkgs {
		rest = append(rest, name)
	}
	sort.Strings(rest)
	for _, name := range rest {
		for _, l := range pkgs[name].lines {
			if !noise(l.text) {
				fmt.Fprint(w, l.text)
			}
		}
	}
	if len(skips) > 0 {
		fmt.Fprintf(w, "\nSkipped (%d):\n", len(skips))
		for _, s := range skips {
			name := strings.TrimPrefix(s.pkg, modulePrefix(s.pkg))
			if name == "" {
				name = "."
			}
			fmt.Fprintf(w, "  %s %s: %s\n", name, s.test, s.reason)
		}
	}
	return nil
}

// failed prints a failed package's output as go test does without -v: each failed test's
// "--- FAIL" line then its output, subtests indented under their parents, then the
// package's own lines (FAIL, a panic…).
func failed(w io.Writer, p *pkg) {
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
	// Top-level tests in order of appearance, each followed by its subtests (a parent
	// before its children).
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
			fmt.Fprint(w, text)
		}
	}
	for _, l := range p.lines {
		if l.test == "" && !noise(l.text) {
			fmt.Fprint(w, l.text)
		}
	}
}

func root(test string) string {
	name, _, _ := strings.Cut(test, "/")
	return name
}

// summary prints a passing package's summary line, as go test does without -v.
func summary(w io.Writer, p *pkg) {
	for _, l := range p.lines {
		if l.test == "" && (strings.HasPrefix(l.text, "ok  ") || strings.HasPrefix(l.text, "?   ")) {
			fmt.Fprint(w, l.text)
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

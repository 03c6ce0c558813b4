package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/vpncertlint/vpncertlint/cmd"
)

// The documentation's tests: docs/codes.md's generated tables are what
// `vpncertlint codes --format markdown` prints, every flag of every command is documented,
// and the links between README.md and docs/*.md reach an existing file and heading.

const (
	codesDoc   = "docs/codes.md"
	codesBegin = "<!-- codes:begin -->\n"
	codesEnd   = "<!-- codes:end -->"
)

// codesBlock returns the text between the codes markers of docs/codes.md.
func codesBlock(t *testing.T, doc string) string {
	t.Helper()
	i := strings.Index(doc, codesBegin)
	j := strings.Index(doc, codesEnd)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the %q … %q markers", codesDoc, strings.TrimSpace(codesBegin), codesEnd)
	}
	return doc[i+len(codesBegin) : j]
}

// TestCodesDocGenerated: the catalogue in docs/codes.md is the output of
// `vpncertlint codes --format markdown`, so a code added, removed or reworded in the
// catalogue shows up as a failure here until the page is regenerated.
func TestCodesDocGenerated(t *testing.T) {
	data, err := os.ReadFile(codesDoc)
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := cmd.Execute([]string{"codes", "--format", "markdown"}, nil, &out, &errb); code != 0 {
		t.Fatalf("codes --format markdown: exit %d: %s", code, errb.String())
	}
	got := codesBlock(t, string(data))
	if want := "\n" + out.String() + "\n"; got != want {
		gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
		n := 0
		for n < len(gl) && n < len(wl) && gl[n] == wl[n] {
			n++
		}
		first := func(l []string) string {
			if n < len(l) {
				return l[n]
			}
			return "(end)"
		}
		t.Fatalf("%s differs from `vpncertlint codes --format markdown` from its line %d of the block:\n  doc:       %s\n  generated: %s\nregenerate it with scripts/gen-docs.sh",
			codesDoc, n+1, first(gl), first(wl))
	}
}

// docFiles is README.md and every page under docs/.
func docFiles(t *testing.T) map[string]string {
	t.Helper()
	files := map[string]string{}
	paths, _ := filepath.Glob("docs/*.md")
	for _, p := range append([]string{"README.md"}, paths...) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.ToSlash(p)] = string(data)
	}
	return files
}

// TestEveryFlagDocumented: each flag of each command (check's above all) appears as
// --name in README.md or a page of docs/, so a new flag cannot go undocumented.
func TestEveryFlagDocumented(t *testing.T) {
	var all strings.Builder
	for _, text := range docFiles(t) {
		all.WriteString(text)
	}
	docs := all.String()
	root := cmd.NewRoot()
	var missing []string
	var visit func(c *cobra.Command)
	visit = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Hidden || f.Name == "help" {
				return
			}
			if !regexp.MustCompile(`--` + regexp.QuoteMeta(f.Name) + `\b`).MatchString(docs) {
				missing = append(missing, c.CommandPath()+" --"+f.Name)
			}
		})
		for _, sub := range c.Commands() {
			visit(sub)
		}
	}
	visit(root)
	if check, _, err := root.Find([]string{"check"}); err != nil || check.Name() != "check" || !check.HasAvailableLocalFlags() {
		t.Fatalf("no check command with flags found (%v)", err)
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		t.Errorf("flags not mentioned in README.md or docs/*.md:\n  %s", strings.Join(missing, "\n  "))
	}
}

// anchors returns the heading anchors of a markdown text as GitHub makes them: lower case,
// punctuation other than - and _ dropped, spaces as -, repeats suffixed -1, -2…
func anchors(text string) map[string]bool {
	out := map[string]bool{}
	seen := map[string]int{}
	inFence := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "```") {
			inFence = !inFence
			continue
		}
		if inFence || !strings.HasPrefix(line, "#") {
			continue
		}
		h := strings.TrimSpace(strings.TrimLeft(line, "#"))
		var b strings.Builder
		for _, r := range strings.ToLower(h) {
			switch {
			case r == ' ':
				b.WriteRune('-')
			case r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 127 && r != '–' && r != '—' && r != '…' && r != '→':
				b.WriteRune(r)
			}
		}
		a := b.String()
		if n := seen[a]; n > 0 {
			out[a+"-"+itoa(n)] = true
		} else {
			out[a] = true
		}
		seen[a]++
	}
	return out
}

// TestDocLinks: every relative link of README.md and docs/*.md names a file of the
// repository and, with #anchor, a heading of that file; README links to every page of docs/.
func TestDocLinks(t *testing.T) {
	files := docFiles(t)
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	for name, text := range files {
		stripped := regexp.MustCompile("(?s)```.*?```").ReplaceAllString(text, "")
		stripped = regexp.MustCompile("`[^`\n]*`").ReplaceAllString(stripped, "")
		for _, m := range link.FindAllStringSubmatch(stripped, -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			path, frag, _ := strings.Cut(target, "#")
			dest := name
			if path != "" {
				dest = filepath.ToSlash(filepath.Clean(filepath.Join(filepath.Dir(name), path)))
				if strings.HasPrefix(dest, "../") {
					t.Errorf("%s: link %s leaves the repository", name, target)
					continue
				}
				if _, err := os.Stat(dest); err != nil {
					t.Errorf("%s: link %s: no file %s", name, target, dest)
					continue
				}
			}
			if frag == "" {
				continue
			}
			destText, ok := files[dest]
			if !ok {
				continue // an anchor in a file that is not a page (source lines)
			}
			if !anchors(destText)[frag] {
				t.Errorf("%s: link %s: %s has no heading #%s", name, target, dest, frag)
			}
		}
	}
	for name := range files {
		if strings.HasPrefix(name, "docs/") && !strings.Contains(files["README.md"], "("+name+")") {
			t.Errorf("README.md does not link to %s", name)
		}
	}
}

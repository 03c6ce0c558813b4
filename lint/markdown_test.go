package lint

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestMarkdownCell(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, (parens) and 1.5":    "plain text, (parens) and 1.5",
		"a|b":                             `a\|b`,
		"*bold* _em_ `code` ~~s~~":        `\*bold\* \_em\_ \` + "`" + `code\` + "`" + ` \~\~s\~\~`,
		"[x](javascript:alert(1))":        `\[x\](javascript:alert(1))`,
		"<script>&amp; $x$ @team #12":     `\<script\>\&amp; \$x\$ \@team \#12`,
		`back\slash`:                      `back\\slash`,
		"line\nnext | row":                `line\\nnext \| row`,
		"\x1b[31mred\u202e":               `\\x1b\[31mred\\u202e`,
		"证书ca.pem已过期。":                    "证书ca.pem已过期。",
		"| forged | row |\n| --- | --- |": `\| forged \| row \|\\n\| --- \| --- \|`,
	} {
		if got := MarkdownCell(in); got != want {
			t.Errorf("MarkdownCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdownLocation(t *testing.T) {
	root := t.TempDir()
	for _, c := range []struct {
		file string
		line int
		base string
		want string
	}{
		{root + "/pki/ca.pem", 3, "", "[ROOT/pki/ca.pem:3](pki/ca.pem#L3)"},
		{root + "/pki/ca.pem", 0, "", "[ROOT/pki/ca.pem](pki/ca.pem)"},
		{root + "/pki/ca.pem", 1, "https://h/o/r/blob/s/", "[ROOT/pki/ca.pem:1](https://h/o/r/blob/s/pki/ca.pem#L1)"},
		{root + "/pki/ca.pem", 1, "https://h/o/r/blob/s", "[ROOT/pki/ca.pem:1](https://h/o/r/blob/s/pki/ca.pem#L1)"},
		// Spaces, parentheses, a scheme-like name, a newline: escaped in the URL and the text.
		{root + "/my certs/(old).pem", 2, "", "[ROOT/my certs/(old).pem:2](my%20certs/%28old%29.pem#L2)"},
		{root + "/javascript:alert(1)", 1, "", "[ROOT/javascript:alert(1):1](javascript%3Aalert%281%29#L1)"},
		{root + "/a\n|b].pem", 1, "", "[ROOT/a\\\\n\\|b\\].pem:1](a%0A%7Cb%5D.pem#L1)"},
		// The run, standard input and files outside the root are not links.
		{"", 0, "https://x/", "(run)"},
		{"-", 1, "https://x/", "-:1"},
		{"/elsewhere/ca.pem", 1, "https://x/", "/elsewhere/ca.pem:1"},
	} {
		got := string(appendLocation(nil, c.file, c.line, FormatOptions{LinkRoot: root, LinkBase: c.base}))
		// The link's text is the path as given, as in the text report.
		want := strings.ReplaceAll(c.want, "ROOT", MarkdownCell(root))
		if got != want {
			t.Errorf("%q line %d base %q:\n got %s\nwant %s", c.file, c.line, c.base, got, want)
		}
	}
}

// TestMarkdownCap: past MarkdownMaxFindings the table stops and a line says how many were
// left out; Verbose lists them all. Either way every row is one line.
func TestMarkdownCap(t *testing.T) {
	build := func(n int) *Report {
		r := NewReport(Tool{Name: "t"}, time.Unix(0, 0))
		for i := 0; i < n; i++ {
			file := fmt.Sprintf("c%05d.pem", i)
			if err := r.Add(New("VPN.0072", "detail\nwith | a pipe", file).At(file, 1)); err != nil {
				t.Fatal(err)
			}
		}
		r.Finalize("en")
		return r
	}
	rows := func(out string) int { return strings.Count(out, "\n| [c") }
	for _, n := range []int{MarkdownMaxFindings, MarkdownMaxFindings + 5} {
		r := build(n)
		var b bytes.Buffer
		if err := writeMarkdown(&b, r, FormatOptions{}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		capped := fmt.Sprintf("The first %d of %d findings are listed; run with -v", MarkdownMaxFindings, n)
		if rows(out) != MarkdownMaxFindings || strings.Contains(out, capped) != (n > MarkdownMaxFindings) {
			t.Errorf("%d findings: %d rows, cap line %v", n, rows(out), strings.Contains(out, capped))
		}
		b.Reset()
		if err := writeMarkdown(&b, r, FormatOptions{Verbose: true}); err != nil {
			t.Fatal(err)
		}
		if rows(b.String()) != n || strings.Contains(b.String(), "The first") {
			t.Errorf("%d findings, verbose: %d rows", n, rows(b.String()))
		}
		for _, l := range strings.Split(b.String(), "\n") {
			if strings.HasPrefix(l, "| [c") && strings.Count(strings.ReplaceAll(l, `\|`, ""), "|") != 6 {
				t.Fatalf("row with the wrong number of cells: %q", l)
			}
		}
		r.Close()
	}
}

func TestClipWidth(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		want  string
	}{
		{"abcde", 5, "abcde"},
		{"abcdef", 5, "abcd…"},
		{"abcdef", 6, "abcdef"},
		{"", 5, ""},
		// Chinese characters take two columns.
		{"证书已过期", 10, "证书已过期"},
		{"证书已过期", 9, "证书已过…"},
		{"证书已过期", 8, "证书已…"},
		{"a证书", 4, "a证…"[:len("a证")] + "…"},
	} {
		if got := clipWidth(c.in, c.width); got != c.want {
			t.Errorf("clipWidth(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}

// TestTextWidth: a zlint advisory's message part is cut to Width columns in the text format,
// whole with Verbose; other findings are never cut.
func TestTextWidth(t *testing.T) {
	if _, ok := Lookup("zlint.test_long_lint"); !ok {
		Register(Code{ID: "zlint.test_long_lint", Source: SourceZlint, Severity: Warning, Message: strings.Repeat("m", 80),
			DescEN: "d", RemedyEN: "r", DescZH: "d", RemedyZH: "r"})
	}
	r := NewReport(Tool{Name: "t"}, time.Unix(0, 0))
	long := strings.Repeat("x", 200)
	r.Add(New("zlint.test_long_lint", "why").At("a.pem", 1), New("VPN.0072", long, "a.pem").At("a.pem", 1))
	r.Finalize("en")
	for _, c := range []struct {
		o    FormatOptions
		want string
	}{
		{FormatOptions{}, "a.pem:1: zlint.test_long_lint warning: " + strings.Repeat("m", 80) + " (why)\n"},
		{FormatOptions{Width: 40}, "a.pem:1: zlint.test_long_lint warning: " + strings.Repeat("m", 39) + "…\n"},
		{FormatOptions{Width: 86}, "a.pem:1: zlint.test_long_lint warning: " + strings.Repeat("m", 80) + " (why)\n"},
		{FormatOptions{Width: 85}, "a.pem:1: zlint.test_long_lint warning: " + strings.Repeat("m", 80) + " (wh…\n"},
		{FormatOptions{Width: 40, Verbose: true}, "a.pem:1: zlint.test_long_lint warning: " + strings.Repeat("m", 80) + " (why)\n"},
	} {
		var b bytes.Buffer
		if err := writeText(&b, r, c.o); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), c.want) {
			t.Errorf("width %d verbose %v: want %q in\n%s", c.o.Width, c.o.Verbose, c.want, b.String())
		}
		if !strings.Contains(b.String(), "("+long+")") {
			t.Errorf("width %d: a cloud finding was cut:\n%s", c.o.Width, b.String())
		}
	}
}

package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

func TestCell(t *testing.T) {
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
		if got := Cell(in); got != want {
			t.Errorf("Cell(%q) = %q, want %q", in, got, want)
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
		got := string(appendLocation(nil, c.file, c.line, output.Options{LinkRoot: root, LinkBase: c.base}))
		// The link's text is the path as given, as in the text report.
		want := strings.ReplaceAll(c.want, "ROOT", Cell(root))
		if got != want {
			t.Errorf("%q line %d base %q:\n got %s\nwant %s", c.file, c.line, c.base, got, want)
		}
	}
}

// TestMarkdownCap: past MaxFindings the table stops and a line says how many were
// left out; Verbose lists them all. Either way every row is one line.
func TestMarkdownCap(t *testing.T) {
	build := func(n int) *report.Report {
		r := report.New(report.Tool{Name: "t"}, time.Unix(0, 0), report.Options{})
		for i := 0; i < n; i++ {
			file := fmt.Sprintf("c%05d.pem", i)
			if err := r.Add(lint.New("VPN.0072", "detail\nwith | a pipe", file).At(file, 1)); err != nil {
				t.Fatal(err)
			}
		}
		return r
	}
	rows := func(out string) int { return strings.Count(out, "\n| [c") }
	for _, n := range []int{MaxFindings, MaxFindings + 5} {
		r := build(n)
		var b bytes.Buffer
		if err := Write(&b, r, output.Options{}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		capped := fmt.Sprintf("The first %d of %d findings are listed; run with -v", MaxFindings, n)
		if rows(out) != MaxFindings || strings.Contains(out, capped) != (n > MaxFindings) {
			t.Errorf("%d findings: %d rows, cap line %v", n, rows(out), strings.Contains(out, capped))
		}
		b.Reset()
		if err := Write(&b, r, output.Options{Verbose: true}); err != nil {
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

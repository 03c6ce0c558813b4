package text

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

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
	if _, ok := lint.Lookup("zlint.test_long_lint"); !ok {
		lint.Register(lint.Code{ID: "zlint.test_long_lint", Source: lint.SourceZlint, Severity: lint.Warning, Message: strings.Repeat("m", 80),
			DescEN: "d", RemedyEN: "r", DescZH: "d", RemedyZH: "r"})
	}
	r := report.New(report.Tool{Name: "t"}, time.Unix(0, 0), report.Options{})
	long := strings.Repeat("x", 200)
	_ = r.Add(lint.New("zlint.test_long_lint", "why").At("a.pem", 1), lint.New("VPN.0072", long, "a.pem").At("a.pem", 1))
	for _, c := range []struct {
		o    output.Options
		want string
	}{
		{output.Options{}, "a.pem:1: zlint.test_long_lint warning: " + strings.Repeat("m", 80) + " (why)\n"},
		{output.Options{Width: 40}, "a.pem:1: zlint.test_long_lint warning: " + strings.Repeat("m", 39) + "…\n"},
		{output.Options{Width: 86}, "a.pem:1: zlint.test_long_lint warning: " + strings.Repeat("m", 80) + " (why)\n"},
		{output.Options{Width: 85}, "a.pem:1: zlint.test_long_lint warning: " + strings.Repeat("m", 80) + " (wh…\n"},
		{output.Options{Width: 40, Verbose: true}, "a.pem:1: zlint.test_long_lint warning: " + strings.Repeat("m", 80) + " (why)\n"},
	} {
		var b bytes.Buffer
		if err := Write(&b, r, c.o); err != nil {
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

// The text format escapes every string of the report it prints: file names, messages,
// details, descriptions, remedies, I/O errors, waivers.
func TestTextEscaping(t *testing.T) {
	vpn0071 := strings.ReplaceAll(lint.MustLookup("VPN.0071").Format("%s"), "%s", `x\nca.pem:1: VPN.0072 error: forged\x1b[2J\u202e`)
	name := "x\nca.pem:1: VPN.0072 error: forged\x1b[2J\u202e"
	safe := `x\nca.pem:1: VPN.0072 error: forged\x1b[2J\u202e`
	waive := report.Waivers(func(f *lint.Finding) (report.Waiver, bool) {
		return report.Waiver{Reason: "why\n" + name}, f.Line == 2
	})
	r := report.New(report.Tool{}, time.Unix(0, 0), report.Options{Processors: []report.Processor{waive}})
	_ = r.AddFile(lint.FileResult{File: name, Error: "open " + name})
	_ = r.Add(lint.New("VPN.0072", "subject \"CN="+name+"\"", name).At(name, 1), lint.New("VPN.0071", "", name).At(name, 2))
	for _, color := range []bool{false, true} {
		var b bytes.Buffer
		if err := Write(&b, r, output.Options{Verbose: true, Color: color}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.Contains(out, name) || strings.Contains(out, "\u202e") || strings.Contains(out, "\x1b[2J") {
			t.Errorf("color %v: the name is printed raw:\n%s", color, out)
		}
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "ca.pem:1: VPN.0072") {
				t.Errorf("color %v: a forged line: %q", color, l)
			}
		}
		if !color {
			for _, want := range []string{
				safe + "\n" + safe + ": I/O error: open " + safe + "\n",
				safe + ":1: VPN.0072 error: Certificate " + safe + " has expired. (subject \"CN=" + safe + "\")\n",
				"    description: Certificate " + safe + " has expired.\n    remedy: Import a client CA certificate that has not expired.\n",
				safe + ":2: VPN.0071 error: " + vpn0071 + " (waived: why\\n" + safe + ")\n",
			} {
				if !strings.Contains(out, want) {
					t.Errorf("missing %q in\n%s", want, out)
				}
			}
		}
	}
}

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

// TestPlainMessageSameAsText: the line's message part appended the quick way
// (appendPlainMessage) is byte for byte the one built from the finding's Text, for every code
// of the catalogue and arguments that are plain, missing, too many, or need escaping (the
// quick way then declines).
func TestPlainMessageSameAsText(t *testing.T) {
	r := report.New(report.Tool{Name: "t"}, time.Unix(0, 0), report.Options{})
	defer r.Close()
	w := &fileWriter{o: output.Options{Lang: "en"}, adv: newAdvisories(r, false), words: output.WordsFor("en"), maxCols: DefaultWidth}
	argSets := [][]string{nil, {"a.pem"}, {"a.pem", "RSA-1024"}, {"a", "b", "c", "d"},
		{"证书.pem"}, {"a\nb"}, {"\xff"}, {"a.pem", "\x1b[31m"}}
	quick := 0
	for _, c := range lint.All() {
		for _, args := range argSets {
			for _, detail := range []string{"", "why", "why\tnot"} {
				f := lint.Finding{Code: c.ID, Severity: c.Severity, Args: args, Detail: detail}
				got, ok := w.appendPlainMessage([]byte("x: "), &f)
				if !ok {
					if string(got) != "x: " {
						t.Fatalf("%s %q: declined but changed the line: %q", c.ID, args, got)
					}
					continue
				}
				quick++
				tx := f.Text("en")
				text, _ := output.LineText(&tx, false, w.adv.zlint(f.Code))
				want := w.appendMessage([]byte("x: "), text, &f)
				if string(got) != string(want) {
					t.Errorf("%s %q %q:\n got %q\nwant %q", c.ID, args, detail, got, want)
				}
			}
		}
	}
	if quick == 0 {
		t.Fatal("the quick way never applied")
	}
	// Declined: verbose, Chinese, a zlint advisory, an unknown code, escaping needed.
	for _, c := range []struct {
		name string
		w    fileWriter
		f    lint.Finding
	}{
		{"verbose", fileWriter{o: output.Options{Verbose: true}, adv: w.adv, words: w.words}, lint.Finding{Code: "VPN.0071", Args: []string{"a"}}},
		{"zh", fileWriter{o: output.Options{Lang: "zh"}, adv: w.adv, words: output.WordsFor("zh")}, lint.Finding{Code: "VPN.0071", Args: []string{"a"}}},
		{"unknown code", *w, lint.Finding{Code: "VPN.9999", Args: []string{"a"}}},
		{"escape", *w, lint.Finding{Code: "VPN.0071", Args: []string{"a\x00"}}},
	} {
		if _, ok := c.w.appendPlainMessage(nil, &c.f); ok {
			t.Errorf("%s: the quick way applied", c.name)
		}
	}
}

package lint

import (
	"bytes"
	"strings"
	"testing"
)

func TestTextSafe(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain ca.pem", "plain ca.pem"},
		{"x\nca.pem:1: VPN.0072 error: forged", `x\nca.pem:1: VPN.0072 error: forged`},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"a\tb\rc\ad\be\ff\vg", `a\tb\rc\ad\be\ff\vg`},
		{"\x00\x1f \x7e\x7f", `\x00\x1f ~\x7f`},                       // C0 and DEL; space and ~ are printable
		{"\u0080\u009f\u00a0\u00a9", `\u0080\u009f` + "\u00a0\u00a9"}, // C1; NBSP and © stay
		{"abc\u202eexe.pem", `abc\u202eexe.pem`},                      // RIGHT-TO-LEFT OVERRIDE
		{"\u2066\u2069\u200b\u200e\ufeff\u00ad", `\u2066\u2069\u200b\u200e\ufeff\u00ad`},
		{"line\u2028para\u2029", `line\u2028para\u2029`},
		{"\U000e0001tag", `\U000e0001tag`},         // a format character beyond the BMP
		{"证书 中文\u3000名称.pem", "证书 中文\u3000名称.pem"}, // printable non-ASCII stays
		{"emoji 🔒", "emoji 🔒"},
		{"bad \xff\xfe utf-8 \xe4\xb8", `bad \xff\xfe utf-8 \xe4\xb8`},
		{`back\slash "quoted\n"`, `back\slash "quoted\n"`}, // a backslash is not doubled
		{"", ""},
	} {
		if got := TextSafe(tc.in); got != tc.want {
			t.Errorf("TextSafe(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := string(AppendTextSafe([]byte("p:"), tc.in)); got != "p:"+tc.want {
			t.Errorf("AppendTextSafe(%q) = %q", tc.in, got)
		}
		if strings.ContainsAny(TextSafe(tc.in), "\n\r\x1b\u202e\u2028") {
			t.Errorf("TextSafe(%q) keeps a control character", tc.in)
		}
	}
}

// The catalogue's own texts (English and Chinese) print unchanged.
func TestTextSafeCatalogue(t *testing.T) {
	for _, c := range All() {
		for _, s := range []string{c.ID, c.Message, c.DescEN, c.RemedyEN, c.DescZH, c.RemedyZH} {
			if TextSafe(s) != s {
				t.Errorf("%s: %q is escaped to %q", c.ID, s, TextSafe(s))
			}
		}
	}
}

// The text format escapes every string of the report it prints: file names, messages,
// details, descriptions, remedies, I/O errors, waivers.
func TestTextEscaping(t *testing.T) {
	name := "x\nca.pem:1: VPN.0072 error: forged\x1b[2J\u202e"
	safe := `x\nca.pem:1: VPN.0072 error: forged\x1b[2J\u202e`
	r := &Report{
		Findings: []Finding{{Code: "VPN.0072", Severity: Error, Message: "Certificate " + name + " has expired.",
			Detail: "subject \"CN=" + name + "\"", File: name, Line: 1, Description: "about " + name, Remedy: "renew " + name}},
		Files:  []FileResult{{File: name, Error: "open " + name}},
		Waived: []WaivedFinding{{Finding: Finding{Code: "VCL.0701", Severity: Warning, File: name, Line: 2, Message: "m " + name}, Reason: "why\n" + name}},
	}
	r.Summary.Error = 1
	r.Summary.Waived = 1
	for _, color := range []bool{false, true} {
		var b bytes.Buffer
		if err := writeText(&b, r, FormatOptions{Verbose: true, Color: color}); err != nil {
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
				"    description: about " + safe + "\n    remedy: renew " + safe + "\n",
				safe + ":2: VCL.0701 warning: m " + safe + " (waived: why\\n" + safe + ")\n",
			} {
				if !strings.Contains(out, want) {
					t.Errorf("missing %q in\n%s", want, out)
				}
			}
		}
	}
}

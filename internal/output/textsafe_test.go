package output

import (
	"github.com/vpncertlint/vpncertlint/lint"
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
	for _, c := range lint.All() {
		for _, s := range []string{c.ID, c.Message, c.DescEN, c.RemedyEN, c.DescZH, c.RemedyZH} {
			if TextSafe(s) != s {
				t.Errorf("%s: %q is escaped to %q", c.ID, s, TextSafe(s))
			}
		}
	}
}

func TestRelPath(t *testing.T) {
	root := t.TempDir()
	for _, c := range []struct{ file, root, want string }{
		{"a/b.pem", "", "a/b.pem"},
		{root + "/pki/ca.pem", root, "pki/ca.pem"},
		{"/elsewhere/ca.pem", root, "/elsewhere/ca.pem"},
		{"stdin", root, "stdin"},
		{"", root, ""},
	} {
		if got := RelPath(c.file, c.root); got != c.want {
			t.Errorf("RelPath(%q, %q) = %q, want %q", c.file, c.root, got, c.want)
		}
	}
}

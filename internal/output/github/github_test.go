package github

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

func TestGitHubEscaping(t *testing.T) {
	lower := report.SeverityOverrides(map[string]lint.Severity{"VPN.0073": lint.Notice, "VPN.0071": lint.Warning})
	r := report.New(report.Tool{}, time.Unix(0, 0), report.Options{Processors: []report.Processor{lower}})
	_ = r.AddFile(lint.FileResult{File: "gone.pem", Error: "open: no such file"})
	_ = r.Add(lint.New("VPN.0074", "a:b, c", "100% bad\r\nsecond line").At("dir/we,ird:name.pem", 3),
		lint.New("VPN.0073", "", "m").At("x.pem", 0), lint.New("VPN.0071", "", "w").At("y.pem", 2))
	msg := func(code, arg string) string { return lint.MustLookup(code).Format(arg) }
	remedy := func(code string) string { return "%0A" + lint.MustLookup(code).Remedy("en") }
	var b bytes.Buffer
	if err := Write(&b, r, output.Options{}); err != nil {
		t.Fatal(err)
	}
	want := "::error file=gone.pem,title=I/O error::open: no such file\n" +
		// the report's text is escaped as in the text format (a CR or LF in it is no line
		// break of the annotation), then for the command
		"::error file=dir/we%2Cird%3Aname.pem,line=3,title=VPN.0074::" + msg("VPN.0074", `100%25 bad\r\nsecond line`) + " (a:b, c)" + remedy("VPN.0074") + "\n" +
		// line 0 (a file-level finding) has no line property
		"::notice file=x.pem,title=VPN.0073::" + msg("VPN.0073", "m") + remedy("VPN.0073") + "\n" +
		"::warning file=y.pem,line=2,title=VPN.0071::" + msg("VPN.0071", "w") + remedy("VPN.0071") + "\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// A file name with a newline, ESC and a bidi override: file= keeps the exact path (what the
// command can encode, which GitHub decodes back) and escapes the rest; the message cannot
// break the line nor carry escape sequences.
func TestGitHubControlCharacters(t *testing.T) {
	name := "x\nca.pem:1: VPN.0072 error: forged\x1b[31m\u202e.pem"
	r := report.New(report.Tool{}, time.Unix(0, 0), report.Options{})
	_ = r.AddFile(lint.FileResult{File: "pki/" + name, Error: "open " + name + ": denied"})
	_ = r.Add(lint.New("VPN.0072", "subject \"CN=a\rb\u2028c\"", name).At("pki/"+name, 1))
	var b bytes.Buffer
	if err := Write(&b, r, output.Options{}); err != nil {
		t.Fatal(err)
	}
	file := `pki/x%0Aca.pem%3A1%3A VPN.0072 error%3A forged\x1b[31m\u202e.pem`
	want := "::error file=" + file + ",title=I/O error::open x\\nca.pem:1: VPN.0072 error: forged\\x1b[31m\\u202e.pem: denied\n" +
		"::error file=" + file + ",line=1,title=VPN.0072::Certificate x\\nca.pem:1: VPN.0072 error: forged\\x1b[31m\\u202e.pem has expired. " +
		`(subject "CN=a\rb\u2028c")%0AImport a client CA certificate that has not expired.` + "\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
	if n := strings.Count(b.String(), "\n"); n != 2 {
		t.Errorf("%d lines, want 2", n)
	}
}

package lint

import (
	"bytes"
	"strings"
	"testing"
)

func TestGitHubEscaping(t *testing.T) {
	r := &Report{Findings: []Finding{{
		Code: "VPN.0074", Severity: Error, Message: "100% bad\r\nsecond line", Detail: "a:b, c",
		File: "dir/we,ird:name.pem", Line: 3,
	}, {
		Code: "VCL.0743", Severity: Notice, Message: "m", File: "x.pem",
	}, {
		Code: "VCL.0701", Severity: Warning, Message: "w", File: "y.pem", Line: 2, Remedy: "fix it",
	}}, Files: []FileResult{{File: "gone.pem", Error: "open: no such file"}}}
	var b bytes.Buffer
	if err := writeGitHub(&b, r, FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "::error file=gone.pem,title=I/O error::open: no such file\n" +
		// the report's text is escaped as in the text format (a CR or LF in it is no line
		// break of the annotation), then for the command
		"::error file=dir/we%2Cird%3Aname.pem,line=3,title=VPN.0074::100%25 bad\\r\\nsecond line (a:b, c)\n" +
		// line 0 (a file-level finding) has no line property
		"::notice file=x.pem,title=VCL.0743::m\n" +
		"::warning file=y.pem,line=2,title=VCL.0701::w%0Afix it\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestRelPathAndURI(t *testing.T) {
	if got := RelPath("a/b.pem", ""); got != "a/b.pem" {
		t.Errorf("RelPath without root: %q", got)
	}
	if got := uriEscape("pki/my ca#1.pem"); got != "pki/my%20ca%231.pem" {
		t.Errorf("uriEscape: %q", got)
	}
}

func TestSARIFResultLimit(t *testing.T) {
	r := &Report{Tool: Tool{Name: "vpncertlint"}}
	for i := 0; i < MaxSARIFResults+5; i++ {
		r.Findings = append(r.Findings, Finding{Code: "VCL.0743", Severity: Warning, File: "x.pem", Line: i + 1})
	}
	var b bytes.Buffer
	if err := writeSARIF(&b, r, FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if n := strings.Count(out, `"ruleId"`); n != MaxSARIFResults {
		t.Errorf("%d results", n)
	}
	if !strings.Contains(out, "only the first 25000 are listed") {
		t.Error("no notification about the cut")
	}
}

// A file name with a newline, ESC and a bidi override: file= keeps the exact path (what the
// command can encode, which GitHub decodes back) and escapes the rest; the message cannot
// break the line nor carry escape sequences.
func TestGitHubControlCharacters(t *testing.T) {
	name := "x\nca.pem:1: VPN.0072 error: forged\x1b[31m\u202e.pem"
	r := &Report{Findings: []Finding{{
		Code: "VPN.0072", Severity: Error, Message: "Certificate " + name + " has expired.", Detail: "subject \"CN=a\rb\u2028c\"",
		File: "pki/" + name, Line: 1, Remedy: "Renew\u009b it\xff.",
	}}, Files: []FileResult{{File: "pki/" + name, Error: "open " + name + ": denied"}}}
	var b bytes.Buffer
	if err := writeGitHub(&b, r, FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	file := `pki/x%0Aca.pem%3A1%3A VPN.0072 error%3A forged\x1b[31m\u202e.pem`
	want := "::error file=" + file + ",title=I/O error::open x\\nca.pem:1: VPN.0072 error: forged\\x1b[31m\\u202e.pem: denied\n" +
		"::error file=" + file + ",line=1,title=VPN.0072::Certificate x\\nca.pem:1: VPN.0072 error: forged\\x1b[31m\\u202e.pem has expired. " +
		`(subject "CN=a\rb\u2028c")%0ARenew\u009b it\xff.` + "\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
	if n := strings.Count(b.String(), "\n"); n != 2 {
		t.Errorf("%d lines, want 2", n)
	}
}

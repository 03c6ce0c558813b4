package lint

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestSlashPath(t *testing.T) {
	for _, c := range []struct {
		path string
		sep  byte
		want string
	}{
		// Windows: the separator becomes "/".
		{`certs\pki\ca.pem`, '\\', "certs/pki/ca.pem"},
		{`C:\certs\ca.pem`, '\\', "C:/certs/ca.pem"},
		{`\\server\share\ca.pem`, '\\', "//server/share/ca.pem"},
		{"certs/ca.pem", '\\', "certs/ca.pem"}, // already slashed
		{"-", '\\', "-"},
		{"", '\\', ""},
		// Elsewhere a backslash is part of the name and stays.
		{`odd\name.pem`, '/', `odd\name.pem`},
		{"certs/ca.pem", '/', "certs/ca.pem"},
	} {
		if got := slashPath(c.path, c.sep); got != c.want {
			t.Errorf("slashPath(%q, %q) = %q, want %q", c.path, c.sep, got, c.want)
		}
	}
}

// TestReportPathsOnWindows renders a report as Windows would (its separator is "\"): every
// format shows the input's path with "/", and the JSON's file fields hold it so.
func TestReportPathsOnWindows(t *testing.T) {
	old := pathSeparator
	pathSeparator = '\\'
	defer func() { pathSeparator = old }()
	for _, spill := range []int{0, 1} {
		r := NewReport(Tool{Name: "vpncertlint", Version: "v1"}, time.Unix(0, 0))
		r.spillAfter = spill
		r.AddFile(FileResult{File: `certs\pki\ca.pem`, Objects: []ObjectInfo{{Line: 1, Type: "CERTIFICATE", Kind: "certificate", Role: "ca"}}})
		r.AddFile(FileResult{File: `certs\gone.pem`, Error: "open: permission denied", Objects: []ObjectInfo{}})
		r.Add(New("VPN.0072", "expired", "ca.pem").At(`certs\pki\ca.pem`, 1))
		r.Finalize("en")
		for _, format := range []string{"text", "json", "sarif", "junit", "github"} {
			var b bytes.Buffer
			if err := Write(&b, format, r, FormatOptions{}); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if strings.Contains(out, `pki\`) || strings.Contains(out, `certs\`) {
				t.Errorf("%s (spill %d) shows a backslash path:\n%s", format, spill, out)
			}
			if !strings.Contains(out, "certs/pki/ca.pem") || !strings.Contains(out, "certs/gone.pem") {
				t.Errorf("%s (spill %d) lacks the slashed paths:\n%s", format, spill, out)
			}
		}
		r.Close()
	}
}

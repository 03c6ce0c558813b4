package report

import (
	"testing"
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

package pemscan

import (
	"strings"
	"testing"
)

func TestScan(t *testing.T) {
	cases := []struct {
		name, in string
		blocks   []string // "TYPE@line:problem"
		check    func(t *testing.T, r *Result)
	}{
		{"one block", "-----BEGIN CERTIFICATE-----\nZm9vYmFy\n-----END CERTIFICATE-----\n",
			[]string{"CERTIFICATE@1:"}, func(t *testing.T, r *Result) {
				if string(r.Blocks[0].Bytes) != "foobar" || r.Blocks[0].EndLine != 3 {
					t.Errorf("block %+v", r.Blocks[0])
				}
			}},
		{"two blocks with text", "hello\n-----BEGIN A-----\nZm9v\n-----END A-----\nmid\n-----BEGIN B-----\nYmFy\n-----END B-----\n",
			[]string{"A@2:", "B@6:"}, func(t *testing.T, r *Result) {
				if r.StrayText != 1 || r.StrayLines != 2 {
					t.Errorf("stray %d/%d", r.StrayText, r.StrayLines)
				}
			}},
		{"missing end", "-----BEGIN CERTIFICATE-----\nZm9v\n", []string{"CERTIFICATE@1:missing-end"}, nil},
		{"missing end before next begin", "-----BEGIN A-----\nZm9v\n-----BEGIN B-----\nZm9v\n-----END B-----\n",
			[]string{"A@1:missing-end", "B@3:"}, nil},
		{"mismatch", "-----BEGIN CERTIFICATE-----\nZm9v\n-----END X509 CRL-----\n", []string{"CERTIFICATE@1:mismatched-end"}, nil},
		{"bad base64 line", "-----BEGIN C-----\nZm9v\n!!!\n-----END C-----\n", []string{"C@1:bad-base64"}, func(t *testing.T, r *Result) {
			if !strings.Contains(r.Blocks[0].Detail, "line 3") {
				t.Errorf("detail %q does not name line 3", r.Blocks[0].Detail)
			}
		}},
		{"bad padding", "-----BEGIN C-----\nZm9vY\n-----END C-----\n", []string{"C@1:bad-base64"}, nil},
		{"empty block", "-----BEGIN C-----\n-----END C-----\n", []string{"C@1:empty-block"}, nil},
		{"crlf and bom", "\xef\xbb\xbf-----BEGIN C-----\r\nZm9v\r\n-----END C-----\r\n", []string{"C@1:"}, func(t *testing.T, r *Result) {
			if !r.BOM || r.CRLFLines != 3 {
				t.Errorf("bom %v crlf %d", r.BOM, r.CRLFLines)
			}
		}},
		{"headers", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nZm9v\n-----END RSA PRIVATE KEY-----\n",
			[]string{"RSA PRIVATE KEY@1:"}, func(t *testing.T, r *Result) {
				if r.Blocks[0].Headers["Proc-Type"] != "4,ENCRYPTED" {
					t.Errorf("headers %v", r.Blocks[0].Headers)
				}
			}},
		{"stray end", "-----END C-----\n", nil, func(t *testing.T, r *Result) {
			if len(r.StrayEnds) != 1 || r.StrayEnds[0] != 1 {
				t.Errorf("stray ends %v", r.StrayEnds)
			}
		}},
		{"binary", "\x00\x01\x02", nil, func(t *testing.T, r *Result) {
			if !r.Binary {
				t.Error("not binary")
			}
		}},
		{"indented and spaced body", "  -----BEGIN C-----  \n Zm 9v \n-----END C-----\n", []string{"C@1:"}, nil},
		{"empty", "", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Scan([]byte(c.in))
			var got []string
			for _, b := range r.Blocks {
				got = append(got, b.Type+"@"+itoa(b.BeginLine)+":"+b.Problem)
			}
			if strings.Join(got, ",") != strings.Join(c.blocks, ",") {
				t.Fatalf("blocks %v, want %v", got, c.blocks)
			}
			for _, b := range r.Blocks {
				if b.Problem != ProblemNone && (b.Bytes != nil || b.Detail == "") {
					t.Errorf("problem block %+v must have a detail and no bytes", b)
				}
			}
			if c.check != nil {
				c.check(t, r)
			}
		})
	}
}

func itoa(i int) string {
	s := ""
	for {
		s = string(rune('0'+i%10)) + s
		i /= 10
		if i == 0 {
			return s
		}
	}
}

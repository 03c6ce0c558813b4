package pemscan

import (
	"strings"
	"testing"
)

// One block's outcome, for the table below.
func scanOne(t *testing.T, in string) Block {
	t.Helper()
	r := Scan([]byte(in))
	if len(r.Blocks) != 1 {
		t.Fatalf("%q: %d blocks, want 1: %+v", in, len(r.Blocks), r.Blocks)
	}
	return r.Blocks[0]
}

func TestBeginLineWithoutDashes(t *testing.T) {
	b := scanOne(t, "-----BEGIN C\nZm9v\n-----END C-----\n")
	if b.Type != "C" || b.Problem != ProblemBase64 || b.Detail != "line 1: the BEGIN line does not end with five dashes" || b.Bytes != nil {
		t.Errorf("block %+v", b)
	}
	// The BEGIN line's problem is kept when the END line does not match either.
	b = scanOne(t, "-----BEGIN C\nZm9v\n-----END D-----\n")
	if b.Problem != ProblemBase64 || !strings.Contains(b.Detail, "five dashes") || b.EndLine != 3 {
		t.Errorf("block %+v", b)
	}
	// An END line without its dashes still closes the block of its label.
	b = scanOne(t, "-----BEGIN C-----\nZm9v\n-----END C\n")
	if b.Problem != ProblemNone || string(b.Bytes) != "foo" || b.EndLine != 3 {
		t.Errorf("block %+v", b)
	}
}

func TestLabels(t *testing.T) {
	for _, l := range append([]string{"A", "X509 CERTIFICATE", "CERTIFICATEX"}, commonLabels...) {
		b := scanOne(t, "-----BEGIN "+l+"-----\nZm9v\n-----END "+l+"-----\n")
		if b.Type != l || b.Problem != ProblemNone {
			t.Errorf("label %q: block %+v", l, b)
		}
	}
}

func TestBase64Characters(t *testing.T) {
	// Every class boundary of the base64 alphabet, with a space and a tab inside the line.
	b := scanOne(t, "-----BEGIN C-----\nAZaz 09+/\t\nZm8=\n-----END C-----\n")
	if b.Problem != ProblemNone || len(b.Bytes) != 8 {
		t.Errorf("block %+v", b)
	}
	// The bytes just outside each class.
	for _, c := range []string{"@", "[", "`", "{", "/" + ".", ":", "*", ",", "-", "<", ">", "\x7f", "\xff"} {
		b := scanOne(t, "-----BEGIN C-----\nZm9v\nZm9v"+c+"\nZm9v\n-----END C-----\n")
		if b.Problem != ProblemBase64 || b.Detail != "line 3 is not base64" {
			t.Errorf("%q: block %+v", c, b)
		}
	}
	// The first bad line is named.
	b = scanOne(t, "-----BEGIN C-----\nZm9v\n!!\n??\n-----END C-----\n")
	if b.Detail != "line 3 is not base64" {
		t.Errorf("detail %q", b.Detail)
	}
}

func TestBodyWhiteSpace(t *testing.T) {
	for _, body := range []string{"Zm 9v", "Zm\t9v", "Z m\t9 v", "Zm9v"} {
		b := scanOne(t, "-----BEGIN C-----\n"+body+"\n-----END C-----\n")
		if b.Problem != ProblemNone || string(b.Bytes) != "foo" {
			t.Errorf("%q: block %+v", body, b)
		}
	}
}

func TestBase64Reason(t *testing.T) {
	for body, want := range map[string]string{
		"Zm9vYmF=Zm9v": "it is truncated or wrongly padded (12 base64 characters)", // error at n-4
		"Zm9vYm=yZm9":  "corrupt at character 6 of 11",                             // error at n-5
		"Zm=vYmFy":     "corrupt at character 2 of 8",
		"Zm9vY":        "it is truncated or wrongly padded (5 base64 characters)",
	} {
		b := scanOne(t, "-----BEGIN C-----\n"+body+"\n-----END C-----\n")
		if b.Problem != ProblemBase64 || b.Detail != "the base64 body does not decode: "+want {
			t.Errorf("%s: %+v, want %q", body, b, want)
		}
	}
	if got := base64Reason(errString("x"), 4); got != "x" {
		t.Errorf("base64Reason of another error = %q", got)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestEmptyAndShortBodies(t *testing.T) {
	b := scanOne(t, "-----BEGIN C-----\n\n  \n-----END C-----\n")
	if b.Problem != ProblemEmpty || b.Detail != "the block has no content between BEGIN and END" {
		t.Errorf("block %+v", b)
	}
	b = scanOne(t, "-----BEGIN C-----\nZ\n-----END C-----\n")
	if b.Problem != ProblemBase64 {
		t.Errorf("one character: %+v", b)
	}
}

func TestHeaders(t *testing.T) {
	b := scanOne(t, "-----BEGIN C-----\nAZaz09-: v w \nZm9v\n-----END C-----\n")
	if b.Problem != ProblemNone || b.Headers["AZaz09-"] != "v w" || string(b.Bytes) != "foo" {
		t.Errorf("block %+v", b)
	}
	// Not headers: no name, a name with other characters, a header after the body.
	for _, line := range []string{":abc", "A_B: x", "A@: x", "A[: x", "a`: x", "a{: x", "a/: x", "a.: x", "a,: x"} {
		b := scanOne(t, "-----BEGIN C-----\n"+line+"\nZm9v\n-----END C-----\n")
		if b.Headers != nil || b.Problem != ProblemBase64 || b.Detail != "line 2 is not base64" {
			t.Errorf("%q: block %+v", line, b)
		}
	}
	b = scanOne(t, "-----BEGIN C-----\nZm9v\nProc-Type: x\n-----END C-----\n")
	if b.Headers != nil || b.Detail != "line 3 is not base64" {
		t.Errorf("header after the body: %+v", b)
	}
	// Two headers.
	b = scanOne(t, "-----BEGIN C-----\nA: 1\nB:2\nZm9v\n-----END C-----\n")
	if len(b.Headers) != 2 || b.Headers["A"] != "1" || b.Headers["B"] != "2" {
		t.Errorf("headers %v", b.Headers)
	}
}

func TestMissingEndDetails(t *testing.T) {
	r := Scan([]byte("x\n-----BEGIN A-----\nZm9v\n-----BEGIN B-----\nZm9v\n"))
	if len(r.Blocks) != 2 {
		t.Fatalf("blocks %+v", r.Blocks)
	}
	a, b := r.Blocks[0], r.Blocks[1]
	if a.Detail != "no END line before the next BEGIN at line 4" || a.EndLine != 0 || a.Bytes != nil {
		t.Errorf("A %+v", a)
	}
	if b.Detail != "no END B line before the end of the input (line 5)" || b.Problem != ProblemMissingEnd || b.BeginLine != 4 {
		t.Errorf("B %+v", b)
	}
	if r.Lines != 5 || r.StrayText != 1 || r.StrayLines != 1 {
		t.Errorf("result %+v", r)
	}
}

func TestMismatchDetail(t *testing.T) {
	b := scanOne(t, "\n-----BEGIN A-----\nZm9v\n-----END B-----\n")
	if b.Problem != ProblemMismatch || b.Detail != "BEGIN A at line 2 is closed by END B at line 4" || b.EndLine != 4 || b.Bytes != nil {
		t.Errorf("block %+v", b)
	}
}

func TestLinesAndLineEndings(t *testing.T) {
	for in, want := range map[string][2]int{ // lines, CRLF lines
		"":           {0, 0},
		"a":          {1, 0},
		"a\n":        {1, 0},
		"a\nb":       {2, 0},
		"\r\n":       {1, 1},
		"\r\n\r\na":  {3, 2},
		"a\r\nb\rc":  {2, 1},
		"\n\n\n\r\n": {4, 1},
	} {
		r := Scan([]byte(in))
		if r.Lines != want[0] || r.CRLFLines != want[1] {
			t.Errorf("%q: %d lines, %d CRLF; want %v", in, r.Lines, r.CRLFLines, want)
		}
	}
}

func TestStrayTextAndBinary(t *testing.T) {
	r := Scan([]byte("\n  \nfirst\n-----BEGIN C-----\nZm9v\n-----END C-----\nsecond\nthird\n"))
	if r.StrayText != 3 || r.StrayLines != 3 || r.Binary {
		t.Errorf("result %+v", r)
	}
	r = Scan([]byte("héllo wörld\n"))
	if r.Binary || r.StrayText != 1 {
		t.Errorf("UTF-8 text: %+v", r)
	}
	r = Scan([]byte("ok\n\xff\xfe\n"))
	if !r.Binary || r.StrayText != 1 || r.StrayLines != 2 {
		t.Errorf("invalid UTF-8: %+v", r)
	}
	// A NUL anywhere, even inside a block, makes the input binary; a BOM alone does not.
	r = Scan([]byte("-----BEGIN C-----\nZm9v\x00\n-----END C-----\n"))
	if !r.Binary {
		t.Errorf("NUL in a block: %+v", r)
	}
	r = Scan([]byte("\xef\xbb\xbfok\n"))
	if r.Binary || !r.BOM || r.StrayText != 1 {
		t.Errorf("BOM: %+v", r)
	}
	r = Scan([]byte("\xef\xbbok\n"))
	if r.BOM || !r.Binary {
		t.Errorf("two bytes of a BOM: %+v", r)
	}
}

func TestStrayEnds(t *testing.T) {
	r := Scan([]byte("-----END A-----\n-----BEGIN C-----\nZm9v\n-----END C-----\n-----END C-----\n"))
	if len(r.StrayEnds) != 2 || r.StrayEnds[0] != 1 || r.StrayEnds[1] != 5 || len(r.Blocks) != 1 || r.StrayLines != 0 {
		t.Errorf("result %+v", r)
	}
}

// Blocks of an input without BEGIN lines: none.
func TestNoBlocks(t *testing.T) {
	for _, in := range []string{"", "text\n", "-----END C-----\n"} {
		if r := Scan([]byte(in)); len(r.Blocks) != 0 {
			t.Errorf("%q: blocks %+v", in, r.Blocks)
		}
	}
}

// Many blocks: each keeps its own bytes (the body buffer is reused).
func TestManyBlocks(t *testing.T) {
	var in strings.Builder
	for _, s := range []string{"Zm9v", "YmFy", "YmF6"} {
		in.WriteString("-----BEGIN CERTIFICATE-----\n" + s + "\n-----END CERTIFICATE-----\n")
	}
	r := Scan([]byte(in.String()))
	var got []string
	for _, b := range r.Blocks {
		got = append(got, string(b.Bytes)+"@"+itoa(b.BeginLine)+"-"+itoa(b.EndLine))
	}
	if strings.Join(got, ",") != "foo@1-3,bar@4-6,baz@7-9" {
		t.Errorf("blocks %v", got)
	}
}

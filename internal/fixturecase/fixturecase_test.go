package fixturecase

import (
	"slices"
	"strings"
	"testing"
)

func TestParseFormat(t *testing.T) {
	text := "testdata/ca/x.pem, checked with --role ca.\n-- args --\n--role ca\n--no-zlint\n-- codes --\nVPN.0071\nVCL.0701\n-- want --\nreport\nexit 1\n"
	c, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Args, []string{"--role", "ca", "--no-zlint"}) || !slices.Equal(c.Codes, []string{"VCL.0701", "VPN.0071"}) ||
		c.Want != "report\nexit 1\n" || c.Comment != "testdata/ca/x.pem, checked with --role ca.\n" {
		t.Fatalf("parsed %+v", c)
	}
	out, err := c.Format()
	if err != nil {
		t.Fatal(err)
	}
	want := "testdata/ca/x.pem, checked with --role ca.\n-- args --\n--role ca --no-zlint\n-- codes --\nVCL.0701\nVPN.0071\n-- want --\nreport\nexit 1\n"
	if string(out) != want {
		t.Fatalf("formatted\n%s\nwant\n%s", out, want)
	}
}

// An empty codes section (no code expected) differs from none (not checked by hand yet).
func TestEmptyAndMissingSections(t *testing.T) {
	c, err := Parse([]byte("-- args --\n--role crl\n-- codes --\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !c.HasCodes || len(c.Codes) != 0 || c.HasWant {
		t.Fatalf("parsed %+v", c)
	}
	c, err = Parse([]byte("-- args --\n--role crl\n"))
	if err != nil || c.HasCodes {
		t.Fatalf("parsed %+v, %v", c, err)
	}
}

func TestParseErrors(t *testing.T) {
	for _, text := range []string{
		"-- args --\n-- args --\n",
		"-- expected --\nVPN.0070\n",
	} {
		if _, err := Parse([]byte(text)); err == nil {
			t.Errorf("%q: no error", text)
		}
	}
}

// A report line that reads as a section marker would not survive the format: refused.
func TestFormatRefusesMarkerInWant(t *testing.T) {
	c := &Case{HasWant: true, Want: "x\n-- codes --\nexit 0\n"}
	if _, err := c.Format(); err == nil || !strings.Contains(err.Error(), "want") {
		t.Fatalf("err %v", err)
	}
}

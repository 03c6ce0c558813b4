package junit

import (
	"bytes"
	"encoding/xml"
	"io"
	"testing"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/output/outputtest"
	"github.com/vpncertlint/vpncertlint/lint"
)

// The JUnit document as one value, to encode it whole.
type junitDocSuites struct {
	XMLName  xml.Name        `xml:"testsuites"`
	Name     string          `xml:"name,attr"`
	Tests    int             `xml:"tests,attr"`
	Failures int             `xml:"failures,attr"`
	Errors   int             `xml:"errors,attr"`
	Suites   []junitDocSuite `xml:"testsuite"`
}

type junitDocSuite struct {
	Name      string          `xml:"name,attr"`
	Tests     int             `xml:"tests,attr"`
	Failures  int             `xml:"failures,attr"`
	Errors    int             `xml:"errors,attr"`
	Timestamp string          `xml:"timestamp,attr,omitempty"`
	Props     []junitProperty `xml:"properties>property,omitempty"`
	Cases     []junitCase     `xml:"testcase"`
}

// TestStreamedJUnitIsPlainXML: the JUnit written case by case is byte-identical to
// encoding/xml encoding the whole document, and its counts are the cases'.
func TestStreamedJUnitIsPlainXML(t *testing.T) {
	for _, spill := range []int{-1, 1} {
		r := outputtest.Report(t, spill)
		var got bytes.Buffer
		if err := Write(&got, r, output.Options{Lang: "zh", FailOn: lint.FailOn(lint.Error)}); err != nil {
			t.Fatal(err)
		}
		var doc junitDocSuites
		if err := xml.Unmarshal(got.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		s := doc.Suites[0]
		if s.Tests != len(s.Cases) || s.Tests != 8 || s.Failures != 2 || s.Errors != 1 || doc.Tests != s.Tests {
			t.Fatalf("spill %d: counts %+v for %d cases", spill, doc, len(s.Cases))
		}
		var want bytes.Buffer
		_, _ = io.WriteString(&want, xml.Header)
		enc := xml.NewEncoder(&want)
		enc.Indent("", "  ")
		if err := enc.Encode(doc); err != nil {
			t.Fatal(err)
		}
		want.WriteString("\n")
		if got.String() != want.String() {
			t.Fatalf("spill %d: streamed JUnit differs:\n%s\nwant:\n%s", spill, got.String(), want.String())
		}
	}
}

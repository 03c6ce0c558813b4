package lint

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"testing"
	"time"
)

// streamReport is a small report with what the formats escape and group: odd characters,
// findings below and above --fail-on, an unreadable input, a finding about no file.
func streamReport(spillAfter int) *Report {
	r := NewReport(Tool{Name: "vpncertlint", Version: "<1&2>"}, time.Unix(0, 0))
	r.spillAfter = spillAfter
	r.AddFile(FileResult{File: "a<b>.pem", Objects: []ObjectInfo{{Line: 1, Type: "CERTIFICATE", Kind: "certificate", Role: "ca",
		Object: Object{Subject: "CN=\"x\" & y", SHA256: "ab"}}, {Line: 30, Type: "X509 CRL", Kind: "crl"}}})
	r.AddFile(FileResult{File: "gone.pem", Error: "open: permission denied", Objects: []ObjectInfo{}})
	below := New("VPN.0078", "pasted text", "a<b>.pem").At("a<b>.pem", 30)
	below.Severity = Warning // below --fail-on error: listed in system-out
	r.Add(New("VPN.0072", "notAfter <2024>\nsecond line", "a<b>.pem").At("a<b>.pem", 1).About(Object{Subject: "CN=\"x\" & y", SHA256: "ab"}),
		below, New("VPN.0074", "empty", "run").At("", 0))
	r.Finalize("zh")
	return r
}

// TestStreamedSARIFIsPlainJSON: the SARIF streamed result by result is byte-identical to
// encoding/json encoding the whole log (decoded from it, so every field is compared).
func TestStreamedSARIFIsPlainJSON(t *testing.T) {
	for _, spill := range []int{0, 1} {
		r := streamReport(spill)
		var got bytes.Buffer
		if err := writeSARIF(&got, r, FormatOptions{}); err != nil {
			t.Fatal(err)
		}
		var log sarifLog
		if err := json.Unmarshal(got.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		if len(log.Runs) != 1 || len(log.Runs[0].Results) != 3 {
			t.Fatalf("spill %d: %d runs, results %+v", spill, len(log.Runs), log.Runs)
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(log); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("spill %d: streamed SARIF differs:\n%s\nwant:\n%s", spill, got.String(), want.String())
		}
	}
}

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
	for _, spill := range []int{0, 1} {
		r := streamReport(spill)
		var got bytes.Buffer
		if err := writeJUnit(&got, r, FormatOptions{FailOn: FailOn(Error)}); err != nil {
			t.Fatal(err)
		}
		var doc junitDocSuites
		if err := xml.Unmarshal(got.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		s := doc.Suites[0]
		if s.Tests != len(s.Cases) || s.Tests != 4 || s.Failures != 2 || s.Errors != 1 || doc.Tests != s.Tests {
			t.Fatalf("spill %d: counts %+v for %d cases", spill, doc, len(s.Cases))
		}
		var want bytes.Buffer
		io.WriteString(&want, xml.Header)
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

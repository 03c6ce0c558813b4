// Package junit writes JUnit XML (--format junit), for CI systems that show test reports
// (GitLab, Jenkins, …): one testcase per object of each input (a file with no objects, or one
// that could not be read, is one testcase). Findings at or above --fail-on are <failure>s;
// findings below it are listed in the testcase's system-out; an I/O error is an <error>.
package junit

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

// The document: <testsuites name tests failures errors> holding one <testsuite name tests
// failures errors timestamp> with <properties> (now, version) and the testcases.

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failures  []junitResult `xml:"failure,omitempty"`
	Error     *junitResult  `xml:"error,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitResult struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

func junitCaseName(file string, obj *lint.ObjectInfo) string {
	if obj == nil {
		return file
	}
	name := fmt.Sprintf("%s:%d %s", file, obj.Line, obj.Kind)
	switch {
	case obj.Subject != "":
		name += " " + obj.Subject
	case obj.Issuer != "":
		name += " issued by " + obj.Issuer
	}
	return name
}

// junitCases calls emit with each testcase, in order.
func junitCases(r *report.Report, o output.Options, emit func(*junitCase) error) error {
	cb := &caseBuilder{o: o, emit: emit, done: map[string]bool{}}
	err := r.EachFile(func(fr *lint.FileResult) error {
		var fs []lint.Finding
		if !cb.done[fr.File] {
			cb.done[fr.File] = true
			var err error
			if fs, err = r.FileFindings(fr.File); err != nil {
				return err
			}
		}
		return cb.fileCases(fr, fs)
	})
	if err != nil {
		return err
	}
	// Findings about files that are not inputs (the project configuration's own) or about
	// no file: one testcase per file.
	for _, file := range r.FindingFiles() {
		if cb.done[file] {
			continue
		}
		rel := output.RelPath(file, o.Root)
		if file == "" {
			rel = "(run)"
		}
		c := junitCase{Name: rel, Classname: rel, File: rel}
		if file == "" {
			c.File = ""
		}
		fs, err := r.FileFindings(file)
		if err != nil {
			return err
		}
		cb.addFindings(&c, fs)
		if err := emit(&c); err != nil {
			return err
		}
	}
	return nil
}

// caseBuilder makes the testcases of the inputs.
type caseBuilder struct {
	o    output.Options
	emit func(*junitCase) error
	done map[string]bool // the files whose findings were taken
}

// addFindings adds fs to c: as failures when they fail the run, else to its system-out.
func (cb *caseBuilder) addFindings(c *junitCase, fs []lint.Finding) {
	var out []string
	for _, f := range fs {
		tx := f.Text(cb.o.Lang)
		text := fmt.Sprintf("%s:%d: %s %s: %s", output.RelPath(f.File, cb.o.Root), f.Line, f.Code, f.Severity, tx.Message)
		if f.Detail != "" {
			text += " (" + f.Detail + ")"
		}
		if w := f.Where(); w != "" {
			text += " [" + w + "]"
		}
		if cb.o.FailOn.Fails(f.Severity) {
			c.Failures = append(c.Failures, junitResult{Message: f.Code + ": " + tx.Message, Type: f.Severity.String(),
				Text: text + "\n" + tx.Description + "\nRemedy: " + tx.Remedy})
		} else {
			out = append(out, text)
		}
	}
	if len(out) > 0 {
		c.SystemOut = strings.Join(out, "\n")
	}
}

// fileCases emits the testcases of one input, fs its findings: one per object, or one for
// the file when it has none or could not be read.
func (cb *caseBuilder) fileCases(fr *lint.FileResult, fs []lint.Finding) error {
	rel := output.RelPath(fr.File, cb.o.Root)
	if fr.Error != "" || len(fr.Objects) == 0 {
		c := junitCase{Name: rel, Classname: rel, File: rel}
		if fr.Error != "" {
			c.Error = &junitResult{Message: "I/O error: " + fr.Error, Type: "io"}
		}
		cb.addFindings(&c, fs)
		return cb.emit(&c)
	}
	per := byObject(fr.Objects, fs)
	for i := range fr.Objects {
		obj := fr.Objects[i]
		c := junitCase{Name: junitCaseName(rel, &obj), Classname: rel, File: rel, Line: obj.Line}
		cb.addFindings(&c, per[i])
		if err := cb.emit(&c); err != nil {
			return err
		}
	}
	return nil
}

// byObject gives each finding to the last object starting at or before its line (file-level
// findings, line 0 or before the first block, go to the first object). Objects come in the
// order of their lines: a binary search finds it (a file of 200,000 blocks took minutes with
// a scan of every object for every finding).
func byObject(objs []lint.ObjectInfo, fs []lint.Finding) [][]lint.Finding {
	per := make([][]lint.Finding, len(objs))
	sorted := sort.SliceIsSorted(objs, func(i, j int) bool { return objs[i].Line < objs[j].Line })
	for _, f := range fs {
		k := 0
		if sorted {
			k = max(sort.Search(len(objs), func(i int) bool { return objs[i].Line > f.Line })-1, 0)
		} else {
			for i, obj := range objs {
				if obj.Line <= f.Line {
					k = i
				}
			}
		}
		per[k] = append(per[k], f)
	}
	return per
}

// Write streams the document: a first pass over the report counts the testcases (the
// counts are attributes of the opening tags), the second writes them one at a time.
func Write(w io.Writer, r *report.Report, o output.Options) error {
	name := r.Tool().Name
	if name == "" {
		name = "vpncertlint"
	}
	var tests, failures, errs int
	err := junitCases(r, o, func(c *junitCase) error {
		tests++
		if len(c.Failures) > 0 {
			failures++
		}
		if c.Error != nil {
			errs++
		}
		return nil
	})
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	_, _ = bw.WriteString(xml.Header) // bufio: Flush reports the error
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	attrs := func(kv ...string) []xml.Attr {
		var out []xml.Attr
		for i := 0; i < len(kv); i += 2 {
			out = append(out, xml.Attr{Name: xml.Name{Local: kv[i]}, Value: kv[i+1]})
		}
		return out
	}
	counts := []string{"tests", strconv.Itoa(tests), "failures", strconv.Itoa(failures), "errors", strconv.Itoa(errs)}
	suites := xml.StartElement{Name: xml.Name{Local: "testsuites"}, Attr: attrs(append([]string{"name", name}, counts...)...)}
	suiteAttrs := append([]string{"name", name}, counts...)
	if r.Now() != "" {
		suiteAttrs = append(suiteAttrs, "timestamp", r.Now())
	}
	suite := xml.StartElement{Name: xml.Name{Local: "testsuite"}, Attr: attrs(suiteAttrs...)}
	props := struct {
		Props []junitProperty `xml:"property"`
	}{[]junitProperty{{Name: "now", Value: r.Now()}, {Name: "version", Value: r.Tool().Version}}}
	if err := enc.EncodeToken(suites); err != nil {
		return err
	}
	if err := enc.EncodeToken(suite); err != nil {
		return err
	}
	if err := enc.EncodeElement(props, xml.StartElement{Name: xml.Name{Local: "properties"}}); err != nil {
		return err
	}
	caseTag := xml.StartElement{Name: xml.Name{Local: "testcase"}}
	err = junitCases(r, o, func(c *junitCase) error { return enc.EncodeElement(c, caseTag) })
	if err != nil {
		return err
	}
	if err := enc.EncodeToken(suite.End()); err != nil {
		return err
	}
	if err := enc.EncodeToken(suites.End()); err != nil {
		return err
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	_, _ = bw.WriteString("\n") // bufio: Flush reports the error
	return bw.Flush()
}

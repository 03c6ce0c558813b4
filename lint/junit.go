package lint

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// JUnit XML (--format junit), for CI systems that show test reports (GitLab, Jenkins, …):
// one testcase per object of each input (a file with no objects, or one that could not be
// read, is one testcase). Findings at or above --fail-on are <failure>s; findings below it
// are listed in the testcase's system-out; an I/O error is an <error>.

func init() { RegisterFormat("junit", writeJUnit) }

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string          `xml:"name,attr"`
	Tests     int             `xml:"tests,attr"`
	Failures  int             `xml:"failures,attr"`
	Errors    int             `xml:"errors,attr"`
	Timestamp string          `xml:"timestamp,attr,omitempty"`
	Props     []junitProperty `xml:"properties>property,omitempty"`
	Cases     []junitCase     `xml:"testcase"`
}

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

func junitCaseName(file string, obj *ObjectInfo) string {
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

func writeJUnit(w io.Writer, r *Report, o FormatOptions) error {
	suite := junitSuite{Name: r.Tool.Name, Timestamp: r.Now}
	if suite.Name == "" {
		suite.Name = "vpncertlint"
	}
	suite.Props = []junitProperty{{Name: "now", Value: r.Now}, {Name: "version", Value: r.Tool.Version}}
	done := map[string]bool{}
	addFindings := func(c *junitCase, fs []Finding) {
		var out []string
		for _, f := range fs {
			text := fmt.Sprintf("%s:%d: %s %s: %s", RelPath(f.File, o.Root), f.Line, f.Code, f.Severity, f.Message)
			if f.Detail != "" {
				text += " (" + f.Detail + ")"
			}
			if o.FailOn.Fails(f.Severity) {
				c.Failures = append(c.Failures, junitResult{Message: f.Code + ": " + f.Message, Type: f.Severity.String(),
					Text: text + "\n" + f.Description + "\nRemedy: " + f.Remedy})
			} else {
				out = append(out, text)
			}
		}
		if len(out) > 0 {
			c.SystemOut = strings.Join(out, "\n")
		}
	}
	err := r.EachFile(func(fr *FileResult) error {
		rel := RelPath(fr.File, o.Root)
		var fs []Finding
		if !done[fr.File] {
			done[fr.File] = true
			var err error
			if fs, err = r.FileFindings(fr.File); err != nil {
				return err
			}
		}
		if fr.Error != "" || len(fr.Objects) == 0 {
			c := junitCase{Name: rel, Classname: rel, File: rel}
			if fr.Error != "" {
				c.Error = &junitResult{Message: "I/O error: " + fr.Error, Type: "io"}
			}
			addFindings(&c, fs)
			suite.Cases = append(suite.Cases, c)
			return nil
		}
		// Each finding goes to the last object starting at or before its line (file-level
		// findings, line 0 or before the first block, go to the first object).
		per := make([][]Finding, len(fr.Objects))
		for _, f := range fs {
			k := 0
			for i, obj := range fr.Objects {
				if obj.Line <= f.Line {
					k = i
				}
			}
			per[k] = append(per[k], f)
		}
		for i := range fr.Objects {
			obj := fr.Objects[i]
			c := junitCase{Name: junitCaseName(rel, &obj), Classname: rel, File: rel, Line: obj.Line}
			addFindings(&c, per[i])
			suite.Cases = append(suite.Cases, c)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Findings about files that are not inputs (the project configuration's own) or about
	// no file: one testcase per file.
	for _, file := range r.FindingFiles() {
		if done[file] {
			continue
		}
		rel := RelPath(file, o.Root)
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
		addFindings(&c, fs)
		suite.Cases = append(suite.Cases, c)
	}
	for _, c := range suite.Cases {
		suite.Tests++
		if len(c.Failures) > 0 {
			suite.Failures++
		}
		if c.Error != nil {
			suite.Errors++
		}
	}
	doc := junitSuites{Name: suite.Name, Tests: suite.Tests, Failures: suite.Failures, Errors: suite.Errors, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}

// Package json writes the JSON report (docs/json.md is its contract): the tool, the run's
// time, every input with its objects, every finding with its texts rendered in
// output.Options.Lang, the summary and the waived findings.
package json

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/output/jsonstream"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

// Document is the JSON report (a reader decodes it into this). Write streams Files and
// Findings rather than holding them.
type Document struct {
	Tool     report.Tool       `json:"tool"`
	Now      string            `json:"now"`
	Files    []lint.FileResult `json:"files"`
	Findings []Finding         `json:"findings"`
	Summary  report.Summary    `json:"summary"`
	// Waived lists the findings waived by the configuration (omitted when none).
	Waived []Waived `json:"waived,omitempty"`
}

// Finding is a finding as the JSON report shows it, with its texts.
type Finding struct {
	Code        string        `json:"code"`
	Severity    lint.Severity `json:"severity"`
	HTTPStatus  int           `json:"http_status,omitempty"`
	Message     string        `json:"message"`
	Description string        `json:"description"`
	Remedy      string        `json:"remedy"`
	Detail      string        `json:"detail"`
	File        string        `json:"file"`
	Line        int           `json:"line"`
	// Field is the JSON/YAML path of the offending field in a server body, if any.
	Field string `json:"field,omitempty"`
	// Resource is the Terraform resource address the finding is about, if any (Field is
	// then the argument path in it).
	Resource string `json:"resource,omitempty"`
	Related  string `json:"related,omitempty"`
	lint.Object
}

// Waived is a waived finding as the JSON report shows it.
type Waived struct {
	Finding
	report.Waiver
}

func findingOf(f *lint.Finding, lang string) Finding {
	t := f.Text(lang)
	return Finding{Code: f.Code, Severity: f.Severity, HTTPStatus: t.HTTPStatus, Message: t.Message,
		Description: t.Description, Remedy: t.Remedy, Detail: f.Detail, File: f.File, Line: f.Line,
		Field: f.Field, Resource: f.Resource, Related: t.Related, Object: f.Object}
}

// skeleton is the document without its two long arrays.
func skeleton(r *report.Report, lang string) *Document {
	d := &Document{Tool: r.Tool(), Now: r.Now(), Summary: r.Summary()}
	for _, w := range r.Waived() {
		d.Waived = append(d.Waived, Waived{findingOf(&w.Finding, lang), w.Waiver})
	}
	return d
}

// Write writes the report as indented JSON, exactly as json.Encoder with two-space indent
// would encode the whole document, but streams the two long arrays (files, findings) element
// by element: encoding/json builds a whole value in memory before writing it, which for a
// report over 100,000 certificates is hundreds of megabytes. The rest of the document is
// encoded the ordinary way, with those arrays left out, and the arrays are spliced in.
func Write(w io.Writer, r *report.Report, o output.Options) error {
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(skeleton(r, o.Lang)); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	rest := head.Bytes()
	for _, arr := range []struct {
		marker []byte
		each   func(func(any) error) error
	}{
		{[]byte("\n  \"files\": null"), func(fn func(any) error) error {
			return r.EachFileStream(func(f *lint.FileResult, ahead *report.Objects) error {
				if ahead.Len() > 0 || len(f.Objects) > streamObjectsAfter {
					return fn(streamedFile{f, ahead})
				}
				return fn(f)
			})
		}},
		{[]byte("\n  \"findings\": null"), func(fn func(any) error) error {
			return r.EachFinding(func(f *lint.Finding) error {
				v := findingOf(f, o.Lang)
				return fn(&v)
			})
		}},
	} {
		i := bytes.Index(rest, arr.marker)
		if i < 0 {
			return errors.New("json: the document lacks its arrays")
		}
		name := arr.marker[:len(arr.marker)-len("null")]
		_, _ = bw.Write(rest[:i]) // bufio: Flush reports the error
		_, _ = bw.Write(name)     // bufio: Flush reports the error
		if err := jsonstream.Array(bw, 2, false, arr.each); err != nil {
			return err
		}
		rest = rest[i+len(arr.marker):]
	}
	_, _ = bw.Write(rest) // bufio: Flush reports the error
	return bw.Flush()
}

// streamObjectsAfter is the number of objects above which a file result's objects are
// written one by one (streamedFile) rather than encoded with the file in one piece: a file
// of 200,000 blocks took 80 MB of encoder buffers.
const streamObjectsAfter = 256

// streamedFile is a file result whose objects streamArray writes one by one: those the
// report reads back from its temporary file (ahead), then f.Objects.
type streamedFile struct {
	f     *lint.FileResult
	ahead *report.Objects
}

// WriteJSON writes the file result at depth (its opening brace already placed), byte for byte
// as encoding/json would.
func (s streamedFile) WriteJSON(w *bufio.Writer, depth int) error {
	skeleton := *s.f
	skeleton.Objects = nil
	var buf bytes.Buffer
	indent := strings.Repeat("  ", depth)
	enc := json.NewEncoder(&buf)
	enc.SetIndent(indent, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&skeleton); err != nil {
		return err
	}
	head := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	marker := []byte("\n" + indent + "  \"objects\": null")
	i := bytes.Index(head, marker)
	if i < 0 {
		return errors.New("a file result without objects")
	}
	_, _ = w.Write(head[:i])                         // bufio: Flush reports the error
	_, _ = w.Write(marker[:len(marker)-len("null")]) // bufio: Flush reports the error
	if err := jsonstream.Array(w, depth+2, s.f.Objects == nil && s.ahead.Len() == 0, func(fn func(any) error) error {
		if err := s.ahead.Each(func(o *lint.ObjectInfo) error { return fn(o) }); err != nil {
			return err
		}
		for k := range s.f.Objects {
			if err := fn(&s.f.Objects[k]); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	_, _ = w.Write(head[i+len(marker):]) // bufio: Flush reports the error
	return nil
}

// Package output holds what the report formats share: their Options, the words of the text
// and markdown formats in English and Chinese, escaping for a line of text (TextSafe) and
// the paths shown. Each format is a package below it (text, json, sarif, junit, github,
// markdown, html) with a Write(w, rep, o) function; internal/output/formats names them.
//
// A format renders each finding's texts from its code and arguments in Options.Lang
// (lint.Finding.Text) and reads the report through its iterators only (EachFile or
// EachFileStream, EachFinding, FindingFiles with EachFileFinding or FileFindings), so a
// report spilled to its temporary file is rendered exactly like one in memory.
package output

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

// Options tune a format.
type Options struct {
	// Lang is the language of the texts: "en" (or "") or "zh".
	Lang string
	// Color enables ANSI colour in the text format.
	Color bool
	// Verbose adds the description and remedy under each text finding.
	Verbose bool
	// FailOn is the run's --fail-on: formats that distinguish failing findings (junit) use it.
	FailOn lint.FailOn
	// Root is the absolute directory file URIs are made relative to (sarif); "" is the
	// current directory.
	Root string
	// Width is the most terminal columns the message part (message and detail) of a zlint
	// advisory's line takes in the text format; longer ones are cut with "…" (never with
	// Verbose, which prints them whole). 0 is text.DefaultWidth.
	Width int
	// LinkBase starts the markdown format's links to files (a URL ending in "/", such as
	// https://github.com/OWNER/REPO/blob/SHA/); "" makes the links relative.
	LinkBase string
	// LinkRoot is the directory the markdown format's link paths are relative to (the
	// repository's work tree); "" leaves the paths as given.
	LinkRoot string
	// Objects gives the html format the run's certificates and CRLs for its expiry timeline
	// and table (an html.Source: internal/inventory's Collector); nil: none. The other
	// formats ignore it.
	Objects any
}

// Formatter writes a report in one format.
type Formatter func(w io.Writer, r *report.Report, o Options) error

// RelPath returns file relative to root, with forward slashes. A root of "" leaves the path
// as given; a file outside root keeps its path.
func RelPath(file, root string) string {
	if root == "" || file == "" || file == lint.StdinName {
		return report.SlashPath(file)
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return report.SlashPath(file)
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return report.SlashPath(file)
	}
	return report.SlashPath(rel)
}

// DisplayFile is how the text and markdown formats name a file: "(run)" for the run itself.
func DisplayFile(f string) string {
	if f == "" {
		return "(run)"
	}
	return report.SlashPath(f)
}

// Plural is "1 word" or "n words".
func Plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// LineText is the text a finding's line shows: its message, or in Chinese (zh) its Chinese
// description (described true) unless it is a zlint advisory (English only).
func LineText(t *lint.Text, zh, zlint bool) (text string, described bool) {
	if zh && !zlint && t.Description != "" {
		return t.Description, true
	}
	return t.Message, false
}

// IsZlint says whether code is a zlint advisory's.
func IsZlint(code string) bool {
	c, ok := lint.Lookup(code)
	return ok && c.Source == lint.SourceZlint
}

// ErrWriter writes until the first error, which it keeps.
type ErrWriter struct {
	W   io.Writer
	Err error
}

// Write writes b.
func (e *ErrWriter) Write(b []byte) {
	if e.Err == nil {
		_, e.Err = e.W.Write(b)
	}
}

// Printf prints to the writer.
func (e *ErrWriter) Printf(format string, a ...interface{}) {
	if e.Err == nil {
		_, e.Err = fmt.Fprintf(e.W, format, a...)
	}
}

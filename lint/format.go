package lint

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/fatih/color"
	"golang.org/x/text/width"
)

// FormatOptions tune a formatter.
type FormatOptions struct {
	// Color enables ANSI colour in the text format.
	Color bool
	// Verbose adds the description and remedy under each text finding.
	Verbose bool
	// FailOn is the run's --fail-on: formats that distinguish failing findings (junit) use it.
	FailOn FailOn
	// Root is the absolute directory file URIs are made relative to (sarif); "" is the
	// current directory.
	Root string
	// Width is the most terminal columns the message part (message and detail) of a zlint
	// advisory's line takes in the text format; longer ones are cut with "…" (never with
	// Verbose, which prints them whole). 0 is DefaultWidth.
	Width int
	// LinkBase starts the markdown format's links to files (a URL ending in "/", such as
	// https://github.com/OWNER/REPO/blob/SHA/); "" makes the links relative.
	LinkBase string
	// LinkRoot is the directory the markdown format's link paths are relative to (the
	// repository's work tree); "" leaves the paths as given.
	LinkRoot string
}

// Formatter writes a finalized report.
type Formatter func(w io.Writer, r *Report, o FormatOptions) error

var formatters = map[string]Formatter{
	"text": writeText,
	"json": writeJSON,
}

// RegisterFormat adds an output format (sarif, junit, … live beside their code).
func RegisterFormat(name string, f Formatter) { formatters[name] = f }

// Formats lists the format names, sorted.
func Formats() []string {
	var out []string
	for k := range formatters {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Write renders r in the named format.
func Write(w io.Writer, format string, r *Report, o FormatOptions) error {
	f, ok := formatters[format]
	if !ok {
		return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
	}
	return f(w, r, o)
}

// painted is text of the text format that is safe to print as it is: escaped (TextSafe),
// then coloured.
type painted string

// DefaultWidth is the width, in terminal columns, of a zlint advisory's message part in the
// text format when FormatOptions.Width is not set (standard output is not a terminal).
const DefaultWidth = 100

// SummarizeAfter: in the text format (without Verbose), a zlint lint raised more than this
// many times in a run is one summary line rather than a line per advisory.
const SummarizeAfter = 3

// summaryFiles is how many of its inputs a summary line names.
const summaryFiles = 3

// writeText renders the text format. Every string of the report it prints goes through
// TextSafe: text.printf escapes its string arguments, paint escapes what it colours, and
// the finding lines are appended escaped.
//
// A finding's line is file:line: CODE severity: text (detail), where text is the message, or
// in Chinese (a report finalized in zh) the Chinese description, except for zlint advisories,
// whose text zlint gives only in English. The message part (text and detail) of a zlint
// advisory is cut to o.Width columns, and a lint raised more than SummarizeAfter times is one
// summary line after the files; Verbose prints each advisory whole, with the description
// (or, in Chinese, the English message) and the remedy under every finding.
func writeText(w io.Writer, r *Report, o FormatOptions) error {
	paint := func(attrs ...color.Attribute) func(s string) painted {
		c := color.New(attrs...)
		if o.Color {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return func(s string) painted { return painted(c.Sprint(TextSafe(s))) }
	}
	sevColor := map[Severity]func(s string) painted{
		Error:   paint(color.FgRed, color.Bold),
		Warning: paint(color.FgYellow, color.Bold),
		Notice:  paint(color.FgCyan),
	}
	bold, faint := paint(color.Bold), paint(color.Faint)
	words := reportWords(r.Lang())
	maxCols := o.Width
	if maxCols <= 0 {
		maxCols = DefaultWidth
	}
	adv := newAdvisories(r, o.Verbose)

	// Buffered: a report of thousands of findings is otherwise thousands of small writes
	// (system calls when w is the terminal or a pipe).
	bw := bufio.NewWriterSize(w, 64<<10)
	ew := &textWriter{errWriter{w: bw}}
	// Group by file, in the report's (sorted) order; I/O errors are listed with their file.
	ioErr := map[string]string{}
	for _, f := range r.ErrorFiles() {
		ioErr[f.File] = f.Error
	}
	order := r.FindingFiles()
	seen := map[string]bool{}
	for _, f := range order {
		seen[f] = true
	}
	for _, f := range r.ErrorFiles() {
		if !seen[f.File] {
			seen[f.File] = true
			order = append(order, f.File)
		}
	}
	sort.Strings(order)
	var buf []byte
	printed := 0
	for _, file := range order {
		fs, err := r.FileFindings(file)
		if err != nil {
			return err
		}
		e := ioErr[file]
		lines := e != ""
		for fi := range fs {
			if s := adv.summary(fs[fi].Code); s != nil {
				s.add(file, &fs[fi])
			} else {
				lines = true
			}
		}
		if !lines {
			continue // every finding of the file is in a summary line
		}
		if printed > 0 {
			ew.printf("\n")
		}
		printed++
		ew.printf("%s\n", bold(displayFile(file)))
		if e != "" {
			ew.printf("%s: %s %s\n", displayFile(file), sevColor[Error](words.ioError), e)
		}
		shown := TextSafe(displayFile(file))
		for fi := range fs {
			f := &fs[fi]
			if adv.summary(f.Code) != nil {
				continue
			}
			// file:line: CODE severity: text (detail) — appended, not printed with fmt:
			// a run over many certificates prints hundreds of thousands of these lines.
			buf = append(buf[:0], shown...)
			buf = append(buf, ':')
			buf = strconv.AppendInt(buf, int64(f.Line), 10)
			buf = append(buf, ": "...)
			if o.Color {
				buf = append(buf, bold(f.Code)...)
				buf = append(buf, ' ')
				buf = append(buf, sevColor[f.Severity](f.Severity.String()+":")...)
			} else {
				buf = AppendTextSafe(buf, f.Code)
				buf = append(buf, ' ')
				buf = append(buf, f.Severity.String()...)
				buf = append(buf, ':')
			}
			buf = append(buf, ' ')
			text, described := lineText(f, words.zh, adv.zlint(f.Code))
			if adv.zlint(f.Code) && !o.Verbose {
				part := TextSafe(text)
				if f.Detail != "" {
					part += " (" + TextSafe(f.Detail) + ")"
				}
				buf = append(buf, clipWidth(part, maxCols)...)
			} else {
				buf = AppendTextSafe(buf, text)
				if f.Detail != "" {
					buf = append(buf, " ("...)
					buf = AppendTextSafe(buf, f.Detail)
					buf = append(buf, ')')
				}
			}
			if w := f.Where(); w != "" {
				buf = append(buf, " ["...)
				buf = AppendTextSafe(buf, w)
				buf = append(buf, ']')
			}
			buf = append(buf, '\n')
			ew.write(buf)
			if o.Verbose {
				if described {
					ew.printf("    %s %s\n    %s %s\n", faint(words.message), f.Message, faint(words.remedy), f.Remedy)
				} else {
					ew.printf("    %s %s\n    %s %s\n", faint(words.description), f.Description, faint(words.remedy), f.Remedy)
				}
			}
		}
	}
	if printed > 0 {
		ew.printf("\n")
	}
	if sums := adv.summaries(); len(sums) > 0 {
		ew.printf("%s\n", bold(fmt.Sprintf(words.summaryHead, SummarizeAfter)))
		for _, s := range sums {
			files := make([]string, len(s.first))
			for i, f := range s.first {
				files[i] = TextSafe(displayFile(f))
			}
			ew.printf("%s %s %s%s\n", bold(s.code), sevColor[s.sev](s.sev.String()+":"),
				painted(clipWidth(TextSafe(s.message), maxCols)), painted(words.summaryLine(s.n, s.files, files)))
		}
		ew.printf("\n")
	}
	if o.Verbose && len(r.Waived) > 0 {
		ew.printf("%s\n", bold(words.waivedHead))
		for _, w := range r.Waived {
			until := ""
			if w.Expires != "" {
				until = fmt.Sprintf(words.until, w.Expires)
			}
			text, _ := lineText(&w.Finding, words.zh, false)
			ew.printf("%s:%d: %s %s %s (%s%s: %s)\n", displayFile(w.File), w.Line, bold(w.Code), faint(w.Severity.String()+":"), text, words.waived, until, w.Reason)
		}
		ew.printf("\n")
	}
	if o.Verbose && len(r.Skipped) > 0 {
		ew.printf("%s\n", bold("Skipped by the directory scan (not server bodies):"))
		for _, sk := range r.Skipped {
			ew.printf("%s: %s\n", displayFile(sk.File), sk.Reason)
		}
		ew.printf("\n")
	}
	objects := r.NumObjects()
	s := r.Summary
	line := words.totals(s, r.NumFiles(), objects)
	if n := r.IOErrors(); n > 0 {
		line += words.unreadable(n)
	}
	if s.Waived > 0 {
		line += words.waivedCount(s.Waived)
	}
	summary := painted(TextSafe(line))
	switch {
	case s.Error > 0 || r.IOErrors() > 0:
		summary = sevColor[Error](line)
	case s.Warning > 0:
		summary = sevColor[Warning](line)
	}
	ew.printf("%s\n", summary)
	if ew.err == nil {
		ew.err = bw.Flush()
	}
	return ew.err
}

// lineText is the text a finding's line shows: its message, or in Chinese (zh) its Chinese
// description (described true) unless it is a zlint advisory (English only).
func lineText(f *Finding, zh, zlint bool) (text string, described bool) {
	if zh && !zlint && f.Description != "" {
		return f.Description, true
	}
	return f.Message, false
}

// advisories tracks, for one rendering, which codes are zlint advisories and which of them
// are summarized (raised more than SummarizeAfter times, without Verbose).
type advisories struct {
	isZlint map[string]bool
	summed  map[string]*lintSummary
}

// lintSummary is one summary line: a zlint lint's count, its inputs and the first of them.
type lintSummary struct {
	code, message string
	sev           Severity
	n, files      int
	first         []string
	last          string
}

func (s *lintSummary) add(file string, f *Finding) {
	s.n++
	if f.Severity > s.sev {
		s.sev = f.Severity
	}
	if s.message == "" {
		s.message = f.Message
	}
	if s.files == 0 || file != s.last {
		s.files++
		s.last = file
		if len(s.first) < summaryFiles {
			s.first = append(s.first, file)
		}
	}
}

func newAdvisories(r *Report, verbose bool) *advisories {
	a := &advisories{isZlint: map[string]bool{}, summed: map[string]*lintSummary{}}
	for code, n := range r.CodeCounts() {
		c, ok := Lookup(code)
		if !ok || c.Source != SourceZlint {
			continue
		}
		a.isZlint[code] = true
		if !verbose && n > SummarizeAfter {
			a.summed[code] = &lintSummary{code: code}
		}
	}
	return a
}

func (a *advisories) zlint(code string) bool { return a.isZlint[code] }

func (a *advisories) summary(code string) *lintSummary { return a.summed[code] }

// summaries lists the summary lines, by code.
func (a *advisories) summaries() []*lintSummary {
	out := make([]*lintSummary, 0, len(a.summed))
	for _, s := range a.summed {
		if s.n > 0 {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].code < out[j].code })
	return out
}

// clipWidth cuts s to at most width terminal columns (East Asian wide characters take two),
// ending it with "…" when it is cut.
func clipWidth(s string, width int) string {
	cols := 0
	for _, r := range s {
		cols += runeColumns(r)
	}
	if cols <= width {
		return s
	}
	cols = 0
	for i, r := range s {
		if cols+runeColumns(r) > width-1 {
			return s[:i] + "…"
		}
		cols += runeColumns(r)
	}
	return s
}

func runeColumns(r rune) int {
	if r < 0x1100 {
		return 1
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

func displayFile(f string) string {
	if f == "" {
		return "(run)"
	}
	return SlashPath(f)
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// textWriter is the text format's writer: printf escapes its string arguments (TextSafe);
// painted ones are printed as they are.
type textWriter struct{ errWriter }

func (t *textWriter) printf(format string, a ...interface{}) {
	for i, v := range a {
		switch v := v.(type) {
		case string:
			a[i] = TextSafe(v)
		case painted:
			a[i] = string(v)
		}
	}
	t.errWriter.printf(format, a...)
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) write(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *errWriter) printf(format string, a ...interface{}) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}

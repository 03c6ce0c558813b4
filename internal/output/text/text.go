// Package text writes the text format: the findings grouped by file, one line each, in the
// language of output.Options.Lang; zlint advisories raised more than SummarizeAfter times are
// one summary line each; a totals line ends it.
package text

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/fatih/color"
	"golang.org/x/text/width"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

// painted is text of the text format that is safe to print as it is: escaped (TextSafe),
// then coloured.
type painted string

// DefaultWidth is the width, in terminal columns, of a zlint advisory's message part in the
// text format when FormatOptions.Width is not set (standard output is not a terminal).
const DefaultWidth = 100

// SummarizeAfter is how many times a zlint lint may be raised in a run before the text
// format (without Verbose) prints it as one summary line rather than a line per advisory.
const SummarizeAfter = 3

// summaryFiles is how many of its inputs a summary line names.
const summaryFiles = 3

// Write renders the text format. Every string of the report it prints goes through
// TextSafe: text.printf escapes its string arguments, paint escapes what it colours, and
// the finding lines are appended escaped.
//
// A finding's line is file:line: CODE severity: text (detail), where text is the message, or
// in Chinese (o.Lang zh) the Chinese description, except for zlint advisories,
// whose text zlint gives only in English. The message part (text and detail) of a zlint
// advisory is cut to o.Width columns, and a lint raised more than SummarizeAfter times is one
// summary line after the files; Verbose prints each advisory whole, with the description
// (or, in Chinese, the English message) and the remedy under every finding.
func Write(w io.Writer, r *report.Report, o output.Options) error {
	paint := func(attrs ...color.Attribute) func(s string) painted {
		c := color.New(attrs...)
		if o.Color {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return func(s string) painted { return painted(c.Sprint(output.TextSafe(s))) }
	}
	sevColor := map[lint.Severity]func(s string) painted{
		lint.Error:   paint(color.FgRed, color.Bold),
		lint.Warning: paint(color.FgYellow, color.Bold),
		lint.Notice:  paint(color.FgCyan),
	}
	bold, faint := paint(color.Bold), paint(color.Faint)
	words := output.WordsFor(o.Lang)
	maxCols := o.Width
	if maxCols <= 0 {
		maxCols = DefaultWidth
	}
	adv := newAdvisories(r, o.Verbose)

	// Buffered: a report of thousands of findings is otherwise thousands of small writes
	// (system calls when w is the terminal or a pipe).
	bw := bufio.NewWriterSize(w, 64<<10)
	ew := &textWriter{output.ErrWriter{W: bw}}
	// Group by file, in the report's (sorted) order; I/O errors are listed with their file.
	ioErr, order := fileOrder(r)
	fw := &fileWriter{ew: ew, o: o, adv: adv, words: words, maxCols: maxCols, bold: bold, faint: faint, sevColor: sevColor}
	for _, file := range order {
		if err := fw.writeFile(r, file, ioErr[file]); err != nil {
			return err
		}
	}
	printed := fw.printed
	if printed > 0 {
		ew.printf("\n")
	}
	fw.writeSummaries()
	fw.writeWaivedAndSkipped(r)
	objects := r.NumObjects()
	s := r.Summary()
	line := words.Totals(s, r.NumFiles(), objects)
	if n := r.IOErrors(); n > 0 {
		line += words.Unreadable(n)
	}
	if s.Waived > 0 {
		line += words.WaivedCount(s.Waived)
	}
	summary := painted(output.TextSafe(line))
	switch {
	case s.Error > 0 || r.IOErrors() > 0:
		summary = sevColor[lint.Error](line)
	case s.Warning > 0:
		summary = sevColor[lint.Warning](line)
	}
	ew.printf("%s\n", summary)
	if ew.Err == nil {
		ew.Err = bw.Flush()
	}
	return ew.Err
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
	sev           lint.Severity
	n, files      int
	first         []string
	last          string
}

func (s *lintSummary) add(file string, f *lint.Finding, lang string) {
	s.n++
	if f.Severity > s.sev {
		s.sev = f.Severity
	}
	if s.message == "" {
		s.message = f.Text(lang).Message
	}
	if s.files == 0 || file != s.last {
		s.files++
		s.last = file
		if len(s.first) < summaryFiles {
			s.first = append(s.first, file)
		}
	}
}

func newAdvisories(r *report.Report, verbose bool) *advisories {
	a := &advisories{isZlint: map[string]bool{}, summed: map[string]*lintSummary{}}
	for code, n := range r.CodeCounts() {
		if !output.IsZlint(code) {
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

// textWriter is the text format's writer: printf escapes its string arguments (TextSafe);
// painted ones are printed as they are.
type textWriter struct{ output.ErrWriter }

func (t *textWriter) printf(format string, a ...interface{}) {
	for i, v := range a {
		switch v := v.(type) {
		case string:
			a[i] = output.TextSafe(v)
		case painted:
			a[i] = string(v)
		}
	}
	t.Printf(format, a...)
}

// fileWriter writes the text format's findings, one file at a time, as the report hands
// them on (EachFileFinding): a file's findings are never all in memory at once.
type fileWriter struct {
	ew          *textWriter
	o           output.Options
	adv         *advisories
	words       *output.Words
	maxCols     int
	bold, faint func(s string) painted
	sevColor    map[lint.Severity]func(s string) painted

	printed int    // files printed
	buf     []byte // a finding's line
	file    string
	shown   string
	ioErr   string
	started bool // the file's heading is printed
}

// file writes the findings of file (its I/O error ioErr, if any, under its heading): a file
// whose every finding is in a summary line is not printed.
func (w *fileWriter) writeFile(r *report.Report, file, ioErr string) error {
	w.file, w.ioErr, w.started = file, ioErr, false
	w.shown = output.TextSafe(output.DisplayFile(file))
	if err := r.EachFileFinding(file, w.finding); err != nil {
		return err
	}
	if ioErr != "" {
		w.start()
	}
	return nil
}

// start prints the file's heading (and I/O error), once.
func (w *fileWriter) start() {
	if w.started {
		return
	}
	w.started = true
	if w.printed > 0 {
		w.ew.printf("\n")
	}
	w.printed++
	w.ew.printf("%s\n", w.bold(output.DisplayFile(w.file)))
	if w.ioErr != "" {
		w.ew.printf("%s: %s %s\n", output.DisplayFile(w.file), w.sevColor[lint.Error](w.words.IOError), w.ioErr)
	}
}

func (w *fileWriter) finding(f *lint.Finding) error {
	if s := w.adv.summary(f.Code); s != nil {
		s.add(w.file, f, w.o.Lang)
		return nil
	}
	w.start()
	w.line(f)
	return nil
}

// line prints a finding's line, file:line: CODE severity: text (detail), appended rather
// than printed with fmt: a run over many certificates prints hundreds of thousands of them.
func (w *fileWriter) line(f *lint.Finding) {
	buf := w.buf[:0]
	buf = append(buf, w.shown...)
	buf = append(buf, ':')
	buf = strconv.AppendInt(buf, int64(f.Line), 10)
	buf = append(buf, ": "...)
	if w.o.Color {
		buf = append(buf, w.bold(f.Code)...)
		buf = append(buf, ' ')
		buf = append(buf, w.sevColor[f.Severity](f.Severity.String()+":")...)
	} else {
		buf = output.AppendTextSafe(buf, f.Code)
		buf = append(buf, ' ')
		buf = append(buf, f.Severity.String()...)
		buf = append(buf, ':')
	}
	buf = append(buf, ' ')
	var tx lint.Text
	described := false
	if plain, ok := w.appendPlainMessage(buf, f); ok {
		buf = plain
	} else {
		tx = f.Text(w.o.Lang)
		var text string
		text, described = output.LineText(&tx, w.words.ZH, w.adv.zlint(f.Code))
		buf = w.appendMessage(buf, text, f)
	}
	if where := f.Where(); where != "" {
		buf = append(buf, " ["...)
		buf = output.AppendTextSafe(buf, where)
		buf = append(buf, ']')
	}
	buf = append(buf, '\n')
	w.buf = buf
	w.ew.Write(buf)
	if !w.o.Verbose {
		return
	}
	if described {
		w.ew.printf("    %s %s\n    %s %s\n", w.faint(w.words.Message), tx.Message, w.faint(w.words.Remedy), tx.Remedy)
	} else {
		w.ew.printf("    %s %s\n    %s %s\n", w.faint(w.words.Description), tx.Description, w.faint(w.words.Remedy), tx.Remedy)
	}
}

// appendPlainMessage appends the message part of a line the usual way, as appendMessage
// would, without building the finding's whole Text: an English line, not verbose, not a zlint
// advisory, whose message and arguments are printable ASCII (nothing to escape, so the parts
// can be appended one by one). false: the line is not such a line, and buf is unchanged.
func (w *fileWriter) appendPlainMessage(buf []byte, f *lint.Finding) ([]byte, bool) {
	if w.o.Verbose || w.words.ZH || w.adv.zlint(f.Code) {
		return buf, false
	}
	c, ok := lint.Lookup(f.Code)
	if !ok || !output.PrintableASCII(c.Message) {
		return buf, false
	}
	for _, a := range f.Args {
		if !output.PrintableASCII(a) {
			return buf, false
		}
	}
	return appendDetail(c.AppendFormat(buf, f.Args...), f), true
}

// appendMessage appends the message part, text (detail): a zlint advisory's cut to the
// width unless Verbose.
func (w *fileWriter) appendMessage(buf []byte, text string, f *lint.Finding) []byte {
	if w.adv.zlint(f.Code) && !w.o.Verbose {
		part := output.TextSafe(text)
		if f.Detail != "" {
			part += " (" + output.TextSafe(f.Detail) + ")"
		}
		return append(buf, clipWidth(part, w.maxCols)...)
	}
	return appendDetail(output.AppendTextSafe(buf, text), f)
}

// appendDetail appends " (detail)", escaped, when f has a detail.
func appendDetail(buf []byte, f *lint.Finding) []byte {
	if f.Detail == "" {
		return buf
	}
	buf = append(buf, " ("...)
	buf = output.AppendTextSafe(buf, f.Detail)
	return append(buf, ')')
}

// fileOrder lists the files to print, sorted: those with findings and those that could not
// be read (with their errors).
func fileOrder(r *report.Report) (map[string]string, []string) {
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
	return ioErr, order
}

// writeSummaries prints the summary lines of the zlint advisories raised many times.
func (w *fileWriter) writeSummaries() {
	if sums := w.adv.summaries(); len(sums) > 0 {
		w.ew.printf("%s\n", w.bold(fmt.Sprintf(w.words.SummaryHead, SummarizeAfter)))
		for _, s := range sums {
			files := make([]string, len(s.first))
			for i, f := range s.first {
				files[i] = output.TextSafe(output.DisplayFile(f))
			}
			w.ew.printf("%s %s %s%s\n", w.bold(s.code), w.sevColor[s.sev](s.sev.String()+":"),
				painted(clipWidth(output.TextSafe(s.message), w.maxCols)), painted(w.words.SummaryLine(s.n, s.files, files)))
		}
		w.ew.printf("\n")
	}
}

// writeWaivedAndSkipped prints, with Verbose, the waived findings and the skipped files.
func (w *fileWriter) writeWaivedAndSkipped(r *report.Report) {
	if waived := r.Waived(); w.o.Verbose && len(waived) > 0 {
		w.ew.printf("%s\n", w.bold(w.words.WaivedHead))
		for _, wv := range waived {
			until := ""
			if wv.Expires != "" {
				until = fmt.Sprintf(w.words.Until, wv.Expires)
			}
			tx := wv.Text(w.o.Lang)
			text, _ := output.LineText(&tx, w.words.ZH, false)
			w.ew.printf("%s:%d: %s %s %s (%s%s: %s)\n", output.DisplayFile(wv.File), wv.Line, w.bold(wv.Code), w.faint(wv.Severity.String()+":"), text, w.words.Waived, until, wv.Reason)
		}
		w.ew.printf("\n")
	}
	if skipped := r.Skipped(); w.o.Verbose && len(skipped) > 0 {
		w.ew.printf("%s\n", w.bold("Skipped by the directory scan (not server bodies):"))
		for _, sk := range skipped {
			w.ew.printf("%s: %s\n", output.DisplayFile(sk.File), sk.Reason)
		}
		w.ew.printf("\n")
	}
}

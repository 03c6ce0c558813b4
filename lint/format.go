package lint

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/fatih/color"
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

func writeText(w io.Writer, r *Report, o FormatOptions) error {
	paint := func(attrs ...color.Attribute) func(a ...interface{}) string {
		c := color.New(attrs...)
		if o.Color {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c.SprintFunc()
	}
	sevColor := map[Severity]func(a ...interface{}) string{
		Error:   paint(color.FgRed, color.Bold),
		Warning: paint(color.FgYellow, color.Bold),
		Notice:  paint(color.FgCyan),
	}
	bold, faint := paint(color.Bold), paint(color.Faint)

	// Buffered: a report of thousands of findings is otherwise thousands of small writes
	// (system calls when w is the terminal or a pipe).
	bw := bufio.NewWriterSize(w, 64<<10)
	ew := &errWriter{w: bw}
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
	for i, file := range order {
		if i > 0 {
			ew.printf("\n")
		}
		ew.printf("%s\n", bold(displayFile(file)))
		if e := ioErr[file]; e != "" {
			ew.printf("%s: %s %s\n", displayFile(file), sevColor[Error]("I/O error:"), e)
		}
		fs, err := r.FileFindings(file)
		if err != nil {
			return err
		}
		shown := displayFile(file)
		for fi := range fs {
			f := &fs[fi]
			// file:line: CODE severity: message (detail) — appended, not printed with fmt:
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
				buf = append(buf, f.Code...)
				buf = append(buf, ' ')
				buf = append(buf, f.Severity.String()...)
				buf = append(buf, ':')
			}
			buf = append(buf, ' ')
			buf = append(buf, f.Message...)
			if f.Detail != "" {
				buf = append(buf, " ("...)
				buf = append(buf, f.Detail...)
				buf = append(buf, ')')
			}
			buf = append(buf, '\n')
			ew.write(buf)
			if o.Verbose {
				ew.printf("    %s %s\n    %s %s\n", faint("description:"), f.Description, faint("remedy:"), f.Remedy)
			}
		}
	}
	if len(order) > 0 {
		ew.printf("\n")
	}
	if o.Verbose && len(r.Waived) > 0 {
		ew.printf("%s\n", bold("Waived by the configuration:"))
		for _, w := range r.Waived {
			until := ""
			if w.Expires != "" {
				until = ", until " + w.Expires
			}
			ew.printf("%s:%d: %s %s %s (waived%s: %s)\n", displayFile(w.File), w.Line, bold(w.Code), faint(w.Severity.String()+":"), w.Message, until, w.Reason)
		}
		ew.printf("\n")
	}
	objects := r.NumObjects()
	s := r.Summary
	line := fmt.Sprintf("%s, %s, %s in %s (%s)",
		plural(s.Error, "error"), plural(s.Warning, "warning"), plural(s.Notice, "notice"),
		plural(r.NumFiles(), "input"), plural(objects, "object"))
	if n := r.IOErrors(); n > 0 {
		line += fmt.Sprintf("; %s could not be read", plural(n, "input"))
	}
	if s.Waived > 0 {
		line += fmt.Sprintf("; %s waived", plural(s.Waived, "finding"))
	}
	switch {
	case s.Error > 0 || r.IOErrors() > 0:
		line = sevColor[Error](line)
	case s.Warning > 0:
		line = sevColor[Warning](line)
	}
	ew.printf("%s\n", line)
	if ew.err == nil {
		ew.err = bw.Flush()
	}
	return ew.err
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

// Package github writes GitHub Actions workflow commands (--format github): one
// ::error/::warning/::notice line per finding, which GitHub shows as annotations on the file
// and line.
package github

import (
	"fmt"
	"io"
	"strings"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

// A workflow command is one line of output; the runner splits lines on CR and LF, shows the
// message in the job's log (which renders ANSI escape sequences) and in the annotation, and
// decodes only %25, %0D and %0A in the message, and also %3A and %2C in property values
// (@actions/core's escapeData and escapeProperty). So:
//
//   - the message is built from the report's text escaped for a log (output.TextSafe: a newline or
//     ESC in a file name is printed as \n or \x1b, as in the text format), then escaped for the
//     command (githubData: the newline between the message and its remedy becomes %0A);
//   - file= is the exact path, escaped for the command (githubProperty: %, CR, LF, ":" and
//     ",", which GitHub decodes back, so the annotation lands on the file), then output.TextSafe for
//     the characters the command cannot carry (ESC, bidi overrides…).

// githubData escapes a workflow command's message: %, CR and LF.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// githubProperty escapes a workflow command's property value: also : and ,.
var githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

// githubFile is a file= property.
func githubFile(path string) string { return output.TextSafe(githubProperty.Replace(path)) }

func githubCommand(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

// Write writes the report as workflow commands.
func Write(w io.Writer, r *report.Report, o output.Options) error {
	ew := &output.ErrWriter{W: w}
	for _, f := range r.ErrorFiles() {
		ew.Printf("::error file=%s,title=%s::%s\n", githubFile(output.RelPath(f.File, o.Root)),
			githubProperty.Replace("I/O error"), githubData.Replace(output.TextSafe(f.Error)))
	}
	err := r.EachFinding(func(f *lint.Finding) error {
		var props []string
		if f.File != "" && f.File != lint.StdinName {
			props = append(props, "file="+githubFile(output.RelPath(f.File, o.Root)))
			if f.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", f.Line))
			}
		}
		props = append(props, "title="+output.TextSafe(githubProperty.Replace(f.Code)))
		tx := f.Text(o.Lang)
		msg := output.TextSafe(tx.Message)
		if f.Detail != "" {
			msg += " (" + output.TextSafe(f.Detail) + ")"
		}
		if w := f.Where(); w != "" {
			msg += " [" + output.TextSafe(w) + "]"
		}
		if tx.Remedy != "" {
			msg += "\n" + output.TextSafe(tx.Remedy)
		}
		ew.Printf("::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), githubData.Replace(msg))
		return ew.Err
	})
	if err != nil {
		return err
	}
	return ew.Err
}

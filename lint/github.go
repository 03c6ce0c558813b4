package lint

import (
	"fmt"
	"io"
	"strings"
)

// GitHub Actions workflow commands (--format github): one ::error/::warning/::notice line
// per finding, which GitHub shows as annotations on the file and line.

func init() { RegisterFormat("github", writeGitHub) }

// A workflow command is one line of output; the runner splits lines on CR and LF, shows the
// message in the job's log (which renders ANSI escape sequences) and in the annotation, and
// decodes only %25, %0D and %0A in the message, and also %3A and %2C in property values
// (@actions/core's escapeData and escapeProperty). So:
//
//   - the message is built from the report's text escaped for a log (TextSafe: a newline or
//     ESC in a file name is printed as \n or \x1b, as in the text format), then escaped for the
//     command (githubData: the newline between the message and its remedy becomes %0A);
//   - file= is the exact path, escaped for the command (githubProperty: %, CR, LF, ":" and
//     ",", which GitHub decodes back, so the annotation lands on the file), then TextSafe for
//     the characters the command cannot carry (ESC, bidi overrides…).

// githubData escapes a workflow command's message: %, CR and LF.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// githubProperty escapes a workflow command's property value: also : and ,.
var githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

// githubFile is a file= property.
func githubFile(path string) string { return TextSafe(githubProperty.Replace(path)) }

func githubCommand(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "notice"
}

func writeGitHub(w io.Writer, r *Report, o FormatOptions) error {
	ew := &errWriter{w: w}
	for _, f := range r.ErrorFiles() {
		ew.printf("::error file=%s,title=%s::%s\n", githubFile(RelPath(f.File, o.Root)),
			githubProperty.Replace("I/O error"), githubData.Replace(TextSafe(f.Error)))
	}
	err := r.EachFinding(func(f *Finding) error {
		var props []string
		if f.File != "" && f.File != StdinName {
			props = append(props, "file="+githubFile(RelPath(f.File, o.Root)))
			if f.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", f.Line))
			}
		}
		props = append(props, "title="+TextSafe(githubProperty.Replace(f.Code)))
		msg := TextSafe(f.Message)
		if f.Detail != "" {
			msg += " (" + TextSafe(f.Detail) + ")"
		}
		if w := f.Where(); w != "" {
			msg += " [" + TextSafe(w) + "]"
		}
		if f.Remedy != "" {
			msg += "\n" + TextSafe(f.Remedy)
		}
		ew.printf("::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), githubData.Replace(msg))
		return ew.err
	})
	if err != nil {
		return err
	}
	return ew.err
}

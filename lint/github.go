package lint

import (
	"fmt"
	"io"
	"strings"
)

// GitHub Actions workflow commands (--format github): one ::error/::warning/::notice line
// per finding, which GitHub shows as annotations on the file and line.

func init() { RegisterFormat("github", writeGitHub) }

// githubData escapes a workflow command's message: %, CR and LF.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// githubProperty escapes a workflow command's property value: also : and ,.
var githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

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
		ew.printf("::error file=%s,title=%s::%s\n", githubProperty.Replace(RelPath(f.File, o.Root)),
			githubProperty.Replace("I/O error"), githubData.Replace(f.Error))
	}
	err := r.EachFinding(func(f *Finding) error {
		var props []string
		if f.File != "" && f.File != "-" {
			props = append(props, "file="+githubProperty.Replace(RelPath(f.File, o.Root)))
			if f.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", f.Line))
			}
		}
		props = append(props, "title="+githubProperty.Replace(f.Code))
		msg := f.Message
		if f.Detail != "" {
			msg += " (" + f.Detail + ")"
		}
		if f.Remedy != "" {
			msg += "\n" + f.Remedy
		}
		ew.printf("::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), githubData.Replace(msg))
		return ew.err
	})
	if err != nil {
		return err
	}
	return ew.err
}

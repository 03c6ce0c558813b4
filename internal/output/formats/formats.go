// Package formats names the report formats: Write renders a report in one of them by name.
package formats

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/output/github"
	"github.com/vpncertlint/vpncertlint/internal/output/html"
	"github.com/vpncertlint/vpncertlint/internal/output/json"
	"github.com/vpncertlint/vpncertlint/internal/output/junit"
	"github.com/vpncertlint/vpncertlint/internal/output/markdown"
	"github.com/vpncertlint/vpncertlint/internal/output/sarif"
	"github.com/vpncertlint/vpncertlint/internal/output/text"
	"github.com/vpncertlint/vpncertlint/internal/report"
)

// byName is every format (--format NAME).
var byName = map[string]output.Formatter{
	"text":     text.Write,
	"json":     json.Write,
	"sarif":    sarif.Write,
	"junit":    junit.Write,
	"github":   github.Write,
	"markdown": markdown.Write,
	"html":     html.Write, // with output.Options.Objects for its timeline (see html.Source)
}

// Names lists the format names, sorted.
func Names() []string {
	out := make([]string, 0, len(byName))
	for k := range byName {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Write renders r in the named format.
func Write(w io.Writer, format string, r *report.Report, o output.Options) error {
	f, ok := byName[format]
	if !ok {
		return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Names(), ", "))
	}
	return f(w, r, o)
}

package outputtest

import (
	"bytes"
	"testing"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

// GoldenFormats renders the sample report (Report) with write in English and Chinese, plain
// and verbose with --fail-on error, kept in memory and spilled to its temporary file: the
// two renderings must be byte-identical and match testdata/NAME.golden. Then the same for
// TerraformReport (English, verbose) against testdata/terraform.golden.
func GoldenFormats(t *testing.T, write output.Formatter) {
	verbose := func(lang string) output.Options {
		return output.Options{Lang: lang, Verbose: true, FailOn: lint.FailOn(lint.Error)}
	}
	for _, c := range []struct {
		name string
		o    output.Options
		rep  func(testing.TB, int) *report.Report
	}{
		{"en", output.Options{Lang: "en"}, Report},
		{"zh", output.Options{Lang: "zh"}, Report},
		{"en-verbose", verbose("en"), Report},
		{"zh-verbose", verbose("zh"), Report},
		{"terraform", verbose("en"), TerraformReport},
	} {
		t.Run(c.name, func(t *testing.T) {
			var mem, spilled bytes.Buffer
			if err := write(&mem, c.rep(t, -1), c.o); err != nil {
				t.Fatal(err)
			}
			if err := write(&spilled, c.rep(t, 1), c.o); err != nil {
				t.Fatal(err)
			}
			if mem.String() != spilled.String() {
				t.Errorf("the spilled report renders differently:\n%s\n---\n%s", mem.String(), spilled.String())
			}
			Golden(t, c.name, mem.Bytes())
		})
	}
}

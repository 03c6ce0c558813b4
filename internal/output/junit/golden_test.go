package junit

import (
	"bytes"
	"testing"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/output/outputtest"
	"github.com/vpncertlint/vpncertlint/lint"
)

// TestGolden renders the sample report (outputtest.Report) in English and Chinese, plain and
// verbose with --fail-on error, kept in memory and spilled to its temporary file: the two
// renderings are byte-identical and match testdata/NAME.golden.
func TestGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		o    output.Options
	}{
		{"en", output.Options{Lang: "en"}},
		{"zh", output.Options{Lang: "zh"}},
		{"en-verbose", output.Options{Lang: "en", Verbose: true, FailOn: lint.FailOn(lint.Error)}},
		{"zh-verbose", output.Options{Lang: "zh", Verbose: true, FailOn: lint.FailOn(lint.Error)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var mem, spilled bytes.Buffer
			if err := Write(&mem, outputtest.Report(t, -1), c.o); err != nil {
				t.Fatal(err)
			}
			if err := Write(&spilled, outputtest.Report(t, 1), c.o); err != nil {
				t.Fatal(err)
			}
			if mem.String() != spilled.String() {
				t.Errorf("the spilled report renders differently:\n%s\n---\n%s", mem.String(), spilled.String())
			}
			outputtest.Golden(t, c.name, mem.Bytes())
		})
	}
}

// TestGoldenTerraform renders outputtest.TerraformReport (findings about a Terraform resource
// and argument) in English, kept in memory and spilled: identical, and as
// testdata/terraform.golden.
func TestGoldenTerraform(t *testing.T) {
	var mem, spilled bytes.Buffer
	o := output.Options{Lang: "en", Verbose: true, FailOn: lint.FailOn(lint.Error)}
	if err := Write(&mem, outputtest.TerraformReport(t, -1), o); err != nil {
		t.Fatal(err)
	}
	if err := Write(&spilled, outputtest.TerraformReport(t, 1), o); err != nil {
		t.Fatal(err)
	}
	if mem.String() != spilled.String() {
		t.Errorf("the spilled report renders differently:\n%s\n---\n%s", mem.String(), spilled.String())
	}
	outputtest.Golden(t, "terraform", mem.Bytes())
}

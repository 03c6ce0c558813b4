package sarif

import (
	"testing"

	"github.com/vpncertlint/vpncertlint/internal/output/outputtest"
)

// TestGolden renders the sample reports of outputtest (in memory and spilled, English and
// Chinese, plain and verbose, and a Terraform report) against testdata/NAME.golden.
func TestGolden(t *testing.T) { outputtest.GoldenFormats(t, Write) }

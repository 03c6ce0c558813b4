package report_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/output/formats"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

// TestReportPathsOnWindows renders a report as Windows would (its separator is "\"): every
// format shows the input's path with "/", and the JSON's file fields hold it so.
func TestReportPathsOnWindows(t *testing.T) {
	defer report.SetPathSeparator('\\')()
	for _, spill := range []int{-1, 1} {
		r := report.New(report.Tool{Name: "vpncertlint", Version: "v1"}, time.Unix(0, 0), report.Options{SpillAfter: spill})
		_ = r.AddFile(lint.FileResult{File: `certs\pki\ca.pem`, Objects: []lint.ObjectInfo{{Line: 1, Type: "CERTIFICATE", Kind: "certificate", Role: "ca"}}})
		_ = r.AddFile(lint.FileResult{File: `certs\gone.pem`, Error: "open: permission denied", Objects: []lint.ObjectInfo{}})
		_ = r.Add(lint.New("VPN.0072", "expired", "ca.pem").At(`certs\pki\ca.pem`, 1))
		for _, format := range formats.Names() {
			var b bytes.Buffer
			if err := formats.Write(&b, format, r, output.Options{}); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if strings.Contains(out, `pki\`) || strings.Contains(out, `certs\`) {
				t.Errorf("%s (spill %d) shows a backslash path:\n%s", format, spill, out)
			}
			if !strings.Contains(out, "certs/pki/ca.pem") || !strings.Contains(out, "certs/gone.pem") {
				t.Errorf("%s (spill %d) lacks the slashed paths:\n%s", format, spill, out)
			}
		}
		r.Close()
	}
}

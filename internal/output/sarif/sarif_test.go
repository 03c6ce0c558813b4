package sarif

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/output/outputtest"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

// TestStreamedSARIFIsPlainJSON: the SARIF streamed result by result is byte-identical to
// encoding/json encoding the whole log (decoded from it, so every field is compared).
func TestStreamedSARIFIsPlainJSON(t *testing.T) {
	for _, spill := range []int{-1, 1} {
		r := outputtest.Report(t, spill)
		var got bytes.Buffer
		if err := Write(&got, r, output.Options{Lang: "zh"}); err != nil {
			t.Fatal(err)
		}
		var log sarifLog
		if err := json.Unmarshal(got.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		if len(log.Runs) != 1 || len(log.Runs[0].Results) != 7 {
			t.Fatalf("spill %d: %d runs, results %+v", spill, len(log.Runs), log.Runs)
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(log); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("spill %d: streamed SARIF differs:\n%s\nwant:\n%s", spill, got.String(), want.String())
		}
	}
}

func TestURIEscape(t *testing.T) {
	if got := uriEscape("pki/my ca#1.pem"); got != "pki/my%20ca%231.pem" {
		t.Errorf("uriEscape: %q", got)
	}
}

func TestSARIFResultLimit(t *testing.T) {
	r := report.New(report.Tool{Name: "vpncertlint"}, time.Unix(0, 0), report.Options{})
	for i := 0; i < MaxSARIFResults+5; i++ {
		_ = r.Add(lint.New("VPN.0072", "", "x.pem").At("x.pem", i+1))
	}
	var b bytes.Buffer
	if err := Write(&b, r, output.Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if n := strings.Count(out, `"ruleId"`); n != MaxSARIFResults {
		t.Errorf("%d results", n)
	}
	if !strings.Contains(out, "only the first 25000 are listed") {
		t.Error("no notification about the cut")
	}
}

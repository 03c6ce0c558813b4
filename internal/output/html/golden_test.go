package html

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/inventory"
	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/output/outputtest"
	"github.com/vpncertlint/vpncertlint/internal/report"
)

// source is a fixed html.Source: the rows of the sample report's objects.
type source struct{ rows []inventory.Row }

func (s source) Rows(*report.Report) ([]inventory.Row, error) { return s.rows, nil }
func (s source) Now() time.Time                               { return now }

func sampleSource() source {
	r := row(1, `CN="x" & y`, now.AddDate(-1, 0, 0), now.AddDate(0, 0, 10), inventory.StatusSoon, "prod")
	r.File = `certs/a<b> & "c".pem`
	r.WorstCode, r.WorstSeverity = "VPN.0072", "error"
	return source{[]inventory.Row{r, row(2, "CN=b", now.AddDate(-2, 0, 0), now.AddDate(-1, 0, 0), inventory.StatusExpired)}}
}

// TestGolden renders the sample report (outputtest.Report) with two rows as the html format,
// in English and Chinese, kept in memory and spilled to its temporary file: the two
// renderings are byte-identical and match testdata/NAME.golden.
func TestGolden(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			o := output.Options{Lang: lang, Objects: sampleSource()}
			var mem, spilled bytes.Buffer
			if err := Write(&mem, outputtest.Report(t, -1), o); err != nil {
				t.Fatal(err)
			}
			if err := Write(&spilled, outputtest.Report(t, 1), o); err != nil {
				t.Fatal(err)
			}
			if mem.String() != spilled.String() {
				t.Errorf("the spilled report renders differently")
			}
			outputtest.Golden(t, lang, mem.Bytes())
		})
	}
}

// --lang zh: the page's headings, labels and the findings' lines are Chinese, none of the
// English ones is left; --lang en has no Chinese.
func TestLang(t *testing.T) {
	render := func(lang string) string {
		var b bytes.Buffer
		if err := Write(&b, outputtest.Report(t, -1), output.Options{Lang: lang, Objects: sampleSource()}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	zh, en := render("zh"), render("en")
	for _, w := range []string{`<html lang="zh">`, "到期时间线", "按文件列出的问题", "证书和CRL", "剩余天数", "即将到期", "证书", "个错误"} {
		if !strings.Contains(zh, w) {
			t.Errorf("zh: no %q", w)
		}
	}
	for _, w := range []string{"Expiry timeline", "Findings by file", "Days left", "expiring soon", "could not be read", "rows, soonest"} {
		if strings.Contains(zh, w) {
			t.Errorf("zh: English %q left", w)
		}
		if !strings.Contains(en, w) {
			t.Errorf("en: no %q", w)
		}
	}
	if strings.Contains(en, "到期") {
		t.Error("en: Chinese text")
	}
}

// Objects of another type is an error, not a page without its timeline.
func TestObjectsNotASource(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, outputtest.Report(t, -1), output.Options{Objects: 42}); err == nil {
		t.Error("no error for Objects that is not a Source")
	}
}

package json

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/output/outputtest"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

// plain encodes the whole document with encoding/json, as Write would without streaming.
func plain(t *testing.T, r *report.Report, lang string) []byte {
	t.Helper()
	d := skeleton(r, lang)
	d.Files, d.Findings = []lint.FileResult{}, []Finding{}
	if err := r.EachFile(func(f *lint.FileResult) error { d.Files = append(d.Files, *f); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := r.EachFinding(func(f *lint.Finding) error { d.Findings = append(d.Findings, findingOf(f, lang)); return nil }); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestStreamedJSONIsPlainJSON: the streamed JSON is byte-identical to encoding/json's.
func TestStreamedJSONIsPlainJSON(t *testing.T) {
	empty := report.New(report.Tool{Name: "t", Version: "1"}, time.Unix(0, 0), report.Options{})
	// a file of many objects, whose objects are streamed one by one, on either side of the bound
	many := report.New(report.Tool{Name: "t"}, time.Unix(0, 0), report.Options{})
	for _, n := range []int{streamObjectsAfter, streamObjectsAfter + 1, 3000} {
		fr := lint.FileResult{File: "many<&>.pem", Error: "e"}
		for i := 0; i < n; i++ {
			fr.Objects = append(fr.Objects, lint.ObjectInfo{Line: 3 * i, Type: "CERTIFICATE", Kind: "other", Object: lint.Object{SHA256: "ab<"}})
		}
		_ = many.AddFile(fr)
		_ = many.AddFile(lint.FileResult{File: "one.pem", Objects: []lint.ObjectInfo{{Line: 1}}})
	}
	_ = many.Add(lint.New("VPN.0075", "d", "many.pem").At("many.pem", 4))
	for _, lang := range []string{"en", "zh"} {
		for i, r := range []*report.Report{empty, many, outputtest.Report(t, -1), outputtest.Report(t, 1)} {
			var got bytes.Buffer
			if err := Write(&got, r, output.Options{Lang: lang}); err != nil {
				t.Fatal(err)
			}
			if want := plain(t, r, lang); !bytes.Equal(got.Bytes(), want) {
				t.Fatalf("%s report %d: streamed JSON differs:\n%s\nwant:\n%s", lang, i, got.String(), want)
			}
		}
	}
}

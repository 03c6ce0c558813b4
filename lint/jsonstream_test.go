package lint

import (
	"bytes"
	"testing"
	"time"
)

// TestStreamedJSONIsPlainJSON: the streamed JSON is byte-identical to encoding/json's.
func TestStreamedJSONIsPlainJSON(t *testing.T) {
	empty := NewReport(Tool{Name: "t", Version: "1"}, time.Unix(0, 0))
	nilArrays := NewReport(Tool{Name: "t"}, time.Unix(0, 0))
	nilArrays.Files, nilArrays.Findings = nil, nil
	full := NewReport(Tool{Name: "t", Version: "<&>"}, time.Unix(0, 0))
	full.Files = []FileResult{{File: "a<b>.pem", Objects: []ObjectInfo{{Line: 1, Type: "CERTIFICATE", Kind: "certificate", Object: Object{Subject: "CN=\xff&"}}}},
		{File: "b.pem", Objects: []ObjectInfo{}, Error: "open: no such file"}}
	full.Findings = []Finding{New("VPN.0074", "d1 <x>", "a.pem").At("a.pem", 1), New("VPN.0075", "d2", "b.pem").At("b.pem", 3)}
	full.Finalize("en")
	// a file of many objects, whose objects are streamed one by one, on either side of the bound
	many := NewReport(Tool{Name: "t"}, time.Unix(0, 0))
	for _, n := range []int{streamObjectsAfter, streamObjectsAfter + 1, 3000} {
		fr := FileResult{File: "many<&>.pem", Error: "e"}
		for i := 0; i < n; i++ {
			fr.Objects = append(fr.Objects, ObjectInfo{Line: 3 * i, Type: "CERTIFICATE", Kind: "other", Object: Object{SHA256: "ab<"}})
		}
		many.Files = append(many.Files, fr, FileResult{File: "one.pem", Objects: []ObjectInfo{{Line: 1}}})
	}
	many.Findings = []Finding{New("VPN.0075", "d", "many.pem").At("many.pem", 4)}
	many.Finalize("en")
	for _, r := range []*Report{empty, nilArrays, full, many} {
		var got, want bytes.Buffer
		if err := writeJSON(&got, r, FormatOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := plainJSON(&want, r); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("streamed JSON differs:\n%s\nwant:\n%s", got.String(), want.String())
		}
	}
}

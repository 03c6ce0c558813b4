package report

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/lint"
)

// TestMergeKeepsOrderAndTies: a file's findings spilled in many sorted runs come back in
// the report's order, equal ones (same line, code, detail) in the order added, as from a
// report that never spilled; each run holds one segment in memory at a time.
func TestMergeKeepsOrderAndTies(t *testing.T) {
	build := func(spillAfter int) *Report {
		r := New(Tool{Name: "t"}, time.Unix(0, 0), Options{SpillAfter: spillAfter})
		for i := 0; i < 1000; i++ {
			f := lint.New([]string{"VPN.0075", "VPN.0072"}[i%2], []string{"d", "e"}[i%3%2], "a.pem").At("a.pem", (i*7919)%13)
			f.Field = fmt.Sprint(i) // tells equal findings apart: the order added
			if err := r.Add(f); err != nil {
				t.Fatal(err)
			}
		}
		return r
	}
	for _, spillAfter := range []int{1, 7, 999, 1000} {
		mem, spilled := build(-1), build(spillAfter)
		want, err1 := mem.AllFindings()
		got, err2 := spilled.FileFindings("a.pem")
		if err1 != nil || err2 != nil || len(want) != 1000 || !reflect.DeepEqual(want, got) {
			t.Errorf("spill after %d: %d findings (%v, %v), not in the order of the unspilled report", spillAfter, len(got), err1, err2)
		}
		if spillAfter < 1000 && spilled.spool.nRuns < 1000/spillAfter {
			t.Errorf("spill after %d: %d runs", spillAfter, spilled.spool.nRuns)
		}
		spilled.Close()
	}
}

// TestAddObjectsInParts: a file result's objects added in parts (some spilled) read back
// whole and in order, by EachFile and, one at a time, by EachFileStream; a file result
// without parts, before and after, keeps its place.
func TestAddObjectsInParts(t *testing.T) {
	objs := func(from, n int) []lint.ObjectInfo {
		out := make([]lint.ObjectInfo, n)
		for i := range out {
			out[i] = lint.ObjectInfo{Line: from + i, Type: "CERTIFICATE", Kind: "certificate", Object: lint.Object{SHA256: fmt.Sprint(from + i)}}
		}
		return out
	}
	for _, spillAfter := range []int{-1, 1, 5, 100} {
		r := New(Tool{Name: "t"}, time.Unix(0, 0), Options{SpillAfter: spillAfter})
		must := func(err error) {
			if err != nil {
				t.Fatal(err)
			}
		}
		must(r.AddFile(lint.FileResult{File: "a.pem", Objects: objs(0, 2)}))
		for part := 0; part < 4; part++ {
			must(r.AddObjects("big.pem", objs(part*6, 6)))
		}
		must(r.AddFile(lint.FileResult{File: "big.pem", Objects: objs(24, 3)}))
		must(r.AddFile(lint.FileResult{File: "c.pem", Objects: objs(0, 1)}))
		want := []lint.FileResult{{File: "a.pem", Objects: objs(0, 2)}, {File: "big.pem", Objects: objs(0, 27)}, {File: "c.pem", Objects: objs(0, 1)}}
		got, err := r.AllFiles()
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("spill after %d: EachFile read back %v (%v)", spillAfter, got, err)
		}
		var streamed []lint.FileResult
		must(r.EachFileStream(func(fr *lint.FileResult, ahead *Objects) error {
			var all []lint.ObjectInfo
			if err := ahead.Each(func(o *lint.ObjectInfo) error { all = append(all, *o); return nil }); err != nil {
				return err
			}
			streamed = append(streamed, lint.FileResult{File: fr.File, Objects: append(all, fr.Objects...)})
			return nil
		}))
		if !reflect.DeepEqual(streamed, want) {
			t.Errorf("spill after %d: EachFileStream read back %v", spillAfter, streamed)
		}
		if r.NumObjects() != 30 || r.NumFiles() != 3 {
			t.Errorf("spill after %d: %d objects, %d files", spillAfter, r.NumObjects(), r.NumFiles())
		}
		r.Close()
	}
}

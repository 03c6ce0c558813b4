package report

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/lint"
)

func TestSpoolCodecRoundTrip(t *testing.T) {
	f := lint.Finding{Code: "VPN.0070", Severity: lint.Error,
		Detail: "RSA 1024 bits", File: "dir/a.pem", Line: -3, Field: "$.x", Related: "VCL.0701",
		Object: lint.Object{Subject: "CN=\xff", Issuer: "CN=ca", Serial: "01", SHA256: "ab"}, Args: []string{"a.pem", ""}}
	fr := lint.FileResult{File: "dir/a.pem", Error: "", Objects: []lint.ObjectInfo{{Line: 4, Type: "CERTIFICATE", Kind: "certificate", Role: "ca", Object: f.Object}}}
	var e encoder
	e.finding(&f)
	e.fileResult(&fr, nil)
	d := decoder{b: e.b, strs: map[string]string{}}
	var f2 lint.Finding
	var fr2 lint.FileResult
	d.finding(&f2)
	d.fileResult(&fr2)
	if d.err != nil || len(d.b) != 0 {
		t.Fatalf("decode: %v, %d bytes left", d.err, len(d.b))
	}
	if !reflect.DeepEqual(f, f2) || !reflect.DeepEqual(fr, fr2) {
		t.Fatalf("round trip:\n%#v\n%#v\n%#v\n%#v", f, f2, fr, fr2)
	}
	// A lean report's objects are all zero: stored as their number.
	e.b = e.b[:0]
	e.fileResult(&lint.FileResult{File: "b.pem", Objects: make([]lint.ObjectInfo, 1000)}, nil)
	if len(e.b) > 16 {
		t.Errorf("1,000 zero objects took %d bytes", len(e.b))
	}
	// Damaged records are an error, never a panic.
	full := append([]byte{}, e.b...)
	for n := 0; n < len(full); n++ {
		d := decoder{b: full[:n], strs: map[string]string{}}
		var fr lint.FileResult
		d.fileResult(&fr)
		if d.err == nil && n < len(full)-1 {
			t.Errorf("truncated at %d: no error", n)
		} else if d.err != nil && !errors.Is(d.err, ErrSpoolCorrupt) {
			t.Errorf("truncated at %d: %v", n, d.err)
		}
	}
}

// TestSpoolLargeFileInPieces: a file result of 100,000 objects is written as one record in
// pieces, the encoder's buffer staying near segmentSize, and reads back whole.
func TestSpoolLargeFileInPieces(t *testing.T) {
	s, err := newSpool()
	if err != nil {
		t.Skip("no temporary file: ", err)
	}
	defer s.close()
	fr := lint.FileResult{File: "big.pem"}
	for i := 0; i < 100000; i++ {
		fr.Objects = append(fr.Objects, lint.ObjectInfo{Line: i, Type: "CERTIFICATE", Kind: "other", Object: lint.Object{SHA256: "0123456789abcdef0123456789abcdef"}})
	}
	small := lint.FileResult{File: "small.pem", Objects: []lint.ObjectInfo{{Line: 7, Kind: "certificate"}}}
	if err := s.addFiles([]lint.FileResult{small, fr, small}); err != nil {
		t.Fatal(err)
	}
	if c := cap(s.enc.b); c > 2*segmentSize {
		t.Errorf("the encoder's buffer grew to %d bytes", c)
	}
	var got []lint.FileResult
	if err := s.eachFile(func(f *lint.FileResult, _ *Objects) error { got = append(got, *f); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || !reflect.DeepEqual(got[1], fr) || !reflect.DeepEqual(got[0], small) || !reflect.DeepEqual(got[2], small) {
		t.Fatalf("read back %d files, not as written", len(got))
	}
}

// TestReportSpills: past the bound the report moves findings and files to its temporary
// file; every reader sees the same report as without the spool.
func TestReportSpills(t *testing.T) {
	mem, spilled := spillReport(t, -1), spillReport(t, 7)
	defer spilled.Close()
	if mem.Spilled() || !spilled.Spilled() {
		t.Fatalf("Spilled: %v %v", mem.Spilled(), spilled.Spilled())
	}
	if len(spilled.findings) >= 7 || len(spilled.files) >= 7 {
		t.Errorf("kept %d findings, %d files in memory", len(spilled.findings), len(spilled.files))
	}
	if mem.Summary() != spilled.Summary() || mem.NumFiles() != spilled.NumFiles() || mem.NumObjects() != spilled.NumObjects() ||
		mem.NumFindings() != spilled.NumFindings() ||
		!reflect.DeepEqual(mem.Codes(), spilled.Codes()) || !reflect.DeepEqual(mem.ErrorFiles(), spilled.ErrorFiles()) ||
		mem.ExitCode(lint.FailOn(lint.Warning)) != spilled.ExitCode(lint.FailOn(lint.Warning)) {
		t.Errorf("counts differ: %+v %+v", mem.Summary(), spilled.Summary())
	}
	mf, err1 := mem.AllFindings()
	sf, err2 := spilled.AllFindings()
	if err1 != nil || err2 != nil || len(mf) != 100 || !reflect.DeepEqual(mf, sf) {
		t.Errorf("findings differ (%v, %v): %d %d", err1, err2, len(mf), len(sf))
	}
	mfr, err1 := mem.AllFiles()
	sfr, err2 := spilled.AllFiles()
	if err1 != nil || err2 != nil || len(mfr) != 51 || !reflect.DeepEqual(mfr, sfr) {
		t.Errorf("files differ (%v, %v): %d %d", err1, err2, len(mfr), len(sfr))
	}
}

// spillReport is a report of 51 files and 100 findings, added out of order.
func spillReport(t *testing.T, spillAfter int) *Report {
	r := New(Tool{Name: "t"}, time.Unix(0, 0), Options{SpillAfter: spillAfter})
	for i := 0; i < 50; i++ {
		file := []string{"b.pem", "a.pem", "c.pem"}[i%3]
		if err := r.AddFile(lint.FileResult{File: file, Objects: []lint.ObjectInfo{{Line: i, Type: "CERTIFICATE"}}}); err != nil {
			t.Fatal(err)
		}
		if err := r.Add(lint.New("VPN.0075", "detail", file).At(file, 50-i), lint.New("VPN.0072", "x", file).At(file, 50-i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.AddFile(lint.FileResult{File: "gone.pem", Error: "unreadable", Objects: []lint.ObjectInfo{}}); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestReportWithoutTempDir: with no usable temporary directory the report stays in memory.
func TestReportWithoutTempDir(t *testing.T) {
	t.Setenv("TMPDIR", "/nonexistent/vpncertlint")
	r := New(Tool{Name: "t"}, time.Unix(0, 0), Options{SpillAfter: 1})
	for i := 0; i < 5; i++ {
		if err := r.Add(lint.New("VPN.0075", "d", "a.pem").At("a.pem", i)); err != nil {
			t.Fatal(err)
		}
	}
	if r.Spilled() || r.NumFindings() != 5 || r.Summary().Error != 5 {
		t.Fatalf("spilled %v, %d findings, summary %+v", r.Spilled(), r.NumFindings(), r.Summary())
	}
}

// TestReportOrderAndExit: findings are read in the report's order (file, line, code,
// detail) whatever the order added, and the exit code follows --fail-on.
func TestReportOrderAndExit(t *testing.T) {
	r := New(Tool{}, time.Time{}, Options{})
	_ = r.Add(lint.New("VCL.9999", "", "x").At("b.pem", 1), lint.New("VPN.0072", "", "x").At("b.pem", 1),
		lint.New("VPN.0070", "", "x").At("a.pem", 9))
	fs, _ := r.AllFindings()
	got := []string{}
	for _, f := range fs {
		got = append(got, f.File+":"+f.Code)
	}
	if strings.Join(got, " ") != "a.pem:VPN.0070 b.pem:VCL.9999 b.pem:VPN.0072" {
		t.Errorf("order %v", got)
	}
	if r.Summary() != (Summary{Error: 2, Warning: 1}) {
		t.Errorf("summary %+v", r.Summary())
	}
	for failOn, want := range map[string]int{"error": 1, "warning": 1, "notice": 1, "none": 0} {
		fo, _ := lint.ParseFailOn(failOn)
		if got := r.ExitCode(fo); got != want {
			t.Errorf("fail-on %s: exit %d, want %d", failOn, got, want)
		}
	}
	// Added after a read: read in order all the same.
	_ = r.Add(lint.New("VPN.0071", "", "x").At("a.pem", 1))
	if fs, _ := r.FileFindings("a.pem"); len(fs) != 2 || fs[0].Code != "VPN.0071" {
		t.Errorf("a.pem after a late Add: %v", fs)
	}
	w := New(Tool{}, time.Time{}, Options{})
	_ = w.Add(lint.New("VCL.9999", "", "x").At("b.pem", 1))
	if fo, _ := lint.ParseFailOn("error"); w.ExitCode(fo) != 0 {
		t.Error("a warning fails --fail-on error")
	}
	_ = w.AddFile(lint.FileResult{File: "x", Error: "open x: permission denied"})
	if fo, _ := lint.ParseFailOn("error"); w.ExitCode(fo) != 2 {
		t.Error("an unreadable input must exit 2")
	}
}

// TestProcessorChain: severity overrides run before waivers (a waiver sees the overridden
// severity), a waived finding is listed and counted, never kept, and the chain runs once per
// finding whether the report spills or not.
func TestProcessorChain(t *testing.T) {
	for _, spill := range []int{-1, 1} {
		var seen []string
		chain := []Processor{
			SeverityOverrides(map[string]lint.Severity{"VPN.0072": lint.Notice}),
			Waivers(func(f *lint.Finding) (Waiver, bool) {
				seen = append(seen, f.Code+":"+f.Severity.String())
				return Waiver{Reason: "known", Expires: "2026-12-31"}, f.File == "b.pem"
			}),
		}
		r := New(Tool{}, time.Time{}, Options{Processors: chain, SpillAfter: spill})
		_ = r.Add(lint.New("VPN.0072", "", "x").At("b.pem", 2), lint.New("VPN.0072", "", "x").At("a.pem", 1),
			lint.New("VPN.0070", "", "x").At("b.pem", 1))
		if strings.Join(seen, " ") != "VPN.0072:notice VPN.0072:notice VPN.0070:error" {
			t.Errorf("spill %d: the waivers saw %v", spill, seen)
		}
		fs, _ := r.AllFindings()
		if len(fs) != 1 || fs[0].File != "a.pem" || fs[0].Severity != lint.Notice {
			t.Errorf("spill %d: kept %+v", spill, fs)
		}
		wv := r.Waived()
		if len(wv) != 2 || wv[0].Code != "VPN.0070" || wv[1].Severity != lint.Notice || !wv[1].Waived || wv[1].Reason != "known" {
			t.Errorf("spill %d: waived %+v", spill, wv)
		}
		if s := r.Summary(); s != (Summary{Notice: 1, Waived: 2}) {
			t.Errorf("spill %d: summary %+v", spill, s)
		}
		r.Close()
	}
}

func init() {
	lint.Register(lint.Code{ID: "VCL.9999", Source: lint.SourceTool, Severity: lint.Warning, Message: "test %s", DescEN: "d", RemedyEN: "r", DescZH: "d", RemedyZH: "r"})
}

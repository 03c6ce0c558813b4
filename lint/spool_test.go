package lint

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
	"time"
)

func TestSpoolCodecRoundTrip(t *testing.T) {
	f := Finding{Code: "VPN.0070", Severity: Error, HTTPStatus: 400, Message: "m", Description: "d", Remedy: "r",
		Detail: "RSA 1024 bits", File: "dir/a.pem", Line: -3, Field: "$.x", Related: "VCL.0701",
		Object: Object{Subject: "CN=\xff", Issuer: "CN=ca", Serial: "01", SHA256: "ab"}, Args: []string{"a.pem", ""}}
	fr := FileResult{File: "dir/a.pem", Error: "", Objects: []ObjectInfo{{Line: 4, Type: "CERTIFICATE", Kind: "certificate", Role: "ca", Object: f.Object}}}
	var e encoder
	e.finding(&f)
	e.fileResult(&fr, nil)
	d := decoder{b: e.b, strs: map[string]string{}}
	var f2 Finding
	var fr2 FileResult
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
	e.fileResult(&FileResult{File: "b.pem", Objects: make([]ObjectInfo, 1000)}, nil)
	if len(e.b) > 16 {
		t.Errorf("1,000 zero objects took %d bytes", len(e.b))
	}
	// Damaged records are an error, never a panic.
	full := append([]byte{}, e.b...)
	for n := 0; n < len(full); n++ {
		d := decoder{b: full[:n], strs: map[string]string{}}
		var fr FileResult
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
	fr := FileResult{File: "big.pem"}
	for i := 0; i < 100000; i++ {
		fr.Objects = append(fr.Objects, ObjectInfo{Line: i, Type: "CERTIFICATE", Kind: "other", Object: Object{SHA256: "0123456789abcdef0123456789abcdef"}})
	}
	small := FileResult{File: "small.pem", Objects: []ObjectInfo{{Line: 7, Kind: "certificate"}}}
	if err := s.addFiles([]FileResult{small, fr, small}); err != nil {
		t.Fatal(err)
	}
	if c := cap(s.enc.b); c > 2*segmentSize {
		t.Errorf("the encoder's buffer grew to %d bytes", c)
	}
	var got []FileResult
	if err := s.eachFile(func(f *FileResult) error { got = append(got, *f); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || !reflect.DeepEqual(got[1], fr) || !reflect.DeepEqual(got[0], small) || !reflect.DeepEqual(got[2], small) {
		t.Fatalf("read back %d files, not as written", len(got))
	}
}

// TestReportSpills: past the bound the report moves findings and files to its temporary
// file; every reader sees the same report as without the spool.
func TestReportSpills(t *testing.T) {
	build := func(spillAfter int) *Report {
		r := NewReport(Tool{Name: "t"}, time.Unix(0, 0))
		r.spillAfter = spillAfter
		for i := 0; i < 50; i++ {
			file := []string{"b.pem", "a.pem", "c.pem"}[i%3]
			if err := r.AddFile(FileResult{File: file, Objects: []ObjectInfo{{Line: i, Type: "CERTIFICATE"}}}); err != nil {
				t.Fatal(err)
			}
			if err := r.Add(New("VPN.0075", "detail", file).At(file, 50-i), New("VPN.0072", "x", file).At(file, 50-i)); err != nil {
				t.Fatal(err)
			}
		}
		r.AddFile(FileResult{File: "gone.pem", Error: "unreadable", Objects: []ObjectInfo{}})
		r.Finalize("en")
		return r
	}
	mem, spilled := build(0), build(7)
	defer spilled.Close()
	if mem.Spilled() || !spilled.Spilled() {
		t.Fatalf("Spilled: %v %v", mem.Spilled(), spilled.Spilled())
	}
	if len(spilled.Findings) >= 7 || len(spilled.Files) >= 7 {
		t.Errorf("kept %d findings, %d files in memory", len(spilled.Findings), len(spilled.Files))
	}
	if mem.Summary != spilled.Summary || mem.NumFiles() != spilled.NumFiles() || mem.NumObjects() != spilled.NumObjects() ||
		!reflect.DeepEqual(mem.Codes(), spilled.Codes()) || !reflect.DeepEqual(mem.ErrorFiles(), spilled.ErrorFiles()) ||
		mem.ExitCode(FailOn(Warning)) != spilled.ExitCode(FailOn(Warning)) {
		t.Errorf("counts differ: %+v %+v", mem.Summary, spilled.Summary)
	}
	for _, format := range Formats() {
		var a, b bytes.Buffer
		if err := Write(&a, format, mem, FormatOptions{Verbose: true}); err != nil {
			t.Fatal(err)
		}
		if err := Write(&b, format, spilled, FormatOptions{Verbose: true}); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("%s differs:\n%s\n---\n%s", format, a.String(), b.String())
		}
	}
}

// TestReportWithoutTempDir: with no usable temporary directory the report stays in memory.
func TestReportWithoutTempDir(t *testing.T) {
	t.Setenv("TMPDIR", "/nonexistent/vpncertlint")
	r := NewReport(Tool{Name: "t"}, time.Unix(0, 0))
	r.spillAfter = 1
	for i := 0; i < 5; i++ {
		if err := r.Add(New("VPN.0075", "d", "a.pem").At("a.pem", i)); err != nil {
			t.Fatal(err)
		}
	}
	r.Finalize("en")
	if r.Spilled() || len(r.Findings) != 5 || r.Summary.Error != 5 {
		t.Fatalf("spilled %v, %d findings, summary %+v", r.Spilled(), len(r.Findings), r.Summary)
	}
}

package pemscan

import (
	"bytes"
	"testing"

	"github.com/vpncertlint/vpncertlint/internal/fuzzseed"
)

// FuzzScan: the scanner never panics, and what it returns is consistent with its input.
func FuzzScan(f *testing.F) {
	for _, s := range fuzzseed.Files(nil, 10, 150) {
		f.Add(s)
	}
	f.Add([]byte("-----BEGIN CERTIFICATE-----\nTUlJ\n-----END CERTIFICATE-----\n"))
	f.Add([]byte("-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\n\nAAAA\n-----END Y-----\r\n-----END Z-----"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := Scan(data)
		lines := bytes.Count(data, []byte{'\n'})
		if r.Lines < lines || r.Lines > lines+1 {
			t.Fatalf("Lines = %d for %d newlines", r.Lines, lines)
		}
		if r.BOM != bytes.HasPrefix(data, bom) {
			t.Fatalf("BOM = %v", r.BOM)
		}
		for _, b := range r.Blocks {
			if b.BeginLine < 1 || b.BeginLine > r.Lines {
				t.Fatalf("block at line %d of %d", b.BeginLine, r.Lines)
			}
			if b.EndLine != 0 && b.EndLine <= b.BeginLine {
				t.Fatalf("block %d..%d", b.BeginLine, b.EndLine)
			}
			if b.Problem == ProblemNone {
				if len(b.Bytes) == 0 || b.EndLine == 0 {
					t.Fatalf("clean block at %d without content or END", b.BeginLine)
				}
				if b.Detail != "" {
					t.Fatalf("clean block with detail %q", b.Detail)
				}
			} else if b.Bytes != nil || b.Detail == "" {
				t.Fatalf("block with problem %s: bytes %v, detail %q", b.Problem, b.Bytes != nil, b.Detail)
			}
			if len(b.Bytes) > len(data) {
				t.Fatalf("decoded %d bytes from %d", len(b.Bytes), len(data))
			}
		}
		if len(r.Blocks) > lines+1 {
			t.Fatalf("%d blocks in %d lines", len(r.Blocks), lines+1)
		}
	})
}

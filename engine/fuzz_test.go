package engine

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/fuzzseed"
	"github.com/vpncertlint/vpncertlint/lint"
)

// FuzzEngine runs the whole engine on arbitrary bytes given on standard input, in every
// role: it never panics (a recovered panic shows as an "internal error" and fails the
// target), never hangs, and gives the same JSON twice.
func FuzzEngine(f *testing.F) {
	for i, s := range fuzzseed.Files(nil, 10, 150) {
		f.Add(s, uint8(i))
	}
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte, role uint8) {
		o := Options{Role: Roles[int(role)%len(Roles)], Now: now, Jobs: 1, MaxFileSize: 1 << 20}
		start := time.Now()
		var outs [2]string
		for i := range outs {
			o.Stdin = bytes.NewReader(data)
			rep, err := Run([]string{"-"}, o, "en")
			if err != nil {
				t.Fatal(err)
			}
			files, err := rep.AllFiles()
			if err != nil {
				t.Fatal(err)
			}
			if len(files) != 1 {
				t.Fatalf("%d file results", len(files))
			}
			if e := files[0].Error; strings.Contains(e, "internal error") {
				t.Fatalf("engine: %s", e)
			}
			var b bytes.Buffer
			if err := lint.Write(&b, "json", rep, lint.FormatOptions{}); err != nil {
				t.Fatal(err)
			}
			outs[i] = b.String()
		}
		if outs[0] != outs[1] {
			t.Fatalf("output differs between two runs:\n%s\n%s", outs[0], outs[1])
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("%d bytes took %v", len(data), d)
		}
	})
}

package engine

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/fuzzseed"
	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/output/formats"
)

// FuzzEngine runs the whole engine on arbitrary bytes given on standard input, in every
// role: it never panics (a recovered panic shows as an "internal error" and fails the
// target), never hangs, and gives the same JSON and text twice: the second time with the
// report moving every finding and file result to its temporary file (the spool).
func FuzzEngine(f *testing.F) {
	for i, s := range fuzzseed.Files(nil, 10, 150) {
		f.Add(s, uint8(i))
	}
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte, role uint8) {
		o := Options{Role: Roles()[int(role)%len(Roles())], Now: now, Jobs: 1, MaxFileSize: 1 << 20}
		start := time.Now()
		var outs [2]string
		for i := range outs {
			if i == 1 {
				o.Report.SpillAfter = 1
			}
			o.Stdin = bytes.NewReader(data)
			rep, err := Run([]string{"-"}, o)
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
			for _, format := range []string{"json", "text"} {
				if err := formats.Write(&b, format, rep, output.Options{Verbose: true}); err != nil {
					t.Fatal(err)
				}
			}
			if i == 1 && !rep.Spilled() {
				t.Fatal("the report did not spill")
			}
			rep.Close()
			outs[i] = b.String()
		}
		if outs[0] != outs[1] {
			t.Fatalf("output differs between the run in memory and the spilled run:\n%s\n%s", outs[0], outs[1])
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("%d bytes took %v", len(data), d)
		}
	})
}

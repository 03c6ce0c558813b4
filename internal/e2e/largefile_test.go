package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneFileOfManyBlocksMemory: one file of many tiny CERTIFICATE blocks, each raising a
// finding, holds about its own text in live heap, not its findings and objects: they go to
// the report in parts while it is checked, to its temporary file past a bound, and are read
// back in sorted runs (findings) or one at a time (objects) while printed. Checking 4N
// blocks may hold at most perBlock more bytes per extra block than N (the text is 59 bytes a
// block; JSON took 286 before its objects and findings were streamed, 161 after). No
// timing is asserted.
func TestOneFileOfManyBlocksMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("the quick run: runs of 100,000 blocks")
	}
	dir := t.TempDir()
	write := func(n int) string {
		p := filepath.Join(dir, strings.Repeat("x", n%7+1)+".pem")
		block := "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n"
		if err := os.WriteFile(p, []byte(strings.Repeat(block, n)), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	n := 25000
	small, large := write(n), write(4*n)
	const perBlock = 210
	const slack = 6 << 20
	for _, format := range []string{"json", "text", "sarif"} {
		t.Run(format, func(t *testing.T) {
			run := func(p string) uint64 {
				return peakLiveHeap(t, "check", "--no-config", "--now", testNow, "--fail-on", "none", "--format", format, p)
			}
			a, b := run(small), run(large)
			t.Logf("peak live heap: %d blocks %.1f MB, %d blocks %.1f MB (%.0f bytes per extra block)",
				n, float64(a)/(1<<20), 4*n, float64(b)/(1<<20), (float64(b)-float64(a))/float64(3*n))
			if b > a+uint64(3*n*perBlock)+slack {
				t.Errorf("the live heap grew by %d bytes for %d more blocks (limit %d per block)", b-a, 3*n, perBlock)
			}
		})
	}
}

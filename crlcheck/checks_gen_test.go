package crlcheck

import (
	"testing"

	"github.com/vpncertlint/vpncertlint/internal/genchecks"
)

// TestChecksGenerated: checks_gen.go lists every check variable of the package (run go
// generate ./crlcheck after adding or removing a check).
func TestChecksGenerated(t *testing.T) {
	if err := genchecks.Stale(".", "checks_gen.go"); err != nil {
		t.Fatal(err)
	}
}

package servercheck

import (
	"testing"

	"github.com/vpncertlint/vpncertlint/internal/genchecks"
)

// TestChecksGenerated: checks_gen.go lists every check variable of the
// package (run go generate ./internal/servercheck after adding or removing a check).
func TestChecksGenerated(t *testing.T) {
	for _, name := range []string{"checks_gen.go"} {
		if err := genchecks.Stale(".", name); err != nil {
			t.Error(err)
		}
	}
}

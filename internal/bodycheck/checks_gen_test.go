package bodycheck

import (
	"testing"

	"github.com/vpncertlint/vpncertlint/internal/genchecks"
)

// TestChecksGenerated: checks_gen.go and kindchecks_gen.go list every check variable of the
// package (run go generate ./internal/bodycheck after adding or removing a check).
func TestChecksGenerated(t *testing.T) {
	for _, name := range []string{"checks_gen.go", "kindchecks_gen.go"} {
		if err := genchecks.Stale(".", name); err != nil {
			t.Error(err)
		}
	}
}

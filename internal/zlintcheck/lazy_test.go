package zlintcheck

import (
	"sync"
	"testing"

	"github.com/vpncertlint/vpncertlint/lint"
)

// zlint codes enter the catalogue on demand, safely from concurrent workers, and all of
// them are there when the catalogue is listed.
func TestLazyCatalogue(t *testing.T) {
	names := global().CertificateLints().Names()
	if len(names) < 100 {
		t.Fatalf("only %d zlint certificate lints", len(names))
	}
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(names); i += 3 {
				if c, ok := lint.Lookup(CodePrefix + names[i]); !ok || c.Source != lint.SourceZlint {
					t.Errorf("%s not found", names[i])
				}
				_ = CodeFor(names[(i+1)%len(names)])
			}
		}(w)
	}
	wg.Wait()
	if _, ok := lint.Lookup(CodePrefix + "no_such_lint"); ok {
		t.Error("an unknown zlint code was found")
	}
	n := 0
	for _, c := range lint.All() {
		if c.Source == lint.SourceZlint {
			n++
		}
	}
	if n < len(names) {
		t.Errorf("catalogue lists %d zlint codes, zlint has %d certificate lints", n, len(names))
	}
}

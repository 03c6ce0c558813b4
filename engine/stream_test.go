package engine

import (
	"github.com/vpncertlint/vpncertlint/lint"
	"math/rand"
	"strconv"
	"sync"
	"testing"
	"time"
)

// TestInOrderBoundedWindow: results come in index order whatever the workers' timing, and
// the number of items started but not yet emitted never exceeds the window, even when emit
// is slow: memory does not grow with the number of inputs.
func TestInOrderBoundedWindow(t *testing.T) {
	for _, jobs := range []int{1, 2, 4, 8} {
		var mu sync.Mutex
		inFlight, maxInFlight := 0, 0
		next := 0
		n := 500
		inOrder(n, jobs, func(i int) *outcome {
			mu.Lock()
			inFlight++
			if inFlight > maxInFlight {
				maxInFlight = inFlight
			}
			mu.Unlock()
			time.Sleep(time.Duration(rand.Intn(200)) * time.Microsecond)
			return &outcome{file: fileResultNamed(strconv.Itoa(i))}
		}, func(o *outcome) {
			if o.file.File != strconv.Itoa(next) {
				t.Fatalf("jobs=%d: got %s, want %d", jobs, o.file.File, next)
			}
			next++
			if next%50 == 0 {
				time.Sleep(2 * time.Millisecond) // a slow consumer
			}
			mu.Lock()
			inFlight--
			mu.Unlock()
		})
		if next != n {
			t.Fatalf("jobs=%d: %d of %d emitted", jobs, next, n)
		}
		if limit := jobs + 1; maxInFlight > limit {
			t.Fatalf("jobs=%d: %d items in flight, window is %d", jobs, maxInFlight, limit)
		}
	}
}

func fileResultNamed(name string) (f lint.FileResult) {
	f.File = name
	return f
}

// Package gctune paces Go's garbage collector for a batch run over many certificates.
//
// With the default pacing (GOGC=100) a run whose live heap is a few megabytes collects every
// few megabytes of allocation: parsing 100,000 certificates then meant hundreds of
// collections a second, and their stop-the-world phases and shared work kept two cores from
// doing twice the work of one (1.3-1.6x instead of 1.8x here). Start turns the proportional
// pacing off and lets the heap grow to a fixed soft limit instead (Limit): memory stays
// bounded, collections are rare. A run whose live heap passes half the limit (zlint
// advisories on large files, a CRL of a million entries) would then collect almost
// continuously, so a watcher puts the default pacing back as soon as it sees that.
// GOGC or GOMEMLIMIT in the environment turn all this off: the user's settings win.
package gctune

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// Limit is the heap the collector may use before it collects (runtime/debug.SetMemoryLimit).
// It was 56 MiB while a lean (text) report built a zero object for each of a file's blocks at
// its end, which took the 200,000 tiny blocks to 87-90 MB at 64 MiB against a target of
// 87.6 MB; with the blocks only counted they peak at 71 MB at 64 MiB, and the default run on
// two cores takes about 2 % less CPU time than at 56 MiB (docs/development.md).
const Limit = 64 << 20

// watchEvery is how often the watcher reads the live heap.
const watchEvery = 20 * time.Millisecond

// Start paces the collector as described above and returns the function that restores the
// previous settings (for callers that run more than once in a process, such as tests).
func Start() (stop func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prevPercent := debug.SetGCPercent(-1)
	prevLimit := debug.SetMemoryLimit(Limit)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		t := time.NewTicker(watchEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > Limit/2 {
				debug.SetGCPercent(100)
				debug.SetMemoryLimit(math.MaxInt64)
				return
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			wg.Wait()
			debug.SetGCPercent(prevPercent)
			debug.SetMemoryLimit(prevLimit)
		})
	}
}

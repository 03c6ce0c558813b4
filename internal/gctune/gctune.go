// Package gctune paces Go's garbage collector for a batch run over many certificates.
//
// With the default pacing (GOGC=100) a run whose live heap is a few megabytes collects every
// few megabytes of allocation: parsing 100,000 certificates then meant hundreds of
// collections a second, and their stop-the-world phases and shared work kept two cores from
// doing twice the work of one (1.3-1.6x instead of 1.8x here). Start lets the heap grow to a
// fixed size instead (HeapGoal): after every collection it sets GOGC so that the next one
// comes when the heap reaches HeapGoal, whatever the live heap. Memory stays bounded,
// collections are rare. A memory limit (Limit, above the heap goal) guards the rest.
//
// The heap goal used to be the memory limit itself (GOGC off): the runtime's scavenger then
// returned memory to the system whenever the heap neared the limit (it aims at 95 % of it),
// at every collection, and the run touched those pages again at once: 0.09-0.13 CPU-s of
// scavenging and 0.1-0.2 s more system time in a 4-second run on two cores
// (docs/development.md, "Garbage collection"). With a goal below the limit it retains what
// the next cycle will use.
//
// A run whose live heap passes half the goal (zlint advisories on large files, a CRL of a
// million entries) would then collect almost continuously, so a watcher puts the default
// pacing back as soon as it sees that. GOGC or GOMEMLIMIT in the environment turn all this
// off: the user's settings win.
package gctune

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"
)

// HeapGoal is the heap at which the collector collects (see Start).
const HeapGoal = 48 << 20

// Limit is the memory limit (runtime/debug.SetMemoryLimit) while Start's pacing is on: above
// HeapGoal and the runtime's own memory, so that the scavenger keeps what the heap reuses.
const Limit = 72 << 20

// watchEvery is how often the watcher reads the live heap.
const watchEvery = 20 * time.Millisecond

// Start paces the collector as described above and returns the function that restores the
// previous settings (for callers that run more than once in a process, such as tests).
func Start() (stop func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	var off atomic.Bool // the pacing is over: stopped, or given back to the default
	var mu sync.Mutex   // orders SetGCPercent calls between the hook and the watcher
	scan := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/scan/stack:bytes"}, {Name: "/gc/scan/globals:bytes"}}
	pace := func() {
		mu.Lock()
		defer mu.Unlock()
		if off.Load() {
			return
		}
		metrics.Read(scan)
		live, roots := scan[0].Value.Uint64(), scan[1].Value.Uint64()+scan[2].Value.Uint64()
		debug.SetGCPercent(percentFor(live, roots))
	}
	prevPercent := debug.SetGCPercent(percentFor(0, 0))
	prevLimit := debug.SetMemoryLimit(Limit)
	afterEachGC(&off, pace)
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
			if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > HeapGoal/2 {
				mu.Lock()
				off.Store(true)
				debug.SetGCPercent(100)
				debug.SetMemoryLimit(math.MaxInt64)
				mu.Unlock()
				return
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			wg.Wait()
			mu.Lock()
			off.Store(true)
			debug.SetGCPercent(prevPercent)
			debug.SetMemoryLimit(prevLimit)
			mu.Unlock()
		})
	}
}

// percentFor is the GOGC that sets the next collection at HeapGoal after one that left live
// bytes live, with roots bytes of stacks and globals to scan: the runtime's goal is live +
// (live + roots) × GOGC/100, and at least its 4 MB minimum heap scaled by GOGC/100, which
// caps GOGC at the value that scales that minimum to HeapGoal (and is the answer before the
// first collection, live 0). Never below 100, the default.
func percentFor(live, roots uint64) int {
	most := HeapGoal / minHeap * 100
	if live == 0 {
		return most
	}
	if live >= HeapGoal {
		return 100
	}
	return min(max(int((HeapGoal-live)*100/(live+roots)), 100), most)
}

// minHeap is the runtime's smallest heap goal at GOGC=100 (defaultHeapMinimum).
const minHeap = 4 << 20

// afterEachGC calls fn after every collection until off is set: the finalizer of an object
// that only the runtime references runs once the collection that found it unreachable is
// done, and re-arms itself.
func afterEachGC(off *atomic.Bool, fn func()) {
	s := new(sentinel)
	runtime.SetFinalizer(s, func(*sentinel) {
		if off.Load() {
			return
		}
		fn()
		afterEachGC(off, fn)
	})
}

// sentinel is large enough not to share a tiny-allocator block, whose finalizers run late.
type sentinel struct{ _ [16]byte }

// Package gctune paces Go's garbage collector for a batch run over many certificates.
//
// With the default pacing (GOGC=100) a run whose live heap is a few megabytes collects every
// few megabytes of allocation: parsing 100,000 certificates then meant hundreds of
// collections a second, and their stop-the-world phases and shared work kept two cores from
// doing twice the work of one (1.3-1.6x instead of 1.8x here). Start lets the heap grow to a
// fixed size (Goal) before each collection instead: memory stays bounded, collections are
// rare.
//
// Goal is reached by setting GOGC after every collection from the live heap it left
// (GOGC = 100 * (Goal - live) / live), not by a memory limit alone: under a limit the
// runtime keeps its memory at the limit and its scavenger hands pages back to the system
// every cycle, which the next cycle faults in again. On two cores that cost 5 % of a run's
// CPU time (docs/development.md, "Garbage collection"). A memory limit (Limit) stays as a
// backstop above Goal.
//
// A run whose live heap passes half of Goal (zlint advisories on large files, a CRL of a
// million entries) would collect almost continuously, so the default pacing is put back as
// soon as a collection leaves that much. GOGC or GOMEMLIMIT in the environment turn all
// this off: the user's settings win.
package gctune

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Goal is the heap size at which a collection starts, whatever the live heap (while it is
// below Goal/2). The peak RSS of a run is about Goal plus the runtime's own memory (~12 MB)
// and the binary's ~15 MB of pages.
const Goal = 44 << 20

// Limit is the soft memory limit (runtime/debug.SetMemoryLimit), a backstop: the runtime's
// memory stays well below it while the heap is paced to Goal, so its scavenger has nothing
// to return.
const Limit = 64 << 20

// minPercent is the GOGC below which the fixed goal is given up: the default pacing.
const minPercent = 100

// Percent is the GOGC that starts the next collection when the heap reaches Goal, given the
// live heap the last one left; minPercent and below mean that Goal is not worth keeping.
func Percent(live uint64) int {
	if live == 0 {
		live = 1
	}
	if live >= Goal {
		return minPercent
	}
	p := (uint64(Goal) - live) * 100 / live
	if p > math.MaxInt32 {
		p = math.MaxInt32
	}
	return int(p)
}

// tuner sets GOGC after each collection, until stopped (by the caller, or by itself when it
// falls back to the default pacing). mu orders a tuning after a collection with the caller's
// stop, so that no tuning lands after stop restored the settings.
type tuner struct {
	mu      sync.Mutex
	stopped bool
	sample  []metrics.Sample
}

// sentinel is an object the collector frees in every cycle; its finalizer runs the tuner. It
// holds a pointer so that it is not a tiny allocation (whose finalizers may never run).
type sentinel struct{ t *tuner }

// arm allocates a new sentinel whose finalizer, run after the next collection, tunes GOGC
// and arms the next one.
func (t *tuner) arm() {
	s := &sentinel{t: t}
	runtime.SetFinalizer(s, func(s *sentinel) {
		if s.t.tune() {
			s.t.arm()
		}
	})
}

// tune sets GOGC from the live heap; it reports whether to keep tuning (false once stopped,
// and once the default pacing is back).
func (t *tuner) tune() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return false
	}
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() != metrics.KindUint64 {
		return false
	}
	live := t.sample[0].Value.Uint64()
	if live > Goal/2 {
		t.stopped = true
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
		return false
	}
	debug.SetGCPercent(Percent(live))
	return true
}

// Start paces the collector as described above and returns the function that restores the
// previous settings (for callers that run more than once in a process, such as tests).
func Start() (stop func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	t := &tuner{sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	prevLimit := debug.SetMemoryLimit(Limit)
	prevPercent := debug.SetGCPercent(-1)
	debug.SetGCPercent(prevPercent)
	if t.tune() {
		t.arm()
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			t.mu.Lock()
			defer t.mu.Unlock()
			t.stopped = true
			debug.SetGCPercent(prevPercent)
			debug.SetMemoryLimit(prevLimit)
		})
	}
}

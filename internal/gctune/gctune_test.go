package gctune

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

func settings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1) // a negative limit only reads it
}

func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// waitFor collects until cond holds (the tuner runs after a collection, from a finalizer).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			p, l := settings()
			t.Fatalf("%s: still GOGC %d, limit %d", what, p, l)
		}
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
}

func TestPercent(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, math.MaxInt32},   // nothing live yet: as large as GOGC goes (Limit holds)
		{1, math.MaxInt32},   //
		{1 << 20, 4300},      // (Goal - live) / live, in percent
		{Goal / 4, 300},      // a quarter live: three quarters new
		{Goal / 2, 100},      // half live: the default pacing's goal
		{Goal/2 + 1<<20, 91}, // below 100 from here: the tuner falls back before
		{Goal, minPercent},   // at and beyond the goal: the default pacing
		{2 * Goal, minPercent},
	} {
		if got := Percent(c.live); got != c.want {
			t.Errorf("Percent(%d) = %d, want %d", c.live, got, c.want)
		}
	}
}

func TestStartAndStop(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	runtime.GC() // the live heap Start reads is the last collection's: not an earlier test's
	before, beforeLimit := settings()
	stop := Start()
	// after a collection the tuner has set GOGC for the live heap it left
	waitFor(t, "GOGC from the live heap", func() bool {
		p, l := settings()
		want := Percent(liveHeap())
		return l == Limit && p > 100 && p >= want*9/10 && p <= want*11/10
	})
	stop()
	stop() // idempotent
	if p, l := settings(); p != before || l != beforeLimit {
		t.Errorf("after stop: GOGC %d, limit %d; want %d, %d", p, l, before, beforeLimit)
	}
	// and it does not come back: the next collections leave the settings alone
	for i := 0; i < 3; i++ {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	if p, l := settings(); p != before || l != beforeLimit {
		t.Errorf("collections after stop: GOGC %d, limit %d; want %d, %d", p, l, before, beforeLimit)
	}
}

// TestFollowsLiveHeap: as the live heap grows the tuner lowers GOGC after each collection, so
// the heap at which the next one starts stays at Goal.
func TestFollowsLiveHeap(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	runtime.GC() // the live heap Start reads is the last collection's: not an earlier test's
	defer Start()()
	fill := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = 1
		}
		return b
	}
	eighth := fill(Goal / 8)
	waitFor(t, "GOGC for an eighth of Goal live", func() bool {
		p, _ := settings()
		return p <= 700 && p > 500
	})
	quarter := fill(Goal / 8)
	waitFor(t, "GOGC for a quarter of Goal live", func() bool {
		p, _ := settings()
		return p <= 300 && p > 200
	})
	runtime.KeepAlive(eighth)
	runtime.KeepAlive(quarter)
}

func TestUserSettingsWin(t *testing.T) {
	t.Setenv("GOGC", "200")
	before, beforeLimit := settings()
	defer Start()()
	runtime.GC()
	time.Sleep(5 * time.Millisecond)
	if p, l := settings(); p != before || l != beforeLimit {
		t.Errorf("GOGC set: pacing changed to %d, %d", p, l)
	}
}

// TestLargeHeapFallsBack: once a collection leaves more than half of Goal live the default
// pacing is back, so a large run does not collect continuously.
func TestLargeHeapFallsBack(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	runtime.GC() // the live heap Start reads is the last collection's: not an earlier test's
	stop := Start()
	defer stop()
	big := make([]byte, Goal/2+(8<<20))
	for i := range big {
		big[i] = 1
	}
	waitFor(t, "default pacing with a large live heap", func() bool {
		p, l := settings()
		return p == 100 && l == math.MaxInt64
	})
	runtime.KeepAlive(big)
}

// TestStartWithLargeHeap: a live heap above half of Goal at Start gives the default pacing at
// once, and later collections (with less live) do not bring the tuning back half-way (a GOGC
// for Goal without the limit).
func TestStartWithLargeHeap(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	big := make([]byte, Goal/2+(8<<20))
	for i := range big {
		big[i] = 1
	}
	runtime.GC()
	stop := Start()
	defer stop()
	if p, l := settings(); p != 100 || l != math.MaxInt64 {
		t.Errorf("at Start with %d MB live: GOGC %d, limit %d; want the default pacing", len(big)>>20, p, l)
	}
	runtime.KeepAlive(big)
	big = nil
	for i := 0; i < 3; i++ {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	if p, l := settings(); p != 100 || l != math.MaxInt64 {
		t.Errorf("after the large heap is gone: GOGC %d, limit %d; want the default pacing still", p, l)
	}
}

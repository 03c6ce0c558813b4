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

func TestStartAndStop(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before, beforeLimit := settings()
	stop := Start()
	if p, l := settings(); p < 100 || l != Limit {
		t.Errorf("while running: GOGC %d, limit %d; want at least 100 and %d", p, l, Limit)
	}
	stop()
	stop() // idempotent
	if p, l := settings(); p != before || l != beforeLimit {
		t.Errorf("after stop: GOGC %d, limit %d; want %d, %d", p, l, before, beforeLimit)
	}
}

func TestUserSettingsWin(t *testing.T) {
	t.Setenv("GOGC", "200")
	before, beforeLimit := settings()
	defer Start()()
	if p, l := settings(); p != before || l != beforeLimit {
		t.Errorf("GOGC set: pacing changed to %d, %d", p, l)
	}
}

// TestLargeHeapFallsBack: once the live heap passes half the limit the default pacing is
// back, so a large run does not collect continuously.
func TestLargeHeapFallsBack(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	stop := Start()
	defer stop()
	big := make([]byte, HeapGoal/2+(8<<20))
	for i := range big {
		big[i] = 1
	}
	runtime.GC()
	deadline := time.Now().Add(5 * time.Second)
	for {
		if p, l := settings(); p == 100 && l == math.MaxInt64 {
			break
		}
		if time.Now().After(deadline) {
			p, l := settings()
			t.Fatalf("live heap of %d MB: still GOGC %d, limit %d", len(big)>>20, p, l)
		}
		time.Sleep(5 * time.Millisecond)
	}
	runtime.KeepAlive(big)
}

func TestPercentFor(t *testing.T) {
	for _, c := range []struct {
		live, roots uint64
		want        int
	}{
		{0, 0, HeapGoal / (4 << 20) * 100}, // before the first collection: the 4 MB minimum heap, scaled
		{1, 0, HeapGoal / (4 << 20) * 100}, // the same cap: the minimum heap would pass the goal
		{4 << 20, 0, HeapGoal/(4<<20)*100 - 100},
		{4 << 20, 4 << 20, (HeapGoal/(4<<20)*100 - 100) / 2},
		{HeapGoal / 4, 0, 300},
		{HeapGoal / 2, 0, 100},
		{HeapGoal/2 + 1, 0, 100}, // never below the default
		{HeapGoal, 0, 100},
		{HeapGoal + 1, 0, 100},
	} {
		if got := percentFor(c.live, c.roots); got != c.want {
			t.Errorf("percentFor(%d, %d) = %d, want %d", c.live, c.roots, got, c.want)
		}
	}
}

// heapGoal reads the runtime's heap goal.
func heapGoal() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// TestHeapGoalAfterEachGC: after a collection, whatever the live heap it left, the next one is
// set for HeapGoal; after stop, collections leave the pacing alone.
func TestHeapGoalAfterEachGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before, _ := settings()
	stop := Start()
	for _, mb := range []int{2, 8, 16} {
		live := make([]byte, mb<<20)
		runtime.GC()
		deadline := time.Now().Add(5 * time.Second)
		for {
			g := heapGoal()
			if g >= HeapGoal*9/10 && g <= HeapGoal*11/10 {
				break
			}
			if time.Now().After(deadline) {
				p, _ := settings()
				t.Fatalf("live heap of %d MB: heap goal %d MB (GOGC %d), want about %d MB", mb, g>>20, p, HeapGoal>>20)
			}
			time.Sleep(time.Millisecond)
		}
		runtime.KeepAlive(live)
	}
	stop()
	runtime.GC()
	time.Sleep(20 * time.Millisecond) // the finalizer would have run by now
	if p, _ := settings(); p != before {
		t.Errorf("after stop, a collection set GOGC %d, want %d", p, before)
	}
}

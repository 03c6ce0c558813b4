package gctune

import (
	"math"
	"runtime"
	"runtime/debug"
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
	if p, l := settings(); p != -1 || l != Limit {
		t.Errorf("while running: GOGC %d, limit %d; want off and %d", p, l, Limit)
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
	big := make([]byte, Limit/2+(8<<20))
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

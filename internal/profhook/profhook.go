// Package profhook writes profiles of a run for the developers (docs/development.md,
// "Profiling"): it is off unless one of these environment variables names a file.
//
//	VPNCERTLINT_CPUPROFILE  a CPU profile of the whole run (go tool pprof)
//	VPNCERTLINT_TRACE       an execution trace of the whole run (go tool trace): where the
//	                        workers wait, what the collector does, how busy each core is
//	VPNCERTLINT_MEMPROFILE  a heap profile taken when the live heap was at its largest: the
//	                        heap is read every 50 ms and the profile rewritten each time the
//	                        live heap passes its previous maximum by 10%, and once at the end
//	                        (after a collection) to PATH.end, to tell peak from retention
package profhook

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"time"
)

// Start starts what the environment asks for and returns the function that stops it. A
// profile that cannot be written is reported on standard error; the run goes on.
func Start(getenv func(string) string) (stop func()) {
	var stops []func()
	if path := getenv("VPNCERTLINT_CPUPROFILE"); path != "" {
		if s, err := startCPU(path); err != nil {
			warn(err)
		} else {
			stops = append(stops, s)
		}
	}
	if path := getenv("VPNCERTLINT_TRACE"); path != "" {
		if s, err := startTrace(path); err != nil {
			warn(err)
		} else {
			stops = append(stops, s)
		}
	}
	if path := getenv("VPNCERTLINT_MEMPROFILE"); path != "" {
		stops = append(stops, heapAtPeak(path))
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}

// warn reports a profile that could not be written.
func warn(err error) {
	fmt.Fprintln(os.Stderr, "vpncertlint: profile:", err)
}

// startCPU starts a CPU profile to path and returns the function that ends it.
func startCPU(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		_ = f.Close() // nothing was written: the profiling error is the one to report
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			warn(err)
		}
	}, nil
}

// startTrace starts an execution trace to path and returns the function that ends it.
func startTrace(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := trace.Start(f); err != nil {
		_ = f.Close() // nothing was written: the tracer's error is the one to report
		return nil, err
	}
	return func() {
		trace.Stop()
		if err := f.Close(); err != nil {
			warn(err)
		}
	}, nil
}

// write writes a heap profile to path, reporting a failure.
func write(path string) {
	if err := writeHeap(path); err != nil {
		warn(err)
	}
}

func writeHeap(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		_ = f.Close() // the write's error is the one to report
		return err
	}
	return f.Close()
}

func heapAtPeak(path string) func() {
	runtime.MemProfileRate = 64 << 10
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var peak uint64
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak+peak/10 {
				peak = v
				write(path)
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		runtime.GC()
		write(path + ".end")
	}
}

package engine

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/lint"
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
		inOrder(n, jobs, newHelpers(), func(i int, _ func(*outcome)) *outcome {
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

// TestPartialOutcomes: a file whose blocks raise many findings hands them on in parts of
// flushFindings, in order, before its outcome; the run reports exactly what it reports when
// everything is kept to the end (send nil).
func TestPartialOutcomes(t *testing.T) {
	n := 3*flushFindings + 5
	path := filepath.Join(t.TempDir(), "tiny.pem")
	if err := os.WriteFile(path, []byte(strings.Repeat("-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n", n)), 0o644); err != nil {
		t.Fatal(err)
	}
	o := Options{Role: lint.RoleServer}
	o.defaults()
	var parts []*outcome
	last := checkInput(input{path: path}, &o, func(p *outcome) { parts = append(parts, p) })
	if len(parts) != 3 {
		t.Fatalf("%d parts, want 3", len(parts))
	}
	var got []lint.Finding
	var objects []lint.ObjectInfo
	for _, p := range parts {
		if len(p.findings) > flushFindings || len(p.file.Objects) > flushObjects || p.file.File != path {
			t.Fatalf("a part of %d findings and %d objects for %q", len(p.findings), len(p.file.Objects), p.file.File)
		}
		got = append(got, p.findings...)
		objects = append(objects, p.file.Objects...)
	}
	got = append(got, last.findings...)
	objects = append(objects, last.file.Objects...)
	whole := checkInput(input{path: path}, &o, nil)
	if len(whole.findings) != n || len(got) != n {
		t.Fatalf("%d findings in parts, %d kept whole, want %d", len(got), len(whole.findings), n)
	}
	for i := range got {
		if got[i].Detail != whole.findings[i].Detail || got[i].Line != whole.findings[i].Line {
			t.Fatalf("finding %d differs: %v / %v", i, got[i], whole.findings[i])
		}
	}
	// The objects too, in parts of flushObjects, in order.
	if len(objects) != n || len(last.file.Objects) != n-3*flushObjects || !reflect.DeepEqual(objects, whole.file.Objects) {
		t.Fatalf("%d objects (%d in the last part), want %d as kept whole", len(objects), len(last.file.Objects), n)
	}
	// A file read only as context hands nothing on.
	parts = nil
	checkInput(input{path: path, context: true, asCA: true}, &o, func(p *outcome) { parts = append(parts, p) })
	if len(parts) != 0 {
		t.Fatalf("a context file handed on %d parts", len(parts))
	}
}

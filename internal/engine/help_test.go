package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/zlintcheck"
)

// helperBundle writes one file of many certificate blocks (every one of testdata/ca and
// testdata/server, three times over: CAs and servers, good and bad, some that zcrypto cannot
// parse) with a CRL, a block of another type and a malformed block among them, and a second
// small file; it returns their paths and the number of certificate blocks.
func helperBundle(t *testing.T) ([]string, int) {
	t.Helper()
	var certs [][]byte
	for _, dir := range []string{"ca", "server"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", dir, "*.pem"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, blk := range bytes.SplitAfter(data, []byte("-----END CERTIFICATE-----\n")) {
				if i := bytes.Index(blk, []byte("-----BEGIN CERTIFICATE-----")); i >= 0 {
					certs = append(certs, blk[i:])
				}
			}
		}
	}
	crl, err := os.ReadFile(filepath.Join("..", "..", "testdata", "demo-repo", "pki", "staging", "staging.crl"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	n := 0
	for round := 0; round < 3; round++ {
		for i, c := range certs {
			b.Write(c)
			n++
			switch i {
			case 7:
				b.Write(crl)
			case 20:
				b.WriteString("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
			case 33:
				b.WriteString("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n")
			}
		}
	}
	dir := t.TempDir()
	big := writeTemp(t, dir, "bundle.pem", b.Bytes())
	small := writeTemp(t, dir, "small.pem", certs[0])
	return []string{big, small}, n
}

// runRendered runs the check and returns everything its report holds, as JSON, and what
// Observe saw (sorted).
func runRendered(t *testing.T, paths []string, o Options) (string, []string) {
	t.Helper()
	var mu sync.Mutex
	var seen []string
	o.Observe = func(ob Observed) {
		mu.Lock()
		seen = append(seen, fmt.Sprintf("%s:%d:%s", filepath.Base(ob.File), ob.Line, ob.Role))
		mu.Unlock()
	}
	rep, err := Run(paths, o)
	if err != nil {
		t.Fatal(err)
	}
	defer rep.Close()
	out, err := json.Marshal(struct {
		F, R, S any
	}{findingsOf(rep), filesOf(rep), [2]any{rep.Summary(), rep.NumObjects()}})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(seen)
	return string(out), seen
}

// TestHelpersSameReport: checked by its worker with idle workers helping (every certificate
// in a batch: helpWorth 0), a large file gives the same report, byte for byte, and the same
// certificates to Observe, as checked by one worker alone; with and without zlint, lean or
// not, and when a certificate's check panics (the file then reports an internal error, and
// nothing after that block).
func TestHelpersSameReport(t *testing.T) {
	paths, n := helperBundle(t)
	zl, err := zlintcheck.New(zlintcheck.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer func(w time.Duration) { helpWorth = w }(helpWorth)
	defer func() { certTaskHook = nil }()
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name    string
		zlint   bool
		lean    bool
		panicAt int // the BEGIN line whose check panics (0: none)
	}{
		{"plain", false, false, 0},
		{"zlint", true, false, 0},
		{"lean", true, true, 0},
		{"panic", false, false, -1},
		{"panic lean", false, true, -1},
	} {
		t.Run(c.name, func(t *testing.T) {
			o := Options{Now: now, Lean: c.lean}
			if c.zlint {
				o.Zlint = zl
			}
			certTaskHook = nil
			if c.panicAt != 0 {
				// the 150th certificate block of the bundle
				data, _ := os.ReadFile(paths[0])
				line, k := 1, 0
				for _, l := range bytes.Split(data, []byte("\n")) {
					if string(l) == "-----BEGIN CERTIFICATE-----" {
						if k++; k == 150 {
							break
						}
					}
					line++
				}
				certTaskHook = func(l int) {
					if l == line {
						panic("boom")
					}
				}
			}
			helpWorth = time.Hour // never batched
			o.Jobs = 1
			want, wantSeen := runRendered(t, paths, o)
			helpWorth = 0
			o.Jobs = 4
			before := batchesHelped.Load()
			got, gotSeen := runRendered(t, paths, o)
			if batchesHelped.Load() == before {
				t.Fatalf("no batch of the %d certificates was helped", n)
			}
			if got != want {
				t.Errorf("with helpers the report differs:\n got %.2000s\nwant %.2000s", got, want)
			}
			if fmt.Sprint(gotSeen) != fmt.Sprint(wantSeen) {
				t.Errorf("with helpers Observe saw %d certificates, alone %d", len(gotSeen), len(wantSeen))
			}
			if c.panicAt != 0 && !bytes.Contains([]byte(want), []byte("internal error while checking")) {
				t.Error("the panic was not reported")
			}
		})
	}
}

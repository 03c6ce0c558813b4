package engine

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// Options.Observe sees every certificate and CRL of the inputs once, at its block's line,
// with its role, and none of the context CAs (read only for the upload-set checks).
func TestObserve(t *testing.T) {
	demo := filepath.Join("..", "..", "testdata", "demo-repo", "pki")
	staging := filepath.Join(demo, "staging", "ca", "staging-root.pem") // its block starts at line 73
	crl := filepath.Join(demo, "staging", "staging.crl")
	server := filepath.Join(demo, "server", "vpn.pem")
	context := filepath.Join(demo, "prod", "ca", "prod-root.pem")
	var mu sync.Mutex
	var seen []string
	o := Options{
		Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Jobs: 3, ContextCAs: []string{context},
		SetsFor: func(string) []string { return []string{"s"} },
		Observe: func(ob Observed) {
			kind := "cert"
			if ob.CRL != nil {
				kind = "crl"
			}
			if (ob.Cert == nil) == (ob.CRL == nil) {
				t.Errorf("%s:%d: cert %v, crl %v; want exactly one", ob.File, ob.Line, ob.Cert != nil, ob.CRL != nil)
			}
			mu.Lock()
			seen = append(seen, fmt.Sprintf("%s:%d:%s:%s", filepath.Base(ob.File), ob.Line, kind, ob.Role))
			mu.Unlock()
		},
	}
	rep, err := Run([]string{staging, crl, server, staging}, o)
	if err != nil {
		t.Fatal(err)
	}
	defer rep.Close()
	sort.Strings(seen)
	if got, want := strings.Join(seen, " "), "staging-root.pem:73:cert:ca staging.crl:1:crl: vpn.pem:1:cert:server"; got != want {
		t.Errorf("observed %s, want %s", got, want)
	}
}

package engine

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/lint"
)

// Lean keeps everything but the objects' identities and the objects' descriptions (only
// counted); interning changes no value.
func TestLeanReport(t *testing.T) {
	paths := []string{filepath.Join("..", "..", "testdata", "server"), filepath.Join("..", "..", "testdata", "ca")}
	o := Options{Role: lint.RoleAuto, Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)}
	full, err := Run(paths, o)
	if err != nil {
		t.Fatal(err)
	}
	o.Lean = true
	lean, err := Run(paths, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(findingsOf(full)) == 0 || len(findingsOf(full)) != len(findingsOf(lean)) || len(filesOf(full)) != len(filesOf(lean)) {
		t.Fatalf("findings %d/%d, files %d/%d", len(findingsOf(full)), len(findingsOf(lean)), len(filesOf(full)), len(filesOf(lean)))
	}
	withObject := 0
	for i := range findingsOf(full) {
		f, l := findingsOf(full)[i], findingsOf(lean)[i]
		if f.SHA256 != "" {
			withObject++
		}
		if l.Object != (lint.Object{}) {
			t.Fatalf("lean finding keeps its object: %+v", l)
		}
		f.Object = lint.Object{}
		if !reflect.DeepEqual(f, l) {
			t.Fatalf("finding %d differs:\n%+v\n%+v", i, f, l)
		}
	}
	if withObject == 0 {
		t.Fatal("no finding about an object: the test proves nothing")
	}
	for i := range filesOf(full) {
		if len(filesOf(full)[i].Objects) != len(filesOf(lean)[i].Objects) {
			t.Fatalf("%s: %d objects, lean %d", filesOf(full)[i].File, len(filesOf(full)[i].Objects), len(filesOf(lean)[i].Objects))
		}
		for j, obj := range filesOf(lean)[i].Objects {
			if obj != (lint.ObjectInfo{}) {
				t.Fatalf("%s object %d: %+v, want only counted", filesOf(full)[i].File, j, obj)
			}
		}
	}
}

func TestCompactorShares(t *testing.T) {
	c := newCompactor(false)
	a := lint.Finding{Detail: string([]byte("key EC P-256")), Args: []string{"a.pem"}}
	b := lint.Finding{Detail: string([]byte("key EC P-256")), Args: []string{"a.pem"}}
	d := lint.Finding{Detail: "other", Args: []string{"a.pem", "x"}}
	c.finding(&a)
	c.finding(&b)
	c.finding(&d)
	if &a.Args[0] != &b.Args[0] || a.Detail != b.Detail {
		t.Fatal("equal argument lists are not shared")
	}
	if len(d.Args) != 2 || d.Args[1] != "x" || d.Detail != "other" {
		t.Fatalf("a different finding was changed: %+v", d)
	}
}

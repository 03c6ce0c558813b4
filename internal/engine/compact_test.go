package engine

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
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
	if full.NumObjects() == 0 || lean.NumObjects() != full.NumObjects() {
		t.Fatalf("%d objects, lean %d", full.NumObjects(), lean.NumObjects())
	}
	for i := range filesOf(lean) {
		if n := len(filesOf(lean)[i].Objects); n != 0 {
			t.Fatalf("%s: lean keeps %d objects, want them only counted", filesOf(lean)[i].File, n)
		}
	}
}

// TestLeanCountsLargeFile: a lean run over one file of many blocks counts them without
// keeping an object for each (it once built 200,000 zero objects, 23 MB, at the end).
func TestLeanCountsLargeFile(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := 0; i < 5000; i++ {
		b.WriteString("-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n")
	}
	path := filepath.Join(dir, "tiny.pem")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	o := Options{Role: lint.RoleAuto, Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Lean: true}
	rep, err := Run([]string{path}, o)
	if err != nil {
		t.Fatal(err)
	}
	if rep.NumObjects() != 5000 || len(findingsOf(rep)) != 5000 {
		t.Fatalf("%d objects, %d findings; want 5000 each", rep.NumObjects(), len(findingsOf(rep)))
	}
	for _, f := range filesOf(rep) {
		if len(f.Objects) != 0 {
			t.Fatalf("%s keeps %d objects", f.File, len(f.Objects))
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

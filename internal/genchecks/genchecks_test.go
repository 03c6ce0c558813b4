package genchecks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writePkg(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestGenerateOrderAndStale(t *testing.T) {
	dir := writePkg(t, map[string]string{
		"a.go":      "package p\ntype Check struct{ Name string }\ntype other struct{}\nvar zCheck = &Check{Name: \"z\"}\nvar notACheck = &other{}\n",
		"b.go":      "package p\nvar (\n\tmCheck = &Check{}\n\tstructure, aCheck = &Check{}, &Check{}\n)\nfunc f() { _ = &Check{} }\n",
		"b_test.go": "package p\nvar testCheck = &Check{}\n",
	})
	o, err := ParseArgs([]string{"-type=Check", "-list=checks", "-first=structure"})
	if err != nil {
		t.Fatal(err)
	}
	src, err := Generate(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	want := "var checks = []*Check{\n\tstructure,\n\taCheck,\n\tmCheck,\n\tzCheck,\n}\n"
	if !strings.HasSuffix(string(src), want) || !strings.HasPrefix(string(src), headerPrefix+"-type=Check -list=checks -first=structure; DO NOT EDIT.\n\npackage p\n") {
		t.Fatalf("generated:\n%s", src)
	}
	if err := os.WriteFile(filepath.Join(dir, "checks_gen.go"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Stale(dir, "checks_gen.go"); err != nil {
		t.Fatalf("fresh file reported stale: %v", err)
	}
	// A new check file makes the list stale.
	if err := os.WriteFile(filepath.Join(dir, "c.go"), []byte("package p\nvar bCheck = &Check{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Stale(dir, "checks_gen.go"); err == nil || !strings.Contains(err.Error(), "out of date") {
		t.Fatalf("Stale after adding a check = %v, want out of date", err)
	}
}

func TestGenerateErrors(t *testing.T) {
	dir := writePkg(t, map[string]string{"a.go": "package p\ntype Check struct{}\nvar aCheck = &Check{}\n"})
	if _, err := Generate(dir, Options{Type: "Check", List: "checks", First: []string{"missing"}, Out: "checks_gen.go"}); err == nil {
		t.Error("an unknown -first variable was accepted")
	}
	if _, err := Generate(dir, Options{Type: "Other", List: "checks", Out: "checks_gen.go"}); err == nil {
		t.Error("a list without checks was accepted")
	}
	if _, err := ParseArgs([]string{"extra"}); err == nil {
		t.Error("a stray argument was accepted")
	}
}

package bodycheck

import (
	"bytes"
	"testing"
)

// kindNamedSlow is KindOf's key search as it was: every form searched in the whole data.
func kindNamedSlow(data []byte) []string {
	var named []string
	for _, k := range kindOrder {
		if bytes.Contains(data, []byte(`"`+k+`"`)) || bytes.Contains(data, []byte(`'`+k+`'`)) || bytes.Contains(data, []byte(k+":")) || bytes.Contains(data, []byte(k+" :")) {
			named = append(named, k)
		}
	}
	return named
}

// TestKindOfKeyForms checks that KindOf, which skips the searches for the forms whose quote or
// colon the data lacks, finds each kind in each of its four key forms (alone in the data, so
// only that form's character is present) and gives what the full search gives.
func TestKindOfKeyForms(t *testing.T) {
	pem := []byte("-----BEGIN CERTIFICATE-----\nuseruser_groupclient_ca\n-----END CERTIFICATE-----\n")
	if got := KindOf(pem, "a.pem"); got != "" || len(kindNamedSlow(pem)) != 0 {
		t.Errorf("PEM: KindOf = %q", got)
	}
	for _, k := range kindOrder {
		for _, form := range []string{`{"` + k + `": {}}`, `{'` + k + `': {}}`, k + ":\n  x: 1\n", k + " :\n  x: 1\n"} {
			data := []byte(form)
			want := kindOfSlow(data, "b.yaml")
			if want == "" {
				t.Errorf("%q: the full search finds no kind", form)
			}
			if got := KindOf(data, "b.yaml"); got != want {
				t.Errorf("KindOf(%q) = %q, want %q", form, got, want)
			}
		}
	}
}

// kindOfSlow is KindOf with the full key search (kindNamedSlow).
func kindOfSlow(data []byte, path string) string {
	return kindOfNamed(data, path, kindNamedSlow(data))
}

// TestKindOfShortcutEdges: malformed bodies whose only quote or colon is the first byte, or
// that have one of the three characters and not the others; the shortcut must not take them
// for files without a key.
func TestKindOfShortcutEdges(t *testing.T) {
	for _, tt := range []struct{ data, path string }{
		{`"user" "x`, "b.json"}, // a double quote first; no colon, no single quote
		{`'user' 'x`, "b.yaml"}, // a single quote first; no colon, no double quote
		{`:user: [`, "b.yaml"},  // a colon first; no quotes
		{`{"user" [`, "b.json"}, // a double quote, no single quote, no colon
	} {
		want := kindOfSlow([]byte(tt.data), tt.path)
		if want != KindUser {
			t.Fatalf("%q: the full search gives %q, want a (malformed) user body", tt.data, want)
		}
		if got := KindOf([]byte(tt.data), tt.path); got != want {
			t.Errorf("KindOf(%q, %s) = %q, want %q", tt.data, tt.path, got, want)
		}
	}
}

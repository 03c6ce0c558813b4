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
			want := ""
			if named := kindNamedSlow(data); len(named) > 0 {
				root, err := parse(data)
				switch {
				case err != nil && (HasExtension("b.yaml") || looksJSON(data)):
					want = normKind(named[0])
				case err == nil:
					for _, n := range named {
						if kk, _ := lookup(root, n); kk != nil {
							want = normKind(n)
							break
						}
					}
				}
			}
			if want == "" {
				t.Errorf("%q: the full search finds no kind", form)
			}
			if got := KindOf(data, "b.yaml"); got != want {
				t.Errorf("KindOf(%q) = %q, want %q", form, got, want)
			}
		}
	}
}

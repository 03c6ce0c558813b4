package suggest

import "testing"

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"roles", "role", 1}, {"sets", "stes", 2},
		{"", "abc", 3}, {"flaw", "lawn", 2}, {"port", "port", 0}, {"ab", "ba", 2}} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestClosest(t *testing.T) {
	names := []string{"ca", "server", "crl", "body"}
	for _, tc := range []struct{ name, want string }{
		{"sever", "server"},     // 1 edit
		{"SERVER", "server"},    // case
		{"serv", "server"},      // 2 edits
		{"s", "ca"},             // 2 edits: the first of equals
		{"serverxyz", "server"}, // 3 edits: the limit
		{"serverwxyz", ""},      // 4 edits: too far
		{"policy", ""},
	} {
		if got := Closest(tc.name, names); got != tc.want {
			t.Errorf("Closest(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

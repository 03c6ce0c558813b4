package engine

import (
	"testing"

	"github.com/vpncertlint/vpncertlint/internal/bodycheck"
)

// TestBodyShortcut: checkBody's shortcut (data without a colon or a brace, not named like a
// body and not starting like JSON, is no body) answers as IsBody and LooksLikeBody do.
func TestBodyShortcut(t *testing.T) {
	o := Options{}
	o.defaults()
	for _, tc := range []struct{ path, data string }{
		{"c.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"},
		{"c.pem", "vpn_server tunnel_protocol client_cidr"},
		{"b.json", `"vpn_server" "x"`},
		{"b.json", `"vpn_server`},
		{"b.txt", `"vpn_server`},
		{"b.json", `{"vpn_server" "x"`},
		{"b.txt", "{vpn_server}"},
		{"b.txt", " [\"vpn_server\"]"},
		{"b.txt", "\xef\xbb\xbf[vpn_server]"},
		{"b.txt", "{tunnel_protocol, client_cidr}"},
		{"b.yaml", "vpn_server"},
		{"b.txt", "vpn_server: {}"},
		{"b.txt", "tunnel_protocol: SSL\nclient_cidr: 10.0.0.0/16\n"},
	} {
		data := []byte(tc.data)
		want := bodycheck.IsBody(data, tc.path) || bodycheck.LooksLikeBody(data) != ""
		var out outcome
		if got := checkBody(data, input{path: tc.path}, &o, &out); got != want {
			t.Errorf("%s %q: checked as a body %v, want %v", tc.path, tc.data, got, want)
		}
	}
}

package bodycheck

import (
	"strings"
	"testing"
	"time"
)

func TestParseCIDR(t *testing.T) {
	tests := []struct {
		in, problem, canonical string
	}{
		{"10.0.0.0/8", "", "10.0.0.0/8"},
		{"172.16.0.0/26", "", "172.16.0.0/26"},
		{"10.0.0.1/8", "host bits are set", "10.0.0.0/8"},
		{"10.0.0.256/24", "octet 4 is 256, greater than 255", ""},
		{"10.0.0.0", "no mask length", ""},
		{"10.0.0.0/33", "greater than 32", ""},
		{"10.0.0.0/", "is empty", ""},
		{"010.0.0.0/8", "leading zero", "10.0.0.0/8"},
		{"10.0.0.0/08", "leading zero", "10.0.0.0/8"},
		{"fd00::/8", "IPv6", ""},
		{"10.0.0/24", "four dotted numbers", ""},
		{"10.0.0.x/24", "not a decimal number", ""},
		{" 10.0.0.0/24", "white space", "10.0.0.0/24"},
		{"", "empty", ""},
		{"10.0.0.99999/24", "greater than 255", ""},
	}
	for _, tt := range tests {
		c := parseCIDR(tt.in)
		if tt.problem == "" {
			if c.problem != "" || c.prefix.String() != tt.canonical {
				t.Errorf("parseCIDR(%q) = %v, %q; want valid %s", tt.in, c.prefix, c.problem, tt.canonical)
			}
			continue
		}
		if !strings.Contains(c.problem, tt.problem) {
			t.Errorf("parseCIDR(%q).problem = %q, want it to say %q", tt.in, c.problem, tt.problem)
		}
		if c.canonical != tt.canonical {
			t.Errorf("parseCIDR(%q).canonical = %q, want %q", tt.in, c.canonical, tt.canonical)
		}
		if c.prefix.IsValid() {
			t.Errorf("parseCIDR(%q) returned a prefix for an invalid block", tt.in)
		}
	}
}

// The documentation's examples: /26 serves 10 connections, /25 20, /24 50.
func TestSmallestClientMaskMatchesDocs(t *testing.T) {
	for conns, want := range map[int]int{10: 26, 20: 25, 50: 24, 100: 23, 200: 22, 500: 21, 16: 25, 15: 26} {
		if got := SmallestClientMask(conns); got != want {
			t.Errorf("SmallestClientMask(%d) = /%d, want /%d", conns, got, want)
		}
	}
}

func body(cidr string) []byte {
	return []byte(`{"vpn_server": {"tunnel_protocol": "SSL", "client_cidr": "` + cidr + `",
 "local_subnets": ["10.10.1.0/24"], "client_auth_type": "LOCAL_PASSWORD", "server_certificate": {"id": "x"}, "ssl_options": {}}}`)
}

func codes(r Result) string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Code)
	}
	return strings.Join(out, ",")
}

func TestConnections(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		cidr  string
		conns int
		want  string
	}{
		{"172.16.0.0/26", 10, ""},
		{"172.16.0.0/26", 15, ""},
		{"172.16.0.0/26", 16, "VPN.1108"}, // 64 addresses are not more than 4 × 16
		{"172.16.0.0/25", 20, ""},
		{"172.16.0.0/26", 20, "VPN.1108"},
		{"172.16.0.0/24", 50, ""},
		{"172.16.0.0/25", 50, "VPN.1108"},
		{"172.16.0.0/21", 500, ""},
		{"172.16.0.0/22", 500, "VPN.1108"},
		{"172.16.0.0/26", 0, ""},
	}
	for _, tt := range tests {
		r := Run(body(tt.cidr), "b.json", "b.json", Options{Now: now, MaxConnections: tt.conns})
		if got := codes(r); got != tt.want {
			t.Errorf("%s with %d connections: %q, want %q", tt.cidr, tt.conns, got, tt.want)
		}
	}
}

func TestFindingsCarryFieldAndLine(t *testing.T) {
	data := []byte("{\"vpn_server\": {\n \"tunnel_protocol\": \"SSL\",\n \"client_cidr\": \"172.16.0.0/16\",\n" +
		" \"local_subnets\": [\n  \"10.10.1.0/24\",\n  \"10.10.1.1/24\"\n ],\n \"client_auth_type\": \"LOCAL_PASSWORD\",\n" +
		" \"server_certificate\": {\"id\": \"x\"}, \"ssl_options\": {}}}")
	r := Run(data, "b.json", "b.json", Options{})
	if len(r.Findings) != 1 {
		t.Fatalf("findings %+v", r.Findings)
	}
	f := r.Findings[0]
	if f.Code != "VPN.1103" || f.Line != 6 || f.Field != "vpn_server.local_subnets[1]" || f.Args[0] != "10.10.1.1/24" {
		t.Errorf("finding %+v", f)
	}
	if !strings.Contains(f.Detail, "the canonical form is 10.10.1.0/24") {
		t.Errorf("detail %q", f.Detail)
	}
}

func TestJSONIsJudgedAsJSON(t *testing.T) {
	// Valid JSON that yaml.v3 would reject: the \/ escape and a surrogate pair.
	ok := []byte(`{"vpn_server": {"client_cidr": "172.16.0.0\/16", "x_note": "\ud83d\ude00"}}`)
	r := Run(ok, "b.json", "b.json", Options{})
	if got := codes(r); got != "VCL.1201" {
		t.Errorf("valid JSON: %q, want only the unknown-field warning", got)
	}
	// Invalid JSON that yaml.v3 would accept: a trailing comma.
	bad := []byte("{\"vpn_server\": {\n  \"client_cidr\": \"172.16.0.0/16\",\n}}")
	r = Run(bad, "b.json", "b.json", Options{})
	if len(r.Findings) != 1 || r.Findings[0].Code != "VPN.0001" || r.Findings[0].Line != 3 ||
		!strings.Contains(r.Findings[0].Detail, "line 3, column 1") {
		t.Errorf("trailing comma: %+v", r.Findings)
	}
}

func TestIsBody(t *testing.T) {
	tests := []struct {
		data, path string
		want       bool
	}{
		{`{"vpn_server": {}}`, "-", true},
		{"vpn_server:\n  client_cidr: 10.0.0.0/16\n", "b.txt", true},
		{`{"name": "x"}`, "b.json", false},
		{`{"vpn_server": {`, "b.json", true},               // malformed, but meant as a body
		{`{"vpn_server": {`, "-", true},                    // starts like JSON
		{"vpn_server is a word in a note", "n.txt", false}, // parses as a YAML string
		{"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", "c.pem", false},
		{`{"other": {"vpn_server": {}}}`, "b.json", false},
	}
	for _, tt := range tests {
		if got := IsBody([]byte(tt.data), tt.path); got != tt.want {
			t.Errorf("IsBody(%q, %s) = %v, want %v", tt.data, tt.path, got, tt.want)
		}
	}
}

func TestNeverPanics(t *testing.T) {
	for _, s := range []string{
		`{"vpn_server": null}`, `{"vpn_server": []}`, `[]`, `"x"`, `vpn_server: &a [*a]`,
		`{"vpn_server": {"client_ca_certificates": [null, 1, {"content": 5}, {"name": null}]}}`,
		`{"vpn_server": {"local_subnets": [null, 1, []], "dns_servers": null, "ssl_options": {"port": 1e3}}}`,
		"vpn_server:\n  ssl_options: &o {port: 443}\n  server_certificate: *o\n",
		`{"vpn_server": {"tunnel_protocol": "SSL", "server_certificate": {"id": null, "source": "SERVICE_SIGN"}}}`,
		strings.Repeat("[", 100) + `"vpn_server"` + strings.Repeat("]", 100),
	} {
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("%q: panic %v", s, p)
				}
			}()
			Run([]byte(s), "b.json", "b.json", Options{})
		}()
	}
}

func TestNotAnObject(t *testing.T) {
	for _, s := range []string{`{"vpn_server": null}`, `{"vpn_server": []}`, `{"vpn_server": "x"}`, `[{"vpn_server": {}}]`} {
		r := Run([]byte(s), "b.json", "b.json", Options{})
		if got := codes(r); got != "VPN.0001" {
			t.Errorf("%s: %q, want VPN.0001", s, got)
		}
	}
}

func TestYAMLMergeKeys(t *testing.T) {
	data := []byte(`defaults: &defaults
  tunnel_protocol: SSL
  client_auth_type: LOCAL_PASSWORD
  server_certificate: {id: scs1717051012106}
  ssl_options: {}
  local_subnets: [10.10.1.0/24]
vpn_server:
  <<: *defaults
  client_cidr: 172.16.0.0/27
  local_subnets: [10.10.2.0/24]
`)
	r := Run(data, "b.yaml", "b.yaml", Options{})
	// A Create body (tunnel_protocol is merged in): only the /27 mask and the unknown
	// top-level key are findings; the body's own local_subnets win over the merged ones.
	if got := codes(r); got != "VCL.1201,VPN.1107" {
		t.Errorf("codes %q, want VCL.1201,VPN.1107: %+v", got, r.Findings)
	}
}

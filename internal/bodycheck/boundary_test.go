package bodycheck

import (
	"fmt"
	"net/netip"
	"os"
	"strings"
	"testing"

	"github.com/vpncertlint/vpncertlint/lint"
	"gopkg.in/yaml.v3"
)

// lines formats findings as "CODE FIELD:LINE DETAIL [ARGS]".
func lines(fs []lint.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %s:%d %s %q", f.Code, f.Field, f.Line, f.Detail, f.Args))
	}
	return out
}

// expect runs data and checks that there is one finding per want, in order, each
// containing its want.
func expect(t *testing.T, name, data string, o Options, want ...string) Result {
	t.Helper()
	if o.Now.IsZero() {
		o.Now = testNow
	}
	r := Run([]byte(data), "b", "b", o)
	got := lines(r.Findings)
	ok := len(got) == len(want)
	for i := 0; ok && i < len(want); i++ {
		ok = strings.Contains(got[i], want[i])
	}
	if !ok {
		t.Errorf("%s:\n got  %s\n want %s", name, strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
	return r
}

// vs is a body with the given vpn_server fields, all on line 1.
func vs(fields ...string) string {
	return `{"vpn_server": {` + strings.Join(fields, ", ") + `}}`
}

// create is a valid Create body's fields but the ones given (by name) replaced.
func create(over map[string]string) string {
	base := map[string]string{
		"tunnel_protocol":    `"SSL"`,
		"client_cidr":        `"172.16.0.0/16"`,
		"local_subnets":      `["10.10.1.0/24"]`,
		"client_auth_type":   `"LOCAL_PASSWORD"`,
		"server_certificate": `{"id": "scs1"}`,
		"ssl_options":        `{}`,
	}
	var fields []string
	for _, k := range []string{"tunnel_protocol", "client_cidr", "local_subnets", "client_auth_type", "server_certificate",
		"client_ca_certificates", "ssl_options", "dns_servers"} {
		v, ok := over[k]
		if !ok {
			v, ok = base[k]
		}
		if ok && v != "-" {
			fields = append(fields, fmt.Sprintf("%q: %s", k, v))
		}
	}
	return vs(fields...)
}

// createPlus is a valid Create body with the given fields (raw JSON) in place of its own.
func createPlus(fields string) string {
	over := map[string]string{}
	for _, k := range []string{"tunnel_protocol", "client_cidr", "local_subnets", "client_auth_type", "server_certificate", "ssl_options"} {
		if strings.Contains(fields, `"`+k+`":`) {
			over[k] = "-"
		}
	}
	b := create(over)
	return b[:len(b)-2] + ", " + fields + "}}"
}

func TestValidCreateBody(t *testing.T) {
	r := expect(t, "valid", create(nil), Options{})
	if len(r.Objects) != 1 || r.Objects[0].Kind != "body" || r.Objects[0].Line != 1 {
		t.Errorf("objects %+v", r.Objects)
	}
}

// Local subnets: duplicates and overlaps after the first entry, the count limit, /0,
// reserved ranges.
func TestLocalSubnets(t *testing.T) {
	for _, tt := range []struct {
		name, list string
		want       []string
	}{
		{"duplicate of the second", `["10.1.0.0/24", "10.2.0.0/24", "10.2.0.0/24"]`, []string{
			"VPN.1106 vpn_server.local_subnets[2]:1 local_subnets[2] repeats local_subnets[1] (line 1)"}},
		{"duplicate of the first, third place", `["10.1.0.0/24", "10.2.0.0/24", "10.1.0.0/24"]`, []string{
			"VPN.1106 vpn_server.local_subnets[2]:1 local_subnets[2] repeats local_subnets[0]"}},
		{"three times", `["10.1.0.0/24", "10.1.0.0/24", "10.1.0.0/24"]`, []string{
			"VPN.1106 vpn_server.local_subnets[1]:1 local_subnets[1] repeats local_subnets[0]",
			"VPN.1106 vpn_server.local_subnets[2]:1 local_subnets[2] repeats local_subnets[0]"}},
		{"overlap with the second", `["10.1.0.0/24", "10.2.0.0/16", "10.2.1.0/24"]`, []string{
			`VCL.1205 vpn_server.local_subnets[2]:1 local_subnets[2] 10.2.1.0/24 overlaps local_subnets[1] 10.2.0.0/16 (line 1) ["10.2.1.0/24"]`}},
		{"overlaps two", `["10.2.1.0/24", "10.2.0.0/16", "10.0.0.0/8"]`, []string{
			"VCL.1205 vpn_server.local_subnets[1]:1 local_subnets[1] 10.2.0.0/16 overlaps local_subnets[0] 10.2.1.0/24",
			// Each block is reported once, with the innermost block containing it.
			"VCL.1205 vpn_server.local_subnets[2]:1 local_subnets[2] 10.0.0.0/8 overlaps local_subnets[1] 10.2.0.0/16"}},
		// A duplicate is reported once, not also as an overlap with later valid entries.
		{"duplicate and overlap", `["10.0.0.0/24", "10.0.0.0/16", "10.0.0.0/24"]`, []string{
			"VCL.1205 vpn_server.local_subnets[1]:1 local_subnets[1] 10.0.0.0/16 overlaps local_subnets[0]",
			"VPN.1106 vpn_server.local_subnets[2]:1 local_subnets[2] repeats local_subnets[0]"}},
		{"adjacent", `["10.0.0.0/24", "10.0.1.0/24"]`, nil},
		{"invalid and non-string entries keep their index", `["10.0.0.1/24", 5, "10.0.0.0/24", "10.0.0.0/24"]`, []string{
			"VPN.0001 vpn_server.local_subnets[1]:1 vpn_server.local_subnets[1] must be a string; it is the integer 5",
			`VPN.1103 vpn_server.local_subnets[0]:1 local_subnets[0] "10.0.0.1/24" is not a canonical IPv4 CIDR block (a.b.c.d/n): host bits are set`,
			"VPN.1106 vpn_server.local_subnets[3]:1 local_subnets[3] repeats local_subnets[2]"}},
		{"whole space", `["0.0.0.0/0"]`, []string{
			`VPN.1104 vpn_server.local_subnets[0]:1 local_subnets[0] 0.0.0.0/0 is the whole address space; 0.0.0.0/0 is not supported as a local subnet ["0.0.0.0/0"]`}},
		{"/1 is not the whole space", `["0.0.0.0/1"]`, []string{
			"VPN.1104 vpn_server.local_subnets[0]:1 local_subnets[0] 0.0.0.0/1 overlaps 0.0.0.0/8"}},
		{"loopback", `["127.0.0.0/16"]`, []string{
			"VPN.1104 vpn_server.local_subnets[0]:1 local_subnets[0] 127.0.0.0/16 lies inside 127.0.0.0/8 (loopback)"}},
		{"multicast, exactly", `["224.0.0.0/4"]`, []string{"lies inside 224.0.0.0/4 (multicast)"}},
		{"class E", `["255.255.255.0/24"]`, []string{"lies inside 240.0.0.0/4 (reserved (class E))"}},
		{"link-local is allowed locally", `["169.254.0.0/16"]`, nil},
		{"shared space is allowed locally", `["100.64.0.0/10"]`, nil},
	} {
		expect(t, tt.name, create(map[string]string{"local_subnets": tt.list}), Options{}, tt.want...)
	}
}

func TestLocalSubnetCount(t *testing.T) {
	list := func(n int) string {
		var s []string
		for i := range n {
			s = append(s, fmt.Sprintf(`"10.%d.0.0/16"`, i))
		}
		return "[" + strings.Join(s, ", ") + "]"
	}
	expect(t, "20", create(map[string]string{"local_subnets": list(20)}), Options{})
	expect(t, "21", create(map[string]string{"local_subnets": list(21)}), Options{},
		`VPN.1105 vpn_server.local_subnets[20]:1 21 local subnets; at most 20 are accepted`)
	expect(t, "1", create(map[string]string{"local_subnets": list(1)}), Options{})
	expect(t, "empty", create(map[string]string{"local_subnets": "[]"}), Options{},
		"VPN.1118 vpn_server.local_subnets:1 local_subnets is empty")
	expect(t, "missing in a Create body", create(map[string]string{"local_subnets": "-"}), Options{},
		"VPN.1118 vpn_server.local_subnets:1 a Create VPN Server body must list at least one local subnet")
	expect(t, "null in a Create body", create(map[string]string{"local_subnets": "null"}), Options{},
		"VPN.1118 vpn_server.local_subnets:1 a Create VPN Server body")
	expect(t, "missing in an Update body", vs(`"client_cidr": "172.16.0.0/16"`), Options{})
	expect(t, "empty in an Update body", vs(`"local_subnets": []`), Options{}, "VPN.1118 vpn_server.local_subnets:1 local_subnets is empty")
	expect(t, "wrong type", create(map[string]string{"local_subnets": `"10.0.0.0/8"`}), Options{},
		`VPN.0001 vpn_server.local_subnets:1 vpn_server.local_subnets must be an array; it is the string "10.0.0.0/8"`)
}

func TestLocalSubnetLinesInDetails(t *testing.T) {
	data := "{\"vpn_server\": {\n\"local_subnets\": [\n\"10.0.0.0/24\",\n\"10.0.0.0/24\"],\n\"client_cidr\": \"10.0.0.0/16\", \"tunnel_protocol\": \"SSL\", \"ssl_options\": {}, \"server_certificate\": {\"id\": \"x\"}}}"
	expect(t, "lines", data, Options{},
		"VPN.1119 vpn_server.local_subnets[0]:3 local_subnets[0] 10.0.0.0/24 overlaps client_cidr 10.0.0.0/16 (line 5)",
		"VPN.1119 vpn_server.local_subnets[1]:4 local_subnets[1] 10.0.0.0/24 overlaps client_cidr 10.0.0.0/16 (line 5)",
		"VPN.1106 vpn_server.local_subnets[1]:4 local_subnets[1] repeats local_subnets[0] (line 3)")
}

func TestClientCIDRMask(t *testing.T) {
	for cidr, want := range map[string]string{
		"172.16.0.0/16": "",
		"172.0.0.0/15":  "VPN.1107 vpn_server.client_cidr:1 client_cidr 172.0.0.0/15 has a /15 mask; it must be /16 to /26",
		"172.16.0.0/26": "",
		"172.16.0.0/27": "VPN.1107 vpn_server.client_cidr:1 client_cidr 172.16.0.0/27 has a /27 mask; it must be /16 to /26",
	} {
		var w []string
		if want != "" {
			w = append(w, want)
		}
		expect(t, cidr, create(map[string]string{"client_cidr": `"` + cidr + `"`}), Options{}, w...)
	}
}

func TestClientCIDRReserved(t *testing.T) {
	for cidr, want := range map[string][]string{
		"169.254.0.0/16": {`VPN.1104 vpn_server.client_cidr:1 client_cidr 169.254.0.0/16 lies inside 169.254.0.0/16 (link-local) ["169.254.0.0/16"]`},
		"127.1.0.0/16":   {"VPN.1104 vpn_server.client_cidr:1 client_cidr 127.1.0.0/16 lies inside 127.0.0.0/8 (loopback)"},
		"100.64.0.0/16":  {`VCL.1204 vpn_server.client_cidr:1 client_cidr 100.64.0.0/16 lies inside 100.64.0.0/10 (shared address space`},
		"214.1.0.0/16":   {"VCL.1204 vpn_server.client_cidr:1 client_cidr 214.1.0.0/16 lies inside 214.0.0.0/8 (a range the cloud reserves)"},
		"100.128.0.0/16": nil,
		"213.0.0.0/16":   nil,
		// Overlapping without lying inside: the reserved range is the smaller one.
		"0.0.0.0/7": {"VPN.1107", "VPN.1104 vpn_server.client_cidr:1 client_cidr 0.0.0.0/7 overlaps 0.0.0.0/8"},
		// Both a documented and a one-page range: only the documented one is reported.
		"64.0.0.0/2": {"VPN.1107", "VPN.1104 vpn_server.client_cidr:1 client_cidr 64.0.0.0/2 overlaps 127.0.0.0/8"},
	} {
		expect(t, cidr, create(map[string]string{"client_cidr": `"` + cidr + `"`}), Options{}, want...)
	}
}

func TestClientCIDRInvalid(t *testing.T) {
	expect(t, "invalid", create(map[string]string{"client_cidr": `"172.16.0.1/16"`}), Options{MaxConnections: 500},
		`VPN.1103 vpn_server.client_cidr:1 client_cidr "172.16.0.1/16" is not a canonical IPv4 CIDR block (a.b.c.d/n): host bits are set: 172.16.0.1 is an address inside the network 172.16.0.0/16; the canonical form is 172.16.0.0/16 ["172.16.0.1/16"]`)
	expect(t, "no canonical form", create(map[string]string{"client_cidr": `"x"`}), Options{},
		`VPN.1103 vpn_server.client_cidr:1 client_cidr "x" is not a canonical IPv4 CIDR block (a.b.c.d/n): "x" is not an IPv4 address of four dotted numbers ["x"]`)
	r := Run([]byte(create(map[string]string{"client_cidr": `"x"`})), "b", "b", Options{Now: testNow})
	if strings.Contains(r.Findings[0].Detail, "canonical form is") {
		t.Errorf("detail %q", r.Findings[0].Detail)
	}
}

func TestConnectionsHint(t *testing.T) {
	expect(t, "/27 for 15", create(map[string]string{"client_cidr": `"172.16.0.0/27"`}), Options{MaxConnections: 15},
		"VPN.1107",
		"VPN.1108 vpn_server.client_cidr:1 client_cidr 172.16.0.0/27 holds 32 addresses; 15 connections (--max-connections) need more than 60 (a /30, 4 addresses, each); the smallest block that would do is a /26")
	expect(t, "/28 for 4", create(map[string]string{"client_cidr": `"172.16.0.0/28"`}), Options{MaxConnections: 4},
		"VPN.1107", "VPN.1108 vpn_server.client_cidr:1 client_cidr 172.16.0.0/28 holds 16 addresses; 4 connections (--max-connections) need more than 16 (a /30, 4 addresses, each); a /26 (the longest mask accepted) would do")
	expect(t, "/28 for 3", create(map[string]string{"client_cidr": `"172.16.0.0/28"`}), Options{MaxConnections: 3}, "VPN.1107")
	expect(t, "/16 for 1", create(map[string]string{"client_cidr": `"172.16.0.0/16"`}), Options{MaxConnections: 1})
}

func TestSmallestClientMaskEdges(t *testing.T) {
	for conns, want := range map[int]int{0: 32, 1: 29, 2: 28, 7: 27, 8: 26, 1 << 28: 1, 1<<28 + 1: 1, 1 << 29: 0, 1 << 30: 0} {
		if got := SmallestClientMask(conns); got != want {
			t.Errorf("SmallestClientMask(%d) = %d, want %d", conns, got, want)
		}
	}
}

func TestVPCRoutes(t *testing.T) {
	routes := []netip.Prefix{netip.MustParsePrefix("172.16.0.0/24"), netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("172.16.255.0/24")}
	expect(t, "routes", create(nil), Options{VPCRoutes: routes},
		`VPN.1109 vpn_server.client_cidr:1 client_cidr 172.16.0.0/16 overlaps the VPC route 172.16.0.0/24 (--vpc-route) ["172.16.0.0/24"]`,
		`VPN.1109 vpn_server.client_cidr:1 client_cidr 172.16.0.0/16 overlaps the VPC route 172.16.255.0/24 (--vpc-route) ["172.16.255.0/24"]`)
}

func TestClientLocalOverlap(t *testing.T) {
	expect(t, "overlap", create(map[string]string{"local_subnets": `["10.0.0.0/24", "172.16.1.0/24", "172.0.0.0/8"]`}), Options{},
		`VPN.1119 vpn_server.local_subnets[1]:1 local_subnets[1] 172.16.1.0/24 overlaps client_cidr 172.16.0.0/16 (line 1) ["172.16.1.0/24"]`,
		`VPN.1119 vpn_server.local_subnets[2]:1 local_subnets[2] 172.0.0.0/8 overlaps client_cidr 172.16.0.0/16`,
		"VCL.1205 vpn_server.local_subnets[2]:1")
	// 0.0.0.0/0 and invalid blocks are reported by the local subnet rules only.
	expect(t, "whole space", create(map[string]string{"local_subnets": `["0.0.0.0/0", "172.16.0.1/24"]`}), Options{},
		"VPN.1104 vpn_server.local_subnets[0]:1", "VPN.1103 vpn_server.local_subnets[1]:1")
}

func TestParseRoute(t *testing.T) {
	if p, err := ParseRoute("10.0.0.0/16"); err != nil || p != netip.MustParsePrefix("10.0.0.0/16") {
		t.Errorf("ParseRoute: %v %v", p, err)
	}
	if _, err := ParseRoute("10.0.0.1/16"); err == nil || !strings.Contains(err.Error(), `--vpc-route "10.0.0.1/16" is not a canonical IPv4 CIDR block: host bits are set`) {
		t.Errorf("ParseRoute of a host: %v", err)
	}
}

func TestParseCIDRBoundaries(t *testing.T) {
	for in, want := range map[string]string{
		"255.255.255.255/32": "",
		"0.0.0.0/0":          "",
		"10.0.0.0/8":         "",
		"192.168.9.0/24":     "",
		"0255.0.0.0/8":       `octet 1 ("0255") has a leading zero`,
		"00255.0.0.0/8":      "octet 1 is 00255, greater than 255",
		"1.256.0.0/8":        "octet 2 is 256, greater than 255",
		"1.2.3.4/0032":       `the mask length "0032" has a leading zero`,
		"1.2.3.4/00032":      `the mask length "00032" is greater than 32`,
		"1.2.3.4/-1":         `the mask length "-1" is not a decimal number`,
		"1.2.3.4/3a":         `the mask length "3a" is not a decimal number`,
		"1.2.3.+4/32":        `octet 4 ("+4") is not a decimal number`,
		"1.2..4/32":          `octet 3 ("") is empty`,
		"1.2.3.4.5/32":       `"1.2.3.4.5" is not an IPv4 address of four dotted numbers`,
		" 1.2.3.4/32 ":       "white space around the block", //nolint:gocritic // mapKey: the white space is the case under test
		"01.02.3.4/32":       `octet 1 ("01") has a leading zero, which some parsers read as octal; octet 2 ("02") has a leading zero`,
		"1.2.3.4":            "no mask length: write it as 1.2.3.4/N (N from 0 to 32)",
	} {
		c := parseCIDR(in)
		if want == "" {
			if c.problem != "" || c.prefix.String() != in || c.canonical != in {
				t.Errorf("parseCIDR(%q) = %+v", in, c)
			}
			continue
		}
		if !strings.Contains(c.problem, want) || c.prefix.IsValid() {
			t.Errorf("parseCIDR(%q) = %+v, want %q", in, c, want)
		}
	}
	if c := parseCIDR(" 1.2.3.4/32 "); c.canonical != "1.2.3.4/32" {
		t.Errorf("canonical %q", c.canonical)
	}
	if v, bad := number("255", 255); v != 255 || bad != "" {
		t.Errorf("number(255) = %d %q", v, bad)
	}
	if v, bad := number("0", 32); v != 0 || bad != "" {
		t.Errorf("number(0) = %d %q", v, bad)
	}
	if _, bad := number("33", 32); bad != "is greater than 32" {
		t.Errorf("number(33) = %q", bad)
	}
	if v, bad := number("0032", 32); v != 32 || bad != "" {
		t.Errorf("number(0032) = %d %q", v, bad)
	}
}

// Client CAs: how many, the names, the contents.
func caList(n int, entry string) string {
	var s []string
	for range n {
		s = append(s, entry)
	}
	return "[" + strings.Join(s, ", ") + "]"
}

func TestClientCACount(t *testing.T) {
	empty := `{"content": ""}`
	cert := map[string]string{"client_auth_type": `"CERT"`}
	with := func(n int) map[string]string {
		m := map[string]string{"client_auth_type": `"CERT"`, "client_ca_certificates": caList(n, empty)}
		return m
	}
	want := func(n int) []string {
		var w []string
		for i := range n {
			w = append(w, fmt.Sprintf("VPN.0074 vpn_server.client_ca_certificates[%d].content:1 the content is empty [\"client_ca_certificates[%d]\"]", i, i))
		}
		return w
	}
	expect(t, "10", create(with(10)), Options{}, want(10)...)
	w := append([]string{"VPN.1111 vpn_server.client_ca_certificates[10]:1 11 client CA certificates; at most 10 are accepted; this is number 11"}, want(11)...)
	expect(t, "11", create(with(11)), Options{}, w...)
	expect(t, "1", create(with(1)), Options{}, want(1)...)
	expect(t, "none in a Create body", create(cert), Options{},
		"VPN.1101 vpn_server.client_ca_certificates:1 client_auth_type CERT needs at least one client CA in client_ca_certificates")
	expect(t, "[] in a Create body", create(with(0)), Options{}, "VPN.1101 vpn_server.client_ca_certificates:1 client_auth_type CERT needs")
	// client_ca_certificates is not a field of UpdateServerRequest: an Update body with it
	// is warned about (VCL.1220), never VPN.1101; --body auto takes it for a Create body.
	expect(t, "[] in an Update body", vs(`"client_auth_type": "CERT"`, `"client_ca_certificates": []`), Options{Mode: ModeUpdate},
		`VCL.1220 vpn_server.client_ca_certificates:1 client_ca_certificates is not a field of UpdateServerRequest`)
	expect(t, "null in an Update body", vs(`"client_auth_type": "CERT"`, `"client_ca_certificates": null`), Options{Mode: ModeUpdate},
		`VCL.1220 vpn_server.client_ca_certificates:1 client_ca_certificates is not a field of UpdateServerRequest`)
	expect(t, "[] makes a Create body", vs(`"client_auth_type": "CERT"`, `"client_ca_certificates": []`, `"client_cidr": "172.16.0.0/16"`, `"local_subnets": ["10.0.0.0/24"]`, `"server_certificate": {"id": "x"}`, `"ssl_options": {}`), Options{},
		"VPN.1101 vpn_server.client_ca_certificates:1 client_auth_type CERT needs at least one client CA")
	expect(t, "absent in an Update body", vs(`"client_auth_type": "CERT"`), Options{})
	expect(t, "[] without CERT", create(map[string]string{"client_ca_certificates": "[]"}), Options{})
	expect(t, "[] with another protocol", create(map[string]string{"tunnel_protocol": `"IPSEC"`, "client_auth_type": `"CERT"`}), Options{},
		`VPN.0001 vpn_server.tunnel_protocol:1 tunnel_protocol is "IPSEC"; the documented values are SSL`)
	expect(t, "update mode", create(cert), Options{Mode: ModeUpdate},
		"VCL.1220 vpn_server.tunnel_protocol:1 tunnel_protocol is not a field of UpdateServerRequest")
	// The finding points at the client_auth_type line when the list is absent.
	data := "{\"vpn_server\": {\"tunnel_protocol\": \"SSL\", \"client_cidr\": \"172.16.0.0/16\",\n\"local_subnets\": [\"10.0.0.0/24\"],\n\"client_auth_type\": \"CERT\", \"server_certificate\": {\"id\": \"x\"}, \"ssl_options\": {}}}"
	expect(t, "line", data, Options{}, "VPN.1101 vpn_server.client_ca_certificates:3 ")
	expect(t, "wrong type", create(map[string]string{"client_auth_type": `"CERT"`, "client_ca_certificates": `{}`}), Options{},
		"VPN.0001 vpn_server.client_ca_certificates:1 vpn_server.client_ca_certificates must be an array; it is an object")
}

func TestClientCANames(t *testing.T) {
	name := func(s string) map[string]string {
		return map[string]string{"client_auth_type": `"CERT"`, "client_ca_certificates": `[{"name": "` + s + `", "content": ""}]`}
	}
	content := func(n string) string {
		return fmt.Sprintf(`VPN.0074 vpn_server.client_ca_certificates[0].content:1 the content is empty ["%s"]`, n)
	}
	for _, tt := range []struct {
		name string
		want []string
	}{
		{strings.Repeat("a", 64), []string{content(strings.Repeat("a", 64))}},
		{strings.Repeat("a", 65), []string{"VPN.0001 vpn_server.client_ca_certificates[0].name:1 the name has 65 characters; at most 64 are allowed [\"invalid client CA name\"]", content(strings.Repeat("a", 65))}},
		{strings.Repeat("中", 64), []string{"VCL.1203 vpn_server.client_ca_certificates[0].name:1 the API documents only letters", content(strings.Repeat("中", 64))}},
		{strings.Repeat("中", 65), []string{"the name has 65 characters", content(strings.Repeat("中", 65))}},
		{"a", []string{content("a")}},
		{"AZaz09_-", []string{content("AZaz09_-")}},
		{"ab cd", []string{`the name "ab cd" has ' ' at character 3; only letters, digits, _ and - are allowed`, content("ab cd")}},
		{"中文 x", []string{`has ' ' at character 3`, content("中文 x")}},
		{"é", []string{`has 'é' at character 1`, content("é")}},
		{"a.b", []string{`has '.' at character 2`, content("a.b")}},
		{"", []string{`VPN.0001 vpn_server.client_ca_certificates[0].name:1 the name is empty: omit it or give 1–64 letters, digits, _ or -`, content("client_ca_certificates[0]")}},
	} {
		expect(t, "name "+tt.name, create(name(tt.name)), Options{}, tt.want...)
	}
	expect(t, "null name", create(map[string]string{"client_auth_type": `"CERT"`, "client_ca_certificates": `[{"name": null, "content": ""}]`}), Options{}, content("client_ca_certificates[0]"))
	expect(t, "number name", create(map[string]string{"client_auth_type": `"CERT"`, "client_ca_certificates": `[{"name": 5, "content": ""}]`}), Options{},
		"VPN.0001 vpn_server.client_ca_certificates[0].name:1 vpn_server.client_ca_certificates[0].name must be a string", content("client_ca_certificates[0]"))
}

func TestClientCAContents(t *testing.T) {
	expect(t, "no content", create(map[string]string{"client_auth_type": `"CERT"`, "client_ca_certificates": `[{"name": "a"}, {"content": null}, 5, {"content": 5}]`}), Options{},
		"VPN.0001 vpn_server.client_ca_certificates[2]:1 vpn_server.client_ca_certificates[2] must be an object",
		"VPN.0001 vpn_server.client_ca_certificates[3].content:1 vpn_server.client_ca_certificates[3].content must be a string",
		`VPN.0001 vpn_server.client_ca_certificates[0].content:1 vpn_server.client_ca_certificates[0] has no content: give the CA certificate as one PEM block ["client CA content is required"]`,
		`VPN.0001 vpn_server.client_ca_certificates[1].content:1 vpn_server.client_ca_certificates[1] has no content`)
	expect(t, "white space", create(map[string]string{"client_auth_type": `"CERT"`, "client_ca_certificates": `[{"content": " \n"}]`}), Options{},
		`VPN.0074 vpn_server.client_ca_certificates[0].content:1 the content is empty`)
	expect(t, "not PEM", create(map[string]string{"client_auth_type": `"CERT"`, "client_ca_certificates": `[{"content": "hello"}]`}), Options{},
		`VPN.0074 vpn_server.client_ca_certificates[0].content:1 in the content: no PEM block`)
}

func TestClientCADuplicate(t *testing.T) {
	pemText, err := os.ReadFile("../../testdata/ca/ec-p256.pem")
	if err != nil {
		t.Fatal(err)
	}
	content := strings.ReplaceAll(strings.TrimSpace(string(pemText)), "\n", `\n`)
	entry := `{"name": "%s", "content": "` + content + `"}`
	list := "[\n" + fmt.Sprintf(entry, "a") + ",\n" + fmt.Sprintf(entry, "b") + ",\n" + fmt.Sprintf(entry, "c") + "]"
	r := expect(t, "duplicate", create(map[string]string{"client_auth_type": `"CERT"`, "client_ca_certificates": list}), Options{},
		`VCL.0703 vpn_server.client_ca_certificates[0].content:2 key EC P-256 ["a"]`,
		`VCL.0703 vpn_server.client_ca_certificates[1].content:3 key EC P-256 ["b"]`,
		`VPN.0077 vpn_server.client_ca_certificates[1].content:3 the same certificate (SHA-256 `,
		`VCL.0703 vpn_server.client_ca_certificates[2].content:4`,
		`VPN.0077 vpn_server.client_ca_certificates[2].content:4 the same certificate (SHA-256 `)
	for _, f := range r.Findings {
		if f.Code == "VPN.0077" && (!strings.HasSuffix(f.Detail, "…) as client_ca_certificates[0].content (line 2)") || f.Args[0] != map[int]string{3: "b", 4: "c"}[f.Line]) {
			t.Errorf("finding %+v", f)
		}
	}
	if len(r.Objects) != 4 || r.Objects[1].Line != 2 || r.Objects[3].Line != 4 || r.Objects[1].Kind != "certificate" || r.Objects[1].Role != "ca" {
		t.Errorf("objects %+v", r.Objects)
	}
}

// The server certificate of a Create and an Update body.
func TestServerCertificate(t *testing.T) {
	for _, tt := range []struct {
		name, sc string
		want     []string
	}{
		{"id", `{"id": "scs1"}`, nil},
		{"empty id", `{"id": ""}`, []string{"VPN.1100 vpn_server.server_certificate.id:1 server_certificate.id is empty: give the ID"}},
		{"blank id", `{"id": "  "}`, []string{"VPN.1100 vpn_server.server_certificate.id:1 server_certificate.id is empty"}},
		{"null id", `{"id": null}`, []string{"VPN.1100 vpn_server.server_certificate.id:1 server_certificate has no id: give the ID"}},
		{"no id", `{"source": "CCM"}`, []string{"VPN.1100 vpn_server.server_certificate.id:1 server_certificate has no id"}},
		{"missing", "-", []string{"VPN.1100 vpn_server.server_certificate:1 tunnel_protocol SSL needs server_certificate with the id"}},
		{"null", "null", []string{"VPN.1100 vpn_server.server_certificate:1 tunnel_protocol SSL needs"}},
		{"CCM without id", `{"source": "CCM"}`, []string{"VPN.1100 vpn_server.server_certificate.id:1 server_certificate has no id: give the ID of the server certificate in Cloud Certificate Manager (source CCM needs it; SERVICE_SIGN does not)"}},
		{"null source without id", `{"source": null}`, []string{"VPN.1100 vpn_server.server_certificate.id:1 server_certificate has no id"}},
		{"SERVICE_SIGN without id", `{"source": "SERVICE_SIGN"}`, nil},
		{"SERVICE_SIGN with an empty id", `{"source": "SERVICE_SIGN", "id": ""}`, nil},
		{"wrong id type", `{"id": 5}`, []string{"VPN.0001 vpn_server.server_certificate.id:1 vpn_server.server_certificate.id must be a string"}},
		{"wrong type", `"scs1"`, []string{"VPN.0001 vpn_server.server_certificate:1 vpn_server.server_certificate must be an object"}},
	} {
		expect(t, "create, "+tt.name, create(map[string]string{"server_certificate": tt.sc}), Options{}, tt.want...)
	}
	expect(t, "create, another protocol", create(map[string]string{"tunnel_protocol": `"IPSEC"`, "server_certificate": "-"}), Options{}, "VPN.0001 vpn_server.tunnel_protocol")
	for _, tt := range []struct {
		name, sc string
		want     []string
	}{
		{"absent", "", nil},
		{"empty id", `, "server_certificate": {"id": ""}`, []string{`VPN.1100 vpn_server.server_certificate.id:1 server_certificate.id is empty: give the ID of the server certificate in Cloud Certificate Manager (an Update body's server_certificate is {"id": …} only)`}},
		{"no id", `, "server_certificate": {}`, []string{`VPN.1100 vpn_server.server_certificate.id:1 server_certificate has no id: give the ID of the server certificate in Cloud Certificate Manager (an Update body's server_certificate is {"id": …} only)`}},
		{"null", `, "server_certificate": null`, nil},
		// source is a Create-only field: warned about, and SERVICE_SIGN does not replace the id.
		{"CCM", `, "server_certificate": {"source": "CCM"}`, []string{"VCL.1220 vpn_server.server_certificate.source:1", "VPN.1100 vpn_server.server_certificate.id:1 server_certificate has no id"}},
		{"SERVICE_SIGN", `, "server_certificate": {"source": "SERVICE_SIGN"}`, []string{"VCL.1220 vpn_server.server_certificate.source:1", "VPN.1100 vpn_server.server_certificate.id:1 server_certificate has no id"}},
		{"id", `, "server_certificate": {"id": "scs1"}`, nil},
	} {
		expect(t, "update, "+tt.name, `{"vpn_server": {"client_auth_type": "LOCAL_PASSWORD"`+tt.sc+`}}`, Options{Mode: ModeUpdate}, tt.want...)
	}
}

func TestSettings(t *testing.T) {
	for _, tt := range []struct {
		name, fields string
		want         []string
	}{
		{"documented", `"client_auth_type": "FEDERATED", "ssl_options": {"protocol": "TCP", "port": 1194, "encryption_algorithm": "AES-256-GCM", "is_compressed": false}, "server_certificate": {"id": "x", "source": "SERVICE_SIGN"}, "dns_servers": ["100.125.1.250", "8.8.8.8"]`, nil},
		{"port 443", `"ssl_options": {"port": 443}`, nil},
		{"port 444", `"ssl_options": {"port": 444}`, []string{`VPN.0001 vpn_server.ssl_options.port:1 ssl_options.port is 444; the documented ports are 443 and 1194 ["unsupported ssl_options.port"]`}},
		{"port 1193", `"ssl_options": {"port": 1193}`, []string{"ssl_options.port is 1193"}},
		{"port string", `"ssl_options": {"port": "443"}`, []string{`VPN.0001 vpn_server.ssl_options.port:1 vpn_server.ssl_options.port must be an integer; it is the string "443"`}},
		{"port float", `"ssl_options": {"port": 443.0}`, []string{"must be an integer; it is the number 443.0"}},
		{"port null", `"ssl_options": {"port": null}`, nil},
		{"ssl_options null", `"ssl_options": null`, []string{`VPN.0001 vpn_server.ssl_options:1 tunnel_protocol SSL needs ssl_options`}},
		{"case", `"client_auth_type": "cert"`, []string{`VPN.0001 vpn_server.client_auth_type:1 client_auth_type is "cert"; the values are case-sensitive: write CERT ["unsupported client_auth_type"]`}},
		{"blank", `"client_auth_type": " CERT"`, []string{`client_auth_type is " CERT"; the values are case-sensitive: write CERT`}},
		{"unknown", `"client_auth_type": "PSK"`, []string{`client_auth_type is "PSK"; the documented values are CERT, LOCAL_PASSWORD, IAM, FEDERATED`}},
		{"cipher", `"ssl_options": {"encryption_algorithm": "aes-128-gcm", "protocol": "UDP"}`, []string{
			`VPN.0001 vpn_server.ssl_options.protocol:1 ssl_options.protocol is "UDP"; the documented values are TCP`,
			`VPN.0001 vpn_server.ssl_options.encryption_algorithm:1 ssl_options.encryption_algorithm is "aes-128-gcm"; the values are case-sensitive: write AES-128-GCM`}},
		{"source", `"server_certificate": {"id": "x", "source": "OTHER"}`, []string{`VPN.0001 vpn_server.server_certificate.source:1 server_certificate.source is "OTHER"; the documented values are CCM, SERVICE_SIGN`}},
		{"bool", `"ssl_options": {"is_compressed": "no"}`, []string{`must be a boolean; it is the string "no"`}},
	} {
		expect(t, tt.name, createPlus(tt.fields), Options{}, tt.want...)
	}
	// yaml.v3 reads 0x1BB as 443, as the YAML 1.2 core schema does.
	expect(t, "YAML hex port 443", "vpn_server:\n  ssl_options:\n    port: 0x1BB\n", Options{})
	expect(t, "YAML hex port 444", "vpn_server:\n  ssl_options:\n    port: 0x1BC\n", Options{},
		"VPN.0001 vpn_server.ssl_options.port:3 ssl_options.port is 0x1BC, which the YAML parser reads as 444; the documented ports are 443 and 1194")
}

func TestDNSServers(t *testing.T) {
	for _, tt := range []struct {
		list string
		want []string
	}{
		{`["1.1.1.1"]`, nil},
		{`["1.1.1.1", "8.8.8.8"]`, nil},
		{`["1.1.1.1", "8.8.8.8", "9.9.9.9"]`, []string{`VPN.0001 vpn_server.dns_servers[2]:1 3 DNS servers; at most 2 are accepted ["too many dns_servers"]`}},
		{`["x"]`, []string{`VPN.0001 vpn_server.dns_servers[0]:1 "x" is not an IPv4 address such as 100.125.1.250 ["invalid dns_servers address"]`}},
		{`["::1"]`, []string{`"::1" is not an IPv4 address; the VPN server takes IPv4 DNS servers`}},
		{`["0.0.0.0"]`, []string{"0.0.0.0 cannot be a DNS server (unspecified, multicast or broadcast address)"}},
		{`["224.0.0.1"]`, []string{"224.0.0.1 cannot be a DNS server"}},
		{`["255.255.255.255"]`, []string{"255.255.255.255 cannot be a DNS server"}},
		{`["255.255.255.254"]`, nil},
		{`[5, "x"]`, []string{"VPN.0001 vpn_server.dns_servers[0]:1 vpn_server.dns_servers[0] must be a string", `VPN.0001 vpn_server.dns_servers[1]:1 "x" is not`}},
		{`[]`, nil},
		{`null`, nil},
	} {
		expect(t, tt.list, vs(`"dns_servers": `+tt.list), Options{}, tt.want...)
	}
}

func TestStructure(t *testing.T) {
	for _, tt := range []struct {
		name, data string
		o          Options
		want       []string
	}{
		{"array", `[1]`, Options{}, []string{`VPN.0001 :1 the body must be an object with a vpn_server field; it is an array ["the body is not an object"]`}},
		{"string", "just text", Options{}, []string{`VPN.0001 :1 the body must be an object with a vpn_server field; it is the string "just text"`}},
		{"no vpn_server", `{"vpn": {}}`, Options{}, []string{"VCL.1201 vpn:1 the documented fields here are vpn_server", `VPN.0001 vpn_server:1 the body has no vpn_server field ["vpn_server is required"]`}},
		{"null vpn_server", `{"vpn_server": null}`, Options{}, []string{`VPN.0001 vpn_server:1 vpn_server is null; it must be an object`}},
		// tunnel_protocol and client_auth_type default to SSL and LOCAL_PASSWORD.
		{"create mode", `{"vpn_server": {}}`, Options{Mode: ModeCreate}, []string{
			`VPN.0001 vpn_server.client_cidr:1 a Create VPN Server body must have client_cidr ["client_cidr is required"]`,
			`VPN.0001 vpn_server.ssl_options:1 tunnel_protocol SSL (the default) needs ssl_options`,
			`VPN.1100 vpn_server.server_certificate:1 tunnel_protocol SSL (the default) needs server_certificate`,
			"VPN.1118 vpn_server.local_subnets:1"}},
		{"update mode", create(map[string]string{"client_cidr": "-", "local_subnets": "-", "tunnel_protocol": "-"}), Options{Mode: ModeUpdate}, nil},
		{"update mode, tunnel_protocol", create(map[string]string{"client_cidr": "-", "local_subnets": "-"}), Options{Mode: ModeUpdate}, []string{
			`VCL.1220 vpn_server.tunnel_protocol:1 tunnel_protocol is not a field of UpdateServerRequest`}},
		{"auto: update", `{"vpn_server": {}}`, Options{Mode: ModeAuto}, nil},
		{"auto: create", vs(`"tunnel_protocol": null`), Options{}, []string{
			"VPN.0001 vpn_server.client_cidr:1 a Create VPN Server body must have client_cidr",
			"VPN.0001 vpn_server.ssl_options:1 tunnel_protocol SSL (the default) needs", "VPN.1100 vpn_server.server_certificate:1", "VPN.1118"}},
		{"duplicate key", `{"vpn_server": {"client_cidr": "1.2.3.0/24", "client_cidr": "172.16.0.0/16", "client_cidr": "172.17.0.0/16"}}`, Options{}, []string{
			`VCL.1202 vpn_server.client_cidr:1 the key is repeated; the last value is the one checked ["vpn_server.client_cidr"]`,
			`VCL.1202 vpn_server.client_cidr:1`}},
		{"unknown, near", vs(`"local_subnet": []`), Options{}, []string{`VCL.1201 vpn_server.local_subnet:1 did you mean local_subnets? the documented fields here are client_auth_type, client_ca_certificates, client_cidr, dns_servers, idp_name, local_subnets, server_certificate, ssl_options, tunnel_protocol ["vpn_server.local_subnet"]`}},
		{"unknown, upper case", vs(`"DNS_SERVERS": []`), Options{}, []string{`did you mean dns_servers?`}},
		{"unknown, 3 edits", `{"vpn_server": {"ssl_options": {"prt": 1, "potr": 1, "pXXX": 1, "pXXXX": 1}}}`, Options{}, []string{
			"VCL.1201 vpn_server.ssl_options.prt:1 did you mean port?",
			"VCL.1201 vpn_server.ssl_options.potr:1 did you mean port?",
			"VCL.1201 vpn_server.ssl_options.pXXX:1 did you mean port?",
			"VCL.1201 vpn_server.ssl_options.pXXXX:1 the documented fields here are encryption_algorithm, is_compressed, port, protocol"}},
		{"unknown, tie", `{"vpn_server": {"server_certificate": {"id": "x", "sd": 1}}}`, Options{}, []string{"VCL.1201 vpn_server.server_certificate.sd:1 did you mean id?"}},
		{"wrong types", vs(`"client_cidr": true`, `"tunnel_protocol": {}`, `"client_auth_type": 1.5`, `"local_subnets": [[]]`), Options{}, []string{
			`VPN.0001 vpn_server.client_cidr:1 vpn_server.client_cidr must be a string; it is the boolean true ["wrong type of client_cidr"]`,
			"VPN.0001 vpn_server.tunnel_protocol:1 vpn_server.tunnel_protocol must be a string; it is an object",
			"VPN.0001 vpn_server.client_auth_type:1 vpn_server.client_auth_type must be a string; it is the number 1.5",
			"VPN.0001 vpn_server.local_subnets[0]:1 vpn_server.local_subnets[0] must be a string; it is an array"}},
		{"YAML timestamp", "vpn_server:\n  client_cidr: 2001-01-01\n", Options{}, []string{`VPN.0001 vpn_server.client_cidr:2 vpn_server.client_cidr must be a string; it is timestamp "2001-01-01"`}},
		{"YAML int", "vpn_server:\n  client_cidr: 12\n", Options{}, []string{`it is the integer 12`}},
	} {
		expect(t, tt.name, tt.data, tt.o, tt.want...)
	}
}

func TestMalformed(t *testing.T) {
	for _, tt := range []struct {
		name, data, want string
	}{
		{"JSON", "{\"vpn_server\": {\n  \"a\": 1,,\n}}", `VPN.0001 :2 malformed JSON at line 2, column 10: invalid character ',' looking for beginning of object key string ["malformed JSON"]`},
		{"JSON at the start of a line", "{\"vpn_server\": {\n\"a\": 1\n]}", `VPN.0001 :3 malformed JSON at line 3, column 1: invalid character ']' after object key:value pair`},
		{"JSON, unclosed", "{\"vpn_server\": {\n", `VPN.0001 :2 malformed JSON at line 2, column 1: unexpected end of input (an object or array is not closed)`},
		{"JSON, trailing data", "{\"vpn_server\": {}}\n  1", `VPN.0001 :2 malformed JSON at line 2, column 3: unexpected data after the top-level value`},
		{"JSON, second value", "{}{}", `VPN.0001 :1 malformed JSON at line 1, column 3: unexpected data after the top-level value`},
		{"JSON, trailing garbage", "{} ]", `VPN.0001 :1 malformed JSON at line 1, column 4: invalid character ']'`},
		{"YAML", "vpn_server:\n  a: [\n", `VPN.0001 :2 malformed YAML at line 2: did not find expected node content ["malformed YAML"]`},
		{"YAML, empty", "", `VPN.0001 :0 malformed YAML: the document is empty`},
		{"YAML, comment only", "# nothing\n", `VPN.0001 :0 malformed YAML: the document is empty`},
		{"BOM, JSON", "\xef\xbb\xbf {\"vpn_server\": [}", `VPN.0001 :1 malformed JSON at line 1, column`},
	} {
		expect(t, tt.name, tt.data, Options{}, tt.want)
	}
	e := &syntaxError{lang: "X", msg: "m"}
	if e.Error() != "malformed X: m" {
		t.Error(e.Error())
	}
	e.line = 1
	if e.Error() != "malformed X at line 1: m" {
		t.Error(e.Error())
	}
	e.col = 1
	if e.Error() != "malformed X at line 1, column 1: m" {
		t.Error(e.Error())
	}
}

// JSON nesting: a value at depth 64 is read, one at 65 is an error.
func TestNestingDepth(t *testing.T) {
	nest := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	// The innermost of n arrays is at depth n-1.
	if _, err := parse([]byte(nest(65))); err != nil {
		t.Errorf("depth 64: %v", err)
	}
	_, err := parse([]byte(nest(66)))
	if err == nil || err.Error() != "the JSON is nested more than 64 levels deep at line 1, column 66; a server body is at most 5 levels deep (vpn_server.client_ca_certificates[0].content), so this is not one as written" {
		t.Errorf("depth 65: %v", err)
	}
	if _, err := parse([]byte(`{"a":` + nest(64) + `}`)); err != nil {
		t.Errorf("depth 64 in an object: %v", err)
	}
	if _, err := parse([]byte(`{"a":` + nest(65) + `}`)); err == nil {
		t.Error("depth 65 in an object: no error")
	}
}

// JSON values become the nodes yaml.v3 would make.
func TestParseJSONNodes(t *testing.T) {
	n, err := parse([]byte("{\"a\": 1, \"b\": 1.5, \"c\": -2e3, \"d\": true, \"e\": null, \"f\": [\"x\"],\n \"g\": false}"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		got = append(got, fmt.Sprintf("%s=%s:%s@%d:%d", k.Value, v.Tag, v.Value, v.Line, v.Column))
	}
	want := "a=!!int:1@1:7 b=!!float:1.5@1:15 c=!!float:-2e3@1:25 d=!!bool:true@1:36 e=!!null:null@1:47 f=!!seq:@1:58 g=!!bool:false@2:7"
	if strings.Join(got, " ") != want {
		t.Errorf("nodes\n got  %s\n want %s", strings.Join(got, " "), want)
	}
	if n.Content[0].Line != 1 || n.Content[0].Column != 2 || n.Content[12].Line != 2 || n.Content[12].Column != 2 {
		t.Errorf("key positions %+v %+v", n.Content[0], n.Content[12])
	}
}

func TestPos(t *testing.T) {
	r := &jsonReader{data: []byte("ab\ncd\n"), lineStarts: []int{0, 3, 6}}
	for off, want := range map[int][2]int{-1: {1, 1}, 0: {1, 1}, 2: {1, 3}, 3: {2, 1}, 5: {2, 3}, 6: {3, 1}} {
		if l, c := r.pos(off); l != want[0] || c != want[1] {
			t.Errorf("pos(%d) = %d:%d, want %v", off, l, c, want)
		}
	}
	r = &jsonReader{data: []byte(" \t\r\n,:x")}
	if got := r.tokenStart(0); got != 6 {
		t.Errorf("tokenStart = %d", got)
	}
	if got := r.tokenStart(7); got != 7 {
		t.Errorf("tokenStart at the end = %d", got)
	}
}

// YAML merge keys really merge: the merged fields are checked, the mapping's own fields win,
// a list of merges takes the first mapping's value, and a merge of a non-mapping is left.
func TestYAMLMergesMerge(t *testing.T) {
	expect(t, "merged fields are checked", `base: &b
  client_cidr: 172.16.0.1/16
  local_subnets: [10.0.0.0/24]
vpn_server:
  <<: *b
  client_auth_type: LOCAL_PASSWORD
  tunnel_protocol: SSL
  ssl_options: {}
  server_certificate: {id: x}
`, Options{}, "VCL.1201 base:1", `VPN.1103 vpn_server.client_cidr:2 client_cidr "172.16.0.1/16"`)
	expect(t, "own fields win", `base: &b
  client_cidr: 172.16.0.1/16
vpn_server:
  client_cidr: 172.16.0.0/16
  <<: *b
`, Options{}, "VCL.1201 base:1")
	expect(t, "list of merges: the first wins", `a: &a {client_cidr: 172.16.0.0/16, dns_servers: [x]}
b: &b {client_cidr: 172.16.0.1/16, client_auth_type: PSK}
vpn_server:
  <<: [*a, *b]
`, Options{}, "VCL.1201 a:1", "VCL.1201 b:2",
		`VPN.0001 vpn_server.client_auth_type:2 client_auth_type is "PSK"`,
		`VPN.0001 vpn_server.dns_servers[0]:1 "x" is not an IPv4 address`)
	expect(t, "merge of a scalar", "s: &s x\nvpn_server:\n  <<: *s\n", Options{}, "VCL.1201 s:1", "VCL.1201 vpn_server.<<:3")
	expect(t, "merge of a list with a scalar", "s: &s x\nm: &m {client_cidr: 1.2.3.0/24}\nvpn_server:\n  <<: [*m, *s]\n", Options{},
		"VCL.1201 s:1", "VCL.1201 m:2", "VCL.1201 vpn_server.<<:4")
	// A merge inside a merged mapping.
	expect(t, "nested", "a: &a {client_cidr: 172.16.0.1/16}\nb: &b {<<: *a}\nvpn_server: {<<: *b}\n", Options{},
		"VCL.1201 a:1", "VCL.1201 b:2", `VPN.1103 vpn_server.client_cidr:1 client_cidr "172.16.0.1/16"`)
}

// Merges are expanded up to the nesting limit.
func TestYAMLMergeDepth(t *testing.T) {
	doc := func(depth int) string {
		// the mapping with the merge key is at depth `depth`
		return "a: &a {x: 1}\nb: " + strings.Repeat("{k: ", depth-1) + "{<<: *a}" + strings.Repeat("}", depth-1) + "\n"
	}
	innermost := func(n *yaml.Node) *yaml.Node {
		_, v := lookup(n, "b")
		for {
			_, k := lookup(v, "k")
			if k == nil {
				return v
			}
			v = k
		}
	}
	for depth, merged := range map[int]bool{1: true, 64: true, 65: false} {
		n, err := parse([]byte(doc(depth)))
		if err != nil {
			t.Fatal(err)
		}
		m := innermost(n)
		if got := len(m.Content) == 2 && m.Content[0].Value == "x"; got != merged {
			t.Errorf("merge at depth %d: expanded %v, want %v (%d nodes)", depth, got, merged, len(m.Content))
		}
	}
}

func TestResolveAndLookup(t *testing.T) {
	n, err := parse([]byte("a: &a 1\nb: *a\nc: 2\nc: 3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, v := lookup(n, "b"); v == nil || v.Value != "1" {
		t.Errorf("alias: %+v", v)
	}
	if k, v := lookup(n, "c"); v == nil || v.Value != "3" || k.Line != 4 {
		t.Errorf("repeated key: %+v", v)
	}
	if k, v := lookup(n, "z"); k != nil || v != nil {
		t.Error("absent key")
	}
	if k, v := lookup(n.Content[1], "a"); k != nil || v != nil {
		t.Error("lookup in a scalar")
	}
	// A chain of 16 aliases is followed, a longer one is cut.
	chain := func(n int) *yaml.Node {
		end := &yaml.Node{Kind: yaml.ScalarNode, Value: "end"}
		for range n {
			end = &yaml.Node{Kind: yaml.AliasNode, Alias: end}
		}
		return end
	}
	if r := resolve(chain(16)); r.Kind != yaml.ScalarNode {
		t.Error("16 aliases not resolved")
	}
	if r := resolve(chain(17)); r.Kind != yaml.AliasNode {
		t.Error("17 aliases resolved")
	}
}

func TestFileNames(t *testing.T) {
	for name, want := range map[string]bool{"a.json": true, "a.YAML": true, "b.yml": true, "c.txt": false, "json": false} {
		if HasExtension(name) != want {
			t.Errorf("HasExtension(%q) = %v", name, !want)
		}
	}
	for data, want := range map[string]bool{"": false, " \n{": true, //nolint:gocritic // mapKey: the leading white space is the case under test
		"\xef\xbb\xbf[": true, "a": false, "\xef\xbb\xbf": false} {
		if looksJSON([]byte(data)) != want {
			t.Errorf("looksJSON(%q) = %v", data, !want)
		}
	}
	if langOf([]byte("{")) != "JSON" || langOf([]byte("a:")) != "YAML" {
		t.Error("langOf")
	}
	if !IsBody([]byte("vpn_server: ["), "b.yml") || IsBody([]byte("vpn_server: ["), "b.txt") {
		t.Error("IsBody of malformed YAML")
	}
}

func TestCatalogue(t *testing.T) {
	var names []string
	for _, c := range checks {
		names = append(names, c.Name)
	}
	if strings.Join(names, ",") != "structure,settings,server-certificate,client-ca-certificates,client-cidr,local-subnets" {
		t.Errorf("checks %v", names)
	}
	lint.MustDeclare(checks)
	lint.MustDeclare(kindChecks)
	for _, c := range kindChecks {
		if !c.Applies(&kindBody{kind: c.Name}, nil) || c.Applies(&kindBody{kind: "other"}, nil) {
			t.Errorf("kind check %s applies to other kinds", c.Name)
		}
	}
	codes := strings.Join(Codes(), ",")
	for _, c := range []string{"VPN.0001", "VCL.1201", "VCL.1202", "VPN.1100", "VPN.1101", "VPN.1111", "VCL.1203", "VPN.0074", "VPN.0077", "VPN.1103", "VPN.1104", "VCL.1204", "VPN.1107", "VPN.1108", "VPN.1109", "VPN.1119", "VPN.1105", "VPN.1106", "VCL.1205", "VPN.1118", "VCL.1220", "VCL.1221", "VCL.1222", "VCL.1223"} {
		if !strings.Contains(codes, c) {
			t.Errorf("Codes() lacks %s", c)
		}
	}
}

// A body without a readable vpn_server stops after the structure check; Run's defaults.
func TestRunDefaults(t *testing.T) {
	r := Run([]byte(`{"vpn_server": "x", "client_cidr": "1"}`), "b", "b", Options{})
	if got := codes(r); got != "VPN.0001,VCL.1201" {
		t.Errorf("codes %q", got)
	}
	// Without Now, the certificate checks run at the current time: the expired CA is expired.
	pemText, err := os.ReadFile("../../testdata/ca/expired.pem")
	if err != nil {
		t.Fatal(err)
	}
	body := create(map[string]string{"client_auth_type": `"CERT"`,
		"client_ca_certificates": `[{"content": "` + strings.ReplaceAll(strings.TrimSpace(string(pemText)), "\n", `\n`) + `"}]`})
	if got := codes(Run([]byte(body), "b", "b", Options{})); got != "VPN.0072" {
		t.Errorf("expired CA without Now: %q", got)
	}
}

// The gateway's connection limits as the cloud documents them (--max-connections).
func TestConnectionLimits(t *testing.T) {
	if MinConnections != 1 || MaxConnections != 500 {
		t.Errorf("connections %d–%d, want 1–500", MinConnections, MaxConnections)
	}
	// One connection needs more than 4 addresses: a /30 is too small.
	expect(t, "/30 for 1", create(map[string]string{"client_cidr": `"172.16.0.0/30"`}), Options{MaxConnections: 1},
		"VPN.1107", "VPN.1108 vpn_server.client_cidr:1 client_cidr 172.16.0.0/30 holds 4 addresses; 1 connections (--max-connections) need more than 4")
}

// A local subnet /1 is not the whole address space: it can overlap the client CIDR block.
func TestLocalSubnetSlashOne(t *testing.T) {
	expect(t, "/1", create(map[string]string{"local_subnets": `["128.0.0.0/1"]`}), Options{},
		"VPN.1119 vpn_server.local_subnets[0]:1 local_subnets[0] 128.0.0.0/1 overlaps client_cidr 172.16.0.0/16",
		"VPN.1104 vpn_server.local_subnets[0]:1 local_subnets[0] 128.0.0.0/1 overlaps 224.0.0.0/4")
}

func TestCodesIncludeCertificateChecks(t *testing.T) {
	codes := strings.Join(Codes(), ",")
	for _, c := range []string{"VPN.0070", "VPN.0071", "VPN.0072", "VCL.0741"} {
		if !strings.Contains(codes, c) {
			t.Errorf("Codes() lacks %s", c)
		}
	}
}

// yaml.v3 leaves the line out of errors on the first line: the body's line is then 0.
func TestYAMLErrorOnLineOne(t *testing.T) {
	expect(t, "line 1", "a: b: c\n", Options{}, `VPN.0001 :0 malformed YAML: mapping values are not allowed in this context`)
}

// lookup reads mappings only: a sequence holding the key's text is not a mapping.
func TestLookupInSequence(t *testing.T) {
	n, err := parse([]byte(`["vpn_server", {}]`))
	if err != nil {
		t.Fatal(err)
	}
	if k, v := lookup(n, "vpn_server"); k != nil || v != nil {
		t.Errorf("lookup in a sequence: %v %v", k, v)
	}
	if k, v := lookup(nil, "vpn_server"); k != nil || v != nil {
		t.Error("lookup in nil")
	}
	if IsBody([]byte(`["vpn_server", {}]`), "b.json") {
		t.Error("a list is a body")
	}
}

// TestValidConnections: the gateway's connection range, at both ends.
func TestValidConnections(t *testing.T) {
	for n, want := range map[int]bool{0: false, 1: true, 2: true, 499: true, 500: true, 501: false, -1: false} {
		if ValidConnections(n) != want {
			t.Errorf("ValidConnections(%d) = %v", n, !want)
		}
	}
}

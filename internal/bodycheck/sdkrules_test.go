package bodycheck

import (
	"fmt"
	"math/rand"
	"net/netip"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

var testNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func run(t *testing.T, name, data string, mode string) Result {
	t.Helper()
	return Run([]byte(data), name, name, Options{Mode: mode, Now: testNow})
}

// codeSet is the sorted, de-duplicated codes of r.
func codeSet(r Result) string {
	seen := map[string]bool{}
	var out []string
	for _, f := range r.Findings {
		if !seen[f.Code] {
			seen[f.Code] = true
			out = append(out, f.Code)
		}
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}

func rootPEM(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../testdata/pki/root.pem")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func jsonString(s string) string { return fmt.Sprintf("%q", s) }

// Item 1: tunnel_protocol and client_auth_type are optional in a Create body; auto mode
// decides Create by the fields only Create has, or client_cidr with local_subnets.
func TestCreateDefaultsAndDetection(t *testing.T) {
	tests := []struct {
		name, body, mode, want string
	}{
		{"SDK default body", `{"vpn_server": {"client_cidr": "172.16.0.0/16", "local_subnets": ["10.10.1.0/24"], "server_certificate": {"id": "x"}, "ssl_options": {}}}`, ModeAuto, ""},
		{"create without tunnel and auth", `{"vpn_server": {"client_cidr": "172.16.0.0/16", "local_subnets": ["10.10.1.0/24"], "server_certificate": {"id": "x"}, "ssl_options": {}}}`, ModeCreate, ""},
		{"default SSL without server_certificate", `{"vpn_server": {"client_cidr": "172.16.0.0/16", "local_subnets": ["10.10.1.0/24"], "ssl_options": {}}}`, ModeAuto, "VCL.1223"},
		{"the same as a Create", `{"vpn_server": {"client_cidr": "172.16.0.0/16", "local_subnets": ["10.10.1.0/24"], "ssl_options": {}}}`, ModeCreate, "VPN.1100"},
		{"the same as an Update", `{"vpn_server": {"client_cidr": "172.16.0.0/16", "local_subnets": ["10.10.1.0/24"], "ssl_options": {}}}`, ModeUpdate, ""},
		{"client_cidr alone is an Update", `{"vpn_server": {"client_cidr": "172.16.0.0/16"}}`, ModeAuto, ""},
		{"local_subnets alone is an Update", `{"vpn_server": {"local_subnets": ["10.10.1.0/24"]}}`, ModeAuto, ""},
		{"tunnel_protocol makes a Create", `{"vpn_server": {"tunnel_protocol": "SSL", "client_cidr": "172.16.0.0/16"}}`, ModeAuto, "VPN.0001,VPN.1100,VPN.1118"},
		{"is_compressed makes a Create", `{"vpn_server": {"client_cidr": "172.16.0.0/16", "ssl_options": {"is_compressed": false}}}`, ModeAuto, "VPN.1100,VPN.1118"},
		{"source makes a Create", `{"vpn_server": {"client_cidr": "172.16.0.0/16", "local_subnets": ["10.10.1.0/24"], "server_certificate": {"source": "SERVICE_SIGN"}}}`, ModeAuto, "VPN.0001"},
		{"client CAs make a Create", `{"vpn_server": {"client_auth_type": "CERT", "client_ca_certificates": []}}`, ModeAuto, "VPN.0001,VPN.1100,VPN.1101,VPN.1118"},
		{"auth defaults to LOCAL_PASSWORD: no CA needed", `{"vpn_server": {"client_cidr": "172.16.0.0/16", "local_subnets": ["10.10.1.0/24"], "server_certificate": {"id": "x"}, "ssl_options": {}}}`, ModeCreate, ""},
		{"null tunnel_protocol takes the default", `{"vpn_server": {"tunnel_protocol": null, "client_cidr": "172.16.0.0/16", "local_subnets": ["10.10.1.0/24"], "ssl_options": {}}}`, ModeAuto, "VPN.1100"},
		{"Terraform-style Update body with CERT", `{"vpn_server": {"client_cidr": "172.16.0.0/16", "local_subnets": ["10.10.1.0/24"], "client_auth_type": "CERT", "server_certificate": {"id": "x"}, "ssl_options": {"protocol": "TCP", "port": 443, "encryption_algorithm": "AES-128-GCM"}}}`, ModeAuto, "VCL.1223"},
		{"unknown tunnel: no SSL requirements", `{"vpn_server": {"tunnel_protocol": "IPSEC", "client_cidr": "172.16.0.0/16", "local_subnets": ["10.10.1.0/24"]}}`, ModeAuto, "VPN.0001"},
	}
	for _, tt := range tests {
		r := run(t, "b.json", tt.body, tt.mode)
		if got := codeSet(r); got != tt.want {
			t.Errorf("%s: codes %q, want %q: %+v", tt.name, got, tt.want, r.Findings)
		}
	}
	// A Create-only requirement on a body that could also be an Update body is the warning
	// VCL.1223 naming the cloud's code, message and why; a certain Create body gets the code.
	r := run(t, "b.json", tests[2].body, ModeAuto)
	if f := r.Findings[0]; f.Args[0] != "VPN.1100" || !strings.Contains(f.Detail, `as a Create body: VPN.1100 "The server certificate cannot be empty."`) ||
		!strings.Contains(f.Detail, "it has client_cidr and local_subnets") {
		t.Errorf("ambiguous body: %+v", f)
	}
	r = run(t, "b.json", `{"vpn_server": {"tunnel_protocol": "SSL", "client_cidr": "172.16.0.0/16", "local_subnets": ["10.10.1.0/24"], "ssl_options": {}}}`, ModeAuto)
	if codeSet(r) != "VPN.1100" || strings.Contains(r.Findings[0].Detail, "could be either") {
		t.Errorf("tunnel_protocol body: %+v", r.Findings)
	}
}

// Item 2: idp_name is documented.
func TestIdpName(t *testing.T) {
	for body, want := range map[string]string{
		`{"vpn_server": {"client_cidr": "172.16.0.0/16", "idp_name": "corp-idp"}}`: "",
		`{"vpn_server": {"client_cidr": "172.16.0.0/16", "idp_nam": "corp-idp"}}`:  "VCL.1201",
		`{"vpn_server": {"client_cidr": "172.16.0.0/16", "idp_name": 5}}`:          "VPN.0001",
	} {
		if got := codeSet(run(t, "b.json", body, ModeAuto)); got != want {
			t.Errorf("%s: %q, want %q", body, got, want)
		}
	}
}

// Item 3: SERVICE_SIGN needs no id; CCM (or no source) does.
func TestServiceSign(t *testing.T) {
	base := `{"vpn_server": {"client_cidr": "172.16.0.0/16", "local_subnets": ["10.10.1.0/24"], "ssl_options": {}, "server_certificate": %s}}`
	for sc, want := range map[string]string{
		`{"source": "SERVICE_SIGN"}`:           "",
		`{"source": "SERVICE_SIGN", "id": ""}`: "",
		`{"source": "CCM"}`:                    "VPN.1100",
		`{}`:                                   "VPN.1100",
		`{"id": "  "}`:                         "VPN.1100",
		`{"source": "CCM", "id": "scs1"}`:      "",
		`{"source": "service_sign"}`:           "VPN.0001",
	} {
		if got := codeSet(run(t, "b.json", fmt.Sprintf(base, sc), ModeCreate)); got != want {
			t.Errorf("server_certificate %s: %q, want %q", sc, got, want)
		}
	}
}

// Item 4: ssl_options is required for SSL in a Create body; not in an Update body.
func TestSSLOptionsRequired(t *testing.T) {
	base := `{"vpn_server": {"client_cidr": "172.16.0.0/16", "local_subnets": ["10.10.1.0/24"], "server_certificate": {"id": "x"}%s}}`
	for extra, want := range map[string]string{
		``:                                "VPN.0001",
		`, "ssl_options": null`:           "VPN.0001",
		`, "ssl_options": {}`:             "",
		`, "ssl_options": []`:             "VPN.0001", // a wrong type
		`, "ssl_options": {"port": 1194}`: "",
	} {
		if got := codeSet(run(t, "b.json", fmt.Sprintf(base, extra), ModeCreate)); got != want {
			t.Errorf("create%s: %q, want %q", extra, got, want)
		}
		if got := codeSet(run(t, "b.json", fmt.Sprintf(base, extra), ModeUpdate)); got != "" && extra != `, "ssl_options": []` {
			t.Errorf("update%s: %q, want nothing", extra, got)
		}
	}
	r := run(t, "b.json", fmt.Sprintf(base, ""), ModeCreate)
	if r.Findings[0].Field != "vpn_server.ssl_options" || !strings.Contains(r.Findings[0].Detail, "needs ssl_options") {
		t.Errorf("%+v", r.Findings[0])
	}
}

// Item 5: fields not in UpdateServerRequest are warned about in an Update body.
func TestNotUpdatable(t *testing.T) {
	tests := map[string]string{
		`"tunnel_protocol": "SSL"`:                             "vpn_server.tunnel_protocol",
		`"client_ca_certificates": []`:                         "vpn_server.client_ca_certificates",
		`"server_certificate": {"id": "x", "source": "CCM"}`:   "vpn_server.server_certificate.source",
		`"ssl_options": {"port": 443, "is_compressed": false}`: "vpn_server.ssl_options.is_compressed",
		`"ssl_options": {"port": 443}, "server_certificate": {"id": "x"}, "client_cidr": "172.16.0.0/16", "client_auth_type": "IAM", "dns_servers": [], "idp_name": "i", "local_subnets": ["10.0.0.0/24"]`: "",
	}
	for field, want := range tests {
		r := run(t, "b.json", `{"vpn_server": {`+field+`}}`, ModeUpdate)
		var got []string
		for _, f := range r.Findings {
			if f.Code == "VCL.1220" {
				got = append(got, f.Field)
			}
		}
		if strings.Join(got, ",") != want {
			t.Errorf("%s: VCL.1220 on %q, want %q (%+v)", field, got, want, r.Findings)
		}
		if want != "" && !strings.Contains(r.Findings[0].Detail, "not a field of UpdateServerRequest") {
			t.Errorf("detail %q", r.Findings[0].Detail)
		}
		// A Create body has them all: no warning.
		if c := run(t, "b.json", `{"vpn_server": {`+field+`}}`, ModeCreate); strings.Contains(codeSet(c), "VCL.1220") {
			t.Errorf("create %s: %s", field, codeSet(c))
		}
	}
	r := run(t, "b.json", `{"vpn_server": {"client_ca_certificates": []}}`, ModeUpdate)
	if !strings.Contains(r.Findings[0].Detail, "client-ca-certificates") {
		t.Errorf("client CA detail should name the import API: %q", r.Findings[0].Detail)
	}
}

// Item 6: client CAs with LOCAL_PASSWORD (given or by default).
func TestCAsWithPassword(t *testing.T) {
	ca := `[{"name": "root", "content": ` + jsonString(rootPEM(t)) + `}]`
	base := `{"vpn_server": {"client_cidr": "172.16.0.0/16", "local_subnets": ["10.10.1.0/24"], "server_certificate": {"id": "x"}, "ssl_options": {}%s}}`
	for extra, want := range map[string]string{
		`, "client_ca_certificates": ` + ca:                                       "VCL.1221",
		`, "client_auth_type": "LOCAL_PASSWORD", "client_ca_certificates": ` + ca: "VCL.1221",
		`, "client_auth_type": "CERT", "client_ca_certificates": ` + ca:           "",
		`, "client_auth_type": "IAM", "client_ca_certificates": ` + ca:            "",
		`, "client_auth_type": "LOCAL_PASSWORD", "client_ca_certificates": []`:    "",
		`, "client_auth_type": "LOCAL_PASSWORD"`:                                  "",
	} {
		if got := codeSet(run(t, "b.json", fmt.Sprintf(base, extra), ModeAuto)); got != want {
			t.Errorf("%.60s…: %q, want %q", extra, got, want)
		}
	}
	r := run(t, "b.json", fmt.Sprintf(base, `, "client_ca_certificates": `+ca), ModeAuto)
	if !strings.Contains(r.Findings[0].Detail, "omitted, so LOCAL_PASSWORD (the default)") {
		t.Errorf("detail %q", r.Findings[0].Detail)
	}
}

// Item 7: YAML values are judged as yaml.v3 reads them; version-dependent scalars warned.
func TestYAMLPortValues(t *testing.T) {
	base := "vpn_server:\n  client_cidr: 172.16.0.0/16\n  ssl_options:\n    port: %s\n"
	for port, want := range map[string]string{
		"443":    "",
		"1194":   "",
		"0443":   "VCL.1222,VPN.0001", // 291 to yaml.v3 (YAML 1.1 octal)
		"0x1bb":  "",                  // 443 in YAML 1.1 and 1.2
		"1_194":  "VCL.1222",          // 1194 to YAML 1.1 (yaml.v3), a string to YAML 1.2
		"0o673":  "VCL.1222",          // 443 to YAML 1.2 and yaml.v3, a string to YAML 1.1
		"'0443'": "VPN.0001",          // a string: wrong type, no version question
		"442":    "VPN.0001",
		"0b1":    "VCL.1222,VPN.0001",
		"443.0":  "VPN.0001",
		"+443":   "",
	} {
		r := run(t, "b.yaml", fmt.Sprintf(base, port), ModeAuto)
		if got := codeSet(r); got != want {
			t.Errorf("port %s: %q, want %q: %+v", port, got, want, r.Findings)
		}
	}
	r := run(t, "b.yaml", fmt.Sprintf(base, "0443"), ModeAuto)
	for _, f := range r.Findings {
		if f.Code == "VPN.0001" && !strings.Contains(f.Detail, "0443, which the YAML parser reads as 291") {
			t.Errorf("detail %q", f.Detail)
		}
	}
	// JSON has no such question: 443 is 443.
	if got := codeSet(run(t, "b.json", `{"vpn_server": {"client_cidr": "172.16.0.0/16", "ssl_options": {"port": 443}}}`, ModeAuto)); got != "" {
		t.Errorf("JSON port 443: %q", got)
	}
	// A boolean spelled yes is a string to yaml.v3 (VPN.0001, wrong type) and true to YAML 1.1.
	if got := codeSet(run(t, "b.yaml", "vpn_server:\n  ssl_options: {is_compressed: yes}\n", ModeUpdate)); got != "VCL.1220,VCL.1222,VPN.0001" {
		t.Errorf("is_compressed: yes: %q", got)
	}
}

func TestYAMLVersions(t *testing.T) {
	for s, differs := range map[string]bool{
		"0443": true, "0_443": true, "089": true, "1_194": true, "0o17": true, "0b101": true,
		"1:30": true, "yes": true, "No": true, "on": true, "OFF": true, "y": true,
		"443": false, "0": false, "00": false, "0x1bb": false, "true": false, "false": false,
		"10.10.1.0/24": false, "AES-128-GCM": false, "SSL": false, "null": false, "1.5": false,
		"-0443": true, "-1": false, "scs1717051012106": false, "Yes please": false,
	} {
		if got := yamlVersions(s) != ""; got != differs {
			t.Errorf("yamlVersions(%q) = %q, want differs=%v", s, yamlVersions(s), differs)
		}
	}
}

// Item 8: the sort-and-sweep comparison finds exactly the pairs the quadratic one did:
// every duplicate, and every block lying inside another.
func TestCompareSubnetsMatchesPairwise(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 200; round++ {
		n := 1 + rng.Intn(maxLocalSubnets)
		var list []string
		for i := 0; i < n; i++ {
			bits := 8 + rng.Intn(17)
			a := netip.AddrFrom4([4]byte{10, byte(rng.Intn(4)), byte(rng.Intn(4)), 0})
			list = append(list, netip.PrefixFrom(a, bits).Masked().String())
		}
		body := `{"vpn_server": {"local_subnets": ["` + strings.Join(list, `", "`) + `"]}}`
		r := run(t, "b.json", body, ModeUpdate)
		dups, overlapped := map[int]bool{}, map[int]bool{}
		for _, f := range r.Findings {
			var i int
			if _, err := fmt.Sscanf(f.Field, "vpn_server.local_subnets[%d]", &i); err != nil {
				t.Fatalf("finding %s at %q: not at a local subnet: %v", f.Code, f.Field, err)
			}
			switch f.Code {
			case "VPN.1106":
				dups[i] = true
			case "VCL.1205":
				overlapped[i] = true
			}
		}
		// Pairwise: i is a duplicate when an earlier entry equals it; an entry is in an
		// overlap finding when it nests with a non-equal entry (reported once per block, on
		// the later of a pair).
		for i := range list {
			p := netip.MustParsePrefix(list[i])
			wantDup := false
			for j := 0; j < i; j++ {
				wantDup = wantDup || list[j] == list[i]
			}
			if dups[i] != wantDup {
				t.Fatalf("%v: entry %d duplicate %v, want %v", list, i, dups[i], wantDup)
			}
			if wantDup {
				continue
			}
			nests := false
			for j := range list {
				q := netip.MustParsePrefix(list[j])
				if list[j] != list[i] && p.Overlaps(q) {
					nests = true
				}
			}
			if !nests && overlapped[i] {
				t.Fatalf("%v: entry %d reported as overlapping, nests with nothing", list, i)
			}
		}
		// Every block inside another is covered by at least one finding naming it.
		for i := range list {
			p := netip.MustParsePrefix(list[i])
			for j := range list {
				q := netip.MustParsePrefix(list[j])
				if dups[i] || dups[j] || list[i] == list[j] || !q.Contains(p.Addr()) || q.Bits() >= p.Bits() {
					continue
				}
				named := false
				for _, f := range r.Findings {
					named = named || (f.Code == "VCL.1205" && strings.Contains(f.Detail, fmt.Sprintf("local_subnets[%d] ", i)))
				}
				if !named {
					t.Fatalf("%v: %s inside %s but no finding names local_subnets[%d]", list, list[i], list[j], i)
				}
			}
		}
	}
}

func bigSubnetsBody(n int) []byte {
	var sb strings.Builder
	sb.WriteString(`{"vpn_server": {"client_cidr": "172.16.0.0/16", "local_subnets": [`)
	for i := 0; i < n; i++ {
		if i > 0 {
			sb.WriteString(", ")
		}
		// Distinct /30 blocks in reverse order, every tenth a duplicate, every hundredth a /22.
		k := n - i
		if i%10 == 9 {
			k++
		}
		bits := 30
		if i%100 == 0 {
			bits = 22
		}
		a := netip.AddrFrom4([4]byte{10, byte(k >> 14), byte(k >> 6), byte(k << 2)})
		fmt.Fprintf(&sb, "%q", netip.PrefixFrom(a, bits).Masked().String())
	}
	sb.WriteString(`]}}`)
	return []byte(sb.String())
}

// BenchmarkLocalSubnets20000 times a body with 20,000 local subnets (1,000 times the limit):
// it took 8–16 s when every pair was compared.
func BenchmarkLocalSubnets20000(b *testing.B) {
	data := bigSubnetsBody(20000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Run(data, "b.json", "b.json", Options{Mode: ModeUpdate, Now: testNow})
	}
}

// Item 9: bodies in wrappers are bodies, with VPN.0001 saying what shape is expected, and
// the vpn_server they hold is checked.
func TestWrappedBodies(t *testing.T) {
	inner := `{"client_cidr": "172.16.0.0/27", "local_subnets": ["10.10.1.0/24"], "server_certificate": {"id": "x"}, "ssl_options": {}}`
	tests := []struct {
		name, data, hint string
	}{
		{"jq -s", `[{"vpn_server": ` + inner + `}]`, "jq -s"},
		{"two in an array", `[{"vpn_server": ` + inner + `}, {"vpn_server": {}}]`, "array of 2"},
		{"API explorer", `{"body": {"vpn_server": ` + inner + `}, "path": {"project_id": "p"}}`, "jq .body"},
		{"camel case", `{"vpnServer": ` + inner + `}`, "snake case"},
		{"bare", inner, "without the wrapper"},
		{"bare YAML", "client_cidr: 172.16.0.0/27\nlocal_subnets: [10.10.1.0/24]\nserver_certificate: {id: x}\nssl_options: {}\n", "without the wrapper"},
	}
	for _, tt := range tests {
		name := "b.json"
		if strings.Contains(tt.name, "YAML") {
			name = "b.yaml"
		}
		r := run(t, name, tt.data, ModeAuto)
		if got := codeSet(r); got != "VPN.0001,VPN.1107" {
			t.Errorf("%s: %q, want the shape (VPN.0001) and the /27 (VPN.1107): %+v", tt.name, got, r.Findings)
			continue
		}
		if !strings.Contains(r.Findings[0].Detail, tt.hint) || r.Findings[0].Args[0] != `the body must be {"vpn_server": {…}}` {
			t.Errorf("%s: %+v", tt.name, r.Findings[0])
		}
		if bare := tt.name == "bare" || tt.name == "bare YAML"; IsBody([]byte(tt.data), name) == bare {
			t.Errorf("%s: IsBody = %v", tt.name, !bare)
		}
		if LooksLikeBody([]byte(tt.data)) == "" && (tt.name == "bare" || tt.name == "bare YAML") {
			t.Errorf("%s: LooksLikeBody found nothing", tt.name)
		}
	}
	// One server field is not enough to take a file for a body; two are.
	for data, want := range map[string]bool{
		`{"client_cidr": "172.16.0.0/16"}`:                                 false,
		`{"client_cidr": "172.16.0.0/16", "local_subnets": []}`:            true,
		`{"name": "x", "ssl_options": {}, "description": "local_subnets"}`: false,
		`{"body": {"client_cidr": "x"}}`:                                   false,
		`[{"client_cidr": "x", "local_subnets": []}]`:                      false,
	} {
		if got := LooksLikeBody([]byte(data)) != ""; got != want {
			t.Errorf("LooksLikeBody(%s) = %v, want %v", data, got, want)
		}
	}
	if IsBody([]byte(`{"body": {"other": 1}, "x": "vpn_server"}`), "b.json") {
		t.Error("a body wrapper without vpn_server is not a body")
	}
}

// Item 10: JSON nested deeper than the limit is "too deep", not "malformed".
func TestTooDeep(t *testing.T) {
	deep := func(n int) string {
		return `{"vpn_server": ` + strings.Repeat(`{"a": `, n) + `1` + strings.Repeat(`}`, n) + `}`
	}
	r := run(t, "b.json", deep(maxDepth+1), ModeAuto)
	if len(r.Findings) != 1 || r.Findings[0].Args[0] != "JSON nested too deep" || !strings.Contains(r.Findings[0].Detail, "nested more than 64 levels deep") {
		t.Errorf("too deep: %+v", r.Findings)
	}
	r = run(t, "b.json", deep(maxDepth-1), ModeAuto)
	for _, f := range r.Findings {
		if f.Code == "VPN.0001" && len(f.Args) > 0 && strings.Contains(f.Args[0], "deep") {
			t.Errorf("at the limit: %+v", f)
		}
	}
	r = run(t, "b.json", `{"vpn_server": {`, ModeAuto)
	if r.Findings[0].Args[0] != "malformed JSON" {
		t.Errorf("malformed: %+v", r.Findings)
	}
}

// Item 11: a client CA content escaped twice (literal \n) is said to be so.
func TestDoubleEscapedContent(t *testing.T) {
	pem := rootPEM(t)
	twice := strings.ReplaceAll(pem, "\n", `\n`)
	base := `{"vpn_server": {"client_auth_type": "CERT", "client_ca_certificates": [{"name": "ca", "content": %s}]}}`
	r := run(t, "b.json", fmt.Sprintf(base, jsonString(twice)), ModeUpdate)
	var f *struct{ code, detail string }
	for _, x := range r.Findings {
		if x.Code == "VPN.0074" {
			f = &struct{ code, detail string }{x.Code, x.Detail}
		}
	}
	if f == nil || !strings.Contains(f.detail, "escaped twice") || !strings.Contains(f.detail, "one valid CERTIFICATE block") {
		t.Fatalf("double-escaped: %+v", r.Findings)
	}
	// Escaped twice with CR LF too.
	r = run(t, "b.json", fmt.Sprintf(base, jsonString(strings.ReplaceAll(pem, "\n", `\r\n`))), ModeUpdate)
	if !strings.Contains(codeSet(r), "VPN.0074") || !strings.Contains(r.Findings[len(r.Findings)-1].Detail, "escaped twice") {
		t.Errorf("CR LF: %+v", r.Findings)
	}
	// The content as it should be: no finding about escaping.
	r = run(t, "b.json", fmt.Sprintf(base, jsonString(pem)), ModeUpdate)
	for _, x := range r.Findings {
		if strings.Contains(x.Detail, "escaped twice") {
			t.Errorf("correct content: %+v", x)
		}
	}
	// Real line breaks with a stray \n later on is not the double-escaping mistake.
	if _, ok := doubleEscaped(pem+`trailing \n`, "f", "n"); ok {
		t.Error("real line breaks before the first \\n")
	}
}

// Past the cloud's limit of 20 local subnets, entries are checked one by one (VPN.1103) but
// not compared (the 21st repeating the first is not VPN.1106); within it they are.
func TestSubnetsComparedWithinTheLimit(t *testing.T) {
	list := make([]string, 0, maxLocalSubnets+2)
	for i := 0; i < maxLocalSubnets; i++ {
		list = append(list, fmt.Sprintf("10.%d.0.0/16", i))
	}
	within := append(append([]string(nil), list[:maxLocalSubnets-1]...), "10.0.0.0/16")
	r := run(t, "b.json", `{"vpn_server": {"local_subnets": ["`+strings.Join(within, `", "`)+`"]}}`, ModeUpdate)
	if got := codeSet(r); got != "VPN.1106" {
		t.Errorf("20 entries, the 20th a duplicate: %q", got)
	}
	past := append(append([]string(nil), list...), "10.0.0.0/16", "10.0.0.1/16")
	r = run(t, "b.json", `{"vpn_server": {"local_subnets": ["`+strings.Join(past, `", "`)+`"]}}`, ModeUpdate)
	if got := codeSet(r); got != "VPN.1103,VPN.1105" {
		t.Errorf("22 entries: %q: %+v", got, r.Findings)
	}
}

// BenchmarkCompareSubnets20000 times the duplicate and overlap sweep alone over 20,000
// blocks (past the limit the body check compares only the first 20; the sweep itself is
// O(n log n) whatever n).
func BenchmarkCompareSubnets20000(b *testing.B) {
	body := &Body{File: "b.json", Name: "b.json", opts: &Options{Now: testNow}, bad: map[string]bool{}}
	root, err := parse(bigSubnetsBody(20000))
	if err != nil {
		b.Fatal(err)
	}
	body.Root = root
	_, body.VS = lookup(root, "vpn_server")
	var valid []localSubnet
	for _, l := range body.localSubnets() {
		if l.ok {
			valid = append(valid, l)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		body.findings = body.findings[:0]
		body.compareSubnets(valid)
	}
}

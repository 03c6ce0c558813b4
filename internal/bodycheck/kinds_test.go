package bodycheck

import (
	"net/netip"
	"sort"
	"strings"
	"testing"
	"time"
)

var kindNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// codesOf runs a body of its kind and returns its codes, sorted.
func codesOf(t *testing.T, body string, mode string) []string {
	t.Helper()
	kind := KindOf([]byte(body), "b.json")
	if kind == "" || kind == KindServer {
		t.Fatalf("KindOf(%s) = %q", body, kind)
	}
	res, _ := RunKind([]byte(body), kind, "b.json", "b.json", Options{Mode: mode, Now: kindNow})
	var out []string
	for _, f := range res.Findings {
		out = append(out, f.Code)
	}
	sort.Strings(out)
	return out
}

func TestKindOf(t *testing.T) {
	for body, want := range map[string]string{
		`{"vpn_server": {}, "user": {}}`:           KindServer,
		`{"client_ca_certificate": {}}`:            KindClientCA,
		`{"user": {}}`:                             KindUser,
		`{"users": []}`:                            KindUsers,
		`{"user_group": {}}`:                       KindUserGroup,
		`{"access_policy": {}}`:                    KindAccessPolicy,
		`{"new_password": "x"}`:                    KindPassword,
		`{"old_password": "x"}`:                    KindPassword,
		`{"note": "a user and users"}`:             "",
		`{"user": {`:                               KindUser, // malformed, .json
		"users:\n  - name: alice\n    password: x": KindUsers,
	} {
		if got := KindOf([]byte(body), "b.json"); got != want {
			t.Errorf("KindOf(%q) = %q, want %q", body, got, want)
		}
	}
	if got := KindOf([]byte(`user: {`), "notes.txt"); got != "" {
		t.Errorf("malformed text outside a body file: %q", got)
	}
}

func TestUserNameAndPasswordBoundaries(t *testing.T) {
	user := func(name, pw string) string {
		return `{"user": {"name": "` + name + `", "password": "` + pw + `"}}`
	}
	tests := []struct {
		name, pw string
		want     string
	}{
		{"abcd", "Abcdefg1", ""},
		{"abc", "Abcdefg1", "VPN.1317"},
		{strings.Repeat("u", 32), "Abcdefg1", ""},
		{strings.Repeat("u", 33), "Abcdefg1", "VPN.1317"},
		{"a.b_c-d", "Abcdefg1", ""},
		{"a b c", "Abcdefg1", "VPN.1317"},
		{"名字名字", "Abcdefg1", "VPN.1317"},
		{"alice", "Abcdef1", "VPN.1308"},
		{"alice", "Abcdefg1", ""},
		{"alice", "a1" + strings.Repeat("b", 30), ""},
		{"alice", "a1" + strings.Repeat("b", 31), "VPN.1308"},
		{"alice", "abcdefgh", "VPN.1308"},
		{"alice", "ABCDEFGH", "VPN.1308"},
		{"alice", "12345678", "VPN.1308"},
		{"alice", "!@#$%^&*", "VPN.1308"},
		{"alice", "abcdefg ", ""},
		{"alice", "abcdefg1", ""},
		{"alice", "Abcdefg1é", "VPN.1310"},
		{"alice", `Abcdefg1\t`, "VPN.1310"},
		{"alice", "`~!@#$%^&*()-_=+a", ""},
		{"alice", "\\\\|[{}];:'\\\",<.>/? a", ""},
		{"alice.w1", "alice.w1", "VPN.1309"},
		{"alice.w1", "1w.ecila", "VPN.1309"},
		{"alice.w1", "Alice.w1", ""},
	}
	for _, tt := range tests {
		got := strings.Join(codesOf(t, user(tt.name, tt.pw), ModeAuto), ",")
		if got != tt.want {
			t.Errorf("name %q password %q: codes %q, want %q", tt.name, tt.pw, got, tt.want)
		}
	}
}

func TestStaticIPProblem(t *testing.T) {
	p := netip.MustParsePrefix("192.168.0.0/24")
	for ip, want := range map[string]string{
		"192.168.0.5":     "",
		"192.168.0.9":     "",
		"192.168.0.253":   "",
		"192.168.0.1":     "gateway",
		"192.168.0.4":     "first host",
		"192.168.0.6":     "first host",
		"192.168.0.7":     "first host",
		"192.168.0.255":   "first host",
		"192.168.1.5":     "outside",
		"192.167.255.253": "outside",
	} {
		got := staticIPProblem(netip.MustParseAddr(ip), p)
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("staticIPProblem(%s) = %q, want %q", ip, got, want)
		}
	}
}

func TestPolicyAndGroupBoundaries(t *testing.T) {
	cidrs := func(n int) string {
		var s []string
		for i := 0; i < n; i++ {
			s = append(s, `"172.16.`+itoa(i)+`.0/24"`)
		}
		return `{"access_policy": {"dest_ip_cidrs": [` + strings.Join(s, ",") + `]}}`
	}
	group := func(name string) string { return `{"user_group": {"name": "` + name + `"}}` }
	tests := []struct{ body, mode, want string }{
		{cidrs(0), ModeAuto, "VPN.0001"},
		{cidrs(1), ModeAuto, ""},
		{cidrs(10), ModeAuto, ""},
		{cidrs(11), ModeAuto, "VPN.1402"},
		{`{"access_policy": {"dest_ip_cidrs": ["10.0.0.0/8", "10.0.0.0/8"]}}`, ModeAuto, "VPN.1404"},
		{`{"access_policy": {"dest_ip_cidrs": ["10.0.0.0/8", "10.0.0.0/16"]}}`, ModeAuto, ""},
		{`{"access_policy": {"dest_ip_cidrs": ["10.0.0.1/8"]}}`, ModeAuto, "VPN.1403"},
		{`{"access_policy": {"dest_ip_cidrs": ["126.0.0.0/8", "128.0.0.0/8", "223.0.0.0/8", "1.0.0.0/8"]}}`, ModeAuto, ""},
		{`{"access_policy": {"dest_ip_cidrs": ["127.0.0.0/8"]}}`, ModeAuto, "VPN.1405"},
		{`{"access_policy": {"dest_ip_cidrs": ["0.0.0.0/0"]}}`, ModeAuto, "VPN.1405"},
		{`{"access_policy": {"dest_ip_cidrs": ["240.0.0.0/4"]}}`, ModeAuto, "VPN.1405"},
		{`{"access_policy": {}}`, ModeAuto, ""},
		{`{"access_policy": {}}`, ModeCreate, "VPN.0001,VPN.0001,VPN.0001"},
		{group("g"), ModeAuto, ""},
		{group(strings.Repeat("g", 64)), ModeAuto, ""},
		{group(strings.Repeat("g", 65)), ModeAuto, "VPN.0001"},
		{group("销售部"), ModeAuto, ""},
		{group(""), ModeAuto, "VPN.0001"},
		{group("a.b"), ModeAuto, "VPN.0001"},
		{`{"user_group": {"description": "` + strings.Repeat("d", 64) + `"}}`, ModeAuto, ""},
		{`{"user_group": {"description": "` + strings.Repeat("d", 65) + `"}}`, ModeAuto, "VPN.0001"},
		{`{"client_ca_certificate": {"name": "` + strings.Repeat("c", 64) + `"}}`, ModeAuto, ""},
		{`{"client_ca_certificate": {"name": "` + strings.Repeat("c", 65) + `"}}`, ModeAuto, "VPN.0001"},
		{`{"client_ca_certificate": {"name": "ca"}}`, ModeCreate, "VPN.0001"},
		{`{"users": [{"id": "a"}, {"id": "b"}]}`, ModeAuto, ""},
		{`{"users": [{"id": "a"}, {"id": "a"}]}`, ModeAuto, "VPN.1315"},
		{`{"users": []}`, ModeAuto, "VPN.1318"},
		{`{"users": null}`, ModeAuto, "VPN.1318"},
		{`{"old_password": "Abcdefg1", "new_password": "Abcdefg2"}`, ModeAuto, ""},
		{`{"old_password": "Abcdefg1", "new_password": "Abcdefg1"}`, ModeAuto, "VPN.1311"},
		{`{"old_password": "Abcdefg1"}`, ModeAuto, "VPN.0001"},
		{`{"user": {"static_ip": "disable"}}`, ModeAuto, ""},
		{`{"user": {"static_ip": "192.168.0.05"}}`, ModeAuto, "VPN.0001"},
		{`{"user": {"static_ip": "fd00::1"}}`, ModeAuto, "VPN.0001"},
		{`{"user": {"name": "alice", "password": "Abcdefg1", "extra": 1}}`, ModeAuto, "VCL.1251"},
	}
	for _, tt := range tests {
		got := strings.Join(codesOf(t, tt.body, tt.mode), ",")
		if got != tt.want {
			t.Errorf("%s (%s): codes %q, want %q", tt.body, tt.mode, got, tt.want)
		}
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// CheckSet: counts at both sides of their limits.
func TestCheckSetLimits(t *testing.T) {
	count := func(entries []*SetEntry, code string) int {
		n := 0
		for _, f := range CheckSet(entries, 3) {
			if f.Code == code {
				n++
			}
		}
		return n
	}
	groups := func(n int) []*SetEntry {
		var es []*SetEntry
		for i := 0; i < n; i++ {
			es = append(es, &SetEntry{File: "g", groups: []nameRef{{file: "g" + itoa(i), name: "g" + itoa(i), create: true}}})
		}
		return es
	}
	policies := func(n int) []*SetEntry {
		var es []*SetEntry
		for i := 0; i < n; i++ {
			es = append(es, &SetEntry{File: "p", policies: []nameRef{{file: "p" + itoa(i)}}})
		}
		return es
	}
	users := func(n int) []*SetEntry {
		var es []*SetEntry
		for i := 0; i < n; i++ {
			es = append(es, &SetEntry{File: "u", users: []userRef{{file: "u" + itoa(i), name: "user" + itoa(i), create: true}}})
		}
		return es
	}
	for _, tt := range []struct {
		entries []*SetEntry
		code    string
		want    int
	}{
		{groups(50), "VPN.1306", 0}, {groups(51), "VPN.1306", 1},
		{policies(100), "VPN.1400", 0}, {policies(101), "VPN.1400", 1},
		{users(3), "VPN.1307", 0}, {users(4), "VPN.1307", 1},
	} {
		if got := count(tt.entries, tt.code); got != tt.want {
			t.Errorf("%d entries: %d × %s, want %d", len(tt.entries), got, tt.code, tt.want)
		}
	}
}

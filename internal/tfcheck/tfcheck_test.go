package tfcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/lint"
)

var now = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func TestIsPlan(t *testing.T) {
	for in, want := range map[string]bool{
		`{"format_version":"1.2","planned_values":{}}`:                true,
		`{"format_version":"1.2","resource_changes":[]}`:              true,
		` {"resource_changes":[],"format_version":"1.0"}`:             true,
		`{"format_version":"1.2","values":{}}`:                        false, // state, not plan
		`{"planned_values":{}}`:                                       false,
		`{"vpn_server":{"format_version":"1.2","planned_values":{}}}`: false, // nested
		`[{"format_version":"1.2","planned_values":{}}]`:              false,
		`{"format_version":"1.2","planned_values":{}`:                 false, // malformed
		`-----BEGIN CERTIFICATE-----`:                                 false,
	} {
		if got := IsPlan([]byte(in)); got != want {
			t.Errorf("IsPlan(%s) = %v, want %v", in, got, want)
		}
	}
}

func TestLookupGeneric(t *testing.T) {
	for path, want := range map[string]bool{
		"client_ca_certificates[1].content":   true,
		`client_ca_certificates["x"].content`: true,
		"client_ca_certificates":              false,
		"ssl_options[0].port":                 true,
		"local_subnets":                       true,
		"local_subnet":                        false,
	} {
		if _, ok := Lookup(TypeServer, path); ok != want {
			t.Errorf("Lookup(%s) = %v, want %v", path, ok, want)
		}
	}
	if _, ok := Lookup(TypeUser, "local_subnets"); ok {
		t.Error("an argument of another type")
	}
}

func TestMarkUnknownAndSensitive(t *testing.T) {
	after := map[string]any{"a": "x", "l": []any{"p", nil}, "b": []any{map[string]any{"c": "s"}}}
	unknown := map[string]any{"id": true, "l": []any{false, true}, "b": []any{map[string]any{"d": true}}}
	v := markUnknown(after, unknown).(map[string]any)
	if !isUnknown(v["id"]) || v["a"] != "x" || !isUnknown(v["l"].([]any)[1]) || v["l"].([]any)[0] != "p" {
		t.Errorf("markUnknown: %#v", v)
	}
	if !isUnknown(v["b"].([]any)[0].(map[string]any)["d"]) {
		t.Errorf("nested block: %#v", v["b"])
	}
	s := sensitiveStrings(v, map[string]any{"b": []any{map[string]any{"c": true}}, "a": false})
	if len(s) != 1 || s[0] != "s" {
		t.Errorf("sensitiveStrings = %v", s)
	}
}

func TestSynthLines(t *testing.T) {
	c := &checker{synths: map[string]*synth{}}
	s := c.newSynth(&Resource{Address: "r"})
	s.body(obj{{"vpn_server", obj{{"a", "x", "a"}, {"l", arr{{val: "1", arg: "l[0]"}, {val: "2", arg: "l[1]"}}, "l"}, {"o", obj{{"p", 1.0, "o[0].p"}}, "o[0]"}}, ""}})
	want := map[int]string{1: "", 2: "", 3: "a", 4: "l", 5: "l[0]", 6: "l[1]", 7: "l[1]", 8: "o[0]", 9: "o[0].p", 10: "o[0].p"} // a closing line: the line above
	for line, arg := range want {
		if got := s.argAt(line); got != arg {
			t.Errorf("line %d: %q, want %q\n%s", line, got, arg, s.data)
		}
	}
	if s.lineOf("l[1]") != 6 {
		t.Errorf("lineOf = %d", s.lineOf("l[1]"))
	}
}

func TestPosFallsBackToEnclosingArgument(t *testing.T) {
	r := &Resource{File: "main.tf", Line: 3, Args: map[string]Pos{"local_subnets": {"main.tf", 7}, "ssl_options[0]": {"main.tf", 9}}}
	for arg, line := range map[string]int{"local_subnets[2]": 7, "ssl_options[0].port": 9, "client_cidr": 3, "": 3} {
		if p := r.pos(arg); p.Line != line {
			t.Errorf("pos(%s) = %d, want %d", arg, p.Line, line)
		}
	}
}

func writeDir(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for n, c := range files {
		p := filepath.Join(dir, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func check(t *testing.T, files map[string]string) []lint.Finding {
	t.Helper()
	cfg, err := LoadDir(writeDir(t, files))
	if err != nil || len(cfg.Errors) > 0 {
		t.Fatal(err, cfg.Errors)
	}
	return Check(cfg.Resources, Options{Now: now})
}

func codes(fs []lint.Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code+"@"+f.Resource+"."+f.Field)
	}
	return strings.Join(out, " ")
}

// A set argument keeps each value once, in cty's (sorted) order: duplicates never reach the
// body, and indexes follow the set.
func TestSetArgumentsAsTerraform(t *testing.T) {
	fs := check(t, map[string]string{"main.tf": `
resource "huaweicloud_vpn_access_policy" "p" {
  vpn_server_id = "s"
  name          = "p1"
  user_group_id = "g"
  dest_ip_cidrs = ["10.9.0.0/24", "10.0.0.1/24", "10.9.0.0/24"]
}`})
	if got := codes(fs); got != "VPN.1403@huaweicloud_vpn_access_policy.p.dest_ip_cidrs[0]" {
		t.Errorf("got %s", got)
	}
	if fs[0].Line != 6 {
		t.Errorf("line %d", fs[0].Line)
	}
}

// Variables: tfvars wins over the default; a variable with neither is unknown (a notice,
// not a false error for the missing value).
func TestVariablesAndUnknown(t *testing.T) {
	fs := check(t, map[string]string{
		"main.tf": `
variable "name" { default = "ok-user" }
variable "pw" {}
resource "huaweicloud_vpn_user" "u" {
  vpn_server_id = "s"
  name          = var.name
  password      = var.pw
}`,
		"terraform.tfvars": `name = "ab"`,
	})
	got := codes(fs)
	if got != "VCL.1260@huaweicloud_vpn_user.u.password VPN.1317@huaweicloud_vpn_user.u.name" {
		t.Errorf("got %s", got)
	}
	if !strings.Contains(fs[0].Detail, "variable pw has no default") {
		t.Errorf("detail %s", fs[0].Detail)
	}
}

// The same literal vpn_server_id makes one upload set; another ID another set.
func TestLiteralServerIDSets(t *testing.T) {
	files := map[string]string{"main.tf": `
resource "huaweicloud_vpn_user_group" "a" {
  vpn_server_id = "s1"
  name          = "ops"
}
resource "huaweicloud_vpn_user_group" "b" {
  vpn_server_id = "s1"
  name          = "ops"
}
resource "huaweicloud_vpn_user_group" "c" {
  vpn_server_id = "s2"
  name          = "ops"
}`}
	if got := codes(check(t, files)); got != "VPN.1300@huaweicloud_vpn_user_group.b.name" {
		t.Errorf("got %s", got)
	}
}

// A sensitive variable's value is never printed, even where a detail would quote it.
func TestSensitiveVariableRedacted(t *testing.T) {
	fs := check(t, map[string]string{"main.tf": `
variable "n" {
  default   = "bad name!"
  sensitive = true
}
resource "huaweicloud_vpn_user_group" "g" {
  vpn_server_id = "s"
  name          = var.n
}`})
	if len(fs) != 1 || strings.Contains(fs[0].Detail, "bad name!") || !strings.Contains(fs[0].Detail, "sensitive value not shown") {
		t.Errorf("got %+v", fs)
	}
}

// Unknown values of a plan: required ones get placeholders whose findings are dropped; the
// notice names the argument.
func TestPlanUnknownRequired(t *testing.T) {
	r := &Resource{Address: "huaweicloud_vpn_server.s", Config: "huaweicloud_vpn_server.s", Type: TypeServer, Args: map[string]Pos{},
		Values: map[string]any{"client_cidr": unknownT{}, "local_subnets": []any{"10.0.0.0/24"},
			"server_certificate": []any{map[string]any{"id": unknownT{}}}, "client_auth_type": "LOCAL_PASSWORD"}}
	fs := Check([]*Resource{r}, Options{Now: now})
	if got := codes(fs); got != "VCL.1260@huaweicloud_vpn_server.s.client_cidr" {
		t.Errorf("got %s", got)
	}
}

// A plan's no-op resources count in their server's upload set but are not reported; an
// update of a server is checked as the Update body (no client CAs in it; they go through
// the upload API).
func TestPlanActions(t *testing.T) {
	pem, err := os.ReadFile("../../testdata/ca/good-rsa3072.pem")
	if err != nil {
		t.Fatal(err)
	}
	q := strings.NewReplacer("\n", `\n`).Replace(string(pem))
	plan := `{"format_version":"1.2","terraform_version":"1.9.8","resource_changes":[
{"address":"huaweicloud_vpn_server.s","mode":"managed","type":"huaweicloud_vpn_server","name":"s","change":{"actions":["update"],
 "before":{},"after":{"client_cidr":"172.16.0.0/27","local_subnets":["10.0.0.0/24"],"tunnel_protocol":"SSL","client_auth_type":"CERT",
 "client_ca_certificates":[{"name":"bad name","content":"` + q + `"}]},"after_unknown":{},"after_sensitive":{}}},
{"address":"huaweicloud_vpn_client_ca_certificate.old","mode":"managed","type":"huaweicloud_vpn_client_ca_certificate","name":"old",
 "change":{"actions":["no-op"],"before":{},"after":{"vpn_server_id":"id1","name":"a b","content":"` + q + `"},"after_unknown":{},"after_sensitive":{}}},
{"address":"huaweicloud_vpn_client_ca_certificate.new","mode":"managed","type":"huaweicloud_vpn_client_ca_certificate","name":"new",
 "change":{"actions":["create"],"before":null,"after":{"vpn_server_id":"id1","name":"new","content":"` + q + `"},"after_unknown":{"id":true},"after_sensitive":{"content":true}}},
{"address":"huaweicloud_vpn_user.gone","mode":"managed","type":"huaweicloud_vpn_user","name":"gone",
 "change":{"actions":["delete"],"before":{"name":"x"},"after":null,"after_unknown":{},"after_sensitive":false}}
]}`
	if !IsPlan([]byte(plan)) {
		t.Fatal("not a plan")
	}
	res, err := LoadPlan([]byte(plan), "plan.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 3 || !res[0].Update || !res[1].Context || res[2].Update || res[2].Context {
		t.Fatalf("resources %+v", res)
	}
	got := codes(Check(res, Options{Now: now}))
	want := "VPN.1107@huaweicloud_vpn_server.s.client_cidr VPN.0001@huaweicloud_vpn_server.s.client_ca_certificates[0].name VPN.0077@huaweicloud_vpn_client_ca_certificate.new.content"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

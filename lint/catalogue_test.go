package lint

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// The embedded table must be the cloud's table, byte for byte.
func TestEmbeddedTableMatchesShared(t *testing.T) {
	shared, err := os.ReadFile("../../shared/huawei/vpn-error-codes.txt")
	if err != nil {
		t.Skipf("shared table not available: %v", err)
	}
	if string(shared) != cloudTable {
		t.Fatal("lint/vpn-error-codes.txt differs from ../shared/huawei/vpn-error-codes.txt: copy it again")
	}
}

func TestCloudCodesVerbatim(t *testing.T) {
	cases := map[string][4]string{
		"VPN.0072": {"400", "Certificate %s has expired.", "证书%s已过期。", "请导入未过期的客户端CA证书。"},
		"VPN.0078": {"400", "Invalid format of the CRL %s.", "吊销列表%s的格式无效。", "请导入正确的吊销列表。"},
		"VPN.1111": {"400", "The number of client CA certificates exceeds the upper limit.", "客户端CA证书的数量超限。", "请导入10个或更少的客户端CA证书。"},
		"VPN.1117": {"500", "The server status is abnormal.", "服务端状态异常。", "请联系技术支持。"},
	}
	for id, want := range cases {
		c, ok := Lookup(id)
		if !ok {
			t.Fatalf("%s missing", id)
		}
		if got := [4]string{itoa(c.HTTPStatus), c.Message, c.DescZH, c.RemedyZH}; got != want {
			t.Errorf("%s = %q, want %q", id, got, want)
		}
		if c.Source != SourceCloud || c.Severity != Error {
			t.Errorf("%s: source %s severity %s", id, c.Source, c.Severity)
		}
	}
	n := 0
	for _, c := range All() {
		if c.Source == SourceCloud {
			n++
		}
	}
	if n != 100 {
		t.Errorf("%d cloud codes parsed, the table has 100 rows", n)
	}
}

func TestEveryCodeHasBothLanguages(t *testing.T) {
	for _, c := range All() {
		for name, v := range map[string]string{"message": c.Message, "description_en": c.DescEN, "remedy_en": c.RemedyEN, "description_zh": c.DescZH, "remedy_zh": c.RemedyZH} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s has no %s", c.ID, name)
			}
		}
	}
}

func TestFindingResolve(t *testing.T) {
	f := New("VPN.0072", "notAfter 2024-01-01", "ca.pem").At("certs/ca.pem", 3)
	f.Resolve("zh")
	if f.Message != "Certificate ca.pem has expired." || f.Description != "证书ca.pem已过期。" || f.HTTPStatus != 400 {
		t.Errorf("resolved %+v", f)
	}
	f.Resolve("en")
	if f.Description != "Certificate ca.pem has expired." || f.Remedy != "Import a client CA certificate that has not expired." {
		t.Errorf("english %+v", f)
	}
	if got := fill("a %s b %s", []string{"x"}); got != "a x b %s" {
		t.Errorf("fill = %q", got)
	}
}

func TestReportOrderAndExit(t *testing.T) {
	r := &Report{}
	r.Findings = []Finding{
		New("VCL.9999", "", "x").At("b.pem", 1),
		New("VPN.0072", "", "x").At("b.pem", 1),
		New("VPN.0070", "", "x").At("a.pem", 9),
	}
	r.Finalize("en")
	got := []string{}
	for _, f := range r.Findings {
		got = append(got, f.File+":"+f.Code)
	}
	if strings.Join(got, " ") != "a.pem:VPN.0070 b.pem:VCL.9999 b.pem:VPN.0072" {
		t.Errorf("order %v", got)
	}
	if r.Summary != (Summary{Error: 2, Warning: 1}) {
		t.Errorf("summary %+v", r.Summary)
	}
	for failOn, want := range map[string]int{"error": 1, "warning": 1, "notice": 1, "none": 0} {
		fo, _ := ParseFailOn(failOn)
		if got := r.ExitCode(fo); got != want {
			t.Errorf("fail-on %s: exit %d, want %d", failOn, got, want)
		}
	}
	r.Findings = r.Findings[1:2] // only the warning
	fo, _ := ParseFailOn("error")
	if r.ExitCode(fo) != 0 {
		t.Error("a warning fails --fail-on error")
	}
	r.Files = []FileResult{{File: "x", Error: "open x: permission denied"}}
	if r.ExitCode(fo) != 2 {
		t.Error("an unreadable input must exit 2")
	}
}

func init() {
	Register(Code{ID: "VCL.9999", Source: SourceTool, Severity: Warning, Message: "test %s", DescEN: "d", RemedyEN: "r", DescZH: "d", RemedyZH: "r"})
}

func itoa(i int) string { return strconv.Itoa(i) }

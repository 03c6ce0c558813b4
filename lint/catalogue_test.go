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

func TestFindingText(t *testing.T) {
	f := New("VPN.0072", "notAfter 2024-01-01", "ca.pem").At("certs/ca.pem", 3)
	if tx := f.Text("zh"); tx.Message != "Certificate ca.pem has expired." || tx.Description != "证书ca.pem已过期。" || tx.HTTPStatus != 400 {
		t.Errorf("zh text %+v", tx)
	}
	if tx := f.Text("en"); tx.Description != "Certificate ca.pem has expired." || tx.Remedy != "Import a client CA certificate that has not expired." {
		t.Errorf("english %+v", tx)
	}
	if tx := (&Finding{Code: "VCL.nope", Related: "VPN.0072"}).Text("en"); tx != (Text{Related: "VPN.0072"}) {
		t.Errorf("unknown code: %+v", tx)
	}
	if got := fill("a %s b %s", []string{"x"}); got != "a x b %s" {
		t.Errorf("fill = %q", got)
	}
}

func init() {
	Register(Code{ID: "VCL.9999", Source: SourceTool, Severity: Warning, Message: "test %s", DescEN: "d", RemedyEN: "r", DescZH: "d", RemedyZH: "r"})
}

func itoa(i int) string { return strconv.Itoa(i) }

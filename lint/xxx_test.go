package lint

import "testing"

func TestFormatXXXPlaceholder(t *testing.T) {
	c := MustLookup("VPN.0001")
	if got := c.Format("unsupported client_auth_type"); got != "invalid request:unsupported client_auth_type" {
		t.Errorf("VPN.0001 with an arg = %q", got)
	}
	if got := c.Format(); got != "invalid request:xxx" {
		t.Errorf("VPN.0001 without args = %q, want the cloud's text", got)
	}
	if got := MustLookup("VPN.0002").Format("boom"); got != "server error: boom" {
		t.Errorf("VPN.0002 = %q", got)
	}
	if got := MustLookup("VPN.1103").Format("10.0.0.1/8"); got != "CIDR block 10.0.0.1/8 is invalid." {
		t.Errorf("VPN.1103 = %q", got)
	}
	if got := MustLookup("VPN.0004").Format("x"); got != "resource not found" {
		t.Errorf("VPN.0004 = %q", got)
	}
}

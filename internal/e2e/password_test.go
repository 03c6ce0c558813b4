package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vpncertlint/vpncertlint/cmd"
	"github.com/vpncertlint/vpncertlint/internal/output/formats"
)

// TestNoPasswordInOutput checks request bodies holding passwords (valid, faulty, of the
// wrong type, equal to the user name, malformed around them, in an upload set) in every
// output format and language with -v, and scans stdout and stderr for the passwords.
func TestNoPasswordInOutput(t *testing.T) {
	dir := t.TempDir()
	secrets := []string{"Zq7-Secret-pass", "zq7secretonly", "8675309123", "Mallory.x9", "9x.yrollaM", "Old-Pass-42", "Zq7\tTabbed"}
	files := map[string]string{
		"server.json": `{"vpn_server": {"tunnel_protocol": "SSL", "client_auth_type": "LOCAL_PASSWORD", "client_cidr": "192.168.0.0/24",
 "local_subnets": ["10.10.1.0/24"], "server_certificate": {"id": "x"}}}`,
		"user.json":     `{"user": {"name": "alice", "password": "Zq7-Secret-pass", "static_ip": "192.168.0.2"}}`,
		"weak.json":     `{"user": {"name": "alice", "password": "zq7secretonly"}}`,
		"number.yaml":   "user:\n  name: alice\n  password: 8675309123\n",
		"is-name.json":  `{"users": [{"name": "Mallory.x9", "password": "Mallory.x9"}, {"name": "Mallory.x9", "password": "9x.yrollaM"}]}`,
		"change.json":   `{"old_password": "Old-Pass-42", "new_password": "Old-Pass-42"}`,
		"tab.json":      `{"new_password": "Zq7\tTabbed"}`,
		"broken.json":   `{"user": {"name": "alice", "password": "Zq7-Secret-pass",, }}`,
		"short-is.json": `{"user": {"name": "Old-Pass-42", "password": "Old-Pass-42"}}`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var runs [][]string
	for _, format := range formats.Names() {
		for _, lang := range []string{"en", "zh"} {
			runs = append(runs, []string{"check", "--no-config", "--now", testNow, "--format", format, "--lang", lang, "-v", dir})
		}
	}
	for _, args := range runs {
		var out, errb bytes.Buffer
		code := cmd.Execute(args, strings.NewReader(""), &out, &errb)
		all := out.String() + errb.String()
		if code != 1 {
			t.Fatalf("%v: exit %d, want 1 (the bodies are faulty):\n%s", args, code, all)
		}
		if !strings.Contains(all, "VPN.1309") || !strings.Contains(all, "VPN.1311") {
			t.Fatalf("%v: the password findings are missing:\n%s", args, all)
		}
		for _, s := range secrets {
			for _, form := range []string{s, strings.ReplaceAll(s, "\t", `\t`), strings.ReplaceAll(s, "\t", `\u0009`)} {
				if strings.Contains(all, form) {
					t.Fatalf("%v: output contains the password %q:\n%s", args, form, all)
				}
			}
		}
	}
}

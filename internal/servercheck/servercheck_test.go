package servercheck

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/internal/pemscan"
)

func load(t *testing.T, path string) []*certcheck.Cert {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []*certcheck.Cert
	for _, b := range pemscan.Scan(data).Blocks {
		c := certcheck.NewCert(b.Bytes, path, b.BeginLine, filepath.Base(path))
		c.Role = certcheck.RoleServer
		out = append(out, c)
	}
	return out
}

func codes(t *testing.T, servers, cas []*certcheck.Cert, o Options) map[string]bool {
	t.Helper()
	_, fs := Check(servers, cas, o)
	m := map[string]bool{}
	for _, f := range fs {
		m[f.Code] = true
	}
	return m
}

const keys = "../../testdata/ccm/keys/"

func TestChainAnchors(t *testing.T) {
	leaf := load(t, "../../testdata/ccm/good-pkcs8.pem")
	inter := load(t, keys+"intermediate.pem")
	root := load(t, keys+"root.pem")
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	if got := codes(t, leaf, nil, Options{Now: now}); !got[CodeChainIncomplete] {
		t.Errorf("a lone leaf: %v, want %s", got, CodeChainIncomplete)
	}
	if got := codes(t, append(leaf, inter...), nil, Options{Now: now}); !got[CodeChainIncomplete] {
		t.Errorf("leaf + intermediate without root: %v", got)
	}
	if got := codes(t, append(leaf, inter...), root, Options{Now: now}); len(got) != 0 {
		t.Errorf("leaf + intermediate with the root as anchor: %v", got)
	}
	if got := codes(t, leaf, nil, Options{Now: now, ChainFile: keys + "chain.pem", KeyFile: keys + "leaf-pkcs1.key"}); len(got) != 0 {
		t.Errorf("complete bundle with its PKCS#1 key: %v", got)
	}
	// The intermediate in front of the leaf: out of order.
	if got := codes(t, append(append([]*certcheck.Cert{}, inter...), leaf...), root, Options{Now: now}); !got[CodeChainOrder] {
		t.Errorf("intermediate first: %v", got)
	}
}

func TestKeyForms(t *testing.T) {
	ec := load(t, "../../testdata/ccm/good-ec-sec1.pem")
	dir := t.TempDir()
	sec1, err := os.ReadFile(keys + "ecleaf-sec1.key")
	if err != nil {
		t.Fatal(err)
	}
	// openssl ecparam -genkey writes EC PARAMETERS before the key: accepted.
	withParams := filepath.Join(dir, "params.key")
	params := "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
	if err := os.WriteFile(withParams, append([]byte(params), sec1...), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := codes(t, ec, nil, Options{KeyFile: withParams, ChainFile: keys + "chain.pem"}); len(got) != 0 {
		t.Errorf("SEC1 key after EC PARAMETERS: %v", got)
	}
	empty := filepath.Join(dir, "empty.key")
	if err := os.WriteFile(empty, []byte("no key here\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := codes(t, ec, nil, Options{KeyFile: empty, ChainFile: keys + "chain.pem"}); !got[CodeKeyUnreadable] {
		t.Errorf("no key: %v", got)
	}
	files, _ := Check(ec, nil, Options{KeyFile: filepath.Join(dir, "missing.key")})
	if len(files) != 1 || files[0].Error == "" {
		t.Errorf("a missing key file is not an I/O error: %+v", files)
	}
}

func TestPEMChars(t *testing.T) {
	leaf := load(t, "../../testdata/ccm/certificate-too-long.pem")
	if n := pemChars(leaf); n <= MaxCertificateChars {
		t.Errorf("the long fixture has %d characters", n)
	}
	if n := pemChars(load(t, "../../testdata/ccm/good-pkcs8.pem")); n > MaxCertificateChars || n < 1000 {
		t.Errorf("a normal leaf has %d characters", n)
	}
}

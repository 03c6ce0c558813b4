package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vpncertlint/vpncertlint/cmd"
)

// zlintCodes runs check (role auto, the given extra flags) on files and returns the zlint
// codes found per file.
func zlintCodes(t *testing.T, extra []string, files ...string) map[string][]string {
	t.Helper()
	args := append([]string{"check", "--no-config", "--color", "never", "--fail-on", "none"}, extra...)
	args = append(args, files...)
	var out, errb bytes.Buffer
	if code := cmd.Execute(args, strings.NewReader(""), &out, &errb); code != 0 {
		t.Fatalf("%v: exit %d: %s%s", args, code, out.String(), errb.String())
	}
	got := map[string][]string{}
	for _, line := range strings.Split(out.String(), "\n") {
		if m := codeRe.FindStringSubmatch(line); m != nil && strings.HasPrefix(m[1], "zlint.") {
			file, _, _ := strings.Cut(line, ":")
			got[file] = append(got[file], m[1])
		}
	}
	return got
}

// TestEasyRSADefaults (issue 11 item 4): a client CA, server certificates and a client
// certificate made by easy-rsa with its defaults (the CA tool OpenVPN ships: basicConstraints
// and keyUsage not critical, RSA-2048, 825 days, the HOWTO's server name "server") give no
// zlint advisory with the default profile, and the CA/Browser Forum's with --zlint-profile
// webpki. easy-rsa makes them at run time in a temporary directory (fixtures must come from
// committed scripts); the test is skipped where easy-rsa is not installed (Debian package
// easy-rsa).
func TestEasyRSADefaults(t *testing.T) {
	easyrsa, err := exec.LookPath("easyrsa")
	if err != nil {
		easyrsa = "/usr/share/easy-rsa/easyrsa"
		if _, err := os.Stat(easyrsa); err != nil {
			t.Skip("easy-rsa is not installed (apt-get install easy-rsa)")
		}
	}
	if testing.Short() {
		t.Skip("makes RSA keys with easy-rsa")
	}
	dir := t.TempDir()
	pki := filepath.Join(dir, "pki")
	run := func(env string, args ...string) {
		c := exec.Command(easyrsa, args...)
		c.Dir = dir
		c.Env = append(os.Environ(), "EASYRSA_BATCH=1", "EASYRSA_PKI="+pki, env)
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("easyrsa %v: %v\n%s", args, err, out)
		}
	}
	run("", "init-pki")
	run("EASYRSA_REQ_CN=Example VPN CA", "build-ca", "nopass")
	run("", "build-server-full", "server", "nopass")
	run("", "build-client-full", "client1", "nopass")
	run("", "gen-crl")
	ca := filepath.Join(pki, "ca.crt")
	certs := []string{ca}
	for _, n := range []string{"server", "client1"} {
		certs = append(certs, filepath.Join(pki, "issued", n+".crt"))
	}
	if got := zlintCodes(t, nil, certs...); len(got) != 0 {
		t.Errorf("easy-rsa's defaults get zlint advisories with the default profile: %v", got)
	}
	// easy-rsa's CRL has no cRLNumber (RFC 5280 §5.2.3 MUST; the advisory is kept): nothing else.
	crl := filepath.Join(pki, "crl.pem")
	for _, code := range zlintCodes(t, []string{"--ca", ca}, crl)[crl] {
		if code != "zlint.e_crl_missing_crl_number" {
			t.Errorf("easy-rsa's CRL gets %s with the default profile", code)
		}
	}
	web := zlintCodes(t, []string{"--zlint-profile", "webpki"}, certs...)
	server := filepath.Join(pki, "issued", "server.crt")
	if !has(web[server], "zlint.e_sub_cert_aia_missing") || !has(web[ca], "zlint.e_basic_constraints_not_critical") {
		t.Errorf("--zlint-profile webpki: %v", web)
	}
}

// TestPrivatePKIFixtures: the openssl-made private PKI of scripts/gen/57-private-pki.sh gives
// no zlint advisory by default, and web PKI advisories with --zlint-profile webpki.
func TestPrivatePKIFixtures(t *testing.T) {
	const ca = "testdata/zlint/private-ca.pem"
	files := []string{ca, "testdata/zlint/private-server.pem", "testdata/zlint/private-server-single-label.pem"}
	now := []string{"--now", testNow}
	if got := zlintCodes(t, append(now, "--ca", ca), append(files, "testdata/zlint/private-ca.crl")...); len(got) != 0 {
		t.Errorf("default profile: %v", got)
	}
	if got := zlintCodes(t, append(now, "--zlint-profile", "private"), files...); len(got) != 0 {
		t.Errorf("--zlint-profile private: %v", got)
	}
	web := zlintCodes(t, append(now, "--zlint-profile", "webpki"), files...)
	for _, f := range files[1:] {
		if !has(web[f], "zlint.e_sub_cert_certificate_policies_missing") {
			t.Errorf("--zlint-profile webpki: %s gets %v", f, web[f])
		}
	}
	if !has(web[files[2]], "zlint.n_san_iana_pub_suffix_empty") {
		t.Errorf("--zlint-profile webpki: the single-label name gets %v", web[files[2]])
	}
}

func has(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

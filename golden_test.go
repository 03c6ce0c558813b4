package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"
	"github.com/vpncertlint/vpncertlint/cmd"
)

// testNow is the clock of every fixture test; fixtures are made with fixed dates around it.
const testNow = "2026-06-01T00:00:00Z"

// fixtureDirs maps testdata folders to the --role their fixtures are checked with.
var fixtureDirs = map[string]string{
	"ca":     "ca",
	"server": "server",
	"auto":   "auto",
	"format": "auto",
	"crl":    "crl",
}

// fixtures lists every fixture: each file in a fixture folder that is not a golden or args file.
func fixtures(t *testing.T) []string {
	var out []string
	for dir := range fixtureDirs {
		entries, err := os.ReadDir(filepath.Join("testdata", dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			n := e.Name()
			if e.IsDir() || strings.HasSuffix(n, ".golden") || strings.HasSuffix(n, ".args") {
				continue
			}
			out = append(out, filepath.ToSlash(filepath.Join("testdata", dir, n)))
		}
	}
	sort.Strings(out)
	return out
}

// runFixture checks one fixture the way a user would: through the command line, with its
// folder's role and the flags in NAME.args, at the fixed clock.
func runFixture(t *testing.T, path, format string) (string, int) {
	t.Helper()
	role := fixtureDirs[filepath.Base(filepath.Dir(path))]
	args := []string{"check", "--now", testNow, "--color", "never", "--role", role, "--format", format}
	if extra, err := os.ReadFile(path + ".args"); err == nil {
		args = append(args, strings.Fields(string(extra))...)
	}
	args = append(args, path)
	var out, errb bytes.Buffer
	code := cmd.Execute(args, strings.NewReader(""), &out, &errb)
	if errb.Len() > 0 && format == "text" {
		t.Errorf("%s: unexpected stderr: %s", path, errb.String())
	}
	return out.String(), code
}

// TestGolden compares the text report of each fixture with NAME.golden beside it.
// Regenerate with: go test -run TestGolden -update .
func TestGolden(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir("."), goldie.WithNameSuffix(".golden"), goldie.WithDiffEngine(goldie.ColoredDiff))
	for _, f := range fixtures(t) {
		t.Run(f, func(t *testing.T) {
			out, code := runFixture(t, f, "text")
			got := []byte(out + "exit " + itoa(code) + "\n")
			g.Assert(t, f, got)
		})
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

var codeRe = regexp.MustCompile(`^\S+:\d+: ((?:VPN|VCL)\.\d{4}) `)

// expectedCodes is the exact set of codes each fixture must raise, independent of the golden
// files, so that a careless -update cannot hide a regression. Every fixture must be listed.
var expectedCodes = map[string][]string{
	"testdata/ca/good-rsa3072.pem":          {},
	"testdata/ca/good-rsa4096.pem":          {},
	"testdata/ca/ten-cas.pem":               {},
	"testdata/ca/rsa2048.pem":               {"VCL.0701"},
	"testdata/ca/rsa2560.pem":               {"VCL.0702"},
	"testdata/ca/rsa1024.pem":               {"VPN.0070"},
	"testdata/ca/rsa-huge-modulus.pem":      {"VCL.0702", "VCL.0709"},
	"testdata/ca/rsa-huge-exponent.pem":     {"VCL.0709"},
	"testdata/ca/ec-p256.pem":               {"VCL.0703"},
	"testdata/ca/ec-p384.pem":               {"VCL.0703"},
	"testdata/ca/ec-p521.pem":               {"VPN.0070"},
	"testdata/ca/brainpool.pem":             {"VPN.0070"},
	"testdata/ca/secp256k1.pem":             {"VPN.0070"},
	"testdata/ca/ed25519.pem":               {"VPN.0070", "VPN.0071"},
	"testdata/ca/ed448.pem":                 {"VPN.0070", "VPN.0071"},
	"testdata/ca/sm2-key.pem":               {"VCL.0762", "VPN.0070"},
	"testdata/ca/dsa.pem":                   {"VPN.0070", "VPN.0071"},
	"testdata/ca/sha1.pem":                  {"VPN.0071"},
	"testdata/ca/md5.pem":                   {"VPN.0071"},
	"testdata/ca/sha224.pem":                {"VPN.0071"},
	"testdata/ca/rsa-pss.pem":               {"VCL.0711"},
	"testdata/ca/expired.pem":               {"VPN.0072"},
	"testdata/ca/not-yet-valid.pem":         {"VPN.0073"},
	"testdata/ca/expiring-soon.pem":         {"VCL.0721"},
	"testdata/ca/leaf-as-ca.pem":            {"VPN.0076"},
	"testdata/ca/no-basic-constraints.pem":  {"VPN.0076"},
	"testdata/ca/ku-no-certsign.pem":        {"VCL.0761"},
	"testdata/ca/intermediate.pem":          {"VCL.0762"},
	"testdata/ca/expired-rsa1024-sha1.pem":  {"VPN.0070", "VPN.0071", "VPN.0072"},
	"testdata/ca/future-md5-leaf.pem":       {"VPN.0071", "VPN.0073", "VPN.0076"},
	"testdata/ca/duplicate-in-file.pem":     {"VPN.0077"},
	"testdata/ca/same-subject-and-key.pem":  {"VCL.0771"},
	"testdata/ca/eleven-cas.pem":            {"VPN.1111"},
	"testdata/server/leaf-good.pem":         {},
	"testdata/server/leaf-expired.pem":      {"VPN.0072"},
	"testdata/server/leaf-rsa2048-sha1.pem": {"VCL.0701", "VPN.0071"},
	"testdata/auto/ca-and-leaf.pem":         {},
	"testdata/auto/leaf-expired.pem":        {"VPN.0072"},
	"testdata/format/empty.pem":             {"VPN.0074"},
	"testdata/format/whitespace.pem":        {"VPN.0074"},
	"testdata/format/no-block.pem":          {"VPN.0074"},
	"testdata/format/binary.pem":            {"VPN.0074"},
	"testdata/format/cert.der":              {"VPN.0074"},
	"testdata/format/bad-base64.pem":        {"VPN.0074"},
	"testdata/format/missing-end.pem":       {"VPN.0074"},
	"testdata/format/mismatched-end.pem":    {"VPN.0074"},
	"testdata/format/private-key.pem":       {"VPN.0074"},
	"testdata/format/csr.pem":               {"VPN.0074"},
	"testdata/format/bundle.p7b.pem":        {"VPN.0074"},
	"testdata/format/empty-block.pem":       {"VPN.0074"},
	"testdata/format/stray-end.pem":         {"VPN.0074"},
	"testdata/format/truncated-base64.pem":  {"VPN.0074"},
	"testdata/format/crlf.pem":              {"VCL.0741"},
	"testdata/format/bom.pem":               {"VCL.0742"},
	"testdata/format/text-around.pem":       {"VCL.0743"},
	"testdata/format/not-a-certificate.pem": {"VPN.0075"},
	"testdata/format/truncated-der.pem":     {"VPN.0075"},
	"testdata/crl/good.crl":                 {},
	"testdata/crl/stale.crl":                {"VPN.0080"},
	"testdata/crl/future.crl":               {"VPN.0080"},
	"testdata/crl/no-next-update.crl":       {"VPN.0080"},
	"testdata/crl/next-before-this.crl":     {"VPN.0080"},
	"testdata/crl/next-update-soon.crl":     {"VCL.0801"},
	"testdata/crl/other-issuer.crl":         {"VPN.0079"},
	"testdata/crl/bad-signature.crl":        {"VPN.0079"},
	"testdata/crl/not-a-crl.crl":            {"VPN.0079"},
	"testdata/crl/no-ca-given.crl":          {"VCL.0791"},
	"testdata/crl/certificate-not-crl.pem":  {"VPN.0078"},
	"testdata/crl/garbage.crl":              {"VPN.0078"},
	"testdata/crl/bad-base64.crl":           {"VPN.0078"},
	"testdata/crl/der.crl":                  {"VPN.0078"},
}

// TestFixtureCodes asserts the exact code set per fixture and the exit code that follows.
func TestFixtureCodes(t *testing.T) {
	all := fixtures(t)
	for _, f := range all {
		want, ok := expectedCodes[f]
		if !ok {
			t.Errorf("%s: fixture has no entry in expectedCodes", f)
			continue
		}
		out, code := runFixture(t, f, "text")
		got := map[string]bool{}
		for _, line := range strings.Split(out, "\n") {
			if m := codeRe.FindStringSubmatch(line); m != nil {
				got[m[1]] = true
			}
		}
		var gotList []string
		for c := range got {
			gotList = append(gotList, c)
		}
		sort.Strings(gotList)
		w := append([]string(nil), want...)
		sort.Strings(w)
		if strings.Join(gotList, ",") != strings.Join(w, ",") {
			t.Errorf("%s: codes %v, want %v\n%s", f, gotList, w, out)
		}
		wantExit := 0
		for _, c := range w {
			if strings.HasPrefix(c, "VPN.") {
				wantExit = 1
			}
		}
		if code != wantExit {
			t.Errorf("%s: exit %d, want %d", f, code, wantExit)
		}
	}
	for f := range expectedCodes {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("expectedCodes names a missing fixture: %s", f)
		}
	}
}

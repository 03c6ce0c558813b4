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
	"github.com/vpncertlint/vpncertlint/lint"
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
	"body":   "auto",
	"weak":   "auto",
	"ccm":    "server",
	"zlint":  "auto",

	// The other P2C request bodies (issue 10), made by the SDK (scripts/sdkbodies-kinds).
	"body/kinds": "auto",

	// Bodies as the SDK and the Terraform provider send them (scripts/gen/55-body-sdk.sh).
	"body/sdk":      "auto",
	"body/provider": "auto",

	// Terraform configurations (directories) and their plans (scripts/gen/70-terraform.sh).
	"terraform": "auto",
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
			if (e.IsDir() && dir != "terraform") || strings.HasSuffix(n, ".golden") || strings.HasSuffix(n, ".args") {
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
	role := fixtureDirs[strings.TrimPrefix(filepath.ToSlash(filepath.Dir(path)), "testdata/")]
	args := []string{"check", "--no-config", "--now", testNow, "--color", "never", "--role", role, "--format", format}
	if filepath.Base(filepath.Dir(path)) != "zlint" {
		// The goldens outside testdata/zlint are made without the zlint advisories.
		args = append(args, "--no-zlint")
	}
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

var codeRe = regexp.MustCompile(`^\S+:\d+: ((?:VPN|VCL)\.\d{4}|zlint\.\w+) `)

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

	// issue 9: names compared as RFC 5280 §7.1 says, cRLSign, version 1 CRLs
	"testdata/crl/issuer-utf8string.crl":       {},
	"testdata/crl/issuer-case.crl":             {},
	"testdata/crl/issuer-spaces.crl":           {},
	"testdata/crl/issuer-one-char.crl":         {"VPN.0079"},
	"testdata/crl/issuer-attribute-order.crl":  {"VPN.0079"},
	"testdata/crl/issuer-no-space.crl":         {"VPN.0079"},
	"testdata/crl/issuer-no-crlsign.crl":       {"VCL.0792"},
	"testdata/crl/issuer-no-keyusage.crl":      {},
	"testdata/crl/v1.crl":                      {"VCL.0793"},
	"testdata/crl/v1-stale.crl":                {"VCL.0793", "VPN.0080"},
	"testdata/crl/v1-bad-signature.crl":        {"VCL.0793", "VPN.0079"},
	"testdata/ca/self-issued-string-types.pem": {},

	// Server bodies (bodycheck, testdata/body).
	"testdata/body/valid-create.json":              {},
	"testdata/body/valid-create.yaml":              {},
	"testdata/body/valid-20-subnets.json":          {},
	"testdata/body/valid-password.json":            {},
	"testdata/body/update-valid.json":              {},
	"testdata/body/update-server-cert.json":        {"VCL.1220", "VPN.1100", "VPN.1118"},
	"testdata/body/update-cas.yaml":                {"VCL.1220", "VPN.0001", "VPN.0076", "VPN.0077"},
	"testdata/body/no-server-cert.json":            {"VPN.1100"},
	"testdata/body/cert-no-cas.json":               {"VPN.1101"},
	"testdata/body/eleven-cas.json":                {"VPN.1111"},
	"testdata/body/cidr-invalid.json":              {"VPN.1103"},
	"testdata/body/cidr-reserved.json":             {"VPN.1104"},
	"testdata/body/cidr-reserved-one-page.json":    {"VCL.1204"},
	"testdata/body/too-many-subnets.json":          {"VPN.1105"},
	"testdata/body/duplicate-subnet.json":          {"VPN.1106"},
	"testdata/body/overlapping-subnets.json":       {"VCL.1205"},
	"testdata/body/no-local-subnets.json":          {"VPN.1118"},
	"testdata/body/empty-local-subnets.yaml":       {"VPN.1118"},
	"testdata/body/client-mask.json":               {"VPN.1107"},
	"testdata/body/too-small-for-connections.json": {"VPN.1108"},
	"testdata/body/vpc-route-conflict.json":        {"VPN.1109"},
	"testdata/body/client-local-overlap.json":      {"VPN.1119"},
	"testdata/body/bad-values.json":                {"VPN.0001"},
	"testdata/body/unknown-protocol.json":          {"VPN.0001"},
	"testdata/body/dns-servers.json":               {"VPN.0001"},
	"testdata/body/wrong-types.json":               {"VPN.0001"},
	"testdata/body/create-missing-fields.json":     {"VPN.0001", "VPN.1100", "VPN.1118"},
	"testdata/body/malformed.json":                 {"VPN.0001"},
	"testdata/body/malformed.yaml":                 {"VPN.0001"},
	"testdata/body/unknown-field.json":             {"VCL.1201"},
	"testdata/body/duplicate-key.json":             {"VCL.1202"},
	"testdata/body/ca-name-invalid.json":           {"VPN.0001"},
	"testdata/body/ca-name-chinese.json":           {"VCL.1203"},
	"testdata/body/ca-expired.json":                {"VPN.0072"},
	"testdata/body/ca-leaf.json":                   {"VPN.0076"},
	"testdata/body/ca-weak.json":                   {"VPN.0070", "VPN.0071", "VPN.0072"},
	"testdata/body/ca-duplicate.json":              {"VPN.0077"},
	"testdata/body/ca-format.json":                 {"VPN.0074"},
	"testdata/body/ca-not-certificate.json":        {"VPN.0075"},
	"testdata/body/ca-crlf.json":                   {"VCL.0741"},
	"testdata/body/four-faults.json":               {"VPN.0001", "VPN.1101", "VPN.1106", "VPN.1107"},
	"testdata/body/four-faults.yaml":               {"VPN.0001", "VPN.1101", "VPN.1106", "VPN.1107"},
	"testdata/body/many-faults-with-routes.yml":    {"VPN.0077", "VPN.1104", "VPN.1108", "VPN.1109", "VPN.1119"},
	"testdata/body/not-a-body.json":                {"VPN.0074"},
	// Issue 10: bodies as the SDK and the Terraform provider send them, and the rules they showed.
	"testdata/body/yaml-port-octal.yaml":                    {"VCL.1222", "VPN.0001"},
	"testdata/body/yaml-port-hex.yaml":                      {},
	"testdata/body/yaml-port-underscore.yaml":               {"VCL.1222"},
	"testdata/body/update-not-updatable.json":               {"VCL.1220"},
	"testdata/body/cas-local-password.json":                 {"VCL.1221"},
	"testdata/body/ca-double-escaped.json":                  {"VPN.0074"},
	"testdata/body/service-sign.json":                       {},
	"testdata/body/too-deep.json":                           {"VPN.0001"},
	"testdata/body/shape-jq-slurp.json":                     {"VPN.0001", "VPN.1107"},
	"testdata/body/shape-api-explorer.json":                 {"VPN.0001", "VPN.1107"},
	"testdata/body/shape-camel-case.json":                   {"VPN.0001", "VPN.1107"},
	"testdata/body/shape-bare.json":                         {"VPN.0001", "VPN.1107"},
	"testdata/body/sdk/create-auth-cert-no-ca.json":         {"VPN.1101"},
	"testdata/body/sdk/create-auth-cert.json":               {},
	"testdata/body/sdk/create-auth-federated.json":          {},
	"testdata/body/sdk/create-auth-iam.json":                {},
	"testdata/body/sdk/create-auth-local-password.json":     {},
	"testdata/body/sdk/create-ca-no-name.json":              {},
	"testdata/body/sdk/create-cas-default-auth.json":        {"VCL.1221"},
	"testdata/body/sdk/create-ccm-no-id.json":               {"VPN.1100"},
	"testdata/body/sdk/create-documented-example.json":      {},
	"testdata/body/sdk/create-no-server-certificate.json":   {"VPN.0001", "VPN.1100"},
	"testdata/body/sdk/create-optional-omitted.json":        {},
	"testdata/body/sdk/create-port-1194-aes-256.json":       {},
	"testdata/body/sdk/create-service-sign.json":            {},
	"testdata/body/sdk/create-zero-enums.json":              {"VPN.0001"},
	"testdata/body/sdk/create-zero-values.json":             {"VPN.0001", "VPN.1100", "VPN.1103", "VPN.1118"},
	"testdata/body/ambiguous-no-server-certificate.json":    {"VCL.1223"},
	"testdata/body/sdk/update-auth-values.json":             {},
	"testdata/body/sdk/update-cert-auth.json":               {},
	"testdata/body/sdk/update-every-field.json":             {},
	"testdata/body/sdk/update-federated.json":               {},
	"testdata/body/sdk/update-nothing.json":                 {},
	"testdata/body/sdk/update-server-certificate-zero.json": {"VPN.1100"},
	"testdata/body/sdk/update-zero-enums.json":              {"VPN.0001", "VPN.1118"},
	"testdata/body/provider/create-cas-default-auth.json":   {"VCL.1221"},
	"testdata/body/provider/create-cert.json":               {},
	"testdata/body/provider/create-local-password.json":     {},
	"testdata/body/provider/create-minimal.json":            {},
	"testdata/body/provider/update-cert.json":               {},
	"testdata/body/provider/update-local-password.json":     {},
	"testdata/body/provider/update-minimal.json":            {},
	// Issue 5: PKCS#12/PKCS#7 inputs, weak keys, Certificate Manager bundles, zlint advisories.
	"testdata/format/bundle.p12":              {"VPN.0074"},
	"testdata/format/bundle-der.p7b":          {"VPN.0074"},
	"testdata/weak/roca.pem":                  {"VCL.0702", "VCL.0704"},
	"testdata/weak/fermat.pem":                {"VCL.0706"},
	"testdata/weak/small-factor.pem":          {"VCL.0705"},
	"testdata/weak/even-modulus.pem":          {"VCL.0707"},
	"testdata/weak/exponent-one.pem":          {"VCL.0707"},
	"testdata/weak/ec-off-curve.pem":          {"VCL.0703", "VCL.0708", "VPN.0075"},
	"testdata/ccm/good-pkcs8.pem":             {},
	"testdata/ccm/good-pkcs1.pem":             {},
	"testdata/ccm/good-ec-sec1.pem":           {"VCL.0703"},
	"testdata/ccm/chain-in-certificate.pem":   {},
	"testdata/ccm/encrypted-pkcs8.pem":        {"VCL.2001"},
	"testdata/ccm/encrypted-legacy.pem":       {"VCL.2001"},
	"testdata/ccm/key-not-a-key.pem":          {"VCL.2002"},
	"testdata/ccm/key-mismatch.pem":           {"VCL.2003"},
	"testdata/ccm/certificate-too-long.pem":   {"VCL.2004"},
	"testdata/ccm/chain-too-long.pem":         {"VCL.2005"},
	"testdata/ccm/key-too-long.pem":           {"VCL.0702", "VCL.2006"},
	"testdata/ccm/chain-not-certificates.pem": {"VCL.2007", "VCL.2011"},
	"testdata/ccm/chain-wrong-order.pem":      {"VCL.2010"},
	"testdata/ccm/chain-incomplete.pem":       {"VCL.2011"},
	"testdata/ccm/issuer-expires-first.pem":   {"VCL.2012"},
	"testdata/ccm/leaf-is-ca.pem":             {"VCL.2013"},
	"testdata/ccm/no-server-auth.pem":         {"VCL.2014"},
	"testdata/ccm/no-digital-signature.pem":   {"VCL.2015"},
	"testdata/zlint/server-leaf.pem": {"zlint.e_ext_san_missing", "zlint.e_missing_crl_distrib_point",
		"zlint.e_sub_cert_aia_missing", "zlint.e_sub_cert_cert_policy_empty", "zlint.e_sub_cert_certificate_policies_missing",
		"zlint.e_sub_cert_valid_time_longer_than_39_months", "zlint.e_sub_cert_valid_time_longer_than_825_days",
		"zlint.e_subject_common_name_not_exactly_from_san", "zlint.w_ext_subject_key_identifier_not_recommended_subscriber",
		"zlint.w_sub_cert_aia_does_not_contain_issuing_ca_url", "zlint.w_subject_common_name_included"},
	"testdata/zlint/ca-bc-not-critical.pem": {"zlint.e_basic_constraints_not_critical"},
	"testdata/zlint/root-ca.pem":            {},
	"testdata/zlint/crl-v1.crl":             {"zlint.e_crl_has_authority_key_identifier"},

	// Issue 11 item 4: an ordinary private PKI made with openssl gives nothing with the default
	// zlint profile (private); a server certificate without EKU and keyUsage gets the two server
	// lints of that profile (scripts/gen/57-private-pki.sh).
	"testdata/zlint/private-ca.pem":                  {},
	"testdata/zlint/private-server.pem":              {},
	"testdata/zlint/private-server-single-label.pem": {},
	"testdata/zlint/private-ca.crl":                  {},
	"testdata/zlint/private-server-no-eku-ku.pem":    {"zlint.e_sub_cert_eku_missing", "zlint.w_missing_key_usage"},

	// Issue 9: RSASSA-PSS judged by its hashes, a date decided by half a second, a negative
	// RSA modulus (scripts/gen/51-pss-details.sh).
	"testdata/ca/rsa-pss-sha512.pem":         {"VCL.0711"},
	"testdata/ca/rsa-pss-sha1.pem":           {"VPN.0071"},
	"testdata/ca/rsa-pss-sha1-explicit.pem":  {"VPN.0071"},
	"testdata/ca/rsa-pss-mgf1-sha1.pem":      {"VPN.0071"},
	"testdata/ca/rsa-pss-no-params.pem":      {"VPN.0071"},
	"testdata/ca/rsa-pss-null-params.pem":    {"VPN.0071"},
	"testdata/ca/not-yet-valid-fraction.pem": {"VPN.0073", "VPN.0075"},
	"testdata/weak/negative-modulus.pem":     {"VCL.0707", "VPN.0070"},
	"testdata/ca/version-4.pem":              {"VCL.0752"},

	// Well-formed certificates zcrypto cannot read (VCL.0751), and what is not a certificate.
	"testdata/auto/crldp-relative-ca.pem":          {"VCL.0751"},
	"testdata/auto/crldp-relative-leaf.pem":        {"VCL.0751"},
	"testdata/auto/ec-compressed-ca.pem":           {"VCL.0703", "VCL.0751"},
	"testdata/crl/by-ec-compressed-ca.crl":         {"VCL.0703", "VCL.0751"}, // the --ca's; the CRL verifies with its key
	"testdata/format/san-ip-8-bytes.pem":           {"VPN.0075"},
	"testdata/format/crldp-relative-truncated.pem": {"VPN.0075"},

	// Issue 10: the other P2C request bodies (SDK-made JSON, hand-written YAML).
	"testdata/body/kinds/ca-create-no-content.json":        {"VPN.0001"},
	"testdata/body/kinds/ca-rename.json":                   {},
	"testdata/body/kinds/ca-upload-empty-content.json":     {"VPN.0074"},
	"testdata/body/kinds/ca-upload-expired.json":           {"VPN.0072"},
	"testdata/body/kinds/ca-upload-leaf.json":              {"VPN.0076"},
	"testdata/body/kinds/ca-upload-name-64.json":           {},
	"testdata/body/kinds/ca-upload-name-65.json":           {"VPN.0001"},
	"testdata/body/kinds/ca-upload-no-name.json":           {},
	"testdata/body/kinds/ca-upload-valid.json":             {},
	"testdata/body/kinds/group-name-64.json":               {},
	"testdata/body/kinds/group-name-65.json":               {"VPN.0001"},
	"testdata/body/kinds/group-name-empty.json":            {"VPN.0001"},
	"testdata/body/kinds/group-update.json":                {},
	"testdata/body/kinds/group-valid.json":                 {},
	"testdata/body/kinds/malformed-user.json":              {"VPN.0001"},
	"testdata/body/kinds/members-add-valid.json":           {},
	"testdata/body/kinds/members-delete-empty.json":        {"VPN.1318"},
	"testdata/body/kinds/members-remove-duplicate.json":    {"VPN.1315"},
	"testdata/body/kinds/password-change-same.json":        {"VPN.1311"},
	"testdata/body/kinds/password-change-valid.json":       {},
	"testdata/body/kinds/password-reset-valid.json":        {},
	"testdata/body/kinds/password-reset-weak.json":         {"VPN.1308"},
	"testdata/body/kinds/policy-10-cidrs.json":             {},
	"testdata/body/kinds/policy-11-cidrs.json":             {"VPN.1402"},
	"testdata/body/kinds/policy-create-missing.json":       {"VPN.0001"},
	"testdata/body/kinds/policy-duplicate-cidr.json":       {"VPN.1404"},
	"testdata/body/kinds/policy-invalid-cidr.json":         {"VPN.1403"},
	"testdata/body/kinds/policy-no-cidrs.json":             {"VPN.0001"},
	"testdata/body/kinds/policy-null-cidrs.json":           {"VPN.0001"},
	"testdata/body/kinds/policy-typo.json":                 {"VCL.1202", "VCL.1251"},
	"testdata/body/kinds/policy-unavailable-cidr.json":     {"VPN.1405"},
	"testdata/body/kinds/policy-update.json":               {},
	"testdata/body/kinds/policy-valid.json":                {},
	"testdata/body/kinds/user-name-3.json":                 {"VPN.1317"},
	"testdata/body/kinds/user-name-33.json":                {"VPN.1317"},
	"testdata/body/kinds/user-name-char.json":              {"VPN.1317"},
	"testdata/body/kinds/user-password-33.json":            {"VPN.1308"},
	"testdata/body/kinds/user-password-7.json":             {"VPN.1308"},
	"testdata/body/kinds/user-password-invalid-char.json":  {"VPN.1310"},
	"testdata/body/kinds/user-password-is-name.json":       {"VPN.1309"},
	"testdata/body/kinds/user-password-number.yaml":        {"VPN.0001"},
	"testdata/body/kinds/user-password-one-class.json":     {"VPN.1308"},
	"testdata/body/kinds/user-password-reversed-name.json": {"VPN.1309"},
	"testdata/body/kinds/user-password-two-classes.json":   {},
	"testdata/body/kinds/user-static-ip-invalid.json":      {"VPN.0001"},
	"testdata/body/kinds/user-update.json":                 {},
	"testdata/body/kinds/user-valid-limits.json":           {},
	"testdata/body/kinds/user-valid.json":                  {},
	"testdata/body/kinds/users-duplicate-static-ip.json":   {"VPN.0001"},
	"testdata/body/kinds/users-duplicate.json":             {"VPN.1315"},
	"testdata/body/kinds/users-empty.json":                 {"VPN.1318"},
	"testdata/body/kinds/users-faults.yaml":                {"VPN.0001", "VPN.1308", "VPN.1309", "VPN.1317"},
	"testdata/body/kinds/users-null.json":                  {"VPN.1318"},
	"testdata/body/kinds/users-valid.json":                 {},

	// Terraform (issue 14): each configuration and its plan raise the same codes.
	"testdata/terraform/clean":             {},
	"testdata/terraform/clean.plan.json":   {},
	"testdata/terraform/server":            {"VPN.0001", "VPN.0072", "VPN.1100", "VPN.1101", "VPN.1103", "VPN.1104", "VPN.1105", "VPN.1107", "VPN.1118", "VPN.1119", "VCL.1203", "VCL.1204", "VCL.1205", "VCL.1221"},
	"testdata/terraform/server.plan.json":  {"VPN.0001", "VPN.0072", "VPN.1100", "VPN.1101", "VPN.1103", "VPN.1104", "VPN.1105", "VPN.1107", "VPN.1118", "VPN.1119", "VCL.1203", "VCL.1204", "VCL.1205", "VCL.1221"},
	"testdata/terraform/sets":              {"VPN.0077", "VPN.1111", "VPN.1300", "VPN.1302", "VPN.1306", "VPN.1400"},
	"testdata/terraform/sets.plan.json":    {"VPN.0077", "VPN.1111", "VPN.1300", "VPN.1302", "VPN.1306", "VPN.1400"},
	"testdata/terraform/kinds":             {"VPN.0001", "VPN.0070", "VPN.0074", "VPN.0076", "VPN.1308", "VPN.1309", "VPN.1310", "VPN.1317", "VPN.1402", "VPN.1403", "VPN.1405"},
	"testdata/terraform/kinds.plan.json":   {"VPN.0001", "VPN.0070", "VPN.0074", "VPN.0076", "VPN.1308", "VPN.1309", "VPN.1310", "VPN.1317", "VPN.1402", "VPN.1403", "VPN.1405"},
	"testdata/terraform/module":            {"VPN.0072", "VPN.1119", "VPN.1317"},
	"testdata/terraform/module.plan.json":  {"VPN.0072", "VPN.1119", "VPN.1317"},
	"testdata/terraform/unknown":           {"VPN.1317", "VCL.1260"},
	"testdata/terraform/unknown.plan.json": {"VPN.1317", "VCL.1260"},
	"testdata/terraform/ccm":               {"VCL.2003"},
	"testdata/terraform/ccm.plan.json":     {"VCL.2003"},
	"testdata/terraform/unsupported":       {"VCL.1260"},
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
			if code, ok := lint.Lookup(c); ok && code.Severity == lint.Error {
				wantExit = 1 // the cloud's codes, and vpncertlint's own errors (broken keys, CCM limits)
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

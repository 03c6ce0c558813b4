// Package outputtest builds the small report the formats' golden tests render, and checks
// a rendering against its golden file (go test ./internal/output/... -update rewrites them).
package outputtest

import (
	"testing"
	"time"

	"github.com/sebdah/goldie/v2"

	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/internal/tfcheck"
	"github.com/vpncertlint/vpncertlint/lint"
)

// ZlintCode is a zlint advisory's code the sample report raises four times (more than the
// text format's SummarizeAfter).
const ZlintCode = "zlint.outputtest_lint"

func init() {
	if _, ok := lint.Lookup(ZlintCode); !ok {
		lint.Register(lint.Code{ID: ZlintCode, Source: lint.SourceZlint, Severity: lint.Warning,
			Message: "outputtest lint MUST be met", DescEN: "d", RemedyEN: "r", DescZH: "d", RemedyZH: "r"})
	}
}

// Report is a small report with what the formats escape, group, cut and count: a name with
// markup and quotes, findings below and above --fail-on error, a finding about no file, an
// unreadable input, a waived finding, a skipped file and a zlint advisory raised four times.
// spillAfter is its report.Options.SpillAfter (-1: in memory; 1: every finding spilled).
func Report(t testing.TB, spillAfter int) *report.Report {
	t.Helper()
	waive := report.Waivers(func(f *lint.Finding) (report.Waiver, bool) {
		return report.Waiver{Reason: "accepted <for now>", Expires: "2026-12-31"}, f.File == "certs/waived.pem"
	})
	lower := report.SeverityOverrides(map[string]lint.Severity{"VPN.0078": lint.Warning})
	r := report.New(report.Tool{Name: "vpncertlint", Version: "<1&2>"}, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC),
		report.Options{Processors: []report.Processor{lower, waive}, SpillAfter: spillAfter})
	t.Cleanup(r.Close)
	odd := "certs/a<b> & \"c\".pem"
	obj := lint.Object{Subject: "CN=\"x\" & y", Issuer: "CN=root", Serial: "01", SHA256: "ab12"}
	must(t, r.AddFile(lint.FileResult{File: odd, Objects: []lint.ObjectInfo{
		{Line: 1, Type: "CERTIFICATE", Kind: "certificate", Role: "ca", Object: obj},
		{Line: 30, Type: "X509 CRL", Kind: "crl"}}}))
	must(t, r.AddFile(lint.FileResult{File: "certs/gone.pem", Error: "open certs/gone.pem: permission denied", Objects: []lint.ObjectInfo{}}))
	must(t, r.AddFile(lint.FileResult{File: "certs/waived.pem", Objects: []lint.ObjectInfo{{Line: 1, Type: "CERTIFICATE", Kind: "certificate", Role: "ca"}}}))
	must(t, r.AddFile(lint.FileResult{File: "certs/many.pem", Objects: []lint.ObjectInfo{
		{Line: 1, Type: "CERTIFICATE", Kind: "certificate", Role: "server"}, {Line: 20, Type: "CERTIFICATE", Kind: "certificate", Role: "server"}}}))
	must(t, r.Add(
		lint.New("VPN.0072", "notAfter 2024-01-01 <before now>", "a<b> & \"c\".pem").At(odd, 1).About(obj),
		lint.New("VPN.0078", "pasted text", "a<b> & \"c\".pem").At(odd, 30),
		lint.New("VPN.0074", "no client CA in the run", "run").At("", 0),
		lint.New("VPN.0072", "notAfter 2025-01-01", "waived.pem").At("certs/waived.pem", 1),
	))
	for _, at := range []struct {
		file string
		line int
	}{{"certs/many.pem", 1}, {"certs/many.pem", 20}, {odd, 1}, {"certs/waived2.pem", 1}} {
		must(t, r.Add(lint.New(ZlintCode, "RFC 5280: 4.2.1.9").At(at.file, at.line)))
	}
	r.Skip("certs/notes.json", "not a server body (no vpn_server key)")
	return r
}

// TerraformReport is a small report of a Terraform plan and configuration: findings about a
// resource and one of its arguments (the argument path and an instance key that the formats
// escape), about a resource without an argument, and a notice of a value unknown before
// apply. spillAfter is as for Report.
func TerraformReport(t testing.TB, spillAfter int) *report.Report {
	t.Helper()
	r := report.New(report.Tool{Name: "vpncertlint", Version: "1.0"}, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC),
		report.Options{SpillAfter: spillAfter})
	t.Cleanup(r.Close)
	must(t, r.AddFile(lint.FileResult{File: "infra/modules/vpn/main.tf", Objects: []lint.ObjectInfo{
		{Line: 12, Type: "huaweicloud_vpn_server", Kind: "resource"}, {Line: 30, Type: "huaweicloud_vpn_user", Kind: "resource"}}}))
	must(t, r.AddFile(lint.FileResult{File: "plan.json", Objects: []lint.ObjectInfo{
		{Line: 1, Type: "huaweicloud_vpn_client_ca_certificate", Kind: "resource"}}}))
	server := "module.vpn.huaweicloud_vpn_server.main"
	user := `module.vpn.huaweicloud_vpn_user.users["a<l> & |b|"]`
	at := func(f lint.Finding, resource, field string) lint.Finding {
		f.Resource, f.Field = resource, field
		return f
	}
	must(t, r.Add(
		at(lint.New("VPN.0072", "notAfter 2024-01-01", "ca-main").At("infra/modules/vpn/main.tf", 14), server, "client_ca_certificates[1].content"),
		at(lint.New("VPN.1317", "the name has a space", "name").At("infra/modules/vpn/main.tf", 31), user, "name"),
		at(lint.New("VPN.0077", "", "ca.pem").At("plan.json", 1), "huaweicloud_vpn_client_ca_certificate.dup", ""),
		at(lint.New(tfcheck.CodeUnknown, "known after apply", "client_cidr").At("plan.json", 1), "huaweicloud_vpn_server.other", "client_cidr"),
	))
	return r
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Golden compares got with testdata/NAME.golden.
func Golden(t *testing.T, name string, got []byte) {
	t.Helper()
	g := goldie.New(t, goldie.WithFixtureDir("testdata"), goldie.WithNameSuffix(".golden"), goldie.WithDiffEngine(goldie.ColoredDiff))
	g.Assert(t, name, got)
}

package e2e

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"
	"github.com/vpncertlint/vpncertlint/cmd"
)

// runEnv runs the command line with the environment env (and nothing else of the process's).
func runEnv(t *testing.T, env map[string]string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cmd.ExecuteEnv(args, func(k string) string { return env[k] }, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// TestMarkdownGolden compares the markdown report (--format markdown) of a few runs with
// testdata/markdown/NAME.golden. Regenerate with: go test ./internal/e2e -run TestMarkdownGolden -update
func TestMarkdownGolden(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(filepath.Join("testdata", "markdown")), goldie.WithNameSuffix(".golden"), goldie.WithDiffEngine(goldie.ColoredDiff))
	base := []string{"check", "--no-config", "--now", testNow, "--format", "markdown"}
	github := map[string]string{"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "acme/pki", "GITHUB_SHA": "0123456789abcdef0123456789abcdef01234567"}
	for _, c := range []struct {
		name string
		env  map[string]string
		args []string
	}{
		// Cloud errors, relative links (no CI variables).
		{"expired-rsa1024-sha1", nil, []string{"--role", "ca", "--no-zlint", "testdata/ca/expired-rsa1024-sha1.pem"}},
		// In GitHub Actions: links to the commit's files.
		{"github-links", github, []string{"--role", "ca", "--no-zlint", "testdata/ca/expired-rsa1024-sha1.pem", "testdata/ca/good-rsa3072.pem"}},
		// --markdown-link-base wins over the CI variables; a line-0 finding links to the file.
		{"link-base", github, []string{"--no-zlint", "--markdown-link-base", "https://git.example.com/pki/-/blob/main", "testdata/format/empty.pem", "testdata/format/crlf.pem"}},
		// zlint advisories (warnings): every one is listed, whole.
		{"zlint", nil, []string{"--role", "auto", "testdata/zlint"}},
		// Chinese: the cloud's Chinese descriptions, Chinese headings; an input that could not be read.
		{"zh-unreadable", map[string]string{"LANG": "zh_CN.UTF-8"}, []string{"--role", "ca", "--no-zlint", "testdata/ca/expired-rsa1024-sha1.pem", "testdata/ca/no-such-file.pem"}},
		// Nothing found.
		{"clean", nil, []string{"--role", "ca", "--no-zlint", "testdata/ca/good-rsa3072.pem"}},
		// A project configuration with waivers; -v lists the waived findings.
		{"demo-repo-verbose", nil, []string{"--config", "testdata/demo-repo/.vpncertlint.yaml", "-v"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append(append([]string{}, base...), c.args...)
			if c.name == "demo-repo-verbose" {
				args = append([]string{"check", "--now", testNow, "--format", "markdown"}, c.args...)
			}
			out, _, code := runEnv(t, c.env, args...)
			g.Assert(t, c.name, []byte(out+"exit "+itoa(code)+"\n"))
		})
	}
}

// TestTextReportLanguage: --lang zh, or a Chinese locale (LC_ALL, then LC_MESSAGES, then LANG)
// when --lang is not given, shows the cloud's Chinese description in the text report, and a
// Chinese summary line; the JSON report keeps the cloud's English message.
func TestTextReportLanguage(t *testing.T) {
	fixture := "testdata/ca/expired-rsa1024-sha1.pem"
	args := []string{"check", "--no-config", "--no-zlint", "--now", testNow, "--role", "ca", "--color", "never"}
	const zhLine = "testdata/ca/expired-rsa1024-sha1.pem:1: VPN.0072 error: 证书expired-rsa1024-sha1.pem已过期。 (notAfter 2020-01-01 00:00:00 UTC is before now (2026-06-01 00:00:00 UTC))\n"
	const enLine = "testdata/ca/expired-rsa1024-sha1.pem:1: VPN.0072 error: Certificate expired-rsa1024-sha1.pem has expired. (notAfter"
	const zhSummary = "3个错误,0个警告,0个提示,共1个输入(1个对象)\n"
	const enSummary = "3 errors, 0 warnings, 0 notices in 1 input (1 object)\n"
	for _, c := range []struct {
		name  string
		env   map[string]string
		extra []string
		zh    bool
	}{
		{"LANG=zh_CN.UTF-8", map[string]string{"LANG": "zh_CN.UTF-8"}, nil, true},
		{"LANG=zh_TW", map[string]string{"LANG": "zh_TW"}, nil, true},
		{"--lang zh", nil, []string{"--lang", "zh"}, true},
		{"no locale", nil, nil, false},
		{"LANG=en_US.UTF-8", map[string]string{"LANG": "en_US.UTF-8"}, nil, false},
		{"LANG=C", map[string]string{"LANG": "C"}, nil, false},
		{"--lang en over LANG=zh", map[string]string{"LANG": "zh_CN.UTF-8"}, []string{"--lang", "en"}, false},
		{"--lang zh over LANG=en", map[string]string{"LANG": "en_US.UTF-8"}, []string{"--lang", "zh"}, true},
		{"LC_ALL=C over LANG=zh", map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, nil, false},
		{"LC_ALL=zh over LANG=en", map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, nil, true},
		{"LC_ALL=zh over LC_MESSAGES=en", map[string]string{"LC_ALL": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, nil, true},
		{"LC_MESSAGES=en over LANG=zh", map[string]string{"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, nil, false},
		{"LC_MESSAGES=zh over LANG=en", map[string]string{"LC_MESSAGES": "zh_CN", "LANG": "en_US.UTF-8"}, nil, true},
		{"empty LC_ALL is unset", map[string]string{"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, nil, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := append(append(append([]string{}, args...), c.extra...), fixture)
			out, errb, code := runEnv(t, c.env, a...)
			if code != 1 || errb != "" {
				t.Fatalf("exit %d, stderr %q", code, errb)
			}
			if c.zh {
				if !strings.Contains(out, zhLine) || !strings.HasSuffix(out, zhSummary) {
					t.Errorf("no Chinese description or summary:\n%s", out)
				}
			} else if !strings.Contains(out, enLine) || !strings.HasSuffix(out, enSummary) {
				t.Errorf("not the English report:\n%s", out)
			}
			// The JSON report's message is the cloud's English message, whatever the language.
			js, _, _ := runEnv(t, c.env, append(append(append([]string{}, args...), c.extra...), "--format", "json", fixture)...)
			var rep struct {
				Findings []struct{ Code, Message, Description string }
			}
			if err := json.Unmarshal([]byte(js), &rep); err != nil {
				t.Fatal(err)
			}
			for _, f := range rep.Findings {
				if f.Code == "VPN.0072" {
					if f.Message != "Certificate expired-rsa1024-sha1.pem has expired." {
						t.Errorf("JSON message %q", f.Message)
					}
					if want := c.zh; strings.HasPrefix(f.Description, "证书") != want {
						t.Errorf("JSON description %q (zh %v)", f.Description, want)
					}
				}
			}
		})
	}
	// -v in Chinese: the English message and the Chinese remedy under the line.
	out, _, _ := runEnv(t, map[string]string{"LANG": "zh_CN.UTF-8"}, append(append([]string{}, args...), "-v", fixture)...)
	if !strings.Contains(out, zhLine+"    英文消息: Certificate expired-rsa1024-sha1.pem has expired.\n    处理措施: 请导入未过期的客户端CA证书。\n") {
		t.Errorf("-v in Chinese:\n%s", out)
	}
	// Execute (the tests' entry point) reads no locale: the process's LANG changes nothing.
	t.Setenv("LANG", "zh_CN.UTF-8")
	t.Setenv("LC_ALL", "zh_CN.UTF-8")
	var b, e bytes.Buffer
	cmd.Execute(append(append([]string{}, args...), fixture), strings.NewReader(""), &b, &e)
	if !strings.Contains(b.String(), enLine) {
		t.Errorf("Execute took the process's locale:\n%s", b.String())
	}
}

// TestAdvisorySummaryLines: a zlint lint raised more than 3 times in a run is one summary
// line (count, inputs, the first three) in the text report, not a line per advisory; -v and
// the machine formats list every advisory.
func TestAdvisorySummaryLines(t *testing.T) {
	args := []string{"check", "--no-config", "--now", testNow, "--role", "server", "--color", "never", "--zlint-profile", "webpki", "testdata/server", "testdata/zlint/server-leaf.pem"}
	out, _, _ := runEnv(t, nil, args...)
	const sum = "zlint.e_ext_san_missing warning: Subscriber certificates MUST contain the Subject Alternate Name extension " +
		"(4 times in 4 inputs: testdata/server/leaf-expired.pem, testdata/server/leaf-good.pem, testdata/server/leaf-rsa2048-sha1.pem and 1 more)\n"
	if !strings.Contains(out, "zlint advisories raised more than 3 times, one line per lint (-v lists each one):\n") || !strings.Contains(out, sum) {
		t.Errorf("no summary line:\n%s", out)
	}
	if strings.Contains(out, ".pem:1: zlint.e_ext_san_missing") {
		t.Errorf("a summed-up lint still has its lines:\n%s", out)
	}
	// Lints raised 3 times or fewer keep their lines: e_subject_common_name_not_from_san (once).
	if !strings.Contains(out, "testdata/server/leaf-expired.pem:1: zlint.e_subject_common_name_not_from_san warning: ") {
		t.Errorf("a lint raised once lost its line:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if i := strings.Index(line, " warning: "); i > 0 && strings.Contains(line, "zlint.") && strings.Contains(line, ".pem:1: ") {
			if part := line[i+len(" warning: "):]; len([]rune(part)) > 100 {
				t.Errorf("message part of %d characters: %s", len([]rune(part)), line)
			}
		}
	}
	// -v: every advisory on its line, whole, and no summary.
	verbose, _, _ := runEnv(t, nil, append(args, "-v")...)
	if strings.Count(verbose, ":1: zlint.e_ext_san_missing warning: Subscriber certificates MUST contain the Subject Alternate Name extension (BRs: 7.1.4.2.1)\n") != 4 ||
		strings.Contains(verbose, "more than 3 times") || strings.Contains(verbose, "…") {
		t.Errorf("-v does not list every advisory whole:\n%s", verbose)
	}
	if !strings.Contains(verbose, "zlint.e_missing_crl_distrib_point warning: Checks for the CDP extension in non-Short-lived Subscriber Certificates lacking an OCSP pointer (The CRLDistributionPoints extension MUST be present in non-Short-Lived certificates lacking an OCSP URI; CABF BRs section 7.1.2.11.2 (CRL Distribution Points))\n") {
		t.Errorf("-v cuts a long advisory:\n%s", verbose)
	}
	// JSON: every advisory, whole.
	js, _, _ := runEnv(t, nil, append(args, "--format", "json")...)
	var rep struct {
		Findings []struct{ Code, Message, Detail string }
	}
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range rep.Findings {
		if f.Code == "zlint.e_ext_san_missing" {
			n++
		}
		if strings.HasPrefix(f.Code, "zlint.") && (strings.Contains(f.Message+f.Detail, "…") || strings.Contains(f.Message, ".pem") || strings.HasPrefix(f.Detail, "zlint ")) {
			t.Errorf("JSON finding %+v", f)
		}
	}
	if n != 4 {
		t.Errorf("JSON lists %d of the 4 e_ext_san_missing advisories", n)
	}
}

// TestSpilledSummaryLines: a report spilled to its temporary file sums up the same lints
// (the counts by code come from the spool) and renders the same text and markdown without -v.
func TestSpilledSummaryLines(t *testing.T) {
	for _, format := range []string{"text", "markdown"} {
		args := []string{"check", "--no-config", "--now", testNow, "--role", "server", "--color", "never", "--zlint-profile", "webpki", "--format", format, "testdata/server", "testdata/zlint/server-leaf.pem"}
		want, _, wantCode := runSpilled(t, 0, args...)
		if format == "text" && !strings.Contains(want, "more than 3 times") {
			t.Fatalf("no summary line:\n%s", want)
		}
		for _, n := range []int{1, 2, 7} {
			if got, _, code := runSpilled(t, n, args...); got != want || code != wantCode {
				t.Errorf("%s, spilling after %d: differs\n--- got\n%s\n--- want\n%s", format, n, got, want)
			}
		}
	}
}

// TestCodesLanguage: `codes` describes in the locale's language when --lang is not given,
// as check does; --lang wins over the locale.
func TestCodesLanguage(t *testing.T) {
	const zh, en = "证书%s已过期。", "Certificate %s has expired."
	for _, c := range []struct {
		name  string
		env   map[string]string
		extra []string
		want  string
	}{
		{"LANG=zh_CN.UTF-8", map[string]string{"LANG": "zh_CN.UTF-8"}, nil, zh},
		{"no locale", nil, nil, en},
		{"--lang en over LANG=zh", map[string]string{"LANG": "zh_CN.UTF-8"}, []string{"--lang", "en"}, en},
		{"--lang ZH", nil, []string{"--lang", "ZH"}, zh},
	} {
		out, errb, code := runEnv(t, c.env, append([]string{"codes", "VPN.0072"}, c.extra...)...)
		if code != 0 || !strings.Contains(out, "description: "+c.want) {
			t.Errorf("%s: exit %d, stderr %q, output:\n%s", c.name, code, errb, out)
		}
	}
}

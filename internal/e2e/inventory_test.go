package e2e

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sebdah/goldie/v2"
)

// The inventory (vpncertlint inventory) and the HTML report, on the demo repository
// (testdata/demo-repo) at the tests' clock: goldens in testdata/inventory. Regenerate with:
// go test -run 'TestInventoryGolden|TestHTMLGolden' -update ./internal/e2e

const demoConfig = "testdata/demo-repo/.vpncertlint.yaml"

func TestInventoryGolden(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(filepath.Join("testdata", "inventory")), goldie.WithNameSuffix(".golden"), goldie.WithDiffEngine(goldie.ColoredDiff))
	for _, c := range []struct{ name, format string }{
		{"demo-repo.txt", "text"}, {"demo-repo.csv", "csv"}, {"demo-repo.json", "json"}, {"demo-repo.md", "markdown"}, {"demo-repo.html", "html"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, errb, code := runEnv(t, nil, "inventory", "--config", demoConfig, "--now", testNow, "--format", c.format)
			if code != 0 || errb != "" {
				t.Fatalf("exit %d, stderr %q", code, errb)
			}
			g.Assert(t, c.name, []byte(unversioned(t, out)))
		})
	}
	// Without a configuration, on fixtures with findings: the worst finding of each row.
	out, _, code := runEnv(t, nil, "inventory", "--no-config", "--no-zlint", "--now", testNow, "--role", "ca",
		"testdata/ca/expired-rsa1024-sha1.pem", "testdata/ca/rsa2048.pem", "testdata/ca/good-rsa3072.pem", "testdata/ca/expiring-soon.pem")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	g.Assert(t, "worst.txt", []byte(out))
}

// unversioned is out with the build's version (in the JSON's tool and the HTML's generator)
// replaced by VERSION: goldens do not depend on how the test binary was built.
func unversioned(t *testing.T, out string) string {
	t.Helper()
	line, _, _ := runEnv(t, nil, "version")
	f := strings.Fields(line)
	if len(f) < 2 {
		t.Fatalf("version %q", line)
	}
	return strings.NewReplacer(`"version": "`+f[1]+`"`, `"version": "VERSION"`, "vpncertlint "+f[1], "vpncertlint VERSION").Replace(out)
}

// check --format html: the findings by file and the timeline, at the fixed clock.
func TestHTMLGolden(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir(filepath.Join("testdata", "inventory")), goldie.WithNameSuffix(".golden"), goldie.WithDiffEngine(goldie.ColoredDiff))
	out, errb, code := runEnv(t, nil, "check", "--config", demoConfig, "--now", testNow, "--format", "html")
	if code != 0 || errb != "" {
		t.Fatalf("exit %d, stderr %q", code, errb)
	}
	g.Assert(t, "demo-repo-check.html", []byte(unversioned(t, out)))
	// --output writes the HTML to the file and the text report to standard output.
	file := filepath.Join(t.TempDir(), "report.html")
	text, _, code := runEnv(t, nil, "check", "--config", demoConfig, "--now", testNow, "--format", "html", "-o", file, "--color", "never")
	written, err := os.ReadFile(file)
	if err != nil || code != 0 || string(written) != out || !strings.Contains(text, "VCL.9001 warning") {
		t.Errorf("--output: exit %d, %v, same HTML %v, text:\n%s", code, err, string(written) == out, text)
	}
}

// The JSON and CSV carry every documented column, and agree.
func TestInventoryColumns(t *testing.T) {
	js, _, _ := runEnv(t, nil, "inventory", "--config", demoConfig, "--now", testNow, "--format", "json")
	var doc struct {
		Now  string           `json:"now"`
		Rows []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	cs, _, _ := runEnv(t, nil, "inventory", "--config", demoConfig, "--now", testNow, "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(cs)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if doc.Now != testNow || len(doc.Rows) != 7 || len(recs) != 8 {
		t.Fatalf("now %s, %d JSON rows, %d CSV records", doc.Now, len(doc.Rows), len(recs))
	}
	docs, err := os.ReadFile("docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, col := range recs[0] {
		if _, ok := doc.Rows[0][col]; !ok {
			t.Errorf("CSV column %s is not a JSON key", col)
		}
		if !strings.Contains(string(docs), "`"+col+"`") {
			t.Errorf("column %s is not documented in docs/cli.md", col)
		}
	}
	if len(doc.Rows[0]) != len(recs[0]) {
		t.Errorf("%d JSON keys, %d CSV columns", len(doc.Rows[0]), len(recs[0]))
	}
	if first := doc.Rows[0]; first["file"] != "testdata/demo-repo/pki/server/vpn.pem" || first["days_left"] != 14.0 || first["status"] != "soon" {
		t.Errorf("first row %v, want the server certificate, 14 days left, soon", first)
	}
}

// --expires-within and --fail-on: the scheduled CI check.
func TestInventoryExpiresWithin(t *testing.T) {
	base := []string{"inventory", "--config", demoConfig, "--now", testNow, "--format", "csv"}
	rows := func(out string) int { return strings.Count(out, "\n") - 1 }
	for _, c := range []struct {
		args     []string
		rows     int
		wantCode int
	}{
		{nil, 7, 0},
		{[]string{"--expires-within", "14d"}, 0, 0},                      // vpn.pem ends in exactly 14 days: not before now+14d
		{[]string{"--expires-within", "337h"}, 1, 0},                     // 14 days and an hour
		{[]string{"--expires-within", "15d", "--fail-on", "any"}, 1, 1},  // a row remains
		{[]string{"--expires-within", "14d", "--fail-on", "any"}, 0, 0},  // none remains
		{[]string{"--expires-within", "300d", "--fail-on", "ANY"}, 3, 1}, // and the CRLs
		{[]string{"--fail-on", "warning"}, 7, 0},                         // no row has a finding of its own
		{[]string{"--fail-on", "none"}, 7, 0},
	} {
		out, errb, code := runEnv(t, nil, append(append([]string{}, base...), c.args...)...)
		if code != c.wantCode || rows(out) != c.rows || errb != "" {
			t.Errorf("%v: exit %d with %d rows (stderr %q), want exit %d with %d", c.args, code, rows(out), errb, c.wantCode, c.rows)
		}
	}
	// A row whose worst finding is at or above --fail-on fails it.
	fixture := "testdata/ca/rsa2048.pem" // VCL.0701, a warning
	for level, want := range map[string]int{"warning": 1, "notice": 1, "error": 0, "any": 1, "none": 0} {
		if _, _, code := runEnv(t, nil, "inventory", "--no-config", "--no-zlint", "--now", testNow, "--role", "ca", "--fail-on", level, fixture); code != want {
			t.Errorf("--fail-on %s on a warning: exit %d, want %d", level, code, want)
		}
	}
	for _, bad := range [][]string{{"--expires-within", "0d"}, {"--expires-within", "soon"}, {"--fail-on", "rows"}, {"--format", "sarif"}} {
		if _, errb, code := runEnv(t, nil, append(append([]string{}, base...), bad...)...); code != 2 || !strings.Contains(errb, "vpncertlint: ") {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", bad, code, errb)
		}
	}
	// An input that cannot be read: exit 2, said on stderr, the others listed.
	out, errb, code := runEnv(t, nil, "inventory", "--no-config", "--no-zlint", "--now", testNow, "--format", "csv", "testdata/ca/rsa2048.pem", "testdata/ca/no-such.pem")
	if code != 2 || rows(out) != 1 || !strings.Contains(errb, "no-such.pem") {
		t.Errorf("unreadable input: exit %d, %d rows, stderr %q", code, rows(out), errb)
	}
}

// TestHTMLChromium renders the demo repository's HTML report in headless Chromium to a PNG
// and checks that it rendered: a page of the window's size, not blank, with the timeline's
// colours (the now line, the valid and expiring bars) drawn, and no console error. Skipped
// when no chromium is installed (.ci/run installs it). VPNCERTLINT_SCREENSHOT=path keeps the
// PNG (docs/img/html-report.png is made so).
func TestHTMLChromium(t *testing.T) {
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("HTML report not rendered: no chromium installed (apt-get install chromium)")
	}
	html, _, code := runEnv(t, nil, "check", "--config", demoConfig, "--now", testNow, "--format", "html")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "report.png")
	if keep := os.Getenv("VPNCERTLINT_SCREENSHOT"); keep != "" {
		shot, _ = filepath.Abs(keep)
	}
	const width, height = 1200, 900
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--no-first-run", "--disable-extensions", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--enable-logging=stderr", "--v=0", "--force-device-scale-factor=1",
		"--window-size="+itoa(width)+","+itoa(height), "--screenshot="+shot, "file://"+page)
	out, err := c.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", browser, err, out)
	}
	// Console messages are logged as CONSOLE(...) lines; a resource the page tried to load
	// (it must load none) would be one too.
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "CONSOLE") || strings.Contains(line, "Failed to load resource") || strings.Contains(line, "Uncaught") {
			t.Errorf("console: %s", line)
		}
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v\n%s", err, out)
	}
	defer func() { _ = f.Close() }() // read only: nothing to lose
	st, _ := f.Stat()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != width || b.Dy() != height || st.Size() < 20_000 {
		t.Fatalf("screenshot %dx%d, %d bytes; want %dx%d and more than a blank page", b.Dx(), b.Dy(), st.Size(), width, height)
	}
	// The colours the page's CSS gives the timeline: valid bars (#2da44e) and the expiring
	// one (#d4a72c) in more pixels than the legend's 12-pixel swatches hold, and the now
	// line (#cf222e), a dashed vertical line: a column of the picture with many red pixels
	// (the swatch and the label are a few pixels high).
	green, amber, red := color.RGBA{0x2d, 0xa4, 0x4e, 0xff}, color.RGBA{0xd4, 0xa7, 0x2c, 0xff}, color.RGBA{0xcf, 0x22, 0x2e, 0xff}
	var nGreen, nAmber, white, redColumn int
	b := img.Bounds()
	for x := b.Min.X; x < b.Max.X; x++ {
		nRed := 0
		for y := b.Min.Y; y < b.Max.Y; y++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			px := color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), 0xff}
			switch {
			case px == color.RGBA{0xff, 0xff, 0xff, 0xff}:
				white++
			case near(px, green):
				nGreen++
			case near(px, amber):
				nAmber++
			case near(px, red):
				nRed++
			}
		}
		redColumn = max(redColumn, nRed)
	}
	if white > b.Dx()*b.Dy()*98/100 {
		t.Errorf("screenshot is %d%% white: blank", white*100/(b.Dx()*b.Dy()))
	}
	if nGreen < 5000 || nAmber < 500 || redColumn < 60 {
		t.Errorf("the timeline did not render: %d green pixels (valid bars, want 5000), %d amber (the expiring bar, want 500), at most %d red in a column (the now line, want 60)",
			nGreen, nAmber, redColumn)
	}
}

func near(a, b color.RGBA) bool {
	d := func(x, y uint8) int {
		if x > y {
			return int(x - y)
		}
		return int(y - x)
	}
	return d(a.R, b.R) <= 8 && d(a.G, b.G) <= 8 && d(a.B, b.B) <= 8
}

// check --format html --lang zh: the page's headings are Chinese, its timeline and table the
// same rows as in English.
func TestHTMLLangZH(t *testing.T) {
	zh, errb, code := runEnv(t, nil, "check", "--config", demoConfig, "--now", testNow, "--format", "html", "--lang", "zh")
	if code != 0 || errb != "" {
		t.Fatalf("exit %d, stderr %q", code, errb)
	}
	en, _, _ := runEnv(t, nil, "check", "--config", demoConfig, "--now", testNow, "--format", "html", "--lang", "en")
	for _, w := range []string{`<html lang="zh">`, "到期时间线", "证书和CRL", "剩余天数"} {
		if !strings.Contains(zh, w) {
			t.Errorf("zh: no %q", w)
		}
	}
	if strings.Contains(zh, "Expiry timeline") || strings.Contains(en, "到期时间线") {
		t.Error("a page in the other language's words")
	}
	if a, b := strings.Count(zh, `<g class="row">`), strings.Count(en, `<g class="row">`); a != b || a == 0 {
		t.Errorf("timeline rows: zh %d, en %d", a, b)
	}
}

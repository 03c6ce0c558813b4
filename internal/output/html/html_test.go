package html

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/inventory"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

var now = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func row(i int, subject string, start, end time.Time, status string, sets ...string) inventory.Row {
	d := int(end.Sub(now) / (24 * time.Hour))
	return inventory.Row{File: fmt.Sprintf("certs/c%04d.pem", i), Line: 1, Kind: inventory.KindCertificate, Role: "ca",
		Sets: sets, Subject: subject, Issuer: "CN=Root", NotBefore: &start, NotAfter: &end, DaysLeft: &d, Status: status,
		SHA256: strings.Repeat("ab", 32), Key: "RSA-3072", SignatureAlgorithm: "sha256WithRSAEncryption"}
}

func render(t *testing.T, d Data) string {
	t.Helper()
	var b bytes.Buffer
	if err := WritePage(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// Names, subjects, details and file names from the inputs are escaped everywhere (labels,
// hover titles, tables, findings); control characters show as escapes.
func TestEscaping(t *testing.T) {
	evil := `CN=<script>alert(1)</script>"'&<img src=x onerror=alert(2)>` + "\x1b[31m\u202e"
	r := row(1, evil, now.AddDate(-1, 0, 0), now.AddDate(1, 0, 0), inventory.StatusOK, `<b>set</b>`)
	r.File = `dir/<i>x</i>.pem`
	rep := report.New(report.Tool{Name: "vpncertlint", Version: "test"}, now, report.Options{})
	if err := rep.Add(lint.Finding{Code: "VPN.0072", Severity: lint.Error, File: r.File, Line: 1, Args: []string{"m " + evil}, Detail: "d " + evil}); err != nil {
		t.Fatal(err)
	}
	out := render(t, Data{Title: "t", Now: now, Rows: []inventory.Row{r}, Report: rep})
	for _, bad := range []string{"<script", "<img", "<i>", "<b>set", "\x1b", "\u202e", "onerror=alert(2)>"} {
		if strings.Contains(out, bad) {
			t.Errorf("unescaped %q in the page", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;", `\x1b[31m`, `\u202e`, "&lt;b&gt;set&lt;/b&gt;", "dir/&lt;i&gt;x&lt;/i&gt;.pem"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in the page", want)
		}
	}
}

// The page loads nothing: no script, no link, no image, no URL but the SVG namespace.
func TestSelfContained(t *testing.T) {
	rows := []inventory.Row{row(1, "CN=a", now.AddDate(-1, 0, 0), now.AddDate(0, 0, 10), inventory.StatusSoon)}
	out := render(t, Data{Title: "t", Now: now, Rows: rows})
	for _, bad := range []string{"<script", "<link", "<img", "@import", "url(", "<iframe", "<object", "src="} {
		if strings.Contains(out, bad) {
			t.Errorf("%q in the page", bad)
		}
	}
	urls := regexp.MustCompile(`https?://[^"' ]+`).FindAllString(out, -1)
	for _, u := range urls {
		if u != "http://www.w3.org/2000/svg" {
			t.Errorf("URL %s in the page", u)
		}
	}
}

var heightRe = regexp.MustCompile(`<svg xmlns="http://www.w3.org/2000/svg" width="(\d+)" height="(\d+)" role="img" aria-label="expiry timeline">`)

// At 1,000 certificates each row keeps its fixed height (the SVG grows linearly and the
// page scrolls it in its box under a sticky axis), every row has its bar and hover title,
// and the groups are the upload sets.
func TestThousandRows(t *testing.T) {
	var rows []inventory.Row
	statuses := []string{inventory.StatusExpired, inventory.StatusSoon, inventory.StatusOK, inventory.StatusNotYet}
	for i := 0; i < 1000; i++ {
		start := now.AddDate(-3, 0, i)
		end := start.AddDate(2+i%5, 0, 0)
		set := "prod"
		if i%3 == 0 {
			set = "staging"
		}
		rows = append(rows, row(i, fmt.Sprintf("CN=client CA %d", i), start, end, statuses[i%4], set))
	}
	inventory.Sort(rows)
	out := render(t, Data{Title: "t", Now: now, Rows: rows})
	m := heightRe.FindStringSubmatch(out)
	if m == nil {
		t.Fatal("no timeline SVG")
	}
	h, _ := strconv.Atoi(m[2])
	if want := 1000*rowHeight + 2*groupHeight + 6; h != want {
		t.Errorf("timeline height %d, want %d (%d px a row)", h, want, rowHeight)
	}
	if n := strings.Count(out, `<g class="row"><title>`); n != 1000 {
		t.Errorf("%d rows with a hover title, want 1000", n)
	}
	for _, s := range statuses {
		if n := strings.Count(out, `<rect class="`+s+`"`); n != 250 {
			t.Errorf("%d %s bars, want 250", n, s)
		}
	}
	for _, want := range []string{">upload set prod (666)<", ">upload set staging (334)<", `class="timeline"`, "overflow: auto", "position: sticky"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in the page", want)
		}
	}
	if len(out) > 2_000_000 {
		t.Errorf("page of %d bytes for 1,000 rows", len(out))
	}
}

// The axis: year ticks over a long span, month ticks over a short one; now marked; a date
// in 9999 is clipped to 15 years after now (with an arrow) rather than squashing the rest.
func TestAxis(t *testing.T) {
	long := buildTimeline([]inventory.Row{row(1, "CN=a", now.AddDate(-2, 0, 0), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), inventory.StatusOK)}, now, &wordsEN)
	if len(long.Ticks) < 5 || len(long.Ticks) > 14 || !regexp.MustCompile(`^\d{4}$`).MatchString(long.Ticks[0].Label) {
		t.Errorf("long span ticks %+v", long.Ticks)
	}
	b := long.Groups[0].Rows[0]
	if !b.ClipRight || b.ClipLeft {
		t.Errorf("9999 bar: clip left %v right %v, want right only", b.ClipLeft, b.ClipRight)
	}
	if last := long.Ticks[len(long.Ticks)-1]; last.Label != "" && last.Label > "2041" {
		t.Errorf("axis reaches %s, want at most 15 years after now", last.Label)
	}
	short := buildTimeline([]inventory.Row{row(1, "CN=a", now.AddDate(0, -2, 0), now.AddDate(0, 3, 0), inventory.StatusOK)}, now, &wordsEN)
	if len(short.Ticks) < 3 || !regexp.MustCompile(`^\d{4}-\d{2}$`).MatchString(short.Ticks[0].Label) {
		t.Errorf("short span ticks %+v", short.Ticks)
	}
	nowX, _ := strconv.ParseFloat(short.NowX, 64)
	if nowX <= plotLeft || nowX >= plotRight {
		t.Errorf("now at x=%v, outside the plot", nowX)
	}
	noDates := inventory.Row{File: "x.crl", Kind: inventory.KindCRL, Status: inventory.StatusUnknown}
	tl := buildTimeline([]inventory.Row{noDates}, now, &wordsEN)
	if tl.Groups[0].Rows[0].HasBar || tl.Groups[0].Name != noSet+" (1)" {
		t.Errorf("a row without dates: %+v in group %q", tl.Groups[0].Rows[0], tl.Groups[0].Name)
	}
}

// A page whose Source kept only some rows says how many it shows of how many, and its counts
// are the Source's, not the rows'.
func TestCappedRows(t *testing.T) {
	rows := []inventory.Row{row(0, "CN=a", now.AddDate(-1, 0, 0), now.AddDate(0, 0, 3), inventory.StatusSoon, "")}
	out := render(t, Data{Title: "t", Now: now, Rows: rows, Total: 5,
		StatusCounts: map[string]int{inventory.StatusSoon: 1, inventory.StatusOK: 4}})
	for _, want := range []string{"the 1 that end soonest of these 5", "&middot; 5 certificates and CRLs", `<span class="sw ok"></span>valid: <b>4</b>`, "1 rows, soonest expiry first"} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if out := render(t, Data{Title: "t", Now: now, Rows: rows}); strings.Contains(out, "end soonest of these") {
		t.Error("an uncapped page says it is capped")
	}
}

package inventory

import (
	"bytes"
	"encoding/csv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

var now = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func at(d time.Duration) *time.Time {
	t := now.Add(d)
	return &t
}

func TestDaysLeft(t *testing.T) {
	const day = 24 * time.Hour
	for _, c := range []struct {
		end  time.Duration
		want int
	}{
		{0, 0},
		{time.Second, 0},
		{day - time.Second, 0},
		{day, 1},
		{day + time.Second, 1},
		{-time.Second, -1},
		{-day + time.Second, -1},
		{-day, -1},
		{-day - time.Second, -2},
		{60 * day, 60},
	} {
		if got := daysLeft(at(c.end), now); got == nil || *got != c.want {
			t.Errorf("daysLeft(now%+v) = %v, want %d", c.end, got, c.want)
		}
	}
	if got := daysLeft(nil, now); got != nil {
		t.Errorf("daysLeft(nil) = %d, want nil", *got)
	}
	// Beyond a time.Duration's 292 years: counted on Unix seconds.
	far := time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
	if got := daysLeft(&far, now); got == nil || *got != 2912291 {
		t.Errorf("daysLeft(9999-12-31) = %v, want 2912291", got)
	}
}

func TestStatus(t *testing.T) {
	const day = 24 * time.Hour
	past := at(-400 * day)
	for _, c := range []struct {
		name       string
		start, end *time.Time
		want       string
	}{
		{"no end", past, nil, StatusUnknown},
		{"ended a second ago", past, at(-time.Second), StatusExpired},
		{"ends now (not before now: not expired)", past, at(0), StatusSoon},
		{"ends in 30 days less a second", past, at(30*day - time.Second), StatusSoon},
		{"ends in exactly 30 days", past, at(30 * day), StatusOK},
		{"starts in a second", at(time.Second), at(400 * day), StatusNotYet},
		{"starts now", at(0), at(400 * day), StatusOK},
		{"no start", nil, at(400 * day), StatusOK},
	} {
		if got := status(c.start, c.end, now, 30); got != c.want {
			t.Errorf("%s: status %q, want %q", c.name, got, c.want)
		}
	}
}

func TestParseWithin(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"60d": 60 * 24 * time.Hour, "1d": 24 * time.Hour, "8w": 56 * 24 * time.Hour, "36h": 36 * time.Hour, "90m": 90 * time.Minute,
		"007d": 7 * 24 * time.Hour,
	} {
		if got, err := ParseWithin(in); err != nil || got != want {
			t.Errorf("ParseWithin(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "d", "0d", "-1d", "+1d", "1.5d", "60", "60days", "0h", "-3h", "x", "99999999999999999999d", "1000000d"} {
		if got, err := ParseWithin(in); err == nil {
			t.Errorf("ParseWithin(%q) = %v, want an error", in, got)
		}
	}
}

func TestExpiringWithin(t *testing.T) {
	const day = 24 * time.Hour
	rows := []Row{
		{File: "expired", NotAfter: at(-day)},
		{File: "just-inside", NotAfter: at(60*day - time.Second)},
		{File: "at-limit", NotAfter: at(60 * day)},
		{File: "later", NotAfter: at(61 * day)},
		{File: "no-end"},
	}
	var got []string
	for _, r := range ExpiringWithin(rows, now, 60*day) {
		got = append(got, r.File)
	}
	if want := "expired just-inside no-end"; strings.Join(got, " ") != want {
		t.Errorf("kept %v, want %s", got, want)
	}
	if out := ExpiringWithin(nil, now, day); out == nil || len(out) != 0 {
		t.Errorf("no rows: %#v, want an empty (non-nil) list", out)
	}
}

func TestSort(t *testing.T) {
	d := func(n int) *int { return &n }
	rows := []Row{
		{File: "b", Line: 1, DaysLeft: d(5)},
		{File: "a", Line: 9, DaysLeft: d(5)},
		{File: "a", Line: 2, DaysLeft: d(5)},
		{File: "z", Line: 1, DaysLeft: d(-3)},
		{File: "y", Line: 1},
		{File: "c", Line: 1, DaysLeft: d(400)},
	}
	Sort(rows)
	var got []string
	for _, r := range rows {
		got = append(got, r.File+":"+Days(r.DaysLeft))
	}
	if want := "y: z:-3 a:5 a:5 b:5 c:400"; strings.Join(got, " ") != want {
		t.Errorf("order %v, want %s", got, want)
	}
	if rows[2].Line != 2 || rows[3].Line != 9 {
		t.Errorf("same file and days: lines %d, %d, want 2, 9", rows[2].Line, rows[3].Line)
	}
}

// A subject that is a spreadsheet formula stays text in the CSV; a negative days_left stays
// a number.
func TestCSVFormula(t *testing.T) {
	n := -3
	rows := []Row{{File: "x.pem", Line: 1, Subject: "=HYPERLINK(\"http://evil\")", Issuer: "+1", Serial: "@x", DaysLeft: &n, Sets: []string{"-set"}}}
	var b bytes.Buffer
	if err := Write(&b, "csv", rows, Meta{}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || strings.Join(recs[0], ",") != strings.Join(Columns, ",") {
		t.Fatalf("records %q", recs)
	}
	got := map[string]string{}
	for i, c := range Columns {
		got[c] = recs[1][i]
	}
	for col, want := range map[string]string{"subject": `'=HYPERLINK("http://evil")`, "issuer": "'+1", "serial": "'@x", "days_left": "-3", "sets": "'-set", "file": "x.pem"} {
		if got[col] != want {
			t.Errorf("%s = %q, want %q", col, got[col], want)
		}
	}
}

// The text table prints names escaped: a newline or an escape sequence in a subject does
// not break the table or reach the terminal.
func TestTextEscapes(t *testing.T) {
	rows := []Row{{File: "a.pem", Line: 1, Subject: "CN=x\n\x1b[31mred\tcell", Status: StatusOK}}
	var b bytes.Buffer
	if err := Write(&b, "text", rows, Meta{Now: "2026-06-01T00:00:00Z"}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "\x1b") || strings.Count(out, "\n") != 3 {
		t.Errorf("unescaped subject:\n%q", out)
	}
	if !strings.Contains(out, `CN=x\n\x1b[31mred\tcell`) {
		t.Errorf("subject not shown escaped:\n%s", out)
	}
}

func TestCRLSigAlg(t *testing.T) {
	if got := crlSigAlg([]byte("not DER")); got != "unreadable signature algorithm" {
		t.Errorf("garbage: %q", got)
	}
	// SEQUENCE { SEQUENCE {}, SEQUENCE { OID 1.2.840.113549.1.1.11 } }
	der := []byte{0x30, 0x0f, 0x30, 0x00, 0x30, 0x0b, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b}
	if got := crlSigAlg(der); got != "sha256WithRSAEncryption" {
		t.Errorf("sha256WithRSAEncryption CRL: %q", got)
	}
}

// Rows takes each row's worst finding at its file and line: the most severe, the first code
// among equals; findings of other lines do not count.
func TestRowsWorst(t *testing.T) {
	c := &Collector{now: now}
	c.rows = []Row{{File: "a.pem", Line: 1}, {File: "a.pem", Line: 30}, {File: "b.pem", Line: 1}}
	rep := report.New(report.Tool{}, now, report.Options{})
	err := rep.Add([]lint.Finding{
		{Code: "VCL.0701", Severity: lint.Warning, File: "a.pem", Line: 1},
		{Code: "VPN.0072", Severity: lint.Error, File: "a.pem", Line: 1},
		{Code: "VPN.0071", Severity: lint.Error, File: "a.pem", Line: 1},
		{Code: "VCL.0743", Severity: lint.Notice, File: "a.pem", Line: 0},
		{Code: "VCL.0721", Severity: lint.Warning, File: "b.pem", Line: 1},
	}...)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := c.Rows(rep)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rows {
		got[r.File+":"+Days(&r.Line)] = r.WorstCode + " " + r.WorstSeverity
	}
	for k, want := range map[string]string{"a.pem:1": "VPN.0071 error", "a.pem:30": " ", "b.pem:1": "VCL.0721 warning"} {
		if got[k] != want {
			t.Errorf("%s: worst %q, want %q", k, got[k], want)
		}
	}
}

// With a limit the Collector keeps exactly the first rows of the whole list in Sort's order,
// whatever order they come in (four goroutines add them), and counts every row.
func TestCollectorLimit(t *testing.T) {
	var all []Row
	for i := 0; i < 500; i++ {
		d := (i * 7919) % 97
		r := Row{File: "f" + Days(&d), Line: i, SHA256: Days(&i), Status: []string{StatusOK, StatusSoon, StatusExpired}[i%3]}
		if i%50 != 0 { // some rows without an end date, which sort first
			r.DaysLeft = &d
		}
		all = append(all, r)
	}
	for _, limit := range []int{1, 7, 100, 499, 500, 600} {
		c := NewCollector(Config{Now: now, Limit: limit})
		var wg sync.WaitGroup
		for g := 0; g < 4; g++ {
			wg.Add(1)
			go func(g int) {
				defer wg.Done()
				for i := len(all) - 1 - g; i >= 0; i -= 4 {
					c.keep(all[i])
				}
			}(g)
		}
		wg.Wait()
		got, err := c.Rows(nil)
		if err != nil {
			t.Fatal(err)
		}
		want := append([]Row(nil), all...)
		Sort(want)
		want = want[:min(limit, len(want))]
		if len(got) != len(want) {
			t.Fatalf("limit %d: %d rows, want %d", limit, len(got), len(want))
		}
		for i := range want {
			if got[i].File != want[i].File || got[i].Line != want[i].Line {
				t.Fatalf("limit %d: row %d is %s:%d, want %s:%d", limit, i, got[i].File, got[i].Line, want[i].File, want[i].Line)
			}
		}
		if c.Total() != len(all) {
			t.Errorf("limit %d: total %d, want %d", limit, c.Total(), len(all))
		}
		if n := c.StatusCounts(); n[StatusOK] != 167 || n[StatusSoon] != 167 || n[StatusExpired] != 166 {
			t.Errorf("limit %d: status counts %v", limit, n)
		}
	}
}

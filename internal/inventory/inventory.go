// Package inventory lists the certificates and CRLs of a run, with their dates, as the
// engine parsed them (`vpncertlint inventory`, and the HTML report's expiry timeline). The
// engine's Options.Observe hands each parsed object to a Collector; once the run's report is
// finalized, Rows adds each object's worst finding and sorts them by days left.
package inventory

import (
	"container/heap"
	"encoding/asn1"
	"fmt"
	"maps"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/crlcheck"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Status of a row, from its dates and the clock.
const (
	StatusExpired    = "expired"       // notAfter (nextUpdate) is before now
	StatusSoon       = "soon"          // ends within the policy's warning days
	StatusOK         = "ok"            // valid, ends later
	StatusNotYet     = "not-yet-valid" // notBefore (thisUpdate) is after now
	StatusUnknown    = "unknown"       // no readable end date (or a CRL without nextUpdate)
	KindCertificate  = "certificate"
	KindCRL          = "crl"
	RoleCRL          = "crl"
	dateLayout       = "2006-01-02T15:04:05Z"
	secondsPerDay    = 86400
	sha256PrefixSize = 16
)

// Row is one certificate or CRL.
type Row struct {
	File string `json:"file"`
	Line int    `json:"line"`
	// Kind is certificate or crl; Role is ca or server for a certificate, crl for a CRL.
	Kind string `json:"kind"`
	Role string `json:"role"`
	// Sets are the upload sets of the file (empty: none, the whole run is one set).
	Sets    []string `json:"sets"`
	Subject string   `json:"subject"`
	Issuer  string   `json:"issuer"`
	Serial  string   `json:"serial"`
	// Key is the public key's type and size ("RSA-3072", "EC P-256"); "" for a CRL.
	Key string `json:"key"`
	// SignatureAlgorithm names the outer signatureAlgorithm ("sha256WithRSAEncryption").
	SignatureAlgorithm string `json:"signature_algorithm"`
	// NotBefore and NotAfter are a certificate's validity, a CRL's thisUpdate and
	// nextUpdate (nil: unreadable, or a CRL without nextUpdate).
	NotBefore *time.Time `json:"not_before"`
	NotAfter  *time.Time `json:"not_after"`
	// DaysLeft is the number of whole days from now to NotAfter, rounded down (negative once
	// expired: -1 the first day after); nil without NotAfter.
	DaysLeft *int   `json:"days_left"`
	Status   string `json:"status"`
	SHA256   string `json:"sha256"`
	// WorstCode is the code of the object's most severe finding (the first code in order
	// among equals), WorstSeverity its severity; "" when it has none.
	WorstCode     string `json:"worst_code"`
	WorstSeverity string `json:"worst_severity"`
}

// SHA256Prefix is the first 16 hex digits of the SHA-256, as the tables show it.
func (r *Row) SHA256Prefix() string {
	if len(r.SHA256) > sha256PrefixSize {
		return r.SHA256[:sha256PrefixSize]
	}
	return r.SHA256
}

// Collector gathers the rows of one run: the engine's Options.Observe hands it each parsed
// object (cmd's attachInventory hooks it in). It is safe for concurrent use.
type Collector struct {
	now           time.Time
	certWarnDays  int
	crlWarnDays   int
	setsFor       func(string) []string
	limit         int
	mu            sync.Mutex
	rows          []Row // with a limit, a max-heap in Sort's order (rows[0] sorts last)
	total         int
	statuses      map[string]int
	findingsAdded bool
}

// Config is what a Collector judges the rows by.
type Config struct {
	// Now is the clock; CertWarnDays and CRLWarnDays the policies' warning days (status soon
	// within them).
	Now                       time.Time
	CertWarnDays, CRLWarnDays int
	// SetsFor names a file's upload sets (nil: none).
	SetsFor func(string) []string
	// Limit keeps at most this many rows, those first in Sort's order (the ones that end
	// soonest), so that memory does not grow with the run; Total and StatusCounts still
	// count every row. 0 keeps them all.
	Limit int
}

// NewCollector returns an empty Collector judging by c.
func NewCollector(c Config) *Collector {
	return &Collector{now: c.Now, setsFor: c.SetsFor, certWarnDays: c.CertWarnDays, crlWarnDays: c.CRLWarnDays,
		limit: c.Limit, statuses: map[string]int{}}
}

// Total is the number of rows added (kept or not).
func (c *Collector) Total() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.total
}

// StatusCounts is the number of rows added of each status (kept or not).
func (c *Collector) StatusCounts() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.statuses)
}

// Now is the clock the rows are judged at.
func (c *Collector) Now() time.Time { return c.now }

// Object is one parsed certificate (Cert, with its Role) or CRL of a run's inputs, at the
// BEGIN line of its block in File (with "/").
type Object struct {
	File string
	Line int
	Role string
	Cert *certcheck.Cert
	CRL  *crlcheck.CRL
}

// Add adds a row for ob (nothing when it has neither Cert nor CRL).
func (c *Collector) Add(ob Object) {
	var r Row
	var nb, na *time.Time
	var warn int
	switch {
	case ob.Cert != nil:
		r, nb, na = certRow(ob.Cert, ob.Role)
		warn = c.certWarnDays
	case ob.CRL != nil:
		r, nb, na = crlRow(ob.CRL)
		warn = c.crlWarnDays
	default:
		return
	}
	r.File, r.Line, r.Sets = ob.File, ob.Line, []string{}
	r.NotBefore, r.NotAfter = utc(nb), utc(na)
	r.DaysLeft = daysLeft(r.NotAfter, c.now)
	r.Status = status(r.NotBefore, r.NotAfter, c.now, warn)
	c.keep(r)
}

// keep counts r and keeps it (with a limit: if it is among the first rows in Sort's order).
func (c *Collector) keep(r Row) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.total++
	c.statuses[r.Status]++
	switch {
	case c.limit <= 0:
		c.rows = append(c.rows, r)
	case len(c.rows) < c.limit:
		c.rows = append(c.rows, r)
		heap.Push((*lastHeap)(&c.rows), nil) // sifts up the row just appended
	case rowLess(&r, &c.rows[0]):
		c.rows[0] = r
		heap.Fix((*lastHeap)(&c.rows), 0)
	}
}

// lastHeap is a max-heap of rows in Sort's order: its root is the row that sorts last.
type lastHeap []Row

func (h lastHeap) Len() int           { return len(h) }
func (h lastHeap) Less(i, j int) bool { return rowLess(&h[j], &h[i]) }
func (h lastHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }

// Push is called by heap.Push after the row was appended by Add: nothing to add.
func (h *lastHeap) Push(any) {}

// Pop is never called.
func (h *lastHeap) Pop() any { panic("inventory: lastHeap.Pop") }

// certRow is a certificate's row (without its place) and its dates (nil: unreadable).
func certRow(x *certcheck.Cert, role string) (r Row, notBefore, notAfter *time.Time) {
	o := x.Object()
	r.Kind, r.Role = KindCertificate, role
	r.Subject, r.Issuer, r.Serial, r.SHA256 = o.Subject, o.Issuer, o.Serial, o.SHA256
	if x.Raw != nil {
		r.Key = x.Raw.Key.KeyName()
		r.SignatureAlgorithm = certcheck.SigAlgName(x.Raw.SigAlg)
	}
	if nb, na, ok := x.Validity(); ok {
		return r, &nb, &na
	}
	return r, nil, nil
}

// crlRow is a CRL's row (without its place), its thisUpdate and nextUpdate (nil: absent).
func crlRow(x *crlcheck.CRL) (r Row, thisUpdate, nextUpdate *time.Time) {
	o := x.Object()
	r.Kind, r.Role = KindCRL, RoleCRL
	r.Issuer, r.Serial, r.SHA256 = o.Issuer, o.Serial, o.SHA256
	r.SignatureAlgorithm = crlSigAlg(x.DER)
	if x.X == nil {
		return r, nil, nil
	}
	if t := x.X.ThisUpdate; !t.IsZero() {
		thisUpdate = &t
	}
	if t := x.X.NextUpdate; !t.IsZero() {
		nextUpdate = &t
	}
	return r, thisUpdate, nextUpdate
}

// utc is *t in UTC (nil: nil).
func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// daysLeft is the number of whole days from now to end, rounded down (nil without end).
// Computed on Unix seconds: a notAfter in 9999 is beyond what a time.Duration holds.
func daysLeft(end *time.Time, now time.Time) *int {
	if end == nil {
		return nil
	}
	s := end.Unix() - now.Unix()
	d := s / secondsPerDay
	if s%secondsPerDay != 0 && s < 0 {
		d--
	}
	n := int(d)
	return &n
}

// status judges the dates at now: expired once the end is before now (as VPN.0072 and
// VPN.0080 do), soon when it is within warnDays days, not yet valid while the start is
// after now.
func status(start, end *time.Time, now time.Time, warnDays int) string {
	switch {
	case end == nil:
		return StatusUnknown
	case end.Before(now):
		return StatusExpired
	case start != nil && start.After(now):
		return StatusNotYet
	case end.Unix()-now.Unix() < int64(warnDays)*secondsPerDay:
		return StatusSoon
	}
	return StatusOK
}

// crlSigAlg names the outer signatureAlgorithm of a CRL's DER (CertificateList ::= SEQUENCE
// { tbsCertList, signatureAlgorithm, signatureValue }), as certificates' are named.
func crlSigAlg(der []byte) string {
	in := cryptobyte.String(der)
	var list, tbs, alg cryptobyte.String
	var oid asn1.ObjectIdentifier
	if !in.ReadASN1(&list, cbasn1.SEQUENCE) || !list.ReadASN1(&tbs, cbasn1.SEQUENCE) ||
		!list.ReadASN1(&alg, cbasn1.SEQUENCE) || !alg.ReadASN1ObjectIdentifier(&oid) {
		return certcheck.SigAlgName(nil)
	}
	return certcheck.SigAlgName(oid)
}

// Rows returns the collected rows, each with its upload sets and its worst finding in rep
// (nil: none), sorted by days left (unknown first), then file, line and SHA-256.
func (c *Collector) Rows(rep *report.Report) ([]Row, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if rep != nil && !c.findingsAdded {
		if err := c.addWorst(rep); err != nil {
			return nil, err
		}
		c.findingsAdded = true
	}
	for i := range c.rows {
		if c.setsFor != nil && len(c.rows[i].Sets) == 0 {
			if s := c.setsFor(c.rows[i].File); len(s) > 0 {
				c.rows[i].Sets = append([]string{}, s...)
			}
		}
	}
	out := append([]Row(nil), c.rows...)
	Sort(out)
	return out, nil
}

// addWorst gives each row the most severe of rep's findings at its file and line (the
// first code in order among equals).
func (c *Collector) addWorst(rep *report.Report) error {
	type worst struct {
		sev  lint.Severity
		code string
	}
	byPlace := map[string]worst{}
	want := map[string]bool{}
	for i := range c.rows {
		want[place(c.rows[i].File, c.rows[i].Line)] = true
	}
	err := rep.EachFinding(func(f *lint.Finding) error {
		k := place(f.File, f.Line)
		if !want[k] {
			return nil
		}
		w, ok := byPlace[k]
		if !ok || f.Severity > w.sev || f.Severity == w.sev && f.Code < w.code {
			byPlace[k] = worst{f.Severity, f.Code}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i := range c.rows {
		if w, ok := byPlace[place(c.rows[i].File, c.rows[i].Line)]; ok {
			c.rows[i].WorstCode, c.rows[i].WorstSeverity = w.code, w.sev.String()
		}
	}
	return nil
}

func place(file string, line int) string { return fmt.Sprintf("%s\x00%d", file, line) }

// Sort orders rows by days left (rows without an end date first), then file, line, SHA-256.
func Sort(rows []Row) {
	sort.SliceStable(rows, func(i, j int) bool { return rowLess(&rows[i], &rows[j]) })
}

// rowLess is Sort's order.
func rowLess(a, b *Row) bool {
	if (a.DaysLeft == nil) != (b.DaysLeft == nil) {
		return a.DaysLeft == nil
	}
	if a.DaysLeft != nil && b.DaysLeft != nil && *a.DaysLeft != *b.DaysLeft {
		return *a.DaysLeft < *b.DaysLeft
	}
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.SHA256 < b.SHA256
}

// ExpiringWithin keeps the rows whose end (notAfter, nextUpdate) is before now+within,
// expired ones included, and the rows without a readable end date (nothing shows that they
// stay valid).
func ExpiringWithin(rows []Row, now time.Time, within time.Duration) []Row {
	limit := now.Unix() + int64(within/time.Second)
	out := []Row{}
	for _, r := range rows {
		if r.NotAfter == nil || r.NotAfter.Unix() < limit {
			out = append(out, r)
		}
	}
	return out
}

// ParseWithin reads --expires-within: a number of days (60d), weeks (8w) or a Go duration
// (36h, 90m); it must be positive.
func ParseWithin(s string) (time.Duration, error) {
	bad := fmt.Errorf("--expires-within %q is not a duration such as 60d, 8w or 36h", s)
	t := strings.TrimSpace(s)
	var unit time.Duration
	switch {
	case strings.HasSuffix(t, "d"):
		unit = 24 * time.Hour
	case strings.HasSuffix(t, "w"):
		unit = 7 * 24 * time.Hour
	}
	var d time.Duration
	if unit != 0 {
		num := t[:len(t)-1]
		if num == "" || strings.Trim(num, "0123456789") != "" {
			return 0, bad
		}
		n, err := strconv.ParseInt(num, 10, 64)
		if err != nil || n > int64((1<<63-1)/unit) {
			return 0, fmt.Errorf("--expires-within %q is too long", s)
		}
		d = time.Duration(n) * unit
	} else {
		var err error
		if d, err = time.ParseDuration(t); err != nil {
			return 0, bad
		}
	}
	if d <= 0 {
		return 0, fmt.Errorf("--expires-within %q must be positive", s)
	}
	return d, nil
}

// Date formats a row's date for tables ("" when absent).
func Date(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(dateLayout)
}

// Days formats days left for tables ("" when absent).
func Days(d *int) string {
	if d == nil {
		return ""
	}
	return fmt.Sprint(*d)
}

// SetsText joins a row's upload sets for tables ("-" when it has none).
func SetsText(sets []string) string {
	if len(sets) == 0 {
		return "-"
	}
	return strings.Join(sets, ",")
}

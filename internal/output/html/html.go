// Package html renders the HTML report of `check --format html` and
// `inventory --format html`: one self-contained page (inline CSS and SVG; no script, font,
// image or other resource fetched) with the summary, the expiry timeline of the
// certificates and CRLs (a bar from notBefore to notAfter on a time axis, now marked,
// coloured by status, grouped by upload set, details on hover through SVG <title>), the
// findings grouped by file, and the inventory table. Everything taken from the inputs
// (names, subjects, details) goes through html/template's escaping, after output.TextSafe
// (control and bidi characters shown as escapes). No key material is ever part of it: the
// rows carry names, dates, algorithms and fingerprints only.
package html

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/inventory"
	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

// Source gives the check report's page the run's certificates and CRLs
// (internal/inventory's Collector does): pass it as output.Options.Objects.
type Source interface {
	// Rows returns the rows with their worst findings in r.
	Rows(r *report.Report) ([]inventory.Row, error)
	// Now is the clock the rows were judged at.
	Now() time.Time
}

// Counter is a Source that keeps only some of the run's rows (the page's timeline and table
// show those) and counts them all.
type Counter interface {
	Total() int
	StatusCounts() map[string]int
}

// Write is the html format (check --format html): the report r with the certificates and
// CRLs of o.Objects (a Source, set by the engine's run; without one the page has no
// timeline and no table).
func Write(w io.Writer, r *report.Report, o output.Options) error {
	d := Data{Title: wordsFor(o.Lang).CheckTitle, Tool: r.Tool(), Report: r, Lang: o.Lang}
	if o.Objects != nil {
		src, ok := o.Objects.(Source)
		if !ok {
			return errors.New("html: output.Options.Objects is not an html.Source")
		}
		rows, err := src.Rows(r)
		if err != nil {
			return err
		}
		d.Rows, d.Now = rows, src.Now()
		if c, ok := src.(Counter); ok {
			d.Total, d.StatusCounts = c.Total(), c.StatusCounts()
		}
	} else if t, err := time.Parse(time.RFC3339, r.Now()); err == nil {
		d.Now = t
	}
	bw := bufio.NewWriterSize(w, 64<<10) // the template writes in small pieces
	if err := WritePage(bw, d); err != nil {
		return err
	}
	return bw.Flush()
}

//go:embed report.html.tmpl
var pageTemplate string

var page = template.Must(template.New("report").Parse(pageTemplate))

// Data is what a report shows.
type Data struct {
	// Title heads the page ("vpncertlint check report", "vpncertlint inventory").
	Title string
	Tool  report.Tool
	Now   time.Time
	// Rows are the certificates and CRLs, in the inventory's order.
	Rows []inventory.Row
	// Report, when set, adds the summary of findings and the findings grouped by file
	// (check); nil for the inventory.
	Report *report.Report
	// ExpiresWithin is the inventory's filter as given ("" when none).
	ExpiresWithin string
	// Lang is the language of the page's headings and labels and of the findings' texts:
	// "en" (or "") or "zh".
	Lang string
	// Total and StatusCounts count every certificate and CRL when Rows holds only some of
	// them (0 and nil: Rows holds them all).
	Total        int
	StatusCounts map[string]int
}

type view struct {
	W                *words
	Title, Tool, Now string
	ExpiresWithin    string
	Counts           []statusCount
	Timeline         timeline
	Rows             []tableRow
	Total            int // certificates and CRLs, Rows or more
	HasReport        bool
	HasFindings      bool
	Summary          string
	IOErrors         []fileView
	Waived           int
	InventoryOpen    bool
}

type statusCount struct {
	Status, Word string
	N            int
}

type tableRow struct {
	Days, Status, Role, Sets, NotBefore, NotAfter, Key, Sig, SHA, Worst, WorstSev, Where, Subject, Issuer string
}

type fileView struct {
	File     string
	Counts   string
	Error    string
	Findings []findingView
}

type findingView struct {
	Line, Severity, Code, Message, Detail string
}

// WritePage renders d as one HTML page. The findings are rendered one file at a time, as
// they are read from the report, so the page's memory is one file's findings, not all.
func WritePage(w io.Writer, d Data) error {
	v, err := build(d)
	if err != nil {
		return err
	}
	if err := page.ExecuteTemplate(w, "head", v); err != nil {
		return err
	}
	if d.Report != nil {
		for _, file := range d.Report.FindingFiles() {
			fs, err := d.Report.FileFindings(file)
			if err != nil {
				return err
			}
			if err := page.ExecuteTemplate(w, "file", fileSection{W: v.W, F: newFileView(file, fs, d.Lang)}); err != nil {
				return err
			}
		}
	}
	return page.ExecuteTemplate(w, "tail", v)
}

// fileSection is what the "file" template renders: one file's findings.
type fileSection struct {
	W *words
	F fileView
}

func build(d Data) (*view, error) {
	w := wordsFor(d.Lang)
	v := &view{W: w, Title: d.Title, Tool: d.Tool.Name + " " + d.Tool.Version, Now: d.Now.UTC().Format(time.RFC3339),
		ExpiresWithin: d.ExpiresWithin, InventoryOpen: d.Report == nil}
	counts := d.StatusCounts
	if counts == nil {
		counts = map[string]int{}
		for i := range d.Rows {
			counts[d.Rows[i].Status]++
		}
	}
	for i := range d.Rows {
		v.Rows = append(v.Rows, newTableRow(&d.Rows[i]))
	}
	v.Total = max(d.Total, len(d.Rows))
	for _, s := range []string{inventory.StatusExpired, inventory.StatusSoon, inventory.StatusOK, inventory.StatusNotYet, inventory.StatusUnknown} {
		v.Counts = append(v.Counts, statusCount{s, w.Status[s], counts[s]})
	}
	v.Timeline = buildTimeline(safeRows(d.Rows), d.Now, w)
	if d.Report == nil {
		return v, nil
	}
	return v, addReport(v, d.Report, d.Lang)
}

func newTableRow(r *inventory.Row) tableRow {
	return tableRow{
		Days: inventory.Days(r.DaysLeft), Status: r.Status, Role: r.Role, Sets: safe(inventory.SetsText(r.Sets)),
		NotBefore: inventory.Date(r.NotBefore), NotAfter: inventory.Date(r.NotAfter), Key: r.Key,
		Sig: r.SignatureAlgorithm, SHA: r.SHA256Prefix(), Worst: r.WorstCode, WorstSev: r.WorstSeverity,
		Where: safe(fmt.Sprintf("%s:%d", r.File, r.Line)), Subject: safe(r.Subject), Issuer: safe(r.Issuer),
	}
}

// addReport adds the summary of rep's findings and the findings grouped by file to v.
func addReport(v *view, rep *report.Report, lang string) error {
	v.HasReport = true
	s := rep.Summary()
	v.Summary = output.WordsFor(lang).Totals(s, rep.NumFiles(), rep.NumObjects())
	v.Waived = s.Waived
	for _, fr := range rep.ErrorFiles() {
		v.IOErrors = append(v.IOErrors, fileView{File: safe(fr.File), Error: safe(fr.Error)})
	}
	v.HasFindings = len(rep.FindingFiles()) > 0
	return nil
}

// newFileView is one file's findings, their texts in lang.
func newFileView(file string, fs []lint.Finding, lang string) fileView {
	fv := fileView{File: safe(file)}
	if file == "" {
		fv.File = wordsFor(lang).RunFile
	}
	var e, wn, n int
	for i := range fs {
		f := &fs[i]
		switch f.Severity {
		case lint.Error:
			e++
		case lint.Warning:
			wn++
		default:
			n++
		}
		line := ""
		if f.Line > 0 {
			line = fmt.Sprint(f.Line)
		}
		tx := f.Text(lang)
		msg, _ := output.LineText(&tx, lang == "zh", output.IsZlint(f.Code))
		fv.Findings = append(fv.Findings, findingView{Line: line, Severity: f.Severity.String(), Code: f.Code,
			Message: safe(msg), Detail: safe(f.Detail)})
	}
	fv.Counts = wordsFor(lang).fileCounts(e, wn, n)
	return fv
}

// count is "1 error", "2 errors".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// safe is output.TextSafe: a control or bidi character in a name shows as an escape (the
// template then escapes HTML).
func safe(s string) string { return output.TextSafe(s) }

// safeRows are rows with their names passed through safe, for the timeline's labels and
// hover texts.
func safeRows(rows []inventory.Row) []inventory.Row {
	out := make([]inventory.Row, len(rows))
	for i, r := range rows {
		r.File, r.Subject, r.Issuer = safe(r.File), safe(r.Subject), safe(r.Issuer)
		sets := make([]string, len(r.Sets))
		for k, s := range r.Sets {
			sets[k] = safe(s)
		}
		r.Sets = sets
		out[i] = r
	}
	return out
}

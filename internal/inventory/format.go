package inventory

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/output/markdown"
	"github.com/vpncertlint/vpncertlint/internal/report"
)

// Formats are the table formats Write renders (the command adds html).
var Formats = []string{"text", "json", "csv", "markdown"}

// Meta describes the run the rows come from.
type Meta struct {
	Tool report.Tool `json:"tool"`
	Now  string      `json:"now"`
	// ExpiresWithin is --expires-within as given ("" when the rows are not filtered).
	ExpiresWithin string `json:"expires_within,omitempty"`
}

// Columns are the CSV header, in order (the JSON keys of a row).
var Columns = []string{"file", "line", "kind", "role", "sets", "subject", "issuer", "serial", "key",
	"signature_algorithm", "not_before", "not_after", "days_left", "status", "sha256", "worst_code", "worst_severity"}

// Write renders rows in format (one of Formats).
func Write(w io.Writer, format string, rows []Row, m Meta) error {
	switch format {
	case "text":
		return writeText(w, rows, m)
	case "json":
		return writeJSON(w, rows, m)
	case "csv":
		return writeCSV(w, rows)
	case "markdown":
		return writeMarkdown(w, rows, m)
	}
	return fmt.Errorf("unknown inventory format %q", format)
}

func writeJSON(w io.Writer, rows []Row, m Meta) error {
	if rows == nil {
		rows = []Row{}
	}
	doc := struct {
		Meta
		Rows []Row `json:"rows"`
	}{m, rows}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func (r *Row) record() []string {
	return []string{r.File, fmt.Sprint(r.Line), r.Kind, r.Role, strings.Join(r.Sets, ","), r.Subject, r.Issuer,
		r.Serial, r.Key, r.SignatureAlgorithm, Date(r.NotBefore), Date(r.NotAfter), Days(r.DaysLeft), r.Status,
		r.SHA256, r.WorstCode, r.WorstSeverity}
}

// daysColumn is days_left's index in Columns: a negative number is not a formula.
const daysColumn = 12

// writeCSV writes RFC 4180 CSV with a header. A cell starting with =, +, - or @ (a formula
// to a spreadsheet) is prefixed with ': a subject must not run as a formula.
func writeCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns); err != nil {
		return err
	}
	for i := range rows {
		rec := rows[i].record()
		for k, v := range rec {
			if k != daysColumn && v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
				rec[k] = "'" + v
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// textHeader are the text table's columns.
var textHeader = []string{"DAYS", "STATUS", "ROLE", "SET", "NOT BEFORE", "NOT AFTER", "KEY", "SIGNATURE", "SHA-256", "WORST", "FILE:LINE", "SUBJECT", "ISSUER"}

func (r *Row) textCells() []string {
	return []string{Days(r.DaysLeft), r.Status, r.Role, SetsText(r.Sets), Date(r.NotBefore), Date(r.NotAfter), dash(r.Key),
		r.SignatureAlgorithm, r.SHA256Prefix(), dash(r.WorstCode), fmt.Sprintf("%s:%d", r.File, r.Line), dash(r.Subject), dash(r.Issuer)}
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writeText(w io.Writer, rows []Row, m Meta) error {
	bw := bufio.NewWriter(w)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	ew := &output.ErrWriter{W: tw} // keeps the first error
	ew.Printf("%s\n", strings.Join(textHeader, "\t"))
	for i := range rows {
		cells := rows[i].textCells()
		for k := range cells {
			// Names come from the inputs: no control character, no tab to break the columns.
			cells[k] = strings.ReplaceAll(output.TextSafe(cells[k]), "\t", `\t`)
		}
		ew.Printf("%s\n", strings.Join(cells, "\t"))
	}
	if ew.Err != nil {
		return ew.Err
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if _, err := fmt.Fprintln(bw, summaryLine(rows, m)); err != nil {
		return err
	}
	return bw.Flush()
}

// summaryLine counts the rows by status.
func summaryLine(rows []Row, m Meta) string {
	counts := map[string]int{}
	for _, r := range rows {
		counts[r.Status]++
	}
	var parts []string
	for _, s := range []string{StatusExpired, StatusSoon, StatusNotYet, StatusUnknown, StatusOK} {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	noun := "objects"
	if len(rows) == 1 {
		noun = "object"
	}
	line := fmt.Sprintf("%d %s", len(rows), noun)
	if len(parts) > 0 {
		line += " (" + strings.Join(parts, ", ") + ")"
	}
	line += " at " + m.Now
	if m.ExpiresWithin != "" {
		line += ", ending within " + m.ExpiresWithin
	}
	return line
}

func writeMarkdown(w io.Writer, rows []Row, m Meta) error {
	bw := bufio.NewWriter(w)
	ew := &output.ErrWriter{W: bw} // keeps the first error
	ew.Printf("## vpncertlint inventory\n\n")
	head := []string{"Days left", "Status", "Role", "Set", "Not before", "Not after", "Key", "Signature", "SHA-256", "Worst", "File", "Subject", "Issuer"}
	ew.Printf("| %s |\n|%s\n", strings.Join(head, " | "), strings.Repeat("---|", len(head)))
	for i := range rows {
		r := &rows[i]
		cells := r.textCells()
		for k := range cells {
			cells[k] = markdown.Cell(cells[k])
		}
		cells[8] = "`" + r.SHA256Prefix() + "`"
		if r.WorstCode != "" {
			cells[9] = "`" + r.WorstCode + "`" // a catalogue code: letters, digits, . and _
		}
		ew.Printf("| %s |\n", strings.Join(cells, " | "))
	}
	ew.Printf("\n%s\n", markdown.Cell(summaryLine(rows, m)))
	if ew.Err != nil {
		return ew.Err
	}
	return bw.Flush()
}

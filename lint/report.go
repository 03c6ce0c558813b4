package lint

import (
	"sort"
	"time"
)

// Tool names the program in reports.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// ObjectInfo lists one PEM block (or DER object, or body) of an input and how it was taken.
type ObjectInfo struct {
	Line int `json:"line"`
	// Type is the PEM block type ("CERTIFICATE", "X509 CRL", …), "DER" or "BODY".
	Type string `json:"type"`
	// Kind is what the object was checked as: certificate, crl, body, or other.
	Kind string `json:"kind"`
	// Role is ca or server for certificates.
	Role string `json:"role,omitempty"`
	Object
}

// FileResult is what happened to one input.
type FileResult struct {
	File    string       `json:"file"`
	Objects []ObjectInfo `json:"objects"`
	// Error is set when the input could not be read; the run then exits 2.
	Error string `json:"error,omitempty"`
}

// Summary counts findings by severity.
type Summary struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Notice  int `json:"notice"`
	// Waived counts findings a project configuration's waivers took out of the run.
	Waived int `json:"waived,omitempty"`
}

// WaivedFinding is a finding a waiver (the configuration's ignore list) took out of the
// run: listed, counted, never failing.
type WaivedFinding struct {
	Finding
	Waived bool `json:"waived"`
	// Reason is the waiver's reason; Expires its expiry date (YYYY-MM-DD), if any.
	Reason  string `json:"reason"`
	Expires string `json:"expires,omitempty"`
}

// Report is the result of a run, in the JSON contract's shape.
type Report struct {
	Tool     Tool         `json:"tool"`
	Now      string       `json:"now"`
	Files    []FileResult `json:"files"`
	Findings []Finding    `json:"findings"`
	Summary  Summary      `json:"summary"`
	// Waived lists the findings waived by the configuration (omitted when none).
	Waived []WaivedFinding `json:"waived,omitempty"`
}

// NewReport starts an empty report.
func NewReport(tool Tool, now time.Time) *Report {
	return &Report{Tool: tool, Now: now.UTC().Format(time.RFC3339), Files: []FileResult{}, Findings: []Finding{}}
}

// Finalize resolves texts in lang, sorts findings by file, line, code (then detail, for a
// total order) and counts the summary. It is idempotent.
func (r *Report) Finalize(lang string) {
	in := interner{}
	for i := range r.Findings {
		r.Findings[i].Resolve(lang)
		in.finding(&r.Findings[i])
	}
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := &r.Findings[i], &r.Findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Detail < b.Detail
	})
	for i := range r.Waived {
		r.Waived[i].Resolve(lang)
	}
	r.Summary = Summary{Waived: len(r.Waived)}
	for _, f := range r.Findings {
		switch f.Severity {
		case Error:
			r.Summary.Error++
		case Warning:
			r.Summary.Warning++
		case Notice:
			r.Summary.Notice++
		}
	}
}

// IOErrors counts inputs that could not be read.
func (r *Report) IOErrors() int {
	n := 0
	for _, f := range r.Files {
		if f.Error != "" {
			n++
		}
	}
	return n
}

// Exit codes.
const (
	ExitClean    = 0
	ExitFindings = 1
	ExitUsage    = 2
)

// ExitCode is 2 when an input could not be read, else 1 when a finding is at or above
// failOn, else 0.
func (r *Report) ExitCode(failOn FailOn) int {
	if r.IOErrors() > 0 {
		return ExitUsage
	}
	for _, f := range r.Findings {
		if failOn.Fails(f.Severity) {
			return ExitFindings
		}
	}
	return ExitClean
}

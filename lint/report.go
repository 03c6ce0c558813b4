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

// StdinName is the file name of standard input (the PATH -) in reports. A file of that name
// given or found on disk is named ./stdin.
const StdinName = "stdin"

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
//
// A run adds its file results and findings with AddFile and Add; past DefaultSpillAfter of
// either, they move to a temporary file (the spool), so the memory a run takes does not grow
// with its number of certificates. Readers go through EachFile, EachFinding, FindingFiles
// and FileFindings, which see both; Files and Findings hold only what is still in memory
// (everything, for a report that never spilled). Close removes the temporary file.
type Report struct {
	Tool     Tool         `json:"tool"`
	Now      string       `json:"now"`
	Files    []FileResult `json:"files"`
	Findings []Finding    `json:"findings"`
	Summary  Summary      `json:"summary"`
	// Waived lists the findings waived by the configuration (omitted when none).
	Waived []WaivedFinding `json:"waived,omitempty"`
	// Skipped lists the files a directory scan read and left out of the report (JSON and
	// YAML files that are not server bodies); the text format shows them under -v.
	Skipped []SkippedFile `json:"-"`

	// Sift, when set, sees every finding Add is given, before it is counted or kept, and
	// may change it; false drops it (a configuration's waiver took it out of the run).
	Sift func(*Finding) bool `json:"-"`

	spool      *spool
	spillAfter int
	objects    int // objects of the file results in memory
	lang       string
	byFile     map[string][2]int // FileFindings' index into the sorted in-memory findings
	memIdx     map[string][]int  // a spilled report's in-memory findings, by file
}

// SkippedFile is a file a directory scan read and left out, and why.
type SkippedFile struct {
	File, Reason string
}

// NewReport starts an empty report.
func NewReport(tool Tool, now time.Time) *Report {
	return &Report{Tool: tool, Now: now.UTC().Format(time.RFC3339), Files: []FileResult{}, Findings: []Finding{},
		spillAfter: DefaultSpillAfter}
}

// Add adds findings (with "/" in their paths, then passed through Sift) to the report.
func (r *Report) Add(fs ...Finding) error {
	r.byFile, r.memIdx = nil, nil
	for i := range fs {
		fs[i].File = SlashPath(fs[i].File)
		if r.Sift != nil && !r.Sift(&fs[i]) {
			continue
		}
		r.Findings = append(r.Findings, fs[i])
	}
	if r.spillAfter > 0 && len(r.Findings) >= r.spillAfter {
		return r.spillFindings()
	}
	return nil
}

// AddFile adds the result of one input (with "/" in its path) to the report.
func (r *Report) AddFile(fr FileResult) error {
	fr.File = SlashPath(fr.File)
	r.Files = append(r.Files, fr)
	r.objects += len(fr.Objects)
	if r.spillAfter > 0 && (len(r.Files) >= r.spillAfter || r.objects >= r.spillAfter) {
		if err := r.ensureSpool(); err != nil {
			return nil // no temporary file: keep going in memory
		}
		if err := r.spool.addFiles(r.Files); err != nil {
			return err
		}
		clear(r.Files)
		r.Files, r.objects = r.Files[:0], 0
	}
	return nil
}

func (r *Report) ensureSpool() error {
	if r.spool != nil {
		return nil
	}
	s, err := newSpool()
	if err != nil {
		r.spillAfter = 0 // do not try again
		return err
	}
	r.spool = s
	return nil
}

func (r *Report) spillFindings() error {
	if err := r.ensureSpool(); err != nil {
		return nil // no temporary file: keep going in memory
	}
	sort.SliceStable(r.Findings, func(i, j int) bool { return r.Findings[i].File < r.Findings[j].File })
	if err := r.spool.addFindings(r.Findings); err != nil {
		return err
	}
	clear(r.Findings)
	r.Findings = r.Findings[:0]
	return nil
}

// Spilled says whether part of the report is in its temporary file.
func (r *Report) Spilled() bool { return r.spool != nil }

// Close removes the report's temporary file, if any. The report must not be read after.
func (r *Report) Close() {
	r.spool.close()
	r.spool = nil
}

// Finalize resolves texts in lang, sorts findings by file, line, code (then detail, for a
// total order) and counts the summary. It is idempotent. (A spilled report's findings are
// resolved and sorted file by file as they are read.)
func (r *Report) Finalize(lang string) {
	r.lang = lang
	r.byFile, r.memIdx = nil, nil
	in := interner{}
	for i := range r.Findings {
		r.Findings[i].Resolve(lang)
		in.finding(&r.Findings[i])
	}
	sortFindings(r.Findings, true)
	for i := range r.Waived {
		r.Waived[i].Resolve(lang)
	}
	r.Summary = Summary{Waived: len(r.Waived)}
	if r.spool != nil {
		r.Summary.Error, r.Summary.Warning, r.Summary.Notice = r.spool.counts.Error, r.spool.counts.Warning, r.spool.counts.Notice
	}
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

// sortFindings sorts by file (when byFile), line, code and detail, stably.
func sortFindings(fs []Finding, byFile bool) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		if byFile && a.File != b.File {
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
}

// FindingFiles lists, sorted, the files the findings are about ("" for the run itself).
func (r *Report) FindingFiles() []string {
	seen := map[string]bool{}
	var out []string
	if r.spool != nil {
		out = r.spool.fileKeys()
		for _, k := range out {
			seen[k] = true
		}
	}
	for i := range r.Findings {
		if f := r.Findings[i].File; !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

// FileFindings returns the findings about file, in the report's order. For a report that
// never spilled they are a part of Findings (do not append to it).
func (r *Report) FileFindings(file string) ([]Finding, error) {
	if r.spool == nil {
		if r.byFile == nil {
			r.byFile = map[string][2]int{}
			for i := 0; i < len(r.Findings); {
				j := i + 1
				for j < len(r.Findings) && r.Findings[j].File == r.Findings[i].File {
					j++
				}
				if _, dup := r.byFile[r.Findings[i].File]; dup { // not sorted: collect
					r.byFile = nil
					return r.collect(file), nil
				}
				r.byFile[r.Findings[i].File] = [2]int{i, j}
				i = j
			}
		}
		span := r.byFile[file]
		return r.Findings[span[0]:span[1]:span[1]], nil
	}
	if r.memIdx == nil {
		r.memIdx = map[string][]int{}
		for i := range r.Findings {
			r.memIdx[r.Findings[i].File] = append(r.memIdx[r.Findings[i].File], i)
		}
	}
	idx := r.memIdx[file]
	fs, err := r.spool.findings(file, len(idx))
	if err != nil {
		return nil, err
	}
	for i := range fs {
		fs[i].Resolve(r.lang)
	}
	for _, i := range idx {
		fs = append(fs, r.Findings[i])
	}
	sortFindings(fs, false)
	return fs, nil
}

func (r *Report) collect(file string) []Finding {
	var out []Finding
	for i := range r.Findings {
		if r.Findings[i].File == file {
			out = append(out, r.Findings[i])
		}
	}
	return out
}

// EachFinding calls fn with every finding, in the report's order: file, line, code, detail.
func (r *Report) EachFinding(fn func(*Finding) error) error {
	if r.spool == nil {
		for i := range r.Findings {
			if err := fn(&r.Findings[i]); err != nil {
				return err
			}
		}
		return nil
	}
	for _, file := range r.FindingFiles() {
		fs, err := r.FileFindings(file)
		if err != nil {
			return err
		}
		for i := range fs {
			if err := fn(&fs[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// EachFile calls fn with every file result, in the order the inputs were taken.
func (r *Report) EachFile(fn func(*FileResult) error) error {
	if r.spool != nil {
		if err := r.spool.eachFile(fn); err != nil {
			return err
		}
	}
	for i := range r.Files {
		if err := fn(&r.Files[i]); err != nil {
			return err
		}
	}
	return nil
}

// AllFiles returns every file result, in memory: for small reports and tests.
func (r *Report) AllFiles() ([]FileResult, error) {
	var out []FileResult
	err := r.EachFile(func(f *FileResult) error {
		out = append(out, *f)
		return nil
	})
	return out, err
}

// AllFindings returns every finding in the report's order, in memory: for small reports
// and tests.
func (r *Report) AllFindings() ([]Finding, error) {
	var out []Finding
	err := r.EachFinding(func(f *Finding) error {
		out = append(out, *f)
		return nil
	})
	return out, err
}

// NumFindings counts the findings.
func (r *Report) NumFindings() int {
	n := len(r.Findings)
	if r.spool != nil {
		n += r.spool.n
	}
	return n
}

// NumFiles and NumObjects count the inputs and their objects.
func (r *Report) NumFiles() int {
	n := len(r.Files)
	if r.spool != nil {
		n += r.spool.nFiles
	}
	return n
}

// NumObjects counts the objects (certificates, CRLs, bodies…) of all inputs.
func (r *Report) NumObjects() int {
	n := 0
	for i := range r.Files {
		n += len(r.Files[i].Objects)
	}
	if r.spool != nil {
		n += r.spool.nObjects
	}
	return n
}

// ErrorFiles lists the inputs that could not be read, in input order.
func (r *Report) ErrorFiles() []FileResult {
	var out []FileResult
	if r.spool != nil {
		out = append(out, r.spool.ioErrs...)
	}
	for _, f := range r.Files {
		if f.Error != "" {
			out = append(out, f)
		}
	}
	return out
}

// Codes lists the distinct codes of the findings, sorted.
func (r *Report) Codes() []string {
	seen := map[string]bool{}
	if r.spool != nil {
		for c := range r.spool.codes {
			seen[c] = true
		}
	}
	for i := range r.Findings {
		seen[r.Findings[i].Code] = true
	}
	out := make([]string, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// CodeCounts counts the findings of each code.
func (r *Report) CodeCounts() map[string]int {
	out := map[string]int{}
	if r.spool != nil {
		for c, n := range r.spool.codes {
			out[c] += n
		}
	}
	for i := range r.Findings {
		out[r.Findings[i].Code]++
	}
	return out
}

// Lang is the language Finalize resolved the texts in ("en" or "zh"; "" before Finalize).
func (r *Report) Lang() string { return r.lang }

// IOErrors counts inputs that could not be read.
func (r *Report) IOErrors() int {
	return len(r.ErrorFiles())
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
	if r.spool != nil {
		c := r.spool.counts
		if c.Error > 0 && failOn.Fails(Error) || c.Warning > 0 && failOn.Fails(Warning) || c.Notice > 0 && failOn.Fails(Notice) {
			return ExitFindings
		}
	}
	for _, f := range r.Findings {
		if failOn.Fails(f.Severity) {
			return ExitFindings
		}
	}
	return ExitClean
}

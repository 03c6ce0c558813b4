package report

import (
	"slices"
	"sort"
	"time"

	"github.com/vpncertlint/vpncertlint/lint"
)

// Tool names the program in reports.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Summary counts findings by severity.
type Summary struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Notice  int `json:"notice"`
	// Waived counts findings a project configuration's waivers took out of the run.
	Waived int `json:"waived,omitempty"`
}

// Waived is a finding a waiver (the configuration's ignore list) took out of the run:
// listed, counted, never failing.
type Waived struct {
	lint.Finding
	Waiver
}

// SkippedFile is a file a directory scan read and left out, and why.
type SkippedFile struct {
	File, Reason string
}

// DefaultSpillAfter is how many findings (or objects of file results) a report holds in
// memory before it moves them to a temporary file, when Options.SpillAfter is 0. A finding
// in memory takes a hundred bytes or so; a run with zlint advisories raises about fifteen
// per certificate, so without a spool a run over 100,000 certificates held more than a
// gigabyte.
const DefaultSpillAfter = 1 << 12

// Options configure a report.
type Options struct {
	// Processors see every finding Add is given, in order, before it is counted or kept:
	// the configuration's severity overrides, then its waivers (SeverityOverrides, Waivers).
	Processors []Processor
	// SpillAfter is how many findings (or objects of file results) the report keeps in
	// memory before it moves them to its temporary file: 0 is DefaultSpillAfter, a negative
	// number never spills (tests set 1 to exercise the spool on small inputs).
	SpillAfter int
}

// Report is the result of a run (see the package comment). Its zero value is not usable:
// make one with New.
type Report struct {
	tool     Tool
	now      string
	files    []lint.FileResult
	findings []lint.Finding // in memory: everything, for a report that never spilled
	sorted   bool           // findings are in the report's order
	counts   Summary        // severities of the findings in memory
	waived   []Waived
	skipped  []SkippedFile
	procs    []Processor

	spool      *spool
	spillAfter int
	objects    int               // objects of the file results in memory
	counted    int               // objects counted without being kept (Count)
	byFile     map[string][2]int // the sorted in-memory findings' span of each file
	part       partFile          // objects added ahead of their file result (AddObjects)
}

// New starts an empty report of a run by tool at now.
func New(tool Tool, now time.Time, o Options) *Report {
	r := &Report{tool: tool, now: now.UTC().Format(time.RFC3339), procs: o.Processors, spillAfter: o.SpillAfter}
	if r.spillAfter == 0 {
		r.spillAfter = DefaultSpillAfter
	}
	return r
}

// Add adds findings (with "/" in their paths, then passed through the processors) to the
// report. Its error is a failed write to the temporary file: the report is then incomplete.
func (r *Report) Add(fs ...lint.Finding) error {
	r.byFile = nil
	for i := range fs {
		fs[i].File = SlashPath(fs[i].File)
		if !r.process(&fs[i]) {
			continue
		}
		r.findings = append(r.findings, fs[i])
		r.sorted = false
		count(&r.counts, fs[i].Severity)
	}
	if r.spillAfter > 0 && len(r.findings) >= r.spillAfter {
		return r.spillFindings()
	}
	return nil
}

// process runs the processor chain over f: false when a processor took it out of the run.
func (r *Report) process(f *lint.Finding) bool {
	for _, p := range r.procs {
		keep, w := p.Process(f)
		if w != nil {
			r.waived = append(r.waived, Waived{Finding: *f, Waiver: *w})
		}
		if !keep {
			return false
		}
	}
	return true
}

func count(s *Summary, sev lint.Severity) {
	switch sev {
	case lint.Error:
		s.Error++
	case lint.Warning:
		s.Warning++
	case lint.Notice:
		s.Notice++
	}
}

// AddFile adds the result of one input (with "/" in its path) to the report, after the
// objects AddObjects added ahead of it, if any.
func (r *Report) AddFile(fr lint.FileResult) error {
	fr.File = SlashPath(fr.File)
	spooled := false
	if r.part.file == fr.File && (len(r.part.objs) > 0 || r.part.spooled) {
		fr.Objects = append(r.part.objs, fr.Objects...)
		spooled = r.part.spooled
	}
	r.part = partFile{}
	r.files = append(r.files, fr)
	r.objects += len(fr.Objects)
	if spooled || r.spillAfter > 0 && (len(r.files) >= r.spillAfter || r.objects >= r.spillAfter) {
		if err := r.ensureSpool(); err != nil {
			return nil // no temporary file: keep going in memory
		}
		return r.spillFiles()
	}
	return nil
}

// partFile is the file result whose objects AddObjects is adding.
type partFile struct {
	file    string
	objs    []lint.ObjectInfo // in memory
	spooled bool              // some are in the temporary file
}

// AddObjects adds objects of the result of file (with "/" in its path), which AddFile then
// completes: a file of many objects is added in parts while it is checked, and they go to
// the temporary file past the bound. No other file result may be added in between.
func (r *Report) AddObjects(file string, objs []lint.ObjectInfo) error {
	file = SlashPath(file)
	if r.part.file != file {
		r.part = partFile{file: file}
	}
	r.part.objs = append(r.part.objs, objs...)
	if r.spillAfter <= 0 || len(r.part.objs) < r.spillAfter {
		return nil
	}
	if err := r.ensureSpool(); err != nil {
		return nil // no temporary file: keep going in memory
	}
	// the file results before it first, so that the spool keeps the input order
	if err := r.spillFiles(); err != nil {
		return err
	}
	if err := r.spool.addObjects(r.part.objs); err != nil {
		return err
	}
	clear(r.part.objs)
	r.part.objs, r.part.spooled = r.part.objs[:0], true
	return nil
}

// spillFiles moves the file results in memory to the temporary file.
func (r *Report) spillFiles() error {
	if len(r.files) == 0 {
		return nil
	}
	if err := r.spool.addFiles(r.files); err != nil {
		return err
	}
	clear(r.files)
	r.files, r.objects = r.files[:0], 0
	return nil
}

// Skip records a file a directory scan read and left out, and why.
func (r *Report) Skip(file, reason string) {
	r.skipped = append(r.skipped, SkippedFile{File: file, Reason: reason})
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
	r.order() // each spill is a sorted run (see mergeRuns)
	if err := r.spool.addFindings(r.findings); err != nil {
		return err
	}
	clear(r.findings)
	r.findings, r.counts = r.findings[:0], Summary{}
	return nil
}

// Spilled says whether part of the report is in its temporary file.
func (r *Report) Spilled() bool { return r.spool != nil }

// Close removes the report's temporary file, if any. The report must not be read after.
func (r *Report) Close() {
	r.spool.close()
	r.spool = nil
}

// Tool is the program that made the report.
func (r *Report) Tool() Tool { return r.tool }

// Now is the run's time (RFC 3339, UTC).
func (r *Report) Now() string { return r.now }

// Summary counts the findings by severity, and the waived ones.
func (r *Report) Summary() Summary {
	s := r.counts
	if r.spool != nil {
		s.Error += r.spool.counts.Error
		s.Warning += r.spool.counts.Warning
		s.Notice += r.spool.counts.Notice
	}
	s.Waived = len(r.waived)
	return s
}

// Waived lists the findings the waivers took out of the run, by file, line and code.
func (r *Report) Waived() []Waived {
	sort.SliceStable(r.waived, func(i, j int) bool {
		a, b := &r.waived[i], &r.waived[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Code < b.Code
	})
	return r.waived
}

// Skipped lists the files a directory scan read and left out (JSON and YAML files that are
// not server bodies), in the order met.
func (r *Report) Skipped() []SkippedFile { return r.skipped }

// order sorts the findings in memory in the report's order, once after each Add: the last
// step of the chain.
func (r *Report) order() {
	if !r.sorted {
		sortFindings(r.findings, true)
		r.sorted = true
		r.byFile = nil
	}
}

// sortFindings sorts by file (when byFile), line, code and detail, stably.
func sortFindings(fs []lint.Finding, byFile bool) {
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
	for i := range r.findings {
		if f := r.findings[i].File; !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

// FileFindings returns the findings about file, in the report's order: file, line, code,
// detail, all in memory (EachFileFinding reads them one at a time).
func (r *Report) FileFindings(file string) ([]lint.Finding, error) {
	var out []lint.Finding
	err := r.EachFileFinding(file, func(f *lint.Finding) error {
		out = append(out, *f)
		return nil
	})
	return out, err
}

// memFindings returns the sorted in-memory findings about file.
func (r *Report) memFindings(file string) []lint.Finding {
	r.order()
	if r.byFile == nil {
		r.byFile = map[string][2]int{}
		for i := 0; i < len(r.findings); {
			j := i + 1
			for j < len(r.findings) && r.findings[j].File == r.findings[i].File {
				j++
			}
			r.byFile[r.findings[i].File] = [2]int{i, j}
			i = j
		}
	}
	span := r.byFile[file]
	return r.findings[span[0]:span[1]:span[1]]
}

// EachFileFinding calls fn with the findings about file, in the report's order: line, code,
// detail (stable: equal ones in the order added). A spilled report merges the file's sorted
// runs from its temporary file as it goes, so the file's findings are never all in memory
// at once. The finding is fn's to read, not to keep.
func (r *Report) EachFileFinding(file string, fn func(*lint.Finding) error) error {
	mem := r.memFindings(file)
	if r.spool == nil {
		for i := range mem {
			if err := fn(&mem[i]); err != nil {
				return err
			}
		}
		return nil
	}
	return mergeRuns(r.spool.runs(file), mem, fn)
}

// EachFinding calls fn with every finding, in the report's order: file, line, code, detail.
func (r *Report) EachFinding(fn func(*lint.Finding) error) error {
	r.order()
	if r.spool == nil {
		for i := range r.findings {
			if err := fn(&r.findings[i]); err != nil {
				return err
			}
		}
		return nil
	}
	for _, file := range r.FindingFiles() {
		if err := r.EachFileFinding(file, fn); err != nil {
			return err
		}
	}
	return nil
}

// EachFile calls fn with every file result, in the order the inputs were taken, each with
// all its objects in memory (EachFileStream reads a large file's objects one at a time).
func (r *Report) EachFile(fn func(*lint.FileResult) error) error {
	return r.EachFileStream(func(fr *lint.FileResult, ahead *Objects) error {
		if ahead.Len() > 0 {
			objs := make([]lint.ObjectInfo, 0, ahead.Len()+len(fr.Objects))
			if err := ahead.Each(func(o *lint.ObjectInfo) error {
				objs = append(objs, *o)
				return nil
			}); err != nil {
				return err
			}
			fr.Objects = append(objs, fr.Objects...)
		}
		return fn(fr)
	})
}

// EachFileStream calls fn with every file result, in the order the inputs were taken. The
// objects that were added in parts and moved to the temporary file (AddObjects) are not in
// fr.Objects: ahead reads them one at a time (once), and they come before fr.Objects.
// ahead is nil or empty for the others.
func (r *Report) EachFileStream(fn func(fr *lint.FileResult, ahead *Objects) error) error {
	if r.spool != nil {
		if err := r.spool.eachFile(fn); err != nil {
			return err
		}
	}
	for i := range r.files {
		if err := fn(&r.files[i], nil); err != nil {
			return err
		}
	}
	return nil
}

// AllFiles returns every file result, in memory: for small reports and tests.
func (r *Report) AllFiles() ([]lint.FileResult, error) {
	var out []lint.FileResult
	err := r.EachFile(func(f *lint.FileResult) error {
		out = append(out, *f)
		return nil
	})
	return out, err
}

// AllFindings returns every finding in the report's order, in memory: for small reports
// and tests.
func (r *Report) AllFindings() ([]lint.Finding, error) {
	var out []lint.Finding
	err := r.EachFinding(func(f *lint.Finding) error {
		out = append(out, *f)
		return nil
	})
	return out, err
}

// NumFindings counts the findings.
func (r *Report) NumFindings() int {
	n := len(r.findings)
	if r.spool != nil {
		n += r.spool.n
	}
	return n
}

// NumFiles counts the inputs.
func (r *Report) NumFiles() int {
	n := len(r.files)
	if r.spool != nil {
		n += r.spool.nFiles
	}
	return n
}

// Count adds n objects that are counted and not kept: a report for the text format, which
// prints only their number (the engine's Options.Lean), does not hold ~100 bytes for each of
// them (200,000 blocks of one file took 23 MB).
func (r *Report) Count(n int) { r.counted += n }

// NumObjects counts the objects (certificates, CRLs, bodies…) of all inputs, with those that
// were only counted.
func (r *Report) NumObjects() int {
	n := r.counted
	for i := range r.files {
		n += len(r.files[i].Objects)
	}
	if r.spool != nil {
		n += r.spool.nObjects
	}
	return n
}

// ErrorFiles lists the inputs that could not be read, in input order.
func (r *Report) ErrorFiles() []lint.FileResult {
	var out []lint.FileResult
	if r.spool != nil {
		out = append(out, r.spool.ioErrs...)
	}
	for _, f := range r.files {
		if f.Error != "" {
			out = append(out, f)
		}
	}
	return out
}

// Codes lists the distinct codes of the findings, sorted.
func (r *Report) Codes() []string {
	counts := r.CodeCounts()
	out := make([]string, 0, len(counts))
	for c := range counts {
		out = append(out, c)
	}
	slices.Sort(out)
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
	for i := range r.findings {
		out[r.findings[i].Code]++
	}
	return out
}

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
func (r *Report) ExitCode(failOn lint.FailOn) int {
	if r.IOErrors() > 0 {
		return ExitUsage
	}
	s := r.Summary()
	if s.Error > 0 && failOn.Fails(lint.Error) || s.Warning > 0 && failOn.Fails(lint.Warning) || s.Notice > 0 && failOn.Fails(lint.Notice) {
		return ExitFindings
	}
	return ExitClean
}

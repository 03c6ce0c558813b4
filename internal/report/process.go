package report

import "github.com/vpncertlint/vpncertlint/lint"

// A Processor is one step of the chain a report passes each finding through as Add is given
// it, in the spirit of golangci-lint's result processors, but one finding at a time so that
// a spilled report is processed exactly like one in memory. Process may change f; keep false
// takes it out of the run, and a non-nil waiver lists it among the waived findings.
//
// The chain of a project run is SeverityOverrides, then Waivers; the report's order (file,
// line, code, detail) is the last step, applied when the findings are read.
type Processor interface {
	Name() string
	Process(f *lint.Finding) (keep bool, w *Waiver)
}

// Waiver is why a finding was taken out of the run.
type Waiver struct {
	Waived bool `json:"waived"` // always true: the JSON report's marker
	// Reason is the waiver's reason; Expires its expiry date (YYYY-MM-DD), if any.
	Reason  string `json:"reason"`
	Expires string `json:"expires,omitempty"`
}

// SeverityOverrides sets the severity of the findings of each code in m.
func SeverityOverrides(m map[string]lint.Severity) Processor { return severities(m) }

type severities map[string]lint.Severity

func (severities) Name() string { return "severity" }

func (m severities) Process(f *lint.Finding) (bool, *Waiver) {
	if s, ok := m[f.Code]; ok {
		f.Severity = s
	}
	return true, nil
}

// Waivers takes out of the run the findings match returns a waiver for.
func Waivers(match func(f *lint.Finding) (Waiver, bool)) Processor { return waivers(match) }

type waivers func(f *lint.Finding) (Waiver, bool)

func (waivers) Name() string { return "waivers" }

func (match waivers) Process(f *lint.Finding) (bool, *Waiver) {
	w, ok := match(f)
	if !ok {
		return true, nil
	}
	w.Waived = true
	return false, &w
}

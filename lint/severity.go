package lint

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Severity orders findings: Notice < Warning < Error.
type Severity int

// The severities, least severe first.
const (
	Notice Severity = iota + 1
	Warning
	Error
)

var severityNames = map[Severity]string{Notice: "notice", Warning: "warning", Error: "error"}

func (s Severity) String() string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity accepts "error", "warning" and "notice" (any case).
func ParseSeverity(s string) (Severity, error) {
	for k, v := range severityNames {
		if strings.EqualFold(s, v) {
			return k, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or notice)", s)
}

// MarshalJSON writes the severity as its name.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON reads a severity name.
func (s *Severity) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err != nil {
		return err
	}
	v, err := ParseSeverity(name)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// FailOn is the threshold of --fail-on: findings at or above it fail the run.
// The zero value (and "none") never fails.
type FailOn Severity

// ParseFailOn accepts error, warning, notice or none.
func ParseFailOn(s string) (FailOn, error) {
	if strings.EqualFold(s, "none") {
		return 0, nil
	}
	v, err := ParseSeverity(s)
	if err != nil {
		return 0, fmt.Errorf("unknown --fail-on %q (want error, warning, notice or none)", s)
	}
	return FailOn(v), nil
}

// Fails reports whether a finding of severity s fails the run.
func (f FailOn) Fails(s Severity) bool { return f != 0 && s >= Severity(f) }

package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

// Codes about the configuration itself.
var (
	codeWaiverExpired = lint.Register(lint.Code{
		ID: "VCL.9001", Source: lint.SourceTool, Severity: lint.Warning,
		Message:  "Waiver of %s has expired.",
		DescEN:   "A waiver in the project configuration (ignore:) is past its expiry date. It still takes its findings out of the run, but the decision to accept them must be reviewed.",
		RemedyEN: "Fix the waived problem and delete the waiver, or, if it must stay, review it and move its expires date.",
		DescZH:   "项目配置中对%s的豁免已过期。",
		RemedyZH: "请修复被豁免的问题并删除该豁免;如确需保留,请重新评审并更新其到期日期(expires)。",
	}).ID
	codeWaiverUnused = lint.Register(lint.Code{
		ID: "VCL.9002", Source: lint.SourceTool, Severity: lint.Notice,
		Message:  "Waiver of %s matches no finding.",
		DescEN:   "A waiver in the project configuration matched nothing in a run over the whole repository: the problem it accepted is gone, or its code, path or sha256 is wrong.",
		RemedyEN: "Delete the waiver, or correct its code, path or sha256.",
		DescZH:   "项目配置中对%s的豁免未匹配任何问题。",
		RemedyZH: "请删除该豁免,或更正其code、path或sha256。",
	}).ID
)

// Codes lists the codes the configuration raises (for the catalogue).
func Codes() []string { return []string{codeWaiverExpired, codeWaiverUnused} }

// Rel returns path relative to the configuration's directory, with slashes; ok is false
// when path lies outside it.
func (c *Config) Rel(path string) (rel string, ok bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	r, err := filepath.Rel(c.Dir, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// rolesOf lists the roles whose patterns (in roles: or in a set) match rel.
func (c *Config) rolesOf(rel string) []lint.Role {
	var out []lint.Role
	add := func(role lint.Role, ps Patterns) {
		if ps.Match(rel) {
			if !slices.Contains(out, role) {
				out = append(out, role)
			}
		}
	}
	add(lint.RoleCA, c.Roles.CA)
	add(lint.RoleServer, c.Roles.Server)
	add(lint.RoleCRL, c.Roles.CRL)
	add(lint.RoleBody, c.Roles.Body)
	for _, s := range c.Sets {
		add(lint.RoleCA, s.CA)
		add(lint.RoleCRL, s.CRL)
		add(lint.RoleBody, s.Body)
	}
	return out
}

// RoleFor is the engine role of the file at path: ca, server, crl or body from the patterns
// it matches (a body is checked as a server body whatever its content, else as auto);
// "" when no pattern matches (the command line's --role then applies).
func (c *Config) RoleFor(path string) lint.Role {
	rel, ok := c.Rel(path)
	if !ok {
		return ""
	}
	roles := c.rolesOf(rel)
	if len(roles) == 0 {
		return ""
	}
	return roles[0]
}

// SetsFor names the upload sets the file at path belongs to: every set with a matching
// pattern, else DefaultSet.
func (c *Config) SetsFor(path string) []string {
	rel, ok := c.Rel(path)
	if !ok {
		return []string{DefaultSet}
	}
	var out []string
	for _, s := range c.Sets {
		if s.CA.Match(rel) || s.CRL.Match(rel) || s.Body.Match(rel) {
			out = append(out, s.Name)
		}
	}
	if len(out) == 0 {
		out = []string{DefaultSet}
	}
	return out
}

// Files walks the configuration's directory and returns every file some pattern matches,
// sorted, as paths joined to base (the caller's view of the directory: "" for Dir itself).
// Hidden directories (.git …) are skipped. A file matching patterns of two roles is an error.
func (c *Config) Files() ([]string, error) {
	var out []string
	var conflicts []string
	err := c.walk(func(path, rel string, roles []lint.Role) {
		if len(roles) > 1 {
			names := make([]string, len(roles))
			for i, r := range roles {
				names[i] = string(r)
			}
			conflicts = append(conflicts, fmt.Sprintf("%s matches the patterns of roles %s", rel, strings.Join(names, " and ")))
		}
		if len(roles) > 0 {
			out = append(out, path)
		}
	})
	if err != nil {
		return nil, err
	}
	if len(conflicts) > 0 {
		return nil, &Error{File: c.File, Msg: strings.Join(conflicts, "; ")}
	}
	sort.Strings(out)
	return out, nil
}

// ClientCAs returns, sorted, the files of the configuration whose role is ca (Files' walk):
// a run over named files reads those of the named files' upload sets as context, so that
// the set checks (duplicates, the CA count, CRL issuers) see whole sets. A file matching
// patterns of two roles is left out (the run over the whole configuration reports it).
func (c *Config) ClientCAs() ([]string, error) {
	var out []string
	err := c.walk(func(path, _ string, roles []lint.Role) {
		if len(roles) == 1 && roles[0] == lint.RoleCA {
			out = append(out, path)
		}
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(out)
	return out, nil
}

// walk calls fn with every file below Dir (hidden directories skipped), its path relative to
// Dir and the roles whose patterns match it.
func (c *Config) walk(fn func(path, rel string, roles []lint.Role)) error {
	return filepath.WalkDir(c.Dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != c.Dir && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		rel, ok := c.Rel(path)
		if !ok {
			return nil
		}
		fn(path, rel, c.rolesOf(rel))
		return nil
	})
}

// Processors returns the report's processor chain for a run under the configuration: its
// severity overrides, then its waivers (a waived finding is listed among the report's waived
// findings and taken out of the run). The configuration's own findings (Codes) are never
// waived. Apply then adds those.
func (c *Config) Processors() []report.Processor {
	c.used = make([]bool, len(c.Ignore))
	overrides := map[string]lint.Severity{}
	for code, s := range c.Policy.Severity {
		overrides[code] = s.Severity
	}
	return []report.Processor{report.SeverityOverrides(overrides), report.Waivers(c.waive)}
}

// waive is the waivers' processor: the waiver that takes f out of the run, if any.
func (c *Config) waive(f *lint.Finding) (report.Waiver, bool) {
	if slices.Contains(Codes(), f.Code) {
		return report.Waiver{}, false // the configuration's own findings
	}
	i := c.waiverFor(*f)
	if i < 0 {
		return report.Waiver{}, false
	}
	c.used[i] = true
	w := report.Waiver{Reason: c.Ignore[i].Reason}
	if e := c.Ignore[i].Expires; e != nil {
		w.Expires = e.Format("2006-01-02")
	}
	return w, true
}

// Apply adds to a run's report, made with the chain of Processors, the configuration's own
// findings: VCL.9001 for an expired waiver, and VCL.9002 for a waiver that matched nothing,
// only when whole is set (the run covered every file of the configuration). file is how the
// configuration is named in findings. Its error is the report's (a failed write to its
// temporary file).
func (c *Config) Apply(rep *report.Report, now time.Time, whole bool, file string) error {
	if c.used == nil {
		return errors.New("config: Apply on a report not made with the configuration's Processors")
	}
	var own []lint.Finding
	day := now.UTC().Truncate(24 * time.Hour)
	for i, w := range c.Ignore {
		what := fmt.Sprintf("%s in %s", w.Code, w.Path.Glob)
		if w.Expires != nil && w.Expires.Before(day) {
			own = append(own, lint.New(codeWaiverExpired, fmt.Sprintf("expired on %s; reason given: %s", w.Expires.Format("2006-01-02"), w.Reason), what).At(file, w.Line))
		}
		if whole && !c.used[i] {
			own = append(own, lint.New(codeWaiverUnused, "reason given: "+w.Reason, what).At(file, w.Line))
		}
	}
	return rep.Add(own...)
}

// waiverFor returns the index of the first waiver that matches f, or -1.
func (c *Config) waiverFor(f lint.Finding) int {
	rel, ok := c.Rel(f.File)
	if !ok || f.File == "" || f.File == lint.StdinName {
		return -1
	}
	for i, w := range c.Ignore {
		if w.Code != f.Code || !w.Path.Match(rel) {
			continue
		}
		if w.SHA256 != "" && !strings.EqualFold(w.SHA256, f.SHA256) {
			continue
		}
		return i
	}
	return -1
}

// Exists reports whether a file exists (for init's refusal to overwrite).
func Exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

package lint

import (
	"fmt"
	"slices"
	"testing"
)

// Check is one check of a family: S is what it looks at (a certificate, a CRL, a request
// body), E what else it may read (the clock, the policy, the upload set's CAs).
//
// A family (certcheck, crlcheck, bodycheck) declares its checks in one explicit, ordered
// list; the list is the order they run in, and the catalogue of raisable codes
// (`vpncertlint codes`) is derived from the lists' Codes. There is no registration by side
// effect.
type Check[S, E any] struct {
	// Name is stable and short, e.g. "key-algorithm".
	Name string
	// Doc says in one sentence what the check verifies.
	Doc string
	// Codes lists every code the check can report; reporting another one fails in tests.
	Codes []string
	// Applies says whether the check runs on a subject (nil: always). It is asked just
	// before the check would run, so it sees what earlier checks of the list left.
	Applies func(subject S, env E) bool
	// Run looks at p.Subject and reports through p.
	Run func(p *Pass[S, E])
}

// Pass is one check's run on one subject.
type Pass[S, E any] struct {
	Subject S
	Env     E
	// File, Line, Field and Object are stamped on every finding Report makes.
	File  string
	Line  int
	Field string
	// Object identifies the subject in findings; nil leaves findings without one. It is
	// called at most once per Report, so a subject may render it lazily.
	Object func() Object
	// Args fill Report's message placeholders when it is given none (the subject's name).
	Args []string

	check    *Check[S, E]
	findings []Finding
}

// Report adds a finding of code with detail, stamped with the pass's file, line, field and
// object; args fill the message's %s placeholders (p.Args when none are given).
func (p *Pass[S, E]) Report(code, detail string, args ...string) {
	if len(args) == 0 {
		args = p.Args
	}
	f := New(code, detail, args...).At(p.File, p.Line)
	f.Field = p.Field
	if p.Object != nil {
		f = f.About(p.Object())
	}
	p.Add(f)
}

// Add adds findings the check built itself.
func (p *Pass[S, E]) Add(fs ...Finding) {
	for _, f := range fs {
		p.declared(f.Code)
	}
	p.findings = append(p.findings, fs...)
}

// declared panics in tests when the running check reports a code it does not declare.
func (p *Pass[S, E]) declared(code string) {
	if p.check == nil || slices.Contains(p.check.Codes, code) || !testing.Testing() {
		return
	}
	panic(fmt.Sprintf("check %q reports %s, which is not among its declared Codes %v", p.check.Name, code, p.check.Codes))
}

// Findings returns what the checks run on p so far reported.
func (p *Pass[S, E]) Findings() []Finding { return p.findings }

// Run runs every check of list that applies to p.Subject, in order, and returns the
// findings they reported (appended to those p already held).
func Run[S, E any](list []*Check[S, E], p *Pass[S, E]) []Finding {
	for _, c := range list {
		if c.Applies != nil && !c.Applies(p.Subject, p.Env) {
			continue
		}
		p.check = c
		c.Run(p)
	}
	p.check = nil
	return p.findings
}

// Returning adapts a check body that returns its findings to Check.Run.
func Returning[S, E any](fn func(S, E) []Finding) func(*Pass[S, E]) {
	return func(p *Pass[S, E]) { p.Add(fn(p.Subject, p.Env)...) }
}

// CodesOf lists the codes the checks of list declare, in order, each once.
func CodesOf[S, E any](list []*Check[S, E]) []string {
	var out []string
	for _, c := range list {
		for _, code := range c.Codes {
			if !slices.Contains(out, code) {
				out = append(out, code)
			}
		}
	}
	return out
}

// MustDeclare panics unless every code of list's checks is in the catalogue (call it from a
// family's tests, or once when the list is first used).
func MustDeclare[S, E any](list []*Check[S, E]) {
	for _, c := range list {
		for _, code := range c.Codes {
			MustLookup(code)
		}
	}
}

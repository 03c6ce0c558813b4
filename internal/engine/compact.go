package engine

import (
	"strings"

	"github.com/vpncertlint/vpncertlint/lint"
)

// compactor shrinks what the report keeps of each outcome: a run over thousands of
// certificates raises the same details ("key EC P-256", the same validity dates…) and the
// same message arguments (the file's name) thousands of times, and the report holds every
// finding until it is printed. Equal details and argument lists are stored once. With
// Options.Lean the objects' identities (subject, issuer, serial, SHA-256) are dropped from
// the findings and files[].objects are only counted (outcome.leanObjects, then
// report.Count), for the text format.
type compactor struct {
	lean bool
	strs map[string]string
	args map[string][]string
}

// maxInterned bounds the tables: details that are all different (a serial number in each)
// are then kept as they are rather than indexed for nothing.
const maxInterned = 1 << 14

func newCompactor(lean bool) *compactor {
	return &compactor{lean: lean, strs: map[string]string{}, args: map[string][]string{}}
}

func (c *compactor) str(s string) string {
	if s == "" {
		return s
	}
	if v, ok := c.strs[s]; ok {
		return v
	}
	if len(c.strs) < maxInterned {
		c.strs[s] = s
	}
	return s
}

func (c *compactor) finding(f *lint.Finding) {
	f.Detail = c.str(f.Detail)
	if len(f.Args) > 0 {
		key := f.Args[0]
		if len(f.Args) > 1 {
			key = strings.Join(f.Args, "\x00")
		}
		if a, ok := c.args[key]; ok && len(a) == len(f.Args) {
			f.Args = a
		} else if len(c.args) < maxInterned {
			c.args[key] = f.Args
		}
	}
	if c.lean {
		f.Object = lint.Object{}
	} else {
		f.Issuer = c.str(f.Issuer)
	}
}

func (c *compactor) outcome(r *outcome) {
	for i := range r.findings {
		c.finding(&r.findings[i])
	}
	if c.lean {
		r.leanObjects += len(r.file.Objects)
		r.file.Objects = nil
		return
	}
	for i := range r.file.Objects {
		r.file.Objects[i].Issuer = c.str(r.file.Objects[i].Issuer)
	}
}

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
// the findings and files[].objects keep only their number, for the text format.
type compactor struct {
	lean  bool
	zeros []lint.ObjectInfo // see counted
	strs  map[string]string
	args  map[string][]string
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
		r.file.Objects = c.counted(len(r.file.Objects) + r.leanObjects)
		return
	}
	for i := range r.file.Objects {
		r.file.Objects[i].Issuer = c.str(r.file.Objects[i].Issuer)
	}
}

// counted returns n zero ObjectInfos, all files sharing one array (read-only; capped, so an
// append copies): in a lean report files[].objects only keep their number, which is all the
// text format prints ("(100000 objects)"), instead of ~100 bytes per certificate.
func (c *compactor) counted(n int) []lint.ObjectInfo {
	if n > len(c.zeros) {
		c.zeros = make([]lint.ObjectInfo, max(n, 2*len(c.zeros)))
	}
	return c.zeros[:n:n]
}

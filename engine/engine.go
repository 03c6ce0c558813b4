// Package engine runs a check: it expands the inputs, reads and scans each one (in parallel,
// results kept in input order), applies the certificate and CRL checks, then the checks over
// the whole upload set (duplicates, the CA count, CRL issuers), and builds the report.
package engine

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/crlcheck"
	"github.com/vpncertlint/vpncertlint/lint"
	"github.com/vpncertlint/vpncertlint/pemscan"
)

// Roles for --role.
const (
	RoleAuto   = "auto"
	RoleCA     = "ca"
	RoleServer = "server"
	RoleCRL    = "crl"
)

// Roles lists the valid --role values.
var Roles = []string{RoleAuto, RoleCA, RoleServer, RoleCRL}

// Options configure a run.
type Options struct {
	Role string
	// CAFiles are client CA files (--ca): checked as client CA uploads, and issuers for CRLs.
	CAFiles     []string
	Now         time.Time
	CertPolicy  *certcheck.Policy
	CRLPolicy   *crlcheck.Policy
	MaxFileSize int64
	Stdin       io.Reader
	// Jobs is the number of inputs read and checked at once (default: GOMAXPROCS).
	Jobs int
	Tool lint.Tool
}

func (o *Options) defaults() {
	if o.Role == "" {
		o.Role = RoleAuto
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.CertPolicy == nil {
		o.CertPolicy = certcheck.DefaultPolicy()
	}
	if o.CRLPolicy == nil {
		o.CRLPolicy = crlcheck.DefaultPolicy()
	}
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = DefaultMaxFileSize
	}
	if o.Jobs <= 0 {
		o.Jobs = runtime.GOMAXPROCS(0)
	}
}

// outcome is what checking one input produced.
type outcome struct {
	file     lint.FileResult
	findings []lint.Finding
	cas      []*certcheck.Cert // client CA uploads, in order, for the set checks
	crls     []*crlcheck.CRL   // parsed later against the set's CAs
}

// Run checks paths (files, directories, or "-" for stdin) and returns the finalized report
// in lang.
func Run(paths []string, o Options, lang string) (*lint.Report, error) {
	o.defaults()
	valid := false
	for _, r := range Roles {
		valid = valid || o.Role == r
	}
	if !valid {
		return nil, fmt.Errorf("unknown role %q (want %s)", o.Role, strings.Join(Roles, ", "))
	}
	seen := map[string]bool{}
	inputs := append(expand(o.CAFiles, true, seen), expand(paths, false, seen)...)

	rep := lint.NewReport(o.Tool, o.Now)
	set := certcheck.NewSet(o.CertPolicy)
	var crls []pendingCRL
	stream(inputs, &o, func(r *outcome) {
		rep.Files = append(rep.Files, r.file)
		rep.Findings = append(rep.Findings, r.findings...)
		for _, ca := range r.cas {
			rep.Findings = append(rep.Findings, set.Add(ca)...)
		}
		for _, c := range r.crls {
			crls = append(crls, keepCRL(c))
		}
	})
	rep.Findings = append(rep.Findings, set.Finish()...)

	env := &crlcheck.Env{Now: o.Now, Policy: o.CRLPolicy}
	for _, ca := range set.CAs() {
		if ca.X != nil {
			env.CAs = append(env.CAs, crlcheck.CA{Where: fmt.Sprintf("%s:%d", ca.File, ca.Line), X: ca.X})
		}
	}
	for i, c := range crls {
		rep.Findings = append(rep.Findings, crlcheck.Run(c.crl(), env)...)
		crls[i] = pendingCRL{}
	}
	rep.Finalize(lang)
	return rep, nil
}

// displayName is what %s stands for: the file's base name.
func displayName(in input) string {
	if in.stdin {
		return "stdin"
	}
	return filepath.Base(in.path)
}

func checkInput(in input, o *Options) (out outcome) {
	out.file = lint.FileResult{File: in.path, Objects: []lint.ObjectInfo{}}
	if in.err != nil {
		out.file.Error = in.err.Error()
		return out
	}
	data, err := read(in, o.Stdin, o.MaxFileSize)
	if err != nil {
		out.file.Error = err.Error()
		return out
	}
	defer func() {
		// A check that panics must not take the run down: report it as an internal error
		// on this input, keep the others.
		if p := recover(); p != nil {
			out.file.Error = fmt.Sprintf("internal error while checking (please report): %v", p)
		}
	}()
	checkData(data, in, o, &out)
	return out
}

func checkData(data []byte, in input, o *Options, out *outcome) {
	name := displayName(in)
	scan := pemscan.Scan(data)
	fileKind := kindCert
	switch {
	case o.Role == RoleCRL && !in.asCA:
		fileKind = kindCRL
	case o.Role == RoleAuto && !in.asCA:
		if strings.EqualFold(filepath.Ext(in.path), ".crl") {
			fileKind = kindCRL
		} else if len(scan.Blocks) > 0 && scan.Blocks[0].Type == labelCRL {
			fileKind = kindCRL
		}
	}
	out.findings = fileFindings(data, scan, fileKind, in.path, name)
	certEnv := &certcheck.Env{Now: o.Now, Policy: o.CertPolicy}
	out.file.Objects = make([]lint.ObjectInfo, 0, len(scan.Blocks))
	for _, b := range scan.Blocks {
		want := fileKind
		if o.Role != RoleCRL || in.asCA {
			switch b.Type {
			case labelCRL:
				want = kindCRL
			case labelCert:
				want = kindCert
			}
		}
		info := lint.ObjectInfo{Line: b.BeginLine, Type: b.Type, Kind: "other"}
		switch {
		case b.Problem != pemscan.ProblemNone:
			out.findings = append(out.findings, lint.New(want.formatCode(),
				fmt.Sprintf("%s block at line %d: %s", b.Type, b.BeginLine, b.Detail), name).At(in.path, b.BeginLine))
		case b.Type == labelCert && want == kindCert:
			c := certcheck.NewCert(b.Bytes, in.path, b.BeginLine, name)
			c.Role = certRole(o.Role, in.asCA, c)
			out.findings = append(out.findings, certcheck.Run(c, certEnv)...)
			info.Kind, info.Role, info.Object = "certificate", string(c.Role), c.Object()
			if c.Role == certcheck.RoleCA {
				out.cas = append(out.cas, c)
			}
		case b.Type == labelCRL && want == kindCRL:
			c := crlcheck.NewCRL(b.Bytes, in.path, b.BeginLine, name)
			info.Kind, info.Object = "crl", c.Object()
			out.crls = append(out.crls, c)
		default:
			out.findings = append(out.findings, lint.New(want.formatCode(),
				fmt.Sprintf("line %d: %s", b.BeginLine, wrongType(b.Type, want, in.path)), name).At(in.path, b.BeginLine))
		}
		out.file.Objects = append(out.file.Objects, info)
	}
}

func certRole(role string, asCA bool, c *certcheck.Cert) certcheck.Role {
	switch {
	case asCA || role == RoleCA:
		return certcheck.RoleCA
	case role == RoleServer:
		return certcheck.RoleServer
	case c.IsCA():
		return certcheck.RoleCA
	}
	return certcheck.RoleServer
}

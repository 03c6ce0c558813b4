// Package engine runs a check: it expands the inputs, reads and scans each one (in parallel,
// results kept in input order), applies the certificate and CRL checks, then the checks over
// the whole upload set (duplicates, the CA count, CRL issuers), and builds the report.
package engine

import (
	"bytes"
	"fmt"
	"io"
	"net/netip"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/crlcheck"
	"github.com/vpncertlint/vpncertlint/internal/bodycheck"
	"github.com/vpncertlint/vpncertlint/internal/pemformat"
	"github.com/vpncertlint/vpncertlint/internal/pemscan"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/internal/zlintcheck"
	"github.com/vpncertlint/vpncertlint/lint"
)

// Roles lists the valid --role values (lint.RoleBody is given by a configuration only).
func Roles() []lint.Role {
	return []lint.Role{lint.RoleAuto, lint.RoleCA, lint.RoleServer, lint.RoleCRL}
}

// Options configure a run.
type Options struct {
	Role lint.Role
	// AllowEmpty lets a directory PATH in which nothing is checked pass; otherwise Run
	// returns an *EmptyPathError naming it.
	AllowEmpty bool
	// CAFiles are client CA files (--ca): checked as client CA uploads, and issuers for CRLs.
	CAFiles     []string
	Now         time.Time
	CertPolicy  *certcheck.Policy
	CRLPolicy   *crlcheck.Policy
	MaxFileSize int64
	Stdin       io.Reader
	// PipeIdleTimeout bounds how long a named pipe (FIFO) given as an input may stay silent
	// (default DefaultPipeIdleTimeout).
	PipeIdleTimeout time.Duration
	// Jobs is the number of inputs read and checked at once (default: GOMAXPROCS).
	Jobs int
	Tool report.Tool
	// Server bodies (bodycheck): Body is --body (auto, create or update), MaxConnections
	// the gateway's maximum connections (0: unknown), VPCRoutes the VPC's routes.
	Body           string
	MaxConnections int
	VPCRoutes      []string
	vpcRoutes      []netip.Prefix // VPCRoutes, parsed
	// Zlint, when set, runs zlint on every parsed certificate and CRL (advisories).
	Zlint *zlintcheck.Linter
	// ServerBundle, when set, checks the run's server certificates (in order) as one Cloud
	// Certificate Manager import, with the upload set's client CAs as extra trust anchors.
	ServerBundle func(servers, cas []*certcheck.Cert) ([]lint.FileResult, []lint.Finding)
	// RoleFor, if set, gives the role of one input by its path (as given or found in a
	// walk), overriding Role for it; "" keeps Role. A project configuration's role globs use it.
	RoleFor func(path string) lint.Role
	// ContextCAs are client CA files read only as context for the upload-set checks of the
	// inputs (a project configuration's client CAs, in a run over named files): those that
	// share an upload set (SetsFor) with an input and are not inputs themselves join their
	// sets ahead of the inputs' CAs, so that duplicates (VPN.0077), the CA count (VPN.1111)
	// and CRL issuers (VPN.0079) are judged on whole sets. Nothing about them is reported (no
	// file result, none of their own checks), except an input that could not be read; of the
	// set checks' findings only those on the inputs are kept: a duplicate of a context CA is
	// reported on the input, VPN.1111 on the first input CA beyond the limit.
	ContextCAs []string
	// SetsFor, if set, names the upload sets an input belongs to. Duplicates (VPN.0077), the
	// client-CA count (VPN.1111) and CRL issuers (VPN.0079) are then judged per set (it is
	// called with lint.StdinName for standard input; no names: the set ""). Unset: one set for the run.
	SetsFor func(path string) []string
	// Lean keeps less in memory, for the text format when nothing else reads the report (a
	// configuration's waivers match on the SHA-256): findings lose the identity of their
	// object (subject, issuer, serial, SHA-256) and each file's files[].objects keeps only
	// its number of entries (all zero values, shared: never write to them).
	Lean bool
	// Report configures the run's report: its processor chain (a project configuration's
	// severity overrides and waivers, which see every finding before the report counts or
	// keeps it) and when it spills to its temporary file.
	Report report.Options
	// TFDir is the Terraform configuration of the plans checked (--tf-dir): their findings
	// are placed on its .tf lines.
	TFDir string
	// Observe, when set, is called with every certificate and CRL of the inputs as parsed
	// (not those of ContextCAs), for an inventory of them. It is called from the workers
	// that check the inputs, concurrently and in no particular order: it must be safe for
	// concurrent use, and must not keep Cert or CRL (large) beyond what it needs.
	Observe func(Observed)

	help *helpers // the run's idle workers (see helpers); nil: none
}

// Observed is one certificate or CRL of a run's inputs, as Options.Observe sees it.
type Observed struct {
	File string // the input's path, with "/" (as in the report)
	Line int    // the BEGIN line of its block (as its findings' line)
	Role string // ca or server for a certificate, "" for a CRL
	Cert *certcheck.Cert
	CRL  *crlcheck.CRL
}

func (o *Options) defaults() {
	if o.Role == "" {
		o.Role = lint.RoleAuto
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.PipeIdleTimeout <= 0 {
		o.PipeIdleTimeout = DefaultPipeIdleTimeout
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
	cas      []*certcheck.Cert   // client CA uploads, in order, for the set checks
	crls     []*crlcheck.CRL     // parsed later against the set's CAs
	skip     bool                // a walk-found .json/.yaml that is not a server body
	skipWhy  string              // why it was skipped (listed under -v)
	context  bool                // read only for the set checks (Options.ContextCAs)
	servers  []*certcheck.Cert   // server certificates, in order, for the bundle checks
	entry    *bodycheck.SetEntry // what a request body adds to its upload set
	// partial marks findings handed on before the input's check is done (see flush); the
	// outcome that ends the input follows.
	partial bool
	send    func(*outcome) // hands a partial outcome on (nil: keep everything to the end)
	// leanObjects counts, with Options.Lean, the file's PEM blocks, which are not listed in
	// file.Objects: a lean report keeps only the number of a file's objects (see compactor).
	leanObjects int
}

// Run checks paths (files, directories, or "-" for stdin) and returns the report. A large
// report keeps its findings in a temporary file: Close it when done.
func Run(paths []string, o Options) (*report.Report, error) {
	o.defaults()
	if err := o.validateRole(); err != nil {
		return nil, err
	}
	if err := o.validateBody(); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var empty []emptyDir
	inputs := append(expand(o.CAFiles, true, seen, nil), expand(paths, false, seen, &empty)...)
	inputs = append(o.contextInputs(inputs), inputs...)

	c := &collector{
		o:       &o,
		rep:     report.New(o.Tool, o.Now, o.Report),
		seenCA:  map[string]bool{},
		compact: newCompactor(o.Lean),
	}
	if len(empty) > 0 {
		c.checked = map[string]bool{}
	}
	stream(inputs, &o, c.outcome)
	c.late()
	if c.err != nil {
		c.rep.Close()
		return nil, c.err
	}
	if !o.AllowEmpty {
		if none := emptyPaths(empty, c.checked); len(none) > 0 {
			c.rep.Close()
			return nil, &EmptyPathError{Paths: none}
		}
	}
	return c.rep, nil
}

// validateRole fails when o.Role is not one of Roles.
func (o *Options) validateRole() error {
	var roles []string
	for _, r := range Roles() {
		if o.Role == r {
			return nil
		}
		roles = append(roles, string(r))
	}
	return fmt.Errorf("unknown role %q (want %s)", o.Role, strings.Join(roles, ", "))
}

// emptyPaths are the directories of empty none of whose .json/.yaml files proved to be a
// server body (checked holds the keys of those that did).
func emptyPaths(empty []emptyDir, checked map[string]bool) []string {
	var none []string
	for _, e := range empty {
		if !slices.ContainsFunc(e.keys, func(k string) bool { return checked[k] }) {
			none = append(none, e.path)
		}
	}
	return none
}

// collector adds Run's outcomes to the report as they arrive.
//
// Outcomes arrive in input order and are dropped once reported (the report moves what it
// holds to its temporary file past a bound); only what the upload-set checks need is kept:
// each input's client CAs and CRLs (large CRLs to be parsed again), and the server
// certificates when a Certificate Manager bundle is checked.
type collector struct {
	o       *Options
	rep     *report.Report
	compact *compactor
	members []setMember
	servers []*certcheck.Cert
	cas     []*certcheck.Cert
	seenCA  map[string]bool
	// checked holds the keys of the walk-found .json/.yaml files that are bodies (nil when
	// no directory may be empty).
	checked map[string]bool
	err     error // the first failure to add to the report
}

// fail keeps err if it is the first failure.
func (c *collector) fail(err error) {
	if c.err == nil {
		c.err = err
	}
}

// outcome takes one outcome of stream.
func (c *collector) outcome(r *outcome) {
	if r.partial {
		for i := range r.findings {
			c.compact.finding(&r.findings[i])
		}
		c.fail(c.rep.Add(r.findings...))
		if len(r.file.Objects) > 0 {
			part := &outcome{file: r.file}
			c.compact.outcome(part)
			c.rep.Count(part.leanObjects)
			if len(part.file.Objects) > 0 {
				c.fail(c.rep.AddObjects(r.file.File, part.file.Objects))
			}
		}
		return
	}
	if r.skip {
		c.rep.Skip(r.file.File, r.skipWhy)
		return
	}
	if c.checked != nil {
		c.checked[filepath.Clean(r.file.File)] = true
	}
	if r.context {
		if r.file.Error != "" {
			c.fail(c.rep.AddFile(r.file)) // the set checks could not see it: say so
		}
		c.members = append(c.members, setMember{path: r.file.File, cas: r.cas, context: true})
		c.addCAs(r.cas)
		return
	}
	c.addFile(r)
	c.fail(c.rep.Add(r.findings...))
	m := setMember{path: r.file.File, cas: r.cas, entry: r.entry}
	for _, crl := range r.crls {
		c.zlintCRL(crl)
		m.crls = append(m.crls, keepCRL(crl))
	}
	c.members = append(c.members, m)
	c.addCAs(r.cas)
	if c.o.ServerBundle != nil {
		c.servers = append(c.servers, r.servers...)
	}
}

// zlintCRL reports zlint's findings on crl.
func (c *collector) zlintCRL(crl *crlcheck.CRL) {
	var fs []lint.Finding
	if f, skipped := crl.ZlintSkipped(); skipped && c.o.Zlint != nil {
		fs = []lint.Finding{f} // its entries were not kept: zlint would need them all
	} else {
		fs = c.o.Zlint.CRL(crl)
	}
	for i := range fs {
		c.compact.finding(&fs[i])
	}
	c.fail(c.rep.Add(fs...))
}

// addFile adds r's file result to the report, compacted (with Options.Lean its objects are
// only counted).
func (c *collector) addFile(r *outcome) {
	c.compact.outcome(r)
	c.rep.Count(r.leanObjects)
	c.fail(c.rep.AddFile(r.file))
}

// addCAs keeps the client CAs not seen yet, for the bundle check.
func (c *collector) addCAs(cas []*certcheck.Cert) {
	for _, ca := range cas {
		if !c.seenCA[ca.SHA256] {
			c.seenCA[ca.SHA256] = true
			c.cas = append(c.cas, ca)
		}
	}
}

// late runs the checks that need every input (the upload sets, the bundle) and reports them.
func (c *collector) late() {
	late := outcome{findings: uploadSets(c.members, c.o)}
	if c.o.ServerBundle != nil {
		files, findings := c.o.ServerBundle(c.servers, c.cas)
		late.findings = append(late.findings, findings...)
		for _, f := range files {
			c.addFile(&outcome{file: f})
		}
	}
	c.compact.outcome(&late)
	c.fail(c.rep.Add(late.findings...))
}

// setMember is what the upload-set checks need of one input.
type setMember struct {
	path    string
	cas     []*certcheck.Cert
	crls    []pendingCRL
	context bool // read only as context (Options.ContextCAs): no finding of its own
	// entry is what a request body adds to the set (users, groups, policies, client CIDR).
	entry *bodycheck.SetEntry
}

// setsOf names the upload sets of the input at path ("" when there are no sets).
func (o *Options) setsOf(path string) []string {
	if o.SetsFor != nil {
		if s := o.SetsFor(path); len(s) > 0 {
			return s
		}
	}
	return []string{""}
}

// contextInputs are the ContextCAs that share an upload set with one of inputs and are not
// one of them, in order, each once.
func (o *Options) contextInputs(inputs []input) []input {
	if len(o.ContextCAs) == 0 {
		return nil
	}
	want := map[string]bool{}
	taken := map[string]bool{}
	for _, in := range inputs {
		for _, s := range o.setsOf(in.path) {
			want[s] = true
		}
		if !in.stdin {
			taken[absPath(in.path)] = true
		}
	}
	var out []input
	for _, p := range o.ContextCAs {
		a := absPath(p)
		if taken[a] {
			continue
		}
		for _, s := range o.setsOf(p) {
			if want[s] {
				taken[a] = true
				out = append(out, input{path: p, asCA: true, context: true})
				break
			}
		}
	}
	return out
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// uploadSets runs the checks over each upload set (in order of first appearance): the
// client CAs' duplicates and count, the request bodies' entries, then each CRL against the
// set's CAs. A finding raised identically by two sets (a CRL shared by both) is kept once;
// a finding on a file read only as context is dropped.
func uploadSets(inputs []setMember, o *Options) []lint.Finding {
	names, members := setMembers(inputs, o)
	u := setFindings{context: map[string]bool{}, seen: map[string]bool{}}
	for _, in := range inputs {
		if in.context {
			u.context[in.path] = true
		}
	}
	for _, name := range names {
		u.checkSet(inputs, members[name], o)
	}
	return u.out
}

// setMembers returns the names of the upload sets of inputs in order of first appearance,
// and the indexes in inputs of each set's members.
func setMembers(inputs []setMember, o *Options) ([]string, map[string][]int) {
	var names []string
	members := map[string][]int{}
	for i, in := range inputs {
		for _, name := range o.setsOf(in.path) {
			if _, ok := members[name]; !ok {
				names = append(names, name)
			}
			members[name] = append(members[name], i)
		}
	}
	return names, members
}

// setFindings gathers uploadSets' findings.
type setFindings struct {
	context map[string]bool // the paths of the files read only as context
	seen    map[string]bool
	out     []lint.Finding
}

// add keeps the findings of fs not seen yet and not about a context file.
func (u *setFindings) add(fs []lint.Finding) {
	for _, f := range fs {
		if u.context[f.File] {
			continue // about a file read only as context
		}
		key := fmt.Sprintf("%s\x00%s\x00%d\x00%s", f.Code, f.File, f.Line, f.Detail)
		if !u.seen[key] {
			u.seen[key] = true
			u.out = append(u.out, f)
		}
	}
}

// checkSet runs the checks over the upload set of the members (indexes in inputs).
func (u *setFindings) checkSet(inputs []setMember, members []int, o *Options) {
	set := certcheck.NewSet(o.CertPolicy)
	var crls []pendingCRL
	var entries []*bodycheck.SetEntry
	for _, i := range members {
		for _, ca := range inputs[i].cas {
			u.add(set.Add(ca))
		}
		crls = append(crls, inputs[i].crls...)
		if inputs[i].entry != nil {
			entries = append(entries, inputs[i].entry)
		}
	}
	u.add(bodycheck.CheckSet(entries, o.MaxConnections))
	u.add(set.FinishFor(func(c *certcheck.Cert) bool { return !u.context[c.File] }))
	env := &crlcheck.Env{Now: o.Now, Policy: o.CRLPolicy}
	for _, ca := range set.CAs() {
		if v := ca.Verifier(); v != nil { // a well-formed CA zcrypto cannot read: its key
			env.CAs = append(env.CAs, crlcheck.CA{Where: fmt.Sprintf("%s:%d", ca.File, ca.Line), X: v})
		}
	}
	for _, c := range crls {
		u.add(crlcheck.Run(c.crl(), env))
	}
}

// roleOf is the role an input is checked with.
func (o *Options) roleOf(in input) lint.Role {
	if o.RoleFor != nil && !in.stdin {
		if r := o.RoleFor(in.path); r != "" {
			return r
		}
	}
	return o.Role
}

// displayName is what %s stands for: the file's base name.
func displayName(in input) string {
	if in.stdin {
		return "stdin"
	}
	return filepath.Base(in.path)
}

func checkInput(in input, o *Options, send func(*outcome)) (out *outcome) {
	out = &outcome{}
	out.file = lint.FileResult{File: in.path, Objects: []lint.ObjectInfo{}}
	out.context = in.context
	if !in.context { // a context file's findings are not reported
		out.send = send
	}
	if in.err != nil {
		out.file.Error = in.err.Error()
		return out
	}
	if in.tfDir {
		checkTerraformConfig(in, o, out)
		return out
	}
	data, err := read(in, o.Stdin, o.MaxFileSize, o.PipeIdleTimeout)
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
	checkData(data, in, o, out)
	return out
}

func checkData(data []byte, in input, o *Options, out *outcome) {
	if checkTerraformPlan(data, in, o, out) || checkBody(data, in, o, out) {
		return
	}
	role := o.roleOf(in)
	if role == lint.RoleBody {
		role = lint.RoleAuto
	}
	bc := &blockChecker{
		in:       in,
		o:        o,
		out:      out,
		name:     displayName(in),
		role:     role,
		fileKind: fileKindOf(role, in),
		first:    true,
		certEnv:  &certcheck.Env{Now: o.Now, Policy: o.CertPolicy},
	}
	// One object per BEGIN line at most: sized once for files of thousands of blocks (up
	// to the part handed on at a time, see flush).
	if !o.Lean {
		out.file.Objects = make([]lint.ObjectInfo, 0, min(bytes.Count(data, beginLine), flushObjects))
	}
	scan := pemscan.ScanFunc(data, bc.block)
	bc.settle()
	out.findings = append(out.findings, fileFindings(data, scan, bc.fileKind, in.path, bc.name)...)
	// data is dead from here (the CRLs' DER are copies of their blocks). When it is large,
	// collect it now: the collector would otherwise let the heap grow to twice what was
	// live with it (the text and the decoded CRL) before the parse's garbage is collected.
	if len(bc.crls) > 0 && len(data) >= collectAfter {
		runtime.GC()
	}
	bc.parseCRLs()
}

// fileKindOf is what a file is taken to hold before its first block is seen.
func fileKindOf(role lint.Role, in input) pemformat.Kind {
	switch {
	case role == lint.RoleCRL && !in.asCA:
		return kindCRL
	case role == lint.RoleAuto && !in.asCA && strings.EqualFold(filepath.Ext(in.path), ".crl"):
		return kindCRL
	}
	return kindCert
}

// blockChecker checks the PEM blocks of one input as the scan hands them over.
type blockChecker struct {
	in       input
	o        *Options
	out      *outcome
	name     string // what %s stands for
	role     lint.Role
	fileKind pemformat.Kind
	first    bool // no block seen yet
	certEnv  *certcheck.Env
	// crls are parsed once the scan is done (see parseCRLs): the file's text is no longer
	// needed then, so a large PEM CRL is not held as text and parsed at once.
	crls []crlBlock
	// yielded is when the worker last let the scheduler run something else (see yield).
	yielded time.Time
	// batch gathers certificates for helpers, in block order; lastCert is how long the
	// worker's last certificate took it (see certBlock).
	batch    *certBatch
	lastCert time.Duration
}

// yieldEvery is how often a worker lets the scheduler run what waits (see yield).
const yieldEvery = 250 * time.Microsecond

// yield lets the scheduler run whatever waits, at most every yieldEvery: above all the
// collector's mark worker, which otherwise gets a core only when a worker is preempted (every
// 10 ms), so that a collection's mark phase, with its write barriers and its marking of new
// objects, lasted 5-9 times its work (docs/development.md, "Garbage collection"). Not after
// every certificate: with a core idle (one large file) each yield woke it, and 200,000 tiny
// blocks took 50 % longer.
func (bc *blockChecker) yield() {
	if now := time.Now(); now.Sub(bc.yielded) >= yieldEvery {
		bc.yielded = now
		runtime.Gosched()
	}
}

// block checks one block and lists it among the file's objects.
func (bc *blockChecker) block(b *pemscan.Block) {
	in, out := bc.in, bc.out
	if bc.first && bc.role == lint.RoleAuto && !in.asCA && b.Type == labelCRL {
		bc.fileKind = kindCRL // a file whose first block is a CRL is a CRL file
	}
	bc.first = false
	want := bc.wantKind(b.Type)
	info := lint.ObjectInfo{Line: b.BeginLine, Type: b.Type, Kind: "other"}
	isCert := b.Problem == pemscan.ProblemNone && b.Type == labelCert && want == kindCert
	if !isCert {
		bc.settle() // a batch holds only consecutive certificates (see certBlock)
	}
	switch {
	case b.Problem != pemscan.ProblemNone:
		out.findings = append(out.findings, lint.New(want.FormatCode(),
			fmt.Sprintf("%s block at line %d: %s", b.Type, b.BeginLine, b.Detail), bc.name).At(in.path, b.BeginLine))
	case isCert:
		bc.certBlock(b.Bytes, b.BeginLine, &info)
	case b.Type == labelCRL && want == kindCRL:
		info.Kind = "crl"
		bc.crls = append(bc.crls, crlBlock{der: b.Bytes, line: b.BeginLine, object: len(out.file.Objects)})
	default:
		out.findings = append(out.findings, lint.New(want.FormatCode(),
			fmt.Sprintf("line %d: %s", b.BeginLine, wrongType(b.Type, want, in.path)), bc.name).At(in.path, b.BeginLine))
	}
	if bc.o.Lean {
		out.leanObjects++
	} else {
		out.file.Objects = append(out.file.Objects, info)
	}
	if bc.batch.full() {
		bc.settle()
	}
	out.flush(len(bc.crls) > 0 || bc.batch != nil)
}

// wantKind is the kind a block labelled typ is expected to be: its label's, unless the
// file is checked with --role crl.
func (bc *blockChecker) wantKind(typ string) pemformat.Kind {
	if bc.role != lint.RoleCRL || bc.in.asCA {
		switch typ {
		case labelCRL:
			return kindCRL
		case labelCert:
			return kindCert
		}
	}
	return bc.fileKind
}

// parseCRLs parses the CRL blocks the scan found.
func (bc *blockChecker) parseCRLs() {
	for _, b := range bc.crls {
		c := crlcheck.NewCRL(b.der, bc.in.path, b.line, bc.name)
		if bc.o.Observe != nil && !bc.in.context {
			bc.o.Observe(Observed{File: report.SlashPath(bc.in.path), Line: b.line, CRL: c})
		}
		if !bc.o.Lean {
			bc.out.file.Objects[b.object].Object = c.Object()
		}
		bc.out.crls = append(bc.out.crls, c)
	}
}

// crlBlock is a CRL block waiting for its parse: its DER, BEGIN line and index in the file's objects.
type crlBlock struct {
	der          []byte
	line, object int
}

var beginLine = []byte("-----BEGIN ")

// collectAfter is the size of a file with CRLs past which the collector runs once after
// its scan (see checkData).
const collectAfter = 16 << 20

func certRole(role lint.Role, asCA bool, c *certcheck.Cert) certcheck.Role {
	switch {
	case asCA || role == lint.RoleCA:
		return certcheck.RoleCA
	case role == lint.RoleServer:
		return certcheck.RoleServer
	case c.IsCA():
		return certcheck.RoleCA
	}
	return certcheck.RoleServer
}

package engine

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

// Inputs are checked one per worker (stream). Near the end of a run, when fewer inputs are
// left than workers, the idle workers help: they check certificates of the inputs still being
// checked (helpers). Without them the run's last file, 1,000 certificates of the bench corpus
// (about 80 ms), ran on one core while the other waited: 1-3 % of a 2-core run's wall time,
// and a whole run when the input is one large bundle.
//
// The worker that checks an input (its blockChecker) gathers its certificate blocks in a
// batch of helpBatch while a helper is idle, then offers the batch to the idle helpers (a
// non-blocking send each) and checks it with them, each taking the next certificate of the
// batch until none is left. Then it applies the results in block order (findings, the
// object's fields, CAs, Observe): the report is the same as without helpers, whatever ran
// where. While every worker has an input of its own, no batch is gathered: a certificate
// costs a look at a counter.
//
// Helping one certificate at a time was tried first: the worker and the helper took turns
// more than they ran side by side (each hand-over wakes a core: 54 % of two cores busy on
// one file of 10,000 certificates).

// helpWorth is how long a certificate must have taken its worker before the next ones are
// gathered for helpers: a hand-over costs tens of microseconds (a core woken), more than a
// malformed block of a few bytes takes (200,000 tiny blocks in one file). (A variable for
// the tests, which set it to 0 to batch every certificate.)
var helpWorth = 20 * time.Microsecond

// batchesHelped counts the batches a helper took part in (for the tests).
var batchesHelped atomic.Int64

// certTaskHook, when set (by the tests), runs at the start of every certificate's check.
var certTaskHook func(line int)

// helpBatch is how many certificates a batch gathers: enough that waking a helper costs
// little against checking them (about 5 ms of the bench corpus's), few enough that a
// batch's last certificate, which the others wait for, is a small share of it.
const helpBatch = 64

// helpers is the pool of idle workers of one run.
type helpers struct {
	batches chan *certBatch // unbuffered: an offer is taken only by a helper waiting for one
	quit    chan struct{}   // closed when no input is being checked any more
	idle    atomic.Int32    // helpers waiting for a batch (a hint: read without a lock)
}

func newHelpers() *helpers {
	return &helpers{batches: make(chan *certBatch), quit: make(chan struct{})}
}

// waiting says whether a helper seems to wait for a batch.
func (h *helpers) waiting() bool { return h != nil && h.idle.Load() > 0 }

// serve helps with the batches offered until quit is closed.
func (h *helpers) serve() {
	for {
		h.idle.Add(1)
		select {
		case b := <-h.batches:
			h.idle.Add(-1)
			b.help()
		case <-h.quit:
			h.idle.Add(-1)
			return
		}
	}
}

// certBatch is consecutive certificates of one input, checked by its worker and helpers
// together.
type certBatch struct {
	tasks   []*certTask
	next    atomic.Int32   // the next task to take
	helping sync.WaitGroup // helpers that took the batch
}

// full says whether the batch has gathered helpBatch certificates.
func (b *certBatch) full() bool { return b != nil && len(b.tasks) >= helpBatch }

// work checks the batch's certificates that no one has taken yet, one at a time, and lets
// the scheduler run what waits every yieldEvery, as a worker does between certificates
// (blockChecker.yield).
func (b *certBatch) work() {
	yielded := time.Now()
	for {
		i := int(b.next.Add(1)) - 1
		if i >= len(b.tasks) {
			return
		}
		b.tasks[i].runCatching()
		if now := time.Now(); now.Sub(yielded) >= yieldEvery {
			yielded = now
			runtime.Gosched()
		}
	}
}

// help is work on a helper.
func (b *certBatch) help() {
	defer b.helping.Done()
	batchesHelped.Add(1)
	b.work()
}

// run checks the batch with the helpers that wait for one, and returns when all is done.
func (b *certBatch) run(h *helpers) {
	for h.waiting() {
		b.helping.Add(1)
		select {
		case h.batches <- b:
			continue
		default:
			b.helping.Done()
		}
		break
	}
	b.work()
	b.helping.Wait()
}

// certTask is the part of checking one certificate block that depends on the block alone:
// the parse, the certificate checks and zlint. What it changes in the input's outcome is
// applied by its worker, in block order (blockChecker.apply).
type certTask struct {
	bc   *blockChecker // read only while the task runs
	der  []byte
	line int
	obj  int // index of its object in the outcome's file.Objects (-1: lean)
	lean int // the outcome's leanObjects before it

	c        *certcheck.Cert
	findings []lint.Finding
	object   lint.Object
	panicked any // what the check panicked with, raised again by its worker when it applies it
}

// run checks the certificate.
func (t *certTask) run() {
	if certTaskHook != nil {
		certTaskHook(t.line)
	}
	bc := t.bc
	in, o := bc.in, bc.o
	newCert := certcheck.NewCert
	if o.Zlint != nil && !in.context {
		newCert = certcheck.NewCertParsed // zlint reads zcrypto's parse of every certificate
	}
	c := newCert(t.der, in.path, t.line, bc.name)
	if o.Lean {
		c.Unnamed() // the report drops objects' identities anyway
	}
	c.Role = certRole(bc.role, in.asCA, c)
	if !in.context { // a context file's own findings are not reported
		t.findings = certcheck.Run(c, bc.certEnv) // kept if zlint panics, as they were
		t.findings = append(t.findings, o.Zlint.Cert(c)...)
	}
	t.c, t.object = c, c.Object()
}

// runCatching runs t and keeps a panic for its worker, whose input then reports it
// (checkInput) as it would had the worker run the check alone.
func (t *certTask) runCatching() {
	defer func() {
		if p := recover(); p != nil {
			t.panicked = p
		}
	}()
	t.run()
}

// certBlock checks the certificate block at line (DER der), whose object is the next one of
// the file: at once, or in a batch with helpers while one is idle and the last certificate
// was worth it (its object's fields are then filled in later, when the batch is applied).
func (bc *blockChecker) certBlock(der []byte, line int, info *lint.ObjectInfo) {
	t := certTask{bc: bc, der: der, line: line, obj: -1, lean: bc.out.leanObjects}
	if !bc.o.Lean {
		t.obj = len(bc.out.file.Objects)
	}
	if bc.batch != nil || (bc.lastCert >= helpWorth && bc.o.help.waiting()) {
		if bc.batch == nil {
			bc.batch = &certBatch{tasks: make([]*certTask, 0, helpBatch)}
		}
		batched := t // on the heap only when batched: the usual path allocates nothing more
		bc.batch.tasks = append(bc.batch.tasks, &batched)
		info.Kind = "certificate" // the rest when the batch is applied (block settles a full one)
		return
	}
	start := time.Now()
	t.runCatching()
	bc.lastCert = time.Since(start)
	bc.apply(&t, info)
}

// settle checks the gathered batch, if any, with the helpers, and applies its results in
// block order.
func (bc *blockChecker) settle() {
	b := bc.batch
	if b == nil {
		return
	}
	bc.batch = nil
	b.run(bc.o.help)
	for _, t := range b.tasks {
		if t.panicked != nil {
			// As if the scan had stopped at t's block: the blocks after it were not seen.
			if t.obj >= 0 {
				bc.out.file.Objects = bc.out.file.Objects[:t.obj]
			}
			bc.out.leanObjects = t.lean
		}
		var info *lint.ObjectInfo
		if t.obj >= 0 && t.panicked == nil {
			info = &bc.out.file.Objects[t.obj]
		}
		bc.apply(t, info)
	}
}

// apply adds what checking t found to the input's outcome; info is its object.
func (bc *blockChecker) apply(t *certTask, info *lint.ObjectInfo) {
	in, o, out, c := bc.in, bc.o, bc.out, t.c
	out.findings = append(out.findings, t.findings...)
	if t.panicked != nil {
		panic(t.panicked) // checkInput reports it on the input
	}
	if info != nil {
		info.Kind, info.Role, info.Object = "certificate", string(c.Role), t.object
	}
	if o.Observe != nil && !in.context {
		o.Observe(Observed{File: report.SlashPath(in.path), Line: t.line, Role: string(c.Role), Cert: c})
	}
	bc.yield()
	if c.Role == certcheck.RoleCA {
		out.cas = append(out.cas, c)
	} else if o.ServerBundle != nil {
		// kept only for the bundle check: a parsed certificate is ~10 KB, and a
		// file of thousands would otherwise stay in memory until its outcome is emitted
		out.servers = append(out.servers, c)
	}
}

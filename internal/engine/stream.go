package engine

import (
	"sync/atomic"

	"github.com/vpncertlint/vpncertlint/crlcheck"
	"github.com/vpncertlint/vpncertlint/lint"
)

// stream checks inputs with o.Jobs workers and hands each outcome to emit in input order, as
// soon as it and all before it are done. At most a small window of outcomes is held at once
// (the inputs being checked plus a short queue), so memory does not grow with the number of
// inputs: a certificate that is not a client CA is garbage once its outcome is emitted. One
// input's findings do not pile up either: past flushFindings, they go to emit as a partial
// outcome, the worker waiting for its input's turn (see inOrder).
//
// A worker with no input to check helps the others with their certificates (helpers).
func stream(inputs []input, o *Options, emit func(*outcome)) {
	o.help = newHelpers()
	inOrder(len(inputs), o.Jobs, o.help, func(i int, send func(*outcome)) *outcome {
		return checkInput(inputs[i], o, send)
	}, emit)
}

// flushFindings is how many findings an input's outcome holds before they are handed on as a
// partial outcome: a file of 200,000 blocks each raising a finding held them all (55 MB)
// until its outcome was emitted, and the report's copy of them besides.
const flushFindings = 1 << 10

// flushObjects is how many objects of an input's file result its outcome holds before they
// are handed on as a partial outcome (see flush): 200,000 blocks' objects took 23 MB, and
// their SHA-256 strings 9 MB more, until the outcome was emitted.
const flushObjects = 1 << 10

// flush hands out's findings on as a partial outcome once there are flushFindings of them,
// and its file's objects (the report adds them ahead of the rest, report.AddObjects) once
// there are flushObjects of them, unless objects may still change (pending: a CRL block
// waits for its parse to fill in its object).
func (out *outcome) flush(pending bool) {
	if out.send == nil {
		return
	}
	objects := !pending && len(out.file.Objects) >= flushObjects
	if len(out.findings) < flushFindings && !objects {
		return
	}
	part := &outcome{partial: true, findings: out.findings, file: lint.FileResult{File: out.file.File}}
	out.findings = nil
	if objects {
		part.file.Objects = out.file.Objects
		out.file.Objects = make([]lint.ObjectInfo, 0, flushObjects)
	}
	out.send(part)
}

// inOrder runs check(0..n-1) on jobs workers and calls emit with the results in index order.
// A worker waiting for an item, or with none left, serves h (when not nil) until every
// worker is done.
// At most jobs+1 items are started and not yet emitted at any time (the queue of jobs plus
// the one being emitted). A check may hand part of its result on early with send (an
// outcome with partial set): emit gets it in its place in the order, and send waits until
// emit took the previous part, so a worker ahead of emit holds at most one part.
func inOrder(n, jobs int, h *helpers, check func(i int, send func(*outcome)) *outcome, emit func(*outcome)) {
	work := make(chan job)
	// pending holds, in input order, the result channels of the items handed out so far;
	// its capacity bounds how far the workers may run ahead of emit.
	pending := make(chan chan *outcome, jobs)
	var active atomic.Int32 // workers that may still offer certificates to helpers
	active.Store(int32(jobs))
	for w := 0; w < jobs; w++ {
		go func() {
			worker(work, h, check)
			if h != nil {
				if active.Add(-1) == 0 {
					close(h.quit)
				} else {
					h.serve()
				}
			}
		}()
	}
	go func() {
		for i := 0; i < n; i++ {
			ch := make(chan *outcome, 1)
			pending <- ch
			work <- job{i, ch}
		}
		close(work)
		close(pending)
	}()
	for ch := range pending {
		for {
			r := <-ch
			emit(r)
			if !r.partial {
				break
			}
		}
	}
}

// worker checks items of work until there are none left (inOrder), serving h's offers
// while it waits for one.
func worker(work <-chan job, h *helpers, check func(i int, send func(*outcome)) *outcome) {
	for {
		j, ok := h.next(work)
		if !ok {
			return
		}
		last := check(j.i, func(part *outcome) {
			part.partial = true
			j.out <- part
		})
		last.partial = false
		j.out <- last
	}
}

// job is an item of inOrder: its index and where its outcomes go.
type job struct {
	i   int
	out chan *outcome
}

// next returns the next item of work (false: there is none left), serving h's offers while
// it waits.
func (h *helpers) next(work <-chan job) (job, bool) {
	if h == nil {
		j, ok := <-work
		return j, ok
	}
	for {
		h.idle.Add(1)
		select {
		case j, ok := <-work:
			h.idle.Add(-1)
			return j, ok
		case b := <-h.batches:
			h.idle.Add(-1)
			b.help()
		}
	}
}

// largeCRL is the DER size above which a parsed CRL is not kept until the set checks: it is
// parsed again then, one at a time, so that several huge CRLs never sit in memory together.
// A parsed CRL takes several times its DER size; 64 KB (~2,000 entries) keeps the usual
// small CRLs parsed once; four CRLs of 10,000 entries (300 KB each) took 14 MB more peak RSS
// while waiting than a second parse of each (~10 ms) costs.
const largeCRL = 64 << 10

// pendingCRL is a CRL waiting for the upload set's CAs.
type pendingCRL struct {
	c       *crlcheck.CRL
	reparse bool
}

func keepCRL(c *crlcheck.CRL) pendingCRL {
	// a CRL read with bounded memory is kept as it is: its X has no entries
	if len(c.DER) <= largeCRL || c.X == nil || c.Bounded {
		return pendingCRL{c: c}
	}
	light := *c
	light.X = nil
	return pendingCRL{c: &light, reparse: true}
}

func (p pendingCRL) crl() *crlcheck.CRL {
	if !p.reparse {
		return p.c
	}
	return crlcheck.NewCRL(p.c.DER, p.c.File, p.c.Line, p.c.Name)
}

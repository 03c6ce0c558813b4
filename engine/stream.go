package engine

import (
	"github.com/vpncertlint/vpncertlint/crlcheck"
)

// stream checks inputs with o.Jobs workers and hands each outcome to emit in input order, as
// soon as it and all before it are done. At most a small window of outcomes is held at once
// (the inputs being checked plus a short queue), so memory does not grow with the number of
// inputs: a certificate that is not a client CA is garbage once its outcome is emitted.
func stream(inputs []input, o *Options, emit func(*outcome)) {
	inOrder(len(inputs), o.Jobs, func(i int) *outcome {
		r := checkInput(inputs[i], o)
		return &r
	}, emit)
}

// inOrder runs check(0..n-1) on jobs workers and calls emit with the results in index order.
// At most jobs+1 items are started and not yet emitted at any time (the queue of jobs plus
// the one being emitted).
func inOrder(n, jobs int, check func(i int) *outcome, emit func(*outcome)) {
	type job struct {
		i   int
		out chan *outcome
	}
	work := make(chan job)
	// pending holds, in input order, the result channels of the items handed out so far;
	// its capacity bounds how far the workers may run ahead of emit.
	pending := make(chan chan *outcome, jobs)
	for w := 0; w < jobs; w++ {
		go func() {
			for j := range work {
				j.out <- check(j.i)
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
		emit(<-ch)
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
	if len(c.DER) <= largeCRL || c.X == nil {
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

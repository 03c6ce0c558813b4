package report

import (
	"container/heap"

	"github.com/vpncertlint/vpncertlint/lint"
)

// findingLess is the report's order within one file: line, code, detail.
func findingLess(a, b *lint.Finding) bool {
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Code != b.Code {
		return a.Code < b.Code
	}
	return a.Detail < b.Detail
}

// mergeHeap orders the runs being merged by their current finding, then by the order the
// runs were written, so that the merge is stable: equal findings come in the order added.
type mergeHeap []*runReader

func (h mergeHeap) Len() int { return len(h) }
func (h mergeHeap) Less(i, j int) bool {
	if findingLess(&h[i].cur, &h[j].cur) {
		return true
	}
	if findingLess(&h[j].cur, &h[i].cur) {
		return false
	}
	return h[i].order < h[j].order
}
func (h mergeHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *mergeHeap) Push(x any)   { *h = append(*h, x.(*runReader)) }
func (h *mergeHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// mergeRuns calls fn with the findings of the sorted runs (spooled runs first, then mem,
// the file's sorted findings in memory) in the report's order, holding one segment of each
// run in memory: an external merge sort's last pass.
func mergeRuns(runs []*runReader, mem []lint.Finding, fn func(*lint.Finding) error) error {
	if len(mem) > 0 {
		runs = append(runs, &runReader{mem: mem})
	}
	h := make(mergeHeap, 0, len(runs))
	for i, rr := range runs {
		rr.order = i
		ok, err := rr.next()
		if err != nil {
			return err
		}
		if ok {
			h = append(h, rr)
		}
	}
	heap.Init(&h)
	for len(h) > 0 {
		rr := h[0]
		if err := fn(&rr.cur); err != nil {
			return err
		}
		ok, err := rr.next()
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			heap.Pop(&h)
		}
	}
	return nil
}

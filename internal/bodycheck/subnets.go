package bodycheck

import (
	"fmt"
	"sort"

	"github.com/vpncertlint/vpncertlint/lint"
)

var codeLocalOverlap = lint.Register(lint.Code{
	ID: "VCL.1205", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.1106",
	Message:  "Local subnet %s overlaps another local subnet.",
	DescEN:   "Two different local subnets overlap (one contains the other). The cloud rejects only exact duplicates (VPN.1106); an overlap pushes the same routes twice to clients and is usually a mistake.",
	RemedyEN: "Keep the larger block, or split the blocks so that they do not overlap.",
	DescZH:   "本端网段%s与另一个本端网段重叠。",
	RemedyZH: "请保留较大的网段,或调整网段使其互不重叠。",
}).ID

var localSubnetsCheck = &Check{
	Name:    "local-subnets",
	Doc:     "local_subnets holds 1–20 canonical IPv4 blocks, no duplicates, none in a reserved range, not 0.0.0.0/0.",
	Codes:   []string{"VPN.1103", "VPN.1104", "VPN.1105", "VPN.1106", codeLocalOverlap, "VPN.1118"},
	Applies: isServer,
	Run:     onBody(checkLocalSubnets),
}

func checkLocalSubnets(b *Body) {
	p := path("local_subnets")
	if b.bad[p] {
		return
	}
	k, list := b.field("local_subnets")
	switch {
	case list == nil && b.Create:
		b.report(k0(k, b.VS), p, "VPN.1118", "a Create VPN Server body must list at least one local subnet (the networks clients reach through the VPN)")
		return
	case list == nil:
		return
	case len(list.Content) == 0:
		b.report(list, p, "VPN.1118", "local_subnets is empty; list at least one local subnet")
		return
	case len(list.Content) > maxLocalSubnets:
		b.report(list.Content[maxLocalSubnets], index(p, maxLocalSubnets), "VPN.1105",
			fmt.Sprintf("%d local subnets; at most %d are accepted (the entries past the %dth are checked one by one, not compared with the others)", len(list.Content), maxLocalSubnets, maxLocalSubnets))
	}
	var valid []localSubnet
	for _, l := range b.localSubnets() {
		if !l.ok {
			b.report(l.node, l.path, "VPN.1103", l.detail(fmt.Sprintf("local_subnets[%d]", l.index)), l.text)
			continue
		}
		if l.prefix.Bits() == 0 {
			b.report(l.node, l.path, "VPN.1104", fmt.Sprintf("local_subnets[%d] %s is the whole address space; 0.0.0.0/0 is not supported as a local subnet", l.index, l.text), l.text)
			continue
		}
		if r, hit := overlapping(l.prefix, localReserved); hit {
			b.report(l.node, l.path, "VPN.1104", rangeDetail(fmt.Sprintf("local_subnets[%d]", l.index), l.prefix, r), l.text)
		}
		if l.index < maxLocalSubnets {
			valid = append(valid, l)
		}
	}
	// Entries past the cloud's limit are checked one by one but not compared: the body is
	// rejected for their number (VPN.1105) before any duplicate matters.
	b.compareSubnets(valid)
}

// compareSubnets reports duplicates (VPN.1106) and overlaps (VCL.1205) among valid local
// subnets in O(n log n): sorted by start address (the larger block first, then by position),
// equal blocks are neighbours, and a sweep keeps the stack of blocks that contain the
// current one (CIDR blocks either nest or are disjoint). Each duplicate names the first
// occurrence; each other block that lies inside another is reported once, with the
// innermost block containing it, on whichever of the two comes later in the list.
func (b *Body) compareSubnets(valid []localSubnet) {
	sorted := make([]*localSubnet, len(valid))
	for i := range valid {
		sorted[i] = &valid[i]
	}
	sort.Slice(sorted, func(i, j int) bool {
		a, c := sorted[i].prefix, sorted[j].prefix
		if cmp := a.Addr().Compare(c.Addr()); cmp != 0 {
			return cmp < 0
		}
		if a.Bits() != c.Bits() {
			return a.Bits() < c.Bits()
		}
		return sorted[i].index < sorted[j].index
	})
	type hit struct {
		at     *localSubnet
		code   string
		detail string
	}
	var hits []hit
	var open []*localSubnet // blocks containing the current one, outermost first
	var first *localSubnet  // the first occurrence of the current block
	for _, l := range sorted {
		if first != nil && first.prefix == l.prefix {
			hits = append(hits, hit{l, "VPN.1106", fmt.Sprintf("local_subnets[%d] repeats local_subnets[%d] (line %d)", l.index, first.index, first.node.Line)})
			continue
		}
		first = l
		for len(open) > 0 && !open[len(open)-1].prefix.Contains(l.prefix.Addr()) {
			open = open[:len(open)-1]
		}
		if len(open) > 0 {
			outer := open[len(open)-1]
			at, other := l, outer
			if outer.index > l.index {
				at, other = outer, l
			}
			hits = append(hits, hit{at, codeLocalOverlap, fmt.Sprintf("local_subnets[%d] %s overlaps local_subnets[%d] %s (line %d)", at.index, at.text, other.index, other.text, other.node.Line)})
		}
		open = append(open, l)
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].at.index < hits[j].at.index })
	for _, h := range hits {
		b.report(h.at.node, h.at.path, h.code, h.detail, h.at.text)
	}
}

package bodycheck

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"github.com/vpncertlint/vpncertlint/lint"
	"gopkg.in/yaml.v3"
)

// cidr is a CIDR block as written in the body, and what is wrong with it.
type cidr struct {
	text   string
	prefix netip.Prefix // valid only when problem is empty
	// problem says why the text is not a canonical IPv4 CIDR block; canonical is the form it
	// should have been written in, when one can be told.
	problem, canonical string
}

// parseCIDR reads s strictly: a canonical a.b.c.d/n, no leading zeros, no host bits.
func parseCIDR(s string) cidr {
	c := cidr{text: s}
	var problems []string
	t := strings.TrimSpace(s)
	if t != s {
		problems = append(problems, "white space around the block")
	}
	if t == "" {
		c.problem = "it is empty"
		return c
	}
	if strings.Contains(t, ":") {
		c.problem = "it is IPv6; the VPN server takes IPv4 CIDR blocks only"
		return c
	}
	addrText, maskText, hasMask := strings.Cut(t, "/")
	parts := strings.Split(addrText, ".")
	if len(parts) != 4 {
		c.problem = fmt.Sprintf("%s is not an IPv4 address of four dotted numbers", quote(addrText))
		return c
	}
	var octets [4]byte
	for i, p := range parts {
		v, bad := number(p, 255)
		if bad != "" {
			c.problem = fmt.Sprintf("octet %d (%s) %s", i+1, quote(p), bad)
			if bad == "is greater than 255" {
				c.problem = fmt.Sprintf("octet %d is %s, greater than 255", i+1, p)
			}
			return c
		}
		if len(p) > 1 && p[0] == '0' {
			problems = append(problems, fmt.Sprintf("octet %d (%s) has a leading zero, which some parsers read as octal", i+1, quote(p)))
		}
		octets[i] = byte(v)
	}
	addr := netip.AddrFrom4(octets)
	if !hasMask {
		c.problem = fmt.Sprintf("no mask length: write it as %s/N (N from 0 to 32)", addr)
		return c
	}
	bits, bad := number(maskText, 32)
	if bad != "" {
		c.problem = fmt.Sprintf("the mask length %s %s", quote(maskText), strings.Replace(bad, "255", "32", 1))
		return c
	}
	if len(maskText) > 1 && maskText[0] == '0' {
		problems = append(problems, fmt.Sprintf("the mask length %s has a leading zero", quote(maskText)))
	}
	p := netip.PrefixFrom(addr, bits)
	m := p.Masked()
	if m.Addr() != addr {
		problems = append(problems, fmt.Sprintf("host bits are set: %s is an address inside the network %s", addr, m))
	}
	c.canonical = m.String()
	if len(problems) > 0 {
		c.problem = strings.Join(problems, "; ")
		return c
	}
	c.prefix = m
	return c
}

// number reads a decimal number no greater than limit, or says what is wrong.
func number(s string, limit int) (int, string) {
	if s == "" {
		return 0, "is empty"
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, "is not a decimal number"
		}
	}
	if len(s) > 4 {
		return 0, fmt.Sprintf("is greater than %d", limit)
	}
	v, _ := strconv.Atoi(s)
	if v > limit {
		return 0, fmt.Sprintf("is greater than %d", limit)
	}
	return v, ""
}

// detail explains an invalid CIDR block, with its canonical form when there is one.
func (c cidr) detail(field string) string {
	d := fmt.Sprintf("%s %s is not a canonical IPv4 CIDR block (a.b.c.d/n): %s", field, quote(c.text), c.problem)
	if c.canonical != "" {
		d += "; the canonical form is " + c.canonical
	}
	return d
}

// reserved is an address range a CIDR block must not overlap.
type reserved struct {
	prefix netip.Prefix
	what   string
}

func mustPrefixes(what map[string]string, order ...string) []reserved {
	var out []reserved
	for _, p := range order {
		out = append(out, reserved{netip.MustParsePrefix(p), what[p]})
	}
	return out
}

var rangeNames = map[string]string{
	"0.0.0.0/8":      "\"this network\"",
	"127.0.0.0/8":    "loopback",
	"169.254.0.0/16": "link-local",
	"224.0.0.0/4":    "multicast",
	"240.0.0.0/4":    "reserved (class E)",
	"100.64.0.0/10":  "shared address space (carrier-grade NAT, also used by the cloud's own services)",
	"214.0.0.0/8":    "a range the cloud reserves",
}

var (
	// clientReserved and localReserved are the documented unavailable ranges (VPN.1104).
	clientReserved = mustPrefixes(rangeNames, "0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4", "240.0.0.0/4")
	localReserved  = mustPrefixes(rangeNames, "0.0.0.0/8", "127.0.0.0/8", "224.0.0.0/4", "240.0.0.0/4")
	// clientReservedOnePage are named by one page of the documentation only.
	clientReservedOnePage = mustPrefixes(rangeNames, "100.64.0.0/10", "214.0.0.0/8")
)

var codeReservedOnePage = lint.Register(lint.Code{
	ID: "VCL.1204", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.1104",
	Message:  "Client CIDR block %s may be unavailable.",
	DescEN:   "The block overlaps 100.64.0.0/10 or 214.0.0.0/8, which one page of Huawei Cloud's documentation (but not the API reference) names as unavailable for the client CIDR block. The cloud may reject it with VPN.1104.",
	RemedyEN: "Choose a client CIDR block in private address space (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) that overlaps no local subnet or VPC route.",
	DescZH:   "客户端网段%s可能不可用。",
	RemedyZH: "请选择与本端网段和VPC路由均不冲突的私网网段。",
}).ID

// overlapping returns the first range r overlaps, if any.
func overlapping(p netip.Prefix, ranges []reserved) (reserved, bool) {
	for _, r := range ranges {
		if p.Overlaps(r.prefix) {
			return r, true
		}
	}
	return reserved{}, false
}

func rangeDetail(field string, p netip.Prefix, r reserved) string {
	how := "overlaps"
	if r.prefix.Contains(p.Addr()) && r.prefix.Bits() <= p.Bits() {
		how = "lies inside"
	}
	return fmt.Sprintf("%s %s %s %s (%s)", field, p, how, r.prefix, r.what)
}

// Client CIDR rules.
var clientCIDRCheck = &Check{
	Name:    "client-cidr",
	Doc:     "client_cidr is a canonical IPv4 block with a mask of 16–26 bits, outside the reserved ranges, large enough for the gateway's connections, and overlapping no VPC route and no local subnet.",
	Codes:   []string{"VPN.1103", "VPN.1104", codeReservedOnePage, "VPN.1107", "VPN.1108", "VPN.1109", "VPN.1119"},
	Applies: isServer,
	Run:     onBody(checkClientCIDR),
}

// Client CIDR mask lengths the cloud accepts (VPN.1107).
const (
	minClientMask = 16
	maxClientMask = 26
)

// AddressesPerConnection is what one client connection takes of the client CIDR block: a /30.
const AddressesPerConnection = 4

// SmallestClientMask returns the longest mask whose block holds more than 4 × conns
// addresses (VPN.1108): /26 for 10 connections, /25 for 20, /24 for 50.
func SmallestClientMask(conns int) int {
	need := AddressesPerConnection * conns
	for bits := 32; bits >= 0; bits-- {
		if 1<<(32-bits) > need {
			return bits
		}
	}
	return 0
}

func checkClientCIDR(b *Body) {
	s, n, ok := b.str("client_cidr")
	if !ok {
		return
	}
	p := path("client_cidr")
	c := parseCIDR(s)
	if c.problem != "" {
		b.report(n, p, "VPN.1103", c.detail("client_cidr"), s)
		return
	}
	bits := c.prefix.Bits()
	if bits < minClientMask || bits > maxClientMask {
		b.report(n, p, "VPN.1107", fmt.Sprintf("client_cidr %s has a /%d mask; it must be /%d to /%d", s, bits, minClientMask, maxClientMask))
	}
	if r, hit := overlapping(c.prefix, clientReserved); hit {
		b.report(n, p, "VPN.1104", rangeDetail("client_cidr", c.prefix, r), s)
	} else if r, hit := overlapping(c.prefix, clientReservedOnePage); hit {
		b.report(n, p, codeReservedOnePage, rangeDetail("client_cidr", c.prefix, r), s)
	}
	if conns := b.opts.MaxConnections; conns > 0 {
		addrs := 1 << (32 - bits)
		if need := AddressesPerConnection * conns; addrs <= need {
			want := SmallestClientMask(conns)
			hint := fmt.Sprintf("the smallest block that would do is a /%d", want)
			if want > maxClientMask {
				hint = fmt.Sprintf("a /%d (the longest mask accepted) would do", maxClientMask)
			}
			b.report(n, p, "VPN.1108", fmt.Sprintf("client_cidr %s holds %d addresses; %d connections (--max-connections) need more than %d (a /30, %d addresses, each); %s",
				s, addrs, conns, need, AddressesPerConnection, hint))
		}
	}
	for _, r := range b.opts.VPCRoutes {
		if c.prefix.Overlaps(r) {
			b.report(n, p, "VPN.1109", fmt.Sprintf("client_cidr %s overlaps the VPC route %s (--vpc-route)", s, r), r.String())
		}
	}
	for _, l := range b.localSubnets() {
		if l.ok && l.prefix.Bits() > 0 && c.prefix.Overlaps(l.prefix) { // 0.0.0.0/0 is VPN.1104 already
			b.report(l.node, l.path, "VPN.1119", fmt.Sprintf("local_subnets[%d] %s overlaps client_cidr %s (line %d)", l.index, l.text, s, n.Line), l.text)
		}
	}
}

// localSubnet is one entry of local_subnets.
type localSubnet struct {
	index int
	node  *yaml.Node
	path  string
	text  string
	cidr
	ok bool // a canonical IPv4 block
}

// localSubnets returns the string entries of local_subnets, parsed.
// They are parsed once per body (the client CIDR and local subnet checks both read them).
func (b *Body) localSubnets() []localSubnet {
	if b.subnets != nil {
		return *b.subnets
	}
	_, list := b.field("local_subnets")
	if list == nil {
		return nil
	}
	out := make([]localSubnet, 0, len(list.Content))
	defer func() { b.subnets = &out }()
	for i, e := range list.Content {
		e = resolve(e)
		if e.Kind != yaml.ScalarNode || e.Tag != "!!str" {
			continue
		}
		c := parseCIDR(e.Value)
		out = append(out, localSubnet{index: i, node: e, path: index(path("local_subnets"), i), text: e.Value, cidr: c, ok: c.problem == ""})
	}
	return out
}

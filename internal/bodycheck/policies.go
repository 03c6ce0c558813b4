package bodycheck

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// Access policies: create ({"access_policy": {name, user_group_id, description,
// dest_ip_cidrs}}) and update (the same, all optional). dest_ip_cidrs holds 1–10 canonical
// IPv4 blocks (VPN.1402 above 10; none is an invalid request), each valid (VPN.1403), none
// twice (VPN.1404), none in a range a local subnet cannot use either (VPN.1405: 0.0.0.0/8,
// 127.0.0.0/8, 224.0.0.0/4, 240.0.0.0/4 and 0.0.0.0/0, as for the server body's local
// subnets). More than 100 policies in an upload set (VPN.1400) is CheckSet's.

const maxDestCIDRs = 10

var accessPolicySpec = &spec{t: tObject, fields: map[string]*spec{
	"name": str, "user_group_id": str, "description": str, "dest_ip_cidrs": strArray,
}}

var policyCodes = []string{"VPN.0001", "VPN.1402", "VPN.1403", "VPN.1404", "VPN.1405"}

var accessPolicyCheck = &kindCheck{
	Name:    KindAccessPolicy,
	Doc:     "An access policy body.",
	Codes:   append(keyCodes(), policyCodes...),
	Applies: ofKind(KindAccessPolicy),
	Run:     onKind(checkAccessPolicy),
}

func checkAccessPolicy(k *kindBody) {
	const p = KindAccessPolicy
	obj := k.top(p, map[string]*spec{p: accessPolicySpec})
	if obj == nil {
		return
	}
	k.Create = k.opts.Mode == ModeCreate
	if k.Create {
		k.require(obj, p, "a Create VPN Access Policy body's access_policy", "name", "user_group_id", "dest_ip_cidrs")
	}
	if k.opts.Mode != ModeUpdate {
		line := obj.Line
		if kk, _ := lookup(k.Root, p); kk != nil {
			line = kk.Line
		}
		k.entry.policies = append(k.entry.policies, nameRef{file: k.File, line: line, field: p})
	}
	lp := p + ".dest_ip_cidrs"
	if _, v := lookup(obj, "dest_ip_cidrs"); v != nil && isNull(v) {
		// The SDK sends a nil Go slice as null.
		k.invalid(v, lp, "dest_ip_cidrs is empty", "dest_ip_cidrs is null (an empty list); list 1 to 10 destination CIDR blocks")
		return
	}
	_, list := k.get(obj, p, "dest_ip_cidrs")
	if list == nil {
		return
	}
	switch n := len(list.Content); {
	case n == 0:
		k.invalid(list, lp, "dest_ip_cidrs is empty", "dest_ip_cidrs is empty; list 1 to 10 destination CIDR blocks")
		return
	case n > maxDestCIDRs:
		k.report(list.Content[maxDestCIDRs], index(lp, maxDestCIDRs), "VPN.1402",
			fmt.Sprintf("%d destination CIDR blocks; at most %d are accepted; this is number %d", n, maxDestCIDRs, maxDestCIDRs+1))
	}
	k.checkDestCIDRs(list, lp)
}

// checkDestCIDRs checks each of the destination CIDR blocks in list (at lp): a valid
// block (VPN.1403), not the whole address space nor a reserved range (VPN.1405), none
// twice (VPN.1404).
func (k *kindBody) checkDestCIDRs(list *yaml.Node, lp string) {
	type seen struct {
		i    int
		line int
	}
	first := map[string]seen{}
	for i, e := range list.Content {
		e = resolve(e)
		if e.Kind != yaml.ScalarNode || e.Tag != "!!str" {
			continue // a wrong type, already reported
		}
		ep := index(lp, i)
		c := parseCIDR(e.Value)
		if c.problem != "" {
			k.report(e, ep, "VPN.1403", c.detail(fmt.Sprintf("dest_ip_cidrs[%d]", i)), e.Value)
			continue
		}
		if c.prefix.Bits() == 0 {
			k.report(e, ep, "VPN.1405", fmt.Sprintf("dest_ip_cidrs[%d] %s is the whole address space; 0.0.0.0/0 is not accepted, as for local subnets", i, e.Value), e.Value)
			continue
		}
		if r, hit := overlapping(c.prefix, localReserved); hit {
			k.report(e, ep, "VPN.1405", rangeDetail(fmt.Sprintf("dest_ip_cidrs[%d]", i), c.prefix, r), e.Value)
		}
		key := c.prefix.String()
		if f, dup := first[key]; dup {
			k.report(e, ep, "VPN.1404", fmt.Sprintf("dest_ip_cidrs[%d] repeats dest_ip_cidrs[%d] (line %d)", i, f.i, f.line), e.Value)
			continue
		}
		first[key] = seen{i, e.Line}
	}
}

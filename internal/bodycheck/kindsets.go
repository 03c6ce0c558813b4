package bodycheck

import (
	"fmt"
	"net/netip"

	"github.com/vpncertlint/vpncertlint/lint"
	"gopkg.in/yaml.v3"
)

// Limits per VPN server the cloud documents in its error table.
const (
	maxUserGroups     = 50  // VPN.1306
	maxAccessPolicies = 100 // VPN.1400
)

var setCodes = []string{"VPN.0001", "VPN.1300", "VPN.1302", "VPN.1306", "VPN.1307", "VPN.1400"}

// SetEntry is what one body adds to its upload set (one VPN server): the users it creates
// or gives a static IP, the user groups and access policies it creates, or (a server body)
// the client CIDR block.
type SetEntry struct {
	File     string
	cidr     *cidrRef
	users    []userRef
	groups   []nameRef
	policies []nameRef
	secrets  []string
}

type cidrRef struct {
	prefix netip.Prefix
	file   string
	line   int
}

type userRef struct {
	file, name, field string
	line              int
	create            bool
	ip                netip.Addr
	ipLine            int
	ipField           string
}

type nameRef struct {
	file, field, name string
	line              int
	create            bool
}

func (e *SetEntry) empty() bool {
	return e == nil || e.cidr == nil && len(e.users) == 0 && len(e.groups) == 0 && len(e.policies) == 0
}

// ServerEntry reads the client CIDR block of a server body for its upload set; nil when the
// body has no valid one.
func ServerEntry(data []byte, file string) *SetEntry {
	root, err := parse(data)
	if err != nil {
		return nil
	}
	_, vs := lookup(root, KindServer)
	_, v := lookup(vs, "client_cidr")
	if v == nil || v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
		return nil
	}
	c := parseCIDR(v.Value)
	if c.problem != "" {
		return nil
	}
	return &SetEntry{File: file, cidr: &cidrRef{prefix: c.prefix, file: file, line: v.Line}}
}

// CheckSet judges the bodies of one upload set together, in order: user names created twice
// (VPN.1302), more users than the gateway's connections (VPN.1307, when maxConnections is
// known), user group names created twice (VPN.1300), more than 50 user groups (VPN.1306)
// or 100 access policies (VPN.1400), and, when a server body of the set gives the client
// CIDR block, each static IP: inside the block, the first host of its /30, not the gateway's
// address, not another user's.
func CheckSet(entries []*SetEntry, maxConnections int) []lint.Finding {
	s := &setChecker{
		maxConnections: maxConnections,
		names:          map[string]userRef{},
		ips:            map[netip.Addr]userRef{},
		groups:         map[string]nameRef{},
	}
	var secrets []string
	for _, e := range entries {
		if e.empty() {
			continue
		}
		if s.cidr == nil && e.cidr != nil {
			s.cidr = e.cidr
		}
		secrets = append(secrets, e.secrets...)
	}
	for _, e := range entries {
		if e.empty() {
			continue
		}
		for _, u := range e.users {
			s.checkUser(u)
		}
	}
	for _, e := range entries {
		if e.empty() {
			continue
		}
		s.checkGroupsAndPolicies(e)
	}
	redact(s.out, secrets)
	return s.out
}

// setChecker is the state of CheckSet over one upload set: what the bodies judged so far
// create.
type setChecker struct {
	out            []lint.Finding
	maxConnections int
	cidr           *cidrRef // the client CIDR block a server body of the set gives, or nil
	names          map[string]userRef
	ips            map[netip.Addr]userRef
	created        int // users created so far
	groups         map[string]nameRef
	nGroups        int
	nPolicies      int
}

func (s *setChecker) report(file string, line int, field, code, detail string, args ...string) {
	f := lint.New(code, detail, args...).At(file, line)
	f.Field = field
	s.out = append(s.out, f)
}

// checkUser judges one user of the set: the count against the gateway's connections
// (VPN.1307), a name created twice (VPN.1302), its static IP.
func (s *setChecker) checkUser(u userRef) {
	if u.create && u.name != "" {
		s.created++
		if s.maxConnections > 0 && s.created == s.maxConnections+1 {
			s.report(u.file, u.line, u.field+".name", "VPN.1307", fmt.Sprintf("user %d of the upload set: the gateway's maximum connections are %d (--max-connections, or gateway.max_connections in the configuration): at most %d users", s.created, s.maxConnections, s.maxConnections))
		}
		if first, dup := s.names[u.name]; dup && first.file != u.file {
			s.report(u.file, u.line, u.field+".name", "VPN.1302", fmt.Sprintf("user %s is also created by %s:%d (%s)", quote(u.name), first.file, first.line, first.field))
		} else if !dup {
			s.names[u.name] = u
		}
	}
	if u.ip.IsValid() {
		s.checkStaticIP(u)
	}
}

// checkStaticIP judges a user's static IP: inside the client CIDR block, when known, and,
// for a created user, not another user's (VPN.0001).
func (s *setChecker) checkStaticIP(u userRef) {
	if s.cidr != nil {
		if d := staticIPProblem(u.ip, s.cidr.prefix); d != "" {
			s.report(u.file, u.ipLine, u.ipField, "VPN.0001", fmt.Sprintf("%s; the client CIDR block is %s (%s:%d)", d, s.cidr.prefix, s.cidr.file, s.cidr.line), "invalid static_ip")
			return
		}
	}
	if !u.create {
		return // an update may give a user the address it already has
	}
	if first, dup := s.ips[u.ip]; dup && first.file != u.file {
		s.report(u.file, u.ipLine, u.ipField, "VPN.0001", fmt.Sprintf("static_ip %s is also given by %s:%d (%s); each user needs its own address", u.ip, first.file, first.ipLine, first.ipField), "duplicate static_ip")
	} else if !dup {
		s.ips[u.ip] = u
	}
}

// checkGroupsAndPolicies judges the user groups (VPN.1300, VPN.1306) and access policies
// (VPN.1400) one entry creates.
func (s *setChecker) checkGroupsAndPolicies(e *SetEntry) {
	for _, g := range e.groups {
		if !g.create {
			continue
		}
		s.nGroups++
		if s.nGroups == maxUserGroups+1 {
			s.report(g.file, g.line, g.field, "VPN.1306", fmt.Sprintf("user group %d of the upload set; a VPN server has at most %d", s.nGroups, maxUserGroups))
		}
		if first, dup := s.groups[g.name]; dup {
			s.report(g.file, g.line, g.field, "VPN.1300", fmt.Sprintf("user group %s is also created by %s:%d", quote(g.name), first.file, first.line))
		} else {
			s.groups[g.name] = g
		}
	}
	for _, p := range e.policies {
		s.nPolicies++
		if s.nPolicies == maxAccessPolicies+1 {
			s.report(p.file, p.line, p.field, "VPN.1400", fmt.Sprintf("access policy %d of the upload set; a VPN server has at most %d", s.nPolicies, maxAccessPolicies))
		}
	}
}

// staticIPProblem says why a is not a usable static IP in the client CIDR block p, or "".
// Each client takes a /30 of the block; a static IP must be the first host of its /30
// (192.168.10.5 in 192.168.10.4/30), and not the block's gateway address, its first host
// (192.168.0.1 in 192.168.0.0/24).
func staticIPProblem(a netip.Addr, p netip.Prefix) string {
	if !p.Contains(a) {
		return fmt.Sprintf("static_ip %s is outside the client CIDR block", a)
	}
	base := p.Masked().Addr().As4()
	ip := a.As4()
	gateway := base
	gateway[3]++
	if ip == gateway {
		return fmt.Sprintf("static_ip %s is the gateway's address in the client CIDR block (its first host)", a)
	}
	if ip[3]%AddressesPerConnection != 1 {
		sub := netip.PrefixFrom(a, 30).Masked()
		first := sub.Addr().As4()
		first[3]++
		return fmt.Sprintf("static_ip %s is not the first host of its /30 (%s): use %s", a, sub, netip.AddrFrom4(first))
	}
	return ""
}

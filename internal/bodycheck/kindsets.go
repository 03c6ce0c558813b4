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
	var out []lint.Finding
	report := func(file string, line int, field, code, detail string, args ...string) {
		f := lint.New(code, detail, args...).At(file, line)
		f.Field = field
		out = append(out, f)
	}
	var cidr *cidrRef
	var secrets []string
	for _, e := range entries {
		if e.empty() {
			continue
		}
		if cidr == nil && e.cidr != nil {
			cidr = e.cidr
		}
		secrets = append(secrets, e.secrets...)
	}
	// Users.
	names := map[string]userRef{}
	ips := map[netip.Addr]userRef{}
	created := 0
	for _, e := range entries {
		if e.empty() {
			continue
		}
		for _, u := range e.users {
			if u.create && u.name != "" {
				created++
				if maxConnections > 0 && created == maxConnections+1 {
					report(u.file, u.line, u.field+".name", "VPN.1307", fmt.Sprintf("user %d of the upload set: the gateway's maximum connections are %d (--max-connections, or gateway.max_connections in the configuration): at most %d users", created, maxConnections, maxConnections))
				}
				if first, dup := names[u.name]; dup && first.file != u.file {
					report(u.file, u.line, u.field+".name", "VPN.1302", fmt.Sprintf("user %s is also created by %s:%d (%s)", quote(u.name), first.file, first.line, first.field))
				} else if !dup {
					names[u.name] = u
				}
			}
			if !u.ip.IsValid() {
				continue
			}
			if cidr != nil {
				if d := staticIPProblem(u.ip, cidr.prefix); d != "" {
					report(u.file, u.ipLine, u.ipField, "VPN.0001", fmt.Sprintf("%s; the client CIDR block is %s (%s:%d)", d, cidr.prefix, cidr.file, cidr.line), "invalid static_ip")
					continue
				}
			}
			if !u.create {
				continue // an update may give a user the address it already has
			}
			if first, dup := ips[u.ip]; dup && first.file != u.file {
				report(u.file, u.ipLine, u.ipField, "VPN.0001", fmt.Sprintf("static_ip %s is also given by %s:%d (%s); each user needs its own address", u.ip, first.file, first.ipLine, first.ipField), "duplicate static_ip")
			} else if !dup {
				ips[u.ip] = u
			}
		}
	}
	// User groups and access policies.
	groups := map[string]nameRef{}
	nGroups, nPolicies := 0, 0
	for _, e := range entries {
		if e.empty() {
			continue
		}
		for _, g := range e.groups {
			if !g.create {
				continue
			}
			nGroups++
			if nGroups == maxUserGroups+1 {
				report(g.file, g.line, g.field, "VPN.1306", fmt.Sprintf("user group %d of the upload set; a VPN server has at most %d", nGroups, maxUserGroups))
			}
			if first, dup := groups[g.name]; dup {
				report(g.file, g.line, g.field, "VPN.1300", fmt.Sprintf("user group %s is also created by %s:%d", quote(g.name), first.file, first.line))
			} else {
				groups[g.name] = g
			}
		}
		for _, p := range e.policies {
			nPolicies++
			if nPolicies == maxAccessPolicies+1 {
				report(p.file, p.line, p.field, "VPN.1400", fmt.Sprintf("access policy %d of the upload set; a VPN server has at most %d", nPolicies, maxAccessPolicies))
			}
		}
	}
	redact(out, secrets)
	return out
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

package bodycheck

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Documented values of the body's enumerations.
var (
	tunnelProtocols = []string{"SSL"}
	authTypes       = []string{"CERT", "LOCAL_PASSWORD", "IAM", "FEDERATED"}
	sslProtocols    = []string{"TCP"}
	sslPorts        = []int{443, 1194}
	sslCiphers      = []string{"AES-128-GCM", "AES-256-GCM"}
	certSources     = []string{"CCM", "SERVICE_SIGN"}
)

var settingsCheck = &Check{
	Name:    "settings",
	Doc:     "tunnel_protocol, client_auth_type, ssl_options and server_certificate.source take only the documented values; dns_servers holds at most 2 IPv4 addresses.",
	Codes:   []string{"VPN.0001"},
	Applies: isServer,
	Run:     onBody(checkSettings),
}

func checkSettings(b *Body) {
	b.enum("tunnel_protocol", tunnelProtocols)
	b.enum("client_auth_type", authTypes)
	if _, opts := b.field("ssl_options"); opts != nil {
		b.enumIn(opts, "ssl_options", "protocol", sslProtocols)
		b.enumIn(opts, "ssl_options", "encryption_algorithm", sslCiphers)
		if _, v := lookup(opts, "port"); v != nil && !isNull(v) && !b.bad[path("ssl_options", "port")] {
			port, ok := intValue(v)
			if !ok || (port != int64(sslPorts[0]) && port != int64(sslPorts[1])) {
				is := v.Value
				if ok && strconv.FormatInt(port, 10) != v.Value {
					is = fmt.Sprintf("%s, which the YAML parser reads as %d", v.Value, port)
				}
				b.invalid(v, path("ssl_options", "port"), "unsupported ssl_options.port",
					fmt.Sprintf("ssl_options.port is %s; the documented ports are 443 and 1194", is))
			}
		}
	}
	if _, sc := b.field("server_certificate"); sc != nil {
		b.enumIn(sc, "server_certificate", "source", certSources)
	}
	b.checkDNS()
}

// enum checks vpn_server.name against values.
func (b *Body) enum(name string, values []string) {
	if s, v, ok := b.str(name); ok {
		b.checkEnum(v, path(name), name, s, values)
	}
}

// enumIn checks the string field name of object obj (at vpn_server.parent) against values.
func (b *Body) enumIn(obj *yaml.Node, parent, name string, values []string) {
	p := path(parent, name)
	if _, v := lookup(obj, name); v != nil && !isNull(v) && !b.bad[p] {
		b.checkEnum(v, p, parent+"."+name, v.Value, values)
	}
}

func (b *Body) checkEnum(v *yaml.Node, p, name, s string, values []string) {
	for _, ok := range values {
		if s == ok {
			return
		}
	}
	detail := fmt.Sprintf("%s is %s; the documented values are %s", name, quote(s), strings.Join(values, ", "))
	for _, ok := range values {
		if strings.EqualFold(strings.TrimSpace(s), ok) {
			detail = fmt.Sprintf("%s is %s; the values are case-sensitive: write %s", name, quote(s), ok)
		}
	}
	b.invalid(v, p, "unsupported "+name, detail)
}

func (b *Body) checkDNS() {
	_, list := b.field("dns_servers")
	if list == nil {
		return
	}
	p := path("dns_servers")
	if n := len(list.Content); n > maxDNSServers {
		b.invalid(list.Content[maxDNSServers], index(p, maxDNSServers), "too many dns_servers",
			fmt.Sprintf("%d DNS servers; at most %d are accepted", n, maxDNSServers))
	}
	for i, e := range list.Content {
		e = resolve(e)
		if e.Kind != yaml.ScalarNode || e.Tag != "!!str" {
			continue // a wrong type, already reported
		}
		a, err := netip.ParseAddr(e.Value)
		switch {
		case err != nil:
			b.invalid(e, index(p, i), "invalid dns_servers address",
				fmt.Sprintf("%s is not an IPv4 address such as 100.125.1.250", quote(e.Value)))
		case !a.Is4():
			b.invalid(e, index(p, i), "invalid dns_servers address",
				fmt.Sprintf("%s is not an IPv4 address; the VPN server takes IPv4 DNS servers", quote(e.Value)))
		case a.IsUnspecified() || a.IsMulticast() || a == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
			b.invalid(e, index(p, i), "invalid dns_servers address",
				fmt.Sprintf("%s cannot be a DNS server (unspecified, multicast or broadcast address)", e.Value))
		}
	}
}

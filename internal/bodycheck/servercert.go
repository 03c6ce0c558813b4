package bodycheck

import (
	"strings"

	"gopkg.in/yaml.v3"
)

var serverCertCheck = &Check{
	Name:    "server-certificate",
	Doc:     "An SSL server needs server_certificate: the id of a certificate in Cloud Certificate Manager (source CCM, the default), or source SERVICE_SIGN without id.",
	Codes:   []string{"VPN.1100", codeIfCreate},
	Applies: isServer,
	Run:     onBody(checkServerCert),
}

func checkServerCert(b *Body) {
	if b.bad[path("server_certificate")] || b.bad[path("server_certificate", "id")] {
		return // a wrong type, already reported
	}
	k, sc := b.field("server_certificate")
	id := ""
	var idNode *yaml.Node
	if sc != nil {
		if _, v := lookup(sc, "id"); v != nil && !isNull(v) {
			id, idNode = v.Value, v
		}
	}
	if strings.TrimSpace(id) != "" {
		return
	}
	at := sc
	if idNode != nil {
		at = idNode
	}
	if b.Create {
		if b.tunnel() != "SSL" {
			return // an unknown protocol is VPN.0001 already
		}
		if sc == nil {
			b.reportCreate(k0(k, b.VS), path("server_certificate"), "VPN.1100",
				"tunnel_protocol "+b.tunnelText()+" needs server_certificate with the id of the server certificate in Cloud Certificate Manager, e.g. {\"id\": \"scs1717051012106\"}, or {\"source\": \"SERVICE_SIGN\"}")
			return
		}
		// The id is required only for source CCM (the default); SERVICE_SIGN has the
		// cloud sign the server certificate. Another source is VPN.0001 already.
		if _, src := lookup(sc, "source"); src != nil && !isNull(src) && !b.bad[path("server_certificate", "source")] && src.Value != "CCM" {
			return
		}
		b.report(at, path("server_certificate", "id"), "VPN.1100", idDetail(idNode != nil)+" (source CCM needs it; SERVICE_SIGN does not)")
		return
	}
	// An Update body changes the server certificate only when it carries one, and its
	// server_certificate has only id (UpdateServerRequestServerCertificate: id required).
	if sc == nil {
		return
	}
	b.report(at, path("server_certificate", "id"), "VPN.1100", idDetail(idNode != nil)+" (an Update body's server_certificate is {\"id\": …} only)")
}

func idDetail(present bool) string {
	if !present {
		return "server_certificate has no id: give the ID of the server certificate in Cloud Certificate Manager"
	}
	return "server_certificate.id is empty: give the ID of the server certificate in Cloud Certificate Manager"
}

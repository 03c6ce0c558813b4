package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
)

// The Terraform provider's bodies (huaweicloud/terraform-provider-huaweicloud,
// huaweicloud/services/vpn/resource_huaweicloud_vpn_server.go, read at commit a0345b8d):
// buildCreateServerBodyParams and buildUpdateServerBodyParams build a map from the
// resource's attributes, utils.RemoveNil drops nil values and empty maps and lists,
// utils.ValueIgnoreEmpty turns zero values (not false) into nil, the Create body's
// ssl_options is &map{} (an empty object, kept: RemoveNil does not look into a pointer)
// when the tunnel is SSL (or unset) and no option is set, and golangsdk encodes the map
// with encoding/json (keys sorted, HTML not escaped). This file reimplements that logic
// (it is not the provider's code) for the documented examples of docs/resources/vpn_server.md.

// tfServer is what the resource's configuration sets (after Terraform's defaults: unset
// strings are "", unset numbers 0; a computed attribute after a read holds the server's value).
type tfServer struct {
	localSubnets, clientCIDR, tunnelProtocol, clientAuthType string
	serverCertificateID                                      string // "" for no server_certificate block
	ssl                                                      *tfSSL // nil for no ssl_options block
	cas                                                      []tfCA
}

type tfSSL struct {
	protocol, encryptionAlgorithm string
	port                          int
	isCompressed                  bool
}

type tfCA struct{ name, content string }

func valueIgnoreEmpty(v any) any {
	rv := reflect.ValueOf(v)
	if v == nil || !rv.IsValid() {
		return nil
	}
	if rv.Kind() != reflect.Bool && rv.IsZero() {
		return nil
	}
	return v
}

func removeNil(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		switch v := v.(type) {
		case nil:
		case map[string]any:
			if len(v) > 0 {
				out[k] = removeNil(v)
			}
		case []map[string]any:
			var kept []map[string]any
			for _, e := range v {
				if r := removeNil(e); len(r) > 0 {
					kept = append(kept, r)
				}
			}
			if len(kept) > 0 {
				out[k] = kept
			}
		default:
			out[k] = v
		}
	}
	return out
}

func (s tfServer) serverCertificate() map[string]any {
	if s.serverCertificateID == "" {
		return nil
	}
	return map[string]any{"id": s.serverCertificateID}
}

func (s tfServer) createBody() map[string]any {
	var cas []map[string]any
	for _, c := range s.cas {
		cas = append(cas, map[string]any{"content": c.content, "name": valueIgnoreEmpty(c.name)})
	}
	var ssl any
	var opts map[string]any
	if s.ssl != nil {
		opts = removeNil(map[string]any{
			"protocol":             valueIgnoreEmpty(s.ssl.protocol),
			"port":                 valueIgnoreEmpty(s.ssl.port),
			"encryption_algorithm": valueIgnoreEmpty(s.ssl.encryptionAlgorithm),
			"is_compressed":        valueIgnoreEmpty(s.ssl.isCompressed),
		})
	}
	if (s.tunnelProtocol == "" || s.tunnelProtocol == "SSL") && len(opts) == 0 {
		ssl = &map[string]any{}
	} else if opts != nil {
		ssl = opts
	}
	return removeNil(map[string]any{"vpn_server": map[string]any{
		"local_subnets":          strings.Fields(s.localSubnets),
		"client_cidr":            s.clientCIDR,
		"tunnel_protocol":        valueIgnoreEmpty(s.tunnelProtocol),
		"client_auth_type":       valueIgnoreEmpty(s.clientAuthType),
		"server_certificate":     s.serverCertificate(),
		"client_ca_certificates": cas,
		"ssl_options":            ssl,
	}})
}

// updateBody is the body of an Update after the server was read: the computed attributes
// (client_auth_type, ssl_options) hold the server's values. is_compressed and the client CAs
// are not sent (the CAs go through the client CA APIs).
func (s tfServer) updateBody() map[string]any {
	var ssl any
	if s.ssl != nil {
		ssl = map[string]any{
			"protocol":             valueIgnoreEmpty(s.ssl.protocol),
			"port":                 valueIgnoreEmpty(s.ssl.port),
			"encryption_algorithm": valueIgnoreEmpty(s.ssl.encryptionAlgorithm),
		}
	}
	return removeNil(map[string]any{"vpn_server": map[string]any{
		"local_subnets":      strings.Fields(s.localSubnets),
		"client_cidr":        s.clientCIDR,
		"client_auth_type":   valueIgnoreEmpty(s.clientAuthType),
		"server_certificate": s.serverCertificate(),
		"ssl_options":        ssl,
	}})
}

func encode(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	check(enc.Encode(v))
	return b.Bytes()
}

// writeProvider writes the provider's bodies for the documented examples (their variables
// given the values below; "YOUR CERT CONTENT" replaced by testdata/pki/root.pem, trimmed of
// its final newline as the example's trimsuffix does) into testdata/body/provider.
func writeProvider(td, root string) {
	dir := filepath.Join(td, "body", "provider")
	cleanFixtures(dir)
	check(os.MkdirAll(dir, 0o755))
	docSSL := &tfSSL{protocol: "TCP", port: 443, encryptionAlgorithm: "AES-128-GCM", isCompressed: false}
	password := tfServer{localSubnets: "10.10.1.0/24", clientCIDR: "172.16.0.0/16", clientAuthType: "LOCAL_PASSWORD",
		serverCertificateID: "scs1717051012106", ssl: docSSL}
	cert := password
	cert.clientAuthType = "CERT"
	cert.cas = []tfCA{{name: "test-cert", content: strings.TrimSuffix(root, "\n")}}
	minimal := tfServer{localSubnets: "10.10.1.0/24", clientCIDR: "172.16.0.0/16", serverCertificateID: "scs1717051012106"}
	casNoAuth := minimal
	casNoAuth.cas = cert.cas
	// After a read, the computed attributes hold the server's values.
	readBack := func(s tfServer) tfServer {
		if s.clientAuthType == "" {
			s.clientAuthType = "LOCAL_PASSWORD"
		}
		if s.ssl == nil {
			s.ssl = &tfSSL{protocol: "TCP", port: 443, encryptionAlgorithm: "AES-128-GCM"}
		}
		s.clientCIDR = "172.17.0.0/16" // the change that makes Terraform send an Update
		return s
	}
	files := map[string][]byte{
		"create-local-password.json":   encode(password.createBody()),
		"create-cert.json":             encode(cert.createBody()),
		"create-minimal.json":          encode(minimal.createBody()),
		"create-cas-default-auth.json": encode(casNoAuth.createBody()),
		"update-local-password.json":   encode(readBack(password).updateBody()),
		"update-cert.json":             encode(readBack(cert).updateBody()),
		"update-minimal.json":          encode(readBack(minimal).updateBody()),
	}
	for name, b := range files {
		check(os.WriteFile(filepath.Join(dir, name), b, 0o644))
		if strings.HasPrefix(name, "update-") {
			setCaseArgs(filepath.Join(dir, name), "--role auto --no-zlint --body update")
		}
	}
}

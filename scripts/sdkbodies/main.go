// Command sdkbodies writes Create and Update VPN Server request bodies exactly as the
// official Huawei Cloud Go SDK (github.com/huaweicloud/huaweicloud-sdk-go-v3 v0.1.207) sends
// them: each request is built from the SDK's model structs (services/vpn/v5/model) and sent
// by the SDK's own VpnClient to a local HTTP server, which records the body the client
// serialised (its request definitions put the Body field in the HTTP body, encoded by
// core/request.DefaultHttpRequest.GetBodyToBytes: encoding/json, HTML not escaped).
//
// It also writes testdata/body/provider: the Terraform provider's bodies for its documented
// examples (see provider.go).
//
// It is a separate module so that the main module does not require the SDK; the bodies are
// committed under testdata/body/sdk and the tests do not need the SDK.
//
//	go run . TESTDATA   (from scripts/sdkbodies; scripts/gen/55-body-sdk.sh runs it)
package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	vpn "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpn/v5"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpn/v5/model"
)

func ptr[T any](v T) *T { return &v }

// fixture is one request to send and the file its body goes to, with the args of its case file naming
// the request (--body create or --body update), as the SDK's caller knows it: a Create body
// without a Create-only field could also be an Update body, which --body auto only warns
// about (VCL.1223).
type fixture struct {
	name   string
	create *model.CreateServerRequestBody
	update *model.UpdateServerRequestBody
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: sdkbodies TESTDATA")
		os.Exit(2)
	}
	td := os.Args[1]
	root, err := os.ReadFile(filepath.Join(td, "pki", "root.pem"))
	check(err)
	other, err := os.ReadFile(filepath.Join(td, "pki", "other-ca.pem"))
	check(err)

	var got []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, _ = io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodPost {
			w.WriteHeader(http.StatusCreated)
		}
		// a failed write fails the SDK's call, whose error is checked
		_, _ = io.WriteString(w, `{"vpn_server": {"id": "2407a20d-0bf7-4530-ba9a-7ffa0cedfa3b"}, "request_id": "r"}`)
	}))
	defer srv.Close()
	cred, err := basic.NewCredentialsBuilder().WithAk("AKEXAMPLE").WithSk("SKEXAMPLE").
		WithProjectId("0123456789abcdef0123456789abcdef").SafeBuild()
	check(err)
	hc, err := vpn.VpnClientBuilder().WithEndpoints([]string{srv.URL}).WithCredential(cred).
		WithHttpConfig(config.DefaultHttpConfig().WithRetries(0)).SafeBuild()
	check(err)
	client := vpn.NewVpnClient(hc)

	writeProvider(td, string(root))

	dir := filepath.Join(td, "body", "sdk")
	cleanFixtures(dir)
	check(os.MkdirAll(dir, 0o755))
	for _, f := range fixtures(string(root), string(other)) {
		got = nil
		args := "--body create"
		if f.create != nil {
			_, err = client.CreateVpnServer(&model.CreateVpnServerRequest{P2cVgwId: "p2c-vgw-id", Body: f.create})
		} else {
			_, err = client.UpdateVpnServer(&model.UpdateVpnServerRequest{VpnServerId: "vpn-server-id", Body: f.update})
			args = "--body update"
		}
		check(err)
		if got == nil {
			check(fmt.Errorf("%s: the client sent no body", f.name))
		}
		check(os.WriteFile(filepath.Join(dir, f.name+".json"), got, 0o644))
		setCaseArgs(filepath.Join(dir, f.name+".json"), "--role auto --no-zlint "+args)
	}
}

// cleanFixtures deletes the inputs in dir, keeping their case files (NAME.case, which hold
// the expectations; docs/development.md "Fixture cases").
func cleanFixtures(dir string) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return
	}
	check(err)
	for _, e := range entries {
		if !e.IsDir() && !strings.HasSuffix(e.Name(), ".case") {
			check(os.Remove(filepath.Join(dir, e.Name())))
		}
	}
}

// setCaseArgs writes the flags input is checked with as the args section of input.case,
// creating a case with only that section when there is none (its codes and want are then
// to be written: docs/development.md "Fixture cases").
func setCaseArgs(input, args string) {
	path := input + ".case"
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		rel := filepath.ToSlash(input)
		if i := strings.LastIndex(rel, "/testdata/"); i >= 0 {
			rel = rel[i+1:]
		}
		check(os.WriteFile(path, []byte(rel+", checked with "+args+".\nInput made by scripts/sdkbodies.\n-- args --\n"+args+"\n"), 0o644))
		return
	}
	check(err)
	var out strings.Builder
	// done: the args are written (or will be, where the section is)
	skip, done := false, strings.HasPrefix(string(data), "-- args --\n") || strings.Contains(string(data), "\n-- args --\n")
	for _, l := range strings.SplitAfter(string(data), "\n") {
		t := strings.TrimSuffix(l, "\n")
		switch {
		case t == "-- args --":
			out.WriteString("-- args --\n" + args + "\n")
			skip = true
			continue
		case strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --"):
			if !done {
				out.WriteString("-- args --\n" + args + "\n")
				done = true
			}
			skip = false
		}
		if !skip {
			out.WriteString(l)
		}
	}
	if !done {
		out.WriteString("-- args --\n" + args + "\n")
	}
	check(os.WriteFile(path, []byte(out.String()), 0o644))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "sdkbodies:", err)
		os.Exit(1)
	}
}

func fixtures(root, other string) []fixture {
	tp := model.GetCreateServerRequestTunnelProtocolEnum()
	auth := model.GetCreateServerRequestClientAuthTypeEnum()
	src := model.GetCreateServerRequestServerCertificateSourceEnum()
	proto := model.GetCreateServerRequestSslOptionsProtocolEnum()
	port := model.GetCreateServerRequestSslOptionsPortEnum()
	alg := model.GetCreateServerRequestSslOptionsEncryptionAlgorithmEnum()
	uauth := model.GetUpdateServerRequestClientAuthTypeEnum()
	uproto := model.GetUpdateServerRequestSslOptionsProtocolEnum()
	uport := model.GetUpdateServerRequestSslOptionsPortEnum()
	ualg := model.GetUpdateServerRequestSslOptionsEncryptionAlgorithmEnum()

	// base is a Create body with the required fields and the server certificate; each
	// fixture sets what it is about.
	base := func(edit func(*model.CreateServerRequest)) *model.CreateServerRequestBody {
		s := &model.CreateServerRequest{
			ClientCidr:        "172.16.0.0/16",
			LocalSubnets:      []string{"10.10.1.0/24"},
			ServerCertificate: &model.CreateServerRequestServerCertificate{Id: ptr("scs1717051012106")},
			SslOptions:        &model.CreateServerRequestSslOptions{},
		}
		if edit != nil {
			edit(s)
		}
		return &model.CreateServerRequestBody{VpnServer: s}
	}
	cas := func(pems ...string) *[]model.CreateServerRequestClientCaCertificates {
		var out []model.CreateServerRequestClientCaCertificates
		for i, p := range pems {
			out = append(out, model.CreateServerRequestClientCaCertificates{Name: ptr(fmt.Sprintf("ca-%d", i+1)), Content: p})
		}
		return &out
	}
	fs := []fixture{
		// The API reference's example (vpn_api_0078): every field, certificate authentication.
		{name: "create-documented-example", create: base(func(s *model.CreateServerRequest) {
			s.TunnelProtocol = &tp.SSL
			s.ClientAuthType = &auth.CERT
			s.ServerCertificate.Source = &src.CCM
			s.ClientCaCertificates = cas(root)
			s.SslOptions = &model.CreateServerRequestSslOptions{Protocol: &proto.TCP, Port: &port.E_443,
				EncryptionAlgorithm: &alg.AES_128_GCM, IsCompressed: ptr(false)}
			s.DnsServers = &[]string{"100.125.1.250", "100.125.21.250"}
		})},
		// Every optional field omitted: tunnel SSL and LOCAL_PASSWORD by default.
		{name: "create-optional-omitted", create: base(nil)},
		// The zero value of every model: client_cidr "" and local_subnets null are sent.
		{name: "create-zero-values", create: &model.CreateServerRequestBody{VpnServer: &model.CreateServerRequest{}}},
		// Zero values of the enum structs: port 0, empty strings.
		{name: "create-zero-enums", create: base(func(s *model.CreateServerRequest) {
			s.TunnelProtocol = &model.CreateServerRequestTunnelProtocol{}
			s.SslOptions = &model.CreateServerRequestSslOptions{Protocol: &model.CreateServerRequestSslOptionsProtocol{},
				Port: &model.CreateServerRequestSslOptionsPort{}, EncryptionAlgorithm: &model.CreateServerRequestSslOptionsEncryptionAlgorithm{}}
		})},
		// The default SSL tunnel without server_certificate and ssl_options.
		{name: "create-no-server-certificate", create: base(func(s *model.CreateServerRequest) {
			s.ServerCertificate, s.SslOptions = nil, nil
		})},
		{name: "create-auth-cert", create: base(func(s *model.CreateServerRequest) {
			s.ClientAuthType = &auth.CERT
			s.ClientCaCertificates = cas(root, other)
		})},
		{name: "create-auth-cert-no-ca", create: base(func(s *model.CreateServerRequest) {
			s.ClientAuthType = &auth.CERT
		})},
		{name: "create-auth-local-password", create: base(func(s *model.CreateServerRequest) {
			s.ClientAuthType = &auth.LOCAL_PASSWORD
		})},
		{name: "create-auth-iam", create: base(func(s *model.CreateServerRequest) {
			s.ClientAuthType = &auth.IAM
		})},
		{name: "create-auth-federated", create: base(func(s *model.CreateServerRequest) {
			s.ClientAuthType = &auth.FEDERATED
			s.IdpName = ptr("corporate-idp")
		})},
		// Client CAs without client_auth_type: LOCAL_PASSWORD by default.
		{name: "create-cas-default-auth", create: base(func(s *model.CreateServerRequest) {
			s.ClientCaCertificates = cas(root)
		})},
		// A client CA without a name (Name is optional).
		{name: "create-ca-no-name", create: base(func(s *model.CreateServerRequest) {
			s.ClientAuthType = &auth.CERT
			s.ClientCaCertificates = &[]model.CreateServerRequestClientCaCertificates{{Content: root}}
		})},
		{name: "create-service-sign", create: base(func(s *model.CreateServerRequest) {
			s.ServerCertificate = &model.CreateServerRequestServerCertificate{Source: &src.SERVICE_SIGN}
		})},
		{name: "create-ccm-no-id", create: base(func(s *model.CreateServerRequest) {
			s.ServerCertificate = &model.CreateServerRequestServerCertificate{Source: &src.CCM}
		})},
		{name: "create-port-1194-aes-256", create: base(func(s *model.CreateServerRequest) {
			s.SslOptions = &model.CreateServerRequestSslOptions{Protocol: &proto.TCP, Port: &port.E_1194,
				EncryptionAlgorithm: &alg.AES_256_GCM, IsCompressed: ptr(true)}
		})},

		// Update bodies (UpdateServerRequestBody): every field, none, and zero values.
		{name: "update-every-field", update: &model.UpdateServerRequestBody{VpnServer: &model.UpdateServerRequest{
			ClientCidr: ptr("172.16.0.0/24"), LocalSubnets: &[]string{"10.10.1.0/24", "10.10.2.0/24"},
			ServerCertificate: &model.UpdateServerRequestServerCertificate{Id: "scs1717051012106"},
			SslOptions: &model.UpdateServerRequestSslOptions{Protocol: &uproto.TCP, Port: &uport.E_1194,
				EncryptionAlgorithm: &ualg.AES_256_GCM},
			ClientAuthType: &uauth.IAM, DnsServers: &[]string{"100.125.1.250"}, IdpName: ptr("corporate-idp"),
		}}},
		{name: "update-nothing", update: &model.UpdateServerRequestBody{VpnServer: &model.UpdateServerRequest{}}},
		{name: "update-auth-values", update: &model.UpdateServerRequestBody{VpnServer: &model.UpdateServerRequest{
			ClientAuthType: &uauth.LOCAL_PASSWORD, SslOptions: &model.UpdateServerRequestSslOptions{Port: &uport.E_443, EncryptionAlgorithm: &ualg.AES_128_GCM},
		}}},
		{name: "update-cert-auth", update: &model.UpdateServerRequestBody{VpnServer: &model.UpdateServerRequest{ClientAuthType: &uauth.CERT}}},
		{name: "update-federated", update: &model.UpdateServerRequestBody{VpnServer: &model.UpdateServerRequest{ClientAuthType: &uauth.FEDERATED, IdpName: ptr("corporate-idp")}}},
		// The zero value of the server certificate: id "" is sent (Id is not omitempty).
		{name: "update-server-certificate-zero", update: &model.UpdateServerRequestBody{VpnServer: &model.UpdateServerRequest{
			ServerCertificate: &model.UpdateServerRequestServerCertificate{},
		}}},
		{name: "update-zero-enums", update: &model.UpdateServerRequestBody{VpnServer: &model.UpdateServerRequest{
			SslOptions:   &model.UpdateServerRequestSslOptions{Port: &model.UpdateServerRequestSslOptionsPort{}},
			LocalSubnets: &[]string{},
		}}},
	}
	sort.SliceStable(fs, func(i, j int) bool { return strings.Compare(fs[i].name, fs[j].name) < 0 })
	return fs
}

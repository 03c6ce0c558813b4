// Package tfcheck lints the VPN resources of a Terraform (or OpenTofu) plan JSON or
// configuration directory: each resource of the huaweicloud provider that makes a P2C VPN
// request is turned into the request body the provider would send (see Arguments), checked
// with the body rules of internal/bodycheck (and the Certificate Manager import of
// internal/servercheck), and the findings are placed back on the resource address, the
// argument path and, where known, the .tf file and line.
package tfcheck

import "strings"

// Resource types the package reads.
const (
	TypeServer    = "huaweicloud_vpn_server"
	TypeClientCA  = "huaweicloud_vpn_client_ca_certificate"
	TypePolicy    = "huaweicloud_vpn_access_policy"
	TypeUser      = "huaweicloud_vpn_user"
	TypeUserGroup = "huaweicloud_vpn_user_group"
	TypeCCM       = "huaweicloud_ccm_certificate_import"
)

// Types lists the resource types checked.
var Types = []string{TypeServer, TypeClientCA, TypePolicy, TypeUser, TypeUserGroup, TypeCCM}

// Argument maps one argument of a resource (the provider's schema, read at commit a0345b8d of
// huaweicloud/terraform-provider-huaweicloud) to the API field it is sent as. Path uses []
// for the elements of a list, set or block ("client_ca_certificates[].content").
type Argument struct {
	Type, Path string
	// API is the request body's field ("" when the argument is not sent in a checked body).
	API string
	// Set marks a set-typed argument: Terraform keeps each value once, in its own order.
	Set       bool
	Sensitive bool
	// Note says how the provider sends it.
	Note string
}

// Arguments is the mapping table (docs/terraform.md shows it; a test keeps the two equal).
var Arguments = []Argument{
	{TypeServer, "p2c_vgw_id", "", false, false, "the gateway, in the request URL"},
	{TypeServer, "local_subnets", "vpn_server.local_subnets", true, false, "a set: duplicates collapse"},
	{TypeServer, "client_cidr", "vpn_server.client_cidr", false, false, ""},
	{TypeServer, "tunnel_protocol", "vpn_server.tunnel_protocol", false, false, "omitted when empty"},
	{TypeServer, "client_auth_type", "vpn_server.client_auth_type", false, false, "omitted when empty"},
	{TypeServer, "server_certificate[].id", "vpn_server.server_certificate.id", false, false, "block, at most one"},
	{TypeServer, "client_ca_certificates[].name", "vpn_server.client_ca_certificates[].name", true, false, "set of blocks; omitted when empty; Create only (an Update uploads through the client CA API)"},
	{TypeServer, "client_ca_certificates[].content", "vpn_server.client_ca_certificates[].content", true, true, "Create only (an Update uploads through the client CA API)"},
	{TypeServer, "ssl_options[].protocol", "vpn_server.ssl_options.protocol", false, false, "block, at most one; omitted when empty; {} is sent for SSL without options"},
	{TypeServer, "ssl_options[].port", "vpn_server.ssl_options.port", false, false, "omitted when 0"},
	{TypeServer, "ssl_options[].encryption_algorithm", "vpn_server.ssl_options.encryption_algorithm", false, false, "omitted when empty"},
	{TypeServer, "ssl_options[].is_compressed", "vpn_server.ssl_options.is_compressed", false, false, "Create only"},
	{TypeServer, "os_type", "", false, false, "client configuration download only"},
	{TypeClientCA, "vpn_server_id", "", false, false, "the server, in the request URL: the upload set"},
	{TypeClientCA, "name", "client_ca_certificate.name", false, false, ""},
	{TypeClientCA, "content", "client_ca_certificate.content", false, true, ""},
	{TypeUser, "vpn_server_id", "", false, false, "the server, in the request URL: the upload set"},
	{TypeUser, "name", "user.name", false, false, "Create only"},
	{TypeUser, "password", "user.password", false, true, "Create only (a change is a reset: new_password)"},
	{TypeUser, "description", "user.description", false, false, "omitted when empty"},
	{TypeUser, "user_group_id", "user.user_group_id", false, false, "omitted when empty"},
	{TypeUserGroup, "vpn_server_id", "", false, false, "the server, in the request URL: the upload set"},
	{TypeUserGroup, "name", "user_group.name", false, false, ""},
	{TypeUserGroup, "description", "user_group.description", false, false, "omitted when empty"},
	{TypeUserGroup, "users[].id", "users[].id", true, false, "set of blocks; sent as an add-to-group body"},
	{TypePolicy, "vpn_server_id", "", false, false, "the server, in the request URL: the upload set"},
	{TypePolicy, "name", "access_policy.name", false, false, ""},
	{TypePolicy, "user_group_id", "access_policy.user_group_id", false, false, ""},
	{TypePolicy, "dest_ip_cidrs", "access_policy.dest_ip_cidrs", true, false, "a set: duplicates collapse"},
	{TypePolicy, "description", "access_policy.description", false, false, "omitted when empty"},
	{TypeCCM, "name", "", false, false, "not checked"},
	{TypeCCM, "certificate", "certificate", false, true, "checked as the server certificate (and its chain, when it holds one)"},
	{TypeCCM, "certificate_chain", "certificate_chain", false, true, ""},
	{TypeCCM, "private_key", "private_key", false, true, "never printed"},
	{TypeCCM, "enc_certificate", "", false, true, "SM2 only, not checked"},
	{TypeCCM, "enc_private_key", "", false, true, "SM2 only, not checked"},
	{TypeCCM, "target[].service", "", false, false, "not checked"},
	{TypeCCM, "target[].project", "", false, false, "not checked"},
	{TypeCCM, "enterprise_project_id", "", false, false, "not checked"},
}

// Computed lists the attributes the provider computes, by resource type: "optional" ones may
// also be set (Optional+Computed: unknown in a plan when the configuration leaves them out,
// and then not sent); "computed" ones only the provider sets.
var Computed = map[string]map[string]string{
	TypeServer: {"client_auth_type": "optional", "tunnel_protocol": "optional", "client_ca_certificates_uploaded": "computed",
		"client_config": "computed", "created_at": "computed", "id": "computed", "region": "computed", "status": "computed",
		"updated_at": "computed", "server_certificate[].expiration_time": "computed", "server_certificate[].issuer": "computed",
		"server_certificate[].name": "computed", "server_certificate[].serial_number": "computed",
		"server_certificate[].signature_algorithm": "computed", "server_certificate[].subject": "computed",
		"ssl_options[].authentication_algorithm": "computed", "ssl_options[].encryption_algorithm": "optional",
		"ssl_options[].is_compressed": "optional", "ssl_options[].port": "optional", "ssl_options[].protocol": "optional"},
	TypeClientCA: {"created_at": "computed", "expiration_time": "computed", "id": "computed", "issuer": "computed", "region": "computed",
		"serial_number": "computed", "signature_algorithm": "computed", "subject": "computed", "updated_at": "computed"},
	TypePolicy: {"created_at": "computed", "id": "computed", "region": "computed", "updated_at": "computed", "user_group_name": "computed"},
	TypeUser: {"created_at": "computed", "id": "computed", "region": "computed", "updated_at": "computed", "user_group_id": "computed",
		"user_group_name": "computed"},
	TypeUserGroup: {"created_at": "computed", "id": "computed", "region": "computed", "type": "computed", "updated_at": "computed",
		"user_number": "computed", "users[].description": "computed", "users[].name": "computed"},
	TypeCCM: {"authentifications": "computed", "domain": "computed", "domain_count": "computed", "enterprise_project_id": "optional",
		"id": "computed", "not_after": "computed", "not_before": "computed", "push_support": "computed", "region": "computed",
		"status": "computed"},
}

// Meta-arguments and arguments every resource has, not in the table.
var metaArguments = map[string]bool{"region": true, "count": true, "for_each": true, "depends_on": true,
	"provider": true, "lifecycle": true, "timeouts": true}

// Lookup returns the table's row for an argument path of a resource type (indexes written as
// [N] or ["key"] are matched as []).
func Lookup(typ, path string) (Argument, bool) {
	p := generic(path)
	for _, a := range Arguments {
		if a.Type == typ && a.Path == p {
			return a, true
		}
	}
	return Argument{}, false
}

// generic replaces the indexes of path by [].
func generic(path string) string {
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		if path[i] == '[' {
			j := strings.IndexByte(path[i:], ']')
			if j > 0 {
				b.WriteString("[]")
				i += j
				continue
			}
		}
		b.WriteByte(path[i])
	}
	return b.String()
}

func isSetArg(typ, name string) bool {
	a, ok := Lookup(typ, name)
	if !ok {
		a, ok = Lookup(typ, name+"[].id")
		if !ok {
			a, ok = Lookup(typ, name+"[].content")
		}
	}
	return ok && a.Set
}

func checked(typ string) bool {
	for _, t := range Types {
		if t == typ {
			return true
		}
	}
	return false
}

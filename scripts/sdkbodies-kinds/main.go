// Command sdkbodies-kinds writes the request bodies of the other P2C APIs (client CA upload
// and check, VPN users, user groups, membership, access policies, passwords) exactly as the
// huaweicloud Go SDK v3's client sends them: each body is built from the SDK's own model
// types and encoded by the SDK's own request code (GetBodyToBytes: encoding/json with HTML
// escaping off, one trailing newline). Used by scripts/gen/56-body-kinds.sh:
//
//	go run . OUTDIR GOOD_CA_PEM EXPIRED_CA_PEM LEAF_PEM
//
// It is its own module so that the main module does not depend on the SDK.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/request"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpn/v5/model"
)

func main() {
	if len(os.Args) != 5 {
		fmt.Fprintln(os.Stderr, "usage: sdkbodies-kinds OUTDIR GOOD_CA_PEM EXPIRED_CA_PEM LEAF_PEM")
		os.Exit(2)
	}
	out := os.Args[1]
	good, expired, leaf := read(os.Args[2]), read(os.Args[3]), read(os.Args[4])

	// Client CA upload / online check (ImportClientCaCertificateRequestBody) and rename.
	ca := func(name *string, content string) model.ImportClientCaCertificateRequestBody {
		return model.ImportClientCaCertificateRequestBody{ClientCaCertificate: &model.ImportClientCaCertificateRequestBodyClientCaCertificate{Name: name, Content: content}}
	}
	write(out, "ca-upload-valid.json", ca(s("ca-main"), good))
	write(out, "ca-upload-name-64.json", ca(s(strings.Repeat("c", 64)), good))
	write(out, "ca-upload-name-65.json", ca(s(strings.Repeat("c", 65)), good))
	write(out, "ca-upload-no-name.json", ca(nil, good))
	write(out, "ca-upload-empty-content.json", ca(s("ca-main"), ""))
	write(out, "ca-upload-expired.json", ca(s("ca-old"), expired))
	write(out, "ca-upload-leaf.json", ca(s("ca-leaf"), leaf))
	write(out, "ca-rename.json", model.UpdateClientCaCertificateRequestBody{ClientCaCertificate: &model.UpdateClientCaCertificateRequestBodyClientCaCertificate{Name: s("ca_renamed")}})

	// One user (CreateVpnUserRequestBody) and its update.
	user := func(name, password string, staticIP *string) model.CreateVpnUserRequestBody {
		return model.CreateVpnUserRequestBody{User: &model.CreateVpnUserRequestBodyContent{
			Name: name, Password: password, Description: s("VPN user"), UserGroupId: s("7625fd92-2e20-4e4d-8c56-66f110fbfaa8"), StaticIp: staticIP,
		}}
	}
	write(out, "user-valid.json", user("abcd", "Abcdefg1", s("disable")))
	write(out, "user-valid-limits.json", user(strings.Repeat("u", 32), "a1"+strings.Repeat("b", 30), nil))
	write(out, "user-name-3.json", user("abc", "Abcdefg1", nil))
	write(out, "user-name-33.json", user(strings.Repeat("u", 33), "Abcdefg1", nil))
	write(out, "user-name-char.json", user("user@corp", "Abcdefg1", nil))
	write(out, "user-password-7.json", user("alice", "Abcdef1", nil))
	write(out, "user-password-33.json", user("alice", "a1"+strings.Repeat("b", 31), nil))
	write(out, "user-password-one-class.json", user("alice", "abcdefgh", nil))
	write(out, "user-password-two-classes.json", user("alice", "abcdefg!", nil))
	write(out, "user-password-invalid-char.json", user("alice", "Abcdefg1\t", nil))
	write(out, "user-password-is-name.json", user("alice.w1", "alice.w1", nil))
	write(out, "user-password-reversed-name.json", user("alice.w1", "1w.ecila", nil))
	write(out, "user-static-ip-invalid.json", user("alice", "Abcdefg1", s("192.168.0.256")))
	write(out, "user-update.json", model.UpdateVpnUserRequestBody{User: &model.UpdateVpnUserRequestBodyContent{Description: s("moved"), StaticIp: s("192.168.0.9")}})

	// Batch create (BatchCreateVpnUsersRequestBody).
	batch := func(users ...model.CreateVpnUser) model.BatchCreateVpnUsersRequestBody {
		return model.BatchCreateVpnUsersRequestBody{Users: users}
	}
	bu := func(name, password string, staticIP *string) model.CreateVpnUser {
		return model.CreateVpnUser{Name: name, Password: password, UserGroupName: s("user-group1"), StaticIp: staticIP}
	}
	write(out, "users-valid.json", batch(bu("alice", "Abcdefg1", s("192.168.0.5")), bu("bob.b", "Abcdefg2", s("192.168.0.9")), bu("carol", "Abcdefg3", nil)))
	write(out, "users-duplicate.json", batch(bu("alice", "Abcdefg1", nil), bu("alice", "Abcdefg2", nil)))
	write(out, "users-duplicate-static-ip.json", batch(bu("alice", "Abcdefg1", s("192.168.0.5")), bu("bob.b", "Abcdefg2", s("192.168.0.5"))))
	write(out, "users-empty.json", model.BatchCreateVpnUsersRequestBody{Users: []model.CreateVpnUser{}})
	write(out, "users-null.json", batch()) // a nil slice: the SDK sends "users":null

	// Membership: add, remove, batch delete ({"users": [{"id"}]}).
	op := func(ids ...string) []model.OpVpnUser {
		var u []model.OpVpnUser
		for _, id := range ids {
			u = append(u, model.OpVpnUser{Id: id})
		}
		return u
	}
	write(out, "members-add-valid.json", model.AddVpnUserToGroupRequestBody{Users: op("41ad472e-d3e4-482b-8f00-7b2c1bfc4b7d", "52be583f-e4f5-493c-9f11-8c3d2cad5c8e")})
	write(out, "members-remove-duplicate.json", model.RemoveVpnUserFromGroupRequestBody{Users: op("41ad472e-d3e4-482b-8f00-7b2c1bfc4b7d", "41ad472e-d3e4-482b-8f00-7b2c1bfc4b7d")})
	write(out, "members-delete-empty.json", model.BatchDeleteVpnUsersRequestBody{Users: []model.OpVpnUser{}})

	// Passwords.
	write(out, "password-change-valid.json", model.UpdateVpnUserPasswordRequestBody{OldPassword: "Abcdefg1", NewPassword: "Abcdefg2"})
	write(out, "password-change-same.json", model.UpdateVpnUserPasswordRequestBody{OldPassword: "Abcdefg1", NewPassword: "Abcdefg1"})
	write(out, "password-reset-valid.json", model.ResetVpnUserPasswordRequestBody{NewPassword: strings.Repeat("Ab1", 10) + "!!"})
	write(out, "password-reset-weak.json", model.ResetVpnUserPasswordRequestBody{NewPassword: "12345678"})

	// User groups.
	group := func(name string) model.CreateVpnUserGroupRequestBody {
		return model.CreateVpnUserGroupRequestBody{UserGroup: &model.CreateVpnUserGroupRequestBodyContent{Name: name, Description: s("group")}}
	}
	write(out, "group-valid.json", group("user-group1"))
	write(out, "group-name-64.json", group("组"+strings.Repeat("g", 63)))
	write(out, "group-name-65.json", group(strings.Repeat("g", 65)))
	write(out, "group-name-empty.json", group(""))
	write(out, "group-update.json", model.UpdateVpnUserGroupRequestBody{UserGroup: &model.UpdateVpnUserGroupRequestBodyContent{Description: s("renamed")}})

	// Access policies.
	policy := func(cidrs ...string) model.CreateVpnAccessPolicyRequestBody {
		return model.CreateVpnAccessPolicyRequestBody{AccessPolicy: &model.CreateVpnAccessPolicyRequestBodyContent{
			Name: "policy-001", UserGroupId: "7625fd92-2e20-4e4d-8c56-66f110fbfaa8", Description: s("policy"), DestIpCidrs: cidrs,
		}}
	}
	ten := []string{}
	for i := 0; i < 11; i++ {
		ten = append(ten, fmt.Sprintf("172.16.%d.0/24", i))
	}
	write(out, "policy-valid.json", policy("172.16.0.0/24", "172.16.1.0/24"))
	write(out, "policy-10-cidrs.json", policy(ten[:10]...))
	write(out, "policy-11-cidrs.json", policy(ten...))
	write(out, "policy-no-cidrs.json", policy([]string{}...))
	write(out, "policy-null-cidrs.json", policy()) // a nil slice: the SDK sends "dest_ip_cidrs":null
	write(out, "policy-invalid-cidr.json", policy("172.16.0.1/24", "172.16.300.0/24"))
	write(out, "policy-duplicate-cidr.json", policy("172.16.0.0/24", "172.16.0.0/24"))
	write(out, "policy-unavailable-cidr.json", policy("127.0.0.0/8", "224.0.0.0/24", "0.0.0.0/0", "1.0.0.0/8"))
	write(out, "policy-update.json", model.UpdateVpnAccessPolicyRequestBody{AccessPolicy: &model.UpdateVpnAccessPolicyRequestBodyContent{Name: s("policy-002")}})
}

func s(v string) *string { return &v }

func read(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	return string(b)
}

// write encodes body as the SDK's client does and writes it to dir/name.
func write(dir, name string, body any) {
	r := request.NewHttpRequestBuilder().WithBody("application/json", body).Build()
	buf, err := r.GetBodyToBytes()
	if err != nil {
		fmt.Fprintln(os.Stderr, name, err)
		os.Exit(1)
	}
	if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

package bodycheck

import (
	"fmt"
	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/lint"
	"os"
	"strings"
	"testing"
)

// Boundary tests of the other request bodies, found by mutation testing
// (scripts/mutation.sh -pkg ./bodycheck).

// kindLines runs body as its kind and formats the findings as lines does.
func kindLines(t *testing.T, body, mode string) []string {
	t.Helper()
	kind := KindOf([]byte(body), "b.json")
	if kind == "" || kind == KindServer {
		t.Fatalf("KindOf(%s) = %q", body, kind)
	}
	res, _ := RunKind([]byte(body), kind, "b.json", "b.json", Options{Mode: mode, Now: kindNow})
	return lines(res.Findings)
}

// expectKind checks that body (of its kind, in mode) has one finding per want, in order,
// each containing its want.
func expectKind(t *testing.T, name, body, mode string, want ...string) {
	t.Helper()
	got := kindLines(t, body, mode)
	ok := len(got) == len(want)
	for i := 0; ok && i < len(want); i++ {
		ok = strings.Contains(got[i], want[i])
	}
	if !ok {
		t.Errorf("%s:\n got  %s\n want %s", name, strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
}

func caContent(t *testing.T, file string) string {
	t.Helper()
	pemText, err := os.ReadFile("../../testdata/ca/" + file)
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(strings.TrimSpace(string(pemText)), "\n", `\n`)
}

// The client CA upload, check and rename bodies.
func TestCAUploadModes(t *testing.T) {
	expectKind(t, "rename, update", `{"client_ca_certificate": {"name": "ca"}}`, ModeUpdate)
	expectKind(t, "rename, auto", `{"client_ca_certificate": {"name": "ca"}}`, ModeAuto)
	expectKind(t, "rename, create", `{"client_ca_certificate": {"name": "ca"}}`, ModeCreate,
		`VPN.0001 client_ca_certificate.content:1 client_ca_certificate has no content: give the CA certificate as one PEM block (use --body update to check a rename) ["client CA content is required"]`)
	expectKind(t, "null content, update", `{"client_ca_certificate": {"name": "ca", "content": null}}`, ModeUpdate)
	expectKind(t, "null content, auto", `{"client_ca_certificate": {"name": "ca", "content": null}}`, ModeAuto,
		`VPN.0001 client_ca_certificate.content:1 client_ca_certificate has no content`)
	expectKind(t, "wrong content type", `{"client_ca_certificate": {"content": 5}}`, ModeAuto,
		`VPN.0001 client_ca_certificate.content:1 client_ca_certificate.content must be a string; it is the integer 5`)
	// The content's findings name the CA by its name, or by client_ca_certificate.
	expectKind(t, "named", `{"client_ca_certificate": {"name": "my-ca", "content": "`+caContent(t, "expired.pem")+`"}}`, ModeUpdate,
		`VPN.0072 client_ca_certificate.content:1 notAfter 2024-01-01 00:00:00 UTC is before now (2026-06-01 00:00:00 UTC) ["my-ca"]`)
	expectKind(t, "empty name", `{"client_ca_certificate": {"name": "", "content": "`+caContent(t, "expired.pem")+`"}}`, ModeAuto,
		`VPN.0001 client_ca_certificate.name:1 the name is empty`, `VPN.0072 client_ca_certificate.content:1 notAfter 2024-01-01 00:00:00 UTC is before now (2026-06-01 00:00:00 UTC) ["client_ca_certificate"]`)
	expectKind(t, "no name", `{"client_ca_certificate": {"content": "`+caContent(t, "expired.pem")+`"}}`, ModeAuto,
		`VPN.0072 client_ca_certificate.content:1 notAfter 2024-01-01 00:00:00 UTC is before now (2026-06-01 00:00:00 UTC) ["client_ca_certificate"]`)
}

// Users, passwords, user groups and access policies: every finding's detail at the
// boundaries of the name, password, description, static IP and list rules.
func TestKindDetails(t *testing.T) {
	for _, tt := range []struct {
		body, mode string
		want       []string
	}{
		{"{\"user\": {\"name\": \"abc\", \"password\": \"Abcdefg1\"}}", ModeAuto, []string{"VPN.1317 user.name:1 the name \"abc\" has 3 characters; a user name has 4 to 32 []"}},
		{"{\"user\": {\"name\": \"abcd/\", \"password\": \"Abcdefg1\"}}", ModeAuto, []string{"VPN.1317 user.name:1 the name \"abcd/\" has '/' at character 5; only letters, digits, '.', '_' and '-' are allowed []"}},
		{"{\"user\": {\"name\": \"abc:\", \"password\": \"Abcdefg1\"}}", ModeAuto, []string{"VPN.1317 user.name:1 the name \"abc:\" has ':' at character 4; only letters, digits, '.', '_' and '-' are allowed []"}},
		{"{\"user\": {\"name\": \"abc@\", \"password\": \"Abcdefg1\"}}", ModeAuto, []string{"VPN.1317 user.name:1 the name \"abc@\" has '@' at character 4; only letters, digits, '.', '_' and '-' are allowed []"}},
		{"{\"user\": {\"name\": \"abc[\", \"password\": \"Abcdefg1\"}}", ModeAuto, []string{"VPN.1317 user.name:1 the name \"abc[\" has '[' at character 4; only letters, digits, '.', '_' and '-' are allowed []"}},
		{"{\"user\": {\"name\": \"abc`\", \"password\": \"Abcdefg1\"}}", ModeAuto, []string{"VPN.1317 user.name:1 the name \"abc`\" has '`' at character 4; only letters, digits, '.', '_' and '-' are allowed []"}},
		{"{\"user\": {\"name\": \"abc{\", \"password\": \"Abcdefg1\"}}", ModeAuto, []string{"VPN.1317 user.name:1 the name \"abc{\" has '{' at character 4; only letters, digits, '.', '_' and '-' are allowed []"}},
		{"{\"user\": {\"name\": \"AZaz09._-\", \"password\": \"Abcdefg1\"}}", ModeAuto, []string{}},
		{"{\"user\": {\"name\": \"a名字名字\", \"password\": \"Abcdefg1\"}}", ModeAuto, []string{"VPN.1317 user.name:1 the name \"a名字名字\" has '名' at character 2; only letters, digits, '.', '_' and '-' are allowed []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"AAAAAAAA\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has only uppercase letters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"ZZZZZZZZ\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has only uppercase letters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"aaaaaaaa\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has only lowercase letters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"zzzzzzzz\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has only lowercase letters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"00000000\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has only digits; it needs at least two of uppercase letters, lowercase letters, digits and special characters []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"99999999\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has only digits; it needs at least two of uppercase letters, lowercase letters, digits and special characters []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"@@@@@@@@\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has only special characters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"[[[[[[[[\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has only special characters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"````````\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has only special characters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"{{{{{{{{\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has only special characters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"////////\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has only special characters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"::::::::\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has only special characters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has 0 characters; it must have 8 to 32 []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"Abcdef1\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has 7 characters; it must have 8 to 32 []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"a1bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has 33 characters; it must have 8 to 32 []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"éééééééé\"}}", ModeAuto, []string{"VPN.1310 user.password:1 character 1 of the password is a non-ASCII character; a password holds letters, digits, the space and `~!@#$%^&*()-_=+\\|[{}];:'\",<.>/? []", "VPN.1308 user.password:1 the password has no allowed character; it needs at least two of uppercase letters, lowercase letters, digits and special characters []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"Abcdefg1\\u001f\"}}", ModeAuto, []string{"VPN.1310 user.password:1 character 9 of the password is a control character; a password holds letters, digits, the space and `~!@#$%^&*()-_=+\\|[{}];:'\",<.>/? []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"Abcdefg1\\u007f\"}}", ModeAuto, []string{"VPN.1310 user.password:1 character 9 of the password is a control character; a password holds letters, digits, the space and `~!@#$%^&*()-_=+\\|[{}];:'\",<.>/? []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"Abcdefg1\\u0080\"}}", ModeAuto, []string{"VPN.1310 user.password:1 character 9 of the password is a non-ASCII character; a password holds letters, digits, the space and `~!@#$%^&*()-_=+\\|[{}];:'\",<.>/? []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"Abc defg1 \"}}", ModeAuto, []string{}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"alice\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has 5 characters; it must have 8 to 32 []", "VPN.1308 user.password:1 the password has only lowercase letters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []", "VPN.1309 user.password:1 the password is the user name []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"ecila\"}}", ModeAuto, []string{"VPN.1308 user.password:1 the password has 5 characters; it must have 8 to 32 []", "VPN.1308 user.password:1 the password has only lowercase letters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []", "VPN.1309 user.password:1 the password is the user name reversed []"}},
		{"{\"user\": {\"description\": \"中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中\"}}", ModeAuto, []string{}},
		{"{\"user\": {\"description\": \"中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中\"}}", ModeAuto, []string{"VPN.0001 user.description:1 the description has 65 characters; at most 64 are allowed [\"invalid description\"]"}},
		{"{\"user\": {\"static_ip\": \"disable\"}}", ModeAuto, []string{}},
		{"{\"user\": {\"static_ip\": \"Disable\"}}", ModeAuto, []string{"VPN.0001 user.static_ip:1 static_ip \"Disable\": the value is case-sensitive: write disable [\"invalid static_ip\"]"}},
		{"{\"user\": {\"static_ip\": \" disable\"}}", ModeAuto, []string{"VPN.0001 user.static_ip:1 static_ip \" disable\": the value is case-sensitive: write disable [\"invalid static_ip\"]"}},
		{"{\"user\": {\"static_ip\": \"1.2.3\"}}", ModeAuto, []string{"VPN.0001 user.static_ip:1 static_ip \"1.2.3\" is neither \"disable\" nor an IPv4 address such as 192.168.0.5 [\"invalid static_ip\"]"}},
		{"{\"user\": {\"static_ip\": \"::1\"}}", ModeAuto, []string{"VPN.0001 user.static_ip:1 static_ip \"::1\" is neither \"disable\" nor an IPv4 address such as 192.168.0.5 [\"invalid static_ip\"]"}},
		{"{\"user\": {\"static_ip\": \"192.168.0.5\"}}", ModeAuto, []string{}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"Abcdefg1\"}}", ModeUpdate, []string{"VPN.0001 user.name:1 an Update VPN User body has description, user_group_id and static_ip; name is set when the user is created (a password through the password change or reset request) [\"name cannot be updated\"]", "VPN.0001 user.password:1 an Update VPN User body has description, user_group_id and static_ip; password is set when the user is created (a password through the password change or reset request) [\"password cannot be updated\"]"}},
		{"{\"user\": {\"description\": \"x\"}}", ModeCreate, []string{"VPN.0001 user.name:1 a Create VPN User body's user must have name [\"name is required\"]", "VPN.0001 user.password:1 a Create VPN User body's user must have password [\"password is required\"]"}},
		{"{\"user\": {}}", ModeAuto, []string{}},
		{"{\"user\": null}", ModeAuto, []string{"VPN.0001 user:1 user is null; it must be an object [\"user is required\"]"}},
		{"{\"x\": 1, \"user\": {}}", ModeAuto, []string{"VCL.1251 x:1 the documented fields here are user [\"x\" \"VPN user\"]"}},
		{"{\"users\": [{\"name\": \"alice\", \"password\": \"Abcdefg1\", \"static_ip\": \"192.168.0.5\"}, {\"name\": \"alice\", \"password\": \"Abcdefg1\", \"static_ip\": \"192.168.0.5\"}, {\"name\": \"bobby\", \"password\": \"Abcdefg1\", \"static_ip\": \"192.168.0.5\"}]}", ModeAuto, []string{"VPN.1315 users[1].name:1 users[1].name repeats users[0] (line 1) [\"alice\"]", "VPN.0001 users[1].static_ip:1 static_ip 192.168.0.5 repeats the static_ip of users[0] (line 1); each user needs its own address [\"duplicate static_ip\"]", "VPN.0001 users[2].static_ip:1 static_ip 192.168.0.5 repeats the static_ip of users[0] (line 1); each user needs its own address [\"duplicate static_ip\"]"}},
		{"{\"users\": [{\"id\": \"a\"}, {\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"a\"}, 5, {}]}", ModeAuto, []string{"VPN.0001 users[4]:1 users[4] must be an object; it is the integer 5 [\"wrong type of users[4]\"]", "VPN.1315 users[1].id:1 users[1].id repeats users[0] (line 1) [\"a\"]", "VPN.1315 users[3].id:1 users[3].id repeats users[0] (line 1) [\"a\"]", "VPN.0001 users[5].id:1 users[5] must have id [\"id is required\"]"}},
		{"{\"users\": [{\"id\": \"a\", \"name\": \"alice\"}]}", ModeAuto, []string{"VCL.1251 users[0].id:1 the documented fields here are description, name, password, static_ip, user_group_name [\"users[0].id\" \"VPN users\"]", "VPN.0001 users[0].password:1 users[0] must have password [\"password is required\"]"}},
		{"{\"users\": [{\"id\": \"a\"}, {\"password\": \"x\"}]}", ModeAuto, []string{"VCL.1251 users[0].id:1 the documented fields here are description, name, password, static_ip, user_group_name [\"users[0].id\" \"VPN users\"]", "VPN.0001 users[0].name:1 users[0] must have name [\"name is required\"]", "VPN.0001 users[0].password:1 users[0] must have password [\"password is required\"]", "VPN.0001 users[1].name:1 users[1] must have name [\"name is required\"]", "VPN.1308 users[1].password:1 the password has 1 characters; it must have 8 to 32 []", "VPN.1308 users[1].password:1 the password has only lowercase letters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []"}},
		{"{\"users\": null}", ModeAuto, []string{"VPN.1318 users:1 users is null (an empty list); list at least one user []"}},
		{"{\"users\": []}", ModeAuto, []string{"VPN.1318 users:1 users is empty; list at least one user []"}},
		{"{\"users\": [5, {\"description\": \"x\"}]}", ModeAuto, []string{"VPN.0001 users[0]:1 users[0] must be an object; it is the integer 5 [\"wrong type of users[0]\"]", "VPN.0001 users[1].name:1 users[1] must have name [\"name is required\"]", "VPN.0001 users[1].password:1 users[1] must have password [\"password is required\"]"}},
		{"{\"new_password\": \"Abcdefg1\", \"old_password\": \"Abcdefg1\"}", ModeAuto, []string{"VPN.1311 new_password:1 new_password is old_password (line 1) []"}},
		{"{\"old_password\": \"Abcdefg1\"}", ModeAuto, []string{"VPN.0001 new_password:1 a password change or reset body must have new_password [\"new_password is required\"]"}},
		{"{\"new_password\": null}", ModeAuto, []string{"VPN.0001 new_password:1 a password change or reset body must have new_password [\"new_password is required\"]"}},
		{"{\"new_password\": 5}", ModeAuto, []string{"VPN.0001 new_password:1 new_password must be a string; it is the integer (password not shown) [\"wrong type of new_password\"]"}},
		{"{\"new_password\": \"Abcdefg1\", \"old_password\": \"Abcdefg2\"}", ModeAuto, []string{}},
		{"{\"user_group\": {\"name\": \"\"}}", ModeAuto, []string{"VPN.0001 user_group.name:1 the name is empty: give 1–64 Chinese characters, letters, digits, _ or - [\"invalid user group name\"]"}},
		{"{\"user_group\": {\"name\": \"中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中\"}}", ModeAuto, []string{}},
		{"{\"user_group\": {\"name\": \"中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中中\"}}", ModeAuto, []string{"VPN.0001 user_group.name:1 the name has 65 characters; at most 64 are allowed [\"invalid user group name\"]"}},
		{"{\"user_group\": {\"name\": \"a.b\"}}", ModeAuto, []string{"VPN.0001 user_group.name:1 the name \"a.b\" has '.' at character 2; only Chinese characters, letters, digits, _ and - are allowed [\"invalid user group name\"]"}},
		{"{\"user_group\": {\"name\": \"AZaz09_-中\"}}", ModeAuto, []string{}},
		{"{\"user_group\": {\"name\": \"é\"}}", ModeAuto, []string{"VPN.0001 user_group.name:1 the name \"é\" has 'é' at character 1; only Chinese characters, letters, digits, _ and - are allowed [\"invalid user group name\"]"}},
		{"{\"user_group\": {\"description\": \"x\"}}", ModeCreate, []string{"VPN.0001 user_group.name:1 a Create VPN User Group body's user_group must have name [\"name is required\"]"}},
		{"{\"user_group\": {\"description\": \"ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd\"}}", ModeAuto, []string{"VPN.0001 user_group.description:1 the description has 65 characters; at most 64 are allowed [\"invalid description\"]"}},
		{"{\"user_group\": {\"description\": \"dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd\"}}", ModeAuto, []string{}},
		{"{\"access_policy\": {}}", ModeCreate, []string{"VPN.0001 access_policy.name:1 a Create VPN Access Policy body's access_policy must have name [\"name is required\"]", "VPN.0001 access_policy.user_group_id:1 a Create VPN Access Policy body's access_policy must have user_group_id [\"user_group_id is required\"]", "VPN.0001 access_policy.dest_ip_cidrs:1 a Create VPN Access Policy body's access_policy must have dest_ip_cidrs [\"dest_ip_cidrs is required\"]"}},
		{"{\"access_policy\": {\"dest_ip_cidrs\": null}}", ModeAuto, []string{"VPN.0001 access_policy.dest_ip_cidrs:1 dest_ip_cidrs is null (an empty list); list 1 to 10 destination CIDR blocks [\"dest_ip_cidrs is empty\"]"}},
		{"{\"access_policy\": {\"dest_ip_cidrs\": []}}", ModeAuto, []string{"VPN.0001 access_policy.dest_ip_cidrs:1 dest_ip_cidrs is empty; list 1 to 10 destination CIDR blocks [\"dest_ip_cidrs is empty\"]"}},
		{"{\"access_policy\": {\"dest_ip_cidrs\": [\"0.0.0.0/0\", \"127.0.0.0/8\", \"10.0.0.1/8\", \"10.0.0.0/8\", \"10.0.0.0/8\", 5, \"10.0.0.0/8\"]}}", ModeAuto, []string{"VPN.0001 access_policy.dest_ip_cidrs[5]:1 access_policy.dest_ip_cidrs[5] must be a string; it is the integer 5 [\"wrong type of access_policy.dest_ip_cidrs[5]\"]", "VPN.1405 access_policy.dest_ip_cidrs[0]:1 dest_ip_cidrs[0] 0.0.0.0/0 is the whole address space; 0.0.0.0/0 is not accepted, as for local subnets [\"0.0.0.0/0\"]", "VPN.1405 access_policy.dest_ip_cidrs[1]:1 dest_ip_cidrs[1] 127.0.0.0/8 lies inside 127.0.0.0/8 (loopback) [\"127.0.0.0/8\"]", "VPN.1403 access_policy.dest_ip_cidrs[2]:1 dest_ip_cidrs[2] \"10.0.0.1/8\" is not a canonical IPv4 CIDR block (a.b.c.d/n): host bits are set: 10.0.0.1 is an address inside the network 10.0.0.0/8; the canonical form is 10.0.0.0/8 [\"10.0.0.1/8\"]", "VPN.1404 access_policy.dest_ip_cidrs[4]:1 dest_ip_cidrs[4] repeats dest_ip_cidrs[3] (line 1) [\"10.0.0.0/8\"]", "VPN.1404 access_policy.dest_ip_cidrs[6]:1 dest_ip_cidrs[6] repeats dest_ip_cidrs[3] (line 1) [\"10.0.0.0/8\"]"}},
	} {
		expectKind(t, tt.body+" ("+tt.mode+")", tt.body, tt.mode, tt.want...)
	}
}

// KindOf of a malformed body: a body file (by extension) or JSON-looking text is the kind
// it names; other text is not a body.
func TestKindOfMalformed(t *testing.T) {
	for _, tt := range []struct{ data, path, want string }{
		{"user: [", "b.yml", KindUser},
		{"user: [", "b.txt", ""},
		{`{"user": [`, "b.txt", KindUser},
		{`{"user": [`, "b.json", KindUser},
	} {
		if got := KindOf([]byte(tt.data), tt.path); got != tt.want {
			t.Errorf("KindOf(%q, %s) = %q, want %q", tt.data, tt.path, got, tt.want)
		}
	}
}

// The catalogue lists the other bodies' codes too.
func TestKindCodesInCatalogue(t *testing.T) {
	codes := strings.Join(Codes(), ",")
	for _, c := range []string{"VCL.1251", "VPN.1308", "VPN.1317", "VPN.1402", "VPN.1405", setCodes[0], setCodes[len(setCodes)-1]} {
		if !strings.Contains(codes, c) {
			t.Errorf("Codes() lacks %s", c)
		}
	}
	kinds := strings.Join(lint.CodesOf(kindChecks), ",")
	if !strings.Contains(kinds, "VPN.0074") || !strings.Contains(strings.Join(kindCodes(), ","), "VCL.1251") {
		t.Errorf("kind checks' codes %s", kinds)
	}
}

// RunKind's defaults and results: the clock, the certificate policy given, the body object,
// the line of a syntax error.
func TestRunKindDefaults(t *testing.T) {
	body := `{"client_ca_certificate": {"name": "ca", "content": "` + caContent(t, "expired.pem") + `"}}`
	res, _ := RunKind([]byte(body), KindClientCA, "b.json", "b.json", Options{})
	if got := strings.Join(lines(res.Findings), "\n"); !strings.Contains(got, "VPN.0072") {
		t.Errorf("without Now the CA is judged now, and is expired: %s", got)
	}
	if len(res.Objects) < 1 || res.Objects[0].Kind != "body" || res.Objects[0].Line != 1 || res.Objects[0].Type != "BODY" {
		t.Errorf("objects %+v", res.Objects)
	}
	p256 := `{"client_ca_certificate": {"name": "ca", "content": "` + caContent(t, "ec-p256.pem") + `"}}`
	res, _ = RunKind([]byte(p256), KindClientCA, "b.json", "b.json", Options{Now: kindNow})
	if got := strings.Join(lines(res.Findings), "\n"); !strings.Contains(got, "VCL.0703") {
		t.Errorf("default policy: P-256 is warned about: %s", got)
	}
	pol := certcheck.DefaultPolicy()
	pol.CurvesWarn = nil
	res, _ = RunKind([]byte(p256), KindClientCA, "b.json", "b.json", Options{Now: kindNow, CertPolicy: pol})
	if got := strings.Join(lines(res.Findings), "\n"); strings.Contains(got, "VCL.0703") {
		t.Errorf("a policy without curve warnings is the one applied: %s", got)
	}
	res, _ = RunKind([]byte("{\"user\": {\n\"name\": ,\n}}"), KindUser, "b.json", "b.json", Options{Now: kindNow})
	if len(res.Findings) != 1 || res.Findings[0].Code != "VPN.0001" || res.Findings[0].Line != 2 || res.Findings[0].Args[0] != "malformed JSON" {
		t.Errorf("malformed: %+v", res.Findings)
	}
}

// A content escaped twice is recognised only as such: a PEM on one line without any \n is
// not; trailing text after the END line keeps the content from being "one valid block".
func TestDoubleEscapedEdges(t *testing.T) {
	pem := rootPEM(t)
	if _, ok := doubleEscaped(strings.ReplaceAll(pem, "\n", ""), "f", "n"); ok {
		t.Error("a PEM on one line without \\n taken for a double-escaped one")
	}
	d, ok := doubleEscaped(strings.ReplaceAll(pem, "\n", `\n`), "f", "n")
	if !ok || !strings.HasSuffix(d, "; with them turned into line breaks it is one valid CERTIFICATE block") {
		t.Errorf("double-escaped: %v %s", ok, d)
	}
	d, ok = doubleEscaped(strings.ReplaceAll(pem+"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "\n", `\n`), "f", "n")
	if !ok || strings.Contains(d, "one valid CERTIFICATE block") {
		t.Errorf("two blocks escaped twice: %v %s", ok, d)
	}
	// One block, but with text after it (VCL.0743): not "one valid block".
	d, ok = doubleEscaped(strings.ReplaceAll(pem+"trailing text\n", "\n", `\n`), "f", "n")
	if !ok || strings.Contains(d, "one valid CERTIFICATE block") {
		t.Errorf("one block and text escaped twice: %v %s", ok, d)
	}
}

// Passwords never show: not in details (4 characters or more anywhere, shorter ones where
// quoted), not as arguments, not as the text of a password of the wrong type.
func TestPasswordsNotShown(t *testing.T) {
	for _, tt := range []struct {
		body string
		want []string
	}{
		{"{\"user\": {\"name\": \"abc\", \"password\": \"abc\"}}", []string{"VPN.1317 user.name:1 the name (password not shown) has 3 characters; a user name has 4 to 32 []", "VPN.1308 user.password:1 the password has 3 characters; it must have 8 to 32 []", "VPN.1308 user.password:1 the password has only lowercase letters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []", "VPN.1309 user.password:1 the password is the user name []"}},
		{"{\"user\": {\"name\": \"\", \"password\": \"\"}}", []string{"VPN.1317 user.name:1 the name \"\" has 0 characters; a user name has 4 to 32 []", "VPN.1308 user.password:1 the password has 0 characters; it must have 8 to 32 []"}},
		{"{\"user\": {\"name\": \"Secret.1x\", \"password\": \"Secret.1x\"}}", []string{"VPN.1309 user.password:1 the password is the user name []"}},
		{"{\"users\": [{\"name\": \"Pass.w0rd\", \"password\": \"Abcdefg1\"}, {\"name\": \"Pass.w0rd\", \"password\": \"Pass.w0rd\"}]}", []string{"VPN.1315 users[1].name:1 users[1].name repeats users[0] (line 1) [\"(password not shown)\"]", "VPN.1309 users[1].password:1 the password is the user name []"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": 12345678}}", []string{"VPN.0001 user.password:1 user.password must be a string; it is the integer (password not shown) [\"wrong type of user.password\"]"}},
		{"user:\n  name: alice\n  password: 2001-01-01\n", []string{"VPN.0001 user.password:3 user.password must be a string; it is timestamp \"(password not shown)\" [\"wrong type of user.password\"]"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": null}}", []string{"VPN.0001 user.password:1 a Create VPN User body's user must have password [\"password is required\"]"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": [\"Abcdefg1\"]}}", []string{"VPN.0001 user.password:1 user.password must be a string; it is an array [\"wrong type of user.password\"]"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": {\"x\": \"Abcdefg1\"}}}", []string{"VPN.0001 user.password:1 user.password must be a string; it is an object [\"wrong type of user.password\"]"}},
		{"{\"user\": {\"name\": \"alice\", \"password\": \"Abcdefg1\", \"x\": \"Abcdefg1\"}}", []string{"VCL.1251 user.x:1 the documented fields here are description, name, password, static_ip, user_group_id [\"user.x\" \"VPN user\"]"}},
		{"{\"old_password\": 12345678, \"new_password\": \"abc\"}", []string{"VPN.0001 old_password:1 old_password must be a string; it is the integer (password not shown) [\"wrong type of old_password\"]", "VPN.1308 new_password:1 the password has 3 characters; it must have 8 to 32 []", "VPN.1308 new_password:1 the password has only lowercase letters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []"}},
		{"{\"new_password\": true}", []string{"VPN.0001 new_password:1 new_password must be a string; it is the boolean (password not shown) [\"wrong type of new_password\"]"}},
		{"{\"user\": {\"name\": \"al\", \"password\": \"al\"}, \"z\": {\"password\": \"zz\"}}", []string{"VCL.1251 z:1 the documented fields here are user [\"z\" \"VPN user\"]", "VPN.1317 user.name:1 the name (password not shown) has 2 characters; a user name has 4 to 32 []", "VPN.1308 user.password:1 the password has 2 characters; it must have 8 to 32 []", "VPN.1308 user.password:1 the password has only lowercase letters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []", "VPN.1309 user.password:1 the password is the user name []"}},
		{"{\"user\": {\"name\": \"a b c d\", \"password\": \"a b\"}}", []string{"VPN.1317 user.name:1 the name \"a b c d\" has ' ' at character 2; only letters, digits, '.', '_' and '-' are allowed []", "VPN.1308 user.password:1 the password has 3 characters; it must have 8 to 32 []"}},
		{"{\"user\": {\"name\": \"bad name\", \"password\": \"bad name\"}}", []string{"VPN.1317 user.name:1 the name \"(password not shown)\" has ' ' at character 4; only letters, digits, '.', '_' and '-' are allowed []", "VPN.1309 user.password:1 the password is the user name []"}},
		{"{\"user\": {\"name\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"password\": \"xxxx\"}}", []string{"VPN.1317 user.name:1 the name \"(password not shown)(password not shown)(password not shown)(password not shown)(password not shown)(password not shown)(password not shown)(password not shown)(password not shown)(password not shown)\" has 40 characters; a user name has 4 to 32 []", "VPN.1308 user.password:1 the password has 4 characters; it must have 8 to 32 []", "VPN.1308 user.password:1 the password has only lowercase letters; it needs at least two of uppercase letters, lowercase letters, digits and special characters []"}},
	} {
		expectKind(t, tt.body, tt.body, ModeAuto, tt.want...)
	}
}

// A body of a kind that is not an object, or lacks its key.
func TestKindBodyShape(t *testing.T) {
	for _, tt := range []struct{ data, kind, want string }{
		{`[1]`, KindUser, `VPN.0001 :1 the body must be an object with a user field; it is an array ["the body is not an object"]`},
		{`{}`, KindUser, `VPN.0001 user:1 the body has no user field ["user is required"]`},
		{`{"user_group": 5}`, KindUserGroup, `VPN.0001 user_group:1 user_group must be an object; it is the integer 5 ["wrong type of user_group"]`},
	} {
		res, _ := RunKind([]byte(tt.data), tt.kind, "b.json", "b.json", Options{Now: kindNow})
		if got := strings.Join(lines(res.Findings), "\n"); got != tt.want {
			t.Errorf("%s:\n got  %s\n want %s", tt.data, got, tt.want)
		}
	}
}

// CheckSet over real bodies: names and static IPs across files (an update is not a second
// user), the client CIDR block of the server body, the maximum connections at their limit,
// user groups created twice (an update is not), passwords not shown; ServerEntry.
func TestCheckSetAcrossBodies(t *testing.T) {
	entry := func(file, body, mode string) *SetEntry {
		t.Helper()
		_, e := RunKind([]byte(body), KindOf([]byte(body), file), file, file, Options{Mode: mode, Now: kindNow})
		return e
	}
	srv := ServerEntry([]byte("{\"vpn_server\": {\n\"client_cidr\": \"192.168.0.0/24\"}}"), "s.json")
	set := []*SetEntry{
		nil,
		entry("u1.json", `{"users": [{"name": "alice", "password": "Abcdefg1", "static_ip": "192.168.0.5"}, {"name": "bobby", "password": "alice.pw1", "static_ip": "192.168.0.2"}]}`, ""),
		srv,
		entry("u2.json", `{"user": {"name": "alice", "password": "Abcdefg1", "static_ip": "192.168.0.5"}}`, ""),
		entry("u3.json", `{"user": {"static_ip": "192.168.0.5"}}`, ""),
		entry("u4.json", `{"user": {"static_ip": "10.0.0.5"}}`, ""),
		entry("u5.json", `{"user": {"name": "alice.pw1", "password": "Abcdefg1"}}`, ""),
		entry("u6.json", `{"user": {"name": "carol", "password": "Abcdefg1"}}`, ""),
		entry("u7.json", `{"user": {"name": "alice", "password": "Abcdefg1", "static_ip": "192.168.0.9"}}`, ""),
		entry("u8.json", `{"user": {"name": "alice.pw1", "password": "Abcdefg1"}}`, ""),
		entry("g1.json", `{"user_group": {"name": "g"}}`, ""),
		entry("g2.json", "{\n\"user_group\": {\"name\": \"g\"}}", ""),
		entry("g3.json", `{"user_group": {"name": "g"}}`, ModeUpdate),
		entry("p1.json", `{"access_policy": {"name": "p"}}`, ""),
		entry("e.json", `{"user": {"description": "x"}}`, ""),
	}
	base := []string{
		`VPN.0001 u1.json users[1].static_ip:1 static_ip 192.168.0.2 is not the first host of its /30 (192.168.0.0/30): use 192.168.0.1; the client CIDR block is 192.168.0.0/24 (s.json:2) ["invalid static_ip"]`,
		`VPN.1302 u2.json user.name:1 user "alice" is also created by u1.json:1 (users[0]) []`,
		`VPN.0001 u2.json user.static_ip:1 static_ip 192.168.0.5 is also given by u1.json:1 (users[0].static_ip); each user needs its own address ["duplicate static_ip"]`,
		`VPN.0001 u4.json user.static_ip:1 static_ip 10.0.0.5 is outside the client CIDR block; the client CIDR block is 192.168.0.0/24 (s.json:2) ["invalid static_ip"]`,
		`VPN.1302 u7.json user.name:1 user "alice" is also created by u1.json:1 (users[0]) []`,
		`VPN.1302 u8.json user.name:1 user "(password not shown)" is also created by u5.json:1 (user) []`,
		`VPN.1300 g2.json user_group.name:2 user group "g" is also created by g1.json:1 []`,
	}
	over := append(append(append([]string(nil), base[:5]...),
		`VPN.1307 u8.json user.name:1 user 7 of the upload set: the gateway's maximum connections are 6 (--max-connections, or gateway.max_connections in the configuration): at most 6 users []`),
		base[5:]...)
	for _, tt := range []struct {
		max  int
		want []string
	}{{0, base}, {6, over}, {7, base}} {
		var got []string
		for _, f := range CheckSet(set, tt.max) {
			got = append(got, fmt.Sprintf("%s %s %s:%d %s %q", f.Code, f.File, f.Field, f.Line, f.Detail, f.Args))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("max %d:\n got  %s\n want %s", tt.max, strings.Join(got, "\n      "), strings.Join(tt.want, "\n      "))
		}
	}
	for _, b := range []string{`{"vpn_server": {"client_cidr": "10.0.0.1/8"}}`, `{"vpn_server": {"client_cidr": 5}}`, `{"vpn_server": {}}`, `{"vpn_server": `} {
		if e := ServerEntry([]byte(b), "f"); e != nil {
			t.Errorf("ServerEntry(%s) = %+v", b, e)
		}
	}
	if e := ServerEntry([]byte(`{"vpn_server": {"client_cidr": "10.0.0.0/8"}}`), "f"); e == nil || e.cidr == nil || e.cidr.prefix.String() != "10.0.0.0/8" || e.cidr.line != 1 || e.cidr.file != "f" || e.empty() {
		t.Errorf("ServerEntry of a valid client_cidr: %+v", e)
	}
	// An access policy counts towards the set's limit unless it is an update; its line is
	// its key's.
	if e := entry("p.json", "{\n\"access_policy\": {\"name\": \"p\"}}", ""); len(e.policies) != 1 || e.policies[0].line != 2 || e.empty() {
		t.Errorf("policy entry %+v", e)
	}
	if e := entry("p.json", `{"access_policy": {"name": "p"}}`, ModeUpdate); len(e.policies) != 0 || !e.empty() {
		t.Errorf("policy update entry %+v", e)
	}
}

// Redaction takes the longest password out first: a shorter one inside a longer one would
// leave the rest of the longer one shown ("(password not shown) w0rd9"), whichever comes first.
func TestRedactLongestFirst(t *testing.T) {
	for _, b := range []string{
		`{"users": [{"name": "Pass w0rd9", "password": "Pass w0rd9"}, {"name": "bobby", "password": "Pass"}]}`,
		`{"users": [{"name": "bobby", "password": "Pass"}, {"name": "Pass w0rd9", "password": "Pass w0rd9"}]}`,
	} {
		got := strings.Join(kindLines(t, b, ModeAuto), "\n")
		if !strings.Contains(got, `the name "(password not shown)" has ' ' at character 5`) || strings.Contains(got, "w0rd9") {
			t.Errorf("%s:\n%s", b, got)
		}
	}
}

// yamlVersions' details, one per kind of difference and at the edges of each pattern.
func TestYAMLVersionsDetails(t *testing.T) {
	for _, tt := range []struct{ s, want string }{
		{"0443", "YAML 1.1 reads the octal number 291 (gopkg.in/yaml.v3, PyYAML and yq do), YAML 1.2 the decimal number 443"},
		{"+0443", "YAML 1.1 reads the octal number 291 (gopkg.in/yaml.v3, PyYAML and yq do), YAML 1.2 the decimal number 443"},
		{"0_443", "YAML 1.1 reads the octal number 291 (gopkg.in/yaml.v3, PyYAML and yq do), YAML 1.2 the string \"0_443\" (underscores are not digits)"},
		{"089", "YAML 1.1 reads the string \"089\" (8 and 9 are not octal digits), YAML 1.2 the number 89"},
		{"08", "YAML 1.1 reads the string \"08\" (8 and 9 are not octal digits), YAML 1.2 the number 8"},
		{"0_89", "YAML 1.1 reads the number 089 (gopkg.in/yaml.v3, PyYAML and yq do), YAML 1.2 the string \"0_89\" (underscores are not digits)"},
		{"1_194", "YAML 1.1 reads the number 1194 (gopkg.in/yaml.v3, PyYAML and yq do), YAML 1.2 the string \"1_194\" (underscores are not digits)"},
		{"1_0.5", "YAML 1.1 reads the number 10.5 (gopkg.in/yaml.v3, PyYAML and yq do), YAML 1.2 the string \"1_0.5\" (underscores are not digits)"},
		{"0x1_F", "YAML 1.1 reads the number 0x1F (gopkg.in/yaml.v3, PyYAML and yq do), YAML 1.2 the string \"0x1_F\" (underscores are not digits)"},
		{"0o17", "YAML 1.2 reads the octal number 15, YAML 1.1 the string \"0o17\" (PyYAML and yq)"},
		{"0b101", "YAML 1.1 reads a binary number, YAML 1.2 the string \"0b101\""},
		{"-0b1", "YAML 1.1 reads a binary number, YAML 1.2 the string \"-0b1\""},
		{"1:30", "YAML 1.1 reads a base-60 number (PyYAML does), YAML 1.2 and gopkg.in/yaml.v3 the string \"1:30\""},
		{"1:30:59.5", "YAML 1.1 reads a base-60 number (PyYAML does), YAML 1.2 and gopkg.in/yaml.v3 the string \"1:30:59.5\""},
		{"yes", "YAML 1.1 reads the boolean true (PyYAML and yq do), YAML 1.2 and gopkg.in/yaml.v3 the string \"yes\""},
		{"n", "YAML 1.1 reads the boolean false (PyYAML and yq do), YAML 1.2 and gopkg.in/yaml.v3 the string \"n\""},
		{"OFF", "YAML 1.1 reads the boolean false (PyYAML and yq do), YAML 1.2 and gopkg.in/yaml.v3 the string \"OFF\""},
		{"0o8", ""}, {"1:60", ""}, {"0", ""}, {"00", ""}, {"9", ""}, {"_1", ""},
	} {
		if got := yamlVersions(tt.s); got != tt.want {
			t.Errorf("yamlVersions(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// VCL.1222 in a body: plain scalars, keys included, at their paths; not quoted, block,
// explicitly tagged or alias scalars; the document's own value is "the value".
func TestYAMLVersionsInBody(t *testing.T) {
	body := "vpn_server:\n  client_cidr: yes\n  'on': 1\n  on: 2\n  dns_servers: [0443, \"0443\", !!str 0443, '0443']\n  idp_name: |\n    0443\n  a: &x 1_0\n  b: *x\n  c: !!int 0443\n"
	var got []string
	for _, l := range lines(Run([]byte(body), "b.yaml", "b.yaml", Options{Mode: ModeUpdate, Now: testNow}).Findings) {
		if strings.HasPrefix(l, "VCL.1222") {
			got = append(got, l)
		}
	}
	want := []string{
		`VCL.1222 vpn_server.client_cidr:2 vpn_server.client_cidr is yes: YAML 1.1 reads the boolean true (PyYAML and yq do), YAML 1.2 and gopkg.in/yaml.v3 the string "yes"; quote it or write it so that both read the same ["yes"]`,
		`VCL.1222 vpn_server.on:4 vpn_server.on is on: YAML 1.1 reads the boolean true (PyYAML and yq do), YAML 1.2 and gopkg.in/yaml.v3 the string "on"; quote it or write it so that both read the same ["on"]`,
		`VCL.1222 vpn_server.dns_servers[0]:5 vpn_server.dns_servers[0] is 0443: YAML 1.1 reads the octal number 291 (gopkg.in/yaml.v3, PyYAML and yq do), YAML 1.2 the decimal number 443; quote it or write it so that both read the same ["0443"]`,
		`VCL.1222 vpn_server.a:8 vpn_server.a is 1_0: YAML 1.1 reads the number 10 (gopkg.in/yaml.v3, PyYAML and yq do), YAML 1.2 the string "1_0" (underscores are not digits); quote it or write it so that both read the same ["1_0"]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	r := Run([]byte("yes\n"), "b.yaml", "b.yaml", Options{Now: testNow})
	if len(r.Findings) < 1 || !strings.HasPrefix(r.Findings[0].Detail, "the value is yes: ") {
		t.Errorf("document value: %+v", r.Findings)
	}
}

// Wrapped and bare server bodies at their edges: an array of one body, a bare object of
// exactly two server fields (the least taken for a body), a bare object of every field.
func TestWrappedBodyEdges(t *testing.T) {
	r := Run([]byte(`[{"vpn_server": {}}]`), "b.json", "b.json", Options{Now: testNow})
	if len(r.Findings) < 1 || r.Findings[0].Detail != `the body is an array holding {"vpn_server": …} (as jq -s writes it); the API takes the object itself: {"vpn_server": {…}} (jq '.[0]')` {
		t.Errorf("array of one: %+v", r.Findings)
	}
	r = Run([]byte(`{"client_cidr": "172.16.0.0/16", "local_subnets": ["10.0.0.0/24"]}`), "b.json", "b.json", Options{Now: testNow})
	if len(r.Findings) < 1 || r.Findings[0].Detail != `the body has client_cidr, local_subnets at the top level: the fields of vpn_server without the wrapper; the API takes {"vpn_server": {client_cidr, local_subnets, …}}` {
		t.Errorf("bare, two fields: %+v", r.Findings)
	}
	all := `{"tunnel_protocol": "SSL", "client_cidr": "172.16.0.0/16", "local_subnets": ["10.0.0.0/24"], "client_auth_type": "CERT", "server_certificate": {}, "client_ca_certificates": [], "ssl_options": {}}`
	if got := LooksLikeBody([]byte(all)); got != `it has tunnel_protocol, client_cidr, local_subnets, client_auth_type, server_certificate, client_ca_certificates, ssl_options at the top level: the fields of a server body without the {"vpn_server": …} wrapper` {
		t.Errorf("LooksLikeBody of every field: %q", got)
	}
}

// Groups with an invalid name do not enter the upload set (no VPN.1300 for two of them).
func TestInvalidGroupsNotInSet(t *testing.T) {
	var set []*SetEntry
	for _, name := range []string{"", "", "a.b", "a.b", strings.Repeat("g", 65), strings.Repeat("g", 65), "é", "é"} {
		body := `{"user_group": {"name": "` + name + `"}}`
		_, e := RunKind([]byte(body), KindUserGroup, "g.json", "g.json", Options{Now: kindNow})
		set = append(set, e)
	}
	if fs := CheckSet(set, 0); len(fs) != 0 {
		t.Errorf("invalid group names in the set: %+v", fs)
	}
}

// Overlaps among local subnets name the innermost block containing each one, also when two
// blocks start at the same address; a block listed after several it contains is reported
// with each of them in address order.
func TestLocalSubnetOverlapOrder(t *testing.T) {
	expect(t, "same start", create(map[string]string{"local_subnets": `["10.0.0.0/8", "10.0.0.0/24", "10.0.0.128/25"]`}), Options{},
		"VCL.1205 vpn_server.local_subnets[1]:1 local_subnets[1] 10.0.0.0/24 overlaps local_subnets[0] 10.0.0.0/8 (line 1)",
		"VCL.1205 vpn_server.local_subnets[2]:1 local_subnets[2] 10.0.0.128/25 overlaps local_subnets[1] 10.0.0.0/24 (line 1)")
	expect(t, "outer last", create(map[string]string{"local_subnets": `["10.0.1.0/24", "10.0.0.0/24", "10.0.0.0/16"]`}), Options{},
		"VCL.1205 vpn_server.local_subnets[2]:1 local_subnets[2] 10.0.0.0/16 overlaps local_subnets[1] 10.0.0.0/24 (line 1)",
		"VCL.1205 vpn_server.local_subnets[2]:1 local_subnets[2] 10.0.0.0/16 overlaps local_subnets[0] 10.0.1.0/24 (line 1)")
}

// vpnServer null or not an object: the shape, then nothing or the type.
func TestCamelCaseServerNullOrScalar(t *testing.T) {
	expect(t, "null", `{"vpnServer": null}`, Options{},
		`VPN.0001 vpn_server:1 the body has vpnServer; the API's field is vpn_server (snake case)`)
	expect(t, "scalar", `{"vpnServer": 5}`, Options{},
		`VPN.0001 vpn_server:1 the body has vpnServer`,
		`VPN.0001 vpn_server:1 vpn_server must be an object; it is the integer 5 ["wrong type of vpn_server"]`)
}

// VCL.1221 says whether client_auth_type was given or defaulted.
func TestCAsWithPasswordDetail(t *testing.T) {
	ca := `[{"content": ""}]`
	for _, tt := range []struct{ auth, want string }{
		{`"LOCAL_PASSWORD"`, "client_auth_type is LOCAL_PASSWORD but the body has 1 client CA certificate(s)"},
		{"-", "client_auth_type is omitted, so LOCAL_PASSWORD (the default) but the body has 1 client CA certificate(s)"},
		{"null", "client_auth_type is omitted, so LOCAL_PASSWORD (the default) but the body has 1 client CA certificate(s)"},
	} {
		expect(t, "auth "+tt.auth, create(map[string]string{"client_auth_type": tt.auth, "client_ca_certificates": ca}), Options{},
			"VCL.1221 vpn_server.client_ca_certificates:1 "+tt.want, "VPN.0074")
	}
}

// User bodies at the edges of their detection: a name alone makes a Create body, one id a
// membership, a users body without users is reported.
func TestUserBodyDetection(t *testing.T) {
	expectKind(t, "name only", `{"user": {"name": "alice"}}`, ModeAuto,
		`VPN.0001 user.password:1 a Create VPN User body's user must have password ["password is required"]`)
	expectKind(t, "password only", `{"user": {"password": "Abcdefg1"}}`, ModeAuto,
		`VPN.0001 user.name:1 a Create VPN User body's user must have name ["name is required"]`)
	expectKind(t, "one id", `{"users": [{"id": "a"}]}`, ModeAuto)
	res, _ := RunKind([]byte(`{}`), KindUsers, "b.json", "b.json", Options{Now: kindNow})
	if got := strings.Join(lines(res.Findings), "\n"); got != `VPN.0001 users:1 the body has no users field ["users is required"]` {
		t.Errorf("no users: %s", got)
	}
}

// Every YAML 1.1 boolean spelling, with its value.
func TestYAML11Booleans(t *testing.T) {
	for _, s := range []string{"y", "Y", "yes", "Yes", "YES", "on", "On", "ON"} {
		if got := yamlVersions(s); !strings.HasPrefix(got, "YAML 1.1 reads the boolean true ") {
			t.Errorf("%s: %q", s, got)
		}
	}
	for _, s := range []string{"n", "N", "no", "No", "NO", "off", "Off", "OFF"} {
		if got := yamlVersions(s); !strings.HasPrefix(got, "YAML 1.1 reads the boolean false ") {
			t.Errorf("%s: %q", s, got)
		}
	}
}

// static_ip "disable" and invalid values are no address: two of them in a batch are not a
// repeated static_ip.
func TestStaticIPNotAnAddress(t *testing.T) {
	expectKind(t, "disable twice", `{"users": [{"name": "alice", "password": "Abcdefg1", "static_ip": "disable"}, {"name": "bobby", "password": "Abcdefg1", "static_ip": "disable"}]}`, ModeAuto)
	expectKind(t, "invalid twice", `{"users": [{"name": "alice", "password": "Abcdefg1", "static_ip": "x"}, {"name": "bobby", "password": "Abcdefg1", "static_ip": "x"}]}`, ModeAuto,
		`VPN.0001 users[0].static_ip:1 static_ip "x" is neither`, `VPN.0001 users[1].static_ip:1 static_ip "x" is neither`)
}

// CheckSet: the first server body's client CIDR block is the one users are judged against;
// a created user without a name counts for nothing but its address; one connection allows
// one user.
func TestCheckSetEdges(t *testing.T) {
	entry := func(file, body string) *SetEntry {
		t.Helper()
		_, e := RunKind([]byte(body), KindOf([]byte(body), file), file, file, Options{Now: kindNow})
		return e
	}
	first := ServerEntry([]byte(`{"vpn_server": {"client_cidr": "192.168.0.0/24"}}`), "s1.json")
	second := ServerEntry([]byte(`{"vpn_server": {"client_cidr": "10.0.0.0/24"}}`), "s2.json")
	u := entry("u.json", `{"user": {"name": "alice", "password": "Abcdefg1", "static_ip": "192.168.0.5"}}`)
	if fs := CheckSet([]*SetEntry{first, second, u}, 0); len(fs) != 0 {
		t.Errorf("judged against the second server body: %+v", fs)
	}
	n1 := entry("n1.json", `{"user": {"password": "Abcdefg1", "static_ip": "192.168.0.9"}}`)
	n2 := entry("n2.json", `{"user": {"password": "Abcdefg1", "static_ip": "192.168.0.9"}}`)
	fs := CheckSet([]*SetEntry{n1, n2}, 1)
	if len(fs) != 1 || fs[0].Code != "VPN.0001" || fs[0].File != "n2.json" {
		t.Errorf("nameless users: %+v", fs)
	}
	b := entry("b.json", `{"user": {"name": "bobby", "password": "Abcdefg1"}}`)
	if fs := CheckSet([]*SetEntry{u, b}, 1); len(fs) != 1 || fs[0].Code != "VPN.1307" || fs[0].File != "b.json" {
		t.Errorf("2 users, 1 connection: %+v", fs)
	}
	if fs := CheckSet([]*SetEntry{u}, 1); len(fs) != 0 {
		t.Errorf("1 user, 1 connection: %+v", fs)
	}
}

// TestYAMLVersionsSign: the YAML 1.2 reading of a signed number with leading zeros keeps its
// sign (-0443 is -443 to YAML 1.2, -291 to YAML 1.1).
func TestYAMLVersionsSign(t *testing.T) {
	for in, want := range map[string]string{
		"-0443": "YAML 1.1 reads the octal number -291 (gopkg.in/yaml.v3, PyYAML and yq do), YAML 1.2 the decimal number -443",
		"+0443": "YAML 1.1 reads the octal number 291 (gopkg.in/yaml.v3, PyYAML and yq do), YAML 1.2 the decimal number 443",
		"0443":  "YAML 1.1 reads the octal number 291 (gopkg.in/yaml.v3, PyYAML and yq do), YAML 1.2 the decimal number 443",
		"-089":  `YAML 1.1 reads the string "-089" (8 and 9 are not octal digits), YAML 1.2 the number -89`,
	} {
		if got := yamlVersions(in); got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}

// TestCheckSetNamelessCreate: a Create user body without a name (VPN.0001 on its own) adds
// no user to its set: it neither counts toward the gateway's connections (VPN.1307) nor
// duplicates another nameless one (VPN.1302).
func TestCheckSetNamelessCreate(t *testing.T) {
	var set []*SetEntry
	for i, body := range []string{
		`{"user": {"name": "alice", "password": "Abcdefg1"}}`,
		`{"user": {"password": "Abcdefg1"}}`,
		`{"user": {"password": "Abcdefg2"}}`,
	} {
		file := fmt.Sprintf("u%d.json", i)
		_, e := RunKind([]byte(body), KindOf([]byte(body), file), file, file, Options{Now: kindNow})
		set = append(set, e)
	}
	for _, f := range CheckSet(set, 1) {
		t.Errorf("unexpected %s %s: %s", f.Code, f.File, f.Detail)
	}
}

// TestCheckSetPolicyLimitLine: VPN.1400 (the 101st access policy of a set) is reported at the
// line of the access_policy key, not of its value.
func TestCheckSetPolicyLimitLine(t *testing.T) {
	var set []*SetEntry
	for i := 0; i <= 100; i++ {
		body, file := `{"access_policy": {"name": "p", "user_group_id": "g", "dest_ip_cidrs": ["10.0.0.0/24"]}}`, fmt.Sprintf("p%d.json", i)
		if i == 100 {
			body, file = "access_policy:\n  name: p\n  user_group_id: g\n  dest_ip_cidrs: [10.0.0.0/24]\n", "p100.yaml"
		}
		_, e := RunKind([]byte(body), KindOf([]byte(body), file), file, file, Options{Now: kindNow})
		set = append(set, e)
	}
	fs := CheckSet(set, 0)
	if len(fs) != 1 || fs[0].Code != "VPN.1400" || fs[0].File != "p100.yaml" || fs[0].Line != 1 {
		t.Fatalf("findings %+v", fs)
	}
}

// TestYAMLVersionsDepth: VCL.1222 looks at scalars down to the nesting limit (depth 64, the
// root mapping being depth 0) and not below it.
func TestYAMLVersionsDepth(t *testing.T) {
	for nest, want := range map[int]int{62: 1, 63: 0} {
		// vpn_server's value is at depth 1, x's value at depth 2, yes at depth nest+2
		body := "vpn_server:\n  client_cidr: 172.16.0.0/16\n  x: " + strings.Repeat("{a: ", nest) + "yes" + strings.Repeat("}", nest) + "\n"
		var got []string
		for _, l := range lines(run(t, "b.yaml", body, ModeAuto).Findings) {
			if strings.HasPrefix(l, "VCL.1222") {
				got = append(got, l)
			}
		}
		if len(got) != want {
			t.Errorf("yes at depth %d: %d VCL.1222, want %d: %q", nest+2, len(got), want, got)
		}
		if want == 1 && !strings.Contains(got[0], "vpn_server.x"+strings.Repeat(".a", nest)+" is yes: YAML 1.1 reads the boolean true") {
			t.Errorf("yes at depth %d: %s", nest+2, got[0])
		}
	}
}

// TestYAMLVersionsFloat: a plain float is looked at too (1_0.5 is 10.5 to YAML 1.1 and
// yaml.v3, a string to YAML 1.2); a boolean or null is not (true, null: the same in both).
func TestYAMLVersionsFloat(t *testing.T) {
	body := "vpn_server:\n  client_cidr: 172.16.0.0/16\n  f: 1_0.5\n  g: true\n  h: null\n"
	var got []string
	for _, l := range lines(run(t, "b.yaml", body, ModeAuto).Findings) {
		if strings.HasPrefix(l, "VCL.1222") {
			got = append(got, l)
		}
	}
	want := `VCL.1222 vpn_server.f:3 vpn_server.f is 1_0.5: YAML 1.1 reads the number 10.5 (gopkg.in/yaml.v3, PyYAML and yq do), YAML 1.2 the string "1_0.5" (underscores are not digits); quote it or write it so that both read the same ["1_0.5"]`
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestYAMLPortOutOfRange: an integer beyond int64 (yaml.v3 tags it !!int but cannot decode it
// into an int64) is named as written, with no "the YAML parser reads it as" reading.
func TestYAMLPortOutOfRange(t *testing.T) {
	base := "vpn_server:\n  client_cidr: 172.16.0.0/16\n  ssl_options:\n    port: %s\n"
	for _, p := range []string{"9223372036854775808", "0x8000000000000000"} {
		r := run(t, "b.yaml", fmt.Sprintf(base, p), ModeAuto)
		want := "ssl_options.port is " + p + "; the documented ports are 443 and 1194"
		if len(r.Findings) != 1 || r.Findings[0].Code != "VPN.0001" || r.Findings[0].Detail != want {
			t.Errorf("port %s: %+v, want VPN.0001 %q", p, r.Findings, want)
		}
	}
	// the largest int64 decodes: it is read as itself
	r := run(t, "b.yaml", fmt.Sprintf(base, "9223372036854775807"), ModeAuto)
	if len(r.Findings) != 1 || r.Findings[0].Detail != "ssl_options.port is 9223372036854775807; the documented ports are 443 and 1194" {
		t.Errorf("max int64: %+v", r.Findings)
	}
}

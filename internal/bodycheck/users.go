package bodycheck

import (
	"fmt"
	"net/netip"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// VPN users: create ({"user": {name, password, description, user_group_id, static_ip}}),
// update ({"user": {description, user_group_id, static_ip}}), batch create
// ({"users": [{name, password, description, user_group_name, static_ip}]}), the membership
// and batch-delete bodies ({"users": [{"id"}]}), and the password change
// ({old_password, new_password}) and reset ({new_password}) bodies.

// Documented limits (vpn_api_0089, vpn_api_0142).
const (
	minUserName    = 4
	maxUserName    = 32
	minPassword    = 8
	maxPassword    = 32
	maxDescription = 64
	// StaticIPDisable is static_ip's value for "assign any address" (the default).
	StaticIPDisable = "disable"
)

var (
	userContentSpec = &spec{t: tObject, fields: map[string]*spec{
		"name": str, "password": str, "description": str, "user_group_id": str, "static_ip": str,
	}}
	batchUserSpec = &spec{t: tObject, fields: map[string]*spec{
		"name": str, "password": str, "description": str, "user_group_name": str, "static_ip": str,
	}}
	memberSpec   = &spec{t: tObject, fields: map[string]*spec{"id": str}}
	passwordSpec = map[string]*spec{"old_password": str, "new_password": str}
)

var userCodes = []string{"VPN.0001", "VPN.1308", "VPN.1309", "VPN.1310", "VPN.1311", "VPN.1315", "VPN.1317", "VPN.1318"}

var (
	userCheck = &kindCheck{
		Name:    KindUser,
		Doc:     "A user body (Create or Update).",
		Codes:   append(keyCodes(), userCodes...),
		Applies: ofKind(KindUser),
		Run:     onKind(checkUser),
	}
	usersCheck = &kindCheck{
		Name:    KindUsers,
		Doc:     "A batch of users.",
		Codes:   append(keyCodes(), userCodes...),
		Applies: ofKind(KindUsers),
		Run:     onKind(checkUsers),
	}
	passwordCheck = &kindCheck{
		Name:    KindPassword,
		Doc:     "A password reset body.",
		Codes:   append(keyCodes(), userCodes...),
		Applies: ofKind(KindPassword),
		Run:     onKind(checkPasswordBody),
	}
)

func checkUser(k *kindBody) {
	const p = KindUser
	obj := k.top(p, map[string]*spec{p: userContentSpec})
	if obj == nil {
		return
	}
	// Auto: a body with a name or a password creates a user (an update has neither).
	nk, _ := lookup(obj, "name")
	pk, _ := lookup(obj, "password")
	k.Create = nk != nil || pk != nil
	switch k.opts.Mode {
	case ModeCreate:
		k.Create = true
	case ModeUpdate:
		k.Create = false
	}
	if k.Create {
		k.require(obj, p, "a Create VPN User body's user", "name", "password")
	} else {
		for _, f := range []string{"name", "password"} {
			if kk, _ := lookup(obj, f); kk != nil {
				k.invalid(kk, p+"."+f, f+" cannot be updated", fmt.Sprintf("an Update VPN User body has description, user_group_id and static_ip; %s is set when the user is created (a password through the password change or reset request)", f))
			}
		}
	}
	k.checkOneUser(obj, p, k.Create, nil, nil)
}

func checkUsers(k *kindBody) {
	const p = KindUsers
	// Batch create or membership/batch delete: the elements tell.
	elem := batchUserSpec
	membership := isMembership(k.Root)
	if membership {
		elem = memberSpec
	}
	if _, v := lookup(k.Root, p); v != nil && isNull(v) {
		// The SDK sends a nil Go slice as null: an empty list.
		k.walkKeys(k.Root, "", map[string]*spec{p: {t: tArray, elem: elem}})
		k.report(v, p, "VPN.1318", "users is null (an empty list); list at least one user")
		return
	}
	list := k.top(p, map[string]*spec{p: {t: tArray, elem: elem}})
	if list == nil {
		return
	}
	if len(list.Content) == 0 {
		k.report(list, p, "VPN.1318", "users is empty; list at least one user")
		return
	}
	if membership {
		k.checkMembers(list, p)
		return
	}
	names := map[string]string{}
	ips := map[netip.Addr]string{}
	for i, e := range list.Content {
		e = resolve(e)
		if e.Kind != yaml.MappingNode {
			continue // a wrong type, already reported
		}
		ep := index(p, i)
		k.require(e, ep, ep, "name", "password")
		k.checkOneUser(e, ep, true, names, ips)
	}
}

// isMembership says whether the users list of root is a membership or batch delete list:
// some elements have an id and none a name or password.
func isMembership(root *yaml.Node) bool {
	_, list := lookup(root, KindUsers)
	if list == nil || list.Kind != yaml.SequenceNode {
		return false
	}
	ids, users := 0, 0
	for _, e := range list.Content {
		if kk, _ := lookup(e, "id"); kk != nil {
			ids++
		}
		nk, _ := lookup(e, "name")
		pk, _ := lookup(e, "password")
		if nk != nil || pk != nil {
			users++
		}
	}
	return ids > 0 && users == 0
}

// checkMembers checks the users of an add, remove or batch-delete body: each has an id, none
// twice (VPN.1315).
func (k *kindBody) checkMembers(list *yaml.Node, p string) {
	seen := map[string]string{}
	for i, e := range list.Content {
		e = resolve(e)
		if e.Kind != yaml.MappingNode {
			continue
		}
		ep := index(p, i)
		k.require(e, ep, ep, "id")
		if _, v := k.get(e, ep, "id"); v != nil {
			if first, dup := seen[v.Value]; dup {
				k.report(v, ep+".id", "VPN.1315", fmt.Sprintf("%s.id repeats %s", ep, first), v.Value)
			} else {
				seen[v.Value] = fmt.Sprintf("%s (line %d)", ep, v.Line)
			}
		}
	}
}

// checkOneUser checks one user object at p: its name, password, description and static IP.
// names and ips, when set, are the batch's so far (duplicates: VPN.1315, a repeated static IP).
func (k *kindBody) checkOneUser(obj *yaml.Node, p string, create bool, names map[string]string, ips map[netip.Addr]string) {
	name := ""
	if _, v := k.get(obj, p, "name"); v != nil {
		name = v.Value
		k.checkBatchUserName(v, p, names)
	}
	if _, v := k.get(obj, p, "password"); v != nil {
		k.checkPassword(v, p+".password", name)
	}
	if _, v := k.get(obj, p, "description"); v != nil {
		if n := utf8.RuneCountInString(v.Value); n > maxDescription {
			k.invalid(v, p+".description", "invalid description", fmt.Sprintf("the description has %d characters; at most %d are allowed", n, maxDescription))
		}
	}
	user := userRef{file: k.File, name: name, create: create, field: p}
	if _, v := k.get(obj, p, "name"); v != nil {
		user.line = v.Line
	}
	if _, v := k.get(obj, p, "static_ip"); v != nil {
		k.checkBatchStaticIP(v, p, ips, &user)
	}
	if (create && name != "") || user.ip.IsValid() {
		k.entry.users = append(k.entry.users, user)
	}
}

// checkBatchUserName checks the name v of the user at p, and, when names is set, that the
// batch has not named it before (VPN.1315).
func (k *kindBody) checkBatchUserName(v *yaml.Node, p string, names map[string]string) {
	name := v.Value
	k.checkUserName(v, p+".name")
	if names == nil {
		return
	}
	if first, dup := names[name]; dup {
		k.report(v, p+".name", "VPN.1315", fmt.Sprintf("%s.name repeats %s", p, first), name)
	} else {
		names[name] = fmt.Sprintf("%s (line %d)", p, v.Line)
	}
}

// checkBatchStaticIP checks the static IP v of the user at p, and, when ips is set, that the
// batch has not given it before; a usable address goes into user.
func (k *kindBody) checkBatchStaticIP(v *yaml.Node, p string, ips map[netip.Addr]string, user *userRef) {
	a, ok := k.checkStaticIP(v, p+".static_ip")
	if !ok {
		return
	}
	user.ip, user.ipLine, user.ipField = a, v.Line, p+".static_ip"
	if ips == nil {
		return
	}
	if first, dup := ips[a]; dup {
		k.invalid(v, p+".static_ip", "duplicate static_ip", fmt.Sprintf("static_ip %s repeats the static_ip of %s; each user needs its own address", a, first))
		user.ip = netip.Addr{}
	} else {
		ips[a] = fmt.Sprintf("%s (line %d)", p, v.Line)
	}
}

// checkUserName applies the name rule: 4–32 letters, digits, '.', '_' and '-' (VPN.1317).
func (k *kindBody) checkUserName(v *yaml.Node, field string) bool {
	s := v.Value
	n := utf8.RuneCountInString(s)
	if n < minUserName || n > maxUserName {
		k.report(v, field, "VPN.1317", fmt.Sprintf("the name %s has %d characters; a user name has %d to %d", quote(s), n, minUserName, maxUserName))
		return false
	}
	for i, r := range s {
		if !isUserNameRune(r) {
			k.report(v, field, "VPN.1317", fmt.Sprintf("the name %s has %q at character %d; only letters, digits, '.', '_' and '-' are allowed", quote(s), r, utf8.RuneCountInString(s[:i])+1))
			return false
		}
	}
	return true
}

// isUserNameRune says whether a user name may hold r: an ASCII letter or digit, '.', '_' or '-'.
func isUserNameRune(r rune) bool {
	return r < utf8.RuneSelf && (isASCIILetter(r) || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-')
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// passwordSpecials are the special characters a password may hold (with the space), as the
// API pages list them; the cloud's error table prints the quotes as typographic ’ and “,
// the API pages as ' and ": the ASCII ones are what a password holds.
const passwordSpecials = "`~!@#$%^&*()-_=+\\|[{}];:'\",<.>/? "

// passwordClass names the kind of a password character, or "" when it is not allowed.
func passwordClass(r rune) string {
	switch {
	case r >= 'A' && r <= 'Z':
		return "uppercase letters"
	case r >= 'a' && r <= 'z':
		return "lowercase letters"
	case r >= '0' && r <= '9':
		return "digits"
	case strings.ContainsRune(passwordSpecials, r):
		return "special characters"
	}
	return ""
}

// checkPassword applies the password rules to v (never printing it): 8–32 characters of at
// least two kinds (VPN.1308), only the allowed characters (VPN.1310), not the user name nor
// its reverse (VPN.1309; name is "" when unknown).
func (k *kindBody) checkPassword(v *yaml.Node, field, name string) {
	s := v.Value
	runes := []rune(s)
	for i, r := range runes {
		if passwordClass(r) == "" {
			what := "a character outside the allowed set"
			switch {
			case r >= utf8.RuneSelf:
				what = "a non-ASCII character"
			case r < ' ' || r == 0x7f:
				what = "a control character"
			}
			k.report(v, field, "VPN.1310", fmt.Sprintf("character %d of the password is %s; a password holds letters, digits, the space and %s", i+1, what, strings.TrimSpace(passwordSpecials)))
			break
		}
	}
	if n := len(runes); n < minPassword || n > maxPassword {
		k.report(v, field, "VPN.1308", fmt.Sprintf("the password has %d characters; it must have %d to %d", n, minPassword, maxPassword))
	}
	classes := map[string]bool{}
	var order []string
	for _, r := range runes {
		if c := passwordClass(r); c != "" && !classes[c] {
			classes[c] = true
			order = append(order, c)
		}
	}
	if len(classes) < 2 && len(runes) > 0 {
		have := "no allowed character"
		if len(order) == 1 {
			have = "only " + order[0]
		}
		k.report(v, field, "VPN.1308", fmt.Sprintf("the password has %s; it needs at least two of uppercase letters, lowercase letters, digits and special characters", have))
	}
	if name != "" {
		switch s {
		case name:
			k.report(v, field, "VPN.1309", "the password is the user name")
		case reverse(name):
			k.report(v, field, "VPN.1309", "the password is the user name reversed")
		}
	}
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// checkStaticIP reads static_ip: "disable" or a dotted-quad IPv4 address. The rules that
// need the client CIDR block are CheckSet's.
func (k *kindBody) checkStaticIP(v *yaml.Node, field string) (netip.Addr, bool) {
	if v.Value == StaticIPDisable {
		return netip.Addr{}, false
	}
	a, err := netip.ParseAddr(v.Value)
	if err != nil || !a.Is4() {
		detail := fmt.Sprintf("static_ip %s is neither %q nor an IPv4 address such as 192.168.0.5", quote(v.Value), StaticIPDisable)
		if strings.EqualFold(strings.TrimSpace(v.Value), StaticIPDisable) {
			detail = fmt.Sprintf("static_ip %s: the value is case-sensitive: write %s", quote(v.Value), StaticIPDisable)
		}
		k.invalid(v, field, "invalid static_ip", detail)
		return netip.Addr{}, false
	}
	return a, true
}

func checkPasswordBody(k *kindBody) {
	k.walkKeys(k.Root, "", passwordSpec)
	_, ov := k.get(k.Root, "", "old_password")
	nk, nv := k.get(k.Root, "", "new_password")
	if nk == nil || (nv == nil && !k.bad["new_password"]) {
		k.invalid(k0(nk, k.Root), "new_password", "new_password is required", "a password change or reset body must have new_password")
	}
	if nv != nil {
		k.checkPassword(nv, "new_password", "")
		if ov != nil && ov.Value == nv.Value {
			k.report(nv, "new_password", "VPN.1311", fmt.Sprintf("new_password is old_password (line %d)", ov.Line))
		}
	}
}

package bodycheck

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// User groups: create ({"user_group": {name, description}}) and update (the same, both
// optional). A group's name is 1–64 Chinese characters, letters, digits, '_' and '-'
// (vpn_api_0096); duplicate names across an upload set (VPN.1300) and more than 50 groups
// (VPN.1306) are CheckSet's.

const maxGroupName = 64

var userGroupSpec = &spec{t: tObject, fields: map[string]*spec{"name": str, "description": str}}

var userGroupCheck = &kindCheck{
	Name:    KindUserGroup,
	Doc:     "A user group body.",
	Codes:   append(keyCodes(), []string{"VPN.0001"}...),
	Applies: ofKind(KindUserGroup),
	Run:     onKind(checkUserGroup),
}

func checkUserGroup(k *kindBody) {
	const p = KindUserGroup
	obj := k.top(p, map[string]*spec{p: userGroupSpec})
	if obj == nil {
		return
	}
	// Create and Update carry the same fields: only --body create requires the name.
	k.Create = k.opts.Mode == ModeCreate
	if k.Create {
		k.require(obj, p, "a Create VPN User Group body's user_group", "name")
	}
	if _, v := k.get(obj, p, "name"); v != nil {
		if k.checkGroupName(v.Value, func(d string) { k.invalid(v, p+".name", "invalid user group name", d) }) {
			k.entry.groups = append(k.entry.groups, nameRef{file: k.File, line: v.Line, field: p + ".name", name: v.Value, create: k.opts.Mode != ModeUpdate})
		}
	}
	if _, v := k.get(obj, p, "description"); v != nil {
		if n := utf8.RuneCountInString(v.Value); n > maxDescription {
			k.invalid(v, p+".description", "invalid description", fmt.Sprintf("the description has %d characters; at most %d are allowed", n, maxDescription))
		}
	}
}

// checkGroupName applies the user group name rule, calling bad with the reason.
func (k *kindBody) checkGroupName(s string, bad func(string)) bool {
	switch n := utf8.RuneCountInString(s); {
	case n == 0:
		bad("the name is empty: give 1–64 Chinese characters, letters, digits, _ or -")
		return false
	case n > maxGroupName:
		bad(fmt.Sprintf("the name has %d characters; at most %d are allowed", n, maxGroupName))
		return false
	}
	for i, r := range []rune(s) {
		if !isGroupNameRune(r) {
			bad(fmt.Sprintf("the name %s has %q at character %d; only Chinese characters, letters, digits, _ and - are allowed", quote(s), r, i+1))
			return false
		}
	}
	return true
}

// isGroupNameRune says whether a user group name may hold r: a Chinese character, an ASCII
// letter or digit, '_' or '-'.
func isGroupNameRune(r rune) bool {
	return r < utf8.RuneSelf && (isASCIILetter(r) || r >= '0' && r <= '9' || r == '_' || r == '-') || unicode.Is(unicode.Han, r)
}

package certcheck

import (
	"bytes"
	"encoding/binary"
	"sort"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// NamesMatch reports whether the DER-encoded distinguished names a and b are the same name
// under RFC 5280 §7.1, as OpenSSL's X509_NAME_cmp decides it: the same number of RDNs, each
// with the same attributes (type and value; the order inside a multi-valued RDN does not
// matter, RDN order does), where string values (the DirectoryString choices UTF8String,
// PrintableString, TeletexString read as Latin-1, BMPString, UniversalString, and also
// IA5String and VisibleString as OpenSSL does) are compared after RFC 4518's basic
// preparation: string type ignored, leading and trailing white space removed, inner runs of
// white space collapsed to one space, case folded (Unicode simple folding, as
// strings.EqualFold). Other values compare by their encoding. Identical bytes match at once;
// a name that cannot be read matches only itself byte for byte.
func NamesMatch(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	ca, ok := canonicalName(a)
	if !ok {
		return false
	}
	cb, ok := canonicalName(b)
	if !ok || len(ca) != len(cb) {
		return false
	}
	for i := range ca {
		if len(ca[i]) != len(cb[i]) {
			return false
		}
		for j := range ca[i] {
			if ca[i][j] != cb[i][j] {
				return false
			}
		}
	}
	return true
}

// canonicalName reads a Name into its RDNs, each a sorted list of canonical attribute keys.
func canonicalName(der []byte) ([][]string, bool) {
	in := cryptobyte.String(der)
	var seq cryptobyte.String
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) || !in.Empty() {
		return nil, false
	}
	var out [][]string
	for !seq.Empty() {
		var set cryptobyte.String
		if !seq.ReadASN1(&set, cbasn1.SET) || set.Empty() {
			return nil, false
		}
		var rdn []string
		for !set.Empty() {
			var atv, oid cryptobyte.String
			var value cryptobyte.String
			var tag cbasn1.Tag
			if !set.ReadASN1(&atv, cbasn1.SEQUENCE) || !atv.ReadASN1(&oid, cbasn1.OBJECT_IDENTIFIER) ||
				!atv.ReadAnyASN1Element(&value, &tag) || !atv.Empty() {
				return nil, false
			}
			rdn = append(rdn, attributeKey(oid, value, tag))
		}
		sort.Strings(rdn)
		out = append(out, rdn)
	}
	return out, true
}

// attributeKey is the attribute's type and canonical value: "s" and the prepared text for
// string values, "b" and the whole encoding (tag included) for others.
func attributeKey(oid, element cryptobyte.String, tag cbasn1.Tag) string {
	var k strings.Builder
	k.Write(binary.AppendUvarint(nil, uint64(len(oid))))
	k.Write(oid)
	content := element
	var body cryptobyte.String
	if content.ReadASN1(&body, tag) {
		if s, ok := decodeString(tag, body); ok {
			k.WriteByte('s')
			k.WriteString(prepareString(s))
			return k.String()
		}
	}
	k.WriteByte('b')
	k.Write(element)
	return k.String()
}

// ASN.1 string tags that cryptobyte/asn1 does not name.
const (
	tagTeletexString   = cbasn1.Tag(20)
	tagVisibleString   = cbasn1.Tag(26)
	tagUniversalString = cbasn1.Tag(28)
	tagBMPString       = cbasn1.Tag(30)
)

// decodeString returns the text of a string value of the types compared as text; ok is false
// for other types and for malformed encodings (which then compare by bytes).
func decodeString(tag cbasn1.Tag, b []byte) (string, bool) {
	switch tag {
	case cbasn1.UTF8String:
		return string(b), utf8.Valid(b)
	case cbasn1.PrintableString, cbasn1.IA5String, tagVisibleString:
		for _, c := range b {
			if c >= 0x80 {
				return "", false
			}
		}
		return string(b), true
	case tagTeletexString: // read as Latin-1, as OpenSSL does
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return string(r), true
	case tagBMPString:
		if len(b)%2 != 0 {
			return "", false
		}
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		}
		return string(utf16.Decode(u)), true
	case tagUniversalString:
		if len(b)%4 != 0 {
			return "", false
		}
		r := make([]rune, len(b)/4)
		for i := range r {
			c := rune(b[4*i])<<24 | rune(b[4*i+1])<<16 | rune(b[4*i+2])<<8 | rune(b[4*i+3])
			if !utf8.ValidRune(c) {
				return "", false
			}
			r[i] = c
		}
		return string(r), true
	}
	return "", false
}

// prepareString removes leading and trailing white space, collapses inner runs to one space
// and folds case: two strings are equal under RFC 4518's basic rules exactly when their
// prepared forms are equal.
func prepareString(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if isNameSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// isNameSpace: the ASCII white space OpenSSL folds (space, TAB, LF, VT, FF, CR) and the
// Unicode spaces RFC 4518 §2.2 maps to SPACE.
func isNameSpace(r rune) bool {
	return r == ' ' || (r >= '\t' && r <= '\r') || unicode.Is(unicode.Zs, r)
}

// foldRune returns the smallest rune of r's simple case-folding orbit, so that two runes
// strings.EqualFold calls equal fold to the same rune.
func foldRune(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < least {
			least = f
		}
	}
	return least
}

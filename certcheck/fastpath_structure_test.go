package certcheck

import (
	"encoding/asn1"
	"testing"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// TestFastPathStructure: the fast path's answer on the structure around the fields, each case
// a change of one element of a certificate it takes. Where it answers false, zcrypto may
// well accept the certificate (it allows trailing elements in a SEQUENCE, and any BOOLEAN
// byte): false is the documented, conservative answer (the parse is then zcrypto's), and
// taking such a certificate needs proof that zcrypto always does. Where it answers true,
// zcrypto must accept it.
func TestFastPathStructure(t *testing.T) {
	_, tbs, alg, sig := shapeBase(t)
	base := reviewJoin(tbs, alg, sig)
	if len(tbs) != 8 || tbs[0][0] != 0xa0 || tbs[7][0] != 0xa3 {
		t.Fatalf("unexpected TBSCertificate: %d elements", len(tbs))
	}
	if !zcryptoAccepts(base) {
		t.Fatal("the base certificate is not taken")
	}
	null := derNull
	with := func(i int, e []byte) [][]byte {
		out := append([][]byte(nil), tbs...)
		out[i] = e
		return out
	}
	ctx := func(tag cbasn1.Tag, content ...[]byte) []byte {
		return reviewDER(func(b *cryptobyte.Builder) {
			b.AddASN1(tag, func(b *cryptobyte.Builder) {
				for _, c := range content {
					b.AddBytes(c)
				}
			})
		})
	}
	seq := func(content ...[]byte) []byte { return ctx(cbasn1.SEQUENCE, content...) }
	// the extensions' list, as elements
	var exts [][]byte
	{
		s := cryptobyte.String(tbs[7])
		var outer, list cryptobyte.String
		if !s.ReadASN1(&outer, tagCtx3c) || !outer.ReadASN1(&list, cbasn1.SEQUENCE) {
			t.Fatal("cannot read the extensions")
		}
		for !list.Empty() {
			var e cryptobyte.String
			if !list.ReadAnyASN1Element(&e, new(cbasn1.Tag)) {
				t.Fatal("cannot read an extension")
			}
			exts = append(exts, e)
		}
	}
	withExt := func(e []byte) []byte { return ctx(tagCtx3c, seq(append(append([][]byte(nil), exts...), e)...)) }
	oid := func(o asn1.ObjectIdentifier) []byte { return reviewMustMarshal(t, o) }
	unknownExt := func(critical ...byte) []byte {
		parts := [][]byte{oid(asn1.ObjectIdentifier{1, 2, 3, 4})}
		if critical != nil {
			parts = append(parts, append([]byte{1, 1}, critical...))
		}
		return seq(append(parts, []byte{4, 0})...)
	}
	cn := oid(asn1.ObjectIdentifier{2, 5, 4, 3})
	name := func(atv ...[]byte) []byte { return seq(ctx(cbasn1.SET, seq(atv...))) }
	ecdsaSHA256 := oid(asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 2})
	for _, c := range []struct {
		name string
		tbs  [][]byte
		want bool
	}{
		{"as made", tbs, true},
		{"an element after the extensions", append(append([][]byte(nil), tbs...), null), false},
		{"an element after the extensions' SEQUENCE in [3]", with(7, ctx(tagCtx3c, seq(exts...), null)), false},
		{"version 1: no version, no extensions", tbs[1:7], true},
		{"version 3 (v4)", with(0, ctx(tagCtx0c, []byte{2, 1, 3})), false},
		{"version 2 (v3) written as two bytes", with(0, ctx(tagCtx0c, []byte{2, 2, 0, 2})), false},
		{"an extension marked not critical (0x00)", with(7, withExt(unknownExt(0x00))), true},
		{"an extension marked critical (0xff)", with(7, withExt(unknownExt(0xff))), true},
		{"an extension's BOOLEAN 0x01", with(7, withExt(unknownExt(0x01))), false},
		{"an extension of an unknown OID", with(7, withExt(unknownExt())), true},
		{"an issuer attribute with no value", with(3, name(cn)), false},
		{"an issuer attribute with an element after its value", with(3, name(cn, []byte{0x13, 1, 'a'}, null)), false},
		{"an issuer attribute of PrintableString", with(3, name(cn, []byte{0x13, 1, 'a'})), true},
		{"signature parameters of a high tag number", with(2, seq(ecdsaSHA256, []byte{0x9f, 0x1f, 0})), false},
		{"signature parameters NULL", with(2, seq(ecdsaSHA256, null)), true},
		{"signature parameters and another element", with(2, seq(ecdsaSHA256, null, null)), false},
	} {
		checkShape(t, c.name, reviewJoin(c.tbs, alg, sig), c.want)
	}
}

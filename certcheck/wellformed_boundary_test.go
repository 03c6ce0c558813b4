package certcheck

import (
	"encoding/asn1"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Boundary tests of wellFormed's structural rules (issue 9), each at the limit and one past it.

func TestValidStringBoundaries(t *testing.T) {
	num := cbasn1.Tag(18)
	for _, tc := range []struct {
		tag  cbasn1.Tag
		s    string
		want bool
	}{
		{cbasn1.UTF8String, "é", true}, {cbasn1.UTF8String, "\xff", false},
		{cbasn1.PrintableString, "azAZ09 '()+,-./:=?*&", true},
		{cbasn1.PrintableString, "`", false}, {cbasn1.PrintableString, "{", false},
		{cbasn1.PrintableString, "@", false}, {cbasn1.PrintableString, "[", false},
		{cbasn1.PrintableString, "/", true}, {cbasn1.PrintableString, ":", true},
		{cbasn1.PrintableString, "!", false}, {cbasn1.PrintableString, "_", false},
		{cbasn1.PrintableString, "\x80", false},
		{cbasn1.IA5String, "\x7f", true}, {cbasn1.IA5String, "\x80", false},
		{num, "0 9", true}, {num, "/", false}, {num, ":", false}, {num, "a", false},
		{cbasn1.Tag(30), "\x00a", true}, {cbasn1.Tag(30), "\x00", false}, {cbasn1.Tag(30), "", true},
		{cbasn1.OCTET_STRING, "\xff", true},
	} {
		if got := validString(tc.tag, []byte(tc.s)); got != tc.want {
			t.Errorf("validString(%d, %q) = %v", tc.tag, tc.s, got)
		}
	}
}

func TestValidBitStringBoundaries(t *testing.T) {
	for _, tc := range []struct {
		b    []byte
		want bool
	}{
		{nil, false},
		{[]byte{0}, true},
		{[]byte{1}, false},
		{[]byte{7, 0x80}, true},
		{[]byte{7, 0x81}, false},
		{[]byte{7, 0x40}, false},
		{[]byte{8, 0x00}, false},
		{[]byte{0, 0xff}, true},
		{[]byte{1, 0xfe}, true},
		{[]byte{1, 0xff}, false},
		{[]byte{2, 0xfc}, true},
		{[]byte{2, 0xfe}, false},
	} {
		if got := validBitString(tc.b); got != tc.want {
			t.Errorf("validBitString(% x) = %v", tc.b, got)
		}
	}
}

// bits is a BIT STRING of whole bytes.
func bitsOf(b []byte) asn1.BitString { return asn1.BitString{Bytes: b, BitLength: 8 * len(b)} }

func TestECPointBoundaries(t *testing.T) {
	_, point, compressed := newP256(t)
	bp := "brainpoolP256r1"
	for _, tc := range []struct {
		name, curve string
		bits        asn1.BitString
		err         string // "" when accepted
	}{
		{"P-256 uncompressed", "P-256", bitsOf(point), ""},
		{"P-256 uncompressed + 1", "P-256", bitsOf(append(append([]byte(nil), point...), 0)), "uncompressed EC point of 66 bytes"},
		{"P-256 compressed", "P-256", bitsOf(compressed), ""},
		{"P-256 compressed + 1", "P-256", bitsOf(append(append([]byte(nil), compressed...), 0)), "compressed EC point of 34 bytes"},
		{"bits not whole bytes", "P-256", asn1.BitString{Bytes: point, BitLength: 8*len(point) - 1}, "malformed EC point"},
		{"empty", "P-256", bitsOf(nil), "malformed EC point"},
		{"infinity", "P-256", bitsOf([]byte{0}), "unknown EC point encoding (first byte 0x00)"},
		{"0x05", "P-256", bitsOf(append([]byte{5}, point[1:]...)), "unknown EC point encoding (first byte 0x05)"},
		{"brainpool uncompressed 65", bp, bitsOf(make65(4)), ""},
		{"brainpool uncompressed 64", bp, bitsOf(append([]byte{4}, make([]byte, 63)...)), "uncompressed EC point of 64 bytes"},
		{"unknown curve uncompressed odd", "", bitsOf([]byte{4, 1, 2}), ""},
		{"unknown curve uncompressed even", "", bitsOf([]byte{4, 1, 2, 3}), "uncompressed EC point of 4 bytes"},
		{"unknown curve uncompressed 1 byte", "", bitsOf([]byte{4}), ""},
		{"unknown curve compressed 2 bytes", "", bitsOf([]byte{2, 1}), ""},
		{"unknown curve compressed 1 byte", "", bitsOf([]byte{3}), "compressed EC point of 1 bytes"},
	} {
		w := &wf{}
		err := w.ecPoint(tc.curve, tc.bits)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.err != "" && (err == nil || err.Error() != tc.err):
			t.Errorf("%s: %v, want %q", tc.name, err, tc.err)
		}
		if compressedNote := len(w.notes) == 1 && strings.Contains(w.notes[0], "compressed EC point"); compressedNote != (err == nil && tc.bits.Bytes[0] != 4) {
			t.Errorf("%s: notes %q", tc.name, w.notes)
		}
	}
}

func make65(first byte) []byte { return append([]byte{first}, make([]byte, 64)...) }

func algSPKI(oid asn1.ObjectIdentifier, params func(b *cryptobyte.Builder), key []byte, bitLen int) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1ObjectIdentifier(oid)
			if params != nil {
				params(b)
			}
		})
		unused := byte(8*len(key) - bitLen)
		b.AddASN1(cbasn1.BIT_STRING, func(b *cryptobyte.Builder) { b.AddUint8(unused); b.AddBytes(key) })
	})
	return b.BytesOrPanic()
}

func rsaKeyBytes(extra ...func(b *cryptobyte.Builder)) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1Int64(0x7fffffff)
		b.AddASN1Int64(65537)
		for _, f := range extra {
			f(b)
		}
	})
	return b.BytesOrPanic()
}

func TestPublicKeyBoundaries(t *testing.T) {
	null := func(b *cryptobyte.Builder) { b.AddASN1NULL() }
	nullWithContent := func(b *cryptobyte.Builder) { b.AddASN1(cbasn1.NULL, func(b *cryptobyte.Builder) { b.AddUint8(0) }) }
	oidParam := func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oidP256) }
	rk := rsaKeyBytes()
	rkEven := append(append([]byte(nil), rk[:len(rk)-1]...), 0x02) // exponent 65538: the last bit is 0
	for _, tc := range []struct {
		name string
		spki []byte
		err  string
	}{
		{"RSA", algSPKI(oidRSA, null, rk, 8*len(rk)), ""},
		{"RSA without parameters", algSPKI(oidRSA, nil, rk, 8*len(rk)), "RSA key without NULL parameters"},
		{"RSA with an OID parameter", algSPKI(oidRSA, oidParam, rk, 8*len(rk)), "RSA key without NULL parameters"},
		{"RSA with an empty OCTET STRING parameter", algSPKI(oidRSA, func(b *cryptobyte.Builder) { b.AddASN1OctetString(nil) }, rk, 8*len(rk)), "RSA key without NULL parameters"},
		{"RSA with a NULL of content", algSPKI(oidRSA, nullWithContent, rk, 8*len(rk)), "RSA key without NULL parameters"},
		{"RSA with two parameters", algSPKI(oidRSA, func(b *cryptobyte.Builder) { null(b); null(b) }, rk, 8*len(rk)), "malformed algorithm parameters"},
		{"RSA bits not whole bytes", algSPKI(oidRSA, null, rkEven, 8*len(rkEven)-1), "malformed RSA public key"},
		{"RSA with a third INTEGER", algSPKI(oidRSA, null, rsaKeyBytes(func(b *cryptobyte.Builder) { b.AddASN1Int64(1) }), 8*len(rk)+24), "malformed RSA public key"},
		{"RSA-PSS without parameters", algSPKI(oidRSAPSS, nil, rk, 8*len(rk)), ""},
		{"RSA-PSS trailing data in the key", algSPKI(oidRSAPSS, nil, append(append([]byte(nil), rk...), 0), 8*len(rk)+8), "malformed RSA public key"},
		{"EC without parameters", algSPKI(oidEC, nil, make65(4), 8*65), "EC key without curve parameters"},
		{"EC with NULL", algSPKI(oidEC, null, make65(4), 8*65), "EC key without curve parameters"},
		{"EC explicit curve", algSPKI(oidEC, func(b *cryptobyte.Builder) { b.AddASN1(cbasn1.SEQUENCE, func(*cryptobyte.Builder) {}) }, []byte{4, 1, 2}, 24), ""},
		{"Ed25519 32 bytes", algSPKI(oidEd25519, nil, make([]byte, 32), 256), ""},
		{"Ed25519 31 bytes", algSPKI(oidEd25519, nil, make([]byte, 31), 248), "Ed25519 key of 248 bits; it must have 32 bytes"},
		{"Ed25519 33 bytes", algSPKI(oidEd25519, nil, make([]byte, 33), 264), "Ed25519 key of 264 bits; it must have 32 bytes"},
		{"Ed25519 255 bits", algSPKI(oidEd25519, nil, make([]byte, 32), 255), "Ed25519 key of 255 bits; it must have 32 bytes"},
		{"Ed25519 with NULL", algSPKI(oidEd25519, null, make([]byte, 32), 256), "Ed25519 key with parameters (RFC 8410: they must be absent)"},
		{"X25519 32 bytes", algSPKI(oidX25519, nil, make([]byte, 32), 256), ""},
		{"Ed448 57 bytes", algSPKI(oidEd448, nil, make([]byte, 57), 456), ""},
		{"Ed448 56 bytes", algSPKI(oidEd448, nil, make([]byte, 56), 448), "Ed448 key of 448 bits; it must have 57 bytes"},
		{"X448 56 bytes", algSPKI(oidX448, nil, make([]byte, 56), 448), ""},
		{"X448 57 bytes", algSPKI(oidX448, nil, make([]byte, 57), 456), "X448 key of 456 bits; it must have 56 bytes"},
		{"unknown algorithm", algSPKI(asn1.ObjectIdentifier{1, 2, 3}, null, []byte{1}, 8), ""},
		{"trailing data", append(algSPKI(oidEd25519, nil, make([]byte, 32), 256), 0), ""},
	} {
		err := (&wf{}).publicKey(cryptobyte.String(tc.spki))
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.err != "" && (err == nil || err.Error() != tc.err):
			t.Errorf("%s: %v, want %q", tc.name, err, tc.err)
		}
	}
}

// TestWellFormedStructureBoundaries: versions, extensions by version, and the value rules of
// the extensions, through whole certificates.
func TestWellFormedStructureBoundaries(t *testing.T) {
	key, point, _ := newP256(t)
	ip := func(n int, constraint bool) []byte {
		if constraint {
			return ext(oidNameConstraints, true, seq(tagged(ctx(0).Constructed(), seq(tagged(ctx(7), raw(make([]byte, n)...))))))
		}
		return sanIP(n)
	}
	oidBytes := func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{1, 2, 3}) }
	for _, tc := range []struct {
		name    string
		version int64
		exts    [][]byte
		err     string // a substring, "" when accepted
	}{
		{"v1 explicit", 0, nil, ""},
		{"v2", 1, nil, ""},
		{"v3", 2, nil, ""},
		{"v4", 3, nil, "version"},
		{"v2 with a bad SAN (extensions of v1/v2 are not read)", 1, [][]byte{sanIP(3)}, ""},
		{"v2 with a duplicate extension", 1, [][]byte{sanIP(4), sanIP(4)}, "duplicate extension 2.5.29.17"},
		{"v3 with a bad SAN", 2, [][]byte{sanIP(3)}, "iPAddress of 3 bytes"},
		{"SAN IP 15", 2, [][]byte{ip(15, false)}, "iPAddress of 15 bytes"},
		{"SAN IP 17", 2, [][]byte{ip(17, false)}, "iPAddress of 17 bytes"},
		{"SAN IP 0", 2, [][]byte{ip(0, false)}, "iPAddress of 0 bytes"},
		{"constraint 7", 2, [][]byte{ip(7, true)}, "constraint of 7 bytes"},
		{"constraint 9", 2, [][]byte{ip(9, true)}, "constraint of 9 bytes"},
		{"constraint 16", 2, [][]byte{ip(16, true)}, "constraint of 16 bytes"},
		{"constraint 31", 2, [][]byte{ip(31, true)}, "constraint of 31 bytes"},
		{"constraint 32", 2, [][]byte{ip(32, true)}, ""},
		{"constraint 33", 2, [][]byte{ip(33, true)}, "constraint of 33 bytes"},
		{"excluded subtrees only", 2, [][]byte{ext(oidNameConstraints, true, seq(tagged(ctx(1).Constructed(), seq(tagged(ctx(2), raw('a'))))))}, ""},
		{"dNSName 0x7f", 2, [][]byte{ext(oidSAN, false, seq(tagged(ctx(2), raw('a', 0x7f))))}, ""},
		{"dNSName 0x80", 2, [][]byte{ext(oidSAN, false, seq(tagged(ctx(2), raw('a', 0x80))))}, "IA5String"},
		{"IAN dNSName 0x80 (not read by Go)", 2, [][]byte{ext(oidIAN, false, seq(tagged(ctx(2), raw('a', 0x80))))}, ""},
		{"basicConstraints trailing element", 2, [][]byte{ext(oidBasicConstraints, true, seq(raw(0x01, 0x01, 0xff), raw(0x02, 0x01, 0x00), raw(0x05, 0x00)))}, "basicConstraints"},
		{"SKI", 2, [][]byte{ext(oidSKI, false, raw(0x04, 0x01, 0x01))}, ""},
		{"SKI critical", 2, [][]byte{ext(oidSKI, true, raw(0x04, 0x01, 0x01))}, "critical"},
		{"SKI not an OCTET STRING", 2, [][]byte{ext(oidSKI, false, raw(0x05, 0x00))}, "subjectKeyIdentifier"},
		{"AIA critical", 2, [][]byte{ext(oidAIA, true, seq(seq(oidBytes, tagged(ctx(6), raw('h')))))}, "critical"},
		{"AIA", 2, [][]byte{ext(oidAIA, false, seq(seq(oidBytes, tagged(ctx(6), raw('h')))))}, ""},
		{"SIA critical", 2, [][]byte{ext(oidSIA, true, seq(seq(oidBytes, tagged(ctx(6), raw('h')))))}, ""},
		{"inhibitAnyPolicy 0", 2, [][]byte{ext(oidInhibitAnyPolicy, true, raw(0x02, 0x01, 0x00))}, ""},
		{"inhibitAnyPolicy -1", 2, [][]byte{ext(oidInhibitAnyPolicy, true, raw(0x02, 0x01, 0xff))}, "inhibitAnyPolicy"},
		{"policyConstraints [0] [1]", 2, [][]byte{ext(oidPolicyConstraint, true, seq(raw(0x80, 0x01, 0x00, 0x81, 0x01, 0x00)))}, ""},
		{"policyConstraints [2]", 2, [][]byte{ext(oidPolicyConstraint, true, seq(raw(0x82, 0x01, 0x00)))}, "policyConstraints"},
		{"policyMappings", 2, [][]byte{ext(oidPolicyMappings, true, seq(seq(oidBytes, oidBytes)))}, ""},
		{"policyMappings of one OID", 2, [][]byte{ext(oidPolicyMappings, true, seq(seq(oidBytes)))}, "policyMappings"},
		{"certificatePolicies", 2, [][]byte{ext(oidCertPolicies, false, seq(seq(oidBytes)))}, ""},
		{"certificatePolicies of a string", 2, [][]byte{ext(oidCertPolicies, false, seq(seq(raw(0x0c, 0x01, 'x'))))}, "certificatePolicies"},
		{"CRL DP with only a CRL issuer", 2, [][]byte{ext(oidCRLDP, false, seq(seq(tagged(ctx(2).Constructed(), tagged(ctx(6), raw('h'))))))}, ""},
		{"CRL DP empty", 2, [][]byte{ext(oidCRLDP, false, seq(seq()))}, "cRLDistributionPoints"},
		{"CRL DP with bad reasons", 2, [][]byte{ext(oidCRLDP, false, seq(seq(tagged(ctx(0).Constructed(), tagged(ctx(0).Constructed(), tagged(ctx(6), raw('h')))), tagged(ctx(1), raw(0x08, 0x00)))))}, "cRLDistributionPoints"},
		{"unknown extension", 2, [][]byte{ext("1.2.3.4", true, raw(0xff))}, ""},
	} {
		c := &tcert{version: tc.version, spki: ecSPKI(oidP256, point), key: key, exts: tc.exts}
		_, err := wellFormed(c.der(t))
		wantErr(t, tc.name, err, tc.err)
	}
}

// TestWellFormedOuterFields: a malformed outer signatureAlgorithm and a version field with
// data after its INTEGER are refused with their own reasons; notes are kept once each.
func TestWellFormedOuterFields(t *testing.T) {
	key, point, compressed := newP256(t)
	good := (&tcert{version: 2, spki: ecSPKI(oidP256, point), key: key}).der(t)
	// The outer AlgorithmIdentifier is the last SEQUENCE before the BIT STRING: 30 0a 06 08 <ecdsa-with-SHA256>.
	alg := []byte{0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02}
	i := strings.LastIndex(string(good), string(alg))
	bad := append([]byte(nil), good...)
	copy(bad[i:], []byte{0x30, 0x0a, 0x02, 0x08}) // an INTEGER instead of the OID
	if _, err := wellFormed(bad); err == nil || err.Error() != "malformed signatureAlgorithm" {
		t.Errorf("bad outer signatureAlgorithm: %v", err)
	}
	// version [0] { INTEGER 2, NULL }: a0 03 02 01 02 becomes a0 05 02 01 02 05 00, with every
	// enclosing length grown by 2.
	tbs := (&tcert{version: 2, spki: ecSPKI(oidP256, point)}).tbs()
	j := strings.Index(string(tbs), "\xa0\x03\x02\x01\x02")
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			var in cryptobyte.String = tbs
			var body cryptobyte.String
			in.ReadASN1(&body, cbasn1.SEQUENCE)
			k := j - (len(tbs) - len(body))
			b.AddBytes(body[:k])
			b.AddBytes([]byte{0xa0, 0x05, 0x02, 0x01, 0x02, 0x05, 0x00})
			b.AddBytes(body[k+5:])
		})
		b.AddBytes(alg)
		b.AddASN1BitString([]byte{0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01})
	})
	if _, err := wellFormed(b.BytesOrPanic()); err == nil || err.Error() != "malformed or unknown version (must be v1, v2 or v3)" {
		t.Errorf("version with trailing data: %v", err)
	}
	// Two different notes are both kept, the same note once.
	two := (&tcert{version: 2, spki: ecSPKI(oidP256, compressed), key: key, exts: [][]byte{crlDP(relativeName)}}).der(t)
	notes, err := wellFormed(two)
	if err != nil || len(notes) != 2 {
		t.Errorf("compressed point and relative CRL DP: %q %v", notes, err)
	}
	w := &wf{}
	w.note("a")
	w.note("b")
	w.note("a")
	if strings.Join(w.notes, ",") != "a,b" {
		t.Errorf("notes %q", w.notes)
	}
}

// TestWellFormedTrailingData: every checked extension value, and every structure inside one,
// refuses data after its end; the TBS fields likewise.
func TestWellFormedTrailingData(t *testing.T) {
	key, point, _ := newP256(t)
	null := raw(0x05, 0x00)
	oid := func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{1, 2, 3}) }
	uri := tagged(ctx(6), raw('h'))
	valid := map[string]func(b *cryptobyte.Builder){
		oidBasicConstraints: seq(raw(0x01, 0x01, 0xff)),
		oidSAN:              seq(uri),
		oidIAN:              seq(uri),
		oidEKU:              seq(oid),
		oidAKI:              seq(tagged(ctx(0), raw(1))),
		oidNameConstraints:  seq(tagged(ctx(0).Constructed(), seq(tagged(ctx(2), raw('a'))))),
		oidCRLDP:            seq(seq(tagged(ctx(0).Constructed(), tagged(ctx(0).Constructed(), uri)))),
		oidCertPolicies:     seq(seq(oid)),
		oidPolicyMappings:   seq(seq(oid, oid)),
		oidPolicyConstraint: seq(raw(0x80, 0x01, 0x00)),
		oidAIA:              seq(seq(oid, uri)),
		oidSIA:              seq(seq(oid, uri)),
	}
	for id, v := range valid {
		crit := id == oidNameConstraints || id == oidBasicConstraints
		for _, trailing := range []bool{false, true} {
			value := v
			if trailing {
				value = func(b *cryptobyte.Builder) { v(b); null(b) }
			}
			c := &tcert{version: 2, spki: ecSPKI(oidP256, point), key: key, exts: [][]byte{ext(id, crit, value)}}
			_, err := wellFormed(c.der(t))
			if (err != nil) != trailing {
				t.Errorf("%s, trailing %v: %v", id, trailing, err)
			}
		}
	}
	for _, tc := range []struct {
		name string
		exts [][]byte
		err  string
	}{
		{"AKI with a field after the serial", [][]byte{ext(oidAKI, false, seq(tagged(ctx(0), raw(1)), tagged(ctx(2), raw(1)), null))}, "authorityKeyIdentifier"},
		{"AKI issuer names", [][]byte{ext(oidAKI, false, seq(tagged(ctx(1).Constructed(), tagged(ctx(2), raw('a')))))}, ""},
		{"AKI issuer names not IA5", [][]byte{ext(oidAKI, false, seq(tagged(ctx(1).Constructed(), tagged(ctx(2), raw('a', 0x80)))))}, "authorityKeyIdentifier: "},
		{"name constraints with a field after excluded", [][]byte{ext(oidNameConstraints, true, seq(tagged(ctx(1).Constructed(), seq(tagged(ctx(2), raw('a')))), null))}, "nameConstraints"},
		{"subtree with a field after maximum", [][]byte{ext(oidNameConstraints, true, seq(tagged(ctx(0).Constructed(), seq(tagged(ctx(2), raw('a')), tagged(ctx(1), raw(1)), null))))}, "nameConstraints"},
		{"subtree with minimum and maximum", [][]byte{ext(oidNameConstraints, true, seq(tagged(ctx(0).Constructed(), seq(tagged(ctx(2), raw('a')), tagged(ctx(0), raw(0)), tagged(ctx(1), raw(1))))))}, ""},
		{"policy with a field after the qualifiers", [][]byte{ext(oidCertPolicies, false, seq(seq(oid, seq(), null)))}, "certificatePolicies"},
		{"policy with qualifiers", [][]byte{ext(oidCertPolicies, false, seq(seq(oid, seq())))}, ""},
		{"IAN then SAN not IA5", [][]byte{ext(oidIAN, false, seq(tagged(ctx(2), raw('a', 0x80)))), ext(oidSAN, false, seq(tagged(ctx(2), raw('a', 0x80))))}, "IA5String"},
		{"IAN then AIA not IA5", [][]byte{ext(oidIAN, false, seq(tagged(ctx(2), raw('a', 0x80)))), ext(oidAIA, false, seq(seq(oid, tagged(ctx(6), raw('h', 0x80)))))}, "IA5String"},
		{"AKI issuer IPv4", [][]byte{ext(oidAKI, false, seq(tagged(ctx(1).Constructed(), tagged(ctx(7), raw(1, 2, 3, 4)))))}, ""},
		{"inhibitAnyPolicy followed by data", [][]byte{ext(oidInhibitAnyPolicy, true, raw(0x02, 0x01, 0x00, 0x05, 0x00))}, "inhibitAnyPolicy"},
		{"access description with a third field", [][]byte{ext(oidAIA, false, seq(seq(oid, uri, null)))}, "information access"},
		{"access location IPv4", [][]byte{ext(oidAIA, false, seq(seq(oid, tagged(ctx(7), raw(1, 2, 3, 4)))))}, ""},
		{"distribution point with a field after cRLIssuer", [][]byte{ext(oidCRLDP, false, seq(seq(tagged(ctx(2).Constructed(), uri), null)))}, "cRLDistributionPoints"},
		{"cRLIssuer not IA5", [][]byte{ext(oidCRLDP, false, seq(seq(tagged(ctx(2).Constructed(), tagged(ctx(2), raw('a', 0x80))))))}, "IA5String"},
		{"cRLIssuer IPv4", [][]byte{ext(oidCRLDP, false, seq(seq(tagged(ctx(2).Constructed(), tagged(ctx(7), raw(1, 2, 3, 4))))))}, ""},
		{"distribution point name followed by data", [][]byte{ext(oidCRLDP, false, seq(seq(tagged(ctx(0).Constructed(), tagged(ctx(0).Constructed(), uri), null))))}, "cRLDistributionPoints"},
		{"fullName IPv4", [][]byte{ext(oidCRLDP, false, seq(seq(tagged(ctx(0).Constructed(), tagged(ctx(0).Constructed(), tagged(ctx(7), raw(1, 2, 3, 4)))))))}, ""},
		{"otherName", [][]byte{ext(oidSAN, false, seq(tagged(ctx(0).Constructed(), oid, tagged(ctx(0).Constructed(), null))))}, ""},
		{"otherName followed by data", [][]byte{ext(oidSAN, false, seq(tagged(ctx(0).Constructed(), oid, tagged(ctx(0).Constructed(), null), null)))}, "otherName"},
		{"directoryName", [][]byte{ext(oidSAN, false, seq(tagged(ctx(4).Constructed(), name("d"))))}, ""},
		{"directoryName followed by data", [][]byte{ext(oidSAN, false, seq(tagged(ctx(4).Constructed(), name("d"), null)))}, "directoryName"},
		{"extensions followed by data", nil, "extensions"},
	} {
		c := &tcert{version: 2, spki: ecSPKI(oidP256, point), key: key, exts: tc.exts}
		der := c.der(t)
		if tc.exts == nil {
			// [3] { SEQUENCE {…} NULL }: build the TBS by hand around an extra NULL.
			c.exts = [][]byte{sanIP(4)}
			tbs := c.tbs()
			var b cryptobyte.Builder
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					var in cryptobyte.String = tbs
					var body cryptobyte.String
					in.ReadASN1(&body, cbasn1.SEQUENCE)
					for !body.Empty() {
						var el, inner cryptobyte.String
						var tag cbasn1.Tag
						body.ReadAnyASN1Element(&el, &tag)
						if tag != cbasn1.Tag(3).Constructed().ContextSpecific() {
							b.AddBytes(el)
							continue
						}
						el.ReadASN1(&inner, tag)
						b.AddASN1(tag, func(b *cryptobyte.Builder) { b.AddBytes(inner); b.AddBytes([]byte{0x05, 0x00}) })
					}
				})
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oidECDSAWithSHA256) })
				b.AddASN1BitString([]byte{0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01})
			})
			der = b.BytesOrPanic()
		}
		_, err := wellFormed(der)
		wantErr(t, tc.name, err, tc.err)
	}
}

// TestWellFormedTBSFields: the TBS's own AlgorithmIdentifier, validity and unique IDs at their
// limits, and names and AlgorithmIdentifiers checked on their own.
func TestWellFormedTBSFields(t *testing.T) {
	key, point, _ := newP256(t)
	alg := "\x30\x0a\x06\x08\x2a\x86\x48\xce\x3d\x04\x03\x02"
	good := (&tcert{version: 2, spki: ecSPKI(oidP256, point), key: key}).der(t)
	bad := []byte(strings.Replace(string(good), alg, "\x30\x0a\x02\x08"+alg[4:], 1)) // the TBS's one
	if _, err := wellFormed(bad); err == nil || err.Error() != "malformed signature AlgorithmIdentifier in tbsCertificate" {
		t.Errorf("bad TBS algorithm: %v", err)
	}
	utc := func(b *cryptobyte.Builder) { b.AddASN1UTCTime(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) }
	for _, tc := range []struct {
		name      string
		notBefore func(b *cryptobyte.Builder)
		spkiExtra []byte
		err       string
	}{
		{"three times", func(b *cryptobyte.Builder) { utc(b); utc(b) }, nil, "validity"},
		{"an INTEGER for notBefore", func(b *cryptobyte.Builder) { b.AddASN1Int64(1) }, nil, "validity"},
		{"valid issuerUniqueID", nil, []byte{0x81, 0x02, 0x00, 0xff}, ""},
		{"issuerUniqueID with a lone unused-bits count", nil, []byte{0x81, 0x01, 0x01}, "UniqueID"},
		{"subjectUniqueID with set padding bits", nil, []byte{0x82, 0x02, 0x01, 0x01}, "UniqueID"},
	} {
		c := &tcert{version: 2, spki: append(ecSPKI(oidP256, point), tc.spkiExtra...), key: key, notBefore: tc.notBefore}
		_, err := wellFormed(c.der(t))
		wantErr(t, tc.name, err, tc.err)
	}
	for _, tc := range []struct {
		der  []byte
		want bool
	}{
		{[]byte{0x30, 0x03, 0x06, 0x01, 0x2a}, true},
		{[]byte{0x30, 0x05, 0x06, 0x01, 0x2a, 0x05, 0x00}, true},
		{[]byte{0x30, 0x07, 0x06, 0x01, 0x2a, 0x05, 0x00, 0x05, 0x00}, false},
		{[]byte{0x30, 0x02, 0x05, 0x00}, false},
		{[]byte{0x30, 0x04, 0x06, 0x01, 0x2a, 0x05}, false},
	} {
		if got := algorithmIdentifier(tc.der); got != tc.want {
			t.Errorf("algorithmIdentifier(% x) = %v", tc.der, got)
		}
	}
	rdnOf := func(atv ...func(b *cryptobyte.Builder)) cryptobyte.String {
		var b cryptobyte.Builder
		b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
			for _, f := range atv {
				f(b)
			}
		})
		return b.BytesOrPanic()
	}
	cn := func(tag cbasn1.Tag, v string) func(b *cryptobyte.Builder) {
		return seq(func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{2, 5, 4, 3}) }, tagged(tag, raw([]byte(v)...)))
	}
	for _, tc := range []struct {
		name string
		s    cryptobyte.String
		err  string
	}{
		{"valid", rdnOf(cn(cbasn1.PrintableString, "a")), ""},
		{"empty RDN", rdnOf(), ""},
		{"invalid PrintableString", rdnOf(cn(cbasn1.PrintableString, "a@b")), "invalid string value"},
		{"no OID", rdnOf(seq(tagged(cbasn1.UTF8String, raw('a')))), "malformed AttributeTypeAndValue"},
		{"no value", rdnOf(seq(func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{2, 5, 4, 3}) })), "malformed AttributeTypeAndValue"},
		{"two values", rdnOf(seq(func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{2, 5, 4, 3}) }, tagged(cbasn1.UTF8String, raw('a')), tagged(cbasn1.UTF8String, raw('a')))), "malformed AttributeTypeAndValue"},
		{"not a SET", cryptobyte.String{0x30, 0x00}, "malformed RelativeDistinguishedName"},
	} {
		err := rdnSequence(tc.s)
		wantErr(t, tc.name, err, tc.err)
	}
}

func TestStrictTimeBoundaries(t *testing.T) {
	for _, tc := range []struct {
		der  []byte
		want bool
	}{
		{nil, false},
		{[]byte{0x02, 0x01, 0x01}, false},
		{[]byte{0x17, 0x0d, '2', '5', '0', '1', '0', '1', '0', '0', '0', '0', '0', '0', 'Z'}, true},
		{[]byte{0x18, 0x0f, '2', '0', '5', '0', '0', '1', '0', '1', '0', '0', '0', '0', '0', '0', 'Z'}, true},
		{[]byte{0x18, 0x0d, '2', '5', '0', '1', '0', '1', '0', '0', '0', '0', '0', '0', 'Z'}, false},
	} {
		s := cryptobyte.String(tc.der)
		if got := strictTime(&s); got != tc.want {
			t.Errorf("strictTime(% x) = %v", tc.der, got)
		}
	}
}

// wantErr checks err against want: no error when want is "", else an error mentioning want.
func wantErr(t *testing.T, name string, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("%s: %v", name, err)
	case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
		t.Errorf("%s: %v, want one mentioning %q", name, err, want)
	}
}

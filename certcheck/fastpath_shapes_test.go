package certcheck

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"testing"
)

// tlv encodes one DER element of tag with the parts as its content (short or long length).
func tlv(tag byte, parts ...[]byte) []byte {
	var c []byte
	for _, p := range parts {
		c = append(c, p...)
	}
	out := []byte{tag}
	switch n := len(c); {
	case n < 0x80:
		out = append(out, byte(n))
	case n < 0x100:
		out = append(out, 0x81, byte(n))
	default:
		out = append(out, 0x82, byte(n>>8), byte(n))
	}
	return append(out, c...)
}

func str(s string) []byte { return []byte(s) }

// DER pieces of the shape tests.
var derNull = []byte{5, 0}

func derOID(b ...byte) []byte    { return tlv(0x06, b) }
func derSeq(p ...[]byte) []byte  { return tlv(0x30, p...) }
func derBits(p ...[]byte) []byte { return tlv(0x03, append([][]byte{{0}}, p...)...) }

// shapeBase makes a certificate the fast path takes (ECDSA P-256, a SAN) and returns its key,
// TBSCertificate elements, signature algorithm and signature.
func shapeBase(t *testing.T) (key *ecdsa.PrivateKey, tbs [][]byte, alg, sig []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tbs, alg, sig = reviewSplit(t, reviewCert(t, key, nil))
	return key, tbs, alg, sig
}

// TestFastPathExtensionShapes: the fast path's answer on the values of the extensions it
// reads (and on public keys), each a valid value and the same value with something more,
// less or out of place. A false answer leaves the certificate to zcrypto's parse (which
// may accept it: the answer is conservative by design, "nothing left over"); a true one
// must be a certificate zcrypto accepts.
func TestFastPathExtensionShapes(t *testing.T) {
	_, tbs, alg, sig := shapeBase(t)
	null, oid, seq := derNull, derOID, derSeq
	ext := func(o []byte, value []byte) [][]byte {
		out := append([][]byte(nil), tbs...)
		out[7] = tlv(0xa3, seq(seq(o, tlv(0x04, value))))
		return out
	}
	ski, san, nc, crldp, cp, aki, eku := oid(0x55, 0x1d, 14), oid(0x55, 0x1d, 17), oid(0x55, 0x1d, 30),
		oid(0x55, 0x1d, 31), oid(0x55, 0x1d, 32), oid(0x55, 0x1d, 35), oid(0x55, 0x1d, 37)
	aia := oid(0x2b, 6, 1, 5, 5, 7, 1, 1)
	uri := tlv(0x86, str("http://x"))
	dns := tlv(0x82, str("a"))
	cn := seq(tlv(0x31, seq(oid(0x55, 4, 3), tlv(0x13, str("a")))))
	anyPolicy := oid(0x55, 0x1d, 0x20, 0)
	cps := seq(oid(0x2b, 6, 1, 5, 5, 7, 2, 1), tlv(0x16, str("u")))
	noticeID := oid(0x2b, 6, 1, 5, 5, 7, 2, 2)
	notice := func(p ...[]byte) []byte { return seq(anyPolicy, seq(seq(noticeID, seq(p...)))) }
	ocsp := oid(0x2b, 6, 1, 5, 5, 7, 48, 1)
	serverAuth := oid(0x2b, 6, 1, 5, 5, 7, 3, 1)
	cases := []struct {
		name string
		tbs  [][]byte
		want bool
	}{
		{"SKI", ext(ski, tlv(0x04, []byte{1, 2})), true},
		{"SKI, then more", ext(ski, append(tlv(0x04, []byte{1, 2}), null...)), false},
		{"SKI not an OCTET STRING", ext(ski, null), false},
		{"SAN DNS", ext(san, seq(dns)), true},
		{"SAN, then more", ext(san, append(seq(dns), null...)), false},
		{"SAN IPv4", ext(san, seq(tlv(0x87, []byte{10, 0, 0, 1}))), true},
		{"SAN IPv6", ext(san, seq(tlv(0x87, make([]byte, 16)))), true},
		{"SAN IP of 3 bytes", ext(san, seq(tlv(0x87, []byte{10, 0, 0}))), false},
		{"SAN directory name", ext(san, seq(tlv(0xa4, cn))), true},
		{"SAN directory name, then more", ext(san, seq(tlv(0xa4, cn, null))), false},
		{"SAN registered ID", ext(san, seq(tlv(0x88, []byte{0x2a, 3}))), true},
		{"SAN registered ID, bad OID", ext(san, seq(tlv(0x88, []byte{0x2a, 0x83}))), false},
		{"SAN other name", ext(san, seq(tlv(0xa0, oid(0x2a, 3), tlv(0xa0, tlv(0x0c, str("a")))))), true},
		{"SAN other name, then more", ext(san, seq(tlv(0xa0, oid(0x2a, 3), tlv(0xa0, tlv(0x0c, str("a"))), null))), false},
		{"SAN other name, two values", ext(san, seq(tlv(0xa0, oid(0x2a, 3), tlv(0xa0, tlv(0x0c, str("a")), null)))), false},
		{"SAN other name, bad OID", ext(san, seq(tlv(0xa0, oid(0x2a, 0x83), tlv(0xa0, tlv(0x0c, str("a")))))), false},
		{"SAN x400Address", ext(san, seq(tlv(0xa3, null))), false},
		{"NC permitted DNS", ext(nc, seq(tlv(0xa0, seq(dns)))), true},
		{"NC excluded DNS", ext(nc, seq(tlv(0xa1, seq(dns)))), true},
		{"NC, then more", ext(nc, append(seq(tlv(0xa0, seq(dns))), null...)), false},
		{"NC, more after the subtrees", ext(nc, seq(tlv(0xa0, seq(dns)), null)), false},
		{"NC excluded before permitted", ext(nc, seq(tlv(0xa1, seq(dns)), tlv(0xa0, seq(dns)))), false},
		{"NC subtree with minimum 0 and maximum 9", ext(nc, seq(tlv(0xa0, seq(dns, tlv(0x80, []byte{0}), tlv(0x81, []byte{9}))))), true},
		{"NC subtree with a maximum of 8 bytes", ext(nc, seq(tlv(0xa0, seq(dns, tlv(0x81, []byte{1, 0, 0, 0, 0, 0, 0, 0}))))), true},
		{"NC subtree with a maximum of 9 bytes", ext(nc, seq(tlv(0xa0, seq(dns, tlv(0x81, []byte{1, 0, 0, 0, 0, 0, 0, 0, 0}))))), false},
		{"NC subtree with a minimum not minimal", ext(nc, seq(tlv(0xa0, seq(dns, tlv(0x80, []byte{0, 1}))))), false},
		{"NC subtree, then more", ext(nc, seq(tlv(0xa0, seq(dns, null)))), false},
		{"NC IP range of 8 bytes", ext(nc, seq(tlv(0xa0, seq(tlv(0x87, make([]byte, 8)))))), true},
		{"NC IP range of 32 bytes", ext(nc, seq(tlv(0xa0, seq(tlv(0x87, make([]byte, 32)))))), true},
		{"NC IP range of 16 bytes", ext(nc, seq(tlv(0xa0, seq(tlv(0x87, make([]byte, 16)))))), false},
		{"NC directory name", ext(nc, seq(tlv(0xa0, seq(tlv(0xa4, cn))))), true},
		{"NC directory name, bad", ext(nc, seq(tlv(0xa0, seq(tlv(0xa4, null))))), false},
		{"NC registered ID base", ext(nc, seq(tlv(0xa0, seq(tlv(0x88, []byte{0x2a}))))), false},
		{"NC subtree with a truncated base", ext(nc, seq(tlv(0xa0, seq([]byte{0x82, 5, 'a'})))), false},
		{"CRLDP URI", ext(crldp, seq(seq(tlv(0xa0, tlv(0xa0, uri))))), true},
		{"CRLDP, then more", ext(crldp, append(seq(seq(tlv(0xa0, tlv(0xa0, uri)))), null...)), false},
		{"CRLDP name, then more", ext(crldp, seq(seq(tlv(0xa0, tlv(0xa0, uri), null)))), false},
		{"CRLDP reasons", ext(crldp, seq(seq(tlv(0xa0, tlv(0xa0, uri)), tlv(0x81, []byte{7, 0x80})))), true},
		{"CRLDP reasons, bad padding", ext(crldp, seq(seq(tlv(0xa0, tlv(0xa0, uri)), tlv(0x81, []byte{8, 0})))), false},
		{"CRLDP cRLIssuer", ext(crldp, seq(seq(tlv(0xa0, tlv(0xa0, uri)), tlv(0xa2, uri)))), true},
		{"CRLDP, more after cRLIssuer", ext(crldp, seq(seq(tlv(0xa0, tlv(0xa0, uri)), tlv(0xa2, uri), null))), false},
		{"CRLDP reasons only", ext(crldp, seq(seq(tlv(0x81, []byte{7, 0x80})))), true},
		{"CRLDP not a SEQUENCE of points", ext(crldp, seq(null)), false},
		{"CP anyPolicy", ext(cp, seq(seq(anyPolicy))), true},
		{"CP, then more", ext(cp, append(seq(seq(anyPolicy)), null...)), false},
		{"CP bad policy OID", ext(cp, seq(seq(oid(0x55, 0x80)))), false},
		{"CP CPS", ext(cp, seq(seq(anyPolicy, seq(cps)))), true},
		{"CP qualifiers, then more", ext(cp, seq(seq(anyPolicy, seq(cps), null))), false},
		{"CP qualifier, then more", ext(cp, seq(seq(anyPolicy, seq(seq(oid(0x2b, 6, 1, 5, 5, 7, 2, 1), tlv(0x16, str("u")), null))))), false},
		{"CP qualifier with no value", ext(cp, seq(seq(anyPolicy, seq(seq(oid(0x2b, 6, 1, 5, 5, 7, 2, 1)))))), false},
		{"CP user notice, text", ext(cp, seq(notice(tlv(0x0c, str("t"))))), true},
		{"CP user notice, empty", ext(cp, seq(notice())), true},
		{"CP user notice, reference and text", ext(cp, seq(notice(seq(tlv(0x16, str("o")), seq(tlv(0x02, []byte{1}))), tlv(0x1e, []byte{0, 't'})))), true},
		{"CP user notice, text then more", ext(cp, seq(notice(tlv(0x0c, str("t")), null))), false},
		{"CP user notice, text of INTEGER", ext(cp, seq(notice(tlv(0x02, []byte{1})))), false},
		{"CP user notice, reference then more", ext(cp, seq(notice(seq(tlv(0x16, str("o")), seq(tlv(0x02, []byte{1})), null)))), false},
		{"CP user notice, organization of INTEGER", ext(cp, seq(notice(seq(tlv(0x02, []byte{1}), seq(tlv(0x02, []byte{1})))))), false},
		{"CP user notice, number not minimal", ext(cp, seq(notice(seq(tlv(0x16, str("o")), seq(tlv(0x02, []byte{0, 1})))))), false},
		{"CP user notice, number of 8 bytes", ext(cp, seq(notice(seq(tlv(0x16, str("o")), seq(tlv(0x02, []byte{1, 0, 0, 0, 0, 0, 0, 0})))))), true},
		{"CP user notice not a SEQUENCE", ext(cp, seq(seq(anyPolicy, seq(seq(noticeID, tlv(0x0c, str("t"))))))), false},
		{"AKI key ID", ext(aki, seq(tlv(0x80, []byte{1, 2}))), true},
		{"AKI all three", ext(aki, seq(tlv(0x80, []byte{1}), tlv(0xa1, tlv(0xa4, cn)), tlv(0x82, []byte{1}))), true},
		{"AKI, then more", ext(aki, append(seq(tlv(0x80, []byte{1, 2})), null...)), false},
		{"AKI serial before key ID", ext(aki, seq(tlv(0x82, []byte{1}), tlv(0x80, []byte{1}))), false},
		{"AKI unknown field", ext(aki, seq(tlv(0x83, []byte{1}))), false},
		{"EKU serverAuth", ext(eku, seq(serverAuth)), true},
		{"EKU, then more", ext(eku, append(seq(serverAuth), null...)), false},
		{"EKU not an OID", ext(eku, seq(null)), false},
		{"EKU bad OID", ext(eku, seq(oid(0x2b, 0x80))), false},
		{"AIA OCSP", ext(aia, seq(seq(ocsp, uri))), true},
		{"AIA, then more", ext(aia, append(seq(seq(ocsp, uri)), null...)), false},
		{"AIA description, then more", ext(aia, seq(seq(ocsp, uri, null))), false},
		{"AIA description with no location", ext(aia, seq(seq(ocsp))), false},
		{"AIA bad method OID", ext(aia, seq(seq(oid(0x2b, 0x80), uri))), false},
		{"keyUsage anything", ext(oid(0x55, 0x1d, 15), null), true},
	}
	for _, c := range cases {
		checkShape(t, c.name, reviewJoin(c.tbs, alg, sig), c.want)
	}
}

// checkShape asserts zcryptoAccepts(der) == want without a panic, and that zcrypto accepts
// what the fast path takes.
func checkShape(t *testing.T, name string, der []byte, want bool) {
	t.Helper()
	got := func() bool {
		defer func() {
			if p := recover(); p != nil {
				t.Errorf("%s: zcryptoAccepts panics: %v", name, p)
			}
		}()
		return zcryptoAccepts(der)
	}()
	err := zcryptoOK(der)
	t.Logf("%s: zcryptoAccepts=%v zcrypto err=%v", name, got, err)
	if got != want {
		t.Errorf("%s: zcryptoAccepts = %v, want %v", name, got, want)
	}
	if got && err != nil {
		t.Errorf("%s: taken, but zcrypto fails: %v", name, err)
	}
}

// TestFastPathKeyShapes: as TestFastPathExtensionShapes, for the SubjectPublicKeyInfo.
func TestFastPathKeyShapes(t *testing.T) {
	key, tbs, alg, sig := shapeBase(t)
	null, oid, seq, bits := derNull, derOID, derSeq, derBits
	spki := func(algorithm, k []byte) [][]byte {
		out := append([][]byte(nil), tbs...)
		out[6] = seq(algorithm, k)
		return out
	}
	rsaOID := oid(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 1, 1, 1)
	ecOID := oid(0x2a, 0x86, 0x48, 0xce, 0x3d, 2, 1)
	p256 := oid(0x2a, 0x86, 0x48, 0xce, 0x3d, 3, 1, 7)
	ed := oid(0x2b, 0x65, 0x70)
	n := append([]byte{0}, make([]byte, 128)...)
	n[1], n[128] = 0xc1, 0x01 // a 1024-bit odd modulus
	integer := func(b ...byte) []byte { return tlv(0x02, b) }
	rsaKey := seq(integer(n...), integer(1, 0, 1))
	point := elliptic.Marshal(elliptic.P256(), key.X, key.Y) //nolint:staticcheck // the uncompressed encoding, as in certificates
	edKey := make([]byte, 32)
	k384, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	k521, err := ecdsa.GenerateKey(elliptic.P521(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	point384 := elliptic.Marshal(elliptic.P384(), k384.X, k384.Y) //nolint:staticcheck // as above
	point521 := elliptic.Marshal(elliptic.P521(), k521.X, k521.Y) //nolint:staticcheck // as above
	p384, p521 := oid(0x2b, 0x81, 4, 0, 0x22), oid(0x2b, 0x81, 4, 0, 0x23)
	for _, c := range []struct {
		name string
		tbs  [][]byte
		want bool
	}{
		{"RSA, NULL parameters", spki(seq(rsaOID, null), bits(rsaKey)), true},
		{"RSA, no parameters", spki(seq(rsaOID), bits(rsaKey)), true},
		{"RSA, parameters then more", spki(seq(rsaOID, null, null), bits(rsaKey)), false},
		{"RSA, key then more", spki(seq(rsaOID, null), bits(rsaKey, null)), false},
		{"RSA, three INTEGERs", spki(seq(rsaOID, null), bits(seq(integer(n...), integer(1, 0, 1), integer(1)))), false},
		{"RSA, modulus 0", spki(seq(rsaOID, null), bits(seq(integer(0), integer(1, 0, 1)))), false},
		{"RSA, exponent negative", spki(seq(rsaOID, null), bits(seq(integer(n...), integer(0xff)))), false},
		{"RSA, key with unused bits", spki(seq(rsaOID, null), tlv(0x03, []byte{1}, rsaKey)), false},
		{"RSA, SPKI then more", func() [][]byte {
			out := spki(seq(rsaOID, null), bits(rsaKey))
			out[6] = seq(seq(rsaOID, null), bits(rsaKey), null)
			return out
		}(), false},
		{"EC P-256", spki(seq(ecOID, p256), bits(point)), true},
		{"EC P-384", spki(seq(ecOID, p384), bits(point384)), true},
		{"EC P-521", spki(seq(ecOID, p521), bits(point521)), true},
		{"EC P-384 with a P-256 point", spki(seq(ecOID, p384), bits(point)), false},
		{"EC, curve then more", spki(seq(ecOID, p256, null), bits(point)), false},
		{"EC, no curve", spki(seq(ecOID), bits(point)), false},
		{"EC, P-224", spki(seq(ecOID, oid(0x2b, 0x81, 4, 0, 0x21)), bits(point)), false},
		{"EC, compressed point", spki(seq(ecOID, p256), bits(append([]byte{2}, point[1:33]...))), false},
		{"EC, point off the curve", spki(seq(ecOID, p256), bits(append(append([]byte(nil), point[:64]...), point[64]^1))), false},
		{"EC, empty point", spki(seq(ecOID, p256), bits()), false},
		{"Ed25519", spki(seq(ed), bits(edKey)), true},
		{"Ed25519, NULL parameters", spki(seq(ed, null), bits(edKey)), false},
		{"Ed25519, 31 bytes", spki(seq(ed), bits(edKey[:31])), false},
		{"Ed25519, 33 bytes", spki(seq(ed), bits(append(edKey, 0))), false},
		{"an unknown key algorithm", spki(seq(oid(0x2a, 3)), bits(edKey)), false},
		{"a bad algorithm OID", spki(seq(oid(0x2a, 0x83)), bits(edKey)), false},
	} {
		checkShape(t, c.name, reviewJoin(c.tbs, alg, sig), c.want)
	}
}

package certcheck

import (
	"encoding/asn1"
	"strings"
	"testing"

	"golang.org/x/crypto/cryptobyte"
)

// TestPSSBoundaries: salt length 0 (the limit) and -1, a weak and an unaccepted hash
// together, the tags the details name, and the malformed fields not covered elsewhere.
func TestPSSBoundaries(t *testing.T) {
	h256 := explicit(0, hashAI(oidSHA256, true))
	m256 := explicit(1, mgf(oidMGF1, hashAI(oidSHA256, true)))
	for _, tc := range []struct {
		name   string
		params []byte
		want   string
	}{
		{"salt 0", pssParams(h256, m256, explicit(2, integer(0))),
			"VCL.0711 signature algorithm RSASSA-PSS with hash SHA-256 and MGF1-SHA-256, salt length 0 (OID 1.2.840.113549.1.1.10)"},
		{"salt -1", pssParams(h256, m256, explicit(2, integer(-1))),
			"VPN.0071 signature algorithm RSASSA-PSS with malformed parameters: saltLength is not a non-negative INTEGER (RFC 4055 §3.1 RSASSA-PSS-params); accepted: RSA PKCS#1 v1.5 or ECDSA with SHA-256/384/512"},
		{"weak and unaccepted", pss(oidSHA1, oidSHA3),
			"VPN.0071 signature algorithm RSASSA-PSS with hash SHA-1 and MGF1-SHA3-256: SHA-1 is too weak, SHA3-256 is not accepted; use SHA-256, SHA-384 or SHA-512 for both the hash and MGF1"},
		{"two unaccepted", pss(oidSHA3, asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 10}),
			"VPN.0071 signature algorithm RSASSA-PSS with hash SHA3-256 and MGF1-SHA3-512: SHA3-256 and SHA3-512 are not accepted; use SHA-256, SHA-384 or SHA-512 for both the hash and MGF1"},
		{"sha224 twice", pss(oidSHA224, oidSHA224),
			"VPN.0071 signature algorithm RSASSA-PSS with hash SHA-224 and MGF1-SHA-224: SHA-224 is too weak; use SHA-256, SHA-384 or SHA-512 for both the hash and MGF1"},
		{"md2", pss(asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 2}, oidSHA256),
			"VPN.0071 signature algorithm RSASSA-PSS with hash MD2 and MGF1-SHA-256: MD2 is too weak; use SHA-256, SHA-384 or SHA-512 for both the hash and MGF1"},
		{"sha512/224", pss(asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 5}, oidSHA256),
			"VPN.0071 signature algorithm RSASSA-PSS with hash SHA-512/224 and MGF1-SHA-256: SHA-512/224 is too weak; use SHA-256, SHA-384 or SHA-512 for both the hash and MGF1"},
		{"sha3-224", pss(oidSHA256, asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 7}),
			"VPN.0071 signature algorithm RSASSA-PSS with hash SHA-256 and MGF1-SHA3-224: SHA3-224 is too weak; use SHA-256, SHA-384 or SHA-512 for both the hash and MGF1"},
		{"strong and weak", pss(oidSHA512, oidMD5),
			"VPN.0071 signature algorithm RSASSA-PSS with hash SHA-512 and MGF1-MD5: MD5 is too weak; use SHA-256, SHA-384 or SHA-512 for both the hash and MGF1"},
	} {
		if got := strings.Join(sigFindings(t, tc.params), "\n"); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	bad := func(f func(b *cryptobyte.Builder)) []byte {
		var b cryptobyte.Builder
		f(&b)
		return b.BytesOrPanic()
	}
	for _, tc := range []struct {
		name   string
		params []byte
		why    string
	}{
		{"INTEGER", []byte{0x02, 0x01, 0x01}, "the parameters are an INTEGER, not"},
		{"OCTET STRING", []byte{0x04, 0x00}, "the parameters are an OCTET STRING, not"},
		{"SET", []byte{0x31, 0x00}, "the parameters are a SET, not"},
		{"BOOLEAN", []byte{0x01, 0x01, 0x00}, "the parameters are an element of tag 0x01, not"},
		{"hash [0] not constructed", pssParams(raw(0x80, 0x00)), "an element of tag 0x80 where no RSASSA-PSS-params field may be"},
		{"hash not an AlgorithmIdentifier", pssParams(explicit(0, integer(1))), "hashAlgorithm: not an AlgorithmIdentifier"},
		{"hash NULL with content", pssParams(explicit(0, seq(func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oidSHA256) }, raw(0x05, 0x01, 0x00)))),
			"hashAlgorithm: malformed NULL parameters"},
		{"mgf not an AlgorithmIdentifier", pssParams(h256, explicit(1, integer(1))), "maskGenAlgorithm is not an AlgorithmIdentifier"},
		{"mgf followed by data", pssParams(h256, explicit(1, func(b *cryptobyte.Builder) { mgf(oidMGF1, hashAI(oidSHA256, true))(b); b.AddASN1NULL() })),
			"maskGenAlgorithm is not an AlgorithmIdentifier"},
		{"mgf1 hash followed by data", pssParams(h256, explicit(1, mgf(oidMGF1, func(b *cryptobyte.Builder) { hashAI(oidSHA256, true)(b); b.AddASN1NULL() }))),
			"MGF1 has data after its hash algorithm"},
		{"mgf1 hash malformed", pssParams(h256, explicit(1, mgf(oidMGF1, integer(1)))), "MGF1's hash: not an AlgorithmIdentifier"},
		{"salt not an INTEGER", pssParams(h256, m256, explicit(2, func(b *cryptobyte.Builder) { b.AddASN1NULL() })), "saltLength is not a non-negative INTEGER"},
		{"salt followed by data", pssParams(h256, m256, explicit(2, func(b *cryptobyte.Builder) { b.AddASN1Int64(1); b.AddASN1NULL() })), "saltLength is not a non-negative INTEGER"},
		{"trailer not an INTEGER", pssParams(h256, m256, explicit(3, func(b *cryptobyte.Builder) { b.AddASN1NULL() })), "trailerField is not an INTEGER"},
		{"trailer followed by data", pssParams(h256, m256, explicit(3, func(b *cryptobyte.Builder) { b.AddASN1Int64(1); b.AddASN1NULL() })), "trailerField is not an INTEGER"},
		{"trailer 0", pssParams(h256, m256, explicit(3, integer(0))), "trailerField is 0; RFC 4055 requires 1"},
		{"unreadable after the fields", pssParams(h256, raw(0x30, 0x05)), "unreadable data after the RSASSA-PSS-params fields"},
		{"hash [0] malformed", bad(func(b *cryptobyte.Builder) { b.AddBytes([]byte{0x30, 0x02, 0xa0, 0x05}) }), "hashAlgorithm [0] is malformed"},
	} {
		got := sigFindings(t, tc.params)
		if len(got) != 1 || !strings.HasPrefix(got[0], "VPN.0071 signature algorithm RSASSA-PSS with malformed parameters: ") || !strings.Contains(got[0], tc.why) {
			t.Errorf("%s: %q, want one VPN.0071 saying %q", tc.name, got, tc.why)
		}
	}
	if p, err := parsePSSParams(pssParams(h256, m256)); err != nil || p.Absent || p.HashDefault || p.MGFDefault || p.SaltLength != 20 {
		t.Errorf("no salt: %+v %v", p, err)
	}
}

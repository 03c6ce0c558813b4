package certcheck

import (
	"encoding/asn1"
	"encoding/pem"
	"os"
	"strings"
	"testing"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

var (
	oidSHA1   = asn1.ObjectIdentifier{1, 3, 14, 3, 2, 26}
	oidMD5    = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 5}
	oidSHA224 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 4}
	oidSHA256 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidSHA384 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 2}
	oidSHA512 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 3}
	oidSHA3   = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 8}
)

// hashAI is a HashAlgorithm AlgorithmIdentifier, with NULL parameters when null.
func hashAI(oid asn1.ObjectIdentifier, null bool) func(*cryptobyte.Builder) {
	return func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1ObjectIdentifier(oid)
			if null {
				b.AddASN1NULL()
			}
		})
	}
}

// mgf is a MaskGenAlgorithm: the OID with a HashAlgorithm parameter (none when hash is nil).
func mgf(oid asn1.ObjectIdentifier, hash func(*cryptobyte.Builder)) func(*cryptobyte.Builder) {
	return func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1ObjectIdentifier(oid)
			if hash != nil {
				hash(b)
			}
		})
	}
}

func explicit(n int, f func(*cryptobyte.Builder)) func(*cryptobyte.Builder) {
	return func(b *cryptobyte.Builder) { b.AddASN1(cbasn1.Tag(n).Constructed().ContextSpecific(), f) }
}

func integer(v int64) func(*cryptobyte.Builder) {
	return func(b *cryptobyte.Builder) { b.AddASN1Int64(v) }
}

// pssParams is an RSASSA-PSS-params SEQUENCE of the given fields.
func pssParams(fields ...func(*cryptobyte.Builder)) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		for _, f := range fields {
			f(b)
		}
	})
	return b.BytesOrPanic()
}

// pss is the usual parameters: hash h, MGF1 with hash m, salt length 32.
func pss(h, m asn1.ObjectIdentifier) []byte {
	return pssParams(explicit(0, hashAI(h, true)), explicit(1, mgf(oidMGF1, hashAI(m, true))), explicit(2, integer(32)))
}

func sigFindings(t *testing.T, params []byte) []string {
	t.Helper()
	c := &Cert{Name: "x", Raw: &Raw{SigAlg: oidRSAPSS, SigParams: params}}
	var out []string
	for _, f := range checkSignatureAlgorithm(c, nil) {
		out = append(out, f.Code+" "+f.Detail)
	}
	return out
}

func TestPSSHashes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		params []byte
		code   string
		detail string
	}{
		// Strong hashes in both: the PSS warning alone.
		{"sha256", pss(oidSHA256, oidSHA256), "VCL.0711", "RSASSA-PSS with hash SHA-256 and MGF1-SHA-256, salt length 32"},
		{"sha384", pss(oidSHA384, oidSHA384), "VCL.0711", "hash SHA-384 and MGF1-SHA-384"},
		{"sha512", pss(oidSHA512, oidSHA512), "VCL.0711", "hash SHA-512 and MGF1-SHA-512"},
		{"sha256 with mgf1-sha512", pss(oidSHA256, oidSHA512), "VCL.0711", "hash SHA-256 and MGF1-SHA-512"},
		{"hash without NULL", pssParams(explicit(0, hashAI(oidSHA256, false)), explicit(1, mgf(oidMGF1, hashAI(oidSHA256, false)))),
			"VCL.0711", "hash SHA-256 and MGF1-SHA-256, salt length 20"},
		{"trailer 1", pssParams(explicit(0, hashAI(oidSHA256, true)), explicit(1, mgf(oidMGF1, hashAI(oidSHA256, true))), explicit(2, integer(32)), explicit(3, integer(1))),
			"VCL.0711", "SHA-256"},
		// A weak hash in either place, or the RFC 4055 defaults.
		{"absent", nil, "VPN.0071", "RSASSA-PSS with hash SHA-1 and MGF1-SHA-1 (parameters absent: RFC 4055 defaults; RFC 4055 requires them in a signature): SHA-1 is too weak"},
		{"empty sequence", pssParams(), "VPN.0071", "hash SHA-1 and MGF1-SHA-1 (hashAlgorithm and maskGenAlgorithm absent from the parameters: RFC 4055 defaults): SHA-1 is too weak"},
		{"only salt", pssParams(explicit(2, integer(32))), "VPN.0071", "hash SHA-1 and MGF1-SHA-1 (hashAlgorithm and maskGenAlgorithm absent"},
		{"sha1 explicit", pss(oidSHA1, oidSHA1), "VPN.0071", "hash SHA-1 and MGF1-SHA-1: SHA-1 is too weak; use SHA-256, SHA-384 or SHA-512 for both the hash and MGF1"},
		{"sha256 mgf1 default", pssParams(explicit(0, hashAI(oidSHA256, true)), explicit(2, integer(32))),
			"VPN.0071", "hash SHA-256 and MGF1-SHA-1 (maskGenAlgorithm absent from the parameters: RFC 4055 default): SHA-1 is too weak"},
		{"sha256 mgf1-sha1", pss(oidSHA256, oidSHA1), "VPN.0071", "hash SHA-256 and MGF1-SHA-1: SHA-1 is too weak"},
		{"sha1 mgf1-sha256", pss(oidSHA1, oidSHA256), "VPN.0071", "hash SHA-1 and MGF1-SHA-256: SHA-1 is too weak"},
		{"hash default mgf1-sha256", pssParams(explicit(1, mgf(oidMGF1, hashAI(oidSHA256, true)))),
			"VPN.0071", "hash SHA-1 and MGF1-SHA-256 (hashAlgorithm absent from the parameters: RFC 4055 default)"},
		{"sha224", pss(oidSHA224, oidSHA224), "VPN.0071", "SHA-224 is too weak"},
		{"md5 and sha1", pss(oidMD5, oidSHA1), "VPN.0071", "MD5 and SHA-1 are too weak"},
		{"sha3", pss(oidSHA3, oidSHA3), "VPN.0071", "SHA3-256 is not accepted"},
	} {
		got := sigFindings(t, tc.params)
		if len(got) != 1 || !strings.HasPrefix(got[0], tc.code+" ") || !strings.Contains(got[0], tc.detail) {
			t.Errorf("%s: %q, want one %s containing %q", tc.name, got, tc.code, tc.detail)
		}
	}
}

func TestPSSMalformedParams(t *testing.T) {
	good := pss(oidSHA256, oidSHA256)
	for _, tc := range []struct {
		name   string
		params []byte
		why    string
	}{
		{"NULL", []byte{0x05, 0x00}, "the parameters are NULL, not an RSASSA-PSS-params SEQUENCE"},
		{"OID", []byte{0x06, 0x01, 0x2a}, "an OBJECT IDENTIFIER, not"},
		{"garbage", []byte{0xff}, "not an RSASSA-PSS-params SEQUENCE"},
		{"truncated", good[:len(good)-1], "truncated"},
		{"trailing", append(append([]byte(nil), good...), 0x05, 0x00), "2 byte(s) follow the RSASSA-PSS-params SEQUENCE"},
		{"unknown hash", pss(asn1.ObjectIdentifier{1, 2, 3, 4}, oidSHA256), "hashAlgorithm: unknown hash algorithm (OID 1.2.3.4)"},
		{"unknown mgf1 hash", pss(oidSHA256, asn1.ObjectIdentifier{1, 2, 3, 4}), "MGF1's hash: unknown hash algorithm (OID 1.2.3.4)"},
		{"not mgf1", pssParams(explicit(0, hashAI(oidSHA256, true)), explicit(1, mgf(asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 9}, hashAI(oidSHA256, true)))),
			"the mask generation function is 1.2.840.113549.1.1.9, not MGF1"},
		{"mgf1 without hash", pssParams(explicit(0, hashAI(oidSHA256, true)), explicit(1, mgf(oidMGF1, nil))), "MGF1 has no hash algorithm parameter"},
		{"hash with parameters", pssParams(explicit(0, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oidSHA256); b.AddASN1Int64(1) })
		})), "hash 2.16.840.1.101.3.4.2.1 has parameters other than NULL"},
		{"trailer 2", pssParams(explicit(0, hashAI(oidSHA256, true)), explicit(1, mgf(oidMGF1, hashAI(oidSHA256, true))), explicit(3, integer(2))),
			"trailerField is 2; RFC 4055 requires 1"},
		{"negative salt", pssParams(explicit(0, hashAI(oidSHA256, true)), explicit(2, integer(-1))), "saltLength is not a non-negative INTEGER"},
		{"out of order", pssParams(explicit(1, mgf(oidMGF1, hashAI(oidSHA256, true))), explicit(0, hashAI(oidSHA256, true))), "an element of tag 0xa0 where no RSASSA-PSS-params field may be"},
		{"extra field", pssParams(explicit(0, hashAI(oidSHA256, true)), explicit(4, integer(1))), "an element of tag 0xa4 where no RSASSA-PSS-params field may be"},
		{"two hashes in [0]", pssParams(explicit(0, func(b *cryptobyte.Builder) { hashAI(oidSHA256, true)(b); hashAI(oidSHA256, true)(b) })),
			"hashAlgorithm [0] has data after its AlgorithmIdentifier"},
	} {
		got := sigFindings(t, tc.params)
		if len(got) != 1 || !strings.HasPrefix(got[0], "VPN.0071 signature algorithm RSASSA-PSS with malformed parameters: ") || !strings.Contains(got[0], tc.why) {
			t.Errorf("%s: %q, want one VPN.0071 saying %q", tc.name, got, tc.why)
		}
	}
}

// TestPSSThirdParty reads the RSASSA-PSS certificates of pyca's test vectors (Debian package
// python3-cryptography-vectors) where installed: rsa_pss.pem's parameters are an empty
// SEQUENCE (SHA-1 and MGF1-SHA-1 by RFC 4055's defaults), rsa_pss_cert.pem's name SHA-256.
func TestPSSThirdParty(t *testing.T) {
	const dir = "/usr/lib/python3/dist-packages/cryptography_vectors/x509/custom/"
	want := map[string]string{
		"rsa_pss.pem":      "VPN.0071 signature algorithm RSASSA-PSS with hash SHA-1 and MGF1-SHA-1 (hashAlgorithm and maskGenAlgorithm absent from the parameters: RFC 4055 defaults): SHA-1 is too weak",
		"rsa_pss_cert.pem": "VCL.0711 signature algorithm RSASSA-PSS with hash SHA-256 and MGF1-SHA-256, salt length 222",
	}
	for name, w := range want {
		data, err := os.ReadFile(dir + name)
		if err != nil {
			t.Skip("pyca's test vectors are not installed (Debian package python3-cryptography-vectors)")
		}
		b, _ := pem.Decode(data)
		if b == nil {
			t.Fatalf("%s: no PEM block", name)
		}
		c := NewCert(b.Bytes, name, 1, name)
		var got []string
		for _, f := range checkSignatureAlgorithm(c, nil) {
			got = append(got, f.Code+" "+f.Detail)
		}
		if len(got) != 1 || !strings.HasPrefix(got[0], w) {
			t.Errorf("%s: %q, want %q…", name, got, w)
		}
	}
}

package certcheck

import (
	"encoding/asn1"
	"fmt"
)

// Object identifiers of key and signature algorithms (RFC 3279, 4055, 5480, 5758, 8410,
// GM/T 0006 for SM2/SM3, RFC 5639 for brainpool).
var (
	oidRSA     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}
	oidRSAPSS  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 10}
	oidDSA     = asn1.ObjectIdentifier{1, 2, 840, 10040, 4, 1}
	oidEC      = asn1.ObjectIdentifier{1, 2, 840, 10045, 2, 1}
	oidEd25519 = asn1.ObjectIdentifier{1, 3, 101, 112}
	oidEd448   = asn1.ObjectIdentifier{1, 3, 101, 113}
	oidX25519  = asn1.ObjectIdentifier{1, 3, 101, 110}
	oidX448    = asn1.ObjectIdentifier{1, 3, 101, 111}
	oidSM2     = asn1.ObjectIdentifier{1, 2, 156, 10197, 1, 301}
)

// keyAlgorithmNames names SPKI algorithms.
var keyAlgorithmNames = map[string]string{
	oidRSA.String():     "RSA",
	oidRSAPSS.String():  "RSASSA-PSS",
	oidDSA.String():     "DSA",
	oidEC.String():      "EC",
	oidEd25519.String(): "Ed25519",
	oidEd448.String():   "Ed448",
	oidX25519.String():  "X25519",
	oidX448.String():    "X448",
	oidSM2.String():     "SM2",
}

// curveNames names EC curves by OID.
var curveNames = map[string]string{
	"1.2.840.10045.3.1.7":   "P-256",
	"1.3.132.0.34":          "P-384",
	"1.3.132.0.35":          "P-521",
	"1.3.132.0.33":          "P-224",
	"1.2.840.10045.3.1.1":   "P-192",
	"1.3.132.0.10":          "secp256k1",
	"1.2.156.10197.1.301":   "SM2",
	"1.3.36.3.3.2.8.1.1.1":  "brainpoolP160r1",
	"1.3.36.3.3.2.8.1.1.3":  "brainpoolP192r1",
	"1.3.36.3.3.2.8.1.1.5":  "brainpoolP224r1",
	"1.3.36.3.3.2.8.1.1.7":  "brainpoolP256r1",
	"1.3.36.3.3.2.8.1.1.9":  "brainpoolP320r1",
	"1.3.36.3.3.2.8.1.1.11": "brainpoolP384r1",
	"1.3.36.3.3.2.8.1.1.13": "brainpoolP512r1",
}

// KeyName describes a key for humans: "RSA-2048", "EC P-256", "Ed448", "unknown (1.2.3)".
func (k KeyInfo) KeyName() string {
	if !k.Parsed {
		return "unreadable key"
	}
	alg, curve := k.names()
	if alg == "" {
		return fmt.Sprintf("unknown key algorithm (OID %s)", k.Algorithm)
	}
	switch alg {
	case "RSA", "RSASSA-PSS":
		if k.RSABits == 0 {
			return alg + " (unreadable modulus)"
		}
		if k.Modulus != nil && k.Modulus.Sign() < 0 {
			return fmt.Sprintf("%s with a negative modulus (a %d-byte INTEGER)", alg, k.ModulusBytes)
		}
		return fmt.Sprintf("%s-%d", alg, k.RSABits)
	case "EC":
		if k.ExplicitCurve {
			return "EC with explicit curve parameters"
		}
		if curve != "" {
			return "EC " + curve
		}
		return fmt.Sprintf("EC on unknown curve (OID %s)", k.Curve)
	}
	return alg
}

// sigAlg describes one signature algorithm OID.
type sigAlg struct {
	Name string
	Hash string // "" for EdDSA
}

var sigAlgs = map[string]sigAlg{
	"1.2.840.113549.1.1.2":   {"md2WithRSAEncryption", "MD2"},
	"1.2.840.113549.1.1.3":   {"md4WithRSAEncryption", "MD4"},
	"1.2.840.113549.1.1.4":   {"md5WithRSAEncryption", "MD5"},
	"1.2.840.113549.1.1.5":   {"sha1WithRSAEncryption", "SHA-1"},
	"1.3.14.3.2.29":          {"sha1WithRSA (OIW)", "SHA-1"},
	"1.2.840.113549.1.1.14":  {"sha224WithRSAEncryption", "SHA-224"},
	"1.2.840.113549.1.1.11":  {"sha256WithRSAEncryption", "SHA-256"},
	"1.2.840.113549.1.1.12":  {"sha384WithRSAEncryption", "SHA-384"},
	"1.2.840.113549.1.1.13":  {"sha512WithRSAEncryption", "SHA-512"},
	"1.2.840.113549.1.1.10":  {"RSASSA-PSS", ""},
	"1.2.840.10040.4.3":      {"dsa-with-SHA1", "SHA-1"},
	"2.16.840.1.101.3.4.3.1": {"dsa-with-SHA224", "SHA-224"},
	"2.16.840.1.101.3.4.3.2": {"dsa-with-SHA256", "SHA-256"},
	"1.2.840.10045.4.1":      {"ecdsa-with-SHA1", "SHA-1"},
	"1.2.840.10045.4.3.1":    {"ecdsa-with-SHA224", "SHA-224"},
	"1.2.840.10045.4.3.2":    {"ecdsa-with-SHA256", "SHA-256"},
	"1.2.840.10045.4.3.3":    {"ecdsa-with-SHA384", "SHA-384"},
	"1.2.840.10045.4.3.4":    {"ecdsa-with-SHA512", "SHA-512"},
	"1.3.101.112":            {"Ed25519", ""},
	"1.3.101.113":            {"Ed448", ""},
	"1.2.156.10197.1.501":    {"SM2-with-SM3", "SM3"},
}

// SigAlgName names a signature algorithm OID.
func SigAlgName(oid asn1.ObjectIdentifier) string {
	if s, ok := sigAlgs[oid.String()]; ok {
		return s.Name
	}
	if len(oid) == 0 {
		return "unreadable signature algorithm"
	}
	return fmt.Sprintf("unknown signature algorithm (OID %s)", oid)
}

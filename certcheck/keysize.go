package certcheck

import (
	"errors"
	"fmt"

	"github.com/vpncertlint/vpncertlint/lint"
)

// Bounds on the public key before the X.509 parser sees it. zcrypto verifies the signature of
// a self-signed certificate while parsing; with an enormous RSA modulus or exponent (or DSA
// parameters) that costs seconds to hours of CPU, so such keys are not handed to it at all.
const (
	// maxRSABits is the largest RSA modulus parsed (OpenSSL's OPENSSL_RSA_MAX_MODULUS_BITS).
	maxRSABits = 16384
	// maxRSAExponentBits: exponents of more than 2^32 are refused.
	maxRSAExponentBits = 33
	// maxSPKIBytes bounds the SubjectPublicKeyInfo of any other algorithm.
	maxSPKIBytes = 8192
)

// errKeyTooLarge is the ParseErr of a certificate whose key exceeds the bounds above; the
// key-size check reports it, the content check stays silent.
var errKeyTooLarge = errors.New("public key too large to be parsed")

var codeKeyTooLarge = lint.Register(lint.Code{
	ID: "VCL.0709", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0070",
	Message:  "The key of certificate %s is too large to be checked.",
	DescEN:   "The public key is larger than any real key (an RSA modulus above 16384 bits, an RSA exponent above 2^32, or a key structure above 8 KiB). OpenSSL and most TLS libraries refuse such keys. vpncertlint does not parse the certificate further, to bound the time spent on it, so its other properties are not checked.",
	RemedyEN: "Re-issue the certificate with an RSA 3072 or 4096 key and the exponent 65537.",
	DescZH:   "证书%s的公钥过大,无法检查。",
	RemedyZH: "请使用RSA 3072或4096位密钥(公钥指数65537)重新签发证书。",
}).ID

var keySizeBoundCheck = &Check{
	Name:  "key-size-bound",
	Doc:   "Keys too large to parse safely (RSA above 16384 bits or exponent above 2^32, other keys above 8 KiB) are reported and not parsed further.",
	Codes: []string{codeKeyTooLarge},
	Run:   lint.Returning(checkKeyTooLarge),
}

// keyTooLarge says why the key of raw must not be handed to the X.509 parser ("" if it may).
func keyTooLarge(raw *Raw) string {
	if raw == nil || raw.RawSPKI == nil {
		return ""
	}
	k := raw.Key
	switch {
	case k.RSABits > maxRSABits:
		return fmt.Sprintf("RSA modulus of %d bits (at most %d are parsed)", k.RSABits, maxRSABits)
	case k.Exponent != nil && k.Exponent.BitLen() > maxRSAExponentBits:
		return fmt.Sprintf("RSA public exponent of %d bits (at most 2^32 is parsed)", k.Exponent.BitLen())
	case len(raw.RawSPKI) > maxSPKIBytes:
		return fmt.Sprintf("SubjectPublicKeyInfo of %d bytes (at most %d are parsed)", len(raw.RawSPKI), maxSPKIBytes)
	}
	return ""
}

func checkKeyTooLarge(c *Cert, _ *Env) []lint.Finding {
	if why := keyTooLarge(c.Raw); why != "" {
		return []lint.Finding{c.Finding(codeKeyTooLarge, why+"; the certificate was not parsed further")}
	}
	return nil
}

package pemformat

import (
	"encoding/asn1"
	"fmt"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Content types of PKCS#7 / CMS (RFC 2315 §14, RFC 5652 §5.1).
var (
	oidPKCS7Data       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidPKCS7SignedData = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
)

// containerHint recognises binary PKCS#12 (PFX, RFC 7292 §4: SEQUENCE { version INTEGER 3,
// authSafe ContentInfo, macData OPTIONAL }) and PKCS#7 SignedData (a .p7b/.p7c certificate
// bundle: ContentInfo { signedData, [0] … }) and says how to convert them to the PEM the
// cloud takes.
func containerHint(data []byte, file string) (string, bool) {
	in := cryptobyte.String(data)
	var seq cryptobyte.String
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) {
		return "", false
	}
	// PKCS#12: version 3, then a ContentInfo of type data (or signedData).
	probe := seq
	var version int64
	if probe.ReadASN1Int64WithTag(&version, cbasn1.INTEGER) && version == 3 {
		var ci cryptobyte.String
		var oid asn1.ObjectIdentifier
		if probe.ReadASN1(&ci, cbasn1.SEQUENCE) && ci.ReadASN1ObjectIdentifier(&oid) &&
			(oid.Equal(oidPKCS7Data) || oid.Equal(oidPKCS7SignedData)) {
			return fmt.Sprintf("a PKCS#12 archive (.pfx/.p12: certificate and private key, usually password-protected), not a PEM certificate; "+
				"extract the certificates with: openssl pkcs12 -in %s -nokeys -out cert.pem "+
				"(for Certificate Manager also the key, unencrypted: openssl pkcs12 -in %s -nocerts -nodes -out server.key; add -legacy for old RC2/3DES archives)", file, file), true
		}
	}
	// PKCS#7: ContentInfo { contentType signedData, content [0] EXPLICIT }.
	probe = seq
	var oid asn1.ObjectIdentifier
	if probe.ReadASN1ObjectIdentifier(&oid) && oid.Equal(oidPKCS7SignedData) &&
		probe.PeekASN1Tag(cbasn1.Tag(0).Constructed().ContextSpecific()) {
		return fmt.Sprintf("a binary PKCS#7 bundle (.p7b/.p7c), not a PEM certificate; extract the certificates with: openssl pkcs7 -inform DER -print_certs -in %s -out certs.pem", file), true
	}
	return "", false
}

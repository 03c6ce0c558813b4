package crlcheck

import (
	"fmt"

	"github.com/zmap/zcrypto/x509"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// parseV1 reads a version 1 CRL, whose TBSCertList has no version field: RFC 5280 §5 has
// conforming applications process v1 and v2 CRLs, and `openssl ca -gencrl` without a
// crlnumber file or crl_extensions writes v1. zcrypto refuses them ("unsupported crl
// version"), so the structure is walked here:
//
//	CertificateList ::= SEQUENCE { tbsCertList, signatureAlgorithm, signatureValue BIT STRING }
//	TBSCertList ::= SEQUENCE { [version absent] signature, issuer Name, thisUpdate Time,
//	                           nextUpdate Time OPTIONAL, revokedCertificates SEQUENCE OPTIONAL, ... }
//
// and its fields are then read by zcrypto from a copy whose TBSCertList has the version
// v2 inserted (everything else byte for byte), so that they are read exactly as a v2 CRL's.
// Raw, RawTBSRevocationList and RawIssuer are set back to the original bytes, so the
// signature is verified over what the issuer signed. ok is false when der is not a
// CertificateList whose TBSCertList starts without a version or with version v1 (then
// zcrypto's error stands).
func parseV1(der []byte, parse func([]byte) (*x509.RevocationList, error)) (rl *x509.RevocationList, ok bool, err error) {
	in := cryptobyte.String(der)
	var whole, list, tbsElem, sigAlgElem, sigElem cryptobyte.String
	if !in.ReadASN1Element(&whole, cbasn1.SEQUENCE) {
		return nil, false, nil
	}
	list = whole
	if !list.ReadASN1(&list, cbasn1.SEQUENCE) ||
		!list.ReadASN1Element(&tbsElem, cbasn1.SEQUENCE) ||
		!list.ReadASN1Element(&sigAlgElem, cbasn1.SEQUENCE) ||
		!list.ReadASN1Element(&sigElem, cbasn1.BIT_STRING) {
		return nil, false, nil
	}
	tbs := tbsElem
	var tbsBody, sigAI, issuer cryptobyte.String
	if !tbs.ReadASN1(&tbsBody, cbasn1.SEQUENCE) {
		return nil, false, nil
	}
	// v1: the first field is the signature AlgorithmIdentifier, not an INTEGER; a version
	// written out as v1 (INTEGER 0, which DER omits) is read the same way.
	if tbsBody.PeekASN1Tag(cbasn1.INTEGER) {
		var v int64
		if !tbsBody.ReadASN1Int64WithTag(&v, cbasn1.INTEGER) || v != 0 {
			return nil, false, nil
		}
	}
	body := tbsBody
	if !body.PeekASN1Tag(cbasn1.SEQUENCE) || !body.ReadASN1Element(&sigAI, cbasn1.SEQUENCE) ||
		!body.ReadASN1Element(&issuer, cbasn1.SEQUENCE) {
		return nil, false, nil
	}
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1Int64(1) // v2
			b.AddBytes(tbsBody)
		})
		b.AddBytes(sigAlgElem)
		b.AddBytes(sigElem)
	})
	patched, berr := b.Bytes()
	if berr != nil {
		return nil, true, fmt.Errorf("x509: malformed version 1 crl (%v)", berr)
	}
	rl, err = parse(patched)
	if err != nil {
		return nil, true, fmt.Errorf("version 1 CRL: %w", err)
	}
	rl.Raw = []byte(whole)
	rl.RawTBSRevocationList = []byte(tbsElem)
	rl.RawIssuer = []byte(issuer)
	return rl, true, nil
}

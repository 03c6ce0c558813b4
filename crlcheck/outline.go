package crlcheck

import (
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// HasOutline reports whether der has the outline of a CRL (RFC 5280 5.1), read without
// allocating: CertificateList SEQUENCE { tbsCertList SEQUENCE { version INTEGER OPTIONAL,
// signature SEQUENCE, issuer SEQUENCE, thisUpdate Time, nextUpdate Time OPTIONAL,
// revokedCertificates SEQUENCE OF SEQUENCE { INTEGER, Time, SEQUENCE OPTIONAL } OPTIONAL,
// [0] crlExtensions OPTIONAL }, signatureAlgorithm SEQUENCE, signatureValue BIT STRING },
// with nothing after it. Every CRL NewCRL parses has it; what is inside the fields is not
// judged. It costs no memory whatever the number of entries, where a parse takes several
// times the CRL's size.
func HasOutline(der []byte) bool {
	in := cryptobyte.String(der)
	var list, tbs, x cryptobyte.String
	if !in.ReadASN1(&list, cbasn1.SEQUENCE) || !in.Empty() || !list.ReadASN1(&tbs, cbasn1.SEQUENCE) {
		return false
	}
	if tbs.PeekASN1Tag(cbasn1.INTEGER) && !tbs.SkipASN1(cbasn1.INTEGER) {
		return false
	}
	// signature, issuer, thisUpdate
	if !tbs.SkipASN1(cbasn1.SEQUENCE) {
		return false
	}
	if !tbs.SkipASN1(cbasn1.SEQUENCE) || !skipTime(&tbs) {
		return false
	}
	if (tbs.PeekASN1Tag(cbasn1.UTCTime) || tbs.PeekASN1Tag(cbasn1.GeneralizedTime)) && !skipTime(&tbs) {
		return false
	}
	if tbs.PeekASN1Tag(cbasn1.SEQUENCE) && !skipRevoked(&tbs) {
		return false
	}
	if tbs.PeekASN1Tag(cbasn1.Tag(0).Constructed().ContextSpecific()) && !tbs.SkipASN1(cbasn1.Tag(0).Constructed().ContextSpecific()) {
		return false
	}
	return tbs.Empty() && list.SkipASN1(cbasn1.SEQUENCE) && list.ReadASN1(&x, cbasn1.BIT_STRING) && list.Empty()
}

// skipRevoked skips the revokedCertificates SEQUENCE OF SEQUENCE { INTEGER, Time, SEQUENCE
// OPTIONAL }.
func skipRevoked(tbs *cryptobyte.String) bool {
	var revoked cryptobyte.String
	if !tbs.ReadASN1(&revoked, cbasn1.SEQUENCE) {
		return false
	}
	for !revoked.Empty() {
		var entry cryptobyte.String
		if !revoked.ReadASN1(&entry, cbasn1.SEQUENCE) || !entry.SkipASN1(cbasn1.INTEGER) || !skipTime(&entry) {
			return false
		}
		if !entry.Empty() && (!entry.SkipASN1(cbasn1.SEQUENCE) || !entry.Empty()) {
			return false
		}
	}
	return true
}

func skipTime(s *cryptobyte.String) bool {
	switch {
	case s.PeekASN1Tag(cbasn1.UTCTime):
		return s.SkipASN1(cbasn1.UTCTime)
	case s.PeekASN1Tag(cbasn1.GeneralizedTime):
		return s.SkipASN1(cbasn1.GeneralizedTime)
	}
	return false
}

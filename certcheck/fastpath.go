package certcheck

import (
	"bytes"
	"crypto/ecdh"
	"crypto/ed25519"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// zcryptoAccepts reports whether zcrypto's x509.ParseCertificate certainly accepts der, so
// that the parse (the largest part of a run without zlint, and not needed by the VPN checks,
// which read Raw) can be left until something asks for it (Cert.X: zlint, a chain or CRL
// signature). It is conservative: it accepts only what every step of zcrypto's parse is known
// to accept, read as strictly as DER allows (cryptobyte), and returns false for anything
// else, which then takes zcrypto's parse as before. A false answer is always safe; a true one
// must be right, which TestFastPathImpliesZcrypto (fixtures, ../shared/corpus, PKITS, pyca's
// vectors, every single-byte change of those seeds), the review's probes
// (fastpath_probes_test.go) and FuzzFastPath check.
//
// What zcrypto's parse does and how this mirrors it (zcrypto/x509.parseCertificate and its
// fork of encoding/asn1):
//   - asn1.Unmarshal of the Certificate: every element's tag and length, minimal INTEGERs,
//     BIT STRING padding, OBJECT IDENTIFIER arcs, BOOLEANs of 0x00/0xff, times that format
//     back to their text. Here: the same elements, in order, with nothing left over (zcrypto
//     allows trailing elements inside a SEQUENCE; this does not), a version of 0–2, arcs of
//     at most four bytes, UTCTime and GeneralizedTime in their 13- and 15-character Z forms
//     with a real date, and no unique identifiers.
//   - The public key: RSA (a SEQUENCE of two positive minimal INTEGERs), ECDSA on P-256,
//     P-384 or P-521 (a named curve and an uncompressed point on the curve), Ed25519 (exactly
//     32 bytes: on a self-signed certificate zcrypto checks the signature while parsing, and
//     ed25519.Verify panics on another length; the RSA and EC checks never fail the parse).
//     Any other key algorithm takes zcrypto's parse.
//   - The issuer and subject as RDNSequences: SETs of SEQUENCE { OID, value } whose value is
//     one of the string types zcrypto checks (PrintableString, also '*' and '&'; IA5String;
//     UTF8String; NumericString; BMPString) and passes, or one it takes as it is (T61String,
//     VisibleString, GeneralString, UniversalString). Any other value takes zcrypto's parse.
//   - The extensions zcrypto reads and may fail on: subjectKeyIdentifier,
//     authorityKeyIdentifier, extKeyUsage, subject and issuer alternative names (e-mail, DNS,
//     URI, IP of 4 or 16 bytes, directory names, registered IDs, other names), name
//     constraints (e-mail, DNS, URI, IP-range and directory-name bases), CRL distribution
//     points (fullName, reasons, cRLIssuer), certificatePolicies (qualifiers; user notices
//     with string texts and INTEGER notice numbers) and authorityInfoAccess. SCTs, the CT
//     poison, Tor service descriptors, the CA/B Forum organization identifier, QC
//     statements, x400Address and ediPartyName names, a nameRelativeToCRLIssuer and keys
//     other than RSA, ECDSA on P-256/384/521 and Ed25519 take zcrypto's parse. Other
//     extensions (keyUsage and basicConstraints, whose errors zcrypto ignores, and those it
//     does not read) need only be Extension SEQUENCEs.
func zcryptoAccepts(der []byte) bool {
	in := cryptobyte.String(der)
	var cert, tbs, alg cryptobyte.String
	if !in.ReadASN1(&cert, cbasn1.SEQUENCE) || !in.Empty() ||
		!cert.ReadASN1(&tbs, cbasn1.SEQUENCE) ||
		!cert.ReadASN1(&alg, cbasn1.SEQUENCE) || !fpAlgorithm(alg) ||
		!fpBitString(&cert, nil) || !cert.Empty() {
		return false
	}
	return fpTBS(tbs)
}

var (
	tagCtx0c = cbasn1.Tag(0).Constructed().ContextSpecific()
	tagCtx1c = cbasn1.Tag(1).Constructed().ContextSpecific()
	tagCtx3c = cbasn1.Tag(3).Constructed().ContextSpecific()
	tagCtx0  = cbasn1.Tag(0).ContextSpecific()
	tagCtx1  = cbasn1.Tag(1).ContextSpecific()
	tagCtx2  = cbasn1.Tag(2).ContextSpecific()
	tagCtx6  = cbasn1.Tag(6).ContextSpecific()
	tagCtx7  = cbasn1.Tag(7).ContextSpecific()
	tagCtx8  = cbasn1.Tag(8).ContextSpecific()
	tagCtx2c = cbasn1.Tag(2).Constructed().ContextSpecific()
	tagCtx4c = cbasn1.Tag(4).Constructed().ContextSpecific()
)

func fpTBS(tbs cryptobyte.String) bool {
	if !fpVersion(&tbs) {
		return false
	}
	var serial, alg, issuer, validity, subject, spki cryptobyte.String
	if !tbs.ReadASN1(&serial, cbasn1.INTEGER) || !fpInteger(serial) ||
		!tbs.ReadASN1(&alg, cbasn1.SEQUENCE) || !fpAlgorithm(alg) ||
		!tbs.ReadASN1(&issuer, cbasn1.SEQUENCE) || !fpName(issuer) ||
		!tbs.ReadASN1(&validity, cbasn1.SEQUENCE) || !fpTime(&validity) || !fpTime(&validity) || !validity.Empty() ||
		!tbs.ReadASN1(&subject, cbasn1.SEQUENCE) || !fpName(subject) ||
		!tbs.ReadASN1(&spki, cbasn1.SEQUENCE) || !fpPublicKey(spki) {
		return false
	}
	if tbs.Empty() {
		return true
	}
	var exts, list cryptobyte.String
	if !tbs.ReadASN1(&exts, tagCtx3c) || !tbs.Empty() || // unique identifiers, or anything else: zcrypto
		!exts.ReadASN1(&list, cbasn1.SEQUENCE) || !exts.Empty() {
		return false
	}
	for !list.Empty() {
		if !fpExtensionField(&list) {
			return false
		}
	}
	return true
}

// fpVersion reads the optional [0] EXPLICIT version: v1, v2 or v3 in one byte.
func fpVersion(tbs *cryptobyte.String) bool {
	if !tbs.PeekASN1Tag(tagCtx0c) {
		return true
	}
	var v, ver cryptobyte.String
	return tbs.ReadASN1(&v, tagCtx0c) && v.ReadASN1(&ver, cbasn1.INTEGER) && v.Empty() &&
		len(ver) == 1 && ver[0] <= 2
}

// fpExtensionField reads one Extension SEQUENCE { OID, critical BOOLEAN OPTIONAL, OCTET
// STRING } and checks its value.
func fpExtensionField(list *cryptobyte.String) bool {
	var ext, oid, value cryptobyte.String
	if !list.ReadASN1(&ext, cbasn1.SEQUENCE) ||
		!ext.ReadASN1(&oid, cbasn1.OBJECT_IDENTIFIER) || !validOID(oid) {
		return false
	}
	if ext.PeekASN1Tag(cbasn1.BOOLEAN) {
		var b cryptobyte.String
		if !ext.ReadASN1(&b, cbasn1.BOOLEAN) || len(b) != 1 || b[0] != 0 && b[0] != 0xff {
			return false
		}
	}
	return ext.ReadASN1(&value, cbasn1.OCTET_STRING) && ext.Empty() && fpExtension(oid, value)
}

// fpInteger checks an INTEGER's content as zcrypto's checkInteger does: not empty, minimal.
func fpInteger(b []byte) bool {
	return len(b) == 1 || len(b) > 1 && (b[0] != 0 || b[1]&0x80 != 0) && (b[0] != 0xff || b[1]&0x80 == 0)
}

// fpPositive checks a minimal INTEGER that is above zero.
func fpPositive(b []byte) bool {
	return fpInteger(b) && b[0]&0x80 == 0 && (len(b) > 1 || b[0] != 0)
}

// validOID checks an OBJECT IDENTIFIER's content: base-128 arcs, each minimal (no leading
// 0x80) and of at most four bytes (below 2^28, where zcrypto's limit is 2^31-1).
func validOID(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	n := 0
	for i, c := range b {
		if n == 0 && c == 0x80 {
			return false
		}
		n++
		if n > 4 {
			return false
		}
		if c&0x80 == 0 {
			n = 0
		} else if i == len(b)-1 {
			return false
		}
	}
	return true
}

// readLowElement reads any element whose tag is in the low-tag-number form (the only form
// certificates use; a high tag number takes zcrypto's parse), returning its tag and content.
// cryptobyte reads only that form (a first byte of tag number 0x1f fails the read: tested
// by TestFastPathStructure, which would notice if it began to read the other).
func readLowElement(s *cryptobyte.String, out *cryptobyte.String, tag *cbasn1.Tag) bool {
	return s.ReadAnyASN1(out, tag)
}

// fpAlgorithm checks an AlgorithmIdentifier's content: an OID and at most one parameters
// element.
func fpAlgorithm(alg cryptobyte.String) bool {
	var oid, params cryptobyte.String
	var tag cbasn1.Tag
	if !alg.ReadASN1(&oid, cbasn1.OBJECT_IDENTIFIER) || !validOID(oid) {
		return false
	}
	return alg.Empty() || readLowElement(&alg, &params, &tag) && alg.Empty()
}

// fpBitString reads a BIT STRING with valid padding; content, when not nil, is set to its
// bytes when it has no unused bits (and the read fails otherwise).
func fpBitString(s *cryptobyte.String, content *cryptobyte.String) bool {
	var b cryptobyte.String
	if !s.ReadASN1(&b, cbasn1.BIT_STRING) || !validBitString(b) {
		return false
	}
	if content != nil {
		if b[0] != 0 {
			return false
		}
		*content = b[1:]
	}
	return true
}

// fpName checks a Name's content (an RDNSequence).
func fpName(name cryptobyte.String) bool {
	for !name.Empty() {
		var set cryptobyte.String
		if !name.ReadASN1(&set, cbasn1.SET) {
			return false
		}
		for !set.Empty() {
			var atv, oid, value cryptobyte.String
			var tag cbasn1.Tag
			if !set.ReadASN1(&atv, cbasn1.SEQUENCE) ||
				!atv.ReadASN1(&oid, cbasn1.OBJECT_IDENTIFIER) || !validOID(oid) ||
				!readLowElement(&atv, &value, &tag) || !atv.Empty() || !fpString(tag, value) {
				return false
			}
		}
	}
	return true
}

// fpString checks an attribute value as zcrypto reads an ANY: the string types it validates
// (PrintableString with '*' and '&', UTF8String, IA5String, NumericString, BMPString) by the
// same rules as wellFormed (validString), those it takes as they are (T61String,
// VisibleString, GeneralString, UniversalString); any other type is left to zcrypto.
func fpString(tag cbasn1.Tag, b []byte) bool {
	switch tag {
	case cbasn1.PrintableString, cbasn1.UTF8String, cbasn1.IA5String, cbasn1.Tag(18), cbasn1.Tag(30),
		cbasn1.T61String, cbasn1.Tag(26), cbasn1.GeneralString, cbasn1.Tag(28):
		return validString(tag, b)
	}
	return false
}

// fpTime reads a UTCTime (YYMMDDHHMMSSZ) or GeneralizedTime (YYYYMMDDHHMMSSZ, year 1950 or
// later) that names a real instant, which zcrypto's time.Parse reads and formats back to the
// same text.
func fpTime(s *cryptobyte.String) bool {
	var body cryptobyte.String
	switch {
	case s.PeekASN1Tag(cbasn1.UTCTime):
		if !s.ReadASN1(&body, cbasn1.UTCTime) || len(body) != 13 {
			return false
		}
		yy, ok := digits2(body[0:2])
		year := 1900 + yy
		if yy < 50 {
			year += 100
		}
		return ok && fpDate(year, body[2:13])
	case s.PeekASN1Tag(cbasn1.GeneralizedTime):
		if !s.ReadASN1(&body, cbasn1.GeneralizedTime) || len(body) != 15 {
			return false
		}
		hi, ok1 := digits2(body[0:2])
		lo, ok2 := digits2(body[2:4])
		return ok1 && ok2 && hi*100+lo >= 1950 && fpDate(hi*100+lo, body[4:15])
	}
	return false
}

// fpDate checks MMDDHHMMSSZ as a real instant of year.
func fpDate(year int, digits []byte) bool {
	if digits[10] != 'Z' {
		return false
	}
	var f [5]int
	for i := range f {
		v, ok := digits2(digits[2*i : 2*i+2])
		if !ok {
			return false
		}
		f[i] = v
	}
	month, day, hour, minute, sec := f[0], f[1], f[2], f[3], f[4]
	return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year) &&
		hour <= 23 && minute <= 59 && sec <= 59
}

// daysIn is the number of days of month in year (proleptic Gregorian, as Go's time).
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// DER contents of the OIDs the fast path looks for.
var (
	fpOIDRSA     = []byte{0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01}
	fpOIDEC      = []byte{0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01}
	fpOIDEd25519 = []byte{0x2b, 0x65, 0x70}
	fpOIDP256    = []byte{0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07}
	fpOIDP384    = []byte{0x2b, 0x81, 0x04, 0x00, 0x22}
	fpOIDP521    = []byte{0x2b, 0x81, 0x04, 0x00, 0x23}
	fpOIDAIA     = []byte{0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x01}
	fpOIDNotice  = []byte{0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x02, 0x02}
	// Extensions zcrypto parses that the fast path leaves to it.
	fpOIDLeftToZcrypto = [][]byte{
		{0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x02}, // SCT list
		{0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x03}, // CT poison
		{0x67, 0x81, 0x0c, 0x01, 0x1f},                               // Tor service descriptor
		{0x67, 0x81, 0x0c, 0x03, 0x01},                               // CA/B Forum organization identifier
		{0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x03},             // QC statements
	}
)

// fpPublicKey checks a SubjectPublicKeyInfo's content.
func fpPublicKey(spki cryptobyte.String) bool {
	var alg, oid, key cryptobyte.String
	if !spki.ReadASN1(&alg, cbasn1.SEQUENCE) || !fpBitString(&spki, &key) || !spki.Empty() ||
		!alg.ReadASN1(&oid, cbasn1.OBJECT_IDENTIFIER) || !validOID(oid) {
		return false
	}
	switch {
	case bytes.Equal(oid, fpOIDRSA):
		var params cryptobyte.String
		var tag cbasn1.Tag
		if !alg.Empty() && (!readLowElement(&alg, &params, &tag) || !alg.Empty()) {
			return false
		}
		var seq, n, e cryptobyte.String
		return key.ReadASN1(&seq, cbasn1.SEQUENCE) && key.Empty() &&
			seq.ReadASN1(&n, cbasn1.INTEGER) && fpPositive(n) &&
			seq.ReadASN1(&e, cbasn1.INTEGER) && fpPositive(e) && seq.Empty()
	case bytes.Equal(oid, fpOIDEC):
		var curve cryptobyte.String
		if !alg.ReadASN1(&curve, cbasn1.OBJECT_IDENTIFIER) || !alg.Empty() {
			return false
		}
		var c ecdh.Curve
		switch {
		case bytes.Equal(curve, fpOIDP256):
			c = ecdh.P256()
		case bytes.Equal(curve, fpOIDP384):
			c = ecdh.P384()
		case bytes.Equal(curve, fpOIDP521):
			c = ecdh.P521()
		default:
			return false
		}
		if len(key) == 0 || key[0] != 4 {
			return false
		}
		_, err := c.NewPublicKey(key) // the length and the point on the curve, as elliptic.Unmarshal
		return err == nil
	case bytes.Equal(oid, fpOIDEd25519):
		// exactly 32 bytes: zcrypto reads up to 32, but on a self-signed certificate it then
		// checks the signature, and ed25519.Verify panics on any other length
		return alg.Empty() && len(key) == ed25519.PublicKeySize
	}
	return false
}

// fpExtension checks the value of an extension that zcrypto reads.
func fpExtension(oid, value cryptobyte.String) bool {
	if len(oid) == 3 && oid[0] == 0x55 && oid[1] == 0x1d { // 2.5.29.x
		return fpCertificateExtension(oid[2], value)
	}
	if bytes.Equal(oid, fpOIDAIA) {
		return fpAuthorityInfoAccess(value)
	}
	for _, o := range fpOIDLeftToZcrypto {
		if bytes.Equal(oid, o) {
			return false
		}
	}
	return true
}

// fpCertificateExtension checks the value of the extension 2.5.29.id.
func fpCertificateExtension(id byte, value cryptobyte.String) bool {
	switch id {
	case 14: // subjectKeyIdentifier: OCTET STRING
		var v cryptobyte.String
		return value.ReadASN1(&v, cbasn1.OCTET_STRING) && value.Empty()
	case 17, 18: // subject and issuer alternative names
		return fpGeneralNames(value)
	case 30:
		return fpNameConstraints(value)
	case 31:
		return fpCRLDistributionPoints(value)
	case 32:
		return fpCertificatePolicies(value)
	case 35:
		return fpAuthorityKeyID(value)
	case 37:
		return fpExtKeyUsage(value)
	}
	return true // keyUsage and basicConstraints (errors ignored), and the rest (not read)
}

// fpExtKeyUsage checks an extKeyUsage value: SEQUENCE OF OID.
func fpExtKeyUsage(value cryptobyte.String) bool {
	var seq cryptobyte.String
	if !value.ReadASN1(&seq, cbasn1.SEQUENCE) || !value.Empty() {
		return false
	}
	for !seq.Empty() {
		var id cryptobyte.String
		if !seq.ReadASN1(&id, cbasn1.OBJECT_IDENTIFIER) || !validOID(id) {
			return false
		}
	}
	return true
}

// fpGeneralNames checks a SubjectAltName's value: e-mail, DNS and URI names (zcrypto takes
// their bytes as they are), IP addresses of 4 or 16 bytes, directory names, registered IDs
// and other names (an OID and one explicitly tagged value).
func fpGeneralNames(value cryptobyte.String) bool {
	var seq cryptobyte.String
	if !value.ReadASN1(&seq, cbasn1.SEQUENCE) || !value.Empty() {
		return false
	}
	for !seq.Empty() {
		if !fpGeneralName(&seq) {
			return false
		}
	}
	return true
}

// fpGeneralName reads one GeneralName of a SubjectAltName.
func fpGeneralName(seq *cryptobyte.String) bool {
	var name cryptobyte.String
	var tag cbasn1.Tag
	switch {
	case seq.PeekASN1Tag(tagCtx1), seq.PeekASN1Tag(tagCtx2), seq.PeekASN1Tag(tagCtx6):
		return seq.ReadAnyASN1(&name, &tag)
	case seq.PeekASN1Tag(tagCtx7):
		return seq.ReadASN1(&name, tagCtx7) && (len(name) == 4 || len(name) == 16)
	case seq.PeekASN1Tag(tagCtx4c):
		return seq.ReadASN1(&name, tagCtx4c) && fpDirectoryName(name)
	case seq.PeekASN1Tag(tagCtx8):
		return seq.ReadASN1(&name, tagCtx8) && validOID(name)
	case seq.PeekASN1Tag(tagCtx0c):
		var id, wrapped, v cryptobyte.String
		return seq.ReadASN1(&name, tagCtx0c) &&
			name.ReadASN1(&id, cbasn1.OBJECT_IDENTIFIER) && validOID(id) &&
			name.ReadASN1(&wrapped, tagCtx0c) && name.Empty() &&
			readLowElement(&wrapped, &v, &tag) && wrapped.Empty()
	}
	return false
}

// fpDirectoryName checks the content of a [4] directoryName: one Name.
func fpDirectoryName(b cryptobyte.String) bool {
	var name cryptobyte.String
	return b.ReadASN1(&name, cbasn1.SEQUENCE) && b.Empty() && fpName(name)
}

// fpNameConstraints checks a NameConstraints value: [0] permitted and [1] excluded
// GeneralSubtrees, each base an e-mail, DNS or URI name, an IP range of 8 or 32 bytes or a
// directory name, with minimum and maximum INTEGERs that fit an int64.
func fpNameConstraints(value cryptobyte.String) bool {
	var seq cryptobyte.String
	if !value.ReadASN1(&seq, cbasn1.SEQUENCE) || !value.Empty() {
		return false
	}
	for _, t := range []cbasn1.Tag{tagCtx0c, tagCtx1c} {
		var subtrees cryptobyte.String
		var has bool
		if !seq.ReadOptionalASN1(&subtrees, &has, t) {
			return false
		}
		for !subtrees.Empty() {
			var st cryptobyte.String
			if !subtrees.ReadASN1(&st, cbasn1.SEQUENCE) || !fpSubtree(st) {
				return false
			}
		}
	}
	return seq.Empty()
}

// fpSubtree checks a GeneralSubtree's content: its base, minimum and maximum.
func fpSubtree(st cryptobyte.String) bool {
	var base cryptobyte.String
	var tag cbasn1.Tag
	switch {
	case st.PeekASN1Tag(tagCtx1), st.PeekASN1Tag(tagCtx2), st.PeekASN1Tag(tagCtx6):
		if !st.ReadAnyASN1(&base, &tag) {
			return false
		}
	case st.PeekASN1Tag(tagCtx7):
		if !st.ReadASN1(&base, tagCtx7) || len(base) != 8 && len(base) != 32 {
			return false
		}
	case st.PeekASN1Tag(tagCtx4c):
		if !st.ReadASN1(&base, tagCtx4c) || !fpDirectoryName(base) {
			return false
		}
	default:
		return false
	}
	for _, bt := range []cbasn1.Tag{tagCtx0, tagCtx1} { // minimum, maximum
		var n cryptobyte.String
		var has bool
		if !st.ReadOptionalASN1(&n, &has, bt) || has && (!fpInteger(n) || len(n) > 8) {
			return false
		}
	}
	return st.Empty()
}

// fpCRLDistributionPoints checks a CRLDistributionPoints value: DistributionPoints with a
// fullName (zcrypto reads each name as any element), optional reasons and an optional
// cRLIssuer (not read further); a nameRelativeToCRLIssuer takes zcrypto's parse.
func fpCRLDistributionPoints(value cryptobyte.String) bool {
	var seq cryptobyte.String
	if !value.ReadASN1(&seq, cbasn1.SEQUENCE) || !value.Empty() {
		return false
	}
	for !seq.Empty() {
		var dp cryptobyte.String
		if !seq.ReadASN1(&dp, cbasn1.SEQUENCE) || !fpDistributionPoint(dp) {
			return false
		}
	}
	return true
}

// fpDistributionPoint checks a DistributionPoint's content.
func fpDistributionPoint(dp cryptobyte.String) bool {
	if dp.PeekASN1Tag(tagCtx0c) {
		var dpName, full cryptobyte.String
		if !dp.ReadASN1(&dpName, tagCtx0c) || !dpName.ReadASN1(&full, tagCtx0c) || !dpName.Empty() {
			return false
		}
		for !full.Empty() {
			var name cryptobyte.String
			var tag cbasn1.Tag
			if !readLowElement(&full, &name, &tag) {
				return false
			}
		}
	}
	if dp.PeekASN1Tag(tagCtx1) {
		var reasons cryptobyte.String
		if !dp.ReadASN1(&reasons, tagCtx1) || !validBitString(reasons) {
			return false
		}
	}
	return dp.SkipOptionalASN1(tagCtx2c) && dp.Empty()
}

// fpCertificatePolicies checks a certificatePolicies value: PolicyInformation with optional
// qualifiers.
func fpCertificatePolicies(value cryptobyte.String) bool {
	var seq cryptobyte.String
	if !value.ReadASN1(&seq, cbasn1.SEQUENCE) || !value.Empty() {
		return false
	}
	for !seq.Empty() {
		var info, policy cryptobyte.String
		if !seq.ReadASN1(&info, cbasn1.SEQUENCE) ||
			!info.ReadASN1(&policy, cbasn1.OBJECT_IDENTIFIER) || !validOID(policy) {
			return false
		}
		if info.Empty() {
			continue
		}
		var quals cryptobyte.String
		if !info.ReadASN1(&quals, cbasn1.SEQUENCE) || !info.Empty() || !fpQualifiers(quals) {
			return false
		}
	}
	return true
}

// fpQualifiers checks a SEQUENCE OF PolicyQualifierInfo's content; a user notice is checked
// further (zcrypto parses it).
func fpQualifiers(quals cryptobyte.String) bool {
	for !quals.Empty() {
		var q, id, qualifier cryptobyte.String
		var tag cbasn1.Tag
		if !quals.ReadASN1(&q, cbasn1.SEQUENCE) ||
			!q.ReadASN1(&id, cbasn1.OBJECT_IDENTIFIER) || !validOID(id) ||
			!readLowElement(&q, &qualifier, &tag) || !q.Empty() {
			return false
		}
		if bytes.Equal(id, fpOIDNotice) && !fpUserNotice(tag, qualifier) {
			return false
		}
	}
	return true
}

// fpUserNotice checks a UserNotice qualifier: SEQUENCE { noticeRef SEQUENCE { organization,
// noticeNumbers SEQUENCE OF INTEGER } OPTIONAL, explicitText OPTIONAL }, the organization and
// text string elements, the numbers INTEGERs that fit an int64.
func fpUserNotice(tag cbasn1.Tag, notice cryptobyte.String) bool {
	if tag != cbasn1.SEQUENCE {
		return false
	}
	if notice.PeekASN1Tag(cbasn1.SEQUENCE) {
		var ref, org, numbers cryptobyte.String
		var t cbasn1.Tag
		if !notice.ReadASN1(&ref, cbasn1.SEQUENCE) ||
			!readLowElement(&ref, &org, &t) || !fpNoticeString(t) ||
			!ref.ReadASN1(&numbers, cbasn1.SEQUENCE) || !ref.Empty() {
			return false
		}
		for !numbers.Empty() {
			var n cryptobyte.String
			if !numbers.ReadASN1(&n, cbasn1.INTEGER) || !fpInteger(n) || len(n) > 8 {
				return false
			}
		}
	}
	if notice.Empty() {
		return true
	}
	var text cryptobyte.String
	var t cbasn1.Tag
	return readLowElement(&notice, &text, &t) && notice.Empty() && fpNoticeString(t)
}

// fpNoticeString reports whether t is a DisplayText string type or a PrintableString.
func fpNoticeString(t cbasn1.Tag) bool {
	switch t {
	case cbasn1.UTF8String, cbasn1.IA5String, cbasn1.Tag(26), cbasn1.Tag(30), cbasn1.PrintableString:
		return true
	}
	return false
}

// fpAuthorityKeyID checks an AuthorityKeyIdentifier value: SEQUENCE { [0] keyIdentifier,
// [1] authorityCertIssuer, [2] authorityCertSerialNumber }, each optional, in order.
func fpAuthorityKeyID(value cryptobyte.String) bool {
	var seq cryptobyte.String
	if !value.ReadASN1(&seq, cbasn1.SEQUENCE) || !value.Empty() {
		return false
	}
	for _, t := range []cbasn1.Tag{tagCtx0, tagCtx1c, tagCtx2} {
		if !seq.SkipOptionalASN1(t) {
			return false
		}
	}
	return seq.Empty()
}

// fpAuthorityInfoAccess checks an AuthorityInfoAccessSyntax value: SEQUENCE OF SEQUENCE {
// accessMethod OID, accessLocation }, the location any element (zcrypto keeps URIs).
func fpAuthorityInfoAccess(value cryptobyte.String) bool {
	var seq cryptobyte.String
	if !value.ReadASN1(&seq, cbasn1.SEQUENCE) || !value.Empty() {
		return false
	}
	for !seq.Empty() {
		var ad, method, loc cryptobyte.String
		var tag cbasn1.Tag
		if !seq.ReadASN1(&ad, cbasn1.SEQUENCE) ||
			!ad.ReadASN1(&method, cbasn1.OBJECT_IDENTIFIER) || !validOID(method) ||
			!readLowElement(&ad, &loc, &tag) || !ad.Empty() {
			return false
		}
	}
	return true
}

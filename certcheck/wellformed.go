package certcheck

import (
	"bytes"
	"encoding/asn1"
	"errors"
	"fmt"
	"math/big"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// wellFormed checks that der is one well-formed X.509 Certificate (RFC 5280 §4.1), as strictly
// as the mainstream parsers (Go's crypto/x509, OpenSSL, pyca/cryptography) read one: the whole
// TBSCertificate structure, valid times and names, a SubjectPublicKeyInfo whose key parses,
// every extension an Extension SEQUENCE (no duplicates) whose value, for the standard
// extensions, is of its ASN.1 type (an IP address in a SAN has 4 or 16 bytes, and so on), the
// signature BIT STRING, and no trailing data. It is what decides, when zcrypto rejects a
// certificate, whether that is zcrypto's limitation (VCL.0751) or not a certificate (VPN.0075).
//
// It accepts what the RFCs allow but zcrypto and Go do not read: a CRL distribution point
// named relative to the CRL issuer, a compressed EC point, EC curves and key algorithms they
// do not support. notes lists those features (for the finding's detail). It never panics and
// does not recurse on the input's nesting.
func wellFormed(der []byte) (notes []string, err error) {
	w := &wf{}
	err = w.certificate(der)
	return w.notes, err
}

type wf struct {
	notes []string
	// anyIA5 skips the IA5String check of names, in extensions that Go's crypto/x509 does
	// not read (the issuer alternative name).
	anyIA5 bool
}

func (w *wf) note(s string) {
	for _, n := range w.notes {
		if n == s {
			return
		}
	}
	w.notes = append(w.notes, s)
}

func (w *wf) certificate(der []byte) error {
	tbs, sigAlg, err := certificateEnvelope(der)
	if err != nil {
		return err
	}
	version, err := tbsHeader(&tbs, sigAlg)
	if err != nil {
		return err
	}
	if err := w.tbsBody(&tbs); err != nil {
		return err
	}
	var exts cryptobyte.String
	var hasExts bool
	if !tbs.ReadOptionalASN1(&exts, &hasExts, cbasn1.Tag(3).Constructed().ContextSpecific()) {
		return errors.New("malformed extensions")
	}
	if !tbs.Empty() {
		return errors.New("unexpected data at the end of tbsCertificate")
	}
	if hasExts {
		return w.extensions(exts, version)
	}
	return nil
}

// certificateEnvelope reads the Certificate SEQUENCE { tbsCertificate, signatureAlgorithm,
// signature } and returns the tbsCertificate's content and the signatureAlgorithm element.
func certificateEnvelope(der []byte) (tbs, sigAlg cryptobyte.String, err error) {
	in := cryptobyte.String(der)
	var cert cryptobyte.String
	if !in.ReadASN1(&cert, cbasn1.SEQUENCE) {
		return nil, nil, errors.New("not a DER SEQUENCE (wrong tag, bad length or truncated)")
	}
	if !in.Empty() {
		return nil, nil, fmt.Errorf("%d bytes of trailing data after the certificate", len(in))
	}
	if !cert.ReadASN1(&tbs, cbasn1.SEQUENCE) {
		return nil, nil, errors.New("malformed tbsCertificate")
	}
	if !cert.ReadASN1Element(&sigAlg, cbasn1.SEQUENCE) || !algorithmIdentifier(sigAlg) {
		return nil, nil, errors.New("malformed signatureAlgorithm")
	}
	var sig asn1.BitString
	if !cert.ReadASN1BitString(&sig) {
		return nil, nil, errors.New("malformed or missing signature BIT STRING")
	}
	if !cert.Empty() {
		return nil, nil, errors.New("data after the signature inside the Certificate SEQUENCE")
	}
	return tbs, sigAlg, nil
}

// tbsHeader reads the tbsCertificate's version, serialNumber and signature algorithm (which
// must equal sigAlg) and returns the version (0 for v1).
func tbsHeader(tbs *cryptobyte.String, sigAlg cryptobyte.String) (int, error) {
	var ver, tbsAlg cryptobyte.String
	var hasVer bool
	version := 0
	if !tbs.ReadOptionalASN1(&ver, &hasVer, cbasn1.Tag(0).Constructed().ContextSpecific()) {
		return 0, errors.New("malformed version")
	}
	if hasVer {
		if !ver.ReadASN1Integer(&version) || !ver.Empty() || version < 0 || version > 2 {
			return 0, errors.New("malformed or unknown version (must be v1, v2 or v3)")
		}
	}
	serial := new(big.Int)
	if !tbs.ReadASN1Integer(serial) {
		return 0, errors.New("malformed serialNumber")
	}
	if !tbs.ReadASN1Element(&tbsAlg, cbasn1.SEQUENCE) || !algorithmIdentifier(tbsAlg) {
		return 0, errors.New("malformed signature AlgorithmIdentifier in tbsCertificate")
	}
	if !bytes.Equal(tbsAlg, sigAlg) {
		return 0, errors.New("the signature algorithms inside and outside tbsCertificate differ")
	}
	return version, nil
}

// tbsBody reads the tbsCertificate's issuer, validity, subject, subjectPublicKeyInfo and
// unique identifiers.
func (w *wf) tbsBody(tbs *cryptobyte.String) error {
	var issuer, validity, subject, spki cryptobyte.String
	if !tbs.ReadASN1(&issuer, cbasn1.SEQUENCE) {
		return errors.New("malformed issuer")
	}
	if err := rdnSequence(issuer); err != nil {
		return fmt.Errorf("issuer: %v", err)
	}
	if !tbs.ReadASN1(&validity, cbasn1.SEQUENCE) {
		return errors.New("malformed validity")
	}
	notBefore, notAfter := strictTime(&validity), strictTime(&validity)
	if !notBefore || !notAfter || !validity.Empty() {
		return errors.New("malformed validity: notBefore and notAfter must be UTCTime or GeneralizedTime")
	}
	if !tbs.ReadASN1(&subject, cbasn1.SEQUENCE) {
		return errors.New("malformed subject")
	}
	if err := rdnSequence(subject); err != nil {
		return fmt.Errorf("subject: %v", err)
	}
	if !tbs.ReadASN1Element(&spki, cbasn1.SEQUENCE) {
		return errors.New("malformed subjectPublicKeyInfo")
	}
	if err := w.publicKey(spki); err != nil {
		return fmt.Errorf("subjectPublicKeyInfo: %v", err)
	}
	for i, t := range []cbasn1.Tag{cbasn1.Tag(1).ContextSpecific(), cbasn1.Tag(2).ContextSpecific()} {
		var uid cryptobyte.String
		var has bool
		if !tbs.ReadOptionalASN1(&uid, &has, t) || has && !validBitString(uid) {
			return fmt.Errorf("malformed %s", [...]string{"issuerUniqueID", "subjectUniqueID"}[i])
		}
	}
	return nil
}

// extensions reads the [3] extensions' content: a SEQUENCE of Extension, no duplicates; the
// values are checked in v3 certificates only.
func (w *wf) extensions(exts cryptobyte.String, version int) error {
	var seq cryptobyte.String
	if !exts.ReadASN1(&seq, cbasn1.SEQUENCE) || !exts.Empty() {
		return errors.New("malformed extensions: not a SEQUENCE of Extension")
	}
	seen := map[string]bool{}
	for !seq.Empty() {
		var ext, value cryptobyte.String
		var oid asn1.ObjectIdentifier
		critical := false
		if !seq.ReadASN1(&ext, cbasn1.SEQUENCE) || !ext.ReadASN1ObjectIdentifier(&oid) ||
			!readOptionalBool(&ext, &critical) || !ext.ReadASN1(&value, cbasn1.OCTET_STRING) || !ext.Empty() {
			return errors.New("malformed extension: not an Extension SEQUENCE { OID, critical BOOLEAN, OCTET STRING }")
		}
		id := oid.String()
		if seen[id] {
			return fmt.Errorf("duplicate extension %s", id)
		}
		seen[id] = true
		// The parsers read the extensions of v3 certificates only (Go's crypto/x509 ignores
		// them in v1 and v2 ones).
		if version < 2 {
			continue
		}
		if err := w.extension(id, critical, value); err != nil {
			return err
		}
	}
	return nil
}

// algorithmIdentifier checks an AlgorithmIdentifier element: SEQUENCE { OID, parameters ANY
// OPTIONAL }.
func algorithmIdentifier(der cryptobyte.String) bool {
	var seq, params cryptobyte.String
	var oid asn1.ObjectIdentifier
	var tag cbasn1.Tag
	if !der.ReadASN1(&seq, cbasn1.SEQUENCE) || !seq.ReadASN1ObjectIdentifier(&oid) {
		return false
	}
	return seq.Empty() || seq.ReadAnyASN1(&params, &tag) && seq.Empty()
}

// strictTime reads a UTCTime or GeneralizedTime as Go's crypto/x509 does.
func strictTime(s *cryptobyte.String) bool {
	var t time.Time
	switch {
	case s.PeekASN1Tag(cbasn1.UTCTime):
		return s.ReadASN1UTCTime(&t)
	case s.PeekASN1Tag(cbasn1.GeneralizedTime):
		return s.ReadASN1GeneralizedTime(&t)
	}
	return false
}

// printableChar reports whether c is in PrintableString's alphabet (X.680 §41.4; '*' and
// '&' too, as the mainstream parsers accept them).
func printableChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	switch c {
	case ' ', '\'', '(', ')', '+', ',', '-', '.', '/', ':', '=', '?', '*', '&':
		return true
	}
	return false
}

// validBitString checks a BIT STRING's content octets (the unused-bits count and padding).
func validBitString(content []byte) bool {
	if len(content) == 0 {
		return false
	}
	unused := content[0]
	return unused < 8 && (len(content) != 1 || unused == 0) &&
		(len(content) == 1 || content[len(content)-1]&(1<<unused-1) == 0)
}

// rdnSequence checks the content of a Name: SEQUENCE OF SET OF AttributeTypeAndValue, each
// value a string of a type X.520 allows (checked as Go checks them) or any other element.
func rdnSequence(s cryptobyte.String) error {
	for !s.Empty() {
		var set cryptobyte.String
		if !s.ReadASN1(&set, cbasn1.SET) {
			return errors.New("malformed RelativeDistinguishedName")
		}
		if err := rdn(set); err != nil {
			return err
		}
	}
	return nil
}

// rdn checks the content of a RelativeDistinguishedName: SET OF AttributeTypeAndValue (RFC
// 5280 says SIZE (1..MAX), but the mainstream parsers accept an empty one).
func rdn(set cryptobyte.String) error {
	for !set.Empty() {
		var atv, value cryptobyte.String
		var oid asn1.ObjectIdentifier
		var tag cbasn1.Tag
		if !set.ReadASN1(&atv, cbasn1.SEQUENCE) || !atv.ReadASN1ObjectIdentifier(&oid) ||
			!atv.ReadAnyASN1(&value, &tag) || !atv.Empty() {
			return errors.New("malformed AttributeTypeAndValue")
		}
		if !validString(tag, value) {
			return fmt.Errorf("attribute %s: invalid string value", oid)
		}
	}
	return nil
}

// validString checks the string types whose content Go's crypto/x509 validates.
func validString(tag cbasn1.Tag, b []byte) bool {
	switch tag {
	case cbasn1.UTF8String:
		return utf8.Valid(b)
	case cbasn1.PrintableString:
		for _, c := range b {
			if !printableChar(c) {
				return false
			}
		}
	case cbasn1.IA5String:
		return isASCII(b)
	case cbasn1.Tag(18): // NumericString
		for _, c := range b {
			if (c < '0' || c > '9') && c != ' ' {
				return false
			}
		}
	case cbasn1.Tag(30): // BMPString
		return len(b)%2 == 0
	}
	return true
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// ecFieldBytes is the size of a field element of the named curves vpncertlint names.
var ecFieldBytes = map[string]int{
	"P-192": 24, "P-224": 28, "P-256": 32, "P-384": 48, "P-521": 66, "secp256k1": 32, "SM2": 32,
	"brainpoolP160r1": 20, "brainpoolP192r1": 24, "brainpoolP224r1": 28, "brainpoolP256r1": 32,
	"brainpoolP320r1": 40, "brainpoolP384r1": 48, "brainpoolP512r1": 64,
}

// publicKey checks a SubjectPublicKeyInfo element and, for the algorithms whose key format is
// known, the key.
func (w *wf) publicKey(der cryptobyte.String) error {
	var spki, alg cryptobyte.String
	var oid asn1.ObjectIdentifier
	var bits asn1.BitString
	if !der.ReadASN1(&spki, cbasn1.SEQUENCE) || !spki.ReadASN1(&alg, cbasn1.SEQUENCE) ||
		!alg.ReadASN1ObjectIdentifier(&oid) || !spki.ReadASN1BitString(&bits) || !spki.Empty() {
		return errors.New("not a SEQUENCE { AlgorithmIdentifier, BIT STRING }")
	}
	var params cryptobyte.String
	var tag cbasn1.Tag
	hasParams := !alg.Empty()
	if hasParams && (!alg.ReadAnyASN1Element(&params, &tag) || !alg.Empty()) {
		return errors.New("malformed algorithm parameters")
	}
	switch {
	case oid.Equal(oidRSA):
		if !hasParams || tag != cbasn1.NULL || len(params) != 2 {
			return errors.New("RSA key without NULL parameters")
		}
		fallthrough
	case oid.Equal(oidRSAPSS):
		return rsaPublicKey(bits)
	case oid.Equal(oidEC):
		curve, err := ecCurve(hasParams, tag, params)
		if err != nil {
			return err
		}
		return w.ecPoint(curve, bits)
	case oid.Equal(oidEd25519), oid.Equal(oidX25519), oid.Equal(oidEd448), oid.Equal(oidX448):
		return rfc8410Key(oid, hasParams, bits)
	}
	return nil
}

// rsaPublicKey checks an RSAPublicKey SEQUENCE { modulus, publicExponent }.
func rsaPublicKey(bits asn1.BitString) error {
	key := cryptobyte.String(bits.Bytes)
	var seq cryptobyte.String
	n, e := new(big.Int), new(big.Int)
	if bits.BitLength%8 != 0 || !key.ReadASN1(&seq, cbasn1.SEQUENCE) || !key.Empty() ||
		!seq.ReadASN1Integer(n) || !seq.ReadASN1Integer(e) || !seq.Empty() {
		return errors.New("malformed RSA public key")
	}
	// A modulus or exponent that is not positive is a broken key (VCL.0707, judged by
	// the key checks), not a malformed certificate: OpenSSL reads such certificates.
	return nil
}

// ecCurve reads an EC key's parameters: a named curve (its name, "" when unknown) or a
// specified curve ("").
func ecCurve(hasParams bool, tag cbasn1.Tag, params cryptobyte.String) (string, error) {
	var curveOID asn1.ObjectIdentifier
	switch {
	case hasParams && tag == cbasn1.OBJECT_IDENTIFIER:
		if !params.ReadASN1ObjectIdentifier(&curveOID) {
			return "", errors.New("malformed EC curve OID")
		}
	case hasParams && tag == cbasn1.SEQUENCE: // specifiedCurve: VPN.0070 judges it
	default:
		return "", errors.New("EC key without curve parameters")
	}
	return curveNames[curveOID.String()], nil
}

// rfc8410Key checks an Ed25519, X25519, Ed448 or X448 key: no parameters, the key's size.
func rfc8410Key(oid asn1.ObjectIdentifier, hasParams bool, bits asn1.BitString) error {
	size := map[string]int{oidEd25519.String(): 32, oidX25519.String(): 32, oidEd448.String(): 57, oidX448.String(): 56}[oid.String()]
	if hasParams {
		return fmt.Errorf("%s key with parameters (RFC 8410: they must be absent)", keyAlgorithmNames[oid.String()])
	}
	if bits.BitLength != 8*size {
		return fmt.Errorf("%s key of %d bits; it must have %d bytes", keyAlgorithmNames[oid.String()], bits.BitLength, size)
	}
	return nil
}

// ecPoint checks an EC public key's encoding (SEC 1 §2.3.3): uncompressed (0x04 X Y) or
// compressed (0x02/0x03 X), each coordinate the curve's field size; on the curves Go can check,
// the point must be on the curve.
func (w *wf) ecPoint(curve string, bits asn1.BitString) error {
	pt := bits.Bytes
	if bits.BitLength%8 != 0 || len(pt) == 0 {
		return errors.New("malformed EC point")
	}
	n := ecFieldBytes[curve]
	switch pt[0] {
	case 0x04:
		if n != 0 && len(pt) != 1+2*n || n == 0 && len(pt)%2 != 1 {
			return fmt.Errorf("uncompressed EC point of %d bytes", len(pt))
		}
	case 0x02, 0x03:
		if n != 0 && len(pt) != 1+n || len(pt) < 2 {
			return fmt.Errorf("compressed EC point of %d bytes", len(pt))
		}
		w.note("a compressed EC point (RFC 5480 §2.2 allows it; zcrypto and Go's crypto/x509 read only uncompressed points)")
	default:
		return fmt.Errorf("unknown EC point encoding (first byte 0x%02x)", pt[0])
	}
	if why := invalidPoint(curve, pt); why != "" {
		return errors.New(why)
	}
	return nil
}

// Extension OIDs whose values wellFormed checks.
const (
	oidSKI              = "2.5.29.14"
	oidSAN              = "2.5.29.17"
	oidIAN              = "2.5.29.18"
	oidNameConstraints  = "2.5.29.30"
	oidCRLDP            = "2.5.29.31"
	oidCertPolicies     = "2.5.29.32"
	oidPolicyMappings   = "2.5.29.33"
	oidAKI              = "2.5.29.35"
	oidPolicyConstraint = "2.5.29.36"
	oidEKU              = "2.5.29.37"
	oidInhibitAnyPolicy = "2.5.29.54"
	oidAIA              = "1.3.6.1.5.5.7.1.1"
	oidSIA              = "1.3.6.1.5.5.7.1.11"
)

// extension checks the value of the standard extensions RFC 5280 defines, as Go's crypto/x509
// checks them, except that a CRL distribution point may be named relative to the CRL issuer.
func (w *wf) extension(id string, critical bool, v cryptobyte.String) error {
	check, ok := extensionCheckers[id]
	if !ok {
		return nil
	}
	return check(w, id, critical, v)
}

// extensionChecker checks the value v of the extension id.
type extensionChecker func(w *wf, id string, critical bool, v cryptobyte.String) error

// extensionCheckers are the extensions whose values wellFormed checks, by OID.
var extensionCheckers = map[string]extensionChecker{
	oidKeyUsage:         (*wf).keyUsageExt,
	oidBasicConstraints: (*wf).basicConstraintsExt,
	oidSAN:              (*wf).altNameExt,
	oidIAN:              (*wf).altNameExt,
	oidEKU:              (*wf).extKeyUsageExt,
	oidSKI:              (*wf).subjectKeyIDExt,
	oidAKI:              (*wf).authorityKeyIDExt,
	oidNameConstraints:  (*wf).nameConstraintsExt,
	oidCRLDP:            (*wf).crlDistributionPointsExt,
	oidCertPolicies:     (*wf).certificatePoliciesExt,
	oidPolicyMappings:   (*wf).policyMappingsExt,
	oidPolicyConstraint: (*wf).policyConstraintsExt,
	oidInhibitAnyPolicy: (*wf).inhibitAnyPolicyExt,
	oidAIA:              (*wf).infoAccessExt,
	oidSIA:              (*wf).infoAccessExt,
}

// malformedExt is the error for an extension whose value is not of its ASN.1 type.
func malformedExt(what, id string) error {
	return fmt.Errorf("malformed %s extension (%s)", what, id)
}

// readExtSequence reads v as exactly one SEQUENCE.
func readExtSequence(v cryptobyte.String, seq *cryptobyte.String) bool {
	return v.ReadASN1(seq, cbasn1.SEQUENCE) && v.Empty()
}

func (w *wf) keyUsageExt(id string, _ bool, v cryptobyte.String) error {
	var bits asn1.BitString
	if !v.ReadASN1BitString(&bits) || !v.Empty() {
		return malformedExt("keyUsage", id)
	}
	return nil
}

func (w *wf) basicConstraintsExt(id string, _ bool, v cryptobyte.String) error {
	var seq cryptobyte.String
	ca := false
	if !readExtSequence(v, &seq) || !readOptionalBool(&seq, &ca) {
		return malformedExt("basicConstraints", id)
	}
	if seq.PeekASN1Tag(cbasn1.INTEGER) {
		n := new(big.Int)
		if !seq.ReadASN1Integer(n) || n.Sign() < 0 {
			return malformedExt("basicConstraints", id)
		}
	}
	if !seq.Empty() {
		return malformedExt("basicConstraints", id)
	}
	return nil
}

func (w *wf) altNameExt(id string, _ bool, v cryptobyte.String) error {
	var seq cryptobyte.String
	if !readExtSequence(v, &seq) {
		return malformedExt("subject/issuer alternative name", id)
	}
	w.anyIA5 = id == oidIAN
	err := w.generalNames(seq, false)
	w.anyIA5 = false
	if err != nil {
		return fmt.Errorf("alternative name (%s): %v", id, err)
	}
	return nil
}

func (w *wf) extKeyUsageExt(id string, _ bool, v cryptobyte.String) error {
	var seq cryptobyte.String
	if !readExtSequence(v, &seq) {
		return malformedExt("extendedKeyUsage", id)
	}
	for !seq.Empty() {
		var oid asn1.ObjectIdentifier
		if !seq.ReadASN1ObjectIdentifier(&oid) {
			return malformedExt("extendedKeyUsage", id)
		}
	}
	return nil
}

func (w *wf) subjectKeyIDExt(id string, critical bool, v cryptobyte.String) error {
	var ski cryptobyte.String
	if critical {
		return errors.New("subjectKeyIdentifier marked critical (RFC 5280 §4.2.1.2)")
	}
	if !v.ReadASN1(&ski, cbasn1.OCTET_STRING) || !v.Empty() {
		return malformedExt("subjectKeyIdentifier", id)
	}
	return nil
}

func (w *wf) authorityKeyIDExt(id string, critical bool, v cryptobyte.String) error {
	if critical {
		return errors.New("authorityKeyIdentifier marked critical (RFC 5280 §4.2.1.1)")
	}
	var seq, names, serial cryptobyte.String
	var hasNames bool
	if !readExtSequence(v, &seq) ||
		!seq.SkipOptionalASN1(cbasn1.Tag(0).ContextSpecific()) ||
		!seq.ReadOptionalASN1(&names, &hasNames, cbasn1.Tag(1).Constructed().ContextSpecific()) ||
		!seq.ReadOptionalASN1(&serial, new(bool), cbasn1.Tag(2).ContextSpecific()) || !seq.Empty() {
		return malformedExt("authorityKeyIdentifier", id)
	}
	if hasNames {
		if err := w.generalNames(names, false); err != nil {
			return fmt.Errorf("authorityKeyIdentifier: %v", err)
		}
	}
	return nil
}

func (w *wf) nameConstraintsExt(id string, _ bool, v cryptobyte.String) error {
	var seq, permitted, excluded cryptobyte.String
	var hasP, hasE bool
	if !readExtSequence(v, &seq) ||
		!seq.ReadOptionalASN1(&permitted, &hasP, cbasn1.Tag(0).Constructed().ContextSpecific()) ||
		!seq.ReadOptionalASN1(&excluded, &hasE, cbasn1.Tag(1).Constructed().ContextSpecific()) || !seq.Empty() {
		return malformedExt("nameConstraints", id)
	}
	if len(permitted) == 0 && len(excluded) == 0 {
		return errors.New("empty nameConstraints extension (RFC 5280 §4.2.1.10)")
	}
	for _, subtrees := range []cryptobyte.String{permitted, excluded} {
		if err := w.generalSubtrees(id, subtrees); err != nil {
			return err
		}
	}
	return nil
}

// generalSubtrees reads the GeneralSubtrees of a nameConstraints extension.
func (w *wf) generalSubtrees(id string, subtrees cryptobyte.String) error {
	for !subtrees.Empty() {
		var st, base cryptobyte.String
		var tag cbasn1.Tag
		if !subtrees.ReadASN1(&st, cbasn1.SEQUENCE) || !st.ReadAnyASN1(&base, &tag) {
			return malformedExt("nameConstraints", id)
		}
		if err := w.generalName(tag, base, true); err != nil {
			return fmt.Errorf("nameConstraints: %v", err)
		}
		var minimum, maximum cryptobyte.String
		if !st.ReadOptionalASN1(&minimum, new(bool), cbasn1.Tag(0).ContextSpecific()) ||
			!st.ReadOptionalASN1(&maximum, new(bool), cbasn1.Tag(1).ContextSpecific()) || !st.Empty() {
			return malformedExt("nameConstraints", id)
		}
	}
	return nil
}

func (w *wf) crlDistributionPointsExt(id string, _ bool, v cryptobyte.String) error {
	var seq cryptobyte.String
	if !readExtSequence(v, &seq) {
		return malformedExt("cRLDistributionPoints", id)
	}
	for !seq.Empty() {
		if err := w.distributionPoint(&seq); err != nil {
			return fmt.Errorf("cRLDistributionPoints: %v", err)
		}
	}
	return nil
}

func (w *wf) certificatePoliciesExt(id string, _ bool, v cryptobyte.String) error {
	var seq cryptobyte.String
	if !readExtSequence(v, &seq) {
		return malformedExt("certificatePolicies", id)
	}
	for !seq.Empty() {
		var pi, quals cryptobyte.String
		var oid asn1.ObjectIdentifier
		var hasQuals bool
		if !seq.ReadASN1(&pi, cbasn1.SEQUENCE) || !pi.ReadASN1ObjectIdentifier(&oid) ||
			!pi.ReadOptionalASN1(&quals, &hasQuals, cbasn1.SEQUENCE) || !pi.Empty() {
			return malformedExt("certificatePolicies", id)
		}
	}
	return nil
}

func (w *wf) policyMappingsExt(id string, _ bool, v cryptobyte.String) error {
	var seq cryptobyte.String
	if !readExtSequence(v, &seq) {
		return malformedExt("policyMappings", id)
	}
	for !seq.Empty() {
		var m cryptobyte.String
		var a, b asn1.ObjectIdentifier
		if !seq.ReadASN1(&m, cbasn1.SEQUENCE) || !m.ReadASN1ObjectIdentifier(&a) ||
			!m.ReadASN1ObjectIdentifier(&b) || !m.Empty() {
			return malformedExt("policyMappings", id)
		}
	}
	return nil
}

func (w *wf) policyConstraintsExt(id string, _ bool, v cryptobyte.String) error {
	// [0] and [1] are IMPLICIT INTEGERs; some issuers tag them EXPLICIT, which the
	// mainstream parsers accept as well.
	var seq cryptobyte.String
	if !readExtSequence(v, &seq) {
		return malformedExt("policyConstraints", id)
	}
	for _, n := range []uint8{0, 1} {
		for _, t := range []cbasn1.Tag{cbasn1.Tag(n).ContextSpecific(), cbasn1.Tag(n).Constructed().ContextSpecific()} {
			if !seq.SkipOptionalASN1(t) {
				return malformedExt("policyConstraints", id)
			}
		}
	}
	if !seq.Empty() {
		return malformedExt("policyConstraints", id)
	}
	return nil
}

func (w *wf) inhibitAnyPolicyExt(id string, _ bool, v cryptobyte.String) error {
	n := new(big.Int)
	if !v.ReadASN1Integer(n) || !v.Empty() || n.Sign() < 0 {
		return malformedExt("inhibitAnyPolicy", id)
	}
	return nil
}

func (w *wf) infoAccessExt(id string, critical bool, v cryptobyte.String) error {
	if id == oidAIA && critical {
		return errors.New("authorityInfoAccess marked critical (RFC 5280 §4.2.2.1)")
	}
	var seq cryptobyte.String
	if !readExtSequence(v, &seq) {
		return malformedExt("information access", id)
	}
	for !seq.Empty() {
		var ad, loc cryptobyte.String
		var oid asn1.ObjectIdentifier
		var tag cbasn1.Tag
		if !seq.ReadASN1(&ad, cbasn1.SEQUENCE) || !ad.ReadASN1ObjectIdentifier(&oid) ||
			!ad.ReadAnyASN1(&loc, &tag) || !ad.Empty() {
			return malformedExt("information access", id)
		}
		if err := w.generalName(tag, loc, false); err != nil {
			return fmt.Errorf("information access (%s): %v", id, err)
		}
	}
	return nil
}

// distributionPoint reads one DistributionPoint (RFC 5280 §4.2.1.13).
func (w *wf) distributionPoint(s *cryptobyte.String) error {
	var dp, name, reasons, issuer cryptobyte.String
	var hasName, hasReasons, hasIssuer bool
	if !s.ReadASN1(&dp, cbasn1.SEQUENCE) ||
		!dp.ReadOptionalASN1(&name, &hasName, cbasn1.Tag(0).Constructed().ContextSpecific()) ||
		!dp.ReadOptionalASN1(&reasons, &hasReasons, cbasn1.Tag(1).ContextSpecific()) ||
		!dp.ReadOptionalASN1(&issuer, &hasIssuer, cbasn1.Tag(2).Constructed().ContextSpecific()) || !dp.Empty() {
		return errors.New("malformed DistributionPoint")
	}
	if !hasName && !hasIssuer {
		return errors.New("a DistributionPoint with neither distributionPoint nor cRLIssuer")
	}
	if hasReasons && !validBitString(reasons) {
		return errors.New("malformed reasons")
	}
	if hasIssuer {
		if err := w.generalNames(issuer, false); err != nil {
			return fmt.Errorf("cRLIssuer: %v", err)
		}
	}
	if !hasName {
		return nil
	}
	var dpn cryptobyte.String
	var tag cbasn1.Tag
	if !name.ReadAnyASN1(&dpn, &tag) || !name.Empty() {
		return errors.New("malformed DistributionPointName")
	}
	switch tag {
	case cbasn1.Tag(0).Constructed().ContextSpecific(): // fullName GeneralNames
		return w.generalNames(dpn, false)
	case cbasn1.Tag(1).Constructed().ContextSpecific(): // nameRelativeToCRLIssuer
		if err := rdn(dpn); err != nil {
			return fmt.Errorf("nameRelativeToCRLIssuer: %v", err)
		}
		w.note("a CRL distribution point named relative to the CRL issuer (nameRelativeToCRLIssuer, RFC 5280 §4.2.1.13; zcrypto and Go's crypto/x509 read only fullName)")
		return nil
	}
	return errors.New("DistributionPointName is neither fullName [0] nor nameRelativeToCRLIssuer [1]")
}

// generalNames checks the content of a GeneralNames SEQUENCE (RFC 5280 says one or more
// GeneralName, but the mainstream parsers accept none).
func (w *wf) generalNames(s cryptobyte.String, constraint bool) error {
	for !s.Empty() {
		var v cryptobyte.String
		var tag cbasn1.Tag
		if !s.ReadAnyASN1(&v, &tag) {
			return errors.New("malformed GeneralName")
		}
		if err := w.generalName(tag, v, constraint); err != nil {
			return err
		}
	}
	return nil
}

// generalName checks one GeneralName (RFC 5280 §4.2.1.6) of the given tag and content; in a
// name constraint an iPAddress is an address and a mask (8 or 32 bytes).
func (w *wf) generalName(tag cbasn1.Tag, v cryptobyte.String, constraint bool) error {
	ctx := func(n uint8) cbasn1.Tag { return cbasn1.Tag(n).ContextSpecific() }
	switch tag {
	case ctx(0).Constructed(): // otherName
		var oid asn1.ObjectIdentifier
		var val cryptobyte.String
		if !v.ReadASN1ObjectIdentifier(&oid) || !v.ReadASN1(&val, ctx(0).Constructed()) || !v.Empty() {
			return errors.New("malformed otherName")
		}
	case ctx(1), ctx(2), ctx(6): // rfc822Name, dNSName, uniformResourceIdentifier: IA5String
		if !w.anyIA5 && !isASCII(v) {
			return errors.New("a name that is not an IA5String (non-ASCII bytes)")
		}
	case ctx(3).Constructed(), ctx(5).Constructed(): // x400Address, ediPartyName
	case ctx(4).Constructed(): // directoryName: [4] EXPLICIT Name
		var name cryptobyte.String
		if !v.ReadASN1(&name, cbasn1.SEQUENCE) || !v.Empty() {
			return errors.New("malformed directoryName")
		}
		return rdnSequence(name)
	case ctx(7): // iPAddress
		if !constraint && len(v) != 4 && len(v) != 16 {
			return fmt.Errorf("an iPAddress of %d bytes (an IPv4 or IPv6 address has 4 or 16)", len(v))
		}
		if constraint && len(v) != 8 && len(v) != 32 {
			return fmt.Errorf("an iPAddress constraint of %d bytes (8 or 32)", len(v))
		}
	case ctx(8): // registeredID
		var oid asn1.ObjectIdentifier
		full := cryptobyte.NewBuilder(nil)
		full.AddASN1(cbasn1.OBJECT_IDENTIFIER, func(b *cryptobyte.Builder) { b.AddBytes(v) })
		der := cryptobyte.String(full.BytesOrPanic())
		if !der.ReadASN1ObjectIdentifier(&oid) {
			return errors.New("malformed registeredID")
		}
	}
	// Other tags (a constructed dNSName, say) are not a GeneralName the parsers use; they skip
	// them as Go's crypto/x509 does.
	return nil
}

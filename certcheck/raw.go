package certcheck

import (
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"math/big"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Raw is what vpncertlint reads from a certificate's DER itself, independently of zcrypto, so
// that a certificate zcrypto rejects (a brainpool or SM2 key, say) still gets its key,
// signature and validity checked. Every field is read leniently; Err says where it stopped.
type Raw struct {
	Serial *big.Int
	// Version is the version field's INTEGER as encoded (0 for v1, also when absent; 2 for
	// v3); VersionOK is false when it does not fit an int.
	Version    int64
	VersionOK  bool
	SigAlg     asn1.ObjectIdentifier // the outer signatureAlgorithm
	SigParams  []byte                // its parameters, DER (nil when absent)
	RawIssuer  []byte
	RawSubject []byte
	NotBefore  time.Time
	NotAfter   time.Time
	HasDates   bool
	RawSPKI    []byte
	Key        KeyInfo
	// Extensions in the order of the certificate (nil when the extensions were not reached).
	Extensions Extensions
	Err        error
}

// KeyInfo is the SubjectPublicKeyInfo's algorithm, read with ASN.1 alone.
type KeyInfo struct {
	Algorithm asn1.ObjectIdentifier
	// Curve is the namedCurve parameter of an EC key (nil otherwise, or for explicit curves).
	Curve asn1.ObjectIdentifier
	// ExplicitCurve is true for EC keys with specifiedCurve parameters.
	ExplicitCurve bool
	// RSABits is the RSA modulus length in bits (0 for other keys). A negative modulus (an
	// INTEGER with its sign bit set) counts the bits of its encoding read as unsigned, as
	// OpenSSL reads it: 8×ModulusBytes.
	RSABits  int
	Exponent *big.Int
	// Modulus is the RSA modulus (nil for other keys or when unreadable).
	Modulus *big.Int
	// ModulusBytes is the length of the modulus INTEGER's content as encoded.
	ModulusBytes int
	// ECPoint is the EC public key's encoded point, as in the BIT STRING (nil for other keys).
	ECPoint []byte
	Parsed  bool

	// names caches keyAlgorithmNames[Algorithm.String()] and curveNames[Curve.String()],
	// which several checks look up (set by parseSPKI; a KeyInfo built otherwise looks them up).
	algName, curveName string
	named              bool
}

// names returns the names of k's algorithm and curve ("" when unknown).
func (k *KeyInfo) names() (alg, curve string) {
	if k.named {
		return k.algName, k.curveName
	}
	return keyAlgorithmNames[k.Algorithm.String()], curveNames[k.Curve.String()]
}

var errTruncated = errors.New("the DER structure is truncated or malformed")

// ParseRaw reads the outline of a certificate. It never panics.
func ParseRaw(der []byte) *Raw {
	r := &Raw{}
	r.Err = r.parse(der)
	return r
}

func (r *Raw) parse(der []byte) error {
	in := cryptobyte.String(der)
	var cert, tbs, sigAlg cryptobyte.String
	if !in.ReadASN1(&cert, cbasn1.SEQUENCE) {
		return errors.New("not a DER SEQUENCE")
	}
	if !cert.ReadASN1(&tbs, cbasn1.SEQUENCE) {
		return errors.New("no tbsCertificate")
	}
	// The outer signature algorithm comes after the TBS; read it first so it is known even
	// when the TBS is damaged.
	if cert.ReadASN1(&sigAlg, cbasn1.SEQUENCE) {
		r.readSigAlg(sigAlg)
	}
	// version [0] EXPLICIT INTEGER OPTIONAL
	var ver cryptobyte.String
	var hasVer bool
	if !tbs.ReadOptionalASN1(&ver, &hasVer, cbasn1.Tag(0).Constructed().ContextSpecific()) {
		return errTruncated
	}
	r.VersionOK = !hasVer || ver.ReadASN1Int64WithTag(&r.Version, cbasn1.INTEGER)
	serial := new(big.Int)
	if !tbs.ReadASN1Integer(serial) {
		return errors.New("malformed serial number")
	}
	r.Serial = serial
	var skip cryptobyte.String
	if !tbs.ReadASN1(&skip, cbasn1.SEQUENCE) { // signature AlgorithmIdentifier
		return errors.New("malformed signature algorithm in tbsCertificate")
	}
	var issuer cryptobyte.String
	if !tbs.ReadASN1Element(&issuer, cbasn1.SEQUENCE) {
		return errors.New("malformed issuer")
	}
	r.RawIssuer = issuer
	var validity cryptobyte.String
	if !tbs.ReadASN1(&validity, cbasn1.SEQUENCE) {
		return errors.New("malformed validity")
	}
	nb, ok1 := readTime(&validity)
	na, ok2 := readTime(&validity)
	if ok1 && ok2 {
		r.NotBefore, r.NotAfter, r.HasDates = nb, na, true
	}
	var subject cryptobyte.String
	if !tbs.ReadASN1Element(&subject, cbasn1.SEQUENCE) {
		return errors.New("malformed subject")
	}
	r.RawSubject = subject
	var spki cryptobyte.String
	if !tbs.ReadASN1Element(&spki, cbasn1.SEQUENCE) {
		return errors.New("malformed subjectPublicKeyInfo")
	}
	r.RawSPKI = spki
	r.Key = parseSPKI(spki)
	// issuerUniqueID [1], subjectUniqueID [2]
	for _, t := range []cbasn1.Tag{cbasn1.Tag(1).ContextSpecific(), cbasn1.Tag(2).ContextSpecific()} {
		if !tbs.SkipOptionalASN1(t) {
			return errTruncated
		}
	}
	return r.readExtensions(&tbs)
}

// readSigAlg reads the outer signature AlgorithmIdentifier's content.
func (r *Raw) readSigAlg(sigAlg cryptobyte.String) {
	var oid asn1.ObjectIdentifier
	if sigAlg.ReadASN1ObjectIdentifier((*encodingOID)(&oid)) {
		r.SigAlg = oid
		if !sigAlg.Empty() {
			r.SigParams = append([]byte(nil), sigAlg...)
		}
	}
}

// readExtensions reads the optional [3] extensions of a tbsCertificate.
func (r *Raw) readExtensions(tbs *cryptobyte.String) error {
	var exts cryptobyte.String
	var hasExts bool
	if !tbs.ReadOptionalASN1(&exts, &hasExts, cbasn1.Tag(3).Constructed().ContextSpecific()) {
		return errors.New("malformed extensions")
	}
	if !hasExts {
		return nil
	}
	var seq cryptobyte.String
	if !exts.ReadASN1(&seq, cbasn1.SEQUENCE) {
		return errors.New("malformed extensions")
	}
	r.Extensions = make(Extensions, 0, 8)
	for !seq.Empty() {
		var ext cryptobyte.String
		var id string
		critical := false
		var value cryptobyte.String
		if !seq.ReadASN1(&ext, cbasn1.SEQUENCE) ||
			!readOIDString(&ext, &id) ||
			!readOptionalBool(&ext, &critical) ||
			!ext.ReadASN1(&value, cbasn1.OCTET_STRING) {
			return errors.New("malformed extension")
		}
		r.Extensions = append(r.Extensions, Extension{OID: id, Value: value, Critical: critical})
	}
	return nil
}

// Extension is one extension of a certificate: its OID in dotted form, its value (the
// OCTET STRING's content) and its critical flag.
type Extension struct {
	OID      string
	Value    []byte
	Critical bool
}

// Extensions lists a certificate's extensions in order. A slice, not a map: a certificate
// has a handful, and a map per certificate cost more to build than the lookups save.
type Extensions []Extension

// Get returns the value of the extension oid and whether it is present (of two with the
// same OID, the last).
func (e Extensions) Get(oid string) ([]byte, bool) {
	for i := len(e) - 1; i >= 0; i-- {
		if e[i].OID == oid {
			return e[i].Value, true
		}
	}
	return nil, false
}

// readOIDString reads an OBJECT IDENTIFIER as ReadASN1ObjectIdentifier does and returns it
// in dotted form. The few extension OIDs that certificates carry are rendered once: their
// DER encodings are remembered (a bounded table) with the string they gave.
func readOIDString(s *cryptobyte.String, out *string) bool {
	save := *s
	var der cryptobyte.String
	if s.ReadASN1(&der, cbasn1.OBJECT_IDENTIFIER) {
		oidStrings.RLock()
		id, ok := oidStrings.m[string(der)]
		oidStrings.RUnlock()
		if ok {
			*out = id
			return true
		}
	}
	*s = save
	var oid asn1.ObjectIdentifier
	if !s.ReadASN1ObjectIdentifier((*encodingOID)(&oid)) {
		return false
	}
	*out = oid.String()
	if der != nil {
		oidStrings.Lock()
		if len(oidStrings.m) < maxOIDStrings {
			oidStrings.m[string(der)] = *out
		}
		oidStrings.Unlock()
	}
	return true
}

var oidStrings = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

const maxOIDStrings = 1024

// encodingOID lets cryptobyte read into an encoding/asn1 ObjectIdentifier.
type encodingOID = asn1.ObjectIdentifier

func readTime(s *cryptobyte.String) (time.Time, bool) {
	var t time.Time
	if t, ok := readTimeFast(s); ok {
		return t, true
	}
	switch {
	case s.PeekASN1Tag(cbasn1.UTCTime):
		if !s.ReadASN1UTCTime(&t) {
			return t, false
		}
	case s.PeekASN1Tag(cbasn1.GeneralizedTime):
		if !s.ReadASN1GeneralizedTime(&t) {
			return t, false
		}
	default:
		return t, false
	}
	return t, true
}

// readTimeFast reads the two DER time forms that certificates use (UTCTime YYMMDDHHMMSSZ,
// GeneralizedTime YYYYMMDDHHMMSSZ) without time.Parse, which with cryptobyte's round-trip
// check was ~1.5 % of a run. It accepts what readTime's cryptobyte path accepts, with the
// same result (the date must be one time.Date does not normalise; UTCTime years below 50 are
// 20YY); anything else is left to that path. It also reads a GeneralizedTime with a
// fractional second (YYYYMMDDHHMMSS.fffZ: BER, not DER, but seen in certificates, and
// OpenSSL reads it), which cryptobyte refuses, so that such a certificate's validity is
// still checked.
func readTimeFast(s *cryptobyte.String) (time.Time, bool) {
	in := *s
	var tag cbasn1.Tag
	var body cryptobyte.String
	if !in.ReadAnyASN1(&body, &tag) {
		return time.Time{}, false
	}
	year, nsec, rest, ok := timeYear(tag, body)
	if !ok {
		return time.Time{}, false
	}
	var f [5]int
	for i := range f {
		v, ok := digits2(rest[2*i : 2*i+2])
		if !ok {
			return time.Time{}, false
		}
		f[i] = v
	}
	month, day, hour, minute, sec := f[0], f[1], f[2], f[3], f[4]
	if month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	if t.Day() != day { // 31 April, 29 February of a common year…
		return time.Time{}, false
	}
	*s = in
	return t, true
}

// fraction reads the digits of a fractional second (at least one) as nanoseconds; digits
// beyond the ninth are ignored.
func fraction(b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, false
	}
	n := 0
	for i, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		if i < 9 {
			n = n*10 + int(c-'0')
		}
	}
	for i := len(b); i < 9; i++ {
		n *= 10
	}
	return n, true
}

func digits2(b []byte) (int, bool) {
	if b[0] < '0' || b[0] > '9' || b[1] < '0' || b[1] > '9' {
		return 0, false
	}
	return int(b[0]-'0')*10 + int(b[1]-'0'), true
}

// parseSPKI reads a DER SubjectPublicKeyInfo's algorithm, curve and RSA size.
func parseSPKI(der []byte) KeyInfo {
	var k KeyInfo
	in := cryptobyte.String(der)
	var spki, alg cryptobyte.String
	var oid asn1.ObjectIdentifier
	if !in.ReadASN1(&spki, cbasn1.SEQUENCE) || !spki.ReadASN1(&alg, cbasn1.SEQUENCE) ||
		!alg.ReadASN1ObjectIdentifier((*encodingOID)(&oid)) {
		return k
	}
	k.Algorithm = oid
	k.Parsed = true
	if alg.PeekASN1Tag(cbasn1.OBJECT_IDENTIFIER) {
		var curve asn1.ObjectIdentifier
		if alg.ReadASN1ObjectIdentifier((*encodingOID)(&curve)) {
			k.Curve = curve
		}
	} else if alg.PeekASN1Tag(cbasn1.SEQUENCE) {
		k.ExplicitCurve = true
	}
	k.algName, k.curveName = k.names()
	k.named = true
	var bits asn1.BitString
	if !spki.ReadASN1BitString((*cbBitString)(&bits)) {
		return k
	}
	if oid.Equal(oidRSA) || oid.Equal(oidRSAPSS) {
		key := cryptobyte.String(bits.Bytes)
		var seq cryptobyte.String
		n, e := new(big.Int), new(big.Int)
		var nBytes cryptobyte.String
		if key.ReadASN1(&seq, cbasn1.SEQUENCE) && peekASN1(seq, &nBytes, cbasn1.INTEGER) &&
			seq.ReadASN1Integer(n) && seq.ReadASN1Integer(e) {
			k.RSABits = n.BitLen()
			if n.Sign() < 0 {
				k.RSABits = 8 * len(nBytes)
			}
			k.ModulusBytes = len(nBytes)
			k.Exponent = e
			k.Modulus = n
		}
	}
	if oid.Equal(oidEC) {
		k.ECPoint = append([]byte(nil), bits.Bytes...)
	}
	return k
}

type cbBitString = asn1.BitString

// peekASN1 reads the content of the next element of s, which must have tag, without
// consuming it.
func peekASN1(s cryptobyte.String, out *cryptobyte.String, tag cbasn1.Tag) bool {
	return s.ReadASN1(out, tag)
}

// Name renders a DER Name the way Go's crypto/x509/pkix does (RFC 2253 order).
func Name(der []byte) string {
	if len(der) == 0 {
		return ""
	}
	if s, ok := nameCache.Load(string(der)); ok {
		return s.(string)
	}
	s := renderName(der)
	if nameCacheSize.Add(1) <= maxNameCache {
		nameCache.Store(string(der), s)
	}
	return s
}

// Rendered names are cached: the issuer of thousands of certificates is the same few CAs.
// The cache is bounded; beyond it names are rendered each time.
var (
	nameCache     sync.Map
	nameCacheSize atomic.Int64
)

const maxNameCache = 4096

func renderName(der []byte) string {
	var rdn pkix.RDNSequence
	if rest, err := asn1.Unmarshal(der, &rdn); err != nil || len(rest) > 0 {
		return "(unreadable name)"
	}
	var n pkix.Name
	n.FillFromRDNSequence(&rdn)
	return n.String()
}

// readOptionalBool reads a BOOLEAN if one is next (cryptobyte's ReadOptionalASN1Boolean is
// for explicitly tagged booleans only).
func readOptionalBool(s *cryptobyte.String, out *bool) bool {
	*out = false
	if !s.PeekASN1Tag(cbasn1.BOOLEAN) {
		return true
	}
	return s.ReadASN1Boolean(out)
}

func renderNameOrEmpty(der []byte) string {
	if len(der) == 0 {
		return ""
	}
	return renderName(der)
}

// timeYear reads the year (and a GeneralizedTime's fractional second) of a DER time's body
// and returns the MMDDHHMMSS digits that follow it.
func timeYear(tag cbasn1.Tag, body []byte) (year, nsec int, rest []byte, ok bool) {
	switch {
	case tag == cbasn1.UTCTime && len(body) == 13:
		yy, ok := digits2(body[0:2])
		if !ok || body[12] != 'Z' {
			return 0, 0, nil, false
		}
		year, rest = 1900+yy, body[2:12]
		if yy < 50 {
			year += 100
		}
		return year, 0, rest, true
	case tag == cbasn1.GeneralizedTime && len(body) >= 15:
		hi, ok1 := digits2(body[0:2])
		lo, ok2 := digits2(body[2:4])
		if !ok1 || !ok2 {
			return 0, 0, nil, false
		}
		nsec, ok := generalizedEnd(body[14:])
		return hi*100 + lo, nsec, body[4:14], ok
	}
	return 0, 0, nil, false
}

// generalizedEnd reads what follows a GeneralizedTime's seconds: "Z", or a fractional second
// and "Z" (returned in nanoseconds).
func generalizedEnd(end []byte) (nsec int, ok bool) {
	switch {
	case len(end) == 1:
		return 0, end[0] == 'Z'
	case end[0] == '.' && end[len(end)-1] == 'Z':
		return fraction(end[1 : len(end)-1])
	}
	return 0, false
}

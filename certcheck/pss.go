package certcheck

import (
	"encoding/asn1"
	"fmt"
	"strings"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// RSASSA-PSS signatures (RFC 4055 §3.1) carry their hash and mask generation function in the
// AlgorithmIdentifier's parameters:
//
//	RSASSA-PSS-params ::= SEQUENCE {
//	    hashAlgorithm      [0] HashAlgorithm    DEFAULT sha1,
//	    maskGenAlgorithm   [1] MaskGenAlgorithm DEFAULT mgf1SHA1,
//	    saltLength         [2] INTEGER          DEFAULT 20,
//	    trailerField       [3] TrailerField     DEFAULT trailerFieldBC }
//
// so a PSS signature whose parameters are absent, or omit the hash, is made with SHA-1.

// hashNames names the one-way hash functions an RSASSA-PSS signature may name (RFC 3279,
// RFC 4055, RFC 5754, NIST CSOR).
var hashNames = map[string]string{
	"1.2.840.113549.2.2":      "MD2",
	"1.2.840.113549.2.5":      "MD5",
	"1.3.14.3.2.26":           "SHA-1",
	"2.16.840.1.101.3.4.2.4":  "SHA-224",
	"2.16.840.1.101.3.4.2.1":  "SHA-256",
	"2.16.840.1.101.3.4.2.2":  "SHA-384",
	"2.16.840.1.101.3.4.2.3":  "SHA-512",
	"2.16.840.1.101.3.4.2.5":  "SHA-512/224",
	"2.16.840.1.101.3.4.2.6":  "SHA-512/256",
	"2.16.840.1.101.3.4.2.7":  "SHA3-224",
	"2.16.840.1.101.3.4.2.8":  "SHA3-256",
	"2.16.840.1.101.3.4.2.9":  "SHA3-384",
	"2.16.840.1.101.3.4.2.10": "SHA3-512",
}

// pssStrongHashes are the hashes accepted in a PSS signature, as for PKCS#1 v1.5 and ECDSA.
var pssStrongHashes = map[string]bool{"SHA-256": true, "SHA-384": true, "SHA-512": true}

// pssWeakHashes are too weak (collisions found, or a 112-bit security level).
var pssWeakHashes = map[string]bool{"MD2": true, "MD5": true, "SHA-1": true, "SHA-224": true, "SHA-512/224": true, "SHA3-224": true}

var oidMGF1 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 8}

// rsaPSSParams is what an RSASSA-PSS AlgorithmIdentifier's parameters say.
type rsaPSSParams struct {
	Hash, MGFHash string // "SHA-256"…
	// Absent: the AlgorithmIdentifier has no parameters at all (every field its default).
	Absent bool
	// HashDefault, MGFDefault: the field is absent and takes its RFC 4055 default (SHA-1).
	HashDefault, MGFDefault bool
	SaltLength              int64
}

// parsePSSParams reads the parameters of an RSASSA-PSS AlgorithmIdentifier (the DER after the
// OID, nil when absent). It refuses anything but one RSASSA-PSS-params SEQUENCE naming known
// hashes and MGF1, with trailerField 1 (RFC 4055 §3.1) and nothing after it.
func parsePSSParams(der []byte) (rsaPSSParams, error) {
	p := rsaPSSParams{Hash: "SHA-1", MGFHash: "SHA-1", HashDefault: true, MGFDefault: true, SaltLength: 20}
	if len(der) == 0 {
		p.Absent = true
		return p, nil
	}
	seq, err := pssSequence(der)
	if err != nil {
		return p, err
	}
	for _, field := range []func(*cryptobyte.String) error{p.readHash, p.readMGF, p.readSaltLength, readTrailerField} {
		if err := field(&seq); err != nil {
			return p, err
		}
	}
	if !seq.Empty() {
		var skip cryptobyte.String
		var tag cbasn1.Tag
		if seq.ReadAnyASN1(&skip, &tag) {
			return p, fmt.Errorf("%s where no RSASSA-PSS-params field may be (a field out of order, repeated or unknown)", tagName(tag))
		}
		return p, fmt.Errorf("unreadable data after the RSASSA-PSS-params fields")
	}
	return p, nil
}

// pssSequence reads der as exactly one RSASSA-PSS-params SEQUENCE and returns its content.
func pssSequence(der []byte) (cryptobyte.String, error) {
	in := cryptobyte.String(der)
	var seq cryptobyte.String
	var tag cbasn1.Tag
	if !in.PeekASN1Tag(cbasn1.SEQUENCE) {
		var skip cryptobyte.String
		if in.ReadAnyASN1(&skip, &tag) {
			return nil, fmt.Errorf("the parameters are %s, not an RSASSA-PSS-params SEQUENCE", tagName(tag))
		}
		return nil, fmt.Errorf("the parameters are not an RSASSA-PSS-params SEQUENCE")
	}
	if !in.ReadASN1(&seq, cbasn1.SEQUENCE) {
		return nil, fmt.Errorf("the RSASSA-PSS-params SEQUENCE is truncated")
	}
	if !in.Empty() {
		return nil, fmt.Errorf("%d byte(s) follow the RSASSA-PSS-params SEQUENCE", len(in))
	}
	return seq, nil
}

// readHash reads the optional hashAlgorithm [0].
func (p *rsaPSSParams) readHash(seq *cryptobyte.String) error {
	var field cryptobyte.String
	var has bool
	if !seq.ReadOptionalASN1(&field, &has, cbasn1.Tag(0).Constructed().ContextSpecific()) {
		return fmt.Errorf("hashAlgorithm [0] is malformed")
	}
	if !has {
		return nil
	}
	h, err := readHashAlgorithm(&field)
	if err != nil {
		return fmt.Errorf("hashAlgorithm: %v", err)
	}
	if !field.Empty() {
		return fmt.Errorf("hashAlgorithm [0] has data after its AlgorithmIdentifier")
	}
	p.Hash, p.HashDefault = h, false
	return nil
}

// readMGF reads the optional maskGenAlgorithm [1], which must be MGF1 with a hash.
func (p *rsaPSSParams) readMGF(seq *cryptobyte.String) error {
	var field cryptobyte.String
	var has bool
	if !seq.ReadOptionalASN1(&field, &has, cbasn1.Tag(1).Constructed().ContextSpecific()) {
		return fmt.Errorf("maskGenAlgorithm [1] is malformed")
	}
	if !has {
		return nil
	}
	var mgf cryptobyte.String
	var oid asn1.ObjectIdentifier
	if !field.ReadASN1(&mgf, cbasn1.SEQUENCE) || !field.Empty() || !mgf.ReadASN1ObjectIdentifier((*encodingOID)(&oid)) {
		return fmt.Errorf("maskGenAlgorithm is not an AlgorithmIdentifier")
	}
	if !oid.Equal(oidMGF1) {
		return fmt.Errorf("the mask generation function is %s, not MGF1 (1.2.840.113549.1.1.8)", oid)
	}
	if mgf.Empty() {
		return fmt.Errorf("MGF1 has no hash algorithm parameter")
	}
	h, err := readHashAlgorithm(&mgf)
	if err != nil {
		return fmt.Errorf("MGF1's hash: %v", err)
	}
	if !mgf.Empty() {
		return fmt.Errorf("MGF1 has data after its hash algorithm")
	}
	p.MGFHash, p.MGFDefault = h, false
	return nil
}

// readSaltLength reads the optional saltLength [2].
func (p *rsaPSSParams) readSaltLength(seq *cryptobyte.String) error {
	var field cryptobyte.String
	var has bool
	if !seq.ReadOptionalASN1(&field, &has, cbasn1.Tag(2).Constructed().ContextSpecific()) {
		return fmt.Errorf("saltLength [2] is malformed")
	}
	if has && (!field.ReadASN1Int64WithTag(&p.SaltLength, cbasn1.INTEGER) || !field.Empty() || p.SaltLength < 0) {
		return fmt.Errorf("saltLength is not a non-negative INTEGER")
	}
	return nil
}

// readTrailerField reads the optional trailerField [3], which must be 1.
func readTrailerField(seq *cryptobyte.String) error {
	var field cryptobyte.String
	var has bool
	if !seq.ReadOptionalASN1(&field, &has, cbasn1.Tag(3).Constructed().ContextSpecific()) {
		return fmt.Errorf("trailerField [3] is malformed")
	}
	if !has {
		return nil
	}
	var trailer int64
	if !field.ReadASN1Int64WithTag(&trailer, cbasn1.INTEGER) || !field.Empty() {
		return fmt.Errorf("trailerField is not an INTEGER")
	}
	if trailer != 1 {
		return fmt.Errorf("trailerField is %d; RFC 4055 requires 1 (trailerFieldBC)", trailer)
	}
	return nil
}

// readHashAlgorithm reads a HashAlgorithm (an AlgorithmIdentifier whose parameters are NULL
// or absent) and names the hash.
func readHashAlgorithm(s *cryptobyte.String) (string, error) {
	var alg cryptobyte.String
	var oid asn1.ObjectIdentifier
	if !s.ReadASN1(&alg, cbasn1.SEQUENCE) || !alg.ReadASN1ObjectIdentifier((*encodingOID)(&oid)) {
		return "", fmt.Errorf("not an AlgorithmIdentifier")
	}
	if alg.PeekASN1Tag(cbasn1.NULL) {
		var null cryptobyte.String
		if !alg.ReadASN1(&null, cbasn1.NULL) || !null.Empty() {
			return "", fmt.Errorf("malformed NULL parameters")
		}
	}
	if !alg.Empty() {
		return "", fmt.Errorf("hash %s has parameters other than NULL", oid)
	}
	name, ok := hashNames[oid.String()]
	if !ok {
		return "", fmt.Errorf("unknown hash algorithm (OID %s)", oid)
	}
	return name, nil
}

// tagName describes an ASN.1 tag for a detail.
func tagName(t cbasn1.Tag) string {
	switch t {
	case cbasn1.NULL:
		return "NULL"
	case cbasn1.OBJECT_IDENTIFIER:
		return "an OBJECT IDENTIFIER"
	case cbasn1.INTEGER:
		return "an INTEGER"
	case cbasn1.OCTET_STRING:
		return "an OCTET STRING"
	case cbasn1.SET:
		return "a SET"
	}
	return fmt.Sprintf("an element of tag 0x%02x", uint8(t))
}

// Describe names the signature algorithm with its hashes, e.g. "RSASSA-PSS with hash SHA-1
// and MGF1-SHA-1 (parameters absent: RFC 4055 defaults)".
func (p rsaPSSParams) Describe() string {
	s := fmt.Sprintf("RSASSA-PSS with hash %s and MGF1-%s", p.Hash, p.MGFHash)
	switch {
	case p.Absent:
		s += " (parameters absent: RFC 4055 defaults; RFC 4055 requires them in a signature)"
	case p.HashDefault && p.MGFDefault:
		s += " (hashAlgorithm and maskGenAlgorithm absent from the parameters: RFC 4055 defaults)"
	case p.HashDefault:
		s += " (hashAlgorithm absent from the parameters: RFC 4055 default)"
	case p.MGFDefault:
		s += " (maskGenAlgorithm absent from the parameters: RFC 4055 default)"
	}
	return s
}

// Problem says why the hashes of p are not accepted ("" when both are SHA-256/384/512).
func (p rsaPSSParams) Problem() string {
	var weak, other []string
	for _, h := range []string{p.Hash, p.MGFHash} {
		switch {
		case pssStrongHashes[h] || containsString(weak, h) || containsString(other, h):
		case pssWeakHashes[h]:
			weak = append(weak, h)
		default:
			other = append(other, h)
		}
	}
	var why []string
	if len(weak) > 0 {
		why = append(why, strings.Join(weak, " and ")+isAre(weak)+" too weak")
	}
	if len(other) > 0 {
		why = append(why, strings.Join(other, " and ")+isAre(other)+" not accepted")
	}
	if len(why) == 0 {
		return ""
	}
	return strings.Join(why, ", ") + "; use SHA-256, SHA-384 or SHA-512 for both the hash and MGF1"
}

func isAre(xs []string) string {
	if len(xs) > 1 {
		return " are"
	}
	return " is"
}

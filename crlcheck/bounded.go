package crlcheck

import (
	"fmt"

	"github.com/vpncertlint/vpncertlint/lint"
	"github.com/zmap/zcrypto/x509"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// BoundedSize is the DER size above which a CRL is read with bounded memory (see
// parseBounded) instead of parsed whole: zcrypto's parse of a CRL takes about seven times
// its size (a million entries, 36 MB: 261 MB live), and none of vpncertlint's CRL checks
// needs the entries kept. 2 MiB is about 60,000 entries.
const BoundedSize = 2 << 20

// boundedChunk is how many bytes of entries are parsed at a time by parseBounded.
const boundedChunk = 256 << 10

// CodeZlintSkipped is the notice that zlint's CRL lints were not run on a CRL read with
// bounded memory: they take the whole parsed CRL (several times its size in memory).
var CodeZlintSkipped = lint.Register(lint.Code{
	ID: "VCL.0794", Source: lint.SourceTool, Severity: lint.Notice,
	Message:  "CRL %s was not run through the zlint CRL lints (too large).",
	DescEN:   "The CRL is larger than vpncertlint parses whole (2 MiB of DER, about 60,000 entries). Its own checks read it with bounded memory, entry by entry, and judge it exactly as for a small CRL; zlint's CRL lints need the whole parsed CRL in memory (about seven times its size), so they were not run on it.",
	RemedyEN: "Nothing to do for the upload. To see zlint's CRL advisories, run the zlint CLI on the CRL (zlint -crl).",
	DescZH:   "吊销列表%s过大,未运行zlint的吊销列表检查。",
	RemedyZH: "导入无需处理。如需zlint的吊销列表建议,请用zlint命令行(zlint -crl)检查该吊销列表。",
}).ID

// ZlintSkipped returns the notice that zlint's CRL lints were not run on c, and whether
// they were not (c was read with bounded memory: its entries were not kept).
func (c *CRL) ZlintSkipped() (lint.Finding, bool) {
	if !c.Bounded || c.X == nil {
		return lint.Finding{}, false
	}
	return c.Finding(CodeZlintSkipped, fmt.Sprintf("the CRL has %d bytes of DER, more than the %d that are parsed whole; its entries were checked one part at a time and not kept",
		len(c.DER), BoundedSize)), true
}

// parseBounded parses der as x509.ParseRevocationList does, with the same result and the
// same error, but without the entries (RevokedCertificates is empty, not nil, when the
// CRL has the field) and with memory bounded by boundedChunk rather than by the number of
// entries. It is zcrypto's parser that reads every field: the entries are parsed in parts,
// each as the only entries of a copy of the CRL that keeps everything before them (version,
// algorithms, issuer, dates) and the signature, then the CRL itself without its entries.
// zcrypto reads the fields in order and stops at the first error, so the first part's error
// is the whole CRL's, and the last parse's is the CRL's when the entries are all readable.
// Raw and RawTBSRevocationList are der's own bytes, so the signature is verified over what
// was signed. withExt counts the entries that have extensions. ok is false when der does not
// have a CRL's outline (HasOutline): then nothing is parsed.
func parseBounded(der []byte) (rl *x509.RevocationList, withExt int, ok bool, err error) {
	if !HasOutline(der) {
		return nil, 0, false, nil
	}
	in := cryptobyte.String(der)
	var whole, list, tbsElem, tbs, revoked cryptobyte.String
	in.ReadASN1Element(&whole, cbasn1.SEQUENCE)
	list = whole
	list.ReadASN1(&list, cbasn1.SEQUENCE)
	list.ReadASN1Element(&tbsElem, cbasn1.SEQUENCE)
	trailer := []byte(list) // signatureAlgorithm and signatureValue, as they are
	tbs = tbsElem
	tbs.ReadASN1(&tbs, cbasn1.SEQUENCE)
	// the fields before the entries: version, signature, issuer, thisUpdate, nextUpdate
	rest := tbs
	if rest.PeekASN1Tag(cbasn1.INTEGER) {
		rest.SkipASN1(cbasn1.INTEGER)
	}
	rest.SkipASN1(cbasn1.SEQUENCE)
	rest.SkipASN1(cbasn1.SEQUENCE)
	skipTime(&rest)
	if rest.PeekASN1Tag(cbasn1.UTCTime) || rest.PeekASN1Tag(cbasn1.GeneralizedTime) {
		skipTime(&rest)
	}
	head := []byte(tbs[:len(tbs)-len(rest)])
	hasRevoked := rest.PeekASN1Tag(cbasn1.SEQUENCE)
	if hasRevoked {
		rest.ReadASN1(&revoked, cbasn1.SEQUENCE)
	}
	crlExts := []byte(rest)
	build := func(entries []byte, revokedField bool, exts []byte) []byte {
		return buildCRL(head, entries, revokedField, exts, trailer)
	}
	for !revoked.Empty() {
		part := revoked
		n := 0
		for !revoked.Empty() && n < boundedChunk {
			var e cryptobyte.String
			revoked.ReadASN1Element(&e, cbasn1.SEQUENCE) // HasOutline read them all
			n += len(e)
		}
		x, err := x509.ParseRevocationList(build(part[:len(part)-len(revoked)], true, nil))
		if err != nil {
			return nil, 0, true, err
		}
		for _, rc := range x.RevokedCertificates {
			if len(rc.Extensions) > 0 {
				withExt++
			}
		}
	}
	rl, err = x509.ParseRevocationList(build(nil, hasRevoked, crlExts))
	if err != nil {
		return nil, 0, true, err
	}
	rl.Raw = []byte(whole)
	rl.RawTBSRevocationList = []byte(tbsElem)
	return rl, withExt, true, nil
}

// buildCRL assembles a CertificateList from the tbsCertList's fields before the entries
// (head), the entries (in a revokedCertificates SEQUENCE when revokedField), the crlExtensions
// element exts, and the signatureAlgorithm and signatureValue elements (trailer).
func buildCRL(head, entries []byte, revokedField bool, exts, trailer []byte) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddBytes(head)
			if revokedField {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddBytes(entries) })
			}
			b.AddBytes(exts)
		})
		b.AddBytes(trailer)
	})
	return b.BytesOrPanic()
}

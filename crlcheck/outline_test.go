package crlcheck

import (
	"encoding/pem"
	"os"
	"path/filepath"
	"testing"
)

// TestOutlineOfEveryParsedCRL: every CRL block in the fixtures that NewCRL parses (v1 and
// v2, with and without entries and extensions) has the outline, and no certificate, no
// truncation and no CRL with bytes after it does.
func TestOutlineOfEveryParsedCRL(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*"))
	parsed := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for {
			var b *pem.Block
			b, data = pem.Decode(data)
			if b == nil {
				break
			}
			switch b.Type {
			case "X509 CRL":
				if NewCRL(b.Bytes, f, 0, "").ParseErr != nil {
					continue
				}
				parsed++
				if !HasOutline(b.Bytes) {
					t.Errorf("%s: a CRL NewCRL parses has no CRL outline", f)
				}
				for _, cut := range []int{1, len(b.Bytes) / 2, len(b.Bytes) - 1} {
					if HasOutline(b.Bytes[:cut]) {
						t.Errorf("%s: the first %d bytes have a CRL outline", f, cut)
					}
				}
				if HasOutline(append(append([]byte{}, b.Bytes...), 0)) {
					t.Errorf("%s: a CRL with a byte after it has the outline", f)
				}
			case "CERTIFICATE":
				if HasOutline(b.Bytes) {
					t.Errorf("%s: a certificate has a CRL outline", f)
				}
			}
		}
	}
	if parsed < 10 {
		t.Fatalf("only %d parsed CRLs in the fixtures", parsed)
	}
}

// tlv is one DER element (short or two-byte long form length).
func tlv(tag byte, content ...[]byte) []byte {
	var c []byte
	for _, p := range content {
		c = append(c, p...)
	}
	switch {
	case len(c) < 0x80:
		return append([]byte{tag, byte(len(c))}, c...)
	case len(c) < 0x100:
		return append([]byte{tag, 0x81, byte(len(c))}, c...)
	}
	return append([]byte{tag, 0x82, byte(len(c) >> 8), byte(len(c))}, c...)
}

// TestOutlineFields: HasOutline field by field, each optional part present and absent, each
// element with a tag that announces it but a length that cannot be read (0x81 0x01: a long
// form for a short length, refused by DER), and elements of the wrong kind or too many.
func TestOutlineFields(t *testing.T) {
	var (
		ver     = tlv(0x02, []byte{1})
		alg     = tlv(0x30, tlv(0x06, []byte{0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02}))
		name    = tlv(0x30, tlv(0x31, tlv(0x30, tlv(0x06, []byte{0x55, 0x04, 0x03}), tlv(0x0c, []byte("CA")))))
		utc     = tlv(0x17, []byte("260601000000Z"))
		gen     = tlv(0x18, []byte("20260601000000Z"))
		serial  = tlv(0x02, []byte{5})
		entry   = tlv(0x30, serial, utc)
		entryX  = tlv(0x30, serial, gen, tlv(0x30, tlv(0x30, tlv(0x06, []byte{0x55, 0x1d, 0x15}), tlv(0x04, tlv(0x0a, []byte{1})))))
		exts    = tlv(0xa0, tlv(0x30, tlv(0x30, tlv(0x06, []byte{0x55, 0x1d, 0x14}), tlv(0x04, tlv(0x02, []byte{1})))))
		sig     = tlv(0x03, []byte{0, 1, 2})
		badLen  = func(tag byte) []byte { return []byte{tag, 0x81, 0x01, 0x00} }
		crl     = func(tbs ...[]byte) []byte { return tlv(0x30, tlv(0x30, tbs...), alg, sig) }
		revoked = func(es ...[]byte) []byte { return tlv(0x30, es...) }
	)
	for _, tc := range []struct {
		name string
		der  []byte
		want bool
	}{
		{"v1: no version, no nextUpdate, no entries", crl(alg, name, utc), true},
		{"v2 with every part", crl(ver, alg, name, utc, utc, revoked(entry, entryX), exts), true},
		{"GeneralizedTime dates", crl(ver, alg, name, gen, gen), true},
		{"entries without extensions", crl(alg, name, utc, revoked(entry)), true},
		{"an empty revokedCertificates", crl(alg, name, utc, revoked()), true},
		{"extensions without nextUpdate or entries", crl(ver, alg, name, utc, exts), true},
		{"version with an unreadable length", crl(badLen(0x02), alg, name, utc), false},
		{"thisUpdate not a time", crl(alg, name, serial), false},
		{"thisUpdate missing", crl(alg, name), false},
		{"thisUpdate with an unreadable length", crl(alg, name, badLen(0x17)), false},
		{"nextUpdate with an unreadable length", crl(alg, name, utc, badLen(0x17)), false},
		{"GeneralizedTime nextUpdate with an unreadable length", crl(alg, name, utc, badLen(0x18)), false},
		{"revokedCertificates with an unreadable length", crl(alg, name, utc, badLen(0x30)), false},
		{"an entry that is not a SEQUENCE", crl(alg, name, utc, revoked(serial)), false},
		{"an entry without its date", crl(alg, name, utc, revoked(tlv(0x30, serial))), false},
		{"an entry without its serial", crl(alg, name, utc, revoked(tlv(0x30, utc))), false},
		{"an entry with an INTEGER for extensions", crl(alg, name, utc, revoked(tlv(0x30, serial, utc, serial))), false},
		{"an entry with two extension lists", crl(alg, name, utc, revoked(tlv(0x30, serial, utc, tlv(0x30), tlv(0x30)))), false},
		{"a bad entry after a good one", crl(alg, name, utc, revoked(entry, tlv(0x30, serial))), false},
		{"crlExtensions with an unreadable length", crl(ver, alg, name, utc, badLen(0xa0)), false},
		{"an element after crlExtensions", crl(ver, alg, name, utc, exts, serial), false},
		{"no signatureAlgorithm", tlv(0x30, tlv(0x30, alg, name, utc), sig), false},
		{"no signatureValue", tlv(0x30, tlv(0x30, alg, name, utc), alg), false},
		{"an element after the signatureValue", tlv(0x30, tlv(0x30, alg, name, utc), alg, sig, tlv(0x05)), false},
		{"a signatureValue that is an OCTET STRING", tlv(0x30, tlv(0x30, alg, name, utc), alg, tlv(0x04, []byte{0})), false},
	} {
		if got := HasOutline(tc.der); got != tc.want {
			t.Errorf("%s: HasOutline = %v, want %v (% x)", tc.name, got, tc.want, tc.der)
		}
	}
}

package pemformat

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"runtime"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/crlcheck"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// derCRL signs a DER CRL of n entries.
func derCRL(t *testing.T, n int) []byte {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "hint CA"}, IsCA: true,
		BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCRLSign | x509.KeyUsageCertSign, SubjectKeyId: []byte{1, 2, 3, 4}}
	entries := make([]x509.RevocationListEntry, n)
	for i := range entries {
		entries[i] = x509.RevocationListEntry{SerialNumber: big.NewInt(int64(i) + 100), RevocationTime: now}
	}
	der, err := x509.CreateRevocationList(rand.Reader, &x509.RevocationList{Number: big.NewInt(1), ThisUpdate: now,
		NextUpdate: now.AddDate(0, 0, 7), RevokedCertificateEntries: entries}, ca, key)
	if err != nil {
		t.Fatal(err)
	}
	return der
}

// TestDERHintLargeCRL: a binary DER CRL on either side of the size above which it is judged by
// its outline alone (not parsed) is named as a CRL to convert; the same bytes cut short, or
// with a byte after them, are not.
func TestDERHintLargeCRL(t *testing.T) {
	for _, n := range []int{3, derHintParseLimit/20 + 1000} {
		der := derCRL(t, n)
		if n > 3 && len(der) <= derHintParseLimit {
			t.Fatalf("the large CRL is only %d bytes", len(der))
		}
		if k, hint, ok := DERHint(der, "x.crl"); !ok || k != KindCRL {
			t.Errorf("%d bytes: DERHint = %v %q %v, want a CRL", len(der), k, hint, ok)
		}
		if n > 3 {
			// a parse would take several times the CRL's size; the outline takes nothing
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			DERHint(der, "x.crl")
			runtime.ReadMemStats(&after)
			if got := after.TotalAlloc - before.TotalAlloc; got > 64<<10 {
				t.Errorf("%d bytes: DERHint allocated %d bytes", len(der), got)
			}
		}
		if _, _, ok := DERHint(der[:len(der)-1], "x.crl"); ok {
			t.Errorf("%d bytes cut short: still a CRL", len(der))
		}
		if _, _, ok := DERHint(append(append([]byte{}, der...), 0), "x.crl"); ok {
			t.Errorf("%d bytes and a zero: still a CRL", len(der))
		}
	}
}

// outlineOnly builds DER of exactly size bytes that has a CRL's outline (crlcheck.HasOutline)
// but is no CRL a parser accepts: empty AlgorithmIdentifiers and issuer, one entry whose
// serial INTEGER pads the input to size.
func outlineOnly(t *testing.T, size int) []byte {
	t.Helper()
	build := func(pad int) []byte {
		var b cryptobyte.Builder
		b.AddASN1(cbasn1.SEQUENCE, func(list *cryptobyte.Builder) {
			list.AddASN1(cbasn1.SEQUENCE, func(tbs *cryptobyte.Builder) {
				tbs.AddASN1(cbasn1.SEQUENCE, func(*cryptobyte.Builder) {}) // signature
				tbs.AddASN1(cbasn1.SEQUENCE, func(*cryptobyte.Builder) {}) // issuer
				tbs.AddASN1(cbasn1.UTCTime, func(b *cryptobyte.Builder) { b.AddBytes([]byte("260601000000Z")) })
				tbs.AddASN1(cbasn1.SEQUENCE, func(revoked *cryptobyte.Builder) {
					revoked.AddASN1(cbasn1.SEQUENCE, func(e *cryptobyte.Builder) {
						e.AddASN1(cbasn1.INTEGER, func(b *cryptobyte.Builder) { b.AddBytes(append([]byte{1}, make([]byte, pad)...)) })
						e.AddASN1(cbasn1.UTCTime, func(b *cryptobyte.Builder) { b.AddBytes([]byte("260601000000Z")) })
					})
				})
			})
			list.AddASN1(cbasn1.SEQUENCE, func(*cryptobyte.Builder) {})
			list.AddASN1(cbasn1.BIT_STRING, func(b *cryptobyte.Builder) { b.AddUint8(0) })
		})
		return b.BytesOrPanic()
	}
	for pad := max(0, size-80); pad <= size; pad++ {
		if der := build(pad); len(der) == size {
			if !crlcheck.HasOutline(der) || crlcheck.NewCRL(der, "x.crl", 0, "").ParseErr == nil {
				t.Fatalf("%d bytes: outline %v, parses", size, crlcheck.HasOutline(der))
			}
			return der
		}
	}
	t.Fatalf("no outline of %d bytes", size)
	return nil
}

// TestDERHintOutlineLimit: DER with a CRL's outline that does not parse is a CRL to convert
// only above derHintParseLimit (1 MiB), where the parse is skipped; up to it, the parse decides.
func TestDERHintOutlineLimit(t *testing.T) {
	for size, want := range map[int]bool{200: false, 1 << 20: false, 1<<20 + 1: true} {
		der := outlineOnly(t, size)
		k, _, ok := DERHint(der, "x.crl")
		if ok != want || (ok && k != KindCRL) {
			t.Errorf("%d bytes of outline: DERHint = %v %v, want a CRL %v", size, k, ok, want)
		}
	}
}

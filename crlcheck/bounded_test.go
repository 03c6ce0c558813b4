package crlcheck

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/fuzzseed"
	"github.com/vpncertlint/vpncertlint/internal/pemscan"
	"github.com/vpncertlint/vpncertlint/lint"
	"github.com/zmap/zcrypto/x509"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

var (
	algECDSASHA256 = []byte{0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02}
	oidReason      = []int{2, 5, 29, 21}
)

// entry is one revokedCertificates entry: serial i, a reason code, or raw bytes as given.
func entry(i int, reason bool) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1Int64(int64(i + 1))
		b.AddASN1UTCTime(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		if reason {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					b.AddASN1ObjectIdentifier(oidReason)
					b.AddASN1OctetString([]byte{0x0a, 0x01, 0x01})
				})
			})
		}
	})
	return b.BytesOrPanic()
}

// synthCRL builds a CRL (unsigned: a fixed signature) with the given entries and CRL
// extensions (raw); version 2 unless v1.
func synthCRL(v1 bool, entries [][]byte, crlExts []byte) []byte {
	var b cryptobyte.Builder
	alg := func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddBytes(algECDSASHA256) })
	}
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			if !v1 {
				b.AddASN1Int64(1)
			}
			alg(b)
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
						b.AddASN1ObjectIdentifier([]int{2, 5, 4, 3})
						b.AddASN1(cbasn1.UTF8String, func(b *cryptobyte.Builder) { b.AddBytes([]byte("bounded CA")) })
					})
				})
			})
			b.AddASN1UTCTime(time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
			b.AddASN1UTCTime(time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC))
			if entries != nil {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					for _, e := range entries {
						b.AddBytes(e)
					}
				})
			}
			b.AddBytes(crlExts)
		})
		alg(b)
		b.AddASN1BitString(bytes.Repeat([]byte{0x30}, 70))
	})
	return b.BytesOrPanic()
}

func crlExtensions(number []byte) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1ObjectIdentifier([]int{2, 5, 29, 20})
				b.AddASN1OctetString(number)
			})
		})
	})
	return b.BytesOrPanic()
}

// TestParseBoundedMatchesZcrypto: parseBounded gives what x509.ParseRevocationList gives
// (every field but the entries; the same error, first in order) on CRLs whose entries span
// several parts, with a bad entry in the first, a middle and the last part, a bad CRL
// extension, no entries, an empty list of entries, and a v1 CRL; and it counts the entries
// with extensions.
func TestParseBoundedMatchesZcrypto(t *testing.T) {
	const n = 20000 // ~35 bytes each: three parts of boundedChunk
	good := make([][]byte, n)
	withExt := 0
	for i := range good {
		good[i] = entry(i, i%3 == 0)
		if i%3 == 0 {
			withExt++
		}
	}
	badAt := func(i int, bad []byte) [][]byte {
		e := append([][]byte(nil), good...)
		e[i] = bad
		return e
	}
	badReason := entry(0, true)
	badReason[len(badReason)-1] = 0x00 // reasonCode ENUMERATED → a 0x0a 0x01 0x00 … still fine; break its tag:
	badReason[len(badReason)-3] = 0x02
	badSerial := []byte{0x30, 0x11, 0x02, 0x00, 0x17, 0x0d, '2', '6', '0', '1', '0', '1', '0', '0', '0', '0', '0', '0', 'Z'}
	cases := map[string][]byte{
		"good":                 synthCRL(false, good, crlExtensions([]byte{0x02, 0x01, 0x07})),
		"bad reason, first":    synthCRL(false, badAt(1, badReason), nil),
		"bad serial, middle":   synthCRL(false, badAt(n/2, badSerial), nil),
		"bad serial, last":     synthCRL(false, badAt(n-1, badSerial), nil),
		"bad crl number":       synthCRL(false, good, crlExtensions([]byte{0x04, 0x00})),
		"no entries":           synthCRL(false, nil, crlExtensions([]byte{0x02, 0x01, 0x07})),
		"empty entries":        synthCRL(false, [][]byte{}, nil),
		"v1 (zcrypto refuses)": synthCRL(true, good, nil),
	}
	for name, der := range cases {
		want, werr := x509.ParseRevocationList(der)
		got, ext, ok, err := parseBounded(der)
		if !ok {
			t.Errorf("%s: no CRL outline", name)
			continue
		}
		if fmt.Sprint(err) != fmt.Sprint(werr) {
			t.Errorf("%s: error %v, zcrypto %v", name, err, werr)
			continue
		}
		if werr != nil {
			continue
		}
		if len(got.RevokedCertificates) != 0 || (got.RevokedCertificates == nil) != (want.RevokedCertificates == nil) {
			t.Errorf("%s: %d entries kept (nil %v, zcrypto nil %v)", name, len(got.RevokedCertificates), got.RevokedCertificates == nil, want.RevokedCertificates == nil)
		}
		wantExt := 0
		for _, rc := range want.RevokedCertificates {
			if len(rc.Extensions) > 0 {
				wantExt++
			}
		}
		if ext != wantExt {
			t.Errorf("%s: %d entries with extensions, want %d", name, ext, wantExt)
		}
		want.RevokedCertificates, got.RevokedCertificates = nil, nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: parsed %+v\nzcrypto %+v", name, got, want)
		}
	}
	if _, ext, _, _ := parseBounded(cases["good"]); ext != withExt {
		t.Errorf("good: %d entries with extensions, want %d", ext, withExt)
	}
	if _, _, ok, _ := parseBounded(append(cases["good"], 0)); ok {
		t.Error("trailing data: read as a CRL outline")
	}
}

// TestNewCRLBoundedAboveSize: NewCRL reads a CRL above BoundedSize with bounded memory (no
// entries kept, zlint's CRL lints skipped with a notice) and one at or below it whole; a v1
// CRL above it is read as v1 with its entries' extensions counted.
func TestNewCRLBoundedAboveSize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds CRLs of 2 MiB")
	}
	var entries [][]byte
	size := 0
	for i := 0; size <= BoundedSize; i++ {
		e := entry(i, i%2 == 0)
		entries = append(entries, e)
		size += len(e)
	}
	for _, v1 := range []bool{false, true} {
		big := NewCRL(synthCRL(v1, entries, nil), "big.crl", 1, "big.crl")
		if big.ParseErr != nil || !big.Bounded || len(big.X.RevokedCertificates) != 0 || big.V1 != v1 {
			t.Fatalf("v1 %v, %d bytes: err %v, bounded %v, V1 %v", v1, len(big.DER), big.ParseErr, big.Bounded, big.V1)
		}
		if want := (len(entries) + 1) / 2; big.EntriesWithExtensions != want {
			t.Errorf("v1 %v: %d entries with extensions, want %d", v1, big.EntriesWithExtensions, want)
		}
		if f, ok := big.ZlintSkipped(); !ok || f.Code != CodeZlintSkipped {
			t.Errorf("v1 %v: no notice that zlint's CRL lints were skipped", v1)
		}
	}
	// just at the size: parsed whole
	der := synthCRL(false, entries, nil)
	for len(der) > BoundedSize {
		entries = entries[:len(entries)-1]
		der = synthCRL(false, entries, nil)
	}
	small := NewCRL(der, "small.crl", 1, "small.crl")
	if small.ParseErr != nil || small.Bounded || len(small.X.RevokedCertificates) != len(entries) {
		t.Fatalf("%d bytes: err %v, bounded %v, %d entries", len(der), small.ParseErr, small.Bounded, len(small.X.RevokedCertificates))
	}
	if _, ok := small.ZlintSkipped(); ok {
		t.Error("a CRL parsed whole: zlint's CRL lints said skipped")
	}
}

// FuzzParseBounded: on any input with a CRL's outline, parseBounded gives zcrypto's error,
// or zcrypto's result without the entries and their count with extensions.
func FuzzParseBounded(f *testing.F) {
	for _, s := range fuzzseed.Files([]string{".crl", ".pem", ".der"}, 4, 200) {
		r := pemscan.Scan(s)
		if len(r.Blocks) == 0 && len(s) > 0 && s[0] == 0x30 {
			f.Add(s)
		}
		for _, b := range r.Blocks {
			if b.Bytes != nil && b.Type == "X509 CRL" {
				f.Add(b.Bytes)
			}
		}
	}
	f.Add(synthCRL(false, [][]byte{entry(1, true), entry(2, false)}, crlExtensions([]byte{0x02, 0x01, 0x07})))
	f.Fuzz(func(t *testing.T, der []byte) {
		got, ext, ok, err := parseBounded(der)
		if !ok {
			if HasOutline(der) {
				t.Fatal("an outline, not read")
			}
			return
		}
		want, werr := x509.ParseRevocationList(der)
		if fmt.Sprint(err) != fmt.Sprint(werr) {
			t.Fatalf("error %v, zcrypto %v", err, werr)
		}
		if werr != nil {
			return
		}
		n := 0
		for _, rc := range want.RevokedCertificates {
			if len(rc.Extensions) > 0 {
				n++
			}
		}
		if ext != n || len(got.RevokedCertificates) != 0 || (got.RevokedCertificates == nil) != (want.RevokedCertificates == nil) {
			t.Fatalf("%d entries with extensions (zcrypto %d), %d entries kept", ext, n, len(got.RevokedCertificates))
		}
		want.RevokedCertificates, got.RevokedCertificates = nil, nil
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("parsed %+v\nzcrypto %+v", got, want)
		}
	})
}

// TestNewCRLBoundedExactSize: a CRL of exactly BoundedSize bytes of DER is parsed whole, one
// of BoundedSize+1 bytes is read with bounded memory (the size is padded to the byte with
// the length of the CRL number).
func TestNewCRLBoundedExactSize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds CRLs of 2 MiB")
	}
	number := func(k int) []byte { // an INTEGER of k bytes: 01 00 00 …
		return append([]byte{0x02, byte(k), 0x01}, make([]byte, k-1)...)
	}
	var entries [][]byte
	size := 0
	for i := 0; size <= BoundedSize; i++ {
		e := entry(i, i%2 == 0)
		entries = append(entries, e)
		size += len(e)
	}
	for len(synthCRL(false, entries, crlExtensions(number(1)))) > BoundedSize {
		entries = entries[:len(entries)-1]
	}
	k := 1
	for len(synthCRL(false, entries, crlExtensions(number(k)))) < BoundedSize {
		k++
	}
	for _, tc := range []struct {
		k       int
		bounded bool
	}{{k, false}, {k + 1, true}} {
		der := synthCRL(false, entries, crlExtensions(number(tc.k)))
		if len(der) != BoundedSize+tc.k-k {
			t.Fatalf("padding: %d bytes, want %d", len(der), BoundedSize+tc.k-k)
		}
		c := NewCRL(der, "x.crl", 1, "x.crl")
		if c.ParseErr != nil || c.Bounded != tc.bounded {
			t.Errorf("%d bytes (BoundedSize %d): err %v, bounded %v, want %v", len(der), BoundedSize, c.ParseErr, c.Bounded, tc.bounded)
		}
	}
}

// TestBoundedSizeDocumented: the size above which a CRL is read with bounded memory is the
// one the notice's description states (2 MiB).
func TestBoundedSizeDocumented(t *testing.T) {
	if BoundedSize%(1<<20) != 0 {
		t.Fatalf("BoundedSize %d is not whole MiB", BoundedSize)
	}
	code, ok := lint.Lookup(CodeZlintSkipped)
	if !ok {
		t.Fatalf("%s not registered", CodeZlintSkipped)
	}
	if want := fmt.Sprintf("(%d MiB of DER", BoundedSize>>20); !strings.Contains(code.DescEN, want) {
		t.Errorf("BoundedSize is %d MiB; the description of %s says: %s", BoundedSize>>20, CodeZlintSkipped, code.DescEN)
	}
}

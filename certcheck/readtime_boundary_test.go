package certcheck

import (
	"testing"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// TestReadTimeBoundaries: each field of a time at its limit and one past it, in the middle of
// a day (where time.Date's normalisation would keep the day and hide the overflow), agrees
// with cryptobyte.
func TestReadTimeBoundaries(t *testing.T) {
	bodies := []string{
		"250115125959Z", "250115126000Z", "250115125960Z", "250115230000Z", "250115240000Z",
		"251215120000Z", "251315120000Z", "250015120000Z", "250101120000Z", "250100120000Z",
		"250131120000Z", "250132120000Z", "250229120000Z", "240229120000Z",
		"20250115125959Z", "20250115126000Z", "20250115125960Z", "20251315120000Z", "20250015120000Z",
		"20250115125959.9Z", "20250115126000.5Z", "20250115125960.5Z",
		"490101000000Z", "500101000000Z", "20500101000000Z", "19491231235959Z",
		"25011512595Z", "2501151259590Z", "202501151259590Z",
		"2a250101000000Z", "202a0101000000Z", "aa250101000000Z", "20250101000000ZZ", "20250101000000X",
	}
	for _, b := range bodies {
		for _, tag := range []cbasn1.Tag{cbasn1.UTCTime, cbasn1.GeneralizedTime} {
			var bld cryptobyte.Builder
			bld.AddASN1(tag, func(c *cryptobyte.Builder) { c.AddBytes([]byte(b)) })
			der := bld.BytesOrPanic()
			ss := cryptobyte.String(der)
			st, sok := slowTime(&ss)
			all := cryptobyte.String(der)
			rt, rok := readTime(&all)
			fraction := tag == cbasn1.GeneralizedTime && len(b) > 15 && b[14] == '.'
			if fraction {
				// Only the fast path reads fractions: valid fields only.
				valid := b[10:12] < "60" && b[12:14] < "60" && b[4:6] <= "12" && b[4:6] >= "01"
				if rok != valid {
					t.Errorf("%v %q: readTime %v %v, want ok %v", tag, b, rt, rok, valid)
				}
				continue
			}
			if rok != sok || (rok && !rt.Equal(st)) {
				t.Errorf("%v %q: readTime %v %v, cryptobyte %v %v", tag, b, rt, rok, st, sok)
			}
		}
	}
}

// TestReadTimeFastReadsDER: the fast path itself reads both DER forms (its purpose), and
// readTime refuses what is not a time or not an element, consuming nothing.
func TestReadTimeFastReadsDER(t *testing.T) {
	for _, tc := range []struct {
		tag  cbasn1.Tag
		body string
		year int
	}{
		{cbasn1.UTCTime, "250102030405Z", 2025},
		{cbasn1.GeneralizedTime, "20250102030405Z", 2025},
		{cbasn1.GeneralizedTime, "20500102030405Z", 2050},
	} {
		var bld cryptobyte.Builder
		bld.AddASN1(tc.tag, func(c *cryptobyte.Builder) { c.AddBytes([]byte(tc.body)) })
		s := cryptobyte.String(bld.BytesOrPanic())
		tm, ok := readTimeFast(&s)
		if !ok || !s.Empty() || tm.Year() != tc.year || tm.Month() != 1 || tm.Day() != 2 || tm.Hour() != 3 || tm.Minute() != 4 || tm.Second() != 5 {
			t.Errorf("%q: %v %v", tc.body, tm, ok)
		}
	}
	for _, der := range [][]byte{nil, {0x17}, {0x17, 0x0d, '2'}, {0x04, 0x01, 0x00}, {0x02, 0x01, 0x01}} {
		s := cryptobyte.String(der)
		if tm, ok := readTime(&s); ok || len(s) != len(der) {
			t.Errorf("% x: %v %v, %d bytes left", der, tm, ok, len(s))
		}
		s = cryptobyte.String(der)
		if tm, ok := readTimeFast(&s); ok || len(s) != len(der) {
			t.Errorf("fast % x: %v %v, %d bytes left", der, tm, ok, len(s))
		}
	}
}

// TestReadTimeFractionDigits: the digits of a GeneralizedTime with a fraction (read by the
// fast path alone) are checked at both ends of '0'..'9'.
func TestReadTimeFractionDigits(t *testing.T) {
	for body, ok := range map[string]bool{
		"19990101000000.5Z": true, "20900909090909.5Z": true,
		":0250101000000.5Z": false, "2/250101000000.5Z": false, "1:990101000000.5Z": false,
		"2025010100000/.5Z": false, "2025010100000:.5Z": false, "202501010000/0.5Z": false,
	} {
		var bld cryptobyte.Builder
		bld.AddASN1(cbasn1.GeneralizedTime, func(c *cryptobyte.Builder) { c.AddBytes([]byte(body)) })
		s := cryptobyte.String(bld.BytesOrPanic())
		if tm, got := readTime(&s); got != ok {
			t.Errorf("%q: %v %v, want ok %v", body, tm, got, ok)
		}
	}
}

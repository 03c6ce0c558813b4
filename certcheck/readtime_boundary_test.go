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

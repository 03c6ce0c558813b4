package certcheck

import (
	"testing"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// slowTime is readTime's cryptobyte path alone.
func slowTime(s *cryptobyte.String) (time.Time, bool) {
	var t time.Time
	switch {
	case s.PeekASN1Tag(cbasn1.UTCTime):
		return t, s.ReadASN1UTCTime(&t)
	case s.PeekASN1Tag(cbasn1.GeneralizedTime):
		return t, s.ReadASN1GeneralizedTime(&t)
	}
	return t, false
}

// TestReadTimeFastAgrees: whatever the fast path accepts, cryptobyte accepts with the same
// time; what it refuses is left to cryptobyte. (A GeneralizedTime with a fractional second,
// which only the fast path reads, is TestReadTimeFraction's.)
func TestReadTimeFastAgrees(t *testing.T) {
	bodies := []string{
		"491231235959Z", "500101000000Z", "680229120000Z", "690101000000Z", "991231235959Z", "000229000000Z",
		"010229000000Z", "250431000000Z", "250430000000Z", "251301000000Z", "250001000000Z", "250100000000Z",
		"250101240000Z", "250101236000Z", "250101235960Z", "2501012359590", "25010123595Z", "2501012359599Z",
		"25010123595aZ", "250101235959+0000", "-50101235959Z",
		"20250101000000Z", "19500101000000Z", "00000101000000Z", "99991231235959Z", "20240229000000Z",
		"21000229000000Z", "20250101000000.5Z", "2025010100000Z", "20250101000000+0100", "2025013100000aZ",
	}
	for _, b := range bodies {
		for _, tag := range []cbasn1.Tag{cbasn1.UTCTime, cbasn1.GeneralizedTime} {
			if tag == cbasn1.GeneralizedTime && b == "20250101000000.5Z" {
				continue
			}
			var bld cryptobyte.Builder
			bld.AddASN1(tag, func(c *cryptobyte.Builder) { c.AddBytes([]byte(b)) })
			der := bld.BytesOrPanic()
			fs, ss := cryptobyte.String(der), cryptobyte.String(der)
			ft, fok := readTimeFast(&fs)
			st, sok := slowTime(&ss)
			if fok && (!sok || !ft.Equal(st) || len(fs) != len(ss)) {
				t.Errorf("%v %q: fast %v %v, cryptobyte %v %v", tag, b, ft, fok, st, sok)
			}
			all := cryptobyte.String(der)
			rt, rok := readTime(&all)
			if rok != sok || (rok && !rt.Equal(st)) {
				t.Errorf("%v %q: readTime %v %v, cryptobyte %v %v", tag, b, rt, rok, st, sok)
			}
		}
	}
}

func TestReadTimeFastYears(t *testing.T) {
	for body, want := range map[string]int{"491231235959Z": 2049, "500101000000Z": 1950, "000229000000Z": 2000} {
		var bld cryptobyte.Builder
		bld.AddASN1(cbasn1.UTCTime, func(c *cryptobyte.Builder) { c.AddBytes([]byte(body)) })
		s := cryptobyte.String(bld.BytesOrPanic())
		if tm, ok := readTimeFast(&s); !ok || tm.Year() != want || !s.Empty() {
			t.Errorf("%s: %v %v, want year %d and the element read", body, tm, ok, want)
		}
	}
}

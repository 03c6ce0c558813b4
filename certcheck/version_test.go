package certcheck

import (
	"math/big"
	"testing"
)

// TestVersion: v1, v2 and v3 (0, 1, 2) pass; one past either end, and an unreadable version
// INTEGER, are VCL.0752; a certificate not read up to its serial is left to the content check.
func TestVersion(t *testing.T) {
	for _, tt := range []struct {
		version int64
		ok      bool
		want    bool
	}{{0, true, false}, {1, true, false}, {2, true, false}, {3, true, true}, {-1, true, true}, {7, true, true}, {0, false, true}} {
		c := &Cert{Name: "x.pem", Raw: &Raw{Serial: big.NewInt(1), Version: tt.version, VersionOK: tt.ok}}
		got := checkVersion(c, nil)
		if (len(got) == 1 && got[0].Code == codeVersion) != tt.want || len(got) > 1 {
			t.Errorf("version %d (readable %v): %v", tt.version, tt.ok, got)
		}
	}
	if got := checkVersion(&Cert{Raw: &Raw{Version: 9, VersionOK: true}}, nil); len(got) != 0 {
		t.Errorf("no serial read: %v", got)
	}
}

// TestRawVersion: ParseRaw reads the version field as encoded (absent is v1).
func TestRawVersion(t *testing.T) {
	for _, tt := range []struct {
		tbsStart []byte
		want     int64
		ok       bool
	}{
		{[]byte{0x02, 0x01, 0x01}, 0, true},                                // absent: v1
		{[]byte{0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x01, 0x01}, 2, true},  // v3
		{[]byte{0xa0, 0x03, 0x02, 0x01, 0x03, 0x02, 0x01, 0x01}, 3, true},  // "v4"
		{[]byte{0xa0, 0x03, 0x04, 0x01, 0x02, 0x02, 0x01, 0x01}, 0, false}, // not an INTEGER
	} {
		tbs := append([]byte{0x30, byte(len(tt.tbsStart))}, tt.tbsStart...)
		der := append([]byte{0x30, byte(len(tbs))}, tbs...)
		r := ParseRaw(der)
		if r.Version != tt.want || r.VersionOK != tt.ok {
			t.Errorf("% x: version %d readable %v, want %d %v", tt.tbsStart, r.Version, r.VersionOK, tt.want, tt.ok)
		}
	}
}

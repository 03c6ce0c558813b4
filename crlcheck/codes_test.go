package crlcheck

import (
	"slices"
	"testing"
)

// TestCodesListsEveryCheckCode: Codes (what the catalogue calls the CRL codes that can be
// raised) holds every code of every CRL check once.
func TestCodesListsEveryCheckCode(t *testing.T) {
	codes := Codes()
	n := 0
	for _, c := range Checks() {
		for _, code := range c.Codes {
			n++
			if !slices.Contains(codes, code) {
				t.Errorf("check %s: code %s not in Codes()", c.Name, code)
			}
		}
	}
	if n == 0 {
		t.Fatal("no check declares a code")
	}
	for i, code := range codes {
		if slices.Contains(codes[:i], code) {
			t.Errorf("Codes() lists %s twice", code)
		}
	}
}

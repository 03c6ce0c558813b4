package certcheck

import (
	"crypto/x509"
	"encoding/pem"
	"go/build"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// atv is one attribute of a test name: its type (by short name), the value's tag and content.
type atv struct {
	typ   string
	tag   cbasn1.Tag
	value []byte
}

var testOIDs = map[string][]byte{
	"CN": {0x55, 0x04, 0x03},
	"O":  {0x55, 0x04, 0x0a},
	"OU": {0x55, 0x04, 0x0b},
	"C":  {0x55, 0x04, 0x06},
}

func ps(typ, s string) atv { return atv{typ, cbasn1.PrintableString, []byte(s)} }
func u8(typ, s string) atv { return atv{typ, cbasn1.UTF8String, []byte(s)} }

// name encodes RDNs (each a SET of attributes, written in the order given).
func nmName(rdns ...[]atv) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		for _, rdn := range rdns {
			b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
				for _, a := range rdn {
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
						b.AddASN1(cbasn1.OBJECT_IDENTIFIER, func(b *cryptobyte.Builder) { b.AddBytes(testOIDs[a.typ]) })
						b.AddASN1(a.tag, func(b *cryptobyte.Builder) { b.AddBytes(a.value) })
					})
				}
			})
		}
	})
	return b.BytesOrPanic()
}

func nmRDN(a ...atv) []atv { return a }

func bmp(s string) []byte {
	var out []byte
	for _, r := range s {
		out = append(out, byte(r>>8), byte(r))
	}
	return out
}

func ucs4(s string) []byte {
	var out []byte
	for _, r := range s {
		out = append(out, byte(r>>24), byte(r>>16), byte(r>>8), byte(r))
	}
	return out
}

func TestNamesMatch(t *testing.T) {
	ca := nmName(nmRDN(ps("O", "vpncertlint")), nmRDN(ps("CN", "vpncertlint Name Test CA")))
	cases := []struct {
		desc string
		a, b []byte
		want bool
	}{
		{"identical bytes", ca, append([]byte(nil), ca...), true},
		{"PrintableString vs UTF8String, same text", ca, nmName(nmRDN(u8("O", "vpncertlint")), nmRDN(u8("CN", "vpncertlint Name Test CA"))), true},
		{"one attribute UTF8String", ca, nmName(nmRDN(ps("O", "vpncertlint")), nmRDN(u8("CN", "vpncertlint Name Test CA"))), true},
		{"ASCII case", ca, nmName(nmRDN(ps("O", "VPNCERTLINT")), nmRDN(ps("CN", "VPNCertLint NAME test ca"))), true},
		{"one character differs", ca, nmName(nmRDN(ps("O", "vpncertlint")), nmRDN(ps("CN", "vpncertlint Name Test CB"))), false},
		{"one character more", ca, nmName(nmRDN(ps("O", "vpncertlint")), nmRDN(ps("CN", "vpncertlint Name Test CA1"))), false},
		{"leading and trailing spaces", ca, nmName(nmRDN(ps("O", " vpncertlint")), nmRDN(ps("CN", "vpncertlint Name Test CA  "))), true},
		{"inner run of spaces", ca, nmName(nmRDN(ps("O", "vpncertlint")), nmRDN(ps("CN", "vpncertlint   Name  Test CA"))), true},
		{"TAB and newline as space", ca, nmName(nmRDN(u8("O", "vpncertlint")), nmRDN(u8("CN", "vpncertlint\tName\r\nTest CA"))), true},
		{"no-break space as space", ca, nmName(nmRDN(u8("O", "vpncertlint")), nmRDN(u8("CN", "vpncertlint\u00a0Name Test CA"))), true},
		{"inner space removed", ca, nmName(nmRDN(ps("O", "vpncertlint")), nmRDN(ps("CN", "vpncertlint NameTest CA"))), false},
		{"space added inside a word", ca, nmName(nmRDN(ps("O", "vpn certlint")), nmRDN(ps("CN", "vpncertlint Name Test CA"))), false},
		{"only spaces vs empty", nmName(nmRDN(u8("CN", "   "))), nmName(nmRDN(u8("CN", ""))), true},
		{"RDN order swapped", ca, nmName(nmRDN(ps("CN", "vpncertlint Name Test CA")), nmRDN(ps("O", "vpncertlint"))), false},
		{"one RDN more", ca, nmName(nmRDN(ps("C", "CN")), nmRDN(ps("O", "vpncertlint")), nmRDN(ps("CN", "vpncertlint Name Test CA"))), false},
		{"one RDN less", ca, nmName(nmRDN(ps("CN", "vpncertlint Name Test CA"))), false},
		{"other attribute type, same value", nmName(nmRDN(ps("O", "x"))), nmName(nmRDN(ps("OU", "x"))), false},
		{"multi-valued RDN, other order in the set", nmName(nmRDN(ps("O", "a"), ps("CN", "b"))), nmName(nmRDN(u8("CN", "B"), ps("O", "a"))), true},
		{"multi-valued RDN vs two RDNs", nmName(nmRDN(ps("O", "a"), ps("CN", "b"))), nmName(nmRDN(ps("O", "a")), nmRDN(ps("CN", "b"))), false},
		{"multi-valued RDN, one attribute less", nmName(nmRDN(ps("O", "a"), ps("CN", "b"))), nmName(nmRDN(ps("O", "a"))), false},
		{"multi-valued RDN, same type twice vs once", nmName(nmRDN(ps("OU", "a"), ps("OU", "a"))), nmName(nmRDN(ps("OU", "a"))), false},
		{"multi-valued RDN, multiplicity differs", nmName(nmRDN(ps("OU", "a"), ps("OU", "a"), ps("OU", "b"))), nmName(nmRDN(ps("OU", "a"), ps("OU", "b"), ps("OU", "b"))), false},
		{"Unicode case", nmName(nmRDN(u8("CN", "Über Größe CA"))), nmName(nmRDN(u8("CN", "über GRÖßE ca"))), true},
		{"Unicode letters differ", nmName(nmRDN(u8("CN", "Über"))), nmName(nmRDN(u8("CN", "Uber"))), false},
		{"BMPString vs UTF8String", nmName(nmRDN(u8("CN", "Zürich CA"))), nmName(nmRDN(atv{"CN", cbasn1.Tag(30), bmp("Zürich CA")})), true},
		{"UniversalString vs PrintableString", nmName(nmRDN(ps("CN", "Test CA"))), nmName(nmRDN(atv{"CN", cbasn1.Tag(28), ucs4("test ca")})), true},
		{"TeletexString read as Latin-1", nmName(nmRDN(u8("CN", "Zürich"))), nmName(nmRDN(atv{"CN", cbasn1.Tag(20), []byte("Z\xfcrich")})), true},
		{"IA5String vs UTF8String (as OpenSSL)", nmName(nmRDN(u8("CN", "test"))), nmName(nmRDN(atv{"CN", cbasn1.IA5String, []byte("TEST")})), true},
		{"odd-length BMPString compares by bytes", nmName(nmRDN(u8("CN", "a"))), nmName(nmRDN(atv{"CN", cbasn1.Tag(30), []byte{0, 'a', 0}})), false},
		{"invalid UTF-8 compares by bytes", nmName(nmRDN(u8("CN", "\xff"))), nmName(nmRDN(atv{"CN", cbasn1.Tag(20), []byte{0xff}})), false},
		{"non-string value, same bytes", nmName(nmRDN(atv{"CN", cbasn1.OCTET_STRING, []byte("ab")}), nmRDN(ps("O", "x"))), nmName(nmRDN(atv{"CN", cbasn1.OCTET_STRING, []byte("ab")}), nmRDN(ps("O", "X"))), true},
		{"non-string value, case differs", nmName(nmRDN(atv{"CN", cbasn1.OCTET_STRING, []byte("ab")})), nmName(nmRDN(atv{"CN", cbasn1.OCTET_STRING, []byte("AB")})), false},
		{"non-string vs string, same content", nmName(nmRDN(atv{"CN", cbasn1.OCTET_STRING, []byte("ab")})), nmName(nmRDN(u8("CN", "ab"))), false},
		{"empty names", nmName(), nmName(), true},
		{"empty vs non-empty", nmName(), ca, false},
		{"unreadable name", []byte{0x30, 0x03, 0x31, 0x01}, []byte{0x30, 0x03, 0x31, 0x01, 0x00}, false},
		{"trailing bytes", append(append([]byte(nil), ca...), 0), ca, false},
		{"empty RDN", []byte{0x30, 0x02, 0x31, 0x00}, []byte{0x30, 0x02, 0x31, 0x00, 0x00}, false},
	}
	for _, c := range cases {
		if got := NamesMatch(c.a, c.b); got != c.want {
			t.Errorf("%s: NamesMatch = %v, want %v", c.desc, got, c.want)
		}
		if got := NamesMatch(c.b, c.a); got != c.want {
			t.Errorf("%s (swapped): NamesMatch = %v, want %v", c.desc, got, c.want)
		}
	}
}

// TestNamesMatchPKITS: NIST PKITS 4.3.10 — the CA's subject is PrintableString, the issuer of
// its CRL UTF8String; the certificate comes with the Go toolchain, the CRL with Debian's
// python3-cryptography-vectors.
func TestNamesMatchPKITS(t *testing.T) {
	certPath := filepath.Join(build.Default.GOROOT, "src", "crypto", "x509", "testdata", "nist-pkits", "certs", "RolloverfromPrintableStringtoUTF8StringCACert.crt")
	crlPath := "/usr/lib/python3/dist-packages/cryptography_vectors/x509/PKITS_data/crls/RolloverfromPrintableStringtoUTF8StringCACRL.crl"
	certDER, err := os.ReadFile(certPath)
	if err != nil {
		t.Skip("no NIST PKITS certificates in the Go toolchain")
	}
	crlDER, err := os.ReadFile(crlPath)
	if err != nil {
		t.Skip("no PKITS CRLs (apt-get install python3-cryptography-vectors)")
	}
	if b, _ := pem.Decode(certDER); b != nil {
		certDER = b.Bytes
	}
	cert, err := x509.ParseCertificate(certDER)
	if err != nil {
		t.Fatal(err)
	}
	crl, err := x509.ParseRevocationList(crlDER)
	if err != nil {
		t.Fatal(err)
	}
	if string(cert.RawSubject) == string(crl.RawIssuer) {
		t.Fatal("the PKITS CA's subject and its CRL's issuer are the same bytes; the test needs them to differ")
	}
	if !NamesMatch(cert.RawSubject, crl.RawIssuer) {
		t.Errorf("subject %s and CRL issuer %s do not match", Name(cert.RawSubject), Name(crl.RawIssuer))
	}
}

// TestSelfIssuedStringTypes: a CA whose issuer is its subject in another string type is
// self-issued, not an intermediate (VCL.0762).
func TestSelfIssuedStringTypes(t *testing.T) {
	subject := nmName(nmRDN(ps("O", "vpncertlint")), nmRDN(ps("CN", "vpncertlint CA")))
	for _, c := range []struct {
		issuer []byte
		want   bool
	}{
		{nmName(nmRDN(u8("O", "vpncertlint")), nmRDN(u8("CN", "vpncertlint CA"))), false},
		{nmName(nmRDN(u8("O", "vpncertlint")), nmRDN(u8("CN", "vpncertlint Root"))), true},
	} {
		cert := &Cert{Raw: &Raw{RawSubject: subject, RawIssuer: c.issuer,
			Extensions: Extensions{{OID: oidBasicConstraints, Critical: true, Value: []byte{0x30, 0x03, 0x01, 0x01, 0xff}}}}}
		got := false
		for _, f := range checkCAFlag(cert, nil) {
			if f.Code == codeIntermediate {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("issuer %s: intermediate finding %v, want %v", Name(c.issuer), got, c.want)
		}
	}
}

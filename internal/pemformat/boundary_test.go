package pemformat

import (
	"encoding/asn1"
	"os"
	"strings"
	"testing"

	"github.com/vpncertlint/vpncertlint/internal/pemscan"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

func TestKind(t *testing.T) {
	if KindCert.FormatCode() != "VPN.0074" || KindCRL.FormatCode() != "VPN.0078" ||
		KindCert.String() != "certificate" || KindCRL.String() != "CRL" {
		t.Error("kind names or codes")
	}
}

func TestWrongType(t *testing.T) {
	for label, want := range map[string]string{
		"PRIVATE KEY":             "a private key (PRIVATE KEY block), not a certificate; never upload",
		"encrypted private key":   "a private key (encrypted private key block)",
		"NEW CERTIFICATE REQUEST": "a certificate signing request (NEW CERTIFICATE REQUEST block), not a certificate;",
		"PKCS7":                   "a PKCS#7 bundle (PKCS7 block), not a certificate; extract the certificates with: openssl pkcs7 -print_certs -in f.pem",
		"cms":                     "a PKCS#7 bundle (cms block)",
		"TRUSTED CERTIFICATE":     `an OpenSSL "TRUSTED CERTIFICATE" block; the cloud expects CERTIFICATE: openssl x509 -in f.pem`,
		"X509 CERTIFICATE":        `an OpenSSL "X509 CERTIFICATE" block`,
		"CRL":                     `a "CRL" block; the label must be X509 CRL: openssl crl -in f.pem`,
		"RSA PUBLIC KEY":          "a bare public key (RSA PUBLIC KEY block), not a certificate",
		"PKCS7 X":                 `a "PKCS7 X" block, not a certificate`,
		"X509 CRL":                `a "X509 CRL" block, not a certificate`,
	} {
		if got := WrongType(label, KindCert, "f.pem"); !strings.HasPrefix(got, want) {
			t.Errorf("WrongType(%q) = %q, want it to start with %q", label, got, want)
		}
	}
	if got := WrongType("CERTIFICATE", KindCRL, "f"); got != `a "CERTIFICATE" block, not a CRL` {
		t.Errorf("certificate for a CRL: %q", got)
	}
}

// der builds a SEQUENCE of the given contents.
func der(f func(b *cryptobyte.Builder)) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, f)
	return b.BytesOrPanic()
}

func contentInfo(oid asn1.ObjectIdentifier, explicit bool) func(b *cryptobyte.Builder) {
	return func(b *cryptobyte.Builder) {
		b.AddASN1ObjectIdentifier(oid)
		if explicit {
			b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) { b.AddASN1NULL() })
		} else {
			b.AddASN1NULL()
		}
	}
}

func pfx(version int64, oid asn1.ObjectIdentifier) []byte {
	return der(func(b *cryptobyte.Builder) {
		b.AddASN1Int64(version)
		b.AddASN1(cbasn1.SEQUENCE, contentInfo(oid, true))
	})
}

func TestContainerHintBoundaries(t *testing.T) {
	other := asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 3}
	for _, tt := range []struct {
		name string
		data []byte
		want string // "" = not a container
	}{
		{"PFX v3 data", pfx(3, oidPKCS7Data), "a PKCS#12 archive"},
		{"PFX v3 signedData", pfx(3, oidPKCS7SignedData), "a PKCS#12 archive"},
		{"PFX v2", pfx(2, oidPKCS7Data), ""},
		{"PFX v4", pfx(4, oidPKCS7Data), ""},
		{"PFX v3 other content", pfx(3, other), ""},
		{"PFX v3 without ContentInfo", der(func(b *cryptobyte.Builder) { b.AddASN1Int64(3); b.AddASN1NULL() }), ""},
		{"PFX v3 with an empty ContentInfo", der(func(b *cryptobyte.Builder) {
			b.AddASN1Int64(3)
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddASN1NULL() })
		}), ""},
		{"PKCS#7 signedData", der(contentInfo(oidPKCS7SignedData, true)), "a binary PKCS#7 bundle"},
		{"PKCS#7 signedData without [0]", der(contentInfo(oidPKCS7SignedData, false)), ""},
		{"PKCS#7 data", der(contentInfo(oidPKCS7Data, true)), ""},
		{"not a SEQUENCE", []byte{0x31, 0x00}, ""},
		{"empty SEQUENCE", []byte{0x30, 0x00}, ""},
	} {
		hint, ok := containerHint(tt.data, "f.bin")
		if ok != (tt.want != "") || !strings.HasPrefix(hint, tt.want) {
			t.Errorf("%s: %v %q, want %q", tt.name, ok, hint, tt.want)
		}
	}
}

func TestDERHint(t *testing.T) {
	read := func(f string) []byte {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	for _, tt := range []struct {
		name string
		data []byte
		kind Kind
		want string
	}{
		{"certificate", read("../../testdata/format/cert.der"), KindCert, "binary DER certificate, not PEM; convert it with: openssl x509 -inform DER -in f"},
		{"CRL", read("../../testdata/crl/der.crl"), KindCRL, "binary DER CRL, not PEM; convert it with: openssl crl -inform DER -in f"},
		{"PKCS#12", read("../../testdata/format/bundle.p12"), KindCert, "a PKCS#12 archive"},
		{"PKCS#7", pfxLess(), KindCert, "a binary PKCS#7 bundle"},
		{"empty", nil, 0, ""},
		{"one byte", []byte{0x30}, 0, ""},
		{"two bytes", []byte{0x30, 0x00}, 0, ""},
		{"not DER", []byte("0\x03abc"), 0, ""},
		{"SET", append([]byte{0x31}, read("../../testdata/format/cert.der")[1:]...), 0, ""},
	} {
		k, hint, ok := DERHint(tt.data, "f")
		if ok != (tt.want != "") || k != tt.kind || !strings.HasPrefix(hint, tt.want) {
			t.Errorf("%s: %v %v %q, want %v %q", tt.name, k, ok, hint, tt.kind, tt.want)
		}
	}
}

func pfxLess() []byte { return der(contentInfo(oidPKCS7SignedData, true)) }

// isText counts exactly the C0 controls other than TAB, LF, VT, FF, CR, and DEL.
func TestIsTextControlBytes(t *testing.T) {
	for b := 0; b < 256; b++ {
		data := []byte(strings.Repeat("a", 99) + string([]byte{byte(b)}))
		control := b < 0x09 || b > 0x0d && b < 0x20 || b == 0x7f
		if got := isText(data); got == control {
			t.Errorf("byte %#02x: isText = %v, want %v", b, got, !control)
		}
	}
}

// Fewer than 1 % control bytes is text: 1 in 101 bytes is, 1 in 100 and 2 in 200 are not.
func TestIsTextThreshold(t *testing.T) {
	for _, tt := range []struct {
		text, controls int
		want           bool
	}{
		{99, 1, false}, {100, 1, true}, {198, 2, false}, {199, 2, true}, {0, 1, false}, {1, 0, true},
	} {
		data := []byte(strings.Repeat("a", tt.text) + strings.Repeat("\x01", tt.controls))
		if got := isText(data); got != tt.want {
			t.Errorf("%d text + %d control bytes: %v, want %v", tt.text, tt.controls, got, tt.want)
		}
	}
}

type finding struct {
	code, detail string
	line         int
}

func fileFindings(data string, want Kind) []finding {
	var out []finding
	for _, f := range FileFindings([]byte(data), pemscan.Scan([]byte(data)), want, "f", "n") {
		out = append(out, finding{f.Code, f.Detail, f.Line})
	}
	return out
}

func TestFileFindingsEmptyAndBinary(t *testing.T) {
	for _, tt := range []struct {
		name, data string
		want       Kind
		out        []finding
	}{
		{"empty", "", KindCert, []finding{{"VPN.0074", "the file is empty", 0}}},
		{"white space", " \n\t", KindCRL, []finding{{"VPN.0078", "the file holds only white space (3 bytes)", 0}}},
		{"one byte of white space", "\n", KindCert, []finding{{"VPN.0074", "the file holds only white space (1 bytes)", 0}}},
		{"text", "hello\r\nworld\r\n", KindCert, []finding{{"VPN.0074", "no PEM block: no -----BEGIN CERTIFICATE----- line in 2 lines", 0}}},
		{"text for a CRL", "hello", KindCRL, []finding{{"VPN.0078", "no PEM block: no -----BEGIN X509 CRL----- line in 1 lines", 0}}},
		{"1 control byte in 100", strings.Repeat("a", 99) + "\x01", KindCert, []finding{{"VPN.0074", "binary data (100 bytes) with no PEM block", 0}}},
		{"1 control byte in 101", strings.Repeat("a", 100) + "\x01", KindCert, []finding{{"VPN.0074", "no PEM block: no -----BEGIN CERTIFICATE----- line in 1 lines", 0}}},
		{"invalid UTF-8", strings.Repeat("a", 200) + "\xff", KindCert, []finding{{"VPN.0074", "binary data (201 bytes) with no PEM block", 0}}},
		{"stray END only", "x\n-----END CERTIFICATE-----\n", KindCert, []finding{
			{"VPN.0074", "no PEM block: no -----BEGIN CERTIFICATE----- line in 2 lines", 0},
			{"VPN.0074", "line 2: an END line without a BEGIN line", 2}}},
	} {
		if got := fileFindings(tt.data, tt.want); !equal(got, tt.out) {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.out)
		}
	}
}

func TestFileFindingsDER(t *testing.T) {
	data, err := os.ReadFile("../../testdata/crl/der.crl")
	if err != nil {
		t.Fatal(err)
	}
	// A DER CRL given as a certificate is still named by the code of what it is.
	got := fileFindings(string(data), KindCert)
	if len(got) != 1 || got[0].code != "VPN.0078" || !strings.HasPrefix(got[0].detail, "binary DER CRL") {
		t.Errorf("findings %+v", got)
	}
}

func TestFileFindingsAroundBlocks(t *testing.T) {
	block := "-----BEGIN CERTIFICATE-----\r\nZm9v\r\n-----END CERTIFICATE-----\r\n"
	got := fileFindings("\xef\xbb\xbf"+block+"note\nmore\n-----END X-----\n", KindCert)
	want := []finding{
		{"VPN.0074", "line 6: an END line without a BEGIN line", 6},
		{"VCL.0741", "3 of 6 lines end in CR LF", 0},
		{"VCL.0742", "the file starts with the bytes EF BB BF", 1},
		{"VCL.0743", "2 lines of text outside the PEM blocks, the first at line 4", 4},
	}
	if !equal(got, want) {
		t.Errorf("findings %+v, want %+v", got, want)
	}
	if got := fileFindings(strings.ReplaceAll(block, "\r", ""), KindCert); len(got) != 0 {
		t.Errorf("clean block: %+v", got)
	}
	// One CRLF line is enough.
	if got := fileFindings("-----BEGIN CERTIFICATE-----\nZm9v\n-----END CERTIFICATE-----\r\n", KindCert); !equal(got, []finding{{"VCL.0741", "1 of 3 lines end in CR LF", 0}}) {
		t.Errorf("one CRLF line: %+v", got)
	}
	if got := fileFindings("x\n-----BEGIN CERTIFICATE-----\nZm9v\n-----END CERTIFICATE-----\n", KindCert); !equal(got, []finding{{"VCL.0743", "1 lines of text outside the PEM blocks, the first at line 1", 1}}) {
		t.Errorf("one stray line: %+v", got)
	}
}

func equal(a, b []finding) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestOneCertificate(t *testing.T) {
	pemBlock := func(label, body string) string {
		return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n"
	}
	for _, tt := range []struct {
		name, data string
		der        string
		line       int
		out        []finding
	}{
		{"one certificate", "\n" + pemBlock("CERTIFICATE", "Zm9v"), "foo", 2, nil},
		{"empty", "", "", 0, []finding{{"VPN.0074", "the file is empty", 0}}},
		{"two blocks", pemBlock("CERTIFICATE", "Zm9v") + pemBlock("PRIVATE KEY", "YmFy"), "", 0, []finding{
			{"VPN.0074", "2 PEM blocks (CERTIFICATE at line 1, PRIVATE KEY at line 4) where exactly one CERTIFICATE block is expected; give each certificate its own entry", 4}}},
		{"bad block", "x\n" + pemBlock("CERTIFICATE", "!"), "", 0, []finding{
			{"VCL.0743", "1 lines of text outside the PEM blocks, the first at line 1", 1},
			{"VPN.0074", "CERTIFICATE block at line 2: line 3 is not base64", 2}}},
		{"wrong type", pemBlock("X509 CRL", "Zm9v"), "", 0, []finding{
			{"VPN.0074", `line 1: a "X509 CRL" block, not a certificate`, 1}}},
	} {
		d, line, fs := OneCertificate([]byte(tt.data), "f", "n")
		var got []finding
		for _, f := range fs {
			got = append(got, finding{f.Code, f.Detail, f.Line})
			if f.File != "f" || len(f.Args) != 1 || f.Args[0] != "n" {
				t.Errorf("%s: finding %+v", tt.name, f)
			}
		}
		if string(d) != tt.der || line != tt.line || !equal(got, tt.out) {
			t.Errorf("%s: %q %d %+v, want %q %d %+v", tt.name, d, line, got, tt.der, tt.line, tt.out)
		}
	}
}

package crlcheck

import (
	stdx509 "crypto/x509"
	"github.com/vpncertlint/vpncertlint/lint"
	"strings"
	"testing"
	"time"

	"github.com/zmap/zcrypto/x509"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// Boundary tests found by mutation testing (scripts/mutation.sh -pkg ./crlcheck).

// The catalogue: every check, sorted by name.
func TestChecksCatalogue(t *testing.T) {
	var names []string
	for _, c := range Checks() {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, ","); got != "content,dates,issuer,version" {
		t.Errorf("Checks() = %s", got)
	}
}

// Object's serial is the cRLNumber in hex, empty without one.
func TestObjectSerial(t *testing.T) {
	name := testName(cbasn1.PrintableString, "vpncertlint", "Object CA")
	_, k := testCA(t, name, stdx509.KeyUsageCertSign|stdx509.KeyUsageCRLSign)
	with, _ := signCRL(t, k, crlSpec{version: ver(1), issuer: name, this: t9This, next: t9Next, ext: true})
	without, _ := signCRL(t, k, crlSpec{version: ver(1), issuer: name, this: t9This, next: t9Next})
	if o := NewCRL(with, "a.crl", 1, "a.crl").Object(); o.Serial != "7" || !strings.Contains(o.Issuer, "Object CA") {
		t.Errorf("with cRLNumber 7: %+v", o)
	}
	if o := NewCRL(without, "b.crl", 1, "b.crl").Object(); o.Serial != "" || !strings.Contains(o.Issuer, "Object CA") {
		t.Errorf("without cRLNumber: %+v", o)
	}
	if o := NewCRL([]byte{1, 2}, "c.crl", 1, "c.crl").Object(); o.Serial != "" || o.Issuer != "" || o.SHA256 == "" {
		t.Errorf("unparsed: %+v", o)
	}
}

// The nextUpdate warning window: exactly 7 days ahead is outside it, a second less inside.
func TestNextUpdateWindow(t *testing.T) {
	now := t9Now
	for _, tc := range []struct {
		next time.Duration
		want string
	}{
		{7 * 24 * time.Hour, ""},
		{7*24*time.Hour - time.Second, "VCL.0801"},
		{7*24*time.Hour + time.Second, ""},
	} {
		c := &CRL{Name: "x", X: &x509.RevocationList{ThisUpdate: t9This, NextUpdate: now.Add(tc.next)}}
		if got := codes(checkDates(c, &Env{Now: now, Policy: DefaultPolicy()})); got != tc.want {
			t.Errorf("nextUpdate now+%v: %q, want %q", tc.next, got, tc.want)
		}
	}
}

// The v1 advisory's detail: plain, with CRL extensions, with entry extensions, both.
func TestVersion1Detail(t *testing.T) {
	name := testName(cbasn1.PrintableString, "vpncertlint", "v1 detail CA")
	ca, k := testCA(t, name, stdx509.KeyUsageCertSign|stdx509.KeyUsageCRLSign)
	for _, tc := range []struct {
		spec crlSpec
		want string
	}{
		{crlSpec{revoked: 2}, "no version field (v1), so no cRLNumber and no authorityKeyIdentifier (RFC 5280 §5.1.2.1, §5.2)"},
		{crlSpec{revoked: 2, entryExt: 1}, "no version field (v1), yet it carries extensions on 1 entries, which RFC 5280 §5.1.2.1 allows only in version 2"},
		{crlSpec{revoked: 3, entryExt: 2, ext: true}, "no version field (v1), yet it carries 1 CRL extensions and extensions on 2 entries, which RFC 5280 §5.1.2.1 allows only in version 2"},
	} {
		s := tc.spec
		s.issuer, s.this, s.next = name, t9This, t9Next
		der, _ := signCRL(t, k, s)
		c := NewCRL(der, "v1.crl", 1, "v1.crl")
		if c.ParseErr != nil || !c.V1 {
			t.Fatalf("%+v: ParseErr %v", tc.spec, c.ParseErr)
		}
		fs := Run(c, env9(ca))
		if len(fs) != 1 || fs[0].Code != codeV1 || fs[0].Detail != tc.want {
			t.Errorf("%+v: %+v, want %s", tc.spec, fs, tc.want)
		}
	}
}

// A CertificateList whose TBSCertList starts with neither a version nor an
// AlgorithmIdentifier is not taken for a v1 CRL: zcrypto's error stands.
func TestVersion1NotATBS(t *testing.T) {
	for _, first := range []func(b *cryptobyte.Builder){
		func(b *cryptobyte.Builder) { b.AddASN1Boolean(true) },
		func(_ *cryptobyte.Builder) { // an algorithm, then no issuer
		},
	} {
		var b cryptobyte.Builder
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, first)
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.OBJECT_IDENTIFIER, func(b *cryptobyte.Builder) { b.AddBytes(oidECDSASHA256) })
			})
			b.AddASN1BitString([]byte{1})
		})
		der := b.BytesOrPanic()
		if _, ok, _ := parseV1(der, x509.ParseRevocationList); ok {
			t.Errorf("parseV1 took %x for a v1 CRL", der)
		}
		c := NewCRL(der, "x.crl", 1, "x.crl")
		if c.ParseErr == nil || c.V1 || c.X != nil || strings.Contains(c.ParseErr.Error(), "returned nothing") || strings.Contains(c.ParseErr.Error(), "version 1") {
			t.Errorf("%x: ParseErr %v, V1 %v", der, c.ParseErr, c.V1)
		}
	}
}

// The issuer findings' details: no CA in the run, no CA of that name, a CA of that name
// with another key.
func TestIssuerDetails(t *testing.T) {
	name := testName(cbasn1.PrintableString, "vpncertlint", "Detail CA")
	ca, k := testCA(t, name, stdx509.KeyUsageCertSign|stdx509.KeyUsageCRLSign)
	other, _ := testCA(t, testName(cbasn1.PrintableString, "vpncertlint", "Other CA"), stdx509.KeyUsageCertSign|stdx509.KeyUsageCRLSign)
	sameName, _ := testCA(t, name, stdx509.KeyUsageCertSign|stdx509.KeyUsageCRLSign)
	der, _ := signCRL(t, k, crlSpec{version: ver(1), issuer: name, this: t9This, next: t9Next})
	crl := NewCRL(der, "d.crl", 1, "d.crl")
	for _, tt := range []struct {
		env  *Env
		want string
	}{
		{env9(), `VCL.0791 issuer "CN=Detail CA,O=vpncertlint"; no client CA in this run`},
		{env9(other), `VPN.0079 issuer "CN=Detail CA,O=vpncertlint" is not the subject of any of the 1 client CAs in the upload set`},
		{env9(other, sameName), `VPN.0079 the signature does not verify with the key of the client CA named "CN=Detail CA,O=vpncertlint": ca1.pem:1 (`},
		{env9(other, ca), ``},
	} {
		var got []string
		for _, f := range checkIssuer(crl, tt.env) {
			got = append(got, f.Code+" "+f.Detail)
		}
		if g := strings.Join(got, "\n"); (tt.want == "") != (g == "") || !strings.HasPrefix(g, tt.want) {
			t.Errorf("%d CAs: %q, want %q", len(tt.env.CAs), g, tt.want)
		}
	}
}

// Not a CertificateList at all: zcrypto's error, not a v1 reading.
func TestNotASequence(t *testing.T) {
	c := NewCRL([]byte{0x02, 0x01, 0x00}, "x.crl", 1, "x.crl")
	if c.ParseErr == nil || c.V1 || strings.Contains(c.ParseErr.Error(), "version 1") || strings.Contains(c.ParseErr.Error(), "returned nothing") {
		t.Errorf("ParseErr %v", c.ParseErr)
	}
	if _, ok, _ := parseV1([]byte{0x02, 0x01, 0x00}, x509.ParseRevocationList); ok {
		t.Error("parseV1 took an INTEGER for a CRL")
	}
}

// A CRL without nextUpdate is stale for the cloud.
func TestNextUpdateMissing(t *testing.T) {
	c := &CRL{Name: "x", X: &x509.RevocationList{ThisUpdate: t9This}}
	fs := checkDates(c, &Env{Now: t9Now, Policy: DefaultPolicy()})
	if len(fs) != 1 || fs[0].Code != "VPN.0080" || fs[0].Detail != "nextUpdate is missing" {
		t.Errorf("%+v", fs)
	}
}

// TestChecksDeclared: every check's codes are in the catalogue, and the list runs by name.
func TestChecksDeclared(t *testing.T) {
	lint.MustDeclare(checks)
	for i := 1; i < len(checks); i++ {
		if checks[i-1].Name >= checks[i].Name {
			t.Errorf("checks out of name order: %s before %s", checks[i-1].Name, checks[i].Name)
		}
	}
}

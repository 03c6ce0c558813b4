package certcheck

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	stdx509 "crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/json"
	"io/fs"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/fuzzseed"
	"github.com/vpncertlint/vpncertlint/internal/pemscan"
	zasn1 "github.com/zmap/zcrypto/encoding/asn1"
	zx509 "github.com/zmap/zcrypto/x509"
	"golang.org/x/crypto/cryptobyte"
)

// pycaX509Dir is where Debian's python3-cryptography-vectors installs pyca's X.509 vectors.
const pycaX509Dir = "/usr/lib/python3/dist-packages/cryptography_vectors/x509"

// fastPathInputs returns third-party and generated certificates' DER, with where each came
// from: the fixtures and ../shared/corpus (every file), PKITS and the PEM files of Go's
// crypto/x509 and crypto/tls test data (GOROOT), pyca's vectors (when installed), and
// certificates made here with every key type and extension the fast path reads.
func fastPathInputs(t *testing.T) (ders [][]byte, names []string) {
	add := func(name string, data []byte) {
		r := pemscan.Scan(data)
		if len(r.Blocks) == 0 && len(data) > 0 && data[0] == 0x30 {
			ders, names = append(ders, data), append(names, name)
		}
		for _, b := range r.Blocks {
			if b.Bytes != nil && (b.Type == "CERTIFICATE" || b.Type == "TRUSTED CERTIFICATE") {
				ders, names = append(ders, b.Bytes), append(names, name)
			}
		}
	}
	for i, s := range fuzzseed.Files(nil, 1, -1) {
		add("seed "+string(rune('0'+i%10)), s)
	}
	walk := func(dir string) int {
		n := 0
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err != nil || info.Size() > 1<<20 {
				return nil
			}
			if b, err := os.ReadFile(p); err == nil {
				add(p, b)
				n++
			}
			return nil
		})
		return n
	}
	goroot := ""
	if out, err := exec.Command("go", "env", "GOROOT").Output(); err == nil {
		goroot = strings.TrimSpace(string(out))
	}
	for _, d := range []string{"src/crypto/x509/testdata", "src/crypto/tls/testdata"} {
		if walk(filepath.Join(goroot, d)) == 0 {
			t.Logf("no %s in GOROOT %s", d, goroot)
		}
	}
	if walk(pycaX509Dir) == 0 {
		t.Logf("pyca's vectors are not installed (%s): apt-get install python3-cryptography-vectors", pycaX509Dir)
	}
	for _, g := range generatedCerts(t) {
		ders, names = append(ders, g), append(names, "generated")
	}
	return ders, names
}

// generatedCerts makes certificates with each key type the fast path reads and each
// extension it checks, in the forms Go writes them.
func generatedCerts(t *testing.T) [][]byte {
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	var keys []crypto.Signer
	keys = append(keys, rsaKey)
	for _, c := range []elliptic.Curve{elliptic.P224(), elliptic.P256(), elliptic.P384(), elliptic.P521()} {
		k, err := ecdsa.GenerateKey(c, rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	_, edKey, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	keys = append(keys, edKey)
	notice, _ := asn1.Marshal([]any{asn1.ObjectIdentifier{2, 5, 29, 32, 0}, []any{[]any{asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 2, 2}, []any{"explicit text"}}}})
	var out [][]byte
	for i, k := range keys {
		tmpl := &stdx509.Certificate{
			SerialNumber: big.NewInt(int64(1000 + i)),
			Subject: pkix.Name{CommonName: "vpn.example.com", Organization: []string{"Ex & Co *"}, Country: []string{"CN"},
				SerialNumber: "0123 456", ExtraNames: []pkix.AttributeTypeAndValue{{Type: asn1.ObjectIdentifier{2, 5, 4, 12}, Value: "ïnitial"}}},
			NotBefore:             time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC),
			NotAfter:              time.Date(2050, 2, 28, 0, 0, 0, 0, time.UTC), // GeneralizedTime
			KeyUsage:              stdx509.KeyUsageDigitalSignature | stdx509.KeyUsageCertSign,
			ExtKeyUsage:           []stdx509.ExtKeyUsage{stdx509.ExtKeyUsageServerAuth, stdx509.ExtKeyUsageClientAuth},
			UnknownExtKeyUsage:    []asn1.ObjectIdentifier{{1, 3, 6, 1, 4, 1, 311, 21, 8, 16777215}},
			BasicConstraintsValid: true,
			IsCA:                  i%2 == 0,
			DNSNames:              []string{"vpn.example.com", "*.example.com"},
			EmailAddresses:        []string{"ops@example.com"},
			IPAddresses:           []net.IP{net.IPv4(192, 0, 2, 1), net.ParseIP("2001:db8::1")},
			CRLDistributionPoints: []string{"http://crl.example.com/ca.crl"},
			OCSPServer:            []string{"http://ocsp.example.com"},
			IssuingCertificateURL: []string{"http://ca.example.com/ca.crt"},
			PolicyIdentifiers:     []asn1.ObjectIdentifier{{2, 23, 140, 1, 2, 1}},
			ExtraExtensions:       []pkix.Extension{{Id: asn1.ObjectIdentifier{1, 2, 3, 4, 5}, Critical: true, Value: []byte{0xff}}},
		}
		if i == 0 {
			tmpl.ExtraExtensions = append(tmpl.ExtraExtensions, pkix.Extension{Id: asn1.ObjectIdentifier{2, 5, 29, 32}, Value: notice})
			tmpl.PolicyIdentifiers = nil
		}
		der, err := stdx509.CreateCertificate(rand.Reader, tmpl, tmpl, k.Public(), k)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, der)
	}
	return out
}

// zcryptoOK reports whether zcrypto parses der (its panics count as a rejection).
func zcryptoOK(der []byte) (err error) {
	_, err = zcryptoParse(der)
	return err
}

// TestFastPathImpliesZcrypto: every certificate that zcryptoAccepts lets through, and every
// single-byte change of them that it lets through, zcrypto parses; and the fast path takes
// most real certificates that zcrypto reads (else it would not pay).
func TestFastPathImpliesZcrypto(t *testing.T) {
	ders, names := fastPathInputs(t)
	var fast, zOK int
	var taken []int // the certificates the fast path takes
	for i, der := range ders {
		ok := zcryptoOK(der) == nil
		if ok {
			zOK++
		}
		if !zcryptoAccepts(der) {
			continue
		}
		fast++
		if !ok {
			t.Errorf("%s (#%d): the fast path accepts a certificate zcrypto rejects: %v", names[i], i, zcryptoOK(der))
			continue
		}
		if keyTooLarge(ParseRaw(der)) == "" {
			taken = append(taken, i)
		}
	}
	// Every single-byte change (six values per byte) of seeds spread evenly over the taken
	// certificates.
	seeds := 60
	if testing.Short() {
		seeds = 4
	}
	seeds = min(seeds, len(taken))
	var mutated, mutatedFast int
	for s := 0; s < seeds; s++ {
		i := taken[s*len(taken)/seeds]
		der := ders[i]
		m := make([]byte, len(der))
		for pos := range der {
			for _, v := range []byte{0x00, 0xff, der[pos] ^ 0x01, der[pos] ^ 0x80, der[pos] + 1, der[pos] - 1} {
				if v == der[pos] {
					continue
				}
				copy(m, der)
				m[pos] = v
				mutated++
				if !zcryptoAccepts(m) {
					continue
				}
				mutatedFast++
				if err := zcryptoOK(m); err != nil {
					t.Errorf("%s (#%d) with byte %d set to 0x%02x: the fast path accepts it, zcrypto rejects it: %v", names[i], i, pos, v, err)
				}
			}
		}
	}
	t.Logf("%d certificates: zcrypto parses %d, the fast path takes %d; %d single-byte changes of %d of them, %d taken by the fast path",
		len(ders), zOK, fast, mutated, seeds, mutatedFast)
	if fast*10 < zOK*8 {
		t.Errorf("the fast path takes %d of the %d certificates zcrypto parses: under 80%%", fast, zOK)
	}
	if mutatedFast == 0 {
		t.Error("no single-byte change was taken by the fast path: the mutation test proves nothing")
	}
}

// TestFastPathSameFindings: with the late parse, every certificate gets the same findings,
// object and SHA-256 as with zcrypto's parse done at once, in both roles, and the late parse
// never fails.
func TestFastPathSameFindings(t *testing.T) {
	ders, names := fastPathInputs(t)
	before := lateParseFailures.Load()
	env := &Env{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), Policy: DefaultPolicy()}
	late := 0
	for i, der := range ders {
		for _, role := range []Role{RoleCA, RoleServer} {
			lazy := NewCert(der, "x.pem", 1, "x.pem")
			eager := NewCertParsed(der, "x.pem", 1, "x.pem")
			if lazy.late != nil {
				late++
			}
			lazy.Role, eager.Role = role, role
			a, _ := json.Marshal(Run(lazy, env))
			b, _ := json.Marshal(Run(eager, env))
			if string(a) != string(b) {
				t.Errorf("%s (#%d) as %s: findings differ\nlate:  %s\nat once: %s", names[i], i, role, a, b)
			}
			if !reflect.DeepEqual(lazy.Object(), eager.Object()) || lazy.SHA256 != eager.SHA256 {
				t.Errorf("%s (#%d): object or SHA-256 differ", names[i], i)
			}
			if (lazy.X() == nil) != (eager.X() == nil) || lazy.IsCA() != eager.IsCA() {
				t.Errorf("%s (#%d): X or IsCA differ", names[i], i)
			}
		}
	}
	if n := lateParseFailures.Load() - before; n != 0 {
		t.Errorf("%d late parses failed", n)
	}
	if late == 0 {
		t.Error("no certificate took the late parse")
	}
}

// TestFastPathBoundaries: what the fast path leaves to zcrypto, each by one change to a
// certificate it takes.
func TestFastPathBoundaries(t *testing.T) {
	// Field-level boundaries of the helpers.
	for _, tc := range []struct {
		name string
		got  bool
		want bool
	}{
		{"INTEGER 0", fpInteger([]byte{0}), true},
		{"INTEGER empty", fpInteger(nil), false},
		{"INTEGER 00 7f (not minimal)", fpInteger([]byte{0, 0x7f}), false},
		{"INTEGER 00 80", fpInteger([]byte{0, 0x80}), true},
		{"INTEGER ff 80 (not minimal)", fpInteger([]byte{0xff, 0x80}), false},
		{"INTEGER ff 7f", fpInteger([]byte{0xff, 0x7f}), true},
		{"positive 0", fpPositive([]byte{0}), false},
		{"positive 1", fpPositive([]byte{1}), true},
		{"positive -1", fpPositive([]byte{0xff}), false},
		{"positive 00 80", fpPositive([]byte{0, 0x80}), true},
		{"OID empty", validOID(nil), false},
		{"OID 1.2", validOID([]byte{0x2a}), true},
		{"OID leading 0x80", validOID([]byte{0x2a, 0x80, 0x01}), false},
		{"OID truncated arc", validOID([]byte{0x2a, 0x81}), false},
		{"OID four-byte arc", validOID([]byte{0x2a, 0xff, 0xff, 0xff, 0x7f}), true},
		{"OID five-byte arc", validOID([]byte{0x2a, 0x81, 0x80, 0x80, 0x80, 0x00}), false},
		{"Printable *&", fpString(19, []byte("a*&b")), true},
		{"Printable @", fpString(19, []byte("a@b")), false},
		{"Printable _", fpString(19, []byte("_")), false},
		{"IA5 0x7f", fpString(22, []byte{0x7f}), true},
		{"IA5 0x80", fpString(22, []byte{0x80}), false},
		{"UTF8 valid", fpString(12, []byte("ü")), true},
		{"UTF8 invalid", fpString(12, []byte{0xc3}), false},
		{"Numeric", fpString(18, []byte("0 9")), true},
		{"Numeric letter", fpString(18, []byte("0a")), false},
		{"BMP even", fpString(30, []byte{0, 'a'}), true},
		{"BMP odd", fpString(30, []byte{0}), false},
		{"T61 anything", fpString(20, []byte{0xff}), true},
		{"INTEGER value", fpString(2, []byte{1}), false},
		{"days Feb 2000", daysIn(2, 2000) == 29, true},
		{"days Feb 2100", daysIn(2, 2100) == 28, true},
		{"days Feb 2024", daysIn(2, 2024) == 29, true},
		{"days Apr", daysIn(4, 2025) == 30, true},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	times := []struct {
		der  []byte
		want bool
	}{
		{append([]byte{23, 13}, "491231235959Z"...), true},
		{append([]byte{23, 13}, "500101000000Z"...), true},
		{append([]byte{23, 13}, "240229000000Z"...), true},
		{append([]byte{23, 13}, "000229000000Z"...), true}, // 2000, a leap year (1900 was not)
		{append([]byte{23, 13}, "250229000000Z"...), false},
		{append([]byte{23, 13}, "250431000000Z"...), false},
		{append([]byte{23, 13}, "251301000000Z"...), false},
		{append([]byte{23, 13}, "250101240000Z"...), false},
		{append([]byte{23, 13}, "250101236000Z"...), false},
		{append([]byte{23, 13}, "250101235960Z"...), false},
		{append([]byte{23, 13}, "250101235959+"...), false},
		{append([]byte{23, 11}, "2501012359Z"...), false}, // no seconds: zcrypto reads it, left to it
		{append([]byte{24, 15}, "19500101000000Z"...), true},
		{append([]byte{24, 15}, "19491231235959Z"...), false},
		{append([]byte{24, 15}, "99991231235959Z"...), true},
		{append([]byte{24, 19}, "20500101000000.123Z"...), false},
		{append([]byte{24, 13}, "200101000000Z"...), false}, // too short for its fields
		{append([]byte{4, 13}, "250101000000Z"...), false},
	}
	for _, tc := range times {
		s := cryptobyte.String(tc.der)
		if got := fpTime(&s); got != tc.want {
			t.Errorf("fpTime(%q) = %v, want %v", tc.der[2:], got, tc.want)
		}
		if tc.want {
			if _, err := zcryptoTime(tc.der); err != nil {
				t.Errorf("zcrypto rejects %q: %v", tc.der[2:], err)
			}
		}
	}
}

// TestFastPathLeavesToZcrypto: a certificate the fast path takes, changed in each of the
// ways it leaves to zcrypto, is no longer taken (and zcrypto's answer then stands).
func TestFastPathLeavesToZcrypto(t *testing.T) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	make1 := func(mod func(*stdx509.Certificate)) []byte {
		tmpl := &stdx509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "x"},
			NotBefore: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}
		if mod != nil {
			mod(tmpl)
		}
		der, err := stdx509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
		if err != nil {
			t.Fatal(err)
		}
		return der
	}
	if !zcryptoAccepts(make1(nil)) {
		t.Fatal("the plain certificate is not taken")
	}
	ext := func(oid asn1.ObjectIdentifier, value []byte) func(*stdx509.Certificate) {
		return func(c *stdx509.Certificate) {
			c.ExtraExtensions = append(c.ExtraExtensions, pkix.Extension{Id: oid, Value: value})
		}
	}
	seq := func(v ...any) []byte { b, _ := asn1.Marshal(v); return b }
	for name, mod := range map[string]func(*stdx509.Certificate){
		"ediPartyName in SAN": ext(asn1.ObjectIdentifier{2, 5, 29, 17}, seq(asn1.RawValue{Class: 2, Tag: 5, IsCompound: true, Bytes: []byte{0xa1, 3, 0x0c, 1, 'a'}})),
		"SCT list":            ext(asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 11129, 2, 4, 2}, []byte{4, 0}),
		"QC statements":       ext(asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 1, 3}, seq()),
		"nameRelativeToCRLIssuer": ext(asn1.ObjectIdentifier{2, 5, 29, 31},
			seq(asn1.RawValue{Tag: 16, IsCompound: true, Bytes: []byte{0xa0, 13, 0xa1, 11, 0x30, 9, 6, 3, 0x55, 4, 3, 0x0c, 2, 'a', 'b'}})),
		"IP of 5 bytes in SAN":                    ext(asn1.ObjectIdentifier{2, 5, 29, 17}, seq(asn1.RawValue{Class: 2, Tag: 7, Bytes: []byte{1, 2, 3, 4, 5}})),
		"IP range of 4 bytes in name constraints": ext(asn1.ObjectIdentifier{2, 5, 29, 30}, []byte{0x30, 8, 0xa0, 6, 0x30, 4, 0x87, 2, 10, 0}),
		"notice number of 9 bytes": ext(asn1.ObjectIdentifier{2, 5, 29, 32}, seq([]any{asn1.ObjectIdentifier{1, 2, 3},
			[]any{[]any{asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 2, 2}, []any{[]any{"org", []*big.Int{new(big.Int).Lsh(big.NewInt(1), 64)}}}}}})),
	} {
		if der := make1(mod); zcryptoAccepts(der) {
			t.Errorf("%s: taken by the fast path", name)
		}
	}
	// Taken, and read by zcrypto.
	for name, mod := range map[string]func(*stdx509.Certificate){
		"name constraints": func(c *stdx509.Certificate) {
			c.PermittedDNSDomains, c.ExcludedEmailAddresses, c.PermittedURIDomains = []string{"example.com"}, []string{"a@b"}, []string{"c"}
			_, n, _ := net.ParseCIDR("10.0.0.0/8")
			c.PermittedIPRanges = []*net.IPNet{n}
		},
		"otherName in SAN": ext(asn1.ObjectIdentifier{2, 5, 29, 17}, seq(asn1.RawValue{Class: 2, Tag: 0, IsCompound: true, Bytes: []byte{6, 1, 42, 0xa0, 2, 5, 0}})),
		"CRL issuer in a distribution point": ext(asn1.ObjectIdentifier{2, 5, 29, 31},
			seq(asn1.RawValue{Tag: 16, IsCompound: true, Bytes: []byte{0xa2, 4, 0x86, 2, 'a', 'b'}})),
		"notice reference": ext(asn1.ObjectIdentifier{2, 5, 29, 32}, seq([]any{asn1.ObjectIdentifier{1, 2, 3},
			[]any{[]any{asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 2, 2}, []any{[]any{"org", []int{1, 1 << 40}}, "text"}}}})),
		"directory name in SAN": ext(asn1.ObjectIdentifier{2, 5, 29, 17}, seq(asn1.RawValue{Class: 2, Tag: 4, IsCompound: true, Bytes: []byte{0x30, 11, 0x31, 9, 0x30, 7, 6, 3, 0x55, 4, 3, 0x13, 0}})),
		"registered ID in SAN":  ext(asn1.ObjectIdentifier{2, 5, 29, 17}, seq(asn1.RawValue{Class: 2, Tag: 8, Bytes: []byte{0x2a, 3}})),
	} {
		der := make1(mod)
		if !zcryptoAccepts(der) {
			t.Errorf("%s: not taken by the fast path", name)
		}
		if err := zcryptoOK(der); err != nil {
			t.Errorf("%s: zcrypto rejects it: %v", name, err)
		}
	}
	// A P-224 key (zcrypto reads it; the fast path leaves it), an RSA key, and a certificate
	// with a trailing byte.
	k224, _ := ecdsa.GenerateKey(elliptic.P224(), rand.Reader)
	tmpl := &stdx509.Certificate{SerialNumber: big.NewInt(1), NotBefore: time.Now(), NotAfter: time.Now().Add(time.Hour)}
	der224, err := stdx509.CreateCertificate(rand.Reader, tmpl, tmpl, k224.Public(), key)
	if err != nil {
		t.Fatal(err)
	}
	if zcryptoAccepts(der224) {
		t.Error("P-224: taken by the fast path")
	}
	if zcryptoAccepts(append(make1(nil), 0)) {
		t.Error("trailing byte: taken by the fast path")
	}
	uri := make1(func(c *stdx509.Certificate) {
		c.URIs = nil
		c.DNSNames = []string{"a"}
	})
	if !zcryptoAccepts(uri) {
		t.Error("a DNS name in the SAN: not taken")
	}
}

// FuzzFastPath: whatever zcryptoAccepts lets through, zcrypto parses.
func FuzzFastPath(f *testing.F) {
	for _, s := range derSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, der []byte) {
		if zcryptoAccepts(der) {
			if err := zcryptoOK(der); err != nil {
				t.Fatalf("the fast path accepts what zcrypto rejects: %v", err)
			}
		}
	})
}

// zcryptoTime parses a DER time element the way zcrypto reads a certificate's validity.
func zcryptoTime(der []byte) (time.Time, error) {
	var v struct{ T time.Time }
	seq := append([]byte{0x30, byte(len(der))}, der...)
	_, err := zasn1.Unmarshal(seq, &v)
	return v.T, err
}

// TestLateParseConcurrent: goroutines asking for a late-parsed certificate's X at once get
// the one parse (run it with -race).
func TestLateParseConcurrent(t *testing.T) {
	var der []byte // a certificate the fast path takes
	for _, d := range generatedCerts(t) {
		if zcryptoAccepts(d) {
			der = d
			break
		}
	}
	c := NewCert(der, "x.pem", 1, "x.pem")
	if c.late == nil {
		t.Fatal("the certificate did not take the late parse")
	}
	got := make([]*zx509.Certificate, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			got[i] = c.X()
		}(i)
	}
	wg.Wait()
	for i := range got {
		if got[i] == nil || got[i] != got[0] {
			t.Fatalf("goroutine %d got %p, the first %p", i, got[i], got[0])
		}
	}
}

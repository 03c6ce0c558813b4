package e2e

// "Must agree" tests over public third-party data that is on the machine without the network:
//
//   - NIST PKITS (Public Key Infrastructure Test Suite, the 2011 re-issue: RSA-2048 with
//     SHA-256, plus DSA): the 405 certificates that Go ships with its toolchain in
//     $(go env GOROOT)/src/crypto/x509/testdata/nist-pkits/certs (DER), with vectors.json,
//     the test descriptions of the PKITS PDF (public domain, U.S. Government work).
//   - The same PKITS release's CRLs (PKITS_data/crls) and a chosen list of certificates and
//     CRLs of pyca/cryptography's test vectors, from the Debian package
//     python3-cryptography-vectors (/usr/lib/python3/dist-packages/cryptography_vectors/x509;
//     .ci/run installs it; the test skips that part with one line when it is absent).
//
// Nothing is copied into the repository: the files are read where they are installed and
// PEM-encoded into a temporary directory (the cloud takes PEM only).
//
// The expected codes are derived independently of vpncertlint's own code: from the standard
// library's crypto/x509 and encoding/asn1 (each certificate is decoded with encoding/asn1 and
// the result cross-checked against crypto/x509 wherever crypto/x509 parses it; CRL signatures
// are verified with crypto/x509 and, for DSA, crypto/dsa), from the documented rules for each
// code, and from the PKITS test descriptions (checked against the certificates' contents).
// The real command line then runs once per role over all files, and each file's set of VPN.*
// codes, and of the VCL codes in selectedVCL, must be exactly the expected one.

import (
	"bytes"
	"crypto/dsa" //nolint:staticcheck // DSA is deprecated, but PKITS has DSA CAs and CRLs
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/vpncertlint/vpncertlint/cmd"
	jsonreport "github.com/vpncertlint/vpncertlint/internal/output/json"
	"github.com/vpncertlint/vpncertlint/lint"
)

// pycaX509 is where Debian's python3-cryptography-vectors installs pyca's X.509 vectors.
const pycaX509 = "/usr/lib/python3/dist-packages/cryptography_vectors/x509"

// selectedVCL are the advisory codes compared exactly, besides every VPN.* code.
var selectedVCL = map[string]bool{
	"VCL.0701": true, "VCL.0702": true, "VCL.0703": true, "VCL.0711": true, "VCL.0721": true,
	"VCL.0761": true, "VCL.0762": true, "VCL.0771": true, "VCL.0791": true, "VCL.0801": true,
}

// warnCRLSignCode stands, in the expectations, for "a warning related to VPN.0079 other than
// VCL.0791": what a CRL signed by a CA whose keyUsage lacks cRLSign must get (issue 9 item 5).
const warnCRLSignCode = "warning(VPN.0079)"

// knownDisagreements are the files on which vpncertlint is known to disagree with the ground
// truth, each with its issue 9 item and the reason. A mismatch there is logged, not failed; a
// file listed here that agrees fails the test, so that the list is emptied as the fixes land.
// Keys are "SOURCE/FILE ROLE" as in the test's messages.
var knownDisagreements = map[string]string{}

// unclear are inputs left out because their ground truth is not clear, with the reason.
var unclear = map[string]string{
	// The CA's DSA key inherits its parameters from its issuer (RFC 3279 §2.3.2); crypto/x509
	// cannot parse that CA, so the test has no independent check of the CRL's signature.
	"pkits/DSAParametersInheritedCACRL.crl": "signed with a DSA key whose parameters are inherited from its issuer, which crypto/x509 cannot parse",
}

// tpFile is one input of a run with its expectation.
type tpFile struct {
	name     string               // SOURCE/FILE, for messages and knownDisagreements
	path     string               // the PEM file given to the CLI
	der      []byte               // the DER of its one object
	cert     *certFacts           // a certificate, or
	crl      *x509.RevocationList // a CRL
	dontCare map[string]bool      // codes not compared on this file, when the truth is not clear
}

// TestThirdPartyAgree runs the CLI over the PKITS certificates (as client CAs and as server
// certificates), the PKITS CRLs and pyca's chosen vectors, and compares the codes with the
// expectations derived from the standard library.
func TestThirdPartyAgree(t *testing.T) {
	now, err := time.Parse(time.RFC3339, testNow)
	if err != nil {
		t.Fatal(err)
	}
	goroot := strings.TrimSpace(runtimeGOROOT(t))
	pkitsDir := filepath.Join(goroot, "src", "crypto", "x509", "testdata", "nist-pkits")
	if _, err := os.Stat(filepath.Join(pkitsDir, "certs")); err != nil {
		t.Skipf("Go's PKITS test data is not installed: %v", err)
	}
	tmp := t.TempDir()
	pkits := loadPKITSCerts(t, pkitsDir, tmp)
	checkPKITSDescriptions(t, pkitsDir, pkits, now)

	var pkitsCRLs, pycaCerts, pycaCRLs []*tpFile
	if _, err := os.Stat(pycaX509); err != nil {
		t.Run("pyca", func(t *testing.T) {
			t.Skipf("the PKITS CRLs and pyca vectors are not compared: no %s (apt-get install python3-cryptography-vectors; .ci/run installs it)", pycaX509)
		})
	} else {
		pkitsCRLs = loadPKITSCRLs(t, tmp)
		pycaCerts, pycaCRLs = loadPyca(t, tmp)
	}

	// Client CAs: the PKITS certificates and CRLs in one upload set, pyca's in another.
	runAndCompare(t, "ca", pkits, pkitsCRLs, now)
	runAndCompare(t, "server", pkits, nil, now)
	if pycaCerts != nil {
		runAndCompare(t, "ca", pycaCerts, pycaCRLs, now)
		runAndCompare(t, "server", pycaCerts, nil, now)
	}
}

func runtimeGOROOT(t *testing.T) string {
	t.Helper()
	if g := os.Getenv("GOROOT"); g != "" {
		return g
	}
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Skipf("cannot find GOROOT (go env GOROOT: %v)", err)
	}
	return string(out)
}

// runAndCompare runs `check --role ROLE` once over certs then crls (all in one upload set for
// the role ca) and compares each file's codes with its expectation.
func runAndCompare(t *testing.T, role string, certs, crls []*tpFile, now time.Time) {
	t.Helper()
	want := map[string]map[string]bool{}
	for _, f := range certs {
		want[f.path] = certExpectation(f.cert, role, now)
	}
	if role == "ca" {
		setExpectations(certs, want)
		for _, f := range crls {
			want[f.path] = crlExpectation(f, certs, now)
		}
	}
	args := []string{"check", "--no-config", "--no-zlint", "--now", testNow, "--format", "json", "--role", role}
	all := append(append([]*tpFile(nil), certs...), crls...)
	for _, f := range all {
		args = append(args, f.path)
	}
	var out, errb bytes.Buffer
	code := cmd.Execute(args, strings.NewReader(""), &out, &errb)
	if code == 2 {
		t.Fatalf("role %s: exit 2: %s", role, errb.String())
	}
	var rep jsonreport.Document
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("role %s: output is not JSON: %v", role, err)
	}
	got := map[string]map[string]bool{}
	for _, fd := range rep.Findings {
		if got[fd.File] == nil {
			got[fd.File] = map[string]bool{}
		}
		if strings.HasPrefix(fd.Code, "VPN.") || selectedVCL[fd.Code] {
			got[fd.File][fd.Code] = true
		}
		if fd.Related == "VPN.0079" && fd.Severity == lint.Warning && fd.Code != "VCL.0791" {
			got[fd.File][warnCRLSignCode] = true
		}
	}
	agreed, known := 0, 0
	for _, f := range all {
		key := f.name + " " + role
		if reason, ok := unclear[f.name]; ok {
			t.Logf("%s: not compared (%s)", key, reason)
			continue
		}
		w, g := minus(want[f.path], f.dontCare), minus(got[f.path], f.dontCare)
		same := setString(w) == setString(g)
		reason, isKnown := knownDisagreements[key]
		switch {
		case same && isKnown:
			t.Errorf("%s: now agrees (%s); remove it from knownDisagreements (%s)", key, setString(g), reason)
		case same:
			agreed++
		case isKnown:
			known++
			t.Logf("known disagreement, issue 9 %s: %s: vpncertlint says %s, ground truth %s", reason, key, setString(g), setString(w))
		default:
			t.Errorf("%s: vpncertlint says %s, ground truth %s", key, setString(g), setString(w))
		}
	}
	t.Logf("role %s: %d files agree, %d known disagreements", role, agreed, known)
}

func minus(s, drop map[string]bool) map[string]bool {
	out := map[string]bool{}
	for k := range s {
		if !drop[k] {
			out[k] = true
		}
	}
	return out
}

func setString(s map[string]bool) string {
	var l []string
	for k := range s {
		l = append(l, k)
	}
	sort.Strings(l)
	return "[" + strings.Join(l, " ") + "]"
}

// --- inputs ---

func loadPKITSCerts(t *testing.T, pkitsDir, tmp string) []*tpFile {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(pkitsDir, "certs", "*.crt"))
	if err != nil || len(paths) < 400 {
		t.Fatalf("expected the 405 PKITS certificates in %s, found %d (%v)", pkitsDir, len(paths), err)
	}
	sort.Strings(paths)
	var out []*tpFile
	for _, p := range paths {
		der, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, newCertFile(t, "pkits/"+filepath.Base(p), der, filepath.Join(tmp, "pkits")))
	}
	return out
}

func loadPKITSCRLs(t *testing.T, tmp string) []*tpFile {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(pycaX509, "PKITS_data", "crls", "*.crl"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no PKITS CRLs in %s: %v", pycaX509, err)
	}
	sort.Strings(paths)
	var out []*tpFile
	for _, p := range paths {
		der, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, newCRLFile(t, "pkits/"+filepath.Base(p), der, filepath.Join(tmp, "pkits-crl")))
	}
	return out
}

// pycaCertFiles are pyca's certificates whose ground truth is clear, with what each shows.
var pycaCertFiles = []string{
	"accvraiz1.pem",                                  // RSA-4096 root CA signed with SHA-1
	"cryptography.io.pem",                            // RSA-4096 leaf, expired
	"department-of-state-root.pem",                   // RSA-2048 root, expired
	"ecdsa_root.pem",                                 // P-384 root, ecdsa-with-SHA384
	"e-trust.ru.der",                                 // GOST R 34.10-2001 key and signature (DER)
	"letsencryptx3.pem",                              // RSA-2048 intermediate CA, expired
	"rapidssl_sha256_ca_g3.pem",                      // RSA-2048 intermediate CA, expired
	"verisign_md2_root.pem",                          // v1 RSA-1024 root signed with MD2
	"custom/alternate-rsa-sha1-oid.der",              // the alternative OID 1.3.14.3.2.29 for sha1WithRSA (DER)
	"custom/bc_path_length_zero.pem",                 // CA with pathLen 0, SHA-1
	"custom/ca/ca.pem",                               // P-256 CA, no keyUsage
	"custom/ca/rsa_ca.pem",                           // RSA-4096 CA valid until 2048
	"custom/dsa_selfsigned_ca.pem",                   // DSA CA, dsa-with-SHA1
	"custom/ec_no_named_curve.pem",                   // EC key with explicit curve parameters
	"custom/post2000utctime.pem",                     // CA, UTCTime after 2000
	"custom/rsa_pss.pem",                             // RSASSA-PSS key and signature with SHA-1 (default) parameters
	"custom/rsa_pss_cert.pem",                        // RSASSA-PSS with SHA-256
	"custom/unsupported_extension_2.pem",             // P-256 key signed with SHA256-RSA
	"custom/unsupported_subject_public_key_info.pem", // an unknown key algorithm
	"ed25519/root-ed25519.pem",                       // Ed25519 key and signature
	"ed25519/server-ed25519-cert.pem",                // Ed25519 key, RSA signature
	"ed448/root-ed448.pem",                           // Ed448 key and signature
	"custom/valid_signature_cert.pem",                // v1 certificate that signed the two CRLs below
}

// pycaCRLFiles are pyca's CRLs whose ground truth is clear.
var pycaCRLFiles = []string{
	"custom/valid_signature_crl.pem",   // signed by valid_signature_cert.pem, stale (2017)
	"custom/invalid_signature_crl.pem", // same issuer name, bad signature
	"custom/crl_no_next_update.pem",    // no nextUpdate, issuer not in the set
	"custom/crl_bad_version.pem",       // version field 2 (v3): not an X.509 CRL
}

func loadPyca(t *testing.T, tmp string) (certs, crls []*tpFile) {
	t.Helper()
	for _, rel := range pycaCertFiles {
		der := readOneDER(t, filepath.Join(pycaX509, rel))
		certs = append(certs, newCertFile(t, "pyca/"+rel, der, filepath.Join(tmp, "pyca")))
	}
	for _, rel := range pycaCRLFiles {
		der := readOneDER(t, filepath.Join(pycaX509, rel))
		crls = append(crls, newCRLFile(t, "pyca/"+rel, der, filepath.Join(tmp, "pyca-crl")))
	}
	return certs, crls
}

// readOneDER returns the first PEM block's bytes, or the file when it is not PEM.
func readOneDER(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := pem.Decode(data); b != nil {
		return b.Bytes
	}
	return data
}

func writePEM(t *testing.T, dir, name, typ string, der []byte) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, strings.ReplaceAll(name, "/", "_")+".pem")
	if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func newCertFile(t *testing.T, name string, der []byte, dir string) *tpFile {
	t.Helper()
	facts, err := parseCertFacts(der)
	if err != nil {
		t.Fatalf("%s: encoding/asn1 cannot decode it as a certificate: %v", name, err)
	}
	if err := facts.crossCheck(); err != nil {
		t.Fatalf("%s: encoding/asn1 and crypto/x509 disagree: %v", name, err)
	}
	base := strings.TrimPrefix(name, strings.SplitN(name, "/", 2)[0]+"/")
	return &tpFile{name: name, path: writePEM(t, dir, base, "CERTIFICATE", der), der: der, cert: facts, dontCare: facts.dontCare()}
}

func newCRLFile(t *testing.T, name string, der []byte, dir string) *tpFile {
	t.Helper()
	crl, _ := x509.ParseRevocationList(der) // nil when the standard library rejects it
	base := strings.TrimPrefix(name, strings.SplitN(name, "/", 2)[0]+"/")
	return &tpFile{name: name, path: writePEM(t, dir, base, "X509 CRL", der), der: der, crl: crl, dontCare: map[string]bool{}}
}

// --- certificates: the facts, from encoding/asn1, cross-checked with crypto/x509 ---

type asn1Certificate struct {
	TBS    asn1TBS
	SigAlg pkix.AlgorithmIdentifier
	Sig    asn1.BitString
}

type asn1TBS struct {
	Raw       asn1.RawContent
	Version   int `asn1:"optional,explicit,default:0,tag:0"`
	Serial    asn1.RawValue
	SigAlg    pkix.AlgorithmIdentifier
	Issuer    asn1.RawValue
	Validity  struct{ NotBefore, NotAfter time.Time }
	Subject   asn1.RawValue
	SPKI      asn1SPKI
	IssuerUID asn1.BitString   `asn1:"optional,tag:1"`
	SubjUID   asn1.BitString   `asn1:"optional,tag:2"`
	Exts      []pkix.Extension `asn1:"optional,explicit,tag:3"`
}

type asn1SPKI struct {
	Raw asn1.RawContent
	Alg pkix.AlgorithmIdentifier
	Key asn1.BitString
}

// certFacts are what the expectations are derived from.
type certFacts struct {
	a         asn1Certificate
	x         *x509.Certificate // nil when crypto/x509 rejects the certificate
	xErr      error
	rsaBits   int // RSA modulus size (rsaEncryption or id-RSASSA-PSS keys)
	bcPresent bool
	bcOK      bool
	bcCA      bool
	kuPresent bool
	kuBits    asn1.BitString
}

var (
	oidRSA    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}
	oidPSS    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 10}
	oidEC     = asn1.ObjectIdentifier{1, 2, 840, 10045, 2, 1}
	oidP256   = asn1.ObjectIdentifier{1, 2, 840, 10045, 3, 1, 7}
	oidP384   = asn1.ObjectIdentifier{1, 3, 132, 0, 34}
	oidSHA256 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	oidSHA384 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 2}
	oidSHA512 = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 3}
	oidBC     = asn1.ObjectIdentifier{2, 5, 29, 19}
	oidKU     = asn1.ObjectIdentifier{2, 5, 29, 15}
)

// acceptedSignatures are the signature algorithm OIDs the cloud takes without remark:
// sha256/384/512WithRSAEncryption and ecdsa-with-SHA256/384/512.
var acceptedSignatures = map[string]bool{
	"1.2.840.113549.1.1.11": true, "1.2.840.113549.1.1.12": true, "1.2.840.113549.1.1.13": true,
	"1.2.840.10045.4.3.2": true, "1.2.840.10045.4.3.3": true, "1.2.840.10045.4.3.4": true,
}

func parseCertFacts(der []byte) (*certFacts, error) {
	f := &certFacts{}
	rest, err := asn1.Unmarshal(der, &f.a)
	if err != nil {
		return nil, err
	}
	if len(rest) != 0 {
		return nil, errors.New("trailing data")
	}
	f.x, f.xErr = x509.ParseCertificate(der)
	spki := f.a.TBS.SPKI
	if spki.Alg.Algorithm.Equal(oidRSA) || spki.Alg.Algorithm.Equal(oidPSS) {
		var k struct{ N, E *big.Int }
		if _, err := asn1.Unmarshal(spki.Key.RightAlign(), &k); err != nil {
			return nil, fmt.Errorf("RSA key: %v", err)
		}
		f.rsaBits = k.N.BitLen()
	}
	for _, e := range f.a.TBS.Exts {
		switch {
		case e.Id.Equal(oidBC):
			f.bcPresent = true
			var bc struct {
				CA      bool `asn1:"optional"`
				PathLen int  `asn1:"optional,default:-1"`
			}
			rest, err := asn1.Unmarshal(e.Value, &bc)
			f.bcOK = err == nil && len(rest) == 0
			f.bcCA = f.bcOK && bc.CA
		case e.Id.Equal(oidKU):
			if _, err := asn1.Unmarshal(e.Value, &f.kuBits); err == nil {
				f.kuPresent = true
			}
		}
	}
	return f, nil
}

// crossCheck compares the asn1 decoding with crypto/x509's, where crypto/x509 parses it.
func (f *certFacts) crossCheck() error {
	x := f.x
	if x == nil {
		return nil
	}
	tbs := f.a.TBS
	switch {
	case !x.NotBefore.Equal(tbs.Validity.NotBefore) || !x.NotAfter.Equal(tbs.Validity.NotAfter):
		return fmt.Errorf("validity %v-%v vs %v-%v", x.NotBefore, x.NotAfter, tbs.Validity.NotBefore, tbs.Validity.NotAfter)
	case !bytes.Equal(x.RawSubject, tbs.Subject.FullBytes) || !bytes.Equal(x.RawIssuer, tbs.Issuer.FullBytes):
		return errors.New("names")
	case !bytes.Equal(x.RawSubjectPublicKeyInfo, tbs.SPKI.Raw):
		return errors.New("SubjectPublicKeyInfo")
	case x.BasicConstraintsValid != (f.bcPresent && f.bcOK) || x.IsCA != f.bcCA:
		return fmt.Errorf("basicConstraints %v/%v vs %v/%v", x.BasicConstraintsValid, x.IsCA, f.bcPresent, f.bcCA)
	case f.kuPresent && (x.KeyUsage&x509.KeyUsageCertSign != 0) != (f.kuBits.At(5) == 1):
		return errors.New("keyUsage keyCertSign")
	}
	accepted := map[x509.SignatureAlgorithm]bool{x509.SHA256WithRSA: true, x509.SHA384WithRSA: true, x509.SHA512WithRSA: true,
		x509.ECDSAWithSHA256: true, x509.ECDSAWithSHA384: true, x509.ECDSAWithSHA512: true}
	if accepted[x.SignatureAlgorithm] != acceptedSignatures[f.a.SigAlg.Algorithm.String()] {
		return fmt.Errorf("signature algorithm %v vs OID %v", x.SignatureAlgorithm, f.a.SigAlg.Algorithm)
	}
	if f.rsaBits != 0 && f.a.TBS.SPKI.Alg.Algorithm.Equal(oidRSA) {
		if k, ok := x.PublicKey.(interface{ Size() int }); !ok || k.Size()*8 < f.rsaBits || k.Size()*8 > f.rsaBits+7 {
			return errors.New("RSA key size")
		}
	}
	return nil
}

// dontCare lists the codes whose truth this certificate does not settle.
func (f *certFacts) dontCare() map[string]bool {
	dc := map[string]bool{}
	if f.a.TBS.SPKI.Alg.Algorithm.Equal(oidPSS) {
		// an RSA key restricted to PSS: whether the cloud takes the key type is not documented
		dc["VPN.0070"], dc["VCL.0701"], dc["VCL.0702"] = true, true, true
	}
	if f.a.SigAlg.Algorithm.Equal(oidPSS) && f.pssHash() != "strong" {
		// item 1: PSS with a weak hash is VPN.0071; whether VCL.0711 stays beside it is free
		dc["VCL.0711"] = true
	}
	return dc
}

// pssHash classifies the hash of an RSASSA-PSS signature: "strong" (SHA-256/384/512) or "weak".
func (f *certFacts) pssHash() string {
	var p struct {
		Hash pkix.AlgorithmIdentifier `asn1:"optional,explicit,tag:0"`
	}
	if _, err := asn1.Unmarshal(f.a.SigAlg.Parameters.FullBytes, &p); err != nil {
		return "weak"
	}
	h := p.Hash.Algorithm
	if h.Equal(oidSHA256) || h.Equal(oidSHA384) || h.Equal(oidSHA512) {
		return "strong"
	}
	return "weak" // absent: the default is SHA-1 (RFC 4055 §3.1)
}

// certExpectation derives, from the documented rules, the codes of one certificate in a role.
// PKITS and pyca's chosen certificates are well-formed X.509: never VPN.0075.
func certExpectation(f *certFacts, role string, now time.Time) map[string]bool {
	w := map[string]bool{}
	tbs := f.a.TBS
	// Key (VPN.0070): RSA ≥ 2048 (2048 warns VCL.0701, sizes other than 3072/4096 VCL.0702),
	// EC P-256/P-384 (VCL.0703); anything else is refused.
	switch alg := tbs.SPKI.Alg.Algorithm; {
	case alg.Equal(oidRSA) || alg.Equal(oidPSS):
		switch {
		case f.rsaBits < 2048:
			w["VPN.0070"] = true
		case f.rsaBits == 2048:
			w["VCL.0701"] = true
		case f.rsaBits != 3072 && f.rsaBits != 4096:
			w["VCL.0702"] = true
		}
	case alg.Equal(oidEC):
		var curve asn1.ObjectIdentifier
		if _, err := asn1.Unmarshal(tbs.SPKI.Alg.Parameters.FullBytes, &curve); err == nil && (curve.Equal(oidP256) || curve.Equal(oidP384)) {
			w["VCL.0703"] = true
		} else {
			w["VPN.0070"] = true // another curve, or explicit parameters
		}
	default:
		w["VPN.0070"] = true
	}
	// Signature (VPN.0071): only RSA PKCS#1 v1.5 and ECDSA with SHA-256/384/512 are accepted;
	// RSASSA-PSS with SHA-256/384/512 is accepted with VCL.0711.
	switch oid := f.a.SigAlg.Algorithm; {
	case acceptedSignatures[oid.String()]:
	case oid.Equal(oidPSS) && f.pssHash() == "strong":
		w["VCL.0711"] = true
	default:
		w["VPN.0071"] = true
	}
	// Validity.
	nb, na := tbs.Validity.NotBefore, tbs.Validity.NotAfter
	if na.Before(now) {
		w["VPN.0072"] = true
	} else if na.Sub(now) < 30*24*time.Hour {
		w["VCL.0721"] = true
	}
	if nb.After(now) {
		w["VPN.0073"] = true
	}
	if role != "ca" {
		return w
	}
	// The CA flag.
	if !f.bcPresent || !f.bcOK || !f.bcCA {
		w["VPN.0076"] = true
		return w
	}
	if f.kuPresent && f.kuBits.At(5) == 0 {
		w["VCL.0761"] = true
	}
	if !namesEqual(tbs.Issuer.FullBytes, tbs.Subject.FullBytes) {
		w["VCL.0762"] = true
	}
	return w
}

// setExpectations adds the upload set's codes, the client CAs taken in command-line order:
// VPN.0077 on a second copy, VPN.1111 on the 11th distinct CA, VCL.0771 on a later distinct
// certificate with the same subject (RFC 5280 name match) and public key as an earlier one.
func setExpectations(certs []*tpFile, want map[string]map[string]bool) {
	seen := map[[32]byte]bool{}
	var distinct []*tpFile
	for _, f := range certs {
		sum := sha256.Sum256(f.der)
		if seen[sum] {
			want[f.path]["VPN.0077"] = true
			continue
		}
		seen[sum] = true
		for _, d := range distinct {
			if bytes.Equal(d.cert.a.TBS.SPKI.Raw, f.cert.a.TBS.SPKI.Raw) && namesEqual(d.cert.a.TBS.Subject.FullBytes, f.cert.a.TBS.Subject.FullBytes) {
				want[f.path]["VCL.0771"] = true
				break
			}
		}
		distinct = append(distinct, f)
		if len(distinct) == 11 {
			want[f.path]["VPN.1111"] = true
		}
	}
}

// --- CRLs ---

// crlExpectation: VPN.0079 unless the CRL is a parsable X.509 CRL (v1 or v2) whose issuer
// matches the subject of a client CA of the set whose key verifies its signature; VPN.0080 and
// VCL.0801 from its dates. A CA whose keyUsage lacks cRLSign still verifies, with a warning
// (item 5). When the only CA that verifies it is not a CA (no basicConstraints cA), the
// CRL's VPN.0079 is left open: that CA already gets VPN.0076.
func crlExpectation(f *tpFile, cas []*tpFile, now time.Time) map[string]bool {
	w := map[string]bool{}
	crl := f.crl
	if crl == nil {
		w["VPN.0079"] = true
		return w
	}
	verified, noCRLSign, notCA := false, false, false
	for _, ca := range cas {
		if ca.cert.x == nil || !namesEqual(ca.cert.a.TBS.Subject.FullBytes, crl.RawIssuer) {
			continue
		}
		if crl.CheckSignatureFrom(ca.cert.x) == nil {
			verified = true
			continue
		}
		// Refused: by a constraint on the issuer, or because crypto/x509 does not verify DSA.
		switch {
		case !crlSignatureVerifies(crl, ca.cert):
		case !ca.cert.bcPresent || !ca.cert.bcCA:
			notCA = true
		case ca.cert.kuPresent && ca.cert.kuBits.At(6) == 0:
			noCRLSign = true
		default:
			verified = true // a DSA CA, verified with crypto/dsa
		}
	}
	switch {
	case verified:
	case noCRLSign:
		w[warnCRLSignCode] = true
	case notCA:
		f.dontCare["VPN.0079"] = true
	default:
		w["VPN.0079"] = true
	}
	switch {
	case crl.NextUpdate.IsZero(), crl.NextUpdate.Before(crl.ThisUpdate), crl.NextUpdate.Before(now), crl.ThisUpdate.After(now):
		w["VPN.0080"] = true
	case crl.NextUpdate.Sub(now) < 7*24*time.Hour:
		w["VCL.0801"] = true
	}
	return w
}

// crlSignatureVerifies checks the CRL's signature with the CA's key alone (no constraint):
// crypto/x509 for RSA and ECDSA, crypto/dsa for DSA (which crypto/x509 no longer verifies).
func crlSignatureVerifies(crl *x509.RevocationList, ca *certFacts) bool {
	if ca.x == nil {
		return false
	}
	if k, ok := ca.x.PublicKey.(*dsa.PublicKey); ok {
		var h []byte
		switch crl.SignatureAlgorithm {
		case x509.DSAWithSHA1:
			s := sha1.Sum(crl.RawTBSRevocationList)
			h = s[:]
		case x509.DSAWithSHA256:
			s := sha256.Sum256(crl.RawTBSRevocationList)
			h = s[:]
		default:
			return false
		}
		var sig struct{ R, S *big.Int }
		if _, err := asn1.Unmarshal(crl.Signature, &sig); err != nil {
			return false
		}
		return dsa.Verify(k, h, sig.R, sig.S)
	}
	return ca.x.CheckSignature(crl.SignatureAlgorithm, crl.RawTBSRevocationList, crl.Signature) == nil
}

// --- names: RFC 5280 §7.1 comparison ---

type attrTV struct {
	Type  asn1.ObjectIdentifier
	Value asn1.RawValue
}

// namesEqual compares two DER Names as RFC 5280 §7.1 says (RFC 4518 string preparation,
// simplified to what the test data needs): the same RDNs in the same order, each the same
// set of attribute types, string values equal after decoding their string type, case folding
// and collapsing white space; other values byte for byte.
func namesEqual(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	var ra, rb []asn1.RawValue
	if _, err := asn1.Unmarshal(a, &ra); err != nil {
		return false
	}
	if _, err := asn1.Unmarshal(b, &rb); err != nil {
		return false
	}
	if len(ra) != len(rb) {
		return false
	}
	for i := range ra {
		if !rdnEqual(ra[i].FullBytes, rb[i].FullBytes) {
			return false
		}
	}
	return true
}

func rdnEqual(a, b []byte) bool {
	var sa, sb []attrTV
	if _, err := asn1.UnmarshalWithParams(a, &sa, "set"); err != nil {
		return false
	}
	if _, err := asn1.UnmarshalWithParams(b, &sb, "set"); err != nil {
		return false
	}
	if len(sa) != len(sb) {
		return false
	}
	used := make([]bool, len(sb))
next:
	for _, x := range sa {
		for j, y := range sb {
			if !used[j] && x.Type.Equal(y.Type) && valueEqual(x.Value, y.Value) {
				used[j] = true
				continue next
			}
		}
		return false
	}
	return true
}

func valueEqual(a, b asn1.RawValue) bool {
	sa, okA := prepString(a)
	sb, okB := prepString(b)
	if okA && okB {
		return sa == sb
	}
	return bytes.Equal(a.FullBytes, b.FullBytes)
}

// prepString decodes a directory string and prepares it for caseIgnoreMatch.
func prepString(v asn1.RawValue) (string, bool) {
	if v.Class != asn1.ClassUniversal {
		return "", false
	}
	var s string
	switch v.Tag {
	case asn1.TagPrintableString, asn1.TagUTF8String, asn1.TagIA5String, 26 /* VisibleString */ :
		s = string(v.Bytes)
	case asn1.TagT61String:
		r := make([]rune, len(v.Bytes))
		for i, c := range v.Bytes {
			r[i] = rune(c)
		}
		s = string(r)
	case 30: // BMPString
		if len(v.Bytes)%2 != 0 {
			return "", false
		}
		u := make([]uint16, len(v.Bytes)/2)
		for i := range u {
			u[i] = uint16(v.Bytes[2*i])<<8 | uint16(v.Bytes[2*i+1])
		}
		s = string(utf16.Decode(u))
	default:
		return "", false
	}
	return strings.ToLower(strings.Join(strings.Fields(s), " ")), true
}

// --- PKITS descriptions: the derived facts must say what the test names say ---

// checkPKITSDescriptions reads vectors.json and checks, for the tests named after a date or
// a CA flag, that the certificate in question has that property at the test clock: so the
// expectations above rest on the PKITS descriptions, not only on the certificates.
func checkPKITSDescriptions(t *testing.T, pkitsDir string, certs []*tpFile, now time.Time) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(pkitsDir, "vectors.json"))
	if err != nil {
		t.Fatalf("PKITS vectors.json: %v", err)
	}
	var vectors []struct {
		Name           string
		CertPath       []string
		ShouldValidate bool
	}
	if err := json.Unmarshal(data, &vectors); err != nil {
		t.Fatal(err)
	}
	byName := map[string]*certFacts{}
	for _, f := range certs {
		byName[strings.TrimPrefix(f.name, "pkits/")] = f.cert
	}
	checked := 0
	for _, v := range vectors {
		if len(v.CertPath) < 3 {
			continue
		}
		ca, ee := byName[v.CertPath[1]], byName[v.CertPath[len(v.CertPath)-1]]
		if ca == nil || ee == nil {
			t.Errorf("%s: a certificate of its path is missing", v.Name)
			continue
		}
		subject := ee
		if strings.Contains(v.Name, " CA ") {
			subject = ca
		}
		vb, va := subject.a.TBS.Validity.NotBefore, subject.a.TBS.Validity.NotAfter
		var ok bool
		switch n := v.Name; {
		case strings.Contains(n, "Invalid") && strings.Contains(n, "notBefore Date"):
			ok = vb.After(now)
		case strings.Contains(n, "Invalid") && strings.Contains(n, "notAfter Date"):
			ok = va.Before(now)
		case strings.Contains(n, "Valid") && strings.Contains(n, "Date Test"):
			ok = !vb.After(now) && !va.Before(now)
		case strings.Contains(n, "Missing basicConstraints"):
			ok = !ca.bcPresent
		case strings.Contains(n, "cA False"):
			ok = ca.bcPresent && !ca.bcCA
		case strings.Contains(n, "keyCertSign False"):
			ok = ca.kuPresent && ca.kuBits.At(5) == 0 && ca.bcCA
		case strings.Contains(n, "cRLSign False"):
			ok = ca.kuPresent && ca.kuBits.At(6) == 0 && ca.bcCA
		default:
			continue
		}
		checked++
		if !ok {
			t.Errorf("PKITS %q: the certificate does not show what the test name says", v.Name)
		}
	}
	if checked < 15 {
		t.Errorf("only %d PKITS descriptions checked; vectors.json changed?", checked)
	}
}

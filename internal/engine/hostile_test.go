package engine

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/output/formats"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/internal/testcert"
	"io"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/lint"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

var hostileNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// runWithin runs the engine on paths and fails the test if it takes longer than limit.
func runWithin(t *testing.T, limit time.Duration, paths []string, o Options) *report.Report {
	t.Helper()
	if o.Now.IsZero() {
		o.Now = hostileNow
	}
	type res struct {
		rep *report.Report
		err error
	}
	done := make(chan res, 1)
	start := time.Now()
	go func() {
		rep, err := Run(paths, o)
		done <- res{rep, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		t.Logf("%v in %v", paths, time.Since(start).Round(time.Millisecond))
		return r.rep
	case <-time.After(limit):
		t.Fatalf("engine on %v did not finish within %v", paths, limit)
	}
	return nil
}

func codesOf(rep *report.Report) []string {
	var out []string
	for _, f := range findingsOf(rep) {
		out = append(out, f.Code)
	}
	return out
}

func hasCode(rep *report.Report, code string) bool {
	return slices.ContainsFunc(findingsOf(rep), func(f lint.Finding) bool { return f.Code == code })
}

// allFiles returns the report's file results (a large one keeps them in its temporary file).
func allFiles(t *testing.T, rep *report.Report) []lint.FileResult {
	t.Helper()
	files, err := rep.AllFiles()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// fileError returns the I/O error reported for path.
func fileError(t *testing.T, rep *report.Report, path string) string {
	t.Helper()
	for _, f := range allFiles(t, rep) {
		if f.File == path {
			return f.Error
		}
	}
	t.Fatalf("no result for %s in %+v", path, allFiles(t, rep))
	return ""
}

func writeTemp(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func pemOf(typ string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
}

// goodCert returns a small, valid self-signed CA certificate file (the run's sanity anchor:
// after every hostile input the next file must still be checked).
func goodCert(t *testing.T, dir string) string {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "anchor"},
		NotBefore: hostileNow.AddDate(-1, 0, 0), NotAfter: hostileNow.AddDate(2, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return writeTemp(t, dir, "zz-anchor.pem", pemOf("CERTIFICATE", der))
}

// checkAnchor asserts that the anchor certificate was read and checked.
func checkAnchor(t *testing.T, rep *report.Report, anchor string) {
	t.Helper()
	for _, f := range allFiles(t, rep) {
		if f.File == anchor {
			if f.Error != "" || len(f.Objects) != 1 || f.Objects[0].Kind != "certificate" {
				t.Fatalf("anchor after the hostile input not checked: %+v", f)
			}
			return
		}
	}
	t.Fatalf("anchor missing from the report")
}

func TestHostileHugeSparseFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.pem")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	anchor := goodCert(t, dir)
	rep := runWithin(t, 5*time.Second, []string{p, anchor}, Options{})
	if e := fileError(t, rep, p); !strings.Contains(e, "size limit") {
		t.Fatalf("1 GiB file: error %q, want the size limit", e)
	}
	checkAnchor(t, rep, anchor)
}

func TestHostileOneLongLine(t *testing.T) {
	dir := t.TempDir()
	line := bytes.Repeat([]byte("A"), 10<<20)
	plain := writeTemp(t, dir, "line.pem", line)
	block := writeTemp(t, dir, "block.pem", append(append([]byte("-----BEGIN CERTIFICATE-----\n"), line...), "\n-----END CERTIFICATE-----\n"...))
	anchor := goodCert(t, dir)
	rep := runWithin(t, 30*time.Second, []string{plain, block, anchor}, Options{})
	if fileError(t, rep, plain) != "" || fileError(t, rep, block) != "" {
		t.Fatalf("I/O errors: %+v", allFiles(t, rep))
	}
	if !hasCode(rep, "VPN.0074") || !hasCode(rep, "VPN.0075") {
		t.Fatalf("codes %v, want VPN.0074 (no block) and VPN.0075 (not a certificate)", codesOf(rep))
	}
	checkAnchor(t, rep, anchor)
}

// endless is standard input that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'A'
	}
	return len(p), nil
}

func TestHostileEndlessStdin(t *testing.T) {
	rep := runWithin(t, 10*time.Second, []string{"-"}, Options{Stdin: endless{}, MaxFileSize: 8 << 20})
	if e := fileError(t, rep, lint.StdinName); !strings.Contains(e, "size limit of 8388608 bytes") {
		t.Fatalf("endless stdin: error %q", e)
	}
}

func TestHostileDeviceFile(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	rep := runWithin(t, 10*time.Second, []string{"/dev/zero"}, Options{MaxFileSize: 4 << 20})
	if e := fileError(t, rep, "/dev/zero"); !strings.Contains(e, "size limit") {
		t.Fatalf("/dev/zero: error %q", e)
	}
}

// nested returns depth SEQUENCEs nested in each other.
func nested(depth int) []byte {
	var b cryptobyte.Builder
	var add func(b *cryptobyte.Builder, d int)
	add = func(b *cryptobyte.Builder, d int) {
		if d == 0 {
			b.AddASN1Int64(1)
			return
		}
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { add(b, d-1) })
	}
	add(&b, depth)
	return b.BytesOrPanic()
}

func TestHostileDeeplyNestedASN1(t *testing.T) {
	dir := t.TempDir()
	der := nested(20000)
	cert := writeTemp(t, dir, "nested.pem", pemOf("CERTIFICATE", der))
	crl := writeTemp(t, dir, "nested.crl", pemOf("X509 CRL", der))
	anchor := goodCert(t, dir)
	rep := runWithin(t, 30*time.Second, []string{cert, crl, anchor}, Options{})
	if !hasCode(rep, "VPN.0075") || !hasCode(rep, "VPN.0079") {
		t.Fatalf("codes %v, want VPN.0075 and VPN.0079", codesOf(rep))
	}
	checkAnchor(t, rep, anchor)
}

// rsaCert builds a self-signed-looking certificate (subject = issuer, so zcrypto would verify
// its signature while parsing) with the given RSA modulus and exponent.
func rsaCert(n, e *big.Int) []byte {
	return testcert.RSA{N: n, E: e, CN: "huge key", Serial: 7,
		NotBefore: hostileNow.AddDate(-1, 0, 0), NotAfter: hostileNow.AddDate(1, 0, 0)}.DER()
}

func TestHostileHugeRSAKey(t *testing.T) {
	dir := t.TempDir()
	big1 := func(bits int) *big.Int {
		v := new(big.Int).Lsh(big.NewInt(1), uint(bits-1))
		return v.Or(v, big.NewInt(0xfff1))
	}
	hugeN := writeTemp(t, dir, "huge-modulus.pem", pemOf("CERTIFICATE", rsaCert(big1(65536), big.NewInt(65537))))
	hugeE := writeTemp(t, dir, "huge-exponent.pem", pemOf("CERTIFICATE", rsaCert(big1(16384), big1(16384))))
	anchor := goodCert(t, dir)
	rep := runWithin(t, 20*time.Second, []string{hugeN, hugeE, anchor}, Options{Role: lint.RoleCA})
	n := 0
	for _, f := range findingsOf(rep) {
		if f.Code == "VCL.0709" {
			n++
		}
		if f.Code == "VPN.0075" {
			t.Errorf("oversized key reported as content: %+v", f)
		}
	}
	if n != 2 {
		t.Fatalf("%d VCL.0709 findings, want 2: %v", n, codesOf(rep))
	}
	checkAnchor(t, rep, anchor)
}

func TestHostileManyExtensions(t *testing.T) {
	dir := t.TempDir()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "many extensions"},
		NotBefore: hostileNow.AddDate(-1, 0, 0), NotAfter: hostileNow.AddDate(1, 0, 0),
	}
	for i := 0; i < 10000; i++ {
		tmpl.ExtraExtensions = append(tmpl.ExtraExtensions, pkix.Extension{
			Id: asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 99999, i}, Value: []byte{0x05, 0x00}})
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	p := writeTemp(t, dir, "many-ext.pem", pemOf("CERTIFICATE", der))
	rep := runWithin(t, 30*time.Second, []string{p}, Options{Role: lint.RoleServer})
	if e := fileError(t, rep, p); e != "" || len(allFiles(t, rep)[0].Objects) != 1 {
		t.Fatalf("not checked: %+v", allFiles(t, rep))
	}
}

func TestHostileHugeCRL(t *testing.T) {
	entries := 1000000
	if testing.Short() {
		entries = 50000
	}
	dir := t.TempDir()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ca := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "CRL CA"},
		NotBefore: hostileNow.AddDate(-1, 0, 0), NotAfter: hostileNow.AddDate(2, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		SubjectKeyId: []byte{1, 2, 3, 4},
	}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	caCert, _ := x509.ParseCertificate(caDER)
	revoked := make([]x509.RevocationListEntry, entries)
	for i := range revoked {
		revoked[i] = x509.RevocationListEntry{SerialNumber: big.NewInt(int64(i) + 1000), RevocationTime: hostileNow.AddDate(0, -1, 0)}
	}
	crlDER, err := x509.CreateRevocationList(rand.Reader, &x509.RevocationList{
		Number: big.NewInt(9), ThisUpdate: hostileNow.AddDate(0, 0, -1), NextUpdate: hostileNow.AddDate(0, 1, 0),
		RevokedCertificateEntries: revoked,
	}, caCert, key)
	if err != nil {
		t.Fatal(err)
	}
	caPath := writeTemp(t, dir, "ca.pem", pemOf("CERTIFICATE", caDER))
	crlPath := writeTemp(t, dir, "huge.crl", pemOf("X509 CRL", crlDER))
	t.Logf("CRL with %d entries: %d bytes DER", entries, len(crlDER))
	runtime.GC() // the entries and the DER are dead from here: only the engine's memory counts
	rep := runWithin(t, 120*time.Second, []string{crlPath}, Options{Role: lint.RoleCRL, CAFiles: []string{caPath}})
	if e := fileError(t, rep, crlPath); e != "" {
		t.Fatalf("CRL not read: %s", e)
	}
	for _, f := range findingsOf(rep) {
		if f.Severity == lint.Error {
			t.Errorf("unexpected error finding on a good CRL: %s %s", f.Code, f.Detail)
		}
	}
}

func TestHostileNonUTF8(t *testing.T) {
	dir := t.TempDir()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	var nb cryptobyte.Builder
	nb.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{2, 5, 4, 3})
				b.AddASN1(cbasn1.UTF8String, func(b *cryptobyte.Builder) { b.AddBytes([]byte("bad \xff\xfe\xc3 name")) })
			})
		})
	})
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(3), RawSubject: nb.BytesOrPanic(),
		NotBefore: hostileNow.AddDate(-1, 0, 0), NotAfter: hostileNow.AddDate(1, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	p := writeTemp(t, dir, "bad-\xff-name.pem", pemOf("CERTIFICATE", der))
	rep := runWithin(t, 10*time.Second, []string{dir}, Options{})
	for _, format := range []string{"text", "json"} {
		var b bytes.Buffer
		if err := formats.Write(&b, format, rep, output.Options{}); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if format == "json" && !strings.Contains(b.String(), "bad-\\ufffd-name.pem") {
			t.Errorf("JSON does not name the file (with U+FFFD): %s", b.String())
		}
	}
	if fileError(t, rep, p) != "" {
		t.Fatalf("not read: %+v", allFiles(t, rep))
	}
}

// TestHostileBadPath: paths that fail in other ways than permissions (which do not bite
// as root): a file used as a directory, a missing file, a directory named as a file inside a
// run. Each is an I/O error naming the path; the run goes on.
func TestHostileBadPath(t *testing.T) {
	dir := t.TempDir()
	anchor := goodCert(t, dir)
	notDir := anchor + "/x.pem"
	missing := filepath.Join(dir, "missing.pem")
	rep := runWithin(t, 10*time.Second, []string{notDir, missing, anchor}, Options{})
	if e := fileError(t, rep, notDir); !strings.Contains(e, "not a directory") {
		t.Errorf("file used as a directory: %q", e)
	}
	if e := fileError(t, rep, missing); !strings.Contains(e, "no such file") {
		t.Errorf("missing file: %q", e)
	}
	checkAnchor(t, rep, anchor)
}

func TestHostileUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not stop reads (TestHostileBadPath covers other I/O errors)")
	}
	dir := t.TempDir()
	anchor := goodCert(t, dir)
	f := writeTemp(t, dir, "secret.pem", []byte("x"))
	must(t, os.Chmod(f, 0))
	sub := filepath.Join(dir, "locked")
	must(t, os.Mkdir(sub, 0o755))
	writeTemp(t, sub, "in.pem", []byte("x"))
	must(t, os.Chmod(sub, 0))
	defer func() {
		if err := os.Chmod(sub, 0o755); err != nil { // else the temporary directory cannot be removed
			t.Error(err)
		}
	}()
	rep := runWithin(t, 10*time.Second, []string{dir}, Options{})
	if e := fileError(t, rep, f); !strings.Contains(e, "permission denied") {
		t.Errorf("unreadable file: %q", e)
	}
	if e := fileError(t, rep, sub); !strings.Contains(e, "permission denied") {
		t.Errorf("unreadable directory: %q", e)
	}
	checkAnchor(t, rep, anchor)
}

func TestHostileSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.pem"), filepath.Join(dir, "b.pem")
	must(t, os.Symlink(b, a))
	must(t, os.Symlink(a, b))
	must(t, os.Symlink(dir, filepath.Join(dir, "self"))) // a directory loop: not followed
	anchor := goodCert(t, dir)
	rep := runWithin(t, 10*time.Second, []string{dir, a}, Options{})
	if e := fileError(t, rep, a); !strings.Contains(e, "too many levels of symbolic links") {
		t.Errorf("symlink loop: %q", e)
	}
	if e := fileError(t, rep, b); !strings.Contains(e, "too many levels of symbolic links") {
		t.Errorf("symlink loop: %q", e)
	}
	checkAnchor(t, rep, anchor)
	if len(allFiles(t, rep)) != 3 {
		t.Errorf("files %+v", allFiles(t, rep))
	}
}

func TestHostileFIFOAndSocket(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.pem")
	if err := mkfifo(fifo, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	sock := filepath.Join(dir, "sock.pem")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skip("unix socket:", err)
	}
	defer closeOrFail(t, l)
	anchor := goodCert(t, dir)
	// In a scanned tree FIFOs and sockets are skipped.
	rep := runWithin(t, 10*time.Second, []string{dir}, Options{})
	if len(allFiles(t, rep)) != 1 {
		t.Fatalf("tree: %+v", allFiles(t, rep))
	}
	checkAnchor(t, rep, anchor)
	// Named explicitly, a FIFO nobody writes to is an empty input (no hang); a socket is an
	// I/O error naming it.
	rep = runWithin(t, 10*time.Second, []string{fifo, sock, anchor}, Options{})
	if e := fileError(t, rep, fifo); e != "" || !hasCode(rep, "VPN.0074") {
		t.Errorf("FIFO without writer: error %q, codes %v", e, codesOf(rep))
	}
	if e := fileError(t, rep, sock); e == "" {
		t.Errorf("socket read without error")
	}
	checkAnchor(t, rep, anchor)
}

func TestFIFOWithWriter(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.pem")
	if err := mkfifo(fifo, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	data, err := os.ReadFile(goodCert(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	// Deterministic: a reader held open by the test lets the writer open without blocking
	// and keeps the FIFO's buffer alive after the writer has written and closed; the engine
	// then opens the FIFO, reads the buffered certificate and sees its end (no writer left).
	// (A writer racing the engine's open, as this test once did, flaked under load.)
	hold, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer closeOrFail(t, hold)
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	rep := runWithin(t, 10*time.Second, []string{fifo}, Options{})
	files, err := rep.AllFiles()
	rep.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || len(files[0].Objects) != 1 || files[0].Error != "" {
		t.Fatalf("the certificate written to the FIFO: files %+v", files)
	}
}

func TestPipeIdleTimeout(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.pem")
	if err := mkfifo(fifo, 0o644); err != nil {
		t.Skip("mkfifo:", err)
	}
	// A writer that connects and stays silent: opening it read-write keeps a writer alive.
	rw, err := os.OpenFile(fifo, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer closeOrFail(t, rw)
	rep := runWithin(t, 5*time.Second, []string{fifo}, Options{PipeIdleTimeout: 300 * time.Millisecond})
	if e := fileError(t, rep, fifo); !strings.Contains(e, "no data for 300ms") {
		t.Fatalf("silent writer: error %q", e)
	}
}

// findingsOf returns the report's findings in its order (a large one keeps them in its
// temporary file).
func findingsOf(rep *report.Report) []lint.Finding {
	fs, err := rep.AllFindings()
	if err != nil {
		panic(err)
	}
	return fs
}

// filesOf returns the report's file results, in input order.
func filesOf(rep *report.Report) []lint.FileResult {
	fs, err := rep.AllFiles()
	if err != nil {
		panic(err)
	}
	return fs
}

// TestPipeIdleTimeoutDefault: an unset (or negative) PipeIdleTimeout is the documented default.
func TestPipeIdleTimeoutDefault(t *testing.T) {
	for _, d := range []time.Duration{0, -time.Second} {
		o := Options{PipeIdleTimeout: d}
		o.defaults()
		if o.PipeIdleTimeout != DefaultPipeIdleTimeout || DefaultPipeIdleTimeout != 30*time.Second {
			t.Errorf("PipeIdleTimeout %v -> %v", d, o.PipeIdleTimeout)
		}
	}
	o := Options{PipeIdleTimeout: time.Second}
	o.defaults()
	if o.PipeIdleTimeout != time.Second {
		t.Errorf("a set PipeIdleTimeout became %v", o.PipeIdleTimeout)
	}
}

// must fails the test at once when err is not nil.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// closeOrFail closes c, failing the test when that fails.
func closeOrFail(t *testing.T, c io.Closer) {
	t.Helper()
	if err := c.Close(); err != nil {
		t.Error(err)
	}
}

// gencorpus writes the benchmark corpus of scripts/bench.sh: N leaf certificates (RSA and
// ECDSA keys, clean and faulty) in PEM bundles of 1,000, their two issuing CAs, and CRLs.
// Leaves reuse a few keys and are signed mostly with ECDSA, so 100,000 take seconds.
//
//	go run ./scripts/bench/gencorpus OUTDIR N
package main

import (
	"bufio"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"log"
	"math/big"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"
)

// now is the --now of the benchmark run.
var now = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

const perFile = 1000

func must[T any](v T, err error) T {
	if err != nil {
		log.Fatal(err)
	}
	return v
}

type issuer struct {
	cert *x509.Certificate
	key  crypto.Signer
}

func newCA(name string, key crypto.Signer) issuer {
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: name, Organization: []string{"vpncertlint bench"}},
		NotBefore: now.AddDate(-1, 0, 0), NotAfter: now.AddDate(10, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	der := must(x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key))
	return issuer{must(x509.ParseCertificate(der)), key}
}

func main() {
	if len(os.Args) != 3 {
		log.Fatal("usage: gencorpus OUTDIR N")
	}
	out := os.Args[1]
	n := must(strconv.Atoi(os.Args[2]))
	must(0, os.MkdirAll(out, 0o755))

	// A few keys, reused: generating 100,000 RSA keys would take hours.
	rsa3072 := must(rsa.GenerateKey(rand.Reader, 3072))
	rsa2048 := must(rsa.GenerateKey(rand.Reader, 2048))
	rsa1024 := must(rsa.GenerateKey(rand.Reader, 1024))
	p256 := must(ecdsa.GenerateKey(elliptic.P256(), rand.Reader))
	p384 := must(ecdsa.GenerateKey(elliptic.P384(), rand.Reader))
	p521 := must(ecdsa.GenerateKey(elliptic.P521(), rand.Reader))
	ecCA := newCA("Bench ECDSA CA", must(ecdsa.GenerateKey(elliptic.P256(), rand.Reader)))
	rsaCA := newCA("Bench RSA CA", rsa2048)

	f := must(os.Create(filepath.Join(out, "cas.pem")))
	for _, ca := range []issuer{ecCA, rsaCA} {
		must(0, pem.Encode(f, &pem.Block{Type: "CERTIFICATE", Bytes: ca.cert.Raw}))
	}
	must(0, f.Close())

	// Leaf variants: i%10 picks one. Most are clean; a few are faulty in the ways the checks
	// look for (expired, RSA-1024, P-521, not yet valid); one in ten is signed by the RSA CA.
	type variant struct {
		key     crypto.PublicKey
		ca      issuer
		expired bool
		future  bool
	}
	variants := []variant{
		{key: &rsa3072.PublicKey, ca: ecCA},
		{key: &p256.PublicKey, ca: ecCA},
		{key: &rsa2048.PublicKey, ca: ecCA},
		{key: &p384.PublicKey, ca: ecCA},
		{key: &rsa3072.PublicKey, ca: ecCA, expired: true},
		{key: &rsa1024.PublicKey, ca: ecCA},
		{key: &p256.PublicKey, ca: ecCA, future: true},
		{key: &p521.PublicKey, ca: ecCA},
		{key: &rsa3072.PublicKey, ca: rsaCA},
		{key: &p256.PublicKey, ca: ecCA},
	}
	files := (n + perFile - 1) / perFile
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for fi := 0; fi < files; fi++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(fi int) {
			defer wg.Done()
			defer func() { <-sem }()
			f := must(os.Create(filepath.Join(out, fmt.Sprintf("leaves-%03d.pem", fi))))
			w := bufio.NewWriter(f)
			for j := 0; j < perFile && fi*perFile+j < n; j++ {
				i := fi*perFile + j
				v := variants[i%len(variants)]
				nb, na := now.AddDate(0, -1, 0), now.AddDate(1, 0, 0)
				if v.expired {
					nb, na = now.AddDate(-2, 0, 0), now.AddDate(-1, 0, 0)
				}
				if v.future {
					nb, na = now.AddDate(0, 1, 0), now.AddDate(1, 1, 0)
				}
				tmpl := &x509.Certificate{
					SerialNumber: big.NewInt(int64(i) + 1000),
					Subject:      pkix.Name{CommonName: fmt.Sprintf("vpn-%06d.bench.example", i), Organization: []string{"vpncertlint bench"}},
					DNSNames:     []string{fmt.Sprintf("vpn-%06d.bench.example", i)},
					NotBefore:    nb, NotAfter: na,
					KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
					ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
				}
				der := must(x509.CreateCertificate(rand.Reader, tmpl, v.ca.cert, v.key, v.ca.key))
				must(0, pem.Encode(w, &pem.Block{Type: "CERTIFICATE", Bytes: der}))
			}
			must(0, w.Flush())
			must(0, f.Close())
		}(fi)
	}
	wg.Wait()

	// CRLs: one per CA, 10,000 entries each, plus a stale one.
	for k, ca := range []issuer{ecCA, rsaCA} {
		var revoked []x509.RevocationListEntry
		for i := 0; i < 10000; i++ {
			revoked = append(revoked, x509.RevocationListEntry{SerialNumber: big.NewInt(int64(i)*7 + 1000), RevocationTime: now.AddDate(0, 0, -3)})
		}
		for s, next := range []time.Time{now.AddDate(0, 0, 20), now.AddDate(0, 0, -2)} {
			der := must(x509.CreateRevocationList(rand.Reader, &x509.RevocationList{
				Number: big.NewInt(int64(k*10 + s + 1)), ThisUpdate: now.AddDate(0, 0, -10), NextUpdate: next,
				RevokedCertificateEntries: revoked,
			}, ca.cert, ca.key))
			f := must(os.Create(filepath.Join(out, fmt.Sprintf("crl-%d-%d.crl", k, s))))
			must(0, pem.Encode(f, &pem.Block{Type: "X509 CRL", Bytes: der}))
			must(0, f.Close())
		}
	}
}

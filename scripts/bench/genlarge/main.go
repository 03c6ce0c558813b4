// genlarge writes the single large inputs of scripts/bench.sh into OUTDIR:
//
//	tiny-blocks.pem  200,000 tiny CERTIFICATE blocks (one base64 quantum each) in one file
//	ca.pem           the CA that signed the CRLs
//	big-crl.pem      a PEM CRL of N entries (default 1,000,000: about 48 MB, each entry with a reason code)
//	big-crl.der      the same CRL in DER (refused: the cloud takes PEM only)
//
//	go run ./scripts/bench/genlarge OUTDIR [N]
package main

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"log"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

var now = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func main() {
	if len(os.Args) < 2 {
		log.Fatal("usage: genlarge OUTDIR [N]")
	}
	dir := os.Args[1]
	n := 1000000
	if len(os.Args) > 2 {
		var err error
		if n, err = strconv.Atoi(os.Args[2]); err != nil {
			log.Fatal(err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "tiny-blocks.pem"))
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i := 0; i < 200000; i++ {
		if _, err := w.WriteString("-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n"); err != nil {
			log.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}

	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		log.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "vpncertlint bench CRL CA"},
		NotBefore: now.AddDate(-1, 0, 0), NotAfter: now.AddDate(5, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		log.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	write(filepath.Join(dir, "ca.pem"), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}))
	revoked := make([]x509.RevocationListEntry, n)
	for i := range revoked {
		revoked[i] = x509.RevocationListEntry{SerialNumber: big.NewInt(int64(i)*7 + 1000), RevocationTime: now.AddDate(0, 0, -3), ReasonCode: 1}
	}
	crl, err := x509.CreateRevocationList(rand.Reader, &x509.RevocationList{
		Number: big.NewInt(1), ThisUpdate: now.AddDate(0, 0, -1), NextUpdate: now.AddDate(0, 0, 6),
		RevokedCertificateEntries: revoked,
	}, ca, key)
	if err != nil {
		log.Fatal(err)
	}
	write(filepath.Join(dir, "big-crl.der"), crl)
	write(filepath.Join(dir, "big-crl.pem"), pem.EncodeToMemory(&pem.Block{Type: "X509 CRL", Bytes: crl}))
}

func write(path string, b []byte) {
	if err := os.WriteFile(path, b, 0o644); err != nil {
		log.Fatal(err)
	}
}

// crlgen signs a v2 CRL without nextUpdate, which openssl cannot write:
//
//	go run ./scripts/gen/crlgen CA.pem CA.key OUT.crl THISUPDATE(RFC3339)
package main

import (
	"crypto"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"log"
	"math/big"
	"os"
	"time"
)

func main() {
	if len(os.Args) != 5 {
		log.Fatal("usage: crlgen CA.pem CA.key OUT.crl THISUPDATE")
	}
	caPEM, _ := os.ReadFile(os.Args[1])
	keyPEM, _ := os.ReadFile(os.Args[2])
	cb, _ := pem.Decode(caPEM)
	kb, _ := pem.Decode(keyPEM)
	if cb == nil || kb == nil {
		log.Fatal("no PEM")
	}
	ca, err := x509.ParseCertificate(cb.Bytes)
	if err != nil {
		log.Fatal(err)
	}
	k, err := x509.ParsePKCS8PrivateKey(kb.Bytes)
	if err != nil {
		log.Fatal(err)
	}
	this, err := time.Parse(time.RFC3339, os.Args[4])
	if err != nil {
		log.Fatal(err)
	}
	sigAlg := pkix.AlgorithmIdentifier{Algorithm: asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 11}, Parameters: asn1.NullRawValue}
	num, _ := asn1.Marshal(big.NewInt(4242))
	tbs := struct {
		Version    int
		Signature  pkix.AlgorithmIdentifier
		Issuer     asn1.RawValue
		ThisUpdate time.Time
		Extensions []pkix.Extension `asn1:"tag:0,optional,explicit"`
	}{1, sigAlg, asn1.RawValue{FullBytes: ca.RawSubject}, this.UTC(),
		[]pkix.Extension{{Id: asn1.ObjectIdentifier{2, 5, 29, 20}, Value: num}}}
	tbsDER, err := asn1.Marshal(tbs)
	if err != nil {
		log.Fatal(err)
	}
	h := sha256.Sum256(tbsDER)
	sig, err := k.(crypto.Signer).Sign(rand.Reader, h[:], crypto.SHA256)
	if err != nil {
		log.Fatal(err)
	}
	der, err := asn1.Marshal(struct {
		TBS    asn1.RawValue
		SigAlg pkix.AlgorithmIdentifier
		Sig    asn1.BitString
	}{asn1.RawValue{FullBytes: tbsDER}, sigAlg, asn1.BitString{Bytes: sig, BitLength: len(sig) * 8}})
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(os.Args[3], pem.EncodeToMemory(&pem.Block{Type: "X509 CRL", Bytes: der}), 0o644); err != nil {
		log.Fatal(err)
	}
}

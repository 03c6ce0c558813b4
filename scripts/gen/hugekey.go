//go:build ignore

// hugekey writes a certificate whose RSA key is larger than any real one (openssl cannot make
// it): subject = issuer, so an X.509 parser that verifies self-signed signatures while parsing
// would spend unbounded time on it. The signature is a placeholder.
//
//	go run scripts/gen/hugekey.go OUT.pem MODULUS_BITS EXPONENT_BITS
package main

import (
	"encoding/asn1"
	"encoding/pem"
	"log"
	"math/big"
	"os"
	"strconv"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

func main() {
	if len(os.Args) != 4 {
		log.Fatal("usage: hugekey OUT.pem MODULUS_BITS EXPONENT_BITS")
	}
	nBits, err1 := strconv.Atoi(os.Args[2])
	eBits, err2 := strconv.Atoi(os.Args[3])
	if err1 != nil || err2 != nil {
		log.Fatal("bad sizes")
	}
	// odd is the first number from 2^(bits-1) + 0xfff1 on (the right size, odd, fixed) with no
	// prime factor below 1,000, so that the weak-key checks (VCL.0705) have nothing to say.
	odd := func(bits int) *big.Int {
		v := new(big.Int).Lsh(big.NewInt(1), uint(bits-1))
		v.Or(v, big.NewInt(0xfff1))
		for {
			clean := true
			for p := int64(3); p < 1000 && clean; p += 2 {
				if new(big.Int).Mod(v, big.NewInt(p)).Sign() == 0 {
					clean = false
				}
			}
			if clean {
				return v
			}
			v.Add(v, big.NewInt(2))
		}
	}
	n, e := odd(nBits), big.NewInt(65537)
	if eBits > 17 {
		e = odd(eBits)
	}
	name := func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{2, 5, 4, 3})
					b.AddASN1(cbasn1.UTF8String, func(b *cryptobyte.Builder) { b.AddBytes([]byte("Huge Key CA")) })
				})
			})
		})
	}
	sigAlg := func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 11})
			b.AddASN1NULL()
		})
	}
	var key cryptobyte.Builder
	key.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1BigInt(n)
		b.AddASN1BigInt(e)
	})
	keyDER := key.BytesOrPanic()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) { b.AddASN1Int64(2) })
			b.AddASN1Int64(0x70a)
			sigAlg(b)
			name(b)
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1UTCTime(t0)
				b.AddASN1UTCTime(t0.AddDate(5, 0, 0))
			})
			name(b)
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1})
					b.AddASN1NULL()
				})
				b.AddASN1BitString(keyDER)
			})
			// extensions: basicConstraints cA=TRUE (critical), keyUsage keyCertSign+cRLSign
			b.AddASN1(cbasn1.Tag(3).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
						b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{2, 5, 29, 19})
						b.AddASN1Boolean(true)
						b.AddASN1OctetString([]byte{0x30, 0x03, 0x01, 0x01, 0xff})
					})
					b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
						b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{2, 5, 29, 15})
						b.AddASN1Boolean(true)
						b.AddASN1OctetString([]byte{0x03, 0x02, 0x01, 0x06})
					})
				})
			})
		})
		sigAlg(b)
		sig := make([]byte, (nBits+7)/8)
		sig[len(sig)-1] = 3
		b.AddASN1BitString(sig)
	})
	if err := os.WriteFile(os.Args[1], pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: b.BytesOrPanic()}), 0o644); err != nil {
		log.Fatal(err)
	}
}

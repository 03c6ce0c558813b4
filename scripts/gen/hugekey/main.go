// hugekey writes a certificate whose RSA key is larger than any real one (openssl cannot make
// it): subject = issuer, so an X.509 parser that verifies self-signed signatures while parsing
// would spend unbounded time on it. The signature is a placeholder.
//
//	go run ./scripts/gen/hugekey OUT.pem MODULUS_BITS EXPONENT_BITS
package main

import (
	"encoding/pem"
	"log"
	"math/big"
	"os"
	"strconv"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/testcert"
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
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	der := testcert.RSA{N: n, E: e, CN: "Huge Key CA", Serial: 0x70a, NotBefore: t0, NotAfter: t0.AddDate(5, 0, 0), CA: true}.DER()
	if err := os.WriteFile(os.Args[1], pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		log.Fatal(err)
	}
}

// Package testcert builds certificates no ordinary tool will make, for tests and fixture
// generators: an RSA key of any size, with a placeholder signature.
package testcert

import (
	"encoding/asn1"
	"math/big"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// RSA describes a certificate whose subject equals its issuer (so an X.509 parser that
// verifies self-signed signatures while parsing would try to), with the RSA key (N, E).
type RSA struct {
	N, E      *big.Int
	CN        string
	Serial    int64
	NotBefore time.Time
	NotAfter  time.Time
	// CA adds basicConstraints cA=TRUE and keyUsage keyCertSign+cRLSign (both critical).
	CA bool
}

// DER returns the certificate. Its signature is a placeholder as long as the modulus.
func (r RSA) DER() []byte {
	name := func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SET, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{2, 5, 4, 3})
					b.AddASN1(cbasn1.UTF8String, func(b *cryptobyte.Builder) { b.AddBytes([]byte(r.CN)) })
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
		b.AddASN1BigInt(r.N)
		b.AddASN1BigInt(r.E)
	})
	keyDER := key.BytesOrPanic()
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) { b.AddASN1Int64(2) })
			b.AddASN1Int64(r.Serial)
			sigAlg(b)
			name(b)
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1UTCTime(r.NotBefore)
				b.AddASN1UTCTime(r.NotAfter)
			})
			name(b)
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
					b.AddASN1ObjectIdentifier(asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1})
					b.AddASN1NULL()
				})
				b.AddASN1BitString(keyDER)
			})
			if r.CA {
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
			}
		})
		sigAlg(b)
		sig := make([]byte, (r.N.BitLen()+7)/8)
		sig[len(sig)-1] = 3
		b.AddASN1BitString(sig)
	})
	return b.BytesOrPanic()
}

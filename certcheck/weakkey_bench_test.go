package certcheck

import (
	"crypto/rand"
	"crypto/rsa"
	"testing"
)

// Cost of each weak-key test on an RSA-2048 modulus: go test ./certcheck -run '^$' -bench Weak
func BenchmarkWeakRSA(b *testing.B) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("small-factor", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			smallFactorOf(k.N)
		}
	})
	b.Run("fermat", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			fermatFactor(k.N, fermatRounds)
		}
	})
	b.Run("roca", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			vulnerableToROCA(k.N)
		}
	})
}

package certcheck

import (
	"math/big"
	"math/rand"
	"testing"
)

func TestIsqrt(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	check := func(n *big.Int) {
		t.Helper()
		if got, want := isqrt(n), new(big.Int).Sqrt(n); got.Cmp(want) != 0 {
			t.Fatalf("isqrt(%x) = %x, want %x", n, got, want)
		}
	}
	one := big.NewInt(1)
	for bits := 1; bits <= 8200; bits += 1 + bits/7 {
		for i := 0; i < 20; i++ {
			n := new(big.Int).Rand(rng, new(big.Int).Lsh(one, uint(bits)))
			n.SetBit(n, bits-1, 1)
			check(n)
			r := new(big.Int).Rsh(n, uint(bits/2)) // squares and their neighbours
			sq := new(big.Int).Mul(r, r)
			check(sq)
			check(new(big.Int).Add(sq, one))
			if sq.Sign() > 0 {
				check(new(big.Int).Sub(sq, one))
			}
			// all ones: the largest number of the size
			check(new(big.Int).Sub(new(big.Int).Lsh(one, uint(bits)), one))
		}
	}
	check(big.NewInt(0))
}

func BenchmarkIsqrt3072(b *testing.B) {
	n := new(big.Int).Rand(rand.New(rand.NewSource(2)), new(big.Int).Lsh(big.NewInt(1), 3072))
	n.SetBit(n, 3071, 1)
	b.Run("isqrt", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			isqrt(n)
		}
	})
	b.Run("big.Int.Sqrt", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			new(big.Int).Sqrt(n)
		}
	})
}

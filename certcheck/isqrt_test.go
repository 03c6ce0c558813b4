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

// SmallFactor on moduli larger than the primes' product (reduced by it first) agrees with
// plain trial division.
func TestSmallFactorLarge(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	naive := func(n *big.Int) uint64 {
		for p := int64(3); p < 1000; p += 2 {
			if big.NewInt(p).ProbablyPrime(1) && new(big.Int).Mod(n, big.NewInt(p)).Sign() == 0 {
				return uint64(p)
			}
		}
		return 0
	}
	if smallPrimesProduct.BitLen() < 1000 {
		t.Fatalf("product of the small primes has %d bits", smallPrimesProduct.BitLen())
	}
	found := 0
	for _, bits := range []int{1500, 2048, 3072, 4096, 8192} {
		for i := 0; i < 60; i++ {
			n := new(big.Int).Rand(rng, new(big.Int).Lsh(big.NewInt(1), uint(bits)))
			n.SetBit(n, 0, 1)
			if i%3 == 0 { // plant a factor
				f := []int64{3, 5, 7, 541, 991, 997}[i%6]
				n.Mul(n, big.NewInt(f))
			}
			got, want := smallFactorOf(n), naive(n)
			if got != want {
				t.Fatalf("SmallFactor = %d, trial division %d (%d bits)", got, want, n.BitLen())
			}
			if got != 0 {
				found++
			}
		}
	}
	if found == 0 {
		t.Fatal("no factor found: the test proves nothing")
	}
}

func TestSqrt64(t *testing.T) {
	for _, v := range []uint64{0, 1, 2, 3, 4, 15, 16, 17, 1<<32 - 1, 1 << 32, 1<<52 + 1, 1<<53 + 1, 1<<63 - 1, 1 << 63,
		(1<<32 - 1) * (1<<32 - 1), (1<<32-1)*(1<<32-1) - 1, (1<<32-1)*(1<<32-1) + 1, 1<<64 - 1} {
		want := new(big.Int).Sqrt(new(big.Int).SetUint64(v)).Uint64()
		if got := sqrt64(v); got != want {
			t.Errorf("sqrt64(%d) = %d, want %d", v, got, want)
		}
		x, exact := isqrtExact(new(big.Int).SetUint64(v))
		if x.Uint64() != want || exact != (want*want == v) {
			t.Errorf("isqrtExact(%d) = %d, %v", v, x, exact)
		}
	}
}

// TestIsqrtAround64Bits: numbers of 63 to 66 bits, where the top level's 64-bit square root
// hands over to Newton's steps.
func TestIsqrtAround64Bits(t *testing.T) {
	one := big.NewInt(1)
	var ns []*big.Int
	for _, b := range []uint{63, 64, 65, 66} {
		p := new(big.Int).Lsh(one, b)
		ns = append(ns, p, new(big.Int).Sub(p, one), new(big.Int).Add(p, one))
	}
	r := new(big.Int).Add(new(big.Int).Lsh(one, 32), one)
	sq := new(big.Int).Mul(r, r) // (2^32+1)^2: 65 bits, a square
	ns = append(ns, sq, new(big.Int).Sub(sq, one))
	for _, n := range ns {
		got, exact := isqrtExact(n)
		want := new(big.Int).Sqrt(n)
		if got.Cmp(want) != 0 || exact != (new(big.Int).Mul(want, want).Cmp(n) == 0) {
			t.Errorf("isqrtExact(%v) = %v %v, want %v", n, got, exact, want)
		}
	}
}

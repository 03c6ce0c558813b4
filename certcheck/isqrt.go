package certcheck

import (
	"math"
	"math/big"
)

// isqrt returns ⌊√n⌋ for n ≥ 0, as big.Int.Sqrt does, but faster for large n: the square
// root of the top half of n's bits (recursively) is a starting point so close that one
// Newton step and at most a couple of corrections finish it, where big.Int.Sqrt starts
// from a power of two and needs a dozen full-size divisions. Fermat's test takes the square
// root of every RSA modulus, which made it the most expensive check per certificate.
func isqrt(n *big.Int) *big.Int {
	x, _ := isqrtExact(n)
	return x
}

// isqrtExact returns ⌊√n⌋ and whether it is √n exactly (n is a square). The recursion on
// the top half of the bits runs as a loop, reusing the same few big.Ints at every level
// (the allocations of fresh quotients and remainders cost more than the arithmetic).
func isqrtExact(n *big.Int) (*big.Int, bool) {
	if n.Sign() < 0 {
		panic("isqrt of a negative number")
	}
	// ks[i] is the k of level i: level i works on n >> shift(i), shift(i) = 2·(ks[0]+…+ks[i-1]).
	var ksArr [16]uint
	ks := ksArr[:0]
	shift := uint(0)
	for bl := n.BitLen(); bl > 64; bl = n.BitLen() - int(shift) {
		k := uint(bl / 4)
		ks = append(ks, k)
		shift += 2 * k
	}
	// One allocation, sized for the top level, so that no level (they grow from the bottom
	// up) reallocates: m, x² and the remainder (math/big divides in its buffer, a copy of
	// the dividend) take up to len(n)+2 words, the quotient and root about half as many.
	w := len(n.Bits())
	full, half := w+3, w/2+4
	slab := make([]big.Word, 3*full+2*half)
	var m, q, r, sq, x big.Int
	off := 0
	for i, z := range []*big.Int{&m, &sq, &r, &q, &x} {
		size := half
		if i < 3 {
			size = full
		}
		z.SetBits(slab[off : off : off+size])
		off += size
	}
	m.Rsh(n, shift)
	x.SetUint64(sqrt64(m.Uint64()))
	if len(ks) == 0 {
		return &x, x.Uint64()*x.Uint64() == m.Uint64()
	}
	for i := len(ks) - 1; i >= 0; i-- {
		k := ks[i]
		shift -= 2 * k
		m.Rsh(n, shift) // this level's number; x = ⌊√(m >> 2k)⌋
		x.Lsh(&x, k)    // x ≤ √m < x + 2^k
		// One Newton step: ⌊(x + ⌊m/x⌋)/2⌋ ≥ ⌊√m⌋ for every x > 0, and here exceeds it by
		// about (2^k)²/2x ≤ 1.
		q.QuoRem(&m, &x, &r)
		x.Add(&x, &q).Rsh(&x, 1)
		if exact := roundDown(&x, &m, &sq); i == 0 {
			return &x, exact
		}
	}
	panic("unreachable")
}

// roundDown lowers x, at most a little above ⌊√m⌋, to ⌊√m⌋ and reports whether x² = m; sq
// is scratch space.
func roundDown(x, m, sq *big.Int) bool {
	for j := 0; ; j++ {
		c := sq.Mul(x, x).Cmp(m)
		if c <= 0 {
			return c == 0
		}
		if j == 8 { // not expected; stay correct whatever happens
			x.Sqrt(m)
			return sq.Mul(x, x).Cmp(m) == 0
		}
		x.Sub(x, bigOne)
	}
}

var bigOne = big.NewInt(1)

// sqrt64 returns ⌊√v⌋: math.Sqrt's estimate, corrected (float64 has 53 bits, v up to 64).
func sqrt64(v uint64) uint64 {
	s := uint64(math.Sqrt(float64(v)))
	if s > 1<<32-1 {
		s = 1<<32 - 1
	}
	for s*s > v {
		s--
	}
	for s < 1<<32-1 && (s+1)*(s+1) <= v {
		s++
	}
	return s
}

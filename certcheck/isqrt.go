package certcheck

import "math/big"

// isqrt returns ⌊√n⌋ for n ≥ 0, as big.Int.Sqrt does, but faster for large n: the square
// root of the top half of n's bits (recursively) is a starting point so close that one
// Newton step and at most a couple of corrections finish it, where big.Int.Sqrt starts
// from a power of two and needs a dozen full-size divisions. Fermat's test takes the square
// root of every RSA modulus, which made it the most expensive check per certificate.
func isqrt(n *big.Int) *big.Int {
	if n.Sign() < 0 {
		panic("isqrt of a negative number")
	}
	if n.BitLen() <= 256 {
		return new(big.Int).Sqrt(n)
	}
	k := uint(n.BitLen() / 4)
	x := isqrt(new(big.Int).Rsh(n, 2*k))
	x.Lsh(x, k) // x ≤ √n < x + 2^k
	// One Newton step: ⌊(x + ⌊n/x⌋)/2⌋ ≥ ⌊√n⌋ for every x > 0, and here exceeds it by about
	// (2^k)²/2x ≤ 1.
	q := new(big.Int).Quo(n, x)
	x.Add(x, q).Rsh(x, 1)
	sq := new(big.Int)
	for i := 0; sq.Mul(x, x).Cmp(n) > 0; i++ {
		if i == 8 { // not expected; stay correct whatever happens
			return new(big.Int).Sqrt(n)
		}
		x.Sub(x, big.NewInt(1))
	}
	return x
}

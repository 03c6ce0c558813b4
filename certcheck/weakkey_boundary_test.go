package certcheck

import (
	"fmt"
	"math/big"
	"strings"
	"testing"
)

// m127 is the Mersenne prime 2^127-1: a factor without small factors for test moduli.
var m127 = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 127), big.NewInt(1))

func weakRSADetails(n, e *big.Int) string {
	return joined(weakRSA(&Cert{Name: "x"}, n, e))
}

// TestWeakRSABoundaries: the modulus and exponent rules at their limits (RFC 8017 §3.1).
func TestWeakRSABoundaries(t *testing.T) {
	e := big.NewInt(65537)
	for _, tc := range []struct {
		name string
		n, e *big.Int
		want string
	}{
		{"negative", big.NewInt(-15), e, "VCL.0707 the RSA modulus is negative; RFC 8017 §3.1 requires a positive modulus"},
		{"zero", big.NewInt(0), e, "VCL.0707 the RSA modulus is zero"},
		{"even", new(big.Int).Lsh(m127, 1), e, "VCL.0707 the 128-bit modulus is even (divisible by 2)"},
		{"odd", m127, e, ""},
		{"exponent 0", m127, big.NewInt(0), "VCL.0707 the public exponent is 0; it must be odd and at least 3"},
		{"exponent 1", m127, big.NewInt(1), "VCL.0707 the public exponent is 1; it must be odd and at least 3"},
		{"exponent 2", m127, big.NewInt(2), "VCL.0707 the public exponent is 2; it must be odd and at least 3"},
		{"exponent 3", m127, big.NewInt(3), ""},
		{"exponent 4", m127, big.NewInt(4), "VCL.0707 the public exponent 4 is even"},
		{"exponent 65536", m127, big.NewInt(65536), "VCL.0707 the public exponent 65536 is even"},
		{"exponent 1 and a small factor", new(big.Int).Mul(m127, big.NewInt(3)), big.NewInt(1),
			"VCL.0707 the public exponent is 1; it must be odd and at least 3\nVCL.0705 the 129-bit modulus is divisible by 3"},
		{"exponent 4 and a small factor", new(big.Int).Mul(m127, big.NewInt(5)), big.NewInt(4),
			"VCL.0707 the public exponent 4 is even\nVCL.0705 the 130-bit modulus is divisible by 5"},
	} {
		if got := weakRSADetails(tc.n, tc.e); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestWeakRSASizeLimit: moduli of up to 16384 bits are factored, longer ones are not (only
// their exponent is judged).
func TestWeakRSASizeLimit(t *testing.T) {
	three := big.NewInt(3)
	for _, bits := range []int{maxRSABits, maxRSABits + 1} {
		// 3·(2^(bits-2)+1): odd, bits long, divisible by 3.
		n := new(big.Int).Lsh(big.NewInt(1), uint(bits-2))
		n.Add(n, big.NewInt(1)).Mul(n, three)
		if n.BitLen() != bits {
			t.Fatalf("%d bits: built %d", bits, n.BitLen())
		}
		want := fmt.Sprintf("VCL.0705 the %d-bit modulus is divisible by 3", bits)
		if bits > maxRSABits {
			want = ""
		}
		if got := weakRSADetails(n, big.NewInt(65537)); got != want {
			t.Errorf("%d bits: %q, want %q", bits, got, want)
		}
		want = "VCL.0707 the public exponent 4 is even"
		if bits <= maxRSABits {
			want += fmt.Sprintf("\nVCL.0705 the %d-bit modulus is divisible by 3", bits)
		}
		if got := weakRSADetails(n, big.NewInt(4)); got != want {
			t.Errorf("%d bits, exponent 4: %q, want %q", bits, got, want)
		}
	}
}

// TestSmallFactorEveryPrime: every odd prime below 1000 is found, whatever group of the
// trial division holds it; 1009 (the first prime above) is not; a small prime is not its
// own factor. Moduli of 128 bits and of more words than the precomputed powers cover.
func TestSmallFactorEveryPrime(t *testing.T) {
	big4253 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 4253), big.NewInt(1)) // a Mersenne prime
	var primes []int64
	for p := int64(3); p < 1000; p += 2 {
		if big.NewInt(p).ProbablyPrime(0) {
			primes = append(primes, p)
		}
	}
	if len(primes) != 167 || primes[len(primes)-1] != 997 {
		t.Fatalf("%d odd primes below 1000, the last %d", len(primes), primes[len(primes)-1])
	}
	for _, q := range []*big.Int{m127, big4253} {
		for _, p := range primes {
			n := new(big.Int).Mul(q, big.NewInt(p))
			if got := smallFactorOf(n); got != uint64(p) {
				t.Errorf("smallFactorOf(%d·M%d) = %d", p, q.BitLen(), got)
			}
		}
		for _, p := range []int64{1, 1009, 1013} {
			if got := smallFactorOf(new(big.Int).Mul(q, big.NewInt(p))); got != 0 {
				t.Errorf("smallFactorOf(%d·M%d) = %d", p, q.BitLen(), got)
			}
		}
	}
	// The product of two primes from different groups: the smaller group's is found first.
	if got := smallFactorOf(big.NewInt(3 * 997)); got != 3 {
		t.Errorf("smallFactorOf(3·997) = %d", got)
	}
	for _, p := range []int64{3, 5, 997} {
		if got := smallFactorOf(big.NewInt(p)); got != 0 {
			t.Errorf("smallFactorOf(%d) = %d, want 0 (a prime is not its own small factor)", p, got)
		}
	}
	if got := smallFactorOf(big.NewInt(9)); got != 3 {
		t.Errorf("smallFactorOf(9) = %d", got)
	}
}

// fermatSteps returns p·q for primes p < q with q the first prime after p+2d, and the steps
// Fermat's method needs for it (at most 1000).
func fermatModulus(p *big.Int, d int64) (*big.Int, int) {
	q := new(big.Int).Add(p, big.NewInt(2*d))
	for !q.ProbablyPrime(20) {
		q.Add(q, big.NewInt(2))
	}
	n := new(big.Int).Mul(p, q)
	steps, _ := fermatFactor(n, 1000)
	return n, steps
}

// fermatAt finds a modulus that Fermat's method factors in exactly steps steps.
func fermatAt(t *testing.T, p *big.Int, steps int) *big.Int {
	t.Helper()
	lo, hi := int64(1), int64(1)<<50
	for lo < hi {
		mid := (lo + hi) / 2
		if _, s := fermatModulus(p, mid); s == 0 || s >= steps {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	n, s := fermatModulus(p, lo)
	if s != steps {
		t.Fatalf("no modulus of %d steps (found %d)", steps, s)
	}
	return n
}

// TestFermatRoundsBoundary: a modulus factored at step 100 is reported, one that needs 101
// steps is not; fermatFactor stops after exactly the rounds it is given.
func TestFermatRoundsBoundary(t *testing.T) {
	p := new(big.Int).Lsh(big.NewInt(1), 80)
	for !p.ProbablyPrime(20) {
		p.Add(p, big.NewInt(1))
	}
	for _, steps := range []int{1, 2, 99, 100, 101} { // the documented limit: 100 steps
		n := fermatAt(t, p, steps)
		for _, rounds := range []int{steps - 1, steps} {
			got, ok := fermatFactor(n, rounds)
			if want := rounds >= steps; ok != want || (ok && got != steps) {
				t.Errorf("%d steps, %d rounds: %d %v", steps, rounds, got, ok)
			}
		}
		want := ""
		if steps <= 100 {
			want = fmt.Sprintf("VCL.0706 Fermat's method factors the %d-bit modulus after %d step(s)", n.BitLen(), steps)
		}
		if got := weakRSADetails(n, big.NewInt(65537)); got != want {
			t.Errorf("%d steps: %q, want %q", steps, got, want)
		}
	}
	// A square of a prime is p·p: a = √n, b = 0, a−b = p > 1.
	sq := new(big.Int).Mul(p, p)
	if got, ok := fermatFactor(sq, 1); !ok || got != 1 {
		t.Errorf("p²: %d %v", got, ok)
	}
	// Not factored: non-positive, even, a prime (only the trivial 1·n).
	for _, n := range []*big.Int{big.NewInt(0), big.NewInt(-15), big.NewInt(1 << 20), p, big.NewInt(1)} {
		if got, ok := fermatFactor(n, 1000); ok {
			t.Errorf("fermatFactor(%v) = %d, true", n, got)
		}
	}
	// 15 = 3·5: a = 4, b = 1, a−b = 3 > 1; 3 = 1·3 is trivial (a = 2, b = 1, a−b = 1).
	if got, ok := fermatFactor(big.NewInt(15), 1); !ok || got != 1 {
		t.Errorf("fermatFactor(15) = %d %v", got, ok)
	}
	if got, ok := fermatFactor(big.NewInt(3), 1000); ok {
		t.Errorf("fermatFactor(3) = %d, true", got)
	}
}

// TestROCABoundaries: tiny moduli are never ROCA; the detector's sample keeps its finding
// through checkWeakKey with the exact detail.
func TestROCABoundaries(t *testing.T) {
	for _, n := range []int64{-7, 0, 1, 2} {
		if vulnerableToROCA(big.NewInt(n)) {
			t.Errorf("vulnerableToROCA(%d)", n)
		}
	}
	n := mustInt(t, rocaModulus05, 16)
	got := weakRSADetails(n, big.NewInt(65537))
	if want := fmt.Sprintf("VCL.0704 the %d-bit modulus has the ROCA fingerprint (N mod M lies in the subgroup generated by 65537)", n.BitLen()); got != want {
		t.Errorf("ROCA sample: %q, want %q", got, want)
	}
	// The sample times 3 has a small factor, reported instead.
	if got := weakRSADetails(new(big.Int).Mul(n, big.NewInt(3)), big.NewInt(65537)); !strings.HasPrefix(got, "VCL.0705 ") || strings.Contains(got, "VCL.0704") {
		t.Errorf("ROCA sample ·3: %q", got)
	}
}

// TestROCALaterTests: numbers that pass every residue marker (N mod p lies in the subgroup of
// 65537 for each odd p of M = 2·3·…·167) but not the tests after them, so that the markers are
// a pre-filter, not the verdict.
func TestROCALaterTests(t *testing.T) {
	passesMarkers := func(n *big.Int) bool {
		for _, m := range rocaMarkers {
			if !m.in[new(big.Int).Mod(n, new(big.Int).SetUint64(m.p)).Uint64()] {
				return false
			}
		}
		return true
	}
	one := big.NewInt(1)
	// M/2 + 1 is 1 modulo every odd prime of M, and even: h = N mod M is 0 mod 2, so
	// h^order mod M is not 1 (the order test fails).
	even := new(big.Int).Add(new(big.Int).Rsh(rocaModulus, 1), one)
	if !passesMarkers(even) {
		t.Fatal("M/2+1 does not pass the markers")
	}
	if vulnerableToROCA(even) {
		t.Error("M/2+1 (even, fails the order test) is ROCA")
	}
	// h ≡ 2 (= 65537) mod 3, h ≡ 1 mod 2 and mod every other prime of M: each residue lies
	// in 65537's subgroup and h^order ≡ 1 mod M, but h is not a power of 65537 mod M (the
	// exponent would be odd, for mod 3, and a multiple of 4, the order of 65537 mod 5).
	q := new(big.Int).Div(rocaModulus, big.NewInt(3)) // 2·5·7·…·167
	k := new(big.Int).ModInverse(new(big.Int).Mod(q, big.NewInt(3)), big.NewInt(3))
	h := new(big.Int).Add(one, new(big.Int).Mul(q, k))
	if new(big.Int).Mod(h, big.NewInt(3)).Int64() != 2 || !passesMarkers(h) {
		t.Fatalf("h = %d: not 2 mod 3 or fails the markers", h)
	}
	if new(big.Int).Exp(h, rocaOrder, rocaModulus).Cmp(one) != 0 {
		t.Fatalf("h = %d fails the order test", h)
	}
	for _, n := range []*big.Int{h, new(big.Int).Add(h, new(big.Int).Lsh(rocaModulus, 300))} {
		if vulnerableToROCA(n) {
			t.Errorf("%d (not in the subgroup mod M: fails the discrete-log test) is ROCA", n)
		}
	}
	// and 65537^5 mod M itself, with the same markers, is
	g5 := new(big.Int).Exp(rocaGenerator, big.NewInt(5), rocaModulus)
	if !vulnerableToROCA(g5) || !vulnerableToROCA(new(big.Int).Add(g5, new(big.Int).Lsh(rocaModulus, 300))) {
		t.Error("65537^5 mod M is not ROCA")
	}
}

// TestCheckWeakKeyDispatch: which keys the weak-key check judges.
func TestCheckWeakKeyDispatch(t *testing.T) {
	even := new(big.Int).Lsh(m127, 1)
	off := append([]byte{4}, make([]byte, 64)...)
	for _, tc := range []struct {
		name string
		k    KeyInfo
		want string
	}{
		{"unparsed", KeyInfo{Modulus: even, Exponent: big.NewInt(3)}, ""},
		{"RSA even", KeyInfo{Parsed: true, Algorithm: oidRSA, Modulus: even, Exponent: big.NewInt(3)}, "VCL.0707 the 128-bit modulus is even (divisible by 2)"},
		{"RSA negative", KeyInfo{Parsed: true, Algorithm: oidRSA, Modulus: big.NewInt(-3), ModulusBytes: 1, Exponent: big.NewInt(3)},
			"VCL.0707 the RSA modulus is negative (a 1-byte INTEGER with its sign bit set: a positive modulus this long needs a leading zero byte); RFC 8017 §3.1 requires a positive modulus"},
		{"RSA zero", KeyInfo{Parsed: true, Algorithm: oidRSA, Modulus: big.NewInt(0), ModulusBytes: 1, Exponent: big.NewInt(3)}, "VCL.0707 the RSA modulus is zero"},
		{"RSA without exponent", KeyInfo{Parsed: true, Algorithm: oidRSA, Modulus: even}, ""},
		{"RSA without modulus", KeyInfo{Parsed: true, Algorithm: oidRSA, Exponent: big.NewInt(2)}, ""},
		{"EC off the curve", KeyInfo{Parsed: true, Algorithm: oidEC, Curve: oidP256, ECPoint: off}, "VCL.0708 the uncompressed point (65 bytes) is not on P-256"},
		{"EC explicit", KeyInfo{Parsed: true, Algorithm: oidEC, ExplicitCurve: true, ECPoint: off}, ""},
		{"EC without point", KeyInfo{Parsed: true, Algorithm: oidEC, Curve: oidP256}, ""},
	} {
		c := &Cert{Name: "x", Raw: &Raw{Key: tc.k}}
		if got := joined(checkWeakKey(c, nil)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestRemUint64: n mod m over several words.
func TestRemUint64(t *testing.T) {
	n := new(big.Int).Mul(m127, m127)
	n.Add(n, big.NewInt(12345))
	for _, m := range []uint64{3, 997, sieveModulus, 1<<63 + 1} {
		want := new(big.Int).Mod(n, new(big.Int).SetUint64(m)).Uint64()
		if got := remUint64(n, m); got != want {
			t.Errorf("remUint64(n, %d) = %d, want %d", m, got, want)
		}
	}
}

// TestInvalidPointSizes: an empty point and a one-byte point get their own details.
func TestInvalidPointSizes(t *testing.T) {
	for _, tc := range []struct {
		point []byte
		want  string
	}{
		{nil, "the public key is empty"},
		{[]byte{4}, "the uncompressed point (1 bytes) is not on P-256"},
		{[]byte{2}, "the compressed point is not on P-256"},
		{[]byte{0}, "the point at infinity is not a public key"},
		{[]byte{1}, "unknown point encoding (first byte 0x01)"},
	} {
		if got := invalidPoint("P-256", tc.point); got != tc.want {
			t.Errorf("% x: %q, want %q", tc.point, got, tc.want)
		}
	}
}

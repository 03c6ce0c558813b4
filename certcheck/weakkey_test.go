package certcheck

import (
	"crypto/rand"
	"crypto/rsa"
	"math/big"
	"testing"
)

// rocaModulus05 is the modulus of privkey05.pem, a positive sample of the ROCA detector's
// test vectors (github.com/crocs-muni/roca, roca/tests/data; MIT licence): a public number.
const rocaModulus05 = "1A9C5A687DB8FB2A30F82DFF8DDA154C291EF27B04B25E185B8AB20C4C6A5F604859FE59EDE54A0AF7C0E7288800AD7193BB731A5BF1E1170D7A1C66930D41EA3EB21DEDF7B8AF5D42A91C34F72045B96EFD57CB182301DDCC26967E5508E9AB889986D57E837DFE70F99FC37C498F43C17C3B9B064CF704443D7A033E03A821697AABF30FB29EE7D33B3767965A89058E3B39754BD3A1C007D28A23B0CFA79F9D711AC6E4C4B4F77B0634B1ECD68591AF03C7D53B62A5F2D91163D4EF4F8F26831AE461ED85EC5F788C5123FFC12C87420FDCFEA1D1B4A52C3521824FB3998348739B62A986D8E76B2289BC2EB8BC06D138147851B83A07183D210559F906321"

// fakeMod is the first of the detector's "fake" moduli: it passes the older residue-marker
// test but not the discrete-log test, so a correct dlog implementation must say no.
const fakeMod = "72414128973967872688332736535017614208620368242015797102796086827882754006260204061799547004983731426777596445658889886861027045033760014948048067467947960318205453778973975867532910489227970143091184725760290172935872752222320334100097730483600892686353719855397381316384244147860260153198611313067061116317"

func mustInt(t *testing.T, s string, base int) *big.Int {
	n, ok := new(big.Int).SetString(s, base)
	if !ok {
		t.Fatalf("bad number %q", s)
	}
	return n
}

func TestROCA(t *testing.T) {
	if !vulnerableToROCA(mustInt(t, rocaModulus05, 16)) {
		t.Error("the detector's positive sample privkey05 is not flagged")
	}
	if vulnerableToROCA(mustInt(t, fakeMod, 10)) {
		t.Error("the detector's fake modulus is flagged; the dlog test must reject it")
	}
	for i := 0; i < 3; i++ {
		k, err := rsa.GenerateKey(rand.Reader, 1024)
		if err != nil {
			t.Fatal(err)
		}
		if vulnerableToROCA(k.N) {
			t.Error("a random modulus is flagged as ROCA")
		}
		if smallFactorOf(k.N) != 0 {
			t.Error("a random modulus has a small factor")
		}
		if _, ok := fermatFactor(k.N, fermatRounds); ok {
			t.Error("a random modulus is Fermat-factored")
		}
	}
}

func TestFermat(t *testing.T) {
	p, err := rand.Prime(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	q := new(big.Int).Add(p, big.NewInt(2))
	for !q.ProbablyPrime(20) {
		q.Add(q, big.NewInt(2))
	}
	n := new(big.Int).Mul(p, q)
	steps, ok := fermatFactor(n, fermatRounds)
	if !ok || steps != 1 {
		t.Errorf("close primes: factored %v after %d steps, want true after 1", ok, steps)
	}
	// Primes 2^400 apart are far out of reach of 100 steps.
	q2 := new(big.Int).Add(p, new(big.Int).Lsh(big.NewInt(1), 900))
	for !q2.ProbablyPrime(20) {
		q2.Add(q2, big.NewInt(2))
	}
	if _, ok := fermatFactor(new(big.Int).Mul(p, q2), fermatRounds); ok {
		t.Error("distant primes factored")
	}
}

func TestSmallFactor(t *testing.T) {
	p, _ := rand.Prime(rand.Reader, 512)
	for _, f := range []int64{3, 991, 997} {
		n := new(big.Int).Mul(p, big.NewInt(f))
		if got := smallFactorOf(n); got != uint64(f) {
			t.Errorf("smallFactorOf(p*%d) = %d", f, got)
		}
	}
	if got := smallFactorOf(big.NewInt(997)); got != 0 {
		t.Errorf("a small prime itself has factor %d", got)
	}
}

func TestInvalidPoint(t *testing.T) {
	if invalidPoint("P-256", append([]byte{4}, make([]byte, 64)...)) == "" {
		t.Error("(0,0) accepted on P-256")
	}
	if invalidPoint("brainpoolP256r1", []byte{4, 1}) != "" {
		t.Error("a curve Go cannot check was judged")
	}
	if invalidPoint("P-256", []byte{0}) == "" {
		t.Error("the point at infinity accepted")
	}
}

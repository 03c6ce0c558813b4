package certcheck

import "math/big"

// smallFactorOf is smallFactor computing n's group remainders itself (for the tests).
func smallFactorOf(n *big.Int) uint64 {
	var rems [maxPrimeGroups]uint64
	return smallFactor(n, groupRems(n, rems[:0]))
}

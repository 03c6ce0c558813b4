package certcheck

// Default policy thresholds (see docs/policy.md). Every one is a field of Policy so that a
// project configuration can change it.
const (
	// DefaultRSAMinBits: RSA keys shorter than this are VPN.0070.
	DefaultRSAMinBits = 2048
	// DefaultExpiryWarnDays: a certificate expiring within this many days gets a warning.
	DefaultExpiryWarnDays = 30
	// DefaultMaxClientCAs: the cloud accepts at most this many client CAs per server (VPN.1111).
	DefaultMaxClientCAs = 10
)

// Policy is the certificate policy in force.
type Policy struct {
	RSAMinBits int
	// RSARiskyBits are accepted by the cloud but warned about (Huawei: 2048 "carries risk").
	RSARiskyBits []int
	// RSARecommendedBits raise nothing; other sizes ≥ RSAMinBits are warned as unusual.
	RSARecommendedBits []int
	// CurvesWarn are EC curves accepted with a warning; any other curve is VPN.0070.
	CurvesWarn []string
	// CurvesOK are EC curves accepted silently (none by default).
	CurvesOK       []string
	ExpiryWarnDays int
	MaxClientCAs   int
}

// DefaultPolicy returns the documented default policy.
func DefaultPolicy() *Policy {
	return &Policy{
		RSAMinBits:         DefaultRSAMinBits,
		RSARiskyBits:       []int{2048},
		RSARecommendedBits: []int{3072, 4096},
		CurvesWarn:         []string{"P-256", "P-384"},
		ExpiryWarnDays:     DefaultExpiryWarnDays,
		MaxClientCAs:       DefaultMaxClientCAs,
	}
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func containsString(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

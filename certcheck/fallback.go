package certcheck

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	stdx509 "crypto/x509"
	"errors"

	"github.com/zmap/zcrypto/x509"
)

// judgeStructure decides, for a certificate zcrypto rejected, whether its DER is nevertheless
// a well-formed X.509 certificate: by wellFormed, or else by Go's crypto/x509 as a second
// opinion (if the standard library parses it, the mainstream parsers do).
func (c *Cert) judgeStructure() {
	notes, err := wellFormed(c.DER)
	if err == nil {
		c.Fallback, c.FallbackBy, c.FallbackNotes = true, "vpncertlint's structural parse", notes
		return
	}
	if std := stdParse(c.DER); std == nil {
		c.Fallback, c.FallbackBy = true, "Go's crypto/x509 parses it"
		return
	}
	c.StructErr = err
}

// stdParse is Go's crypto/x509.ParseCertificate's error (never panics).
func stdParse(der []byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = errWrongParse
		}
	}()
	_, err = stdx509.ParseCertificate(der)
	return err
}

var errWrongParse = errors.New("crypto/x509 failed on this input")

// Verifier returns a zcrypto certificate that can check signatures made with c's key: c.X(),
// or for a Fallback certificate one holding only its subject, issuer and public key (RSA, or
// ECDSA on P-256/384/521, compressed points too). It is nil when there is none.
func (c *Cert) Verifier() *x509.Certificate {
	if x := c.X(); x != nil || !c.Fallback || c.Raw == nil {
		return x
	}
	k := c.Raw.Key
	v := &x509.Certificate{Raw: c.DER, RawSubject: c.Raw.RawSubject, RawIssuer: c.Raw.RawIssuer, RawSubjectPublicKeyInfo: c.Raw.RawSPKI}
	_, curve := k.names()
	switch {
	case k.Modulus != nil && k.Exponent != nil && k.Exponent.IsInt64() && k.Exponent.Int64() <= 1<<31-1:
		v.PublicKey, v.PublicKeyAlgorithm = &rsa.PublicKey{N: k.Modulus, E: int(k.Exponent.Int64())}, x509.RSA
	case k.ECPoint != nil && !k.ExplicitCurve:
		ell := map[string]elliptic.Curve{"P-256": elliptic.P256(), "P-384": elliptic.P384(), "P-521": elliptic.P521()}[curve]
		if ell == nil || invalidPoint(curve, k.ECPoint) != "" {
			return nil
		}
		x, y := elliptic.UnmarshalCompressed(ell, k.ECPoint)
		if x == nil {
			x, y = elliptic.Unmarshal(ell, k.ECPoint) //nolint:staticcheck // the point was checked above
		}
		if x == nil {
			return nil
		}
		//nolint:staticcheck // zcrypto reads an ECDSA key by its coordinates, and ell may be a curve (brainpool…) that ecdsa.ParseUncompressedPublicKey does not know
		v.PublicKey, v.PublicKeyAlgorithm = &ecdsa.PublicKey{Curve: ell, X: x, Y: y}, x509.ECDSA
	default:
		return nil
	}
	return v
}

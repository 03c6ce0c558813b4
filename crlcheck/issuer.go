package crlcheck

import (
	"fmt"
	"strings"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/lint"
	"github.com/zmap/zcrypto/encoding/asn1"
	"github.com/zmap/zcrypto/x509"
)

var codeIssuerUnverified = lint.Register(lint.Code{
	ID: "VCL.0791", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0079",
	Message:  "The issuer of CRL %s was not verified.",
	DescEN:   "No client CA was given, so vpncertlint could not check that the CRL is issued and signed by a client CA of the VPN server; the cloud refuses CRLs that are not (VPN.0079).",
	RemedyEN: "Pass the client CA certificates with --ca (or check them in the same run).",
	DescZH:   "未提供客户端CA证书,无法验证吊销列表%s的签发者。",
	RemedyZH: "请通过--ca指定客户端CA证书后再检查。",
}).ID

var codeNoCRLSign = lint.Register(lint.Code{
	ID: "VCL.0792", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0079",
	Message:  "The issuer of CRL %s may not sign CRLs (its keyUsage lacks cRLSign).",
	DescEN:   "The CRL is signed by a client CA whose keyUsage extension does not include cRLSign, so relying parties that follow RFC 5280 §4.2.1.3 and §6.3.3 do not accept the CRL from that CA and may treat the revocation status of its certificates as unknown.",
	RemedyEN: "Re-issue the CA with keyUsage keyCertSign and cRLSign, or sign the CRL with a CA key that may sign CRLs.",
	DescZH:   "吊销列表%s的签发CA的密钥用法不含cRLSign,不能签发吊销列表。",
	RemedyZH: "请重新签发包含keyCertSign和cRLSign密钥用法的CA证书,或使用允许签发吊销列表的CA密钥签发。",
}).ID

var issuerCheck = &Check{
	Name:    "issuer",
	Doc:     "The CRL's issuer must be a client CA of the upload set (names compared as RFC 5280 §7.1 says), its signature must verify with that CA's key, and that CA should be allowed to sign CRLs.",
	Codes:   []string{"VPN.0079", codeIssuerUnverified, codeNoCRLSign},
	Applies: parsed,
	Run:     lint.Returning(checkIssuer),
}

func checkIssuer(c *CRL, env *Env) []lint.Finding {
	if len(env.CAs) == 0 {
		return []lint.Finding{c.Finding(codeIssuerUnverified, fmt.Sprintf("issuer %q; no client CA in this run", certcheck.Name(c.X.RawIssuer)))}
	}
	var tried []string
	for _, ca := range env.CAs {
		if ca.X == nil || !certcheck.NamesMatch(ca.X.RawSubject, c.X.RawIssuer) {
			continue
		}
		err := ca.X.CheckSignature(c.X.SignatureAlgorithm, c.X.RawTBSRevocationList, c.X.Signature)
		if err == nil {
			if hasKeyUsage(ca.X) && ca.X.KeyUsage&x509.KeyUsageCRLSign == 0 {
				return []lint.Finding{c.Finding(codeNoCRLSign, fmt.Sprintf("the CRL is signed by the client CA %s (%s), whose keyUsage extension lacks cRLSign (RFC 5280 §4.2.1.3)",
					ca.Where, certcheck.Name(ca.X.RawSubject)))}
			}
			return nil
		}
		tried = append(tried, fmt.Sprintf("%s (%v)", ca.Where, err))
	}
	if len(tried) > 0 {
		return []lint.Finding{c.Finding("VPN.0079", fmt.Sprintf("the signature does not verify with the key of the client CA named %q: %s",
			certcheck.Name(c.X.RawIssuer), strings.Join(tried, "; ")))}
	}
	return []lint.Finding{c.Finding("VPN.0079", fmt.Sprintf("issuer %q is not the subject of any of the %d client CAs in the upload set", certcheck.Name(c.X.RawIssuer), len(env.CAs)))}
}

var oidKeyUsage = asn1.ObjectIdentifier{2, 5, 29, 15}

// hasKeyUsage reports whether the certificate carries a keyUsage extension (a CA without one
// may sign CRLs).
func hasKeyUsage(x *x509.Certificate) bool {
	for _, e := range x.Extensions {
		if e.Id.Equal(oidKeyUsage) {
			return true
		}
	}
	return false
}

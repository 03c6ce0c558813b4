package crlcheck

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/lint"
)

var codeIssuerUnverified = lint.Register(lint.Code{
	ID: "VCL.0791", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0079",
	Message:  "The issuer of CRL %s was not verified.",
	DescEN:   "No client CA was given, so vpncertlint could not check that the CRL is issued and signed by a client CA of the VPN server; the cloud refuses CRLs that are not (VPN.0079).",
	RemedyEN: "Pass the client CA certificates with --ca (or check them in the same run).",
	DescZH:   "未提供客户端CA证书,无法验证吊销列表%s的签发者。",
	RemedyZH: "请通过--ca指定客户端CA证书后再检查。",
}).ID

var _ = register(Check{
	Name:        "issuer",
	Description: "The CRL's issuer must be a client CA of the upload set, and its signature must verify with that CA's key.",
	Codes:       []string{"VPN.0079", codeIssuerUnverified},
	Parsed:      true,
	Run:         checkIssuer,
})

func checkIssuer(c *CRL, env *Env) []lint.Finding {
	if len(env.CAs) == 0 {
		return []lint.Finding{c.Finding(codeIssuerUnverified, fmt.Sprintf("issuer %q; no client CA in this run", certcheck.Name(c.X.RawIssuer)))}
	}
	var tried []string
	for _, ca := range env.CAs {
		if ca.X == nil || !bytes.Equal(ca.X.RawSubject, c.X.RawIssuer) {
			continue
		}
		err := ca.X.CheckSignature(c.X.SignatureAlgorithm, c.X.RawTBSRevocationList, c.X.Signature)
		if err == nil {
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

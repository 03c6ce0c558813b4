package certcheck

import (
	"fmt"
	"strings"

	"github.com/vpncertlint/vpncertlint/lint"
)

var codePSS = lint.Register(lint.Code{
	ID: "VCL.0711", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0071",
	Message:  "Certificate %s is signed with RSASSA-PSS.",
	DescEN:   "RSASSA-PSS signatures are valid but not documented for the VPN server, and many VPN clients do not support them.",
	RemedyEN: "Re-issue the certificate with sha256WithRSAEncryption (PKCS#1 v1.5) or ECDSA with SHA-256/384/512.",
	DescZH:   "证书%s使用RSASSA-PSS签名,VPN服务端未说明支持,部分客户端不支持。",
	RemedyZH: "请使用sha256WithRSAEncryption(PKCS#1 v1.5)或ECDSA-SHA256/384/512重新签发证书。",
}).ID

// acceptedSigAlgs are the signature algorithms that raise nothing.
var acceptedSigAlgs = map[string]bool{
	"sha256WithRSAEncryption": true, "sha384WithRSAEncryption": true, "sha512WithRSAEncryption": true,
	"ecdsa-with-SHA256": true, "ecdsa-with-SHA384": true, "ecdsa-with-SHA512": true,
}

var signatureAlgorithmCheck = &Check{
	Name:  "signature-algorithm",
	Doc:   "The certificate's signature algorithm (outer signatureAlgorithm OID).",
	Codes: []string{"VPN.0071", codePSS},
	Run:   lint.Returning(checkSignatureAlgorithm),
}

func checkSignatureAlgorithm(c *Cert, _ *Env) []lint.Finding {
	oid := c.Raw.SigAlg
	if len(oid) == 0 {
		return nil // unreadable structure: the content check reports it
	}
	alg, known := sigAlgs[oid.String()]
	switch {
	case !known:
		return []lint.Finding{c.Finding("VPN.0071", fmt.Sprintf("%s; accepted: RSA PKCS#1 v1.5 or ECDSA with SHA-256/384/512", SigAlgName(oid)))}
	case acceptedSigAlgs[alg.Name]:
		return nil
	case alg.Name == "RSASSA-PSS":
		return checkPSS(c, c.Raw.SigParams)
	case alg.Hash == "" || alg.Hash == "SM3" || strings.HasPrefix(alg.Name, "dsa-"):
		return []lint.Finding{c.Finding("VPN.0071", fmt.Sprintf("signature algorithm %s is not supported; accepted: RSA PKCS#1 v1.5 or ECDSA with SHA-256/384/512", alg.Name))}
	}
	return []lint.Finding{c.Finding("VPN.0071", fmt.Sprintf("signature algorithm %s uses %s, which is too weak; use SHA-256 or stronger", alg.Name, alg.Hash))}
}

// checkPSS judges an RSASSA-PSS signature by the hashes its parameters name (RFC 4055 §3.1;
// SHA-1 when absent), like any other signature: a weak or unknown hash, in the hash or in
// MGF1, or unreadable parameters are VPN.0071; SHA-256/384/512 in both keep the PSS warning.
func checkPSS(c *Cert, params []byte) []lint.Finding {
	p, err := parsePSSParams(params)
	if err != nil {
		return []lint.Finding{c.Finding("VPN.0071", fmt.Sprintf("signature algorithm RSASSA-PSS with malformed parameters: %v (RFC 4055 §3.1 RSASSA-PSS-params); accepted: RSA PKCS#1 v1.5 or ECDSA with SHA-256/384/512", err))}
	}
	if why := p.Problem(); why != "" {
		return []lint.Finding{c.Finding("VPN.0071", fmt.Sprintf("signature algorithm %s: %s", p.Describe(), why))}
	}
	return []lint.Finding{c.Finding(codePSS, fmt.Sprintf("signature algorithm %s, salt length %d (OID 1.2.840.113549.1.1.10)", p.Describe(), p.SaltLength))}
}

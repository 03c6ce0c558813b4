package certcheck

import (
	"fmt"
	"strings"

	"github.com/vpncertlint/vpncertlint/lint"
)

// Codes of vpncertlint's own raised by the key-algorithm check.
var (
	codeRSARisky = lint.Register(lint.Code{
		ID: "VCL.0701", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0070",
		Message:  "The key of certificate %s is RSA-2048, which Huawei Cloud says carries risk.",
		DescEN:   "RSA-2048 is accepted, but Huawei's console recommends RSA 3072 or 4096 and says 2048 \"carries risk, use with caution\".",
		RemedyEN: "Re-issue the certificate with an RSA 3072 or 4096 key.",
		DescZH:   "证书%s的密钥为RSA-2048,华为云提示该长度存在风险,请谨慎使用。",
		RemedyZH: "请使用RSA 3072或4096位密钥重新签发证书。",
	}).ID
	codeRSAUnusual = lint.Register(lint.Code{
		ID: "VCL.0702", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0070",
		Message:  "The key of certificate %s has an unusual RSA size.",
		DescEN:   "RSA key sizes other than 2048, 3072 and 4096 bits are not documented for the VPN server and may be refused by clients.",
		RemedyEN: "Re-issue the certificate with an RSA 3072 or 4096 key.",
		DescZH:   "证书%s的RSA密钥长度不常见,VPN服务端未说明支持。",
		RemedyZH: "请使用RSA 3072或4096位密钥重新签发证书。",
	}).ID
	codeECUndocumented = lint.Register(lint.Code{
		ID: "VCL.0703", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0070",
		Message:  "The key of certificate %s is ECDSA, which is not documented for P2C VPN.",
		DescEN:   "ECDSA keys on P-256 or P-384 are widely supported, but Huawei Cloud documents only RSA for point-to-site VPN certificates.",
		RemedyEN: "If the upload is refused with VPN.0070, re-issue the certificate with an RSA 3072 or 4096 key.",
		DescZH:   "证书%s使用ECDSA密钥,华为云P2C VPN文档未说明支持。",
		RemedyZH: "如上传时返回VPN.0070,请使用RSA 3072或4096位密钥重新签发证书。",
	}).ID
)

var keyAlgorithmCheck = &Check{
	Name:  "key-algorithm",
	Doc:   "The subject public key's algorithm and size (read from the SubjectPublicKeyInfo, so keys the parser cannot handle are still judged).",
	Codes: []string{"VPN.0070", codeRSARisky, codeRSAUnusual, codeECUndocumented},
	Run:   lint.Returning(checkKeyAlgorithm),
}

func checkKeyAlgorithm(c *Cert, env *Env) []lint.Finding {
	k := c.Raw.Key
	if !k.Parsed {
		return nil // the content check reports an unreadable certificate
	}
	p := env.Policy
	reject := func(why string) []lint.Finding {
		return []lint.Finding{c.Finding("VPN.0070", fmt.Sprintf("key %s: %s", k.KeyName(), why))}
	}
	algName, curve := k.names()
	switch algName {
	case "RSA", "RSASSA-PSS":
		switch {
		case k.RSABits == 0:
			return reject("the RSA public key cannot be read")
		case k.RSABits < p.RSAMinBits && k.Modulus != nil && k.Modulus.Sign() < 0:
			return reject(fmt.Sprintf("RSA keys must be at least %d bits; read as unsigned (as OpenSSL reads it) this one has %d", p.RSAMinBits, k.RSABits))
		case k.RSABits < p.RSAMinBits:
			return reject(fmt.Sprintf("RSA keys must be at least %d bits; this one has %d", p.RSAMinBits, k.RSABits))
		case containsInt(p.RSARiskyBits, k.RSABits):
			return []lint.Finding{c.Finding(codeRSARisky, fmt.Sprintf("key %s; RSA 3072 or 4096 is recommended", k.KeyName()))}
		case !containsInt(p.RSARecommendedBits, k.RSABits):
			return []lint.Finding{c.Finding(codeRSAUnusual, fmt.Sprintf("key %s; expected 2048, 3072 or 4096 bits", k.KeyName()))}
		}
		return nil
	case "EC":
		switch {
		case k.ExplicitCurve:
			return reject("explicit curve parameters are not supported; use a named curve")
		case containsString(p.CurvesOK, curve):
			return nil
		case containsString(p.CurvesWarn, curve):
			return []lint.Finding{c.Finding(codeECUndocumented, fmt.Sprintf("key %s", k.KeyName()))}
		}
		return reject(fmt.Sprintf("only the curves %s are accepted", strings.Join(append(append([]string(nil), p.CurvesWarn...), p.CurvesOK...), ", ")))
	}
	return reject("only RSA (3072/4096 recommended) and ECDSA P-256/P-384 keys are accepted")
}

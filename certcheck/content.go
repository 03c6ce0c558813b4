package certcheck

import (
	"errors"
	"fmt"
	"strings"

	"github.com/vpncertlint/vpncertlint/lint"
)

var codeParserFallback = lint.Register(lint.Code{
	ID: "VCL.0751", Source: lint.SourceTool, Severity: lint.Notice, Related: "VPN.0075",
	Message:  "Certificate %s was checked without the X.509 parser, which cannot read it.",
	DescEN:   "The certificate is a well-formed X.509 certificate, but zcrypto (the X.509 parser vpncertlint and zlint use) rejects something in it that the RFCs allow and OpenSSL accepts, such as a CRL distribution point named relative to the CRL issuer or a compressed EC point. vpncertlint checked its key, signature algorithm, validity and CA flag from the DER itself; the zlint advisories were skipped for it. Whether the VPN server reads such certificates is not documented.",
	RemedyEN: "Nothing is needed if the upload is accepted. If it is refused with VPN.0075, re-issue the certificate with URI distribution points (fullName) and uncompressed EC points, as OpenSSL writes by default.",
	DescZH:   "证书%s格式正确,但X.509解析器(zcrypto)无法解析,已直接从DER检查其密钥、签名算法、有效期和CA标志,并跳过了zlint建议检查。",
	RemedyZH: "如上传成功则无需处理;如返回VPN.0075,请使用URI形式的CRL分发点(fullName)和非压缩的EC公钥重新签发证书(OpenSSL默认如此)。",
}).ID

var contentCheck = &Check{
	Name:  "content",
	Doc:   "The block decodes but is not a well-formed X.509 certificate; a well-formed one that the X.509 parser (zcrypto) cannot read is checked from its DER.",
	Codes: []string{"VPN.0075", codeParserFallback},
	Run:   lint.Returning(checkContent),
}

func checkContent(c *Cert, env *Env) []lint.Finding {
	if c.ParseErr == nil || errors.Is(c.ParseErr, errKeyTooLarge) {
		return nil // the key-size-bound check reports an oversized key
	}
	if c.Fallback {
		// A key the parser does not support is a key-algorithm problem (VPN.0070) and says
		// why the parser failed.
		if keyRejected(c, env) {
			return nil
		}
		detail := fmt.Sprintf("zcrypto rejects it (%v)", c.ParseErr)
		if len(c.FallbackNotes) > 0 {
			detail += ", most likely for " + strings.Join(c.FallbackNotes, " and ")
		}
		detail += fmt.Sprintf("; it is a well-formed X.509 certificate (%s), so its key, signature algorithm, validity and CA flag were checked from the DER, and the zlint advisories were skipped", c.FallbackBy)
		return []lint.Finding{c.Finding(codeParserFallback, detail)}
	}
	detail := fmt.Sprintf("the X.509 parser rejects it: %v", c.ParseErr)
	switch {
	case c.Raw.Err != nil:
		detail = fmt.Sprintf("not a well-formed X.509 certificate: %v (parser: %v)", c.Raw.Err, c.ParseErr)
	case c.StructErr != nil:
		detail = fmt.Sprintf("not a well-formed X.509 certificate: %v (parser: %v)", c.StructErr, c.ParseErr)
	}
	return []lint.Finding{c.Finding("VPN.0075", detail)}
}

func keyRejected(c *Cert, env *Env) bool {
	for _, f := range checkKeyAlgorithm(c, env) {
		if f.Code == "VPN.0070" {
			return true
		}
	}
	return false
}

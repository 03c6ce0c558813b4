package certcheck

import (
	"encoding/asn1"

	"github.com/vpncertlint/vpncertlint/lint"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

var (
	codeNoCertSign = lint.Register(lint.Code{
		ID: "VCL.0761", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0076",
		Message:  "Client CA certificate %s cannot sign certificates (keyUsage lacks keyCertSign).",
		DescEN:   "The CA has a keyUsage extension without keyCertSign, so client certificates it issued fail verification (RFC 5280 §4.2.1.3).",
		RemedyEN: "Re-issue the CA with keyUsage keyCertSign (and cRLSign if it signs CRLs).",
		DescZH:   "客户端CA证书%s的密钥用法不含keyCertSign,无法签发证书。",
		RemedyZH: "请重新签发包含keyCertSign(以及cRLSign)密钥用法的CA证书。",
	}).ID
	codeIntermediate = lint.Register(lint.Code{
		ID: "VCL.0762", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0076",
		Message:  "Client CA certificate %s is an intermediate CA (not self-signed).",
		DescEN:   "The CA is not self-signed. The VPN server verifies client certificates against the uploaded CA; an intermediate works only if the server does not require the chain up to a root.",
		RemedyEN: "Upload the CA that directly issues the client certificates; check that clients connect, or upload the root as well.",
		DescZH:   "客户端CA证书%s是中间CA(非自签名)。",
		RemedyZH: "请确认客户端可正常连接,必要时同时上传根CA证书。",
	}).ID
)

var caFlagCheck = &Check{
	Name:    "ca-flag",
	Doc:     "A client CA upload must be a CA: basicConstraints with cA=TRUE.",
	Codes:   []string{"VPN.0076", codeNoCertSign, codeIntermediate},
	Applies: caOnly,
	Run:     lint.Returning(checkCAFlag),
}

const (
	oidBasicConstraints = "2.5.29.19"
	oidKeyUsage         = "2.5.29.15"
)

func checkCAFlag(c *Cert, _ *Env) []lint.Finding {
	if c.Raw.Err != nil && c.Raw.Extensions == nil {
		return nil // unreadable: the content check reports it
	}
	present, ca, ok := c.basicConstraints()
	switch {
	case !present:
		return []lint.Finding{c.Finding("VPN.0076", "no basicConstraints extension, so it is not a CA (RFC 5280 §4.2.1.9)")}
	case !ok:
		return []lint.Finding{c.Finding("VPN.0076", "the basicConstraints extension cannot be read")}
	case !ca:
		return []lint.Finding{c.Finding("VPN.0076", "basicConstraints has cA=FALSE: this is an end-entity certificate, not a CA")}
	}
	var out []lint.Finding
	if ku, has := c.keyUsage(); has && ku&keyCertSign == 0 {
		out = append(out, c.Finding(codeNoCertSign, "keyUsage is present without keyCertSign"))
	}
	// A CA whose issuer is another name is an intermediate. (A self-issued CA whose signature
	// the parser cannot verify, PSS or DSA say, is not called an intermediate.) Names are
	// compared as RFC 5280 §7.1 says: an issuer that differs from the subject only in string
	// type, case or spacing is the same name.
	if !NamesMatch(c.Raw.RawSubject, c.Raw.RawIssuer) {
		out = append(out, c.Finding(codeIntermediate, "issued by "+Name(c.Raw.RawIssuer)))
	}
	return out
}

// basicConstraints reads the extension: whether it is present, its cA flag, and whether it
// could be read.
func (c *Cert) basicConstraints() (present, ca, ok bool) {
	if c.Raw == nil {
		return false, false, false
	}
	v, present := c.Raw.Extensions.Get(oidBasicConstraints)
	if !present {
		return false, false, false
	}
	s := cryptobyte.String(v)
	var seq cryptobyte.String
	if !s.ReadASN1(&seq, cbasn1.SEQUENCE) {
		return true, false, false
	}
	if !readOptionalBool(&seq, &ca) {
		return true, false, false
	}
	return true, ca, true
}

const keyCertSign = 1 << 5 // bit 5 of KeyUsage, counted from the most significant bit

// keyUsage returns the keyUsage bits (bit i of RFC 5280 as 1<<i) and whether it is present
// and readable.
func (c *Cert) keyUsage() (int, bool) {
	v, present := c.Raw.Extensions.Get(oidKeyUsage)
	if !present {
		return 0, false
	}
	s := cryptobyte.String(v)
	var bits asn1.BitString
	if !s.ReadASN1BitString(&bits) {
		return 0, false
	}
	u := 0
	for i := 0; i < bits.BitLength && i < 16; i++ {
		if bits.At(i) == 1 {
			u |= 1 << i
		}
	}
	return u, true
}

package crlcheck

import (
	"fmt"
	"strings"

	"github.com/vpncertlint/vpncertlint/lint"
)

var codeV1 = lint.Register(lint.Code{
	ID: "VCL.0793", Source: lint.SourceTool, Severity: lint.Notice, Related: "VPN.0079",
	Message:  "CRL %s is a version 1 CRL.",
	DescEN:   "The CRL has no version field (v1), so it has no extensions: no cRLNumber, which lets a relying party tell the newer of two CRLs apart, and no authorityKeyIdentifier, which names the issuer's key. RFC 5280 §5 has applications process v1 CRLs and the issuer and signature are checked as for v2, but conforming CAs issue v2 CRLs with both extensions. `openssl ca -gencrl` writes v1 when its configuration has neither crlnumber nor crl_extensions.",
	RemedyEN: "Issue a v2 CRL: with openssl ca, set crlnumber = FILE and crl_extensions = a section with authorityKeyIdentifier = keyid:always (or pass -crlexts).",
	DescZH:   "吊销列表%s是第1版吊销列表(没有cRLNumber和authorityKeyIdentifier扩展)。",
	RemedyZH: "请签发第2版吊销列表:在openssl ca的配置中设置crlnumber和包含authorityKeyIdentifier = keyid:always的crl_extensions。",
}).ID

var versionCheck = &Check{
	Name:    "version",
	Doc:     "A version 1 CRL is read and checked like a v2 CRL; its missing cRLNumber and authorityKeyIdentifier are an advisory.",
	Codes:   []string{codeV1},
	Applies: parsed,
	Run: lint.Returning(func(c *CRL, _ *Env) []lint.Finding {
		if !c.V1 {
			return nil
		}
		detail := "no version field (v1), so no cRLNumber and no authorityKeyIdentifier (RFC 5280 §5.1.2.1, §5.2)"
		var ext []string
		if len(c.X.Extensions) > 0 {
			ext = append(ext, fmt.Sprintf("%d CRL extensions", len(c.X.Extensions)))
		}
		entries := c.EntriesWithExtensions // a CRL read with bounded memory has no entries in X
		for _, rc := range c.X.RevokedCertificates {
			if len(rc.Extensions) > 0 {
				entries++
			}
		}
		if entries > 0 {
			ext = append(ext, fmt.Sprintf("extensions on %d entries", entries))
		}
		if len(ext) > 0 {
			detail = "no version field (v1), yet it carries " + strings.Join(ext, " and ") + ", which RFC 5280 §5.1.2.1 allows only in version 2"
		}
		return []lint.Finding{c.Finding(codeV1, detail)}
	}),
}

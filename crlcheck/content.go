package crlcheck

import (
	"fmt"

	"github.com/vpncertlint/vpncertlint/lint"
)

var contentCheck = &Check{
	Name:  "content",
	Doc:   "The block decodes but is not a version 1 or 2 CRL that vpncertlint can read (zcrypto, and its own reading of v1 CRLs).",
	Codes: []string{"VPN.0079"},
	Run: lint.Returning(func(c *CRL, _ *Env) []lint.Finding {
		if c.ParseErr == nil {
			return nil
		}
		return []lint.Finding{c.Finding("VPN.0079", fmt.Sprintf("not a parsable X.509 CRL: %v", c.ParseErr))}
	}),
}

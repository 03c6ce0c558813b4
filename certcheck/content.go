package certcheck

import (
	"errors"
	"fmt"

	"github.com/vpncertlint/vpncertlint/lint"
)

var _ = register(Check{
	Name:        "content",
	Description: "The block decodes but is not a certificate the X.509 parser (zcrypto) accepts.",
	Codes:       []string{"VPN.0075"},
	Run:         checkContent,
})

func checkContent(c *Cert, env *Env) []lint.Finding {
	if c.ParseErr == nil || errors.Is(c.ParseErr, ErrKeyTooLarge) {
		return nil // the key-size-bound check reports an oversized key
	}
	// A key the parser does not support is a key-algorithm problem (VPN.0070), not content.
	if c.Raw.Err == nil && keyRejected(c, env) {
		return nil
	}
	detail := fmt.Sprintf("the X.509 parser rejects it: %v", c.ParseErr)
	if c.Raw.Err != nil {
		detail = fmt.Sprintf("not a well-formed X.509 certificate: %v (parser: %v)", c.Raw.Err, c.ParseErr)
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

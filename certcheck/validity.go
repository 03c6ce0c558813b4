package certcheck

import (
	"fmt"
	"math"

	"github.com/vpncertlint/vpncertlint/lint"
)

var codeExpiringSoon = lint.Register(lint.Code{
	ID: "VCL.0721", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0072",
	Message:  "Certificate %s expires soon.",
	DescEN:   "The certificate is valid now but expires within the warning window; uploads after that date fail with VPN.0072 and clients stop connecting.",
	RemedyEN: "Renew the certificate before it expires and upload the new one.",
	DescZH:   "证书%s即将过期。",
	RemedyZH: "请在证书过期前续签并重新导入。",
}).ID

var _ = register(Check{
	Name:        "validity",
	Description: "notBefore and notAfter against the clock (--now).",
	Codes:       []string{"VPN.0072", "VPN.0073", codeExpiringSoon},
	Run:         checkValidity,
})

func checkValidity(c *Cert, env *Env) []lint.Finding {
	r := c.Raw
	if !r.HasDates {
		return nil
	}
	var out []lint.Finding
	if r.NotAfter.Before(env.Now) {
		out = append(out, c.Finding("VPN.0072", fmt.Sprintf("notAfter %s is before now (%s)", day(r.NotAfter), day(env.Now))))
	} else if left := r.NotAfter.Sub(env.Now); left.Hours() < float64(24*env.Policy.ExpiryWarnDays) {
		days := int(math.Floor(left.Hours() / 24))
		out = append(out, c.Finding(codeExpiringSoon, fmt.Sprintf("notAfter %s is %d days from now (warning window %d days)", day(r.NotAfter), days, env.Policy.ExpiryWarnDays)))
	}
	if r.NotBefore.After(env.Now) {
		out = append(out, c.Finding("VPN.0073", fmt.Sprintf("notBefore %s is after now (%s)", day(r.NotBefore), day(env.Now))))
	}
	return out
}

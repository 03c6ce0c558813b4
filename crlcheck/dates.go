package crlcheck

import (
	"fmt"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/lint"
)

var codeNextUpdateSoon = lint.Register(lint.Code{
	ID: "VCL.0801", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0080",
	Message:  "CRL %s reaches its nextUpdate soon.",
	DescEN:   "The CRL is current now but its nextUpdate is within the warning window; after that date it is stale and uploads fail with VPN.0080.",
	RemedyEN: "Issue a fresh CRL before nextUpdate and upload it.",
	DescZH:   "吊销列表%s即将到达下次更新时间。",
	RemedyZH: "请在下次更新时间之前签发并导入新的吊销列表。",
}).ID

var datesCheck = &Check{
	Name:    "dates",
	Doc:     "thisUpdate and nextUpdate against the clock (--now) and each other.",
	Codes:   []string{"VPN.0080", codeNextUpdateSoon},
	Applies: parsed,
	Run:     lint.Returning(checkDates),
}

func checkDates(c *CRL, env *Env) []lint.Finding {
	this, next := c.X.ThisUpdate, c.X.NextUpdate
	var out []lint.Finding
	if this.After(env.Now) {
		t, now := certcheck.Instants(this, env.Now)
		out = append(out, c.Finding("VPN.0080", fmt.Sprintf("thisUpdate %s is after now (%s)", t, now)))
	}
	switch {
	case next.IsZero():
		out = append(out, c.Finding("VPN.0080", "nextUpdate is missing"))
	case next.Before(this):
		n, t := certcheck.Instants(next, this)
		out = append(out, c.Finding("VPN.0080", fmt.Sprintf("nextUpdate %s is before thisUpdate %s", n, t)))
	case next.Before(env.Now):
		n, now := certcheck.Instants(next, env.Now)
		out = append(out, c.Finding("VPN.0080", fmt.Sprintf("nextUpdate %s is before now (%s): the CRL is stale", n, now)))
	case next.Sub(env.Now).Hours() < float64(24*env.Policy.NextUpdateWarnDays):
		out = append(out, c.Finding(codeNextUpdateSoon, fmt.Sprintf("nextUpdate %s is %d days from now (warning window %d days)",
			day(next), int(next.Sub(env.Now).Hours()/24), env.Policy.NextUpdateWarnDays)))
	}
	return out
}

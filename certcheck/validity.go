package certcheck

import (
	"fmt"
	"math"
	"time"

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

var validityCheck = &Check{
	Name:  "validity",
	Doc:   "notBefore and notAfter against the clock (--now).",
	Codes: []string{"VPN.0072", "VPN.0073", codeExpiringSoon},
	Run:   lint.Returning(checkValidity),
}

func checkValidity(c *Cert, env *Env) []lint.Finding {
	notBefore, notAfter, ok := c.validity()
	if !ok {
		return nil // no parser read the dates: the content check reports VPN.0075
	}
	var out []lint.Finding
	if notAfter.Before(env.Now) {
		na, now := Instants(notAfter, env.Now)
		out = append(out, c.Finding("VPN.0072", fmt.Sprintf("notAfter %s is before now (%s)", na, now)))
	} else if left := notAfter.Sub(env.Now); left.Hours() < float64(24*env.Policy.ExpiryWarnDays) {
		days := int(math.Floor(left.Hours() / 24))
		out = append(out, c.Finding(codeExpiringSoon, fmt.Sprintf("notAfter %s is %d days from now (warning window %d days)", day(notAfter), days, env.Policy.ExpiryWarnDays)))
	}
	if notBefore.After(env.Now) {
		nb, now := Instants(notBefore, env.Now)
		out = append(out, c.Finding("VPN.0073", fmt.Sprintf("notBefore %s is after now (%s)", nb, now)))
	}
	return out
}

// Validity returns the certificate's notBefore and notAfter as the checks read them (see
// validity); ok is false when neither parser could read them.
func (c *Cert) Validity() (notBefore, notAfter time.Time, ok bool) { return c.validity() }

// validity returns the certificate's dates: vpncertlint's own reading of the DER, or, when
// that could not read them but zcrypto (more lenient with time encodings) did, zcrypto's, so
// that a date format one parser tolerates never silently skips the validity check.
func (c *Cert) validity() (notBefore, notAfter time.Time, ok bool) {
	if c.Raw != nil && c.Raw.HasDates {
		return c.Raw.NotBefore, c.Raw.NotAfter, true
	}
	if x := c.X(); x != nil && !x.NotAfter.IsZero() {
		return x.NotBefore, x.NotAfter, true
	}
	return time.Time{}, time.Time{}, false
}

// Instants formats two instants in UTC to the second, as the details do, or, when they fall
// in the same second but differ, with as many fractional-second digits as tell them apart
// (both with the same number, truncated), so that "notAfter X is before now (Y)" never shows
// X and Y equal.
func Instants(a, b time.Time) (string, string) {
	a, b = a.UTC(), b.UTC()
	const layout = "2006-01-02 15:04:05"
	if a.Equal(b) || !a.Truncate(time.Second).Equal(b.Truncate(time.Second)) {
		return a.Format(layout + " UTC"), b.Format(layout + " UTC")
	}
	l := layout + "."
	for d := 1; ; d++ { // at 9 digits (nanoseconds) two different instants differ
		l += "0"
		if sa, sb := a.Format(l+" UTC"), b.Format(l+" UTC"); sa != sb || d == 9 {
			return sa, sb
		}
	}
}

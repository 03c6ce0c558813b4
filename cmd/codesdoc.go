package cmd

import (
	"fmt"
	"strings"

	"github.com/vpncertlint/vpncertlint/lint"
)

// codeGroup is the table a code is listed in by `codes --format markdown`: one per source
// and range (VPN.00xx, VPN.11xx, …, VCL.07xx, …, zlint), titled by what the range covers.
func codeGroup(c *lint.Code) (key, title string) {
	if c.Source == lint.SourceZlint {
		return "zlint", "zlint advisories (zlint.*)"
	}
	id := c.ID
	if len(id) < 6 {
		return id, id
	}
	key = id[:6] // "VPN.00", "VCL.07"
	rng := key + "xx"
	titles := map[string]string{
		"VPN.00": "Cloud: requests, certificates and CRLs",
		"VPN.05": "Cloud: gateways",
		"VPN.11": "Cloud: VPN servers",
		"VPN.13": "Cloud: users and user groups",
		"VPN.14": "Cloud: access policies",
		"VCL.07": "vpncertlint: certificates",
		"VCL.08": "vpncertlint: CRLs",
		"VCL.12": "vpncertlint: request bodies",
		"VCL.20": "vpncertlint: Certificate Manager imports, --key and --chain",
		"VCL.90": "vpncertlint: the project configuration",
	}
	if t, ok := titles[key]; ok {
		return key, t + " (" + rng + ")"
	}
	if c.Source == lint.SourceCloud {
		return key, "Cloud: " + rng
	}
	return key, "vpncertlint: " + rng
}

// writeCodesMarkdown renders the catalogue as Markdown for the documentation (docs/codes.md
// holds this output for `vpncertlint codes --format markdown`): a table per source and range,
// each row the code, its severity, HTTP status (cloud codes), the English message as the
// cloud returns it, and the description in lang.
func writeCodesMarkdown(w *strings.Builder, list []*lint.Code, lang string) {
	cell := strings.NewReplacer("|", "\\|", "\n", "<br>", "<", "&lt;", ">", "&gt;")
	prev := ""
	for _, c := range list {
		key, title := codeGroup(c)
		if key != prev {
			if prev != "" {
				fmt.Fprintln(w)
			}
			prev = key
			fmt.Fprintf(w, "### %s\n\n", title)
			fmt.Fprintln(w, "| Code | Severity | HTTP | Message | Description |")
			fmt.Fprintln(w, "| --- | --- | --- | --- | --- |")
		}
		status := ""
		if c.HTTPStatus != 0 {
			status = fmt.Sprint(c.HTTPStatus)
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", c.ID, c.Severity, status,
			cell.Replace(c.Message), cell.Replace(c.Description(lang)))
	}
}

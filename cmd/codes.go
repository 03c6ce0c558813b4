package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/vpncertlint/vpncertlint/lint"
)

// lookupCode finds a code as written or in any case: VPN.0072, vcl.0701,
// zlint.e_sub_cert_aia_missing (codes and explain accept the same).
func lookupCode(arg string) (*lint.Code, bool) {
	for _, id := range []string{arg, strings.ToUpper(arg), strings.ToLower(arg)} {
		if c, ok := lint.Lookup(id); ok {
			return c, true
		}
	}
	return nil, false
}

func newCodesCmd() *cobra.Command {
	var format, lang string
	var all, withZlint bool
	c := &cobra.Command{
		Use:   "codes [CODE...]",
		Short: "List the code catalogue: code, HTTP status, severity, message, description, remedy",
		Long: `List the codes vpncertlint can report: the cloud's own (VPN.xxxx, from Huawei Cloud's
error-code table, with its HTTP status) and vpncertlint's advisories (VCL.xxxx).
By default only the codes vpncertlint can raise are listed; --zlint adds the zlint advisories
(zlint.<lint>) of the default selection; --all lists the cloud's whole table and every zlint lint.`,
		Example: "  vpncertlint codes\n  vpncertlint codes VPN.0072 --lang zh\n  vpncertlint codes --format json",
		RunE: func(cmd *cobra.Command, args []string) error {
			format, lang = strings.ToLower(format), strings.ToLower(lang)
			if !cmd.Flags().Changed("lang") {
				lang = envLang(func(k string) string { return getenv(cmd, k) })
			}
			if lang != "en" && lang != "zh" {
				return fmt.Errorf("unknown --lang %q (want en or zh)", lang)
			}
			list, err := selectCodes(args, all, withZlint)
			if err != nil {
				return err
			}
			return writeCodes(cmd.OutOrStdout(), format, lang, list)
		},
	}
	c.Flags().StringVar(&format, "format", "text", "output format: text, json or markdown")
	_ = c.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"text", "json", "markdown"}, cobra.ShellCompDirectiveNoFileComp
	})
	_ = c.RegisterFlagCompletionFunc("lang", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"en", "zh"}, cobra.ShellCompDirectiveNoFileComp
	})
	c.Flags().StringVar(&lang, "lang", "", "language of descriptions and remedies: en or zh (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh, else en)")
	c.Flags().BoolVar(&all, "all", false, "list every code of the cloud's table and every zlint lint, not only those vpncertlint raises")
	c.Flags().BoolVar(&withZlint, "zlint", false, "also list the zlint advisories that run by default")
	return c
}

// selectCodes are the codes named in args, else those vpncertlint raises (withZlint: and the
// zlint advisories run by default; all: every code of the catalogue).
func selectCodes(args []string, all, withZlint bool) ([]*lint.Code, error) {
	var list []*lint.Code
	if len(args) > 0 {
		for _, a := range args {
			c, ok := lookupCode(a)
			if !ok {
				return nil, fmt.Errorf("unknown code %q (see 'vpncertlint codes --all')", a)
			}
			list = append(list, c)
		}
		return list, nil
	}
	raised := RaisedCodes()
	if withZlint {
		for _, code := range zlintDefaultCodes() {
			raised[code] = true
		}
	}
	for _, c := range lint.All() {
		if all || raised[c.ID] {
			list = append(list, c)
		}
	}
	return list, nil
}

// writeCodes writes list to out in format: text, json or markdown (md), descriptions and
// remedies in lang.
func writeCodes(out io.Writer, format, lang string, list []*lint.Code) error {
	switch format {
	case "json":
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(list)
	case "markdown", "md":
		var b strings.Builder
		writeCodesMarkdown(&b, list, lang)
		_, err := fmt.Fprint(out, b.String())
		return err
	case "text":
		var b strings.Builder
		writeCodesText(&b, list, lang)
		_, err := fmt.Fprint(out, b.String())
		return err
	}
	return fmt.Errorf("unknown --format %q (want text, json or markdown)", format)
}

// writeCodesText writes list as text, a paragraph per code.
func writeCodesText(b *strings.Builder, list []*lint.Code, lang string) {
	for i, c := range list {
		if i > 0 {
			b.WriteString("\n")
		}
		status := ""
		if c.HTTPStatus != 0 {
			status = fmt.Sprintf(" (HTTP %d)", c.HTTPStatus)
		}
		fmt.Fprintf(b, "%s %s%s [%s]\n  message:     %s\n  description: %s\n  remedy:      %s\n",
			c.ID, c.Severity, status, c.Source, c.Message, c.Description(lang), c.Remedy(lang))
		if c.Related != "" {
			fmt.Fprintf(b, "  related:     %s\n", c.Related)
		}
	}
}

package cmd

import (
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/vpncertlint/vpncertlint/internal/config"
	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/lint"
	"gopkg.in/yaml.v3"
)

// starterConfig is what `vpncertlint init` writes.
//
//go:embed starter.yaml
var starterConfig string

func newInitCmd() *cobra.Command {
	var force bool
	c := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a commented starter " + config.FileName + " (refuses to overwrite without --force)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			path := filepath.Join(dir, config.FileName)
			if config.Exists(path) && !force {
				return usageErr("%s already exists (use --force to overwrite it)", path)
			}
			if err := os.WriteFile(path, []byte(starterConfig), 0o644); err != nil {
				return err
			}
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "wrote %s; edit its patterns, then run: vpncertlint check\n", output.TextSafe(path))
			return err
		},
	}
	c.Flags().BoolVar(&force, "force", false, "overwrite an existing configuration")
	return c
}

// effective is the configuration as `config --print` shows it: every policy value in force.
type effective struct {
	File    string          `yaml:"file"`
	Version int             `yaml:"version"`
	Roles   config.Roles    `yaml:"roles"`
	Sets    []config.Set    `yaml:"sets"`
	Policy  effectivePolicy `yaml:"policy"`
	Gateway config.Gateway  `yaml:"gateway"`
	Ignore  []config.Waiver `yaml:"ignore"`
}

type effectivePolicy struct {
	RSAMinBits         int               `yaml:"rsa_min_bits"`
	RSARiskyBits       []int             `yaml:"rsa_risky_bits,flow"`
	RSARecommendedBits []int             `yaml:"rsa_recommended_bits,flow"`
	CurvesWarn         []string          `yaml:"curves_warn,flow"`
	CurvesOK           []string          `yaml:"curves_ok,flow"`
	ExpiryWarningDays  int               `yaml:"expiry_warning_days"`
	CRLNextUpdateDays  int               `yaml:"crl_next_update_warning_days"`
	MaxClientCAs       int               `yaml:"max_client_cas"`
	Severity           map[string]string `yaml:"severity"`
}

func newConfigCmd() *cobra.Command {
	var g gateFlags
	var printCfg bool
	c := &cobra.Command{
		Use:   "config --print",
		Short: "Show the effective project configuration and policy (YAML)",
		Long: `Show the project configuration in force (found as in 'check': --config, or
` + config.FileName + ` in the working directory or its parents) with every policy value,
defaults included. Without a configuration the default policy is shown.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !printCfg {
				return usageErr("say what to do: vpncertlint config --print")
			}
			cfg, err := loadConfig(&g)
			if err != nil {
				return err
			}
			e := effective{Version: 1, Sets: []config.Set{}, Ignore: []config.Waiver{}}
			if cfg != nil {
				e.File, e.Roles, e.Gateway = display(cfg.File), cfg.Roles, cfg.Gateway
				if cfg.Sets != nil {
					e.Sets = cfg.Sets
				}
				if cfg.Ignore != nil {
					e.Ignore = cfg.Ignore
				}
			} else {
				e.File = "none"
			}
			cp, rp := cfg.CertPolicy(), cfg.CRLPolicy()
			e.Policy = effectivePolicy{
				RSAMinBits: cp.RSAMinBits, RSARiskyBits: cp.RSARiskyBits, RSARecommendedBits: cp.RSARecommendedBits,
				CurvesWarn: nonNil(cp.CurvesWarn), CurvesOK: nonNil(cp.CurvesOK), ExpiryWarningDays: cp.ExpiryWarnDays,
				CRLNextUpdateDays: rp.NextUpdateWarnDays, MaxClientCAs: cp.MaxClientCAs, Severity: map[string]string{},
			}
			if cfg != nil {
				for k, v := range cfg.Policy.Severity {
					e.Policy.Severity[k] = v.String()
				}
			}
			enc := yaml.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent(2)
			if err := enc.Encode(e); err != nil {
				return err
			}
			return enc.Close()
		},
	}
	c.Flags().BoolVar(&printCfg, "print", false, "print the effective configuration and policy")
	c.Flags().StringVar(&g.config, "config", "", "project configuration file (default: "+config.FileName+" in the working directory or its parents)")
	c.Flags().BoolVar(&g.noConfig, "no-config", false, "ignore any project configuration (print the defaults)")
	return c
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func newExplainCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "explain CODE",
		Short:   "Explain a code in English and Chinese, with the fix",
		Example: "  vpncertlint explain VPN.0072\n  vpncertlint explain vcl.0701",
		Args:    cobra.ExactArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			var ids []string
			for _, c := range lint.All() {
				ids = append(ids, c.ID)
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			c, ok := lookupCode(args[0])
			if !ok {
				return usageErr("unknown code %q (see 'vpncertlint codes --all')", args[0])
			}
			_, err := fmt.Fprint(cmd.OutOrStdout(), explanation(c))
			return err
		},
	}
}

// explanation is explain's text about c.
func explanation(c *lint.Code) string {
	var w strings.Builder
	kind := "vpncertlint's own advisory; the cloud does not raise it"
	switch c.Source {
	case lint.SourceCloud:
		kind = fmt.Sprintf("Huawei Cloud VPN API error, HTTP %d: the cloud rejects the request", c.HTTPStatus)
	case lint.SourceZlint:
		kind = "zlint advisory; the cloud does not raise it"
	}
	fmt.Fprintf(&w, "%s  %s (%s)\n\n", c.ID, c.Severity, kind)
	fmt.Fprintf(&w, "Message:      %s\n", c.Message)
	if c.Related != "" {
		fmt.Fprintf(&w, "Related:      %s\n", c.Related)
	}
	raised := "no (listed for reference)"
	if RaisedCodes()[c.ID] || slices.Contains(zlintDefaultCodes(), c.ID) {
		raised = "yes"
	} else if c.Source == lint.SourceZlint {
		raised = "when selected (--zlint-include, or the zlint section of " + config.FileName + ")"
	}
	fmt.Fprintf(&w, "Raised by vpncertlint: %s\n\n", raised)
	fmt.Fprintf(&w, "English\n  What:  %s\n  Fix:   %s\n\n", c.DescEN, c.RemedyEN)
	fmt.Fprintf(&w, "中文\n  说明:  %s\n  处理措施: %s\n", c.DescZH, c.RemedyZH)
	return w.String()
}

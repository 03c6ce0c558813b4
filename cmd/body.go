package cmd

import (
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/vpncertlint/vpncertlint/internal/bodycheck"
)

// bodyFlags are check's flags for Create/Update VPN Server bodies (JSON or YAML).
type bodyFlags struct {
	mode           string
	maxConnections int
	vpcRoutes      []string
	tfDir          string
}

func (b *bodyFlags) register(fl *pflag.FlagSet) {
	fl.StringVar(&b.mode, "body", bodycheck.ModeAuto, "server bodies are: auto (Create when tunnel_protocol is present, else Update), create or update")
	fl.IntVar(&b.maxConnections, "max-connections", 0, "the gateway's maximum connections (1–500): the client CIDR block must hold more than 4 addresses per connection (VPN.1108)")
	fl.StringVar(&b.tfDir, "tf-dir", "", "the Terraform configuration directory of the plan JSON checked: findings get its .tf file and line")
	fl.StringArrayVar(&b.vpcRoutes, "vpc-route", nil, "a route of the VPC (IPv4 CIDR) the client CIDR block must not overlap (VPN.1109; repeatable)")
}

func (b *bodyFlags) validate(cmd *cobra.Command) error {
	switch b.mode {
	case bodycheck.ModeAuto, bodycheck.ModeCreate, bodycheck.ModeUpdate:
	default:
		return usageErr("unknown --body %q (want %s)", b.mode, strings.Join(bodycheck.Modes, ", "))
	}
	if cmd.Flags().Changed("max-connections") && !bodycheck.ValidConnections(b.maxConnections) {
		return usageErr("--max-connections %d is out of range: a gateway has %d to %d connections", b.maxConnections, bodycheck.MinConnections, bodycheck.MaxConnections)
	}
	for _, r := range b.vpcRoutes {
		if _, err := bodycheck.ParseRoute(r); err != nil {
			return usageErr("%v", err)
		}
	}
	if b.tfDir != "" {
		if st, err := os.Stat(b.tfDir); err != nil || !st.IsDir() {
			return usageErr("--tf-dir %s is not a directory", b.tfDir)
		}
	}
	return nil
}

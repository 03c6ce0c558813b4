// Package cmd is vpncertlint's command line.
package cmd

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Version is set at build time with -ldflags "-X github.com/vpncertlint/vpncertlint/cmd.Version=…";
// otherwise the module version recorded by `go install` is used.
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// exitError carries an exit code out of a command.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// NewRoot builds the root command.
func NewRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "vpncertlint",
		Short: "Check certificates and CRLs before you upload them to Huawei Cloud's P2C VPN",
		Long: `vpncertlint tells you, before you upload, whether Huawei Cloud's point-to-site VPN
(the "VPN server") will reject your certificates or CRLs, and with which of the cloud's own
error codes (VPN.0070–VPN.0080, VPN.1111). Advice that the cloud would not enforce is
reported as warnings or notices with codes of vpncertlint's own (VCL.xxxx) or zlint's
(zlint.<lint>). A few VCL codes are errors although the cloud may accept the upload: broken
keys (VCL.0704–0708) and what Cloud Certificate Manager refuses (VCL.2001–2007); they fail
the run like the cloud's codes.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above --fail-on;
2 usage error or an input that could not be read (every other input is still reported).`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newCheckCmd(), newCodesCmd(), newVersionCmd())
	root.AddCommand(newInitCmd(), newConfigCmd(), newExplainCmd())
	return root
}

// Execute runs the command line with args and returns the process exit code.
func Execute(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := NewRoot()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return 0
	}
	if e, ok := err.(exitError); ok {
		return e.code
	}
	fmt.Fprintf(stderr, "vpncertlint: %v\n", err)
	fmt.Fprintln(stderr, "Run 'vpncertlint --help' for usage.")
	return 2
}

// Main is the program's entry point.
func Main() {
	os.Exit(Execute(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print vpncertlint's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(cmd.OutOrStdout(), "vpncertlint %s\n", version())
			return nil
		},
	}
}

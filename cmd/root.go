// Package cmd is vpncertlint's command line.
package cmd

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Version is stamped by the release build (.goreleaser.yaml) with
// -ldflags "-X github.com/vpncertlint/vpncertlint/cmd.Version=vX.Y.Z"; empty otherwise, and
// then the version the Go toolchain recorded is used (see versionOf).
var Version = ""

// version is vpncertlint's version as reports show it (JSON tool.version, SARIF, JUnit).
func version() string {
	v, _ := versionOf(Version, readBuildInfo())
	return v
}

// versionLine is what `vpncertlint version` prints: the version and, when the build recorded
// it, the commit it was built from.
func versionLine() string {
	v, rev := versionOf(Version, readBuildInfo())
	if rev != "" {
		return "vpncertlint " + v + " (commit " + rev + ")"
	}
	return "vpncertlint " + v
}

func readBuildInfo() *debug.BuildInfo {
	if bi, ok := debug.ReadBuildInfo(); ok {
		return bi
	}
	return nil
}

// versionOf returns the version: the stamped one if any, else the main module's version
// (v1.2.3 after `go install …@v1.2.3`; a pseudo-version such as
// v0.0.0-20260601000000-0123456789ab+dirty after `go build` or `go install .` in a git
// clone; "(devel)" when the toolchain recorded none, as with -buildvcs=false). rev is the
// VCS revision (12 hex digits, "+modified" for a dirty work tree) when the build recorded
// one that the version does not already name.
func versionOf(stamped string, bi *debug.BuildInfo) (v, rev string) {
	v = stamped
	if v == "" && bi != nil {
		v = bi.Main.Version
	}
	if v == "" {
		v = "(devel)"
	}
	if bi == nil {
		return v, ""
	}
	var modified bool
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev == "" || strings.Contains(v, rev) {
		return v, ""
	}
	if modified {
		rev += "+modified"
	}
	return v, rev
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
			fmt.Fprintln(cmd.OutOrStdout(), versionLine())
			return nil
		},
	}
}

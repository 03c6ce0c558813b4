// Package cmd is vpncertlint's command line.
package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/vpncertlint/vpncertlint/internal/bodycheck"
	"github.com/vpncertlint/vpncertlint/internal/engine"
	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/profhook"
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

// writeError is a report that could not be written (a full disk, a closed pipe…): exit 2,
// said on standard error without the usage hint.
type writeError struct{ err error }

func (e writeError) Error() string { return e.err.Error() }

// plainError is a message of the tool's own, with no input's name in it: printed as it is,
// on several lines if it has them (other errors are escaped with output.TextSafe).
type plainError string

func (e plainError) Error() string { return string(e) }

// NewRoot builds the root command.
func NewRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "vpncertlint",
		Short: "Check certificates and CRLs before you upload them to Huawei Cloud's P2C VPN",
		Long: `vpncertlint tells you, before you upload, whether Huawei Cloud's point-to-site VPN
(the "VPN server") will reject your client CA certificates, server certificate, CRLs or
Create/Update VPN Server request body, and with which of the cloud's own error codes
(VPN.0070–VPN.0080 for certificates and CRLs, VPN.0001 and VPN.11xx for the server).
Advice that the cloud would not enforce is reported as warnings or notices with codes of
vpncertlint's own (VCL.xxxx) or zlint's (zlint.<lint>). A few VCL codes are errors although
the cloud may accept the upload: broken keys (VCL.0704–0708) and what Cloud Certificate
Manager refuses (VCL.2001–2007); they fail the run like the cloud's codes.

'vpncertlint check' reads:
  certificates and CRLs   PEM or DER files; a directory is scanned recursively for
                          ` + scannedPatterns(engine.ScanExtensions) + `
                          (PKCS#12 and PKCS#7 files are answered with the conversion command)
  server request bodies   JSON or YAML whose top level is vpn_server (scanned in
                          ` + scannedPatterns(bodycheck.Extensions) + `): fields, CIDR blocks, client CAs
  standard input          -
and with --key/--chain the server certificate as imported into Cloud Certificate Manager.
With no PATH it checks the files a project configuration (.vpncertlint.yaml) names: see
'vpncertlint init' and 'vpncertlint check --help'.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above --fail-on;
2 usage error or an input that could not be read (every other input is still reported).`,
		Example: `  vpncertlint check ca.pem certs/                        # files and folders
  vpncertlint check --ca ca.pem --role crl revoked.crl   # a CRL against its client CA
  vpncertlint check --max-connections 10 vpn-server.json # a Create VPN Server body
  vpncertlint check --role server server.pem --key server.key --chain chain.pem
  vpncertlint init && vpncertlint check                  # gate a repository
  vpncertlint explain VPN.0072                           # a code in full, with the fix`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newCheckCmd(), newCodesCmd(), newVersionCmd())
	root.AddCommand(newInitCmd(), newConfigCmd(), newExplainCmd())
	root.AddCommand(newInventoryCmd())
	return root
}

// strictCompletion makes `completion SHELL` for a shell cobra has no script for a usage
// error (exit 2) rather than the help and exit 0 of cobra's default command. Called once the
// output is set: cobra's scripts are written to the output of that time.
func strictCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	comp, _, err := root.Find([]string{"completion"})
	if err != nil || comp == root {
		return
	}
	var shells []string
	for _, c := range comp.Commands() {
		shells = append(shells, c.Name())
	}
	comp.Args = cobra.ArbitraryArgs
	comp.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return cmd.Help()
		}
		return usageErr("unsupported shell %q for completion (want %s)", args[0], strings.Join(shells, ", "))
	}
}

// Execute runs the command line with args and returns the process exit code. It reads none
// of the environment variables that change a report (LANG, LC_ALL and LC_MESSAGES, the CI's
// GITHUB_* and CI_* variables: see getenv), so that a report depends on its arguments alone
// whoever runs it (the tests); ExecuteEnv reads them with getenv.
func Execute(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return ExecuteEnv(args, func(string) string { return "" }, stdin, stdout, stderr)
}

// envKey holds, in a command's context, the getenv of ExecuteEnv.
type envKey struct{}

// ExecuteEnv is Execute with the environment variables read through getenv (os.Getenv for
// the process).
func ExecuteEnv(args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	return execute(context.WithValue(context.Background(), envKey{}, getenv), args, stdin, stdout, stderr)
}

// spillKey holds, in a command's context, the SpillAfter of ExecuteSpilling.
type spillKey struct{}

// ExecuteSpilling is Execute with the run's report moving its findings and file results to
// its temporary file past spillAfter of them (report.Options.SpillAfter), so that tests can
// compare a spilled report's output with one kept in memory.
func ExecuteSpilling(spillAfter int, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx := context.WithValue(context.Background(), envKey{}, func(string) string { return "" })
	return execute(context.WithValue(ctx, spillKey{}, spillAfter), args, stdin, stdout, stderr)
}

// spillAfter is the report's SpillAfter of ExecuteSpilling (0, the default, otherwise).
func spillAfter(cmd *cobra.Command) int {
	if ctx := cmd.Context(); ctx != nil {
		if n, ok := ctx.Value(spillKey{}).(int); ok {
			return n
		}
	}
	return 0
}

func execute(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := NewRoot()
	root.SetContext(ctx)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	strictCompletion(root)
	used, err := root.ExecuteC()
	if err == nil {
		return 0
	}
	if e, ok := err.(exitError); ok {
		return e.code
	}
	var we writeError
	if errors.As(err, &we) {
		warnf(stderr, "vpncertlint: the report could not be written: %s\n", output.TextSafe(we.Error()))
		return 2
	}
	var pe plainError
	if errors.As(err, &pe) {
		warnf(stderr, "vpncertlint: %s\n", pe)
	} else {
		// Errors quote paths and arguments: a name must not print lines or escape sequences.
		warnf(stderr, "vpncertlint: %s\n", output.TextSafe(err.Error()))
	}
	help := "vpncertlint"
	if used != nil {
		help = used.CommandPath()
	}
	warnf(stderr, "Run '%s --help' for usage.\n", help)
	return 2
}

// warnf writes a diagnostic to w, standard error. A failed write there is not reported: there
// is nowhere else to report it, and the exit code still says the run failed.
func warnf(w io.Writer, format string, a ...any) {
	_, _ = fmt.Fprintf(w, format, a...)
}

// Main is the program's entry point.
func Main() {
	os.Exit(Process())
}

// Process runs the process's command line (os.Args, the standard streams) and returns its
// exit code.
func Process() int {
	// A closed pipe on standard output (vpncertlint check | head -1) is then a failed write
	// (EPIPE), said on standard error with exit 2, rather than a silent death by SIGPIPE.
	signal.Ignore(syscall.SIGPIPE)
	defer profhook.Start(os.Getenv)()
	return ExecuteEnv(os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
}

// getenv reads an environment variable the way cmd's command runs: through ExecuteEnv's
// getenv ("" for every variable under Execute).
func getenv(cmd *cobra.Command, key string) string {
	if ctx := cmd.Context(); ctx != nil {
		if getenv, ok := ctx.Value(envKey{}).(func(string) string); ok {
			return getenv(key)
		}
	}
	return ""
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print vpncertlint's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintln(cmd.OutOrStdout(), versionLine())
			return err
		},
	}
}

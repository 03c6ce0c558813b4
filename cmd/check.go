package cmd

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vpncertlint/vpncertlint/internal/bodycheck"
	"github.com/vpncertlint/vpncertlint/internal/config"
	"github.com/vpncertlint/vpncertlint/internal/engine"
	"github.com/vpncertlint/vpncertlint/internal/gctune"
	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
	"golang.org/x/term"
)

type checkFlags struct {
	role, now, format, failOn, lang, color string
	markdownLinkBase                       string
	ca                                     []string
	verbose, allowEmpty                    bool
	maxFileSize                            int64
	body                                   bodyFlags
	extra                                  extraFlags
	gate                                   gateFlags
}

func newCheckCmd() *cobra.Command { return newCheckCmdWith(&checkFlags{}) }

// newCheckCmdWith is check with its flags' variables in f.
func newCheckCmdWith(f *checkFlags) *cobra.Command {
	c := &cobra.Command{
		Use:   "check [flags] [PATH...]",
		Short: "Check certificates, CRLs and VPN server bodies (directories are scanned recursively; - is stdin)",
		Long: `Check PEM certificates and CRLs as Huawei Cloud's P2C VPN would judge them on upload.

PATH may be a file (always read, whatever its name), a directory or - for standard input
(named stdin in the report). A directory is scanned recursively for
  ` + scannedPatterns(engine.ScanExtensions) + `
(PKCS#12 and PKCS#7 files are answered with the conversion command to PEM) and for server
bodies in ` + scannedPatterns(bodycheck.Extensions) + `; hidden entries are skipped. A directory PATH with no
file to check is a usage error (exit 2) unless --allow-empty.

Roles (--role):
  auto    a CERTIFICATE with basicConstraints cA=TRUE is a client CA upload, any other
          certificate a server certificate, an X509 CRL block a CRL (default)
  ca      every certificate is a client CA upload (a leaf gets VPN.0076)
  server  every certificate is a server certificate (no CA checks)
  crl     every input must be a CRL (a certificate or anything else there is VPN.0078)

Client CAs (from --ca, and those found in the run) form the upload set: duplicates
(VPN.0077), the 10-CA limit (VPN.1111) and CRL issuers (VPN.0079) are judged against it.

Server bodies: a JSON or YAML file (or stdin) whose top level is vpn_server is a Create/Update
VPN Server request body, whatever its name or --role: its fields, CIDR blocks and client CA
contents are checked as the cloud would (VPN.0001, VPN.0070-0077, VPN.1100-1119). Directory
scans skip the JSON and YAML files that are not bodies. --body says
whether bodies are Create or Update requests (auto: Create when tunnel_protocol is present).

zlint advisories (zlint.<lint>, warnings and notices) run on every parsed certificate and CRL.
The default profile, --zlint-profile private, runs the RFC5280 and Community lints that matter
to a private VPN PKI, plus two on server certificates that OpenVPN-style clients depend on (an
extendedKeyUsage and a keyUsage extension); --zlint-profile webpki runs RFC5280 and Community,
plus the CA/Browser Forum Baseline Requirements (CABF_BR) on server certificates. Other sources
(CABF_EV, CABF_SMIME_BR, CABF_CS_BR, Mozilla, Apple, Chrome, ETSI_ESI …) only run when named
with --zlint-include-sources; --no-zlint turns the advisories off.

--key and --chain check the server certificate as imported into Cloud Certificate Manager
(role server): the key (unencrypted PEM, matching the certificate), the documented size
limits, the chain's order and completeness (--ca adds trust anchors), EKU and key usage.

With a project configuration (.vpncertlint.yaml in the working directory or its parents, or
--config), roles, upload sets, policy and waivers come from it, and with no PATH every file
it names is checked (see 'vpncertlint init').`,
		Example: `  vpncertlint check ca.pem
  vpncertlint check --ca ca.pem --role crl revoked.crl
  vpncertlint check --now 2026-01-01T00:00:00Z --format json certs/
  cat ca.pem | vpncertlint check -
  vpncertlint check --max-connections 10 --vpc-route 10.0.0.0/16 vpn-server.json
  vpncertlint check --role server server.pem --key server.key --chain chain.pem
  vpncertlint check                      # the repository, as .vpncertlint.yaml describes it
  vpncertlint check --format sarif --output results.sarif`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, f, args)
		},
	}
	registerSettings(c.Flags(), f)
	c.MarkFlagsMutuallyExclusive("config", "no-config")
	registerCompletions(c)
	return c
}

func usageErr(format string, a ...interface{}) error {
	return fmt.Errorf(format, a...)
}

func runCheck(cmd *cobra.Command, f *checkFlags, args []string) error {
	d, err := validateSettings(cmd, f)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(&f.gate)
	if err != nil {
		return err
	}
	opts, gate, args, err := resolveOptions(cmd, f, cfg, d.now, args)
	if err != nil {
		return err
	}
	// The text format does not print the objects' identities; a configuration's waivers
	// match on them.
	opts.Lean = f.format == "text" && gate.cfg == nil
	if f.format == "html" {
		gate.inv = attachInventory(&opts, htmlRows) // the HTML report's expiry timeline
	}
	defer gctune.Start()() // fewer garbage collections: see internal/gctune
	rep, err := engine.Run(args, opts)
	var empty *engine.EmptyPathError
	if errors.As(err, &empty) {
		return usageErr("no file to check in %s (a directory is scanned for %s, and server bodies in %s; hidden entries are skipped): name the files, or use --allow-empty to let it pass",
			strings.Join(empty.Paths, ", "), scannedPatterns(engine.ScanExtensions), scannedPatterns(bodycheck.Extensions))
	}
	if err != nil {
		return err
	}
	defer rep.Close()
	if err := gate.apply(rep, d.now); err != nil {
		return err
	}
	return writeReport(cmd, f, d, gate, rep)
}

// resolveOptions resolves the validated flags and the configuration cfg (nil: none), once,
// into the engine's options; it returns them with the run's gate and the paths to check.
func resolveOptions(cmd *cobra.Command, f *checkFlags, cfg *config.Config, now time.Time, args []string) (engine.Options, *gate, []string, error) {
	opts := engine.Options{
		Role:        lint.Role(f.role),
		CAFiles:     f.ca,
		Now:         now,
		MaxFileSize: f.maxFileSize,
		Stdin:       cmd.InOrStdin(),
		Tool:        report.Tool{Name: "vpncertlint", Version: version()},
		Body:        f.body.mode,
	}
	// Every option the flags and the configuration share is resolved here, once (settings).
	resolveSettings(cmd.Flags(), cfg, f, &opts)
	opts.MaxConnections, opts.VPCRoutes, opts.TFDir = f.body.maxConnections, f.body.vpcRoutes, f.body.tfDir
	gate, args, err := prepareGate(cmd, cfg, &opts, args)
	if err != nil {
		return opts, nil, nil, err
	}
	gate.out = f.gate.output
	if err := f.extra.apply(&opts, f.maxFileSize); err != nil {
		if gate.cfg != nil {
			return opts, nil, nil, fmt.Errorf("%s (from the command line or the zlint section of %s)", err, gate.name)
		}
		return opts, nil, nil, err
	}
	opts.AllowEmpty = f.allowEmpty
	opts.Report.SpillAfter = spillAfter(cmd)
	return opts, gate, args, nil
}

// writeReport writes the report of the run and returns the run's exit status: an exitError
// when a finding is at or above --fail-on or an input could not be read.
func writeReport(cmd *cobra.Command, f *checkFlags, d derived, gate *gate, rep *report.Report) error {
	fo := output.Options{Lang: f.lang, Color: d.useColor, Verbose: f.verbose, FailOn: d.failOn, Root: gate.root,
		Width: terminalWidth(cmd), LinkBase: f.markdownLinkBase, LinkRoot: repoRoot()}
	if gate.inv != nil {
		fo.Objects = gate.inv
	}
	if !cmd.Flags().Changed("markdown-link-base") {
		fo.LinkBase = ciLinkBase(func(k string) string { return getenv(cmd, k) })
	}
	if err := gate.write(cmd, f.format, rep, fo); err != nil {
		return err
	}
	if f.format != "text" && f.gate.output == "" {
		// Machine formats go to stdout; I/O errors are also said on stderr for people.
		for _, fr := range rep.ErrorFiles() {
			warnf(cmd.ErrOrStderr(), "vpncertlint: %s: %s\n", output.TextSafe(fr.File), output.TextSafe(fr.Error))
		}
	}
	if code := rep.ExitCode(d.failOn); code != 0 {
		return exitError{code}
	}
	return nil
}

// scannedPatterns is exts as *.pem, *.crt, ….
func scannedPatterns(exts []string) string {
	var out []string
	for _, e := range exts {
		out = append(out, "*"+e)
	}
	return strings.Join(out, ", ")
}

// envLang is the report's language when --lang is not given: zh when the locale of messages
// is Chinese (the first of LC_ALL, LC_MESSAGES and LANG that is set, as POSIX orders them,
// starts with zh), else en.
func envLang(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(v, "zh") {
				return "zh"
			}
			return "en"
		}
	}
	return "en"
}

// ciLinkBase is where the markdown report's file links point when --markdown-link-base is not
// given: the commit's files on GitHub (GITHUB_SERVER_URL/GITHUB_REPOSITORY/blob/GITHUB_SHA/,
// set in GitHub Actions) or GitLab (CI_PROJECT_URL/-/blob/CI_COMMIT_SHA/, set in GitLab CI);
// "" (relative links) elsewhere.
func ciLinkBase(getenv func(string) string) string {
	if server, repo, sha := getenv("GITHUB_SERVER_URL"), getenv("GITHUB_REPOSITORY"), getenv("GITHUB_SHA"); server != "" && repo != "" && sha != "" {
		return strings.TrimSuffix(server, "/") + "/" + repo + "/blob/" + sha + "/"
	}
	if project, sha := getenv("CI_PROJECT_URL"), getenv("CI_COMMIT_SHA"); project != "" && sha != "" {
		return strings.TrimSuffix(project, "/") + "/-/blob/" + sha + "/"
	}
	return ""
}

// terminalWidth is standard output's width when it is a terminal, else 0 (the text format's
// default, text.DefaultWidth).
func terminalWidth(cmd *cobra.Command) int {
	out, ok := cmd.OutOrStdout().(*os.File)
	if !ok || !term.IsTerminal(int(out.Fd())) {
		return 0
	}
	w, _, err := term.GetSize(int(out.Fd()))
	if err != nil || w <= 0 {
		return 0
	}
	return max(w, 20)
}

package cmd

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/fatih/color"
	"github.com/spf13/cobra"
	"github.com/vpncertlint/vpncertlint/internal/bodycheck"
	"github.com/vpncertlint/vpncertlint/internal/engine"
	"github.com/vpncertlint/vpncertlint/internal/gctune"
	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/output/formats"
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

func newCheckCmd() *cobra.Command {
	f := &checkFlags{}
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
	fl := c.Flags()
	fl.StringVar(&f.role, "role", string(lint.RoleAuto), "what certificates are uploaded as: auto, ca, server or crl")
	fl.StringArrayVar(&f.ca, "ca", nil, "client CA certificate file the CRLs must be issued by (repeatable)")
	fl.StringVar(&f.now, "now", "", "the clock, RFC 3339 (default: the current time); makes CI reproducible")
	fl.StringVar(&f.format, "format", "text", "output format: "+strings.Join(formats.Names(), ", "))
	fl.StringVar(&f.failOn, "fail-on", "error", "exit 1 when a finding is at or above: error, warning, notice or none")
	fl.StringVar(&f.lang, "lang", "", "language of the text and markdown reports: en or zh (default: zh when LC_ALL, LC_MESSAGES or LANG starts with zh, else en)")
	fl.StringVar(&f.color, "color", "auto", "colour in text output: auto (only on a terminal, not with NO_COLOR), always or never")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "text format: show each finding's description and remedy")
	fl.StringVar(&f.markdownLinkBase, "markdown-link-base", "", "markdown format: the URL file links start with (default: the GitHub or GitLab CI commit's blob URL, else relative links)")
	fl.BoolVar(&f.allowEmpty, "allow-empty", false, "let a directory PATH with no file to check pass (by default it is a usage error, exit 2)")
	fl.Int64Var(&f.maxFileSize, "max-file-size", engine.DefaultMaxFileSize, "largest input read, in bytes; larger ones are an I/O error")
	f.body.register(fl)
	f.extra.add(fl)
	addGateFlags(c, &f.gate)
	return c
}

func usageErr(format string, a ...interface{}) error {
	return fmt.Errorf(format, a...)
}

func runCheck(cmd *cobra.Command, f *checkFlags, args []string) error {
	// Enumerated values are taken in any case (--role CA, --format SARIF).
	for _, v := range []*string{&f.role, &f.format, &f.failOn, &f.lang, &f.color, &f.body.mode} {
		*v = strings.ToLower(*v)
	}
	failOn, err := lint.ParseFailOn(f.failOn)
	if err != nil {
		return err
	}
	if !cmd.Flags().Changed("lang") {
		f.lang = envLang(func(k string) string { return getenv(cmd, k) })
	}
	if f.lang != "en" && f.lang != "zh" {
		return usageErr("unknown --lang %q (want en or zh)", f.lang)
	}
	now := time.Now()
	if f.now != "" {
		now, err = time.Parse(time.RFC3339, f.now)
		if err != nil {
			return usageErr("--now %q is not an RFC 3339 time such as 2026-01-02T15:04:05Z", f.now)
		}
	}
	if !slices.Contains(formats.Names(), f.format) {
		return usageErr("unknown --format %q (want %s)", f.format, strings.Join(formats.Names(), ", "))
	}
	useColor := false
	switch f.color {
	case "auto":
		useColor = !color.NoColor && cmd.OutOrStdout() == os.Stdout
	case "always":
		useColor = true
	case "never":
	default:
		return usageErr("unknown --color %q (want auto, always or never)", f.color)
	}
	if f.maxFileSize <= 0 {
		return usageErr("--max-file-size must be positive")
	}
	if err := f.body.validate(cmd); err != nil {
		return err
	}
	if err := f.gate.checkOutput(); err != nil {
		return err
	}
	cfg, err := loadConfig(&f.gate)
	if err != nil {
		return err
	}
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
		return err
	}
	gate.out = f.gate.output
	if err := f.extra.apply(&opts, f.maxFileSize); err != nil {
		if gate.cfg != nil {
			return fmt.Errorf("%s (from the command line or the zlint section of %s)", err, gate.name)
		}
		return err
	}
	if f.format == "html" {
		gate.inv = attachInventory(&opts) // the HTML report's expiry timeline
	}
	// The text format does not print the objects' identities; a configuration's waivers
	// match on them.
	opts.Lean = f.format == "text" && gate.cfg == nil
	defer gctune.Start()() // fewer garbage collections: see internal/gctune
	opts.AllowEmpty = f.allowEmpty
	opts.Report.SpillAfter = spillAfter(cmd)
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
	if err := gate.apply(rep, now); err != nil {
		return err
	}
	fo := output.Options{Lang: f.lang, Color: useColor, Verbose: f.verbose, FailOn: failOn, Root: gate.root,
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
			fmt.Fprintf(cmd.ErrOrStderr(), "vpncertlint: %s: %s\n", output.TextSafe(fr.File), output.TextSafe(fr.Error))
		}
	}
	if code := rep.ExitCode(failOn); code != 0 {
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

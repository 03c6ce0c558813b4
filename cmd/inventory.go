package cmd

import (
	"bufio"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/crlcheck"
	"github.com/vpncertlint/vpncertlint/internal/engine"
	"github.com/vpncertlint/vpncertlint/internal/gctune"
	"github.com/vpncertlint/vpncertlint/internal/inventory"
	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/output/html"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

// inventoryFormats are inventory's --format values.
var inventoryFormats = append(append([]string{}, inventory.Formats...), "html")

type inventoryFlags struct {
	role, now, format, failOn, within string
	ca                                []string
	noZlint                           bool
	maxFileSize                       int64
	gate                              gateFlags
}

func newInventoryCmd() *cobra.Command {
	f := &inventoryFlags{}
	c := &cobra.Command{
		Use:   "inventory [flags] [PATH...]",
		Short: "List every certificate and CRL with its dates, key and worst finding, soonest expiry first",
		Long: `List the certificates and CRLs of the inputs (read and checked as 'vpncertlint check'
reads them; with no PATH, the files of the project configuration): one row per object with
its file and line, role (ca, server, crl), upload sets, subject, issuer, key, signature
algorithm, notBefore and notAfter (a CRL's thisUpdate and nextUpdate), days left until
notAfter (rounded down: 0 on its last day, negative once expired), status (expired, soon,
ok, not-yet-valid, unknown), SHA-256 and the code of its worst finding. Rows are sorted by
days left (rows without an end date first), then file and line.

Status: expired once notAfter (nextUpdate) is before now; soon when it is within the
policy's warning days (expiry_warning_days, 30, for certificates; crl_next_update_warning_days,
7, for CRLs); not-yet-valid while notBefore (thisUpdate) is after now; unknown when the end
date could not be read or a CRL has no nextUpdate.

--expires-within D keeps the rows whose notAfter (nextUpdate) is before now + D (expired
rows included) and those without a readable end date. D is days (60d), weeks (8w) or a Go
duration (36h).

Exit codes: 0 by default, whatever the rows; with --fail-on any, 1 when at least one row
remains (after --expires-within: a scheduled CI check that fails before anything expires);
with --fail-on error, warning or notice, 1 when a remaining row's worst finding is at or
above that severity; 2 on a usage error or an input that could not be read.`,
		Example: `  vpncertlint inventory                                   # the repository's PKI
  vpncertlint inventory --format csv certs/ > pki.csv
  vpncertlint inventory --expires-within 60d --fail-on any  # fail 60 days ahead
  vpncertlint inventory --format html > pki.html            # with the expiry timeline`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInventory(cmd, f, args)
		},
	}
	fl := c.Flags()
	fl.StringVar(&f.role, "role", string(lint.RoleAuto), "what certificates are uploaded as: auto, ca, server or crl (as for check)")
	fl.StringArrayVar(&f.ca, "ca", nil, "client CA certificate file, listed and used as CRL issuer (repeatable)")
	fl.StringVar(&f.now, "now", "", "the clock, RFC 3339 (default: the current time)")
	fl.StringVar(&f.format, "format", "text", "output format: "+strings.Join(inventoryFormats, ", "))
	fl.StringVar(&f.within, "expires-within", "", "list only what ends before now plus this (60d, 8w, 36h), expired included")
	fl.StringVar(&f.failOn, "fail-on", "none", "exit 1 when rows remain: any (any row), error, warning or notice (a row whose worst finding is at or above), or none")
	fl.BoolVar(&f.noZlint, "no-zlint", false, "do not run the zlint advisories (their codes then never are a row's worst)")
	fl.Int64Var(&f.maxFileSize, "max-file-size", engine.DefaultMaxFileSize, "largest input read, in bytes; larger ones are an I/O error")
	fl.StringVar(&f.gate.config, "config", "", "project configuration file (default: .vpncertlint.yaml in the working directory or its parents)")
	fl.BoolVar(&f.gate.noConfig, "no-config", false, "ignore any project configuration")
	c.MarkFlagsMutuallyExclusive("config", "no-config")
	fixed := func(vals ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return vals, cobra.ShellCompDirectiveNoFileComp
		}
	}
	_ = c.RegisterFlagCompletionFunc("format", fixed(inventoryFormats...))
	_ = c.RegisterFlagCompletionFunc("fail-on", fixed("none", "any", "error", "warning", "notice"))
	var roles []string
	for _, r := range engine.Roles() {
		roles = append(roles, string(r))
	}
	_ = c.RegisterFlagCompletionFunc("role", fixed(roles...))
	return c
}

func runInventory(cmd *cobra.Command, f *inventoryFlags, args []string) error {
	for _, v := range []*string{&f.role, &f.format, &f.failOn} {
		*v = strings.ToLower(*v)
	}
	failAny, failOn, now, within, err := f.parse()
	if err != nil {
		return err
	}
	cfg, err := loadConfig(&f.gate)
	if err != nil {
		return err
	}
	opts := engine.Options{
		Role: lint.Role(f.role), CAFiles: f.ca, Now: now, MaxFileSize: f.maxFileSize, Stdin: cmd.InOrStdin(),
		Tool: report.Tool{Name: "vpncertlint", Version: version()}, AllowEmpty: true,
	}
	// The settings check shares with the configuration (roles, zlint); those of the
	// gateway's bodies do not apply to the inventory.
	cf := &checkFlags{extra: extraFlags{noZlint: f.noZlint}}
	resolveSettings(cmd.Flags(), cfg, cf, &opts)
	gate, args, err := prepareGate(cmd, cfg, &opts, args)
	if err != nil {
		return err
	}
	if err := cf.extra.apply(&opts, f.maxFileSize); err != nil {
		return err
	}
	col := attachInventory(&opts, 0)
	defer gctune.Start()()
	rep, err := engine.Run(args, opts)
	if err != nil {
		return err
	}
	defer rep.Close()
	if err := gate.apply(rep, now); err != nil {
		return err
	}
	rows, err := col.Rows(rep)
	if err != nil {
		return err
	}
	if f.within != "" {
		rows = inventory.ExpiringWithin(rows, now, within)
	}
	if err := f.write(cmd, rows, rep, opts.Tool, now); err != nil {
		return err
	}
	for _, fr := range rep.ErrorFiles() {
		_, _ = fmt.Fprintf(cmd.ErrOrStderr(), "vpncertlint: %s: %s\n", output.TextSafe(fr.File), output.TextSafe(fr.Error))
	}
	if rep.IOErrors() > 0 {
		return exitError{report.ExitUsage}
	}
	if inventoryFails(rows, failAny, failOn) {
		return exitError{report.ExitFindings}
	}
	return nil
}

// parse validates the flags: --fail-on (any, or a severity), --now, --expires-within.
func (f *inventoryFlags) parse() (failAny bool, failOn lint.FailOn, now time.Time, within time.Duration, err error) {
	if !slices.Contains(inventoryFormats, f.format) {
		return false, 0, now, 0, usageErr("unknown --format %q (want %s)", f.format, strings.Join(inventoryFormats, ", "))
	}
	failAny = f.failOn == "any"
	if !failAny {
		if failOn, err = lint.ParseFailOn(f.failOn); err != nil {
			return false, 0, now, 0, usageErr("unknown --fail-on %q (want any, error, warning, notice or none)", f.failOn)
		}
	}
	now = time.Now()
	if f.now != "" {
		if now, err = time.Parse(time.RFC3339, f.now); err != nil {
			return false, 0, now, 0, usageErr("--now %q is not an RFC 3339 time such as 2026-01-02T15:04:05Z", f.now)
		}
	}
	if f.within != "" {
		if within, err = inventory.ParseWithin(f.within); err != nil {
			return false, 0, now, 0, err
		}
	}
	if f.maxFileSize <= 0 {
		return false, 0, now, 0, usageErr("--max-file-size must be positive")
	}
	return failAny, failOn, now, within, nil
}

// write prints the rows in --format.
func (f *inventoryFlags) write(cmd *cobra.Command, rows []inventory.Row, rep *report.Report, tool report.Tool, now time.Time) error {
	out := bufio.NewWriterSize(cmd.OutOrStdout(), 64<<10)
	var err error
	if f.format == "html" {
		err = html.WritePage(out, html.Data{Title: "vpncertlint inventory", Tool: tool, Now: now,
			Rows: rows, ExpiresWithin: f.within})
	} else {
		err = inventory.Write(out, f.format, rows, inventory.Meta{Tool: tool, Now: rep.Now(), ExpiresWithin: f.within})
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		return writeError{err}
	}
	return nil
}

// inventoryFails says whether the rows fail the run: any row with --fail-on any, else a row
// whose worst finding is at or above --fail-on.
func inventoryFails(rows []inventory.Row, failAny bool, failOn lint.FailOn) bool {
	for _, r := range rows {
		if failAny {
			return true
		}
		if r.WorstSeverity != "" {
			if s, err := lint.ParseSeverity(r.WorstSeverity); err == nil && failOn.Fails(s) {
				return true
			}
		}
	}
	return false
}

// attachInventory makes o's run hand its certificates and CRLs (not those of the context CAs)
// to a new inventory.Collector, and returns it. Call it once o's clock, policies and SetsFor
// are set; it turns o.Lean off (the rows need the objects' identities).
func attachInventory(o *engine.Options, limit int) *inventory.Collector {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	cfg := inventory.Config{Now: o.Now, SetsFor: o.SetsFor, Limit: limit,
		CertWarnDays: certcheck.DefaultExpiryWarnDays, CRLWarnDays: crlcheck.DefaultNextUpdateWarnDays}
	if o.CertPolicy != nil {
		cfg.CertWarnDays = o.CertPolicy.ExpiryWarnDays
	}
	if o.CRLPolicy != nil {
		cfg.CRLWarnDays = o.CRLPolicy.NextUpdateWarnDays
	}
	col := inventory.NewCollector(cfg)
	o.Lean = false
	o.Observe = func(ob engine.Observed) {
		col.Add(inventory.Object{File: ob.File, Line: ob.Line, Role: ob.Role, Cert: ob.Cert, CRL: ob.CRL})
	}
	return col
}

// htmlRows is how many certificates and CRLs the check report's HTML page draws in its
// timeline and table: those that end soonest (the page counts them all). A browser does not
// draw a hundred thousand bars usefully, and keeping every row would make the run's memory
// grow with its inputs.
const htmlRows = 1000

package cmd

import (
	"bufio"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vpncertlint/vpncertlint/internal/engine"
	"github.com/vpncertlint/vpncertlint/internal/gctune"
	"github.com/vpncertlint/vpncertlint/internal/htmlreport"
	"github.com/vpncertlint/vpncertlint/internal/inventory"
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
	fl.StringVar(&f.role, "role", engine.RoleAuto, "what certificates are uploaded as: auto, ca, server or crl (as for check)")
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
	_ = c.RegisterFlagCompletionFunc("role", fixed(engine.Roles...))
	return c
}

func runInventory(cmd *cobra.Command, f *inventoryFlags, args []string) error {
	for _, v := range []*string{&f.role, &f.format, &f.failOn} {
		*v = strings.ToLower(*v)
	}
	if !contains(inventoryFormats, f.format) {
		return usageErr("unknown --format %q (want %s)", f.format, strings.Join(inventoryFormats, ", "))
	}
	failAny := f.failOn == "any"
	var failOn lint.FailOn
	if !failAny {
		var err error
		if failOn, err = lint.ParseFailOn(f.failOn); err != nil {
			return usageErr("unknown --fail-on %q (want any, error, warning, notice or none)", f.failOn)
		}
	}
	now := time.Now()
	if f.now != "" {
		var err error
		if now, err = time.Parse(time.RFC3339, f.now); err != nil {
			return usageErr("--now %q is not an RFC 3339 time such as 2026-01-02T15:04:05Z", f.now)
		}
	}
	var within time.Duration
	if f.within != "" {
		var err error
		if within, err = inventory.ParseWithin(f.within); err != nil {
			return err
		}
	}
	if f.maxFileSize <= 0 {
		return usageErr("--max-file-size must be positive")
	}
	opts := engine.Options{
		Role: f.role, CAFiles: f.ca, Now: now, MaxFileSize: f.maxFileSize, Stdin: cmd.InOrStdin(),
		Tool: lint.Tool{Name: "vpncertlint", Version: version()}, AllowEmpty: true,
	}
	gate, args, err := prepareGate(cmd, &f.gate, &opts, args)
	if err != nil {
		return err
	}
	x := &extraFlags{noZlint: f.noZlint}
	x.fromConfig(cmd.Flags(), gate.cfg)
	if err := x.apply(&opts, f.maxFileSize); err != nil {
		return err
	}
	col := inventory.Attach(&opts)
	defer gctune.Start()()
	rep, err := engine.Run(args, opts, "en")
	if err != nil {
		return err
	}
	defer rep.Close()
	gate.apply(rep, now, "en")
	rows, err := col.Rows(rep)
	if err != nil {
		return err
	}
	meta := inventory.Meta{Tool: opts.Tool, Now: rep.Now}
	if f.within != "" {
		rows = inventory.ExpiringWithin(rows, now, within)
		meta.ExpiresWithin = f.within
	}
	out := bufio.NewWriterSize(cmd.OutOrStdout(), 64<<10)
	if f.format == "html" {
		err = htmlreport.Write(out, htmlreport.Data{Title: "vpncertlint inventory", Tool: opts.Tool, Now: now,
			Rows: rows, ExpiresWithin: f.within})
	} else {
		err = inventory.Write(out, f.format, rows, meta)
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		return writeError{err}
	}
	for _, fr := range rep.ErrorFiles() {
		fmt.Fprintf(cmd.ErrOrStderr(), "vpncertlint: %s: %s\n", lint.TextSafe(fr.File), lint.TextSafe(fr.Error))
	}
	if rep.IOErrors() > 0 {
		return exitError{lint.ExitUsage}
	}
	for _, r := range rows {
		if failAny {
			return exitError{lint.ExitFindings}
		}
		if r.WorstSeverity != "" {
			if s, err := lint.ParseSeverity(r.WorstSeverity); err == nil && failOn.Fails(s) {
				return exitError{lint.ExitFindings}
			}
		}
	}
	return nil
}

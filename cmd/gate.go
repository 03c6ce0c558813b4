package cmd

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vpncertlint/vpncertlint/internal/config"
	"github.com/vpncertlint/vpncertlint/internal/engine"
	"github.com/vpncertlint/vpncertlint/internal/inventory"
	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/output/formats"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/internal/zlintcheck"
	"github.com/vpncertlint/vpncertlint/lint"
)

// gateFlags are check's flags for running as a repository's gate: the project configuration
// and a report file beside the terminal's text; settings registers them for check.
type gateFlags struct {
	config   string
	noConfig bool
	output   string
}

// registerCompletions makes the shell complete the values of check's enumerated flags.
func registerCompletions(c *cobra.Command) {
	fixed := func(vals ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return vals, cobra.ShellCompDirectiveNoFileComp
		}
	}
	_ = c.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return formats.Names(), cobra.ShellCompDirectiveNoFileComp
	})
	var roles []string
	for _, r := range engine.Roles() {
		roles = append(roles, string(r))
	}
	_ = c.RegisterFlagCompletionFunc("role", fixed(roles...))
	_ = c.RegisterFlagCompletionFunc("lang", fixed("en", "zh"))
	_ = c.RegisterFlagCompletionFunc("fail-on", fixed("error", "warning", "notice", "none"))
	_ = c.RegisterFlagCompletionFunc("color", fixed("auto", "always", "never"))
	_ = c.RegisterFlagCompletionFunc("zlint-profile", fixed(zlintcheck.Profiles()...))
	_ = c.RegisterFlagCompletionFunc("config", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	})
}

// gate is the configuration in force for one check run (nil cfg: none).
type gate struct {
	cfg   *config.Config
	name  string               // the configuration's path as shown in findings
	whole bool                 // the run covers every file of the configuration
	root  string               // directory report URIs are relative to
	out   string               // --output
	inv   *inventory.Collector // the run's certificates and CRLs, for --format html
}

// loadConfig finds and reads the project configuration the flags ask for (nil: none).
func loadConfig(g *gateFlags) (*config.Config, error) {
	if g.noConfig {
		return nil, nil
	}
	path := g.config
	if path == "" {
		found, err := config.Find(".")
		if err != nil || found == "" {
			return nil, err
		}
		path = display(found)
	}
	cfg, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	return cfg, nil
}

// prepareGate fills the engine options from the configuration cfg (nil: none) beyond the
// settings the flags share (resolveSettings): the policies, the upload sets, the waivers;
// with no PATH it returns the configuration's files as the paths to check.
func prepareGate(cmd *cobra.Command, cfg *config.Config, o *engine.Options, args []string) (*gate, []string, error) {
	gt := &gate{cfg: cfg}
	if cfg == nil {
		if len(args) == 0 {
			return nil, nil, plainError(fmt.Sprintf("no PATH given and no %s found in this directory or its parents\n"+
				"  check files:        vpncertlint check ca.pem certs/\n"+
				"  gate a repository:  vpncertlint init   (writes a starter %s), then vpncertlint check", config.FileName, config.FileName))
		}
		gt.root = repoRoot()
		return gt, args, nil
	}
	gt.root = cfg.Dir
	gt.name = display(cfg.File)
	o.CertPolicy = cfg.CertPolicy()
	o.CRLPolicy = cfg.CRLPolicy()
	o.SetsFor = cfg.SetsFor
	o.Report.Processors = cfg.Processors()
	for _, code := range sortedKeys(cfg.Policy.Severity) {
		if s := cfg.Policy.Severity[code].Severity; strings.HasPrefix(code, "VPN.") && s < lint.Error {
			warnf(cmd.ErrOrStderr(), "vpncertlint: note: %s lowers %s to %s: the cloud still rejects such uploads; you are hiding a cloud rejection\n", output.TextSafe(gt.name), code, s)
		}
	}
	if len(args) > 0 {
		// The named files' upload sets are judged whole: the configuration's other client
		// CAs of those sets are read as context (nothing about them is reported).
		cas, err := cfg.ClientCAs()
		if err != nil {
			return nil, nil, err
		}
		for _, f := range cas {
			o.ContextCAs = append(o.ContextCAs, display(f))
		}
		return gt, args, nil
	}
	files, err := cfg.Files()
	if err != nil {
		return nil, nil, err
	}
	gt.whole = true
	if len(files) == 0 {
		// A new repository's gate (init, the hook, the first commit before any
		// certificate): it passes, and says why nothing was checked.
		warnf(cmd.ErrOrStderr(), "vpncertlint: note: no file in %s matches the patterns of %s yet: nothing to check\n", output.TextSafe(display(cfg.Dir)), output.TextSafe(gt.name))
		return gt, nil, nil
	}
	for i, f := range files {
		files[i] = display(f)
	}
	return gt, files, nil
}

func sortedKeys(m map[string]config.SeverityName) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// display is path relative to the working directory (../ when above it).
func display(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(wd, abs)
	if err != nil {
		return abs
	}
	return rel
}

// repoRoot is the nearest directory from the working directory up that holds .git, else the
// working directory: report URIs are relative to it.
func repoRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return wd
		}
		d = parent
	}
}

// apply adds the configuration's own findings to the report.
func (g *gate) apply(rep *report.Report, now time.Time) error {
	if g.cfg == nil {
		return nil
	}
	return g.cfg.Apply(rep, now, g.whole, g.name)
}

// write renders the report: in format to stdout, or, with --output, in format to the file
// and as text to stdout. A report that could not be written (a full disk, a closed pipe…) is
// a writeError: exit 2.
func (g *gate) write(cmd *cobra.Command, format string, rep *report.Report, fo output.Options) error {
	if g.out != "" {
		if err := g.writeFile(format, rep, fo); err != nil {
			return writeError{fmt.Errorf("--output %s: %v", g.out, err)}
		}
		format = "text"
	}
	if err := formats.Write(cmd.OutOrStdout(), format, rep, fo); err != nil {
		return writeError{err}
	}
	return nil
}

// writeFile writes the report in format to --output.
func (g *gate) writeFile(format string, rep *report.Report, fo output.Options) error {
	if st, err := os.Stat(g.out); err == nil && !st.Mode().IsRegular() {
		// A device, a pipe (/dev/stdout, /dev/fd/N of a process substitution): written to
		// as it is; a temporary file renamed over it would replace the device itself.
		return writeDevice(g.out, format, rep, fo)
	}
	target := g.out
	if st, err := os.Lstat(target); err == nil && st.Mode()&os.ModeSymlink != 0 {
		// Through a link (/dev/stdout to a file…) the report replaces the file it names, not
		// the link.
		if resolved, err := filepath.EvalSymlinks(target); err == nil {
			target = resolved
		}
	}
	return writeReplacing(target, format, rep, fo)
}

// writeDevice writes the report in format to path, a device or a pipe, as it is.
func writeDevice(path, format string, rep *report.Report, fo output.Options) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	werr := formats.Write(bw, format, rep, fo)
	if werr == nil {
		werr = bw.Flush()
	}
	if err := f.Close(); err != nil && werr == nil {
		werr = err
	}
	return werr
}

// writeReplacing writes the report in format as it is rendered (a report over many
// certificates is large) to a temporary file beside target, renamed over target when
// complete: a failed run never leaves a half-written report where the previous one was.
func writeReplacing(target, format string, rep *report.Report, fo output.Options) error {
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*")
	if err != nil {
		return outputErr(target, err)
	}
	// Once renamed there is nothing to remove; when the write failed, its error is the one
	// said, not the clean-up's.
	defer func() { _ = os.Remove(tmp.Name()) }()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	werr := formats.Write(bw, format, rep, fo)
	if werr == nil {
		werr = bw.Flush()
	}
	if err := tmp.Chmod(0o644); err != nil && werr == nil {
		werr = err
	}
	if err := tmp.Close(); err != nil && werr == nil {
		werr = err
	}
	if werr == nil {
		if err := os.Rename(tmp.Name(), target); err != nil {
			werr = outputErr(target, err)
		}
	}
	return werr
}

// outputErr is err about --output's temporary file, said of the file the user named: its
// reason without the temporary name (a missing directory named as such).
func outputErr(target string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no directory %s", filepath.Dir(target))
	}
	return err
}

// checkOutput fails early, before the inputs are read, when --output's directory does not
// exist.
func (g *gateFlags) checkOutput() error {
	if g.output == "" {
		return nil
	}
	if _, err := os.Stat(g.output); err == nil {
		return nil // a file, a device, a link: written as writeFile says
	}
	if _, err := os.Stat(filepath.Dir(g.output)); err != nil {
		return writeError{fmt.Errorf("--output %s: %v", g.output, outputErr(g.output, err))}
	}
	return nil
}

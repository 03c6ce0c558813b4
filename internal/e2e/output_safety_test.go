package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vpncertlint/vpncertlint/cmd"
)

// Names printed as text cannot forge report lines nor reach the terminal as escape sequences;
// a report that cannot be written is exit 2, said on standard error.

// forgedName is a file name that, printed raw, adds a finding line, sends ESC sequences and
// reverses the rest of its line.
const forgedName = "x\nca.pem:1: VPN.0072 error: forged\x1b[2K\x1b]0;title\a\u202etxt.pem"

const forgedShown = `x\nca.pem:1: VPN.0072 error: forged\x1b[2K\x1b]0;title\a\u202etxt.pem`

func forgedDir(t *testing.T) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	pem, err := os.ReadFile(filepath.Join("testdata", "ca", "expired.pem"))
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, forgedName)
	if err := os.WriteFile(path, pem, 0o644); err != nil {
		t.Skipf("this file system does not take the name: %v", err)
	}
	// printable non-ASCII names are printed as they are
	if err := os.WriteFile(filepath.Join(dir, "证书.pem"), pem, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// sgr matches the colour sequences of --color always.
var sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// rawControl reports whether s holds a control character other than a newline (colour
// sequences aside) or a bidi override.
func rawControl(s string) bool {
	for _, r := range sgr.ReplaceAllString(s, "") {
		if (r < 0x20 && r != '\n') || r == 0x7f || r == '\u202e' {
			return true
		}
	}
	return false
}

func TestForgedFileNames(t *testing.T) {
	dir, path := forgedDir(t)
	for _, args := range [][]string{{dir}, {path}} {
		for _, extra := range [][]string{nil, {"-v"}, {"--color", "always"}} {
			a := append(append([]string{"--no-config"}, extra...), args...)
			out, errOut, code := gateRun(t, a...)
			if code != 1 {
				t.Fatalf("%q: exit %d\n%s%s", a, code, out, errOut)
			}
			if rawControl(out) || rawControl(errOut) {
				t.Errorf("%q: a control character reaches the terminal:\n%q", a, out)
			}
			for _, l := range strings.Split(out, "\n") {
				if strings.HasPrefix(l, "ca.pem:1:") {
					t.Errorf("%q: forged line %q", a, l)
				}
			}
			if extra == nil {
				want := filepath.Join(filepath.Dir(path), forgedShown) + ":1: VPN.0072 error: Certificate " + forgedShown + " has expired."
				if !strings.Contains(out, want) {
					t.Errorf("%q: no %q in\n%s", a, want, out)
				}
				if len(args) == 1 && args[0] == dir && !strings.Contains(out, "证书.pem:1: VPN.0072 error: Certificate 证书.pem has expired.") {
					t.Errorf("the Chinese name is not printed as it is:\n%s", out)
				}
			}
		}
	}

	// GitHub annotations: one command line per finding; the file= property keeps the path's
	// newline as %0A, the message shows it as \n.
	out, _, _ := gateRun(t, "--no-config", "--format", "github", path)
	if rawControl(out) || strings.Count(out, "\n") != strings.Count("\n"+out, "\n::") {
		t.Errorf("github: not one command per line:\n%q", out)
	}
	if !strings.Contains(out, "%0Aca.pem%3A1%3A VPN.0072 error%3A forged") || !strings.Contains(out, "::Certificate "+forgedShown+" has expired.") {
		t.Errorf("github:\n%s", out)
	}

	// The machine formats keep the exact name (their encoders escape it).
	out, _, _ = gateRun(t, "--no-config", "--format", "json", path)
	var rep struct {
		Findings []struct{ File string } `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Findings) == 0 || rep.Findings[0].File != path {
		t.Errorf("json: %v %+v", err, rep.Findings)
	}

	// Standard error: an unreadable input in a machine format, and an error quoting a path.
	missing := filepath.Join(dir, "gone\nvpncertlint: forged\x1b[31m.pem")
	_, errOut, code := gateRun(t, "--no-config", "--format", "json", missing)
	if code != 2 || rawControl(errOut) || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, `gone\nvpncertlint: forged\x1b[31m.pem`) {
		t.Errorf("stderr of an unreadable input: exit %d %q", code, errOut)
	}
	_, errOut, code = gateRun(t, "--config", missing+".yaml", path)
	if code != 2 || rawControl(errOut) || strings.Count(errOut, "\n") != 2 || !strings.Contains(errOut, `gone\nvpncertlint: forged\x1b[31m.pem.yaml`) {
		t.Errorf("stderr of a configuration error: exit %d %q", code, errOut)
	}
	// The tool's own multi-line message keeps its lines.
	t.Chdir(t.TempDir())
	_, errOut, code = gateRun(t)
	if code != 2 || !strings.Contains(errOut, "its parents\n  check files:") {
		t.Errorf("usage message: exit %d %q", code, errOut)
	}
}

// failingWriter fails every write once n bytes have been written.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) <= w.n {
		w.n -= len(p)
		return len(p), nil
	}
	k := w.n
	w.n = 0
	return k, errors.New("disk on fire")
}

func TestReportWriteFailure(t *testing.T) {
	base := []string{"check", "--no-config", "--now", testNow, filepath.Join("testdata", "ca")}
	for _, format := range []string{"text", "json", "sarif", "github", "junit"} {
		var full, text bytes.Buffer
		cmd.Execute(append(base, "--format", format), strings.NewReader(""), &full, &bytes.Buffer{})
		cmd.Execute(append(base, "--format", "text"), strings.NewReader(""), &text, &bytes.Buffer{})
		for _, output := range []bool{false, true} {
			size := full.Len()
			if output {
				size = text.Len() // the file is written; the text report on stdout fails
			}
			for _, n := range []int{0, 1, 4096, size - 1} {
				args := slices.Concat(base, []string{"--format", format})
				if output {
					args = append(args, "-o", filepath.Join(t.TempDir(), "report"))
				}
				var errb bytes.Buffer
				code := cmd.Execute(args, strings.NewReader(""), &failingWriter{n}, &errb)
				if code != 2 || !strings.Contains(errb.String(), "vpncertlint: the report could not be written: disk on fire\n") ||
					strings.Contains(errb.String(), "--help") {
					t.Errorf("%s, -o %v, failing after %d of %d bytes: exit %d, stderr %q", format, output, n, size, code, errb.String())
				}
			}
		}
		// A complete write is no failure.
		if code := cmd.Execute(append(base, "--format", format), strings.NewReader(""), &failingWriter{full.Len()}, &bytes.Buffer{}); code != 1 {
			t.Errorf("%s: exit %d with room for the whole report", format, code)
		}
	}

	// A full device as standard output (opened here: a test never names a device as
	// --output, which a broken implementation could rename a file over).
	if dev, err := os.OpenFile("/dev/full", os.O_WRONLY, 0); err != nil {
		t.Logf("no /dev/full: %v", err)
	} else {
		for _, format := range []string{"text", "json", "sarif", "github", "junit"} {
			var errb bytes.Buffer
			code := cmd.Execute(append(base, "--format", format), strings.NewReader(""), dev, &errb)
			if code != 2 || !strings.Contains(errb.String(), "no space left on device") {
				t.Errorf("%s to /dev/full: exit %d %q", format, code, errb.String())
			}
		}
		if err := dev.Close(); err != nil {
			t.Error(err)
		}
	}

	// --output a named pipe whose reader goes away: written to as it is (not replaced by a
	// file), and the failed write is exit 2.
	fifo := filepath.Join(t.TempDir(), "report.fifo")
	if err := mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	// The reading end, opened first without blocking, so that a run that does not open
	// the pipe does not hang the test.
	r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		defer func() { _ = r.Close() }() // the reader goes away; how is of no interest
		for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
			if n, _ := r.Read(make([]byte, 1)); n > 0 {
				done <- nil // the report has started: the reader goes away
				return
			}
		}
		done <- errors.New("nothing was written to the named pipe")
	}()
	var errb bytes.Buffer
	code := cmd.Execute(append(base, "--format", "sarif", "-o", fifo), strings.NewReader(""), &bytes.Buffer{}, &errb)
	if err := <-done; err != nil {
		t.Error(err)
	}
	if code != 2 || !strings.Contains(errb.String(), "--output "+fifo+": write "+fifo+": broken pipe") {
		t.Errorf("-o a pipe closed by its reader: exit %d %q", code, errb.String())
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("-o replaced the named pipe: %v %v", st.Mode(), err)
	}

	// --output through a link to a regular file: the file is replaced, the link stays.
	dir := t.TempDir()
	target, link := filepath.Join(dir, "target.json"), filepath.Join(dir, "link.json")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("target.json", link); err != nil {
		t.Fatal(err)
	}
	if code := cmd.Execute(append(base, "--format", "json", "-o", link), strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}); code != 1 {
		t.Errorf("-o a link: exit %d", code)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("-o replaced the link")
	}
	if data, err := os.ReadFile(target); err != nil || !json.Valid(data) {
		t.Errorf("-o a link: the target is not the report: %v %.40q", err, data)
	}
}

// The real process: standard output a pipe whose reader is gone (vpncertlint | head -0).
func TestReportBrokenPipe(t *testing.T) {
	bin, err := exec.LookPath("vpncertlint") // the test binary, as testscript installs it
	if err != nil {
		t.Skip("vpncertlint is not on PATH (testscript's TestMain puts it there)")
	}
	for _, format := range []string{"text", "json"} {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
		var errb bytes.Buffer
		c := exec.Command(bin, "check", "--no-config", "--now", testNow, "--format", format, filepath.Join("testdata", "ca", "expired.pem"))
		c.Stdout, c.Stderr = w, &errb
		err = c.Run()
		if cerr := w.Close(); cerr != nil {
			t.Error(cerr)
		}
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(errb.String(), "the report could not be written") ||
			!strings.Contains(errb.String(), syscall.EPIPE.Error()) {
			t.Errorf("%s to a closed pipe: %v, stderr %q", format, err, errb.String())
		}
	}
}

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// freshCloneEnv is set by scripts/fresh-clone.sh for the test run inside the clone, where
// TestFreshClone must not clone again.
const freshCloneEnv = "VPNCERTLINT_FRESH_CLONE"

// TestFreshClone runs scripts/fresh-clone.sh: a clone of HEAD with no ../shared beside it,
// where README's two Quick start commands (the example and the test command, read between
// the fresh-clone markers) must pass. It tests the committed state, not the work tree.
func TestFreshClone(t *testing.T) {
	if os.Getenv(freshCloneEnv) != "" {
		t.Skip("inside scripts/fresh-clone.sh's own test run")
	}
	if testing.Short() {
		t.Skip("-short: the fresh clone's test run takes minutes (scripts/fresh-clone.sh runs it by hand)")
	}
	for _, tool := range []string{"git", "bash"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	if err := exec.Command("git", "rev-parse", "--verify", "-q", "HEAD").Run(); err != nil {
		t.Skip("not a git repository with a commit: nothing to clone")
	}
	if out, _ := exec.Command("git", "status", "--porcelain", "--untracked-files=no").Output(); len(out) > 0 {
		t.Logf("the work tree has uncommitted changes; the fresh clone tests HEAD without them:\n%s", out)
	}
	parent := t.TempDir()
	c := exec.Command("bash", filepath.Join("scripts", "fresh-clone.sh"), parent)
	out, err := c.CombinedOutput()
	if err != nil {
		t.Fatalf("scripts/fresh-clone.sh: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "both README commands pass") {
		t.Errorf("scripts/fresh-clone.sh did not finish:\n%s", out)
	}
}

// TestFreshCloneMarkers: README's Quick start holds the two commands scripts/fresh-clone.sh
// runs, each in its own fenced block after its marker, before any other section.
func TestFreshCloneMarkers(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	for _, m := range []string{"example", "test"} {
		marker := "<!-- fresh-clone:" + m + " -->\n```sh\n"
		i := strings.Index(readme, marker)
		if i < 0 {
			t.Fatalf("README.md lacks %q followed by a sh block", marker)
		}
		if j := strings.Index(readme, "\n## Commands"); j >= 0 && i > j {
			t.Errorf("the %s command comes after README's Commands section: it must be among the first things read", m)
		}
		rest := readme[i+len(marker):]
		block, _, _ := strings.Cut(rest, "```")
		if lines := strings.Split(strings.TrimSpace(block), "\n"); len(lines) != 1 {
			t.Errorf("the %s block holds %d lines, want one command", m, len(lines))
		}
	}
}

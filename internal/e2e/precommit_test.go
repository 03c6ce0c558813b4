package e2e

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestPreCommit runs the real pre-commit tool (skipped when it is not installed; .ci/run
// installs it) on a temporary git repository gated by vpncertlint:
//
//  1. pre-commit validate-manifest accepts .pre-commit-hooks.yaml;
//  2. the hooks of .pre-commit-hooks.yaml, as `repo: local` hooks with `language: system`
//     and a freshly built binary, let a clean commit through and refuse an expired CA;
//  3. (not with -short) `pre-commit try-repo` on a copy of this repository installs the
//     `language: golang` hook the way users get it (go install through the module proxy)
//     and refuses the expired CA.
func TestPreCommit(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed (apt-get install pre-commit); .ci/run installs it")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(tmp, "cache"),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "NO_COLOR=1", "TERM=dumb",
		// The report in English whatever the developer's locale (a Chinese one makes it Chinese).
		"LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=",
		// pre-commit's golang hooks get a GOPATH of their own: share the module cache so
		// that `go install` does not download every module again.
		"GOMODCACHE="+strings.TrimSpace(string(modcache)))
	run := func(dir string, wantOK bool, name string, args ...string) string {
		t.Helper()
		c := exec.Command(name, args...)
		c.Dir, c.Env = dir, env
		out, err := c.CombinedOutput()
		t.Logf("$ %s %s\n%s", name, strings.Join(args, " "), out)
		if (err == nil) != wantOK {
			t.Fatalf("%s %s: err %v, want success %v", name, strings.Join(args, " "), err, wantOK)
		}
		return string(out)
	}

	// 1. The manifest.
	run(root, true, "pre-commit", "validate-manifest", ".pre-commit-hooks.yaml")

	// 2. Local hooks from the manifest, with a fresh binary.
	bin := filepath.Join(tmp, "bin", "vpncertlint")
	run(root, true, "go", "build", "-o", bin, ".")
	data, err := os.ReadFile(filepath.Join(root, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []map[string]any
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	for _, h := range hooks {
		entry := h["entry"].(string)
		if !strings.HasPrefix(entry, "vpncertlint ") {
			t.Fatalf("hook %v: entry %q does not run vpncertlint", h["id"], entry)
		}
		h["entry"] = bin + strings.TrimPrefix(entry, "vpncertlint")
		h["language"] = "system"
	}
	local, err := yaml.Marshal(map[string]any{"repos": []any{map[string]any{"repo": "local", "hooks": hooks}}})
	if err != nil {
		t.Fatal(err)
	}

	repo := filepath.Join(tmp, "pki-repo")
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(repo, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fixture := func(name string) string {
		b, err := os.ReadFile(filepath.Join(root, "testdata", "gate", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	// Day one, as README's workflow goes: init, the hooks, the first commit before any
	// certificate exists. The configuration's patterns match nothing yet: the gate passes.
	if err := os.MkdirAll(repo, 0o755); err != nil {
		t.Fatal(err)
	}
	run(repo, true, "git", "init", "-q")
	run(repo, true, bin, "init")
	write(".pre-commit-config.yaml", string(local))
	run(repo, true, "pre-commit", "install")
	run(repo, true, "git", "add", "-A")
	out := run(repo, true, "git", "commit", "-q", "-m", "the gate, before any certificate")
	if !regexp.MustCompile(`vpncertlint \(repository gate\)\.*Passed`).MatchString(out) {
		t.Errorf("the gate did not pass the first commit:\n%s", out)
	}

	write(".vpncertlint.yaml", "version: 1\nroles:\n  ca: [\"pki/**/ca/*.pem\"]\n")

	write("pki/prod/ca/clean.pem", fixture("clean-ca.pem"))
	run(repo, true, "git", "add", "-A")
	out = run(repo, true, "git", "commit", "-q", "-m", "a clean client CA")
	if !strings.Contains(out, "vpncertlint (repository gate)") || !strings.Contains(out, "Passed") {
		t.Errorf("the gate did not run on the clean commit:\n%s", out)
	}

	write("pki/prod/ca/expired.pem", fixture("expired-ca.pem"))
	run(repo, true, "git", "add", "-A")
	out = run(repo, false, "git", "commit", "-q", "-m", "an expired client CA")
	for _, want := range []string{"Failed", "pki/prod/ca/expired.pem:1: VPN.0072 error: Certificate expired.pem has expired."} {
		if !strings.Contains(out, want) {
			t.Errorf("the refused commit's output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "VPN.0072") != 2 {
		t.Errorf("both hooks (repository gate, committed files) must report VPN.0072:\n%s", out)
	}
	if log := run(repo, true, "git", "log", "--oneline"); strings.Count(log, "\n") != 2 {
		t.Errorf("the expired CA was committed:\n%s", log)
	}

	// 3. The golang hook as users install it.
	if testing.Short() {
		t.Log("-short: pre-commit try-repo skipped")
		return
	}
	// A fresh repository holding only the module (no history, no testdata).
	tool := filepath.Join(tmp, "tool")
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		// .git may be a file (a worktree's link to its repository): never copy it, or git
		// below would work on this repository.
		if rel == ".git" || rel == "testdata" {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() && !d.IsDir() {
			return nil
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(tool, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(tool, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(filepath.Join(tool, ".git")); err == nil {
		t.Fatal("the copy must not hold this repository's .git")
	}
	run(tool, true, "git", "init", "-q")
	run(tool, true, "git", "add", "-A")
	run(tool, true, "git", "commit", "-q", "-m", "vpncertlint")
	out = run(repo, false, "pre-commit", "try-repo", tool, "vpncertlint", "--all-files")
	if !strings.Contains(out, "pki/prod/ca/expired.pem:1: VPN.0072 error") {
		t.Errorf("try-repo did not refuse the expired CA:\n%s", out)
	}
}

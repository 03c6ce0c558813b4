package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// goreleaserConfig is the part of .goreleaser.yaml the tests read.
type goreleaserConfig struct {
	Version int `yaml:"version"`
	Builds  []struct {
		Main    string   `yaml:"main"`
		Binary  string   `yaml:"binary"`
		Env     []string `yaml:"env"`
		Goos    []string `yaml:"goos"`
		Goarch  []string `yaml:"goarch"`
		Ldflags []string `yaml:"ldflags"`
	} `yaml:"builds"`
	Archives []struct {
		Formats         []string `yaml:"formats"`
		FormatOverrides []struct {
			Goos    string   `yaml:"goos"`
			Formats []string `yaml:"formats"`
		} `yaml:"format_overrides"`
	} `yaml:"archives"`
	Checksum struct {
		NameTemplate string `yaml:"name_template"`
	} `yaml:"checksum"`
}

func readGoreleaser(t *testing.T) goreleaserConfig {
	t.Helper()
	data, err := os.ReadFile(".goreleaser.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var c goreleaserConfig
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(false)
	if err := dec.Decode(&c); err != nil {
		t.Fatal(err)
	}
	return c
}

// goCmd runs the go command with env added and returns its combined output.
func goCmd(t *testing.T, env []string, args ...string) string {
	t.Helper()
	c := exec.Command("go", args...)
	c.Env = append(os.Environ(), env...)
	out, err := c.CombinedOutput()
	if err != nil {
		t.Fatalf("%s go %s: %v\n%s", strings.Join(env, " "), strings.Join(args, " "), err, out)
	}
	return string(out)
}

func runVersion(t *testing.T, bin string) string {
	t.Helper()
	out, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil {
		t.Fatalf("%s version: %v\n%s", bin, err, out)
	}
	return strings.TrimSpace(string(out))
}

// TestGoreleaserConfig checks the release configuration's promises without goreleaser:
// static binaries for linux, darwin and windows on amd64 and arm64, zip archives for
// windows, checksums; and that its ldflags, applied by `go build`, stamp the version that
// `vpncertlint version` prints (a wrong -X path would be silently ignored by the linker).
func TestGoreleaserConfig(t *testing.T) {
	c := readGoreleaser(t)
	if c.Version != 2 {
		t.Errorf("version %d, want 2 (GoReleaser v2 schema)", c.Version)
	}
	if len(c.Builds) != 1 {
		t.Fatalf("%d builds, want 1", len(c.Builds))
	}
	b := c.Builds[0]
	if !slices.Contains(b.Env, "CGO_ENABLED=0") {
		t.Errorf("build env %v lacks CGO_ENABLED=0 (static binaries)", b.Env)
	}
	for _, goos := range []string{"linux", "darwin", "windows"} {
		if !slices.Contains(b.Goos, goos) {
			t.Errorf("goos %v lacks %s", b.Goos, goos)
		}
	}
	for _, arch := range []string{"amd64", "arm64"} {
		if !slices.Contains(b.Goarch, arch) {
			t.Errorf("goarch %v lacks %s", b.Goarch, arch)
		}
	}
	if len(c.Archives) != 1 {
		t.Fatalf("%d archives, want 1", len(c.Archives))
	}
	zip := false
	for _, o := range c.Archives[0].FormatOverrides {
		zip = zip || o.Goos == "windows" && slices.Equal(o.Formats, []string{"zip"})
	}
	if !zip {
		t.Errorf("windows archives are not zip: %+v", c.Archives[0].FormatOverrides)
	}
	if c.Checksum.NameTemplate == "" {
		t.Errorf("no checksum file")
	}
	if testing.Short() {
		t.Skip("builds the binary with the release ldflags; skipped with -short")
	}
	const placeholder = "{{ .Version }}"
	ldflags := strings.Join(b.Ldflags, " ")
	if !strings.Contains(ldflags, placeholder) {
		t.Fatalf("ldflags %q do not stamp %s", ldflags, placeholder)
	}
	bin := filepath.Join(t.TempDir(), "vpncertlint")
	// (not with the release's other flags: -trimpath would rebuild every dependency)
	goCmd(t, b.Env, "build", "-ldflags", strings.ReplaceAll(ldflags, placeholder, "9.8.7"), "-o", bin, b.Main)
	if got := runVersion(t, bin); !strings.HasPrefix(got, "vpncertlint v9.8.7") {
		t.Errorf("version of a release build: %q, want vpncertlint v9.8.7", got)
	}
}

// TestInstallFromClone runs `go install .` as README says for a clone, and the installed
// binary's version command: without ldflags the version is the toolchain's (a pseudo-version
// from git, or "(devel)" without VCS stamping).
func TestInstallFromClone(t *testing.T) {
	if testing.Short() {
		t.Skip("installs the binary; skipped with -short")
	}
	gobin := t.TempDir()
	goCmd(t, []string{"GOBIN=" + gobin}, "install", ".")
	bin := filepath.Join(gobin, "vpncertlint")
	got := runVersion(t, bin)
	if !strings.HasPrefix(got, "vpncertlint v") && !strings.HasPrefix(got, "vpncertlint (devel)") {
		t.Errorf("version after go install .: %q", got)
	}
	// Without VCS stamping: "(devel)".
	goCmd(t, []string{"GOBIN=" + gobin}, "install", "-buildvcs=false", ".")
	if got := runVersion(t, bin); got != "vpncertlint (devel)" {
		t.Errorf("version after go install -buildvcs=false .: %q, want vpncertlint (devel)", got)
	}
}

// TestCrossCompile builds the binary for windows/amd64 and darwin/arm64 (static, as the
// release does) and type-checks the tests for windows, which catches platform-specific code
// (FIFO and pipe handling) that only builds on Linux.
func TestCrossCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-compiles; skipped with -short")
	}
	for _, p := range [][2]string{{"windows", "amd64"}, {"darwin", "arm64"}} {
		env := []string{"GOOS=" + p[0], "GOARCH=" + p[1], "CGO_ENABLED=0"}
		goCmd(t, env, "build", "-o", os.DevNull, ".")
	}
	goCmd(t, []string{"GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0"}, "vet", "./...")
}

// TestReleaseCheck runs scripts/release-check.sh (goreleaser check and a snapshot build)
// when goreleaser is installed, and the snapshot binary's version command.
func TestReleaseCheck(t *testing.T) {
	if _, err := exec.LookPath("goreleaser"); err != nil {
		t.Skip("goreleaser is not installed (go install github.com/goreleaser/goreleaser/v2@v2.15.1)")
	}
	if testing.Short() {
		t.Skip("builds a goreleaser snapshot; skipped with -short")
	}
	out, err := exec.Command("scripts/release-check.sh").CombinedOutput()
	t.Logf("scripts/release-check.sh\n%s", out)
	if err != nil {
		t.Fatal(err)
	}
	// This platform's binary (RELEASE_CHECK_FULL=1 builds the others too).
	bins, err := filepath.Glob(filepath.Join("dist", "vpncertlint_"+runtime.GOOS+"_"+runtime.GOARCH+"*", "vpncertlint"))
	if err != nil || len(bins) == 0 {
		t.Fatalf("no %s/%s binary under dist/ (%v)", runtime.GOOS, runtime.GOARCH, err)
	}
	for _, bin := range bins {
		abs, err := filepath.Abs(bin)
		if err != nil {
			t.Fatal(err)
		}
		// The snapshot's version (.goreleaser.yaml snapshot.version_template) ends in -next.
		if got := runVersion(t, abs); !strings.HasPrefix(got, "vpncertlint v") || !strings.Contains(got, "-next") {
			t.Errorf("%s version: %q, want the snapshot's stamped version", bin, got)
		}
	}
}

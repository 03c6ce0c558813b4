package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/vpncertlint/vpncertlint/cmd"
)

// exitFileEnv names a file where the test binary, run as vpncertlint by a script, writes its
// exit code, so that scripts can assert it exactly with `exit N` (testscript's `! exec` only
// says "non-zero").
const exitFileEnv = "VPNCERTLINT_TEST_EXITFILE"

// TestMain runs the tests from the repository root, so that the paths in their outputs
// ("testdata/ca/x.pem:1: ...") and the paths they give (testdata/, ../shared, `go build .`)
// are those a user at the root sees; run as a script's vpncertlint, the binary stays where
// the script runs it.
func TestMain(m *testing.M) {
	testscript.Main(atRoot{m}, map[string]func(){
		"vpncertlint": func() {
			code := cmd.Process()
			if f := os.Getenv(exitFileEnv); f != "" {
				_ = os.WriteFile(f, []byte(strconv.Itoa(code)), 0o644)
			}
			os.Exit(code)
		},
	})
}

// atRoot runs the tests in the repository root, the nearest parent holding go.mod.
type atRoot struct{ m *testing.M }

func (r atRoot) Run() int {
	dir, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			panic("internal/e2e: no go.mod above the test's directory")
		}
		dir = parent
	}
	if err := os.Chdir(dir); err != nil {
		panic(err)
	}
	return r.m.Run()
}

// scriptParams are the common settings of the CLI transcripts: `vpncertlint` (or
// `exec vpncertlint`) runs the real command line as a process in the script's directory;
// `exit N` asserts the exit code of the last one; $TESTDATA is testdata/, $NOW the
// fixtures' clock, $SHARED ../shared.
func scriptParams(t *testing.T, patterns []string, setup func(env *testscript.Env) error) testscript.Params {
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, pat := range patterns {
		m, err := filepath.Glob(filepath.Join(root, "testdata", "script", pat))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatalf("no scripts match %v", patterns)
	}
	return testscript.Params{
		Files: files,
		Setup: func(env *testscript.Env) error {
			env.Setenv("TESTDATA", filepath.Join(root, "testdata"))
			env.Setenv("SHARED", filepath.Join(root, "..", "shared"))
			env.Setenv("NOW", testNow)
			env.Setenv("NO_COLOR", "1")
			env.Setenv(exitFileEnv, filepath.Join(env.WorkDir, ".vpncertlint-exit"))
			if setup != nil {
				return setup(env)
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exit": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: exit N")
				}
				want, err := strconv.Atoi(args[0])
				ts.Check(err)
				data, err := os.ReadFile(ts.Getenv(exitFileEnv))
				if err != nil {
					ts.Fatalf("no vpncertlint run yet")
				}
				got, _ := strconv.Atoi(strings.TrimSpace(string(data)))
				if (got == want) == neg {
					ts.Fatalf("vpncertlint exited %d, want %s%d", got, map[bool]string{true: "not ", false: ""}[neg], want)
				}
			},
		},
	}
}

// TestScripts runs the CLI transcripts testdata/script/{core,body}-*.txtar.
func TestScripts(t *testing.T) {
	testscript.Run(t, scriptParams(t, []string{"core-*.txtar", "body-*.txtar"}, nil))
}

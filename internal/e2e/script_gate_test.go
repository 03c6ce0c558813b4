package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestGateScripts runs the CLI transcripts testdata/script/gate-*.txtar (the repository gate:
// project configuration, report formats, init, config, explain, completion). Each script
// starts with testdata/demo-repo copied to $WORK/demo-repo and testdata/gate to $WORK/gate.
// `vpncertlint ARGS...` runs the command line (see scriptParams); `exit N` asserts its exit code.
func TestGateScripts(t *testing.T) {
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, scriptParams(t, []string{"gate-*.txtar"}, func(env *testscript.Env) error {
		for _, d := range []string{"demo-repo", "gate"} {
			if err := os.CopyFS(filepath.Join(env.WorkDir, d), os.DirFS(filepath.Join(root, "testdata", d))); err != nil {
				return err
			}
		}
		return nil
	}))
}

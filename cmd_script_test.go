package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/vpncertlint/vpncertlint/cmd"
)

// TestMain lets testscript run vpncertlint as a command (cmd.Execute) in its scripts.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"vpncertlint": func() { os.Exit(cmd.Execute(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the CLI transcripts in testdata/script/*.txtar. $TESTDATA is the
// absolute path of testdata/, for scripts that copy fixtures.
func TestScript(t *testing.T) {
	td, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("TESTDATA", td)
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}

package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/vpncertlint/vpncertlint/cmd"
)

func TestMain(m *testing.M) {
	os.Exit(testscript.RunMain(m, map[string]func() int{
		"vpncertlint": func() int { return cmd.Execute(os.Args[1:], os.Stdin, os.Stdout, os.Stderr) },
	}))
}

// TestScripts runs the CLI transcripts in testdata/script/*.txtar. $TESTDATA points at the
// fixtures; $NOW is the fixtures' clock. Update with: go test -run TestScripts -args -testwork
func TestScripts(t *testing.T) {
	td, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("TESTDATA", td)
			env.Setenv("NOW", testNow)
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/vpncertlint/vpncertlint/cmd"
)

// cwdMu serialises the in-process vpncertlint command of the gate scripts: it runs
// cmd.Execute in the script's directory, and the working directory is the process's.
var cwdMu sync.Mutex

// gateLastExit is each script's last vpncertlint exit code, for the `exit` command.
var gateLastExit sync.Map

// TestGateScripts runs the CLI transcripts testdata/script/gate-*.txtar (the repository gate:
// project configuration, report formats, init, config, explain, completion). Each script
// starts with testdata/demo-repo copied to $WORK/demo-repo and testdata/gate to $WORK/gate.
// Commands:
//
//	vpncertlint ARGS...   runs the command line in-process (fails on a non-zero exit
//	                      unless negated with !)
//	exit N                asserts the last vpncertlint's exit code
func TestGateScripts(t *testing.T) {
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		// Absolute: the scripts run in parallel while one of them may have moved the
		// process's working directory.
		Files: func() []string {
			m, _ := filepath.Glob(filepath.Join(root, "testdata", "script", "gate-*.txtar"))
			return m
		}(),
		Setup: func(env *testscript.Env) error {
			for _, d := range []string{"demo-repo", "gate"} {
				if err := os.CopyFS(filepath.Join(env.WorkDir, d), os.DirFS(filepath.Join(root, "testdata", d))); err != nil {
					return err
				}
			}
			env.Setenv("SHARED", filepath.Join(root, "..", "shared"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"vpncertlint": func(ts *testscript.TestScript, neg bool, args []string) {
				cwdMu.Lock()
				defer cwdMu.Unlock()
				prev, err := os.Getwd()
				ts.Check(err)
				ts.Check(os.Chdir(ts.MkAbs(".")))
				defer os.Chdir(prev)
				var stdin bytes.Buffer
				code := cmd.Execute(args, &stdin, ts.Stdout(), ts.Stderr())
				gateLastExit.Store(ts, code)
				if code != 0 && !neg {
					ts.Fatalf("vpncertlint exited %d", code)
				}
				if code == 0 && neg {
					ts.Fatalf("vpncertlint succeeded unexpectedly")
				}
			},
			"exit": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: exit N")
				}
				want, err := strconv.Atoi(args[0])
				ts.Check(err)
				got, ok := gateLastExit.Load(ts)
				if !ok {
					ts.Fatalf("no vpncertlint run yet")
				}
				if (got.(int) == want) == neg {
					ts.Fatalf("vpncertlint exited %d, want %s%d", got, map[bool]string{true: "not ", false: ""}[neg], want)
				}
			},
		},
	})
}

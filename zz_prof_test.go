package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vpncertlint/vpncertlint/cmd"
)

func TestZZProf(t *testing.T) {
	files, _ := filepath.Glob(os.Getenv("PROF_GLOB"))
	args := append([]string{"check", "--now", testNow, "--fail-on", "none", "--format", os.Getenv("PROF_FMT")}, files...)
	cmd.Execute(args, strings.NewReader(""), io.Discard, io.Discard)
}

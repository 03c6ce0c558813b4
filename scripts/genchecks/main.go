// Command genchecks writes a check family's ordered list of checks (internal/genchecks). Each
// family runs it through a //go:generate line, in its package directory:
//
//	//go:generate go run ../scripts/genchecks -type=Check -list=checks
//
// -type is the family's check type, -list the list variable, -first the check variables that
// run before the others (comma-separated, in order; the others follow by variable name), -out
// the file written (checks_gen.go).
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/vpncertlint/vpncertlint/internal/genchecks"
)

func main() {
	o, err := genchecks.ParseArgs(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "genchecks:", err)
		os.Exit(2)
	}
	src, err := genchecks.Generate(".", o)
	if err == nil {
		err = os.WriteFile(filepath.Join(".", o.Out), src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genchecks:", err)
		os.Exit(1)
	}
}

package report

import (
	"path/filepath"
	"strings"
)

// pathSeparator is filepath.Separator; a variable so that tests on Unix can render a
// report as Windows would.
var pathSeparator byte = filepath.Separator

// SlashPath returns path with the system's separator replaced by "/": reports (text, JSON,
// SARIF, JUnit, GitHub annotations) show the same paths on Windows as elsewhere. Elsewhere
// a backslash is an ordinary character of a file name and is kept.
func SlashPath(path string) string { return slashPath(path, pathSeparator) }

func slashPath(path string, sep byte) string {
	if sep == '/' {
		return path
	}
	return strings.ReplaceAll(path, string(sep), "/")
}

// Package fuzzseed collects seed inputs for the fuzz targets: the project's fixtures under
// testdata/ and a sample of the third-party corpus in ../shared/corpus (skipped when absent,
// as on a machine without it). It is used by tests only.
package fuzzseed

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// maxSeed bounds one seed's size so that the fuzzing engine mutates small inputs.
const maxSeed = 64 << 10

// Root returns the repository root: the nearest parent of the working directory with go.mod.
func Root() string {
	dir, err := os.Getwd()
	if err != nil {
		return "."
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "."
		}
		dir = parent
	}
}

// Files returns the contents of the seeds whose names end in one of exts ("" = any): every
// fixture under testdata/ (case, golden and args files excluded), then every nth file of the shared
// corpus (sorted, so the sample is stable), at most corpusMax of them.
func Files(exts []string, n, corpusMax int) [][]byte {
	root := Root()
	var out [][]byte
	out = append(out, collect(filepath.Join(root, "testdata"), exts, 1, -1)...)
	out = append(out, collect(filepath.Join(root, "..", "shared", "corpus"), exts, n, corpusMax)...)
	return out
}

// collect returns the seeds under dir whose names end in one of exts: every nth file
// (sorted), at most limit of them (-1: no limit), each at most maxSeed bytes.
func collect(dir string, exts []string, n, limit int) [][]byte {
	var out [][]byte
	for i, p := range seedPaths(dir, exts) {
		if n > 1 && i%n != 0 {
			continue
		}
		if limit >= 0 && len(out) >= limit {
			break
		}
		b, err := os.ReadFile(p)
		if err != nil || len(b) > maxSeed {
			continue // a seed is optional: an unreadable or large file is left out
		}
		out = append(out, b)
	}
	return out
}

// seedPaths returns the sorted paths of the seed files under dir whose names end in one
// of exts.
func seedPaths(dir string, exts []string) []string {
	var paths []string
	// The walk's error is dropped on purpose: a directory that is absent (the shared
	// corpus on another machine) or unreadable yields no seeds, not a failure.
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if d != nil && d.IsDir() && p != dir {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if name == "fuzz" {
				return fs.SkipDir // the fuzzers' own corpora are loaded by go test itself
			}
			return nil
		}
		if d.Type().IsRegular() && !notSeed(name) && matches(name, exts) {
			paths = append(paths, p)
		}
		return nil
	})
	sort.Strings(paths)
	return paths
}

// notSeed is true for the fixtures' companions: expectations and notes, not inputs.
func notSeed(name string) bool {
	return slices.ContainsFunc([]string{".golden", ".args", ".case", ".md"}, func(ext string) bool {
		return strings.HasSuffix(name, ext)
	})
}

func matches(name string, exts []string) bool {
	if len(exts) == 0 {
		return true
	}
	lower := strings.ToLower(name)
	return slices.ContainsFunc(exts, func(e string) bool { return strings.HasSuffix(lower, e) })
}

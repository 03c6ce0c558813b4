package engine

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/vpncertlint/vpncertlint/internal/bodycheck"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/internal/tfcheck"
	"github.com/vpncertlint/vpncertlint/lint"
)

// DefaultMaxFileSize bounds how much of one input is read (64 MiB: large CRLs fit).
const DefaultMaxFileSize = 64 << 20

// ScanExtensions are the file endings read when a directory is scanned. Files named
// explicitly are always read, whatever their name.
var ScanExtensions = []string{".pem", ".crt", ".cer", ".cert", ".crl", ".der", ".p12", ".pfx", ".p7b", ".p7c"}

// input is one file to check.
type input struct {
	path  string // as given (or as found in a directory walk)
	stdin bool
	asCA  bool // given with --ca
	// context marks a file read only for the upload-set checks (Options.ContextCAs).
	context bool
	err     error
	// bodyOnly marks a file a directory walk found only for its .json/.yaml/.yml name:
	// it is checked if it is a server body, else skipped.
	bodyOnly bool
	// tfDir marks a directory holding *.tf files: a Terraform configuration, checked as one.
	tfDir bool
}

func hasScanExt(name string) bool {
	return slices.Contains(ScanExtensions, strings.ToLower(filepath.Ext(name)))
}

// EmptyPathError is a directory given as a PATH in which nothing is checked: no file with a
// scanned extension (ScanExtensions, or a .json/.yaml/.yml that is a server body).
type EmptyPathError struct{ Paths []string }

func (e *EmptyPathError) Error() string {
	return fmt.Sprintf("no file to check in %s", strings.Join(e.Paths, ", "))
}

// emptyDir is a directory PATH whose walk found no file with a scanned extension: it is
// empty unless one of its .json/.yaml/.yml files (keys) proves to be a server body.
type emptyDir struct {
	path string
	keys []string
}

// inputKey identifies an input for deduplication.
func inputKey(in input) string {
	if in.stdin {
		return "\x00stdin"
	}
	return filepath.Clean(in.path)
}

// expand turns the command line's paths into inputs: directories are walked (sorted,
// hidden entries skipped, symlinks to directories not followed), duplicates dropped. The
// directories that may yield nothing to check are added to empty when it is not nil.
func expand(paths []string, asCA bool, seen map[string]bool, empty *[]emptyDir) []input {
	x := expander{seen: seen}
	for _, p := range paths {
		if p == "-" {
			x.add(input{path: lint.StdinName, stdin: true, asCA: asCA})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			x.add(input{path: p, asCA: asCA, err: ioError(err)})
			continue
		}
		if !st.IsDir() {
			x.add(input{path: p, asCA: asCA})
			continue
		}
		if !asCA && tfcheck.IsConfigDir(p) {
			x.add(input{path: p, tfDir: true})
			continue
		}
		found := walkDir(p, asCA)
		if empty != nil {
			if e, ok := emptyDirOf(p, found); ok {
				*empty = append(*empty, e)
			}
		}
		for _, f := range found {
			x.add(f)
		}
	}
	return x.out
}

// expander gathers expand's inputs, dropping those already seen.
type expander struct {
	seen map[string]bool
	out  []input
}

func (x *expander) add(in input) {
	// Reports show "/" paths on every system (details name other files too); Windows
	// opens them as well, but for its \\?\ paths, which are taken verbatim.
	if !strings.HasPrefix(in.path, `\\?\`) {
		in.path = report.SlashPath(in.path)
	}
	key := inputKey(in)
	if x.seen[key] {
		return
	}
	x.seen[key] = true
	if !in.stdin && in.path == lint.StdinName {
		// a file named stdin is not standard input, in the report either
		in.path = "." + string(filepath.Separator) + in.path
	}
	x.out = append(x.out, in)
}

// walkDir returns the files to check in the directory p, sorted by path, with the errors
// met on the way as inputs.
func walkDir(p string, asCA bool) []input {
	var found []input
	walkErr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		in, ok, ret := walkEntry(p, path, d, err)
		if err == nil && !ok && ret == nil && d.IsDir() && !asCA && tfcheck.IsConfigDir(path) {
			// a Terraform configuration: its files are read through it (file())
			found = append(found, input{path: path, tfDir: true})
			return fs.SkipDir
		}
		if ok {
			in.asCA = asCA
			found = append(found, in)
		}
		return ret
	})
	if walkErr != nil {
		found = append(found, input{path: p, asCA: asCA, err: ioError(walkErr)})
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].path < found[j].path })
	return found
}

// walkEntry decides about one entry of the walk of root: the input it yields (ok) and what
// the walk does next.
func walkEntry(root, path string, d fs.DirEntry, err error) (in input, ok bool, next error) {
	if err != nil {
		if d != nil && d.IsDir() {
			next = fs.SkipDir
		}
		return input{path: path, err: ioError(err)}, true, next
	}
	name := d.Name()
	if path != root && strings.HasPrefix(name, ".") {
		if d.IsDir() {
			return input{}, false, fs.SkipDir
		}
		return input{}, false, nil
	}
	bodyOnly := !hasScanExt(name) && bodycheck.HasExtension(name)
	if d.IsDir() || (!hasScanExt(name) && !bodyOnly) {
		return input{}, false, nil
	}
	if d.Type()&fs.ModeSymlink != 0 {
		st, err := os.Stat(path)
		if err != nil {
			return input{path: path, err: ioError(err)}, true, nil
		}
		if !st.Mode().IsRegular() {
			return input{}, false, nil
		}
	} else if !d.Type().IsRegular() {
		return input{}, false, nil // FIFOs, sockets and devices in a tree are not certificate files
	}
	return input{path: path, bodyOnly: bodyOnly}, true, nil
}

// emptyDirOf says whether the directory p, in which the walk found found, may yield nothing
// to check: it found nothing, or only .json/.yaml/.yml files that may not be server bodies.
func emptyDirOf(p string, found []input) (emptyDir, bool) {
	e := emptyDir{path: p}
	for _, f := range found {
		if !f.bodyOnly {
			return emptyDir{}, false
		}
		e.keys = append(e.keys, inputKey(f))
	}
	return e, len(found) == 0 || e.keys != nil
}

func ioError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %v", pe.Op, pe.Err)
	}
	return err
}

// errTooLarge is returned when an input exceeds the size limit.
type errTooLarge struct{ limit int64 }

func (e errTooLarge) Error() string {
	return fmt.Sprintf("larger than the size limit of %d bytes (--max-file-size)", e.limit)
}

// read returns at most limit bytes of the input; a named pipe may stay silent for idle.
func read(in input, stdin io.Reader, limit int64, idle time.Duration) ([]byte, error) {
	var r io.Reader
	if in.stdin {
		if stdin == nil {
			return nil, errors.New("no standard input")
		}
		r = stdin
	} else {
		f, fr, err := openInput(in.path, idle)
		if err != nil {
			return nil, ioError(err)
		}
		// Opened read-only: a failed Close loses nothing that was read.
		defer func() { _ = f.Close() }()
		st, err := f.Stat()
		if err != nil {
			return nil, ioError(err)
		}
		if st.IsDir() {
			return nil, errors.New("is a directory")
		}
		if st.Mode().IsRegular() && st.Size() > limit {
			return nil, errTooLarge{limit}
		}
		r = fr
		if st.Mode().IsRegular() {
			return readSized(r, st.Size(), limit)
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, ioError(err)
	}
	if int64(len(data)) > limit {
		return nil, errTooLarge{limit}
	}
	return data, nil
}

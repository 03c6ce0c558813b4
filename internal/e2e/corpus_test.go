package e2e

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vpncertlint/vpncertlint/cmd"
	jsonreport "github.com/vpncertlint/vpncertlint/internal/output/json"
)

// corpusDir holds 1,435 third-party certificates and CRLs (zlint and boulder test data).
const corpusDir = "../shared/corpus"

// TestCorpus checks every file of the shared corpus in one run: no panic, valid JSON, exit
// code never 2 (every file is readable), every input reported, and every PEM BEGIN line
// accounted for as an object of its file.
func TestCorpus(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	var files []string
	err := filepath.WalkDir(corpusDir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.HasSuffix(p, "README.md") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 1400 {
		t.Fatalf("corpus has %d files, expected about 1,435", len(files))
	}
	var out, errb bytes.Buffer
	args := append([]string{"check", "--format", "json", "--now", testNow}, files...)
	code := cmd.Execute(args, strings.NewReader(""), &out, &errb)
	if code == 2 {
		t.Fatalf("exit 2 on readable files; stderr: %s", errb.String())
	}
	var rep jsonreport.Document
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if len(rep.Files) != len(files) {
		t.Fatalf("%d files reported, %d given", len(rep.Files), len(files))
	}
	withFindings := map[string]bool{}
	for _, f := range rep.Findings {
		withFindings[f.File] = true
		if f.Code == "" || f.Message == "" || f.Severity == 0 {
			t.Errorf("incomplete finding %+v", f)
		}
	}
	for _, fr := range rep.Files {
		if fr.Error != "" {
			t.Errorf("%s: I/O error %s", fr.File, fr.Error)
			continue
		}
		begins := countBegins(t, fr.File)
		if len(fr.Objects) != begins {
			t.Errorf("%s: %d BEGIN lines but %d objects reported", fr.File, begins, len(fr.Objects))
		}
		if begins == 0 && !withFindings[fr.File] {
			t.Errorf("%s: no PEM block and no finding: a false all-clear", fr.File)
		}
	}
}

func countBegins(t *testing.T, path string) int {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }() // read only: closing cannot lose data
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if strings.HasPrefix(strings.TrimSpace(sc.Text()), "-----BEGIN ") {
			n++
		}
	}
	return n
}

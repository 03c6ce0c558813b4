package zlintcheck

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/internal/pemscan"
	"github.com/vpncertlint/vpncertlint/lint"
	"github.com/zmap/zcrypto/x509"
	"github.com/zmap/zcrypto/x509/pkix"
	zl "github.com/zmap/zlint/v3/lint"
)

var updateApplies = flag.Bool("update-applies", false, "rewrite applies_table.go from zlint's source")

// deriveAppliesOnlyWith reads zlint's lint sources under dir and returns, for every lint
// whose CheckApplies(c) is one return statement whose first &&-conjunct is
// util.IsExtInCert(c, util.OID), its name and "util.OID"; and the names of the lints whose
// CheckApplies returns that call alone (exact).
func deriveAppliesOnlyWith(t *testing.T, dir string) (out map[string]string, exact map[string]bool) {
	out, exact = map[string]string{}, map[string]bool{}
	err := filepath.Walk(filepath.Join(dir, "lints"), func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, 0)
		if err != nil {
			return err
		}
		oids := map[string]string{} // receiver type -> OID expression
		alone := map[string]bool{}  // receiver type -> CheckApplies is the call alone
		var names []string
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if recv, oid, only, ok := requiredExtension(n); ok {
					oids[recv] = oid
					alone[recv] = only
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Name" {
					if v, ok := n.Value.(*ast.BasicLit); ok && v.Kind == token.STRING {
						names = append(names, strings.Trim(v.Value, `"`))
					}
				}
			}
			return true
		})
		switch {
		case len(oids) == 1 && len(names) == 1:
			for recv, oid := range oids {
				out[names[0]] = oid
				if alone[recv] {
					exact[names[0]] = true
				}
			}
		case len(oids) > 0:
			t.Errorf("%s: %d lints named, %d with a required extension: cannot pair them", p, len(names), len(oids))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, exact
}

// requiredExtension recognises func (l *T) CheckApplies(c *x509.Certificate) bool { return
// util.IsExtInCert(c, util.OID) && ... } and returns T and "util.OID", and whether the call is
// all there is (only). Only the first conjunct counts: the others are not evaluated when it is
// false (nor can they panic then).
func requiredExtension(fd *ast.FuncDecl) (recv, oid string, only, ok bool) {
	if fd.Name.Name != "CheckApplies" || fd.Recv == nil || fd.Body == nil || len(fd.Body.List) != 1 ||
		len(fd.Type.Params.List) != 1 || len(fd.Type.Params.List[0].Names) != 1 {
		return "", "", false, false
	}
	ret, isRet := fd.Body.List[0].(*ast.ReturnStmt)
	if !isRet || len(ret.Results) != 1 {
		return "", "", false, false
	}
	first := ret.Results[0]
	_, only = first.(*ast.CallExpr)
	for {
		if p, isParen := first.(*ast.ParenExpr); isParen {
			first = p.X
			continue
		}
		if b, isAnd := first.(*ast.BinaryExpr); isAnd && b.Op == token.LAND {
			first = b.X
			continue
		}
		break
	}
	call, isCall := first.(*ast.CallExpr)
	if !isCall || len(call.Args) != 2 || types(call.Fun) != "util.IsExtInCert" {
		return "", "", false, false
	}
	if id, isID := call.Args[0].(*ast.Ident); !isID || id.Name != fd.Type.Params.List[0].Names[0].Name {
		return "", "", false, false
	}
	oid = types(call.Args[1])
	if !strings.HasPrefix(oid, "util.") {
		return "", "", false, false
	}
	switch r := fd.Recv.List[0].Type.(type) {
	case *ast.StarExpr:
		recv = types(r.X)
	default:
		recv = types(r)
	}
	return recv, oid, only, true
}

// types renders an identifier or a selector x.y.
func types(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return types(e.X) + "." + e.Sel.Name
	}
	return ""
}

// TestAppliesOnlyWithTable checks that appliesOnlyWith is what zlint's source (the version in
// go.mod) says; -update-applies rewrites it.
func TestAppliesOnlyWithTable(t *testing.T) {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/zmap/zlint/v3").Output()
	if err != nil || len(bytes.TrimSpace(dir)) == 0 {
		t.Skipf("zlint's source not found: %v", err)
	}
	table, exact := deriveAppliesOnlyWith(t, string(bytes.TrimSpace(dir)))
	if len(table) < 50 {
		t.Fatalf("only %d lints derived: the pattern no longer matches zlint's source", len(table))
	}
	names := make([]string, 0, len(table))
	for n := range table {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	b.WriteString(appliesHeader)
	for _, n := range names {
		fmt.Fprintf(&b, "\t%q: %s,\n", n, table[n])
	}
	b.WriteString("}\n")
	b.WriteString(exactHeader)
	for _, n := range names {
		if exact[n] {
			fmt.Fprintf(&b, "\t%q: true,\n", n)
		}
	}
	b.WriteString("}\n")
	if len(exact) < 20 {
		t.Errorf("only %d lints whose CheckApplies is the extension alone: the pattern no longer matches zlint's source", len(exact))
	}
	want, err := format.Source(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if *updateApplies {
		if err := os.WriteFile("applies_table.go", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile("applies_table.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("applies_table.go is not what zlint's source says: go test ./internal/zlintcheck -run TestAppliesOnlyWithTable -update-applies")
	}
}

const appliesHeader = `// Code generated by TestAppliesOnlyWithTable (go test ./internal/zlintcheck -run TestAppliesOnlyWithTable -update-applies); DO NOT EDIT.

package zlintcheck

import (
	"github.com/zmap/zcrypto/encoding/asn1"
	"github.com/zmap/zlint/v3/util"
)

// appliesOnlyWith maps each zlint certificate lint whose CheckApplies is a single return
// whose first conjunct is util.IsExtInCert(c, OID) to that OID: without the extension the lint
// is not applicable (NA), whatever else the certificate holds. Derived from zlint's source.
var appliesOnlyWith = map[string]asn1.ObjectIdentifier{
`

const exactHeader = `
// appliesExactlyWith names the lints of appliesOnlyWith whose CheckApplies is
// util.IsExtInCert(c, OID) and nothing else: with the extension they apply, so CheckApplies
// (which renders the OID as a string, allocating, to look the extension up) need not run.
var appliesExactlyWith = map[string]bool{
`

// pycaX509Dir is where Debian's python3-cryptography-vectors installs pyca's X.509 vectors
// (skipped when absent).
const pycaX509Dir = "/usr/lib/python3/dist-packages/cryptography_vectors/x509"

// allCerts returns every certificate zcrypto parses among ../shared/corpus, testdata, Go's
// crypto/x509 test data (PKITS among it) and pyca's vectors, as a client CA and as a server
// certificate.
func allCerts(t *testing.T) []*certcheck.Cert {
	t.Helper()
	var out []*certcheck.Cert
	roots := []string{"../../../shared/corpus", "../../testdata", filepath.Join(goroot(t), "src", "crypto", "x509", "testdata"), pycaX509Dir}
	for _, root := range roots {
		_ = filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() || info.Size() > 4<<20 {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			blocks := pemscan.Scan(data).Blocks
			ders := [][]byte{data} // a DER file, or not a certificate (then zcrypto rejects it)
			for _, b := range blocks {
				if b.Type == "CERTIFICATE" && b.Problem == pemscan.ProblemNone {
					ders = append(ders, b.Bytes)
				}
			}
			for _, der := range ders {
				for _, role := range []certcheck.Role{certcheck.RoleCA, certcheck.RoleServer} {
					c := certcheck.NewCert(der, p, 1, filepath.Base(p))
					if c.X() == nil {
						break
					}
					c.Role = role
					out = append(out, c)
				}
			}
			return nil
		})
	}
	if len(out) == 0 {
		t.Skip("no certificate found (../shared/corpus absent)")
	}
	return out
}

// allLints runs every lint of c's role without skipping any: the reference for Cert.
func (l *Linter) allLints(c *certcheck.Cert) []lint.Finding {
	reg := l.registry(c.Role)
	var out []lint.Finding
	for _, zlnt := range reg.CertificateLints().Lints() {
		if f, ok := finding(zlnt.LintMetadata, runCert(zlnt, c.X(), reg.GetConfiguration(), false)); ok {
			f.Args = []string{c.Name}
			out = append(out, f.At(c.File, c.Line).About(c.Object()))
		}
	}
	return out
}

// TestSkippedLintsAreNA runs, on every certificate of the corpus, the test data and Go's test
// data, every lint that Cert skips for a missing extension and checks that zlint judges it
// not applicable; and that Cert's findings are those of running every lint, in every profile
// and with every source.
func TestSkippedLintsAreNA(t *testing.T) {
	certs := allCerts(t)
	all, err := New(Config{IncludeSources: Sources()})
	if err != nil {
		t.Fatal(err)
	}
	skipped, ran := 0, 0
	for _, c := range certs {
		for _, cl := range all.serverLints {
			if cl.ext == "" {
				continue
			}
			if _, has := c.X().ExtensionsMap[cl.ext]; has {
				ran++
				continue
			}
			skipped++
			if res := runCert(cl.lint, c.X(), all.server.GetConfiguration(), false); res.Status != zl.NA {
				t.Errorf("%s: %s without extension %s: status %v (%s), want NA", c.File, cl.lint.Name, cl.ext, res.Status, res.Details)
			}
		}
	}
	t.Logf("%d certificates: %d lint runs skipped (all NA), %d with the extension", len(certs), skipped, ran)
	if skipped == 0 || ran == 0 {
		t.Fatal("the corpus exercises neither side of the skip")
	}
	if testing.Short() {
		return // comparing whole runs takes a minute
	}
	for _, cfg := range []Config{{}, {Profile: ProfileWebPKI}, {IncludeSources: Sources()}} {
		l, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range certs {
			if got, want := l.Cert(c), l.allLints(c); !reflect.DeepEqual(got, want) {
				t.Errorf("%+v, %s as %s: Cert gives\n%v\nevery lint gives\n%v", cfg, c.File, c.Role, got, want)
			}
		}
	}
}

// everyExtensionView is oneExtensionAtATime as it was: a view for every extension.
func everyExtensionView(l *zl.CertificateLint, x *x509.Certificate, cfg zl.Configuration) *zl.LintResult {
	oids := make([]string, 0, len(x.ExtensionsMap))
	for oid := range x.ExtensionsMap {
		oids = append(oids, oid)
	}
	sort.Strings(oids)
	for _, oid := range oids {
		view := *x
		view.ExtensionsMap = map[string]pkix.Extension{oid: x.ExtensionsMap[oid]}
		if res := l.Execute(&view, cfg); res != nil && res.Status > zl.Pass {
			return res
		}
	}
	return l.Execute(x, cfg)
}

// TestOneExtensionAtATime checks that emptySequenceTargets are exactly the extensions
// e_ext_cannot_be_empty_sequence fails when empty (among every extension in the test
// certificates and the targets), and that oneExtensionAtATime gives the result of a view per
// extension on every certificate, also on ones with several empty target extensions.
func TestOneExtensionAtATime(t *testing.T) {
	certs := allCerts(t)
	l := zlintReg().ByName("e_ext_cannot_be_empty_sequence")
	if l == nil {
		t.Fatal("zlint has no e_ext_cannot_be_empty_sequence")
	}
	cfg := zl.NewEmptyConfig()
	oids := map[string]bool{}
	for _, o := range emptySequenceTargets {
		oids[o] = true
	}
	for _, c := range certs {
		for o := range c.X().ExtensionsMap {
			oids[o] = true
		}
	}
	target := map[string]bool{}
	for _, o := range emptySequenceTargets {
		target[o] = true
	}
	base := *certs[0].X()
	for o := range oids {
		view := base
		view.ExtensionsMap = map[string]pkix.Extension{o: {Value: []byte{0x30, 0x00}}}
		if got := l.Execute(&view, cfg).Status == zl.Error; got != target[o] {
			t.Errorf("extension %s empty: error %v, want %v", o, got, target[o])
		}
	}
	if len(oids) <= len(emptySequenceTargets) {
		t.Errorf("only %d extensions seen", len(oids))
	}
	check := func(x *x509.Certificate, what string) {
		if got, want := oneExtensionAtATime(l, x, cfg), everyExtensionView(l, x, cfg); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %+v, want %+v", what, got, want)
		}
	}
	for _, c := range certs {
		check(c.X(), c.File)
		// The same with every target extension emptied, then with all but the last.
		x := *c.X()
		x.ExtensionsMap = map[string]pkix.Extension{}
		for o, e := range c.X().ExtensionsMap {
			x.ExtensionsMap[o] = e
		}
		for i, o := range emptySequenceTargets {
			if i%2 == 0 || i == len(emptySequenceTargets)-1 {
				x.ExtensionsMap[o] = pkix.Extension{Value: []byte{0x30, 0x00}}
			}
			check(&x, fmt.Sprintf("%s with %d targets emptied", c.File, i+1))
		}
		if testing.Short() {
			break
		}
	}
}

func zlintReg() interface {
	ByName(string) *zl.CertificateLint
} {
	return global().CertificateLints()
}

// TestIssuerOnlyLints checks that each issuerOnly lint gives, on every test certificate, the
// result it gives on a certificate holding nothing but that one's issuer and notBefore; and
// that Cert, whose results for them come from the cache on every certificate after the first
// of an issuer, gives what running every lint gives, in a first and a second pass.
func TestIssuerOnlyLints(t *testing.T) {
	certs := allCerts(t)
	cfg := zl.NewEmptyConfig()
	for _, name := range issuerOnly {
		l := global().CertificateLints().ByName(name)
		if l == nil {
			t.Fatalf("zlint has no lint %s", name)
		}
		if _, configurable := l.Lint().(zl.Configurable); configurable {
			t.Errorf("%s is configurable", name)
		}
		if _, ok := appliesOnlyWith[name]; ok {
			t.Errorf("%s is also in appliesOnlyWith", name)
		}
		for _, c := range certs {
			bare := &x509.Certificate{RawIssuer: c.X().RawIssuer, Issuer: c.X().Issuer, NotBefore: c.X().NotBefore}
			if got, want := l.Execute(bare, cfg), l.Execute(c.X(), cfg); !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %s: %+v from the issuer alone, %+v from the certificate", name, c.File, got, want)
			}
		}
	}
	l, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, cl := range l.serverLints {
		if cl.issuer >= 0 {
			n++
		}
	}
	if n != len(issuerOnly) {
		t.Errorf("%d issuer-only lints in the default server set, want %d", n, len(issuerOnly))
	}
	if testing.Short() && len(certs) > 400 {
		certs = certs[:400]
	}
	for pass := 1; pass <= 2; pass++ {
		for _, c := range certs {
			if got, want := l.Cert(c), l.allLints(c); !reflect.DeepEqual(got, want) {
				t.Errorf("pass %d, %s as %s: Cert gives\n%v\nevery lint gives\n%v", pass, c.File, c.Role, got, want)
			}
		}
	}
	if l.entries.Load() == 0 || l.entries.Load() >= int64(len(certs)) {
		t.Errorf("%d cached issuers for %d certificates", l.entries.Load(), len(certs))
	}
}

// goroot is the Go toolchain's root as `go env GOROOT` says ("" when go is not at hand: the
// roots under it are then skipped as missing).
func goroot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Logf("go env GOROOT: %v", err)
		return ""
	}
	return strings.TrimSpace(string(out))
}

// TestExecuteSameAsZlint runs every certificate lint zlint has, on every certificate of the
// corpus, the test data and Go's test data (each as a CA and as a server certificate), through
// execute (without CheckApplies where Cert leaves it out: appliesExactlyWith) and through
// zlint's own CertificateLint.Execute, and checks that the two give the same status and details (details in stableDetails' order: some lints list a map's keys). The
// byExtension lints pick what to report in map order, differently from run to run:
// TestOneExtensionAtATime compares them, one extension at a time, with zlint's Execute.
func TestExecuteSameAsZlint(t *testing.T) {
	certs := allCerts(t)
	lints := global().CertificateLints().Lints()
	cfg := zl.NewEmptyConfig()
	if testing.Short() && len(certs) > 400 {
		certs = certs[:400]
	}
	runs := map[zl.LintStatus]int{}
	exact := 0
	for _, c := range certs {
		for _, l := range lints {
			if byExtension[l.Name] {
				continue
			}
			// A lint whose CheckApplies is the extension alone is run as Cert runs it: without
			// CheckApplies when the extension is there.
			applies := false
			if oid, ok := appliesOnlyWith[l.Name]; ok && appliesExactlyWith[l.Name] {
				_, applies = c.X().ExtensionsMap[oid.String()]
			}
			if applies {
				exact++
			}
			got, want := execute(l, c.X(), cfg, applies), l.Execute(c.X(), cfg)
			if got == nil || want == nil {
				if got != want {
					t.Errorf("%s on %s: execute gives %+v, zlint %+v", l.Name, c.File, got, want)
				}
				continue
			}
			runs[want.Status]++
			if got.Status != want.Status || stableDetails(got.Details) != stableDetails(want.Details) {
				t.Errorf("%s on %s: execute gives %v %q, zlint %v %q", l.Name, c.File, got.Status, got.Details, want.Status, want.Details)
			}
		}
	}
	t.Logf("%d certificates x %d lints: %v; %d runs without CheckApplies", len(certs), len(lints), runs, exact)
	if exact == 0 {
		t.Error("no lint was run without its CheckApplies")
	}
	for _, s := range []zl.LintStatus{zl.NA, zl.NE, zl.Pass, zl.Warn, zl.Error} {
		if runs[s] == 0 {
			t.Errorf("no lint run gave %v: the corpus does not exercise that branch", s)
		}
	}
}

// panicky is a lint that panics in CheckApplies or in Execute.
type panicky struct{ inApplies bool }

func (p panicky) CheckApplies(*x509.Certificate) bool {
	if p.inApplies {
		panic("boom in CheckApplies")
	}
	return true
}

func (p panicky) Execute(*x509.Certificate) *zl.LintResult { panic("boom in Execute") }

// TestExecutePanics: a lint that panics gives the fatal result zlint gives, with zlint's
// details, whether it panics in CheckApplies or in Execute, and also through runCert.
func TestExecutePanics(t *testing.T) {
	x := allCerts(t)[0].X()
	cfg := zl.NewEmptyConfig()
	for _, inApplies := range []bool{true, false} {
		l := &zl.CertificateLint{
			LintMetadata: zl.LintMetadata{Name: "e_test_panics", Source: zl.Community},
			Lint:         func() zl.CertificateLintInterface { return panicky{inApplies: inApplies} },
		}
		want := l.Execute(x, cfg)
		for _, got := range []*zl.LintResult{execute(l, x, cfg, false), runCert(l, x, cfg, false)} {
			if got == nil || got.Status != zl.Fatal || got.Status != want.Status || got.Details != want.Details {
				t.Errorf("panic in CheckApplies %v: got %+v, zlint gives %+v", inApplies, got, want)
			}
		}
	}
}

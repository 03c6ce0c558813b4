// Package zlintcheck runs zlint (github.com/zmap/zlint/v3) on the parsed certificates and CRLs
// and reports its results as advisories with codes zlint.<lint_name>. Advisories are warnings
// or notices: they never carry a cloud code and fail a run only when --fail-on says so.
//
// Which lints run depends on the profile: private (the default) runs the sources RFC5280 and
// Community less the lints in PrivateExcluded, plus PrivateServerLints on server certificates;
// webpki adds the whole CABF_BR source on server certificates instead. The slow lints in
// DefaultExcluded are left out unless named with Include. Config changes the profile, the
// sources and the names.
package zlintcheck

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/crlcheck"
	"github.com/vpncertlint/vpncertlint/lint"
	"github.com/zmap/zcrypto/x509"
	"github.com/zmap/zcrypto/x509/pkix"
	"github.com/zmap/zlint/v3"
	zl "github.com/zmap/zlint/v3/lint"
	"github.com/zmap/zlint/v3/util"
)

// CodePrefix starts every zlint advisory's code.
const CodePrefix = "zlint."

// DefaultSources are the zlint sources run on every certificate and CRL, in both profiles.
var DefaultSources = []string{string(zl.RFC5280), string(zl.Community)}

// ServerSources are run in addition on server certificates (role server) in the webpki
// profile.
var ServerSources = []string{string(zl.CABFBaselineRequirements)}

// The profiles: which lints run when Config names no sources.
const (
	// ProfilePrivate is for a private VPN PKI (the default): DefaultSources less
	// PrivateExcluded, plus PrivateServerLints on server certificates.
	ProfilePrivate = "private"
	// ProfileWebPKI is for certificates that must also satisfy the CA/Browser Forum's Baseline
	// Requirements for publicly trusted TLS certificates: DefaultSources, plus ServerSources
	// (CABF_BR) on server certificates.
	ProfileWebPKI = "webpki"
)

// Profiles lists the profiles, the default first.
func Profiles() []string { return []string{ProfilePrivate, ProfileWebPKI} }

// PrivateServerLints are the lints of other sources that the private profile runs on server
// certificates because OpenVPN-style clients depend on what they check: such clients are
// configured with remote-cert-tls server, which requires the server certificate to have an
// extendedKeyUsage extension with serverAuth and a keyUsage extension (docs/zlint.md,
// "Profiles").
var PrivateServerLints = []string{
	// CABF_BR: no extendedKeyUsage extension at all (remote-cert-eku fails).
	"e_sub_cert_eku_missing",
	// CABF_BR: no keyUsage extension (remote-cert-ku without values requires one); zlint
	// judges only certificates issued from 15 September 2023 (its effective date).
	"w_missing_key_usage",
}

// PrivateExcluded are lints of DefaultSources that the private profile leaves out: what they
// ask for is web PKI practice or makes no difference to a VPN client, and common private CA
// tools (easy-rsa, the one OpenVPN ships; Go's crypto/x509) make every certificate they flag
// (docs/zlint.md).
var PrivateExcluded = []string{
	// RFC5280: easy-rsa marks basicConstraints and keyUsage non-critical; every path
	// validator in VPN clients (OpenSSL, mbedTLS, Windows, Apple, Go) processes them either way,
	// and the cloud only asks for cA=TRUE (VPN.0076).
	"e_basic_constraints_not_critical",
	"w_ext_key_usage_not_critical",
	// RFC5280: a subjectKeyIdentifier in an end-entity certificate SHOULD be present (RFC 5280
	// §4.2.1.2) and is NOT RECOMMENDED (CABF BRs 7.1.2.7.6): it only serves to build paths
	// through certificates the key issues, which a leaf's key does not; leaves made with Go's
	// crypto/x509 (and tools built on it) have none.
	"w_ext_subject_key_identifier_missing_sub_cert",
	// Community: single-label names such as easy-rsa's and the OpenVPN HOWTO's "server" are
	// "bare public suffixes" to the public suffix list; they are normal on a private network.
	"n_san_iana_pub_suffix_empty",
	"w_ian_iana_pub_suffix_empty",
}

// DefaultExcluded are lints left out of the default set because their cost dominates
// everything else (measured on ../shared/corpus, see docs/zlint.md; name them
// with Include to run them anyway).
var DefaultExcluded = []string{
	// Community: checks ECDSA keys against the compromised eMudhra CA's P-384 key with a
	// scalar multiplication per certificate: ~7 ms per ECDSA certificate.
	"e_cert_issued_by_compromised_emudhra_ca",
	// Community: brute-forces small ECDSA private keys: ~2 ms per ECDSA certificate.
	"e_ecdsa_small_private_key",
	// Community: Fermat factorisation of the RSA modulus: ~1 ms per RSA certificate.
	// vpncertlint's own weak-key check (VCL.0704) tests close primes more cheaply.
	"e_rsa_fermat_factorization",
	// CABF_BR: trial division of the RSA modulus by the primes below 752: ~30-90 µs per RSA
	// certificate, the most expensive lint left; vpncertlint's own small-factor check
	// (VCL.0705) does the same.
	"w_rsa_mod_factors_smaller_than_752",
	// RFC5280: re-parses every extension with encoding/asn1 to find non-DER encodings:
	// ~25 µs per certificate, a tenth of the whole default set.
	"e_cert_ext_invalid_der",
	// CABF_BR: IDNA processing of every DNS name: ~20 µs per server certificate.
	"e_dnsname_bad_character_in_label",
}

// Config selects the lints. Empty fields mean the defaults.
type Config struct {
	// Profile is ProfilePrivate (also when empty) or ProfileWebPKI.
	Profile string
	// IncludeSources replaces the profile's sources (for every role) when set; the private
	// profile's PrivateServerLints and PrivateExcluded still apply.
	IncludeSources []string
	// ExcludeSources are removed from whatever sources are in force.
	ExcludeSources []string
	// Include names lints to run in addition, whatever their source (also those in
	// DefaultExcluded).
	Include []string
	// Exclude names lints never to run.
	Exclude []string
}

// Linter runs the selected lints. It is safe for concurrent use.
type Linter struct {
	ca, server, crl zl.Registry
	// caLints and serverLints are the certificate lints of ca and server, in registry order,
	// each with the extension its CheckApplies requires first (see appliesOnlyWith).
	caLints, serverLints []certLint
	// byIssuer caches, per issuer name (and role and which of them are in effect), the
	// results of the lints that read nothing but the issuer (issuerOnly); entries counts its
	// entries, bounded by maxIssuers.
	byIssuer sync.Map // issuerKey -> []*zl.LintResult, indexed by certLint.issuer
	entries  atomic.Int64
}

// issuerOnly are the lints whose result depends on the certificate's issuer name alone
// (RawIssuer, and the Issuer zcrypto decodes from it) and on whether they are in effect (a
// date range over NotBefore): every leaf of one CA gets the same. None is configurable.
// TestIssuerOnlyLints checks the claim on every test certificate.
var issuerOnly = []string{
	"e_issuer_dn_country_not_printable_string",
	"e_issuer_field_empty",
	"w_issuer_dn_leading_whitespace",
	"w_issuer_dn_trailing_whitespace",
	"w_multiple_issuer_rdn",
}

// maxIssuers bounds byIssuer: past it, results are computed and not kept.
const maxIssuers = 4096

// issuerKey identifies one cached set of issuer-only results.
type issuerKey struct {
	server    bool
	effective uint64 // bit i: the i-th issuer-only lint of the role is in effect
	issuer    string
}

// certLint is a certificate lint and, when zlint would judge it not applicable (NA) to a
// certificate without that extension, the extension's OID as zcrypto's ExtensionsMap keys
// it; "" when it has none.
type certLint struct {
	lint *zl.CertificateLint
	ext  string
	// exact: CheckApplies is the extension's presence alone (appliesExactlyWith), so with
	// the extension the lint applies and its CheckApplies need not run.
	exact bool
	// issuer is the lint's index among the role's issuerOnly lints, -1 for the others.
	issuer int
}

// certLints lists reg's certificate lints with the extension each requires. A lint is given
// one only when it is not configurable (so zlint's MaybeConfigure, which runs before
// CheckApplies, cannot fail).
func certLints(reg zl.Registry) []certLint {
	var out []certLint
	byIssuer := toSet(issuerOnly)
	n := 0
	for _, l := range reg.CertificateLints().Lints() {
		cl := certLint{lint: l, issuer: -1}
		_, configurable := l.Lint().(zl.Configurable)
		if oid, ok := appliesOnlyWith[l.Name]; ok && !configurable {
			cl.ext = oid.String()
			cl.exact = appliesExactlyWith[l.Name]
		}
		if byIssuer[l.Name] && !configurable && cl.ext == "" && n < 64 {
			cl.issuer = n
			n++
		}
		out = append(out, cl)
	}
	return out
}

// global is zlint's registry, filled by the lint packages the zlint root package imports.
func global() zl.Registry { return zl.GlobalRegistry() }

// Sources lists the sources zlint knows, sorted.
func Sources() []string {
	var out []string
	for _, s := range global().Sources() {
		out = append(out, string(s))
	}
	sort.Strings(out)
	return out
}

// source returns the source of a lint of either kind.
func source(name string) (zl.LintSource, bool) {
	if l := global().CertificateLints().ByName(name); l != nil {
		return l.Source, true
	}
	if l := global().RevocationListLints().ByName(name); l != nil {
		return l.Source, true
	}
	return "", false
}

func toSet(xs []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// New builds a Linter from cfg. Unknown sources and lint names are errors.
func New(cfg Config) (*Linter, error) {
	known := toSet(Sources())
	for _, s := range append(append([]string(nil), cfg.IncludeSources...), cfg.ExcludeSources...) {
		if !known[s] {
			return nil, fmt.Errorf("unknown zlint source %q (want one of %s)", s, strings.Join(Sources(), ", "))
		}
	}
	for _, n := range append(append([]string(nil), cfg.Include...), cfg.Exclude...) {
		if _, ok := source(n); !ok {
			return nil, fmt.Errorf("unknown zlint lint %q (see 'vpncertlint codes --zlint')", n)
		}
	}
	caSources := DefaultSources
	serverSources := DefaultSources
	var serverLints, excluded []string
	switch cfg.Profile {
	case ProfilePrivate, "":
		serverLints, excluded = PrivateServerLints, PrivateExcluded
	case ProfileWebPKI:
		serverSources = append(append([]string(nil), DefaultSources...), ServerSources...)
	default:
		return nil, fmt.Errorf("unknown zlint profile %q (want %s)", cfg.Profile, strings.Join(Profiles(), " or "))
	}
	if len(cfg.IncludeSources) > 0 {
		caSources, serverSources = cfg.IncludeSources, cfg.IncludeSources
	}
	l := &Linter{}
	var err error
	if l.ca, err = selectLints(caSources, nil, excluded, cfg); err != nil {
		return nil, err
	}
	if l.server, err = selectLints(serverSources, serverLints, excluded, cfg); err != nil {
		return nil, err
	}
	l.crl = l.ca
	l.caLints, l.serverLints = certLints(l.ca), certLints(l.server)
	return l, nil
}

// selectLints filters zlint's registry to the lints of sources and the lints named in extra
// (less ExcludeSources, the default exclusions and the profile's excluded), plus Include, less
// Exclude.
func selectLints(sources, extra, excluded []string, cfg Config) (zl.Registry, error) {
	src, exSrc, more := toSet(sources), toSet(cfg.ExcludeSources), toSet(extra)
	inc, exc, slow, left := toSet(cfg.Include), toSet(cfg.Exclude), toSet(DefaultExcluded), toSet(excluded)
	var names []string
	for _, n := range global().Names() {
		s, _ := source(n)
		on := (src[string(s)] || more[n]) && !exSrc[string(s)] && !slow[n] && !left[n]
		if inc[n] {
			on = true
		}
		if exc[n] {
			on = false
		}
		if on {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		// zlint's Filter treats an empty name list as "no filter": use a name that keeps none.
		return emptyRegistry()
	}
	return global().Filter(zl.FilterOptions{IncludeNames: names})
}

func emptyRegistry() (zl.Registry, error) {
	return global().Filter(zl.FilterOptions{IncludeSources: zl.SourceList{zl.UnknownLintSource}})
}

// Names returns the names of the lints that run on certificates of role and on CRLs.
func (l *Linter) Names(role certcheck.Role) []string {
	return l.registry(role).Names()
}

func (l *Linter) registry(role certcheck.Role) zl.Registry {
	if role == certcheck.RoleServer {
		return l.server
	}
	return l.ca
}

// Cert runs the lints for c's role on c and returns the advisories (nil when zcrypto could
// not parse c: the content check reports that).
func (l *Linter) Cert(c *certcheck.Cert) []lint.Finding {
	if l == nil {
		return nil
	}
	x := c.X()
	if x == nil {
		return nil
	}
	reg, lints := l.ca, l.caLints
	if c.Role == certcheck.RoleServer {
		reg, lints = l.server, l.serverLints
	}
	cfg := reg.GetConfiguration()
	var out []lint.Finding
	var obj *lint.Object // computed once, for the first finding (names are costly to render)
	key, cached, fresh := l.issuerResults(c, x, lints)
	for _, cl := range lints {
		if cl.ext != "" {
			if _, has := x.ExtensionsMap[cl.ext]; !has {
				continue // zlint: not applicable (NA), never reported
			}
		}
		res := certResult(cl, x, cfg, cached, fresh) // cl.ext, if any, is in x
		if f, ok := finding(cl.lint.LintMetadata, res); ok {
			if obj == nil {
				o := c.Object()
				obj = &o
			}
			f.Args = []string{c.Name}
			out = append(out, f.At(c.File, c.Line).About(*obj))
		}
	}
	if fresh && l.entries.Load() < maxIssuers {
		if _, loaded := l.byIssuer.LoadOrStore(key, cached); !loaded {
			l.entries.Add(1)
		}
	}
	return out
}

// certResult is cl's result on x, which holds cl.ext if cl has one: an issuer-only lint's
// from cached unless fresh, when it is run and kept there; any other lint's run.
func certResult(cl certLint, x *x509.Certificate, cfg zl.Configuration, cached []*zl.LintResult, fresh bool) *zl.LintResult {
	switch {
	case cl.issuer >= 0 && !fresh:
		return cached[cl.issuer]
	case cl.issuer >= 0:
		res := runCert(cl.lint, x, cfg, false)
		cached[cl.issuer] = res
		return res
	}
	return runCert(cl.lint, x, cfg, cl.exact)
}

// issuerResults are the cache of the results of c's issuer-only lints among lints: its key,
// the results (indexed by certLint.issuer; nil when no lint is issuer-only), and whether they
// are fresh (to be run, and stored under key afterwards) rather than cached.
func (l *Linter) issuerResults(c *certcheck.Cert, x *x509.Certificate, lints []certLint) (key issuerKey, cached []*zl.LintResult, fresh bool) {
	key = issuerKey{server: c.Role == certcheck.RoleServer}
	anyIssuerOnly := false
	for _, cl := range lints {
		if cl.issuer >= 0 {
			anyIssuerOnly = true
			if cl.lint.CheckEffective(x) {
				key.effective |= 1 << cl.issuer
			}
		}
	}
	if !anyIssuerOnly {
		return key, nil, false
	}
	key.issuer = string(x.RawIssuer)
	if v, ok := l.byIssuer.Load(key); ok {
		return key, v.([]*zl.LintResult), false
	}
	return key, make([]*zl.LintResult, 64), true
}

// CRL runs the CRL lints on c.
func (l *Linter) CRL(c *crlcheck.CRL) []lint.Finding {
	if l == nil || c.X == nil {
		return nil
	}
	cfg := l.crl.GetConfiguration()
	var out []lint.Finding
	obj := c.Object()
	for _, zlnt := range l.crl.RevocationListLints().Lints() {
		res := runCRL(zlnt, c.X, cfg)
		if f, ok := finding(zlnt.LintMetadata, res); ok {
			f.Args = []string{c.Name}
			out = append(out, f.At(c.File, c.Line).About(obj))
		}
	}
	return out
}

// runCert runs l on x; applies says that l's CheckApplies is known to hold on x. A lint that
// panics gives a fatal result (execute recovers, as zlint does).
func runCert(l *zl.CertificateLint, x *x509.Certificate, cfg zl.Configuration, applies bool) *zl.LintResult {
	if byExtension[l.Name] && len(x.ExtensionsMap) > 1 {
		return oneExtensionAtATime(l, x, cfg)
	}
	return execute(l, x, cfg, applies)
}

// Shared results for a lint that does not apply (NA) or is not in effect (NE) on a
// certificate. zlint allocates a new one for each lint and certificate, with room for the
// lint's metadata: 11 % of the bytes a default run allocated. They are never changed.
var (
	resultNA = &zl.LintResult{Status: zl.NA}
	resultNE = &zl.LintResult{Status: zl.NE}
)

// execute is zlint's CertificateLint.Execute (lint/base.go in v3.7.3: the framework filter
// by source, Configure, CheckApplies, CheckEffective, then the lint) with the same results,
// except that NA and NE are the shared resultNA and resultNE, and that CheckApplies is not
// run when the caller knows it holds (applies). TestExecuteSameAsZlint runs both on every
// lint and every certificate of the corpus.
func execute(l *zl.CertificateLint, x *x509.Certificate, cfg zl.Configuration, applies bool) (res *zl.LintResult) {
	defer func() {
		if p := recover(); p != nil {
			res = &zl.LintResult{Status: zl.Fatal, Details: fmt.Sprintf("'%s' panicked. Error: %v", l.Name, p)}
		}
	}()
	if !l.OverrideFrameworkFilter && !inFramework(l.Source, x) {
		return resultNA
	}
	impl := l.Lint()
	if err := cfg.MaybeConfigure(impl, l.Name); err != nil {
		return &zl.LintResult{Status: zl.Fatal, Details: err.Error()}
	}
	if !applies && !impl.CheckApplies(x) {
		return resultNA
	}
	if !l.CheckEffective(x) {
		return resultNE
	}
	return impl.Execute(x)
}

// inFramework is zlint's framework filter: a lint of a CA/Browser Forum source applies only to
// the certificates that source governs.
func inFramework(src zl.LintSource, x *x509.Certificate) bool {
	switch src {
	case zl.CABFBaselineRequirements:
		return util.IsServerAuthCert(x)
	case zl.CABFSMIMEBaselineRequirements:
		return util.IsEmailProtectionCert(x)
	case zl.CABFCSBaselineRequirements:
		return util.IsCodeSigning(x.PolicyIdentifiers)
	}
	return true
}

// byExtension names the lints that range over a map of extensions and stop at the first
// bad one: with two bad extensions, which one they report (and with which status) changed
// from run to run. They are run on one extension at a time, in OID order.
var byExtension = map[string]bool{"e_ext_cannot_be_empty_sequence": true}

// oneExtensionAtATime runs l on views of x that each hold one of its extensions (in OID
// order) and returns the first result that is not a pass, else the result on x. Only the
// extensions e_ext_cannot_be_empty_sequence looks at (emptySequenceTargets) can fail a view:
// on any other it passes, so only those get one, and none when there is at most one (the
// result on x is then that view's). The lint passes on x exactly when it passes on every
// such view (it judges each extension alone), so a pass on x, the usual result, is returned
// without the views (each a copy of x: 12 % of a default run's allocations).
func oneExtensionAtATime(l *zl.CertificateLint, x *x509.Certificate, cfg zl.Configuration) *zl.LintResult {
	whole := execute(l, x, cfg, false)
	if whole == nil || whole.Status == zl.Pass {
		return whole
	}
	var present [len(emptySequenceTargets)]string
	n := 0
	for _, oid := range emptySequenceTargets {
		if _, has := x.ExtensionsMap[oid]; has {
			present[n] = oid
			n++
		}
	}
	if n > 1 {
		for _, oid := range present[:n] {
			view := *x
			view.ExtensionsMap = map[string]pkix.Extension{oid: x.ExtensionsMap[oid]}
			if res := execute(l, &view, cfg, false); res != nil && res.Status > zl.Pass {
				return res
			}
		}
	}
	return whole
}

// emptySequenceTargets are the extensions e_ext_cannot_be_empty_sequence checks (zlint's
// targetExtensionsMap), sorted as strings.
var emptySequenceTargets = [...]string{
	"1.3.6.1.5.5.7.1.1",  // authorityInfoAccess
	"1.3.6.1.5.5.7.1.11", // subjectInfoAccess
	"2.5.29.17",          // subjectAltName
	"2.5.29.18",          // issuerAltName
	"2.5.29.31",          // cRLDistributionPoints
	"2.5.29.32",          // certificatePolicies
	"2.5.29.33",          // policyMappings
	"2.5.29.37",          // extKeyUsage
	"2.5.29.46",          // freshestCRL
	"2.5.29.9",           // subjectDirectoryAttributes
}

func runCRL(l *zl.RevocationListLint, x *x509.RevocationList, cfg zl.Configuration) (res *zl.LintResult) {
	defer func() {
		if p := recover(); p != nil {
			res = &zl.LintResult{Status: zl.Fatal, Details: fmt.Sprintf("it panicked: %v", p)}
		}
	}()
	return l.Execute(x, cfg)
}

// Severity maps a zlint status to an advisory severity: error, fatal and warn are warnings,
// notice is a notice; anything below notice (pass, NA, NE) is not reported.
func Severity(s zl.LintStatus) (lint.Severity, bool) {
	switch s {
	case zl.Fatal, zl.Error, zl.Warn:
		return lint.Warning, true
	case zl.Notice:
		return lint.Notice, true
	}
	return 0, false
}

func finding(m zl.LintMetadata, res *zl.LintResult) (lint.Finding, bool) {
	if res == nil {
		return lint.Finding{}, false
	}
	sev, ok := Severity(res.Status)
	if !ok {
		return lint.Finding{}, false
	}
	code := CodeFor(m.Name)
	f := lint.New(code, detail(m, res))
	f.Severity = sev
	return f, true
}

// detail is zlint's details on this input, then the lint's citation: "Basic Constraints
// extension is marked as non-critical; RFC 5280: 4.2.1.9". It names neither the file (the
// finding's location does) nor zlint's status: the severity says it, and the lint's name
// (e_, w_, n_) says whether the citation is a MUST, a SHOULD or a note. Only a lint that
// could not run on the input (zlint's fatal status) says so.
func detail(m zl.LintMetadata, res *zl.LintResult) string {
	var parts []string
	if res.Status == zl.Fatal {
		parts = append(parts, "the lint could not run (zlint fatal)")
	}
	if res.Details != "" {
		parts = append(parts, stableDetails(res.Details))
	}
	if m.Citation != "" {
		parts = append(parts, m.Citation)
	}
	return strings.Join(parts, "; ")
}

// keyUsageList is a list of key usage names as zlint's util.GetKeyUsageStrings prints it
// ("KeyUsage [DigitalSignature KeyEncipherment]").
var keyUsageList = regexp.MustCompile(`KeyUsage \[([A-Za-z ]*)\]`)

// duplicatedPrefix starts e_ext_duplicate_extension's details, a list of OIDs in map order.
const duplicatedPrefix = "The following extensions are duplicated: "

// stableDetails sorts the lists zlint prints in map order, which changed from run to run
// where reports must be byte-identical: key usage names from util.GetKeyUsageStrings
// ("KeyUsage [KeyEncipherment DigitalSignature]", in e_key_usage_and_extended_key_usage_inconsistent
// and e_qc_np_correct_ku_setting) and e_ext_duplicate_extension's OIDs.
func stableDetails(d string) string {
	if rest, ok := strings.CutPrefix(d, duplicatedPrefix); ok {
		oids := strings.Split(rest, ", ")
		sort.Strings(oids)
		return duplicatedPrefix + strings.Join(oids, ", ")
	}
	if !strings.Contains(d, "KeyUsage [") {
		return d
	}
	return keyUsageList.ReplaceAllStringFunc(d, func(m string) string {
		names := strings.Fields(m[len("KeyUsage [") : len(m)-1])
		sort.Strings(names)
		return "KeyUsage [" + strings.Join(names, " ") + "]"
	})
}

var (
	regMu      sync.RWMutex
	registered = map[string]bool{}
)

// CodeFor returns the code of the zlint lint name, putting that lint in the catalogue on
// first use.
func CodeFor(name string) string {
	registerOne(name)
	return CodePrefix + name
}

// registerOne puts the lint name (a certificate or CRL lint) in the catalogue, once. It
// reports whether zlint has such a lint.
func registerOne(name string) bool {
	regMu.RLock()
	done := registered[name]
	regMu.RUnlock()
	if done {
		return true
	}
	regMu.Lock()
	defer regMu.Unlock()
	if registered[name] {
		return true
	}
	var m zl.LintMetadata
	if l := global().CertificateLints().ByName(name); l != nil {
		m = l.LintMetadata
	} else if l := global().RevocationListLints().ByName(name); l != nil {
		m = l.LintMetadata
	} else {
		return false // unknown, or an OCSP lint (not run)
	}
	lint.Register(catalogueEntry(m))
	registered[name] = true
	return true
}

// Register puts every zlint lint (certificate and CRL lints) in the catalogue as
// SourceZlint codes. It is idempotent. The package's init does not call it: it declares the
// zlint codes to the catalogue as lazy (lint.RegisterLazy), so that a lint's entry is made
// when its code is first raised or looked up, and all of them only when the catalogue is
// listed (vpncertlint codes); registering all 447 at start-up cost about 5 ms per run.
func Register() {
	for _, n := range global().Names() {
		registerOne(n)
	}
}

func init() {
	lint.RegisterLazy(CodePrefix, func(id string) { registerOne(strings.TrimPrefix(id, CodePrefix)) }, Register)
}

func catalogueEntry(m zl.LintMetadata) lint.Code {
	desc := strings.ReplaceAll(strings.TrimSpace(m.Description), "%s", "% s")
	citation := m.Citation
	if citation == "" {
		citation = "none given"
	}
	sev := lint.Warning
	if strings.HasPrefix(m.Name, "n_") {
		sev = lint.Notice
	}
	return lint.Code{
		ID:       CodePrefix + m.Name,
		Source:   lint.SourceZlint,
		Severity: sev,
		// The lint's description alone: the finding's location names the file, and the
		// text and markdown reports print it beside the message.
		Message:  desc,
		DescEN:   fmt.Sprintf("zlint lint %s (source %s): %s Citation: %s.", m.Name, m.Source, desc, citation),
		RemedyEN: fmt.Sprintf("Re-issue the certificate (or CRL) as the citation requires; this is advice, the cloud does not check it. If it does not apply to you, turn it off with --zlint-exclude %s.", m.Name),
		DescZH:   fmt.Sprintf("zlint检查项%s(来源%s):%s 依据:%s。", m.Name, m.Source, desc, citation),
		RemedyZH: fmt.Sprintf("请按依据要求重新签发证书(或吊销列表);此项为建议,云端不做检查。如不适用,可使用--zlint-exclude %s关闭。", m.Name),
	}
}

// Codes lists the codes of the lints l runs on CA and server certificates and on CRLs, sorted.
func (l *Linter) Codes() []string {
	seen := map[string]bool{}
	for _, r := range []zl.Registry{l.ca, l.server, l.crl} {
		for _, n := range r.Names() {
			seen[CodeFor(n)] = true
		}
	}
	var out []string
	for c := range seen {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// keep the zlint root package imported so the registry is populated.
var _ = zlint.Version

// Package servercheck checks the server certificate as it is imported into Huawei Cloud
// Certificate Manager (CCM), which the VPN server then names by ID: the certificate (which may
// hold its chain), the separate chain and the private key.
//
// CCM documents: certificate at most 4096 characters, certificate_chain at most 8192,
// private_key at most 4096 and not password-protected. Those, an unreadable key and a key that
// does not match the certificate are errors (CCM refuses them). Chain order and completeness,
// an issuer expiring before the leaf, a CA leaf, the extended key usage and key usage are
// warnings: CCM does not check them, but VPN clients that verify the server do.
//
// Private key material never appears in a finding: the key is parsed, compared, and dropped;
// messages name the file, the line and the PEM label only.
package servercheck

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	stdx509 "crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/internal/pemscan"
	"github.com/vpncertlint/vpncertlint/lint"
	"github.com/zmap/zcrypto/x509"
)

// Documented Certificate Manager limits (ImportCertificate), in characters.
const (
	MaxCertificateChars = 4096
	MaxChainChars       = 8192
	MaxKeyChars         = 4096
)

// Codes of the Certificate Manager bundle checks (VCL.2xxx).
var (
	CodeKeyEncrypted = lint.Register(lint.Code{
		ID: "VCL.2001", Source: lint.SourceTool, Severity: lint.Error,
		Message:  "The private key %s is password-protected.",
		DescEN:   "Cloud Certificate Manager refuses a password-protected (encrypted) private key: the private_key field must be an unencrypted PEM key.",
		RemedyEN: "Remove the password: openssl pkey -in server.key -out server-nopass.key (keep the result safe).",
		DescZH:   "私钥%s设置了密码,云证书管理服务不接受加密的私钥。",
		RemedyZH: "请去除私钥密码:openssl pkey -in server.key -out server-nopass.key,并妥善保管。",
	}).ID
	CodeKeyUnreadable = lint.Register(lint.Code{
		ID: "VCL.2002", Source: lint.SourceTool, Severity: lint.Error,
		Message:  "The private key %s cannot be read.",
		DescEN:   "The key file must hold exactly one PEM private key: PKCS#1 (RSA PRIVATE KEY), PKCS#8 (PRIVATE KEY) or SEC1 (EC PRIVATE KEY).",
		RemedyEN: "Export the key as unencrypted PEM: openssl pkey -in KEY -out server.key.",
		DescZH:   "无法读取私钥%s。私钥文件须为一个PEM格式私钥(PKCS#1、PKCS#8或SEC1)。",
		RemedyZH: "请导出为不加密的PEM私钥:openssl pkey -in KEY -out server.key。",
	}).ID
	CodeKeyMismatch = lint.Register(lint.Code{
		ID: "VCL.2003", Source: lint.SourceTool, Severity: lint.Error,
		Message:  "The private key %s does not match the server certificate.",
		DescEN:   "The private key's public half differs from the certificate's public key, so Certificate Manager refuses the pair and TLS handshakes would fail.",
		RemedyEN: "Use the key the certificate was issued for (compare: openssl x509 -noout -pubkey -in CERT and openssl pkey -pubout -in KEY).",
		DescZH:   "私钥%s与服务器证书的公钥不匹配。",
		RemedyZH: "请使用签发该证书时对应的私钥。",
	}).ID
	CodeCertTooLong = lint.Register(lint.Code{
		ID: "VCL.2004", Source: lint.SourceTool, Severity: lint.Error,
		Message:  "The server certificate %s is longer than Certificate Manager accepts.",
		DescEN:   "Certificate Manager's certificate field holds at most 4096 characters (PEM, including the chain when it is pasted there).",
		RemedyEN: "Put the intermediate CAs in the certificate chain field instead of the certificate field, or use a shorter chain.",
		DescZH:   "服务器证书%s超过云证书管理服务允许的4096个字符。",
		RemedyZH: "请将中间CA证书放入证书链字段,或缩短证书链。",
	}).ID
	CodeChainTooLong = lint.Register(lint.Code{
		ID: "VCL.2005", Source: lint.SourceTool, Severity: lint.Error,
		Message:  "The certificate chain %s is longer than Certificate Manager accepts.",
		DescEN:   "Certificate Manager's certificate_chain field holds at most 8192 characters.",
		RemedyEN: "Leave the root CA out of the chain (clients have it) and remove certificates that are not on the path.",
		DescZH:   "证书链%s超过云证书管理服务允许的8192个字符。",
		RemedyZH: "请去除根CA证书及与签发路径无关的证书。",
	}).ID
	CodeKeyTooLong = lint.Register(lint.Code{
		ID: "VCL.2006", Source: lint.SourceTool, Severity: lint.Error,
		Message:  "The private key %s is longer than Certificate Manager accepts.",
		DescEN:   "Certificate Manager's private_key field holds at most 4096 characters; an RSA key above 4096 bits does not fit.",
		RemedyEN: "Use an RSA 3072/4096 or ECDSA key, in PEM without extra text.",
		DescZH:   "私钥%s超过云证书管理服务允许的4096个字符。",
		RemedyZH: "请使用RSA 3072/4096或ECDSA密钥,且不要包含多余文本。",
	}).ID
	CodeChainUnreadable = lint.Register(lint.Code{
		ID: "VCL.2007", Source: lint.SourceTool, Severity: lint.Error,
		Message:  "The certificate chain %s cannot be read.",
		DescEN:   "The certificate_chain field must hold PEM CERTIFICATE blocks that parse as X.509 certificates; Certificate Manager refuses anything else.",
		RemedyEN: "Export the intermediate CA certificates as PEM: openssl x509 -in CA -out chain.pem (one after the other).",
		DescZH:   "无法读取证书链%s,证书链须由可解析的PEM证书组成。",
		RemedyZH: "请将中间CA证书导出为PEM格式后依次拼接。",
	}).ID
	CodeChainOrder = lint.Register(lint.Code{
		ID: "VCL.2010", Source: lint.SourceTool, Severity: lint.Warning,
		Message:  "The chain of server certificate %s is out of order.",
		DescEN:   "Each certificate of the bundle (certificate, then chain) must be signed by the next one; clients that do not reorder reject the server.",
		RemedyEN: "List the leaf first, then its issuer, then that issuer's issuer, up to (not necessarily including) the root.",
		DescZH:   "服务器证书%s的证书链顺序不正确,每张证书应由其后一张签发。",
		RemedyZH: "请按服务器证书、签发CA、上级CA的顺序排列。",
	}).ID
	CodeChainIncomplete = lint.Register(lint.Code{
		ID: "VCL.2011", Source: lint.SourceTool, Severity: lint.Warning,
		Message:  "The chain of server certificate %s does not reach a root.",
		DescEN:   "The bundle ends with a certificate that is neither self-signed nor issued by a CA given with --ca, so vpncertlint cannot tell whether clients can build a path to a trusted root; a missing intermediate makes clients reject the server.",
		RemedyEN: "Add the missing intermediate CA certificates to the chain, or pass the root with --ca to verify the path.",
		DescZH:   "服务器证书%s的证书链未到达根CA。",
		RemedyZH: "请在证书链中补充缺失的中间CA证书,或使用--ca指定根CA以便校验。",
	}).ID
	CodeIssuerExpiresFirst = lint.Register(lint.Code{
		ID: "VCL.2012", Source: lint.SourceTool, Severity: lint.Warning,
		Message:  "A CA in the chain of server certificate %s expires before it.",
		DescEN:   "An issuing CA of the chain expires before the server certificate; from then on clients reject the server although the certificate itself is valid.",
		RemedyEN: "Renew the chain (or re-issue the server certificate from a CA that outlives it).",
		DescZH:   "服务器证书%s的证书链中有CA早于该证书过期。",
		RemedyZH: "请更新证书链,或使用有效期更长的CA重新签发。",
	}).ID
	CodeLeafIsCA = lint.Register(lint.Code{
		ID: "VCL.2013", Source: lint.SourceTool, Severity: lint.Warning,
		Message:  "Server certificate %s is a CA certificate.",
		DescEN:   "The server certificate has basicConstraints cA=TRUE; TLS clients expect an end-entity certificate and some reject a CA as the server certificate.",
		RemedyEN: "Issue the server certificate with basicConstraints CA:FALSE.",
		DescZH:   "服务器证书%s是CA证书(cA=TRUE)。",
		RemedyZH: "请签发basicConstraints为CA:FALSE的服务器证书。",
	}).ID
	CodeNoServerAuth = lint.Register(lint.Code{
		ID: "VCL.2014", Source: lint.SourceTool, Severity: lint.Warning,
		Message:  "Server certificate %s is not for TLS servers (extendedKeyUsage lacks serverAuth).",
		DescEN:   "The certificate has an extendedKeyUsage extension without serverAuth (or anyExtendedKeyUsage); VPN clients that check the purpose reject it.",
		RemedyEN: "Re-issue the server certificate with extendedKeyUsage serverAuth.",
		DescZH:   "服务器证书%s的扩展密钥用法不含serverAuth。",
		RemedyZH: "请签发扩展密钥用法包含serverAuth的服务器证书。",
	}).ID
	CodeNoDigitalSignature = lint.Register(lint.Code{
		ID: "VCL.2015", Source: lint.SourceTool, Severity: lint.Warning,
		Message:  "The key usage of server certificate %s does not allow digitalSignature.",
		DescEN:   "The certificate has a keyUsage extension without digitalSignature; TLS with ECDHE key exchange (the only kind TLS 1.3 has) needs it, and strict clients refuse the server.",
		RemedyEN: "Re-issue the server certificate with keyUsage digitalSignature (and keyEncipherment for RSA).",
		DescZH:   "服务器证书%s的密钥用法不含digitalSignature。",
		RemedyZH: "请签发密钥用法包含digitalSignature的服务器证书。",
	}).ID
)

// bundle is what the bundle check looks at: the certificate field's certificates (the leaf
// first) and the trust anchors given with --ca; the check adds the key and chain files' results.
type bundle struct {
	servers, cas []*certcheck.Cert
	files        []lint.FileResult
}

// bundleCheck is a check of the Certificate Manager bundle. The checks list (checks_gen.go)
// holds every package-level &bundleCheck{…}, by variable name; go generate rewrites it.
//
//go:generate go run ../../scripts/genchecks -type=bundleCheck -list=checks
type bundleCheck = lint.Check[*bundle, Options]

// ccmBundleCheck judges the bundle as a whole.
var ccmBundleCheck = &bundleCheck{
	Name: "ccm-bundle",
	Doc:  "The server certificate as Certificate Manager imports it: the key file (readable, unencrypted, matching), the documented lengths, the chain's order and completeness, the leaf's CA flag and key usages.",
	Codes: []string{CodeKeyEncrypted, CodeKeyUnreadable, CodeKeyMismatch, CodeCertTooLong, CodeChainTooLong,
		CodeKeyTooLong, CodeChainUnreadable, CodeChainOrder, CodeChainIncomplete, CodeIssuerExpiresFirst, CodeLeafIsCA, CodeNoServerAuth,
		CodeNoDigitalSignature},
	Run: checkBundle,
}

// Codes lists every code of the package's checks (for the catalogue listing).
func Codes() []string { return lint.CodesOf(checks) }

// Options say where the bundle's other parts are.
type Options struct {
	KeyFile, ChainFile string
	Now                time.Time
	MaxFileSize        int64
	// Contents, when set, holds the key and chain by name instead of the file system (a
	// Terraform resource's arguments).
	Contents map[string][]byte
}

// Bundle returns the engine hook that checks the run's server certificates (the certificate
// field, leaf first) with the key and chain files.
func Bundle(o Options) func(servers, cas []*certcheck.Cert) ([]lint.FileResult, []lint.Finding) {
	return func(servers, cas []*certcheck.Cert) (files []lint.FileResult, out []lint.Finding) {
		defer func() {
			// A panic must not take the run down, and its value is not printed: it could
			// hold key material.
			if recover() != nil {
				name := o.KeyFile
				if name == "" {
					name = o.ChainFile
				}
				files, out = []lint.FileResult{{File: name, Objects: []lint.ObjectInfo{},
					Error: "internal error while checking the Certificate Manager bundle (please report)"}}, nil
			}
		}()
		return Check(servers, cas, o)
	}
}

// Check checks one bundle. servers are the certificate field's certificates in order (the
// leaf first); cas are trust anchors given with --ca.
func Check(servers, cas []*certcheck.Cert, o Options) ([]lint.FileResult, []lint.Finding) {
	b := &bundle{servers: servers, cas: cas}
	out := lint.Run(checks, &lint.Pass[*bundle, Options]{Subject: b, Env: o})
	return b.files, out
}

// checkBundle is the ccm-bundle check.
func checkBundle(p *lint.Pass[*bundle, Options]) {
	files, out := judgeBundle(p.Subject.servers, p.Subject.cas, p.Env)
	p.Subject.files = files
	p.Add(out...)
}

func judgeBundle(servers, cas []*certcheck.Cert, o Options) (files []lint.FileResult, out []lint.Finding) {
	var chain []*certcheck.Cert
	if o.ChainFile != "" {
		fr, certs, findings := readChain(o.ChainFile, o.MaxFileSize, o.Contents)
		files, chain = append(files, fr), certs
		out = append(out, findings...)
	}
	if len(servers) == 0 {
		return files, out // the format checks said why there is no certificate
	}
	leaf := servers[0]
	var pub crypto.PublicKey
	if len(leaf.Raw.RawSPKI) > 0 {
		pub, _ = stdx509.ParsePKIXPublicKey(leaf.Raw.RawSPKI)
	}
	if o.KeyFile != "" {
		fr, findings := checkKey(o.KeyFile, o.MaxFileSize, o.Contents, pub, leaf)
		files = append(files, fr)
		out = append(out, findings...)
	}
	if n := pemChars(servers); n > MaxCertificateChars {
		out = append(out, leaf.Finding(CodeCertTooLong, fmt.Sprintf("%d certificates take %d characters as PEM; the limit is %d", len(servers), n, MaxCertificateChars)))
	}
	if n := pemChars(chain); n > MaxChainChars {
		out = append(out, lint.New(CodeChainTooLong, fmt.Sprintf("%d certificates take %d characters as PEM; the limit is %d", len(chain), n, MaxChainChars), filepath.Base(o.ChainFile)).At(o.ChainFile, chain[0].Line))
	}
	out = append(out, leafFindings(leaf)...)
	out = append(out, chainFindings(append(append([]*certcheck.Cert(nil), servers...), chain...), cas)...)
	return files, out
}

// pemChars is the length of the certificates re-encoded as canonical PEM (64-character lines,
// LF): what the console sends once text around the blocks and CR characters are gone.
func pemChars(certs []*certcheck.Cert) int {
	n := 0
	for _, c := range certs {
		n += len(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.DER}))
	}
	return n
}

func readFile(path string, limit int64, contents map[string][]byte) ([]byte, error) {
	if data, ok := contents[path]; ok {
		return data, nil
	}
	f, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s: %v", pe.Op, pe.Err)
		}
		return nil, err
	}
	defer func() { _ = f.Close() }() // read only: closing cannot lose data
	if limit <= 0 {
		limit = 64 << 20
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, errors.New("read error")
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("larger than the size limit of %d bytes (--max-file-size)", limit)
	}
	return data, nil
}

func readChain(path string, limit int64, contents map[string][]byte) (lint.FileResult, []*certcheck.Cert, []lint.Finding) {
	fr := lint.FileResult{File: path, Objects: []lint.ObjectInfo{}}
	data, err := readFile(path, limit, contents)
	if err != nil {
		fr.Error = err.Error()
		return fr, nil, nil
	}
	name := filepath.Base(path)
	var certs []*certcheck.Cert
	var out []lint.Finding
	scan := pemscan.Scan(data)
	for _, b := range scan.Blocks {
		info := lint.ObjectInfo{Line: b.BeginLine, Type: b.Type, Kind: "other", Role: "chain"}
		switch {
		case b.Problem != pemscan.ProblemNone:
			out = append(out, lint.New(CodeChainUnreadable, fmt.Sprintf("%s block at line %d: %s", b.Type, b.BeginLine, b.Detail), name).At(path, b.BeginLine))
		case b.Type != "CERTIFICATE":
			out = append(out, lint.New(CodeChainUnreadable, fmt.Sprintf("line %d: a %q block in the certificate chain; it must hold only CERTIFICATE blocks", b.BeginLine, b.Type), name).At(path, b.BeginLine))
		default:
			c := certcheck.NewCert(b.Bytes, path, b.BeginLine, name)
			c.Role = certcheck.RoleCA
			info.Kind, info.Object = "certificate", c.Object()
			if c.X() == nil {
				out = append(out, c.Finding(CodeChainUnreadable, fmt.Sprintf("the X.509 parser rejects it: %v", c.ParseErr)))
			} else {
				certs = append(certs, c)
			}
		}
		fr.Objects = append(fr.Objects, info)
	}
	if len(scan.Blocks) == 0 {
		out = append(out, lint.New(CodeChainUnreadable, "no PEM block: the certificate chain must hold CERTIFICATE blocks", name).At(path, 0))
	}
	return fr, certs, out
}

// keyLabels are the PEM labels of unencrypted private keys.
var keyLabels = map[string]string{
	"RSA PRIVATE KEY": "PKCS#1", "PRIVATE KEY": "PKCS#8", "EC PRIVATE KEY": "SEC1",
}

// checkKey reads the key file. No error text of a key parser is passed on (it could, in a
// future library version, quote the input): messages are written here.
func checkKey(path string, limit int64, contents map[string][]byte, certPub crypto.PublicKey, leaf *certcheck.Cert) (lint.FileResult, []lint.Finding) {
	fr := lint.FileResult{File: path, Objects: []lint.ObjectInfo{}}
	data, err := readFile(path, limit, contents)
	if err != nil {
		fr.Error = err.Error()
		return fr, nil
	}
	name := filepath.Base(path)
	at := func(code string, line int, detail string) lint.Finding {
		return lint.New(code, detail, name).At(path, line)
	}
	blocks := keyBlocks(data, &fr)
	if len(blocks) == 0 {
		return fr, []lint.Finding{at(CodeKeyUnreadable, 0, "no PEM private key block in the file")}
	}
	if len(blocks) > 1 {
		return fr, []lint.Finding{at(CodeKeyUnreadable, blocks[1].line, fmt.Sprintf("%d PEM blocks; the private key field takes exactly one private key", len(blocks)))}
	}
	b := blocks[0]
	if b.Block == nil {
		return fr, []lint.Finding{at(CodeKeyUnreadable, b.line, "the PEM block is malformed (bad base64, a missing END line, or a mismatched label)")}
	}
	var out []lint.Finding
	if n := utf8.RuneCount(pem.EncodeToMemory(b.Block)); n > MaxKeyChars {
		out = append(out, at(CodeKeyTooLong, b.line, fmt.Sprintf("the key takes %d characters as PEM; the limit is %d", n, MaxKeyChars)))
	}
	if b.Type == "ENCRYPTED PRIVATE KEY" || b.Headers["Proc-Type"] != "" && strings.Contains(b.Headers["Proc-Type"], "ENCRYPTED") {
		detail := "PKCS#8 EncryptedPrivateKeyInfo (ENCRYPTED PRIVATE KEY)"
		if b.Type != "ENCRYPTED PRIVATE KEY" {
			detail = fmt.Sprintf("legacy OpenSSL encryption (Proc-Type: 4,ENCRYPTED header on a %s block)", b.Type)
		}
		return fr, append(out, at(CodeKeyEncrypted, b.line, detail))
	}
	format, ok := keyLabels[b.Type]
	if !ok {
		return fr, append(out, at(CodeKeyUnreadable, b.line, fmt.Sprintf("a %q block is not a private key; expected RSA PRIVATE KEY, PRIVATE KEY or EC PRIVATE KEY", b.Type)))
	}
	priv, perr := parseKey(b.Type, b.Bytes)
	if perr != nil {
		return fr, append(out, at(CodeKeyUnreadable, b.line, fmt.Sprintf("the %s %s block does not hold a key the parser accepts", format, b.Type)))
	}
	signer, ok := priv.(crypto.Signer)
	if !ok {
		return fr, append(out, at(CodeKeyUnreadable, b.line, "unsupported private key type"))
	}
	if certPub == nil {
		return fr, out // the certificate's key is unreadable: the certificate checks report it
	}
	type equaler interface{ Equal(crypto.PublicKey) bool }
	if e, ok := signer.Public().(equaler); !ok || !e.Equal(certPub) {
		out = append(out, at(CodeKeyMismatch, b.line, fmt.Sprintf("the %s key is %s, the certificate at %s:%d has %s with a different public value", format, keyKind(signer.Public()), leaf.File, leaf.Line, keyKind(certPub))))
	}
	return fr, out
}

// keyBlock is one PEM block of a key file (nil Block: unreadable) and its line.
type keyBlock struct {
	*pem.Block
	line int
}

// keyBlocks are the PEM blocks of the key file data but EC PARAMETERS, each also listed
// among fr's objects.
func keyBlocks(data []byte, fr *lint.FileResult) []keyBlock {
	var blocks []keyBlock
	rest := data
	for {
		start := bytes.Index(rest, []byte("-----BEGIN "))
		if start < 0 {
			return blocks
		}
		b, r := pem.Decode(rest[start:])
		line := bytes.Count(data[:len(data)-len(rest)+start], []byte("\n")) + 1
		if b == nil {
			// Unreadable block: skip past its BEGIN line.
			fr.Objects = append(fr.Objects, lint.ObjectInfo{Line: line, Type: "unreadable", Kind: "key"})
			blocks = append(blocks, keyBlock{nil, line})
			rest = rest[start+len("-----BEGIN "):]
			continue
		}
		if b.Type != "EC PARAMETERS" {
			blocks = append(blocks, keyBlock{b, line})
			fr.Objects = append(fr.Objects, lint.ObjectInfo{Line: line, Type: b.Type, Kind: "key"})
		}
		rest = r
	}
}

// parseKey parses a private key block, recovering from any parser panic.
func parseKey(label string, der []byte) (k any, err error) {
	defer func() {
		if recover() != nil {
			k, err = nil, errors.New("parser failure")
		}
	}()
	switch label {
	case "RSA PRIVATE KEY":
		return stdx509.ParsePKCS1PrivateKey(der)
	case "EC PRIVATE KEY":
		return stdx509.ParseECPrivateKey(der)
	}
	return stdx509.ParsePKCS8PrivateKey(der)
}

// keyKind names a public key's type and size (public information only).
func keyKind(k crypto.PublicKey) string {
	switch p := k.(type) {
	case *rsa.PublicKey:
		return fmt.Sprintf("an RSA-%d key", p.N.BitLen())
	case *ecdsa.PublicKey:
		return "an ECDSA " + p.Curve.Params().Name + " key"
	case ed25519.PublicKey:
		return "an Ed25519 key"
	}
	return "another key"
}

// Extension OIDs.
const (
	oidKeyUsage    = "2.5.29.15"
	oidExtKeyUsage = "2.5.29.37"
)

func leafFindings(leaf *certcheck.Cert) []lint.Finding {
	if leaf.X() == nil {
		return nil
	}
	var out []lint.Finding
	if leaf.IsCA() {
		out = append(out, leaf.Finding(CodeLeafIsCA, "basicConstraints has cA=TRUE"))
	}
	if _, has := leaf.Raw.Extensions.Get(oidExtKeyUsage); has {
		ok := false
		for _, u := range leaf.X().ExtKeyUsage {
			ok = ok || u == x509.ExtKeyUsageServerAuth || u == x509.ExtKeyUsageAny
		}
		if !ok {
			out = append(out, leaf.Finding(CodeNoServerAuth, "extendedKeyUsage is present without serverAuth"))
		}
	}
	if _, has := leaf.Raw.Extensions.Get(oidKeyUsage); has && leaf.X().KeyUsage&x509.KeyUsageDigitalSignature == 0 {
		out = append(out, leaf.Finding(CodeNoDigitalSignature, "keyUsage is present without digitalSignature"))
	}
	return out
}

// signs reports whether parent's name and key issued child.
func signs(parent, child *certcheck.Cert) bool {
	if parent.X() == nil || child.X() == nil || !certcheck.NamesMatch(parent.Raw.RawSubject, child.Raw.RawIssuer) {
		return false
	}
	return child.X().CheckSignatureFrom(parent.X()) == nil
}

func where(c *certcheck.Cert) string { return fmt.Sprintf("%s:%d", c.File, c.Line) }

// orderFinding is the finding on the first certificate of the bundle (leaf first) not
// issued by the next one, if any.
func orderFinding(bundle []*certcheck.Cert) (lint.Finding, bool) {
	for i := 0; i+1 < len(bundle); i++ {
		if signs(bundle[i+1], bundle[i]) {
			continue
		}
		detail := fmt.Sprintf("%s (%s) is not issued by the next certificate %s (%s)", where(bundle[i]), certcheck.Name(bundle[i].Raw.RawSubject), where(bundle[i+1]), certcheck.Name(bundle[i+1].Raw.RawSubject))
		for j, p := range bundle {
			if j != i && j != i+1 && signs(p, bundle[i]) {
				detail += fmt.Sprintf("; its issuer is %s", where(p))
				break
			}
		}
		return bundle[0].Finding(CodeChainOrder, detail), true
	}
	return lint.Finding{}, false
}

// issuerPath walks the issuer path from the leaf (bundle[0]) through the bundle (in any
// order), then the anchors: the path, where it ends, and whether it is complete (it ends
// self-signed or at an anchor).
func issuerPath(bundle, anchors []*certcheck.Cert) (path []*certcheck.Cert, cur *certcheck.Cert, complete bool) {
	leaf := bundle[0]
	path = []*certcheck.Cert{leaf}
	used := map[*certcheck.Cert]bool{leaf: true}
	cur = leaf
	for {
		if certcheck.NamesMatch(cur.Raw.RawSubject, cur.Raw.RawIssuer) && cur.X().CheckSignatureFrom(cur.X()) == nil {
			return path, cur, true
		}
		next := nextIssuer(cur, used, bundle, anchors)
		if next == nil {
			return path, cur, false
		}
		used[next] = true
		path = append(path, next)
		cur = next
		if slices.Contains(anchors, next) {
			return path, cur, true
		}
	}
}

// nextIssuer is the first certificate of the bundle, then the anchors, not yet used that
// signs cur, or nil.
func nextIssuer(cur *certcheck.Cert, used map[*certcheck.Cert]bool, bundle, anchors []*certcheck.Cert) *certcheck.Cert {
	for _, p := range append(append([]*certcheck.Cert(nil), bundle...), anchors...) {
		if !used[p] && p.X() != nil && signs(p, cur) {
			return p
		}
	}
	return nil
}

// chainFindings checks the bundle (leaf first): each certificate signed by the next, the
// last one self-signed or issued by an anchor, no issuer expiring before the leaf.
func chainFindings(bundle, anchors []*certcheck.Cert) []lint.Finding {
	for _, c := range bundle {
		if c.X() == nil {
			return nil // an unreadable certificate: reported by the certificate checks
		}
	}
	leaf := bundle[0]
	var out []lint.Finding
	if f, ok := orderFinding(bundle); ok {
		out = append(out, f)
	}
	path, cur, complete := issuerPath(bundle, anchors)
	if !complete {
		out = append(out, leaf.Finding(CodeChainIncomplete, fmt.Sprintf("the path ends at %s (%s), issued by %s, which is not in the bundle nor given with --ca", where(cur), certcheck.Name(cur.Raw.RawSubject), certcheck.Name(cur.Raw.RawIssuer))))
	}
	for _, ca := range path[1:] {
		if ca.Raw.HasDates && leaf.Raw.HasDates && ca.Raw.NotAfter.Before(leaf.Raw.NotAfter) {
			out = append(out, leaf.Finding(CodeIssuerExpiresFirst, fmt.Sprintf("%s (%s) expires %s, before the server certificate (%s)", where(ca), certcheck.Name(ca.Raw.RawSubject), ca.Raw.NotAfter.UTC().Format("2006-01-02"), leaf.Raw.NotAfter.UTC().Format("2006-01-02"))))
		}
	}
	return out
}

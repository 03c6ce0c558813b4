// Package pemformat judges the shape of PEM text as the cloud's upload would: empty or binary
// input, DER instead of PEM, blocks that are not certificates or CRLs, CRLF line endings, a
// byte-order mark and text around the blocks. The engine calls it for each file and bodycheck
// for each client CA content of a server body.
package pemformat

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/vpncertlint/vpncertlint/certcheck"
	"github.com/vpncertlint/vpncertlint/crlcheck"
	"github.com/vpncertlint/vpncertlint/internal/pemscan"
	"github.com/vpncertlint/vpncertlint/lint"
)

// Codes of vpncertlint's own about the shape of the file around its PEM blocks.
var (
	codeCRLF = lint.Register(lint.Code{
		ID: "VCL.0741", Source: lint.SourceTool, Severity: lint.Notice, Related: "VPN.0074",
		Message:  "File %s has CRLF (Windows) line endings.",
		DescEN:   "PEM with CR LF line endings is accepted by the cloud and by OpenSSL; some tools that embed PEM in JSON keep the CR characters.",
		RemedyEN: "Nothing needs to be done; convert with dos2unix if another tool objects.",
		DescZH:   "文件%s使用CRLF(Windows)换行符。",
		RemedyZH: "无需处理;如其他工具报错,可使用dos2unix转换。",
	}).ID
	codeBOM = lint.Register(lint.Code{
		ID: "VCL.0742", Source: lint.SourceTool, Severity: lint.Notice, Related: "VPN.0074",
		Message:  "File %s starts with a byte-order mark.",
		DescEN:   "A UTF-8 byte-order mark (EF BB BF) precedes the PEM text, as Windows editors write it. It is harmless for most parsers; a strict one may refuse it.",
		RemedyEN: "Save the file as UTF-8 without BOM.",
		DescZH:   "文件%s以字节顺序标记(BOM)开头。",
		RemedyZH: "请以不带BOM的UTF-8格式保存文件。",
	}).ID
	codeStrayText = lint.Register(lint.Code{
		ID: "VCL.0743", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0074",
		Message:  "File %s has text outside its PEM blocks.",
		DescEN:   "The cloud takes the content of one PEM block; text around it (such as `openssl x509 -text` output) must not be pasted into the upload.",
		RemedyEN: "Upload only the lines from -----BEGIN to -----END.",
		DescZH:   "文件%s在PEM块之外含有其他文本。",
		RemedyZH: "请只上传从-----BEGIN到-----END之间的内容。",
	}).ID
)

// Codes lists the codes the format checks can raise (for the catalogue).
func Codes() []string { return []string{"VPN.0074", "VPN.0078", codeCRLF, codeBOM, codeStrayText} }

// Kind is what an input or block is expected to be.
type Kind int

// Kinds of input.
const (
	KindCert Kind = iota
	KindCRL
)

// FormatCode is the cloud's format code for the kind: VPN.0074 or VPN.0078.
func (k Kind) FormatCode() string {
	if k == KindCRL {
		return "VPN.0078"
	}
	return "VPN.0074"
}

func (k Kind) String() string {
	if k == KindCRL {
		return "CRL"
	}
	return "certificate"
}

// Canonical PEM labels.
const (
	LabelCert = "CERTIFICATE"
	LabelCRL  = "X509 CRL"
)

// WrongType explains a block label that is neither CERTIFICATE nor X509 CRL.
func WrongType(label string, want Kind, file string) string {
	u := strings.ToUpper(label)
	switch {
	case strings.Contains(u, "PRIVATE KEY"):
		return fmt.Sprintf("a private key (%s block), not a %s; never upload a private key to the VPN server", label, want)
	case strings.Contains(u, "CERTIFICATE REQUEST"):
		return fmt.Sprintf("a certificate signing request (%s block), not a %s; upload the certificate the CA issued for it", label, want)
	case u == "PKCS7" || u == "CMS":
		return fmt.Sprintf("a PKCS#7 bundle (%s block), not a %s; extract the certificates with: openssl pkcs7 -print_certs -in %s -out certs.pem", label, want, file)
	case u == "TRUSTED CERTIFICATE" || u == "X509 CERTIFICATE":
		return fmt.Sprintf("an OpenSSL %q block; the cloud expects CERTIFICATE: openssl x509 -in %s -out cert.pem", label, file)
	case u == "CRL":
		return fmt.Sprintf("a %q block; the label must be X509 CRL: openssl crl -in %s -out crl.pem", label, file)
	case strings.Contains(u, "PUBLIC KEY"):
		return fmt.Sprintf("a bare public key (%s block), not a %s", label, want)
	}
	return fmt.Sprintf("a %q block, not a %s", label, want)
}

// derHintParseLimit is the size of a DER input above which DERHint does not parse it as a
// CRL to confirm its outline.
const derHintParseLimit = 1 << 20

// DERHint classifies a binary input that has no PEM block.
func DERHint(data []byte, file string) (Kind, string, bool) {
	if len(data) < 2 || data[0] != 0x30 {
		return 0, "", false
	}
	if hint, ok := containerHint(data, file); ok {
		return KindCert, hint, true
	}
	if raw := certcheck.ParseRaw(data); raw.Err == nil {
		return KindCert, fmt.Sprintf("binary DER certificate, not PEM; convert it with: openssl x509 -inform DER -in %s -out cert.pem", file), true
	}
	// A parse takes several times the CRL's size (600 MB for a CRL of a million entries): a
	// large input is judged by its outline alone, which is enough to say it is a CRL to
	// convert; a small one is parsed too, as every CRL the run checks is.
	if crlcheck.HasOutline(data) && (len(data) > derHintParseLimit || crlcheck.NewCRL(data, file, 0, "").ParseErr == nil) {
		return KindCRL, fmt.Sprintf("binary DER CRL, not PEM; convert it with: openssl crl -inform DER -in %s -out crl.pem", file), true
	}
	return 0, "", false
}

// FileFindings reports what is wrong with the file as a whole: empty, binary, no block,
// stray END lines, CRLF, BOM, stray text.
func FileFindings(data []byte, scan *pemscan.Result, want Kind, file, name string) []lint.Finding {
	at := func(code string, line int, detail string) lint.Finding {
		return lint.New(code, detail, name).At(file, line)
	}
	var out []lint.Finding
	if len(bytes.TrimSpace(data)) == 0 {
		detail := "the file is empty"
		if len(data) > 0 {
			detail = fmt.Sprintf("the file holds only white space (%d bytes)", len(data))
		}
		return []lint.Finding{at(want.FormatCode(), 0, detail)}
	}
	if scan.NBlocks == 0 {
		if k, hint, ok := DERHint(data, file); ok {
			return []lint.Finding{at(k.FormatCode(), 0, hint)}
		}
		detail := fmt.Sprintf("no PEM block: no -----BEGIN %s----- line in %d lines", map[Kind]string{KindCert: LabelCert, KindCRL: LabelCRL}[want], scan.Lines)
		if scan.Binary || !isText(data) {
			detail = fmt.Sprintf("binary data (%d bytes) with no PEM block", len(data))
		}
		out = append(out, at(want.FormatCode(), 0, detail))
	}
	for _, l := range scan.StrayEnds {
		out = append(out, at(want.FormatCode(), l, fmt.Sprintf("line %d: an END line without a BEGIN line", l)))
	}
	if scan.NBlocks > 0 {
		if scan.CRLFLines > 0 {
			out = append(out, at(codeCRLF, 0, fmt.Sprintf("%d of %d lines end in CR LF", scan.CRLFLines, scan.Lines)))
		}
		if scan.BOM {
			out = append(out, at(codeBOM, 1, "the file starts with the bytes EF BB BF"))
		}
		if scan.StrayLines > 0 {
			out = append(out, at(codeStrayText, scan.StrayText, fmt.Sprintf("%d lines of text outside the PEM blocks, the first at line %d", scan.StrayLines, scan.StrayText)))
		}
	}
	return out
}

func isText(data []byte) bool {
	n := 0
	for _, b := range data {
		if b < 0x09 || (b > 0x0d && b < 0x20) || b == 0x7f {
			n++
		}
	}
	return n*100 < len(data) // fewer than 1% control bytes
}

// OneCertificate judges text that must be exactly one CERTIFICATE PEM block, such as the
// content of a client CA in a server body: the findings about the text as a whole (as for a
// file), then about its block. It returns the block's DER and BEGIN line when the text is
// one well-formed CERTIFICATE block. Lines of findings are lines of data.
func OneCertificate(data []byte, file, name string) (der []byte, line int, out []lint.Finding) {
	scan := pemscan.Scan(data)
	out = FileFindings(data, scan, KindCert, file, name)
	if len(scan.Blocks) == 0 {
		return nil, 0, out
	}
	if n := len(scan.Blocks); n > 1 {
		var lines []string
		for _, b := range scan.Blocks {
			lines = append(lines, fmt.Sprintf("%s at line %d", b.Type, b.BeginLine))
		}
		out = append(out, lint.New(KindCert.FormatCode(),
			fmt.Sprintf("%d PEM blocks (%s) where exactly one CERTIFICATE block is expected; give each certificate its own entry", n, strings.Join(lines, ", ")), name).
			At(file, scan.Blocks[1].BeginLine))
		return nil, 0, out
	}
	b := scan.Blocks[0]
	switch {
	case b.Problem != pemscan.ProblemNone:
		out = append(out, lint.New(KindCert.FormatCode(),
			fmt.Sprintf("%s block at line %d: %s", b.Type, b.BeginLine, b.Detail), name).At(file, b.BeginLine))
	case b.Type != LabelCert:
		out = append(out, lint.New(KindCert.FormatCode(),
			fmt.Sprintf("line %d: %s", b.BeginLine, WrongType(b.Type, KindCert, file)), name).At(file, b.BeginLine))
	default:
		return b.Bytes, b.BeginLine, out
	}
	return nil, 0, out
}

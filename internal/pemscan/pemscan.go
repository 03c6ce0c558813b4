// Package pemscan is a line-aware PEM scanner. Unlike encoding/pem, which silently skips a
// malformed block, it returns every BEGIN … END block with its line numbers and says exactly
// what is wrong with each one (bad base64, missing END, mismatched labels), and it reports
// what lies around the blocks (text, CRLF line endings, a byte-order mark).
package pemscan

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"slices"
	"unicode/utf8"
)

// Problem kinds of a block.
const (
	ProblemNone       = ""
	ProblemBase64     = "bad-base64"
	ProblemMissingEnd = "missing-end"
	ProblemMismatch   = "mismatched-end"
	ProblemEmpty      = "empty-block"
)

// Block is one BEGIN … END block.
type Block struct {
	Type      string            // the label of the BEGIN line, e.g. "CERTIFICATE"
	BeginLine int               // 1-based line of the BEGIN line
	EndLine   int               // 1-based line of the END line; 0 if missing
	Headers   map[string]string // RFC 1421 headers such as Proc-Type, DEK-Info
	Bytes     []byte            // the decoded body; nil when Problem is set
	Problem   string            // one of the Problem* constants
	Detail    string            // what exactly is wrong, with the line
}

// Result is everything the scanner saw in one input.
type Result struct {
	// Blocks are the blocks in order (Scan only: ScanFunc hands them to its function).
	Blocks []Block
	// NBlocks is the number of blocks seen.
	NBlocks int
	// BOM is true when the input starts with a UTF-8 byte-order mark.
	BOM bool
	// CRLFLines counts lines ending in CR LF.
	CRLFLines int
	// StrayText is the first line (1-based) of non-blank text outside any block; 0 if none.
	StrayText int
	// StrayLines counts such lines.
	StrayLines int
	// StrayEnds lists lines of END markers that had no BEGIN.
	StrayEnds []int
	// Binary is true when the input is not text (NUL bytes or invalid UTF-8 outside blocks).
	Binary bool
	// Lines is the number of lines in the input.
	Lines int
}

var (
	bom        = []byte{0xEF, 0xBB, 0xBF}
	beginLabel = []byte("-----BEGIN ")
	endLabel   = []byte("-----END ")
	dashes     = []byte("-----")
)

// label returns the label of a BEGIN/END line ("-----BEGIN X-----" → "X") and whether the
// line is well formed.
func label(line, prefix []byte) (string, bool) {
	rest := line[len(prefix):]
	if !bytes.HasSuffix(rest, dashes) {
		return string(rest), false
	}
	return labelString(rest[:len(rest)-len(dashes)]), true
}

// commonLabels are returned without allocating: a file of thousands of certificates
// otherwise holds thousands of copies of "CERTIFICATE" (one per listed object).
var commonLabels = []string{"CERTIFICATE", "X509 CRL", "PRIVATE KEY", "RSA PRIVATE KEY",
	"EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PUBLIC KEY", "CERTIFICATE REQUEST",
	"TRUSTED CERTIFICATE", "PKCS7"}

func labelString(b []byte) string {
	for _, l := range commonLabels {
		if string(b) == l {
			return l
		}
	}
	return string(b)
}

// Scan reads all blocks of data. It never fails: every problem is described in the result.
func Scan(data []byte) *Result {
	var blocks []Block
	// One Block per BEGIN line at most: sizing Blocks once saves regrowing (and copying) it
	// for files of thousands of certificates.
	if n := bytes.Count(data, beginLabel); n > 0 {
		blocks = make([]Block, 0, n)
	}
	r := ScanFunc(data, func(b *Block) { blocks = append(blocks, *b) })
	r.Blocks = blocks
	return r
}

// chunkChars is how many base64 characters of a block are gathered before they are decoded:
// a block's body is decoded as it is read, so that a large one (a CRL of a million entries)
// is held once, decoded, rather than also as one string of its base64 text.
const chunkChars = 16 << 10

// ScanFunc reads data like Scan but hands each block to fn as soon as its END line (or the
// problem that ends it) is read, instead of keeping a list: a file of 200,000 blocks then
// holds one at a time. The Block and its Headers are fn's to keep; the result's Blocks is
// nil. Everything else in the result is known only when ScanFunc returns.
func ScanFunc(data []byte, fn func(*Block)) *Result {
	r := &Result{}
	if bytes.HasPrefix(data, bom) {
		r.BOM = true
		data = data[len(bom):]
	}
	if bytes.IndexByte(data, 0) >= 0 {
		r.Binary = true
	}
	var cur *Block
	// The body of cur is decoded in chunks as it is read: body holds the base64 characters
	// not yet decoded, dec what they decoded to, done how many characters dec holds, total
	// how many the body has in all. Characters are decoded only in whole quanta of four
	// before any '=' is seen, where decoding cannot fail; the rest is decoded at the END
	// line, its error (if any) placed as if the whole body had been decoded at once.
	var body, dec []byte
	done, total, span := 0, 0, 0
	padded := false
	badLine := 0
	grow := func(n int) {
		if dec == nil {
			dec = make([]byte, 0, max(span, n))
		}
		dec = slices.Grow(dec, n)
	}
	decodeChunk := func() {
		k := len(body) / 4 * 4
		grow(k / 4 * 3)
		n, _ := base64.StdEncoding.Decode(dec[len(dec):len(dec)+k/4*3], body[:k]) // cannot fail: see above
		dec = dec[:len(dec)+n]
		done += k
		body = append(body[:0], body[k:]...)
	}
	finish := func(endLine int) {
		cur.EndLine = endLine
		if cur.Problem == ProblemNone {
			switch {
			case badLine > 0:
				cur.Problem = ProblemBase64
				cur.Detail = fmt.Sprintf("line %d is not base64", badLine)
			case total == 0:
				cur.Problem = ProblemEmpty
				cur.Detail = "the block has no content between BEGIN and END"
			default:
				m := base64.StdEncoding.DecodedLen(len(body))
				grow(m)
				n, err := base64.StdEncoding.Decode(dec[len(dec):len(dec)+m], body)
				if err != nil {
					if ce, ok := err.(base64.CorruptInputError); ok {
						err = base64.CorruptInputError(int64(ce) + int64(done))
					}
					cur.Problem = ProblemBase64
					cur.Detail = "the base64 body does not decode: " + base64Reason(err, total)
				} else {
					cur.Bytes = dec[: len(dec)+n : len(dec)+n]
				}
			}
		}
		r.NBlocks++
		fn(cur)
		cur, body, badLine = nil, body[:0], 0 // body's array is reused: Bytes is dec
		dec, done, total, padded = nil, 0, 0, false
	}
	lineNo := 0
	for len(data) > 0 {
		lineNo++
		var line []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
			r.CRLFLines++
		}
		t := bytes.TrimSpace(line)
		switch {
		case bytes.HasPrefix(t, beginLabel):
			typ, ok := label(t, beginLabel)
			if cur != nil {
				cur.Problem = ProblemMissingEnd
				cur.Detail = fmt.Sprintf("no END line before the next BEGIN at line %d", lineNo)
				finish(0)
			}
			cur = &Block{Type: typ, BeginLine: lineNo}
			if !ok {
				cur.Problem = ProblemBase64
				cur.Detail = fmt.Sprintf("line %d: the BEGIN line does not end with five dashes", lineNo)
			}
			// The body ends before the next five dashes: what it decodes to is at most
			// three quarters of that.
			span = len(data)
			if i := bytes.Index(data, dashes); i >= 0 {
				span = i
			}
			span = span/4*3 + 3
		case bytes.HasPrefix(t, endLabel):
			typ, _ := label(t, endLabel)
			if cur == nil {
				r.StrayEnds = append(r.StrayEnds, lineNo)
				continue
			}
			if typ != cur.Type && cur.Problem == ProblemNone {
				cur.Problem = ProblemMismatch
				cur.Detail = fmt.Sprintf("BEGIN %s at line %d is closed by END %s at line %d", cur.Type, cur.BeginLine, typ, lineNo)
			}
			finish(lineNo)
		case cur != nil:
			if len(t) == 0 {
				continue
			}
			if i := bytes.IndexByte(t, ':'); i > 0 && total == 0 && isHeaderName(t[:i]) {
				if cur.Headers == nil {
					cur.Headers = map[string]string{}
				}
				cur.Headers[string(t[:i])] = string(bytes.TrimSpace(t[i+1:]))
				continue
			}
			if badLine == 0 && !isBase64(t) {
				badLine = lineNo
			}
			n := len(body)
			if bytes.IndexByte(t, ' ') < 0 && bytes.IndexByte(t, '\t') < 0 {
				body = append(body, t...)
			} else {
				for _, c := range t {
					if c != ' ' && c != '\t' {
						body = append(body, c)
					}
				}
			}
			total += len(body) - n
			if badLine > 0 || cur.Problem != ProblemNone {
				// nothing will be decoded: only whether the body is empty still counts
				body = body[:0]
				continue
			}
			padded = padded || bytes.IndexByte(body[n:], '=') >= 0
			if !padded && len(body) >= chunkChars {
				decodeChunk()
			}
		default:
			if len(t) > 0 {
				if r.StrayText == 0 {
					r.StrayText = lineNo
				}
				r.StrayLines++
				if !utf8.Valid(t) {
					r.Binary = true
				}
			}
		}
	}
	if cur != nil {
		cur.Problem = ProblemMissingEnd
		cur.Detail = fmt.Sprintf("no END %s line before the end of the input (line %d)", cur.Type, lineNo)
		finish(0)
	}
	r.Lines = lineNo
	return r
}

func isHeaderName(b []byte) bool {
	for _, c := range b {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// base64Chars marks the bytes a base64 body line may hold (with spaces and tabs).
var base64Chars = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=' || c == ' ' || c == '\t'
	}
	return t
}()

func isBase64(b []byte) bool {
	for _, c := range b {
		if !base64Chars[c] {
			return false
		}
	}
	return true
}

func base64Reason(err error, n int) string {
	if ce, ok := err.(base64.CorruptInputError); ok {
		if int(ce) >= n-4 {
			return fmt.Sprintf("it is truncated or wrongly padded (%d base64 characters)", n)
		}
		return fmt.Sprintf("corrupt at character %d of %d", int(ce), n)
	}
	return err.Error()
}

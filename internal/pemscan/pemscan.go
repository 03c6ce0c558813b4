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
	s := &scanner{r: &Result{}, fn: fn}
	if bytes.HasPrefix(data, bom) {
		s.r.BOM = true
		data = data[len(bom):]
	}
	if bytes.IndexByte(data, 0) >= 0 {
		s.r.Binary = true
	}
	for len(data) > 0 {
		var line []byte
		line, data = s.nextLine(data)
		t := bytes.TrimSpace(line)
		switch {
		case bytes.HasPrefix(t, beginLabel):
			s.begin(t, data)
		case bytes.HasPrefix(t, endLabel):
			s.end(t)
		case s.cur != nil:
			s.bodyLine(t)
		default:
			s.stray(t)
		}
	}
	if s.cur != nil {
		s.cur.Problem = ProblemMissingEnd
		s.cur.Detail = fmt.Sprintf("no END %s line before the end of the input (line %d)", s.cur.Type, s.lineNo)
		s.finish(0)
	}
	s.r.Lines = s.lineNo
	return s.r
}

// scanner is the state of one ScanFunc.
//
// The body of cur is decoded in chunks as it is read: body holds the base64 characters not
// yet decoded, dec what they decoded to, done how many characters dec holds, total how many
// the body has in all. Characters are decoded only in whole quanta of four before any '=' is
// seen, where decoding cannot fail; the rest is decoded at the END line, its error (if any)
// placed as if the whole body had been decoded at once.
type scanner struct {
	r       *Result
	fn      func(*Block)
	cur     *Block
	body    []byte
	dec     []byte
	done    int
	total   int
	span    int // at most how many bytes cur's body decodes to (sizes dec)
	padded  bool
	badLine int // first body line of cur that is not base64; 0 if none
	lineNo  int
}

// nextLine splits the next line off data (without its LF or CR LF) and counts it.
func (s *scanner) nextLine(data []byte) (line, rest []byte) {
	s.lineNo++
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		line, rest = data[:i], data[i+1:]
	} else {
		line, rest = data, nil
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
		s.r.CRLFLines++
	}
	return line, rest
}

// begin handles a BEGIN line t; data is the input after it.
func (s *scanner) begin(t, data []byte) {
	typ, ok := label(t, beginLabel)
	if s.cur != nil {
		s.cur.Problem = ProblemMissingEnd
		s.cur.Detail = fmt.Sprintf("no END line before the next BEGIN at line %d", s.lineNo)
		s.finish(0)
	}
	s.cur = &Block{Type: typ, BeginLine: s.lineNo}
	if !ok {
		s.cur.Problem = ProblemBase64
		s.cur.Detail = fmt.Sprintf("line %d: the BEGIN line does not end with five dashes", s.lineNo)
	}
	// The body ends before the next five dashes: what it decodes to is at most
	// three quarters of that.
	span := len(data)
	if i := bytes.Index(data, dashes); i >= 0 {
		span = i
	}
	s.span = span/4*3 + 3
}

// end handles an END line t.
func (s *scanner) end(t []byte) {
	typ, _ := label(t, endLabel)
	if s.cur == nil {
		s.r.StrayEnds = append(s.r.StrayEnds, s.lineNo)
		return
	}
	if typ != s.cur.Type && s.cur.Problem == ProblemNone {
		s.cur.Problem = ProblemMismatch
		s.cur.Detail = fmt.Sprintf("BEGIN %s at line %d is closed by END %s at line %d", s.cur.Type, s.cur.BeginLine, typ, s.lineNo)
	}
	s.finish(s.lineNo)
}

// bodyLine handles the (trimmed) line t inside a block: a header or a line of base64.
func (s *scanner) bodyLine(t []byte) {
	if len(t) == 0 {
		return
	}
	if i := bytes.IndexByte(t, ':'); i > 0 && s.total == 0 && isHeaderName(t[:i]) {
		if s.cur.Headers == nil {
			s.cur.Headers = map[string]string{}
		}
		s.cur.Headers[string(t[:i])] = string(bytes.TrimSpace(t[i+1:]))
		return
	}
	if s.badLine == 0 && !isBase64(t) {
		s.badLine = s.lineNo
	}
	n := len(s.body)
	s.body = appendNoBlanks(s.body, t)
	s.total += len(s.body) - n
	if s.badLine > 0 || s.cur.Problem != ProblemNone {
		// nothing will be decoded: only whether the body is empty still counts
		s.body = s.body[:0]
		return
	}
	s.padded = s.padded || bytes.IndexByte(s.body[n:], '=') >= 0
	if !s.padded && len(s.body) >= chunkChars {
		s.decodeChunk()
	}
}

// appendNoBlanks appends t to body without its spaces and tabs.
func appendNoBlanks(body, t []byte) []byte {
	if bytes.IndexByte(t, ' ') < 0 && bytes.IndexByte(t, '\t') < 0 {
		return append(body, t...)
	}
	for _, c := range t {
		if c != ' ' && c != '\t' {
			body = append(body, c)
		}
	}
	return body
}

// stray handles the (trimmed) line t outside any block.
func (s *scanner) stray(t []byte) {
	if len(t) == 0 {
		return
	}
	if s.r.StrayText == 0 {
		s.r.StrayText = s.lineNo
	}
	s.r.StrayLines++
	if !utf8.Valid(t) {
		s.r.Binary = true
	}
}

// grow makes room for n more decoded bytes in dec.
func (s *scanner) grow(n int) {
	if s.dec == nil {
		s.dec = make([]byte, 0, max(s.span, n))
	}
	s.dec = slices.Grow(s.dec, n)
}

// decodeChunk decodes the whole quanta of four of body into dec.
func (s *scanner) decodeChunk() {
	k := len(s.body) / 4 * 4
	s.grow(k / 4 * 3)
	n, _ := base64.StdEncoding.Decode(s.dec[len(s.dec):len(s.dec)+k/4*3], s.body[:k]) // cannot fail: see scanner
	s.dec = s.dec[:len(s.dec)+n]
	s.done += k
	s.body = append(s.body[:0], s.body[k:]...)
}

// finish ends cur at endLine (0 if it has no END line), decodes the rest of its body, hands
// it to fn and resets the body state for the next block.
func (s *scanner) finish(endLine int) {
	cur := s.cur
	cur.EndLine = endLine
	if cur.Problem == ProblemNone {
		switch {
		case s.badLine > 0:
			cur.Problem = ProblemBase64
			cur.Detail = fmt.Sprintf("line %d is not base64", s.badLine)
		case s.total == 0:
			cur.Problem = ProblemEmpty
			cur.Detail = "the block has no content between BEGIN and END"
		default:
			s.decodeRest()
		}
	}
	s.r.NBlocks++
	s.fn(cur)
	s.cur, s.body, s.badLine = nil, s.body[:0], 0 // body's array is reused: Bytes is dec
	s.dec, s.done, s.total, s.padded = nil, 0, 0, false
}

// decodeRest decodes what is left of cur's body and sets its Bytes, or its problem when the
// body does not decode.
func (s *scanner) decodeRest() {
	m := base64.StdEncoding.DecodedLen(len(s.body))
	s.grow(m)
	n, err := base64.StdEncoding.Decode(s.dec[len(s.dec):len(s.dec)+m], s.body)
	if err != nil {
		if ce, ok := err.(base64.CorruptInputError); ok {
			err = base64.CorruptInputError(int64(ce) + int64(s.done))
		}
		s.cur.Problem = ProblemBase64
		s.cur.Detail = "the base64 body does not decode: " + base64Reason(err, s.total)
		return
	}
	s.cur.Bytes = s.dec[: len(s.dec)+n : len(s.dec)+n]
}

func isHeaderName(b []byte) bool {
	for _, c := range b {
		if (c < 'A' || c > 'Z') && (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
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

package bodycheck

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Extensions are the file endings a directory scan reads as possible server bodies; such a
// file is checked only if it is a body.
var Extensions = []string{".json", ".yaml", ".yml"}

// HasExtension reports whether name ends in one of Extensions.
func HasExtension(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// IsBody reports whether data is a Create/Update VPN Server body: a JSON or YAML document
// whose top level has a vpn_server key, or one of the wrappers people keep bodies in
// (see Unwrap): [{"vpn_server": …}] from jq -s, {"body": {"vpn_server": …}} from the API
// explorer, {"vpnServer": …}. Text that mentions vpn_server but does not parse is a
// (malformed) body when path ends in .json, .yaml or .yml, or when it starts with '{'.
// The bare inner object (no wrapper) is not a body here: see LooksLikeBody.
func IsBody(data []byte, path string) bool {
	if !bytes.Contains(data, []byte("vpn_server")) && !bytes.Contains(data, []byte("vpnServer")) {
		return false
	}
	root, err := parse(data)
	if err != nil {
		return HasExtension(path) || looksJSON(data)
	}
	if _, v := lookup(root, "vpn_server"); v != nil {
		return true
	}
	_, vs, _ := unwrap(root)
	return vs != nil
}

// serverFields are the field names a vpn_server object is recognised by without its wrapper.
var serverFields = []string{"tunnel_protocol", "client_cidr", "local_subnets", "client_auth_type",
	"server_certificate", "client_ca_certificates", "ssl_options"}

// minServerFields is how many of serverFields a top-level mapping must have to be taken for
// the inner vpn_server object without its wrapper.
const minServerFields = 2

// LooksLikeBody says why data, which IsBody rejected, still looks like a server body: the
// fields of vpn_server at the top level, without the {"vpn_server": …} wrapper; "" when it
// does not. A file named on the command line (or matched by a configuration's body role)
// that looks like one is checked as a body (VPN.0001 says what shape is expected); a
// directory scan skips it and lists it under -v.
func LooksLikeBody(data []byte) string {
	n := 0
	for _, f := range serverFields {
		if bytes.Contains(data, []byte(f)) {
			n++
		}
	}
	if n < minServerFields {
		return ""
	}
	root, err := parse(data)
	if err != nil {
		return ""
	}
	if have := bareFields(root); len(have) >= minServerFields {
		return fmt.Sprintf("it has %s at the top level: the fields of a server body without the {\"vpn_server\": …} wrapper", strings.Join(have, ", "))
	}
	return ""
}

// bareFields lists the serverFields a top-level mapping without vpn_server has.
func bareFields(root *yaml.Node) []string {
	root = resolve(root)
	if root == nil || root.Kind != yaml.MappingNode {
		return nil
	}
	if k, _ := lookup(root, "vpn_server"); k != nil {
		return nil
	}
	var have []string
	for _, f := range serverFields {
		if k, _ := lookup(root, f); k != nil {
			have = append(have, f)
		}
	}
	return have
}

// unwrap finds the vpn_server object of a body kept in a wrapper the API does not take,
// returns the key (or element) node to report at, the object, and a detail saying what the
// shape is and what the API expects; nils when root is none of them. The shapes:
// [{"vpn_server": …}] (jq -s), {"body": {"vpn_server": …}} (an API-explorer request),
// {"vpnServer": …} (camel case), and the bare object with the fields of vpn_server.
func unwrap(root *yaml.Node) (at, vs *yaml.Node, detail string) {
	root = resolve(root)
	if root == nil {
		return nil, nil, ""
	}
	switch root.Kind {
	case yaml.SequenceNode:
		if len(root.Content) == 0 {
			return nil, nil, ""
		}
		e := resolve(root.Content[0])
		k, v := lookup(e, "vpn_server")
		if k == nil {
			return nil, nil, ""
		}
		d := "the body is an array holding {\"vpn_server\": …} (as jq -s writes it); the API takes the object itself: {\"vpn_server\": {…}} (jq '.[0]')"
		if len(root.Content) > 1 {
			d = fmt.Sprintf("the body is an array of %d {\"vpn_server\": …} objects (as jq -s writes it); the API takes one object {\"vpn_server\": {…}} per request; only the first is checked", len(root.Content))
		}
		return k, v, d
	case yaml.MappingNode:
		if k, _ := lookup(root, "vpn_server"); k != nil {
			return nil, nil, ""
		}
		if _, bv := lookup(root, "body"); bv != nil {
			if k, v := lookup(bv, "vpn_server"); k != nil {
				return k, v, "the body is an API-explorer request {\"body\": {\"vpn_server\": …}}; the API takes the value of body: {\"vpn_server\": {…}} (jq .body)"
			}
		}
		if k, v := lookup(root, "vpnServer"); k != nil {
			return k, v, "the body has vpnServer; the API's field is vpn_server (snake case): {\"vpn_server\": {…}}"
		}
		if have := bareFields(root); len(have) >= minServerFields {
			return root, root, fmt.Sprintf("the body has %s at the top level: the fields of vpn_server without the wrapper; the API takes {\"vpn_server\": {%s, …}}", strings.Join(have, ", "), strings.Join(have, ", "))
		}
	}
	return nil, nil, ""
}

func looksJSON(data []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(data, bom), " \t\r\n")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// syntaxError is malformed JSON or YAML at a line and column (column 0 when unknown).
type syntaxError struct {
	lang      string
	line, col int
	msg       string
	// deep marks a document nested deeper than maxDepth: well-formed, perhaps, but too deep.
	deep bool
}

func (e *syntaxError) Error() string {
	if e.deep {
		return fmt.Sprintf("the %s is nested more than %d levels deep at line %d, column %d; a server body is at most 5 levels deep (vpn_server.client_ca_certificates[0].content), so this is not one as written", e.lang, maxDepth, e.line, e.col)
	}
	if e.col > 0 {
		return fmt.Sprintf("malformed %s at line %d, column %d: %s", e.lang, e.line, e.col, e.msg)
	}
	if e.line > 0 {
		return fmt.Sprintf("malformed %s at line %d: %s", e.lang, e.line, e.msg)
	}
	return fmt.Sprintf("malformed %s: %s", e.lang, e.msg)
}

// parse reads data as JSON when it starts with '{' or '[', else as YAML, into a yaml.Node
// tree with lines and columns. JSON is read by encoding/json (yaml.v3 accepts trailing
// commas and rejects the JSON escapes \/ and surrogate pairs), so JSON is judged as JSON.
func parse(data []byte) (*yaml.Node, error) {
	data = bytes.TrimPrefix(data, bom)
	if looksJSON(data) {
		return parseJSON(data)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &syntaxError{lang: "YAML", msg: "the document is empty"}
	}
	root := doc.Content[0]
	expandMerges(root, 0)
	return root, nil
}

// expandMerges applies YAML merge keys (<<: *base): the merged mapping's fields are added
// where the key stood, unless the mapping sets them itself, as a YAML-to-JSON conversion does.
func expandMerges(n *yaml.Node, depth int) {
	if n == nil || depth > maxDepth || n.Kind == yaml.AliasNode {
		return
	}
	for _, c := range n.Content {
		expandMerges(c, depth+1)
	}
	if n.Kind != yaml.MappingNode {
		return
	}
	own := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Tag != "!!merge" {
			own[n.Content[i].Value] = true
		}
	}
	var out []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Tag != "!!merge" {
			out = append(out, k, v)
			continue
		}
		out = appendMerged(out, k, v, own)
	}
	n.Content = out
}

// appendMerged appends to out the fields of the merge key k's mappings v (one, or a
// sequence of them) that own, the fields set so far, does not hold; a source that is not a
// mapping keeps k and v as they stand, for the structure check.
func appendMerged(out []*yaml.Node, k, v *yaml.Node, own map[string]bool) []*yaml.Node {
	sources := []*yaml.Node{v}
	if r := resolve(v); r != nil && r.Kind == yaml.SequenceNode {
		sources = r.Content
	}
	for _, src := range sources {
		m := resolve(src)
		if m == nil || m.Kind != yaml.MappingNode {
			return append(out, k, v) // not a mapping: left for the structure check
		}
		for j := 0; j+1 < len(m.Content); j += 2 {
			if name := m.Content[j].Value; !own[name] {
				own[name] = true
				out = append(out, m.Content[j], m.Content[j+1])
			}
		}
	}
	return out
}

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func yamlError(err error) error {
	msg := err.Error()
	if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &syntaxError{lang: "YAML", line: line, msg: m[2]}
	}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	return &syntaxError{lang: "YAML", msg: strings.TrimPrefix(msg, "yaml: ")}
}

// jsonReader turns encoding/json's tokens into a yaml.Node tree with positions.
type jsonReader struct {
	data []byte
	dec  *json.Decoder
	// lineStarts[i] is the offset where line i+1 begins.
	lineStarts []int
}

func parseJSON(data []byte) (*yaml.Node, error) {
	r := &jsonReader{data: data, dec: json.NewDecoder(bytes.NewReader(data)), lineStarts: []int{0}}
	r.dec.UseNumber()
	for i, b := range data {
		if b == '\n' {
			r.lineStarts = append(r.lineStarts, i+1)
		}
	}
	n, err := r.value(0)
	if err != nil {
		return nil, r.wrap(err)
	}
	if tok, err := r.dec.Token(); err != io.EOF {
		if err != nil {
			return nil, r.wrap(err)
		}
		line, col := r.pos(r.tokenStart(int(r.dec.InputOffset())) - 1)
		_ = tok
		return nil, &syntaxError{lang: "JSON", line: line, col: col, msg: "unexpected data after the top-level value"}
	}
	return n, nil
}

// pos turns a byte offset into a 1-based line and column (in bytes).
func (r *jsonReader) pos(off int) (int, int) {
	if off < 0 {
		off = 0
	}
	// The number of lines starting at or before off (binary search: a body of 20,000
	// lines must not cost 20,000 steps per token).
	line := sort.Search(len(r.lineStarts), func(i int) bool { return r.lineStarts[i] > off })
	return line, off - r.lineStarts[line-1] + 1
}

// tokenStart skips the white space and separators after off: where the next token begins.
func (r *jsonReader) tokenStart(off int) int {
	for off < len(r.data) {
		switch r.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

func (r *jsonReader) wrap(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		line, col := r.pos(r.errorOffset(se))
		return &syntaxError{lang: "JSON", line: line, col: col, msg: se.Error()}
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		line, col := r.pos(len(r.data))
		return &syntaxError{lang: "JSON", line: line, col: col, msg: "unexpected end of input (an object or array is not closed)"}
	}
	if se, ok := err.(*syntaxError); ok {
		return se
	}
	return &syntaxError{lang: "JSON", msg: err.Error()}
}

var badCharRe = regexp.MustCompile(`^invalid character ('(?:[^'\\]|\\.)+')`)

// errorOffset finds the offending character of a syntax error: the decoder's offset may
// lie before white space or the previous token, so look for the character the message
// names from there on.
func (r *jsonReader) errorOffset(se *json.SyntaxError) int {
	off := int(se.Offset)
	if m := badCharRe.FindStringSubmatch(se.Error()); m != nil {
		if c, _, _, err := strconv.UnquoteChar(m[1][1:len(m[1])-1], '\''); err == nil {
			if i := bytes.IndexRune(r.data[min(off, len(r.data)):], c); i >= 0 {
				return off + i
			}
		}
	}
	return off - 1
}

const maxDepth = 64

// value reads one JSON value and returns it as a node.
func (r *jsonReader) value(depth int) (*yaml.Node, error) {
	start := r.tokenStart(int(r.dec.InputOffset()))
	tok, err := r.dec.Token()
	if err != nil {
		return nil, err
	}
	line, col := r.pos(start)
	n := &yaml.Node{Line: line, Column: col}
	if depth > maxDepth {
		return nil, &syntaxError{lang: "JSON", line: line, col: col, deep: true}
	}
	switch t := tok.(type) {
	case json.Delim:
		if err := r.container(n, t, depth); err != nil {
			return nil, err
		}
	case string:
		n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, "!!str", t, yaml.DoubleQuotedStyle
	case json.Number:
		n.Kind, n.Value = yaml.ScalarNode, string(t)
		n.Tag = "!!int"
		if strings.ContainsAny(string(t), ".eE") {
			n.Tag = "!!float"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", strconv.FormatBool(t)
	case nil:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, nil
}

// container reads the object or array the delimiter d opened into n, up to and with its
// closing delimiter.
func (r *jsonReader) container(n *yaml.Node, d json.Delim, depth int) error {
	switch d {
	case '{':
		n.Kind, n.Tag, n.Style = yaml.MappingNode, "!!map", yaml.FlowStyle
		for r.dec.More() {
			kstart := r.tokenStart(int(r.dec.InputOffset()))
			ktok, err := r.dec.Token()
			if err != nil {
				return err
			}
			kl, kc := r.pos(kstart)
			key, _ := ktok.(string)
			k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: kl, Column: kc, Style: yaml.DoubleQuotedStyle}
			v, err := r.value(depth + 1)
			if err != nil {
				return err
			}
			n.Content = append(n.Content, k, v)
		}
	case '[':
		n.Kind, n.Tag, n.Style = yaml.SequenceNode, "!!seq", yaml.FlowStyle
		for r.dec.More() {
			v, err := r.value(depth + 1)
			if err != nil {
				return err
			}
			n.Content = append(n.Content, v)
		}
	}
	_, err := r.dec.Token() // the closing delimiter
	return err
}

// resolve follows YAML aliases.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 16; i++ {
		n = n.Alias
	}
	return n
}

// lookup returns the key and value nodes of key in mapping m (the last one when the key is
// repeated, as most JSON parsers keep it), or nils.
func lookup(m *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	m = resolve(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	var k, v *yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			k, v = m.Content[i], resolve(m.Content[i+1])
		}
	}
	return k, v
}

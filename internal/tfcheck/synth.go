package tfcheck

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// A request body is written as indented JSON, one field or element a line, and each line
// remembers the argument of the resource it came from: the body checks' findings (which
// carry the line of the offending field) are placed back on the argument that way.

// obj is an ordered JSON object; arr a JSON array. Each member names its argument path.
type obj []member

type member struct {
	key string
	val any // string, int, float64, bool, obj, arr
	arg string
}

type arr []member // keys unused

// synth is one request body (or one PEM text) written for the checks.
type synth struct {
	id   int
	file string // its made-up file name, unique in the run
	res  *Resource
	data []byte
	// lines maps a line of data (1-based) to the argument path ("" the resource itself).
	lines map[int]string
	// arg is the argument of every line when the synth is one argument's text (PEM).
	arg string
	// dropped are argument paths whose findings are not reported (unknown values).
	dropped map[string]bool
}

func synthName(id int) string { return fmt.Sprintf("tf-body-%d.json", id) }

func (c *checker) newSynth(res *Resource) *synth {
	c.nsynth++
	s := &synth{id: c.nsynth, file: synthName(c.nsynth), res: res, lines: map[int]string{}, dropped: map[string]bool{}}
	c.synths[s.file] = s
	return s
}

// body writes o as the synth's JSON.
func (s *synth) body(o obj) {
	var b strings.Builder
	line := 1
	var write func(v any, indent string, arg string)
	write = func(v any, indent string, _ string) {
		switch v := v.(type) {
		case obj:
			b.WriteString("{\n")
			line++
			for i, m := range v {
				s.lines[line] = m.arg
				b.WriteString(indent + "  " + quote(m.key) + ": ")
				write(m.val, indent+"  ", m.arg)
				if i < len(v)-1 {
					b.WriteString(",")
				}
				b.WriteString("\n")
				line++
			}
			b.WriteString(indent + "}")
		case arr:
			b.WriteString("[\n")
			line++
			for i, m := range v {
				s.lines[line] = m.arg
				b.WriteString(indent + "  ")
				write(m.val, indent+"  ", m.arg)
				if i < len(v)-1 {
					b.WriteString(",")
				}
				b.WriteString("\n")
				line++
			}
			b.WriteString(indent + "]")
		default:
			enc, _ := json.Marshal(v)
			b.Write(enc)
		}
	}
	write(o, "", "")
	b.WriteString("\n")
	s.data = []byte(b.String())
}

func quote(s string) string {
	enc, _ := json.Marshal(s)
	return string(enc)
}

// argAt is the argument of a line of the synth.
func (s *synth) argAt(line int) string {
	if s.arg != "" {
		return s.arg
	}
	if a, ok := s.lines[line]; ok {
		return a
	}
	// the nearest line above that names an argument (a line closing an object)
	keys := make([]int, 0, len(s.lines))
	for l := range s.lines {
		keys = append(keys, l)
	}
	sort.Ints(keys)
	arg := ""
	for _, l := range keys {
		if l > line {
			break
		}
		arg = s.lines[l]
	}
	return arg
}

// index writes an argument path's element.
func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

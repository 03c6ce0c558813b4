package lint

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// writeJSON writes the report as indented JSON, exactly as json.Encoder with two-space
// indent would, but streams the two long arrays (files, findings) element by element:
// encoding/json builds a whole value in memory before writing it, which for a report over
// 100,000 certificates is hundreds of megabytes. The rest of the report (whatever fields it
// has) is encoded the ordinary way, with those arrays left out, and the arrays are spliced in.
func writeJSON(w io.Writer, r *Report, _ FormatOptions) error {
	skeleton := *r
	skeleton.Files, skeleton.Findings = nil, nil
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&skeleton); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	rest := head.Bytes()
	spilled := r.Spilled()
	for _, arr := range []struct {
		marker []byte
		isNil  bool
		each   func(func(any) error) error
	}{
		{[]byte("\n  \"files\": null"), r.Files == nil && !spilled, func(fn func(any) error) error {
			return r.EachFile(func(f *FileResult) error {
				if len(f.Objects) > streamObjectsAfter {
					return fn(streamedFile{f})
				}
				return fn(f)
			})
		}},
		{[]byte("\n  \"findings\": null"), r.Findings == nil && !spilled, func(fn func(any) error) error {
			return r.EachFinding(func(f *Finding) error { return fn(f) })
		}},
	} {
		i := bytes.Index(rest, arr.marker)
		if i < 0 { // the field is not in the report any more: fall back to the plain encoder
			return plainJSON(w, r)
		}
		name := arr.marker[:len(arr.marker)-len("null")]
		bw.Write(rest[:i])
		bw.Write(name)
		if err := streamArray(bw, 2, arr.isNil, arr.each); err != nil {
			return err
		}
		rest = rest[i+len(arr.marker):]
	}
	bw.Write(rest)
	return bw.Flush()
}

// streamArray writes the elements each gives as an indented JSON array whose elements are
// at depth (two spaces a level), as encoding/json would ("null" when isNil). each may stop
// early by returning errEnough: the array is then closed as it stands.
func streamArray(w *bufio.Writer, depth int, isNil bool, each func(func(any) error) error) error {
	if isNil {
		w.WriteString("null")
		return nil
	}
	indent := strings.Repeat("  ", depth)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent(indent, "  ")
	enc.SetEscapeHTML(false)
	n := 0
	err := each(func(v any) error {
		if sf, ok := v.(streamedFile); ok {
			if n == 0 {
				w.WriteString("[")
			} else {
				w.WriteString(",")
			}
			n++
			w.WriteString("\n" + indent)
			return sf.write(w, depth)
		}
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		if n == 0 {
			w.WriteString("[")
		} else {
			w.WriteString(",")
		}
		n++
		w.WriteString("\n" + indent)
		w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return nil
	})
	if err != nil && err != errEnough {
		return err
	}
	if n == 0 {
		w.WriteString("[]")
		return nil
	}
	w.WriteString("\n" + indent[2:] + "]")
	return nil
}

// streamObjectsAfter is the number of objects above which a file result's objects are
// written one by one (streamedFile) rather than encoded with the file in one piece: a file
// of 200,000 blocks took 80 MB of encoder buffers.
const streamObjectsAfter = 256

// streamedFile is a file result whose objects streamArray writes one by one.
type streamedFile struct{ f *FileResult }

// write writes the file result at depth (its opening brace already placed), byte for byte
// as encoding/json would.
func (s streamedFile) write(w *bufio.Writer, depth int) error {
	skeleton := *s.f
	skeleton.Objects = nil
	var buf bytes.Buffer
	indent := strings.Repeat("  ", depth)
	enc := json.NewEncoder(&buf)
	enc.SetIndent(indent, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&skeleton); err != nil {
		return err
	}
	head := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
	marker := []byte("\n" + indent + "  \"objects\": null")
	i := bytes.Index(head, marker)
	if i < 0 {
		return errors.New("a file result without objects")
	}
	w.Write(head[:i])
	w.Write(marker[:len(marker)-len("null")])
	if err := streamArray(w, depth+2, s.f.Objects == nil, func(fn func(any) error) error {
		for k := range s.f.Objects {
			if err := fn(&s.f.Objects[k]); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	w.Write(head[i+len(marker):])
	return nil
}

// errEnough stops an iteration early.
var errEnough = errors.New("enough")

func plainJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

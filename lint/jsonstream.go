package lint

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"reflect"
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
	for _, arr := range []struct {
		marker []byte
		v      reflect.Value
	}{
		{[]byte("\n  \"files\": null"), reflect.ValueOf(r.Files)},
		{[]byte("\n  \"findings\": null"), reflect.ValueOf(r.Findings)},
	} {
		i := bytes.Index(rest, arr.marker)
		if i < 0 { // the field is not in the report any more: fall back to the plain encoder
			return plainJSON(w, r)
		}
		name := arr.marker[:len(arr.marker)-len("null")]
		bw.Write(rest[:i])
		bw.Write(name)
		if err := streamArray(bw, arr.v); err != nil {
			return err
		}
		rest = rest[i+len(arr.marker):]
	}
	bw.Write(rest)
	return bw.Flush()
}

// streamArray writes v (a slice) as a JSON array at the report's second indent level.
func streamArray(w *bufio.Writer, v reflect.Value) error {
	if v.IsNil() {
		w.WriteString("null")
		return nil
	}
	if v.Len() == 0 {
		w.WriteString("[]")
		return nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("    ", "  ")
	enc.SetEscapeHTML(false)
	w.WriteString("[")
	for i := 0; i < v.Len(); i++ {
		buf.Reset()
		if err := enc.Encode(v.Index(i).Interface()); err != nil {
			return err
		}
		if i > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n    ")
		w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	}
	w.WriteString("\n  ]")
	return nil
}

func plainJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// Package jsonstream writes long JSON arrays element by element, byte for byte as
// encoding/json with an indent would write them whole (the json and sarif formats).
package jsonstream

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"strings"
)

// ErrEnough stops an iteration early.
var ErrEnough = errors.New("enough")

// Writer is an element that writes itself at depth (its opening brace not yet placed), as
// encoding/json would.
type Writer interface {
	WriteJSON(w *bufio.Writer, depth int) error
}

// Array writes the elements each gives as an indented JSON array whose elements are
// at depth (two spaces a level), as encoding/json would ("null" when isNil). each may stop
// early by returning ErrEnough: the array is then closed as it stands.
func Array(w *bufio.Writer, depth int, isNil bool, each func(func(any) error) error) error {
	if isNil {
		_, _ = w.WriteString("null") // bufio: Flush reports the error
		return nil
	}
	indent := strings.Repeat("  ", depth)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent(indent, "  ")
	enc.SetEscapeHTML(false)
	n := 0
	err := each(func(v any) error {
		if sf, ok := v.(Writer); ok {
			if n == 0 {
				_, _ = w.WriteString("[") // bufio: Flush reports the error
			} else {
				_, _ = w.WriteString(",") // bufio: Flush reports the error
			}
			n++
			_, _ = w.WriteString("\n" + indent) // bufio: Flush reports the error
			return sf.WriteJSON(w, depth)
		}
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		if n == 0 {
			_, _ = w.WriteString("[") // bufio: Flush reports the error
		} else {
			_, _ = w.WriteString(",") // bufio: Flush reports the error
		}
		n++
		_, _ = w.WriteString("\n" + indent)                         // bufio: Flush reports the error
		_, _ = w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))) // bufio: Flush reports the error
		return nil
	})
	if err != nil && err != ErrEnough {
		return err
	}
	if n == 0 {
		_, _ = w.WriteString("[]") // bufio: Flush reports the error
		return nil
	}
	_, _ = w.WriteString("\n" + indent[2:] + "]") // bufio: Flush reports the error
	return nil
}

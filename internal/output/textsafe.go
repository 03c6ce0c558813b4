package output

import (
	"unicode"
	"unicode/utf8"
)

// TextSafe returns s fit to print in a line of text for a terminal or a CI log: control
// characters (C0 such as a newline or ESC, DEL, C1), Unicode format characters (bidi
// overrides and isolates such as U+202E, zero-width characters, U+FEFF) and the line and
// paragraph separators U+2028 and U+2029 are escaped as Go's %q escapes them (\n, \t, \x1b,
// \u202e…), and so are bytes that are not UTF-8 (\xff); printable text, Chinese included, is
// left as it is, and so is the backslash (details quote names with %q already). The text
// report, the GitHub annotations and the messages on standard error pass every name, path,
// subject and detail through it, so that a file name can neither print a forged finding line
// nor send escape sequences to the terminal. The machine formats (JSON, SARIF, JUnit) are
// escaped by their encoders instead.
func TextSafe(s string) string {
	if PrintableASCII(s) {
		return s
	}
	return string(AppendTextSafe(make([]byte, 0, len(s)+8), s))
}

// AppendTextSafe appends TextSafe(s) to dst.
func AppendTextSafe(dst []byte, s string) []byte {
	if PrintableASCII(s) {
		return append(dst, s...)
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = appendHex(dst, `\x`, uint32(s[i]), 2)
		case !escaped(r):
			dst = append(dst, s[i:i+size]...)
		case r == '\a':
			dst = append(dst, `\a`...)
		case r == '\b':
			dst = append(dst, `\b`...)
		case r == '\f':
			dst = append(dst, `\f`...)
		case r == '\n':
			dst = append(dst, `\n`...)
		case r == '\r':
			dst = append(dst, `\r`...)
		case r == '\t':
			dst = append(dst, `\t`...)
		case r == '\v':
			dst = append(dst, `\v`...)
		case r < utf8.RuneSelf:
			dst = appendHex(dst, `\x`, uint32(r), 2)
		case r <= 0xffff:
			dst = appendHex(dst, `\u`, uint32(r), 4)
		default:
			dst = appendHex(dst, `\U`, uint32(r), 8)
		}
		i += size
	}
	return dst
}

// PrintableASCII reports whether s is printable ASCII only (nothing to escape: the usual case).
func PrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// escaped reports whether TextSafe escapes the rune r.
func escaped(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r < 0xa0:
		return false
	}
	return unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp)
}

func appendHex(dst []byte, prefix string, v uint32, digits int) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, prefix...)
	for shift := 4 * (digits - 1); shift >= 0; shift -= 4 {
		dst = append(dst, hex[v>>uint(shift)&0xf])
	}
	return dst
}

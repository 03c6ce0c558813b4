// Package markdown writes the markdown format (--format markdown): a report for a GitHub job
// summary ($GITHUB_STEP_SUMMARY) or a merge request comment. A heading, the summary line, a
// table of the counts by severity, then a table of the findings in the report's order
// (location as a link to the file and line, code, severity, message, detail followed by a
// Terraform finding's [address.argument]), capped at
// MaxFindings rows unless Verbose; then the inputs that could not be read and, with Verbose,
// the waived findings. It is written as the findings are read (EachFinding), like the other
// formats.
package markdown

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/vpncertlint/vpncertlint/internal/output"
	"github.com/vpncertlint/vpncertlint/internal/report"
	"github.com/vpncertlint/vpncertlint/lint"
)

// MaxFindings is how many findings the markdown format lists without Verbose; a line
// then says how many were left out. (A GitHub job summary takes at most 1 MiB.)
const MaxFindings = 1000

// mdWords are the markdown report's own words in one language.
type mdWords struct {
	noFindings, findingsHead, countsHeader, findingsHeader string
	capped                                                 string // with shown, total
	unreadableHead, unreadableHeader                       string
	waivedHead, waivedHeader                               string
}

var mdEN = mdWords{
	noFindings:       "No findings.",
	findingsHead:     "### Findings",
	countsHeader:     "| severity | findings |\n| --- | ---: |\n",
	findingsHeader:   "| location | code | severity | message | detail |\n| --- | --- | --- | --- | --- |\n",
	capped:           "The first %d of %d findings are listed; run with -v to list them all (the JSON and SARIF reports list every one).",
	unreadableHead:   "### Inputs that could not be read",
	unreadableHeader: "| input | error |\n| --- | --- |\n",
	waivedHead:       "### Waived by the configuration",
	waivedHeader:     "| location | code | severity | message | reason | expires |\n| --- | --- | --- | --- | --- | --- |\n",
}

var mdZH = mdWords{
	noFindings:       "未发现问题。",
	findingsHead:     "### 问题",
	countsHeader:     "| 严重级别 | 数量 |\n| --- | ---: |\n",
	findingsHeader:   "| 位置 | 代码 | 严重级别 | 消息 | 详情 |\n| --- | --- | --- | --- | --- |\n",
	capped:           "仅列出前%d个问题(共%d个);使用-v列出全部(JSON和SARIF报告列出每一个)。",
	unreadableHead:   "### 无法读取的输入",
	unreadableHeader: "| 输入 | 错误 |\n| --- | --- |\n",
	waivedHead:       "### 已被项目配置豁免",
	waivedHeader:     "| 位置 | 代码 | 严重级别 | 消息 | 原因 | 有效期至 |\n| --- | --- | --- | --- | --- | --- |\n",
}

var errMarkdownFull = errors.New("markdown: cap reached")

// Write writes the report in markdown.
func Write(w io.Writer, r *report.Report, o output.Options) error {
	words := output.WordsFor(o.Lang)
	md := &mdEN
	if words.ZH {
		md = &mdZH
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	ew := &output.ErrWriter{W: bw}
	s := r.Summary()
	line := words.Totals(s, r.NumFiles(), r.NumObjects())
	if n := r.IOErrors(); n > 0 {
		line += words.Unreadable(n)
	}
	if s.Waived > 0 {
		line += words.WaivedCount(s.Waived)
	}
	ew.Printf("## vpncertlint\n\n%s\n\n%s", Cell(line), md.countsHeader)
	ew.Printf("| error | %d |\n| warning | %d |\n| notice | %d |\n", s.Error, s.Warning, s.Notice)
	if s.Waived > 0 {
		ew.Printf("| waived | %d |\n", s.Waived)
	}

	if err := writeFindings(ew, r, o, md, words); err != nil {
		return err
	}
	writeUnreadable(ew, r, md)
	writeWaived(ew, r, o, md, words)
	if ew.Err == nil {
		ew.Err = bw.Flush()
	}
	return ew.Err
}

// appendLocation appends a finding's location, file:line (file alone for line 0), as a link
// to the file and line: o.LinkBase followed by the path relative to o.LinkRoot, or that path
// alone (a relative link). The run itself ("") and standard input ("-") are not links, nor is
// a file outside o.LinkRoot.
func appendLocation(buf []byte, file string, line int, o output.Options) []byte {
	text := output.DisplayFile(file)
	if line > 0 {
		text += ":" + strconv.Itoa(line)
	}
	rel := output.RelPath(file, o.LinkRoot)
	if file == "" || file == "-" || path.IsAbs(rel) || filepath.IsAbs(filepath.FromSlash(rel)) || rel == ".." || strings.HasPrefix(rel, "../") {
		return append(buf, Cell(text)...)
	}
	buf = append(buf, '[')
	buf = append(buf, Cell(text)...)
	buf = append(buf, "]("...)
	if base := o.LinkBase; base != "" {
		buf = append(buf, base...)
		if !strings.HasSuffix(base, "/") {
			buf = append(buf, '/')
		}
	}
	for i, seg := range strings.Split(rel, "/") {
		if i > 0 {
			buf = append(buf, '/')
		}
		// ":" too: a relative link's first segment must not read as a scheme (javascript:).
		buf = append(buf, strings.ReplaceAll(url.PathEscape(seg), ":", "%3A")...)
	}
	if line > 0 {
		buf = append(buf, "#L"...)
		buf = strconv.AppendInt(buf, int64(line), 10)
	}
	return append(buf, ')')
}

// appendDetail appends a finding's detail cell: its detail, then a Terraform finding's
// resource address and argument in brackets, as the text format ends its line.
func appendDetail(buf []byte, f *lint.Finding) []byte {
	buf = append(buf, Cell(f.Detail)...)
	w := f.Where()
	if w == "" {
		return buf
	}
	if f.Detail != "" {
		buf = append(buf, ' ')
	}
	return append(buf, Cell("["+w+"]")...)
}

// appendCode appends a code as a code span (codes are catalogue identifiers such as
// VPN.0072 or zlint.e_ext_san_missing: no backquote in them, nothing else to escape).
func appendCode(buf []byte, code string) []byte {
	if !output.PrintableASCII(code) || strings.ContainsAny(code, "`|") {
		return append(buf, Cell(code)...)
	}
	buf = append(buf, '`')
	buf = append(buf, code...)
	return append(buf, '`')
}

// markdownSpecial are the characters Cell escapes with a backslash: those that
// start or end emphasis, code, links (a "(" or "!" matters only next to a bracket, which is
// escaped), HTML and entities, strikethrough, math, mentions and issue references, the
// backslash itself, and the pipe that ends a table cell. (The others, "-", "+", "." or a
// leading "#", make blocks only at the start of a line, which a cell never is.)
const markdownSpecial = "\\`*_[]<>#|~&$@"

// Cell returns s fit for one cell of a markdown table: escaped as for a line of text
// (output.TextSafe: a newline, a control character or a bidi override is printed as \n, \x1b,
// \u202e…, so that a name cannot end the row or the table), then with the markdown
// specials backslash-escaped, so that they print as themselves.
func Cell(s string) string {
	s = output.TextSafe(s)
	if !strings.ContainsAny(s, markdownSpecial) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(markdownSpecial, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// writeFindings writes the findings' table (the first MaxFindings, without Verbose).
func writeFindings(ew *output.ErrWriter, r *report.Report, o output.Options, md *mdWords, words *output.Words) error {
	total := r.NumFindings()
	if total == 0 {
		ew.Printf("\n%s\n", md.noFindings)
	} else {
		ew.Printf("\n%s\n\n%s", md.findingsHead, md.findingsHeader)
		zlint := map[string]bool{}
		shown := 0
		var buf []byte
		err := r.EachFinding(func(f *lint.Finding) error {
			if !o.Verbose && shown == MaxFindings {
				return errMarkdownFull
			}
			shown++
			isZlint, ok := zlint[f.Code]
			if !ok {
				isZlint = output.IsZlint(f.Code)
				zlint[f.Code] = isZlint
			}
			tx := f.Text(o.Lang)
			text, _ := output.LineText(&tx, words.ZH, isZlint)
			buf = append(buf[:0], "| "...)
			buf = appendLocation(buf, f.File, f.Line, o)
			buf = append(buf, " | "...)
			buf = appendCode(buf, f.Code)
			buf = append(buf, " | "...)
			buf = append(buf, f.Severity.String()...)
			buf = append(buf, " | "...)
			buf = append(buf, Cell(text)...)
			buf = append(buf, " | "...)
			buf = appendDetail(buf, f)
			buf = append(buf, " |\n"...)
			ew.Write(buf)
			return ew.Err
		})
		if err != nil && err != errMarkdownFull {
			return err
		}
		if shown < total {
			ew.Printf("\n%s\n", fmt.Sprintf(md.capped, shown, total))
		}
	}

	return nil
}

// writeUnreadable lists the inputs that could not be read.
func writeUnreadable(ew *output.ErrWriter, r *report.Report, md *mdWords) {
	if errs := r.ErrorFiles(); len(errs) > 0 {
		ew.Printf("\n%s\n\n%s", md.unreadableHead, md.unreadableHeader)
		for _, f := range errs {
			ew.Printf("| %s | %s |\n", Cell(output.DisplayFile(f.File)), Cell(f.Error))
		}
	}
}

// writeWaived lists the waived findings, with Verbose.
func writeWaived(ew *output.ErrWriter, r *report.Report, o output.Options, md *mdWords, words *output.Words) {
	if waived := r.Waived(); o.Verbose && len(waived) > 0 {
		ew.Printf("\n%s\n\n%s", md.waivedHead, md.waivedHeader)
		for i := range waived {
			wf := &waived[i]
			tx := wf.Text(o.Lang)
			text, _ := output.LineText(&tx, words.ZH, false)
			loc := string(appendLocation(nil, wf.File, wf.Line, o))
			ew.Printf("| %s | %s | %s | %s | %s | %s |\n", loc, appendCode(nil, wf.Code), wf.Severity,
				Cell(text), Cell(wf.Reason), Cell(wf.Expires))
		}
	}
}

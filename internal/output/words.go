package output

import (
	"fmt"
	"strings"

	"github.com/vpncertlint/vpncertlint/internal/report"
)

// Words are the text and markdown reports' own words in one language: English, or Chinese
// for a report rendered in zh. Codes, severities (error, warning, notice: the values of
// --fail-on) and the reports' field names stay English.
type Words struct {
	ZH bool
	// labels under a finding with --verbose
	Description, Message, Remedy string
	IOError                      string
	WaivedHead, Waived, Until    string
	// summaryHead (with SummarizeAfter) heads the summary lines.
	SummaryHead string
}

var wordsEN = Words{
	Description: "description:",
	Message:     "message:",
	Remedy:      "remedy:",
	IOError:     "I/O error:",
	WaivedHead:  "Waived by the configuration:",
	Waived:      "waived",
	Until:       ", until %s",
	SummaryHead: "zlint advisories raised more than %d times, one line per lint (-v lists each one):",
}

var wordsZH = Words{
	ZH:          true,
	Description: "说明:",
	Message:     "英文消息:",
	Remedy:      "处理措施:",
	IOError:     "无法读取:",
	WaivedHead:  "已被项目配置豁免:",
	Waived:      "已豁免",
	Until:       ",有效期至%s",
	SummaryHead: "出现超过%d次的zlint建议,每项一行(-v逐条列出):",
}

// WordsFor returns the words of lang ("zh": Chinese, else English).
func WordsFor(lang string) *Words {
	if lang == "zh" {
		return &wordsZH
	}
	return &wordsEN
}

// Totals is the summary line's start: "3 errors, 0 warnings, 0 notices in 1 input (1 object)".
func (w *Words) Totals(s report.Summary, inputs, objects int) string {
	if w.ZH {
		return fmt.Sprintf("%d个错误,%d个警告,%d个提示,共%d个输入(%d个对象)", s.Error, s.Warning, s.Notice, inputs, objects)
	}
	return fmt.Sprintf("%s, %s, %s in %s (%s)", Plural(s.Error, "error"), Plural(s.Warning, "warning"),
		Plural(s.Notice, "notice"), Plural(inputs, "input"), Plural(objects, "object"))
}

// Unreadable and WaivedCount continue the summary line.
func (w *Words) Unreadable(n int) string {
	if w.ZH {
		return fmt.Sprintf(";%d个输入无法读取", n)
	}
	return fmt.Sprintf("; %s could not be read", Plural(n, "input"))
}

// WaivedCount is the totals line's part about n waived findings.
func (w *Words) WaivedCount(n int) string {
	if w.ZH {
		return fmt.Sprintf(";%d个问题已豁免", n)
	}
	return fmt.Sprintf("; %s waived", Plural(n, "finding"))
}

// SummaryLine ends a summary line: the lint's count, its number of inputs and the first of
// them (already escaped), " (200 times in 180 inputs: a.pem, b.pem, c.pem and 177 more)".
func (w *Words) SummaryLine(n, inputs int, first []string) string {
	if w.ZH {
		list := strings.Join(first, "、")
		if inputs > len(first) {
			list += "等"
		}
		return fmt.Sprintf(" (共%d次,涉及%d个输入:%s)", n, inputs, list)
	}
	list := strings.Join(first, ", ")
	if inputs > len(first) {
		list += fmt.Sprintf(" and %d more", inputs-len(first))
	}
	return fmt.Sprintf(" (%d times in %s: %s)", n, Plural(inputs, "input"), list)
}

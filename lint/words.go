package lint

import (
	"fmt"
	"strings"
)

// words are the text and markdown reports' own words in one language: English, or Chinese
// for a report finalized in zh. Codes, severities (error, warning, notice: the values of
// --fail-on) and the reports' field names stay English.
type words struct {
	zh bool
	// labels under a finding with --verbose
	description, message, remedy string
	ioError                      string
	waivedHead, waived, until    string
	// summaryHead (with SummarizeAfter) heads the summary lines.
	summaryHead string
}

var wordsEN = words{
	description: "description:",
	message:     "message:",
	remedy:      "remedy:",
	ioError:     "I/O error:",
	waivedHead:  "Waived by the configuration:",
	waived:      "waived",
	until:       ", until %s",
	summaryHead: "zlint advisories raised more than %d times, one line per lint (-v lists each one):",
}

var wordsZH = words{
	zh:          true,
	description: "说明:",
	message:     "英文消息:",
	remedy:      "处理措施:",
	ioError:     "无法读取:",
	waivedHead:  "已被项目配置豁免:",
	waived:      "已豁免",
	until:       ",有效期至%s",
	summaryHead: "出现超过%d次的zlint建议,每项一行(-v逐条列出):",
}

func reportWords(lang string) *words {
	if lang == "zh" {
		return &wordsZH
	}
	return &wordsEN
}

// totals is the summary line's start: "3 errors, 0 warnings, 0 notices in 1 input (1 object)".
func (w *words) totals(s Summary, inputs, objects int) string {
	if w.zh {
		return fmt.Sprintf("%d个错误,%d个警告,%d个提示,共%d个输入(%d个对象)", s.Error, s.Warning, s.Notice, inputs, objects)
	}
	return fmt.Sprintf("%s, %s, %s in %s (%s)", plural(s.Error, "error"), plural(s.Warning, "warning"),
		plural(s.Notice, "notice"), plural(inputs, "input"), plural(objects, "object"))
}

// unreadable and waivedCount continue the summary line.
func (w *words) unreadable(n int) string {
	if w.zh {
		return fmt.Sprintf(";%d个输入无法读取", n)
	}
	return fmt.Sprintf("; %s could not be read", plural(n, "input"))
}

func (w *words) waivedCount(n int) string {
	if w.zh {
		return fmt.Sprintf(";%d个问题已豁免", n)
	}
	return fmt.Sprintf("; %s waived", plural(n, "finding"))
}

// summaryLine ends a summary line: the lint's count, its number of inputs and the first of
// them (already escaped), " (200 times in 180 inputs: a.pem, b.pem, c.pem and 177 more)".
func (w *words) summaryLine(n, inputs int, first []string) string {
	if w.zh {
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
	return fmt.Sprintf(" (%d times in %s: %s)", n, plural(inputs, "input"), list)
}

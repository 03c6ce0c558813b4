package bodycheck

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/vpncertlint/vpncertlint/lint"
	"gopkg.in/yaml.v3"
)

var codeYAMLVersions = lint.Register(lint.Code{
	ID: "VCL.1222", Source: lint.SourceTool, Severity: lint.Warning, Related: "VPN.0001",
	Message:  "The YAML value %s means different things in YAML 1.1 and YAML 1.2.",
	DescEN:   "A plain (unquoted) YAML scalar such as 0443, 1_194, 0o443, yes or 1:30 is read differently by YAML 1.1 parsers (gopkg.in/yaml.v3 for numbers, PyYAML, yq) and YAML 1.2 parsers: 0443 is the octal number 291 to YAML 1.1 and 443 to YAML 1.2; yes is a boolean to YAML 1.1 and a string to YAML 1.2. The body that is sent depends on the tool that converts the YAML to JSON. vpncertlint judges the value gopkg.in/yaml.v3 reads.",
	RemedyEN: "Write the value so that every YAML version reads it the same: 443 rather than 0443, 1194 rather than 1_194, true rather than yes, or quote it when it is a string.",
	DescZH:   "YAML值%s在YAML 1.1和YAML 1.2中含义不同。",
	RemedyZH: "请使用各YAML版本含义一致的写法(如443而非0443,true而非yes),字符串请加引号。",
}).ID

var (
	yaml11Octal   = regexp.MustCompile(`^[-+]?0[0-7_]*[0-7][0-7_]*$`)
	yaml12Decimal = regexp.MustCompile(`^[-+]?[0-9]+$`)
	yaml11Binary  = regexp.MustCompile(`^[-+]?0b[01_]+$`)
	yaml12Octal   = regexp.MustCompile(`^0o[0-7]+$`)
	yaml11Base60  = regexp.MustCompile(`^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$`)
	yaml11Number  = regexp.MustCompile(`^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9_]+([eE][-+]?[0-9]+)?)$`)
)

var yaml11Bools = map[string]bool{
	"y": true, "Y": true, "yes": true, "Yes": true, "YES": true, "on": true, "On": true, "ON": true,
	"n": false, "N": false, "no": false, "No": false, "NO": false, "off": false, "Off": false, "OFF": false,
}

// yamlVersions says how YAML 1.1 and YAML 1.2 (core schema) read the plain scalar s, when
// they differ; "" when they agree.
func yamlVersions(s string) string {
	switch {
	case yaml11Octal.MatchString(s) && strings.Trim(s, "+-0_") != "" && yaml12Decimal.MatchString(s):
		v11, _ := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 8, 64)
		return fmt.Sprintf("YAML 1.1 reads the octal number %d (gopkg.in/yaml.v3, PyYAML and yq do), YAML 1.2 the decimal number %s", v11, decimal12(s))
	case yaml11Octal.MatchString(s) && strings.Trim(s, "+-0_") != "":
		v11, _ := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 8, 64)
		return fmt.Sprintf("YAML 1.1 reads the octal number %d (gopkg.in/yaml.v3, PyYAML and yq do), YAML 1.2 the string %q (underscores are not digits)", v11, s)
	case yaml12Decimal.MatchString(s) && strings.ContainsAny(s, "89") && strings.TrimLeft(s, "+-")[0] == '0':
		return fmt.Sprintf("YAML 1.1 reads the string %q (8 and 9 are not octal digits), YAML 1.2 the number %s", s, decimal12(s))
	case yaml11Binary.MatchString(s):
		return fmt.Sprintf("YAML 1.1 reads a binary number, YAML 1.2 the string %q", s)
	case yaml12Octal.MatchString(s):
		v, _ := strconv.ParseInt(s[2:], 8, 64)
		return fmt.Sprintf("YAML 1.2 reads the octal number %d, YAML 1.1 the string %q (PyYAML and yq)", v, s)
	case yaml11Base60.MatchString(s):
		return fmt.Sprintf("YAML 1.1 reads a base-60 number (PyYAML does), YAML 1.2 and gopkg.in/yaml.v3 the string %q", s)
	case strings.Contains(s, "_") && yaml11Number.MatchString(s):
		return fmt.Sprintf("YAML 1.1 reads the number %s (gopkg.in/yaml.v3, PyYAML and yq do), YAML 1.2 the string %q (underscores are not digits)", strings.ReplaceAll(s, "_", ""), s)
	}
	if v, ok := yaml11Bools[s]; ok {
		return fmt.Sprintf("YAML 1.1 reads the boolean %t (PyYAML and yq do), YAML 1.2 and gopkg.in/yaml.v3 the string %q", v, s)
	}
	return ""
}

// decimal12 is the decimal number YAML 1.2 reads in s (digits with optional sign and leading
// zeros): leading zeros dropped, a minus sign kept.
func decimal12(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign = "-"
	}
	d := strings.TrimLeft(strings.TrimLeft(s, "+-"), "0")
	if d == "" {
		return "0"
	}
	return sign + d
}

// checkYAMLVersions warns about every plain scalar of a YAML body whose meaning depends on
// the YAML version (keys included: a key 'on' is true to YAML 1.1).
func (b *Body) checkYAMLVersions(n *yaml.Node, p string, depth int) {
	if n == nil || depth > maxDepth || n.Kind == yaml.AliasNode {
		return
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Style != 0 || (n.Tag != "!!int" && n.Tag != "!!float" && n.Tag != "!!str") {
			return // quoted, a block scalar, or explicitly tagged
		}
		if how := yamlVersions(n.Value); how != "" {
			b.report(n, p, codeYAMLVersions, fmt.Sprintf("%s is %s: %s; quote it or write it so that both read the same", fieldName(p), n.Value, how), n.Value)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			b.checkYAMLVersions(k, join(p, k.Value), depth+1)
			b.checkYAMLVersions(n.Content[i+1], join(p, k.Value), depth+1)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			b.checkYAMLVersions(c, index(p, i), depth+1)
		}
	case yaml.DocumentNode:
		for _, c := range n.Content {
			b.checkYAMLVersions(c, p, depth+1)
		}
	}
}

func fieldName(p string) string {
	if p == "" {
		return "the value"
	}
	return p
}

// intValue is the integer a scalar holds as its parser reads it: encoding/json for JSON,
// gopkg.in/yaml.v3 for YAML (0443 is 291, 0x1bb is 443, 1_194 is 1194).
func intValue(n *yaml.Node) (int64, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		return 0, false
	}
	var v int64
	if err := n.Decode(&v); err != nil {
		return 0, false
	}
	return v, true
}

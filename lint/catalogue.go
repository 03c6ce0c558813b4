package lint

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// cloudTable is a verbatim copy of the cloud's error-code table, shared/huawei/vpn-error-codes.txt
// beside the repository (../../shared/huawei/vpn-error-codes.txt from this directory);
// TestEmbeddedTableMatchesShared keeps the two identical.
//
//go:embed vpn-error-codes.txt
var cloudTable string

// Source says who defines a code.
type Source string

const (
	// SourceCloud marks the cloud's own VPN.xxxx codes.
	SourceCloud Source = "huawei-cloud"
	// SourceTool marks vpncertlint's own advisory codes (VCL.xxxx).
	SourceTool Source = "vpncertlint"
	// SourceZlint marks zlint advisories (zlint.<lint_name>).
	SourceZlint Source = "zlint"
)

// Code is one entry of the catalogue.
type Code struct {
	ID         string   `json:"code"`
	Source     Source   `json:"source"`
	HTTPStatus int      `json:"http_status,omitempty"`
	Severity   Severity `json:"severity"`
	// Message is the English message with %s placeholders, exactly as the cloud writes it.
	Message  string `json:"message"`
	DescZH   string `json:"description_zh"`
	RemedyZH string `json:"remedy_zh"`
	DescEN   string `json:"description_en"`
	RemedyEN string `json:"remedy_en"`
	// Related names the cloud code an advisory is about, if any.
	Related string `json:"related,omitempty"`
}

// Description returns the description in lang ("en" or "zh").
func (c *Code) Description(lang string) string {
	if lang == "zh" {
		return c.DescZH
	}
	return c.DescEN
}

// Remedy returns the remedy in lang ("en" or "zh").
func (c *Code) Remedy(lang string) string {
	if lang == "zh" {
		return c.RemedyZH
	}
	return c.RemedyEN
}

// Format fills the message's %s placeholders with args, in order.
// Missing args leave "%s" visible rather than "%!s(MISSING)". The cloud writes the
// placeholder of VPN.0001–0003 as "xxx" ("invalid request:xxx"): a message that ends in xxx
// and has no %s takes its first arg there.
func (c *Code) Format(args ...string) string {
	return fill(c.template(args), args)
}

// AppendFormat appends Format(args...) to dst: for writers that print many findings.
func (c *Code) AppendFormat(dst []byte, args ...string) []byte {
	return appendFill(dst, c.template(args), args)
}

// template is the message with the placeholder Format fills.
func (c *Code) template(args []string) string {
	tmpl := c.Message
	if len(args) > 0 && !strings.Contains(tmpl, "%s") && strings.HasSuffix(tmpl, "xxx") {
		tmpl = strings.TrimSuffix(tmpl, "xxx") + "%s"
	}
	return tmpl
}

// fill returns tmpl with its %s placeholders filled with args, in order (appendFill).
func fill(tmpl string, args []string) string {
	n := len(tmpl)
	for _, a := range args {
		n += len(a)
	}
	return string(appendFill(make([]byte, 0, n), tmpl, args))
}

// appendFill appends tmpl to dst with its %s placeholders filled with args, in order; one
// without an arg stays "%s".
func appendFill(dst []byte, tmpl string, args []string) []byte {
	i := 0
	for {
		j := strings.Index(tmpl, "%s")
		if j < 0 {
			return append(dst, tmpl...)
		}
		dst = append(dst, tmpl[:j]...)
		if i < len(args) {
			dst = append(dst, args[i]...)
			i++
		} else {
			dst = append(dst, "%s"...)
		}
		tmpl = tmpl[j+2:]
	}
}

var (
	regMu    sync.RWMutex
	registry = map[string]*Code{}
)

func init() {
	codes, err := ParseCloudTable(cloudTable)
	if err != nil {
		panic("lint: embedded cloud table: " + err.Error())
	}
	for _, c := range codes {
		if en, ok := cloudEnglish[c.ID]; ok {
			c.DescEN, c.RemedyEN = en[0], en[1]
		} else {
			c.DescEN, c.RemedyEN = c.Message, "See the Chinese remedy (the cloud publishes it only in Chinese): "+c.RemedyZH
		}
		registry[c.ID] = c
	}
}

// ParseCloudTable reads the cloud's table: rows "status | code | message | description | remedy |".
func ParseCloudTable(text string) ([]*Code, error) {
	var out []*Code
	for n, line := range strings.Split(text, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 5 {
			continue
		}
		status, err := strconv.Atoi(strings.TrimSpace(cells[0]))
		if err != nil {
			continue // header or separator row
		}
		id := strings.TrimSpace(cells[1])
		if !strings.HasPrefix(id, "VPN.") {
			return nil, fmt.Errorf("line %d: code %q", n+1, id)
		}
		out = append(out, &Code{
			ID:         id,
			Source:     SourceCloud,
			HTTPStatus: status,
			Severity:   Error,
			Message:    strings.TrimSpace(cells[2]),
			DescZH:     strings.TrimSpace(cells[3]),
			RemedyZH:   strings.TrimSpace(cells[4]),
		})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no rows")
	}
	return out, nil
}

// Register adds one of vpncertlint's own codes (or a zlint advisory) to the catalogue.
// It panics on a duplicate ID: codes are stable identifiers.
func Register(c Code) *Code {
	regMu.Lock()
	defer regMu.Unlock()
	if _, dup := registry[c.ID]; dup {
		panic("lint: code registered twice: " + c.ID)
	}
	if c.Severity == 0 {
		panic("lint: code without severity: " + c.ID)
	}
	cc := c
	registry[c.ID] = &cc
	return &cc
}

// lazySource registers a family of codes (all starting with prefix) on demand.
type lazySource struct {
	prefix string
	one    func(id string)
	all    func()
	once   *sync.Once
}

var lazy []lazySource

// RegisterLazy declares that the codes starting with prefix are registered on demand: one(id)
// when such a code is looked up (it registers that code if it exists, and must be safe for
// concurrent use and idempotent), all() once when the whole catalogue is listed. A large
// family of codes (zlint's hundreds of lints) thus costs nothing at start-up, and a run
// registers only the codes it raises. Call it from an init function.
func RegisterLazy(prefix string, one func(id string), all func()) {
	regMu.Lock()
	defer regMu.Unlock()
	lazy = append(lazy, lazySource{prefix: prefix, one: one, all: all, once: new(sync.Once)})
}

// loadLazy registers id if a lazy source has it, or (all) every lazy source's codes.
func loadLazy(id string, all bool) {
	regMu.RLock()
	todo := append([]lazySource(nil), lazy...)
	regMu.RUnlock()
	for _, l := range todo {
		switch {
		case all:
			l.once.Do(l.all)
		case strings.HasPrefix(id, l.prefix):
			l.one(id)
		}
	}
}

// Lookup returns the catalogue entry for id.
func Lookup(id string) (*Code, bool) {
	regMu.RLock()
	c, ok := registry[id]
	regMu.RUnlock()
	if ok {
		return c, true
	}
	loadLazy(id, false)
	regMu.RLock()
	defer regMu.RUnlock()
	c, ok = registry[id]
	return c, ok
}

// MustLookup is Lookup for codes the program itself names; it panics on an unknown id.
func MustLookup(id string) *Code {
	c, ok := Lookup(id)
	if !ok {
		panic("lint: unknown code " + id)
	}
	return c
}

// All returns the catalogue sorted by code: cloud codes first, then vpncertlint's, then zlint's.
func All() []*Code {
	loadLazy("", true)
	regMu.RLock()
	out := make([]*Code, 0, len(registry))
	for _, c := range registry {
		out = append(out, c)
	}
	regMu.RUnlock()
	rank := map[Source]int{SourceCloud: 0, SourceTool: 1, SourceZlint: 2}
	sort.Slice(out, func(i, j int) bool {
		if rank[out[i].Source] != rank[out[j].Source] {
			return rank[out[i].Source] < rank[out[j].Source]
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Command tfplan writes the plan JSON (`terraform show -json` of a plan creating every
// resource) of a Terraform configuration directory, for the fixtures of testdata/terraform.
// Terraform and the huaweicloud provider cannot run here (no registry access), so the plan
// is written the way Terraform 1.9 writes one, from the configuration as vpncertlint's
// evaluator reads it (internal/tfcheck.LoadDir) and the provider's schema
// (tfcheck.Arguments, tfcheck.Computed): format_version 1.2, planned_values with child
// modules, resource_changes with action create, after (unset arguments null, computed ones
// left out and true in after_unknown), after_sensitive for the schema's sensitive
// arguments, and the configuration's vpn_server_id references.
//
// Usage: go run ./scripts/tfplan CONFIG-DIR > plan.json
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/vpncertlint/vpncertlint/internal/tfcheck"
)

const provider = "registry.terraform.io/huaweicloud/huaweicloud"

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: tfplan CONFIG-DIR")
		os.Exit(2)
	}
	cfg, err := tfcheck.LoadDir(os.Args[1])
	if err != nil || len(cfg.Errors) > 0 {
		fmt.Fprintln(os.Stderr, err, cfg.Errors)
		os.Exit(1)
	}
	root, changes, cfgs := planned(cfg.Resources)
	plan := map[string]any{
		"format_version":    "1.2",
		"terraform_version": "1.9.8",
		"planned_values":    map[string]any{"root_module": root},
		"resource_changes":  changes,
		"configuration": map[string]any{"provider_config": map[string]any{"huaweicloud": map[string]any{"name": "huaweicloud",
			"full_name": provider}}, "root_module": configuration(cfgs)},
		"timestamp": "2026-06-01T00:00:00Z",
		"applyable": true,
		"complete":  true,
		"errored":   false,
	}
	out, err := json.Marshal(plan)
	if err != nil {
		panic(err)
	}
	if _, err := os.Stdout.Write(append(out, '\n')); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// module is a module of planned_values.
type module struct {
	Address   string           `json:"address,omitempty"`
	Resources []map[string]any `json:"resources,omitempty"`
	Children  []*module        `json:"child_modules,omitempty"`
}

// cfgRes is one resource block of the configuration (its first instance).
type cfgRes struct {
	module, address string
	r               *tfcheck.Resource
}

// planned are the plan's planned_values root module, its resource_changes and the resource
// blocks of the configuration.
func planned(resources []*tfcheck.Resource) (*module, []map[string]any, []cfgRes) {
	root := &module{}
	mods := map[string]*module{"": root}
	var changes []map[string]any
	var cfgs []cfgRes
	seenCfg := map[string]bool{}
	for _, r := range resources {
		pv, rc := resourcePlan(r)
		m := mods[r.Module]
		if m == nil {
			m = &module{Address: r.Module}
			mods[r.Module] = m
			parent := root
			if i := strings.LastIndex(r.Module, ".module."); i >= 0 {
				parent = mods[r.Module[:i]]
			}
			parent.Children = append(parent.Children, m)
		}
		m.Resources = append(m.Resources, pv)
		changes = append(changes, rc)
		if !seenCfg[r.Config] {
			seenCfg[r.Config] = true
			cfgs = append(cfgs, cfgRes{r.Module, strings.TrimPrefix(r.Config, prefixOf(r.Module)), r})
		}
	}
	return root, changes, cfgs
}

// resourcePlan is a resource's planned value and its change (a create).
func resourcePlan(r *tfcheck.Resource) (pv, rc map[string]any) {
	after, unknown, sens := values(r)
	known := map[string]any{}
	for k, v := range after {
		if !isUnknownTop(unknown, k) {
			known[k] = v
		}
	}
	pv = map[string]any{"address": r.Address, "mode": "managed", "type": r.Type, "name": r.Name,
		"provider_name": provider, "schema_version": 0, "values": known, "sensitive_values": sensValues(sens)}
	rc = map[string]any{"address": r.Address, "mode": "managed", "type": r.Type, "name": r.Name, "provider_name": provider,
		"change": map[string]any{"actions": []string{"create"}, "before": nil, "after": after, "after_unknown": unknown,
			"before_sensitive": false, "after_sensitive": sens}}
	if idx := instanceIndex(r); idx != nil {
		pv["index"], rc["index"] = idx, idx
	}
	if r.Module != "" {
		rc["module_address"] = r.Module
	}
	return pv, rc
}

// instanceIndex is the count index (a number) or for_each key (a string) of an instance,
// nil for a resource without either.
func instanceIndex(r *tfcheck.Resource) any {
	i := strings.LastIndexByte(r.Address, '[')
	if i <= len(r.Config)-1 {
		return nil
	}
	k := r.Address[i+1 : len(r.Address)-1]
	if n, err := strconv.Atoi(k); err == nil {
		return n
	}
	key, _ := strconv.Unquote(k)
	return key
}

// cmod is a module of the configuration.
type cmod struct {
	Resources   []map[string]any `json:"resources,omitempty"`
	ModuleCalls map[string]any   `json:"module_calls,omitempty"`
}

// configuration is the plan's configuration root module: the resource blocks with their
// expressions (vpn_server_id's references), in their modules.
func configuration(cfgs []cfgRes) *cmod {
	croot := &cmod{}
	cmods := map[string]*cmod{"": croot}
	var getMod func(path string) *cmod
	getMod = func(path string) *cmod {
		if m, ok := cmods[path]; ok {
			return m
		}
		parentPath, name := "", strings.TrimPrefix(path, "module.")
		if i := strings.LastIndex(path, ".module."); i >= 0 {
			parentPath, name = path[:i], path[i+len(".module."):]
		}
		parent := getMod(parentPath)
		m := &cmod{}
		if parent.ModuleCalls == nil {
			parent.ModuleCalls = map[string]any{}
		}
		parent.ModuleCalls[name] = map[string]any{"source": "./modules/" + name, "module": m}
		cmods[path] = m
		return m
	}
	for _, c := range cfgs {
		getMod(c.module).Resources = append(getMod(c.module).Resources, map[string]any{"address": c.address, "mode": "managed",
			"type": c.r.Type, "name": c.r.Name, "provider_config_key": "huaweicloud", "expressions": expressions(c), "schema_version": 0})
	}
	return croot
}

// expressions are a resource block's expressions: a constant for a literal string, the
// references of vpn_server_id, nested blocks with their set attributes.
func expressions(c cfgRes) map[string]any {
	exprs := map[string]any{}
	for k := range c.r.Args {
		if !strings.ContainsAny(k, ".[") {
			exprs[k] = map[string]any{}
		}
	}
	if c.r.ServerRef != "" {
		ref := strings.TrimPrefix(c.r.ServerRef, prefixOf(c.module))
		exprs["vpn_server_id"] = map[string]any{"references": []string{ref + ".id", ref}}
	}
	for k, v := range c.r.Values {
		if s, ok := v.(string); ok {
			if e, isExpr := exprs[k].(map[string]any); isExpr && len(e) == 0 {
				exprs[k] = map[string]any{"constant_value": s}
			}
		}
		if l, ok := v.([]any); ok && len(l) > 0 {
			if _, block := l[0].(map[string]any); block {
				exprs[k] = nestedExpressions(l)
			}
		}
	}
	return exprs
}

// nestedExpressions are the expressions of a list of nested blocks: each block's known,
// set attributes.
func nestedExpressions(l []any) []map[string]any {
	var nb []map[string]any
	for _, e := range l {
		em, _ := e.(map[string]any)
		inner := map[string]any{}
		for ik, iv := range em {
			if iv != nil && !tfcheck.IsUnknown(iv) {
				inner[ik] = map[string]any{}
			}
		}
		nb = append(nb, inner)
	}
	return nb
}

func prefixOf(module string) string {
	if module == "" {
		return ""
	}
	return module + "."
}

func isUnknownTop(unknown map[string]any, k string) bool {
	b, ok := unknown[k].(bool)
	return ok && b
}

// values are a resource's after, after_unknown and after_sensitive.
func values(r *tfcheck.Resource) (map[string]any, map[string]any, map[string]any) {
	sensitiveValue = sensitiveValues(r)
	after, unknown, sens := map[string]any{}, map[string]any{}, map[string]any{}
	for _, a := range tfcheck.Arguments {
		if a.Type != r.Type {
			continue
		}
		top := a.Path
		if i := strings.Index(top, "[]"); i >= 0 {
			top = top[:i]
		}
		if _, done := after[top]; done {
			continue
		}
		v := r.Values[top]
		if strings.Contains(a.Path, "[].") {
			after[top], unknown[top], sens[top] = blockValues(r, top, v)
			continue
		}
		put(after, unknown, sens, top, v, a.Sensitive, tfcheck.Computed[r.Type][a.Path])
	}
	for c, kind := range tfcheck.Computed[r.Type] {
		if strings.Contains(c, "[]") {
			continue
		}
		if _, set := after[c]; set && kind == "optional" {
			continue
		}
		if kind == "computed" || after[c] == nil {
			delete(after, c)
			unknown[c] = true
		}
	}
	return after, unknown, sens
}

// sensitiveValues are the values of r that come from sensitive variables (sensitive in the
// plan too); the schema's own sensitive values are not variables'.
func sensitiveValues(r *tfcheck.Resource) map[string]bool {
	sv := map[string]bool{}
	for _, s := range r.Sensitive {
		sv[s] = true
	}
	for _, a := range tfcheck.Arguments {
		if a.Type == r.Type && a.Sensitive && !strings.Contains(a.Path, "[]") {
			if s, ok := r.Values[a.Path].(string); ok {
				delete(sv, s)
			}
		}
	}
	return sv
}

// blockValues are a nested block's after, after_unknown and after_sensitive: each element
// gets every attribute of the block.
func blockValues(r *tfcheck.Resource, top string, v any) (blocks, bu, bs []any) {
	l, _ := v.([]any)
	blocks, bu, bs = []any{}, []any{}, []any{}
	for _, e := range l {
		em, _ := e.(map[string]any)
		ea, eu, es := map[string]any{}, map[string]any{}, map[string]any{}
		for _, b := range tfcheck.Arguments {
			if b.Type == r.Type && strings.HasPrefix(b.Path, top+"[].") {
				k := strings.TrimPrefix(b.Path, top+"[].")
				put(ea, eu, es, k, em[k], b.Sensitive, tfcheck.Computed[r.Type][b.Path])
			}
		}
		for c, kind := range tfcheck.Computed[r.Type] {
			if kind == "computed" && strings.HasPrefix(c, top+"[].") {
				eu[strings.TrimPrefix(c, top+"[].")] = true
			}
		}
		blocks, bu, bs = append(blocks, ea), append(bu, eu), append(bs, es)
	}
	return blocks, bu, bs
}

// sensitiveValue are the strings of the resource under way that are sensitive.
var sensitiveValue map[string]bool

func put(after, unknown, sens map[string]any, k string, v any, sensitive bool, computed string) {
	if tfcheck.IsUnknown(v) || (v == nil && (computed == "optional" || computed == "computed")) {
		unknown[k] = true
		return
	}
	if l, ok := v.([]any); ok {
		if ul, anyUnknown := unknownElements(l); anyUnknown {
			unknown[k] = ul
		}
	}
	after[k] = v
	if s, ok := v.(string); ok && sensitiveValue[s] {
		sensitive = true
	}
	if sensitive && v != nil {
		sens[k] = true
	}
}

// unknownElements marks the unknown elements of a list (setting them to nil in it, as a
// plan's after shows them) and says whether there is one.
func unknownElements(l []any) ([]any, bool) {
	var ul []any
	anyUnknown := false
	for i, e := range l {
		if tfcheck.IsUnknown(e) {
			l[i] = nil
			ul = append(ul, true)
			anyUnknown = true
		} else {
			ul = append(ul, false)
		}
	}
	return ul, anyUnknown
}

func sensValues(sens map[string]any) map[string]any {
	keys := make([]string, 0, len(sens))
	for k := range sens {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := map[string]any{}
	for _, k := range keys {
		out[k] = sens[k]
	}
	return out
}

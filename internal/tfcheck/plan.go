package tfcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
)

// IsPlan tells whether data is a plan in Terraform's JSON format (`terraform show -json`,
// OpenTofu's too): a JSON object with format_version and planned_values or resource_changes.
func IsPlan(data []byte) bool {
	t := bytes.TrimSpace(data)
	if len(t) == 0 || t[0] != '{' || !bytes.Contains(t, []byte(`"format_version"`)) {
		return false
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(t, &top) != nil {
		return false
	}
	_, fv := top["format_version"]
	_, pv := top["planned_values"]
	_, rc := top["resource_changes"]
	return fv && (pv || rc)
}

// LoadPlan reads the checked resources a plan creates or updates (and, as context for the
// upload sets, those it leaves as they are), in the plan's order. file names the plan in
// findings when no configuration gives a .tf place.
func LoadPlan(data []byte, file string) ([]*Resource, error) {
	var p tfjson.Plan
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, fmt.Errorf("not a Terraform plan this version reads: %v", err)
	}
	refs := map[string]string{} // config address -> server config address
	exprs := map[string]map[string]*tfjson.Expression{}
	if p.Config != nil && p.Config.RootModule != nil {
		configRefs(p.Config.RootModule, "", refs, exprs)
	}
	var out []*Resource
	for _, rc := range p.ResourceChanges {
		if rc == nil || rc.Mode != tfjson.ManagedResourceMode || !checked(rc.Type) || rc.Change == nil || rc.DeposedKey != "" {
			continue
		}
		a := rc.Change.Actions
		r := &Resource{Address: rc.Address, Module: rc.ModuleAddress, Type: rc.Type, Name: rc.Name, File: file,
			Line: lineOfAddress(data, rc.Address), Args: map[string]Pos{}}
		switch {
		case a.Create() || a.Replace():
		case a.Update():
			r.Update = true
		case a.NoOp():
			r.Context = true
		default:
			continue // deleted, read
		}
		r.Config = configAddress(rc.ModuleAddress, rc.Type, rc.Name)
		after, _ := rc.Change.After.(map[string]any)
		if after == nil {
			after = map[string]any{}
		}
		r.Values = markUnknown(after, rc.Change.AfterUnknown).(map[string]any)
		if !r.Update && !r.Context {
			unsetComputed(r, r.Values, "", exprs[r.Config])
		}
		r.Sensitive = sensitiveStrings(r.Values, rc.Change.AfterSensitive)
		r.Sensitive = append(r.Sensitive, schemaSensitive(r)...)
		r.ServerRef = refs[r.Config]
		out = append(out, r)
	}
	return out, nil
}

// configAddress is a resource block's address: the module path without instance keys.
func configAddress(module, typ, name string) string {
	var parts []string
	for _, p := range strings.Split(module, ".") {
		if p == "" {
			continue
		}
		if i := strings.IndexByte(p, '['); i >= 0 {
			p = p[:i]
		}
		parts = append(parts, p)
	}
	return strings.Join(append(parts, typ, name), ".")
}

// configRefs records, for each resource block of m (and its child modules), the server its
// vpn_server_id refers to.
func configRefs(m *tfjson.ConfigModule, prefix string, refs map[string]string, exprs map[string]map[string]*tfjson.Expression) {
	for _, r := range m.Resources {
		exprs[prefix+r.Address] = r.Expressions
		e := r.Expressions["vpn_server_id"]
		if e == nil || e.ExpressionData == nil {
			continue
		}
		for _, ref := range e.References {
			if strings.HasPrefix(ref, TypeServer+".") {
				parts := strings.SplitN(ref, ".", 3)
				name := parts[1]
				if i := strings.IndexByte(name, '['); i >= 0 {
					name = name[:i]
				}
				refs[prefix+r.Address] = prefix + TypeServer + "." + name
				break
			}
		}
	}
	names := make([]string, 0, len(m.ModuleCalls))
	for n := range m.ModuleCalls {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if mc := m.ModuleCalls[n]; mc != nil && mc.Module != nil {
			configRefs(mc.Module, prefix+"module."+n+".", refs, exprs)
		}
	}
}

// markUnknown replaces the values after_unknown marks true by unknownT.
func markUnknown(v any, unknown any) any {
	switch u := unknown.(type) {
	case bool:
		if u {
			return unknownT{}
		}
	case map[string]any:
		m, ok := v.(map[string]any)
		if !ok {
			if v == nil {
				m = map[string]any{}
			} else {
				return v
			}
		}
		for k, uk := range u {
			m[k] = markUnknown(m[k], uk)
		}
		return m
	case []any:
		l, ok := v.([]any)
		if !ok {
			return v
		}
		for i := range l {
			if i < len(u) {
				l[i] = markUnknown(l[i], u[i])
			}
		}
		return l
	}
	return v
}

// sensitiveStrings are the strings after_sensitive marks.
func sensitiveStrings(v any, sens any) []string {
	var out []string
	switch s := sens.(type) {
	case bool:
		if s {
			out = append(out, allStrings(v)...)
		}
	case map[string]any:
		m, _ := v.(map[string]any)
		for k, sk := range s {
			out = append(out, sensitiveStrings(m[k], sk)...)
		}
	case []any:
		l, _ := v.([]any)
		for i := range s {
			if i < len(l) {
				out = append(out, sensitiveStrings(l[i], s[i])...)
			}
		}
	}
	return out
}

func allStrings(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case map[string]any:
		var out []string
		for _, e := range x {
			out = append(out, allStrings(e)...)
		}
		return out
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, allStrings(e)...)
		}
		return out
	}
	return nil
}

// schemaSensitive are the values of the arguments the provider's schema marks sensitive.
func schemaSensitive(r *Resource) []string {
	var out []string
	var walk func(v any, path string)
	walk = func(v any, path string) {
		if a, ok := Lookup(r.Type, path); ok && a.Sensitive {
			out = append(out, allStrings(v)...)
			return
		}
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				p := k
				if path != "" {
					p = path + "." + k
				}
				walk(e, p)
			}
		case []any:
			for i, e := range x {
				walk(e, index(path, i))
			}
		}
	}
	walk(r.Values, "")
	return out
}

// Locate gives the plan's resources the places of the configuration's: the same address,
// the same arguments' .tf lines.
func Locate(plan, config []*Resource) {
	by := map[string]*Resource{}
	for _, r := range config {
		by[r.Address] = r
	}
	for _, r := range plan {
		c := by[r.Address]
		if c == nil {
			continue
		}
		r.File, r.Line = c.File, c.Line
		for k, v := range c.Args {
			r.Args[k] = v
		}
	}
}

// lineOfAddress is the line of the plan where resource_changes names address (Terraform
// writes a plan on one line: 1).
func lineOfAddress(data []byte, address string) int {
	start := bytes.Index(data, []byte(`"resource_changes"`))
	if start < 0 {
		return 1
	}
	key, _ := json.Marshal(address)
	re := regexp.MustCompile(`"address"\s*:\s*` + regexp.QuoteMeta(string(key)))
	loc := re.FindIndex(data[start:])
	if loc == nil {
		return 1
	}
	return 1 + bytes.Count(data[:start+loc[0]], []byte("\n"))
}

// unsetComputed turns the unknown values of Optional+Computed arguments the configuration
// does not set into nil: a created resource's plan shows them unknown, and the provider
// sends nothing for them (its d.Get gives the zero value, left out of the body).
func unsetComputed(r *Resource, m map[string]any, prefix string, exprs map[string]*tfjson.Expression) {
	for k, v := range m {
		p := prefix + k
		switch x := v.(type) {
		case unknownT:
			if Computed[r.Type][generic(p)] == "optional" && exprs[k] == nil {
				m[k] = nil
			}
		case []any:
			for i, el := range x {
				if sub, ok := el.(map[string]any); ok {
					unsetComputed(r, sub, index(p, i)+".", nestedBlock(exprs[k], i))
				}
			}
		}
	}
}

// nestedBlock is the configuration of the i-th block of an argument (the first when the
// configuration has fewer: a dynamic or counted block), nil when there is none.
func nestedBlock(e *tfjson.Expression, i int) map[string]*tfjson.Expression {
	if e == nil || e.ExpressionData == nil || len(e.NestedBlocks) == 0 {
		return nil
	}
	if i < len(e.NestedBlocks) {
		return e.NestedBlocks[i]
	}
	return e.NestedBlocks[0]
}

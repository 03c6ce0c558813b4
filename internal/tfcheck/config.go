package tfcheck

import (
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
	"github.com/zclconf/go-cty/cty/gocty"

	"github.com/vpncertlint/vpncertlint/lint"
)

// IsConfigDir tells whether dir holds a Terraform configuration (a *.tf file).
func IsConfigDir(dir string) bool {
	m, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
	return len(m) > 0
}

// Config is a configuration directory as read: its resources and the problems met.
type Config struct {
	Resources []*Resource
	// Errors are files that could not be parsed (their resources are missing).
	Errors []string
}

type module struct {
	dir, rel, prefix string
	bodies           []*hclsyntax.Body
	files            []string
	vars             map[string]cty.Value
	varWhy           map[string]string // why a variable is unknown
	locals           map[string]cty.Value
	localWhy         map[string]string
}

type cfgRes struct {
	mod   *module
	block *hclsyntax.Block
	file  string
}

type loader struct {
	root      string
	res       []cfgRes
	sensitive []string
	errors    []string
	// objects are the resources' evaluated values, for references between them.
	objects map[string]map[string]cty.Value // module prefix -> type -> value
	cur     *module                         // the module of the resource being evaluated
}

// LoadDir reads the configuration in dir (its *.tf files, terraform.tfvars and
// *.auto.tfvars, and local child modules) and evaluates the checked resources' arguments:
// literals, variables (defaults and tfvars), locals, path.module, file(), trimspace(),
// trimsuffix(), join(), format(), count and for_each, and references to these resources'
// arguments. Anything else is unknown (a VCL.1260 notice names it).
func LoadDir(dir string) (*Config, error) {
	l := &loader{root: dir, objects: map[string]map[string]cty.Value{}}
	root, err := l.module(dir, ".", "", nil)
	if err != nil {
		return nil, err
	}
	if err := l.tfvars(root); err != nil {
		return nil, err
	}
	l.evalLocals(root)
	var out []*Resource
	// three passes: references between resources resolve one level a pass
	for pass := 0; pass < 3; pass++ {
		out = nil
		next := map[string]map[string]cty.Value{}
		for _, cr := range l.res {
			rs := l.resource(cr)
			out = append(out, rs...)
			l.record(next, cr, rs)
		}
		l.objects = next
	}
	for _, r := range out {
		r.Sensitive = append(r.Sensitive, l.sensitive...)
		r.Sensitive = append(r.Sensitive, schemaSensitive(r)...)
	}
	return &Config{Resources: out, Errors: l.errors}, nil
}

func (l *loader) display(path string) string {
	return filepath.ToSlash(path)
}

// module reads the .tf files of dir; inputs are the module block's evaluated arguments.
func (l *loader) module(dir, rel, prefix string, inputs map[string]cty.Value) (*module, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.tf"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	m := &module{dir: dir, rel: rel, prefix: prefix, vars: map[string]cty.Value{}, varWhy: map[string]string{},
		locals: map[string]cty.Value{}, localWhy: map[string]string{}}
	for _, n := range names {
		if body := l.parse(n); body != nil {
			m.bodies = append(m.bodies, body)
			m.files = append(m.files, l.display(n))
		}
	}
	for _, b := range m.blocks("variable") {
		l.variable(m, b, inputs)
	}
	for i, body := range m.bodies {
		for _, b := range body.Blocks {
			if b.Type == "resource" && len(b.Labels) == 2 && checked(b.Labels[0]) {
				l.res = append(l.res, cfgRes{mod: m, block: b, file: m.files[i]})
			}
		}
	}
	return m, nil
}

// parse reads and parses one .tf or .tfvars file; nil (the error kept) when it cannot.
func (l *loader) parse(name string) *hclsyntax.Body {
	src, err := os.ReadFile(name)
	if err != nil {
		l.errors = append(l.errors, fmt.Sprintf("%s: %v", l.display(name), err))
		return nil
	}
	return l.parseSrc(name, src)
}

// parseSrc parses the text of one .tf or .tfvars file; nil (the error kept) when it cannot.
func (l *loader) parseSrc(name string, src []byte) *hclsyntax.Body {
	f, diags := hclsyntax.ParseConfig(src, l.display(name), hcl.Pos{Line: 1, Column: 1})
	if diags.HasErrors() {
		l.errors = append(l.errors, diags.Error())
		return nil
	}
	return f.Body.(*hclsyntax.Body)
}

// variable sets a variable of m: its module input, else its default.
func (l *loader) variable(m *module, b *hclsyntax.Block, inputs map[string]cty.Value) {
	name := b.Labels[0]
	v, why := cty.DynamicVal, "variable "+name+" has no default and no value in a .tfvars file"
	if in, ok := inputs[name]; ok {
		v, why = in, ""
		if !in.IsWhollyKnown() {
			why = "module input " + name + " is not known"
		}
	} else if a, ok := b.Body.Attributes["default"]; ok {
		v, why = l.eval(a.Expr, nil)
	}
	m.vars[name], m.varWhy[name] = v, why
	if sensitiveVar(b) {
		l.markSensitive(m.vars[name])
	}
}

// sensitiveVar says whether a variable block says sensitive = true.
func sensitiveVar(b *hclsyntax.Block) bool {
	a, ok := b.Body.Attributes["sensitive"]
	if !ok {
		return false
	}
	s, _ := a.Expr.Value(nil)
	return s.Type() == cty.Bool && s.IsKnown() && s.True()
}

func (l *loader) markSensitive(v cty.Value) {
	l.sensitive = append(l.sensitive, allStrings(ctyToAny(v, ""))...)
}

func (m *module) blocks(typ string) []*hclsyntax.Block {
	var out []*hclsyntax.Block
	for _, body := range m.bodies {
		for _, b := range body.Blocks {
			if b.Type == typ && (typ != "variable" || len(b.Labels) == 1) {
				out = append(out, b)
			}
		}
	}
	return out
}

// tfvars applies terraform.tfvars and *.auto.tfvars (in that order, as Terraform does) to
// the root module's variables.
func (l *loader) tfvars(m *module) error {
	files := []string{filepath.Join(m.dir, "terraform.tfvars")}
	auto, _ := filepath.Glob(filepath.Join(m.dir, "*.auto.tfvars"))
	sort.Strings(auto)
	for _, f := range append(files, auto...) {
		src, err := os.ReadFile(f)
		if err != nil {
			continue // none
		}
		body := l.parseSrc(f, src)
		if body == nil {
			continue
		}
		for name, a := range body.Attributes {
			v, why := l.eval(a.Expr, nil)
			m.vars[name], m.varWhy[name] = v, why
			if m.sensitive(name) {
				l.markSensitive(v)
			}
		}
	}
	return nil
}

// sensitive says whether m declares the variable name sensitive (its last declaration).
func (m *module) sensitive(name string) bool {
	sens := false
	for _, b := range m.blocks("variable") {
		if b.Labels[0] == name {
			if _, ok := b.Body.Attributes["sensitive"]; ok {
				sens = sensitiveVar(b)
			}
		}
	}
	return sens
}

// evalLocals evaluates m's locals (in as many rounds as they depend on each other), then
// its child modules.
func (l *loader) evalLocals(m *module) {
	attrs := map[string]*hclsyntax.Attribute{}
	for _, b := range m.blocks("locals") {
		for n, a := range b.Body.Attributes {
			attrs[n] = a
		}
	}
	for round := 0; round <= len(attrs); round++ {
		for n, a := range attrs {
			m.locals[n], m.localWhy[n] = l.eval(a.Expr, l.ctx(m, nil))
		}
	}
	for _, b := range m.blocks("module") {
		if s, ok := localSource(b); ok {
			l.child(m, b, s)
		}
	}
}

// localSource is a module block's source when it is a local directory (./ or ../): a
// registry or remote module is not read.
func localSource(b *hclsyntax.Block) (string, bool) {
	if len(b.Labels) != 1 {
		return "", false
	}
	src, ok := b.Body.Attributes["source"]
	if !ok {
		return "", false
	}
	sv, _ := src.Expr.Value(nil)
	if sv.Type() != cty.String || !sv.IsKnown() || sv.IsNull() {
		return "", false
	}
	s := sv.AsString()
	return s, strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../")
}

// child reads the module of block b of m from its local source, with the block's
// arguments as inputs (unknown when not evaluated), and evaluates its locals.
func (l *loader) child(m *module, b *hclsyntax.Block, source string) {
	inputs := map[string]cty.Value{}
	for n, a := range b.Body.Attributes {
		switch n {
		case "source", "version", "providers", "depends_on", "count", "for_each":
			continue
		}
		v, why := l.eval(a.Expr, l.ctx(m, nil))
		if why != "" {
			v = cty.UnknownVal(v.Type())
		}
		inputs[n] = v
	}
	child, err := l.module(filepath.Join(m.dir, source), filepath.ToSlash(filepath.Join(m.rel, source)), m.prefix+"module."+b.Labels[0]+".", inputs)
	if err != nil {
		l.errors = append(l.errors, err.Error())
		return
	}
	l.evalLocals(child)
}

// ctx is the evaluation context of module m; inst adds count/each.
func (l *loader) ctx(m *module, inst map[string]cty.Value) *hcl.EvalContext {
	vars := map[string]cty.Value{
		"var":   cty.ObjectVal(m.vars),
		"local": cty.ObjectVal(m.locals),
		"path": cty.ObjectVal(map[string]cty.Value{
			"module": cty.StringVal(m.rel), "root": cty.StringVal("."), "cwd": cty.StringVal("."),
		}),
	}
	if len(m.vars) == 0 {
		vars["var"] = cty.EmptyObjectVal
	}
	if len(m.locals) == 0 {
		vars["local"] = cty.EmptyObjectVal
	}
	for typ, v := range l.objects[m.prefix] {
		vars[typ] = v
	}
	for k, v := range inst {
		vars[k] = v
	}
	return &hcl.EvalContext{Variables: vars, Functions: l.functions()}
}

func (l *loader) functions() map[string]function.Function {
	return map[string]function.Function{
		"trimspace":  stdlib.TrimSpaceFunc,
		"trimsuffix": stdlib.TrimSuffixFunc,
		"join":       stdlib.JoinFunc,
		"format":     stdlib.FormatFunc,
		"toset":      toSet,
		"file": function.New(&function.Spec{
			Params: []function.Parameter{{Name: "path", Type: cty.String}},
			Type:   function.StaticReturnType(cty.String),
			Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
				p := args[0].AsString()
				if !filepath.IsAbs(p) {
					p = filepath.Join(l.root, p)
				}
				data, err := os.ReadFile(p)
				if err != nil {
					return cty.NilVal, fmt.Errorf("cannot read %s: %v", args[0].AsString(), err)
				}
				return cty.StringVal(string(data)), nil
			},
		}),
	}
}

// eval evaluates e; why says why the value is not (wholly) known.
func (l *loader) eval(e hclsyntax.Expression, ctx *hcl.EvalContext) (cty.Value, string) {
	v, diags := e.Value(ctx)
	if diags.HasErrors() {
		d := diags[0]
		why := d.Summary
		if d.Detail != "" {
			why += ": " + strings.TrimSuffix(d.Detail, ".")
		}
		return cty.DynamicVal, "not evaluated (" + why + ")"
	}
	if !v.IsWhollyKnown() {
		return v, "depends on a value known only after apply"
	}
	return v, ""
}

// instances are the count/for_each instances of a resource block: the address suffix and
// the count/each values; nil and a reason when they cannot be told.
func (l *loader) instances(cr cfgRes) ([]string, []map[string]cty.Value, string) {
	b := cr.block
	if a, ok := b.Body.Attributes["count"]; ok {
		return l.countInstances(cr, a)
	}
	if a, ok := b.Body.Attributes["for_each"]; ok {
		return l.forEachInstances(cr, a)
	}
	return []string{""}, []map[string]cty.Value{nil}, ""
}

// countInstances are the instances of a resource with count.
func (l *loader) countInstances(cr cfgRes, a *hclsyntax.Attribute) ([]string, []map[string]cty.Value, string) {
	v, why := l.eval(a.Expr, l.ctx(cr.mod, nil))
	if why != "" || v.Type() != cty.Number {
		return nil, nil, "count " + why
	}
	var n int
	if err := gocty.FromCtyValue(v, &n); err != nil {
		return nil, nil, "count is not a whole number"
	}
	var keys []string
	var ctxs []map[string]cty.Value
	for i := 0; i < n; i++ {
		keys = append(keys, fmt.Sprintf("[%d]", i))
		ctxs = append(ctxs, map[string]cty.Value{"count": cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(int64(i))})})
	}
	return keys, ctxs, ""
}

// forEachInstances are the instances of a resource with for_each, in the order of their
// keys.
func (l *loader) forEachInstances(cr cfgRes, a *hclsyntax.Attribute) ([]string, []map[string]cty.Value, string) {
	v, why := l.eval(a.Expr, l.ctx(cr.mod, nil))
	if why != "" || v.IsNull() || !(v.CanIterateElements()) {
		return nil, nil, "for_each " + why
	}
	type kv struct {
		k    string
		v, e cty.Value
	}
	var all []kv
	byValue := v.Type().IsSetType() || v.Type().IsTupleType() || v.Type().IsListType()
	for it := v.ElementIterator(); it.Next(); {
		k, e := it.Element()
		if byValue {
			k = e
		}
		if k.Type() != cty.String || !k.IsKnown() {
			return nil, nil, "for_each keys are not known strings"
		}
		all = append(all, kv{k.AsString(), k, e})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].k < all[j].k })
	var keys []string
	var ctxs []map[string]cty.Value
	for _, x := range all {
		keys = append(keys, fmt.Sprintf("[%q]", x.k))
		ctxs = append(ctxs, map[string]cty.Value{"each": cty.ObjectVal(map[string]cty.Value{"key": x.v, "value": x.e})})
	}
	return keys, ctxs, ""
}

// resource evaluates the instances of one resource block.
func (l *loader) resource(cr cfgRes) []*Resource {
	b := cr.block
	typ, name := b.Labels[0], b.Labels[1]
	cfg := cr.mod.prefix + typ + "." + name
	keys, ctxs, why := l.instances(cr)
	if why != "" {
		r := &Resource{Address: cfg, Config: cfg, Module: strings.TrimSuffix(cr.mod.prefix, "."), Type: typ, Name: name,
			File: cr.file, Line: b.TypeRange.Start.Line, Values: map[string]any{}, Args: map[string]Pos{}}
		f := r.unknownNote("", "its instances are not known: "+strings.TrimSpace(why))
		r.Notes = append(r.Notes, f)
		r.Unchecked = true
		return []*Resource{r}
	}
	var out []*Resource
	for i, key := range keys {
		r := &Resource{Address: cfg + key, Config: cfg, Module: strings.TrimSuffix(cr.mod.prefix, "."), Type: typ, Name: name,
			File: cr.file, Line: b.TypeRange.Start.Line, Args: map[string]Pos{}}
		ctx := l.ctx(cr.mod, ctxs[i])
		l.cur = cr.mod
		r.Values = l.body(r, b.Body, "", ctx)
		if e, ok := b.Body.Attributes["vpn_server_id"]; ok {
			for _, t := range e.Expr.Variables() {
				if t.RootName() == TypeServer && len(t) > 1 {
					if a, ok := t[1].(hcl.TraverseAttr); ok {
						r.ServerRef = cr.mod.prefix + TypeServer + "." + a.Name
					}
				}
			}
		}
		out = append(out, r)
	}
	return out
}

// body evaluates the arguments and nested blocks of a block body.
func (l *loader) body(r *Resource, body *hclsyntax.Body, prefix string, ctx *hcl.EvalContext) map[string]any {
	out := map[string]any{}
	for name, a := range body.Attributes {
		if prefix == "" && metaArguments[name] {
			continue
		}
		out[name] = l.attribute(r, a, prefix+name, ctx)
	}
	groups, order := l.blockGroups(r, body, prefix, out)
	for _, typ := range order {
		out[typ] = l.blockList(r, groups[typ], prefix+typ, typ, ctx)
	}
	return out
}

// attribute evaluates one argument at path, recording its line and the lines of the
// elements of a list written as [ … ].
func (l *loader) attribute(r *Resource, a *hclsyntax.Attribute, path string, ctx *hcl.EvalContext) any {
	r.Args[path] = Pos{r.File, a.Expr.Range().Start.Line}
	v, why := l.eval(a.Expr, ctx)
	if why != "" {
		why = l.variableWhy(a.Expr, why)
	}
	var elemLines []int
	if t, ok := a.Expr.(*hclsyntax.TupleConsExpr); ok {
		for _, e := range t.Exprs {
			elemLines = append(elemLines, e.Range().Start.Line)
		}
	}
	val := ctyToAny(v, why)
	if isSetArg(r.Type, path) {
		val, elemLines = setOrder(v, elemLines, why)
	}
	if list, ok := val.([]any); ok {
		for i := range list {
			if i < len(elemLines) && elemLines[i] > 0 {
				r.Args[index(path, i)] = Pos{r.File, elemLines[i]}
			}
		}
	}
	return val
}

// variableWhy is the reason a variable the expression reads is unknown, if it has one
// (why otherwise).
func (l *loader) variableWhy(expr hclsyntax.Expression, why string) string {
	if l.cur == nil {
		return why
	}
	for _, t := range expr.Variables() {
		if t.RootName() != "var" || len(t) < 2 {
			continue
		}
		if at, ok := t[1].(hcl.TraverseAttr); ok && l.cur.varWhy[at.Name] != "" {
			why = l.cur.varWhy[at.Name]
		}
	}
	return why
}

// blockGroups groups the nested blocks of a body by type, in the order the types first
// appear; a dynamic block is unknown (set in out), Terraform's meta blocks are left out.
func (l *loader) blockGroups(r *Resource, body *hclsyntax.Body, prefix string, out map[string]any) (map[string][]*hclsyntax.Block, []string) {
	groups := map[string][]*hclsyntax.Block{}
	var order []string
	for _, nb := range body.Blocks {
		if prefix == "" && metaBlocks[nb.Type] {
			continue
		}
		if nb.Type == "dynamic" && len(nb.Labels) == 1 {
			out[nb.Labels[0]] = unknownT{why: "a dynamic block is not evaluated"}
			r.Args[prefix+nb.Labels[0]] = Pos{r.File, nb.TypeRange.Start.Line}
			continue
		}
		if _, ok := groups[nb.Type]; !ok {
			order = append(order, nb.Type)
		}
		groups[nb.Type] = append(groups[nb.Type], nb)
	}
	return groups, order
}

// metaBlocks are the nested blocks of a resource that are Terraform's, not the provider's.
var metaBlocks = map[string]bool{"lifecycle": true, "timeouts": true, "provisioner": true, "connection": true}

// blockElem is one evaluated nested block: its value, its arguments' places, its line.
type blockElem struct {
	val  map[string]any
	args map[string]Pos
	line int
}

// blockList evaluates the blocks of one type at path into a list (a set of blocks in the
// order Terraform keeps it), recording each element's and argument's line.
func (l *loader) blockList(r *Resource, blocks []*hclsyntax.Block, path, typ string, ctx *hcl.EvalContext) []any {
	var elems []blockElem
	for _, nb := range blocks {
		sub := &Resource{Type: r.Type, File: r.File, Args: map[string]Pos{}}
		v := l.body(sub, nb.Body, "", ctx)
		elems = append(elems, blockElem{v, sub.Args, nb.TypeRange.Start.Line})
	}
	if isSetArg(r.Type, path) {
		elems = blockSetOrder(r.Type, typ, elems)
	}
	list := make([]any, len(elems))
	for i, e := range elems {
		list[i] = e.val
		p := index(path, i)
		r.Args[p] = Pos{r.File, e.line}
		for k, pos := range e.args {
			r.Args[p+"."+k] = pos
		}
	}
	return list
}

// blockSetOrder orders a set of blocks as Terraform keeps it: each block once, in the
// order of its set.
func blockSetOrder(resType, typ string, elems []blockElem) []blockElem {
	objs := make([]cty.Value, len(elems))
	for i, e := range elems {
		objs[i] = blockObject(resType, typ, e.val)
	}
	set := cty.SetVal(objs)
	var sorted []blockElem
	used := make([]bool, len(elems))
	for it := set.ElementIterator(); it.Next(); {
		_, ev := it.Element()
		for i := range objs {
			if !used[i] && objs[i].RawEquals(ev) {
				used[i] = true
				sorted = append(sorted, elems[i])
				break
			}
		}
	}
	return sorted
}

// blockObject is a nested block as the provider's schema types it (unset attributes null),
// so that a set of blocks is ordered as Terraform orders it.
func blockObject(typ, block string, v map[string]any) cty.Value {
	attrs := map[string]cty.Value{}
	for _, a := range Arguments {
		if a.Type == typ && strings.HasPrefix(a.Path, block+"[].") {
			k := strings.TrimPrefix(a.Path, block+"[].")
			switch x := v[k].(type) {
			case string:
				attrs[k] = cty.StringVal(x)
			case unknownT:
				attrs[k] = cty.UnknownVal(cty.String)
			default:
				attrs[k] = cty.NullVal(cty.String)
			}
		}
	}
	return cty.ObjectVal(attrs)
}

// setOrder converts a list value to Terraform's set: each value once, in cty's order; the
// element lines follow their values.
func setOrder(v cty.Value, lines []int, why string) (any, []int) {
	if !v.IsWhollyKnown() || v.IsNull() || !v.CanIterateElements() {
		// a set with an unknown element is unknown as a whole (its order is not known)
		return ctyToAny(cty.UnknownVal(cty.DynamicPseudoType), why), nil
	}
	var elems []cty.Value
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		elems = append(elems, e)
	}
	if len(elems) == 0 {
		return []any{}, nil
	}
	ty := elems[0].Type()
	for _, e := range elems {
		if !e.Type().Equals(ty) {
			return ctyToAny(v, why), lines
		}
	}
	set := cty.SetVal(elems)
	var out []any
	var outLines []int
	used := make([]bool, len(elems))
	for it := set.ElementIterator(); it.Next(); {
		_, e := it.Element()
		line := 0
		for i := range elems {
			if !used[i] && elems[i].RawEquals(e) {
				used[i] = true
				if i < len(lines) {
					line = lines[i]
				}
				break
			}
		}
		out = append(out, ctyToAny(e, why))
		outLines = append(outLines, line)
	}
	return out, outLines
}

// record makes the evaluated resources referable (huaweicloud_vpn_user_group.g.name) in
// the next pass; their IDs are unknown.
func (l *loader) record(next map[string]map[string]cty.Value, cr cfgRes, rs []*Resource) {
	typ, name := cr.block.Labels[0], cr.block.Labels[1]
	objs := map[string]cty.Value{}
	for _, r := range rs {
		attrs := map[string]cty.Value{"id": cty.UnknownVal(cty.String)}
		for k, v := range r.Values {
			if s, ok := v.(string); ok {
				attrs[k] = cty.StringVal(s)
			}
		}
		objs[strings.TrimPrefix(r.Address, r.Config)] = cty.ObjectVal(attrs)
	}
	v := instancesValue(cr, rs, objs)
	byType := next[cr.mod.prefix]
	if byType == nil {
		byType = map[string]cty.Value{}
		next[cr.mod.prefix] = byType
	}
	prev, ok := byType[typ]
	m := map[string]cty.Value{}
	if ok {
		for k, x := range prev.AsValueMap() {
			m[k] = x
		}
	}
	m[name] = v
	byType[typ] = cty.ObjectVal(m)
}

// ctyToAny converts a value to the JSON-like form of a plan (unknown: unknownT).
func ctyToAny(v cty.Value, why string) any {
	if !v.IsKnown() {
		return unknownT{why: why}
	}
	if v.IsNull() {
		return nil
	}
	v, _ = v.Unmark()
	t := v.Type()
	switch {
	case t == cty.String:
		return v.AsString()
	case t == cty.Number:
		f, _ := v.AsBigFloat().Float64()
		if v.AsBigFloat().IsInt() {
			i, _ := v.AsBigFloat().Int(new(big.Int))
			return float64(i.Int64())
		}
		return f
	case t == cty.Bool:
		return v.True()
	case t.IsListType() || t.IsSetType() || t.IsTupleType():
		out := []any{}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			out = append(out, ctyToAny(e, why))
		}
		return out
	case t.IsMapType() || t.IsObjectType():
		out := map[string]any{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			out[k.AsString()] = ctyToAny(e, why)
		}
		return out
	}
	return unknownT{why: why}
}

// unknownNote is the notice for an argument (or, with "", the resource) that is not known.
func (r *Resource) unknownNote(arg, why string) lint.Finding {
	p := r.pos(arg)
	name := r.Address
	if arg != "" {
		name += "." + arg
	}
	f := lint.New(CodeUnknown, fmt.Sprintf("%s: %s", name, why), name).At(p.File, p.Line)
	f.Resource, f.Field = r.Address, arg
	return f
}

// instancesValue is how a resource block's instances are referred to: the one object, a
// tuple of count's instances, an object of for_each's by key.
func instancesValue(cr cfgRes, rs []*Resource, objs map[string]cty.Value) cty.Value {
	if len(rs) == 1 && rs[0].Address == rs[0].Config {
		return objs[""]
	}
	if _, hasCount := cr.block.Body.Attributes["count"]; hasCount {
		var list []cty.Value
		for i := 0; i < len(rs); i++ {
			list = append(list, objs[fmt.Sprintf("[%d]", i)])
		}
		if len(list) == 0 {
			return cty.EmptyTupleVal
		}
		return cty.TupleVal(list)
	}
	m := map[string]cty.Value{}
	for k, o := range objs {
		key, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(k, "["), "]"))
		if err != nil {
			key = k
		}
		m[key] = o
	}
	return cty.ObjectVal(m)
}

// toSet is Terraform's toset for a list or tuple of strings (for_each's usual argument).
var toSet = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type: func([]cty.Value) (cty.Type, error) {
		return cty.Set(cty.String), nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		v := args[0]
		if !v.CanIterateElements() {
			return cty.NilVal, fmt.Errorf("toset takes a list")
		}
		var elems []cty.Value
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if e.Type() != cty.String {
				return cty.NilVal, fmt.Errorf("toset: only lists of strings are evaluated")
			}
			elems = append(elems, e)
		}
		if len(elems) == 0 {
			return cty.SetValEmpty(cty.String), nil
		}
		return cty.SetVal(elems), nil
	},
})

package ir

import (
	"encoding/json"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/docgen-dev/docgen/parser/form"
)

// EntityRoot is the implicit base of every entity type.
const EntityRoot = "microsoft.graph.entity"

// ResolveOptions tune Resolve.
type ResolveOptions struct {
	// Reserved are package-level Go identifiers that generated types must not
	// take (the runtime helpers emitted beside them).
	Reserved []string
	// StructReserved are identifiers no struct field may take (method names).
	StructReserved []string
	// ParamReserved are identifiers no parameter name may take: the
	// names the functions that take path parameters already use (their
	// other parameters and locals, the packages they import, the
	// package-level names of the HTTP layer, predeclared identifiers).
	ParamReserved []string
}

// Resolve merges pages into one Spec: it settles type references across pages
// (by link target, then by name, case-insensitively), merges what several
// pages say about one type, infers and checks inheritance, flattens inherited
// properties, synthesizes enums from description lists, sorts everything and
// assigns Go names. Diagnostics are warnings unless the input cannot be
// turned into a valid package.
func Resolve(pages []Page, opts ResolveOptions) (*Spec, Diagnostics) {
	r := &resolver{
		types:     map[string]*Type{},
		enums:     map[string]*Enum{},
		files:     map[string][]string{},
		fileNames: map[string][]string{},
		bases:     map[string][]string{},
	}
	sorted := r.partition(pages)
	sort.SliceStable(sorted, func(i, j int) bool {
		if pr, qr := pageRank(sorted[i].Kind), pageRank(sorted[j].Kind); pr != qr {
			return pr < qr
		}
		return sorted[i].File < sorted[j].File
	})
	for i := range sorted {
		r.collect(&sorted[i])
	}
	r.settleUnavailable(sorted)
	for i := range sorted {
		r.references(&sorted[i])
	}
	r.inheritance()
	r.leaveOut()
	r.flatten()
	r.derived()
	spec := r.spec()
	r.dedupe(spec)
	spec.Version = r.versions(sorted)
	r.finishPartial(spec)
	flagsFromExamples(spec)
	classifyOperations(spec)
	r.names(spec, opts)
	r.diags.Sort()
	return spec, r.diags
}

// pageRank orders pages so that the more authoritative definition of a type
// is seen first: resource and enum pages before API pages.
func pageRank(k PageKind) int {
	switch k {
	case PageResource, PageEnum:
		return 0
	case PageAPI:
		return 1
	}
	return 2
}

type resolver struct {
	types map[string]*Type // by lower-cased qualified name
	enums map[string]*Enum
	order []string // lower-cased type names in first-seen order
	eord  []string
	// files maps a page path (lower-cased, extension stripped) to the names
	// it defines, for resolving links.
	files map[string][]string
	// fileNames maps the last element of such a path to the names its pages
	// define, in page order: links whose directory does not match fall back
	// to it.
	fileNames map[string][]string
	// bases maps a lower-cased base name to the base names properties said
	// they were inherited from, for types that have no "Inherits from" line.
	bases map[string][]string
	ops   []Operation
	exs   []Example
	diags Diagnostics
	part  partial // skipped pages and what they make unavailable (partial.go)
}

func key(name string) string { return strings.ToLower(name) }

// pageKey normalises a page path or link target for lookup.
func pageKey(p string) string {
	if i := strings.IndexAny(p, "#?"); i >= 0 {
		p = p[:i]
	}
	return form.TrimExt(strings.ToLower(path.Clean(strings.ReplaceAll(p, "\\", "/"))))
}

func (r *resolver) collect(p *Page) {
	fk, fn := pageKey(p.File), path.Base(pageKey(p.File))
	for _, t := range p.Types {
		r.files[fk] = append(r.files[fk], t.Name)
		r.fileNames[fn] = append(r.fileNames[fn], t.Name)
		r.addType(t)
	}
	for _, e := range p.Enums {
		r.files[fk] = append(r.files[fk], e.Name)
		r.fileNames[fn] = append(r.fileNames[fn], e.Name)
		k := key(e.Name)
		if old, ok := r.enums[k]; ok {
			if old.Source == "page" && e.Source == "page" && old.Pos.File != e.Pos.File {
				r.diags.Warnf(e.Pos, "duplicate-enum", "enum %s is also documented at %s; using that page", e.Name, old.Pos)
			}
			continue
		}
		e := e
		r.enums[k] = &e
		r.eord = append(r.eord, k)
	}
	r.ops = append(r.ops, p.Operations...)
	r.exs = append(r.exs, p.Examples...)
}

// addType merges t into what is known: the first definition (pages sorted by
// authority) wins; later ones add the properties it lacks.
func (r *resolver) addType(t Type) {
	k := key(t.Name)
	old, ok := r.types[k]
	if !ok {
		t.Properties = append([]Property(nil), t.Properties...)
		r.types[k] = &t
		r.order = append(r.order, k)
		return
	}
	if t.Kind == KindEntity {
		old.Kind = KindEntity
	}
	if old.Base == "" {
		old.Base = t.Base
	}
	if old.Description == "" {
		old.Description = t.Description
	}
	if old.Synthesized && !t.Synthesized {
		old.Synthesized = false
		old.Pos = t.Pos
	}
	have := map[string]int{}
	for i, p := range old.Properties {
		have[p.Name] = i
	}
	for _, p := range t.Properties {
		i, ok := have[p.Name]
		if !ok {
			old.Properties = append(old.Properties, p)
			have[p.Name] = len(old.Properties) - 1
			continue
		}
		// "Required" is often said only on the create page (a Required
		// column or "Required." in its body table): any page saying it counts.
		if p.Required {
			old.Properties[i].Required = true
		}
	}
}

// lookup finds a type or enum by link target or name; it returns the
// canonical qualified name.
func (r *resolver) lookup(from string, ref TypeRef) (string, bool) {
	if ref.Href != "" && !strings.Contains(ref.Href, "://") {
		target := ref.Href
		if !strings.HasPrefix(target, "/") {
			target = path.Join(path.Dir(from), target)
		}
		names := r.files[pageKey(target)]
		if len(names) == 0 {
			// "/graph/api/resources/x?view=..." style or a page kept elsewhere:
			// fall back to the file name alone (every page of that name, in
			// page order, so the choice does not depend on map order).
			names = r.fileNames[path.Base(pageKey(target))]
		}
		for _, n := range names {
			if strings.EqualFold(n, ref.Name) || len(names) == 1 {
				return n, true
			}
		}
	}
	if t, ok := r.types[key(ref.Name)]; ok {
		return t.Name, true
	}
	if e, ok := r.enums[key(ref.Name)]; ok {
		return e.Name, true
	}
	return "", false
}

// references resolves the type references on one page.
func (r *resolver) references(p *Page) {
	for _, pt := range p.Types {
		t := r.types[key(pt.Name)]
		if t == nil {
			continue // dropped: its own page could not be read
		}
		for i := range t.Properties {
			prop := &t.Properties[i]
			if prop.Pos.File != p.File {
				continue // resolved with its own page
			}
			if r.unavailableRef(t.Name, prop) {
				continue
			}
			r.resolveProp(p.File, prop)
		}
	}
}

func (r *resolver) resolveProp(file string, prop *Property) {
	ref := &prop.Type
	if ref.IsPrimitive() {
		return
	}
	if name, ok := r.lookup(file, *ref); ok {
		ref.Name = name
		if e := r.enums[key(name)]; e != nil && e.Source == "description" {
			r.mergeEnumValues(e, prop)
		}
		return
	}
	if len(prop.EnumValues) > 0 {
		e := &Enum{Name: ref.Name, Source: "description", Pos: prop.Pos}
		k := key(ref.Name)
		r.enums[k] = e
		r.eord = append(r.eord, k)
		r.mergeEnumValues(e, prop)
		return
	}
	r.diags.Warnf(prop.Pos, "unknown-type", "property %q: type %s is not documented by any page given; generating it as raw JSON", prop.Name, ref.Name)
	if ref.Raw == "" {
		ref.Raw = ref.Name
	}
	ref.Name = "Edm.Untyped"
}

// mergeEnumValues adds the values a description lists to an enum that was
// itself built from descriptions.
func (r *resolver) mergeEnumValues(e *Enum, prop *Property) {
	have := map[string]bool{}
	for _, m := range e.Members {
		have[m.Name] = true
	}
	for _, v := range prop.EnumValues {
		if !have[v] {
			e.Members = append(e.Members, EnumMember{Name: v, Pos: prop.Pos})
			have[v] = true
		}
	}
}

// inheritance infers missing bases from "Inherited from" notes, synthesizes
// base types no page documents, adds the implicit entity root, breaks cycles
// and propagates entity-ness.
func (r *resolver) inheritance() {
	for _, k := range append([]string(nil), r.order...) {
		t := r.types[k]
		if t.Base == "" {
			t.Base = r.inferBase(t)
		}
		if t.Base != "" {
			if bt, ok := r.types[key(t.Base)]; ok {
				t.Base = bt.Name
			} else {
				r.synthesize(t.Base, t)
			}
		}
	}
	// Inherited properties whose declaring type is not on the base chain
	// belong to an ancestor no page documents: give them to it.
	for _, k := range append([]string(nil), r.order...) {
		t := r.types[k]
		for _, p := range t.Properties {
			if p.InheritedFrom == "" || key(p.InheritedFrom) == k {
				continue
			}
			if _, ok := r.types[key(p.InheritedFrom)]; !ok {
				r.synthesize(p.InheritedFrom, t)
			}
		}
	}
	for _, k := range r.order {
		t := r.types[k]
		for _, p := range t.Properties {
			if p.InheritedFrom == "" || key(p.InheritedFrom) == k {
				continue
			}
			if bt := r.types[key(p.InheritedFrom)]; bt != nil && bt.Synthesized && bt.Property(p.Name) == nil {
				q := p
				q.InheritedFrom = ""
				bt.Properties = append(bt.Properties, q)
			}
		}
	}
	r.breakCycles()
	// Entity-ness flows up the chain (the base of an entity type is an
	// entity type) and down; root entities derive from entity.
	for _, k := range r.order {
		t := r.types[k]
		if t.Kind != KindEntity {
			continue
		}
		seen := map[string]bool{k: true}
		for b := r.types[key(t.Base)]; b != nil && !seen[key(b.Name)]; b = r.types[key(b.Base)] {
			seen[key(b.Name)] = true
			b.Kind = KindEntity
		}
	}
	changed := true
	for changed {
		changed = false
		for _, k := range r.order {
			t := r.types[k]
			if t.Kind == KindEntity || t.Base == "" {
				continue
			}
			if bt := r.types[key(t.Base)]; bt != nil && bt.Kind == KindEntity {
				t.Kind = KindEntity
				changed = true
			}
		}
	}
	for _, k := range append([]string(nil), r.order...) {
		t := r.types[k]
		if t.Kind == KindEntity && t.Base == "" && k != key(EntityRoot) {
			t.Base = EntityRoot
			if _, ok := r.types[key(EntityRoot)]; !ok {
				r.types[key(EntityRoot)] = &Type{
					Name: EntityRoot, Kind: KindEntity, Synthesized: true, Pos: t.Pos,
					Description: "entity is the implicit base of every Microsoft Graph entity type.",
					Properties: []Property{{Name: "id", Type: TypeRef{Name: "Edm.String"},
						Description: "The unique identifier of the entity. Read-only.", ReadOnly: true, Pos: t.Pos}},
				}
				r.order = append(r.order, key(EntityRoot))
			}
		}
	}
}

// breakCycles reports each inheritance cycle once, naming all of it, and
// breaks it at the member whose name sorts first (so that the outcome does
// not depend on the order of the pages), which loses its base. A type that
// only leads into a cycle is not part of it and keeps its base.
func (r *resolver) breakCycles() {
	const (
		onPath = 1
		done   = 2
	)
	state := map[string]int{}
	for _, k := range r.order {
		var path []string
		for c := k; c != "" && r.types[c] != nil && state[c] != done; c = key(r.types[c].Base) {
			if state[c] == onPath {
				r.cycle(path[slices.Index(path, c):])
				break
			}
			state[c] = onPath
			path = append(path, c)
		}
		for _, c := range path {
			state[c] = done
		}
	}
}

// cycle reports and breaks the cycle of the types keyed ks, each the base
// of the one before and the first the base of the last.
func (r *resolver) cycle(ks []string) {
	first := slices.Index(ks, slices.Min(ks))
	ks = append(ks[first:], ks[:first]...)
	names := make([]string, 0, len(ks)+1)
	for _, k := range ks {
		names = append(names, r.types[k].Name)
	}
	names = append(names, names[0])
	t := r.types[ks[0]]
	r.diags.Errorf(t.Pos, "inheritance-cycle", "type %s: inheritance cycle %s; ignoring its base %s",
		t.Name, strings.Join(names, " → "), t.Base)
	t.Base = ""
}

// inferBase picks the base named by "Inherited from" notes: the most derived
// of the names given (a note may name any ancestor).
func (r *resolver) inferBase(t *Type) string {
	var names []string
	seen := map[string]bool{}
	for _, p := range t.Properties {
		if p.InheritedFrom != "" && !seen[key(p.InheritedFrom)] && key(p.InheritedFrom) != key(t.Name) {
			seen[key(p.InheritedFrom)] = true
			names = append(names, p.InheritedFrom)
		}
	}
	if len(names) == 0 {
		return ""
	}
	best := names[0]
	for _, n := range names[1:] {
		if r.isAncestor(best, n) {
			best = n
		}
	}
	return best
}

// isAncestor reports whether a is on b's base chain.
func (r *resolver) isAncestor(a, b string) bool {
	seen := map[string]bool{}
	for t := r.types[key(b)]; t != nil && !seen[key(t.Name)]; t = r.types[key(t.Base)] {
		seen[key(t.Name)] = true
		if key(t.Base) == key(a) {
			return true
		}
	}
	return false
}

// synthesize creates a type that pages refer to as a base but none documents.
func (r *resolver) synthesize(name string, from *Type) {
	k := key(name)
	if _, ok := r.types[k]; ok {
		return
	}
	kind := KindComplex
	if from.Kind == KindEntity {
		kind = KindEntity
	}
	r.types[k] = &Type{Name: name, Kind: kind, Synthesized: true, Pos: from.Pos,
		Description: "Inferred from \"Inherited from\" notes; no page documents it."}
	r.order = append(r.order, k)
}

// flatten gives every type the properties of its whole base chain: its own
// documented ones in page order, then the inherited ones it does not list
// in its base's order (its base's own first, the root's last), each marked
// with the type that declares it. Bases are
// flattened before the types that derive from them, however long the chain
// (cycles were broken before).
func (r *resolver) flatten() {
	flat := map[string][]Property{}
	for _, k := range r.order {
		// The chain from k up to the first type already flattened.
		var chain []string
		seen := map[string]bool{}
		for c := k; c != "" && r.types[c] != nil && !seen[c]; c = key(r.types[c].Base) {
			if _, ok := flat[c]; ok {
				break
			}
			chain = append(chain, c)
			seen[c] = true
		}
		for i := len(chain) - 1; i >= 0; i-- {
			t := r.types[chain[i]]
			var inherited []Property
			if t.Base != "" {
				inherited = flat[key(t.Base)]
			}
			own := append([]Property(nil), t.Properties...)
			have := map[string]bool{}
			for _, p := range own {
				have[p.Name] = true
			}
			for _, p := range inherited {
				if !have[p.Name] {
					if p.InheritedFrom == "" {
						p.InheritedFrom = r.types[key(t.Base)].Name
					}
					own = append(own, p)
					have[p.Name] = true
				}
			}
			flat[chain[i]] = own
		}
	}
	for _, k := range r.order {
		r.types[k].Properties = flat[k]
	}
}

// derived records, on every type, the types that derive from it.
func (r *resolver) derived() {
	for _, k := range r.order {
		t := r.types[k]
		seen := map[string]bool{k: true}
		for b := r.types[key(t.Base)]; b != nil && !seen[key(b.Name)]; b = r.types[key(b.Base)] {
			seen[key(b.Name)] = true
			b.Derived = append(b.Derived, t.Name)
		}
	}
	for _, k := range r.order {
		sort.Strings(r.types[k].Derived)
	}
}

func (r *resolver) spec() *Spec {
	s := &Spec{Types: []Type{}, Enums: []Enum{}, Operations: []Operation{}}
	for _, k := range r.order {
		s.Types = append(s.Types, *r.types[k])
	}
	for _, k := range r.eord {
		s.Enums = append(s.Enums, *r.enums[k])
	}
	for _, op := range r.ops {
		if r.unavailableOp(&op) {
			continue
		}
		if op.Body.Name != "" {
			if n, ok := r.lookup(op.Pos.File, op.Body); ok {
				op.Body.Name = n
			}
		}
		if op.BodyWholeType || op.BodyInferred {
			r.wholeBody(&op)
		}
		if op.Response.Name != "" {
			if n, ok := r.lookup(op.Pos.File, op.Response); ok {
				op.Response.Name = n
			}
		}
		if op.Subject != "" {
			if n, ok := r.lookup(op.Pos.File, TypeRef{Name: op.Subject}); ok {
				op.Subject = n
			}
		}
		s.Operations = append(s.Operations, op)
	}
	for _, ex := range r.exs {
		if r.unavailableName(ex.Type) {
			continue // an example of a type left out
		}
		if ex.Type != "" {
			if n, ok := r.lookup(ex.Pos.File, TypeRef{Name: ex.Type}); ok {
				ex.Type = n
			}
		}
		s.Examples = append(s.Examples, ex)
	}
	markWrapped(s)
	sort.SliceStable(s.Types, func(i, j int) bool { return s.Types[i].Name < s.Types[j].Name })
	sort.SliceStable(s.Enums, func(i, j int) bool { return s.Enums[i].Name < s.Enums[j].Name })
	sort.SliceStable(s.Operations, func(i, j int) bool { return opKey(s.Operations[i]) < opKey(s.Operations[j]) })
	sort.SliceStable(s.Examples, func(i, j int) bool { return posLess(s.Examples[i].Pos, s.Examples[j].Pos) })
	return s
}

// wholeBody gives an operation whose body is a whole type ("supply a JSON
// representation of a [group] object") every property of that type but
// its navigation properties, in the type's order, and an inferred body
// (BodyInferred) its writable ones. A type no page given documents (or that has no
// properties) leaves the operation without a body, with a warning: the
// page did not say what to send.
func (r *resolver) wholeBody(op *Operation) {
	t := r.types[key(op.Body.Name)]
	if t == nil || len(t.Properties) == 0 {
		what := "is not documented by any page given"
		if t != nil {
			what = "has no properties"
		}
		r.diags.Warnf(op.Pos, "unknown-body-type", "%s %q: the request body is a %s, which %s; no body type generated", op.Method, op.Name, shortName(op.Body.Name), what)
		op.Body, op.BodyWholeType, op.BodyInferred, op.BodyProperties = TypeRef{}, false, false, nil
		return
	}
	op.BodyProperties = make([]string, 0, len(t.Properties))
	for _, p := range t.Properties {
		// Navigation properties are never part of a body; an inferred
		// update body leaves out the read-only ones too.
		if p.Navigation || (op.BodyInferred && p.ReadOnly) {
			continue
		}
		op.BodyProperties = append(op.BodyProperties, p.Name)
	}
}

func opKey(o Operation) string {
	p := ""
	if len(o.Paths) > 0 {
		p = o.Paths[0].Template
	}
	return p + " " + o.Method + " " + o.Pos.File
}

func posLess(a, b Pos) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Path < b.Path
}

// markWrapped finds response examples that wrap one entity in {"value":
// {...}} (as the 2021 Intune get pages do; the service answers with the
// entity itself): an object whose only member besides "@odata." annotations
// is "value" holding an object, shown as a type that has no property
// "value". Such an example is Wrapped, and the type it shows is the inner
// object's "@odata.type" if it names a known type.
func markWrapped(s *Spec) {
	types := make(map[string]*Type, len(s.Types))
	for i := range s.Types {
		types[s.Types[i].Name] = &s.Types[i]
	}
	for i := range s.Examples {
		ex := &s.Examples[i]
		if ex.Role != RoleResponse || ex.Collection {
			continue
		}
		odataType, ok := WrappedObject(ex.Body)
		if !ok {
			continue
		}
		t := types[ex.Type]
		if t == nil {
			continue
		}
		// A type with a property "value" could be shown whole, unless
		// that property cannot hold an object (a primitive, a collection).
		if p := t.Property("value"); p != nil && !p.Type.Collection && !p.Type.IsPrimitive() {
			continue
		}
		ex.Wrapped = true
		if odataType != "" && types[odataType] != nil {
			ex.Type = odataType
		}
	}
}

// WrappedObject reports whether body wraps one object in {"value": {...}}
// (see ValueMember), and returns that object's "@odata.type" without its
// "#" ("" when it has none).
func WrappedObject(body string) (odataType string, ok bool) {
	inner, ok := ValueMember(body)
	if !ok || !strings.HasPrefix(strings.TrimSpace(string(inner)), "{") {
		return "", false
	}
	var probe struct {
		ODataType string `json:"@odata.type"`
	}
	if json.Unmarshal(inner, &probe) != nil {
		return "", true
	}
	return strings.TrimPrefix(probe.ODataType, "#"), true
}

// ValueMember returns the "value" member of body if body is a JSON object
// whose only members besides "@odata." annotations are "value": the shape
// of a collection response ({"value": [...]}) and of a wrapped single
// entity ({"value": {...}}).
func ValueMember(body string) (json.RawMessage, bool) {
	if !strings.Contains(body, "value") && !strings.Contains(body, `\`) {
		// No member can be named "value" (spelt out, or escaped): most
		// examples, and decoding them was a third of Resolve.
		return nil, false
	}
	var top map[string]json.RawMessage
	if json.Unmarshal([]byte(body), &top) != nil {
		return nil, false
	}
	v, ok := top["value"]
	if !ok {
		return nil, false
	}
	for k := range top {
		if k != "value" && !strings.HasPrefix(k, "@odata.") {
			return nil, false
		}
	}
	return v, true
}

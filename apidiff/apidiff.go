// Package apidiff compares two resolved specs (an older and a newer set of
// documentation pages) and reports what changed in the API, classified for a
// Go user of the code docgen generates from them.
//
// It is pure: two *ir.Spec in, a sorted list of Changes out. Things are
// identified by their qualified name or wire name, case-sensitively;
// operations by their title (falling back to method and path, so that a
// retitled page is a rename, not a removal and an addition). A change that
// only alters the case of a name is reported as a dedicated "renamed-case"
// change rather than as a removal and an addition.
//
// Severities:
//
//   - breaking: code written against the old generated package may stop
//     compiling or requests it builds may now be rejected (something removed
//     or renamed, a type or collection-ness changed, a property became
//     read-only or required, a Go name changed);
//   - additive: new things (types, properties, enum members, paths, ...) or
//     relaxed constraints; existing code keeps working. Enum members are
//     additive because generated enums keep values they do not know;
//   - info: changes that do not alter the generated API's shape (nullability,
//     the type that declares an inherited property, validation rules stated in
//     prose, numeric enum values, path parameter names, success status).
//
// A change to a property inherited from a type that exists on both sides is
// reported once, on the declaring type, not again on every derived type.
package apidiff

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/internal/english"
	"github.com/docgen-dev/docgen/ir"
)

// Severity classifies a change for a Go user of the generated code.
type Severity string

// Severities, from most to least severe.
const (
	Breaking Severity = "breaking"
	Additive Severity = "additive"
	Info     Severity = "info"
)

// rank orders severities for sorting and thresholds (lower is more severe).
func (s Severity) rank() int {
	switch s {
	case Breaking:
		return 0
	case Additive:
		return 1
	}
	return 2
}

// Kind names what changed. Kinds are stable identifiers (part of the -json
// output of `docgen apidiff`).
type Kind string

// Change kinds. For each, Path names the thing and Old/New hold the values
// described (empty when not applicable).
const (
	TypeAdded           Kind = "type-added"            // New: kind (entity, complex)
	TypeRemoved         Kind = "type-removed"          // Old: kind
	TypeRenamedCase     Kind = "type-renamed-case"     // Old, New: qualified names
	TypeKindChanged     Kind = "type-kind-changed"     // Old, New: kinds
	TypeBaseChanged     Kind = "type-base-changed"     // Old, New: base type names (empty: none)
	TypeAbstractChanged Kind = "type-abstract-changed" // Old, New: "true"/"false"

	PropertyAdded             Kind = "property-added"              // New: type
	PropertyRemoved           Kind = "property-removed"            // Old: type
	PropertyRenamedCase       Kind = "property-renamed-case"       // Old, New: wire names
	PropertyTypeChanged       Kind = "property-type-changed"       // Old, New: types
	PropertyCollectionChanged Kind = "property-collection-changed" // Old, New: types
	PropertyReadOnlyChanged   Kind = "property-read-only-changed"  // Old, New: "true"/"false"
	PropertyRequiredChanged   Kind = "property-required-changed"   // Old, New: "true"/"false"
	PropertyNullableChanged   Kind = "property-nullable-changed"   // Old, New: "true"/"false"
	PropertyDeclaredChanged   Kind = "property-declared-changed"   // Old, New: declaring type (empty: the type itself)
	PropertyRulesChanged      Kind = "property-rules-changed"      // Old, New: rules, e.g. "range 1..10; maxLength 50"

	EnumAdded              Kind = "enum-added"                // New: member count
	EnumRemoved            Kind = "enum-removed"              // Old: member count
	EnumRenamedCase        Kind = "enum-renamed-case"         // Old, New: qualified names
	EnumFlagsChanged       Kind = "enum-flags-changed"        // Old, New: "true"/"false"
	EnumMemberAdded        Kind = "enum-member-added"         // New: member name
	EnumMemberRemoved      Kind = "enum-member-removed"       // Old: member name
	EnumMemberRenamedCase  Kind = "enum-member-renamed-case"  // Old, New: member names
	EnumMemberValueChanged Kind = "enum-member-value-changed" // Old, New: numeric values

	OperationAdded           Kind = "operation-added"            // New: method
	OperationRemoved         Kind = "operation-removed"          // Old: method
	OperationRenamed         Kind = "operation-renamed"          // Old, New: titles
	OperationMethodChanged   Kind = "operation-method-changed"   // Old, New: methods
	OperationBodyChanged     Kind = "operation-body-changed"     // Old, New: body types (empty: none)
	OperationResponseChanged Kind = "operation-response-changed" // Old, New: response types (empty: none)
	OperationStatusChanged   Kind = "operation-status-changed"   // Old, New: status codes
	BodyPropertyAdded        Kind = "body-property-added"        // New: wire name
	BodyPropertyRemoved      Kind = "body-property-removed"      // Old: wire name
	BodyPropertyRenamedCase  Kind = "body-property-renamed-case" // Old, New: wire names
	PathAdded                Kind = "path-added"                 // New: template
	PathRemoved              Kind = "path-removed"               // Old: template
	PathParamsRenamed        Kind = "path-params-renamed"        // Old, New: templates
	PathCaseChanged          Kind = "path-case-changed"          // Old, New: templates

	GoNameChanged Kind = "go-name-changed" // Old, New: Go identifiers
)

// Change is one difference between the old and the new spec.
type Change struct {
	Kind     Kind     `json:"kind"`
	Severity Severity `json:"severity"`
	// Path names the thing that changed: a qualified type or enum name
	// ("microsoft.graph.x"), a property or enum member under it
	// ("microsoft.graph.x.prop"), or an operation title ("Update x"; the
	// body property or path concerned is then in Old or New).
	Path string `json:"path"`
	Old  string `json:"old"`
	New  string `json:"new"`
	// OldPos and NewPos locate the old and the new node; nil for the side on
	// which the thing does not exist.
	OldPos *ir.Pos `json:"oldPos"`
	NewPos *ir.Pos `json:"newPos"`
	// Message says what changed in words, without the path.
	Message string `json:"message"`
}

// String formats c as "severity: path: message (old pos → new pos)"; a
// removal shows only the old position and an addition only the new one.
func (c Change) String() string {
	var where string
	switch {
	case c.OldPos != nil && c.NewPos != nil:
		where = " (" + c.OldPos.String() + " → " + c.NewPos.String() + ")"
	case c.OldPos != nil:
		where = " (" + c.OldPos.String() + ")"
	case c.NewPos != nil:
		where = " (" + c.NewPos.String() + ")"
	}
	return string(c.Severity) + ": " + c.Path + ": " + c.Message + where
}

// Summary counts changes by severity.
type Summary struct {
	Breaking int `json:"breaking"`
	Additive int `json:"additive"`
	Info     int `json:"info"`
	Total    int `json:"total"`
}

// Summarize counts cs by severity.
func Summarize(cs []Change) Summary {
	var s Summary
	for _, c := range cs {
		switch c.Severity {
		case Breaking:
			s.Breaking++
		case Additive:
			s.Additive++
		default:
			s.Info++
		}
	}
	s.Total = len(cs)
	return s
}

// Sort orders changes by severity (breaking first), then path, kind, old and
// new value, and positions, so that output never depends on map order.
func Sort(cs []Change) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.Severity.rank() != b.Severity.rank() {
			return a.Severity.rank() < b.Severity.rank()
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Old != b.Old {
			return a.Old < b.Old
		}
		if a.New != b.New {
			return a.New < b.New
		}
		return posString(a.OldPos)+"\x00"+posString(a.NewPos) < posString(b.OldPos)+"\x00"+posString(b.NewPos)
	})
}

func posString(p *ir.Pos) string {
	if p == nil {
		return ""
	}
	return p.String()
}

// Diff reports every change from old to new, sorted (see Sort). Nil specs
// are treated as empty.
func Diff(old, new *ir.Spec) []Change {
	if old == nil {
		old = &ir.Spec{}
	}
	if new == nil {
		new = &ir.Spec{}
	}
	d := &differ{oldTypes: typeIndex(old), newTypes: typeIndex(new)}
	d.types(old.Types, new.Types)
	d.enums(old.Enums, new.Enums)
	d.operations(old.Operations, new.Operations)
	Sort(d.out)
	return d.out
}

type differ struct {
	oldTypes, newTypes map[string]*ir.Type
	out                []Change
}

func typeIndex(s *ir.Spec) map[string]*ir.Type {
	m := make(map[string]*ir.Type, len(s.Types))
	for i := range s.Types {
		if _, dup := m[s.Types[i].Name]; !dup {
			m[s.Types[i].Name] = &s.Types[i]
		}
	}
	return m
}

func (d *differ) add(k Kind, sev Severity, path, old, new string, oldPos, newPos *ir.Pos, format string, args ...any) {
	d.out = append(d.out, Change{Kind: k, Severity: sev, Path: path, Old: old, New: new,
		OldPos: pos(oldPos), NewPos: pos(newPos), Message: fmt.Sprintf(format, args...)})
}

// pos copies p, or returns nil when p does not name a file.
func pos(p *ir.Pos) *ir.Pos {
	if p == nil || !p.IsValid() {
		return nil
	}
	q := *p
	return &q
}

// goName reports a changed Go identifier (breaking: user code names it).
func (d *differ) goName(path, what, old, new string, oldPos, newPos *ir.Pos) {
	if old != "" && new != "" && old != new {
		d.add(GoNameChanged, Breaking, path, old, new, oldPos, newPos, "Go name of %s changed from %s to %s", what, old, new)
	}
}

// ---- types and properties ----

func (d *differ) types(old, new []ir.Type) {
	m := match(old, new, func(t *ir.Type) string { return t.Name })
	for _, t := range m.removed {
		d.add(TypeRemoved, Breaking, t.Name, string(t.Kind), "", &t.Pos, nil, "%s type removed", t.Kind)
	}
	for _, t := range m.added {
		d.add(TypeAdded, Additive, t.Name, "", string(t.Kind), nil, &t.Pos, "%s type added", t.Kind)
	}
	for _, p := range m.caseOnly {
		d.add(TypeRenamedCase, Breaking, p.old.Name, p.old.Name, p.new.Name, &p.old.Pos, &p.new.Pos,
			"type renamed (case only) to %s", p.new.Name)
		d.typ(p.old, p.new, false)
	}
	for _, p := range m.same {
		d.typ(p.old, p.new, true)
	}
}

func (d *differ) typ(o, n *ir.Type, sameName bool) {
	path := o.Name
	if o.Kind != n.Kind {
		d.add(TypeKindChanged, Breaking, path, string(o.Kind), string(n.Kind), &o.Pos, &n.Pos,
			"kind changed from %s to %s", o.Kind, n.Kind)
	}
	if o.Base != n.Base {
		d.add(TypeBaseChanged, Breaking, path, o.Base, n.Base, &o.Pos, &n.Pos,
			"base type changed from %s to %s", orNone(o.Base), orNone(n.Base))
	}
	if o.Abstract != n.Abstract {
		if n.Abstract {
			d.add(TypeAbstractChanged, Breaking, path, "false", "true", &o.Pos, &n.Pos, "became abstract")
		} else {
			d.add(TypeAbstractChanged, Additive, path, "true", "false", &o.Pos, &n.Pos, "no longer abstract")
		}
	}
	if sameName {
		d.goName(path, "type", o.GoName, n.GoName, &o.Pos, &n.Pos)
	}
	d.properties(o, n)
}

func (d *differ) properties(ot, nt *ir.Type) {
	m := match(ot.Properties, nt.Properties, func(p *ir.Property) string { return p.Name })
	at := func(name string) string { return ot.Name + "." + name }
	for _, p := range m.removed {
		if !d.inheritedElsewhere(ot, p, nil) {
			d.add(PropertyRemoved, Breaking, at(p.Name), typeString(p.Type), "", &p.Pos, nil,
				"property removed (was %s)", typeString(p.Type))
		}
	}
	for _, p := range m.added {
		if !d.inheritedElsewhere(ot, nil, p) {
			d.add(PropertyAdded, Additive, at(p.Name), "", typeString(p.Type), nil, &p.Pos,
				"property added (%s)", typeString(p.Type))
		}
	}
	for _, p := range m.caseOnly {
		d.add(PropertyRenamedCase, Breaking, at(p.old.Name), p.old.Name, p.new.Name, &p.old.Pos, &p.new.Pos,
			"property renamed (case only) to %s", p.new.Name)
		d.property(at(p.old.Name), p.old, p.new, false)
	}
	for _, p := range m.same {
		if !d.inheritedElsewhere(ot, p.old, p.new) {
			d.property(at(p.old.Name), p.old, p.new, true)
		}
	}
}

// inheritedElsewhere reports whether a difference in property o/n (either may
// be nil) of type t is already reported on the type that declares it: the
// property is inherited from the same type X on each side it exists on, X
// exists on both sides, and X has the property on exactly the same sides.
func (d *differ) inheritedElsewhere(t *ir.Type, o, n *ir.Property) bool {
	decl, name := "", ""
	for _, p := range []*ir.Property{o, n} {
		if p == nil {
			continue
		}
		if p.InheritedFrom == "" || p.InheritedFrom == t.Name || (decl != "" && decl != p.InheritedFrom) {
			return false
		}
		decl, name = p.InheritedFrom, p.Name
	}
	ox, nx := d.oldTypes[decl], d.newTypes[decl]
	if ox == nil || nx == nil {
		return false
	}
	return (ox.Property(name) != nil) == (o != nil) && (nx.Property(name) != nil) == (n != nil)
}

func (d *differ) property(path string, o, n *ir.Property, sameName bool) {
	op, np := &o.Pos, &n.Pos
	switch {
	case o.Type.Name != n.Type.Name:
		d.add(PropertyTypeChanged, Breaking, path, typeString(o.Type), typeString(n.Type), op, np,
			"type changed from %s to %s", typeString(o.Type), typeString(n.Type))
	case o.Type.Collection != n.Type.Collection:
		what := "became a collection"
		if !n.Type.Collection {
			what = "no longer a collection"
		}
		d.add(PropertyCollectionChanged, Breaking, path, typeString(o.Type), typeString(n.Type), op, np,
			"%s: type changed from %s to %s", what, typeString(o.Type), typeString(n.Type))
	}
	if o.ReadOnly != n.ReadOnly {
		if n.ReadOnly {
			d.add(PropertyReadOnlyChanged, Breaking, path, "false", "true", op, np,
				"became read-only (PATCH bodies may no longer set it)")
		} else {
			d.add(PropertyReadOnlyChanged, Additive, path, "true", "false", op, np, "no longer read-only")
		}
	}
	if o.Required != n.Required {
		if n.Required {
			d.add(PropertyRequiredChanged, Breaking, path, "false", "true", op, np, "became required")
		} else {
			d.add(PropertyRequiredChanged, Additive, path, "true", "false", op, np, "no longer required")
		}
	}
	if on, nn := boolString(o.Nullable), boolString(n.Nullable); stated(on, nn) {
		d.add(PropertyNullableChanged, Info, path, on, nn, op, np, "nullable changed from %s to %s", on, nn)
	}
	if o.InheritedFrom != n.InheritedFrom {
		d.add(PropertyDeclaredChanged, Info, path, o.InheritedFrom, n.InheritedFrom, op, np,
			"declared on %s, was %s", declaredOn(n.InheritedFrom), declaredOn(o.InheritedFrom))
	}
	if or, nr := rulesString(o.Rules), rulesString(n.Rules); or != nr {
		d.add(PropertyRulesChanged, Info, path, or, nr, op, np,
			"validation rules changed from %s to %s", orNone(or), orNone(nr))
	}
	if sameName {
		d.goName(path, "field", o.GoName, n.GoName, op, np)
	}
}

// ---- enums ----

func (d *differ) enums(old, new []ir.Enum) {
	m := match(old, new, func(e *ir.Enum) string { return e.Name })
	for _, e := range m.removed {
		d.add(EnumRemoved, Breaking, e.Name, strconv.Itoa(len(e.Members)), "", &e.Pos, nil, "enum removed")
	}
	for _, e := range m.added {
		d.add(EnumAdded, Additive, e.Name, "", strconv.Itoa(len(e.Members)), nil, &e.Pos,
			"enum added (%s)", english.Count(len(e.Members), "member"))
	}
	for _, p := range m.caseOnly {
		d.add(EnumRenamedCase, Breaking, p.old.Name, p.old.Name, p.new.Name, &p.old.Pos, &p.new.Pos,
			"enum renamed (case only) to %s", p.new.Name)
		d.enum(p.old, p.new, false)
	}
	for _, p := range m.same {
		d.enum(p.old, p.new, true)
	}
}

func (d *differ) enum(o, n *ir.Enum, sameName bool) {
	path := o.Name
	if o.Flags != n.Flags {
		what := "became a flags enum"
		if !n.Flags {
			what = "no longer a flags enum"
		}
		d.add(EnumFlagsChanged, Breaking, path, strconv.FormatBool(o.Flags), strconv.FormatBool(n.Flags), &o.Pos, &n.Pos, "%s", what)
	}
	// Member Go names derive from the enum's; report them only if it kept its own.
	goNames := sameName && o.GoName == n.GoName
	if sameName {
		d.goName(path, "enum", o.GoName, n.GoName, &o.Pos, &n.Pos)
	}
	m := match(o.Members, n.Members, func(m *ir.EnumMember) string { return m.Name })
	at := func(name string) string { return path + "." + name }
	for _, x := range m.removed {
		d.add(EnumMemberRemoved, Breaking, at(x.Name), x.Name, "", memberPos(x, o), nil, "enum member removed")
	}
	for _, x := range m.added {
		d.add(EnumMemberAdded, Additive, at(x.Name), "", x.Name, nil, memberPos(x, n), "enum member added")
	}
	for _, p := range m.caseOnly {
		d.add(EnumMemberRenamedCase, Breaking, at(p.old.Name), p.old.Name, p.new.Name, memberPos(p.old, o), memberPos(p.new, n),
			"enum member renamed (case only) to %s", p.new.Name)
	}
	for _, p := range slices.Concat(m.same, m.caseOnly) {
		ov, nv := intString(p.old.Value), intString(p.new.Value)
		if stated(ov, nv) {
			d.add(EnumMemberValueChanged, Info, at(p.old.Name), ov, nv, memberPos(p.old, o), memberPos(p.new, n),
				"numeric value changed from %s to %s", ov, nv)
		}
	}
	if goNames {
		for _, p := range m.same {
			d.goName(at(p.old.Name), "enum constant", p.old.GoName, p.new.GoName, memberPos(p.old, o), memberPos(p.new, n))
		}
	}
}

// memberPos is where m is documented, or its enum's position when the
// member itself has none.
func memberPos(m *ir.EnumMember, e *ir.Enum) *ir.Pos {
	if m.Pos.IsValid() {
		return &m.Pos
	}
	return &e.Pos
}

// ---- operations ----

func (d *differ) operations(old, new []ir.Operation) {
	m := match(old, new, func(o *ir.Operation) string { return o.Name })
	// An operation whose page was retitled keeps its method and a path.
	var removed []*ir.Operation
	used := make([]bool, len(m.added))
	var renamed []pair[ir.Operation]
	for _, o := range m.removed {
		found := false
		for i, n := range m.added {
			if !used[i] && o.Method == n.Method && sharePath(o, n) {
				used[i], found = true, true
				renamed = append(renamed, pair[ir.Operation]{o, n})
				break
			}
		}
		if !found {
			removed = append(removed, o)
		}
	}
	for _, o := range removed {
		d.add(OperationRemoved, Breaking, o.Name, o.Method, "", &o.Pos, nil, "operation removed (%s%s)", opSummary(o), dupNote(old, o))
	}
	for i, n := range m.added {
		if !used[i] {
			d.add(OperationAdded, Additive, n.Name, "", n.Method, nil, &n.Pos, "operation added (%s%s)", opSummary(n), dupNote(new, n))
		}
	}
	for _, p := range slices.Concat(m.caseOnly, renamed) {
		sev, goNote := Info, ""
		if p.old.GoName != p.new.GoName {
			sev, goNote = Breaking, fmt.Sprintf("; Go name changed from %s to %s", p.old.GoName, p.new.GoName)
		}
		d.add(OperationRenamed, sev, p.old.Name, p.old.Name, p.new.Name, &p.old.Pos, &p.new.Pos,
			"operation renamed to %q%s", p.new.Name, goNote)
		d.operation(p.old, p.new, false)
	}
	for _, p := range m.same {
		d.operation(p.old, p.new, true)
	}
}

func (d *differ) operation(o, n *ir.Operation, sameName bool) {
	path, op, np := o.Name, &o.Pos, &n.Pos
	if o.Method != n.Method {
		d.add(OperationMethodChanged, Breaking, path, o.Method, n.Method, op, np, "method changed from %s to %s", o.Method, n.Method)
	}
	if ob, nb := refString(o.Body), refString(n.Body); ob != nb {
		d.add(OperationBodyChanged, Breaking, path, ob, nb, op, np, "request body type changed from %s to %s", orNone(ob), orNone(nb))
	}
	if or, nr := refString(o.Response), refString(n.Response); or != nr {
		d.add(OperationResponseChanged, Breaking, path, or, nr, op, np, "response type changed from %s to %s", orNone(or), orNone(nr))
	}
	if ost, nst := statusString(o.ResponseStatus), statusString(n.ResponseStatus); stated(ost, nst) {
		d.add(OperationStatusChanged, Info, path, ost, nst, op, np, "success status changed from %s to %s", ost, nst)
	}
	if sameName {
		d.goName(path, "operation", o.GoName, n.GoName, op, np)
	}

	// Request body properties (the fields of the generated body type).
	bm := match(o.BodyProperties, n.BodyProperties, func(s *string) string { return *s })
	oldAt := func(name string) *ir.Pos { return bodyPropPos(d.oldTypes, o, name) }
	newAt := func(name string) *ir.Pos { return bodyPropPos(d.newTypes, n, name) }
	for _, s := range bm.removed {
		d.add(BodyPropertyRemoved, Breaking, path, *s, "", oldAt(*s), nil, "request body property %s removed", *s)
	}
	for _, s := range bm.added {
		d.add(BodyPropertyAdded, Additive, path, "", *s, nil, newAt(*s), "request body property %s added", *s)
	}
	for _, p := range bm.caseOnly {
		d.add(BodyPropertyRenamedCase, Breaking, path, *p.old, *p.new, oldAt(*p.old), newAt(*p.new),
			"request body property %s renamed (case only) to %s", *p.old, *p.new)
	}

	// Paths: by template (then ignoring case), then ignoring parameter names
	// (then also case).
	pm := match(o.Paths, n.Paths, func(p *ir.Path) string { return p.Template })
	rest := match(derefs(pm.removed), derefs(pm.added), func(p *ir.Path) string { return stripParams(p.Template) })
	for _, p := range rest.removed {
		d.add(PathRemoved, Breaking, path, p.Template, "", &p.Pos, nil, "path removed: %s %s", o.Method, p.Template)
	}
	for _, p := range rest.added {
		d.add(PathAdded, Additive, path, "", p.Template, nil, &p.Pos, "path added: %s %s", n.Method, p.Template)
	}
	for _, p := range rest.same {
		d.add(PathParamsRenamed, Info, path, p.old.Template, p.new.Template, &p.old.Pos, &p.new.Pos,
			"path parameters renamed: %s to %s", p.old.Template, p.new.Template)
	}
	for _, p := range slices.Concat(pm.caseOnly, rest.caseOnly) {
		d.add(PathCaseChanged, Info, path, p.old.Template, p.new.Template, &p.old.Pos, &p.new.Pos,
			"path changed case: %s to %s", p.old.Template, p.new.Template)
	}
	for _, p := range slices.Concat(pm.same, pm.caseOnly, rest.same, rest.caseOnly) {
		d.goName(path, "path "+p.new.Template, p.old.GoName, p.new.GoName, &p.old.Pos, &p.new.Pos)
	}
}

// bodyPropPos is where the body type of op documents property name (the IR
// keeps no position for body table rows), or else where op is documented.
func bodyPropPos(types map[string]*ir.Type, op *ir.Operation, name string) *ir.Pos {
	if t := types[op.Body.Name]; t != nil {
		if p := t.Property(name); p != nil && p.Pos.IsValid() {
			return &p.Pos
		}
	}
	return &op.Pos
}

// sharePath reports whether o and n have a path in common, ignoring
// parameter names.
func sharePath(o, n *ir.Operation) bool {
	for _, p := range o.Paths {
		for _, q := range n.Paths {
			if stripParams(p.Template) == stripParams(q.Template) {
				return true
			}
		}
	}
	return false
}

// stripParams replaces every {parameter} in a path template by {}.
func stripParams(t string) string {
	var b strings.Builder
	depth := 0
	for _, r := range t {
		switch {
		case r == '{':
			if depth == 0 {
				b.WriteRune(r)
			}
			depth++
		case r == '}' && depth > 0:
			depth--
			if depth == 0 {
				b.WriteRune(r)
			}
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dupNote explains an operation whose title another one in ops shares (two
// pages documenting one operation): the Go name tells them apart.
func dupNote(ops []ir.Operation, o *ir.Operation) string {
	n := 0
	for i := range ops {
		if ops[i].Name == o.Name {
			n++
		}
	}
	if n < 2 {
		return ""
	}
	return fmt.Sprintf("; %d operations have this title, this one is %s", n, o.GoName)
}

func opSummary(o *ir.Operation) string {
	var ts []string
	for _, p := range o.Paths {
		ts = append(ts, p.Template)
	}
	if len(ts) == 0 {
		return o.Method
	}
	return o.Method + " " + strings.Join(ts, ", ")
}

// ---- matching ----

type pair[T any] struct{ old, new *T }

type matched[T any] struct {
	same, caseOnly []pair[T] // in old order
	removed        []*T      // in old order
	added          []*T      // in new order
}

// match pairs the items of old and new with equal keys, then the remaining
// ones whose keys differ only in case. Duplicate keys pair up in order.
func match[T any](old, new []T, key func(*T) string) matched[T] {
	var m matched[T]
	byKey := map[string][]int{}
	for i := range new {
		k := key(&new[i])
		byKey[k] = append(byKey[k], i)
	}
	usedNew := make([]bool, len(new))
	var restOld []int
	for i := range old {
		k := key(&old[i])
		if q := byKey[k]; len(q) > 0 {
			byKey[k] = q[1:]
			usedNew[q[0]] = true
			m.same = append(m.same, pair[T]{&old[i], &new[q[0]]})
			continue
		}
		restOld = append(restOld, i)
	}
	byFold := map[string][]int{}
	for i := range new {
		if !usedNew[i] {
			k := strings.ToLower(key(&new[i]))
			byFold[k] = append(byFold[k], i)
		}
	}
	for _, i := range restOld {
		k := strings.ToLower(key(&old[i]))
		if q := byFold[k]; len(q) > 0 {
			byFold[k] = q[1:]
			usedNew[q[0]] = true
			m.caseOnly = append(m.caseOnly, pair[T]{&old[i], &new[q[0]]})
			continue
		}
		m.removed = append(m.removed, &old[i])
	}
	for i := range new {
		if !usedNew[i] {
			m.added = append(m.added, &new[i])
		}
	}
	return m
}

func derefs[T any](ps []*T) []T {
	out := make([]T, len(ps))
	for i, p := range ps {
		out[i] = *p
	}
	return out
}

// ---- formatting ----

// typeString formats a property type: "Edm.String", "Collection(microsoft.graph.x)".
func typeString(r ir.TypeRef) string {
	if r.Collection {
		return "Collection(" + r.Name + ")"
	}
	return r.Name
}

// refString is typeString, or "" for no type.
func refString(r ir.TypeRef) string {
	if r.Name == "" {
		return ""
	}
	return typeString(r)
}

func rulesString(rs []ir.Rule) string {
	var parts []string
	for _, r := range rs {
		s := string(r.Kind)
		switch {
		case r.Min != nil && r.Max != nil:
			s += " " + num(*r.Min) + ".." + num(*r.Max)
		case r.Min != nil:
			s += " " + num(*r.Min)
		case r.Max != nil:
			s += " " + num(*r.Max)
		}
		parts = append(parts, s)
	}
	sort.Strings(parts)
	return strings.Join(parts, "; ")
}

func num(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func boolString(b *bool) string {
	if b == nil {
		return ""
	}
	return strconv.FormatBool(*b)
}

func intString(v *int64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatInt(*v, 10)
}

func statusString(s int) string {
	if s == 0 {
		return ""
	}
	return strconv.Itoa(s)
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// stated reports whether old and new are both stated and differ: a detail
// one page states and the other leaves out is not a change.
func stated(old, new string) bool { return old != "" && new != "" && old != new }

func declaredOn(inheritedFrom string) string {
	if inheritedFrom == "" {
		return "the type itself"
	}
	return inheritedFrom
}

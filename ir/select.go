package ir

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Select returns the part of s that the named types need: each type, its
// base chain, the types and enums of its properties (and theirs, and so on;
// navigation properties are not followed, and are raw JSON unless their type
// is selected anyway),
// and the operations on the named types (whose Subject or body is one of
// them), with what their bodies and responses need. A name may also
// name an enum, which is then generated alone. Names are as the docs write
// them, qualified or not, also in the @odata.type spelling
// ("#microsoft.graph.x"), matched case-insensitively. A name ending in
// DerivedSuffix ("x+") takes along every type derived from x, directly or
// not, with what they need, so that @odata.type polymorphism decodes into
// them rather than keeping them as raw JSON. A name that names nothing, or
// several things, is a *NameError listing every such name (with the nearest
// known names). Go names are kept as Resolve settled them, so selecting
// never renames anything.
//
// What the selection needs must be whole: a *SelectionError lists every
// named type, property type it needs or operation of a named type that was
// left out because a page could not be read (see Spec.Omitted and
// Spec.Skipped). Pages outside the selection do not matter.
func Select(s *Spec, names []string) (*Spec, error) {
	byKey := map[string]*Type{}
	enums := map[string]*Enum{}
	short := map[string][]string{} // lower-cased short name → qualified names of types and enums
	for i := range s.Types {
		t := &s.Types[i]
		byKey[key(t.Name)] = t
		short[key(shortName(t.Name))] = append(short[key(shortName(t.Name))], t.Name)
	}
	for i := range s.Enums {
		e := &s.Enums[i]
		enums[key(e.Name)] = e
		short[key(shortName(e.Name))] = append(short[key(shortName(e.Name))], e.Name)
	}
	var roots, enumRoots []string
	var along []string // derived types taken along: no operations of their own
	var bad []NameProblem
	var problems Diagnostics
	for i, raw := range names {
		n, derived := SelectionName(raw)
		if n == "" {
			continue
		}
		known := byKey[key(n)] != nil || enums[key(n)] != nil || len(short[key(n)]) > 0
		if !known {
			if ps := unreadable(s, n); len(ps) > 0 {
				problems = append(problems, ps...)
				continue
			}
		}
		q := ""
		switch {
		case byKey[key(n)] != nil:
			q = byKey[key(n)].Name
		case enums[key(n)] != nil:
			q = enums[key(n)].Name
		case len(short[key(n)]) == 1:
			q = short[key(n)][0]
		case len(short[key(n)]) > 1:
			bad = append(bad, NameProblem{Index: i, Name: raw, Ambiguous: true,
				Message: fmt.Sprintf("type %q is ambiguous: %s", raw, strings.Join(short[key(n)], ", "))})
			continue
		default:
			msg := fmt.Sprintf("unknown type %q", raw)
			if sug := nearest(shortName(n), s); len(sug) > 0 {
				msg += "; did you mean " + strings.Join(sug, ", ") + "?"
			}
			bad = append(bad, NameProblem{Index: i, Name: raw, Message: msg})
			continue
		}
		if e := enums[key(q)]; e != nil && byKey[key(q)] == nil {
			if derived {
				bad = append(bad, NameProblem{Index: i, Name: raw,
					Message: fmt.Sprintf("%q: %s is an enum, which has no derived types", raw, e.Name)})
				continue
			}
			enumRoots = append(enumRoots, e.Name)
			continue
		}
		roots = append(roots, q)
		if derived {
			along = append(along, byKey[key(q)].Derived...)
		}
	}
	if len(bad) > 0 {
		return nil, &NameError{Problems: bad}
	}

	keepT, keepE := map[string]bool{}, map[string]bool{}
	var visit func(name string)
	visit = func(name string) {
		if e := enums[key(name)]; e != nil {
			keepE[e.Name] = true
			return
		}
		t := byKey[key(name)]
		if t == nil || keepT[t.Name] {
			return
		}
		keepT[t.Name] = true
		if t.Base != "" {
			visit(t.Base)
		}
		for _, p := range t.Properties {
			// Navigation properties are not followed: every entity reaches
			// half the API through them. Their type is kept when the
			// selection needs it anyway, else the property is raw JSON.
			if !p.Type.IsPrimitive() && !p.Navigation {
				visit(p.Type.Name)
			}
		}
	}
	rootSet := map[string]bool{}
	for _, r := range roots {
		rootSet[r] = true
		visit(r)
	}
	for _, n := range append(along, enumRoots...) {
		visit(n)
	}
	// The operations on a named type come along, with the types their
	// bodies and responses need.
	for _, o := range s.Operations {
		if selectsOperation(rootSet, &o) {
			visit(o.Body.Name)
			visit(o.Response.Name)
		}
	}

	problems = append(problems, selectionProblems(s, rootSet, keepT)...)
	if len(problems) > 0 {
		problems.Sort()
		return nil, &SelectionError{Problems: problems}
	}

	out := &Spec{Version: s.Version, Types: []Type{}, Enums: []Enum{}, Operations: []Operation{}}
	for _, t := range s.Types {
		if !keepT[t.Name] {
			continue
		}
		var derived []string
		for _, d := range t.Derived {
			if keepT[d] {
				derived = append(derived, d)
			}
		}
		t.Derived = derived
		t.Properties = slices.Clone(t.Properties)
		for i := range t.Properties {
			p := &t.Properties[i]
			if p.Navigation && !p.Type.IsPrimitive() && !keepT[p.Type.Name] && !keepE[p.Type.Name] {
				if p.Type.Raw == "" {
					p.Type.Raw = p.Type.Name
				}
				p.Type.Name = "Edm.Untyped"
			}
		}
		out.Types = append(out.Types, t)
	}
	for _, e := range s.Enums {
		if keepE[e.Name] {
			out.Enums = append(out.Enums, e)
		}
	}
	for _, o := range s.Operations {
		if selectsOperation(rootSet, &o) {
			out.Operations = append(out.Operations, o)
		}
	}
	for _, ex := range s.Examples {
		if keepT[ex.Type] {
			out.Examples = append(out.Examples, ex)
		}
	}
	return out, nil
}

// DerivedSuffix, ending a name given to Select, selects the types derived
// from the named one too.
const DerivedSuffix = "+"

// SelectionName is the name that raw, as given to Select, looks up and
// whether it ends in DerivedSuffix: without surrounding space, the suffix
// and the "#" of the @odata.type spelling.
func SelectionName(raw string) (name string, derived bool) {
	n := strings.TrimSpace(raw)
	n, derived = strings.CutSuffix(n, DerivedSuffix)
	return strings.TrimPrefix(strings.TrimSpace(n), "#"), derived
}

// NameError lists the names given to Select that name no type or enum, or
// more than one.
type NameError struct {
	Problems []NameProblem // in the order of the names
}

// NameProblem is one name that Select cannot use.
type NameProblem struct {
	Index     int    // of the name in the list given to Select
	Name      string // as given
	Ambiguous bool   // it names several types or enums; else none
	Message   string // says why, with the nearest known names
}

func (e *NameError) Error() string {
	var lines []string
	for _, p := range e.Problems {
		lines = append(lines, p.Message)
	}
	return strings.Join(lines, "\n")
}

// nearest suggests up to three known type or enum names close to n.
func nearest(n string, s *Spec) []string {
	type cand struct {
		name string
		d    int
	}
	var cs []cand
	ln := strings.ToLower(n)
	seen := map[string]bool{}
	consider := func(qualified string) {
		sn := shortName(qualified)
		if seen[sn] {
			return
		}
		d := editDistance(ln, strings.ToLower(sn))
		if strings.Contains(strings.ToLower(sn), ln) {
			d = min(d, len(sn)-len(ln))
		}
		if d <= max(3, len(n)/3) {
			seen[sn] = true
			cs = append(cs, cand{sn, d})
		}
	}
	for _, t := range s.Types {
		consider(t.Name)
	}
	for _, e := range s.Enums {
		consider(e.Name)
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].name < cs[j].name
	})
	var out []string
	for i := 0; i < len(cs) && i < 3; i++ {
		out = append(out, cs[i].name)
	}
	return out
}

// editDistance is the Levenshtein distance between a and b (bytes), with
// the inputs capped so that a hostile name cannot make it slow.
func editDistance(a, b string) int {
	if len(a) > 128 {
		a = a[:128]
	}
	if len(b) > 128 {
		b = b[:128]
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// SelectionError says why a selection cannot be built: a part of it
// depends on a page that could not be read.
type SelectionError struct {
	Problems Diagnostics
}

func (e *SelectionError) Error() string {
	var lines []string
	for _, d := range e.Problems {
		lines = append(lines, d.String())
	}
	return strings.Join(lines, "\n")
}

// unreadable explains a name no readable page documents but a skipped page
// was about, or that was left out.
func unreadable(s *Spec, n string) Diagnostics {
	var ds Diagnostics
	for _, o := range s.Omitted {
		if o.Kind == OmitType && sameName(o.Name, n) {
			ds.Errorf(o.Pos, "selection", "selected type %s cannot be generated: %s", o.Name, o.Reason)
			return ds
		}
	}
	for _, sp := range s.Skipped {
		if sp.Subject != "" && sameName(sp.Subject, n) {
			ds.Errorf(sp.Reason.Pos, "selection", "selected type %s cannot be generated: its page %s could not be read (%s)", sp.Subject, sp.File, sp.Reason.Message)
		}
	}
	return ds
}

// sameName reports whether the qualified name q is n, qualified or not, in
// any case.
func sameName(q, n string) bool {
	return strings.EqualFold(q, n) || strings.EqualFold(shortName(q), n)
}

// selectionProblems lists what the selection needs that a skipped page
// took away: property types of kept types, and operations on a named type
// whose page could not be read or which were left out.
func selectionProblems(s *Spec, roots, kept map[string]bool) Diagnostics {
	var ds Diagnostics
	for _, o := range s.Omitted {
		switch o.Kind {
		case OmitPropertyType:
			if i := strings.LastIndex(o.Name, "."); i > 0 && kept[o.Name[:i]] {
				ds.Errorf(o.Pos, "selection", "the selection needs %s (the type of %s), whose page %s could not be read", o.Type, o.Name, o.Page)
			}
		case OmitOperation:
			if roots[o.Type] {
				ds.Errorf(o.Pos, "selection", "operation %q of selected type %s cannot be generated: %s", o.Name, o.Type, o.Reason)
			}
		}
	}
	for _, sp := range s.Skipped {
		for r := range roots {
			if sp.Kind == PageAPI && strings.EqualFold(sp.Subject, r) {
				ds.Errorf(sp.Reason.Pos, "selection", "an operation of selected type %s cannot be generated: its page %s could not be read (%s)", r, sp.File, sp.Reason.Message)
			}
		}
	}
	return ds
}

// selectsOperation reports whether the named types (roots) take o along:
// it reads, writes, deletes or is bound to one of them, or its body is one.
func selectsOperation(roots map[string]bool, o *Operation) bool {
	return roots[o.Subject] || roots[o.Body.Name]
}

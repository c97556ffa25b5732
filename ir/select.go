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
// them), with what their bodies and responses need. Names are as the
// docs write them, qualified or not, matched case-insensitively. An unknown
// name is an error that suggests the nearest known names. Go names are kept
// as Resolve settled them, so selecting never renames anything.
//
// What the selection needs must be whole: a *SelectionError lists every
// named type, property type it needs or operation of a named type that was
// left out because a page could not be read (see Spec.Omitted and
// Spec.Skipped). Pages outside the selection do not matter.
func Select(s *Spec, names []string) (*Spec, error) {
	byKey := map[string]*Type{}
	enums := map[string]*Enum{}
	short := map[string][]string{} // lower-cased short name → qualified names
	for i := range s.Types {
		t := &s.Types[i]
		byKey[key(t.Name)] = t
		short[key(shortName(t.Name))] = append(short[key(shortName(t.Name))], t.Name)
	}
	for i := range s.Enums {
		enums[key(s.Enums[i].Name)] = &s.Enums[i]
	}
	var roots []string
	var unknown []string
	var problems Diagnostics
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if byKey[key(n)] == nil && len(short[key(n)]) == 0 {
			if ps := unreadable(s, n); len(ps) > 0 {
				problems = append(problems, ps...)
				continue
			}
		}
		switch {
		case byKey[key(n)] != nil:
			roots = append(roots, byKey[key(n)].Name)
		case len(short[key(n)]) == 1:
			roots = append(roots, short[key(n)][0])
		case len(short[key(n)]) > 1:
			return nil, fmt.Errorf("type %q is ambiguous: %s", n, strings.Join(short[key(n)], ", "))
		default:
			unknown = append(unknown, n)
		}
	}
	if len(unknown) > 0 {
		var msgs []string
		for _, n := range unknown {
			msg := fmt.Sprintf("unknown type %q", n)
			if sug := nearest(n, s); len(sug) > 0 {
				msg += "; did you mean " + strings.Join(sug, ", ") + "?"
			}
			msgs = append(msgs, msg)
		}
		return nil, fmt.Errorf("%s", strings.Join(msgs, "\n"))
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

// nearest suggests up to three known type names close to n.
func nearest(n string, s *Spec) []string {
	type cand struct {
		name string
		d    int
	}
	var cs []cand
	ln := strings.ToLower(n)
	for _, t := range s.Types {
		sn := shortName(t.Name)
		d := editDistance(ln, strings.ToLower(sn))
		if strings.Contains(strings.ToLower(sn), ln) {
			d = min(d, len(sn)-len(ln))
		}
		if d <= max(3, len(n)/3) {
			cs = append(cs, cand{sn, d})
		}
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

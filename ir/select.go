package ir

import (
	"fmt"
	"sort"
	"strings"
)

// Select returns the part of s that the named types need: each type, its
// base chain, the types and enums of its properties (and theirs, and so on),
// and the operations whose body is one of the named types. Names are as the
// docs write them, qualified or not, matched case-insensitively. An unknown
// name is an error that suggests the nearest known names. Go names are kept
// as Resolve settled them, so selecting never renames anything.
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
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
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
			if !p.Type.IsPrimitive() {
				visit(p.Type.Name)
			}
		}
	}
	rootSet := map[string]bool{}
	for _, r := range roots {
		rootSet[r] = true
		visit(r)
	}

	out := &Spec{Types: []Type{}, Enums: []Enum{}, Operations: []Operation{}}
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
		out.Types = append(out.Types, t)
	}
	for _, e := range s.Enums {
		if keepE[e.Name] {
			out.Enums = append(out.Enums, e)
		}
	}
	for _, o := range s.Operations {
		if rootSet[o.Body.Name] {
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

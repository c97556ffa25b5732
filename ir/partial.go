package ir

import (
	"fmt"
	"path"
	"sort"
	"strings"
)

// Partial input, never partial truth. A page that could not be read (its
// Page.Skipped is set) contributes nothing, and what the readable pages
// document that depends on it is left out rather than built from the part
// docgen could read:
//
//   - a name the skipped page documents (its subject, the types and enums
//     it got as far as naming, and the names readable pages link to it by)
//     is unavailable, unless a readable resource or enum page documents it
//     too; what only API pages said about it (a body table is a part of a
//     type, not all of it) is dropped;
//   - a type whose base chain holds an unavailable name is left out, since
//     its inherited properties are unknown;
//   - a property whose type is unavailable is kept, as raw JSON (what the
//     service sends is not lost, and nothing is claimed about it);
//   - an operation whose body or response type is unavailable or left out
//     is left out, and so are examples of such types.
//
// Each is an Omission in the Spec and a warning naming the page and why.

// SkippedPage is a page that could not be read.
type SkippedPage struct {
	File string   `json:"file"`
	Kind PageKind `json:"kind"`
	// Subject is what the page is about, when it could tell (see
	// Page.Subject).
	Subject string `json:"subject,omitempty"`
	// Reason is the first error found in the page.
	Reason Diagnostic `json:"reason"`
}

// OmissionKind says what an Omission leaves out.
type OmissionKind string

// Omission kinds.
const (
	OmitType      OmissionKind = "type"      // a type or enum
	OmitOperation OmissionKind = "operation" // an operation
	// OmitPropertyType: the property is kept, but as raw JSON, since its
	// type is unavailable.
	OmitPropertyType OmissionKind = "propertyType"
)

// Omission is something the pages document that a Spec leaves out because
// it depends on a page that could not be read.
type Omission struct {
	Kind OmissionKind `json:"kind"`
	// Name is the qualified type or enum name, the operation's name, or
	// "<qualified type>.<property>".
	Name string `json:"name"`
	// Type is the type that made it unavailable: for an operation its body
	// type, for a property the type no page read documents.
	Type string `json:"type,omitempty"`
	// Page is the skipped page it depends on.
	Page   string `json:"page"`
	Reason string `json:"reason"`
	// Pos is where the omitted thing is documented or referred to.
	Pos Pos `json:"pos"`
}

// partial is the resolver's record of skipped pages and what they make
// unavailable.
type partial struct {
	skipped []SkippedPage
	// files are the skipped pages by pageKey.
	files map[string]*SkippedPage
	// unavailable maps a lower-cased qualified name no readable page
	// documents in full to the skipped page that documents it.
	unavailable map[string]*SkippedPage
	// leftOut maps lower-cased names of types left out because of their
	// base chain to the skipped page responsible.
	leftOut map[string]*SkippedPage
	// authority maps each readable resource or enum page file to true.
	authority map[string]bool
	omitted   []Omission
	reported  map[string]bool // omissions already recorded, by kind and name
}

// partition sets the skipped pages aside and returns the readable ones.
func (r *resolver) partition(pages []Page) []Page {
	r.part = partial{files: map[string]*SkippedPage{}, unavailable: map[string]*SkippedPage{},
		leftOut: map[string]*SkippedPage{}, authority: map[string]bool{}, reported: map[string]bool{}}
	var readable []Page
	for _, p := range pages {
		if p.Skipped == nil {
			readable = append(readable, p)
			if p.Kind == PageResource || p.Kind == PageEnum {
				r.part.authority[p.File] = true
			}
			continue
		}
		r.part.skipped = append(r.part.skipped, SkippedPage{File: p.File, Kind: p.Kind, Subject: p.Subject, Reason: *p.Skipped})
	}
	sort.SliceStable(r.part.skipped, func(i, j int) bool { return r.part.skipped[i].File < r.part.skipped[j].File })
	for i := range r.part.skipped {
		sp := &r.part.skipped[i]
		r.part.files[pageKey(sp.File)] = sp
	}
	// What a skipped page documents, as far as it got: on an API page only
	// its subject's operation (the type itself has its own page).
	for _, p := range pages {
		if p.Skipped == nil || p.Kind == PageAPI {
			continue
		}
		sp := r.part.files[pageKey(p.File)]
		for _, n := range p.names() {
			if _, ok := r.part.unavailable[key(n)]; !ok {
				r.part.unavailable[key(n)] = sp
			}
		}
	}
	return readable
}

// names are the qualified names a page documents.
func (p *Page) names() []string {
	var out []string
	if p.Subject != "" {
		out = append(out, p.Subject)
	}
	for _, t := range p.Types {
		out = append(out, t.Name)
	}
	for _, e := range p.Enums {
		out = append(out, e.Name)
	}
	return out
}

// settleUnavailable runs after collect: names readable pages link to a
// skipped page by are unavailable too; a name a readable resource or enum
// page documents is available after all; a type only API pages described is
// dropped.
func (r *resolver) settleUnavailable(pages []Page) {
	if len(r.part.skipped) == 0 {
		return
	}
	for _, p := range pages {
		for _, t := range p.Types {
			for _, prop := range t.Properties {
				if sp := r.part.files[linkKey(p.File, prop.Type.Href)]; sp != nil {
					if _, ok := r.part.unavailable[key(prop.Type.Name)]; !ok {
						r.part.unavailable[key(prop.Type.Name)] = sp
					}
				}
			}
		}
	}
	for k, sp := range r.part.unavailable {
		if t := r.types[k]; t != nil {
			if r.part.authority[t.Pos.File] && !t.Synthesized {
				delete(r.part.unavailable, k)
				continue
			}
			r.omit(OmitType, t.Name, sp, t.Pos, "")
			delete(r.types, k)
		}
		if e := r.enums[k]; e != nil {
			if r.part.authority[e.Pos.File] {
				delete(r.part.unavailable, k)
				continue
			}
			delete(r.enums, k)
		}
	}
	r.order = without(r.order, r.types)
	r.eord = withoutEnums(r.eord, r.enums)
}

// linkKey is the pageKey of the page a link on page from points to, or ""
// for an external or empty link.
func linkKey(from, href string) string {
	if href == "" || strings.Contains(href, "://") || strings.HasPrefix(href, "#") {
		return ""
	}
	if !strings.HasPrefix(href, "/") {
		href = path.Join(path.Dir(from), href)
	}
	return pageKey(href)
}

// unavailableRef reports the skipped page that makes the type prop refers
// to unavailable, if any; the property is then kept as raw JSON.
func (r *resolver) unavailableRef(owner string, prop *Property) bool {
	k := key(prop.Type.Name)
	sp := r.part.unavailable[k]
	if sp == nil {
		sp = r.part.leftOut[k]
	}
	if sp == nil || prop.Type.IsPrimitive() {
		return false
	}
	r.omit(OmitType, prop.Type.Name, sp, prop.Pos, "")
	r.omit(OmitPropertyType, owner+"."+prop.Name, sp, prop.Pos, fmt.Sprintf("its type %s is documented by %s, which could not be read; kept as raw JSON", prop.Type.Name, sp.File), prop.Type.Name)
	if prop.Type.Raw == "" {
		prop.Type.Raw = prop.Type.Name
	}
	prop.Type.Name = "Edm.Untyped"
	return true
}

// leaveOut runs after inheritance: a type whose base chain holds an
// unavailable name is left out, and properties of the types left are kept
// as raw JSON where their type is gone.
func (r *resolver) leaveOut() {
	if len(r.part.skipped) == 0 {
		return
	}
	for _, k := range r.order {
		t := r.types[k]
		if sp := r.part.unavailable[k]; sp != nil {
			// Synthesized as a base by inheritance: it is not known.
			r.part.leftOut[k] = sp
			continue
		}
		seen := map[string]bool{k: true}
		for b := t.Base; b != "" && !seen[key(b)]; {
			seen[key(b)] = true
			if sp := r.part.unavailable[key(b)]; sp != nil {
				r.part.leftOut[k] = sp
				r.omit(OmitType, b, sp, t.Pos, "")
				r.omit(OmitType, t.Name, sp, t.Pos, fmt.Sprintf("its base type %s is documented by %s, which could not be read", b, sp.File))
				break
			}
			bt := r.types[key(b)]
			if bt == nil {
				break
			}
			b = bt.Base
		}
	}
	for k := range r.part.leftOut {
		delete(r.types, k)
	}
	r.order = without(r.order, r.types)
	for _, k := range r.order {
		t := r.types[k]
		for i := range t.Properties {
			r.unavailableRef(t.Name, &t.Properties[i])
		}
	}
}

// unavailableOp reports whether op depends on an unavailable or left-out
// type, recording why.
func (r *resolver) unavailableOp(op *Operation) bool {
	for _, ref := range []TypeRef{op.Body, op.Response} {
		k := key(ref.Name)
		sp := r.part.unavailable[k]
		if sp == nil {
			sp = r.part.leftOut[k]
		}
		if sp != nil {
			r.omit(OmitOperation, op.Name, sp, op.Pos, fmt.Sprintf("it uses type %s, which depends on %s, which could not be read", ref.Name, sp.File), op.Body.Name)
			return true
		}
	}
	return false
}

// unavailableName reports whether a qualified name is unavailable or left
// out.
func (r *resolver) unavailableName(name string) bool {
	return r.part.unavailable[key(name)] != nil || r.part.leftOut[key(name)] != nil
}

// omit records an omission once, with a warning at pos. An empty why says
// the name's own page could not be read. typ is the Omission's Type.
func (r *resolver) omit(kind OmissionKind, name string, sp *SkippedPage, pos Pos, why string, typ ...string) {
	id := string(kind) + " " + key(name)
	if kind == OmitOperation {
		id += " " + pos.String() // operations may share a name
	}
	if r.part.reported[id] {
		return
	}
	r.part.reported[id] = true
	if why == "" {
		why = fmt.Sprintf("its page %s could not be read (%s)", sp.File, sp.Reason.Message)
	}
	o := Omission{Kind: kind, Name: name, Page: sp.File, Reason: why, Pos: pos}
	if len(typ) > 0 {
		o.Type = typ[0]
	}
	r.part.omitted = append(r.part.omitted, o)
	what := map[OmissionKind]string{OmitType: "type %s left out: %s", OmitOperation: "operation %q left out: %s",
		OmitPropertyType: "property %s: %s"}[kind]
	r.diags.Warnf(pos, "left-out", what, name, why)
}

func without(order []string, keep map[string]*Type) []string {
	out := order[:0]
	for _, k := range order {
		if keep[k] != nil {
			out = append(out, k)
		}
	}
	return out
}

func withoutEnums(order []string, keep map[string]*Enum) []string {
	out := order[:0]
	for _, k := range order {
		if keep[k] != nil {
			out = append(out, k)
		}
	}
	return out
}

// finishPartial copies the record into the Spec, sorted.
func (r *resolver) finishPartial(s *Spec) {
	s.Skipped = r.part.skipped
	s.Omitted = r.part.omitted
	sort.SliceStable(s.Omitted, func(i, j int) bool {
		a, b := s.Omitted[i], s.Omitted[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return posLess(a.Pos, b.Pos)
	})
}

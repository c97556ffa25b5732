package ir

import (
	"slices"
	"sort"
	"strings"
)

// OpKind is what an operation does, which decides how the HTTP layer sends
// it and how the fake server answers it.
type OpKind string

// Operation kinds.
const (
	OpGet      OpKind = "get"      // GET one entity (or a singleton)
	OpList     OpKind = "list"     // GET a collection, paged
	OpCreate   OpKind = "create"   // POST a new entity to a collection
	OpUpdate   OpKind = "update"   // PATCH (or PUT) an entity
	OpDelete   OpKind = "delete"   // DELETE an entity
	OpAction   OpKind = "action"   // POST to a bound action, with parameters in a body
	OpFunction OpKind = "function" // GET a bound function, with parameters in the URL
)

// OpKinds are the operation kinds in the order docgen documents them.
var OpKinds = []OpKind{OpGet, OpList, OpCreate, OpUpdate, OpDelete, OpAction, OpFunction}

// HasBody reports whether an operation of kind k sends a request body when
// it documents one: a function's parameters go into its URL, and a GET or
// DELETE sends none.
func (k OpKind) HasBody() bool {
	return k == OpCreate || k == OpUpdate || k == OpAction
}

// classifyOperations gives every operation its Kind, where its page did
// not (the parser marks actions and functions), from its method and its
// response, and gives an action or function with no Subject the entity it
// is bound to: the subject of an operation documented at the path the
// action's path extends by one segment ("/mobileApps/{id}/assign" is bound
// to what "/mobileApps/{id}" gets), else the type a key parameter names
// ("{mobileAppId}" → mobileApp) when one of that name exists.
func classifyOperations(s *Spec) {
	for i := range s.Operations {
		o := &s.Operations[i]
		if o.Kind != "" {
			continue
		}
		switch o.Method {
		case "DELETE":
			o.Kind = OpDelete
		case "PATCH", "PUT":
			o.Kind = OpUpdate
		case "POST":
			o.Kind = OpCreate
		case "GET":
			if o.Response.Collection {
				o.Kind = OpList
			} else {
				o.Kind = OpGet
			}
		default:
			o.Kind = OpAction
		}
	}
	known := map[string]bool{}
	for _, t := range s.Types {
		known[t.Name] = true
	}
	for i := range s.Operations {
		o := &s.Operations[i]
		if o.Kind == OpAction || o.Kind == OpFunction || known[o.Subject] {
			continue
		}
		// The page's title names no type of the spec ("List
		// mobileApps" names the plural): the response or the body does.
		switch {
		case known[o.Response.Name]:
			o.Subject = o.Response.Name
		case known[o.Body.Name]:
			o.Subject = o.Body.Name
		}
	}
	subjects := map[string][]string{} // path shape → subjects documented there
	for _, o := range s.Operations {
		if o.Subject == "" || o.Kind == OpAction || o.Kind == OpFunction {
			continue
		}
		for _, p := range o.Paths {
			k := pathShape(p.Template)
			if !slices.Contains(subjects[k], o.Subject) {
				subjects[k] = append(subjects[k], o.Subject)
			}
		}
	}
	for k := range subjects {
		sort.Strings(subjects[k])
	}
	types := map[string]string{} // lower-cased short name → qualified, when unique
	for _, t := range s.Types {
		k := key(shortName(t.Name))
		if _, dup := types[k]; dup {
			types[k] = ""
			continue
		}
		types[k] = t.Name
	}
	for i := range s.Operations {
		o := &s.Operations[i]
		if o.Subject != "" || (o.Kind != OpAction && o.Kind != OpFunction) {
			continue
		}
		o.Subject = binding(o, subjects, types)
	}
}

// binding is the entity the action or function o is bound to, or "".
func binding(o *Operation, subjects map[string][]string, types map[string]string) string {
	for _, p := range o.Paths {
		parent, _, ok := cutLastSegment(p.Template)
		if !ok {
			continue
		}
		if ss := subjects[pathShape(parent)]; len(ss) > 0 {
			return ss[0]
		}
	}
	for _, p := range o.Paths {
		parent, _, _ := cutLastSegment(p.Template)
		_, seg, _ := cutLastSegment(parent)
		if len(seg) > 4 && seg[0] == '{' && strings.HasSuffix(strings.ToLower(seg), "id}") {
			if t := types[key(seg[1:len(seg)-3])]; t != "" {
				return t
			}
		}
	}
	return ""
}

// cutLastSegment splits a path template into everything before its last
// segment and that segment.
func cutLastSegment(template string) (parent, last string, ok bool) {
	t := strings.TrimSuffix(template, "/")
	i := strings.LastIndexByte(t, '/')
	if i <= 0 {
		return "", t, false
	}
	return t[:i], t[i+1:], true
}

// pathShape is template with every parameter written "{}" and no query,
// so that two pages naming the same path's keys differently agree.
func pathShape(template string) string {
	if i := strings.IndexByte(template, '?'); i >= 0 {
		template = template[:i]
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(template, '{')
		j := strings.IndexByte(template, '}')
		if i < 0 || j < i {
			b.WriteString(template)
			return strings.ToLower(strings.TrimSuffix(b.String(), "/"))
		}
		b.WriteString(template[:i+1])
		b.WriteByte('}')
		template = template[j+1:]
	}
}

// PageName is the one-page call of the list operation (or path) named op:
// op itself returns an iterator over every page.
func PageName(op string) string { return op + "Page" }

// ParamsName is the parameters type of the function named op.
func ParamsName(op string) string { return op + "Params" }

// BodyTypeName is the Go type of o's request body, or of its parameters
// for a function (which sends them in the URL).
func BodyTypeName(o *Operation) string {
	if o.Kind == OpFunction {
		return ParamsName(o.GoName)
	}
	return BodyName(o.GoName)
}

// opDerivedNames are the names the emitters derive from the name c of an
// operation of kind k: its body (or parameters) type, its fake-server
// handler and, for a list, its one-page call.
func opDerivedNames(k OpKind, c string) []string {
	out := []string{HandlerName(c)}
	if k == OpFunction {
		out = append(out, ParamsName(c))
	} else {
		out = append(out, BodyName(c))
	}
	if k == OpList {
		out = append(out, PageName(c))
	}
	return out
}

// pathDerivedNames derives, from the name of one documented path of an
// operation of kind k, the other names its methods take.
func pathDerivedNames(k OpKind) func(string) []string {
	if k != OpList {
		return nil
	}
	return func(c string) []string { return []string{PageName(c)} }
}

// KeepOperations returns a copy of s that keeps only the operations of the
// given kinds (types, enums and examples stay, shared with s).
func KeepOperations(s *Spec, kinds []OpKind) *Spec {
	out := *s
	out.Operations = nil
	for _, o := range s.Operations {
		if slices.Contains(kinds, o.Kind) {
			out.Operations = append(out.Operations, o)
		}
	}
	return &out
}

package ir

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// One request, one operation.
//
// A request line's query string ("GET /sites/{site-id}/lists/{list-id}?expand=columns")
// is not part of its path: the IR has no place for query options (callers
// add them to the request), so the query is dropped, with a warning. A
// path the operation then documents twice is kept once; a path the
// operation documents only with a query, beside paths documented without
// one ("GET /me?$expand=manager" on "List manager", beside "GET
// /me/manager"), is another request (the query makes /me answer with the
// manager inside the user), and is left out, with a warning.
//
// The same request documented on two pages (an action of a base type
// documented again on a derived type's page) is one operation: two
// operations with the same method, a path template in common and the same
// body and response are merged into the first, which takes the paths it
// lacks, and records the other in Also, with a warning naming both pages.
// Operations whose bodies or responses differ stay apart: their names come
// from their own titles (and, where those still collide, from the entity
// their path is bound to; see operationNames).

// OperationRef names a page that documents an operation: its title and
// where.
type OperationRef struct {
	Name string `json:"name"`
	Pos  Pos    `json:"pos"`
}

// dedupe drops query strings from the operations' paths and merges the
// operations that document the same request (see above). The operations
// stay sorted as spec sorts them.
func (r *resolver) dedupe(s *Spec) {
	for i := range s.Operations {
		r.dropQueries(&s.Operations[i])
	}
	s.Operations = r.mergeOperations(s.Operations)
	sort.SliceStable(s.Operations, func(i, j int) bool { return opKey(s.Operations[i]) < opKey(s.Operations[j]) })
}

// splitQuery splits a request path at its query string: the first '?'
// outside braces, parentheses and quotes. The path loses a trailing '/'
// before the query ("/users/{id}/?$expand=manager" is /users/{id}).
func splitQuery(template string) (path, query string) {
	depth, quote := 0, rune(0)
	for i, c := range template {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '{' || c == '(':
			depth++
		case c == '}' || c == ')':
			depth--
		case c == '?' && depth <= 0:
			path = template[:i]
			if len(path) > 1 {
				path = strings.TrimSuffix(path, "/")
			}
			return path, template[i+1:]
		}
	}
	return template, ""
}

// pathParamsIn are the parameters of params that template still names,
// in order: a query string's parameters go with it.
func pathParamsIn(template string, params []string) []string {
	var out []string
	rest := template
	for _, p := range params {
		k := strings.Index(rest, "{"+p+"}")
		if k < 0 {
			continue
		}
		out = append(out, p)
		rest = rest[k+len(p)+2:]
	}
	return out
}

// dropQueries takes the query strings off o's paths (see the top of this
// file).
func (r *resolver) dropQueries(o *Operation) {
	plain := false
	for _, p := range o.Paths {
		if _, q := splitQuery(p.Template); q == "" {
			plain = true
		}
	}
	seen := map[string]Pos{}
	out := o.Paths[:0:0]
	for _, p := range o.Paths {
		path, q := splitQuery(p.Template)
		if q == "" {
			if _, dup := seen[path]; !dup {
				seen[path] = p.Pos
				out = append(out, p)
			}
			continue
		}
		// Paths documented without a query come first whatever the
		// order of the lines, so that a query form is told from them.
		if first, dup := seenOrLater(seen, o.Paths, path); dup {
			r.diags.Warnf(p.Pos, "path-query", "request line %s %s: the query string ?%s is not part of the path; dropped, and the path is the one at %s", o.Method, p.Template, q, first)
			continue
		}
		if plain {
			r.diags.Warnf(p.Pos, "path-query", "request line %s %s: the query string ?%s is not part of the path, and %s alone is another request than this page's other paths; left out", o.Method, p.Template, q, path)
			continue
		}
		r.diags.Warnf(p.Pos, "path-query", "request line %s %s: the query string ?%s is not part of the path; dropped (a caller adds query options to the request)", o.Method, p.Template, q)
		seen[path] = p.Pos
		p.Params = pathParamsIn(path, p.Params)
		p.Template = path
		out = append(out, p)
	}
	o.Paths = out
}

// seenOrLater reports where path is already documented: among the paths
// kept so far, or as a later path of paths without a query.
func seenOrLater(seen map[string]Pos, paths []Path, path string) (Pos, bool) {
	if pos, ok := seen[path]; ok {
		return pos, true
	}
	for _, p := range paths {
		if p.Template == path {
			return p.Pos, true
		}
	}
	return Pos{}, false
}

// contract is what must be equal for two operations with a path in common
// to be one request: the method, the body and the response.
func contract(o *Operation) string {
	return fmt.Sprintf("%s %q %v %q %q %v %d", o.Method, o.Body.Name, o.Body.Collection, o.BodyProperties,
		o.Response.Name, o.Response.Collection, o.ResponseStatus)
}

// mergeOperations merges each operation into the first earlier one that
// documents the same request (see the top of this file).
func (r *resolver) mergeOperations(ops []Operation) []Operation {
	out := make([]Operation, 0, len(ops))
	// byPath maps a contract and a path template to the index in out of
	// the operation that documents it.
	byPath := map[string]int{}
	for _, o := range ops {
		c := contract(&o)
		into := -1
		for _, p := range o.Paths {
			if k, ok := byPath[c+" "+p.Template]; ok && (into < 0 || k < into) {
				into = k
			}
		}
		if into < 0 {
			for _, p := range o.Paths {
				byPath[c+" "+p.Template] = len(out)
			}
			out = append(out, o)
			continue
		}
		m := &out[into]
		r.diags.Warnf(o.Pos, "duplicate-operation", "%s %q documents the same request (%s %s) as %q at %s: one operation, with the paths of both",
			o.Method, o.Name, o.Method, o.Paths[0].Template, m.Name, m.Pos)
		for _, p := range o.Paths {
			if !slices.ContainsFunc(m.Paths, func(q Path) bool { return q.Template == p.Template }) {
				m.Paths = append(m.Paths, p)
				byPath[c+" "+p.Template] = into
			}
		}
		for _, h := range o.Headers {
			if !slices.ContainsFunc(m.Headers, func(g Header) bool { return strings.EqualFold(g.Name, h.Name) }) {
				m.Headers = append(m.Headers, h)
			}
		}
		m.Also = append(m.Also, OperationRef{Name: o.Name, Pos: o.Pos})
		m.Also = append(m.Also, o.Also...)
	}
	return out
}

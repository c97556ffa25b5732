package emit

import (
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/ir"
)

// clientFile writes client_gen.go of the HTTP layer: for every documented
// path of every operation, a Requests method that builds the request and a
// Client method of the same name that sends it (for a list, an iterator
// over every page, and <Op>Page for one). The logic lives in the HTTP
// runtime (emit/httpwire: newRequest, newGetRequest, sendFor, listAll,
// ...); each generated method only builds its URL and calls it, so the
// file stays small for packages with a thousand paths.
//
// Method bodies use only the identifiers the IR keeps free of parameter
// names (opLocals, see ParamReserved): c, r, ctx, body, args, opts, req,
// u, err.
func (g *gen) clientFile(s *goSource) {
	s.doc("defaultBaseURL is the service root of a Client or Requests with no BaseURL.")
	s.line("const defaultBaseURL = ", lit(g.serviceRoot()))
	s.line()
	for i := range g.spec.Operations {
		op := &g.spec.Operations[i]
		for _, p := range op.Paths {
			g.requestMethod(s, op, p)
			g.clientMethod(s, op, p)
		}
	}
}

// serviceRoot is the service root a Client or Requests uses when BaseURL
// is empty: the one of the API version the pages document.
func (g *gen) serviceRoot() string { return ir.ServiceRoot(g.spec.Version) }

// modelType is the HTTP layer's name of the models package's type name.
func (g *gen) modelType(s *goSource, name string) string { return s.qual(g.opts.ImportPath, name) }

// itemType is the Go type one value of r decodes into: a structured type
// decodes into its Any wrapper where it has one (as a property of that type
// would: see polyBase), so that the model the service's "@odata.type" names
// is the one decoded and an unknown one is kept raw, otherwise into its
// model; anything else (a primitive, an unknown type) is kept as raw JSON.
func (g *gen) itemType(s *goSource, r ir.TypeRef) string {
	one := ir.TypeRef{Name: r.Name}
	switch t := g.types[r.Name]; {
	case g.polyBase(one) != nil:
		return g.modelType(s, t.AnyGoName)
	case t != nil:
		return g.modelType(s, t.GoName)
	}
	if a := g.answerType(s, r); a != "" {
		return a
	}
	return s.qual("encoding/json", "RawMessage")
}

// answerType is the Go type, in the HTTP layer, of one primitive or enum
// value of r, or "" when r is neither or is kept raw (a stream, untyped
// JSON): the models package's type for it (its enum type, Double,
// DateTimeOffset, ...) or a predeclared one.
func (g *gen) answerType(s *goSource, r ir.TypeRef) string {
	if e, ok := g.enums[r.Name]; ok {
		return g.modelType(s, e.GoName)
	}
	if r.Name == "Edm.Stream" || r.Name == "Edm.Untyped" {
		return ""
	}
	return primitiveType(s, r.Name, func(n string) string { return g.modelType(s, n) })
}

// respType is the Go type the documented response of op decodes into, or
// "" when op documents none: a collection is a Page of its items (a list
// iterates them), one primitive or enum value a Value of it (the service
// answers {"value": v}), anything else its itemType. A get or function
// whose page names no type (a count, a report) is kept as raw JSON.
func (g *gen) respType(s *goSource, op *ir.Operation) string {
	r := op.Response
	switch {
	case !g.hasResponse(op):
		return ""
	case r.Name == "":
		return s.qual("encoding/json", "RawMessage")
	case r.Collection:
		return s.rt("Page") + "[" + g.itemType(s, r) + "]"
	}
	if a := g.answerType(s, r); a != "" {
		return s.rt("Value") + "[" + a + "]"
	}
	return g.itemType(s, r)
}

// hasResponse reports whether op has a response body for respType: a
// documented type, or raw JSON for a get or function that names none.
func (g *gen) hasResponse(op *ir.Operation) bool {
	r := op.Response
	return r.Name != "" || (op.Kind == ir.OpGet || op.Kind == ir.OpFunction) && op.ResponseStatus != 204
}

// bodyName is the models package's name of the type of op's request body
// or function parameters (the runtime's Reference for a reference), or ""
// when it has none.
func (g *gen) bodyName(op *ir.Operation) string {
	if op.Reference {
		return "Reference"
	}
	if g.types[op.Body.Name] == nil {
		return ""
	}
	return ir.BodyTypeName(op)
}

// lastParam is the parameter a method for op takes after its path
// parameters: the body, the function's arguments or the query options; ""
// for none.
func (g *gen) lastParam(s *goSource, op *ir.Operation) (name, typ string) {
	switch body := g.bodyName(op); {
	case op.Kind == ir.OpGet:
		return "opts", "*" + s.rt("GetOptions")
	case op.Kind == ir.OpList:
		return "opts", "*" + s.rt("ListOptions")
	case op.Kind == ir.OpFunction && body != "":
		return "args", "*" + g.modelType(s, body)
	case op.Kind.HasBody() && body != "":
		return "body", "*" + g.modelType(s, body)
	}
	return "", ""
}

// pathParams are the parameters of a method for path p: ctx, the path
// parameters, and lastParam.
func (g *gen) pathParams(s *goSource, op *ir.Operation, p ir.Path) string {
	params := []string{"ctx " + s.qual("context", "Context")}
	for _, pn := range p.ParamGoNames {
		params = append(params, pn+" string")
	}
	if n, t := g.lastParam(s, op); t != "" {
		params = append(params, n+" "+t)
	}
	return strings.Join(params, ", ")
}

// callArgs are the arguments passing pathParams on.
func (g *gen) callArgs(s *goSource, op *ir.Operation, p ir.Path) string {
	args := []string{"ctx"}
	args = append(args, p.ParamGoNames...)
	if n, t := g.lastParam(s, op); t != "" {
		args = append(args, n)
	}
	return strings.Join(args, ", ")
}

// clientMethod writes the Client method(s) for one documented path of op.
func (g *gen) clientMethod(s *goSource, op *ir.Operation, p ir.Path) {
	build := "\treq, err := c.requests()." + p.GoName + "(" + g.callArgs(s, op, p) + ")"
	head := "func (c *" + s.rt("Client") + ") "
	params := g.pathParams(s, op, p)
	what := p.GoName + " sends " + quoteForComment(op.Name) + " (" + op.Method + " " + p.Template + ")"

	if op.Kind == ir.OpList && op.Response.Collection {
		item := g.itemType(s, op.Response)
		s.doc(what + " and returns an iterator over every item of every page: it follows \"@odata.nextLink\", and yields the first error and stops. " + ir.PageName(p.GoName) + " returns one page. See Client.")
		s.line(head, p.GoName, "(", params, ") ", s.qual("iter", "Seq2"), "[*", item, ", error] {")
		s.line(build)
		s.line("\treturn ", s.rt("listAll"), "[", item, "](ctx, c, req, err)")
		s.line("}")
		s.line()
		page := s.rt("Page") + "[" + item + "]"
		s.doc(ir.PageName(p.GoName) + " sends " + quoteForComment(op.Name) + " (" + op.Method + " " + p.Template + ") and returns the first page; NextPage returns the next. See Client.")
		s.line(head, ir.PageName(p.GoName), "(", params, ") (*", page, ", error) {")
		s.line(build)
		s.line("\treturn ", s.rt("sendFor"), "[*", page, "](c, req, err)")
		s.line("}")
		s.line()
		return
	}
	rt := g.respType(s, op)
	if rt == "" {
		s.doc(what + "; the operation documents no response body. See Client.")
		s.line(head, p.GoName, "(", params, ") error {")
		s.line(build)
		s.line("\treturn ", s.rt("sendNoContent"), "(c, req, err)")
		s.line("}")
		s.line()
		return
	}
	s.doc(what + " and returns the decoded response (nil for 204 No Content). See Client.")
	s.line(head, p.GoName, "(", params, ") (*", rt, ", error) {")
	s.line(build)
	s.line("\treturn ", s.rt("sendFor"), "[*", rt, "](c, req, err)")
	s.line("}")
	s.line()
}

// pathExpr is the Go expression of p's path: literal segments and escaped
// parameters.
func pathExpr(s *goSource, p ir.Path) string {
	var parts []string
	rest := p.Template
	for i, prm := range p.Params {
		ph := "{" + prm + "}"
		k := strings.Index(rest, ph)
		if k < 0 {
			continue
		}
		if k > 0 {
			parts = append(parts, lit(rest[:k]))
		}
		parts = append(parts, s.qual("net/url", "PathEscape")+"("+p.ParamGoNames[i]+")")
		rest = rest[k+len(ph):]
	}
	if rest != "" || len(parts) == 0 {
		parts = append(parts, lit(rest))
	}
	return strings.Join(parts, "+")
}

// requestMethod writes the Requests method that builds the documented
// request for one path of op. Path parameters are escaped as single path
// segments.
func (g *gen) requestMethod(s *goSource, op *ir.Operation, p ir.Path) {
	s.doc(p.GoName + " builds the " + quoteForComment(op.Name) + " request: " + op.Method + " " + p.Template + ".")
	s.line("func (r ", s.rt("Requests"), ") ", p.GoName, "(", g.pathParams(s, op, p), ") (*", s.qual("net/http", "Request"), ", error) {")
	u := "r.url(" + pathExpr(s, p) + ")"
	switch name, last := g.lastParam(s, op); {
	case op.Kind == ir.OpGet:
		s.line("\treturn ", s.rt("newGetRequest"), "(ctx, ", u, ", opts)")
	case op.Kind == ir.OpList:
		s.line("\treturn ", s.rt("newListRequest"), "(ctx, ", u, ", opts, ", strconv.FormatBool(needsEventual(op)), ")")
	case name == "args":
		call := []string{u, "args"}
		for _, b := range g.bareParams(op) {
			call = append(call, lit(b))
		}
		s.line("\tu, err := ", s.rt("functionURL"), "(", strings.Join(call, ", "), ")")
		s.line("\tif err != nil {")
		s.line("\t\treturn nil, err")
		s.line("\t}")
		s.line("\treturn ", s.rt("newRequest"), "(ctx, ", lit(op.Method), ", u, nil)")
	case name == "body" && last != "":
		s.line("\treturn ", s.rt("newRequest"), "(ctx, ", lit(op.Method), ", ", u, ", body)")
	default:
		s.line("\treturn ", s.rt("newRequest"), "(ctx, ", lit(op.Method), ", ", u, ", nil)")
	}
	s.line("}")
	s.line()
}

// needsEventual reports whether op documents the header "ConsistencyLevel:
// eventual" (which directory queries need for $count and $search).
func needsEventual(op *ir.Operation) bool {
	for _, h := range op.Headers {
		if strings.EqualFold(h.Name, "ConsistencyLevel") {
			return true
		}
	}
	return false
}

// bareParams are the wire names of the function parameters OData writes
// without quotes in a URL: date-times, dates, times of day and GUIDs.
func (g *gen) bareParams(op *ir.Operation) []string {
	t := g.types[op.Body.Name]
	if t == nil {
		return nil
	}
	var out []string
	for _, p := range bodyProps(op, t) {
		switch p.Type.Name {
		case "Edm.DateTimeOffset", "Edm.Date", "Edm.TimeOfDay", "Edm.Guid":
			if !p.Type.Collection {
				out = append(out, p.Name)
			}
		}
	}
	return out
}

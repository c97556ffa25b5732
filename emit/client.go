package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/ir"
)

// clientFile emits client_gen.go of the HTTP layer: for every documented
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
func (g *gen) clientFile(f *jen.File) {
	f.Comment("defaultBaseURL is the service root of a Client or Requests with no BaseURL.")
	f.Const().Id("defaultBaseURL").Op("=").Lit(g.serviceRoot())
	f.Line()
	for i := range g.spec.Operations {
		op := &g.spec.Operations[i]
		for _, p := range op.Paths {
			g.requestMethod(f, op, p)
			g.clientMethod(f, op, p)
		}
	}
}

// serviceRoot is the service root a Client or Requests uses when BaseURL
// is empty: the one of the API version the pages document.
func (g *gen) serviceRoot() string { return ir.ServiceRoot(g.spec.Version) }

// itemType is the Go type one value of r decodes into: a structured type
// decodes into its Any wrapper where it has one (as a property of that type
// would: see polyBase), so that the model the service's "@odata.type" names
// is the one decoded and an unknown one is kept raw, otherwise into its
// model; anything else (a primitive, an unknown type) is kept as raw JSON.
func (g *gen) itemType(r ir.TypeRef) *jen.Statement {
	one := ir.TypeRef{Name: r.Name}
	switch t := g.types[r.Name]; {
	case g.polyBase(one) != nil:
		return g.modelRef(t.AnyGoName)
	case t != nil:
		return g.modelRef(t.GoName)
	}
	if a := g.answerType(r); a != nil {
		return a
	}
	return jen.Qual("encoding/json", "RawMessage")
}

// answerType is the Go type, in the HTTP layer, of one primitive or enum
// value of r, or nil when r is neither or is kept raw (a stream, untyped
// JSON): the models package's type for it (its enum type, Double,
// DateTimeOffset, ...) or a predeclared one.
func (g *gen) answerType(r ir.TypeRef) *jen.Statement {
	if e, ok := g.enums[r.Name]; ok {
		return g.modelRef(e.GoName)
	}
	if r.Name == "Edm.Stream" || r.Name == "Edm.Untyped" {
		return nil
	}
	t, _ := primitiveType(r.Name, g.modelRef)
	return t
}

// respType is the Go type the documented response of op decodes into, or
// nil when op documents none: a collection is a Page of its items (a list
// iterates them), one primitive or enum value a Value of it (the service
// answers {"value": v}), anything else its itemType. A get or function whose page
// names no type (a count, a report) is kept as raw JSON.
func (g *gen) respType(op *ir.Operation) *jen.Statement {
	r := op.Response
	switch {
	case r.Name == "" && (op.Kind == ir.OpGet || op.Kind == ir.OpFunction) && op.ResponseStatus != 204:
		return jen.Qual("encoding/json", "RawMessage")
	case r.Name == "":
		return nil
	case r.Collection:
		return jen.Id("Page").Types(g.itemType(r))
	}
	if a := g.answerType(r); a != nil {
		return jen.Id("Value").Types(a)
	}
	return g.itemType(r)
}

// bodyType is the Go type of op's request body or function parameters (the
// runtime's Reference for a reference), or nil when it has none.
func (g *gen) bodyType(op *ir.Operation) *jen.Statement {
	if op.Reference {
		return g.modelRef("Reference")
	}
	if g.types[op.Body.Name] == nil {
		return nil
	}
	return g.modelRef(ir.BodyTypeName(op))
}

// lastParam is the parameter a method for op takes after its path
// parameters: the body, the function's arguments or the query options; nil
// for none.
func (g *gen) lastParam(op *ir.Operation) (name string, typ *jen.Statement) {
	switch {
	case op.Kind == ir.OpGet:
		return "opts", jen.Op("*").Id("GetOptions")
	case op.Kind == ir.OpList:
		return "opts", jen.Op("*").Id("ListOptions")
	case op.Kind == ir.OpFunction && g.bodyType(op) != nil:
		return "args", jen.Op("*").Add(g.bodyType(op))
	case op.Kind.HasBody() && g.bodyType(op) != nil:
		return "body", jen.Op("*").Add(g.bodyType(op))
	}
	return "", nil
}

// pathParams are the parameters of a method for path p: ctx, the path
// parameters, and lastParam.
func (g *gen) pathParams(op *ir.Operation, p ir.Path) []jen.Code {
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, pn := range p.ParamGoNames {
		params = append(params, jen.Id(pn).String())
	}
	if n, t := g.lastParam(op); t != nil {
		params = append(params, jen.Id(n).Add(t))
	}
	return params
}

// callArgs are the arguments passing pathParams on.
func (g *gen) callArgs(op *ir.Operation, p ir.Path) []jen.Code {
	args := []jen.Code{jen.Id("ctx")}
	for _, pn := range p.ParamGoNames {
		args = append(args, jen.Id(pn))
	}
	if n, t := g.lastParam(op); t != nil {
		args = append(args, jen.Id(n))
	}
	return args
}

// clientMethod emits the Client method(s) for one documented path of op.
func (g *gen) clientMethod(f *jen.File, op *ir.Operation, p ir.Path) {
	build := jen.List(jen.Id("req"), jen.Err()).Op(":=").Id("c").Dot("requests").Call().Dot(p.GoName).Call(g.callArgs(op, p)...)
	recv := jen.Id("c").Op("*").Id("Client")
	what := p.GoName + " sends " + quoteForComment(op.Name) + " (" + op.Method + " " + p.Template + ")"

	if op.Kind == ir.OpList && op.Response.Collection {
		item := g.itemType(op.Response)
		f.Add(comment(what + " and returns an iterator over every item of every page: it follows \"@odata.nextLink\", and yields the first error and stops. " + ir.PageName(p.GoName) + " returns one page. See Client."))
		f.Func().Params(recv.Clone()).Id(p.GoName).Params(g.pathParams(op, p)...).Qual("iter", "Seq2").Types(jen.Op("*").Add(item.Clone()), jen.Error()).Block(
			build.Clone(),
			jen.Return(jen.Id("listAll").Types(item.Clone()).Call(jen.Id("ctx"), jen.Id("c"), jen.Id("req"), jen.Err())),
		)
		f.Line()
		page := jen.Id("Page").Types(item.Clone())
		f.Add(comment(ir.PageName(p.GoName) + " sends " + quoteForComment(op.Name) + " (" + op.Method + " " + p.Template + ") and returns the first page; NextPage returns the next. See Client."))
		f.Func().Params(recv.Clone()).Id(ir.PageName(p.GoName)).Params(g.pathParams(op, p)...).Params(jen.Op("*").Add(page.Clone()), jen.Error()).Block(
			build.Clone(),
			jen.Return(jen.Id("sendFor").Types(jen.Op("*").Add(page.Clone())).Call(jen.Id("c"), jen.Id("req"), jen.Err())),
		)
		f.Line()
		return
	}
	rt := g.respType(op)
	if rt == nil {
		f.Add(comment(what + "; the operation documents no response body. See Client."))
		f.Func().Params(recv).Id(p.GoName).Params(g.pathParams(op, p)...).Error().Block(
			build,
			jen.Return(jen.Id("sendNoContent").Call(jen.Id("c"), jen.Id("req"), jen.Err())),
		)
		f.Line()
		return
	}
	f.Add(comment(what + " and returns the decoded response (nil for 204 No Content). See Client."))
	f.Func().Params(recv).Id(p.GoName).Params(g.pathParams(op, p)...).Params(jen.Op("*").Add(rt), jen.Error()).Block(
		build,
		jen.Return(jen.Id("sendFor").Types(jen.Op("*").Add(rt.Clone())).Call(jen.Id("c"), jen.Id("req"), jen.Err())),
	)
	f.Line()
}

// pathExpr is the Go expression of p's path: literal segments and escaped
// parameters.
func pathExpr(p ir.Path) *jen.Statement {
	var path *jen.Statement
	add := func(c jen.Code) {
		if path == nil {
			path = jen.Add(c)
		} else {
			path = path.Op("+").Add(c)
		}
	}
	rest := p.Template
	for i, prm := range p.Params {
		ph := "{" + prm + "}"
		k := strings.Index(rest, ph)
		if k < 0 {
			continue
		}
		if k > 0 {
			add(jen.Lit(rest[:k]))
		}
		add(jen.Qual("net/url", "PathEscape").Call(jen.Id(p.ParamGoNames[i])))
		rest = rest[k+len(ph):]
	}
	if rest != "" || path == nil {
		add(jen.Lit(rest))
	}
	return path
}

// requestMethod emits the Requests method that builds the documented
// request for one path of op. Path parameters are escaped as single path
// segments.
func (g *gen) requestMethod(f *jen.File, op *ir.Operation, p ir.Path) {
	u := jen.Id("r").Dot("url").Call(pathExpr(p))
	var body []jen.Code
	switch name, last := g.lastParam(op); {
	case op.Kind == ir.OpGet:
		body = []jen.Code{jen.Return(jen.Id("newGetRequest").Call(jen.Id("ctx"), u, jen.Id("opts")))}
	case op.Kind == ir.OpList:
		body = []jen.Code{jen.Return(jen.Id("newListRequest").Call(jen.Id("ctx"), u, jen.Id("opts"), jen.Lit(needsEventual(op))))}
	case name == "args":
		call := []jen.Code{u, jen.Id("args")}
		for _, b := range g.bareParams(op) {
			call = append(call, jen.Lit(b))
		}
		body = []jen.Code{
			jen.List(jen.Id("u"), jen.Err()).Op(":=").Id("functionURL").Call(call...),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Return(jen.Id("newRequest").Call(jen.Id("ctx"), jen.Lit(op.Method), jen.Id("u"), jen.Nil())),
		}
	case name == "body" && last != nil:
		body = []jen.Code{jen.Return(jen.Id("newRequest").Call(jen.Id("ctx"), jen.Lit(op.Method), u, jen.Id("body")))}
	default:
		body = []jen.Code{jen.Return(jen.Id("newRequest").Call(jen.Id("ctx"), jen.Lit(op.Method), u, jen.Nil()))}
	}
	f.Add(comment(p.GoName + " builds the " + quoteForComment(op.Name) + " request: " + op.Method + " " + p.Template + "."))
	f.Func().Params(jen.Id("r").Id("Requests")).Id(p.GoName).Params(g.pathParams(op, p)...).Params(jen.Op("*").Qual("net/http", "Request"), jen.Error()).Block(body...)
	f.Line()
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

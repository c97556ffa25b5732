package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/ir"
)

// clientFile emits client_gen.go of the HTTP layer: for every documented
// path of every operation with a body, a Requests method that builds the
// request and a Client method of the same name that sends it. The logic
// lives in the HTTP runtime (emit/httpwire: newRequest, sendFor, ...); each
// generated method only builds its URL and calls it, so the file stays
// small for packages with a thousand paths.
//
// Method bodies use only the identifiers the IR keeps free of parameter
// names (opLocals, see ParamReserved): c, r, ctx, body, req, err.
func (g *gen) clientFile(f *jen.File) {
	f.Comment("defaultBaseURL is the service root of a Client or Requests with no BaseURL.")
	f.Const().Id("defaultBaseURL").Op("=").Lit(g.serviceRoot())
	f.Line()
	for i := range g.spec.Operations {
		op := &g.spec.Operations[i]
		if g.types[op.Body.Name] == nil {
			continue
		}
		for _, p := range op.Paths {
			g.requestMethod(f, op, p)
			g.clientMethod(f, op, p)
		}
	}
}

// serviceRoot is the service root a Client or Requests uses when BaseURL
// is empty: the one of the API version the pages document.
func (g *gen) serviceRoot() string { return ir.ServiceRoot(g.spec.Version) }

// respType is the Go type the documented response of op decodes into, or nil
// when op documents none. A structured type decodes into its Any wrapper
// where it has one (as a property of that type would: see polyBase), so that
// the model the service's "@odata.type" names is the one decoded and an
// unknown one is kept raw, otherwise into its model; anything else (a
// collection, a primitive, an unknown type) is kept as raw JSON.
func (g *gen) respType(op *ir.Operation) *jen.Statement {
	r := op.Response
	switch t := g.types[r.Name]; {
	case r.Name == "":
		return nil
	case !r.Collection && g.polyBase(r) != nil:
		return g.modelRef(t.AnyGoName)
	case t != nil && !r.Collection:
		return g.modelRef(t.GoName)
	}
	return jen.Qual("encoding/json", "RawMessage")
}

// pathParams are the parameters of a method for path p: ctx, the path
// parameters, and the request body of op.
func (g *gen) pathParams(op *ir.Operation, p ir.Path) []jen.Code {
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, pn := range p.ParamGoNames {
		params = append(params, jen.Id(pn).String())
	}
	return append(params, jen.Id("body").Op("*").Add(g.modelRef(ir.BodyName(op.GoName))))
}

// clientMethod emits the Client method for one documented path of op.
func (g *gen) clientMethod(f *jen.File, op *ir.Operation, p ir.Path) {
	args := []jen.Code{jen.Id("ctx")}
	for _, pn := range p.ParamGoNames {
		args = append(args, jen.Id(pn))
	}
	args = append(args, jen.Id("body"))
	build := jen.List(jen.Id("req"), jen.Err()).Op(":=").Id("c").Dot("requests").Call().Dot(p.GoName).Call(args...)
	recv := jen.Id("c").Op("*").Id("Client")
	what := p.GoName + " sends " + quoteForComment(op.Name) + " (" + op.Method + " " + p.Template + ")"

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

// requestMethod emits the Requests method that builds the documented
// request for one path of op. Path parameters are escaped as single path
// segments.
func (g *gen) requestMethod(f *jen.File, op *ir.Operation, p ir.Path) {
	// Build the path from literal segments and escaped parameters.
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
	f.Add(comment(p.GoName + " builds the " + quoteForComment(op.Name) + " request: " + op.Method + " " + p.Template + "."))
	f.Func().Params(jen.Id("r").Id("Requests")).Id(p.GoName).Params(g.pathParams(op, p)...).Params(jen.Op("*").Qual("net/http", "Request"), jen.Error()).Block(
		jen.Return(jen.Id("newRequest").Call(jen.Id("ctx"), jen.Lit(op.Method), jen.Id("r").Dot("url").Call(path), jen.Id("body"))),
	)
	f.Line()
}

package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/internal/english"
	"github.com/docgen-dev/docgen/ir"
)

// serverFile emits server_gen.go: for every operation with a body, a
// Handle<Op> function returning an http.Handler that fakes the operation in
// tests. Each is one call into the HTTP runtime (handle, handleNoContent):
// all of them share one handler type, opHandler, so that its ServeHTTP is
// compiled once, not once per operation (which cost ~30% of the build of a
// package with 500 operations).
func (g *gen) serverFile(f *jen.File) {
	for i := range g.spec.Operations {
		op := &g.spec.Operations[i]
		if g.types[op.Body.Name] == nil || len(op.Paths) == 0 {
			continue
		}
		g.handleFunc(f, op)
	}
}

// handleFunc emits Handle<Op>, which serves every documented path of op.
func (g *gen) handleFunc(f *jen.File, op *ir.Operation) {
	name := ir.HandlerName(op.GoName)
	var templates []jen.Code
	for _, p := range op.Paths {
		templates = append(templates, jen.Lit(p.Template))
	}
	status := op.ResponseStatus
	if status < 200 || status > 299 || status == 204 {
		status = 200
	}
	fnParams := []jen.Code{jen.Id("ctx").Qual("context", "Context"), jen.Id("route").Id("Route"), jen.Id("body").Op("*").Add(g.modelRef(ir.BodyName(op.GoName)))}
	where := op.Method + " " + op.Paths[0].Template
	if n := len(op.Paths) - 1; n > 0 {
		where += " and " + english.Count(n, "more documented path")
	}
	paths := jen.Index().String().Values(templates...)
	rt := g.respType(op)
	if rt == nil {
		f.Add(comment(name + " fakes " + quoteForComment(op.Name) + " (" + where + ") for tests: it answers 204 No Content when fn returns nil. See Route."))
		f.Func().Id(name).Params(jen.Id("fn").Func().Params(fnParams...).Error()).Qual("net/http", "Handler").Block(
			jen.Return(jen.Id("handleNoContent").Call(jen.Lit(op.Method), paths, jen.Id("fn"))))
		f.Line()
		return
	}
	f.Add(comment(name + " fakes " + quoteForComment(op.Name) + " (" + where + ") for tests: it answers with what fn returns. See Route."))
	f.Func().Id(name).Params(jen.Id("fn").Func().Params(fnParams...).Params(jen.Op("*").Add(rt), jen.Error())).Qual("net/http", "Handler").Block(
		jen.Return(jen.Id("handle").Call(jen.Lit(op.Method), jen.Lit(status), paths, jen.Id("fn"))))
	f.Line()
}

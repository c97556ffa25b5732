package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/internal/english"
	"github.com/docgen-dev/docgen/ir"
)

// serverFile emits server_gen.go: NewFake, a stateful fake Graph serving
// every operation of the package, and for every operation a Handle<Op>
// function returning an http.Handler that fakes just that operation with a
// test's function. Each is one call into the HTTP runtime (newFake,
// handle, handleNoBody, ...): all handlers share one handler type,
// opHandler, so that its ServeHTTP is compiled once, not once per
// operation (which cost ~30% of the build of a package with 500
// operations).
func (g *gen) serverFile(f *jen.File) {
	g.fakeFunc(f)
	for i := range g.spec.Operations {
		op := &g.spec.Operations[i]
		if len(op.Paths) == 0 {
			continue
		}
		g.handleFunc(f, op)
	}
}

// fakeFunc emits NewFake.
func (g *gen) fakeFunc(f *jen.File) {
	var ops []jen.Code
	for i := range g.spec.Operations {
		op := &g.spec.Operations[i]
		if len(op.Paths) == 0 {
			continue
		}
		var templates []jen.Code
		for _, p := range op.Paths {
			templates = append(templates, jen.Lit(p.Template))
		}
		kind := string(op.Kind)
		if op.Reference {
			// The Fake keeps no relationships: it checks the reference
			// and answers as it does an action.
			kind = string(ir.OpAction)
		}
		fields := jen.Dict{
			jen.Id("kind"):      jen.Lit(kind),
			jen.Id("method"):    jen.Lit(op.Method),
			jen.Id("templates"): jen.Index().String().Values(templates...),
		}
		if bt := g.bodyType(op); bt != nil && op.Kind.HasBody() {
			fields[jen.Id("body")] = jen.Func().Params().Id("checkedBody").Block(jen.Return(jen.New(bt)))
		}
		if g.respType(op) != nil {
			fields[jen.Id("answers")] = jen.True()
		}
		ops = append(ops, jen.Values(fields))
	}
	f.Add(comment("NewFake returns a Fake, empty, that serves every documented operation of this package: for tests, behind httptest.NewServer with a Client whose BaseURL is the server's URL. See Fake."))
	f.Func().Id("NewFake").Params().Op("*").Id("Fake").Block(
		jen.Return(jen.Id("newFake").Call(jen.Index().Id("fakeOp").Values(ops...))),
	)
	f.Line()
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
	fnParams := []jen.Code{jen.Id("ctx").Qual("context", "Context"), jen.Id("route").Id("Route")}
	withBody := op.Kind.HasBody() && g.bodyType(op) != nil
	if withBody {
		fnParams = append(fnParams, jen.Id("body").Op("*").Add(g.bodyType(op)))
	}
	where := op.Method + " " + op.Paths[0].Template
	if n := len(op.Paths) - 1; n > 0 {
		where += " and " + english.Count(n, "more documented path")
	}
	paths := jen.Index().String().Values(templates...)
	rt := g.respType(op)
	if op.Kind == ir.OpList && rt == nil {
		rt = jen.Id("Page").Types(jen.Qual("encoding/json", "RawMessage"))
	}
	what := name + " fakes " + quoteForComment(op.Name) + " (" + where + ") for tests"
	if rt == nil {
		f.Add(comment(what + ": it answers 204 No Content when fn returns nil. See Route."))
		if withBody {
			f.Func().Id(name).Params(jen.Id("fn").Func().Params(fnParams...).Error()).Qual("net/http", "Handler").Block(
				jen.Return(jen.Id("handleNoContent").Call(jen.Lit(op.Method), paths, jen.Id("fn"))))
		} else {
			f.Func().Id(name).Params(jen.Id("fn").Func().Params(fnParams...).Error()).Qual("net/http", "Handler").Block(
				jen.Return(jen.Id("handleNoBodyNoContent").Call(jen.Lit(op.Method), paths, jen.Id("fn"))))
		}
		f.Line()
		return
	}
	f.Add(comment(what + ": it answers with what fn returns. See Route."))
	constructor := "handleNoBody"
	if withBody {
		constructor = "handle"
	}
	f.Func().Id(name).Params(jen.Id("fn").Func().Params(fnParams...).Params(jen.Op("*").Add(rt), jen.Error())).Qual("net/http", "Handler").Block(
		jen.Return(jen.Id(constructor).Call(jen.Lit(op.Method), jen.Lit(status), paths, jen.Id("fn"))))
	f.Line()
}

package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/internal/english"
	"github.com/docgen-dev/docgen/ir"
)

// serverFile emits server_gen.go: for every operation with a body, a
// Handle<Op> function returning an http.Handler that fakes the operation in
// tests. All of them share one unexported handler type, opHandler, so that
// its ServeHTTP is compiled once, not once per operation (which cost ~30% of
// the build of a package with 500 operations).
func (g *gen) serverFile(f *jen.File) {
	serverDecls(f)
	for i := range g.spec.Operations {
		op := &g.spec.Operations[i]
		if g.types[op.Body.Name] == nil || len(op.Paths) == 0 {
			continue
		}
		g.handleFunc(f, op)
	}
}

func serverDecls(f *jen.File) {
	f.Comment("Route is the documented path a request to a fake-server handler matched.")
	f.Comment("")
	f.Comment("The Handle functions return an http.Handler that fakes one operation in")
	f.Comment("tests, for example behind httptest.NewServer with a Client whose BaseURL")
	f.Comment("is the server's URL (mount it elsewhere with http.StripPrefix). The handler")
	f.Comment("answers a request with another method with 405, a path that matches none")
	f.Comment("of the operation's documented paths with 404, and a body that is not JSON")
	f.Comment("or breaks a documented rule (see the body type's Validate) with 400 and a")
	f.Comment("Graph error body naming the problems. Otherwise it calls fn with the")
	f.Comment("route and the decoded body and writes fn's answer: the value as JSON with")
	f.Comment("the documented status (200), 204 No Content when it is nil, or the status")
	f.Comment("and body of a *GraphError fn returns (any other error is a 500).")
	f.Comment("")
	f.Comment("Path parameters are whole path segments, as in every documented path.")
	f.Type().Id("Route").Struct(
		jen.Comment("Template is the documented path template, such as"),
		jen.Comment("\"/deviceManagement/things/{thingId}\"."),
		jen.Id("Template").String(),
		jen.Comment("Values are the path parameter values, unescaped, in template order."),
		jen.Id("Values").Index().String(),
	)
	f.Line()
	t := func() *jen.Statement { return jen.Id("t") }
	f.Comment("Param returns the value of the parameter the template names {name}, or \"\".")
	f.Func().Params(jen.Id("r").Id("Route")).Id("Param").Params(jen.Id("name").String()).String().Block(
		t().Op(":=").Id("r").Dot("Template"),
		jen.For(jen.Id("i").Op(":=").Range().Id("r").Dot("Values")).Block(
			jen.List(jen.Id("j"), jen.Id("k")).Op(":=").List(jen.Qual("strings", "IndexByte").Call(t(), jen.LitRune('{')), jen.Qual("strings", "IndexByte").Call(t(), jen.LitRune('}'))),
			jen.If(jen.Id("j").Op("<").Lit(0).Op("||").Id("k").Op("<").Id("j")).Block(jen.Break()),
			jen.If(t().Index(jen.Id("j").Op("+").Lit(1), jen.Id("k")).Op("==").Id("name")).Block(jen.Return(jen.Id("r").Dot("Values").Index(jen.Id("i")))),
			t().Op("=").Add(t()).Index(jen.Id("k").Op("+").Lit(1), jen.Empty()),
		),
		jen.Return(jen.Lit("")),
	)
	f.Line()

	path := func() *jen.Statement { return jen.Id("path") }
	f.Comment("matchPath matches path, escaped as URL.EscapedPath returns it, against a")
	f.Comment("documented template and returns the parameter values, unescaped.")
	f.Func().Id("matchPath").Params(jen.Id("template"), jen.Id("path").String()).Params(jen.Index().String(), jen.Bool()).Block(
		jen.Var().Id("values").Index().String(),
		jen.For().Block(
			jen.Id("i").Op(":=").Qual("strings", "IndexByte").Call(jen.Id("template"), jen.LitRune('{')),
			jen.If(jen.Id("i").Op("<").Lit(0)).Block(jen.Return(jen.Id("values"), path().Op("==").Id("template"))),
			jen.Id("j").Op(":=").Qual("strings", "IndexByte").Call(jen.Id("template").Index(jen.Id("i"), jen.Empty()), jen.LitRune('}')),
			jen.If(jen.Id("j").Op("<").Lit(0).Op("||").Op("!").Qual("strings", "HasPrefix").Call(path(), jen.Id("template").Index(jen.Empty(), jen.Id("i")))).Block(jen.Return(jen.Nil(), jen.False())),
			jen.List(path(), jen.Id("template")).Op("=").List(path().Index(jen.Id("i"), jen.Empty()), jen.Id("template").Index(jen.Id("i").Op("+").Id("j").Op("+").Lit(1), jen.Empty())),
			jen.Id("n").Op(":=").Qual("strings", "IndexByte").Call(path(), jen.LitRune('/')),
			jen.If(jen.Id("n").Op("<").Lit(0)).Block(jen.Id("n").Op("=").Len(path())),
			jen.List(jen.Id("v"), jen.Err()).Op(":=").Qual("net/url", "PathUnescape").Call(path().Index(jen.Empty(), jen.Id("n"))),
			jen.If(jen.Id("n").Op("==").Lit(0).Op("||").Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.False())),
			jen.List(jen.Id("values"), path()).Op("=").List(jen.Append(jen.Id("values"), jen.Id("v")), path().Index(jen.Id("n"), jen.Empty())),
		),
	)
	f.Line()

	e := func() *jen.Statement { return jen.Id("e") }
	f.Comment("writeGraphError writes e as the service would: its status (500 when")
	f.Comment("unset), Retry-After, and its Body or else a Graph error body of its fields.")
	f.Func().Id("writeGraphError").Params(jen.Id("w").Add(httpQ("ResponseWriter")), jen.Id("e").Op("*").Id("GraphError")).Block(
		jen.Id("data").Op(":=").Add(e()).Dot("Body"),
		jen.If(jen.Id("data").Op("==").Nil()).Block(
			jen.Var().Id("v").Id("graphErrorJSON"),
			jen.List(jen.Id("v").Dot("Error").Dot("Code"), jen.Id("v").Dot("Error").Dot("Message")).Op("=").List(e().Dot("Code"), e().Dot("Message")),
			jen.Id("in").Op(":=").Op("&").Id("v").Dot("Error").Dot("InnerError"),
			jen.List(jen.Id("in").Dot("RequestID"), jen.Id("in").Dot("ClientRequestID"), jen.Id("in").Dot("Date")).Op("=").List(e().Dot("RequestID"), e().Dot("ClientRequestID"), e().Dot("Date")),
			jen.List(jen.Id("data"), jen.Id("_")).Op("=").Qual("encoding/json", "Marshal").Call(jen.Op("&").Id("v")),
		),
		jen.If(e().Dot("RetryAfter").Op(">").Lit(0)).Block(
			jen.Id("s").Op(":=").Parens(e().Dot("RetryAfter").Op("+").Qual("time", "Second").Op("-").Lit(1)).Op("/").Qual("time", "Second"),
			jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Retry-After"), jen.Qual("strconv", "FormatInt").Call(jen.Int64().Call(jen.Id("s")), jen.Lit(10))),
		),
		jen.Id("status").Op(":=").Add(e()).Dot("StatusCode"),
		jen.If(jen.Id("status").Op("==").Lit(0)).Block(jen.Id("status").Op("=").Add(httpQ("StatusInternalServerError"))),
		jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("status")),
		jen.Id("w").Dot("Write").Call(jen.Id("data")),
	)
	f.Line()

	werr := func(status, code string, msg jen.Code) jen.Code {
		return jen.Id("writeGraphError").Call(jen.Id("w"), jen.Op("&").Id("GraphError").Values(jen.Dict{
			jen.Id("StatusCode"): httpQ(status),
			jen.Id("Code"):       jen.Lit(code),
			jen.Id("Message"):    msg,
		}))
	}
	r := func() *jen.Statement { return jen.Id("r") }
	f.Comment("opHandler is the handler behind every Handle function; see Route. It is")
	f.Comment("one type, not a generic one, so that ServeHTTP is compiled once for all")
	f.Comment("operations; serve, a closure in each Handle function, decodes the body")
	f.Comment("(see decodeBody) and calls fn. A nil answer is told by its JSON")
	f.Comment("encoding, null.")
	f.Type().Id("opHandler").Struct(
		jen.Id("method").String(),
		jen.Id("status").Int(),
		jen.Id("templates").Index().String(),
		jen.Id("serve").Func().Params(jen.Qual("context", "Context"), jen.Id("Route"), jen.Index().Byte()).Params(jen.Any(), jen.Error()),
	)
	f.Line()
	badRequest := func(msg jen.Code) jen.Code {
		return jen.Return(jen.Op("&").Id("GraphError").Values(jen.Dict{
			jen.Id("StatusCode"): httpQ("StatusBadRequest"),
			jen.Id("Code"):       jen.Lit("BadRequest"),
			jen.Id("Message"):    msg,
		}))
	}
	f.Comment("decodeBody decodes data into body and checks its documented rules; a")
	f.Comment("problem is a *GraphError with status 400.")
	f.Func().Id("decodeBody").Params(jen.Id("data").Index().Byte(), jen.Id("body").Interface(jen.Id("Validate").Params().Error())).Error().Block(
		jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Id("body")), jen.Err().Op("!=").Nil()).Block(
			badRequest(jen.Lit("invalid request body: ").Op("+").Err().Dot("Error").Call()),
		),
		jen.If(jen.Err().Op(":=").Id("body").Dot("Validate").Call(), jen.Err().Op("!=").Nil()).Block(
			badRequest(jen.Err().Dot("Error").Call()),
		),
		jen.Return(jen.Nil()),
	)
	f.Line()
	f.Func().Params(jen.Id("h").Op("*").Id("opHandler")).Id("ServeHTTP").Params(jen.Id("w").Add(httpQ("ResponseWriter")), jen.Id("r").Op("*").Add(httpQ("Request"))).Block(
		jen.If(r().Dot("Method").Op("!=").Id("h").Dot("method")).Block(
			jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Allow"), jen.Id("h").Dot("method")),
			werr("StatusMethodNotAllowed", "MethodNotAllowed", jen.Lit("method ").Op("+").Add(r()).Dot("Method").Op("+").Lit(" is not allowed; use ").Op("+").Id("h").Dot("method")),
			jen.Return(),
		),
		jen.Var().Id("route").Id("Route"),
		jen.For(jen.List(jen.Id("_"), jen.Id("t")).Op(":=").Range().Id("h").Dot("templates")).Block(
			jen.If(jen.List(jen.Id("v"), jen.Id("ok")).Op(":=").Id("matchPath").Call(jen.Id("t"), r().Dot("URL").Dot("EscapedPath").Call()), jen.Id("ok")).Block(
				jen.Id("route").Op("=").Id("Route").Values(jen.Id("t"), jen.Id("v")),
				jen.Break(),
			),
		),
		jen.If(jen.Id("route").Dot("Template").Op("==").Lit("")).Block(
			werr("StatusNotFound", "NotFound", jen.Lit("no documented path matches ").Op("+").Add(r()).Dot("URL").Dot("EscapedPath").Call()),
			jen.Return(),
		),
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual("io", "ReadAll").Call(r().Dot("Body")),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			werr("StatusBadRequest", "BadRequest", jen.Lit("invalid request body: ").Op("+").Err().Dot("Error").Call()),
			jen.Return(),
		),
		jen.List(jen.Id("resp"), jen.Err()).Op(":=").Id("h").Dot("serve").Call(r().Dot("Context").Call(), jen.Id("route"), jen.Id("data")),
		jen.Var().Id("ge").Op("*").Id("GraphError"),
		jen.If(jen.Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("ge"))).Block(
			jen.Id("writeGraphError").Call(jen.Id("w"), jen.Id("ge")),
			jen.Return(),
		),
		jen.If(jen.Err().Op("==").Nil()).Block(
			jen.List(jen.Id("data"), jen.Err()).Op("=").Qual("encoding/json", "Marshal").Call(jen.Id("resp")),
		),
		jen.Switch().Block(
			jen.Case(jen.Err().Op("!=").Nil()).Block(werr("StatusInternalServerError", "InternalServerError", jen.Err().Dot("Error").Call())),
			jen.Case(jen.String().Call(jen.Id("data")).Op("==").Lit("null")).Block(jen.Comment("a nil answer"), jen.Id("w").Dot("WriteHeader").Call(httpQ("StatusNoContent"))),
			jen.Default().Block(
				jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
				jen.Id("w").Dot("WriteHeader").Call(jen.Id("h").Dot("status")),
				jen.Id("w").Dot("Write").Call(jen.Id("data")),
			),
		),
	)
	f.Line()
}

// handleFunc emits Handle<Op>, which serves every documented path of op.
func (g *gen) handleFunc(f *jen.File, op *ir.Operation) {
	name := ir.HandlerName(op.GoName)
	body := ir.BodyName(op.GoName)
	var templates []jen.Code
	for _, p := range op.Paths {
		templates = append(templates, jen.Lit(p.Template))
	}
	status := op.ResponseStatus
	if status < 200 || status > 299 || status == 204 {
		status = 200
	}
	fnParams := []jen.Code{jen.Id("ctx").Qual("context", "Context"), jen.Id("route").Id("Route"), jen.Id("body").Op("*").Add(g.modelRef(body))}
	where := op.Method + " " + op.Paths[0].Template
	if n := len(op.Paths) - 1; n > 0 {
		where += " and " + english.Count(n, "more documented path")
	}
	// serve is the one function compiled per operation: it decodes and
	// checks the body, then calls fn.
	serve := func(call jen.Code) jen.Code {
		return jen.Return(jen.Op("&").Id("opHandler").Values(jen.Lit(op.Method), jen.Lit(status), jen.Index().String().Values(templates...),
			jen.Func().Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("route").Id("Route"), jen.Id("data").Index().Byte()).Params(jen.Any(), jen.Error()).Block(
				jen.Id("body").Op(":=").New(g.modelRef(body)),
				jen.If(jen.Err().Op(":=").Id("decodeBody").Call(jen.Id("data"), jen.Id("body")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
				call,
			)))
	}
	rt := g.respType(op)
	if rt == nil {
		f.Add(comment(name + " fakes " + quoteForComment(op.Name) + " (" + where + ") for tests: it answers 204 No Content when fn returns nil. See Route."))
		f.Func().Id(name).Params(jen.Id("fn").Func().Params(fnParams...).Error()).Add(httpQ("Handler")).Block(
			serve(jen.Return(jen.Nil(), jen.Id("fn").Call(jen.Id("ctx"), jen.Id("route"), jen.Id("body")))))
		f.Line()
		return
	}
	f.Add(comment(name + " fakes " + quoteForComment(op.Name) + " (" + where + ") for tests: it answers with what fn returns. See Route."))
	f.Func().Id(name).Params(jen.Id("fn").Func().Params(fnParams...).Params(jen.Op("*").Add(rt), jen.Error())).Add(httpQ("Handler")).Block(
		serve(jen.Return(jen.Id("fn").Call(jen.Id("ctx"), jen.Id("route"), jen.Id("body")))))
	f.Line()
}

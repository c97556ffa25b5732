package emit

import (
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/ir"
)

// clientFile emits client_gen.go of the HTTP layer: for every documented path
// of every operation with a body, a New...Request builder and a Client
// method, and GraphError for non-2xx answers. The logic lives in unexported
// helpers (newJSONRequest, send, sendFor); each generated function only
// builds its URL or request and calls them, so the file stays small for
// packages with a thousand paths.
//
// Method bodies use only the identifiers the IR keeps free of parameter
// names (see paramReserved in package ir): c, ctx, body, req, err, resp.
func (g *gen) clientFile(f *jen.File) {
	clientDecls(f, g.serviceRoot())
	graphErrorDecls(f)
	requestDecls(f)
	for i := range g.spec.Operations {
		op := &g.spec.Operations[i]
		if g.types[op.Body.Name] == nil {
			continue
		}
		for _, p := range op.Paths {
			g.requestBuilder(f, op, p)
			g.clientMethod(f, op, p)
		}
	}
}

// serviceRoot is the service root a Client uses when BaseURL is empty: the
// one of the API version the pages document.
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

// requestDecls emits the helpers every request builder and Client method
// calls.
func requestDecls(f *jen.File) {
	f.Comment("newJSONRequest builds a request to u with body encoded as JSON.")
	f.Func().Id("newJSONRequest").Params(
		jen.Id("ctx").Qual("context", "Context"), jen.List(jen.Id("method"), jen.Id("u")).String(), jen.Id("body").Any(),
	).Params(jen.Op("*").Add(httpQ("Request")), jen.Error()).Block(
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual("encoding/json", "Marshal").Call(jen.Id("body")),
		ifErrReturn(jen.Nil(), jen.Err()),
		jen.List(jen.Id("req"), jen.Err()).Op(":=").Qual("net/http", "NewRequestWithContext").Call(
			jen.Id("ctx"), jen.Id("method"), jen.Id("u"), jen.Qual("bytes", "NewReader").Call(jen.Id("data"))),
		ifErrReturn(jen.Nil(), jen.Err()),
		jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit("Content-Type"), jen.Lit("application/json")),
		jen.Id("req").Dot("Header").Dot("Set").Call(jen.Lit("Accept"), jen.Lit("application/json")),
		jen.Return(jen.Id("req"), jen.Nil()),
	)
	f.Line()
	f.Comment("sendFor sends req (unless building it failed with err) and decodes the")
	f.Comment("answer into a new value that P (a pointer type) points to; that is nil for")
	f.Comment("204 No Content or an empty body. P is a pointer so that every instantiation")
	f.Comment("shares one compiled body.")
	f.Func().Id("sendFor").Types(jen.Id("P").Any()).Params(
		jen.Id("c").Op("*").Id("Client"), jen.Id("req").Op("*").Add(httpQ("Request")), jen.Err().Error(),
	).Params(jen.Id("P"), jen.Error()).Block(
		jen.Var().Id("resp").Id("P"),
		jen.If(jen.Err().Op("==").Nil()).Block(jen.Err().Op("=").Id("c").Dot("send").Call(jen.Id("req"), jen.Op("&").Id("resp"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(
			jen.Var().Id("none").Id("P"),
			jen.Return(jen.Id("none"), jen.Err()),
		),
		jen.Return(jen.Id("resp"), jen.Nil()),
	)
	f.Line()
}

func httpQ(name string) *jen.Statement { return jen.Qual("net/http", name) }

func ifErrReturn(results ...jen.Code) jen.Code {
	return jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(results...))
}

func clientDecls(f *jen.File, root string) {
	f.Comment("Client sends the documented requests of this package to Microsoft Graph.")
	f.Comment("")
	f.Comment("It has one method per documented path. Each builds its request with the")
	f.Comment("matching New...Request function and sends the body as built (call its")
	f.Comment("Validate first to check the documented rules). A 2xx answer is decoded")
	f.Comment("into the documented response type (its Any wrapper where it has one:")
	f.Comment("Value is then the model \"@odata.type\" names), or is nil when the")
	f.Comment("service answers 204 No Content or with no body; any other answer is a")
	f.Comment("*GraphError.")
	f.Comment("")
	f.Comment("Authentication is the job of HTTP: give it a Transport (an http.RoundTripper)")
	f.Comment("that adds \"Authorization: Bearer <token>\", such as one from an OAuth2 or")
	f.Comment("Azure identity library. Client adds no credentials and does not retry;")
	f.Comment("a *GraphError carries the status and Retry-After delay to decide with.")
	f.Comment("A Client is safe for concurrent use if its fields are not changed.")
	f.Type().Id("Client").Struct(
		jen.Comment("HTTP sends the requests; nil means http.DefaultClient."),
		jen.Id("HTTP").Op("*").Add(httpQ("Client")),
		jen.Comment("BaseURL is the service root, with or without a trailing slash: empty"),
		jen.Comment("means "+strconv.Quote(root)+"; national clouds pass their own,"),
		jen.Comment("and tests the URL of a fake server."),
		jen.Id("BaseURL").String(),
		jen.Comment("Header holds headers set on every request (for example"),
		jen.Comment("\"client-request-id\"), replacing any the request already has."),
		jen.Id("Header").Add(httpQ("Header")),
	)
	f.Line()
	f.Comment("NewClient returns a Client for baseURL (empty means")
	f.Comment(strconv.Quote(root) + ") that sends requests with hc (nil means")
	f.Comment("http.DefaultClient, which sends no credentials).")
	f.Func().Id("NewClient").Params(jen.Id("baseURL").String(), jen.Id("hc").Op("*").Add(httpQ("Client"))).Op("*").Id("Client").Block(
		jen.If(jen.Id("baseURL").Op("==").Lit("")).Block(jen.Id("baseURL").Op("=").Id("defaultBaseURL")),
		jen.If(jen.Id("hc").Op("==").Nil()).Block(jen.Id("hc").Op("=").Add(httpQ("DefaultClient"))),
		jen.Return(jen.Op("&").Id("Client").Values(jen.Dict{jen.Id("HTTP"): jen.Id("hc"), jen.Id("BaseURL"): jen.Id("baseURL")})),
	)
	f.Line()
	f.Const().Defs(
		jen.Comment("defaultBaseURL is the service root of a Client with no BaseURL."),
		jen.Id("defaultBaseURL").Op("=").Lit(root),
		jen.Comment("maxErrorBody bounds how much of an error response body is read."),
		jen.Id("maxErrorBody").Op("=").Lit(1).Op("<<").Lit(20),
	)
	f.Line()
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("baseURL").Params().String().Block(
		jen.If(jen.Id("c").Dot("BaseURL").Op("==").Lit("")).Block(jen.Return(jen.Id("defaultBaseURL"))),
		jen.Return(jen.Id("c").Dot("BaseURL")),
	)
	f.Line()

	// send: the one place that talks HTTP.
	resp := jen.Id("resp")
	f.Comment("send sends req with c.Header added. A non-2xx answer is a *GraphError. A")
	f.Comment("2xx body is decoded into out unless out is nil, the status is 204 or the")
	f.Comment("body is empty (then out is left alone).")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("send").Params(jen.Id("req").Op("*").Add(httpQ("Request")), jen.Id("out").Any()).Error().Block(
		jen.For(jen.List(jen.Id("k"), jen.Id("v")).Op(":=").Range().Id("c").Dot("Header")).Block(
			jen.Id("req").Dot("Header").Index(httpQ("CanonicalHeaderKey").Call(jen.Id("k"))).Op("=").Id("v"),
		),
		jen.Id("hc").Op(":=").Id("c").Dot("HTTP"),
		jen.If(jen.Id("hc").Op("==").Nil()).Block(jen.Id("hc").Op("=").Add(httpQ("DefaultClient"))),
		jen.List(resp.Clone(), jen.Err()).Op(":=").Id("hc").Dot("Do").Call(jen.Id("req")),
		ifErrReturn(jen.Err()),
		jen.Defer().Add(resp.Clone()).Dot("Body").Dot("Close").Call(),
		jen.If(resp.Clone().Dot("StatusCode").Op("<").Lit(200).Op("||").Add(resp.Clone()).Dot("StatusCode").Op(">").Lit(299)).Block(
			jen.List(jen.Id("data"), jen.Id("_")).Op(":=").Qual("io", "ReadAll").Call(jen.Qual("io", "LimitReader").Call(resp.Clone().Dot("Body"), jen.Id("maxErrorBody"))),
			jen.Return(jen.Id("newGraphError").Call(resp.Clone(), jen.Id("data"))),
		),
		jen.List(jen.Id("data"), jen.Err()).Op(":=").Qual("io", "ReadAll").Call(resp.Clone().Dot("Body")),
		jen.Switch().Block(
			jen.Case(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
			jen.Case(jen.Id("out").Op("==").Nil(), resp.Clone().Dot("StatusCode").Op("==").Add(httpQ("StatusNoContent")), jen.Len(jen.Qual("bytes", "TrimSpace").Call(jen.Id("data"))).Op("==").Lit(0)).Block(jen.Return(jen.Nil())),
		),
		jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Id("out")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Qual("fmt", "Errorf").Call(jen.Lit("%s %s: decoding the response: %w"), jen.Id("req").Dot("Method"), jen.Id("req").Dot("URL").Dot("Redacted").Call(), jen.Err())),
		),
		jen.Return(jen.Nil()),
	)
	f.Line()
}

func graphErrorDecls(f *jen.File) {
	e := func() *jen.Statement { return jen.Id("e") }
	f.Comment("GraphError is a non-2xx answer from the service, with the fields of its")
	f.Comment("Graph error body {\"error\":{\"code\",\"message\",\"innerError\":{...}}} when it")
	f.Comment("has one. Client methods return it as is: use errors.As to get it. Fake")
	f.Comment("servers (see Route) write one a handler function returns.")
	f.Type().Id("GraphError").Struct(
		jen.Comment("StatusCode is the HTTP status, such as 429."),
		jen.Id("StatusCode").Int(),
		jen.Comment("Code and Message are error.code (such as \"TooManyRequests\") and"),
		jen.Comment("error.message."),
		jen.Id("Code").String(),
		jen.Id("Message").String(),
		jen.Comment("RequestID, ClientRequestID and Date are error.innerError's \"request-id\","),
		jen.Comment("\"client-request-id\" and \"date\"; the IDs fall back to the response"),
		jen.Comment("headers of the same names. Quote them when reporting a problem."),
		jen.Id("RequestID").String(),
		jen.Id("ClientRequestID").String(),
		jen.Id("Date").String(),
		jen.Comment("RetryAfter is the delay the Retry-After header asks for before a retry"),
		jen.Comment("(given in seconds or as an HTTP date), or zero."),
		jen.Id("RetryAfter").Qual("time", "Duration"),
		jen.Comment("Body is the response body as received (at most 1 MiB of it). A fake"),
		jen.Comment("server writes it verbatim when set, instead of the fields above."),
		jen.Id("Body").Index().Byte(),
	)
	f.Line()
	f.Comment("Error is \"graph: <status> <code>: <message> (request-id <id>)\", leaving out")
	f.Comment("what is unknown.")
	f.Func().Params(e().Op("*").Id("GraphError")).Id("Error").Params().String().Block(
		jen.Id("code").Op(":=").Add(e()).Dot("Code"),
		jen.If(jen.Id("code").Op("==").Lit("")).Block(jen.Id("code").Op("=").Add(httpQ("StatusText")).Call(e().Dot("StatusCode"))),
		jen.Id("s").Op(":=").Lit("graph: ").Op("+").Qual("strconv", "Itoa").Call(e().Dot("StatusCode")).Op("+").Lit(" ").Op("+").Id("code"),
		jen.If(e().Dot("Message").Op("!=").Lit("")).Block(jen.Id("s").Op("+=").Lit(": ").Op("+").Add(e()).Dot("Message")),
		jen.If(e().Dot("RequestID").Op("!=").Lit("")).Block(jen.Id("s").Op("+=").Lit(" (request-id ").Op("+").Add(e()).Dot("RequestID").Op("+").Lit(")")),
		jen.Return(jen.Id("s")),
	)
	f.Line()
	f.Comment("graphErrorJSON is the wire form of a Graph error.")
	f.Type().Id("graphErrorJSON").Struct(
		jen.Id("Error").Struct(
			jen.Id("Code").String().Tag(map[string]string{"json": "code"}),
			jen.Id("Message").String().Tag(map[string]string{"json": "message"}),
			jen.Id("InnerError").Struct(
				jen.Id("RequestID").String().Tag(map[string]string{"json": "request-id,omitempty"}),
				jen.Id("ClientRequestID").String().Tag(map[string]string{"json": "client-request-id,omitempty"}),
				jen.Id("Date").String().Tag(map[string]string{"json": "date,omitempty"}),
			).Tag(map[string]string{"json": "innerError"}),
		).Tag(map[string]string{"json": "error"}),
	)
	f.Line()
	w := func() *jen.Statement { return jen.Id("w").Dot("Error") }
	f.Comment("newGraphError is the error for resp, whose body starts with data.")
	f.Func().Id("newGraphError").Params(jen.Id("resp").Op("*").Add(httpQ("Response")), jen.Id("data").Index().Byte()).Op("*").Id("GraphError").Block(
		jen.Id("e").Op(":=").Op("&").Id("GraphError").Values(jen.Dict{
			jen.Id("StatusCode"): jen.Id("resp").Dot("StatusCode"),
			jen.Id("RetryAfter"): jen.Id("retryAfter").Call(jen.Id("resp").Dot("Header").Dot("Get").Call(jen.Lit("Retry-After")), jen.Qual("time", "Now").Call()),
			jen.Id("Body"):       jen.Id("data"),
		}),
		jen.Var().Id("w").Id("graphErrorJSON"),
		jen.If(jen.Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("w")).Op("==").Nil()).Block(
			jen.List(e().Dot("Code"), e().Dot("Message")).Op("=").List(w().Dot("Code"), w().Dot("Message")),
			jen.List(e().Dot("RequestID"), e().Dot("ClientRequestID"), e().Dot("Date")).Op("=").List(
				w().Dot("InnerError").Dot("RequestID"), w().Dot("InnerError").Dot("ClientRequestID"), w().Dot("InnerError").Dot("Date")),
		),
		jen.If(e().Dot("RequestID").Op("==").Lit("")).Block(e().Dot("RequestID").Op("=").Id("resp").Dot("Header").Dot("Get").Call(jen.Lit("request-id"))),
		jen.If(e().Dot("ClientRequestID").Op("==").Lit("")).Block(e().Dot("ClientRequestID").Op("=").Id("resp").Dot("Header").Dot("Get").Call(jen.Lit("client-request-id"))),
		jen.Return(e()),
	)
	f.Line()
	f.Comment("retryAfter parses a Retry-After value, delay-seconds or an HTTP date, as a")
	f.Comment("delay from now; zero when v is empty, malformed or in the past.")
	f.Func().Id("retryAfter").Params(jen.Id("v").String(), jen.Id("now").Qual("time", "Time")).Qual("time", "Duration").Block(
		jen.If(jen.List(jen.Id("s"), jen.Err()).Op(":=").Qual("strconv", "ParseUint").Call(jen.Id("v"), jen.Lit(10), jen.Lit(32)), jen.Err().Op("==").Nil()).Block(
			jen.Return(jen.Qual("time", "Duration").Call(jen.Id("s")).Op("*").Qual("time", "Second")),
		),
		jen.If(jen.List(jen.Id("t"), jen.Err()).Op(":=").Add(httpQ("ParseTime")).Call(jen.Id("v")), jen.Err().Op("==").Nil().Op("&&").Id("t").Dot("After").Call(jen.Id("now"))).Block(
			jen.Return(jen.Id("t").Dot("Sub").Call(jen.Id("now"))),
		),
		jen.Return(jen.Lit(0)),
	)
	f.Line()
}

// clientMethod emits the Client method for one documented path of op.
func (g *gen) clientMethod(f *jen.File, op *ir.Operation, p ir.Path) {
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	args := []jen.Code{jen.Id("ctx"), jen.Id("c").Dot("baseURL").Call()}
	for _, pn := range p.ParamGoNames {
		params = append(params, jen.Id(pn).String())
		args = append(args, jen.Id(pn))
	}
	params = append(params, jen.Id("body").Op("*").Add(g.modelRef(ir.BodyName(op.GoName))))
	args = append(args, jen.Id("body"))
	build := jen.List(jen.Id("req"), jen.Err()).Op(":=").Id(ir.RequestBuilderName(p.GoName)).Call(args...)
	recv := jen.Id("c").Op("*").Id("Client")
	what := p.GoName + " sends " + quoteForComment(op.Name) + " (" + op.Method + " " + p.Template + ")"

	rt := g.respType(op)
	if rt == nil {
		f.Add(comment(what + "; the operation documents no response body. See Client."))
		f.Func().Params(recv).Id(p.GoName).Params(params...).Error().Block(
			build,
			ifErrReturn(jen.Err()),
			jen.Return(jen.Id("c").Dot("send").Call(jen.Id("req"), jen.Nil())),
		)
		f.Line()
		return
	}
	f.Add(comment(what + " and returns the decoded response (nil for 204 No Content). See Client."))
	f.Func().Params(recv).Id(p.GoName).Params(params...).Params(jen.Op("*").Add(rt), jen.Error()).Block(
		build,
		jen.Return(jen.Id("sendFor").Types(jen.Op("*").Add(rt.Clone())).Call(jen.Id("c"), jen.Id("req"), jen.Err())),
	)
	f.Line()
}

// requestBuilder emits New<Path>Request, which builds the documented request
// for one path. Path parameters are escaped as single path segments.
func (g *gen) requestBuilder(f *jen.File, op *ir.Operation, p ir.Path) {
	name := ir.RequestBuilderName(p.GoName)
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context"), jen.Id("baseURL").String()}
	for _, pn := range p.ParamGoNames {
		params = append(params, jen.Id(pn).String())
	}
	params = append(params, jen.Id("body").Op("*").Add(g.modelRef(ir.BodyName(op.GoName))))

	// Build the URL from literal segments and escaped parameters.
	url := jen.Qual("strings", "TrimSuffix").Call(jen.Id("baseURL"), jen.Lit("/"))
	rest := p.Template
	for i, prm := range p.Params {
		ph := "{" + prm + "}"
		k := strings.Index(rest, ph)
		if k < 0 {
			continue
		}
		if k > 0 {
			url = url.Op("+").Lit(rest[:k])
		}
		url = url.Op("+").Qual("net/url", "PathEscape").Call(jen.Id(p.ParamGoNames[i]))
		rest = rest[k+len(ph):]
	}
	if rest != "" {
		url = url.Op("+").Lit(rest)
	}

	doc := name + " builds the " + quoteForComment(op.Name) + " request for " + op.Method + " " + p.Template + " against baseURL (for example \"https://graph.microsoft.com/beta\"; national clouds have their own)."
	f.Add(comment(doc))
	stmts := []jen.Code{
		jen.Return(jen.Id("newJSONRequest").Call(jen.Id("ctx"), jen.Lit(op.Method), url, jen.Id("body"))),
	}
	f.Func().Id(name).Params(params...).Params(jen.Op("*").Qual("net/http", "Request"), jen.Error()).Block(stmts...)
	f.Line()
}

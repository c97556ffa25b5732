package emit

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/internal/english"
	"github.com/docgen-dev/docgen/ir"
)

// serverFile writes server_gen.go: NewFake, a stateful fake Graph serving
// every operation of the package, and for every operation a Handle<Op>
// function returning an http.Handler that fakes just that operation with a
// test's function. Each is one call into the HTTP runtime (newFake,
// handle, handleNoBody, ...): all handlers share one handler type,
// opHandler, so that its ServeHTTP is compiled once, not once per
// operation (which cost ~30% of the build of a package with 500
// operations).
func (g *gen) serverFile(s *goSource) {
	g.fakeFunc(s)
	for i := range g.spec.Operations {
		op := &g.spec.Operations[i]
		if len(op.Paths) == 0 {
			continue
		}
		g.handleFunc(s, op)
	}
}

// templates is the Go literal of op's documented path templates.
func templates(op *ir.Operation) string {
	lits := make([]string, len(op.Paths))
	for i, p := range op.Paths {
		lits[i] = lit(p.Template)
	}
	return "[]string{" + strings.Join(lits, ", ") + "}"
}

// fakeFunc writes NewFake: a table with an element per operation, whose
// keyed fields are written as gofmt aligns them (see writeFakeFields).
func (g *gen) fakeFunc(s *goSource) {
	s.doc("NewFake returns a Fake, empty, that serves every documented operation of this package: for tests, behind httptest.NewServer with a Client whose BaseURL is the server's URL. See Fake.")
	s.line("func NewFake() *", s.rt("Fake"), " {")
	s.decls.WriteString("\treturn " + s.rt("newFake") + "([]" + s.rt("fakeOp") + "{")
	first := true
	for i := range g.spec.Operations {
		op := &g.spec.Operations[i]
		if len(op.Paths) == 0 {
			continue
		}
		if first {
			s.decls.WriteString("{\n")
		} else {
			s.decls.WriteString(", {\n")
		}
		first = false
		kind := string(op.Kind)
		if op.Reference {
			// The Fake keeps no relationships: it checks the reference
			// and answers as it does an action.
			kind = string(ir.OpAction)
		}
		var fields []fakeField
		if g.hasResponse(op) {
			fields = append(fields, fakeField{key: "answers", value: "true"})
		}
		if b := g.bodyName(op); b != "" && op.Kind.HasBody() {
			fields = append(fields, fakeField{key: "body", value: "func() " + s.rt("checkedBody") + " {\n\t\t\treturn new(" + g.modelType(s, b) + ")\n\t\t}", multiline: true})
		}
		fields = append(fields,
			fakeField{key: "kind", value: lit(kind)},
			fakeField{key: "method", value: lit(op.Method)},
			fakeField{key: "templates", value: templates(op)})
		writeFakeFields(&s.decls, fields)
		s.decls.WriteString("\t}")
	}
	s.line("})")
	s.line("}")
	s.line()
}

// fakeField is one keyed field of an element of NewFake's table.
type fakeField struct {
	key, value string
	multiline  bool
}

// writeFakeFields writes the keyed fields of one element of NewFake's
// table, a line each at two tabs, in key order (as jennifer's Dict orders
// them), values aligned as gofmt aligns them: in each run of single-line
// fields, one column after the longest key; a multi-line value ends a run
// and stands alone.
func writeFakeFields(b *bytes.Buffer, fields []fakeField) {
	for i := 0; i < len(fields); {
		j := i + 1
		if !fields[i].multiline {
			for j < len(fields) && !fields[j].multiline {
				j++
			}
		}
		width := 0
		for _, f := range fields[i:j] {
			width = max(width, len(f.key))
		}
		for _, f := range fields[i:j] {
			b.WriteString("\t\t" + f.key + ":" + strings.Repeat(" ", width-len(f.key)+1) + f.value + ",\n")
		}
		i = j
	}
}

// handleFunc writes Handle<Op>, which serves every documented path of op.
func (g *gen) handleFunc(s *goSource, op *ir.Operation) {
	name := ir.HandlerName(op.GoName)
	status := op.ResponseStatus
	if status < 200 || status > 299 || status == 204 {
		status = 200
	}
	fnParams := "ctx " + s.qual("context", "Context") + ", route " + s.rt("Route")
	b := g.bodyName(op)
	withBody := op.Kind.HasBody() && b != ""
	if withBody {
		fnParams += ", body *" + g.modelType(s, b)
	}
	where := op.Method + " " + op.Paths[0].Template
	if n := len(op.Paths) - 1; n > 0 {
		where += " and " + english.Count(n, "more documented path")
	}
	paths := templates(op)
	rt := g.respType(s, op)
	if op.Kind == ir.OpList && rt == "" {
		rt = s.rt("Page") + "[" + s.qual("encoding/json", "RawMessage") + "]"
	}
	handler := s.qual("net/http", "Handler")
	what := name + " fakes " + quoteForComment(op.Name) + " (" + where + ") for tests"
	if rt == "" {
		s.doc(what + ": it answers 204 No Content when fn returns nil. See Route.")
		constructor := "handleNoBodyNoContent"
		if withBody {
			constructor = "handleNoContent"
		}
		s.line("func ", name, "(fn func(", fnParams, ") error) ", handler, " {")
		s.line("\treturn ", s.rt(constructor), "(", lit(op.Method), ", ", paths, ", fn)")
		s.line("}")
		s.line()
		return
	}
	s.doc(what + ": it answers with what fn returns. See Route.")
	constructor := "handleNoBody"
	if withBody {
		constructor = "handle"
	}
	s.line("func ", name, "(fn func(", fnParams, ") (*", rt, ", error)) ", handler, " {")
	s.line("\treturn ", s.rt(constructor), "(", lit(op.Method), ", ", strconv.Itoa(status), ", ", paths, ", fn)")
	s.line("}")
	s.line()
}

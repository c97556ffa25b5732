package emit_test

import (
	"go/importer"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/emit"
	"github.com/docgen-dev/docgen/ir"
)

// TestValueAnswerWireType: a function that answers one primitive value
// whose Go type is the models runtime's own (DateTimeOffset, Duration,
// Double), which no model property uses, returns Value[models.T]: the
// models package must carry that runtime type, or the HTTP layer does not
// compile. A collection of them is a Page of them.
func TestValueAnswerWireType(t *testing.T) {
	thing := ir.Type{Name: "microsoft.graph.thing", Kind: ir.KindEntity, Properties: []ir.Property{{Name: "size", Type: ir.TypeRef{Name: "Edm.Int32"}}}}
	fn := func(name, typ string, coll bool) ir.Operation {
		return ir.Operation{Name: name, Method: "GET", Kind: ir.OpFunction, Subject: thing.Name,
			Response: ir.TypeRef{Name: typ, Collection: coll}, ResponseStatus: 200,
			Paths: []ir.Path{{Template: "/things/{thingId}/" + name + "()", Params: []string{"thingId"}}}, Pos: ir.Pos{File: name + ".md", Line: 1}}
	}
	ops := []ir.Operation{
		fn("lastSeen", "Edm.DateTimeOffset", false),
		fn("uptime", "Edm.Duration", false),
		fn("scores", "Edm.Double", true),
		fn("name", "Edm.String", false),
	}
	spec, diags := ir.Resolve([]ir.Page{{File: "p.md", Kind: ir.PageAPI, Namespace: "microsoft.graph", Types: []ir.Type{thing}, Operations: ops}},
		emit.ResolveOptions())
	require.False(t, diags.HasErrors(), "%v", diags)
	files, err := emit.Generate(spec, emit.Options{Package: "answers", ImportPath: "example.com/answers"})
	require.NoError(t, err)
	require.NoError(t, typeCheck(files, "example.com/answers", importer.Default()))
	var client, wire string
	for _, f := range files {
		switch f.Name {
		case "answershttp/client_gen.go":
			client = string(f.Data)
		case "wire_gen.go":
			wire = string(f.Data)
		}
	}
	for _, want := range []string{"*Value[answers.DateTimeOffset]", "*Value[answers.Duration]", "*Page[answers.Double]", "*Value[string]"} {
		assert.Contains(t, client, want)
	}
	for _, want := range []string{"type DateTimeOffset string", "type Duration string", "type Double float64"} {
		assert.True(t, strings.Contains(wire, want), "models runtime lacks %q", want)
	}
}

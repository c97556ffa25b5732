package emit_test

import (
	"go/importer"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/emit"
	"github.com/docgen-dev/docgen/ir"
)

// TestOperationNamedLikeClientField: path names become Client methods, and
// Client has the fields HTTP, BaseURL and Header; an operation with one of
// those names (possible in IR given to Resolve by another tool) must be
// renamed, or the package does not compile ("field and method with the
// same name").
func TestOperationNamedLikeClientField(t *testing.T) {
	thing := ir.Type{Name: "microsoft.graph.thing", Kind: ir.KindEntity, Properties: []ir.Property{{Name: "size", Type: ir.TypeRef{Name: "Edm.Int32"}}}}
	var ops []ir.Operation
	for _, name := range []string{"HTTP", "BaseURL", "Header"} {
		ops = append(ops, ir.Operation{Name: name, Method: "PATCH", Body: ir.TypeRef{Name: thing.Name}, BodyProperties: []string{"size"},
			Paths: []ir.Path{{Template: "/" + name + "/{id}", Params: []string{"id"}}}, Pos: ir.Pos{File: name + ".md", Line: 1}})
	}
	spec, diags := ir.Resolve([]ir.Page{{File: "p.md", Kind: ir.PageAPI, Namespace: "microsoft.graph", Types: []ir.Type{thing}, Operations: ops}},
		emit.ResolveOptions())
	require.False(t, diags.HasErrors(), "%v", diags)
	files, err := emit.Generate(spec, emit.Options{Package: "names", ImportPath: "example.com/names"})
	require.NoError(t, err)
	require.NoError(t, typeCheck(files, "example.com/names", importer.Default()))
}

// TestImportAliasNotShadowed: the HTTP layer imports the generated package
// under its own name, unless an identifier the layer declares or uses
// (a parameter, a local variable, a standard package, a declaration, a
// path parameter) would shadow it or clash with it.
func TestImportAliasNotShadowed(t *testing.T) {
	thing := ir.Type{Name: "microsoft.graph.thing", Kind: ir.KindEntity, Properties: []ir.Property{{Name: "size", Type: ir.TypeRef{Name: "Edm.Int32"}}}}
	op := ir.Operation{Name: "Update thing", Method: "PATCH", Body: ir.TypeRef{Name: thing.Name}, BodyProperties: []string{"size"},
		Response: ir.TypeRef{Name: thing.Name}, Paths: []ir.Path{{Template: "/things/{thingId}", Params: []string{"thingId"}}}, Pos: ir.Pos{File: "p.md", Line: 1}}
	spec, diags := ir.Resolve([]ir.Page{{File: "p.md", Kind: ir.PageAPI, Namespace: "microsoft.graph", Types: []ir.Type{thing}, Operations: []ir.Operation{op}}},
		emit.ResolveOptions())
	require.False(t, diags.HasErrors(), "%v", diags)
	for pkg, alias := range map[string]string{
		"graph":             "graph",
		"body":              "body_",
		"ctx":               "ctx_",
		"http":              "http_",
		"json":              "json_",
		"now":               "now", // a local of the runtime, which does not import the models
		"route":             "route_",
		"Client":            "Client_",
		"Requests":          "Requests_",
		"newRequest":        "newRequest_",
		"thingID":           "thingID_",
		"thingId":           "thingId",
		"HandleUpdateThing": "HandleUpdateThing_",
	} {
		files, err := emit.Generate(spec, emit.Options{Package: pkg, ImportPath: "example.com/" + pkg})
		require.NoError(t, err)
		require.NoError(t, typeCheck(files, "example.com/"+pkg, importer.Default()), pkg)
		for _, f := range files {
			if f.Name == emit.HTTPPackage(pkg)+"/client_gen.go" {
				assert.Contains(t, string(f.Data), "\t"+alias+" \"example.com/"+pkg+"\"\n", pkg)
			}
		}
	}
}

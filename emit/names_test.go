package emit_test

import (
	"go/importer"
	"testing"

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
		ir.ResolveOptions{Reserved: emit.ReservedNames(), StructReserved: emit.StructReserved()})
	require.False(t, diags.HasErrors(), "%v", diags)
	files, err := emit.Generate(spec, emit.Options{Package: "names", ImportPath: "example.com/names"})
	require.NoError(t, err)
	require.NoError(t, typeCheck(files, "example.com/names", importer.Default()))
}

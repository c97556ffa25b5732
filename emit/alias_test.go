package emit

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/internal/gocheck"
	"github.com/docgen-dev/docgen/ir"
)

// TestHTTPLocalsComplete keeps ParamReserved (and so importAlias) true:
// every identifier the HTTP layer's generated files declare or import
// (package-level, parameters, results, locals, type parameters, import
// names), and every package-level identifier of its runtime copy, is in
// it, or is one of the names importAlias takes from the operations. Fields
// and methods live in their types' scopes and cannot shadow an import; the
// runtime's own locals are in functions that do not use the models.
func TestHTTPLocalsComplete(t *testing.T) {
	thing := ir.Type{Name: "microsoft.graph.thing", Kind: ir.KindEntity, Properties: []ir.Property{{Name: "size", Type: ir.TypeRef{Name: "Edm.Int32"}}}}
	ops := []ir.Operation{
		{Name: "Update thing", Method: "PATCH", Body: ir.TypeRef{Name: thing.Name}, BodyProperties: []string{"size"}, Response: ir.TypeRef{Name: thing.Name},
			Paths: []ir.Path{{Template: "/things/{thingId}", Params: []string{"thingId"}}, {Template: "/me/things/{thingId}", Params: []string{"thingId"}}}, Pos: ir.Pos{File: "p.md", Line: 1}},
		{Name: "Poke thing", Method: "POST", Body: ir.TypeRef{Name: thing.Name}, BodyProperties: []string{"size"},
			Paths: []ir.Path{{Template: "/things/{thingId}/poke", Params: []string{"thingId"}}}, Pos: ir.Pos{File: "p.md", Line: 2}},
	}
	spec, diags := ir.Resolve([]ir.Page{{File: "p.md", Kind: ir.PageAPI, Namespace: "microsoft.graph", Types: []ir.Type{thing}, Operations: ops}},
		ResolveOptions())
	require.False(t, diags.HasErrors(), "%v", diags)
	const importPath = "example.com/p"
	files, err := Generate(spec, Options{Package: "p", ImportPath: importPath})
	require.NoError(t, err)

	fset := token.NewFileSet()
	byDir := map[string][]*ast.File{}
	for _, f := range files {
		af, err := parser.ParseFile(fset, f.Name, f.Data, 0)
		require.NoError(t, err)
		byDir[path.Dir(f.Name)] = append(byDir[path.Dir(f.Name)], af)
	}
	h := HTTPPackage("p")
	require.NotEmpty(t, byDir[h])
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Implicits: map[ast.Node]types.Object{}}
	require.NoError(t, gocheck.Packages(fset, byDir, importPath, importer.Default(), 5, map[string]*types.Info{h: info}))

	allowed := map[string]bool{}
	for _, n := range ParamReserved() {
		allowed[n] = true
	}
	for _, op := range spec.Operations {
		allowed[ir.HandlerName(op.GoName)] = true
		for _, p := range op.Paths {
			for _, n := range p.ParamGoNames {
				allowed[n] = true
			}
		}
	}
	var missing []string
	note := func(obj types.Object) {
		switch o := obj.(type) {
		case nil:
			return
		case *types.Var:
			if o.IsField() {
				return
			}
		case *types.Func:
			if o.Signature().Recv() != nil {
				return
			}
		case *types.PkgName:
			if o.Imported().Path() == importPath {
				return // the models themselves
			}
		}
		if fset.File(obj.Pos()).Name() == h+"/wire_gen.go" && obj.Parent() != obj.Pkg().Scope() {
			return // a local of the runtime
		}
		if n := obj.Name(); n != "" && n != "_" && !allowed[n] && !slices.Contains(missing, n) {
			missing = append(missing, n)
		}
	}
	for _, obj := range info.Defs {
		note(obj)
	}
	for _, obj := range info.Implicits {
		note(obj)
	}
	slices.Sort(missing)
	assert.Empty(t, missing, "identifiers the HTTP layer declares that ParamReserved does not list")
}

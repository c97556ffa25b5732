package emit_test

import (
	"go/importer"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/emit"
	"github.com/docgen-dev/docgen/ir"
)

// TestTextFilesAsGofmtPrints: the HTTP layer, the models (with and without
// Unknown), the enums, the polymorphic wrappers and the request bodies are
// written as text, not printed by go/printer, so they must come out as
// gofmt prints them for every shape of operation (get, list, update,
// create, action, function with bare parameters, delete, reference), of
// enum (plain, flags, without members), of field (collection, raw JSON, a
// name that needs a staticcheck directive, a JSON name no backquoted tag
// can hold), of marker method (aligned, too long for one line, non-ASCII)
// and for documentation text a doc comment may read more into (wrapped
// lines starting with "- " or "1."); and the packages must compile with
// the runtime selected by what the files recorded as used.
func TestTextFilesAsGofmtPrints(t *testing.T) {
	thing := ir.Type{Name: "microsoft.graph.thing", Kind: ir.KindEntity, Properties: []ir.Property{
		{Name: "size", Type: ir.TypeRef{Name: "Edm.Int32"}},
		{Name: "when", Type: ir.TypeRef{Name: "Edm.DateTimeOffset"}},
		{Name: "v4_0_3", Type: ir.TypeRef{Name: "Edm.String"}, Description: "A name staticcheck reads as ALL_CAPS."},
		{Name: "tags", Type: ir.TypeRef{Name: "Edm.String", Collection: true}, ReadOnly: true, Required: true},
		{Name: "blob`\"x", Type: ir.TypeRef{Name: "Edm.Untyped"}, Description: "A name no backquoted tag can hold."},
		{Name: "color", Type: ir.TypeRef{Name: "microsoft.graph.color"}},
		{Name: "days", Type: ir.TypeRef{Name: "microsoft.graph.days"}},
	}}
	// A hierarchy for poly_gen.go: marker methods aligned, one whose
	// header reaches column 100, names gofmt counts in characters.
	base := ir.Type{Name: "microsoft.graph.base", Kind: ir.KindEntity, Properties: []ir.Property{{Name: "id", Type: ir.TypeRef{Name: "Edm.String"}}}}
	derived := []ir.Type{
		{Name: "microsoft.graph.dérivé", Kind: ir.KindEntity, Base: base.Name},
		// A hierarchy whose marker methods differ in non-ASCII names.
		{Name: "microsoft.graph.wörld", Kind: ir.KindEntity},
		{Name: "microsoft.graph.child", Kind: ir.KindEntity, Base: "microsoft.graph.wörld"},
		{Name: "microsoft.graph." + strings.Repeat("long", 20), Kind: ir.KindEntity, Base: base.Name},
		// Headers of 99 and 100 characters: "func (*Shorty) isLong…()".
		{Name: "microsoft.graph.shorty", Kind: ir.KindEntity, Base: "microsoft.graph." + strings.Repeat("long", 20)},
		{Name: "microsoft.graph.shortie", Kind: ir.KindEntity, Base: "microsoft.graph." + strings.Repeat("long", 20)},
	}
	thing.Properties = append(thing.Properties, ir.Property{Name: "related", Type: ir.TypeRef{Name: base.Name}},
		ir.Property{Name: "world", Type: ir.TypeRef{Name: "microsoft.graph.wörld"}})
	enums := []ir.Enum{
		{Name: "microsoft.graph.color", Members: []ir.EnumMember{{Name: "red", Description: "- not a list"}, {Name: "unknownFutureValue"}}},
		{Name: "microsoft.graph.days", Flags: true, Members: []ir.EnumMember{{Name: "monday"}, {Name: "tuesday"}}},
		{Name: "microsoft.graph.empty"},
	}
	pos := ir.Pos{File: "p.md", Line: 1}
	// Every wrapped line of these names starts with a list marker.
	dashes, numbers := strings.Repeat(" -", 60), strings.Repeat(" 1.", 40)
	ops := []ir.Operation{
		{Name: "Get thing", Kind: ir.OpGet, Method: "GET", Response: ir.TypeRef{Name: thing.Name}, Paths: []ir.Path{{Template: "/things/{thingId}", Params: []string{"thingId"}}}},
		{Name: "List things", Kind: ir.OpList, Method: "GET", Response: ir.TypeRef{Name: thing.Name, Collection: true},
			Headers: []ir.Header{{Name: "ConsistencyLevel", Value: "eventual"}}, Paths: []ir.Path{{Template: "/things"}, {Template: "/me/things"}}},
		{Name: "Update thing" + dashes, Kind: ir.OpUpdate, Method: "PATCH", Body: ir.TypeRef{Name: thing.Name}, BodyProperties: []string{"size", "v4_0_3", "tags", "blob`\"x"},
			Response: ir.TypeRef{Name: thing.Name}, Paths: []ir.Path{{Template: "/things/{thingId}", Params: []string{"thingId"}}}},
		{Name: "Create thing", Kind: ir.OpCreate, Method: "POST", Body: ir.TypeRef{Name: thing.Name}, BodyProperties: []string{"tags"},
			Response: ir.TypeRef{Name: thing.Name}, Paths: []ir.Path{{Template: "/things"}}},
		{Name: "Count things" + numbers, Kind: ir.OpFunction, Method: "GET", Body: ir.TypeRef{Name: thing.Name}, BodyProperties: []string{"when"},
			Response: ir.TypeRef{Name: "Edm.Int64"}, Paths: []ir.Path{{Template: "/things/count(when={when})"}}},
		{Name: "Reset thing", Kind: ir.OpAction, Method: "POST", Paths: []ir.Path{{Template: "/things/{thingId}/reset", Params: []string{"thingId"}}}},
		{Name: "Delete thing", Kind: ir.OpDelete, Method: "DELETE", ResponseStatus: 204, Paths: []ir.Path{{Template: "/things/{thingId}", Params: []string{"thingId"}}}},
		{Name: "Add owner", Kind: ir.OpCreate, Method: "POST", Reference: true, Paths: []ir.Path{{Template: "/things/{thingId}/owners/$ref", Params: []string{"thingId"}}}},
	}
	for i := range ops {
		ops[i].Pos = pos
	}
	spec, diags := ir.Resolve([]ir.Page{{File: "p.md", Kind: ir.PageAPI, Namespace: "microsoft.graph", Types: append([]ir.Type{thing, base}, derived...), Enums: enums, Operations: ops}},
		emit.ResolveOptions())
	require.False(t, diags.HasErrors(), "%v", diags)
	for _, drop := range []bool{false, true} {
		files, err := emit.Generate(spec, emit.Options{Package: "shapes", ImportPath: "example.com/shapes", DropUnknown: drop})
		require.NoError(t, err)
		var http int
		names := map[string]bool{}
		for _, f := range files {
			names[f.Name] = true
			checkGofmt(t, f)
			if strings.HasPrefix(f.Name, "shapeshttp/") {
				http++
			}
		}
		require.Equal(t, 3, http, "client, server and runtime of the HTTP layer")
		for _, n := range []string{"enums_gen.go", "models_gen.go", "patch_gen.go", "poly_gen.go"} {
			require.True(t, names[n], n)
		}
		require.NoError(t, typeCheck(files, "example.com/shapes", importer.Default()))
	}
}

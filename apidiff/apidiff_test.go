package apidiff

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/ir"
)

const ns = "microsoft.graph."

func at(file string, line int) ir.Pos { return ir.Pos{File: file, Line: line, Col: 1} }

func prop(name, typ string, line int) ir.Property {
	return ir.Property{Name: name, Type: ir.TypeRef{Name: typ}, GoName: ir.GoIdent(name), Pos: at("x.md", line)}
}

func widget(props ...ir.Property) ir.Type {
	return ir.Type{Name: ns + "widget", Kind: ir.KindEntity, Base: ns + "entity", GoName: "Widget", Properties: props, Pos: at("x.md", 1)}
}

func spec(types ...ir.Type) *ir.Spec { return &ir.Spec{Types: types} }

// brief is a change without positions and message: what classification tests check.
type brief struct {
	Kind     Kind
	Severity Severity
	Path     string
	Old, New string
}

func briefs(cs []Change) []brief {
	out := []brief{}
	for _, c := range cs {
		out = append(out, brief{c.Kind, c.Severity, c.Path, c.Old, c.New})
	}
	return out
}

func TestPropertyChanges(t *testing.T) {
	base := []ir.Property{prop("name", "Edm.String", 2), prop("size", "Edm.Int32", 3), prop("tags", "Edm.String", 4)}
	mod := func(f func(ps []ir.Property) []ir.Property) *ir.Spec {
		ps := append([]ir.Property(nil), base...)
		return spec(widget(f(ps)...))
	}
	yes, no := true, false
	tests := []struct {
		name string
		new  *ir.Spec
		want []brief
	}{
		{"removed", mod(func(ps []ir.Property) []ir.Property { return ps[:2] }),
			[]brief{{PropertyRemoved, Breaking, ns + "widget.tags", "Edm.String", ""}}},
		{"added", mod(func(ps []ir.Property) []ir.Property { return append(ps, prop("color", ns+"color", 5)) }),
			[]brief{{PropertyAdded, Additive, ns + "widget.color", "", ns + "color"}}},
		{"type", mod(func(ps []ir.Property) []ir.Property { ps[1].Type.Name = "Edm.Int64"; return ps }),
			[]brief{{PropertyTypeChanged, Breaking, ns + "widget.size", "Edm.Int32", "Edm.Int64"}}},
		{"type and collection", mod(func(ps []ir.Property) []ir.Property {
			ps[1].Type = ir.TypeRef{Name: "Edm.Int64", Collection: true}
			return ps
		}),
			[]brief{{PropertyTypeChanged, Breaking, ns + "widget.size", "Edm.Int32", "Collection(Edm.Int64)"}}},
		{"collection", mod(func(ps []ir.Property) []ir.Property { ps[2].Type.Collection = true; return ps }),
			[]brief{{PropertyCollectionChanged, Breaking, ns + "widget.tags", "Edm.String", "Collection(Edm.String)"}}},
		{"read-only", mod(func(ps []ir.Property) []ir.Property { ps[0].ReadOnly = true; return ps }),
			[]brief{{PropertyReadOnlyChanged, Breaking, ns + "widget.name", "false", "true"}}},
		{"required", mod(func(ps []ir.Property) []ir.Property { ps[0].Required = true; return ps }),
			[]brief{{PropertyRequiredChanged, Breaking, ns + "widget.name", "false", "true"}}},
		{"nullable stated on one side only", mod(func(ps []ir.Property) []ir.Property { ps[0].Nullable = &no; return ps }),
			[]brief{}},
		{"go name", mod(func(ps []ir.Property) []ir.Property { ps[0].GoName = "Name_2"; return ps }),
			[]brief{{GoNameChanged, Breaking, ns + "widget.name", "Name", "Name_2"}}},
		{"rules", mod(func(ps []ir.Property) []ir.Property {
			ps[1].Rules = []ir.Rule{{Kind: ir.RuleRange, Min: new(float64), Max: ptr(10.0)}}
			return ps
		}), []brief{{PropertyRulesChanged, Info, ns + "widget.size", "", "range 0..10"}}},
		{"renamed case", mod(func(ps []ir.Property) []ir.Property { ps[0].Name = "Name"; return ps }),
			[]brief{{PropertyRenamedCase, Breaking, ns + "widget.name", "name", "Name"}}},
		{"same", mod(func(ps []ir.Property) []ir.Property {
			ps[0].Description = "prose changes are not API changes"
			return ps
		}),
			[]brief{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, briefs(Diff(spec(widget(base...)), tt.new)))
		})
	}

	t.Run("read-only relaxed and nullable both stated", func(t *testing.T) {
		o := append([]ir.Property(nil), base...)
		o[0].ReadOnly, o[0].Required, o[0].Nullable = true, true, &yes
		n := append([]ir.Property(nil), base...)
		n[0].Nullable = &no
		assert.Equal(t, []brief{
			{PropertyReadOnlyChanged, Additive, ns + "widget.name", "true", "false"},
			{PropertyRequiredChanged, Additive, ns + "widget.name", "true", "false"},
			{PropertyNullableChanged, Info, ns + "widget.name", "true", "false"},
		}, briefs(Diff(spec(widget(o...)), spec(widget(n...)))))
	})
}

func ptr[T any](v T) *T { return &v }

func TestTypeChanges(t *testing.T) {
	old := spec(widget(prop("id", "Edm.String", 2)), ir.Type{Name: ns + "gone", Kind: ir.KindComplex, Pos: at("gone.md", 1)})
	nw := widget(prop("id", "Edm.String", 2))
	nw.Base, nw.Kind, nw.Abstract, nw.GoName = ns+"gadget", ir.KindComplex, true, "Widget_2"
	got := Diff(old, spec(nw, ir.Type{Name: ns + "fresh", Kind: ir.KindEntity, Pos: at("fresh.md", 1)}))
	assert.Equal(t, []brief{
		{TypeRemoved, Breaking, ns + "gone", "complex", ""},
		{GoNameChanged, Breaking, ns + "widget", "Widget", "Widget_2"},
		{TypeAbstractChanged, Breaking, ns + "widget", "false", "true"},
		{TypeBaseChanged, Breaking, ns + "widget", ns + "entity", ns + "gadget"},
		{TypeKindChanged, Breaking, ns + "widget", "entity", "complex"},
		{TypeAdded, Additive, ns + "fresh", "", "entity"},
	}, briefs(got))
	// A removal has only the old position, an addition only the new one.
	assert.Equal(t, "breaking: microsoft.graph.gone: complex type removed (gone.md:1:1)", got[0].String())
	assert.Equal(t, "additive: microsoft.graph.fresh: entity type added (fresh.md:1:1)", got[5].String())
	assert.Equal(t, "breaking: microsoft.graph.widget: base type changed from microsoft.graph.entity to microsoft.graph.gadget (x.md:1:1 → x.md:1:1)", got[3].String())

	t.Run("renamed case", func(t *testing.T) {
		n := widget(prop("id", "Edm.Int64", 2))
		n.Name = ns + "Widget"
		assert.Equal(t, []brief{
			{TypeRenamedCase, Breaking, ns + "widget", ns + "widget", ns + "Widget"},
			{PropertyTypeChanged, Breaking, ns + "widget.id", "Edm.String", "Edm.Int64"},
		}, briefs(Diff(spec(widget(prop("id", "Edm.String", 2))), spec(n))))
	})
}

// A change to an inherited property is reported on the declaring type only,
// unless the derived type gains or loses it for another reason.
func TestInheritedProperties(t *testing.T) {
	entity := func(idType string) ir.Type {
		return ir.Type{Name: ns + "entity", Kind: ir.KindEntity, Properties: []ir.Property{prop("id", idType, 1)}, Pos: at("e.md", 1)}
	}
	inherited := func(name, typ, from string) ir.Property {
		p := prop(name, typ, 1)
		p.InheritedFrom = from
		return p
	}
	old := spec(entity("Edm.String"), widget(inherited("id", "Edm.String", ns+"entity")))
	nw := spec(entity("Edm.Guid"), widget(inherited("id", "Edm.Guid", ns+"entity")))
	assert.Equal(t, []brief{{PropertyTypeChanged, Breaking, ns + "entity.id", "Edm.String", "Edm.Guid"}}, briefs(Diff(old, nw)))

	// widget stops inheriting from entity: it loses id although entity keeps it.
	w := widget()
	w.Base = ""
	assert.Equal(t, []brief{
		{TypeBaseChanged, Breaking, ns + "widget", ns + "entity", ""},
		{PropertyRemoved, Breaking, ns + "widget.id", "Edm.String", ""},
	}, briefs(Diff(old, spec(entity("Edm.String"), w))))
}

func TestEnumChanges(t *testing.T) {
	enum := func(members ...string) ir.Enum {
		e := ir.Enum{Name: ns + "color", GoName: "Color", Pos: at("c.md", 1), Source: "page"}
		for i, m := range members {
			e.Members = append(e.Members, ir.EnumMember{Name: m, Value: ptr(int64(i)), GoName: "Color" + ir.GoIdent(m), Pos: at("c.md", 2+i)})
		}
		return e
	}
	old := &ir.Spec{Enums: []ir.Enum{enum("red", "green", "blue"), {Name: ns + "gone", Pos: at("g.md", 1)}}}
	n := enum("red", "Green", "yellow")
	n.Flags = true
	n.Members[0].Value = ptr(int64(7))
	n.Members[0].Pos = ir.Pos{} // a member without position is placed at its enum
	got := Diff(old, &ir.Spec{Enums: []ir.Enum{n, {Name: ns + "fresh", Pos: at("f.md", 1)}}})
	assert.Equal(t, []brief{
		{EnumFlagsChanged, Breaking, ns + "color", "false", "true"},
		{EnumMemberRemoved, Breaking, ns + "color.blue", "blue", ""},
		{EnumMemberRenamedCase, Breaking, ns + "color.green", "green", "Green"},
		{EnumRemoved, Breaking, ns + "gone", "0", ""},
		{EnumMemberAdded, Additive, ns + "color.yellow", "", "yellow"},
		{EnumAdded, Additive, ns + "fresh", "", "0"},
		{EnumMemberValueChanged, Info, ns + "color.red", "0", "7"},
	}, briefs(got))
	assert.Equal(t, "info: microsoft.graph.color.red: numeric value changed from 0 to 7 (c.md:2:1 → c.md:1:1)", got[6].String())

	// Members are additive; values only one side states are not a change.
	n2 := enum("red", "green", "blue", "unknownFutureValue")
	n2.Members[1].Value = nil
	assert.Equal(t, []brief{{EnumMemberAdded, Additive, ns + "color.unknownFutureValue", "", "unknownFutureValue"}},
		briefs(Diff(&ir.Spec{Enums: []ir.Enum{enum("red", "green", "blue")}}, &ir.Spec{Enums: []ir.Enum{n2}})))
}

func op(name, method string, paths ...string) ir.Operation {
	o := ir.Operation{Name: name, Method: method, GoName: ir.GoIdent(name), Pos: at(name+".md", 1),
		Body: ir.TypeRef{Name: ns + "widget"}, Response: ir.TypeRef{Name: ns + "widget"}, ResponseStatus: 200,
		BodyProperties: []string{"name", "size"}}
	for i, p := range paths {
		o.Paths = append(o.Paths, ir.Path{Template: p, GoName: ir.GoIdent(strings.ToLower(stripParams(p))), Pos: at(name+".md", 10+i)})
	}
	return o
}

func TestOperationChanges(t *testing.T) {
	w := widget(prop("name", "Edm.String", 2), prop("size", "Edm.Int32", 3), prop("tags", "Edm.String", 4))
	old := &ir.Spec{Types: []ir.Type{w}, Operations: []ir.Operation{
		op("Update widget", "PATCH", "/widgets/{widgetId}", "/me/widgets/{widgetId}", "/Users/{id}/widgets/{widgetId}"),
		op("Delete widget", "DELETE", "/widgets/{widgetId}"),
		op("Get widget", "GET", "/widgets/{widgetId}"),
	}}
	upd := op("Update widget", "PUT", "/widgets/{id}", "/users/{id}/widgets/{widgetId}", "/groups/{id}/widgets/{widgetId}")
	upd.BodyProperties = []string{"name", "tags"}
	upd.Response = ir.TypeRef{}
	upd.ResponseStatus = 204
	get := op("Read widget", "GET", "/widgets/{id}") // retitled page: same method and path
	get.GoName = "GetWidget"
	got := Diff(old, &ir.Spec{Types: []ir.Type{w}, Operations: []ir.Operation{upd, get, op("List widgets", "GET", "/widgets")}})
	assert.Equal(t, []brief{
		{OperationRemoved, Breaking, "Delete widget", "DELETE", ""},
		{BodyPropertyRemoved, Breaking, "Update widget", "size", ""},
		{OperationMethodChanged, Breaking, "Update widget", "PATCH", "PUT"},
		{OperationResponseChanged, Breaking, "Update widget", ns + "widget", ""},
		{PathRemoved, Breaking, "Update widget", "/me/widgets/{widgetId}", ""},
		{OperationAdded, Additive, "List widgets", "", "GET"},
		{BodyPropertyAdded, Additive, "Update widget", "", "tags"},
		{PathAdded, Additive, "Update widget", "", "/groups/{id}/widgets/{widgetId}"},
		{OperationRenamed, Info, "Get widget", "Get widget", "Read widget"},
		{PathParamsRenamed, Info, "Get widget", "/widgets/{widgetId}", "/widgets/{id}"},
		{OperationStatusChanged, Info, "Update widget", "200", "204"},
		{PathCaseChanged, Info, "Update widget", "/Users/{id}/widgets/{widgetId}", "/users/{id}/widgets/{widgetId}"},
		{PathParamsRenamed, Info, "Update widget", "/widgets/{widgetId}", "/widgets/{id}"},
	}, briefs(got))
	// Body property positions are those of the property on the body type.
	assert.Equal(t, "breaking: Update widget: request body property size removed (x.md:3:1)", got[1].String())

	t.Run("renamed with a new Go name is breaking", func(t *testing.T) {
		n := op("Fetch widget", "GET", "/widgets/{widgetId}")
		got := Diff(&ir.Spec{Operations: []ir.Operation{op("Get widget", "GET", "/widgets/{widgetId}")}}, &ir.Spec{Operations: []ir.Operation{n}})
		require.Len(t, got, 1)
		assert.Equal(t, brief{OperationRenamed, Breaking, "Get widget", "Get widget", "Fetch widget"}, briefs(got)[0])
		assert.Contains(t, got[0].Message, "Go name changed from GetWidget to FetchWidget")
	})
	t.Run("path Go name", func(t *testing.T) {
		n := op("Get widget", "GET", "/widgets/{widgetId}")
		n.Paths[0].GoName = "Other"
		assert.Equal(t, []brief{{GoNameChanged, Breaking, "Get widget", "Widgets", "Other"}},
			briefs(Diff(&ir.Spec{Operations: []ir.Operation{op("Get widget", "GET", "/widgets/{widgetId}")}}, &ir.Spec{Operations: []ir.Operation{n}})))
	})
}

func TestDeterministicAndSummary(t *testing.T) {
	old := spec(widget(prop("a", "Edm.String", 1), prop("b", "Edm.String", 2)), ir.Type{Name: ns + "z", Pos: at("z.md", 1)})
	n := spec(ir.Type{Name: ns + "y", Pos: at("y.md", 1)}, widget(prop("c", "Edm.String", 1), prop("a", "Edm.Int32", 2)))
	first := Diff(old, n)
	for range 20 {
		require.Equal(t, first, Diff(old, n))
	}
	assert.Equal(t, Summary{Breaking: 3, Additive: 2, Info: 0, Total: 5}, Summarize(first))
	var sev []Severity
	for _, c := range first {
		sev = append(sev, c.Severity)
	}
	assert.Equal(t, []Severity{Breaking, Breaking, Breaking, Additive, Additive}, sev)
	assert.Empty(t, Diff(nil, nil))
	assert.Empty(t, Diff(old, old))
	assert.Len(t, Diff(nil, old), 2) // every type is new
}

func TestStripParams(t *testing.T) {
	assert.Equal(t, "/a/{}/b/{}", stripParams("/a/{x}/b/{y-id}"))
	assert.Equal(t, "/a/{}", stripParams("/a/{{nested}}"))
	assert.Equal(t, "/a}", stripParams("/a}"))
}

func TestLessCommonChanges(t *testing.T) {
	t.Run("declared on and relaxed flags", func(t *testing.T) {
		o := widget(prop("id", "Edm.String", 2), prop("tags", "Edm.String", 3))
		o.Abstract = true
		o.Properties[0].InheritedFrom = ns + "entity"
		o.Properties[1].Type.Collection = true
		o.Properties[1].Rules = []ir.Rule{{Kind: ir.RuleMaxItems, Max: ptr(5.0)}, {Kind: ir.RuleMinItems, Min: ptr(1.0)}}
		n := widget(prop("id", "Edm.String", 2), prop("tags", "Edm.String", 3))
		got := Diff(spec(o), spec(n))
		assert.Equal(t, []brief{
			{PropertyCollectionChanged, Breaking, ns + "widget.tags", "Collection(Edm.String)", "Edm.String"},
			{TypeAbstractChanged, Additive, ns + "widget", "true", "false"},
			{PropertyDeclaredChanged, Info, ns + "widget.id", ns + "entity", ""},
			{PropertyRulesChanged, Info, ns + "widget.tags", "maxItems 5; minItems 1", ""},
		}, briefs(got))
		assert.Equal(t, "declared on the type itself, was microsoft.graph.entity", got[2].Message)
		assert.Equal(t, "validation rules changed from maxItems 5; minItems 1 to (none)", got[3].Message)
		assert.Equal(t, Summary{Breaking: 1, Additive: 1, Info: 2, Total: 4}, Summarize(got))
	})
	t.Run("enum renamed case and no longer flags", func(t *testing.T) {
		o := ir.Enum{Name: ns + "color", Flags: true, Members: []ir.EnumMember{{Name: "red"}}, Pos: at("c.md", 1)}
		n := ir.Enum{Name: ns + "Color", Members: []ir.EnumMember{{Name: "red"}, {Name: "green"}}, Pos: at("c.md", 1)}
		got := Diff(&ir.Spec{Enums: []ir.Enum{o}}, &ir.Spec{Enums: []ir.Enum{n}})
		assert.Equal(t, []brief{
			{EnumFlagsChanged, Breaking, ns + "color", "true", "false"},
			{EnumRenamedCase, Breaking, ns + "color", ns + "color", ns + "Color"},
			{EnumMemberAdded, Additive, ns + "color.green", "", "green"},
		}, briefs(got))
	})
	t.Run("body property renamed case, operation without paths", func(t *testing.T) {
		o := op("Update widget", "PATCH")
		n := op("Update widget", "PATCH")
		n.BodyProperties = []string{"Name", "size"}
		got := Diff(&ir.Spec{Operations: []ir.Operation{o}}, &ir.Spec{Operations: []ir.Operation{n, op("Do thing", "POST")}})
		assert.Equal(t, []brief{
			{BodyPropertyRenamedCase, Breaking, "Update widget", "name", "Name"},
			{OperationAdded, Additive, "Do thing", "", "POST"},
		}, briefs(got))
		assert.Equal(t, "operation added (POST)", got[1].Message)
		// No body type in the spec: body properties are placed at the operation.
		assert.Equal(t, "Update widget.md:1:1", got[0].OldPos.String())
	})
	t.Run("sort breaks ties by position", func(t *testing.T) {
		cs := []Change{
			{Kind: PathAdded, Severity: Additive, Path: "p", NewPos: &ir.Pos{File: "b.md", Line: 1}},
			{Kind: PathAdded, Severity: Additive, Path: "p", NewPos: &ir.Pos{File: "a.md", Line: 1}},
			{Kind: PathAdded, Severity: Additive, Path: "p"},
		}
		Sort(cs)
		assert.Nil(t, cs[0].NewPos)
		assert.Equal(t, "a.md", cs[1].NewPos.File)
	})
}

// Two pages documenting one operation yield two operations with one title;
// the one without a counterpart is named by its Go name.
func TestDuplicateOperationTitles(t *testing.T) {
	a := op("Update widget", "PATCH", "/widgets/{widgetId}")
	b := op("Update widget", "PATCH", "/widgets/{widgetId}")
	b.GoName, b.Pos = "UpdateWidget_2", at("other.md", 3)
	got := Diff(&ir.Spec{Operations: []ir.Operation{a}}, &ir.Spec{Operations: []ir.Operation{a, b}})
	require.Len(t, got, 1)
	assert.Equal(t, "additive: Update widget: operation added (PATCH /widgets/{widgetId}; 2 operations have this title, this one is UpdateWidget_2) (other.md:3:1)", got[0].String())
}

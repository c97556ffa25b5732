package ir

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func prop(file, name string, ref TypeRef) Property {
	return Property{Name: name, Type: ref, Pos: Pos{File: file, Line: 10}}
}

// partialPages: gadget's resource page could not be read; widget derives
// from it; shelf has a property of it; thing has nothing to do with it; an
// update page documents part of gadget (its body table) and another, whose
// page could not be read either, was about thing.
func partialPages() []Page {
	str := TypeRef{Name: "Edm.String"}
	broken := &Diagnostic{Pos: Pos{File: "res/gadget.md", Line: 3}, Severity: SevError, Message: "cannot read"}
	return []Page{
		{File: "res/gadget.md", Kind: PageResource, Subject: "microsoft.graph.gadget", Skipped: broken,
			Types: []Type{{Name: "microsoft.graph.gadget", Properties: []Property{prop("res/gadget.md", "half", str)}}}},
		{File: "res/widget.md", Kind: PageResource, Types: []Type{{Name: "microsoft.graph.widget", Kind: KindComplex, Base: "microsoft.graph.gadget",
			Properties: []Property{prop("res/widget.md", "size", str)}, Pos: Pos{File: "res/widget.md", Line: 1}}}},
		{File: "res/shelf.md", Kind: PageResource, Types: []Type{{Name: "microsoft.graph.shelf", Kind: KindComplex,
			Properties: []Property{prop("res/shelf.md", "top", TypeRef{Name: "microsoft.graph.gadget", Href: "gadget.md"}),
				prop("res/shelf.md", "wide", TypeRef{Name: "microsoft.graph.widget", Href: "widget.md"})}}}},
		{File: "res/thing.md", Kind: PageResource, Types: []Type{{Name: "microsoft.graph.thing", Kind: KindComplex,
			Properties: []Property{prop("res/thing.md", "name", str)}}}},
		{File: "api/gadget-update.md", Kind: PageAPI, Subject: "microsoft.graph.gadget",
			Types:      []Type{{Name: "microsoft.graph.gadget", Properties: []Property{prop("api/gadget-update.md", "half", str)}}},
			Operations: []Operation{{Name: "Update gadget", Method: "PATCH", Body: TypeRef{Name: "microsoft.graph.gadget"}, BodyProperties: []string{"half"}}},
			Examples:   []Example{{Role: RoleRequest, Type: "microsoft.graph.gadget", Body: `{"half":"x"}`}}},
		{File: "api/thing-update.md", Kind: PageAPI, Subject: "microsoft.graph.thing",
			Skipped: &Diagnostic{Pos: Pos{File: "api/thing-update.md", Line: 1}, Severity: SevError, Message: "no request line"}},
	}
}

func TestPartialInput(t *testing.T) {
	spec, diags := Resolve(partialPages(), ResolveOptions{})
	require.False(t, diags.HasErrors(), "%v", diags)
	var names []string
	for _, ty := range spec.Types {
		names = append(names, ty.Name)
	}
	assert.Equal(t, []string{"microsoft.graph.shelf", "microsoft.graph.thing"}, names,
		"gadget is only partly known and widget's base is gone: both left out")
	shelf := spec.Types[0]
	for _, p := range shelf.Properties {
		assert.Equal(t, "Edm.Untyped", p.Type.Name, "shelf.%s is kept as raw JSON", p.Name)
	}
	assert.Empty(t, spec.Operations, "the update of gadget is left out")
	assert.Empty(t, spec.Examples, "so is the example of gadget")
	require.Len(t, spec.Skipped, 2)
	assert.Equal(t, "api/thing-update.md", spec.Skipped[0].File)
	assert.Equal(t, "microsoft.graph.thing", spec.Skipped[0].Subject)

	got := map[string]string{}
	for _, o := range spec.Omitted {
		got[string(o.Kind)+" "+o.Name] = o.Page
	}
	assert.Equal(t, map[string]string{
		"type microsoft.graph.gadget":             "res/gadget.md",
		"type microsoft.graph.widget":             "res/gadget.md",
		"operation Update gadget":                 "res/gadget.md",
		"propertyType microsoft.graph.shelf.top":  "res/gadget.md",
		"propertyType microsoft.graph.shelf.wide": "res/gadget.md",
	}, got)
	warned := 0
	for _, d := range diags {
		if d.Code == "left-out" {
			warned++
		}
	}
	assert.Equal(t, len(spec.Omitted), warned, "each omission is a warning")
}

// TestPartialSelection: a selection fails only on what it needs.
func TestPartialSelection(t *testing.T) {
	spec, _ := Resolve(partialPages(), ResolveOptions{})
	var se *SelectionError
	for _, c := range []struct {
		names []string
		want  string // a problem it must report; "" when the selection is whole
	}{
		{[]string{"shelf"}, "the selection needs microsoft.graph.gadget (the type of microsoft.graph.shelf.top)"},
		{[]string{"widget"}, "selected type microsoft.graph.widget cannot be generated: its base type microsoft.graph.gadget"},
		{[]string{"gadget"}, "selected type microsoft.graph.gadget cannot be generated: its page res/gadget.md could not be read"},
		{[]string{"thing"}, "an operation of selected type microsoft.graph.thing cannot be generated: its page api/thing-update.md could not be read"},
	} {
		_, err := Select(spec, c.names)
		if assert.True(t, errors.As(err, &se), "%v: %v", c.names, err) {
			assert.Contains(t, err.Error(), c.want)
		}
	}
	ok := &Spec{Types: spec.Types[1:], Skipped: spec.Skipped[1:], Omitted: spec.Omitted}
	got, err := Select(ok, []string{"thing"})
	require.NoError(t, err, "a skipped page outside the selection does not matter")
	assert.Len(t, got.Types, 1)
}

func TestVersions(t *testing.T) {
	page := func(file, version, name string) Page {
		return Page{File: file, Kind: PageResource, Version: version, Pos: Pos{File: file, Line: 1},
			Types: []Type{{Name: "microsoft.graph." + name, Kind: KindComplex}}}
	}
	spec, diags := Resolve([]Page{page("v1/a.md", "v1.0", "a"), page("x.md", "", "x")}, ResolveOptions{})
	assert.False(t, diags.HasErrors())
	assert.Equal(t, "v1.0", spec.Version)
	assert.Equal(t, "https://graph.microsoft.com/v1.0", ServiceRoot(spec.Version))
	assert.Equal(t, "https://graph.microsoft.com/beta", ServiceRoot(""), "pages that do not say are beta, as docgen always took them")

	mixed := []Page{page("v1/a.md", "v1.0", "a"), page("v1/b.md", "v1.0", "b"), page("beta/a.md", "beta", "a"), page("x.md", "", "x")}
	_, diags = Resolve(mixed, ResolveOptions{})
	require.True(t, diags.HasErrors())
	assert.Contains(t, diags[0].String(), "beta/a.md:1:1: pages document two API versions: 2 of v1.0 (such as v1/a.md) and 1 of beta")

	groups := SplitVersions(mixed)
	require.Len(t, groups, 2)
	for _, g := range groups {
		_, diags := Resolve(g, ResolveOptions{})
		assert.False(t, diags.HasErrors(), "%v", diags)
		assert.Equal(t, "x.md", g[len(g)-1].File, "a page that states no version goes with each")
	}
}

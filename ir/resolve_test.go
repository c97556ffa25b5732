package ir

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLinkFallbackByFileName: a link whose directory matches no page falls
// back to the pages of that file name; with two of them, the one defining
// the linked name wins, every time.
func TestLinkFallbackByFileName(t *testing.T) {
	pages := []Page{
		{File: "a/x.md", Kind: PageResource, Namespace: DefaultNamespace, Types: []Type{{Name: "microsoft.graph.alpha", Kind: KindComplex}}},
		{File: "b/x.md", Kind: PageResource, Namespace: DefaultNamespace, Types: []Type{{Name: "microsoft.graph.beta", Kind: KindComplex}}},
		{File: "thing.md", Kind: PageResource, Namespace: DefaultNamespace, Types: []Type{{Name: "microsoft.graph.thing", Kind: KindComplex,
			Properties: []Property{{Name: "b", Pos: Pos{File: "thing.md", Line: 9},
				Type: TypeRef{Name: "microsoft.graph.Beta", Href: "/graph/api/resources/x?view=graph-rest-beta"}}}}}},
	}
	for range 20 { // map order differs between runs; the answer must not
		spec, diags := Resolve(pages, ResolveOptions{})
		require.False(t, diags.HasErrors(), "%v", diags)
		var thing *Type
		for i := range spec.Types {
			if spec.Types[i].Name == "microsoft.graph.thing" {
				thing = &spec.Types[i]
			}
		}
		require.NotNil(t, thing)
		assert.Equal(t, "microsoft.graph.beta", thing.Properties[0].Type.Name)
	}
}

// chainPages is a chain of n resource pages, chainType1 ← chainType2 ← …
// ← chainTypeN, each with one property of its own (pI); file names sort
// with chainType1's page first, or, reversed, with chainTypeN's first.
func chainPages(n int, reversed bool) []Page {
	var pages []Page
	for i := 1; i <= n; i++ {
		num := i
		if reversed {
			num = n + 1 - i
		}
		file := fmt.Sprintf("resources/%03d.md", num)
		t := Type{Name: fmt.Sprintf("microsoft.graph.chainType%d", i), Kind: KindComplex, Pos: Pos{File: file, Line: 1, Col: 1},
			Properties: []Property{{Name: fmt.Sprintf("p%d", i), Type: TypeRef{Name: "Edm.String"}, Pos: Pos{File: file, Line: 9, Col: 1}}}}
		if i > 1 {
			t.Base = fmt.Sprintf("microsoft.graph.chainType%d", i-1)
		}
		pages = append(pages, Page{File: file, Kind: PageResource, Namespace: DefaultNamespace, Types: []Type{t}})
	}
	return pages
}

// flat is the inheritance of spec's types: for each, its base and its
// properties as "name<declaring type" (empty: its own).
func flat(spec *Spec) map[string][]string {
	out := map[string][]string{}
	for _, t := range spec.Types {
		props := []string{"base=" + t.Base}
		for _, p := range t.Properties {
			props = append(props, p.Name+"<"+p.InheritedFrom)
		}
		out[t.Name] = props
	}
	return out
}

// TestLongInheritanceChain: a chain of 100 types gives every type all the
// properties of its ancestors, its own first and then its base's (the
// nearest ancestor's first), whichever page comes first; a depth limit used to
// cut chainType100 to 65 properties when its page sorted first.
func TestLongInheritanceChain(t *testing.T) {
	const n = 100
	forward, diags := Resolve(chainPages(n, false), ResolveOptions{})
	require.False(t, diags.HasErrors(), "%v", diags)
	backward, diags := Resolve(chainPages(n, true), ResolveOptions{})
	require.False(t, diags.HasErrors(), "%v", diags)
	want := map[string][]string{}
	for i := 1; i <= n; i++ {
		props := []string{"base="}
		if i > 1 {
			props[0] += fmt.Sprintf("microsoft.graph.chainType%d", i-1)
		}
		props = append(props, fmt.Sprintf("p%d<", i))
		for j := i - 1; j >= 1; j-- {
			props = append(props, fmt.Sprintf("p%d<microsoft.graph.chainType%d", j, j))
		}
		want[fmt.Sprintf("microsoft.graph.chainType%d", i)] = props
	}
	assert.Equal(t, want, flat(forward))
	assert.Equal(t, want, flat(backward))
	for _, ty := range backward.Types {
		if ty.Name == "microsoft.graph.chainType100" {
			assert.Len(t, ty.Properties, 100)
			assert.Len(t, ty.Derived, 0)
		}
		if ty.Name == "microsoft.graph.chainType1" {
			assert.Len(t, ty.Derived, 99)
		}
	}
}

// TestInheritanceCycle: a cycle is one positioned error naming all of it,
// from the member whose name sorts first, which loses its base; a type
// that only derives from a member keeps its base and gets the properties
// of what remains of the chain. The same whatever order the pages sort in.
func TestInheritanceCycle(t *testing.T) {
	// c → a → b → c, and d → b.
	bases := map[string]string{"c": "a", "a": "b", "b": "c", "d": "b"}
	for _, files := range [][]string{{"1", "2", "3", "4"}, {"4", "3", "2", "1"}, {"2", "4", "1", "3"}} {
		var pages []Page
		for i, name := range []string{"a", "b", "c", "d"} {
			file := "resources/" + files[i] + ".md"
			pages = append(pages, Page{File: file, Kind: PageResource, Namespace: DefaultNamespace, Types: []Type{{
				Name: "microsoft.graph." + name, Kind: KindComplex, Base: "microsoft.graph." + bases[name], Pos: Pos{File: file, Line: 5, Col: 1},
				Properties: []Property{{Name: name + "Prop", Type: TypeRef{Name: "Edm.String"}}},
			}}})
		}
		spec, diags := Resolve(pages, ResolveOptions{})
		var errs []string
		for _, d := range diags {
			if d.Severity == SevError {
				errs = append(errs, d.String())
			}
		}
		aFile := "resources/" + files[0] + ".md"
		assert.Equal(t, []string{aFile + ":5:1: type microsoft.graph.a: inheritance cycle microsoft.graph.a → microsoft.graph.b → " +
			"microsoft.graph.c → microsoft.graph.a; ignoring its base microsoft.graph.b"}, errs, "files %v", files)
		got := flat(spec)
		assert.Equal(t, []string{"base=", "aProp<"}, got["microsoft.graph.a"])
		assert.Equal(t, []string{"base=microsoft.graph.c", "bProp<", "cProp<microsoft.graph.c", "aProp<microsoft.graph.a"}, got["microsoft.graph.b"])
		assert.Equal(t, []string{"base=microsoft.graph.b", "dProp<", "bProp<microsoft.graph.b", "cProp<microsoft.graph.c", "aProp<microsoft.graph.a"}, got["microsoft.graph.d"])
	}
}

// TestWrappedResponseExample: {"value": {...}} around one entity (the 2021
// Intune get pages) is Wrapped, typed by the inner "@odata.type"; a type
// whose "value" property can hold an object keeps its example as it is,
// one whose "value" is a primitive or a collection cannot be shown whole.
func TestWrappedResponseExample(t *testing.T) {
	prop := func(name string) Property { return Property{Name: name, Type: TypeRef{Name: "Edm.String"}} }
	pages := []Page{{File: "r.md", Kind: PageResource, Types: []Type{
		{Name: "microsoft.graph.thing", Properties: []Property{prop("size")}},
		{Name: "microsoft.graph.bigThing", Base: "microsoft.graph.thing", Properties: []Property{prop("bulk")}},
		{Name: "microsoft.graph.box", Properties: []Property{{Name: "value", Type: TypeRef{Name: "microsoft.graph.thing"}}}},
		{Name: "microsoft.graph.setting", Properties: []Property{prop("value")}},
	}}, {File: "a.md", Kind: PageAPI, Examples: []Example{
		{Role: RoleResponse, Type: "microsoft.graph.thing", Body: `{"value": {"@odata.type": "#microsoft.graph.bigThing", "size": "1"}}`, Pos: Pos{File: "a.md", Line: 1}},
		{Role: RoleResponse, Type: "microsoft.graph.box", Body: `{"value": {"a": 1}}`, Pos: Pos{File: "a.md", Line: 2}},
		{Role: RoleRequest, Type: "microsoft.graph.thing", Body: `{"value": {"size": "1"}}`, Pos: Pos{File: "a.md", Line: 3}},
		{Role: RoleResponse, Type: "microsoft.graph.setting", Body: `{"value": {"value": "on"}}`, Pos: Pos{File: "a.md", Line: 4}},
	}}}
	spec, _ := Resolve(pages, ResolveOptions{})
	require.Len(t, spec.Examples, 4)
	assert.True(t, spec.Examples[0].Wrapped)
	assert.Equal(t, "microsoft.graph.bigThing", spec.Examples[0].Type)
	assert.False(t, spec.Examples[1].Wrapped, "box has a value property")
	assert.False(t, spec.Examples[2].Wrapped, "only responses")
	assert.True(t, spec.Examples[3].Wrapped, "a string value cannot be an object")
}

// TestValueMemberEscaped: the pre-check that spares decoding a body
// without a "value" member still lets an escaped name through.
func TestValueMemberEscaped(t *testing.T) {
	for body, want := range map[string]bool{
		`{"value": [1]}`:                       true,
		`{"\u0076alue": [1]}`:                  true,
		`{"@odata.context": "x", "value": {}}`: true,
		`{"id": "1"}`:                          false,
		`{"value": [1], "id": "1"}`:            false,
	} {
		if _, got := ValueMember(body); got != want {
			t.Errorf("ValueMember(%s) = %v, want %v", body, got, want)
		}
	}
}

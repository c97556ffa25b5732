package ir

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFlagsFromExamples: an example that sends members joined by commas
// makes the enum a flags enum; a value one of whose parts is no member, or
// an example of another type, does not.
func TestFlagsFromExamples(t *testing.T) {
	member := func(names ...string) (ms []EnumMember) {
		for _, n := range names {
			ms = append(ms, EnumMember{Name: n})
		}
		return ms
	}
	pages := []Page{
		{File: "rule.md", Kind: PageResource, Namespace: DefaultNamespace, Types: []Type{{Name: "microsoft.graph.rule", Kind: KindComplex,
			Properties: []Property{
				{Name: "profiles", Type: TypeRef{Name: "microsoft.graph.profileTypes"}},
				{Name: "shade", Type: TypeRef{Name: "microsoft.graph.shade"}},
			}}}},
		{File: "profiletypes.md", Kind: PageEnum, Namespace: DefaultNamespace, Enums: []Enum{{Name: "microsoft.graph.profileTypes", Members: member("domain", "private", "public")}}},
		{File: "shade.md", Kind: PageEnum, Namespace: DefaultNamespace, Enums: []Enum{{Name: "microsoft.graph.shade", Members: member("light", "dark")}}},
		{File: "rule-update.md", Kind: PageAPI, Namespace: DefaultNamespace, Examples: []Example{
			{Role: RoleRequest, Type: "microsoft.graph.rule", Body: `{"profiles": "domain, private", "shade": "light,grey"}`},
		}},
	}
	spec, diags := Resolve(pages, ResolveOptions{})
	require.False(t, diags.HasErrors(), "%v", diags)
	flags := map[string]bool{}
	for _, e := range spec.Enums {
		flags[e.Name] = e.Flags
	}
	assert.Equal(t, map[string]bool{"microsoft.graph.profileTypes": true, "microsoft.graph.shade": false}, flags)
}

// TestMayHoldCommaString: the pre-check that spares decoding an example
// must never say "no" to a body where some string holds a comma, spelt
// out or escaped.
func TestMayHoldCommaString(t *testing.T) {
	for body, want := range map[string]bool{
		`{"a": "x", "b": 1}`:            false,
		`{"a": "x,y"}`:                  true,
		`{"a": "x\u002cy"}`:             true,
		`{"a": "say \"hi\"", "b": "c"}`: true, // an escape: decoded to be sure
		`[1, 2, 3]`:                     false,
		``:                              false,
	} {
		if got := mayHoldCommaString(body); got != want {
			t.Errorf("mayHoldCommaString(%s) = %v, want %v", body, got, want)
		}
	}
}

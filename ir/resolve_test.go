package ir

import (
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

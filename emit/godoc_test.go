package emit

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docgen-dev/docgen/ir"
)

func TestPropertyDocDeprecated(t *testing.T) {
	props := []ir.Property{
		{Name: "singleSignOnExtension", GoName: "SingleSignOnExtension", Description: "Gets or sets a profile. Deprecated: use IOSSingleSignOnExtension instead."},
		{Name: "iosSingleSignOnExtension", GoName: "IosSingleSignOnExtension"},
		{Name: "associatedDomains", GoName: "AssociatedDomains", Description: "DEPRECATED: use appAssociatedDomains instead. Maps apps to domains."},
		{Name: "appAssociatedDomains", GoName: "AppAssociatedDomains", Description: "This property will be deprecated in July 2019."},
	}
	assert.Equal(t, []string{"SingleSignOnExtension: Gets or sets a profile.", "Deprecated: use IosSingleSignOnExtension instead."}, propertyDoc(props[0], props))
	assert.Equal(t, []string{"AssociatedDomains: Maps apps to domains.", "Deprecated: use AppAssociatedDomains instead."}, propertyDoc(props[2], props))
	assert.Equal(t, []string{"AppAssociatedDomains: This property will be deprecated in July 2019. (note)"}, propertyDoc(props[3], props, "(note)"))
	assert.Equal(t, []string{"IosSingleSignOnExtension is the iosSingleSignOnExtension property."}, propertyDoc(props[1], props))
}

func TestMemberDocNoRepetition(t *testing.T) {
	assert.Equal(t, `ChassisTypeUnknown is "unknown".`, memberDoc(ir.EnumMember{Name: "unknown", GoName: "ChassisTypeUnknown", Description: "Unknown."}))
	assert.Equal(t, `XNone is "none".`, memberDoc(ir.EnumMember{Name: "none", GoName: "XNone", Description: "none"}))
	assert.Equal(t, `XUnknown is "unknown". Unknown device action.`, memberDoc(ir.EnumMember{Name: "unknown", GoName: "XUnknown", Description: "Unknown device action."}))
}

func TestTypeDocSynthesized(t *testing.T) {
	g := &gen{}
	doc := g.typeDoc(&ir.Type{Name: "microsoft.graph.entity", GoName: "Entity", Kind: ir.KindEntity, Synthesized: true, Pos: ir.Pos{File: "a.md", Line: 3, Col: 1}})
	assert.NotContains(t, doc[len(doc)-1], "Documented at")
	assert.Contains(t, doc[len(doc)-1], "synthesised")
	doc = g.typeDoc(&ir.Type{Name: "microsoft.graph.thing", GoName: "Thing", Kind: ir.KindEntity, Pos: ir.Pos{File: "a.md", Line: 3, Col: 1}})
	assert.Equal(t, "Documented at a.md.", doc[len(doc)-1])
}

package lint

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docgen-dev/docgen/ir"
)

// TestResourcePlaceholders: a resource's JSON representation may write the
// name of a property's type ("Boolean", "Double", "Int32 (read-only)") in
// place of a value; only real examples must hold values of the type.
func TestResourcePlaceholders(t *testing.T) {
	thing := ir.Type{Name: "microsoft.graph.thing", Properties: []ir.Property{
		{Name: "flag", Type: ir.TypeRef{Name: "Edm.Boolean"}},
		{Name: "weight", Type: ir.TypeRef{Name: "Edm.Double"}},
		{Name: "size", Type: ir.TypeRef{Name: "Edm.Int32"}},
	}}
	check := func(role ir.ExampleRole, body string) []string {
		spec := &ir.Spec{Types: []ir.Type{thing}, Examples: []ir.Example{{
			Role: role, Type: thing.Name, Body: body, Pos: ir.Pos{File: "p.md", Line: 1, Col: 1},
		}}}
		var codes []string
		for _, d := range Check(spec) {
			codes = append(codes, d.Code)
		}
		return codes
	}
	placeholders := `{"flag": "Boolean", "weight": "Double", "size": "Int32 (read-only)"}`
	assert.Empty(t, check(ir.RoleResource, placeholders))
	assert.Equal(t, []string{"example-type", "example-type", "example-type"}, check(ir.RoleRequest, placeholders))
	assert.Equal(t, []string{"example-type"}, check(ir.RoleResource, `{"flag": "yes"}`), "a string that names no type is still wrong")
}

// TestEnumCaseHint: a value that differs from a member only in case is
// still reported (enum values are case-sensitive on the wire), naming the
// member it was probably meant to be.
func TestEnumCaseHint(t *testing.T) {
	spec := &ir.Spec{
		Types: []ir.Type{{Name: "microsoft.graph.incident", Properties: []ir.Property{
			{Name: "classification", Type: ir.TypeRef{Name: "microsoft.graph.alertClassification"}},
		}}},
		Enums: []ir.Enum{{Name: "microsoft.graph.alertClassification", Members: []ir.EnumMember{{Name: "truePositive"}, {Name: "falsePositive"}}}},
		Examples: []ir.Example{{Role: ir.RoleRequest, Type: "microsoft.graph.incident", Pos: ir.Pos{File: "p.md", Line: 1, Col: 1},
			Body: `{"classification": "TruePositive"}`}},
	}
	diags := Check(spec)
	if assert.Len(t, diags, 1) {
		assert.Equal(t, `request example: classification = "TruePositive" is not a documented value of microsoft.graph.alertClassification (the documented member is "truePositive": enum values are case-sensitive)`, diags[0].Message)
	}
	spec.Examples[0].Body = `{"classification": "unknownValue"}`
	diags = Check(spec)
	if assert.Len(t, diags, 1) {
		assert.NotContains(t, diags[0].Message, "documented member is")
	}
}

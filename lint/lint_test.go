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

// TestODataTypeOutsideHierarchy: an example's "@odata.type" switches the
// checks to a derived type, but a type that does not derive from the
// expected one is reported (the generated code would keep the value raw),
// not silently checked as if it did.
func TestODataTypeOutsideHierarchy(t *testing.T) {
	spec := &ir.Spec{
		Types: []ir.Type{
			{Name: "microsoft.graph.policy", Derived: []string{"microsoft.graph.strictPolicy"}, Properties: []ir.Property{{Name: "name", Type: ir.TypeRef{Name: "Edm.String"}}}},
			{Name: "microsoft.graph.strictPolicy", Base: "microsoft.graph.policy", Properties: []ir.Property{
				{Name: "name", Type: ir.TypeRef{Name: "Edm.String"}}, {Name: "level", Type: ir.TypeRef{Name: "Edm.Int32"}}}},
			{Name: "microsoft.graph.device", Properties: []ir.Property{{Name: "level", Type: ir.TypeRef{Name: "Edm.String"}}}},
		},
	}
	check := func(body string) []string {
		spec.Examples = []ir.Example{{Role: ir.RoleRequest, Type: "microsoft.graph.policy", Body: body, Pos: ir.Pos{File: "p.md", Line: 1, Col: 1}}}
		var out []string
		for _, d := range Check(spec) {
			out = append(out, d.Code+": "+d.Message)
		}
		return out
	}
	assert.Empty(t, check(`{"@odata.type": "#microsoft.graph.strictPolicy", "name": "a", "level": 2}`), "a derived type's own properties are known")
	assert.Equal(t, []string{`example-type: request example: level is a string, but its documented type is Edm.Int32`},
		check(`{"@odata.type": "#microsoft.graph.strictPolicy", "level": "2"}`), "and checked against it")
	assert.Equal(t, []string{"example-odata-type: request example: the body: @odata.type names microsoft.graph.device, which does not derive from microsoft.graph.policy"},
		check(`{"@odata.type": "#microsoft.graph.device", "level": "x"}`))
	assert.Empty(t, check(`{"@odata.type": "#microsoft.graph.undocumented", "anything": 1}`), "an undocumented type cannot be checked")
}

// TestRules: examples are checked against the documented rules by the
// generated code's own checker: ranges, lengths in characters, and item
// counts, which lint once ignored.
func TestRules(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	spec := &ir.Spec{Types: []ir.Type{{Name: "microsoft.graph.thing", Properties: []ir.Property{
		{Name: "port", Type: ir.TypeRef{Name: "Edm.Int32"}, Rules: []ir.Rule{{Kind: ir.RuleRange, Min: f(0), Max: f(65535), Text: "Valid values 0 to 65,535"}}},
		{Name: "street", Type: ir.TypeRef{Name: "Edm.String"}, Rules: []ir.Rule{{Kind: ir.RuleMaxLength, Max: f(1024), Text: "Maximum length is 1,024 characters"}}},
		{Name: "tags", Type: ir.TypeRef{Name: "Edm.String", Collection: true}, Rules: []ir.Rule{
			{Kind: ir.RuleMaxItems, Max: f(2), Text: "up to 2 values"}, {Kind: ir.RuleMaxLength, Max: f(3), Text: "each with a limit of 3 characters"}}},
	}}}}
	check := func(body string) []string {
		spec.Examples = []ir.Example{{Role: ir.RoleRequest, Type: "microsoft.graph.thing", Body: body, Pos: ir.Pos{File: "p.md", Line: 1, Col: 1}}}
		var out []string
		for _, d := range Check(spec) {
			out = append(out, d.Code+": "+d.Message)
		}
		return out
	}
	assert.Empty(t, check(`{"port": 65535, "street": "1 Microsoft Way", "tags": ["a", "bcd"]}`))
	assert.Equal(t, []string{
		`example-rule: request example: port: 65536 is out of the documented range (0 to 65535); the documentation says "Valid values 0 to 65,535"`,
		`example-rule: request example: tags: item count 3 breaks the documented limit (at most 2); the documentation says "up to 2 values"`,
		`example-rule: request example: tags[2]: length 4 breaks the documented limit (at most 3); the documentation says "each with a limit of 3 characters"`,
	}, check(`{"port": 65536, "tags": ["a", "b", "cdef"]}`))
}

package wire

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docgen-dev/docgen/ir"
)

// TestTag: each rule is one tag item, bounds in plain decimal, and the
// runtime reads back what was written.
func TestTag(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	for _, c := range []struct {
		name  string
		rules []ir.Rule
		want  []string
	}{
		{"a range", []ir.Rule{{Kind: ir.RuleRange, Min: f(0), Max: f(1440)}}, []string{"range=0..1440"}},
		{"open ends, no exponent", []ir.Rule{{Kind: ir.RuleRange, Min: f(-5)}, {Kind: ir.RuleRange, Max: f(1e7)}}, []string{"range=-5..", "range=..10000000"}},
		{"a fraction", []ir.Rule{{Kind: ir.RuleRange, Max: f(0.5)}}, []string{"range=..0.5"}},
		{"a range without bounds", []ir.Rule{{Kind: ir.RuleRange}}, nil},
		{"lengths", []ir.Rule{{Kind: ir.RuleMaxLength, Max: f(1024)}, {Kind: ir.RuleMinLength, Min: f(1)}}, []string{"maxLength=1024", "minLength=1"}},
		{"items", []ir.Rule{{Kind: ir.RuleMaxItems, Max: f(150)}, {Kind: ir.RuleMinItems, Min: f(1)}}, []string{"maxItems=150", "minItems=1"}},
		{"a bound on the wrong side", []ir.Rule{{Kind: ir.RuleMaxLength, Min: f(3)}}, nil},
	} {
		assert.Equal(t, c.want, Tag(c.rules), c.name)
	}
	r := parseRules("range=-5..,range=..10000000,maxLength=1024,minLength=1,maxItems=150,minItems=1")
	assert.Equal(t, rules{
		ranges:    []bound{{lo: "-5", min: -5, max: math.Inf(1)}, {hi: "10000000", min: math.Inf(-1), max: 1e7}},
		minLength: 1, maxLength: 1024, minItems: 1, maxItems: 150,
	}, r)
}

// TestCheck is the checker lint uses: the generated code's messages.
func TestCheck(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	assert.Equal(t, []Problem{{"port", "70,000 is out of the documented range (0 to 65535)", "range"}},
		Check(ir.Rule{Kind: ir.RuleRange, Min: f(0), Max: f(65535)}, "port", Value{Kind: NumberValue, Number: 70000, Text: "70,000"}))
	assert.Empty(t, Check(ir.Rule{Kind: ir.RuleRange, Min: f(0), Max: f(65535)}, "port", Value{Kind: NumberValue, Number: 65535, Text: "65535"}))
	assert.Equal(t, []Problem{{"streetAddress", "length 5 breaks the documented limit (at most 4)", "maxLength"}},
		Check(ir.Rule{Kind: ir.RuleMaxLength, Max: f(4)}, "streetAddress", Value{Kind: StringValue, Text: "héllo"}))
	assert.Empty(t, Check(ir.Rule{Kind: ir.RuleMaxLength, Max: f(1024)}, "streetAddress", Value{Kind: StringValue, Text: "1 Microsoft Way"}))
	assert.Equal(t, []Problem{{"tags", "item count 3 breaks the documented limit (at most 2)", "maxItems"}},
		Check(ir.Rule{Kind: ir.RuleMaxItems, Max: f(2)}, "tags", Value{Kind: CollectionValue, Items: 3}))
	assert.Equal(t, []Problem{{"tags", "item count 0 breaks the documented limit (at least 1)", "minItems"}},
		Check(ir.Rule{Kind: ir.RuleMinItems, Min: f(1)}, "tags", Value{Kind: CollectionValue}))
	// A length rule says nothing about a number, nor a range about a string.
	assert.Empty(t, Check(ir.Rule{Kind: ir.RuleMaxLength, Max: f(1)}, "n", Value{Kind: NumberValue, Number: 100, Text: "100"}))
	assert.Empty(t, Check(ir.Rule{Kind: ir.RuleRange, Max: f(1)}, "s", Value{Kind: StringValue, Text: "100"}))
}

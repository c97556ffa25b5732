package emit

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docgen-dev/docgen/ir"
)

// TestRuleTags: a rule reaches the docgen tag only where the runtime can
// check it on the property's type; bounds are written in plain decimal.
func TestRuleTags(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	g := newGen(&ir.Spec{}, Options{Package: "p"})
	prop := func(typ string, coll bool, rules ...ir.Rule) ir.Property {
		return ir.Property{Name: "x", Type: ir.TypeRef{Name: typ, Collection: coll}, Rules: rules}
	}
	for _, c := range []struct {
		name string
		p    ir.Property
		want []string
	}{
		{"range on an integer", prop("Edm.Int32", false, ir.Rule{Kind: ir.RuleRange, Min: f(0), Max: f(1440)}), []string{"range=0..1440"}},
		{"open ends, no exponent", prop("Edm.Int64", false, ir.Rule{Kind: ir.RuleRange, Min: f(-5)}, ir.Rule{Kind: ir.RuleRange, Max: f(1e7)}),
			[]string{"range=-5..", "range=..10000000"}},
		{"range on decimal items", prop("Edm.Decimal", true, ir.Rule{Kind: ir.RuleRange, Max: f(0.5)}), []string{"range=..0.5"}},
		{"range without bounds", prop("Edm.Int32", false, ir.Rule{Kind: ir.RuleRange}), nil},
		{"range on a string", prop("Edm.String", false, ir.Rule{Kind: ir.RuleRange, Max: f(3)}), nil},
		{"lengths on a string", prop("Edm.String", false, ir.Rule{Kind: ir.RuleMaxLength, Max: f(128)}, ir.Rule{Kind: ir.RuleMinLength, Min: f(1)}),
			[]string{"maxLength=128", "minLength=1"}},
		{"length on a number", prop("Edm.Int32", false, ir.Rule{Kind: ir.RuleMaxLength, Max: f(128)}), nil},
		{"items on a collection", prop("Edm.String", true, ir.Rule{Kind: ir.RuleMaxItems, Max: f(150)}, ir.Rule{Kind: ir.RuleMinItems, Min: f(1)}),
			[]string{"maxItems=150", "minItems=1"}},
		{"items on one value", prop("Edm.String", false, ir.Rule{Kind: ir.RuleMaxItems, Max: f(150)}), nil},
	} {
		assert.Equal(t, c.want, g.ruleTags(c.p), c.name)
	}
}

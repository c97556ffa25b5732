package wire

import (
	"strconv"

	"github.com/docgen-dev/docgen/ir"
)

// This file is docgen's own way into the rule checks of runtime.go (it is
// not copied into generated packages): emit writes a property's rules
// with Tag into its field's "docgen" struct tag, and lint checks the
// documentation's examples with Check, so that an example is judged by the
// very code that checks a user's values.

// Tag is the docgen struct tag items of rules, in order, as the runtime
// reads them: "range=MIN..MAX", "minLength=N", "maxLength=N",
// "minItems=N", "maxItems=N". A rule without the bound its kind needs, or
// of a kind the runtime does not check, has no item. Which rules a
// property has is decided once, by the parser (prose.Rules).
func Tag(rules []ir.Rule) []string {
	var out []string
	for _, r := range rules {
		switch {
		case r.Kind == ir.RuleRange && (r.Min != nil || r.Max != nil):
			out = append(out, "range="+tagNumber(r.Min)+".."+tagNumber(r.Max))
		case r.Kind == ir.RuleMinLength && r.Min != nil:
			out = append(out, "minLength="+strconv.Itoa(int(*r.Min)))
		case r.Kind == ir.RuleMaxLength && r.Max != nil:
			out = append(out, "maxLength="+strconv.Itoa(int(*r.Max)))
		case r.Kind == ir.RuleMinItems && r.Min != nil:
			out = append(out, "minItems="+strconv.Itoa(int(*r.Min)))
		case r.Kind == ir.RuleMaxItems && r.Max != nil:
			out = append(out, "maxItems="+strconv.Itoa(int(*r.Max)))
		}
	}
	return out
}

func tagNumber(x *float64) string {
	if x == nil {
		return ""
	}
	return strconv.FormatFloat(*x, 'f', -1, 64)
}

// Value is one value of an example, as Check needs it: for a number, its
// value and the text it is written with; for a string, the string; for
// a collection, its number of items.
type Value struct {
	Kind   ValueKind
	Number float64
	Text   string // a number as written, or the string
	Items  int
}

// ValueKind says which field of a Value is set.
type ValueKind int

// Value kinds.
const (
	NumberValue ValueKind = iota
	StringValue
	CollectionValue
)

// Check reports what rule breaks in v, as the generated Validate would:
// the same checks, the same messages, path as given.
func Check(rule ir.Rule, path string, v Value) []Problem {
	var tag string
	if items := Tag([]ir.Rule{rule}); len(items) > 0 {
		tag = items[0]
	}
	r := parseRules(tag)
	var errs ValidationError
	switch v.Kind {
	case NumberValue:
		r.checkNumber(&errs, path, v.Number, v.Text)
	case StringValue:
		r.checkLength(&errs, path, v.Text)
	case CollectionValue:
		r.checkItems(&errs, path, v.Items, false)
	}
	return errs.Problems
}

package prose

import (
	"fmt"
	"strings"

	"github.com/docgen-dev/docgen/ir"
)

// Finding is a bound a description states that does not become a rule,
// and why: docgen checks only what it is sure of, since a wrong rule
// rejects valid data.
type Finding struct {
	// Code is "rule-doubtful" (the text does not clearly bound the
	// property), "rule-not-applicable" (it bounds something the
	// property's type does not have) or "rule-conflict" (bounds that
	// contradict each other or the default).
	Code    string
	Message string
}

// Rules decides which bounds of f become validation rules of a property
// of type t: the one place where prose turns into rules. A bound becomes
// a rule when nothing casts doubt on it, its measure applies to the type
// (a numeric value to a number, a length in characters to a string,
// a number of items to a collection; a size in bytes to nothing) and it
// agrees with the other bounds of its measure and with the default. Of a
// collection, ranges and lengths apply to each item.
//
// The rules come in this order: ranges in text order, then minLength,
// maxLength, minItems and maxItems. Every other bound is a Finding.
func Rules(f Facts, t ir.TypeRef) ([]ir.Rule, []Finding) {
	var fs []Finding
	groups := map[Measure][]Bound{}
	for _, b := range f.Bounds {
		switch {
		case b.Doubt != "":
			fs = append(fs, Finding{"rule-doubtful", fmt.Sprintf("%q is not read as a rule: %s", b.Text, b.Doubt)})
		case b.Measure == Bytes:
			fs = append(fs, Finding{"rule-doubtful", fmt.Sprintf("%q is not read as a rule: it is a size in bytes, not a length in characters, and which encoding the service counts is not documented", b.Text)})
		case !applies(b.Measure, t):
			fs = append(fs, Finding{"rule-not-applicable", fmt.Sprintf("%q limits %s, which a property of type %s does not have; not checked", b.Text, b.Measure, typeText(t))})
		default:
			groups[b.Measure] = append(groups[b.Measure], b)
		}
	}
	var rules []ir.Rule
	if bs := groups[Value]; len(bs) > 0 {
		if c := conflict(bs); c != "" {
			fs = append(fs, Finding{"rule-conflict", c + "; no range is checked"})
		} else if d := defaultOutside(f, bs); d != "" {
			fs = append(fs, Finding{"rule-conflict", d + "; the range is not checked"})
		} else {
			for _, b := range bs {
				rules = append(rules, ir.Rule{Kind: ir.RuleRange, Min: b.Min, Max: b.Max, Text: b.Text})
			}
		}
	}
	for _, g := range []struct {
		m        Measure
		min, max ir.RuleKind
		what     string
	}{{Length, ir.RuleMinLength, ir.RuleMaxLength, "length"}, {Items, ir.RuleMinItems, ir.RuleMaxItems, "item count"}} {
		bs := groups[g.m]
		if len(bs) == 0 {
			continue
		}
		if c := conflict(bs); c != "" {
			fs = append(fs, Finding{"rule-conflict", c + "; no " + g.what + " is checked"})
			continue
		}
		if b, ok := side(bs, true); ok {
			rules = append(rules, ir.Rule{Kind: g.min, Min: b.Min, Text: b.Text})
		}
		if b, ok := side(bs, false); ok {
			rules = append(rules, ir.Rule{Kind: g.max, Max: b.Max, Text: b.Text})
		}
	}
	return rules, fs
}

// applies reports whether a bound on m can be checked on a value of type t.
func applies(m Measure, t ir.TypeRef) bool {
	switch m {
	case Value:
		return ir.IsNumeric(t.Name)
	case Length:
		return t.Name == "Edm.String"
	case Items:
		return t.Collection
	}
	return false
}

func typeText(t ir.TypeRef) string {
	if t.Collection {
		return t.Name + " collection"
	}
	return t.Name
}

// conflict describes how bounds of one measure contradict each other:
// two different minimums or maximums ("Score will be in the range 0-100
// ... Valid values 0 to 9999999"), or a minimum above a maximum stated
// apart ("at least 10 characters ... up to 8 characters"). "" when they
// agree.
func conflict(bs []Bound) string {
	lo, loOK := side(bs, true)
	hi, hiOK := side(bs, false)
	for _, b := range bs {
		if b.Min != nil && loOK && *b.Min != *lo.Min {
			return fmt.Sprintf("%q and %q state different minimums", lo.Text, b.Text)
		}
		if b.Max != nil && hiOK && *b.Max != *hi.Max {
			return fmt.Sprintf("%q and %q state different maximums", hi.Text, b.Text)
		}
	}
	if loOK && hiOK && *lo.Min > *hi.Max {
		return fmt.Sprintf("the minimum of %q is above the maximum of %q", lo.Text, hi.Text)
	}
	return ""
}

// side returns the first bound of bs that states a minimum (or, when min
// is false, a maximum).
func side(bs []Bound, min bool) (Bound, bool) {
	for _, b := range bs {
		if min && b.Min != nil || !min && b.Max != nil {
			return b, true
		}
	}
	return Bound{}, false
}

// defaultOutside describes how the numeric default f states lies outside
// the ranges bs, or returns "".
func defaultOutside(f Facts, bs []Bound) string {
	d, ok := parseNumber(strings.TrimSpace(f.Default))
	if !ok || f.Default == "" {
		return ""
	}
	for _, b := range bs {
		if b.Min != nil && d < *b.Min || b.Max != nil && d > *b.Max {
			return fmt.Sprintf("the default %s (%q) is outside %q", f.Default, f.DefaultText, b.Text)
		}
	}
	return ""
}

package emit

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/emit/wire"
	"github.com/docgen-dev/docgen/ir"
)

// validateFile emits, for every model, Validate and, when it has required
// properties, CheckRequired. Both are one call into the runtime, which reads
// the documented rules from the fields' "docgen" tags (see ruleTags): a
// package of hundreds of models carries its rules as data rather than as a
// function per model, which is what made large packages slow to compile.
func (g *gen) validateFile(f *jen.File) {
	for i := range g.spec.Types {
		t := &g.spec.Types[i]
		f.Comment("Validate reports every documented rule m breaks, each with its property")
		f.Comment("path, or nil. Undocumented enum values are reported here even though")
		f.Comment("they decode and re-encode unchanged.")
		f.Func().Params(jen.Id("m").Op("*").Id(t.GoName)).Id("Validate").Params().Error().Block(
			jen.Return(jen.Id("validateModel").Call(jen.Id("m"))),
		)
		f.Line()
		if !slices.ContainsFunc(t.Properties, func(p ir.Property) bool { return p.Required }) {
			continue
		}
		f.Comment("CheckRequired reports every property the documentation says is required")
		f.Comment("(to create a " + t.GoName + ") that m does not set; nested models have")
		f.Comment("their own. It is separate from Validate because updates and responses")
		f.Comment("need not carry them.")
		f.Func().Params(jen.Id("m").Op("*").Id(t.GoName)).Id("CheckRequired").Params().Error().Block(
			jen.Return(jen.Id("checkRequired").Call(jen.Id("m"))),
		)
		f.Line()
	}
}

// ruleTags are the documented rules of p in the form the runtime reads
// from a field's "docgen" tag. The parser decided which rules p has
// (prose.Rules: only those that apply to its type and that docgen is sure
// of); they are written as they are.
func (g *gen) ruleTags(p ir.Property) []string { return wire.Tag(p.Rules) }

// tagLiteral is the Go literal of the struct tag m, as jennifer's Tag
// writes it: key:"value" pairs in key order, values quoted with %q (so
// documentation text in a JSON name stays inside its quotes), backquoted
// where the whole can be.
func tagLiteral(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var str string
	for _, k := range keys {
		if len(str) > 0 {
			str += " "
		}
		str += fmt.Sprintf(`%s:%q`, k, m[k])
	}
	if strconv.CanBackquote(str) {
		return "`" + str + "`"
	}
	return strconv.Quote(str)
}

// tags is a field's struct tag: its JSON name, and its rules when it has any.
func tags(jsonName string, rules []string) map[string]string {
	m := map[string]string{"json": jsonName + ",omitzero"}
	if len(rules) > 0 {
		m["docgen"] = strings.Join(rules, ",")
	}
	return m
}

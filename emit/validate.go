package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/ir"
)

// validatedPrimitives are wire types with a Validate method.
var validatedPrimitives = map[string]bool{
	"Edm.DateTimeOffset": true, "Edm.Date": true, "Edm.TimeOfDay": true,
	"Edm.Duration": true, "Edm.Guid": true, "Edm.Binary": true,
}

var numericPrimitives = map[string]bool{
	"Edm.Int16": true, "Edm.Int32": true, "Edm.Int64": true, "Edm.Byte": true,
	"Edm.SByte": true, "Edm.Double": true, "Edm.Single": true,
}

// validators emits, for every model, Validate (the documented rules: enum
// membership, ranges, lengths, well-formed wire values) and an unexported
// validate that nested models call with their property path.
func (g *gen) validateFile(f *jen.File) {
	for i := range g.spec.Types {
		t := &g.spec.Types[i]
		f.Comment("Validate reports every documented rule m breaks, each with its property")
		f.Comment("path, or nil. Undocumented enum values are reported here even though")
		f.Comment("they decode and re-encode unchanged.")
		f.Func().Params(jen.Id("m").Op("*").Id(t.GoName)).Id("Validate").Params().Error().Block(
			jen.Var().Id("errs").Id("ValidationError"),
			jen.Id("m").Dot("validate").Call(jen.Op("&").Id("errs"), jen.Lit("")),
			jen.Return(jen.Id("errs").Dot("Err").Call()),
		)
		f.Line()
		var body []jen.Code
		body = append(body, jen.If(jen.Id("m").Op("==").Nil()).Block(jen.Return()))
		for _, p := range t.Properties {
			body = append(body, g.propChecks(jen.Id("m").Dot(p.GoName), p)...)
		}
		f.Func().Params(jen.Id("m").Op("*").Id(t.GoName)).Id("validate").Params(
			jen.Id("errs").Op("*").Id("ValidationError"), jen.Id("path").String(),
		).Block(body...)
		f.Line()
		g.checkRequired(f, t)
	}
}

// checkRequired emits CheckRequired for a model with properties the docs
// say are required (when creating it): a separate check, like read-only
// properties, because an update or a response need not carry them.
func (g *gen) checkRequired(f *jen.File, t *ir.Type) {
	var body []jen.Code
	body = append(body, jen.Var().Id("errs").Id("ValidationError"))
	for _, p := range t.Properties {
		if !p.Required {
			continue
		}
		body = append(body, jen.If(g.absent(jen.Id("m").Dot(p.GoName), p.Type)).Block(
			jen.Id("errs").Dot("Add").Call(jen.Lit(p.Name), jen.Lit("required property is not set")),
		))
	}
	if len(body) == 1 {
		return
	}
	body = append(body, jen.Return(jen.Id("errs").Dot("Err").Call()))
	f.Comment("CheckRequired reports every property the documentation says is required")
	f.Comment("(to create a " + t.GoName + ") that m does not set; nested models have")
	f.Comment("their own. It is separate from Validate because updates and responses")
	f.Comment("need not carry them.")
	f.Func().Params(jen.Id("m").Op("*").Id(t.GoName)).Id("CheckRequired").Params().Error().Block(body...)
	f.Line()
}

// absent is the condition that a model field of type ref holds nothing.
func (g *gen) absent(field *jen.Statement, ref ir.TypeRef) *jen.Statement {
	switch {
	case g.pointerField(ref), ref.Collection:
		return field.Op("==").Nil()
	case g.isRaw(ref):
		return jen.Len(field).Op("==").Lit(0)
	}
	return field.Dot("IsZero").Call() // an Any wrapper
}

// propChecks returns the statements that check one property held in field
// (a pointer, slice or raw value, as fieldType makes it).
func (g *gen) propChecks(field *jen.Statement, p ir.Property) []jen.Code {
	name := jen.Id("path").Op("+").Lit(p.Name)
	var out []jen.Code
	if p.Type.Collection {
		for _, r := range p.Rules {
			n := jen.Len(field.Clone())
			switch {
			case r.Kind == ir.RuleMaxItems && r.Max != nil:
				out = append(out, jen.If(n.Op(">").Lit(int(*r.Max))).Block(
					jen.Id("errs").Dot("Add").Call(name.Clone(), jen.Lit("%d items break the documented limit (%s)"), jen.Len(field.Clone()), jen.Lit(sanitize(r.Text)))))
			case r.Kind == ir.RuleMinItems && r.Min != nil:
				out = append(out, jen.If(n.Op("<").Lit(int(*r.Min)).Op("&&").Add(field.Clone()).Op("!=").Nil()).Block(
					jen.Id("errs").Dot("Add").Call(name.Clone(), jen.Lit("%d items break the documented limit (%s)"), jen.Len(field.Clone()), jen.Lit(sanitize(r.Text)))))
			}
		}
	}
	if p.Type.Collection {
		elem := jen.Id("v")
		checks := g.valueChecks(elem, jen.Id("path").Op("+").Lit(p.Name+"[").Op("+").Qual("strconv", "Itoa").Call(jen.Id("i")).Op("+").Lit("]"), p)
		if len(checks) == 0 {
			return out
		}
		return append(out, jen.For(jen.List(jen.Id("i"), jen.Id("v")).Op(":=").Range().Add(field.Clone())).Block(checks...))
	}
	if g.isRaw(p.Type) {
		return nil
	}
	if g.polyBase(p.Type) != nil {
		return []jen.Code{field.Clone().Dot("validate").Call(jen.Id("errs"), name.Clone().Op("+").Lit("."))}
	}
	checks := g.valueChecks(jen.Op("*").Add(field.Clone()), name, p)
	if len(checks) == 0 {
		return nil
	}
	return []jen.Code{jen.If(field.Clone().Op("!=").Nil()).Block(checks...)}
}

// valueChecks checks one value v (an expression of the element type).
func (g *gen) valueChecks(v *jen.Statement, path *jen.Statement, p ir.Property) []jen.Code {
	var out []jen.Code
	ref := p.Type
	switch {
	case g.enums[ref.Name] != nil:
		out = append(out, jen.If(jen.Op("!").Parens(v.Clone()).Dot("Known").Call()).Block(
			jen.Id("errs").Dot("Add").Call(path.Clone(), jen.Lit("undocumented value %q"), jen.String().Parens(v.Clone())),
		))
	case g.types[ref.Name] != nil:
		child := path.Clone().Op("+").Lit(".")
		if ref.Collection {
			out = append(out, jen.Id("v").Dot("validate").Call(jen.Id("errs"), child))
		} else {
			out = append(out, jen.Parens(v.Clone()).Dot("validate").Call(jen.Id("errs"), child))
		}
	case validatedPrimitives[ref.Name]:
		out = append(out, jen.If(jen.Err().Op(":=").Parens(v.Clone()).Dot("Validate").Call(), jen.Err().Op("!=").Nil()).Block(
			jen.Id("errs").Dot("Add").Call(path.Clone(), jen.Lit("%v"), jen.Err()),
		))
	}
	for _, r := range p.Rules {
		switch {
		case r.Kind == ir.RuleRange && (numericPrimitives[ref.Name] || ref.Name == "Edm.Decimal"):
			// An Edm.Decimal is a json.Number: its value is checked where it
			// parses as a float64 (a malformed one is reported by the
			// wire-format check).
			x := jen.Float64().Parens(v.Clone())
			if ref.Name == "Edm.Decimal" {
				x = jen.Id("f")
			}
			var cond *jen.Statement
			if r.Min != nil {
				cond = x.Clone().Op("<").Lit(*r.Min)
			}
			if r.Max != nil {
				c := x.Clone().Op(">").Lit(*r.Max)
				if cond == nil {
					cond = c
				} else {
					cond = cond.Op("||").Add(c)
				}
			}
			if cond == nil {
				continue
			}
			report := jen.Id("errs").Dot("Add").Call(path.Clone(), jen.Lit("%v is out of the documented range (%s)"), v.Clone(), jen.Lit(sanitize(r.Text)))
			if ref.Name == "Edm.Decimal" {
				out = append(out, jen.If(jen.List(jen.Id("f"), jen.Err()).Op(":=").Parens(v.Clone()).Dot("Float64").Call(),
					jen.Err().Op("==").Nil().Op("&&").Parens(cond)).Block(report))
				continue
			}
			out = append(out, jen.If(cond).Block(report))
		case (r.Kind == ir.RuleMaxLength || r.Kind == ir.RuleMinLength) && ref.Name == "Edm.String":
			n := jen.Qual("unicode/utf8", "RuneCountInString").Call(v.Clone())
			var cond *jen.Statement
			if r.Kind == ir.RuleMaxLength && r.Max != nil {
				cond = n.Op(">").Lit(int(*r.Max))
			} else if r.Kind == ir.RuleMinLength && r.Min != nil {
				cond = n.Op("<").Lit(int(*r.Min))
			}
			if cond == nil {
				continue
			}
			out = append(out, jen.If(cond).Block(
				jen.Id("errs").Dot("Add").Call(path.Clone(), jen.Lit("length %d breaks the documented limit (%s)"), jen.Qual("unicode/utf8", "RuneCountInString").Call(v.Clone()), jen.Lit(sanitize(r.Text))),
			))
		}
	}
	return out
}

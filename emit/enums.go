package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/ir"
)

// enums emits one string type per enum. A string type keeps any value the
// service sends, documented or not; Known tells which.
func (g *gen) enumFile(f *jen.File) {
	for i := range g.spec.Enums {
		g.enum(f, &g.spec.Enums[i])
	}
}

func (g *gen) enum(f *jen.File, e *ir.Enum) {
	doc := e.GoName + " is the enum type " + e.Name + "."
	if e.Description != "" {
		doc += " " + e.Description
	}
	if e.Flags {
		doc += " It is a flags enum: the wire value is a comma-separated list of members; use Members and New" + e.GoName + " to work with the set."
	}
	doc += " Values the documentation does not list decode and re-encode unchanged; Known reports whether a value is documented."
	where := g.docRef("Documented at", e.Pos)
	if e.Source == "description" {
		where = g.docRef("Members are those listed in a property description at", e.Pos)
	}
	f.Add(comment(doc, where))
	f.Type().Id(e.GoName).String()
	f.Line()

	if len(e.Members) > 0 {
		var consts []jen.Code
		for _, m := range e.Members {
			consts = append(consts, jen.Add(comment(memberDoc(m))).Line().Id(m.GoName).Id(e.GoName).Op("=").Lit(m.Name))
		}
		f.Comment("Documented values of " + e.GoName + ".")
		f.Const().Defs(consts...)
		f.Line()
	}

	// The documented values are data, a []string shared by Values and
	// Known: a package has hundreds of enums, and a switch or a slice
	// literal of its own type per enum is compiled code for each.
	list := enumListName(e)
	f.Var().Id(list).Op("=").Index().String().Values(litNames(e)...)
	f.Line()
	f.Comment(e.GoName + "Values lists the documented values in documentation order.")
	f.Func().Id(ir.EnumValuesName(e.GoName)).Params().Index().Id(e.GoName).Block(
		jen.Return(jen.Id("enumValues").Types(jen.Id(e.GoName)).Call(jen.Id(list))),
	)
	f.Line()

	if e.Flags {
		g.flagMethods(f, e)
		return
	}
	f.Comment("Known reports whether v is a documented value.")
	f.Func().Params(jen.Id("v").Id(e.GoName)).Id("Known").Params().Bool().Block(
		jen.Return(jen.Qual("slices", "Contains").Call(jen.Id(list), jen.String().Parens(jen.Id("v")))),
	)
	f.Line()
	f.Comment("String returns the wire value.")
	f.Func().Params(jen.Id("v").Id(e.GoName)).Id("String").Params().String().Block(jen.Return(jen.String().Parens(jen.Id("v"))))
	f.Line()
}

// flagMethods emits set helpers for a flags enum, whose wire value is a
// comma-separated list ("a,b").
func (g *gen) flagMethods(f *jen.File, e *ir.Enum) {
	T := e.GoName
	f.Comment(ir.FlagsConstructorName(T) + " joins members into one flags value.")
	f.Func().Id(ir.FlagsConstructorName(T)).Params(jen.Id("members").Op("...").Id(T)).Id(T).Block(
		jen.Id("parts").Op(":=").Make(jen.Index().String(), jen.Lit(0), jen.Len(jen.Id("members"))),
		jen.For(jen.List(jen.Id("_"), jen.Id("m")).Op(":=").Range().Id("members")).Block(
			jen.Id("parts").Op("=").Append(jen.Id("parts"), jen.String().Parens(jen.Id("m"))),
		),
		jen.Return(jen.Id(T).Parens(jen.Qual("strings", "Join").Call(jen.Id("parts"), jen.Lit(",")))),
	)
	f.Line()
	f.Comment("Members splits a flags value into its members, in wire order.")
	f.Func().Params(jen.Id("v").Id(T)).Id("Members").Params().Index().Id(T).Block(
		jen.If(jen.Id("v").Op("==").Lit("")).Block(jen.Return(jen.Nil())),
		jen.Var().Id("out").Index().Id(T),
		jen.For(jen.List(jen.Id("_"), jen.Id("p")).Op(":=").Range().Qual("strings", "Split").Call(jen.String().Parens(jen.Id("v")), jen.Lit(","))).Block(
			jen.Id("out").Op("=").Append(jen.Id("out"), jen.Id(T).Parens(jen.Qual("strings", "TrimSpace").Call(jen.Id("p")))),
		),
		jen.Return(jen.Id("out")),
	)
	f.Line()
	f.Comment("Has reports whether the flags value v includes member m.")
	f.Func().Params(jen.Id("v").Id(T)).Id("Has").Params(jen.Id("m").Id(T)).Bool().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Id("v").Dot("Members").Call()).Block(
			jen.If(jen.Id("x").Op("==").Id("m")).Block(jen.Return(jen.True())),
		),
		jen.Return(jen.False()),
	)
	f.Line()
	f.Comment("Known reports whether every member of v is documented.")
	f.Func().Params(jen.Id("v").Id(T)).Id("Known").Params().Bool().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("x")).Op(":=").Range().Id("v").Dot("Members").Call()).Block(
			jen.If(jen.Op("!").Qual("slices", "Contains").Call(jen.Id(enumListName(e)), jen.String().Parens(jen.Id("x")))).Block(jen.Return(jen.False())),
		),
		jen.Return(jen.True()),
	)
	f.Line()
	f.Comment("String returns the wire value.")
	f.Func().Params(jen.Id("v").Id(T)).Id("String").Params().String().Block(jen.Return(jen.String().Parens(jen.Id("v"))))
	f.Line()
}

// enumListName is the unexported variable holding e's documented values:
// unexported, it cannot collide with a generated name, and no runtime name
// starts with "documented".
func enumListName(e *ir.Enum) string {
	return "documented" + e.GoName + "Values"
}

// litNames are e's member names as string literals, in documentation order.
func litNames(e *ir.Enum) []jen.Code {
	var out []jen.Code
	for _, m := range e.Members {
		out = append(out, jen.Lit(m.Name))
	}
	return out
}

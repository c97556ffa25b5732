package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/docgen-dev/docgen/ir"
)

// Polymorphism. A property whose type has derived types may hold any of
// them, told apart on the wire by "@odata.type". For such a base type B the
// IR names:
//
//	B.KindGoName  an interface every model in B's hierarchy implements
//	B.AnyGoName   a wrapper holding a B, any type derived from it, or (for a
//	              derived type this package does not know) the raw JSON
//
// Decoding picks the concrete model with NewByODataType; encoding writes
// "@odata.type" for a derived value that does not set it.

// polyBase returns the type of ref when values of it may be polymorphic.
func (g *gen) polyBase(ref ir.TypeRef) *ir.Type {
	if t := g.types[ref.Name]; t != nil && t.AnyGoName != "" {
		return t
	}
	return nil
}

// polyFile emits the shared helpers, then interface and wrapper per base.
func (g *gen) polyFile(f *jen.File) {
	g.polyHelpers(f)
	for i := range g.spec.Types {
		if t := &g.spec.Types[i]; t.AnyGoName != "" {
			g.polyBaseDecls(f, t)
		}
	}
	// Every model in a hierarchy implements the interfaces of its ancestors.
	for i := range g.spec.Types {
		t := &g.spec.Types[i]
		var kinds []*ir.Type
		seen := map[string]bool{}
		for a := t; a != nil && !seen[a.Name]; a = g.types[a.Base] {
			seen[a.Name] = true
			if a.KindGoName != "" {
				kinds = append(kinds, a)
			}
		}
		if len(kinds) == 0 {
			continue
		}
		recv := jen.Id("m").Op("*").Id(t.GoName)
		for _, a := range kinds {
			f.Func().Params(jen.Op("*").Id(t.GoName)).Id("is" + a.GoName).Params().Block()
		}
		f.Func().Params(recv).Id("odataType").Params().Params(jen.String(), jen.Bool()).Block(
			jen.Return(jen.Lit("#"+t.Name), jen.Id("m").Dot("ODataType").Op("!=").Nil()))
		f.Line()
	}
}

func (g *gen) polyHelpers(f *jen.File) {
	f.Comment("polyModel is what every model in a type hierarchy implements.")
	f.Type().Id("polyModel").Interface(
		jen.Comment("odataType returns the model's \"#microsoft.graph.x\" name and whether"),
		jen.Comment("its ODataType field is set."),
		jen.Id("odataType").Params().Params(jen.String(), jen.Bool()),
	)
	f.Line()
	f.Comment("newPoly returns a new, empty model of the type data's \"@odata.type\" names")
	f.Comment("(base when absent), or nil when this package has no such type. An Any")
	f.Comment("wrapper decodes data into it if it is of the wrapper's kind and keeps data")
	f.Comment("raw otherwise, so a derived type this package does not know is kept, not")
	f.Comment("dropped.")
	f.Func().Id("newPoly").Params(jen.Id("data").Index().Byte(), jen.Id("base").String()).Any().Block(
		jen.Id("name").Op(":=").Id("odataTypeOf").Call(jen.Id("data")),
		jen.If(jen.Id("name").Op("==").Lit("")).Block(jen.Id("name").Op("=").Id("base")),
		jen.Return(jen.Id("NewByODataType").Call(jen.Id("name"))),
	)
	f.Line()
	f.Comment("encodePoly encodes v, adding \"@odata.type\" when v is of a type derived from")
	f.Comment("base (\"#microsoft.graph.x\") and does not set the annotation itself.")
	f.Func().Id("encodePoly").Params(jen.Id("v").Id("polyModel"), jen.Id("base").String()).Params(jen.Index().Byte(), jen.Error()).Block(
		jen.List(jen.Id("b"), jen.Err()).Op(":=").Qual("encoding/json", "Marshal").Call(jen.Id("v")),
		jen.List(jen.Id("typeName"), jen.Id("set")).Op(":=").Id("v").Dot("odataType").Call(),
		jen.If(jen.Err().Op("!=").Nil().Op("||").Id("set").Op("||").Id("typeName").Op("==").Id("base").Op("||").Len(jen.Id("b")).Op("<").Lit(2).Op("||").Id("b").Index(jen.Lit(0)).Op("!=").LitRune('{')).Block(
			jen.Return(jen.Id("b"), jen.Err()),
		),
		jen.List(jen.Id("name"), jen.Id("_")).Op(":=").Qual("encoding/json", "Marshal").Call(jen.Id("typeName")),
		jen.Id("out").Op(":=").Append(jen.Index().Byte().Parens(jen.Lit(`{"@odata.type":`)), jen.Id("name").Op("...")),
		jen.If(jen.Len(jen.Id("b")).Op(">").Lit(2)).Block(jen.Id("out").Op("=").Append(jen.Id("out"), jen.LitRune(','))),
		jen.Return(jen.Append(jen.Id("out"), jen.Id("b").Index(jen.Lit(1), jen.Empty()).Op("...")), jen.Nil()),
	)
	f.Line()
}

func (g *gen) polyBaseDecls(f *jen.File, t *ir.Type) {
	K, A := t.KindGoName, t.AnyGoName
	f.Add(comment(K + " is implemented by *" + t.GoName + " and by every model derived from " + t.Name + "."))
	f.Type().Id(K).Interface(
		jen.Id("polyModel"),
		jen.Id("is"+t.GoName).Params(),
	)
	f.Line()
	f.Add(comment(A+" holds a "+t.Name+" or any type derived from it, chosen on decoding by \"@odata.type\".",
		"Value is the decoded model (*"+t.GoName+" or a derived model); a value whose \"@odata.type\" names a type this package does not know is kept in Raw and re-encoded unchanged. Exactly one of them is set, or neither (absent)."))
	f.Type().Id(A).Struct(
		jen.Id("Value").Id(K),
		jen.Id("Raw").Qual("encoding/json", "RawMessage"),
	)
	f.Line()
	f.Comment("IsZero reports whether a holds nothing (omitzero omits it).")
	f.Func().Params(jen.Id("a").Id(A)).Id("IsZero").Params().Bool().Block(
		jen.Return(jen.Id("a").Dot("Value").Op("==").Nil().Op("&&").Id("a").Dot("Raw").Op("==").Nil()),
	)
	f.Line()
	f.Comment("MarshalJSON encodes the value, with \"@odata.type\" for derived types.")
	f.Func().Params(jen.Id("a").Id(A)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Switch().Block(
			jen.Case(jen.Id("a").Dot("Value").Op("!=").Nil()).Block(jen.Return(jen.Id("encodePoly").Call(jen.Id("a").Dot("Value"), jen.Lit("#"+t.Name)))),
			jen.Case(jen.Id("a").Dot("Raw").Op("!=").Nil()).Block(jen.Return(jen.Id("a").Dot("Raw"), jen.Nil())),
		),
		jen.Return(jen.Index().Byte().Parens(jen.Lit("null")), jen.Nil()),
	)
	f.Line()
	f.Comment("UnmarshalJSON decodes into the model \"@odata.type\" names.")
	f.Func().Params(jen.Id("a").Op("*").Id(A)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Op("*").Id("a").Op("=").Id(A).Values(),
		jen.If(jen.String().Parens(jen.Id("data")).Op("==").Lit("null")).Block(jen.Return(jen.Nil())),
		// Input that is not an object fails in the decoding of the model.
		jen.List(jen.Id("k"), jen.Id("ok")).Op(":=").Id("newPoly").Call(jen.Id("data"), jen.Lit(t.Name)).Assert(jen.Id(K)),
		jen.If(jen.Op("!").Id("ok")).Block(
			jen.Id("a").Dot("Raw").Op("=").Append(jen.Qual("encoding/json", "RawMessage").Call(jen.Nil()), jen.Id("data").Op("...")),
			jen.Return(jen.Nil()),
		),
		jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Id("k")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Id("a").Dot("Value").Op("=").Id("k"),
		jen.Return(jen.Nil()),
	)
	f.Line()
}

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
// "@odata.type" for a derived value that does not set it (see
// emit/wire/poly.go).

// polyBase returns the type of ref when values of it may be polymorphic.
func (g *gen) polyBase(ref ir.TypeRef) *ir.Type {
	if t := g.types[ref.Name]; t != nil && t.AnyGoName != "" {
		return t
	}
	return nil
}

// polyFile emits an interface and a wrapper per base; the helpers they
// share (polyModel, odataTypeOr, encodePoly) are in the runtime.
func (g *gen) polyFile(f *jen.File) {
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
			jen.Return(jen.Lit("#"+t.Name), jen.Id("m").Dot(fieldODataType).Op("!=").Nil()))
		f.Line()
	}
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
		jen.List(jen.Id("k"), jen.Id("ok")).Op(":=").Id("NewByODataType").Call(jen.Id("odataTypeOr").Call(jen.Id("data"), jen.Lit(t.Name))).Assert(jen.Id(K)),
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

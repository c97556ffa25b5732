package emit

import (
	"github.com/docgen-dev/docgen/ir"
)

// patchFile writes, for every documented operation with a body, a body
// type in which each property is absent, null or a value (Optional[T] with
// omitzero: a *T cannot tell absent from null), its Validate,
// CheckReadOnly and SetChanges. The requests are built in the HTTP layer
// (<pkg>http/client_gen.go). Like the HTTP layer it is written as text
// gofmt would print (see goSource): its structs need no alignment, as
// every field has a doc comment.
func (g *gen) patchFile(s *goSource) {
	for i := range g.spec.Operations {
		op := &g.spec.Operations[i]
		t := g.types[op.Body.Name]
		if t == nil {
			continue
		}
		g.patchBody(s, op, t)
		// Only a create or an update body is a (partial) entity that a
		// model's changes can fill.
		if op.Kind == ir.OpCreate || op.Kind == ir.OpUpdate {
			g.changesFunc(s, op, t)
		}
	}
}

// bodyProps are the properties of t the operation's body table lists, in
// table order.
func bodyProps(op *ir.Operation, t *ir.Type) []ir.Property {
	byName := map[string]ir.Property{}
	for _, p := range t.Properties {
		byName[p.Name] = p
	}
	var out []ir.Property
	for _, n := range op.BodyProperties {
		if p, ok := byName[n]; ok {
			out = append(out, p)
		}
	}
	return out
}

func (g *gen) patchBody(s *goSource, op *ir.Operation, t *ir.Type) {
	name := ir.BodyTypeName(op)
	inferred := ""
	if op.BodyInferred {
		inferred = "Inferred: the page has no request body table, so the body holds the writable properties of " + op.Body.Name + " (read-only and navigation properties left out)."
	}
	what := "the request body of " + quoteForComment(op.Name) + " (" + op.Method + ")"
	if op.Kind == ir.OpFunction {
		what = "the parameters of " + quoteForComment(op.Name) + ", which the request sends in its URL"
	}
	s.doc(name+" is "+what+". Each field is absent (the zero Optional, omitted), null (Null), or a value (Some); only set fields are sent.",
		inferred, g.docRef("Documented at", op.Pos))
	optional := s.rt("Optional")
	s.line("type ", name, " struct {")
	s.line("\t// ODataType is the \"@odata.type\" annotation.")
	s.line("\t", fieldODataType, " ", optional, "[string] ", tagLiteral(map[string]string{"json": "@odata.type,omitzero"}))
	// A create (POST) must carry what the docs say is required; an update
	// (PATCH, PUT) sends only what changes.
	create := op.Kind == ir.OpCreate || op.Kind == ir.OpAction
	for _, p := range bodyProps(op, t) {
		var notes []string
		rules := g.ruleTags(p)
		if p.ReadOnly {
			notes = append(notes, "(Read-only: CheckReadOnly reports it when set.)")
			rules = append(rules, "readOnly")
		}
		if p.Required && create {
			notes = append(notes, "(Required: Validate reports it when absent or null.)")
			rules = append(rules, "required")
		}
		vt := g.elemType(s, p.Type)
		if p.Type.Collection {
			vt = "[]" + vt
		}
		for _, l := range commentLines(propertyDoc(p, t.Properties, notes...)...) {
			s.line("\t", l)
		}
		if allCaps(p.GoName) {
			s.line("\t", allCapsDirective)
		}
		s.line("\t", p.GoName, " ", optional, "[", vt, "] ", tagLiteral(tags(p.Name, rules)))
	}
	s.line("}")
	s.line()

	// The rules are in the fields' tags, as in the model's; the runtime
	// checks the values set.
	s.line("// Validate reports every documented rule the set fields of b break, or nil.")
	s.line("func (b *", name, ") ", methodValidate, "() error {")
	s.line("\treturn ", s.rt("validateBody"), "(b)")
	s.line("}")
	s.line()
	s.line("// CheckReadOnly reports every read-only property set in b. It is separate from")
	s.line("// Validate because the documentation's own examples sometimes set them.")
	s.line("func (b *", name, ") ", methodCheckReadOnly, "() error {")
	s.line("\treturn ", s.rt("checkReadOnly"), "(b)")
	s.line("}")
	s.line()
}

// changesFunc writes SetChanges on op's body, which turns a model read
// from the service and modified into a body holding only what changed:
// changed values are set, values removed (nil or empty) are sent as null,
// the rest is absent. It returns the body, as math/big's Set methods do,
// so that new(Body).SetChanges(old, updated) is one expression.
func (g *gen) changesFunc(s *goSource, op *ir.Operation, t *ir.Type) {
	name := ir.BodyName(op.GoName)
	s.doc(methodSetChanges + " sets b to the body of " + quoteForComment(op.Name) + " that turns old into updated, and returns b: properties of the body that changed are set to their new value, those updated no longer has are sent as null, and the rest are absent. old is typically decoded from the service and updated a modified copy; nil stands for an empty " + t.GoName + ".")
	s.line("func (b *", name, ") ", methodSetChanges, "(old, updated *", t.GoName, ") *", name, " {")
	s.line("\t*b = ", name, "{}")
	s.line("\t", s.rt("fromChanges"), "(b, old, updated)")
	s.line("\treturn b")
	s.line("}")
	s.line()
}

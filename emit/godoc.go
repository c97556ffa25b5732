package emit

import (
	"strings"
	"unicode"

	"github.com/docgen-dev/docgen/ir"
)

// Doc comments as godoc reads them (go.dev/doc/comment): a deprecation in
// a paragraph of its own, no sentence that only repeats a name.

// propertyDoc is the doc comment of a struct field for p, one of props
// (the properties of its type): "GoName: description", with a
// "Deprecated:" the description holds moved to a paragraph of its own
// (where godoc and gopls look for it), naming the property it points to
// by its Go name.
func propertyDoc(p ir.Property, props []ir.Property, notes ...string) []string {
	desc, deprecated := splitDeprecated(p.Description)
	first := p.GoName + ": " + desc
	if desc == "" {
		first = p.GoName + " is the " + p.Name + " property."
	}
	for _, n := range notes {
		first += " " + n
	}
	paras := []string{first}
	if deprecated != "" {
		paras = append(paras, "Deprecated: "+goNamesFor(deprecated, props))
	}
	return paras
}

// splitDeprecated splits the sentence after "Deprecated:" (in any case)
// out of a description: the rest of the description, and that sentence.
func splitDeprecated(desc string) (string, string) {
	i := strings.Index(strings.ToLower(desc), "deprecated:")
	if i < 0 {
		return desc, ""
	}
	dep, rest := desc[i+len("deprecated:"):], ""
	if j := strings.Index(dep, ". "); j >= 0 {
		dep, rest = dep[:j+1], dep[j+2:]
	}
	return strings.TrimSpace(strings.TrimSpace(desc[:i]) + " " + strings.TrimSpace(rest)), strings.TrimSpace(dep)
}

// goNamesFor replaces every word of text that names one of props (its wire
// name in any case, "IOSSingleSignOnExtension" for iosSingleSignOnExtension)
// with the property's Go name, so that a deprecation points at an
// identifier that exists.
func goNamesFor(text string, props []ir.Property) string {
	words := strings.Fields(text)
	for i, w := range words {
		core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if core == "" {
			continue
		}
		for _, p := range props {
			if strings.EqualFold(core, p.Name) {
				words[i] = strings.Replace(w, core, p.GoName, 1)
				break
			}
		}
	}
	return strings.Join(words, " ")
}

// memberDoc is the doc comment of an enum constant: its wire value, and
// the documented description unless that only repeats the value
// ("unknown": "Unknown.").
func memberDoc(m ir.EnumMember) string {
	d := m.GoName + " is " + quoteForComment(m.Name) + "."
	desc := strings.TrimSpace(m.Description)
	if desc != "" && !strings.EqualFold(strings.TrimRight(desc, ". "), m.Name) {
		d += " " + desc
	}
	return d
}

// typeDoc is the doc comment of the struct for t: what it is, its
// description and base, and the page it is documented on; a type docgen
// synthesised says so and names the page that referred to it instead.
func (g *gen) typeDoc(t *ir.Type) []string {
	doc := t.GoName + " is the " + string(t.Kind) + " type " + t.Name + "."
	if t.Description != "" {
		doc += " " + t.Description
	}
	if t.Base != "" {
		doc += " It derives from " + t.Base + "."
	}
	if t.Synthesized {
		return []string{doc, g.docRef("No page given documents it: docgen synthesised it from what is said at", t.Pos)}
	}
	return []string{doc, g.docRef("Documented at", t.Pos)}
}

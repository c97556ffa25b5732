package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/ir"
)

// Regression tests for text captures of rendered pages (synthetic pages
// in the shapes real captures take).

func codes(ds ir.Diagnostics) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Code)
	}
	return out
}

// A title that spells the type in lower case takes its case from the
// page's prose.
func TestSubjectCaseFromProse(t *testing.T) {
	p, diags := Parse("page.txt", []byte("Update widgetassembly\n\nNamespace: microsoft.graph\n\nUpdate the properties of a widgetAssembly object.\n\nHTTP request\n\nPATCH /widgetAssemblies/{id}\n\nRequest body\n\nProperty Type Description\nsize Int32 The size.\n"))
	require.False(t, diags.HasErrors(), "%v", diags)
	require.Len(t, p.Operations, 1)
	assert.Equal(t, "microsoft.graph.widgetAssembly", p.Operations[0].Body.Name)
	require.Len(t, p.Types, 1)
	assert.Equal(t, "microsoft.graph.widgetAssembly", p.Types[0].Name)
}

// A row whose name cell was lost ("String | The label. |") is skipped with
// a warning instead of becoming a property named "String".
func TestShiftedRow(t *testing.T) {
	p, diags := Parse("page.txt", []byte("Update widget\nHTTP request\nPATCH /widgets/{id}\nRequest body\nProperty | Type | Description |\n---|---|---|\nsize | Int32 | The size. |\nString | The label of the widget. | |\nweight | Double | The weight. |\n"))
	require.False(t, diags.HasErrors(), "%v", diags)
	assert.Equal(t, []string{"size", "weight"}, p.Operations[0].BodyProperties)
	assert.Contains(t, codes(diags), "shifted-row")
}

// An enum page whose title was lost: a positioned error, never an enum
// named after a banner line or a section.
func TestEnumWithoutTitle(t *testing.T) {
	p, diags := Parse("page.txt", []byte("Note\nAccess to this page requires authorization.\nNamespace: microsoft.graph\nWhat it means.\nMembers\nMember | Value | Description |\n---|---|---|\nalpha | 0 | First. |\n"))
	assert.Empty(t, p.Enums)
	require.True(t, diags.HasErrors())
	assert.Equal(t, []string{"no-type-name"}, codes(diags))
	assert.Equal(t, 6, diags[0].Pos.Line)
}

// A resource page capture that lost its "Properties" heading: the first
// Property table is the properties table; a Relationship table is not.
func TestResourcePropertiesWithoutHeading(t *testing.T) {
	p, diags := Parse("page.txt", []byte("widget resource type\nNamespace: microsoft.graph\nA widget.\nProperty | Type | Description |\nsize | Int32 | The size. |\nlabels | String collection | The labels. |\nRelationship | Type | Description |\nparts | part collection | The parts. |\n"))
	require.False(t, diags.HasErrors(), "%v", diags)
	require.Len(t, p.Types, 1)
	var names []string
	for _, pr := range p.Types[0].Properties {
		names = append(names, pr.Name)
	}
	assert.Equal(t, []string{"size", "labels"}, names)
}

// A request body described only in prose ("supply a JSON representation
// of a [x] object") is that whole type; "representation for the x object"
// (the wording of pages that always have a table) is not such a sentence.
func TestWholeBodySentence(t *testing.T) {
	page := func(sentence string) (ir.Page, ir.Diagnostics) {
		return Parse("create.md", []byte("---\ntitle: Create gizmo\n---\n\n# Create gizmo\n\n## HTTP request\n\n```http\nPOST /gizmos\n```\n\n## Request body\n\n"+sentence+"\n\n## Response\n\nIf successful, this method returns a `201 Created` response code.\n"))
	}
	p, diags := page("In the request body, supply a JSON representation of a [gizmoThing](../resources/gizmothing.md) object.")
	require.False(t, diags.HasErrors(), "%v", diags)
	op := p.Operations[0]
	assert.True(t, op.BodyWholeType)
	assert.Equal(t, ir.TypeRef{Name: "microsoft.graph.gizmoThing", Href: "../resources/gizmothing.md"}, op.Body)
	assert.Empty(t, op.BodyProperties)

	p, _ = page("In the request body, supply a JSON representation of `Gizmo` object.")
	assert.Equal(t, "microsoft.graph.Gizmo", p.Operations[0].Body.Name)

	p, _ = page("In the request body, supply a JSON representation for the gizmo object.")
	assert.False(t, p.Operations[0].BodyWholeType)
	assert.Empty(t, p.Operations[0].Body.Name)

	// A table wins over the sentence.
	p, _ = page("In the request body, supply a JSON representation of a [gizmoThing](x.md) object.\n\n| Property | Type | Description |\n|--|--|--|\n| size | Int32 | The size. |")
	assert.False(t, p.Operations[0].BodyWholeType)
	assert.Equal(t, []string{"size"}, p.Operations[0].BodyProperties)
}

// Resolve gives a whole-type body every property of the type its link
// names (inherited ones too: see golden/wholebody); a type no page documents leaves the operation without a body,
// with a warning.
func TestWholeBodyResolve(t *testing.T) {
	create, diags := Parse("api/create.md", []byte("---\ntitle: Create gizmo\n---\n\n# Create gizmo\n\n## HTTP request\n\n```http\nPOST /gizmos\n```\n\n## Request body\n\nIn the request body, supply a JSON representation of a [gizmo](../resources/gizmo.md) object.\n"))
	require.False(t, diags.HasErrors(), "%v", diags)
	// The link names the page; the page documents "thing".
	res, diags := Parse("resources/gizmo.md", []byte(resourcePage("A thing.", "| Property | Type | Description |\n|:--|:--|:--|\n| size | Int32 | The size. |\n| note | String | A note. Read-only. |")))
	require.False(t, diags.HasErrors(), "%v", diags)

	spec, rd := ir.Resolve([]ir.Page{create, res}, ir.ResolveOptions{})
	require.False(t, rd.HasErrors(), "%v", rd)
	require.Len(t, spec.Operations, 1)
	assert.Equal(t, "microsoft.graph.thing", spec.Operations[0].Body.Name)
	assert.Equal(t, []string{"size", "note"}, spec.Operations[0].BodyProperties)

	spec, rd = ir.Resolve([]ir.Page{create}, ir.ResolveOptions{})
	assert.Empty(t, spec.Operations[0].Body.Name)
	assert.False(t, spec.Operations[0].BodyWholeType)
	assert.Contains(t, codes(rd), "unknown-body-type")
}

// TestCaptureInlineEnumSection: a text capture has the same heading
// vocabulary as markdown (doc.IsSectionHeading): a "riskLevel values"
// section defines an enum, and its Member table is not read as a second
// properties table; a prose line "Possible values" is no heading.
func TestCaptureInlineEnumSection(t *testing.T) {
	src := "alert resource type\nNamespace: microsoft.graph\nAn alert.\nProperties\n" +
		"Property | Type | Description |\n---|---|---|\nrisk | riskLevel | How risky. |\n" +
		"riskLevel values\nMember | Description |\n---|---|\nlow | Low risk. |\nhigh | High risk. |\n" +
		"Possible values\nare listed above.\n"
	p, diags := Parse("alert.txt", []byte(src))
	require.False(t, diags.HasErrors(), "%v", diags)
	assert.NotContains(t, codes(diags), "table-columns")
	require.Len(t, p.Enums, 1)
	assert.Equal(t, "microsoft.graph.riskLevel", p.Enums[0].Name)
	var members []string
	for _, m := range p.Enums[0].Members {
		members = append(members, m.Name)
	}
	assert.Equal(t, []string{"low", "high"}, members)

	md, _ := Parse("alert.md", []byte("# alert resource type\n\nNamespace: microsoft.graph\n\nAn alert.\n\n## Properties\n\n"+
		"| Property | Type | Description |\n|---|---|---|\n| risk | riskLevel | How risky. |\n\n### riskLevel values\n\n"+
		"| Member | Description |\n|---|---|\n| low | Low risk. |\n| high | High risk. |\n"))
	assert.Equal(t, md.Enums[0].Members[0].Name, p.Enums[0].Members[0].Name, "the same as the markdown page")
}

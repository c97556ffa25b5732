package parser

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser/doc"
)

// parseMD parses a synthetic markdown page and fails on errors.
func parseMD(t *testing.T, src string) (ir.Page, ir.Diagnostics) {
	t.Helper()
	p, diags := Parse("page.md", []byte(src))
	require.False(t, diags.HasErrors(), "%v", diags)
	return p, diags
}

func resourcePage(intro, props string) string {
	return "---\ntitle: \"thing resource type\"\ndoc_type: resourcePageType\n---\n\n# thing resource type\n\nNamespace: microsoft.graph\n\n" +
		intro + "\n\n## Properties\n\n" + props + "\n"
}

const thingProps = "| Property | Type | Description |\n|:--|:--|:--|\n| size | Int32 | The size. |"

// TestRequestLineAlternativeKeys: a path parameter listing alternative keys
// ("{id | userPrincipalName}") holds spaces and is one parameter.
func TestRequestLineAlternativeKeys(t *testing.T) {
	p, _ := parseMD(t, "---\ntitle: Update thing\n---\n\n# Update thing\n\n## HTTP request\n\n```http\n"+
		"PATCH /users/{id | userPrincipalName}/things/{thingId}\nPATCH /me/things/{thingId}\n```\n\n"+
		"## Request body\n\n"+thingProps+"\n")
	require.Len(t, p.Operations, 1)
	op := p.Operations[0]
	require.Len(t, op.Paths, 2)
	assert.Equal(t, "/users/{id | userPrincipalName}/things/{thingId}", op.Paths[0].Template)
	assert.Equal(t, []string{"id | userPrincipalName", "thingId"}, op.Paths[0].Params)
	assert.Equal(t, "/me/things/{thingId}", op.Paths[1].Template)
}

// TestBoundActionTitle: "thing: rotate" titles an action bound to thing; its
// parameters type is named from the title, not from the path's key.
func TestBoundActionTitle(t *testing.T) {
	p, _ := parseMD(t, "---\ntitle: \"thing: rotate\"\ndoc_type: apiPageType\n---\n\n# thing: rotate\n\nNamespace: microsoft.graph\n\n"+
		"## HTTP request\n\n```http\nPOST /users/{id | userPrincipalName}/things/{id}/rotate\n```\n\n"+
		"## Request body\n\n| Parameter | Type | Description |\n|:--|:--|:--|\n| id | String | Which way. |\n\n"+
		"## Response\n\nIf successful, this action returns a `200 OK` response code.\n")
	op := p.Operations[0]
	assert.Equal(t, "POST", op.Method)
	assert.Equal(t, "microsoft.graph.thingRotateParameters", op.Body.Name)
	require.Len(t, p.Types, 1)
	assert.Equal(t, ir.KindComplex, p.Types[0].Kind, "an action's parameters are not an entity, even with an id")
	assert.Empty(t, op.Response.Name, "an action's response is not its parameters type")
}

// TestReferenceOperation: a POST or PUT to ".../$ref" sends an entity
// reference, whatever the page calls its body ("a user object"); its
// request example is typed as one. A POST elsewhere is not a reference.
func TestReferenceOperation(t *testing.T) {
	page := func(path string) string {
		return "---\ntitle: Add owners\ndoc_type: apiPageType\n---\n\n# Add owners\n\nNamespace: microsoft.graph\n\n" +
			"## HTTP request\n\n```http\n" + path + "\n```\n\n" +
			"## Request body\n\nIn the request body, supply a JSON representation of a [user](../resources/user.md) object to be added.\n\n" +
			"## Response\n\nIf successful, this method returns a `204 No Content` response code.\n\n" +
			"## Example\n\n### Request\n\n```http\nPOST https://graph.microsoft.com/v1.0/groups/1/owners/$ref\nContent-type: application/json\n\n" +
			"{\n  \"@odata.id\": \"https://graph.microsoft.com/v1.0/users/2\"\n}\n```\n"
	}
	p, _ := parseMD(t, page("POST /groups/{id}/owners/$ref"))
	require.Len(t, p.Operations, 1)
	op := p.Operations[0]
	assert.True(t, op.Reference)
	assert.Empty(t, op.Body.Name, "the body is a reference, not a user")
	require.Len(t, p.Examples, 1)
	assert.Equal(t, ir.EntityReference, p.Examples[0].Type)

	p, _ = parseMD(t, strings.Replace(page("POST /groups/{id}/owners/$ref"), "POST https://graph.microsoft.com/v1.0/groups/1/owners/$ref", "PATCH https://graph.microsoft.com/v1.0/groups/1", 1))
	assert.True(t, p.Operations[0].Reference)
	assert.NotEqual(t, ir.EntityReference, p.Examples[0].Type, "an example of another request on the page")

	p, _ = parseMD(t, page("POST /groups/{id}/owners"))
	assert.False(t, p.Operations[0].Reference)
	assert.NotEqual(t, ir.EntityReference, p.Examples[0].Type)
}

// TestResponseFromExample: a function whose response section names its
// type only in bold (no link docgen can read) answers the type its response
// example wraps in "value"; an action whose example shows a collection, or
// no annotation, stays untyped.
func TestResponseFromExample(t *testing.T) {
	page := func(method, example string) string {
		return "---\ntitle: \"thing: getCounts\"\ndoc_type: apiPageType\n---\n\n# thing: getCounts\n\nNamespace: microsoft.graph\n\n" +
			"## HTTP request\n\n```http\n" + method + " /things/{id}/getCounts\n```\n\n" +
			"## Request body\n\nDo not supply a request body for this method.\n\n" +
			"## Response\n\nIf successful, this function returns a `200 OK` response code and a **thingCount** in the response body.\n\n" +
			"## Example\n\n### Request\n\n```http\n" + method + " https://graph.microsoft.com/beta/things/1/getCounts\n```\n\n" +
			"### Response\n\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n" + example + "\n```\n"
	}
	p, diags := parseMD(t, page("GET", `{"value": {"@odata.type": "#microsoft.graph.thingCounts", "total": 3}}`))
	require.Len(t, p.Operations, 1)
	assert.Equal(t, ir.OpFunction, p.Operations[0].Kind)
	assert.Equal(t, "microsoft.graph.thingCounts", p.Operations[0].Response.Name)
	require.Len(t, p.Examples, 1)
	assert.Equal(t, "microsoft.graph.thingCounts", p.Examples[0].Type)
	var codes []string
	for _, d := range diags {
		codes = append(codes, d.Code)
	}
	assert.Contains(t, codes, "response-from-example")

	for _, ex := range []string{`{"value": [{"@odata.type": "#microsoft.graph.thingCounts"}]}`, `{"value": {"total": 3}}`, `{"value": {"@odata.type": "#not a name"}}`} {
		p, _ = parseMD(t, page("POST", ex))
		require.Len(t, p.Operations, 1)
		assert.Empty(t, p.Operations[0].Response.Name, ex)
	}
}

// TestBodySubsections: tables under subheadings of "Request body" document
// one body together; other tables there are passed over without a warning.
func TestBodySubsections(t *testing.T) {
	p, diags := parseMD(t, "---\ntitle: Update thing\n---\n\n# Update thing\n\n## HTTP request\n\n```http\nPATCH /things/{id}\n```\n\n"+
		"## Request body\n\n### Delegated permissions\n\n| Property | Type | Description |\n|:--|:--|:--|\n| name | String | The name. |\n| size | Int32 | The size. |\n\n"+
		"### Application permissions\n\n| Property | Type | Description |\n|:--|:--|:--|\n| size | Int32 | The size again. |\n| color | String | The color. |\n\n"+
		"### Color options\n\n| Color | Meaning |\n|:--|:--|\n| red | Warm. |\n\n"+
		"## Response\n\n### Delegated permissions\n\nIf successful, this method returns a `200 OK` response code and an updated [thing](thing.md) object in the response body.\n")
	assert.Empty(t, diags)
	op := p.Operations[0]
	assert.Equal(t, []string{"name", "size", "color"}, op.BodyProperties)
	assert.Equal(t, 200, op.ResponseStatus, "a response subsection is still the response")
	require.Len(t, p.Types, 1)
	var names []string
	for _, prop := range p.Types[0].Properties {
		names = append(names, prop.Name)
	}
	assert.Equal(t, []string{"name", "size", "color"}, names)
	assert.Equal(t, "The size.", p.Types[0].Properties[1].Description, "the first listing wins")
}

// TestTabHeadingsKeepExampleSection: "# [HTTP](#tab/http)" is a tab of a code
// sample, not a section: a bare JSON body after it is still the request.
func TestTabHeadingsKeepExampleSection(t *testing.T) {
	p, _ := parseMD(t, "---\ntitle: Update thing\n---\n\n# Update thing\n\n## HTTP request\n\n```http\nPATCH /things/{id}\n```\n\n"+
		"## Request body\n\n"+thingProps+"\n\n## Response\n\nIf successful, this method returns a `204 No Content` response code.\n\n"+
		"## Examples\n\n### Request\n\n# [HTTP](#tab/http)\n\n```json\n{\"size\": 3}\n```\n\n# [C#](#tab/csharp)\n\n"+
		"[!INCLUDE [sample-code](../includes/x.md)]\n\n---\n\n### Response\n\n```json\n{\"size\": 4}\n```\n")
	require.Len(t, p.Examples, 2)
	assert.Equal(t, ir.RoleRequest, p.Examples[0].Role)
	assert.Equal(t, ir.RoleResponse, p.Examples[1].Role)
	assert.Equal(t, 204, p.Operations[0].ResponseStatus)
}

// TestInheritedBase: a base type named inside a sentence, or only in the
// resource metadata comment.
func TestInheritedBase(t *testing.T) {
	for _, tc := range []struct{ intro, want string }{
		{"Represents a thing.\nThis type inherits from [widgetBase](widgetbase.md).", "microsoft.graph.widgetBase"},
		{"A special thing. This is a subclass of [widgetBase](widgetbase.md).", "microsoft.graph.widgetBase"},
		{"Inherits from [entity](entity.md).", "microsoft.graph.entity"},
		{"This type is derived from microsoft.graph.security.alertBase.", "microsoft.graph.security.alertBase"},
		{"Each setting inherits from its parent folder.", ""},
		{"Represents a thing.", ""},
	} {
		p, _ := parseMD(t, resourcePage(tc.intro, thingProps))
		require.Len(t, p.Types, 1, tc.intro)
		assert.Equal(t, tc.want, p.Types[0].Base, tc.intro)
	}

	meta := "\n## JSON representation\n\n<!-- {\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"microsoft.graph.thing\",\n  \"baseType\": \"microsoft.graph.widgetBase\"\n}-->\n\n```json\n{\"size\": 1}\n```\n"
	p, _ := parseMD(t, resourcePage("Represents a thing.", thingProps+"\n"+meta))
	assert.Equal(t, "microsoft.graph.widgetBase", p.Types[0].Base, "from the metadata comment")
	p, _ = parseMD(t, resourcePage("Inherits from [gizmo](gizmo.md).", thingProps+"\n"+meta))
	assert.Equal(t, "microsoft.graph.gizmo", p.Types[0].Base, "the page's own words win")
}

// TestPropertiesNone: "## Properties" saying "None." documents a type with
// no properties of its own (an abstract base), not a page without a table.
func TestPropertiesNone(t *testing.T) {
	p, diags := parseMD(t, resourcePage("An abstract thing.", "None."))
	assert.Empty(t, diags)
	require.Len(t, p.Types, 1)
	assert.Equal(t, "microsoft.graph.thing", p.Types[0].Name)
	assert.Empty(t, p.Types[0].Properties)
}

// TestTypeCellLeadingRemark: "(Optional) String" is a String.
func TestTypeCellLeadingRemark(t *testing.T) {
	for _, tc := range []struct {
		cell  doc.Inline
		want  string
		coll  bool
		valid bool
	}{
		{doc.Inline{Text: "(Optional) String"}, "Edm.String", false, true},
		{doc.Inline{Text: "(Optional) finish collection", Links: []doc.Link{{Text: "finish", Href: "finish.md"}}}, "microsoft.graph.finish", true, true},
		{doc.Inline{Text: "Collection(microsoft.graph.thing)"}, "microsoft.graph.thing", true, true},
		{doc.Inline{Text: "(Optional)"}, "", false, false},
	} {
		ref, ok := ParseTypeCell(tc.cell, "microsoft.graph")
		assert.Equal(t, tc.valid, ok, tc.cell.Text)
		assert.Equal(t, tc.want, ref.Name, tc.cell.Text)
		assert.Equal(t, tc.coll, ref.Collection, tc.cell.Text)
	}
}

// TestResponseResource: "the newly created **thing** resource in the
// response body" names the response type as "object" does.
func TestResponseResource(t *testing.T) {
	p, _ := parseMD(t, "---\ntitle: Create thing\n---\n\n# Create thing\n\n## HTTP request\n\n```http\nPOST /things\n```\n\n"+
		"## Request body\n\n"+thingProps+"\n\n## Response\n\nIf successful, this method returns a 201 Created response code and the newly created **thing** resource in the response body.\n")
	op := p.Operations[0]
	assert.Equal(t, 201, op.ResponseStatus)
	assert.Equal(t, "microsoft.graph.thing", op.Response.Name)
	assert.True(t, strings.HasPrefix(op.Paths[0].Template, "/things"))
}

// TestSectionHeadingRemark: "HTTP request (to upload a new file)" is an HTTP
// request section; a body the page says is a binary stream needs no table.
func TestSectionHeadingRemark(t *testing.T) {
	p, diags := parseMD(t, "---\ntitle: Upload thing\ndoc_type: apiPageType\n---\n\n# Upload thing\n\n"+
		"## HTTP request (to replace a thing)\n\n```http\nPUT /things/{id}/content\n```\n\n"+
		"## HTTP request (to add a thing)\n\n```http\nPUT /folders/{id}:/{name}:/content\n```\n\n"+
		"## Request body\n\nThe request body is the binary stream of the file.\n\n"+
		"## Response\n\nIf successful, this method returns a `201 Created` response code and a [thing](thing.md) object in the response body.\n")
	assert.Empty(t, diags)
	op := p.Operations[0]
	require.Len(t, op.Paths, 2)
	assert.Equal(t, "/folders/{id}:/{name}:/content", op.Paths[1].Template)
	assert.Empty(t, op.Body.Name)

	p, diags = Parse("page.md", []byte("---\ntitle: Update thing\n---\n\n# Update thing\n\n## HTTP request\n\n```http\nPUT /things/{id}\n```\n\n"+
		"## Request body\n\nSupply a JSON representation of the thing.\n"))
	assert.Empty(t, diags)
	op = p.Operations[0]
	assert.Equal(t, "microsoft.graph.thing", op.Body.Name, "a JSON body without a table is a partial of the entity updated")
	assert.True(t, op.BodyInferred)
}

// TestInferredBody: an update page without a body table documents a partial
// of the entity it updates; a reference ($ref) body is no entity's; a page
// naming no entity cannot be read.
func TestInferredBody(t *testing.T) {
	page := func(title, intro, path string) string {
		return "---\ntitle: " + title + "\ndoc_type: apiPageType\n---\n\n# " + title + "\n\n" + intro + "\n\n## HTTP request\n\n```http\n" + path + "\n```\n\n" +
			"## Request body\n\nIn the request body, supply the values for relevant fields that should be updated. Existing properties that aren't included in the request body maintain their previous values.\n\n" +
			"## Response\n\nIf successful, this method returns a `204 No Content` response code.\n"
	}
	p, diags := parseMD(t, page("Update printer", "Update the properties of a [printer](../resources/printer.md) object.", "PATCH /print/printers/{id}"))
	assert.Empty(t, diags)
	op := p.Operations[0]
	assert.Equal(t, ir.TypeRef{Name: "microsoft.graph.printer", Href: "../resources/printer.md"}, op.Body)
	assert.True(t, op.BodyInferred)
	assert.Empty(t, op.BodyProperties, "resolve fills them from the resource page")

	p, diags = parseMD(t, page("Assign manager", "Assign a user's manager.", "PUT /users/{id}/manager/$ref"))
	assert.Empty(t, diags)
	assert.Empty(t, p.Operations[0].Body.Name, "a reference is no entity's partial")
	assert.True(t, p.Operations[0].Reference)

	_, diags = Parse("page.md", []byte(page("Set things up", "Sets things up.", "PATCH /setup")))
	assert.True(t, diags.HasErrors(), "no entity to infer a body from")
}

// TestCollectionResponse: "a collection of [x] objects" (or "an [x]
// collection") in the response section makes the response a collection, so
// that the client does not decode the {"value": [...]} answer as one x.
func TestCollectionResponse(t *testing.T) {
	for _, sentence := range []string{
		"If successful, this action returns a `200 OK` response code and a collection of [thing](../resources/thing.md) objects in the response body.",
		"If successful, this action returns a `200 OK` response code and a [thing](../resources/thing.md) collection in the response body.",
	} {
		p, _ := parseMD(t, "---\ntitle: \"thing: split\"\n---\n\n# thing: split\n\n## HTTP request\n\n```http\nPOST /things/{thingId}/split\n```\n\n"+
			"## Request body\n\n| Parameter | Type | Description |\n|:--|:--|:--|\n| parts | Int32 | How many. |\n\n## Response\n\n"+sentence+"\n")
		require.Len(t, p.Operations, 1)
		assert.Equal(t, ir.TypeRef{Name: "microsoft.graph.thing", Href: "../resources/thing.md", Collection: true}, p.Operations[0].Response, sentence)
	}
	p, _ := parseMD(t, "---\ntitle: Update thing\n---\n\n# Update thing\n\n## HTTP request\n\n```http\nPATCH /things/{thingId}\n```\n\n"+
		"## Request body\n\n"+thingProps+"\n\n## Response\n\nIf successful, this method returns a `200 OK` response code and an updated [thing](../resources/thing.md) object in the response body.\n")
	assert.False(t, p.Operations[0].Response.Collection)
}

// TestSDKSnippetsAreNotExamples: rendered pages put SDK snippets beside the
// HTTP example; a JavaScript object literal is code, not a JSON example.
func TestSDKSnippetsAreNotExamples(t *testing.T) {
	p, diags := parseMD(t, "---\ntitle: Update thing\n---\n\n# Update thing\n\n## HTTP request\n\n```http\nPATCH /things/{thingId}\n```\n\n"+
		"## Request body\n\n"+thingProps+"\n\n## Example\n\n### Request\n\n"+
		"```http\nPATCH https://graph.microsoft.com/beta/things/1\nContent-Type: application/json\n\n{\"size\": 2}\n```\n\n"+
		"```javascript\n{ size: 2 } // sent with client.api('/things/1').patch(thing)\n```\n\n"+
		"```csharp\n{\n  Size = 2,\n}\n```\n")
	assert.Empty(t, diags)
	require.Len(t, p.Examples, 1)
	assert.Equal(t, `{"size": 2}`, p.Examples[0].Body)
}

// TestPathParams: names (letters, digits, '_', '-', '.', alternatives
// joined by '|') are parameters; anything else in braces refuses the path,
// naming the first offending text.
func TestPathParams(t *testing.T) {
	for _, c := range []struct {
		path   string
		params []string
		bad    string
	}{
		{"/things/{id}", []string{"id"}, ""},
		{"/sites/{site-id}/lists/{list_id}/x/{a.b}", []string{"site-id", "list_id", "a.b"}, ""},
		{"/users/{id | userPrincipalName}", []string{"id | userPrincipalName"}, ""},
		{"/users/{id|userPrincipalName}/f(period='{period_value}')", []string{"id|userPrincipalName", "period_value"}, ""},
		{"/a", nil, ""},
		{"/a/{x\"y}", nil, "x\"y"},
		{"/a/{1a}", nil, "1a"},
		{"/a/{ }", nil, " "},
		{"/a/{id  //go:generate touch PWNED}", nil, "id  //go:generate touch PWNED"},
		{"/a/{x y}", nil, "x y"},
		{"/a/{a|}", nil, "a|"},
		{"/a/{}", nil, "/a/{}"},
		{"/a/{{id}}", nil, "/a/{{id}}"},
		{"/a/{id", nil, "/a/{id"},
	} {
		params, bad := pathParams(c.path)
		assert.Equal(t, c.params, params, c.path)
		assert.Equal(t, c.bad, bad, c.path)
	}
}

// TestListResponseExampleType: a list page's title names the plural ("List
// things"); a response example without "@odata.type" shows what the
// response section says comes back, not that plural.
func TestListResponseExampleType(t *testing.T) {
	p, _ := parseMD(t, "---\ntitle: \"List things\"\n---\n\n# List things\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nGET /things\n```\n\n"+
		"## Response\n\nIf successful, this method returns a `200 OK` response code and a collection of [thing](../resources/thing.md) objects in the response body.\n\n"+
		"## Example\n\n### Response\n\n```http\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{\n  \"value\": [\n    {\"size\": 1}\n  ]\n}\n```\n")
	require.Len(t, p.Examples, 1)
	assert.Equal(t, "microsoft.graph.thing", p.Examples[0].Type)
	assert.True(t, p.Examples[0].Collection)
}

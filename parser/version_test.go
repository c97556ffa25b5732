package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPageVersion(t *testing.T) {
	md := func(body string) string {
		return "---\ntitle: Update thing\ndoc_type: apiPageType\n---\n\n# Update thing\n\n" + body +
			"\n\n## HTTP request\n\n```http\nPATCH /things/{id}\n```\n\n## Request body\n\n| Property | Type | Description |\n|:--|:--|:--|\n| size | Int32 | The size. |\n"
	}
	for _, c := range []struct {
		name, file, src, want string
	}{
		{"folder", "api-reference/v1.0/api/thing-update.md", md("```http\nPATCH https://graph.microsoft.com/beta/things/1\n```"), "v1.0"},
		{"folder beta", "docs/beta/api/thing-update.md", md(""), "beta"},
		{"example URLs", "pages/thing-update.md", md("```http\nPATCH https://graph.microsoft.com/v1.0/things/1\n```\n\n```http\nGET https://graph.microsoft.com/v1.0/things/1\n```"), "v1.0"},
		{"beta notice", "000_x.txt", "Update thing\nImportant: Microsoft Graph APIs under the /beta version are subject to change; production use is not supported.\nHTTP Request\nPATCH /things/{id}\nRequest body\nProperty | Type | Description |\n---|---|---|\nsize | Int32 | The size. |\n", "beta"},
		{"view links", "x.md", md("See [thing](/graph/api/resources/thing?view=graph-rest-1.0) and [other](/graph/api/resources/other?view=graph-rest-1.0)."), "v1.0"},
		{"unstated", "x.md", md(""), ""},
		{"canonical", "x.html", `<html><head><title>Update thing</title><link rel="canonical" href="https://learn.microsoft.com/en-us/graph/api/thing-update?view=graph-rest-beta"></head><body><h1>Update thing</h1><h2>HTTP request</h2><pre><code>PATCH /things/{id}</code></pre><h2>Request body</h2><table><tr><th>Property</th><th>Type</th><th>Description</th></tr><tr><td>size</td><td>Int32</td><td>The size.</td></tr></table></body></html>`, "beta"},
	} {
		p, diags := Parse(c.file, []byte(c.src))
		assert.False(t, diags.HasErrors(), "%s: %v", c.name, diags)
		assert.Equal(t, c.want, p.Version, c.name)
	}
}

package markdown

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser/doc"
)

const file = "t.md"

func at(line, col int) ir.Pos { return ir.Pos{File: file, Line: line, Col: col} }

func inl(s string, links ...doc.Link) doc.Inline { return doc.Inline{Text: s, Links: links} }

func cell(s string, line, col int, links ...doc.Link) doc.Cell {
	return doc.Cell{Inline: inl(s, links...), Pos: at(line, col)}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []doc.Block
		// warn lists the lines of the warnings the page gets.
		warn []int
	}{{
		name: "headings",
		src:  "# One\n\nSome *text*.\n\n### Three ###\nSetext two\n---\n",
		want: []doc.Block{
			{Kind: doc.Heading, Level: 1, Text: inl("One"), Pos: at(1, 1)},
			{Kind: doc.Paragraph, Text: inl("Some text."), Pos: at(3, 1)},
			{Kind: doc.Heading, Level: 3, Text: inl("Three"), Pos: at(5, 1)},
			{Kind: doc.Heading, Level: 2, Text: inl("Setext two"), Pos: at(6, 1)},
		},
	}, {
		name: "table with a link in the type cell",
		src: "## Properties\n" +
			"|Property|Type|Description|\n" +
			"|:---|:---|:---|\n" +
			"|partnerState|[mobileThreatPartnerTenantState](../resources/x.md)|Possible values are: `a`, `b`.|\n",
		want: []doc.Block{
			{Kind: doc.Heading, Level: 2, Text: inl("Properties"), Pos: at(1, 1)},
			{Kind: doc.Table, Pos: at(2, 1), Table: &doc.TableData{
				Header: []doc.Cell{cell("Property", 2, 2), cell("Type", 2, 11), cell("Description", 2, 16)},
				Rows: []doc.Row{{Pos: at(4, 1), Cells: []doc.Cell{
					cell("partnerState", 4, 2),
					cell("mobileThreatPartnerTenantState", 4, 15,
						doc.Link{Text: "mobileThreatPartnerTenantState", Href: "../resources/x.md"}),
					cell("Possible values are: a, b.", 4, 67),
				}}},
			}},
		},
	}, {
		name: "ragged table",
		src:  "|a|b|c|\n|-|-|-|\n|1|\n|1|2|3|4|\n||x\n",
		want: []doc.Block{{Kind: doc.Table, Pos: at(1, 1), Table: &doc.TableData{
			Header: []doc.Cell{cell("a", 1, 2), cell("b", 1, 4), cell("c", 1, 6)},
			Rows: []doc.Row{
				// Short rows are padded with empty cells at the row.
				{Pos: at(3, 1), Cells: []doc.Cell{cell("1", 3, 2), cell("", 3, 1), cell("", 3, 1)}},
				// Excess cells are dropped, as GFM says.
				{Pos: at(4, 1), Cells: []doc.Cell{cell("1", 4, 2), cell("2", 4, 4), cell("3", 4, 6)}},
				{Pos: at(5, 1), Cells: []doc.Cell{cell("", 5, 2), cell("x", 5, 3), cell("", 5, 1)}},
			},
		}}},
		warn: []int{4}, // the dropped cell
	}, {
		name: "escaped pipes in cells",
		src:  "|a|b|\n|-|-|\n|x\\|y|`c\\|d`|\n",
		want: []doc.Block{{Kind: doc.Table, Pos: at(1, 1), Table: &doc.TableData{
			Header: []doc.Cell{cell("a", 1, 2), cell("b", 1, 4)},
			Rows:   []doc.Row{{Pos: at(3, 1), Cells: []doc.Cell{cell("x|y", 3, 2), cell("c|d", 3, 7)}}},
		}}},
	}, {
		name: "http fenced block",
		src:  "Request:\n``` http\nPATCH /deviceManagement/x/{id}\nContent-type: application/json\n\n{\n  \"a\": 1\n}\n```\n",
		want: []doc.Block{
			{Kind: doc.Paragraph, Text: inl("Request:"), Pos: at(1, 1)},
			{Kind: doc.Code, Lang: "http", Pos: at(3, 1),
				Code: "PATCH /deviceManagement/x/{id}\nContent-type: application/json\n\n{\n  \"a\": 1\n}"},
		},
	}, {
		name: "code language is the first word, lower-cased",
		src:  "~~~JSON title=\"x\"\n{}\n\n~~~\n\n```\n```\n",
		want: []doc.Block{
			{Kind: doc.Code, Lang: "json", Code: "{}", Pos: at(2, 1)},
			{Kind: doc.Code, Pos: at(6, 1)},
		},
	}, {
		name: "indented code",
		src:  "para\n\n    line 1\n\n      line 2\n",
		want: []doc.Block{
			{Kind: doc.Paragraph, Text: inl("para"), Pos: at(1, 1)},
			{Kind: doc.Code, Code: "line 1\n\n  line 2", Pos: at(3, 5)},
		},
	}, {
		name: "comment block",
		src:  "Here is the request.\n<!-- { \"blockType\": \"request\", \"name\": \"x\" } -->\n```http\nGET /me\n```\n",
		want: []doc.Block{
			{Kind: doc.Paragraph, Text: inl("Here is the request."), Pos: at(1, 1)},
			{Kind: doc.Comment, Code: `{ "blockType": "request", "name": "x" }`, Pos: at(2, 1)},
			{Kind: doc.Code, Lang: "http", Code: "GET /me", Pos: at(4, 1)},
		},
	}, {
		name: "multi-line comment block",
		src:  "<!-- {\n  \"blockType\": \"ignored\"\n}\n-->\n",
		want: []doc.Block{{Kind: doc.Comment, Code: "{\n  \"blockType\": \"ignored\"\n}", Pos: at(1, 1)}},
	}, {
		name: "inline comment follows its block",
		src:  "text <!-- note --> more\n",
		want: []doc.Block{
			{Kind: doc.Paragraph, Text: inl("text more"), Pos: at(1, 1)},
			{Kind: doc.Comment, Code: "note", Pos: at(1, 6)},
		},
	}, {
		name: "raw HTML block becomes text",
		src:  "<div>\nSome <b>bold</b> text<br>more &amp; less\n<!-- c -->\n<script>var x;</script>after\n</div>\n",
		want: []doc.Block{
			{Kind: doc.Paragraph, Text: inl("Some bold text more & less"), Pos: at(2, 1)},
			{Kind: doc.Comment, Code: "c", Pos: at(3, 1)},
			{Kind: doc.Paragraph, Text: inl("after"), Pos: at(4, 24)},
		},
	}, {
		name: "entities, escapes and inline HTML",
		src: "Bearer &lt;token&gt; &amp;amp; &#x41;&#66; &notanentity; \\_a\\_ \\|\n" +
			"a<br>b<br/>c <span>d</span>e `&lt;x&gt; \\_`\n",
		want: []doc.Block{{Kind: doc.Paragraph, Pos: at(1, 1),
			Text: inl("Bearer <token> &amp; AB &notanentity; _a_ | a b c de &lt;x&gt; \\_")}},
	}, {
		name: "links and autolinks",
		src:  "See [the *docs*](../api/x.md \"t\"), <https://x.y/z>, <a@b.c> and [ref].\n\n[ref]: <a&amp;b.md>\n",
		want: []doc.Block{{Kind: doc.Paragraph, Pos: at(1, 1),
			Text: inl("See the docs, https://x.y/z, a@b.c and ref.",
				doc.Link{Text: "the docs", Href: "../api/x.md"},
				doc.Link{Text: "https://x.y/z", Href: "https://x.y/z"},
				doc.Link{Text: "a@b.c", Href: "mailto:a@b.c"},
				doc.Link{Text: "ref", Href: "a&b.md"})}},
	}, {
		name: "whitespace collapsed, line breaks are spaces",
		src:  "  one   two\nthree\\\nfour  \nfive\u00a0 six\n",
		want: []doc.Block{{Kind: doc.Paragraph, Text: inl("one two three four five six"), Pos: at(1, 3)}},
	}, {
		name: "nested lists",
		src: "- one\n  continued\n  - two *a*\n    1. three\n- four\n\n  second paragraph\n\n  ```json\n  {}\n  ```\n" +
			"  > quoted\n",
		want: []doc.Block{
			{Kind: doc.ListItem, Depth: 1, Text: inl("one continued"), Pos: at(1, 1)},
			{Kind: doc.ListItem, Depth: 2, Text: inl("two a"), Pos: at(3, 3)},
			{Kind: doc.ListItem, Depth: 3, Text: inl("three"), Pos: at(4, 5)},
			{Kind: doc.ListItem, Depth: 1, Text: inl("four second paragraph"), Pos: at(5, 1)},
			{Kind: doc.Code, Lang: "json", Code: "{}", Pos: at(10, 3)},
			{Kind: doc.Paragraph, Text: inl("quoted"), Pos: at(12, 5)},
		},
	}, {
		name: "block quotes are transparent",
		src:  "> **Note:** the [x](y.md) API.\n>\n> # Heading\n",
		want: []doc.Block{
			{Kind: doc.Paragraph, Text: inl("Note: the x API.", doc.Link{Text: "x", Href: "y.md"}), Pos: at(1, 3)},
			{Kind: doc.Heading, Level: 1, Text: inl("Heading"), Pos: at(3, 3)},
		},
	}, {
		name: "empty input",
		src:  "",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, diags := Parse(file, []byte(tt.src))
			var lines []int
			for _, d := range diags {
				lines = append(lines, d.Pos.Line)
			}
			assert.Equal(t, tt.warn, lines, "%v", diags)
			assert.Equal(t, file, d.File)
			assert.Equal(t, tt.want, d.Blocks)
		})
	}
}

func TestFrontMatter(t *testing.T) {
	src := "---\n" +
		"title: \"Update mobileThreatDefenseConnector\"\n" +
		"description: 'Quoted: with colon'\n" +
		"# a YAML comment\n" +
		"doc_type: apiPageType\n" +
		"summary: >\n" +
		"  folded\n" +
		"  text\n" +
		"---\n" +
		"\n" +
		"# Title\n"
	d, diags := Parse(file, []byte(src))
	require.Empty(t, diags)
	assert.Equal(t, []doc.KV{
		{Key: "title", Value: "Update mobileThreatDefenseConnector", Pos: at(2, 1)},
		{Key: "description", Value: "Quoted: with colon", Pos: at(3, 1)},
		{Key: "doc_type", Value: "apiPageType", Pos: at(5, 1)},
		{Key: "summary", Value: "folded text", Pos: at(6, 1)},
	}, d.Meta)
	assert.Equal(t, "apiPageType", d.MetaValue("doc_type"))
	assert.Equal(t, []doc.Block{{Kind: doc.Heading, Level: 1, Text: inl("Title"), Pos: at(11, 1)}}, d.Blocks)

	t.Run("unterminated", func(t *testing.T) {
		d, diags := Parse(file, []byte("---\ntitle: x\n\n# Title\n"))
		require.Len(t, diags, 1)
		assert.Equal(t, ir.SevWarning, diags[0].Severity)
		assert.Equal(t, at(1, 1), diags[0].Pos)
		assert.Empty(t, d.Meta)
		// The page is still read, as markdown.
		assert.Contains(t, d.Blocks, doc.Block{Kind: doc.Heading, Level: 1, Text: inl("Title"), Pos: at(4, 1)})
	})
	t.Run("not at the start", func(t *testing.T) {
		d, diags := Parse(file, []byte("\n---\ntitle: x\n---\n"))
		assert.Empty(t, diags)
		assert.Empty(t, d.Meta)
	})
}

func TestNormalization(t *testing.T) {
	lf := "---\ntitle: x\n---\n# T\n\n|a|b|\n|-|-|\n|1|2|\n\n```json\n{\n}\n```\n<!--\nc\n-->\n"
	want, diags := Parse(file, []byte(lf))
	require.Empty(t, diags)
	for name, src := range map[string]string{
		"CRLF and BOM": "\uFEFF" + strings.ReplaceAll(lf, "\n", "\r\n"),
		"CR":           strings.ReplaceAll(lf, "\n", "\r"),
	} {
		t.Run(name, func(t *testing.T) {
			got, diags := Parse(file, []byte(src))
			require.Empty(t, diags)
			assert.Equal(t, want, got)
		})
	}
	t.Run("invalid UTF-8", func(t *testing.T) {
		d, _ := Parse(file, []byte("a\xff\xfeb\n"))
		assert.Equal(t, []doc.Block{{Kind: doc.Paragraph, Text: inl("a\uFFFDb"), Pos: at(1, 1)}}, d.Blocks)
	})
}

func TestUnterminatedComment(t *testing.T) {
	d, diags := Parse(file, []byte("text\n\n<!-- {\n\"a\": 1\n"))
	require.Len(t, diags, 1)
	assert.Equal(t, ir.SevWarning, diags[0].Severity)
	assert.Equal(t, at(3, 1), diags[0].Pos)
	assert.Equal(t, doc.Block{Kind: doc.Comment, Code: "{\n\"a\": 1", Pos: at(3, 1)}, d.Blocks[len(d.Blocks)-1])
}

// parseFile parses a page from testdata.
func parseFile(t *testing.T, name string) *doc.Document {
	t.Helper()
	src, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	d, diags := Parse(name, src)
	require.Empty(t, diags)
	return d
}

// blocks returns the blocks of kind k in d.
func blocks(d *doc.Document, k doc.Kind) []doc.Block {
	var out []doc.Block
	for _, b := range d.Blocks {
		if b.Kind == k {
			out = append(out, b)
		}
	}
	return out
}

func cellTexts(cells []doc.Cell) []string {
	var out []string
	for _, c := range cells {
		out = append(out, c.Text)
	}
	return out
}

func TestUpdatePage(t *testing.T) {
	const name = "api/intune-onboarding-mobilethreatdefenseconnector-update.md"
	d := parseFile(t, name)
	pos := func(line, col int) ir.Pos { return ir.Pos{File: name, Line: line, Col: col} }

	assert.Equal(t, "Update mobileThreatDefenseConnector", d.MetaValue("title"))
	assert.Equal(t, "apiPageType", d.MetaValue("doc_type"))
	assert.Equal(t, doc.Block{Kind: doc.Heading, Level: 1, Text: inl("Update mobileThreatDefenseConnector"), Pos: pos(10, 1)}, d.Blocks[0])

	var headings []string
	for _, b := range blocks(d, doc.Heading) {
		headings = append(headings, b.Text.Text)
	}
	assert.Equal(t, []string{"Update mobileThreatDefenseConnector", "Prerequisites", "HTTP Request",
		"Request headers", "Request body", "Response", "Example", "Request", "Response"}, headings)

	tables := blocks(d, doc.Table)
	require.Len(t, tables, 3)

	headers := tables[1].Table
	assert.Equal(t, []string{"Bearer <token> Required."}, cellTexts(headers.Rows[0].Cells[1:]))

	props := tables[2]
	assert.Equal(t, pos(49, 1), props.Pos)
	assert.Equal(t, []string{"Property", "Type", "Description"}, cellTexts(props.Table.Header))
	require.Len(t, props.Table.Rows, 16)
	for i, r := range props.Table.Rows {
		assert.Equal(t, pos(51+i, 1), r.Pos, "row %d", i)
		require.Len(t, r.Cells, 3)
		assert.Equal(t, pos(51+i, 2), r.Cells[0].Pos, "row %d", i)
	}
	assert.Equal(t, "id", props.Table.Rows[0].Cells[0].Text)
	assert.Equal(t, "allowPartnerToCollectIOSApplicationMetadata", props.Table.Rows[15].Cells[0].Text)
	state := props.Table.Rows[2]
	assert.Equal(t, doc.Cell{Pos: pos(53, 15), Inline: inl("mobileThreatPartnerTenantState",
		doc.Link{Text: "mobileThreatPartnerTenantState", Href: "../resources/intune-onboarding-mobilethreatpartnertenantstate.md"})},
		state.Cells[1])
	assert.Equal(t, "Data Sync Partner state for this account. Possible values are: unavailable, available, enabled, unresponsive.",
		state.Cells[2].Text)

	assert.Equal(t, []doc.Block{{Kind: doc.Comment, Code: "{\n  \"blockType\": \"ignored\"\n}", Pos: pos(30, 1)}},
		blocks(d, doc.Comment))

	code := blocks(d, doc.Code)
	require.Len(t, code, 3)
	assert.Equal(t, doc.Block{Kind: doc.Code, Lang: "http", Pos: pos(35, 1),
		Code: "PATCH /deviceManagement/mobileThreatDefenseConnectors/{mobileThreatDefenseConnectorId}"}, code[0])
	assert.Equal(t, pos(78, 1), code[1].Pos)
	assert.True(t, strings.HasPrefix(code[1].Code, "PATCH https://graph.microsoft.com/beta/deviceManagement/mobileThreatDefenseConnectors/{mobileThreatDefenseConnectorId}\nContent-type: application/json\nContent-length: 726\n\n{\n  \"@odata.type\": \"#microsoft.graph.mobileThreatDefenseConnector\",\n"), code[1].Code)
	assert.True(t, strings.HasSuffix(code[1].Code, "\n  \"allowPartnerToCollectIOSApplicationMetadata\": true\n}"), code[1].Code)
	assert.Equal(t, 21, strings.Count(code[1].Code, "\n"))
	assert.Equal(t, pos(105, 1), code[2].Pos)
	assert.True(t, strings.HasPrefix(code[2].Code, "HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 775\n\n{\n"), code[2].Code)
	assert.Equal(t, "Here is an example of the response. Note: The response object shown here may be truncated for brevity. All of the properties will be returned from an actual call.",
		d.Blocks[len(d.Blocks)-2].Text.Text)
}

func TestResourcePage(t *testing.T) {
	const name = "resources/intune-onboarding-mobilethreatdefenseconnector.md"
	d := parseFile(t, name)
	pos := func(line, col int) ir.Pos { return ir.Pos{File: name, Line: line, Col: col} }

	assert.Equal(t, "resourcePageType", d.MetaValue("doc_type"))
	tables := blocks(d, doc.Table)
	require.Len(t, tables, 2)

	methods := tables[0].Table
	assert.Equal(t, []string{"Method", "Return Type", "Description"}, cellTexts(methods.Header))
	require.Len(t, methods.Rows, 5)
	assert.Equal(t, []doc.Link{
		{Text: "Delete mobileThreatDefenseConnector", Href: "../api/intune-onboarding-mobilethreatdefenseconnector-delete.md"},
	}, methods.Rows[3].Cells[0].Links)
	assert.Equal(t, "None", methods.Rows[3].Cells[1].Text)

	props := tables[1]
	assert.Equal(t, pos(30, 1), props.Pos)
	require.Len(t, props.Table.Rows, 16)
	assert.Equal(t, pos(47, 1), props.Table.Rows[15].Pos)

	assert.Equal(t, []doc.Block{{Kind: doc.Comment, Pos: pos(54, 1),
		Code: "{\n  \"blockType\": \"resource\",\n  \"keyProperty\": \"id\",\n  \"@odata.type\": \"microsoft.graph.mobileThreatDefenseConnector\"\n}"}},
		blocks(d, doc.Comment))
	code := blocks(d, doc.Code)
	require.Len(t, code, 1)
	assert.Equal(t, "json", code[0].Lang)
	assert.Equal(t, pos(61, 1), code[0].Pos)
	src, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	lines := strings.Split(string(src), "\n")
	assert.Equal(t, strings.Join(lines[60:79], "\n"), code[0].Code)
}

func TestEnumPage(t *testing.T) {
	const name = "resources/intune-onboarding-mobilethreatpartnertenantstate.md"
	d := parseFile(t, name)
	pos := func(line, col int) ir.Pos { return ir.Pos{File: name, Line: line, Col: col} }

	assert.Equal(t, "mobileThreatPartnerTenantState enum type", d.MetaValue("title"))
	assert.Equal(t, []doc.Block{
		{Kind: doc.Heading, Level: 1, Text: inl("mobileThreatPartnerTenantState enum type"), Pos: pos(10, 1)},
		{Kind: doc.Paragraph, Text: inl("Namespace: microsoft.graph"), Pos: pos(12, 1)},
		{Kind: doc.Paragraph, Text: inl("Important: Microsoft Graph APIs under the /beta version are subject to change; production use is not supported."), Pos: pos(14, 3)},
		{Kind: doc.Paragraph, Pos: pos(16, 3), Text: inl("Note: The Microsoft Graph API for Intune requires an active Intune license for the tenant.",
			doc.Link{Text: "active Intune license", Href: "https://go.microsoft.com/fwlink/?linkid=839381"})},
		{Kind: doc.Paragraph, Text: inl("Partner state of this tenant."), Pos: pos(18, 1)},
		{Kind: doc.Heading, Level: 2, Text: inl("Members"), Pos: pos(20, 1)},
	}, d.Blocks[:6])
	require.Len(t, d.Blocks, 7)
	members := d.Blocks[6]
	assert.Equal(t, pos(21, 1), members.Pos)
	assert.Equal(t, []string{"Member", "Value", "Description"}, cellTexts(members.Table.Header))
	var got [][]string
	for _, r := range members.Table.Rows {
		got = append(got, cellTexts(r.Cells))
	}
	assert.Equal(t, [][]string{
		{"unavailable", "0", "Partner is unavailable."},
		{"available", "1", "Partner is available."},
		{"enabled", "2", "Partner is enabled."},
		{"unresponsive", "3", "Partner is unresponsive."},
	}, got)
	assert.Equal(t, pos(26, 15), members.Table.Rows[3].Cells[1].Pos)
}

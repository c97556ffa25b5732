package html_test

import (
	"bytes"
	"flag"
	stdhtml "html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser/doc"
	"github.com/docgen-dev/docgen/parser/html"
)

var update = flag.Bool("update", false, "rewrite testdata/**/*.html from the .md pages")

func parse(t *testing.T, src string) *doc.Document {
	t.Helper()
	d, diags := html.Parse("page.html", []byte(src))
	require.Empty(t, diags)
	require.NotNil(t, d)
	return d
}

// summary is a block without positions, for compact expectations.
type summary struct {
	Kind  doc.Kind
	Level int
	Depth int
	Text  string
	Lang  string
	Code  string
}

func summarize(bs []doc.Block) []summary {
	var out []summary
	for _, b := range bs {
		out = append(out, summary{b.Kind, b.Level, b.Depth, b.Text.Text, b.Lang, b.Code})
	}
	return out
}

func TestHeadings(t *testing.T) {
	d := parse(t, "<h1>Title</h1>\n<h2 id=x>Sub &amp; <em>more</em></h2><h3>  a\n  b </h3><h2>Second</h2>")
	assert.Equal(t, []summary{
		{Kind: doc.Heading, Level: 1, Text: "Title"},
		{Kind: doc.Heading, Level: 2, Text: "Sub & more"},
		{Kind: doc.Heading, Level: 3, Text: "a b"},
		{Kind: doc.Heading, Level: 2, Text: "Second"},
	}, summarize(d.Blocks))
	assert.Equal(t, ir.Pos{File: "page.html", Path: "h2[2]"}, d.Blocks[3].Pos)
	assert.Equal(t, "Title", d.MetaValue("title"), "title falls back to the first h1")
}

func TestTableWithLink(t *testing.T) {
	d := parse(t, `<p>x</p><table>
<thead><tr><th align="left">Property</th><th>Type</th></tr></thead>
<tbody>
<tr><td><code>id</code></td><td>String</td></tr>
<tr><td>owner</td><td><a href="../resources/user.md">user</a> collection<br>Read-only.</td></tr>
</tbody></table>`)
	require.Len(t, d.Blocks, 2)
	tb := d.Blocks[1]
	require.Equal(t, doc.Table, tb.Kind)
	assert.Equal(t, "table[1]", tb.Pos.Path)
	require.Len(t, tb.Table.Header, 2)
	assert.Equal(t, "Property", tb.Table.Header[0].Text)
	assert.Equal(t, "table[1] tr[1] th[2]", tb.Table.Header[1].Pos.Path)
	require.Len(t, tb.Table.Rows, 2)
	assert.Equal(t, "id", tb.Table.Rows[0].Cells[0].Text)
	cell := tb.Table.Rows[1].Cells[1]
	assert.Equal(t, "user collection Read-only.", cell.Text)
	assert.Equal(t, []doc.Link{{Text: "user", Href: "../resources/user.md"}}, cell.Links)
	assert.Equal(t, ir.Pos{File: "page.html", Path: "table[1] tr[3] td[2]"}, cell.Pos)
	assert.Equal(t, "table[1] tr[3]", tb.Table.Rows[1].Pos.Path)
}

func TestTableHeaderDetection(t *testing.T) {
	d := parse(t, `<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>
<table><tr><td>1</td><td>2</td></tr><tr></tr></table>`)
	require.Len(t, d.Blocks, 2)
	a, b := d.Blocks[0].Table, d.Blocks[1].Table
	assert.Len(t, a.Header, 2, "a first row of th is the header")
	assert.Len(t, a.Rows, 1)
	assert.Empty(t, b.Header, "no th, no header")
	assert.Len(t, b.Rows, 1, "rows without cells are dropped")
}

func TestCodeBlocks(t *testing.T) {
	d := parse(t, "<pre><code class=\"language-JSON\">{\r\n  \"a\":  1\r\n}\n\n</code></pre>"+
		`<pre class="lang-http">GET /me
Accept: &lt;type&gt;</pre>`+
		`<pre><code class="hljs json">[]</code></pre>`+
		`<pre><code class="hljs">plain</code></pre>`+
		`<pre>a<br>b</pre>`)
	assert.Equal(t, []summary{
		{Kind: doc.Code, Lang: "json", Code: "{\n  \"a\":  1\n}"},
		{Kind: doc.Code, Lang: "http", Code: "GET /me\nAccept: <type>"},
		{Kind: doc.Code, Lang: "json", Code: "[]"},
		{Kind: doc.Code, Code: "plain"},
		{Kind: doc.Code, Code: "a\nb"},
	}, summarize(d.Blocks))
	assert.Equal(t, "pre[2]", d.Blocks[1].Pos.Path)
}

func TestComments(t *testing.T) {
	d := parse(t, `<!-- {
  "blockType": "request"
} -->
<p>a <!-- inline --> b</p><div><!--x--><pre>c</pre></div><!-- last -->`)
	assert.Equal(t, []summary{
		{Kind: doc.Comment, Code: "{\n  \"blockType\": \"request\"\n}"},
		{Kind: doc.Paragraph, Text: "a b"},
		{Kind: doc.Comment, Code: "inline"},
		{Kind: doc.Comment, Code: "x"},
		{Kind: doc.Code, Code: "c"},
		{Kind: doc.Comment, Code: "last"},
	}, summarize(d.Blocks))
	assert.Equal(t, "comment[4]", d.Blocks[5].Pos.Path)
}

func TestNestedLists(t *testing.T) {
	d := parse(t, `<ul>
<li>one
<ul><li>two <a href="#t">link</a></li></ul>
</li>
<li><p>three</p><p>more</p>
<ol><li>four<pre>code</pre></li></ol>
</li>
</ul>`)
	assert.Equal(t, []summary{
		{Kind: doc.ListItem, Depth: 1, Text: "one"},
		{Kind: doc.ListItem, Depth: 2, Text: "two link"},
		{Kind: doc.ListItem, Depth: 1, Text: "three more"},
		{Kind: doc.ListItem, Depth: 2, Text: "four"},
		{Kind: doc.Code, Code: "code"},
	}, summarize(d.Blocks))
	assert.Equal(t, []doc.Link{{Text: "link", Href: "#t"}}, d.Blocks[1].Text.Links)
	assert.Equal(t, "li[4]", d.Blocks[3].Pos.Path)
}

func TestInlineText(t *testing.T) {
	d := parse(t, "<p>a&nbsp;&nbsp;b<br>c\n <code>x  y</code> <strong>s</strong>&lt;t&gt; <img alt=\"pic\" src=p.png> <a name=n>anchor</a></p>")
	require.Len(t, d.Blocks, 1)
	assert.Equal(t, "a b c x y s<t> pic anchor", d.Blocks[0].Text.Text)
	assert.Empty(t, d.Blocks[0].Text.Links, "an anchor without href is not a link")
}

func TestLooseTextAndBlockquote(t *testing.T) {
	d := parse(t, `<div class="alert">Note: see <a href="u">this</a>.<p>inner</p>tail</div>
<blockquote><p><strong>Important:</strong> beta.</p><p>Two</p></blockquote><section>  </section>`)
	assert.Equal(t, []summary{
		{Kind: doc.Paragraph, Text: "Note: see this."},
		{Kind: doc.Paragraph, Text: "inner"},
		{Kind: doc.Paragraph, Text: "tail"},
		{Kind: doc.Paragraph, Text: "Important: beta."},
		{Kind: doc.Paragraph, Text: "Two"},
	}, summarize(d.Blocks))
	assert.Equal(t, []doc.Link{{Text: "this", Href: "u"}}, d.Blocks[0].Text.Links)
	assert.Equal(t, "div[1]", d.Blocks[0].Pos.Path)
}

func TestEncoding(t *testing.T) {
	d := parse(t, "\uFEFF<p>a\xffb</p>")
	require.Len(t, d.Blocks, 1)
	assert.Equal(t, "a\uFFFDb", d.Blocks[0].Text.Text)
}

func TestTooDeep(t *testing.T) {
	d, diags := html.Parse("deep.html", []byte(strings.Repeat("<span>", 600)+"x"))
	require.Len(t, diags, 1, "the HTML parser refuses more than 512 open elements")
	assert.Equal(t, ir.SevError, diags[0].Severity)
	assert.Equal(t, "deep.html", diags[0].Pos.File)
	assert.Equal(t, "deep.html", d.File)
	assert.Empty(t, d.Blocks)
}

func TestPageShell(t *testing.T) {
	d := parse(t, `<!DOCTYPE html><html><head>
<title>Get user - Microsoft Graph v1.0 | Microsoft Learn</title>
<meta name="description" content="Read  properties.">
<meta name="ms.topic" content="reference">
<meta name="author" content="someone">
<script>var x = "<p>script</p>";</script><style>p{}</style>
</head><body>
<header><a href="/">Microsoft</a><nav><ul><li><a href="/graph">Graph docs</a></li></ul></nav></header>
<aside><h2>In this article</h2></aside>
<main id="main"><h1>Get user</h1><button>Copy</button>
<div class="codeHeader"><span>HTTP</span></div><pre><code class="lang-http">GET /me</code></pre>
<noscript><p>enable scripts</p></noscript><svg><title>icon</title><text>svg text</text></svg>
<form><h3>Was this page helpful?</h3></form><template><p>tmpl</p></template></main>
<footer><p>© Microsoft 2021</p></footer></body></html>`)
	assert.Equal(t, []summary{
		{Kind: doc.Heading, Level: 1, Text: "Get user"},
		{Kind: doc.Code, Lang: "http", Code: "GET /me"},
	}, summarize(d.Blocks))
	assert.Equal(t, []doc.KV{
		{Key: "title", Value: "Get user", Pos: ir.Pos{File: "page.html", Path: "title"}},
		{Key: "description", Value: "Read properties.", Pos: ir.Pos{File: "page.html", Path: `meta[name="description"]`}},
		{Key: "ms.topic", Value: "reference", Pos: ir.Pos{File: "page.html", Path: `meta[name="ms.topic"]`}},
	}, d.Meta)
}

func TestContentRoot(t *testing.T) {
	d := parse(t, `<body><p>outside</p><div role="main"><p>inside</p></div></body>`)
	assert.Equal(t, []summary{{Kind: doc.Paragraph, Text: "inside"}}, summarize(d.Blocks))
	d = parse(t, `<aside><article><p>related</p></article></aside><article><p>main</p></article>`)
	assert.Equal(t, []summary{{Kind: doc.Paragraph, Text: "main"}}, summarize(d.Blocks))
}

func TestMetaTitle(t *testing.T) {
	d := parse(t, `<head><meta name="title" content="A - Microsoft Graph beta"><title>B</title></head><h1>C</h1>`)
	assert.Equal(t, "A", d.MetaValue("title"))
	d = parse(t, `<title>B | Microsoft Docs</title><h1>C</h1>`)
	assert.Equal(t, "B", d.MetaValue("title"))
}

// pages are the corpus pages in testdata, without extension.
var pages = []string{
	"api/intune-onboarding-mobilethreatdefenseconnector-update",
	"resources/intune-onboarding-mobilethreatdefenseconnector",
	"resources/intune-onboarding-mobilethreatpartnertenantstate",
}

// TestTestdataHTML checks that each testdata .html file is the rendering of
// its .md page; with -update it rewrites them.
func TestTestdataHTML(t *testing.T) {
	for _, name := range pages {
		md, err := os.ReadFile(filepath.Join("testdata", name+".md"))
		require.NoError(t, err)
		want := renderPage(t, md)
		path := filepath.Join("testdata", name+".html")
		if *update {
			require.NoError(t, os.WriteFile(path, want, 0o644))
			continue
		}
		got, err := os.ReadFile(path)
		require.NoError(t, err, "run go test ./parser/html -run TestTestdataHTML -update")
		assert.Equal(t, string(want), string(got), "%s is stale; run with -update", path)
	}
}

// splitFrontMatter splits a page into its front-matter entries and body.
func splitFrontMatter(src []byte) (kvs [][2]string, body []byte) {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	rest, ok := strings.CutPrefix(s, "---\n")
	if !ok {
		return nil, src
	}
	front, body0, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		return nil, src
	}
	for _, line := range strings.Split(front, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		kvs = append(kvs, [2]string{strings.TrimSpace(k), strings.Trim(strings.TrimSpace(v), `"`)})
	}
	return kvs, []byte(body0)
}

// renderFragment renders markdown as goldmark does with GFM tables and raw
// HTML (so comments survive).
func renderFragment(t *testing.T, md []byte) string {
	t.Helper()
	gm := goldmark.New(
		goldmark.WithExtensions(extension.Table),
		goldmark.WithRendererOptions(gmhtml.WithUnsafe()),
	)
	var buf bytes.Buffer
	require.NoError(t, gm.Convert(md, &buf))
	return buf.String()
}

// renderPage renders a markdown page and wraps it in a learn.microsoft.com-like
// page shell, with the front matter as <meta> tags.
func renderPage(t *testing.T, md []byte) []byte {
	kvs, body := splitFrontMatter(md)
	var b strings.Builder
	title := ""
	b.WriteString("<!DOCTYPE html>\n<html class=\"hasSidebar\" lang=\"en-us\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n")
	for _, kv := range kvs {
		if kv[0] == "title" {
			title = kv[1]
		}
		b.WriteString("<meta name=\"" + stdhtml.EscapeString(kv[0]) + "\" content=\"" + stdhtml.EscapeString(kv[1]) + "\">\n")
	}
	b.WriteString("<title>" + stdhtml.EscapeString(title) + " - Microsoft Graph beta | Microsoft Docs</title>\n")
	b.WriteString(shellHead + "</head>\n<body lang=\"en-us\" dir=\"ltr\">\n" + shellTop)
	b.WriteString("<main id=\"main\" role=\"main\" class=\"content\" data-bi-name=\"content\" lang=\"en-us\" dir=\"ltr\">\n")
	b.WriteString(renderFragment(t, body))
	b.WriteString(shellBottom)
	return []byte(b.String())
}

const shellHead = `<link rel="stylesheet" href="/_themes/docs.theme/master/en-us/_themes/styles/site-ltr.css">
<style>.content h1 { font-size: 2.5rem; }</style>
<script>window.msDocs = {"data": {"contentLocale": "en-us", "userLocale": "en-us"}};</script>
`

const shellTop = `<div class="header-holder has-default-focus">
<a href="#main" class="skip-to-main-link">Skip to main content</a>
<header role="banner" class="header">
<a href="https://www.microsoft.com" class="nav-bar-logo">Microsoft</a>
<nav id="site-nav" aria-label="Site">
<ul class="nav-bar-list">
<li><a href="/en-us/graph/">Microsoft Graph</a></li>
<li><a href="/en-us/graph/overview">Overview</a></li>
<li><a href="/en-us/graph/api/overview?view=graph-rest-beta">API reference</a></li>
</ul>
</nav>
<form class="search" role="search"><input type="search" placeholder="Search"><button type="submit">Search</button></form>
</header>
</div>
<div class="mainContainer uhf-container has-default-focus">
<aside id="left-container" class="left-container">
<nav class="toc" aria-label="Table of contents">
<ul class="tree">
<li><a href="/en-us/graph/api/resources/intune-graph-overview?view=graph-rest-beta">Intune overview</a></li>
<li><a href="/en-us/graph/api/resources/intune-onboarding-mobilethreatdefenseconnector?view=graph-rest-beta">TOC mobileThreatDefenseConnector</a></li>
</ul>
</nav>
</aside>
<nav aria-label="Breadcrumb" class="breadcrumbs">
<ol><li><a href="/en-us/">Docs</a></li><li><a href="/en-us/graph/">Microsoft Graph</a></li><li>Breadcrumb API reference</li></ol>
</nav>
`

const shellBottom = `<form class="feedback-widget" data-bi-name="feedback">
<h3>Is this page helpful?</h3>
<button type="button">Yes</button><button type="button">No</button>
</form>
<noscript><p>Enable JavaScript to send feedback.</p></noscript>
</main>
</div>
<footer id="footer" role="contentinfo">
<nav aria-label="Footer"><ul>
<li><a href="/en-us/previous-versions/">Previous Version Docs</a></li>
<li><a href="https://go.microsoft.com/fwlink/?LinkId=521839&amp;clcid=0x409">Privacy &amp; Cookies</a></li>
</ul></nav>
<p>© Microsoft 2021</p>
</footer>
<script src="/_themes/docs.theme/master/en-us/_themes/global/deprecation.js"></script>
<script>document.write("<p>injected by script</p>");</script>
</body>
</html>
`

// chromeText is text that only occurs in the page shell.
var chromeText = []string{
	"Skip to main content", "Overview", "Search", "Intune overview",
	"TOC mobileThreatDefenseConnector", "Docs", "Breadcrumb", "Is this page helpful?", "Yes",
	"Enable JavaScript", "Previous Version Docs", "Privacy", "© Microsoft", "injected", "msDocs",
	"font-size", "/en-us/",
}

func parseTestdata(t *testing.T, name string) *doc.Document {
	t.Helper()
	file := "testdata/" + name + ".html"
	src, err := os.ReadFile(file)
	require.NoError(t, err)
	d, diags := html.Parse(file, src)
	require.Empty(t, diags)
	for _, b := range d.Blocks {
		assert.Equal(t, file, b.Pos.File)
		assert.Zero(t, b.Pos.Line, "no invented line numbers")
		assert.NotEmpty(t, b.Pos.Path)
	}
	assertNoChrome(t, d)
	return d
}

// allText returns every string a document holds.
func allText(d *doc.Document) []string {
	var out []string
	inline := func(in doc.Inline) {
		out = append(out, in.Text)
		for _, l := range in.Links {
			out = append(out, l.Text, l.Href)
		}
	}
	for _, kv := range d.Meta {
		out = append(out, kv.Value)
	}
	for _, b := range d.Blocks {
		inline(b.Text)
		out = append(out, b.Code)
		if b.Table != nil {
			for _, c := range b.Table.Header {
				inline(c.Inline)
			}
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					inline(c.Inline)
				}
			}
		}
	}
	return out
}

func assertNoChrome(t *testing.T, d *doc.Document) {
	t.Helper()
	for _, s := range allText(d) {
		for _, c := range chromeText {
			assert.NotContains(t, s, c)
		}
	}
}

// after returns the blocks following the first heading with text h.
func after(t *testing.T, d *doc.Document, h string) []doc.Block {
	t.Helper()
	for i, b := range d.Blocks {
		if b.Kind == doc.Heading && b.Text.Text == h {
			return d.Blocks[i+1:]
		}
	}
	t.Fatalf("no heading %q", h)
	return nil
}

func cellTexts(cs []doc.Cell) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Text)
	}
	return out
}

func TestUpdatePage(t *testing.T) {
	d := parseTestdata(t, pages[0])
	assert.Equal(t, "Update mobileThreatDefenseConnector", d.MetaValue("title"))
	assert.Equal(t, "Update the properties of a mobileThreatDefenseConnector object.", d.MetaValue("description"))
	assert.Equal(t, "apiPageType", d.MetaValue("doc_type"))
	assert.Empty(t, d.MetaValue("author"))

	assert.Equal(t, summary{Kind: doc.Heading, Level: 1, Text: "Update mobileThreatDefenseConnector"}, summarize(d.Blocks[:1])[0])
	assert.Equal(t, "Important: Microsoft Graph APIs under the /beta version are subject to change; production use is not supported.", d.Blocks[2].Text.Text)

	req := after(t, d, "HTTP Request")
	assert.Equal(t, []summary{
		{Kind: doc.Comment, Code: "{\n  \"blockType\": \"ignored\"\n}"},
		{Kind: doc.Code, Lang: "http", Code: "PATCH /deviceManagement/mobileThreatDefenseConnectors/{mobileThreatDefenseConnectorId}"},
	}, summarize(req[:2]))

	body := after(t, d, "Request body")
	require.Equal(t, doc.Paragraph, body[0].Kind)
	assert.Equal(t, []doc.Link{{Text: "mobileThreatDefenseConnector", Href: "../resources/intune-onboarding-mobilethreatdefenseconnector.md"}}, body[0].Text.Links)
	tb := body[2]
	require.Equal(t, doc.Table, tb.Kind)
	assert.Equal(t, []string{"Property", "Type", "Description"}, cellTexts(tb.Table.Header))
	require.Len(t, tb.Table.Rows, 16)
	ps := tb.Table.Rows[2]
	assert.Equal(t, "partnerState", ps.Cells[0].Text)
	assert.Equal(t, "mobileThreatPartnerTenantState", ps.Cells[1].Text)
	assert.Equal(t, []doc.Link{{Text: "mobileThreatPartnerTenantState", Href: "../resources/intune-onboarding-mobilethreatpartnertenantstate.md"}}, ps.Cells[1].Links)
	assert.Equal(t, "Data Sync Partner state for this account. Possible values are: unavailable, available, enabled, unresponsive.", ps.Cells[2].Text)
	assert.Equal(t, "testdata/"+pages[0]+".html", ps.Cells[1].Pos.File)
	assert.Equal(t, "table[3] tr[4] td[2]", ps.Cells[1].Pos.Path)
	assert.Equal(t, "allowPartnerToCollectIOSApplicationMetadata", tb.Table.Rows[15].Cells[0].Text)

	var codes []doc.Block
	for _, b := range d.Blocks {
		if b.Kind == doc.Code {
			codes = append(codes, b)
		}
	}
	require.Len(t, codes, 3)
	for _, c := range codes {
		assert.Equal(t, "http", c.Lang)
		assert.False(t, strings.HasSuffix(c.Code, "\n"))
	}
	assert.True(t, strings.HasPrefix(codes[1].Code, "PATCH https://graph.microsoft.com/beta/deviceManagement/mobileThreatDefenseConnectors/{mobileThreatDefenseConnectorId}\nContent-type: application/json\nContent-length: 726\n\n{\n  \"@odata.type\""))
	assert.True(t, strings.HasSuffix(codes[1].Code, "\"allowPartnerToCollectIOSApplicationMetadata\": true\n}"))
	assert.True(t, strings.HasPrefix(codes[2].Code, "HTTP/1.1 200 OK\nContent-Type: application/json\n"))
	assert.Equal(t, "pre[3]", codes[2].Pos.Path)

	headers := after(t, d, "Request headers")[0]
	assert.Equal(t, "Bearer <token> Required.", headers.Table.Rows[0].Cells[1].Text)
}

func TestResourcePage(t *testing.T) {
	d := parseTestdata(t, pages[1])
	assert.Equal(t, "resourcePageType", d.MetaValue("doc_type"))
	methods := after(t, d, "Methods")[0]
	require.Equal(t, doc.Table, methods.Kind)
	assert.Len(t, methods.Table.Rows, 5)
	assert.Equal(t, "mobileThreatDefenseConnector collection", methods.Table.Rows[0].Cells[1].Text)
	assert.Len(t, after(t, d, "Properties")[0].Table.Rows, 16)
	assert.Equal(t, summary{Kind: doc.Paragraph, Text: "None"}, summarize(after(t, d, "Relationships")[:1])[0])

	js := after(t, d, "JSON Representation")
	require.Len(t, js, 3)
	assert.Equal(t, doc.Comment, js[1].Kind)
	assert.Contains(t, js[1].Code, `"keyProperty": "id"`)
	assert.Equal(t, "json", js[2].Lang)
	assert.True(t, strings.HasPrefix(js[2].Code, "{\n  \"@odata.type\": \"#microsoft.graph.mobileThreatDefenseConnector\",\n"))
}

func TestEnumPage(t *testing.T) {
	d := parseTestdata(t, pages[2])
	assert.Equal(t, "mobileThreatPartnerTenantState enum type", d.MetaValue("title"))
	assert.Equal(t, "enumPageType", d.MetaValue("doc_type"))
	m := after(t, d, "Members")
	require.Len(t, m, 1)
	require.Equal(t, doc.Table, m[0].Kind)
	assert.Equal(t, []string{"Member", "Value", "Description"}, cellTexts(m[0].Table.Header))
	var rows [][]string
	for _, r := range m[0].Table.Rows {
		rows = append(rows, cellTexts(r.Cells))
	}
	assert.Equal(t, [][]string{
		{"unavailable", "0", "Partner is unavailable."},
		{"available", "1", "Partner is available."},
		{"enabled", "2", "Partner is enabled."},
		{"unresponsive", "3", "Partner is unresponsive."},
	}, rows)
}

// TestShellMatchesFragment checks that a page in its shell gives the same
// blocks as the bare goldmark fragment: the shell contributes nothing.
func TestShellMatchesFragment(t *testing.T) {
	for _, name := range pages {
		md, err := os.ReadFile(filepath.Join("testdata", name+".md"))
		require.NoError(t, err)
		_, body := splitFrontMatter(md)
		frag := parse(t, renderFragment(t, body))
		page := parseTestdata(t, name)
		assert.Equal(t, stripPos(frag.Blocks), stripPos(page.Blocks), name)
		assert.Equal(t, page.MetaValue("title"), frag.MetaValue("title"), "h1 gives the same title")
	}
}

func stripPos(bs []doc.Block) []doc.Block {
	out := make([]doc.Block, len(bs))
	for i, b := range bs {
		b.Pos = ir.Pos{}
		if b.Table != nil {
			tb := &doc.TableData{}
			for _, c := range b.Table.Header {
				tb.Header = append(tb.Header, doc.Cell{Inline: c.Inline})
			}
			for _, r := range b.Table.Rows {
				var row doc.Row
				for _, c := range r.Cells {
					row.Cells = append(row.Cells, doc.Cell{Inline: c.Inline})
				}
				tb.Rows = append(tb.Rows, row)
			}
			b.Table = tb
		}
		out[i] = b
	}
	return out
}

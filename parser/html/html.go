// Package html is docgen's HTML front end: it turns a rendered documentation
// page into a doc.Document, the same tree the markdown front end builds, so
// that one interpretation layer serves both.
//
// Input is either a bare fragment (what goldmark renders from markdown) or a
// full page as saved from learn.microsoft.com. Page chrome is ignored: the
// content root is the first main, [role=main], article or div.content element
// (else body), and script, style, nav, header, footer, aside, form, button,
// template and noscript elements inside it are dropped, as are SVG and MathML,
// hidden elements and learn.microsoft.com's code-block toolbar.
//
// Blocks come out in document order: h1-h6 as headings, p as paragraphs, li
// as list items (a list item's text leaves out nested lists, tables and code,
// which follow it as blocks of their own), table as a table, pre as code,
// HTML comments as comments. Other elements (div, section, blockquote, ...)
// are transparent, and loose text inside them becomes a paragraph. A comment
// inside a paragraph, heading, table or code block follows that block.
//
// HTML has no reliable line numbers, so positions carry a selector-like Path
// ("table[2] tr[3] td[2]") and Line 0. Each step's index is 1-based among
// elements of the same tag, in document order: for blocks within the content
// root, for rows within their table and for cells within their row.
package html

import (
	"fmt"
	"slices"
	"strings"

	"github.com/PuerkitoBio/goquery"
	xhtml "golang.org/x/net/html"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser/doc"
)

// Parse parses the HTML page src read from file. It never panics; the only
// diagnostic is a failure of the HTML parser itself.
func Parse(file string, src []byte) (*doc.Document, ir.Diagnostics) {
	d := &doc.Document{File: file}
	s := doc.Normalize(src)
	gq, err := goquery.NewDocumentFromReader(strings.NewReader(s))
	if err != nil {
		var diags ir.Diagnostics
		diags.Errorf(ir.Pos{File: file, Line: 1, Col: 1}, "html-parse", "cannot parse HTML: %v", err)
		return d, diags
	}
	root := contentRoot(gq)
	removeChrome(root)
	p := &parser{file: file, index: map[*xhtml.Node]int{}, blockish: map[*xhtml.Node]bool{}}
	p.prepare(root, map[string]int{})
	d.Meta = meta(gq, file, p.firstH1)
	if top := gq.Get(0); root.Parent != nil && isElem(root.Parent, "html") && root.Parent.Parent == top && isElem(root, "body") {
		// A fragment's leading and trailing comments are placed outside
		// body by the HTML parser; they are content all the same.
		p.outside(top, root)
	} else {
		p.container(root)
	}
	p.flush()
	d.Blocks = p.blocks
	return d, nil
}

// contentRoot returns the element holding the page's main content.
func contentRoot(gq *goquery.Document) *xhtml.Node {
	for _, sel := range []string{"main", "[role=main]", "article", "div.content", "body"} {
		for _, n := range gq.Find(sel).Nodes {
			if !insideChrome(n) {
				return n
			}
		}
	}
	return gq.Get(0) // a frameset document has no body
}

// chromeTags are elements that never hold page content.
var chromeTags = setOf("script", "style", "nav", "header", "footer", "aside", "form",
	"button", "template", "noscript", "head", "title", "meta", "link", "base",
	"iframe", "object", "embed", "select", "textarea")

// isChrome reports whether n is an element to drop with its subtree: the
// chrome tags, hidden elements, foreign (SVG, MathML) content and the
// code-block toolbar of learn.microsoft.com.
func isChrome(n *xhtml.Node) bool {
	if n.Type != xhtml.ElementNode {
		return false
	}
	if chromeTags[n.Data] || n.Namespace != "" || hasAttr(n, "hidden") {
		return true
	}
	return n.Data == "div" && hasClass(n, "codeHeader")
}

// insideChrome reports whether a candidate content root lies in chrome. A
// form does not count: some sites wrap the whole page in one.
func insideChrome(n *xhtml.Node) bool {
	for a := n; a != nil; a = a.Parent {
		if isChrome(a) && a.Data != "form" {
			return true
		}
	}
	return false
}

// removeChrome drops chrome elements below root.
func removeChrome(root *xhtml.Node) {
	var drop []*xhtml.Node
	var visit func(n *xhtml.Node)
	visit = func(n *xhtml.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if isChrome(c) {
				drop = append(drop, c)
			} else {
				visit(c)
			}
		}
	}
	visit(root)
	for _, n := range drop {
		n.Parent.RemoveChild(n)
	}
}

// metaKeys are the <meta name=...> entries copied into Document.Meta.
var metaKeys = []string{"title", "description", "doc_type", "ms.topic"}

// meta collects the page's title, description and page-type metadata, and
// its canonical URL ("canonical", from <link rel="canonical"> or og:url).
// The title comes from <meta name="title">, else <title>, else the first
// <h1>.
func meta(gq *goquery.Document, file string, h1 *xhtml.Node) []doc.KV {
	var kvs []doc.KV
	seen := map[string]bool{}
	gq.Find("meta[name]").Each(func(_ int, s *goquery.Selection) {
		name := strings.ToLower(strings.TrimSpace(s.AttrOr("name", "")))
		v := doc.Collapse(s.AttrOr("content", ""))
		if name == "title" {
			v = stripSiteSuffix(v)
		}
		if seen[name] || v == "" || !slices.Contains(metaKeys, name) {
			return
		}
		seen[name] = true
		kvs = append(kvs, doc.KV{Key: name, Value: v, Pos: ir.Pos{File: file, Path: fmt.Sprintf("meta[name=%q]", name)}})
	})
	// The page's own URL, where it was published (the view it documents).
	if href := strings.TrimSpace(gq.Find(`link[rel="canonical"]`).First().AttrOr("href", "")); href != "" {
		kvs = append(kvs, doc.KV{Key: "canonical", Value: href, Pos: ir.Pos{File: file, Path: `link[rel="canonical"]`}})
	} else if href := strings.TrimSpace(gq.Find(`meta[property="og:url"]`).First().AttrOr("content", "")); href != "" {
		kvs = append(kvs, doc.KV{Key: "canonical", Value: href, Pos: ir.Pos{File: file, Path: `meta[property="og:url"]`}})
	}
	if seen["title"] {
		return kvs
	}
	title, path := "", ""
	for _, t := range gq.Find("title").Nodes {
		if t.Namespace == "" { // not an SVG title
			title, path = stripSiteSuffix(doc.Collapse(goquery.NewDocumentFromNode(t).Text())), "title"
			break
		}
	}
	if title == "" && h1 != nil {
		title, path = inlineText(h1, nil).Text, "h1[1]"
	}
	if title == "" {
		return kvs
	}
	return append([]doc.KV{{Key: "title", Value: title, Pos: ir.Pos{File: file, Path: path}}}, kvs...)
}

// stripSiteSuffix removes a site suffix such as
// " - Microsoft Graph beta | Microsoft Docs" from a page title.
func stripSiteSuffix(t string) string {
	if i := strings.LastIndex(t, " | "); i >= 0 && strings.HasPrefix(t[i+3:], "Microsoft") {
		t = t[:i]
	}
	if i := strings.LastIndex(t, " - "); i >= 0 && strings.HasPrefix(t[i+3:], "Microsoft Graph") {
		t = t[:i]
	}
	return strings.TrimSpace(t)
}

// parser walks the content root and appends blocks in document order.
type parser struct {
	file   string
	blocks []doc.Block
	// index is the 1-based position of an element among the elements of its
	// tag in the content, in document order.
	index map[*xhtml.Node]int
	// blockish is set for elements that break the flow of text: every
	// non-inline element and every inline element containing one.
	blockish map[*xhtml.Node]bool
	firstH1  *xhtml.Node
	depth    int           // ul/ol nesting of the current node
	run      []*xhtml.Node // loose inline nodes not yet emitted
	ncomment int           // comments emitted so far
}

// prepare fills p.index and p.blockish for the subtree below n and reports
// whether that subtree holds a blockish element.
func (p *parser) prepare(n *xhtml.Node, count map[string]int) bool {
	found := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != xhtml.ElementNode {
			continue
		}
		count[c.Data]++
		p.index[c] = count[c.Data]
		if c.Data == "h1" && p.firstH1 == nil {
			p.firstH1 = c
		}
		if p.prepare(c, count) || !doc.IsInlineElement(c.Data) {
			p.blockish[c] = true
			found = true
		}
	}
	return found
}

func (p *parser) pos(path string) ir.Pos { return ir.Pos{File: p.file, Path: path} }

// path returns the selector-like path of a content element, such as "h2[4]".
func (p *parser) path(n *xhtml.Node) string {
	if i, ok := p.index[n]; ok {
		return fmt.Sprintf("%s[%d]", n.Data, i)
	}
	if n.Type == xhtml.ElementNode {
		return n.Data // the content root
	}
	return "document" // the root of a document without body
}

// outside walks the nodes of a parsed fragment in document order, emitting
// comments found outside body and the content of body itself.
func (p *parser) outside(n, body *xhtml.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c == body:
			p.container(c)
			p.flush()
		case c.Type == xhtml.CommentNode:
			p.comment(c)
		case c.Type == xhtml.ElementNode && c.Data == "html":
			p.outside(c, body)
		}
	}
}

// container walks the children of a transparent element (div, section,
// blockquote, ul, ...). Runs of loose text become paragraphs.
func (p *parser) container(n *xhtml.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == xhtml.TextNode, c.Type == xhtml.ElementNode && !p.blockish[c]:
			p.run = append(p.run, c)
		case c.Type == xhtml.CommentNode:
			p.flush()
			p.comment(c)
		case c.Type != xhtml.ElementNode:
			// doctype and the like
		case doc.IsInlineElement(c.Data):
			// An inline element wrapping blocks: its text still joins the
			// surrounding run.
			p.container(c)
		default:
			p.flush()
			p.block(c)
			p.flush()
		}
	}
}

// block emits the blocks of a block-level element.
func (p *parser) block(n *xhtml.Node) {
	switch n.Data {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		p.add(doc.Block{Kind: doc.Heading, Level: int(n.Data[1] - '0'), Text: inlineText(n, nil), Pos: p.pos(p.path(n))})
		p.commentsIn(n)
	case "p":
		if t := inlineText(n, nil); t.Text != "" {
			p.add(doc.Block{Kind: doc.Paragraph, Text: t, Pos: p.pos(p.path(n))})
		}
		p.commentsIn(n)
	case "li":
		p.add(doc.Block{Kind: doc.ListItem, Depth: max(p.depth, 1), Text: inlineText(n, structural), Pos: p.pos(p.path(n))})
		p.nested(n)
	case "ul", "ol":
		p.depth++
		p.container(n)
		p.flush()
		p.depth--
	case "table":
		p.table(n)
		p.commentsIn(n)
	case "pre":
		p.add(doc.Block{Kind: doc.Code, Lang: codeLang(n), Code: preText(n), Pos: p.pos(p.path(n))})
		p.commentsIn(n)
	default:
		p.container(n)
	}
}

// structural reports whether n is an element that a list item's text leaves
// out because it is emitted as blocks of its own.
func structural(n *xhtml.Node) bool {
	switch n.Data {
	case "ul", "ol", "li", "table", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6":
		return true
	}
	return false
}

// nested emits, in document order, the comments and the structural elements
// below a list item.
func (p *parser) nested(n *xhtml.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == xhtml.CommentNode:
			p.comment(c)
		case c.Type != xhtml.ElementNode:
		case structural(c):
			p.block(c)
		default:
			p.nested(c)
		}
	}
}

func (p *parser) add(b doc.Block) { p.blocks = append(p.blocks, b) }

// flush emits the pending run of loose inline nodes as a paragraph, then the
// comments inside it.
func (p *parser) flush() {
	if len(p.run) == 0 {
		return
	}
	run := p.run
	p.run = nil
	var in inliner
	for _, n := range run {
		in.node(n)
	}
	if t := in.inline(); t.Text != "" {
		p.add(doc.Block{Kind: doc.Paragraph, Text: t, Pos: p.pos(p.path(run[0].Parent))})
	}
	for _, n := range run {
		p.commentsIn(n)
	}
}

// comment emits an HTML comment.
func (p *parser) comment(n *xhtml.Node) {
	p.ncomment++
	p.add(doc.Block{Kind: doc.Comment, Code: strings.TrimSpace(n.Data), Pos: p.pos(fmt.Sprintf("comment[%d]", p.ncomment))})
}

// commentsIn emits the comments inside n, which has been emitted as a block.
func (p *parser) commentsIn(n *xhtml.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.CommentNode {
			p.comment(c)
		}
		p.commentsIn(c)
	}
}

// table emits a Table block. The header is the first row of thead or, when
// there is no thead, a first row made only of th cells.
func (p *parser) table(t *xhtml.Node) {
	var rows []*xhtml.Node
	head := -1
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case isElem(c, "tr"):
			rows = append(rows, c)
		case isElem(c, "thead"), isElem(c, "tbody"), isElem(c, "tfoot"):
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if isElem(r, "tr") {
					if c.Data == "thead" && head < 0 {
						head = len(rows)
					}
					rows = append(rows, r)
				}
			}
		}
	}
	if head < 0 && len(rows) > 0 && onlyTH(rows[0]) {
		head = 0
	}
	tpath := p.path(t)
	data := &doc.TableData{}
	for i, r := range rows {
		rpath := fmt.Sprintf("%s tr[%d]", tpath, i+1)
		cells := p.cells(r, rpath)
		switch {
		case i == head:
			data.Header = cells
		case len(cells) > 0:
			data.Rows = append(data.Rows, doc.Row{Cells: cells, Pos: p.pos(rpath)})
		}
	}
	p.add(doc.Block{Kind: doc.Table, Table: data, Pos: p.pos(tpath)})
}

// cells returns the td and th cells of a table row.
func (p *parser) cells(tr *xhtml.Node, rowPath string) []doc.Cell {
	var cells []doc.Cell
	count := map[string]int{}
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if isElem(c, "td") || isElem(c, "th") {
			count[c.Data]++
			path := fmt.Sprintf("%s %s[%d]", rowPath, c.Data, count[c.Data])
			cells = append(cells, doc.Cell{Inline: inlineText(c, nil), Pos: p.pos(path)})
		}
	}
	return cells
}

// onlyTH reports whether row tr has cells and all of them are th.
func onlyTH(tr *xhtml.Node) bool {
	n := 0
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case isElem(c, "th"):
			n++
		case isElem(c, "td"):
			return false
		}
	}
	return n > 0
}

// inliner renders inline content to text and links.
type inliner struct {
	b     strings.Builder
	links []doc.Link
	// skip, when set, leaves out the subtrees of the elements it accepts.
	skip func(*xhtml.Node) bool
}

// inlineText renders the content of n, leaving out the subtrees skip accepts.
func inlineText(n *xhtml.Node, skip func(*xhtml.Node) bool) doc.Inline {
	in := inliner{skip: skip}
	in.children(n)
	return in.inline()
}

func (in *inliner) children(n *xhtml.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		in.node(c)
	}
}

// node renders n. Block-level elements are separated from their
// surroundings by a space, which collapsing merges with other white space.
func (in *inliner) node(n *xhtml.Node) {
	switch {
	case n.Type == xhtml.TextNode:
		in.b.WriteString(n.Data)
	case n.Type != xhtml.ElementNode:
	case in.skip != nil && in.skip(n), n.Data == "br":
		in.b.WriteByte(' ')
	case n.Data == "img":
		in.b.WriteString(attr(n, "alt"))
	case n.Data == "a" && hasAttr(n, "href"):
		i := len(in.links)
		in.links = append(in.links, doc.Link{Href: strings.TrimSpace(attr(n, "href"))})
		start := in.b.Len()
		in.children(n)
		in.links[i].Text = doc.Collapse(in.b.String()[start:])
	case doc.IsInlineElement(n.Data):
		in.children(n)
	default:
		in.b.WriteByte(' ')
		in.children(n)
		in.b.WriteByte(' ')
	}
}

func (in *inliner) inline() doc.Inline {
	return doc.Inline{Text: doc.Collapse(in.b.String()), Links: in.links}
}

// preText returns the verbatim text of a pre element, with "\n" line
// endings and no trailing newline.
func preText(pre *xhtml.Node) string {
	var b strings.Builder
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == xhtml.TextNode:
				b.WriteString(c.Data)
			case isElem(c, "br"):
				b.WriteByte('\n')
			default:
				walk(c)
			}
		}
	}
	walk(pre)
	return strings.TrimRight(b.String(), "\n")
}

// knownLangs are language names recognized as bare classes ("json"), as
// opposed to "lang-json" and "language-json", which name any language.
var knownLangs = setOf("bash", "c", "console", "cpp", "cs", "csharp", "css", "go",
	"html", "http", "java", "javascript", "js", "json", "kotlin", "objc",
	"php", "powershell", "python", "ruby", "sh", "shell", "sql", "swift",
	"text", "typescript", "xml", "yaml")

// codeLang returns the language named by a class of the first code element
// in pre or, failing that, of pre itself.
func codeLang(pre *xhtml.Node) string {
	for _, n := range []*xhtml.Node{firstElem(pre, "code"), pre} {
		if n == nil {
			continue
		}
		for _, c := range strings.Fields(attr(n, "class")) {
			c = strings.ToLower(c)
			for _, prefix := range []string{"lang-", "language-"} {
				if l, ok := strings.CutPrefix(c, prefix); ok && l != "" {
					return l
				}
			}
			if knownLangs[c] {
				return c
			}
		}
	}
	return ""
}

// firstElem returns the first element named tag below n, or nil.
func firstElem(n *xhtml.Node, tag string) *xhtml.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if isElem(c, tag) {
			return c
		}
		if e := firstElem(c, tag); e != nil {
			return e
		}
	}
	return nil
}

func isElem(n *xhtml.Node, tag string) bool {
	return n.Type == xhtml.ElementNode && n.Data == tag
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *xhtml.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

func hasClass(n *xhtml.Node, class string) bool {
	return slices.Contains(strings.Fields(attr(n, "class")), class)
}

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// Package markdown is docgen's markdown front end: it turns a documentation
// page written in CommonMark with GFM tables (the format of the Microsoft
// Graph docs repository) into a doc.Document.
//
// Parsing is done by goldmark with its GFM table extension; this package only
// maps goldmark's syntax tree onto the document tree:
//
//   - YAML front matter between leading "---" lines becomes Document.Meta
//     (simple "key: value" lines only);
//   - headings, paragraphs, tables and code blocks become blocks of the same
//     kind; block quotes are transparent, so their content becomes ordinary
//     blocks;
//   - each list item becomes a ListItem whose text is that of its
//     paragraphs, followed by the item's other content (nested lists, code,
//     tables, ...) as blocks of their own;
//   - HTML comments become Comment blocks, and other raw HTML blocks become
//     paragraphs of their text.
//
// Every block, row and cell carries the 1-based line and byte column of the
// source it came from. Lines count from the start of the file, front matter
// included. Columns are byte offsets into the line after normalisation (a
// BOM removed, invalid UTF-8 replaced), so they may differ from the raw
// bytes on a line that held a BOM or invalid UTF-8.
package markdown

import (
	"bytes"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	xhtml "golang.org/x/net/html"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser/doc"
)

// md is the markdown parser: CommonMark plus GFM tables. goldmark parsers
// keep no state between calls, so one serves all goroutines.
var md = goldmark.New(goldmark.WithExtensions(extension.Table))

// Parse parses the markdown page src read from file. It never panics. The
// diagnostics are warnings about malformed input (unterminated front matter
// or comments), and an error if goldmark itself fails.
func Parse(file string, src []byte) (d *doc.Document, diags ir.Diagnostics) {
	s := doc.Normalize(src)
	p := &parser{file: file, lines: lineStarts(s)}
	d = &doc.Document{File: file}
	d.Meta, p.base = p.frontMatter(s)
	p.src = []byte(s[p.base:])
	defer func() {
		// goldmark is not expected to panic, but a parser must not take the
		// whole run down on one bad page.
		if r := recover(); r != nil {
			p.diags.Errorf(ir.Pos{File: file, Line: 1, Col: 1}, "internal", "markdown parser failed: %v", r)
			d.Blocks, diags = p.blocks, p.diags
		}
	}()
	root := md.Parser().Parse(text.NewReader(p.src))
	p.walk(root, 0)
	d.Blocks = p.blocks
	return d, p.diags
}

// lineStarts returns the byte offset of the start of every line of s.
func lineStarts(s string) []int {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// parser maps one goldmark tree onto document blocks.
type parser struct {
	file   string
	lines  []int  // start offsets of the lines of the normalized file
	base   int    // offset of the markdown body (after front matter) in the file
	src    []byte // the markdown body, as given to goldmark
	last   int    // body offset of the last position computed, for nodes without one
	blocks []doc.Block
	diags  ir.Diagnostics
}

// at returns the position of body offset off. An offset goldmark could not
// provide (negative) yields the last position computed, so that every
// position names a line.
func (p *parser) at(off int) ir.Pos {
	if off < 0 {
		off = p.last
	}
	off = min(off, len(p.src))
	p.last = off
	abs := p.base + off
	i := sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > abs }) - 1
	return ir.Pos{File: p.file, Line: i + 1, Col: abs - p.lines[i] + 1}
}

// lineAt returns the position of the start of 0-based line i of the file.
func (p *parser) lineAt(i int) ir.Pos { return ir.Pos{File: p.file, Line: i + 1, Col: 1} }

func (p *parser) add(b doc.Block) { p.blocks = append(p.blocks, b) }

// frontMatter reads the YAML front matter at the start of s, if any, and
// returns its entries and the offset of the markdown body. Only "key: value"
// lines are understood: surrounding quotes are removed from values, indented
// lines continue the previous value, and anything else is ignored.
func (p *parser) frontMatter(s string) ([]doc.KV, int) {
	if len(p.lines) < 2 || strings.TrimRight(s[:p.lines[1]], " \t\n") != "---" {
		return nil, 0
	}
	var kvs []doc.KV
	for i := 1; i < len(p.lines); i++ {
		end := len(s)
		if i+1 < len(p.lines) {
			end = p.lines[i+1]
		}
		line := strings.TrimRight(s[p.lines[i]:end], " \t\n")
		switch {
		case line == "---" || line == "...":
			return kvs, end
		case line == "" || line[0] == '#':
		case line[0] == ' ' || line[0] == '\t':
			if n := len(kvs); n > 0 {
				kvs[n-1].Value = strings.TrimSpace(kvs[n-1].Value + " " + unquote(strings.TrimSpace(line)))
			}
		default:
			k, v, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			v = strings.TrimSpace(v)
			if v == ">" || v == "|" || v == ">-" || v == "|-" {
				v = "" // a block scalar: the value is on the lines below
			}
			kvs = append(kvs, doc.KV{Key: strings.TrimSpace(k), Value: unquote(v), Pos: p.lineAt(i)})
		}
	}
	p.diags.Warnf(p.lineAt(0), "front-matter", "front matter is not terminated by a \"---\" line; reading the page as markdown")
	return nil, 0
}

// unquote removes one pair of matching single or double quotes around v.
func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}

// walk emits the blocks of n and its descendants. depth is the number of
// lists around n.
func (p *parser) walk(n ast.Node, depth int) {
	switch n := n.(type) {
	case *ast.Heading:
		in := p.inline(n)
		p.add(doc.Block{Kind: doc.Heading, Level: n.Level, Text: in.inline(), Pos: p.at(offset(n))})
		p.comments(in.comments)
	case *ast.Paragraph, *ast.TextBlock:
		p.pipeParagraph(n)
		in := p.inline(n)
		if t := in.inline(); t.Text != "" {
			p.add(doc.Block{Kind: doc.Paragraph, Text: t, Pos: p.at(offset(n))})
		}
		p.comments(in.comments)
	case *ast.List:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			p.walk(c, depth+1)
		}
	case *ast.ListItem:
		p.listItem(n, max(depth, 1))
	case *ast.FencedCodeBlock:
		lang := ""
		if n.Info != nil {
			if f := strings.Fields(unescape(n.Info.Segment.Value(p.src))); len(f) > 0 {
				lang = strings.ToLower(f[0])
			}
		}
		p.code(n, lang)
	case *ast.CodeBlock:
		p.code(n, "")
	case *ast.HTMLBlock:
		p.htmlBlock(n)
	case *east.Table:
		p.table(n)
	case *ast.ThematicBreak:
	default: // the document, block quotes and any other container
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			p.walk(c, depth)
		}
	}
}

// offset returns the body offset where block n starts, or -1 if goldmark
// recorded none.
func offset(n ast.Node) int {
	if o := n.Pos(); o >= 0 {
		return o
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	if c := n.FirstChild(); c != nil {
		return offset(c)
	}
	return -1
}

// listItem emits a ListItem whose text is that of the item's paragraphs,
// then the comments in them, then the item's other content.
func (p *parser) listItem(n *ast.ListItem, depth int) {
	pos := p.at(offset(n))
	in := &inliner{src: p.src}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if isText(c) {
			in.b.WriteByte(' ')
			in.children(c)
		}
	}
	p.add(doc.Block{Kind: doc.ListItem, Depth: depth, Text: in.inline(), Pos: pos})
	p.comments(in.comments)
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if !isText(c) {
			p.walk(c, depth)
		}
	}
}

func isText(n ast.Node) bool {
	return n.Kind() == ast.KindParagraph || n.Kind() == ast.KindTextBlock
}

// code emits a Code block. Its position is that of the first line of code
// (the opening fence for an empty block), so that line i of Code is at
// Pos.Line+i.
func (p *parser) code(n ast.Node, lang string) {
	t := joinLines(blockLines(n), p.src)
	off := n.Pos()
	if n.Lines().Len() > 0 {
		off = t.offset(0)
	}
	p.add(doc.Block{Kind: doc.Code, Lang: lang, Code: strings.TrimRight(t.s, "\n"), Pos: p.at(off)})
}

// blockText is the text of a run of source lines with a map back to the source.
type blockText struct {
	s      string
	starts []int          // offset in s where each segment's text begins
	segs   []text.Segment // the segments, one per source line
}

// joinLines joins the text of segs, the lines of a block.
func joinLines(segs []text.Segment, src []byte) blockText {
	t := blockText{segs: segs}
	var b strings.Builder
	for _, seg := range segs {
		t.starts = append(t.starts, b.Len())
		b.Write(seg.Value(src))
	}
	t.s = b.String()
	return t
}

// blockLines returns the line segments of block n.
func blockLines(n ast.Node) []text.Segment {
	return slices.Clip(n.Lines().Sliced(0, n.Lines().Len()))
}

// offset returns the body offset of byte i of t.s.
func (t blockText) offset(i int) int {
	k := sort.Search(len(t.starts), func(k int) bool { return t.starts[k] > i }) - 1
	if k < 0 {
		return -1
	}
	seg := t.segs[k]
	return seg.Start + max(i-t.starts[k]-seg.Padding, 0)
}

// htmlBlock emits a raw HTML block: each comment in it as a Comment block
// and the text between them, tags removed, as paragraphs. Text inside
// script and style elements is dropped.
func (p *parser) htmlBlock(n *ast.HTMLBlock) {
	segs := blockLines(n)
	if n.HasClosure() {
		segs = append(segs, n.ClosureLine)
	}
	t := joinLines(segs, p.src)
	var run strings.Builder
	runStart, pos, skip := -1, 0, false
	flush := func() {
		if s := doc.Collapse(run.String()); s != "" {
			p.add(doc.Block{Kind: doc.Paragraph, Text: doc.Inline{Text: s}, Pos: p.at(t.offset(runStart))})
		}
		run.Reset()
		runStart = -1
	}
	z := xhtml.NewTokenizer(strings.NewReader(t.s))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		raw := string(z.Raw())
		start := pos
		pos += len(raw)
		tok := z.Token()
		switch tt {
		case xhtml.CommentToken:
			if !strings.HasPrefix(raw, "<!--") {
				continue // a processing instruction or bogus comment
			}
			flush()
			at := p.at(t.offset(start))
			if !strings.HasSuffix(raw, "-->") {
				p.diags.Warnf(at, "unterminated-comment", "HTML comment is not closed by \"-->\"")
			}
			p.add(doc.Block{Kind: doc.Comment, Code: strings.TrimSpace(tok.Data), Pos: at})
			continue
		case xhtml.TextToken:
			if skip {
				continue
			}
			if runStart < 0 && strings.TrimSpace(tok.Data) != "" {
				runStart = start + len(raw) - len(strings.TrimLeft(raw, " \t\n"))
			}
			run.WriteString(tok.Data)
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			if tok.Data == "script" || tok.Data == "style" {
				skip = tt == xhtml.StartTagToken
			}
			run.WriteString(tagSpace(tok.Data))
		}
	}
	flush()
}

// tagSpace returns what a tag named name becomes in text: nothing for an
// inline element, a space for a line break or block-level element.
func tagSpace(name string) string {
	if n := strings.ToLower(name); n != "br" && doc.IsInlineElement(n) {
		return ""
	}
	return " "
}

// table emits a Table block positioned at its header row.
func (p *parser) table(t *east.Table) {
	data := &doc.TableData{}
	var pos ir.Pos
	var comments []comment
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		rpos := p.at(r.Pos())
		cells := p.cells(r, rpos, &comments)
		switch r.(type) {
		case *east.TableHeader:
			data.Header, pos = cells, rpos
		case *east.TableRow:
			data.Rows = append(data.Rows, doc.Row{Cells: cells, Pos: rpos})
		}
	}
	if !pos.IsValid() {
		pos = p.at(offset(t))
	}
	p.longRows(t, len(data.Header))
	// goldmark pads short rows and truncates long ones; make sure of the
	// former so that consumers may index body cells by header column.
	for i := range data.Rows {
		for len(data.Rows[i].Cells) < len(data.Header) {
			data.Rows[i].Cells = append(data.Rows[i].Cells, doc.Cell{Pos: data.Rows[i].Pos})
		}
	}
	p.add(doc.Block{Kind: doc.Table, Table: data, Pos: pos})
	p.comments(comments)
}

// cells returns the cells of a table row and appends the comments in them
// to comments. A cell is positioned at its content; one that goldmark added
// to pad a short row, at the row.
func (p *parser) cells(r ast.Node, rpos ir.Pos, comments *[]comment) []doc.Cell {
	var cells []doc.Cell
	if n := r.ChildCount(); n > 0 {
		cells = make([]doc.Cell, 0, n)
	}
	for c := r.FirstChild(); c != nil; c = c.NextSibling() {
		pos := rpos
		if c.Lines().Len() > 0 {
			pos = p.at(c.Lines().At(0).Start)
		}
		in := p.inline(c)
		cells = append(cells, doc.Cell{Inline: in.inline(), Pos: pos})
		*comments = append(*comments, in.comments...)
	}
	return cells
}

// comment is an HTML comment found in inline content.
type comment struct {
	text string
	off  int // body offset of "<!--"
}

// comments emits Comment blocks for the inline comments of the block just
// emitted.
func (p *parser) comments(cs []comment) {
	for _, c := range cs {
		p.add(doc.Block{Kind: doc.Comment, Code: c.text, Pos: p.at(c.off)})
	}
}

// inline renders the inline content of block n.
func (p *parser) inline(n ast.Node) *inliner {
	in := &inliner{src: p.src}
	in.children(n)
	return in
}

// inliner renders inline nodes to plain text, collecting links and comments.
type inliner struct {
	src      []byte
	b        strings.Builder
	links    []doc.Link
	comments []comment
}

func (in *inliner) inline() doc.Inline {
	return doc.Inline{Text: doc.Collapse(in.b.String()), Links: in.links}
}

func (in *inliner) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		in.node(c)
	}
}

func (in *inliner) node(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(in.src)
		if n.IsRaw() {
			in.b.Write(v)
		} else {
			unescapeTo(&in.b, v)
		}
		if n.SoftLineBreak() || n.HardLineBreak() {
			in.b.WriteByte(' ')
		}
	case *ast.String:
		if n.IsCode() || n.IsRaw() {
			in.b.Write(n.Value)
		} else {
			unescapeTo(&in.b, n.Value)
		}
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				in.b.Write(c.Segment.Value(in.src))
			case *ast.String:
				in.b.Write(c.Value)
			}
		}
	case *ast.Link:
		in.link(n, unescape(n.Destination))
	case *ast.AutoLink:
		url := string(n.URL(in.src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
			url = "mailto:" + url
		}
		start := in.b.Len()
		in.b.Write(n.Label(in.src))
		in.links = append(in.links, doc.Link{Text: doc.Collapse(in.b.String()[start:]), Href: url})
	case *ast.RawHTML:
		in.rawHTML(n)
	default: // emphasis, images (their alt text) and anything else
		in.children(n)
	}
}

// link renders a link and records it.
func (in *inliner) link(n ast.Node, href string) {
	i := len(in.links)
	in.links = append(in.links, doc.Link{Href: strings.TrimSpace(href)})
	start := in.b.Len()
	in.children(n)
	in.links[i].Text = doc.Collapse(in.b.String()[start:])
}

// tagName matches the name of an opening or closing tag.
var tagName = regexp.MustCompile(`^</?([A-Za-z][A-Za-z0-9-]*)`)

// rawHTML renders inline HTML: a comment is collected, a tag becomes what
// tagSpace says, and anything else (processing instructions, declarations)
// is dropped.
func (in *inliner) rawHTML(n *ast.RawHTML) {
	var b strings.Builder
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		b.Write(seg.Value(in.src))
	}
	raw := b.String()
	if body, ok := strings.CutPrefix(raw, "<!--"); ok {
		off := -1
		if n.Segments.Len() > 0 {
			off = n.Segments.At(0).Start
		}
		in.comments = append(in.comments, comment{text: strings.TrimSpace(strings.TrimSuffix(body, "-->")), off: off})
		return
	}
	if m := tagName.FindStringSubmatch(raw); m != nil {
		in.b.WriteString(tagSpace(m[1]))
	}
}

// entity matches an HTML entity or numeric character reference.
var entity = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// unescape resolves backslash escapes and entity and numeric character
// references in s, as CommonMark does for text outside code.
func unescape(s []byte) string {
	if !escaped(s) {
		return string(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	unescapeTo(&b, s)
	return b.String()
}

// escaped reports whether s may hold a backslash escape or a reference.
func escaped(s []byte) bool {
	return bytes.IndexByte(s, '\\') >= 0 || bytes.IndexByte(s, '&') >= 0
}

// unescapeTo writes unescape(s) to b.
func unescapeTo(b *strings.Builder, s []byte) {
	if !escaped(s) {
		b.Write(s)
		return
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]) {
			b.WriteByte(s[i+1])
			i += 2
			continue
		}
		if c == '&' {
			if m := entity.Find(s[i:]); m != nil {
				if r, ok := resolveEntity(string(m[1 : len(m)-1])); ok {
					b.WriteString(r)
					i += len(m)
					continue
				}
			}
		}
		b.WriteByte(c)
		i++
	}
}

// resolveEntity returns the text of the entity or character reference name
// (without "&" and ";"). Invalid code points become U+FFFD.
func resolveEntity(name string) (string, bool) {
	if num, ok := strings.CutPrefix(name, "#"); ok {
		base := 10
		if len(num) > 0 && (num[0] == 'x' || num[0] == 'X') {
			num, base = num[1:], 16
		}
		v, err := strconv.ParseUint(num, base, 32)
		if err != nil || v == 0 || !utf8.ValidRune(rune(v)) {
			return "\uFFFD", true
		}
		return string(rune(v)), true
	}
	if e, ok := util.LookUpHTML5EntityByName(name); ok {
		return string(e.Characters), true
	}
	return "", false
}

// Package doc is the document tree every docgen front end produces: headings,
// paragraphs, tables, code blocks and comments, each with its source position.
//
// Front ends (text captures, markdown, HTML) only turn bytes into this tree;
// all interpretation (which section is the request body, which column is the
// type, what a description says) happens once, in package parser, over this
// tree. That way a rule lives in one place for every input form.
package doc

import "github.com/docgen-dev/docgen/ir"

// Document is one parsed page.
type Document struct {
	File string
	// Meta holds front-matter keys (title, description, doc_type, ...) in
	// source order. Empty for inputs without front matter.
	Meta   []KV
	Blocks []Block
}

// KV is one front-matter entry.
type KV struct {
	Key, Value string
	Pos        ir.Pos
}

// MetaValue returns the value of front-matter key k, or "".
func (d *Document) MetaValue(k string) string {
	for _, kv := range d.Meta {
		if kv.Key == k {
			return kv.Value
		}
	}
	return ""
}

// Kind is the kind of a block.
type Kind string

// Block kinds.
const (
	Heading   Kind = "heading"
	Paragraph Kind = "paragraph"
	ListItem  Kind = "listItem"
	Table     Kind = "table"
	Code      Kind = "code"
	Comment   Kind = "comment" // an HTML comment, e.g. <!-- { "blockType": "request" } -->
)

// Block is one top-level element of a page. Nested structures (lists in
// lists, block quotes) are flattened into a sequence of blocks in document
// order; Depth records list nesting.
type Block struct {
	Kind Kind
	// Level is the heading level (1-6); 0 when a front end cannot tell (text
	// captures), in which case sections are still found by heading text.
	Level int
	// Depth is the nesting depth of a list item (1 = top-level list).
	Depth int
	// Text is the inline content of a heading, paragraph or list item.
	Text Inline
	// Lang is the info string of a code block ("json", "http", ...).
	Lang string
	// Code is the verbatim content of a code block or comment, with "\n"
	// line endings and no trailing newline.
	Code string
	// Table is set for Table blocks.
	Table *TableData
	Pos   ir.Pos
}

// Inline is rendered inline text: Text is plain text (markup removed, code
// spans kept without backticks, entities decoded, whitespace runs collapsed to
// one space and trimmed), and Links are the hyperlinks in it, in order.
type Inline struct {
	Text  string
	Links []Link
}

// Link is a hyperlink inside inline text.
type Link struct {
	Text string
	Href string
}

// TableData is a table with a header row.
type TableData struct {
	Header []Cell
	Rows   []Row
}

// Row is one body row.
type Row struct {
	Cells []Cell
	Pos   ir.Pos
}

// Cell is one table cell.
type Cell struct {
	Inline
	Pos ir.Pos
}

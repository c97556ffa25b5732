// Package form is the one table of the input forms docgen reads: for each
// form, the file extensions that name it, the media types a server labels it
// with, and the resource limits a page of that form is checked against;
// with the sniffing that picks a form for a file no extension names.
//
// Everything that needs to know what a page file is reads this table: the
// CLI's directory walk (which files are pages), the parser (which front end
// reads a page, and which limits apply; parser.frontEnds maps each form to
// its parse function), ir (the extension a page path or link target loses
// before pages and links are matched) and fetch (the name a saved page
// gets). The package imports nothing of docgen's, so that ir can use it.
package form

import (
	"bytes"
	"path"
	"strings"
)

// Format names an input form.
type Format string

// Input forms.
const (
	Text     Format = "text"
	Markdown Format = "markdown"
	HTML     Format = "html"
)

// Limits bound what a page may hold before any front end reads it. Real
// pages are far inside them (under 200 KB, 2,000 lines, 250 links, a few
// levels of nesting); they exist so that a hostile page is refused with a
// positioned error in bounded time and memory instead of hitting the
// superlinear corners of a parser (goldmark's link and container handling in
// particular). FUZZING.md lists them with the worst cases measured at each
// limit. A zero limit is not checked for that form.
type Limits struct {
	// Nesting is how deeply a markdown line may nest: each '>' and list
	// marker at its start counts one level, and so do each two columns of
	// indentation.
	Nesting int
	// ListItems is the most list markers a page may hold.
	ListItems int
	// Links is the most '[' a page may hold.
	Links int
	// InlineMarks is the most inline markup characters ('*', '_', '`', '<',
	// '&') a page may hold. Each can open an emphasis, code span, inline
	// HTML or entity node, and goldmark keeps about half a kilobyte per
	// node: without this bound an 8 MiB page of "*a* " takes over 2 GB and
	// 17 s. Real pages hold fewer than 600.
	InlineMarks int
	// Tags is the most '<' a page may hold.
	Tags int
	// Cells is the most table cells a page may imply. GFM pads every row
	// to the width of its header, so a wide header over many short rows
	// would turn a few bytes per row into thousands of cells: every
	// non-blank line counts as many cells as it has '|' plus one, or as the
	// delimiter row above it (until a blank line) if wider.
	Cells int
}

// Limits every form shares.
const (
	// MaxPageSize is the largest page docgen reads.
	MaxPageSize = 8 << 20
	// MaxLines is the most lines a page may have; it also bounds the rows
	// of a table. A 10,000-row table fits.
	MaxLines = 100_000
)

// The per-form limits' values, named for the tests and docs that cite them.
const (
	MaxNesting     = 64
	MaxListItems   = 10_000
	MaxLinks       = 10_000
	MaxInlineMarks = 200_000
	MaxTags        = 200_000
	MaxCells       = 250_000
)

// Form is one input form.
type Form struct {
	Format Format
	// Exts are the lower-case file extensions of the form, dot included;
	// the first is the one fetch gives a saved page.
	Exts []string
	// MediaTypes are the Content-Types a server sends the form with.
	MediaTypes []string
	Limits     Limits
}

// Forms is the table, in the order sniffing tries nothing in particular:
// each form is named by its extensions alone.
var Forms = []Form{
	{
		Format:     Markdown,
		Exts:       []string{".md", ".markdown"},
		MediaTypes: []string{"text/markdown", "text/x-markdown"},
		Limits: Limits{Nesting: MaxNesting, ListItems: MaxListItems, Links: MaxLinks,
			InlineMarks: MaxInlineMarks, Cells: MaxCells},
	},
	{
		Format:     HTML,
		Exts:       []string{".html", ".htm", ".xhtml"},
		MediaTypes: []string{"text/html", "application/xhtml+xml"},
		Limits:     Limits{Tags: MaxTags},
	},
	{
		Format:     Text,
		Exts:       []string{".txt", ".text"},
		MediaTypes: []string{"text/plain"},
		Limits:     Limits{Cells: MaxCells},
	},
}

// Of returns the table entry of f (the text form for an unknown f).
func Of(f Format) Form {
	for _, x := range Forms {
		if x.Format == f {
			return x
		}
	}
	return Forms[len(Forms)-1]
}

// ByExt returns the form a file name's extension names, if any.
func ByExt(name string) (Form, bool) {
	ext := strings.ToLower(path.Ext(name))
	if ext == "" {
		return Form{}, false
	}
	for _, f := range Forms {
		for _, e := range f.Exts {
			if e == ext {
				return f, true
			}
		}
	}
	return Form{}, false
}

// ByMediaType returns the form a media type (without parameters) names.
func ByMediaType(mt string) (Form, bool) {
	mt = strings.ToLower(mt)
	for _, f := range Forms {
		for _, m := range f.MediaTypes {
			if m == mt {
				return f, true
			}
		}
	}
	return Form{}, false
}

// TrimExt removes a page extension from p (a file path or a link target's
// path): "resources/user.md" and "resources/user.html" are both
// "resources/user". Other extensions are kept.
func TrimExt(p string) string {
	if _, ok := ByExt(p); ok {
		return p[:len(p)-len(path.Ext(p))]
	}
	return p
}

// Detect picks the form of a file: by its extension, then by its content.
func Detect(name string, src []byte) Format {
	if f, ok := ByExt(name); ok {
		return f.Format
	}
	return Sniff(src)
}

// Sniff picks the form of content no extension names: markup is HTML, front
// matter or markdown headings are markdown, anything else is text.
func Sniff(src []byte) Format {
	head := bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(head) > 512 {
		head = head[:512]
	}
	switch {
	case bytes.HasPrefix(head, []byte("<")):
		return HTML
	case bytes.HasPrefix(head, []byte("---\n")) || bytes.HasPrefix(head, []byte("# ")) || bytes.Contains(src, []byte("\n## ")):
		return Markdown
	}
	return Text
}

package parser

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser/doc"
	"github.com/docgen-dev/docgen/parser/html"
	"github.com/docgen-dev/docgen/parser/markdown"
	"github.com/docgen-dev/docgen/parser/text"
)

// Format is an input form.
type Format string

// Input forms.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
)

// Resource limits. Real pages are far inside them (under 200 KB, 2,000
// lines, 250 links, a few levels of nesting); they exist so that a hostile
// page is refused with a positioned error in bounded time and memory instead
// of hitting the superlinear corners of a parser (goldmark's link and
// container handling in particular). FUZZING.md lists them with the worst
// cases measured at each limit.
const (
	// MaxPageSize is the largest page docgen reads.
	MaxPageSize = 8 << 20
	// MaxLines is the most lines a page may have; it also bounds the rows
	// of a table. A 10,000-row table fits.
	MaxLines = 100_000
	// MaxNesting is how deeply a markdown line may nest: each '>' and list
	// marker at its start counts one level, and so do each two columns of
	// indentation.
	MaxNesting = 64
	// MaxListItems is the most list markers a markdown page may hold.
	MaxListItems = 10_000
	// MaxLinks is the most '[' a markdown page may hold.
	MaxLinks = 10_000
	// MaxInlineMarks is the most inline markup characters ('*', '_', '`',
	// '<', '&') a markdown page may hold. Each can open an emphasis, code
	// span, inline HTML or entity node, and goldmark keeps about half a
	// kilobyte per node: without this bound an 8 MiB page of "*a* " takes
	// over 2 GB and 17 s. Real pages hold fewer than 600.
	MaxInlineMarks = 200_000
	// MaxTags is the most '<' an HTML page may hold.
	MaxTags = 200_000
	// MaxCells is the most table cells a text or markdown page may imply.
	// GFM pads every row to the width of its header, so a wide header over
	// many short rows would turn a few bytes per row into thousands of
	// cells: every non-blank line counts as many cells as it has '|' plus
	// one, or as the delimiter row above it (until a blank line) if wider.
	MaxCells = 250_000
)

// DetectFormat picks the front end for a file: by extension, then by content.
func DetectFormat(name string, src []byte) Format {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
		return FormatMarkdown
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".txt", ".text":
		return FormatText
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(head) > 512 {
		head = head[:512]
	}
	lower := bytes.ToLower(head)
	switch {
	case bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) || bytes.HasPrefix(lower, []byte("<")):
		return FormatHTML
	case bytes.HasPrefix(head, []byte("---\n")) || bytes.HasPrefix(head, []byte("# ")) || bytes.Contains(src, []byte("\n## ")):
		return FormatMarkdown
	}
	return FormatText
}

// ParseDocument runs the front end for the file's format.
func ParseDocument(name string, src []byte) (*doc.Document, ir.Diagnostics) {
	var diags ir.Diagnostics
	pos := ir.Pos{File: name, Line: 1, Col: 1}
	if len(src) <= MaxPageSize { // a larger page is refused below, undecoded
		u, err := fromUTF16(src)
		if err != nil {
			diags.Errorf(pos, "utf16", "%v", err)
			return nil, diags
		}
		if u != nil {
			src = u // checked against the limits below as UTF-8
		}
	}
	switch {
	case len(bytes.TrimSpace(bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF")))) == 0:
		diags.Errorf(pos, "empty", "empty page")
		return nil, diags
	case len(src) > MaxPageSize:
		// The CLI reads at most MaxPageSize+1 bytes, so len(src) is not the
		// file's size: do not print it.
		diags.Errorf(pos, "too-large", "page is larger than %d bytes, the limit", MaxPageSize)
		return nil, diags
	case looksBinary(src):
		diags.Errorf(pos, "binary", "not a text page: the file holds binary data")
		return nil, diags
	}
	format := DetectFormat(name, src)
	if line, msg := overLimit(format, src); msg != "" {
		diags.Errorf(ir.Pos{File: name, Line: line, Col: 1}, "too-large", "%s", msg)
		return nil, diags
	}
	switch format {
	case FormatMarkdown:
		return markdown.Parse(name, src)
	case FormatHTML:
		return html.Parse(name, src)
	}
	return text.Parse(name, src)
}

// Parse reads one page into IR: front end, then the shared interpretation.
func Parse(name string, src []byte) (ir.Page, ir.Diagnostics) {
	d, diags := ParseDocument(name, src)
	if d == nil {
		return ir.Page{File: name, Kind: ir.PageUnknown}, diags
	}
	page, more := Extract(d)
	return page, append(diags, more...)
}

// looksBinary reports NUL bytes or mostly invalid UTF-8 in the first 8 KB.
func looksBinary(src []byte) bool {
	if len(src) > 8192 {
		src = src[:8192]
	}
	if bytes.IndexByte(src, 0) >= 0 {
		return true
	}
	bad := 0
	for len(src) > 0 {
		r, n := utf8.DecodeRune(src)
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		src = src[n:]
	}
	return bad > 64
}

// overLimit checks src against the limits above in one pass, before any
// front end runs. It returns the 1-based line where a limit is crossed and
// the message, or "" when src is within them.
func overLimit(f Format, src []byte) (line int, msg string) {
	lists, links, marks, tags, cells, width := 0, 0, 0, 0, 0, 0
	line = 1
	for start := 0; start < len(src); line++ {
		if line > MaxLines {
			return line, fmt.Sprintf("page has more than %d lines, the limit", MaxLines)
		}
		end := start
		for end < len(src) && src[end] != '\n' && src[end] != '\r' {
			end++
		}
		l := src[start:end]
		start = end + 1
		if end+1 < len(src) && src[end] == '\r' && src[end+1] == '\n' {
			start++
		}
		if f != FormatHTML {
			pipes := bytes.Count(l, []byte("|")) + 1
			switch {
			case len(bytes.TrimSpace(l)) == 0:
				width = 0
			case isDelimiterRow(l):
				width = max(width, pipes)
			}
			if cells += max(width, pipes); cells > MaxCells {
				return line, fmt.Sprintf("page has more than %d table cells, the limit (rows count as wide as their header)", MaxCells)
			}
		}
		switch f {
		case FormatMarkdown:
			depth, markers := nesting(l)
			if depth > MaxNesting {
				return line, fmt.Sprintf("line nests %d levels deep (block quotes, list items, indentation); the limit is %d", depth, MaxNesting)
			}
			if lists += markers; lists > MaxListItems {
				return line, fmt.Sprintf("page has more than %d list items, the limit", MaxListItems)
			}
			if links += bytes.Count(l, []byte("[")); links > MaxLinks {
				return line, fmt.Sprintf("page has more than %d '[' (links), the limit", MaxLinks)
			}
			for _, c := range l {
				switch c {
				case '*', '_', '`', '<', '&':
					marks++
				}
			}
			if marks > MaxInlineMarks {
				return line, fmt.Sprintf("page has more than %d inline markup characters ('*', '_', '`', '<', '&'), the limit", MaxInlineMarks)
			}
		case FormatHTML:
			if tags += bytes.Count(l, []byte("<")); tags > MaxTags {
				return line, fmt.Sprintf("page has more than %d '<' (tags), the limit", MaxTags)
			}
		}
	}
	return 0, ""
}

// nesting measures the container prefix of a markdown line: its depth (one
// level per '>' and list marker, one per two columns of indentation) and how
// many list markers it holds.
func nesting(l []byte) (depth, markers int) {
	cols := 0
	for i := 0; i < len(l); {
		switch c := l[i]; {
		case c == ' ':
			cols++
			i++
		case c == '\t':
			cols += 4
			i++
		case c == '>':
			depth++
			i++
		case c == '-' || c == '+' || c == '*':
			if i+1 < len(l) && l[i+1] != ' ' && l[i+1] != '\t' {
				return depth + (cols+1)/2, markers
			}
			depth++
			markers++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j >= len(l) || (l[j] != '.' && l[j] != ')') || (j+1 < len(l) && l[j+1] != ' ' && l[j+1] != '\t') {
				return depth + (cols+1)/2, markers
			}
			depth++
			markers++
			i = j + 1
		default:
			return depth + (cols+1)/2, markers
		}
	}
	return depth + (cols+1)/2, markers
}

// isDelimiterRow reports whether a markdown line could be a table's
// delimiter row ("|---|:--:|"), after any block quote or list prefix.
func isDelimiterRow(l []byte) bool {
	l = bytes.TrimLeft(l, " \t>-+*")
	return bytes.IndexByte(l, '-') >= 0 && len(bytes.Trim(l, "|:- \t")) == 0
}

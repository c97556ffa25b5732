package parser

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser/doc"
	"github.com/docgen-dev/docgen/parser/form"
	"github.com/docgen-dev/docgen/parser/html"
	"github.com/docgen-dev/docgen/parser/markdown"
	"github.com/docgen-dev/docgen/parser/text"
)

// Format is an input form (see package form, the table of forms).
type Format = form.Format

// Input forms.
const (
	FormatText     = form.Text
	FormatMarkdown = form.Markdown
	FormatHTML     = form.HTML
)

// Resource limits, from the table of forms (see form.Limits, and
// FUZZING.md for the worst cases measured at each).
const (
	MaxPageSize    = form.MaxPageSize
	MaxLines       = form.MaxLines
	MaxNesting     = form.MaxNesting
	MaxListItems   = form.MaxListItems
	MaxLinks       = form.MaxLinks
	MaxInlineMarks = form.MaxInlineMarks
	MaxTags        = form.MaxTags
	MaxCells       = form.MaxCells
)

// frontEnds is the parse function of each form in the table.
var frontEnds = map[Format]func(name string, src []byte) (*doc.Document, ir.Diagnostics){
	FormatMarkdown: markdown.Parse,
	FormatHTML:     html.Parse,
	FormatText:     text.Parse,
}

// DetectFormat picks the front end for a file: by extension, then by content.
func DetectFormat(name string, src []byte) Format { return form.Detect(name, src) }

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
	if line, msg := overLimit(form.Of(format).Limits, src); msg != "" {
		diags.Errorf(ir.Pos{File: name, Line: line, Col: 1}, "too-large", "%s", msg)
		return nil, diags
	}
	return frontEnds[format](name, src)
}

// Parse reads one page into IR: front end, then the shared interpretation.
// A page with an error is marked skipped (Page.Skipped: the first error), so
// that Resolve uses nothing it says.
func Parse(name string, src []byte) (ir.Page, ir.Diagnostics) {
	page, diags := parse(name, src)
	MarkSkipped(&page, diags)
	return page, diags
}

func parse(name string, src []byte) (ir.Page, ir.Diagnostics) {
	d, diags := ParseDocument(name, src)
	if d == nil {
		return ir.Page{File: name, Kind: ir.PageUnknown}, diags
	}
	page, more := Extract(d)
	return page, append(diags, more...)
}

// MarkSkipped marks page skipped when diags (what reading it found) hold an
// error: the first, in page order.
func MarkSkipped(page *ir.Page, diags ir.Diagnostics) {
	for _, d := range diags {
		if d.Severity == ir.SevError && (page.Skipped == nil || posBefore(d.Pos, page.Skipped.Pos)) {
			d := d
			page.Skipped = &d
		}
	}
}

func posBefore(a, b ir.Pos) bool {
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
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

// overLimit checks src against the limits of its form (and MaxLines) in one
// pass, before any front end runs. It returns the 1-based line where a limit
// is crossed and the message, or "" when src is within them.
func overLimit(lim form.Limits, src []byte) (line int, msg string) {
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
		if lim.Cells > 0 {
			pipes := bytes.Count(l, []byte("|")) + 1
			switch {
			case len(bytes.TrimSpace(l)) == 0:
				width = 0
			case isDelimiterRow(l):
				width = max(width, pipes)
			}
			if cells += max(width, pipes); cells > lim.Cells {
				return line, fmt.Sprintf("page has more than %d table cells, the limit (rows count as wide as their header)", lim.Cells)
			}
		}
		if lim.Nesting > 0 || lim.ListItems > 0 {
			depth, markers := nesting(l)
			if lim.Nesting > 0 && depth > lim.Nesting {
				return line, fmt.Sprintf("line nests %d levels deep (block quotes, list items, indentation); the limit is %d", depth, lim.Nesting)
			}
			if lists += markers; lim.ListItems > 0 && lists > lim.ListItems {
				return line, fmt.Sprintf("page has more than %d list items, the limit", lim.ListItems)
			}
		}
		if lim.Links > 0 {
			if links += bytes.Count(l, []byte("[")); links > lim.Links {
				return line, fmt.Sprintf("page has more than %d '[' (links), the limit", lim.Links)
			}
		}
		if lim.InlineMarks > 0 {
			for _, c := range l {
				switch c {
				case '*', '_', '`', '<', '&':
					marks++
				}
			}
			if marks > lim.InlineMarks {
				return line, fmt.Sprintf("page has more than %d inline markup characters ('*', '_', '`', '<', '&'), the limit", lim.InlineMarks)
			}
		}
		if lim.Tags > 0 {
			if tags += bytes.Count(l, []byte("<")); tags > lim.Tags {
				return line, fmt.Sprintf("page has more than %d '<' (tags), the limit", lim.Tags)
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

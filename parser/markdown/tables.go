package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/docgen-dev/docgen/internal/english"
)

// A table goldmark does not read as one becomes a paragraph of pipes, and
// a row with more cells than its header loses the rest: either way a
// property is lost without a word. These checks say so at the table (the
// first pipe line) or the row, and why.

// pipeParagraph warns when paragraph n holds two consecutive lines that
// start with "|" (a table by intent) that goldmark did not read as a table.
func (p *parser) pipeParagraph(n ast.Node) {
	segs := blockLines(n)
	for i := 0; i+1 < len(segs); i++ {
		head, next := pipeLine(segs[i].Value(p.src)), pipeLine(segs[i+1].Value(p.src))
		if head == "" || next == "" {
			continue
		}
		why := "the line after its header is not a delimiter row (such as |---|---|)"
		if isDelimiter(next) {
			why = "its header has " + english.Count(cells(head), "cell") + " and its delimiter row " + english.Count(cells(next), "cell") + "; they must be as many"
		}
		p.diags.Warnf(p.at(segs[i].Start), "malformed-table", "lines starting with \"|\" are not read as a table: %s", why)
		return
	}
}

// longRows warns at each row of table t whose source line has more cells
// than the header: goldmark drops the cells past the header's.
func (p *parser) longRows(t *east.Table, header int) {
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		row, ok := r.(*east.TableRow)
		if !ok {
			continue
		}
		off := rowOffset(row)
		if off < 0 {
			continue
		}
		start := bytes.LastIndexByte(p.src[:off], '\n') + 1
		end := bytes.IndexByte(p.src[off:], '\n')
		if end < 0 {
			end = len(p.src) - off
		}
		if n := cells(string(p.src[start : off+end])); n > header {
			p.diags.Warnf(p.at(start), "malformed-table", "table row has %d cells and its header %d; the cells past the header's are dropped", n, header)
		}
	}
}

// rowOffset returns the body offset of the first cell of row that has
// content, or -1.
func rowOffset(row *east.TableRow) int {
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Lines().Len() > 0 {
			return c.Lines().At(0).Start
		}
	}
	return -1
}

// pipeLine returns line trimmed when it starts with "|", or "".
func pipeLine(line []byte) string {
	s := strings.TrimSpace(string(line))
	if !strings.HasPrefix(s, "|") {
		return ""
	}
	return s
}

// isDelimiter reports whether s is a table delimiter row: pipes, dashes,
// colons and spaces, with a dash.
func isDelimiter(s string) bool {
	return strings.Contains(s, "-") && strings.Trim(s, "|-: \t") == ""
}

// cells counts the cells of a table line as GFM does: between unescaped
// pipes, without a leading and a trailing one.
func cells(line string) int {
	s := strings.TrimSpace(line)
	s = strings.TrimPrefix(s, "|")
	if strings.HasSuffix(s, "|") && !strings.HasSuffix(s, `\|`) {
		s = s[:len(s)-1]
	}
	n := 1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n
}

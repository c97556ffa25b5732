// Package text is docgen's front end for plain-text captures of rendered
// documentation pages: what a browser's "copy text" gives. Heading markup,
// code fences and often table delimiters are lost, so this front end
// recognises structure from the text itself:
//
//   - the first non-empty line is the title;
//   - a line that is one of the well-known section names ("HTTP Request",
//     "Request body", "Properties", "Members", ...) is a heading;
//   - a line with "|" followed by a "---|---" line starts a pipe table;
//   - a line made of known column names ("Property Type Description",
//     "Header Value", ...) starts a whitespace table, whose rows run to the
//     next blank line;
//   - a request line ("PATCH /x", "PATCH https://...") or a status line
//     ("HTTP/1.1 200 OK") starts an HTTP block: the line, its headers and a
//     JSON body that runs until its brackets balance;
//   - a line starting with "{" or "[" starts a JSON block;
//   - anything else is a paragraph line.
package text

import (
	"regexp"
	"strings"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser/doc"
)

var (
	// requestLine is a whole line "PATCH /users/{id}", perhaps with
	// " HTTP/1.1"; statusLine starts "HTTP/1.1 200".
	requestLine   = regexp.MustCompile(`^` + doc.RequestMethod + ` +` + doc.RequestPath + `(?: +` + doc.HTTPVersion + `)?$`)
	statusLine    = regexp.MustCompile(`^` + doc.HTTPVersion + ` +\d{3}\b`)
	headerLine    = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*: *\S`)
	pipeDelimiter = regexp.MustCompile(`^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$`)
)

// wsTables are the whitespace-separated table layouts this front end can
// split: the header line (lower-cased) and how to split a row.
var wsTables = []struct {
	header []string
	split  func(fields []string) []string
}{
	{[]string{"Property", "Type", "Description"}, splitNameTypeDesc},
	{[]string{"Name", "Type", "Description"}, splitNameTypeDesc},
	{[]string{"Parameter", "Type", "Description"}, splitNameTypeDesc},
	{[]string{"Member", "Value", "Description"}, splitMemberValueDesc},
	{[]string{"Member", "Description"}, splitFirstRest},
	{[]string{"Header", "Value"}, splitFirstRest},
	{[]string{"Name", "Description"}, splitFirstRest},
}

// Parse turns a text capture into a document tree. It never fails: a capture
// that has no recognisable structure yields paragraphs, and the interpreting
// layer reports what is missing.
func Parse(file string, src []byte) (*doc.Document, ir.Diagnostics) {
	s := doc.Normalize(src)
	p := &parser{file: file, lines: strings.Split(s, "\n")}
	p.run()
	return &doc.Document{File: file, Blocks: p.blocks}, nil
}

type parser struct {
	file   string
	lines  []string
	i      int // index of the next line
	blocks []doc.Block
	titled bool
}

func (p *parser) pos(i int) ir.Pos { return ir.Pos{File: p.file, Line: i + 1, Col: 1} }

func (p *parser) run() {
	for p.i < len(p.lines) {
		line := strings.TrimSpace(p.lines[p.i])
		switch {
		case line == "":
			p.i++
		case !p.titled && pageChrome(line):
			// "Note", "Access to this page requires authorization...":
			// what a capture of a page behind a banner starts with.
			p.add(doc.Block{Kind: doc.Paragraph, Text: inline(line), Pos: p.pos(p.i)})
			p.i++
		case !p.titled && !isHeading(line) && !namespaceLine.MatchString(line):
			p.titled = true
			p.add(doc.Block{Kind: doc.Heading, Level: 1, Text: inline(line), Pos: p.pos(p.i)})
			p.i++
		case isHeading(line):
			// A capture whose title was lost starts with a section or the
			// namespace line: it has no title (the interpreting layer
			// says what it cannot tell without one).
			p.titled = true
			p.add(doc.Block{Kind: doc.Heading, Text: inline(strings.TrimSuffix(headingText(line), ":")), Pos: p.pos(p.i)})
			p.i++
		case requestLine.MatchString(line) || statusLine.MatchString(line):
			p.httpBlock()
		case strings.HasPrefix(line, "{") || strings.HasPrefix(line, "["):
			start := p.i
			body := p.jsonBody()
			p.add(doc.Block{Kind: doc.Code, Lang: "json", Code: body, Pos: p.pos(start)})
		case strings.Contains(line, "|") && p.i+1 < len(p.lines) && pipeDelimiter.MatchString(p.lines[p.i+1]):
			p.pipeTable(2)
		case pipeHeader(line):
			// Some captures keep the cell separators but drop the
			// "---|---" line: a row of known column names is a header.
			p.pipeTable(1)
		case p.wsTable():
		default:
			p.titled = true
			p.add(doc.Block{Kind: doc.Paragraph, Text: inline(line), Pos: p.pos(p.i)})
			p.i++
		}
	}
}

func (p *parser) add(b doc.Block) { p.blocks = append(p.blocks, b) }

func isHeading(line string) bool {
	return doc.IsSectionHeading(headingText(line))
}

// headingText drops the "## " a capture of unrendered markdown keeps
// before a heading ("## Permissions").
func headingText(line string) string {
	if t := strings.TrimLeft(line, "#"); len(t) < len(line) && strings.HasPrefix(t, " ") {
		return strings.TrimSpace(t)
	}
	return line
}

// namespaceLine is the "Namespace: microsoft.graph" line under a title.
var namespaceLine = regexp.MustCompile(`^(?i)namespace:\s*` + doc.NamespaceName + `$`)

// pageChrome reports lines a capture may start with before the title: a
// callout label, or the sign-in banner of the documentation site.
func pageChrome(line string) bool {
	switch strings.ToLower(strings.TrimSuffix(line, ":")) {
	case "note", "important", "tip", "caution", "warning":
		return true
	}
	return strings.HasPrefix(line, "Access to this page requires authorization")
}

// knownColumns are the header names of the tables Graph pages use,
// lower-cased.
var knownColumns = map[string]bool{
	"property": true, "name": true, "type": true, "description": true,
	"member": true, "value": true, "parameter": true, "relationship": true,
	"header": true, "required": true, "method": true, "return type": true,
}

// pipeHeader reports a "Property | Type | Description |" row: two or more
// cells, every one a known column name.
func pipeHeader(line string) bool {
	if !strings.Contains(line, "|") {
		return false
	}
	cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
	if len(cells) < 2 {
		return false
	}
	for _, c := range cells {
		if !knownColumns[strings.ToLower(doc.Collapse(c))] {
			return false
		}
	}
	return true
}

func inline(s string) doc.Inline { return doc.Inline{Text: doc.Collapse(s)} }

// httpBlock reads a request or status line, the header lines after it and,
// after an optional blank line, a JSON body.
func (p *parser) httpBlock() {
	start := p.i
	var b strings.Builder
	b.WriteString(strings.TrimSpace(p.lines[p.i]))
	p.i++
	for p.i < len(p.lines) && headerLine.MatchString(strings.TrimSpace(p.lines[p.i])) {
		b.WriteString("\n")
		b.WriteString(strings.TrimSpace(p.lines[p.i]))
		p.i++
	}
	j := p.i
	for j < len(p.lines) && strings.TrimSpace(p.lines[j]) == "" {
		j++
	}
	if j < len(p.lines) {
		if t := strings.TrimSpace(p.lines[j]); strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
			p.i = j
			b.WriteString("\n\n")
			b.WriteString(p.jsonBody())
		}
	}
	p.add(doc.Block{Kind: doc.Code, Lang: "http", Code: b.String(), Pos: p.pos(start)})
}

// jsonBody consumes lines from p.i until the brackets opened on the first line
// balance (ignoring brackets inside strings). A body that never balances (a
// truncated example) runs to the next heading line or the end of the page; the
// interpreting layer reports it as invalid JSON.
func (p *parser) jsonBody() string {
	var lines []string
	depth := 0
	inString, escaped := false, false
	for p.i < len(p.lines) {
		line := p.lines[p.i]
		if len(lines) > 0 && depth > 0 && !inString && isHeading(strings.TrimSpace(line)) {
			break
		}
		lines = append(lines, line)
		p.i++
		for _, r := range line {
			switch {
			case escaped:
				escaped = false
			case inString && r == '\\':
				escaped = true
			case r == '"':
				inString = !inString
			case inString:
			case r == '{' || r == '[':
				depth++
			case r == '}' || r == ']':
				depth--
			}
		}
		inString, escaped = false, false // JSON strings never span lines
		if depth <= 0 {
			break
		}
	}
	return strings.Join(lines, "\n")
}

// pipeTable reads "a | b |" rows after a header and, when skip is 2, a
// delimiter line. Another header row (a "Relationship | Type |" table
// right after a properties table) starts a new table.
func (p *parser) pipeTable(skip int) {
	start := p.i
	t := &doc.TableData{Header: p.pipeCells(p.i)}
	p.i += skip
	for p.i < len(p.lines) {
		line := strings.TrimSpace(p.lines[p.i])
		if line == "" || !strings.Contains(line, "|") || pipeHeader(line) {
			break
		}
		t.Rows = append(t.Rows, doc.Row{Cells: p.pipeCells(p.i), Pos: p.pos(p.i)})
		p.i++
	}
	p.add(doc.Block{Kind: doc.Table, Table: t, Pos: p.pos(start)})
}

func (p *parser) pipeCells(i int) []doc.Cell {
	line := p.lines[i]
	trimmed := strings.TrimSpace(line)
	offset := strings.Index(line, trimmed)
	trimmed = strings.TrimPrefix(trimmed, "|")
	if strings.HasPrefix(strings.TrimSpace(line), "|") {
		offset++
	}
	trimmed = strings.TrimSuffix(trimmed, "|")
	var cells []doc.Cell
	col := offset
	for _, part := range strings.Split(trimmed, "|") {
		lead := len(part) - len(strings.TrimLeft(part, " \t"))
		cells = append(cells, doc.Cell{Inline: inline(part), Pos: ir.Pos{File: p.file, Line: i + 1, Col: col + lead + 1}})
		col += len(part) + 1
	}
	return cells
}

// wsTable recognises a whitespace table header at p.i and reads its rows.
func (p *parser) wsTable() bool {
	line := strings.TrimSpace(p.lines[p.i])
	for _, layout := range wsTables {
		if !strings.EqualFold(doc.Collapse(line), strings.Join(layout.header, " ")) {
			continue
		}
		start := p.i
		t := &doc.TableData{}
		for _, h := range layout.header {
			t.Header = append(t.Header, doc.Cell{Inline: inline(h), Pos: p.pos(start)})
		}
		typed := len(layout.header) > 1 && layout.header[1] == "Type"
		p.i++
		for p.i < len(p.lines) {
			row := strings.TrimSpace(p.lines[p.i])
			if row == "" && typed && len(t.Rows) > 0 {
				// A description with paragraphs of its own ends the row
				// with a blank line; the rows after the prose are still
				// the table's.
				if next, prose := p.resume(); next > 0 {
					appendDesc(&t.Rows[len(t.Rows)-1], prose)
					p.i = next
					continue
				}
			}
			if row == "" || isHeading(row) || isWsHeader(row) {
				break
			}
			if m := bullet.FindStringSubmatch(row); m != nil && len(t.Rows) > 0 {
				// "• None": an item of a list inside the description above.
				appendDesc(&t.Rows[len(t.Rows)-1], []string{m[1]})
				p.i++
				continue
			}
			t.Rows = append(t.Rows, p.wsRow(p.i, layout.split))
			p.i++
		}
		p.add(doc.Block{Kind: doc.Table, Table: t, Pos: p.pos(start)})
		return true
	}
	return false
}

// bullet is a list item line: its marker and its text.
var bullet = regexp.MustCompile(`^(?:[•·▪◦*–-])\s+(\S.*)$`)

// isWsHeader reports a whitespace table header line.
func isWsHeader(line string) bool {
	for _, layout := range wsTables {
		if strings.EqualFold(doc.Collapse(line), strings.Join(layout.header, " ")) {
			return true
		}
	}
	return false
}

// appendDesc adds text to the last cell of a row (its description).
func appendDesc(r *doc.Row, text []string) {
	if len(r.Cells) == 0 || len(text) == 0 {
		return
	}
	c := &r.Cells[len(r.Cells)-1]
	c.Text = doc.Collapse(c.Text + " " + strings.Join(text, " "))
}

// maxProse is how many prose lines a table row's description may run to
// after a blank line before the table is taken to have ended.
const maxProse = 8

// resume looks past the blank line at p.i for more rows of a Property Type
// Description table: prose lines (at most maxProse) and then a line that
// reads as a row. It returns the index of that row and the prose, or 0 when
// the table has ended (a heading, a code block, another table, or no row).
func (p *parser) resume() (int, []string) {
	var prose []string
	for j := p.i; j < len(p.lines); j++ {
		l := strings.TrimSpace(p.lines[j])
		switch {
		case l == "":
			continue
		case rowLike(l):
			return j, prose
		case isHeading(l) || isWsHeader(l) || strings.Contains(l, "|") ||
			strings.HasPrefix(l, "{") || strings.HasPrefix(l, "[") ||
			requestLine.MatchString(l) || statusLine.MatchString(l) || len(prose) == maxProse:
			return 0, nil
		}
		prose = append(prose, l)
	}
	return 0, nil
}

var (
	// propertyName is how Graph names properties: lowerCamelCase, or an
	// annotation such as "@odata.type".
	propertyName = regexp.MustCompile(`^(?:[a-z][A-Za-z0-9_]*|@[A-Za-z0-9_.@]+|[a-z][A-Za-z0-9_]*@[A-Za-z0-9_.]+)$`)
	// typeWord is a type cell's first word: a primitive type, a camelCase
	// or qualified type name, or Collection(...).
	typeWord = regexp.MustCompile(`^(?:(?:Edm\.)?(?:String|Boolean|Int16|Int32|Int64|Byte|SByte|Single|Double|Decimal|DateTimeOffset|DateTime|Date|TimeOfDay|Duration|Guid|Binary|Stream)|[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*|[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+|Collection\(\S+\))$`)
)

// rowLike reports a line that reads as a Property Type Description row:
// "name Type ...", with a property name and a type word.
func rowLike(l string) bool {
	f := strings.Fields(l)
	return len(f) >= 2 && propertyName.MatchString(f[0]) && typeWord.MatchString(f[1])
}

// wsRow splits one whitespace-table row into cells, computing each cell's column.
func (p *parser) wsRow(i int, split func([]string) []string) doc.Row {
	line := p.lines[i]
	fields := strings.Fields(line)
	parts := split(fields)
	row := doc.Row{Pos: p.pos(i)}
	at := 0
	for _, part := range parts {
		col := 1
		if part != "" {
			if k := strings.Index(line[at:], firstField(part)); k >= 0 {
				col = at + k + 1
				at += k
			}
		}
		row.Cells = append(row.Cells, doc.Cell{Inline: inline(part), Pos: ir.Pos{File: p.file, Line: i + 1, Col: col}})
	}
	return row
}

func firstField(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return s
}

// splitNameTypeDesc splits "name Type[ collection] description words...".
// The type is one word, or two when the second is "collection" (as in
// "String collection"); everything after it is the description.
func splitNameTypeDesc(f []string) []string {
	out := []string{"", "", ""}
	if len(f) == 0 {
		return out
	}
	out[0] = f[0]
	rest := f[1:]
	if len(rest) == 0 {
		return out
	}
	n := 1
	if len(rest) > 1 && strings.EqualFold(rest[1], "collection") {
		n = 2
	}
	out[1] = strings.Join(rest[:n], " ")
	out[2] = strings.Join(rest[n:], " ")
	return out
}

// splitMemberValueDesc splits "member [value] description"; the value column
// is taken only when the second field is an integer.
func splitMemberValueDesc(f []string) []string {
	out := []string{"", "", ""}
	if len(f) == 0 {
		return out
	}
	out[0] = f[0]
	rest := f[1:]
	if len(rest) > 0 && isInteger(rest[0]) {
		out[1] = rest[0]
		rest = rest[1:]
	}
	out[2] = strings.Join(rest, " ")
	return out
}

func splitFirstRest(f []string) []string {
	if len(f) == 0 {
		return []string{"", ""}
	}
	return []string{f[0], strings.Join(f[1:], " ")}
}

func isInteger(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

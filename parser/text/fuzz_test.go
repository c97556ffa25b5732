package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser/doc"
)

// FuzzParse checks that the text front end never panics, never reports an
// error (it has no way to fail), and that everything it returns is well
// formed: positions name the file and a line of the input, inline text is
// valid UTF-8 with whitespace collapsed, code has "\n" line endings and
// table blocks carry a table.
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"../../docs-src/seeds/*.txt", "../../golden/*/input/*.txt"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			src, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(src)
		}
	}
	for _, s := range []string{
		"",
		"\uFEFF",
		"title\r\nProperties\r\nProperty | Type | Description |\r\n---|---|---|\r\na | String | x |\r\n",
		"title\rProperties\rProperty Type Description\ra String x\r\rMembers\r",
		"t\nHTTP Request\nPATCH /a/{b}/{b}\nContent-type: application/json\n\n{\n\"a\": \"}\\\"\",\n[\n",
		"t\nHTTP/1.1 200 OK\n\n[ { \"x\": [ ] } ]\nmore\n",
		"t\n{ unbalanced\nExample 1 x\n}",
		"t\n|\n---\n|\n|",
		"t\n| a | b |\n| -- | -- |\n| 1 |\n| 1 | 2 | 3 |\n",
		"t\nMember Value Description\nx 1 a\ny -2 b\nz c\n",
		"t\nHeader Value\nAuthorization Bearer {token}\n",
		"t\nName Description\n\tx\t y \n",
		"t\nProperty Type Description\nname String collection words\nonly\n",
		"\xff\xfe\x00\n\xc3",
		"t\n\u2028\u2029\u0085\n",
		strings.Repeat("{", 1000) + "\n" + strings.Repeat("}", 1000),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const file = "fuzz.txt"
		d, diags := Parse(file, src)
		if d == nil || d.File != file {
			t.Fatalf("document %+v", d)
		}
		// The text front end has nothing to report: every line of any input
		// is a heading, a table row, code or prose; extraction judges them.
		if len(diags) != 0 {
			t.Fatalf("diagnostics: %v", diags)
		}
		nlines := strings.Count(doc.Normalize(src), "\n") + 1
		checkPos := func(what string, p ir.Pos) {
			t.Helper()
			if p.File != file || p.Line < 1 || p.Line > nlines || p.Col < 1 {
				t.Fatalf("%s: bad position %+v (input has %d lines)", what, p, nlines)
			}
		}
		checkInline := func(what string, in doc.Inline) {
			t.Helper()
			if !utf8.ValidString(in.Text) || in.Text != strings.Join(strings.Fields(in.Text), " ") {
				t.Fatalf("%s: text not valid and collapsed: %q", what, in.Text)
			}
		}
		for _, b := range d.Blocks {
			checkPos(string(b.Kind), b.Pos)
			checkInline(string(b.Kind), b.Text)
			if !utf8.ValidString(b.Code) || strings.Contains(b.Code, "\r") {
				t.Fatalf("%s: code %q", b.Kind, b.Code)
			}
			if (b.Kind == doc.Table) != (b.Table != nil) {
				t.Fatalf("%s with table %v", b.Kind, b.Table)
			}
			if b.Kind == doc.Heading && b.Text.Text == "" {
				t.Fatal("empty heading")
			}
			if b.Table == nil {
				continue
			}
			for _, c := range b.Table.Header {
				checkPos("header cell", c.Pos)
				checkInline("header cell", c.Inline)
			}
			for _, r := range b.Table.Rows {
				checkPos("row", r.Pos)
				for _, c := range r.Cells {
					checkPos("cell", c.Pos)
					checkInline("cell", c.Inline)
				}
			}
		}
	})
}

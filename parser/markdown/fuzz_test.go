package markdown

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser/doc"
)

// FuzzParse checks that Parse never panics or fails internally, and that
// every position it returns names the file and a line of the input.
func FuzzParse(f *testing.F) {
	pages, err := filepath.Glob("testdata/*/*.md")
	if err != nil || len(pages) == 0 {
		f.Fatalf("no seed pages: %v", err)
	}
	for _, p := range pages {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range []string{
		"",
		"---",
		"---\n",
		"---\ntitle: x\n",
		"---\r\n---\r\n\r\n# x",
		"\uFEFF\r\n|a|\r|-|\r\n|1|2|",
		"|a|b|\n|-|-|\n|1|\n|1|2|3|\n",
		"|a|\n|-|\n|`x\\|y`\\|z|",
		"> |a|\n> |-|\n> |1|",
		"- |a|\n  |-|\n  |b|",
		"text\n|a|\n|-|",
		"0\n-:\n-",
		"<!--",
		"<!-- a --> b <!-- c",
		"x <!-- a\nb --> y",
		"<div>\n<script>\n</div>",
		"<plaintext>\n# x",
		"<?xml?>\n<!x>\n<![CDATA[ y ]]>",
		"```\n",
		"~~~ \\&amp; x\n\tcode\n",
		"    \tcode",
		"- a\n  - b\n    - c\n      - d\n\n        ```\n        x\n",
		"1. a\n\n   > b\n   > ```\n   > c",
		"&#0; &#x110000; &#99999999; &#xD800; &;&a;",
		"[a](<b>) [c]: d\n\n[c]: <e f> \"t\"",
		"<a@b> <https://x> <x:y>",
		"a\\\nb  \nc",
		"a\xff\xfe\xfd\x00b",
		"\r\r\r#\r",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const file = "fuzz.md"
		d, diags := Parse(file, src)
		if d == nil {
			t.Fatal("nil document")
		}
		nlines := strings.Count(doc.Normalize(src), "\n") + 1
		check := func(what string, p ir.Pos) {
			t.Helper()
			if p.File != file || p.Line < 1 || p.Line > nlines || p.Col < 1 {
				t.Fatalf("%s: bad position %+v (input has %d lines)", what, p, nlines)
			}
		}
		for _, kv := range d.Meta {
			check("meta "+kv.Key, kv.Pos)
		}
		for _, b := range d.Blocks {
			check(string(b.Kind), b.Pos)
			if b.Kind == doc.Table {
				if b.Table == nil {
					t.Fatal("table block without table")
				}
				for _, c := range b.Table.Header {
					check("header cell", c.Pos)
				}
				for _, r := range b.Table.Rows {
					check("row", r.Pos)
					if len(r.Cells) < len(b.Table.Header) {
						t.Fatalf("row at %v has %d cells, header %d", r.Pos, len(r.Cells), len(b.Table.Header))
					}
					for _, c := range r.Cells {
						check("cell", c.Pos)
					}
				}
			}
		}
		for _, dg := range diags {
			check("diagnostic", dg.Pos)
			if dg.Severity == ir.SevError {
				t.Fatalf("error diagnostic: %v", dg)
			}
		}
	})
}

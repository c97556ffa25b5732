package html_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser/doc"
	"github.com/docgen-dev/docgen/parser/html"
)

// fuzzSeeds are inputs that stress the HTML parser's repair rules and the
// walker's assumptions about the tree it builds.
var fuzzSeeds = []string{
	"",
	"\uFEFF",
	"\xff\xfe<p>\xc3</p>",
	"<!-- only a comment -->",
	"<!--",
	"<!DOCTYPE html><!-- before --><html><!-- in html --><body><p>x</p></body><!-- after body --></html><!-- after -->",
	"<frameset><frame src=a></frameset>",
	"<p><table><tr><td>quirks</td></tr></table></p>",
	"<table><tr><td><table><tr><th>nested</th></tr></table></td></tr><caption>cap</caption></table>",
	"<table><a href=x><table><td><a href=y>z</a></td></table></a></table>",
	"<table><thead><tr></tr></thead><tbody></tbody><tfoot><tr><th>f</th></tr></tfoot><thead><tr><td>late</td></tr></thead></table>",
	"<li>orphan<li>items",
	"<ul><li><ul><li><ol><li>deep</li></ol></li></ul></li></ul>",
	"<span>a<div>b</div>c</span>d",
	"<a href=x>a<div>block in link</div></a>",
	"<h2><pre>pre in heading</pre><table><td>t</td></table></h2>",
	"<pre><!-- c --><code class='lang- LANGUAGE-Go'>\r\nx\r\n\r\n</code></pre>",
	"<svg><title>t</title><foreignObject><p>fo</p></foreignObject></svg><math><mi>x</mi></math>",
	"<main><nav><main><p>x</p></main></nav></main>",
	"<nav><main>chrome main</main></nav><article>a</article>",
	"<template><p>t</p></template><div hidden><p>h</p></div>",
	"<form><main><p>in form</p></main></form>",
	"<title>t - Microsoft Graph | Microsoft</title><meta name=TITLE content=' | Microsoft'>",
	"<p>&nbsp;\u00a0\u2003</p><p>&#0;&#xD800;</p>",
	"<select><option>o</option></select><textarea><p>x</p></textarea><plaintext><p>raw",
	"<blockquote><li>x</li><pre>y</pre></blockquote>",
	strings.Repeat("<div>", 3000) + "deep" + strings.Repeat("</div>", 3000),
	strings.Repeat("<span><li>", 500) + "x",
	strings.Repeat("<span>", 600) + "too deep",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	files, _ := filepath.Glob("testdata/*/*.*")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(string(src))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		const file = "fuzz.html"
		d, _ := html.Parse(file, []byte(src))
		if d == nil || d.File != file {
			t.Fatalf("document %+v", d)
		}
		checkPos := func(what string, p ir.Pos) {
			if p.File != file || p.Line != 0 || p.Path == "" {
				t.Fatalf("%s: bad position %+v", what, p)
			}
		}
		checkInline := func(what string, in doc.Inline) {
			if !utf8.ValidString(in.Text) || in.Text != strings.Join(strings.Fields(in.Text), " ") {
				t.Fatalf("%s: text not collapsed: %q", what, in.Text)
			}
		}
		for _, kv := range d.Meta {
			checkPos("meta "+kv.Key, kv.Pos)
		}
		for _, b := range d.Blocks {
			checkPos(string(b.Kind), b.Pos)
			checkInline(string(b.Kind), b.Text)
			if strings.HasSuffix(b.Code, "\n") || strings.Contains(b.Code, "\r") {
				t.Fatalf("%s: code %q", b.Kind, b.Code)
			}
			switch b.Kind {
			case doc.Heading:
				if b.Level < 1 || b.Level > 6 {
					t.Fatalf("heading level %d", b.Level)
				}
			case doc.ListItem:
				if b.Depth < 1 {
					t.Fatalf("list item depth %d", b.Depth)
				}
			case doc.Paragraph:
				if b.Text.Text == "" {
					t.Fatal("empty paragraph")
				}
			}
			if (b.Kind == doc.Table) != (b.Table != nil) {
				t.Fatalf("%s with table %v", b.Kind, b.Table)
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

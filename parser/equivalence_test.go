package parser_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser"
)

// stripPositions turns v into generic JSON without "pos" members (and
// without file names), so that IR from different input forms compares.
func stripPositions(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var g any
	require.NoError(t, json.Unmarshal(b, &g))
	var walk func(any) any
	walk = func(x any) any {
		switch x := x.(type) {
		case map[string]any:
			delete(x, "pos")
			delete(x, "file")
			for k, v := range x {
				x[k] = walk(v)
			}
		case []any:
			for i := range x {
				x[i] = walk(x[i])
			}
		}
		return x
	}
	return walk(g)
}

func parseAll(t *testing.T, files []string) []ir.Page {
	t.Helper()
	var pages []ir.Page
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		p, diags := parser.Parse(filepath.ToSlash(f), src)
		require.False(t, diags.HasErrors(), "%v", diags)
		pages = append(pages, p)
	}
	return pages
}

// TestMarkdownAndHTMLGiveSameIR: a page and the same page rendered to HTML
// (parser/html/testdata holds goldmark renderings of corpus pages in a page
// shell) give the same IR except positions, page by page and resolved.
func TestMarkdownAndHTMLGiveSameIR(t *testing.T) {
	htmlFiles, err := filepath.Glob("html/testdata/*/*.html")
	require.NoError(t, err)
	require.Len(t, htmlFiles, 3)
	var mdFiles []string
	for _, h := range htmlFiles {
		mdFiles = append(mdFiles, strings.TrimSuffix(h, ".html")+".md")
	}
	md, html := parseAll(t, mdFiles), parseAll(t, htmlFiles)
	for i := range md {
		require.Equal(t, stripPositions(t, md[i]), stripPositions(t, html[i]), "%s vs %s", mdFiles[i], htmlFiles[i])
	}
	mdSpec, mdDiags := ir.Resolve(md, ir.ResolveOptions{})
	htmlSpec, htmlDiags := ir.Resolve(html, ir.ResolveOptions{})
	require.Equal(t, len(mdDiags), len(htmlDiags))
	require.Equal(t, stripPositions(t, mdSpec), stripPositions(t, htmlSpec))
	require.Len(t, mdSpec.Operations, 1)
	require.Len(t, mdSpec.Enums, 1)
}

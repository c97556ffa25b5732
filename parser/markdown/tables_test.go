package markdown

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser/doc"
)

// TestMalformedTables: a table that is not one, or a row that loses cells,
// is a warning at the table or the row saying why; it used to be a
// paragraph of pipes (or a shorter row) without a word.
func TestMalformedTables(t *testing.T) {
	for _, c := range []struct {
		name, src string
		kind      doc.Kind
		line      int
		why       string
	}{
		{"header and delimiter disagree", "Intro.\n\n|a|b|c|\n|-|-|\n|1|2|\n", doc.Paragraph, 3, "its header has 3 cells and its delimiter row 2 cells"},
		{"no delimiter row", "| Property | Type | Description |\n| size | Int32 | The size. |\n", doc.Paragraph, 1, "the line after its header is not a delimiter row"},
		{"after text in one paragraph", "The properties:\n| Property | Type |\n| size | Int32 |\n", doc.Paragraph, 2, "not a delimiter row"},
		{"a row longer than its header", "| Property | Type | Description |\n|:--|:--|:--|\n| size | Int32 | The size. | Read-only. |\n| name | String \\| null | The name. |\n", doc.Table, 3, "table row has 4 cells and its header 3; the cells past the header's are dropped"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, diags := Parse("t.md", []byte(c.src))
			require.Len(t, diags, 1, "%v", diags)
			assert.Equal(t, "malformed-table", diags[0].Code)
			assert.Equal(t, ir.SevWarning, diags[0].Severity)
			assert.Equal(t, c.line, diags[0].Pos.Line)
			assert.Contains(t, diags[0].Message, c.why)
			assert.Equal(t, c.kind, d.Blocks[len(d.Blocks)-1].Kind)
		})
	}
	for _, src := range []string{
		"| Property | Type |\n|:--|:--|\n| size | Int32 |\n| short |\n",
		"|a|\n|-|\n",
		"A | B and | C are fine in prose.\n",
		"| just one pipe line |\n",
	} {
		_, diags := Parse("t.md", []byte(src))
		assert.Empty(t, diags, "%q", src)
	}
}

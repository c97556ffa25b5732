package text

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/parser/doc"
)

func parse(src string) []doc.Block {
	d, _ := Parse("page.txt", []byte(src))
	return d.Blocks
}

func headings(bs []doc.Block) []string {
	var out []string
	for _, b := range bs {
		if b.Kind == doc.Heading {
			out = append(out, b.Text.Text)
		}
	}
	return out
}

func tables(bs []doc.Block) []*doc.TableData {
	var out []*doc.TableData
	for _, b := range bs {
		if b.Kind == doc.Table {
			out = append(out, b.Table)
		}
	}
	return out
}

func col(t *doc.TableData, i int) []string {
	var out []string
	for _, r := range t.Rows {
		if i < len(r.Cells) {
			out = append(out, r.Cells[i].Text)
		}
	}
	return out
}

// A request line whose path parameter lists alternative keys holds spaces;
// it is still a request line, and so is every line of a group.
func TestRequestLineWithAlternativeKeys(t *testing.T) {
	bs := parse("Update widget\n\nHTTP request\n\nPATCH /owners/{id | ownerName}/widgets/{widgetId}\nPATCH /me/widgets/{widgetId}\n")
	var code []string
	for _, b := range bs {
		if b.Kind == doc.Code {
			code = append(code, b.Code)
		}
	}
	assert.Equal(t, []string{"PATCH /owners/{id | ownerName}/widgets/{widgetId}", "PATCH /me/widgets/{widgetId}"}, code)
}

// A capture of unrendered markdown keeps "## " before a heading.
func TestMarkdownHeadingMarker(t *testing.T) {
	bs := parse("Update widget\n\n    ## Permissions\n\nSome text.\n\n### Request body\n")
	assert.Equal(t, []string{"Update widget", "Permissions", "Request body"}, headings(bs))
}

// A capture that starts with a banner, or lost its title, has no title
// heading: a section heading is never taken for the title.
func TestNoTitle(t *testing.T) {
	bs := parse("Note\nAccess to this page requires authorization. Sign in.\nNamespace: microsoft.graph\nSome summary.\nMembers\nMember | Value |\n---|---|\nalpha | 0 |\n")
	for _, b := range bs {
		if b.Kind == doc.Heading {
			assert.Equal(t, 0, b.Level, "heading %q", b.Text.Text)
		}
	}
	assert.Equal(t, []string{"Members"}, headings(bs))

	// The banner lines are skipped, the next line is the title.
	bs = parse("Note\nAccess to this page requires authorization.\nUpdate widget\nHTTP request\n")
	require.NotEmpty(t, headings(bs))
	assert.Equal(t, "Update widget", headings(bs)[0])
	for _, b := range bs {
		if b.Kind == doc.Heading && b.Text.Text == "Update widget" {
			assert.Equal(t, 1, b.Level)
		}
	}
}

// Pipe tables whose "---|---" line was lost start at a row of known column
// names; a second header row starts a second table.
func TestPipeTableWithoutDelimiter(t *testing.T) {
	bs := parse("widget resource type\nA summary.\nProperty | Type | Description |\nsize | Int32 | The size. |\nlabels | String collection | The labels. |\nRelationship | Type | Description |\nparts | part collection | The parts. |\nThe end.\n")
	ts := tables(bs)
	require.Len(t, ts, 2)
	assert.Equal(t, []string{"size", "labels"}, col(ts[0], 0))
	assert.Equal(t, []string{"Int32", "String collection"}, col(ts[0], 1))
	assert.Equal(t, "Relationship", ts[1].Header[0].Text)
	assert.Equal(t, []string{"parts"}, col(ts[1], 0))
	// A line with a bar that is not made of column names is no header.
	assert.Empty(t, tables(parse("widget\nsize | width |\nmore\n")))
}

// Bulleted lines inside a whitespace table belong to the description of
// the row above; they are not rows.
func TestWhitespaceTableBullets(t *testing.T) {
	bs := parse("Update widget\n\nRequest body\n\nProperty Type Description\nmode String One of:\n  • Fast\n  • Slow: for big widgets\nsize Int32 The size.\n")
	ts := tables(bs)
	require.Len(t, ts, 1)
	assert.Equal(t, []string{"mode", "size"}, col(ts[0], 0))
	assert.Equal(t, "One of: Fast Slow: for big widgets", ts[0].Rows[0].Cells[2].Text)
}

// A description with paragraphs of its own ends its row with a blank line;
// the rows after the prose still belong to the table, and the prose to the
// description of the row above.
func TestWhitespaceTableResumesAfterProse(t *testing.T) {
	bs := parse("Update widget\n\nRequest body\n\nProperty Type Description\nend widgetTime When it ends.\n\nBy default, in UTC. Say so in EndZone.\n\nFor example \"2015-02-25T21:34:00-08:00\".\nweight Double The weight.\nlabels String collection The labels.\n\nResponse\n\nfooter Int32 not a row: after a heading.\n")
	ts := tables(bs)
	require.Len(t, ts, 1)
	assert.Equal(t, []string{"end", "weight", "labels"}, col(ts[0], 0))
	assert.Equal(t, []string{"widgetTime", "Double", "String collection"}, col(ts[0], 1))
	assert.True(t, strings.HasPrefix(ts[0].Rows[0].Cells[2].Text, "When it ends. By default, in UTC."), ts[0].Rows[0].Cells[2].Text)
	assert.Equal(t, 11, ts[0].Rows[1].Pos.Line)

	// Prose that is not followed by a row ends the table.
	bs = parse("Update widget\n\nRequest body\n\nProperty Type Description\nsize Int32 The size.\n\nThe following example shows a request.\nAnd more words here.\n")
	ts = tables(bs)
	require.Len(t, ts, 1)
	assert.Len(t, ts[0].Rows, 1)
	assert.Equal(t, "The size.", ts[0].Rows[0].Cells[2].Text)
}

func TestRowLike(t *testing.T) {
	for _, l := range []string{"size Int32 The size.", "labels String collection", "parts microsoft.graph.part collection", "owner identitySet Who.", "@odata.type String The type.", "n Collection(Edm.String) x"} {
		assert.True(t, rowLike(l), l)
	}
	for _, l := range []string{"By default, in UTC.", "This example specifies February.", "true if the widget is on.", "size", "the widget String"} {
		assert.False(t, rowLike(l), l)
	}
}

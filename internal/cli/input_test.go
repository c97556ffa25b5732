package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/parser/form"
)

// resourcePage is a minimal resource page in markdown.
func resourcePage(name string) string {
	return "# " + name + " resource type\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| a | String | A. |\n"
}

// TestWalkReadsEveryForm: a directory walk reads a page of every extension
// of the table of forms, and nothing else.
func TestWalkReadsEveryForm(t *testing.T) {
	dir := t.TempDir()
	var want []string
	for _, f := range form.Forms {
		for i, e := range f.Exts {
			name := strings.TrimPrefix(e, ".") + string(rune('a'+i))
			src := resourcePage(name)
			switch f.Format {
			case form.Text:
				src = name + " resource type\nProperties\nProperty | Type | Description |\n---|---|---|\na | String | A. |\n"
			case form.HTML:
				src = "<html><body><h1>" + name + " resource type</h1><h2>Properties</h2><table><tr><th>Property</th><th>Type</th><th>Description</th></tr><tr><td>a</td><td>String</td><td>A.</td></tr></table></body></html>"
			}
			require.NoError(t, os.WriteFile(filepath.Join(dir, name+e), []byte(src), 0o644))
			want = append(want, "microsoft.graph."+name)
		}
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.json"), []byte(resourcePage("json")), 0o644))
	code, stdout, stderr := docgen("ir", dir)
	require.Equal(t, 0, code, stderr)
	for _, n := range want {
		assert.Contains(t, stdout, `"name": "`+n+`"`)
	}
	assert.NotContains(t, stdout, "microsoft.graph.json", "a .json file is not a page")
}

// TestUsageNamesEveryExtension keeps the usage text in step with the table.
func TestUsageNamesEveryExtension(t *testing.T) {
	_, _, usage := docgen()
	for _, f := range form.Forms {
		for _, e := range f.Exts {
			assert.Contains(t, usage, e)
		}
	}
}

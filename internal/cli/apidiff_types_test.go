package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// typePage is a resource page of the type name with properties
// ("name|Type" rows).
func typePage(name string, props ...string) string {
	var b strings.Builder
	b.WriteString("---\ntitle: \"" + name + " resource type\"\ndoc_type: resourcePageType\n---\n\n# " + name + " resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n")
	for _, p := range props {
		n, typ, _ := strings.Cut(p, "|")
		b.WriteString("| " + n + " | " + typ + " | The " + n + ". |\n")
	}
	return b.String()
}

func writePages(t *testing.T, dir string, pages map[string]string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for n, data := range pages {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), []byte(data), 0o644))
	}
}

// TestAPIDiffTypes: apidiff -types reports only on the selection and what
// it needs, on either side, and -fail-on judges only that: widget needs
// part (the type of its property); gadget is used by nobody here.
func TestAPIDiffTypes(t *testing.T) {
	t.Chdir(t.TempDir())
	writePages(t, "old", map[string]string{
		"widget.md": typePage("widget", "size|Int32", "part|[part](part.md)"),
		"part.md":   typePage("part", "label|String"),
		"gadget.md": typePage("gadget", "height|Int32", "width|Int32"),
	})
	writePages(t, "new", map[string]string{
		"widget.md": typePage("widget", "size|Int32", "part|[part](part.md)"),
		"part.md":   typePage("part", "label|String", "weight|Int32"),
		"gadget.md": typePage("gadget", "height|Int32"), // width removed: breaking
		"thing.md":  typePage("thing", "name|String"),
	})
	code, stdout, stderr := docgen("apidiff", "-fail-on", "breaking", "old", "new")
	assert.Equal(t, 1, code, "gadget lost a property:\n%s%s", stdout, stderr)
	assert.Contains(t, stdout, "microsoft.graph.gadget.width: property removed")

	code, stdout, stderr = docgen("apidiff", "-fail-on", "breaking", "-types", "widget", "old", "new")
	assert.Equal(t, 0, code, "nothing the selection needs broke:\n%s%s", stdout, stderr)
	assert.Equal(t, "additive: microsoft.graph.part.weight: property added (Edm.Int32) (new/part.md:15:3)\n"+
		"1 change: 0 breaking, 1 additive, 0 info (old: 3 pages, new: 4 pages)\n", stdout)
	assert.Empty(t, stderr)
	code, _, _ = docgen("apidiff", "-fail-on", "any", "-types", "widget", "old", "new")
	assert.Equal(t, 1, code, "-fail-on any: the additive change in part counts")

	// A name known on one side only: the type was added (or removed).
	code, stdout, _ = docgen("apidiff", "-fail-on", "breaking", "-types", "thing,#microsoft.graph.gadget", "old", "new")
	assert.Equal(t, 1, code)
	assert.Contains(t, stdout, "additive: microsoft.graph.thing: complex type added")
	assert.Contains(t, stdout, "breaking: microsoft.graph.gadget.width: property removed")
	assert.NotContains(t, stdout, "part")
	code, stdout, _ = docgen("apidiff", "-fail-on", "breaking", "-types", "thing", "new", "old")
	assert.Equal(t, 1, code)
	assert.Contains(t, stdout, "breaking: microsoft.graph.thing: complex type removed")

	// Known on neither side: a usage error, as for generate.
	code, _, stderr = docgen("apidiff", "-types", "widgt,nothing", "old", "new")
	assert.Equal(t, 2, code)
	assert.Equal(t, "docgen: apidiff: unknown type \"widgt\"; did you mean widget, gadget?\ndocgen: apidiff: unknown type \"nothing\"; did you mean thing?\n", stderr)
}

package form

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTable(t *testing.T) {
	seen := map[string]Format{}
	for _, f := range Forms {
		assert.NotEmpty(t, f.Exts, "%s has no extension", f.Format)
		assert.NotEmpty(t, f.MediaTypes, "%s has no media type", f.Format)
		for _, e := range f.Exts {
			prev, dup := seen[e]
			assert.False(t, dup, "%s is the extension of %s and %s", e, prev, f.Format)
			seen[e] = f.Format
			got, ok := ByExt("dir/page" + e)
			assert.True(t, ok, e)
			assert.Equal(t, f.Format, got.Format, e)
			assert.Equal(t, "dir/page", TrimExt("dir/page"+e))
		}
		for _, m := range f.MediaTypes {
			got, ok := ByMediaType(m)
			assert.True(t, ok, m)
			assert.Equal(t, f.Format, got.Format, m)
		}
	}
}

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      Format
	}{
		{"a.MD", "plain", Markdown},
		{"a.xhtml", "plain", HTML},
		{"a.text", "# heading", Text},
		{"a", "\uFEFF  <!DOCTYPE html><html>", HTML},
		{"a", "---\ntitle: x\n---\n", Markdown},
		{"a", "Title\n\n## Properties\n", Markdown},
		{"a.json", "Update thing\n\nHTTP request\n", Text},
	} {
		assert.Equal(t, c.want, Detect(c.name, []byte(c.src)), "%s %q", c.name, c.src)
	}
	_, ok := ByExt("noext")
	assert.False(t, ok)
	assert.Equal(t, "x.json", TrimExt("x.json"))
	assert.Equal(t, "v1.0", TrimExt("v1.0"), "a version folder is no page extension")
}

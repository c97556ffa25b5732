package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docgen-dev/docgen/parser/form"
)

// TestFrontEnds: every form of the table has a parse function, and a page
// named by each of its extensions reaches it.
func TestFrontEnds(t *testing.T) {
	for _, f := range form.Forms {
		assert.NotNil(t, frontEnds[f.Format], "no front end for %s", f.Format)
		for _, e := range f.Exts {
			assert.Equal(t, f.Format, DetectFormat("page"+e, nil), e)
		}
	}
	assert.Len(t, frontEnds, len(form.Forms))
}

package doc

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCollapse(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "\u00a0", "a \nb ", "ab cd ef", "\xff a"} {
		assert.Equal(t, strings.Join(strings.Fields(s), " "), Collapse(s), "%q", s)
	}
}

func TestNormalize(t *testing.T) {
	assert.Equal(t, "a\nb\nc\n", Normalize([]byte("\uFEFFa\r\nb\rc\n")))
	assert.Equal(t, "x\uFFFDy", Normalize([]byte("x\xffy")))
	assert.Equal(t, "plain", Normalize([]byte("plain")))
}

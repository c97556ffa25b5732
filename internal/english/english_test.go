package english

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCount(t *testing.T) {
	assert.Equal(t, "0 pages", Count(0, "page"))
	assert.Equal(t, "1 page", Count(1, "page"))
	assert.Equal(t, "12 more documented paths", Count(12, "more documented path"))
}

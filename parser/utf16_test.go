package parser

import (
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/ir"
)

func encodeUTF16(s string, order binary.ByteOrder) []byte {
	out := []byte{0xFF, 0xFE}
	if order == binary.BigEndian {
		out = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = order.(binary.AppendByteOrder).AppendUint16(out, u)
	}
	return out
}

// TestUTF16Pages: a page saved as UTF-16 with a byte order mark, little or
// big endian, reads as the same page in UTF-8, in each of the three front
// ends; it used to be "binary data".
func TestUTF16Pages(t *testing.T) {
	md := resourcePage("A thing — résumé.", thingProps)
	pages := map[string]string{
		"thing.md":   md,
		"thing.html": "<html><body><h1>thing resource type</h1><p>Namespace: microsoft.graph</p><h2>Properties</h2><table><thead><tr><th>Property</th><th>Type</th><th>Description</th></tr></thead><tbody><tr><td>size</td><td>Int32</td><td>The size — 𝄞.</td></tr></tbody></table></body></html>",
		"thing.txt":  "thing resource type\n\nNamespace: microsoft.graph\n\nProperties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| size | Int32 | The size — 𝄞. |\n",
	}
	for name, text := range pages {
		want, wantDiags := Parse(name, []byte(text))
		require.False(t, wantDiags.HasErrors(), "%s: %v", name, wantDiags)
		require.NotEmpty(t, want.Types, name)
		for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
			got, diags := Parse(name, encodeUTF16(text, order))
			assert.Equal(t, wantDiags, diags, "%s %s", name, order)
			assert.Equal(t, want, got, "%s %s", name, order)
		}
	}
}

// TestUTF16Limits: a truncated UTF-16 page (odd length) is an error at the
// page, and a UTF-16 page whose UTF-8 text is over MaxPageSize is too large.
func TestUTF16Limits(t *testing.T) {
	odd := encodeUTF16(resourcePage("A thing.", thingProps), binary.LittleEndian)
	_, diags := Parse("thing.md", odd[:len(odd)-1])
	require.Len(t, diags, 1)
	assert.Equal(t, ir.SevError, diags[0].Severity)
	assert.Contains(t, diags[0].Message, "odd number of bytes")

	// 3 bytes of UTF-8 for each 2 of UTF-16: under the limit raw, over it decoded.
	big := encodeUTF16(strings.Repeat("—", MaxPageSize/3+1), binary.LittleEndian)
	require.Less(t, len(big), MaxPageSize)
	_, diags = Parse("big.md", big)
	require.Len(t, diags, 1)
	assert.Equal(t, "too-large", diags[0].Code)
}

package parser

import (
	"bytes"
	"encoding/binary"
	"errors"
	"unicode/utf16"
	"unicode/utf8"
)

// fromUTF16 decodes a page saved as UTF-16 (with a byte order mark, as
// Windows tools write "Unicode" text) into UTF-8, for every front end.
// It returns nil for a page that does not start with a UTF-16 byte order
// mark. Unpaired surrogates become U+FFFD; an odd number of bytes is an
// error (a truncated page).
func fromUTF16(src []byte) ([]byte, error) {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		order = binary.LittleEndian
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		order = binary.BigEndian
	default:
		return nil, nil
	}
	src = src[2:]
	if len(src)%2 != 0 {
		return nil, errors.New("UTF-16 page (it starts with a byte order mark) has an odd number of bytes: truncated?")
	}
	units := make([]uint16, len(src)/2)
	for i := range units {
		units[i] = order.Uint16(src[2*i:])
	}
	out := make([]byte, 0, len(src))
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

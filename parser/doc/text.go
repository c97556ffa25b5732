package doc

import (
	"strings"
	"unicode"
)

// Normalize prepares a page's bytes for a front end: it drops a UTF-8 BOM,
// turns CRLF and CR line ends into LF and replaces invalid UTF-8 with
// U+FFFD, so that every front end sees the same lines (and reports the same
// line numbers) whatever editor wrote the page.
func Normalize(src []byte) string {
	s := strings.TrimPrefix(string(src), "\uFEFF")
	if strings.Contains(s, "\r") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// Collapse replaces every run of white space (unicode.IsSpace, so no-break
// spaces too) with one space and trims the ends: the white-space rule of
// Inline.Text. Text that is collapsed already is returned as it is, without
// allocating.
func Collapse(s string) string {
	space := true // at the start, any space is leading space
	for _, r := range s {
		if unicode.IsSpace(r) {
			if space || r != ' ' {
				return strings.Join(strings.Fields(s), " ")
			}
			space = true
		} else {
			space = false
		}
	}
	if space && s != "" { // trailing space
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// inlineElements are the HTML elements that continue the surrounding text
// rather than separating blocks.
var inlineElements = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "big": true,
	"br": true, "cite": true, "code": true, "data": true, "del": true, "dfn": true,
	"em": true, "font": true, "i": true, "img": true, "ins": true, "kbd": true,
	"label": true, "mark": true, "nobr": true, "q": true, "s": true,
	"samp": true, "small": true, "span": true, "strike": true, "strong": true,
	"sub": true, "sup": true, "time": true, "tt": true, "u": true, "var": true,
	"wbr": true,
}

// IsInlineElement reports whether the HTML element name (lower case) is
// inline: it continues the surrounding text and starts no block. A "br" is
// inline, though in extracted text it becomes a space.
func IsInlineElement(name string) bool { return inlineElements[name] }

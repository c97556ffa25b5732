package emit

import (
	"bytes"
	"go/format"
	"strings"
	"testing"
)

// TestWriteDocAsGofmt: writeDoc writes a doc comment as gofmt prints it,
// for text go/doc/comment reads as more than a paragraph (headings, link
// definitions, several paragraphs) and for plain text, which it writes as
// it is.
func TestWriteDocAsGofmt(t *testing.T) {
	for _, paras := range [][]string{
		{"Plain text that wraps " + strings.Repeat("- 1. * ", 30)},
		{"First paragraph.", "Old Style Heading", "Third paragraph."},
		{"First.", "# A heading"},
		{"Links.", "[Graph]: https://graph.microsoft.com/"},
		{"Text [x]: https://e.com " + strings.Repeat("[x]: https://e.com ", 12)},
		{"#hashtag at the start of a word " + strings.Repeat("#x ", 40)},
		{"Quotes ``like this'' become typographic ones."},
	} {
		var b bytes.Buffer
		writeDoc(&b, commentLines(paras...))
		src := "package p\n\n" + b.String() + "func F() {}\n"
		want, err := format.Source([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if string(want) != src {
			t.Errorf("%q:\ngofmt:\n%s\nwriteDoc:\n%s", paras, want, src)
		}
	}
}

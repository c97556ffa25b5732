package lint

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// node is a JSON value with the byte offset where it starts, so that a
// finding can point at the member it is about.
type node struct {
	kind    byte // '{', '[', '"', 'n' (number), 'b' (bool), '0' (null)
	off     int
	members []member
	elems   []*node
	str     string
	num     json.Number
}

type member struct {
	key    string
	keyOff int
	val    *node
}

// maxDepth bounds nesting so a hostile example cannot exhaust the stack.
const maxDepth = 512

var errTooDeep = errors.New("JSON nested too deeply")

// parseJSON parses src into a tree of nodes with offsets.
func parseJSON(src []byte) (*node, error) {
	d := json.NewDecoder(bytes.NewReader(src))
	d.UseNumber()
	p := &jparser{d: d, src: src}
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	off := p.start()
	if _, err := d.Token(); err != io.EOF {
		return nil, &json.SyntaxError{Offset: int64(off)}
	}
	return n, nil
}

// describe explains a parse error from parseJSON.
func describe(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Error() == "" {
		return "unexpected data after the JSON value"
	}
	return err.Error()
}

type jparser struct {
	d   *json.Decoder
	src []byte
}

// start returns the offset of the next token: the decoder's offset after
// skipping white space, commas and colons.
func (p *jparser) start() int {
	off := int(p.d.InputOffset())
	for off < len(p.src) {
		switch p.src[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

func (p *jparser) value(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, errTooDeep
	}
	off := p.start()
	tok, err := p.d.Token()
	if err != nil {
		return nil, err
	}
	n := &node{off: off}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.kind = '{'
			for p.d.More() {
				koff := p.start()
				kt, err := p.d.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.members = append(n.members, member{key: k, keyOff: koff, val: v})
			}
		case '[':
			n.kind = '['
			for p.d.More() {
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.elems = append(n.elems, v)
			}
		}
		if _, err := p.d.Token(); err != nil { // closing delimiter
			return nil, err
		}
	case string:
		n.kind, n.str = '"', t
	case json.Number:
		n.kind, n.num = 'n', t
	case bool:
		n.kind = 'b'
	case nil:
		n.kind = '0'
	}
	return n, nil
}

// lineCol converts a byte offset in src to a 1-based line and column.
func lineCol(src []byte, off int) (line, col int) {
	if off > len(src) {
		off = len(src)
	}
	line = 1 + bytes.Count(src[:off], []byte("\n"))
	col = off - bytes.LastIndexByte(src[:off], '\n')
	return line, col
}

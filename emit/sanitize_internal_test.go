package emit

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// sanitizeReference is sanitize written plainly (a rune map, then
// strings.Fields): the one-pass sanitize must agree with it.
func sanitizeReference(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' || r == '\uFEFF' {
			return ' '
		}
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
	s = strings.ReplaceAll(s, "*/", "* /")
	return strings.Join(strings.Fields(s), " ")
}

// wrapReference is wrap over strings.Fields.
func wrapReference(s string, width int) []string {
	var lines []string
	var cur strings.Builder
	for i, w := range strings.Fields(s) {
		if cur.Len() > 0 && cur.Len()+1+len(w) > width && i != 1 {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

func TestSanitizeAndWrapMatchReference(t *testing.T) {
	inputs := []string{"", " ", "a", " a  b\t\nc ", "*/", "*\u200b/", "a */ b", "x\u00a0y\u2028z\ufeffw", "\u202eevil\u202c", "bad \xff utf8", "//go:generate rm", strings.Repeat("word ", 50)}
	alphabet := []rune{'a', 'b', ' ', '\t', '\n', '*', '/', '\u00a0', '\u200b', '\u2028', '\ufeff', '\u0085', '\u3000', 'é', 0x7f, 0x01}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(120) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	for _, in := range inputs {
		got, want := sanitize(in), sanitizeReference(in)
		if got != want {
			t.Fatalf("sanitize(%q) = %q, want %q", in, got, want)
		}
		for _, width := range []int{1, 10, 76} {
			gl, wl := wrap(got, width), wrapReference(got, width)
			if strings.Join(gl, "\n") != strings.Join(wl, "\n") || len(gl) != len(wl) {
				t.Fatalf("wrap(%q, %d) = %q, want %q", got, width, gl, wl)
			}
		}
	}
}

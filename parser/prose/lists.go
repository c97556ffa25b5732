package prose

import (
	"slices"
	"strconv"
	"strings"
)

// listTriggerRe matches the phrases that introduce a list of values. The
// groups some and partial mark lists the text says are incomplete.
var listTriggerRe = rx(`\b(?:(?P<some>some )|the )?(?:(?P<possible>possible)|valid|supported|allowed|permitted|accepted|acceptable) values?` +
	`(?: (?:are|is|include|includes))?(?P<partial>,? but (?:are )?not limited to,?)?(?: the following)?(?:\s*:)?` +
	`|\b(?:is|be|are) one of(?: the following(?: values)?)?(?:\s*:)?` +
	`|\bone of(?: the following(?: values)?)?\s*:`)

// numberedRe finds where a numbered list may start without an introducing
// phrase: "0 - Not ready, 1 - Ready". The spaces around the dash tell it
// from "32-bit" and "0-100".
var numberedRe = rx(`\b\d+ [-–—] [A-Za-z]`)

// Limits on the free text inside a list item; they keep a failed list from
// being scanned again by the next introducing phrase.
const (
	maxParen = 100 // "a (default)"
	maxDesc  = 200 // "a - means x"
)

// lists sets EnumValues and Numeric from the lists the text contains. Of
// several complete lists, a "possible values" list beats other phrasings
// (the Graph docs generator writes it from the schema; "One of: NONE, LOW"
// next to it is hand-written), then the longest wins, then the first.
func (f *Facts) lists(s, lower string) {
	if !mentions(lower, "value", "one") && !strings.ContainsAny(s, "0123456789") {
		return
	}
	some, partial := listTriggerRe.SubexpIndex("some"), listTriggerRe.SubexpIndex("partial")
	possible := listTriggerRe.SubexpIndex("possible")
	// done is where the lists read so far end. A phrase before it is part
	// of one of them ("a - the valid values are x, b"); skipping it keeps
	// the scan linear.
	sent, bestRank, done := sentences{s: s}, 0, 0
	for _, m := range listTriggerRe.FindAllStringSubmatchIndex(s, -1) {
		if m[0] < done {
			continue
		}
		start := sent.startOf(m[0])
		vals, end, ok := stringList(s, m[1])
		done = end
		if !ok {
			nums, end, ok := numericList(s, m[1], 1)
			done = max(done, end)
			if ok && len(nums) > len(f.Numeric) {
				f.Numeric, f.NumericText = nums, strings.TrimSpace(s[start:end])
			}
			continue
		}
		if m[2*some] >= 0 || m[2*partial] >= 0 || hasEtc(vals) {
			continue
		}
		if vals = slices.DeleteFunc(vals, IsNull); len(vals) == 0 {
			continue
		}
		rank := 1
		if m[2*possible] >= 0 {
			rank = 2
		}
		if rank > bestRank || rank == bestRank && len(vals) > len(f.EnumValues) {
			f.EnumValues, f.EnumText, bestRank = vals, strings.TrimSpace(s[start:end]), rank
		}
	}
	if f.Numeric != nil {
		return
	}
	sent, done = sentences{s: s}, 0
	for _, m := range numberedRe.FindAllStringIndex(s, -1) {
		if m[0] < done {
			continue
		}
		start := sent.startOf(m[0])
		nums, end, ok := numericList(s, m[0], 2)
		if ok && len(nums) > len(f.Numeric) {
			f.Numeric, f.NumericText = nums, strings.TrimSpace(s[start:end])
		}
		done = end
	}
}

// IsNull reports whether v, listed among the values of an enum ("Allowed
// values: `null`, `Minor`, ..."; a members table row "null"), is JSON null:
// the absence of a value, which is no member of the enum.
func IsNull(v string) bool { return strings.EqualFold(v, "null") }

// hasEtc reports whether a list ends in "etc.", which makes it partial.
func hasEtc(vals []string) bool {
	return strings.EqualFold(vals[len(vals)-1], "etc")
}

// stringList reads a list of identifier-like values from s[i:], such as
// "a, b, and c." or "'a' - first, 'b' - second". It returns the values in
// order without duplicates and the end of the list, which includes the
// period that closes it. It fails on anything that is not such a list;
// then end is where the item that is not one starts.
func stringList(s string, i int) (vals []string, end int, ok bool) {
	seen := map[string]bool{}
	for {
		i = skipSpace(s, i)
		v, j, ok := listItem(s, i)
		if !ok {
			return nil, i, false
		}
		if !seen[v] {
			seen[v] = true
			vals = append(vals, v)
		}
		if i, ok = separator(s, j); ok {
			continue
		}
		if end, ok = listEnd(s, j); ok {
			return vals, end, true
		}
		return nil, i, false
	}
}

// listItem reads one value at s[i:]: an identifier, maybe quoted, maybe
// followed by a parenthesis or by a description after a dash or colon.
func listItem(s string, i int) (v string, end int, ok bool) {
	q := quoteLen(s[i:])
	i += q
	j := i
	if j == len(s) || !isLetter(s[j]) {
		return "", 0, false
	}
	for j < len(s) && (isLetter(s[j]) || isDigit(s[j]) || s[j] == '_') {
		j++
	}
	v = s[i:j]
	if q > 0 {
		n := closeQuoteLen(s[j:])
		if n == 0 {
			return "", 0, false
		}
		j += n
	}
	// Whatever is glued to the value makes it something else: "v1.0",
	// "foo-bar", "a/b", "2001:db8::1".
	if j < len(s) && spaceAt(s, j) == 0 && !isSentenceEnd(s, j) && strings.IndexByte(",;:)", s[j]) < 0 {
		return "", 0, false
	}
	k := skipSpace(s, j)
	if k < len(s) && s[k] == '(' {
		c := strings.IndexByte(limit(s[k:], maxParen), ')')
		if c < 0 {
			return "", 0, false
		}
		j = k + c + 1
		k = skipSpace(s, j)
	}
	if n := descMark(s, k); n > 0 {
		j = phraseStop(s, skipSpace(s, k+n), maxDesc)
		if j < 0 {
			return "", 0, false
		}
	}
	return v, j, true
}

// descMark returns the length of a dash, colon or equals sign at s[k:]
// that introduces the description of a value, or 0.
func descMark(s string, k int) int {
	for _, m := range []string{"-", ":", "=", "–", "—"} {
		if strings.HasPrefix(s[k:], m) && (k+len(m) == len(s) || spaceAt(s, k+len(m)) > 0) {
			return len(m)
		}
	}
	return 0
}

// phraseStop returns the index of the comma, semicolon, sentence-ending
// period or end of text that ends the free text at s[i:], or -1 if there is
// none within max bytes.
func phraseStop(s string, i, max int) int {
	for j := i; j < len(s) && j-i <= max; j++ {
		if s[j] == ',' || s[j] == ';' || isSentenceEnd(s, j) {
			return j
		}
	}
	if len(s)-i <= max {
		return len(s)
	}
	return -1
}

// separator reads the separator between two list items at s[j:], after
// white space: a comma or semicolon and/or "or" or "and". It returns the
// index after it.
func separator(s string, j int) (int, bool) {
	k := skipSpace(s, j)
	punct := k < len(s) && (s[k] == ',' || s[k] == ';')
	if punct {
		k = skipSpace(s, k+1)
	}
	for _, w := range []string{"or", "and"} {
		if hasWordAt(s, k, w) {
			return k + len(w), true
		}
	}
	return k, punct
}

// listEnd reports whether the list ends at s[j:]: at the end of the text,
// at the period that ends the sentence, at a closing parenthesis or at an
// "Inherited from" the documentation appends without a period.
func listEnd(s string, j int) (int, bool) {
	k := skipSpace(s, j)
	switch {
	case k == len(s), k < len(s) && s[k] == ')':
		return k, true
	case isSentenceEnd(s, k):
		return k + 1, true
	case k > j && hasPrefixFold(s[k:], "inherited from "):
		return j, true
	}
	return 0, false
}

// numericList reads a numbered list such as "0 - Not Ready, 1 - Ready" at
// s[i:] with at least min entries. If there is none, end is where the
// entry that is not one starts: no list starts before it either.
func numericList(s string, i, min int) (nums []NumericValue, end int, ok bool) {
	for {
		i = skipSpace(s, i)
		j := i
		if j < len(s) && s[j] == '-' {
			j++
		}
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		n, err := strconv.ParseInt(s[i:j], 10, 64)
		if err != nil {
			return nil, i, false
		}
		k := skipSpace(s, j)
		mark := descMark(s, k)
		if mark == 0 {
			// "0=Off" and "1: On" have no space before the text.
			if k < len(s) && strings.IndexByte("-=:", s[k]) >= 0 {
				mark = 1
			} else {
				return nil, i, false
			}
		}
		k = skipSpace(s, k+mark)
		if k == len(s) || !isLetter(s[k]) {
			return nil, i, false
		}
		j = phraseStop(s, k, maxDesc)
		if j < 0 {
			return nil, i, false
		}
		nums = append(nums, NumericValue{Value: n, Name: strings.TrimSpace(s[k:j])})
		if i, ok = separator(s, j); ok {
			continue
		}
		if end, ok = listEnd(s, j); ok && len(nums) >= min {
			return nums, end, true
		}
		return nil, i, false
	}
}

// sentences finds where the sentence around an offset starts. The offsets
// it is asked about must not decrease, which keeps the scan linear.
type sentences struct {
	s          string
	pos, start int
}

func (c *sentences) startOf(i int) int {
	for ; c.pos < i; c.pos++ {
		if isSentenceEnd(c.s, c.pos) {
			c.start = c.pos + 1
		}
	}
	return c.start
}

// isSentenceEnd reports whether s[j] is a period, question or exclamation
// mark followed by white space or the end of the text.
func isSentenceEnd(s string, j int) bool {
	return j < len(s) && strings.IndexByte(".!?", s[j]) >= 0 && (j+1 == len(s) || spaceAt(s, j+1) > 0)
}

// closeQuoteLen returns the length of the closing quotation mark at the
// start of v, or 0.
func closeQuoteLen(v string) int {
	for _, q := range []string{`'`, `"`, "”", "’"} {
		if strings.HasPrefix(v, q) {
			return len(q)
		}
	}
	return 0
}

// hasWordAt reports whether the word w (any case) is at s[k:], followed by
// white space.
func hasWordAt(s string, k int, w string) bool {
	return hasPrefixFold(s[k:], w) && spaceAt(s, k+len(w)) > 0
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// limit returns at most the first n bytes of s.
func limit(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

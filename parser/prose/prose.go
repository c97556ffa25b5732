// Package prose extracts facts from the free-text description of a property
// in the Microsoft Graph documentation: the values of an enumeration, numeric
// ranges, length, size and count limits, read-only, required and nullable markers,
// default values and the base type a property is inherited from.
//
// The input is the plain text of a description cell (markdown markup already
// removed). Every fact keeps the exact span of the input it came from, so
// that a lint can quote it. Analyze runs in time linear in the length of its
// input: it uses Go's RE2 regular expressions and scanners that stop at the
// end of the phrase they read.
package prose

import (
	"regexp"
	"strings"
)

// Facts are what a description says about a property. Every extracted fact
// keeps the exact text span it came from, so a lint can explain itself.
// The zero value means the description says nothing.
type Facts struct {
	// EnumValues are the string values of a complete list such as
	// "Possible values are: a, b, c.", in order and deduplicated. Partial
	// lists ("Some possible values are a or b.") are never used.
	EnumValues []string
	// EnumText is the sentence the values came from.
	EnumText string

	// Numeric is a list of numbered values such as
	// "0 - Not Ready, 1 - Ready, 2 - Processing"; it is not a string enum.
	Numeric []NumericValue
	// NumericText is the span the numbered values came from.
	NumericText string

	// Bounds are the limits the text states, in text order: numeric
	// ranges ("Valid values 0 to 1440", "between -90 and +90"), lengths
	// ("Maximum length is 1,024 characters"), sizes in bytes and item
	// counts ("This collection can contain a maximum of 500 elements"),
	// each as read, with the doubts it raises. Which of them a property
	// checks is for Rules to decide.
	Bounds []Bound

	// ReadOnly is set by "Read-only.", "This property is read-only." and the like.
	ReadOnly     bool
	ReadOnlyText string

	// Required is set by "Required.", "This property is required." or
	// "Required on create."; conditional phrasings ("Required if ...") do not count.
	Required     bool
	RequiredText string

	// Nullable is what "Nullable." or "Not nullable." says; nil if neither is said.
	Nullable     *bool
	NullableText string

	// Default is the default value the text states, unquoted ("FALSE" for
	// "Default value is FALSE."), and DefaultText the phrase that states it.
	Default     string
	DefaultText string

	// InheritedFrom is the type named by "Inherited from x" (the name only),
	// and InheritedText the phrase.
	InheritedFrom string
	InheritedText string
}

// NumericValue is one entry of a numbered list: "1 - Ready" is {1, "Ready"}.
type NumericValue struct {
	Value int64
	Name  string
}

// Analyze extracts the facts a property description states.
func Analyze(description string) Facts {
	var f Facts
	// Patterns run only on texts that mention their key words, which
	// makes the common description that states nothing cheap.
	s, lower := description, strings.ToLower(description)
	f.lists(s, lower)
	f.bounds(s, lower)
	f.flags(s, lower)
	if mentions(lower, "default") {
		f.defaults(s)
	}
	if !mentions(lower, "inherited") {
		return f
	}
	if m := inheritedRe.FindStringSubmatchIndex(s); m != nil {
		f.InheritedFrom, f.InheritedText = s[m[2]:m[3]], s[m[0]:m[1]]
	}
	return f
}

// mentions reports whether the lower-case text contains any of words.
func mentions(lower string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// rx compiles a case-insensitive pattern in which a literal space stands for
// one or more white-space characters, including no-break spaces. Patterns
// must therefore not put a space in a character class.
func rx(pattern string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)` + strings.ReplaceAll(pattern, " ", `[\s\x{a0}]+`))
}

// Building blocks of the patterns below.
const (
	// sentenceStart matches where a sentence or a parenthesis begins.
	sentenceStart = `(?:^|[.;!?]\s+|\(\s*)`
	// phraseEnd matches what may follow a flag: the end of the text,
	// punctuation, or a new sentence that lacks its period ("Read-only Inherited from x").
	phraseEnd = `(?:$|\s*[.,;:)]|\s+(?-i:[A-Z]))`
	// subject is what a description calls the property it describes.
	subject = `(?:this|it|the) (?:(?:property|field|value|attribute|parameter) )?`
	// onCreate qualifies "required" without making it conditional.
	onCreate = `(?: (?:on|for|when|during|at) (?:create|creation|creating|insert|post))?`
)

var (
	readOnlyRes = []*regexp.Regexp{
		rx(sentenceStart + `(?P<t>read(?:-| )only(?: (?:property|field|attribute))?)` + phraseEnd),
		rx(`\b(?P<t>` + subject + `is (?:always )?read(?:-| )only)\b`),
	}
	requiredRes = []*regexp.Regexp{
		rx(sentenceStart + `(?P<t>required` + onCreate + `)` + phraseEnd),
		rx(`\b(?P<t>` + subject + `is (?:always )?required` + onCreate + `)` + phraseEnd),
	}
	nullableRes = []*regexp.Regexp{
		rx(sentenceStart + `(?P<t>(?P<neg>not |non-?)?nullable)` + phraseEnd),
		rx(`\b(?P<t>` + subject + `is (?P<neg>not )?nullable)\b`),
		rx(sentenceStart + `(?P<t>(?:` + subject + `)?(?:(?P<neg>cannot|can't|can not|must not|may not)|can|may) be null)\b`),
	}
	defaultRes = []*regexp.Regexp{
		rx(`\b(?P<t>(?:the )?default(?: value)?(?: is|\s*[:=])\s*(?P<v>` + valuePattern + `))`),
		rx(`(?:^|[.;!?]\s+|\b(?:it|this property|this value|this field) )(?P<t>defaults to\s*(?P<v>` + valuePattern + `))`),
	}
	// valuePattern is a quoted string or a single unquoted token.
	valuePattern = `'[^']{1,100}'|"[^"]{1,100}"|“[^”]{1,100}”|‘[^’]{1,100}’|[\w+\-.:/]+`
	inheritedRe  = rx(`\binherited from (` + identPath + `)`)
	identPath    = `[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*`
)

// flags sets ReadOnly, Required and Nullable.
func (f *Facts) flags(s, lower string) {
	if !mentions(lower, "read", "requir", "null") {
		return
	}
	if t, _, ok := firstMatch(s, readOnlyRes); ok {
		f.ReadOnly, f.ReadOnlyText = true, t
	}
	if t, _, ok := firstMatch(s, requiredRes); ok {
		f.Required, f.RequiredText = true, t
	}
	if t, neg, ok := firstMatch(s, nullableRes); ok {
		v := !neg
		f.Nullable, f.NullableText = &v, t
	}
}

// firstMatch finds the leftmost match of any of res (the earlier pattern
// wins a tie). It returns the text of the match's group t and whether its
// group neg matched.
func firstMatch(s string, res []*regexp.Regexp) (text string, neg, ok bool) {
	var best []int
	var bestRe *regexp.Regexp
	for _, re := range res {
		if m := re.FindStringSubmatchIndex(s); m != nil && (best == nil || m[0] < best[0]) {
			best, bestRe = m, re
		}
	}
	if best == nil {
		return "", false, false
	}
	t, n := bestRe.SubexpIndex("t"), bestRe.SubexpIndex("neg")
	return s[best[2*t]:best[2*t+1]], n >= 0 && best[2*n] >= 0, true
}

// defaults sets Default from the first phrase that states a value.
func (f *Facts) defaults(s string) {
	var best []int
	var bestRe *regexp.Regexp
	for _, re := range defaultRes {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			v := re.SubexpIndex("v")
			if best != nil && m[0] >= best[0] {
				break
			}
			if _, _, ok := defaultValue(s, m[2*v], m[2*v+1]); ok {
				best, bestRe = m, re
				break
			}
		}
	}
	if best != nil {
		t, v := bestRe.SubexpIndex("t"), bestRe.SubexpIndex("v")
		value, end, _ := defaultValue(s, best[2*v], best[2*v+1])
		f.Default, f.DefaultText = value, s[best[2*t]:end]
	}
}

// defaultValue unquotes the value s[i:j] of a default phrase and returns
// where it ends without a period that ends the sentence. The value must end
// the phrase: "Default is any address." states no value, nor does "The
// default value is empty.".
func defaultValue(s string, i, j int) (string, int, bool) {
	v := s[i:j]
	if n := quoteLen(v); n > 0 {
		v = strings.TrimSpace(v[n : len(v)-n])
	} else if strings.HasSuffix(v, ".") && (j == len(s) || spaceAt(s, j) > 0) {
		v, j = v[:len(v)-1], j-1
	}
	if v == "" || strings.EqualFold(v, "empty") {
		return "", j, false
	}
	return v, j, endsPhrase(s, j)
}

// endsPhrase reports whether the text at s[i:] ends a phrase: the end of
// the text, punctuation, or a new sentence that lacks its period.
func endsPhrase(s string, i int) bool {
	j := skipSpace(s, i)
	if j == len(s) {
		return true
	}
	switch c := s[j]; {
	case strings.IndexByte(".,;:)", c) >= 0:
		return true
	case j > i && 'A' <= c && c <= 'Z':
		return true
	}
	return false
}

// quoteLen returns the length in bytes of the quotation mark v starts
// with, or 0.
func quoteLen(v string) int {
	for _, q := range []string{`'`, `"`, "“", "‘"} {
		if strings.HasPrefix(v, q) {
			return len(q)
		}
	}
	return 0
}

// spaceAt returns the length of the white-space character at s[i], or 0.
// A no-break space (U+00A0) counts as white space.
func spaceAt(s string, i int) int {
	switch {
	case i >= len(s):
		return 0
	case s[i] == ' ' || '\t' <= s[i] && s[i] <= '\r':
		return 1
	case strings.HasPrefix(s[i:], "\u00a0"):
		return 2
	}
	return 0
}

// skipSpace returns the index of the first byte at or after i that does
// not start a white-space character.
func skipSpace(s string, i int) int {
	for n := spaceAt(s, i); n > 0; n = spaceAt(s, i) {
		i += n
	}
	return i
}

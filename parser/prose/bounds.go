package prose

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Building blocks of the bound patterns.
const (
	// num is a number as the documentation writes it: a sign (ASCII or
	// U+2212 MINUS SIGN), thousands separators ("65,535", "10,000,000"),
	// decimals and an exponent ("1.79769313486232E+308"). A group of
	// digits starts with 1-9 so that "0,100" is no thousands number.
	num = `[-+−]?(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[-+]?\d+)?`
	// whole is a whole number, with or without thousands separators.
	whole = `(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)`
	dash  = `\s*(?:to|through|-|–|—)\s*`
	// unit is an optional word after a number that makes the bound a
	// length, a size in bytes or a count rather than a numeric range.
	// "strings" counts the items of a collection ("Maximum size of this
	// collection is 1000 strings").
	unit = `(?: (?P<unit>characters?|chars?|bytes?|elements?|items?|entries|entry|values?|strings)\b)?`
)

// boundKind says which side of a bound a pattern states.
type boundKind int

const (
	both    boundKind = iota // groups lo and hi
	lower                    // group n is the minimum
	upper                    // group n is the maximum
	exact                    // group n is both
	keyword                  // group kw (min, max, less, more, ...) says which side n is
)

// boundRule is a pattern that states a bound.
type boundRule struct {
	re   *regexp.Regexp
	kind boundKind
	// needUnit makes the rule count only with a unit: "up to 60 seconds"
	// states nothing, "up to 60 characters" a maximum length.
	needUnit bool
	// bare lets a needUnit rule without a unit state a numeric bound
	// when the number ends the phrase ("at most 1,024."); a number
	// followed by any other word ("up to 60 seconds", "up to 100
	// objects") still states nothing.
	bare bool
	// length makes the bound a string length even without a unit ("max
	// length 256"); a unit of bytes makes it a size in bytes.
	length bool
	// words are lower-case words one of which the text must contain for
	// the rule to match.
	words []string
}

var boundRules = []boundRule{
	// Valid values 0 to 1440; Valid values are 1-1440; Valid range: 5-1440;
	// Valid input range (0-100); in the range 0-100; ranging from 0 to 90 inclusive.
	{re: rx(`\b(?:(?:valid|supported|permitted|allowed|accepted|acceptable) (?:input )?(?:values?|range)|rang(?:e|es|ing))` +
		`(?: (?:is|are|of|from))*\s*:?\s*\(?(?P<lo>` + num + `)` + dash + `(?P<hi>` + num + `)\)?` + unit + `(?:,? inclusive)?`), kind: both, words: []string{"valu", "rang"}},
	// between 1 and 100; between -90 and +90 inclusive; between 1 and 64 characters.
	{re: rx(`\bbetween (?P<lo>` + num + `) and (?P<hi>` + num + `)` + unit + `(?:,? inclusive)?`), kind: both, words: []string{"between"}},
	// from 300 to 3600 inclusive.
	{re: rx(`\bfrom (?P<lo>` + num + `) to (?P<hi>` + num + `)` + unit + `,? inclusive`), kind: both, words: []string{"from"}},
	// can be from 1 to 5; must be set from 60 to 3000; values from 0 to 10.
	// A bare "from 60 to 3000" may tell a change ("increased from 60 to
	// 3000"), so it counts only after words that state what the value may be.
	{re: rx(`\b(?:values?|(?:can|must|should|may) be(?: set)?)(?: (?:is|are))? from (?P<lo>` + num + `)` + dash + `(?P<hi>` + num + `)` + unit + `(?:,? inclusive)?`), kind: both, words: []string{"from"}},
	// from 1 through 5 ("through" states a range whatever comes before).
	{re: rx(`\bfrom (?P<lo>` + num + `) through (?P<hi>` + num + `)` + unit + `(?:,? inclusive)?`), kind: both, words: []string{"through"}},
	// 1 to 64 characters; 16-64 characters.
	{re: rx(`\b(?P<lo>` + whole + `)` + dash + `(?P<hi>` + whole + `)` + unit), kind: both, needUnit: true, words: units},
	// minimum 1, maximum 24; maximum value is 10; a maximum of 500 elements.
	{re: rx(`\b(?P<kw>min|minimum|max|maximum)(?: (?:value|allowed|permitted))?(?: (?:is|of))?\s*[:=]?\s*(?P<n>` + num + `)` + unit), kind: keyword, words: []string{"min", "max"}},
	// max length 256; Maximum length is 1,024 characters; Maximum length:
	// 256 characters; The maximum length of the company name is 64
	// characters; maximum allowed length is 10.
	{re: rx(`\b(?P<kw>min|minimum|max|maximum)(?: (?:allowed|permitted|supported))? (?:string )?length` +
		`(?: of (?:the |this |a |an )?(?:[A-Za-z]+ ){0,3}?)?(?: (?:is|of))?\s*[:=]?\s*(?P<n>` + num + `)` + unit), kind: keyword, length: true, words: []string{"length"}},
	// The maximum allowed size is 1024 characters; Maximum size of this
	// collection is 1000 strings. A size is a length or a count only
	// with its unit.
	{re: rx(`\b(?P<kw>min|minimum|max|maximum)(?: (?:allowed|permitted|supported))? size(?: of (?:the |this |a |an )?(?:collection|array|list|string|value))?` +
		`(?: (?:is|of))?\s*[:=]?\s*(?P<n>` + num + `)` + unit), kind: keyword, needUnit: true, words: []string{"size"}},
	// up to 128 characters; can be no more than 15 characters; cannot
	// exceed 50 characters; at most 1,024.
	{re: rx(`\b(?:up to|no more than|not more than|at most|limited to|(?:cannot|can not|can't|must not|should not|may not|not to|does not|doesn't) exceed) (?P<n>` + num + `)` + unit), kind: upper, needUnit: true, bare: true, words: []string{"up", "more", "most", "exceed", "limited"}},
	// at least 8 characters.
	{re: rx(`\b(?:at least|no less than|no fewer than|not less than|not fewer than) (?P<n>` + num + `)` + unit), kind: lower, needUnit: true, bare: true, words: []string{"least", "less", "fewer"}},
	// a limit of 250 characters; each with a limit of 250 characters.
	{re: rx(`\blimit of (?P<n>` + num + `)` + unit), kind: upper, needUnit: true, words: []string{"limit"}},
	// 512 character limit; a 64-character limit.
	{re: rx(`\b(?P<n>` + whole + `)(?: |-)(?P<unit>characters?|chars?|bytes?) limit\b`), kind: upper, needUnit: true, words: []string{"limit"}},
	// 40 characters or less; 256 characters max.
	{re: rx(`\b(?P<n>` + whole + `)` + unit + ` (?:or )?(?P<kw>less|fewer|more|greater|max|maximum|min|minimum)\b`), kind: keyword, needUnit: true, words: units},
	// exactly 6 characters.
	{re: rx(`\bexactly (?P<n>` + whole + `)` + unit), kind: exact, needUnit: true, words: []string{"exactly"}},
}

// units are the words that start the units of a length, a size or a count.
var units = []string{"char", "byte", "element", "item", "entr", "value", "strings"}

// Measure is what a bound limits.
type Measure int

// Measures.
const (
	Value  Measure = iota // a number
	Length                // the length of a string, in characters
	Bytes                 // a size in bytes
	Items                 // the number of items of a collection
)

func (m Measure) String() string {
	switch m {
	case Length:
		return "a length in characters"
	case Bytes:
		return "a size in bytes"
	case Items:
		return "a number of items"
	}
	return "a numeric value"
}

// Bound is one limit a description states, as read: what it limits, its
// inclusive minimum and maximum (nil when the text leaves that side open),
// and the exact text it came from. Doubt, when not empty, says why the
// text, though it reads as a bound, is not to be trusted as one.
type Bound struct {
	Measure  Measure
	Min, Max *float64
	Text     string
	Doubt    string
}

// bound is one stated bound, before it joins the others.
type bound struct {
	Bound
	start, end int
	keyword    bool // from a lone "minimum N" or "maximum N"
}

// bounds sets Bounds. Where patterns overlap, the one that starts first
// (or is listed first) wins.
func (f *Facts) bounds(s, lower string) {
	if !strings.ContainsAny(s, "0123456789") {
		return
	}
	var bs []bound
	for _, r := range boundRules {
		if !mentions(lower, r.words...) {
			continue
		}
		for _, m := range r.re.FindAllStringSubmatchIndex(s, -1) {
			if b, ok := r.bound(s, m); ok {
				bs = append(bs, b)
			}
		}
	}
	sort.SliceStable(bs, func(i, j int) bool { return bs[i].start < bs[j].start })
	bl := boundList{s: s, seen: map[boundKey]bool{}}
	end := 0
	for _, b := range bs {
		if b.start < end {
			continue
		}
		end = b.end
		if b.Doubt == "" {
			if label := entryLabel(s[max(0, b.start-64):b.start]); label != "" {
				b.Doubt = "it follows the list entry \"" + label + "\", so it may limit that entry rather than the property"
			}
		}
		bl.add(b)
	}
	f.Bounds = bl.list
}

// bound interprets match m of rule r.
func (r boundRule) bound(s string, m []int) (bound, bool) {
	group := func(name string) (string, int) {
		i := r.re.SubexpIndex(name)
		if i < 0 || m[2*i] < 0 {
			return "", -1
		}
		return s[m[2*i]:m[2*i+1]], m[2*i+1]
	}
	b := bound{start: m[0], end: m[1]}
	u, _ := group("unit")
	switch u = strings.ToLower(u); {
	case strings.HasPrefix(u, "char"):
		b.Measure = Length
	case strings.HasPrefix(u, "byte"):
		b.Measure = Bytes
	case u != "":
		b.Measure = Items
	case r.length:
		b.Measure = Length
	case r.needUnit && !r.bare:
		return b, false
	}
	if r.length && b.Measure != Length && b.Measure != Bytes {
		return b, false // "max length 5 items"
	}
	// last is the end of the last number, which must not run on into
	// something else: "60s", "2020-01-01", "10.0.1".
	last := 0
	number := func(name string) *float64 {
		t, end := group(name)
		last = end
		if v, ok := parseNumber(t); ok {
			return &v
		}
		// Beyond float64: "1.79769313486232E+308", .NET's Double.MaxValue
		// rounded up, means no bound.
		return nil
	}
	switch r.kind {
	case both:
		b.Min, b.Max = number("lo"), number("hi")
		if b.Min != nil && b.Max != nil && *b.Min > *b.Max {
			b.Doubt = "its minimum is above its maximum"
		}
	case lower:
		b.Min = number("n")
	case upper:
		b.Max = number("n")
	case exact:
		b.Min = number("n")
		b.Max = b.Min
	case keyword:
		kw, _ := group("kw")
		if n := number("n"); isUpper(kw) {
			b.Max = n
		} else {
			b.Min = n
		}
		b.keyword = b.Measure == Value
		// "a maximum of 10 apps" counts something this package cannot name.
		if w := nextWord(s, last); b.keyword && w != "" && !isUpperCase(w[0]) && !isMeasure(w) {
			return b, false
		}
	}
	if r.needUnit && u == "" && nextWord(s, last) != "" {
		return b, false // "up to 60 seconds", "up to 100 objects"
	}
	if b.Min == nil && b.Max == nil {
		return b, false
	}
	if gluedAfter(s, last) {
		// "1,02", "1,0245", "1,2,3": digits that run on after a number
		// with commas are no thousands groups, and the bound cannot be
		// read. Anything else glued on ("60s", "2020-01-01", "10.0.1")
		// makes the number something other than a bound.
		if !isDigit(s[last]) && s[last] != ',' {
			return b, false
		}
		k := last
		for k < len(s) && (isDigit(s[k]) || s[k] == ',' && k+1 < len(s) && isDigit(s[k+1])) {
			k++
		}
		b.end = k
		b.Text = s[b.start:b.end]
		b.Doubt = "the number runs on into \"" + s[last:k] + "\": digits after a comma that are no thousands group"
		return b, true
	}
	if b.Measure != Value {
		for _, n := range []*float64{b.Min, b.Max} {
			if n != nil && (*n < 0 || *n > math.MaxInt32 || *n != math.Trunc(*n)) && b.Doubt == "" {
				b.Doubt = "a length or a count must be a whole number between 0 and 2147483647"
			}
		}
	}
	b.Text = s[b.start:b.end]
	return b, true
}

// entryLabel returns the label of a list entry that ends where a bound
// starts ("String - " before "256 characters maximum", in "Following
// values are supported: Binary - 256 bytes maximum, String - 256
// characters maximum"), or "".
func entryLabel(before string) string {
	if m := entryLabelRe.FindStringSubmatch(before); m != nil {
		return m[1] + " " + m[2]
	}
	return ""
}

var entryLabelRe = regexp.MustCompile(`(?:^|[\s(,;])([A-Za-z][A-Za-z0-9_.]*)[\s\x{a0}]+([-–—])[\s\x{a0}]+$`)

// gluedAfter reports whether the number ending at s[i] runs on into
// something else.
func gluedAfter(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if isLetter(s[i]) || isDigit(s[i]) {
		return true
	}
	return strings.IndexByte(".:/-,", s[i]) >= 0 && i+1 < len(s) && isDigit(s[i+1])
}

// nextWord returns the word of letters after the white space at s[i:].
func nextWord(s string, i int) string {
	k := skipSpace(s, i)
	if k == i {
		return ""
	}
	j := k
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	return s[k:j]
}

// isMeasure reports whether w is a unit of measure that may follow a bound
// on a number.
func isMeasure(w string) bool {
	switch strings.ToLower(w) {
	case "", "inclusive", "and", "or", "if", "when", "for", "per", "in",
		"ms", "millisecond", "milliseconds", "second", "seconds", "minute", "minutes", "hour", "hours",
		"day", "days", "week", "weeks", "month", "months", "year", "years",
		"percent", "degree", "degrees", "kb", "mb", "gb", "tb", "byte", "bytes":
		return true
	}
	return false
}

// isUpper reports whether the keyword of a bound states a maximum.
func isUpper(kw string) bool {
	switch strings.ToLower(kw) {
	case "max", "maximum", "less", "fewer":
		return true
	}
	return false
}

func isUpperCase(c byte) bool { return 'A' <= c && c <= 'Z' }

// boundList collects the bounds of a text in order.
type boundList struct {
	s    string
	list []Bound
	seen map[boundKey]bool
	// start and end delimit the text of the last bound, and keyword says
	// whether it was a lone "minimum N" or "maximum N".
	start, end int
	keyword    bool
}

// boundKey identifies a bound by what it limits and its values.
type boundKey struct {
	measure        Measure
	min, max       float64
	hasMin, hasMax bool
	doubt          string
}

// add appends b. A lone maximum right after a lone minimum ("minimum 1,
// maximum 24") completes it; a bound that repeats an earlier one ("Valid
// values are 0-1440. ... Valid values 0 to 1440") is dropped.
func (bl *boundList) add(b bound) {
	if n := len(bl.list); n > 0 && b.keyword && bl.keyword && b.Doubt == "" && adjacent(bl.s[bl.end:b.start]) {
		prev := bl.list[n-1]
		if prev.Min == nil && b.Min != nil && b.Max == nil && prev.Max != nil && *b.Min <= *prev.Max {
			prev.Min = b.Min
		} else if prev.Max == nil && b.Max != nil && b.Min == nil && prev.Min != nil && *prev.Min <= *b.Max {
			prev.Max = b.Max
		}
		if prev.Min != nil && prev.Max != nil {
			delete(bl.seen, key(bl.list[n-1]))
			prev.Text = bl.s[bl.start:b.end]
			if bl.seen[key(prev)] {
				bl.list = bl.list[:n-1]
			} else {
				bl.list[n-1] = prev
				bl.seen[key(prev)] = true
			}
			bl.end, bl.keyword = b.end, false
			return
		}
	}
	if bl.seen[key(b.Bound)] {
		return
	}
	bl.seen[key(b.Bound)] = true
	bl.list = append(bl.list, b.Bound)
	bl.start, bl.end, bl.keyword = b.start, b.end, b.keyword && b.Doubt == ""
}

func key(b Bound) boundKey {
	k := boundKey{measure: b.Measure, doubt: b.Doubt}
	if b.Min != nil {
		k.min, k.hasMin = *b.Min, true
	}
	if b.Max != nil {
		k.max, k.hasMax = *b.Max, true
	}
	return k
}

// adjacent reports whether the text between two bounds joins them into
// one phrase: "minimum 1, maximum 24", "a minimum of 1 and a maximum of 24".
func adjacent(gap string) bool {
	if len(gap) > 16 {
		return false
	}
	gap = strings.ToLower(strings.Join(strings.Fields(strings.Trim(gap, " ,;")), " "))
	switch gap {
	case "", "and", "and a", "a":
		return true
	}
	return false
}

// parseNumber parses a number as the documentation writes it, such as
// "-2147483648", "+180", "−90", "65,535" or "1.79769313486232E+308".
func parseNumber(t string) (float64, bool) {
	t = strings.ReplaceAll(strings.TrimPrefix(t, "+"), ",", "")
	if rest, ok := strings.CutPrefix(t, "−"); ok {
		t = "-" + rest
	}
	v, err := strconv.ParseFloat(t, 64)
	return v, err == nil && !math.IsInf(v, 0)
}

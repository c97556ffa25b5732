package prose

import (
	"math"
	"regexp"
	"sort"
	"strings"
)

// Building blocks of the bound patterns.
const (
	num  = `[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?`
	dash = `\s*(?:to|through|-|–|—)\s*`
	// unit is an optional word after a number that makes the bound a
	// length or a count rather than a numeric range.
	unit = `(?: (?P<unit>characters?|chars?|elements?|items?|entries|entry|values?))?`
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
	// length makes the bound a string length even without a unit ("max length 256").
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
	// 1 to 64 characters.
	{re: rx(`\b(?P<lo>\d+)` + dash + `(?P<hi>\d+)` + unit), kind: both, needUnit: true, words: units},
	// minimum 1, maximum 24; maximum value is 10; a maximum of 500 elements.
	{re: rx(`\b(?P<kw>min|minimum|max|maximum)(?: (?:value|allowed|permitted))?(?: (?:is|of))?\s*[:=]?\s*(?P<n>` + num + `)` + unit), kind: keyword, words: []string{"min", "max"}},
	// max length 256; Maximum length is 100 characters.
	{re: rx(`\b(?P<kw>min|minimum|max|maximum) (?:string )?length(?: (?:is|of))?\s*[:=]?\s*(?P<n>\d+)` + unit), kind: keyword, length: true, words: []string{"length"}},
	// up to 128 characters; can be no more than 15 characters; cannot exceed 50 characters.
	{re: rx(`\b(?:up to|no more than|not more than|at most|limited to|(?:cannot|can not|can't|must not|should not|may not|not to|does not|doesn't) exceed) (?P<n>\d+)` + unit), kind: upper, needUnit: true, words: []string{"up", "more", "most", "exceed", "limited"}},
	// at least 8 characters.
	{re: rx(`\b(?:at least|no less than|no fewer than|not less than|not fewer than) (?P<n>\d+)` + unit), kind: lower, needUnit: true, words: []string{"least", "less", "fewer"}},
	// 40 characters or less; 256 characters max.
	{re: rx(`\b(?P<n>\d+)` + unit + ` (?:or )?(?P<kw>less|fewer|more|greater|max|maximum|min|minimum)\b`), kind: keyword, needUnit: true, words: units},
	// exactly 6 characters.
	{re: rx(`\bexactly (?P<n>\d+)` + unit), kind: exact, needUnit: true, words: []string{"exactly"}},
}

// units are the words that start the units of a length or a count.
var units = []string{"char", "element", "item", "entr", "value"}

// What a bound limits.
type target int

const (
	value  target = iota // a number
	length               // the length of a string
	items                // the size of a collection
)

// bound is one stated bound, before it becomes a fact.
type bound struct {
	start, end int
	lo, hi     *float64
	target     target
	keyword    bool // from a lone "minimum N" or "maximum N"
}

// bounds sets Ranges and the length and count limits. Where patterns
// overlap, the one that starts first (or is listed first) wins.
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
	rs := rangeSet{s: s, seen: map[rangeKey]bool{}}
	end := 0
	for _, b := range bs {
		if b.start < end {
			continue
		}
		end = b.end
		text := s[b.start:b.end]
		switch b.target {
		case length:
			setBound(&f.MinLength, b.lo, text)
			setBound(&f.MaxLength, b.hi, text)
		case items:
			setBound(&f.MinItems, b.lo, text)
			setBound(&f.MaxItems, b.hi, text)
		default:
			rs.add(b)
		}
	}
	f.Ranges = rs.list
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
		b.target = length
	case u != "":
		b.target = items
	case r.needUnit:
		return b, false
	case r.length:
		b.target = length
	}
	if r.length && b.target != length {
		return b, false
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
		b.lo, b.hi = number("lo"), number("hi")
		if b.lo != nil && b.hi != nil && *b.lo > *b.hi {
			return b, false
		}
	case lower:
		b.lo = number("n")
	case upper:
		b.hi = number("n")
	case exact:
		b.lo = number("n")
		b.hi = b.lo
	case keyword:
		kw, _ := group("kw")
		if n := number("n"); isUpper(kw) {
			b.hi = n
		} else {
			b.lo = n
		}
		b.keyword = b.target == value
		// "a maximum of 10 apps" counts something this package cannot name.
		if w := nextWord(s, last); b.keyword && w != "" && !isUpperCase(w[0]) && !isMeasure(w) {
			return b, false
		}
	}
	if b.lo == nil && b.hi == nil || gluedAfter(s, last) {
		return b, false
	}
	return b, true
}

// gluedAfter reports whether the number ending at s[i] runs on into
// something else.
func gluedAfter(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if isLetter(s[i]) || isDigit(s[i]) {
		return true
	}
	return strings.IndexByte(".:/-", s[i]) >= 0 && i+1 < len(s) && isDigit(s[i+1])
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

// setBound sets *p to n with its text, unless the text already set it or
// n is no count.
func setBound(p **Bound, n *float64, text string) {
	if n == nil || *p != nil || *n < 0 || *n > math.MaxInt32 || *n != math.Trunc(*n) {
		return
	}
	*p = &Bound{N: int(*n), Text: text}
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

// rangeSet collects the numeric ranges of a text in order.
type rangeSet struct {
	s    string
	list []Range
	seen map[rangeKey]bool
	// start and end delimit the text of the last range, and keyword says
	// whether it was a lone "minimum N" or "maximum N".
	start, end int
	keyword    bool
}

// rangeKey identifies a range by its bounds.
type rangeKey struct {
	min, max       float64
	hasMin, hasMax bool
}

// add appends the numeric range b. A lone maximum right after a lone
// minimum ("minimum 1, maximum 24") completes it; a range that repeats an
// earlier one ("Valid values are 0-1440. ... Valid values 0 to 1440") is
// dropped.
func (rs *rangeSet) add(b bound) {
	if n := len(rs.list); n > 0 && b.keyword && rs.keyword && adjacent(rs.s[rs.end:b.start]) {
		prev := rs.list[n-1]
		if prev.Min == nil && b.lo != nil && b.hi == nil && prev.Max != nil && *b.lo <= *prev.Max {
			prev.Min = b.lo
		} else if prev.Max == nil && b.hi != nil && b.lo == nil && prev.Min != nil && *prev.Min <= *b.hi {
			prev.Max = b.hi
		}
		if prev.Min != nil && prev.Max != nil {
			delete(rs.seen, key(rs.list[n-1]))
			prev.Text = rs.s[rs.start:b.end]
			if rs.seen[key(prev)] {
				rs.list = rs.list[:n-1]
			} else {
				rs.list[n-1] = prev
				rs.seen[key(prev)] = true
			}
			rs.end, rs.keyword = b.end, false
			return
		}
	}
	r := Range{Min: b.lo, Max: b.hi, Text: rs.s[b.start:b.end]}
	if rs.seen[key(r)] {
		return
	}
	rs.seen[key(r)] = true
	rs.list = append(rs.list, r)
	rs.start, rs.end, rs.keyword = b.start, b.end, b.keyword
}

func key(r Range) rangeKey {
	var k rangeKey
	if r.Min != nil {
		k.min, k.hasMin = *r.Min, true
	}
	if r.Max != nil {
		k.max, k.hasMax = *r.Max, true
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

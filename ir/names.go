package ir

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// GoIdent turns a documentation name into an exported Go identifier: the
// first letter upper-cased, characters that cannot appear in an identifier
// dropped (word boundaries upper-cased), and an "X" prefix when the result
// would not start with a letter. It never returns an empty string.
func GoIdent(name string) string {
	var b strings.Builder
	upper := true
	for _, r := range name {
		switch {
		case r == '_' && b.Len() > 0:
			b.WriteRune(r)
			upper = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if r > unicode.MaxASCII && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				continue
			}
			if upper {
				r = unicode.ToUpper(r)
				upper = false
			}
			b.WriteRune(r)
		default:
			upper = b.Len() > 0
		}
	}
	s := b.String()
	if s == "" {
		return "X"
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		// a digit, or a letter with no upper case: make it exported.
		s = "X" + s
	}
	return s
}

// fieldInitialisms are word endings that Go style writes in capitals.
var fieldInitialisms = []struct{ from, to string }{
	{"Ids", "IDs"}, {"Id", "ID"}, {"Urls", "URLs"}, {"Url", "URL"}, {"Uris", "URIs"}, {"Uri", "URI"},
}

// GoFieldName is GoIdent plus Go initialisms for a trailing Id/Url/Uri word
// ("deviceId" → "DeviceID", "roleScopeTagIds" → "RoleScopeTagIDs").
func GoFieldName(name string) string {
	s := GoIdent(name)
	for _, in := range fieldInitialisms {
		if strings.HasSuffix(s, in.from) {
			head := s[:len(s)-len(in.from)]
			if head == "" || !unicode.IsUpper(rune(head[len(head)-1])) {
				return head + in.to
			}
		}
	}
	return s
}

// nameSet hands out unique identifiers within one Go scope. A taken name
// maps to the next suffix worth trying for it, so that claiming one name n
// times costs O(n), not O(n²), on hostile input full of colliding names.
type nameSet map[string]int

func newNameSet(reserved ...string) nameSet {
	s := nameSet{}
	for _, r := range reserved {
		s[r] = 2
	}
	return s
}

// claim returns want if it is free, else want_2, want_3, ...; and whether it
// had to rename.
func (s nameSet) claim(want string) (string, bool) {
	next := s[want]
	if next == 0 {
		s[want] = 2
		return want, false
	}
	// Names are only ever added, so every want_i below next is taken.
	for i := next; ; i++ {
		c := want + "_" + strconv.Itoa(i)
		if s[c] == 0 {
			s[c] = 2
			s[want] = i + 1
			return c, true
		}
	}
}

// free reports whether c and every name derived(c) returns are unclaimed.
func (s nameSet) free(c string, derived func(string) []string) bool {
	if s[c] != 0 {
		return false
	}
	for _, d := range derived(c) {
		if s[d] != 0 {
			return false
		}
	}
	return true
}

// claimWith claims want, else want_2, want_3, ..., choosing the first
// candidate that is free together with every name derived(candidate)
// returns, and claims those too: the emitters declare derived names
// ("<Enum>Values", "New<Op>Request", ...) without asking, so a documented
// name must never take one of them first.
func (s nameSet) claimWith(want string, derived func(string) []string) (string, bool) {
	free := func(c string) bool { return s.free(c, derived) }
	take := func(c string) {
		s[c] = 2
		for _, d := range derived(c) {
			s[d] = 2
		}
	}
	if free(want) {
		take(want)
		return want, false
	}
	next := max(s[want], 2)
	// Every candidate below next was taken, or had a derived name taken;
	// names are only ever added, so they still are.
	for i := next; ; i++ {
		c := want + "_" + strconv.Itoa(i)
		if free(c) {
			if s[want] != 0 {
				s[want] = i + 1
			}
			take(c)
			return c, true
		}
	}
}

// Names derived from the Go names Resolve settles. Resolve claims each
// together with the name it derives from, so that no documented name can
// take it; package emit declares them. Both call these functions, so the
// two cannot drift apart.

// BodyName is the request body type of the operation named op.
func BodyName(op string) string { return op + "Body" }

// BodyFromChangesName is the function building op's body from two models.
func BodyFromChangesName(op string) string { return op + "BodyFromChanges" }

// HandlerName is the fake-server handler constructor of op.
func HandlerName(op string) string { return "Handle" + op }

// RequestBuilderName is the request builder of the path named path.
func RequestBuilderName(path string) string { return "New" + path + "Request" }

// EnumValuesName is the function listing the documented members of enum.
func EnumValuesName(enum string) string { return enum + "Values" }

// FlagsConstructorName is the function joining members of a flags enum.
func FlagsConstructorName(enum string) string { return "New" + enum }

package ir

import (
	"go/token"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Go names. Every identifier docgen emits is made here, from words: Words
// splits a documentation name, and GoIdent and goLocal join the words in Go
// style, writing each word that is an initialism in capitals. Resolve
// (names, below) settles every name once; emitters never re-case.

// initialisms are the words Go style writes in capitals: the default list
// of staticcheck's ST1003 (honnef.co/go/tools v0.8.2, config.DefaultConfig),
// which is the list Go reviewers apply.
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "DNS": true,
	"EOF": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true,
	"IP": true, "JSON": true, "QPS": true, "RAM": true, "RPC": true, "SLA": true,
	"SMTP": true, "SQL": true, "SSH": true, "TCP": true, "TLS": true, "TTL": true,
	"UDP": true, "UI": true, "GID": true, "UID": true, "UUID": true, "URI": true,
	"URL": true, "UTF8": true, "VM": true, "XML": true, "XMPP": true, "XSRF": true,
	"XSS": true, "SIP": true, "RTP": true, "AMQP": true, "DB": true, "TS": true,
}

// Words splits a documentation name into its words: at every character
// that is not a letter or a digit, before an upper-case letter that
// follows a lower-case letter or a digit ("deviceId", "o365Pro"), and
// before the last capital of a run that goes on in lower case
// ("EAPConfiguration" is EAP, Configuration). Digits stay with the word
// they follow ("windows10", "Sha256").
func Words(name string) []string {
	var out []string
	rs := []rune(name)
	start := -1
	flush := func(i int) {
		if start >= 0 {
			out = append(out, string(rs[start:i]))
			start = -1
		}
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start >= 0 && unicode.IsUpper(r) {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				flush(i)
			}
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(rs))
	return out
}

// goWord is one word as Go writes it inside an identifier: an initialism
// in capitals ("Id" → "ID", "Urls" → "URLs"), anything else with its first
// letter upper-cased and the rest as documented ("EAP", "Pkcs").
func goWord(w string) string {
	u := strings.ToUpper(w)
	if initialisms[u] {
		return u
	}
	if n := len(w); n > 2 && w[n-1] == 's' && len(u) == n && initialisms[u[:n-1]] {
		return u[:n-1] + "s"
	}
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

// joinWords writes words as one identifier. An underscore is kept only
// between two digits, where dropping it would merge two numbers
// ("sha_256_128" → "Sha256_128", as staticcheck's ST1003 also writes it).
func joinWords(words []string, exported bool) string {
	var b strings.Builder
	last := rune(0)
	for i, w := range words {
		g := goWord(w)
		if i == 0 && !exported {
			g = lowerWord(g)
		}
		first, _ := utf8.DecodeRuneInString(g)
		if unicode.IsDigit(last) && unicode.IsDigit(first) {
			b.WriteByte('_')
		}
		b.WriteString(g)
		last, _ = utf8.DecodeLastRuneInString(g)
	}
	return b.String()
}

// lowerWord is the first word of an unexported identifier: an acronym
// all in lower case ("ID" → "id", "IDs" → "ids", "EAP" → "eap"), any other
// word with its first letter lowered.
func lowerWord(w string) string {
	if strings.ToUpper(w) == w || strings.ToUpper(strings.TrimSuffix(w, "s"))+"s" == w {
		return strings.ToLower(w)
	}
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToLower(r)) + w[size:]
}

// GoIdent turns a documentation name into an exported Go identifier (see
// Words and goWord): "deviceId" → "DeviceID", "payloadJson" →
// "PayloadJSON", "macOSPkcsCertificateProfile" →
// "MacOSPkcsCertificateProfile". A name that would not start with an
// upper-case letter gets an "X" in front ("1abc" → "X1abc"). It never
// returns an empty string.
func GoIdent(name string) string {
	s := joinWords(Words(name), true)
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		s = "X" + s
	}
	return s
}

// goLocal turns a documentation name into an unexported Go identifier,
// such as a parameter name: "mobileAppId" → "mobileAppID", "id" → "id".
// A name that would not start with a letter gets an "x" in front.
func goLocal(name string) string {
	s := joinWords(Words(name), false)
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(first) {
		s = "x" + s
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

// claim returns want if it is free, else want2, want3, ... (V4_0_2 after a
// digit), as ST1003 writes a number on a name; and whether it had to
// rename. Only documented names that collide after Go casing (or
// with a reserved name) come to a number: docgen's own names say what
// tells them apart in words first.
func (s nameSet) claim(want string) (string, bool) {
	return s.claimWith(want, nil)
}

// free reports whether c and every name derived(c) returns are unclaimed.
func (s nameSet) free(c string, derived func(string) []string) bool {
	if s[c] != 0 {
		return false
	}
	if derived != nil {
		for _, d := range derived(c) {
			if s[d] != 0 {
				return false
			}
		}
	}
	return true
}

// claimWith claims want, else want2, want3, ... (see claim), choosing the first
// candidate that is free together with every name derived(candidate)
// returns, and claims those too: the emitters declare derived names
// ("<Enum>Values", "Handle<Op>", ...) without asking, so a documented
// name must never take one of them first.
func (s nameSet) claimWith(want string, derived func(string) []string) (string, bool) {
	take := func(c string) {
		s[c] = 2
		if derived != nil {
			for _, d := range derived(c) {
				s[d] = 2
			}
		}
	}
	if s.free(want, derived) {
		take(want)
		return want, false
	}
	next := max(s[want], 2)
	// Every candidate below next was taken, or had a derived name taken;
	// names are only ever added, so they still are.
	for i := next; ; i++ {
		c := want + strconv.Itoa(i)
		if last, _ := utf8.DecodeLastRuneInString(want); unicode.IsDigit(last) {
			c = want + "_" + strconv.Itoa(i) // V4_0_2, not V4_02
		}
		if s.free(c, derived) {
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

// HandlerName is the fake-server handler constructor of op.
func HandlerName(op string) string { return "Handle" + op }

// EnumValuesName is the function listing the documented members of enum.
func EnumValuesName(enum string) string { return enum + "Values" }

// FlagsConstructorName is the function joining members of a flags enum.
func FlagsConstructorName(enum string) string { return "New" + enum }

// names assigns Go identifiers, once, so emitters never re-case anything.
func (r *resolver) names(s *Spec, opts ResolveOptions) {
	global := newNameSet(opts.Reserved...)
	claim := func(want string, pos Pos, what string) string {
		got, renamed := global.claim(want)
		if renamed {
			r.diags.Warnf(pos, "name-collision", "%s: Go name %s is taken; using %s", what, want, got)
		}
		return got
	}
	for i := range s.Types {
		t := &s.Types[i]
		t.GoName = claim(TypeGoName(t.Name), t.Pos, t.Name)
	}
	// A property of a structured type may hold a derived type, possibly one
	// no page given documents: such types get a wrapper that decodes by
	// "@odata.type" and keeps what it does not know.
	used := map[string]bool{}
	for _, t := range s.Types {
		for _, p := range t.Properties {
			used[p.Type.Name] = true
		}
	}
	for i := range s.Types {
		t := &s.Types[i]
		if len(t.Derived) > 0 || used[t.Name] {
			t.AnyGoName = claim("Any"+t.GoName, t.Pos, t.Name)
			t.KindGoName = claim(t.GoName+"Kind", t.Pos, t.Name)
		}
	}
	// claimWith claims a name together with the names the emitters derive
	// from it (see package emit), so that no documented name can collide
	// with them.
	claimWith := func(want string, pos Pos, what string, derived func(string) []string) string {
		got, renamed := global.claimWith(want, derived)
		if renamed {
			r.diags.Warnf(pos, "name-collision", "%s: Go name %s or one derived from it is taken; using %s", what, want, got)
		}
		return got
	}
	for i := range s.Enums {
		e := &s.Enums[i]
		e.GoName = claimWith(TypeGoName(e.Name), e.Pos, e.Name, func(c string) []string {
			return []string{EnumValuesName(c), FlagsConstructorName(c)}
		})
	}
	for i := range s.Enums {
		e := &s.Enums[i]
		for j := range e.Members {
			m := &e.Members[j]
			m.GoName = claim(joinWords(append([]string{e.GoName}, Words(m.Name)...), true), m.Pos, e.Name+"."+m.Name)
		}
	}
	for i := range s.Types {
		t := &s.Types[i]
		fields := newNameSet(opts.StructReserved...)
		for j := range t.Properties {
			p := &t.Properties[j]
			want := GoIdent(p.Name)
			got, renamed := fields.claim(want)
			if renamed {
				r.diags.Warnf(p.Pos, "name-collision", "%s.%s: Go field name %s is taken; using %s", t.Name, p.Name, want, got)
			}
			p.GoName = got
		}
	}
	paramReserved := map[string]bool{}
	for _, n := range opts.ParamReserved {
		paramReserved[n] = true
	}
	opNames := operationNames(s.Operations)
	for i := range s.Operations {
		o := &s.Operations[i]
		n := opNames[i]
		o.GoName = claimWith(n.name(), o.Pos, "operation "+o.Name, func(c string) []string {
			return opDerivedNames(o.Kind, c)
		})
		alts := n.pathNames(o)
		for j := range o.Paths {
			p := &o.Paths[j]
			if j == 0 {
				p.GoName = o.GoName
			} else {
				p.GoName = claimPath(global, alts[j-1], pathDerivedNames(o.Kind))
				if p.GoName != alts[j-1][0] && len(alts[j-1]) == 1 {
					r.diags.Warnf(p.Pos, "name-collision", "path %s: Go name %s is taken; using %s", p.Template, alts[j-1][0], p.GoName)
				}
			}
			p.ParamGoNames = paramNames(p, paramReserved)
		}
	}
}

// claimPath claims the first free name of wants (the preferred name, then
// the ones that say more), or the first with a number.
func claimPath(global nameSet, wants []string, derived func(string) []string) string {
	for _, w := range wants {
		if global.free(w, derived) {
			got, _ := global.claimWith(w, derived)
			return got
		}
	}
	got, _ := global.claimWith(wants[0], derived)
	return got
}

// paramNames are the Go parameter names of p's parameters: the documented
// name in Go style ("mobileAppId" → "mobileAppID", "{id | userPrincipalName}"
// → "idOrUserPrincipalName"). A name the path uses twice is told apart by
// the collection each keys ("/users/{id}/things/{id}": usersID, thingsID),
// and where that is the same collection too, the later ones by the
// collection above ("/conditions/{conditionId}/statements/{statementId}/conditions/{conditionId}":
// conditionID, statementsConditionID). A name that is a keyword or one the
// request functions already use (reserved) gets a trailing underscore.
func paramNames(p *Path, reserved map[string]bool) []string {
	params := newNameSet()
	count := map[string]int{}
	for _, prm := range p.Params {
		count[prm]++
	}
	segs := paramSegments(p.Template)
	seg := func(i int) string {
		if i >= 0 && i < len(segs) {
			return segs[i]
		}
		return ""
	}
	var out []string
	for i, prm := range p.Params {
		name := strings.ReplaceAll(prm, "|", " or ")
		if count[prm] > 1 {
			first := slicesIndex(p.Params, prm)
			switch {
			case seg(i) != "" && !sameSegments(p.Params, segs, prm):
				name = seg(i) + " " + name // usersID, thingsID
			case i != first && seg(i-1) != "":
				name = seg(i-1) + " " + name // statementsConditionID
			}
		}
		want := goLocal(name)
		if token.IsKeyword(want) || reserved[want] {
			want += "_"
		}
		got, _ := params.claim(want)
		out = append(out, got)
	}
	return out
}

// sameSegments reports whether every use of the parameter prm in a path
// follows the same segment.
func sameSegments(params, segs []string, prm string) bool {
	seen := ""
	for i, q := range params {
		if q != prm || i >= len(segs) {
			continue
		}
		if seen != "" && segs[i] != seen {
			return false
		}
		seen = segs[i]
	}
	return true
}

func slicesIndex(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// paramSegments returns, for each "{param}" of template in order, the path
// segment before it ("things" in "/things/{id}"), or "" when there is none.
func paramSegments(template string) []string {
	var out []string
	for rest := template; ; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			return out
		}
		before := strings.TrimRight(rest[:i], `'"`)
		if k := strings.LastIndexAny(before, "(,"); k >= 0 && strings.HasSuffix(before, "=") {
			before = before[:k] // "things(id='{id}')": the key's name is no segment
		}
		before = strings.TrimRight(before, "/(,=")
		seg := before[strings.LastIndexAny(before, "/(,")+1:]
		out = append(out, seg)
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return out
		}
		rest = rest[i+j+1:]
	}
}

func shortName(qualified string) string {
	if i := strings.LastIndex(qualified, "."); i >= 0 {
		return qualified[i+1:]
	}
	return qualified
}

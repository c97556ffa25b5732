package ir

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Operation and path names.
//
// An operation is named after its verb and its entity: "Update
// mobileThreatDefenseConnector" is UpdateMobileThreatDefenseConnector; an
// action or function ("assign action", POST .../mobileApps/{mobileAppId}/assign,
// or in the modern docs "mobileApp: assign") after its own name and the
// entity it is bound to: AssignMobileApp,
// CreateTokenForAndroidDeviceOwnerEnrollmentProfile, GetMobileAppCount (the
// entity is left out when the action's name already says it, and loses
// leading words when Handle<Op> would be longer than MaxComposedName).
//
// The first documented path of an operation carries the operation's name;
// every other path adds "Via" and the fewest of its segments that tell it
// apart from the operation's other paths: UpdateEventViaGroups for
// /groups/{id}/events/{id} beside /me/events/{id}. A name that would still
// be longer than MaxComposedName shortens those segments to their fewest
// leading words that still tell the paths apart, then leaves out leading
// words of the entity ("DeviceManagement..."), whose last words are the
// specific ones.

// MaxComposedName is the longest identifier docgen composes from
// documented names where it can choose the words.
const MaxComposedName = 80

// opName is an operation's name in parts: the verb ("Update", "Assign",
// "CreateTokenFor") and the Go words of its entity.
type opName struct {
	verb   string
	entity []string
}

func (n opName) name() string { return concat(append([]string{n.verb}, n.entity...)...) }

// crudVerbs are the page-title verbs of the standard operations.
var crudVerbs = map[string]bool{"get": true, "list": true, "create": true, "update": true, "delete": true}

// nameOperation splits o's name into verb and entity: from a title
// "<Verb> <entity>", from the path of an action or function (a title
// ending in "action" or "function"), or else the title's first word and
// the rest.
func nameOperation(o *Operation) opName {
	f := strings.Fields(o.Name)
	last := ""
	if len(f) > 0 {
		last = strings.ToLower(f[len(f)-1])
	}
	if entity, action, ok := strings.Cut(o.Name, ":"); ok && len(strings.Fields(entity)) == 1 && len(strings.Fields(action)) == 1 {
		// The modern docs' "user: sendMail": the entity, then the action.
		return exported(boundName(strings.TrimSpace(action), strings.TrimSpace(entity)))
	}
	switch {
	case len(f) == 2 && crudVerbs[strings.ToLower(f[0])]:
		return exported(opName{verb: goWord(strings.ToLower(f[0])), entity: goWords(f[1])})
	case len(f) >= 2 && (last == "action" || last == "function") && len(o.Paths) > 0:
		if n, ok := actionName(o.Paths[0].Template); ok {
			return exported(n)
		}
	}
	w := goWords(o.Name)
	if len(w) == 0 {
		return opName{verb: "X"}
	}
	return exported(opName{verb: w[0], entity: w[1:]})
}

// exported makes n start with an upper-case letter.
func exported(n opName) opName {
	if r, _ := utf8.DecodeRuneInString(n.verb); !unicode.IsUpper(r) {
		n.verb = "X" + n.verb
	}
	return n
}

// actionName names the action or function that template's last segment
// calls after it and the entity it is bound to: the segment before it, a
// key "{mobileAppId}" naming the entity (mobileApp) or following its
// collection, a type cast, a collection or a singleton.
func actionName(template string) (opName, bool) {
	segs := strings.Split(strings.Trim(template, "/"), "/")
	action := segmentWord(segs[len(segs)-1])
	if action == "" {
		return opName{}, false
	}
	entity := ""
	if n := len(segs); n >= 2 {
		b := segs[n-2]
		if k := strings.IndexByte(b, '{'); k == 0 {
			key := strings.Trim(b, "{}")
			if l := len(key); l > 2 && strings.EqualFold(key[l-2:], "id") {
				entity = key[:l-2]
			} else if n >= 3 {
				// One item of the collection: "/managedDevices/{id}/wipe".
				entity = singular(segmentWord(segs[n-3]))
			}
		} else {
			entity = segmentWord(b)
		}
	}
	return boundName(action, entity), true
}

// boundName names an action bound to entity: the action's name and the
// entity's, which is left out when the action's name already says it
// (getMobileAppCount on mobileApps); an action of more than one word
// (createToken) gets "For" before the entity, which would otherwise run
// into its object.
func boundName(action, entity string) opName {
	a, e := goWords(action), goWords(entity)
	joinedA, joinedE := strings.Join(a, ""), strings.Join(e, "")
	if len(e) == 0 || strings.Contains(joinedA, joinedE) || strings.Contains(joinedA, singular(joinedE)) {
		return opName{verb: joinedA}
	}
	n := opName{verb: joinedA, entity: e}
	if len(a) > 1 {
		n.verb += "For"
	}
	// Leave out leading words of the entity, whose last words are the
	// specific ones, until the names derived from n fit (Handle<Op>).
	for len(n.entity) > 1 && len(HandlerName(n.name())) > MaxComposedName {
		n.entity = n.entity[1:]
	}
	return n
}

// singular strips a regular English plural: for telling whether an
// action's name already names its entity ("getMobileAppCount" on
// mobileApps), and for naming the one item a key selects in a collection.
func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies"):
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "sses"), strings.HasSuffix(s, "xes"), strings.HasSuffix(s, "ches"), strings.HasSuffix(s, "shes"):
		return s[:len(s)-2]
	case strings.HasSuffix(s, "ss"):
		return s
	case strings.HasSuffix(s, "s"):
		return s[:len(s)-1]
	}
	return s
}

// segmentWord is the name a path segment contributes: the segment without
// its key or parameters ("things(id='{id}')" → "things"), a type cast's
// or a bound function's short name ("microsoft.graph.iosVppApp" →
// "iosVppApp"), "$value" without its "$"; "" for a parameter.
func segmentWord(seg string) string {
	if i := strings.IndexByte(seg, '('); i >= 0 {
		seg = seg[:i]
	}
	if strings.ContainsAny(seg, "{}") {
		return ""
	}
	if i := strings.LastIndexByte(seg, '.'); i >= 0 {
		seg = seg[i+1:]
	}
	return strings.TrimLeft(seg, "$")
}

// segmentWords are the named segments of template, in order.
func segmentWords(template string) []string {
	var out []string
	for _, s := range strings.Split(strings.Trim(template, "/"), "/") {
		if w := segmentWord(s); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// goWords are the words of a documentation name as Go writes them.
func goWords(name string) []string {
	ws := Words(name)
	for i, w := range ws {
		ws[i] = goWord(w)
	}
	return ws
}

// concat joins Go words into one identifier, with an underscore only
// between two digits (see joinWords).
func concat(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(b.String())
		first, _ := utf8.DecodeRuneInString(p)
		if unicode.IsDigit(last) && unicode.IsDigit(first) {
			b.WriteByte('_')
		}
		b.WriteString(p)
	}
	return b.String()
}

// pathNames returns, for each path of o after the first, the names it may
// take, best first: the Via name of the fewest segments that differ, then
// shortened forms when that is longer than MaxComposedName (see the top
// of this file), then the full form again. Resolve takes the first that is
// free.
func (n opName) pathNames(o *Operation) [][]string {
	if len(o.Paths) < 2 {
		return nil
	}
	words := make([][]string, len(o.Paths))
	for i, p := range o.Paths {
		words[i] = segmentWords(p.Template)
	}
	out := make([][]string, 0, len(o.Paths)-1)
	for k := 1; k < len(o.Paths); k++ {
		out = append(out, n.pathCandidates(words, k))
	}
	return out
}

func (n opName) pathCandidates(words [][]string, k int) []string {
	wk := words[k]
	var others [][]string
	for j, w := range words {
		if j != k {
			others = append(others, w)
		}
	}
	ctx := distinguishing(wk, others)
	full := n.via(n.entity, contextName(ctx))
	if len(full) <= MaxComposedName || len(ctx) == 0 {
		return []string{full}
	}
	short := contextName(shortenContext(ctx, wk, others))
	var out []string
	if s := n.via(n.entity, short); len(s) <= MaxComposedName {
		out = append(out, s)
	}
	// Leave out leading words of the entity, fewest first.
	for t := 1; t < len(n.entity); t++ {
		if s := n.via(n.entity[t:], short); len(s) <= MaxComposedName {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		out = append(out, n.via(n.entity[max(len(n.entity)-1, 0):], short))
	}
	return append(out, full)
}

func (n opName) via(entity []string, context string) string {
	if context == "" {
		return n.name()
	}
	return concat(append(append([]string{n.verb}, entity...), "Via", context)...)
}

// contextName joins segment words (each a list of words) into the part
// after "Via".
func contextName(ctx [][]string) string {
	var parts []string
	for _, c := range ctx {
		parts = append(parts, c...)
	}
	return concat(parts...)
}

// distinguishing returns the fewest segments of wk (as Go words, in path
// order) such that every other path lacks at least one of them: a greedy
// hitting set, preferring the segment that tells the most paths apart,
// then the shorter, then the later one (nearer the entity). Paths whose
// segments include all of wk's cannot be told apart by wk's segments;
// their own names say what they add. With none to choose from, the
// segments not common to all paths are used, or all of wk's.
func distinguishing(wk []string, others [][]string) [][]string {
	var sets [][]string
	for _, wj := range others {
		var d []string
		for _, w := range wk {
			if !slices.Contains(wj, w) && !slices.Contains(d, w) {
				d = append(d, w)
			}
		}
		if len(d) > 0 {
			sets = append(sets, d)
		}
	}
	var chosen []string
	for len(sets) > 0 {
		best, bestHits := "", 0
		for i := len(wk) - 1; i >= 0; i-- {
			w := wk[i]
			if slices.Contains(chosen, w) {
				continue
			}
			hits := 0
			for _, d := range sets {
				if slices.Contains(d, w) {
					hits++
				}
			}
			if hits > bestHits || hits == bestHits && hits > 0 && len(w) < len(best) {
				best, bestHits = w, hits
			}
		}
		chosen = append(chosen, best)
		sets = slices.DeleteFunc(sets, func(d []string) bool { return slices.Contains(d, best) })
	}
	if len(chosen) == 0 {
		for _, w := range wk {
			common := true
			for _, wj := range others {
				common = common && slices.Contains(wj, w)
			}
			if !common {
				chosen = append(chosen, w)
			}
		}
	}
	if len(chosen) == 0 {
		chosen = slices.Clone(wk)
	}
	var out [][]string
	for _, w := range wk {
		if slices.Contains(chosen, w) {
			out = append(out, goWords(w))
			chosen = slices.DeleteFunc(chosen, func(c string) bool { return c == w })
		}
	}
	return out
}

// shortenContext cuts each segment of ctx to its fewest leading words that
// still tell wk apart from every other path it can be told apart from: a
// cut segment tells a path apart when none of that path's segments starts
// with the same words.
func shortenContext(ctx [][]string, wk []string, others [][]string) [][]string {
	cut := slices.Clone(ctx)
	var relevant [][]string
	for _, wj := range others {
		if !subset(wk, wj) {
			relevant = append(relevant, wj)
		}
	}
	ok := func(c [][]string) bool {
		for _, wj := range relevant {
			told := false
			for i := range c {
				told = told || tellsApart(c[i], len(c[i]) == len(ctx[i]), ctx[i], wj)
			}
			if !told {
				return false
			}
		}
		return true
	}
	for i := range cut {
		for n := 1; n < len(ctx[i]); n++ {
			try := slices.Clone(cut)
			try[i] = ctx[i][:n]
			if ok(try) {
				cut = try
				break
			}
		}
	}
	return cut
}

// tellsApart reports whether the (possibly cut) segment words prefix tell
// a path with segments wj apart: a whole segment when wj lacks it, a cut
// one when no segment of wj starts with its words.
func tellsApart(prefix []string, whole bool, seg []string, wj []string) bool {
	if whole {
		return !slices.ContainsFunc(wj, func(w string) bool { return slices.EqualFunc(goWords(w), seg, strings.EqualFold) })
	}
	for _, w := range wj {
		gw := goWords(w)
		if len(gw) >= len(prefix) && slices.EqualFunc(gw[:len(prefix)], prefix, strings.EqualFold) {
			return false
		}
	}
	return true
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

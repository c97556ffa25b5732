package ir

import (
	"strings"
)

// Names of operations that would otherwise share one.
//
// An operation merged from several pages (see dedupe.go) whose titles name
// it alike keeps that name (AssignManagedAppPolicy, documented on two
// pages); titles that name it differently ("Delete iosLobApp", "Delete
// win32LobApp", ... for DELETE /deviceAppManagement/mobileApps/{mobileAppId})
// name the request after their common verb and the entity its path
// addresses: DeleteMobileApp.
//
// Operations that are different requests but whose titles compose one name
// ("List owners" of /applications/{id}/owners and of /groups/{id}/owners)
// are each told apart by the entity their path is bound to:
// ListApplicationOwners, ListGroupOwners. Only where that cannot tell them
// apart does a number remain.

// operationNames names every operation of ops (see nameOperation and the
// top of this file), in the order of ops.
func operationNames(ops []Operation) []opName {
	ns := make([]opName, len(ops))
	var order []string
	groups := map[string][]int{}
	for i := range ops {
		ns[i] = mergedName(&ops[i])
		n := ns[i].name()
		if groups[n] == nil {
			order = append(order, n)
		}
		groups[n] = append(groups[n], i)
	}
	for _, n := range order {
		idx := groups[n]
		if len(idx) < 2 {
			continue
		}
		q := make([]opName, len(idx))
		seen := map[string]bool{}
		ok := true
		for j, i := range idx {
			var good bool
			q[j], good = ownerName(ns[i], &ops[i])
			ok = ok && good && !seen[q[j].name()]
			seen[q[j].name()] = true
		}
		if ok {
			for j, i := range idx {
				ns[i] = q[j]
			}
		}
	}
	return ns
}

// mergedName names o, which may have been merged from several pages.
func mergedName(o *Operation) opName {
	n := nameOperation(o)
	if len(o.Also) == 0 || len(o.Paths) == 0 {
		return n
	}
	same := true
	for _, a := range o.Also {
		m := nameOperation(&Operation{Name: a.Name, Method: o.Method, Paths: o.Paths})
		if m.verb != n.verb {
			return n // no verb in common: the first page's name
		}
		same = same && m.name() == n.name()
	}
	if same {
		return n
	}
	e := goWords(pathEntity(o.Paths[0].Template))
	if len(e) == 0 {
		return n
	}
	return fit(opName{verb: n.verb, entity: e})
}

// ownerName is n with the entity o's first path is bound to before its
// entity (ListOwners of /groups/{id}/owners: ListGroupOwners), and whether
// that says more than n.
func ownerName(n opName, o *Operation) (opName, bool) {
	if len(o.Paths) == 0 {
		return n, false
	}
	t := strings.TrimRight(o.Paths[0].Template, "/")
	k := strings.LastIndexByte(t, '/')
	if k <= 0 {
		return n, false
	}
	owner := goWords(pathEntity(t[:k]))
	if len(owner) == 0 || strings.HasPrefix(strings.Join(n.entity, ""), strings.Join(owner, "")) {
		return n, false
	}
	q := fit(opName{verb: n.verb, entity: append(owner, n.entity...)})
	return q, q.name() != n.name()
}

// fit leaves out leading words of n's entity until the names derived from
// it fit within MaxComposedName (see boundName).
func fit(n opName) opName {
	for len(n.entity) > 1 && len(HandlerName(n.name())) > MaxComposedName {
		n.entity = n.entity[1:]
	}
	return exported(n)
}

// pathEntity is the entity template addresses: the one a last key selects
// ("{mobileAppId}" is a mobileApp; "/users/{id}" a user; "/applications(appId='{appId}')"
// an application), else the last segment's name ("/me", ".../rootCertificate").
func pathEntity(template string) string {
	segs := strings.Split(strings.Trim(template, "/"), "/")
	last := segs[len(segs)-1]
	if strings.HasPrefix(last, "{") {
		key := strings.Trim(last, "{}")
		if l := len(key); l > 2 && strings.EqualFold(key[l-2:], "id") {
			if e := strings.TrimRight(key[:l-2], "-_"); e != "" {
				return e
			}
		}
		if len(segs) >= 2 {
			return singular(segmentWord(segs[len(segs)-2]))
		}
		return ""
	}
	w := segmentWord(last)
	if strings.Contains(last, "(") {
		return singular(w) // a key in parentheses selects one item
	}
	return w
}

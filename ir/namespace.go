package ir

import "strings"

// Namespace is the namespace of a qualified name ("microsoft.graph.security"
// for "microsoft.graph.security.incident").
func Namespace(qualified string) string {
	if i := strings.LastIndex(qualified, "."); i >= 0 {
		return qualified[:i]
	}
	return ""
}

// TypeGoName is the Go name of a type or enum, from its qualified name: the
// short name for the default namespace ("microsoft.graph.user" → "User"),
// prefixed with the namespace below microsoft.graph for the others
// ("microsoft.graph.security.incident" → "SecurityIncident",
// "microsoft.graph.callRecords.session" → "CallRecordsSession"), so that two
// types of one name in two namespaces have two names, and a type's name does
// not depend on which other pages are read. A namespace outside
// microsoft.graph keeps all its segments but "microsoft".
func TypeGoName(qualified string) string {
	ns, short := Namespace(qualified), shortName(qualified)
	if ns == DefaultNamespace || ns == "" {
		return GoIdent(short)
	}
	ns = strings.TrimPrefix(ns, DefaultNamespace+".")
	ns = strings.TrimPrefix(ns, "microsoft.")
	var b strings.Builder
	for _, seg := range strings.Split(ns, ".") {
		if seg != "" {
			b.WriteString(GoIdent(seg))
		}
	}
	b.WriteString(GoIdent(short))
	return b.String()
}

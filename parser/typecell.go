package parser

import (
	"regexp"
	"strings"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser/doc"
)

// primitives maps lower-cased type names and aliases, without an "Edm."
// prefix, to EDM primitive names.
var primitives = map[string]string{
	"string": "Edm.String", "str": "Edm.String",
	"boolean": "Edm.Boolean", "bool": "Edm.Boolean",
	"int32": "Edm.Int32", "int": "Edm.Int32", "integer": "Edm.Int32",
	"int64": "Edm.Int64", "long": "Edm.Int64",
	"int16": "Edm.Int16", "short": "Edm.Int16",
	"byte": "Edm.Byte", "sbyte": "Edm.SByte",
	"double": "Edm.Double", "single": "Edm.Single", "float": "Edm.Single",
	"decimal":        "Edm.Decimal",
	"datetimeoffset": "Edm.DateTimeOffset", "datetime": "Edm.DateTimeOffset", "timestamp": "Edm.DateTimeOffset",
	"date": "Edm.Date", "timeofday": "Edm.TimeOfDay", "time": "Edm.TimeOfDay",
	"duration": "Edm.Duration", "timespan": "Edm.Duration",
	"binary": "Edm.Binary", "guid": "Edm.Guid", "uuid": "Edm.Guid",
	"stream": "Edm.Stream",
	"json":   "Edm.Untyped", "untyped": "Edm.Untyped", "object": "Edm.Untyped",
}

var (
	collectionFunc = regexp.MustCompile(`^(?i)collection\s*\(\s*(.+?)\s*\)$`)
	qualifiedName  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)
	// parenthetical remarks such as "String (identifier)" or "Int32 (read-only)"
	remark = regexp.MustCompile(`\s*\([^()]*\)\s*$`)
	// a remark before the type: "(Optional) String"
	leadingRemark = regexp.MustCompile(`^\s*\([^()]*\)\s*`)
)

// The checks below spare the regular expressions above the text that
// cannot match them, exactly: each looks at a character the expression
// requires and that no other character case-folds to. (Even a failing
// match costs the regexp package time in the length of the text.)

// startsRemark reports whether s may start with a remark (leadingRemark).
func startsRemark(s string) bool { return strings.HasPrefix(strings.TrimLeft(s, " \t\n\f\r"), "(") }

// isCollectionFunc reports whether s is "Collection(x)".
func isCollectionFunc(s string) bool { return collectionFuncMatch(s) != nil }

// collectionFuncMatch is collectionFunc's submatches in s, or nil.
func collectionFuncMatch(s string) []string {
	if s == "" || s[0] != 'c' && s[0] != 'C' {
		return nil
	}
	return collectionFunc.FindStringSubmatch(s)
}

// ParseTypeCell interprets the Type cell of a property table: "String",
// "String collection", "Collection(x)", "x[]", a link "[x](../resources/x.md)"
// with or without "collection", "Edm." prefixes, qualified names and aliases
// ("Int", "DateTime", "Json"). Non-primitive names are qualified with ns.
// ok is false when the cell names no type at all.
func ParseTypeCell(c doc.Inline, ns string) (ref ir.TypeRef, ok bool) {
	raw := strings.TrimSpace(c.Text)
	s := raw
	if startsRemark(s) {
		if m := leadingRemark.FindString(s); m != "" && !isCollectionFunc(s) {
			s = s[len(m):]
		}
	}
	if m := collectionFuncMatch(s); m != nil {
		s, ref.Collection = m[1], true
	}
	lower := strings.ToLower(s)
	switch {
	case strings.HasSuffix(lower, " collection"):
		s, ref.Collection = strings.TrimSpace(s[:len(s)-len(" collection")]), true
	case strings.HasSuffix(lower, "[]"):
		s, ref.Collection = strings.TrimSpace(s[:len(s)-2]), true
	case strings.HasPrefix(lower, "collection of "):
		s, ref.Collection = strings.TrimSpace(s[len("collection of "):]), true
	}
	if m := collectionFuncMatch(s); m != nil {
		s, ref.Collection = m[1], true
	}
	if doc.EndsRemark(s) {
		s = remark.ReplaceAllString(s, "")
	}
	s = strings.Trim(s, "`*_ ")
	if len(c.Links) > 0 {
		// A linked type: the link names it; keep the target for resolution.
		l := c.Links[0]
		if name := strings.Trim(strings.TrimSpace(l.Text), "`*_"); qualifiedName.MatchString(name) {
			s = name
		}
		ref.Href = l.Href
	}
	if s == "" || !qualifiedName.MatchString(s) {
		return ir.TypeRef{Raw: raw}, false
	}
	if p, isPrim := primitiveName(s); isPrim {
		ref.Name = p
	} else if strings.Contains(s, ".") {
		ref.Name = s
	} else {
		ref.Name = ns + "." + s
	}
	return ref, true
}

// primitiveName maps a (possibly Edm.-prefixed) name to its EDM name.
func primitiveName(s string) (string, bool) {
	l := strings.ToLower(s)
	l = strings.TrimPrefix(l, "edm.")
	p, ok := primitives[l]
	return p, ok
}

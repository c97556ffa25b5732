package ir

import (
	"fmt"
	"sort"
	"strings"
)

// Severity of a diagnostic.
type Severity string

// Severities. Errors stop generation; warnings are reported and work goes on.
const (
	SevError   Severity = "error"
	SevWarning Severity = "warning"
)

// Diagnostic is a positioned finding about the input.
type Diagnostic struct {
	Pos      Pos      `json:"pos"`
	Severity Severity `json:"severity"`
	Code     string   `json:"code,omitempty"` // stable short identifier, e.g. "unknown-type"
	Message  string   `json:"message"`
}

// String formats d as file:line:col: severity: message (or file:path: ... for HTML).
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	if d.Severity == SevWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// String formats p as file:line:col, file:line, or file: path for HTML input.
func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d:1", p.File, p.Line)
	case p.Path != "":
		return fmt.Sprintf("%s: %s", p.File, p.Path)
	}
	return p.File
}

// Diagnostics is a list of findings.
type Diagnostics []Diagnostic

// Errorf appends an error.
func (ds *Diagnostics) Errorf(pos Pos, code, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Severity: SevError, Code: code, Message: fmt.Sprintf(format, args...)})
}

// Warnf appends a warning.
func (ds *Diagnostics) Warnf(pos Pos, code, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Pos: pos, Severity: SevWarning, Code: code, Message: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == SevError {
			return true
		}
	}
	return false
}

// Sort orders diagnostics by file, line, column, path and message, and drops
// exact duplicates.
func (ds *Diagnostics) Sort() {
	s := *ds
	sort.SliceStable(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Pos.Path != b.Pos.Path {
			return a.Pos.Path < b.Pos.Path
		}
		return a.Message < b.Message
	})
	out := s[:0]
	for i, d := range s {
		if i > 0 && d == s[i-1] {
			continue
		}
		out = append(out, d)
	}
	*ds = out
}

// PageKind classifies a documentation page.
type PageKind string

// Page kinds.
const (
	PageAPI      PageKind = "api"
	PageResource PageKind = "resource"
	PageEnum     PageKind = "enum"
	PageUnknown  PageKind = "unknown"
)

// Page is what one front end extracted from one file, before resolution.
// Type references in a Page may still be unresolved link targets; Resolve
// settles them.
type Page struct {
	File      string   `json:"file"`
	Kind      PageKind `json:"kind"`
	Title     string   `json:"title"`
	Namespace string   `json:"namespace"`
	// Version is the API version the page documents ("v1.0" or "beta"),
	// "" when it does not say.
	Version string `json:"version,omitempty"`
	// URL is where the page is published, when known (a rendered page's
	// canonical URL, or derived from the docs repository's layout).
	URL        string      `json:"url,omitempty"`
	Types      []Type      `json:"types,omitempty"`
	Enums      []Enum      `json:"enums,omitempty"`
	Operations []Operation `json:"operations,omitempty"`
	Examples   []Example   `json:"examples,omitempty"`
	// Links maps link targets used in type cells to the names they were shown
	// with, so that resolution can follow "[x](../resources/x.md)" across pages.
	Links []Link `json:"links,omitempty"`
	// Subject is the qualified name of the type or enum the page is about,
	// when it could tell (for an API page, the type its body or parameters
	// are).
	Subject string `json:"subject,omitempty"`
	// Skipped is set when the page could not be read: it is the first
	// error found in it. Resolve uses nothing such a page documents and
	// leaves out what depends on it.
	Skipped *Diagnostic `json:"skipped,omitempty"`
	Pos     Pos         `json:"pos"`
}

// Link is a hyperlink seen on a page.
type Link struct {
	Text string `json:"text"`
	Href string `json:"href"`
	Pos  Pos    `json:"pos"`
}

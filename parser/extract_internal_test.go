package parser

import (
	"strings"
	"testing"
)

// TestRequestLineCheck: the first-letter check in front of requestLineRe
// knows every method doc.RequestMethod lists, and lets through what the
// expression matches.
func TestRequestLineCheck(t *testing.T) {
	for _, m := range []string{"GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"} {
		if !strings.Contains(methodInitials, m[:1]) {
			t.Errorf("methodInitials %q lacks %s", methodInitials, m)
		}
		line := m + " /users/{id}"
		if got, want := requestLine(line), requestLineRe.FindStringSubmatch(line); len(got) != len(want) || got == nil {
			t.Errorf("requestLine(%q) = %q, want %q", line, got, want)
		}
	}
	for _, line := range []string{"", "patch /users", "{", "HTTP/1.1 200 OK", " GET /x"} {
		if got, want := requestLine(line), requestLineRe.FindStringSubmatch(line); (got == nil) != (want == nil) {
			t.Errorf("requestLine(%q) = %q, the expression %q", line, got, want)
		}
	}
}

package doc

import (
	"regexp"
	"strings"
)

// Section is the part of a Graph page a heading opens.
type Section int

// The sections extraction tells apart.
const (
	SecOther Section = iota
	SecHTTPRequest
	SecRequestHeaders
	SecRequestBody
	SecResponse
	SecExample
	SecExampleRequest
	SecExampleResponse
	SecProperties
	SecRelationships
	SecMembers
	SecJSON
	SecMethods
	SecPermissions
	SecParameters
	SecEnumValues // "### riskLevel values": an enum defined inside a resource page
)

// sectionNames are the exact heading texts Graph pages use (lower-cased,
// without a trailing colon) and the section each opens. It is the one list
// of them: extraction classifies headings with it, and a front end that
// cannot see headings (a text capture) recognises them with it.
var sectionNames = map[string]Section{
	"http request": SecHTTPRequest, "http requests": SecHTTPRequest,
	"request headers": SecRequestHeaders, "optional request headers": SecRequestHeaders,
	"request body": SecRequestBody,
	"response":     SecResponse, "response body": SecResponse,
	"example": SecExample, "examples": SecExample,
	"request":       SecExampleRequest,
	"properties":    SecProperties,
	"relationships": SecRelationships,
	"members":       SecMembers, "values": SecMembers, "enum members": SecMembers,
	"json representation": SecJSON,
	"methods":             SecMethods,
	"permissions":         SecPermissions, "prerequisites": SecPermissions,
	"parameters": SecParameters, "path parameters": SecParameters,
	"query parameters": SecParameters, "optional query parameters": SecParameters,
	// Named so that a capture splits there; nothing is extracted from them.
	"see also": SecOther, "enumerations": SecOther, "functions": SecOther, "actions": SecOther,
}

var (
	// remark is a parenthesised remark after a heading: "HTTP request (to
	// upload a new file)" still opens the HTTP request section.
	remark = regexp.MustCompile(`\s*\([^()]*\)\s*$`)
	// numberedExample is "Example 2: Update the display name".
	numberedExample = regexp.MustCompile(`^(?i)example \d+\b[^.]{0,80}$`)
	// EnumValuesHeading is how current Graph resource pages introduce an
	// enum they define inline: "### riskLevel values"; group 1 is its name.
	EnumValuesHeading = regexp.MustCompile(`^(?i)([A-Za-z_][A-Za-z0-9_]*)\s+(?:enum\s+)?values$`)
)

func headingKey(heading string) string {
	h := strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(heading), ":")))
	if !EndsRemark(h) {
		return h
	}
	if r := remark.ReplaceAllString(h, ""); r != "" {
		h = r
	}
	return h
}

// EndsRemark reports whether s may end with a parenthetical remark, "x
// (read-only)": whether it ends with ")" but for spaces. The check spares
// the expression that removes it the text that cannot match (even a
// failing match costs time in the length of the text).
func EndsRemark(s string) bool { return strings.HasSuffix(strings.TrimRight(s, " \t\n\f\r"), ")") }

// ClassifyHeading returns the section a heading opens. inExample says the
// heading is inside an example, where "Request" and "Response ..." open
// the example's request and response.
func ClassifyHeading(heading string, inExample bool) Section {
	h := headingKey(heading)
	switch {
	case strings.HasPrefix(h, "example"):
		return SecExample
	case inExample && strings.HasPrefix(h, "request"):
		return SecExampleRequest
	case inExample && strings.HasPrefix(h, "response"):
		return SecExampleResponse
	}
	if s, ok := sectionNames[h]; ok {
		if s == SecExampleRequest { // "Request" outside an example: nothing known
			return SecOther
		}
		return s
	}
	if strings.HasSuffix(h, "parameters") {
		return SecParameters
	}
	return SecOther
}

// IsSectionHeading reports whether a line of plain text, as a text capture
// has it, is a section heading: exactly one of the headings Graph pages
// use, a numbered example, or an inline enum's "x values". It is stricter
// than ClassifyHeading, which is given only what markup says is a heading.
func IsSectionHeading(line string) bool {
	line = strings.TrimSpace(line)
	if _, ok := sectionNames[headingKey(line)]; ok {
		return true
	}
	if numberedExample.MatchString(line) {
		return true
	}
	// "riskLevel values", but not a prose line such as "Possible values":
	// in plain text the name must look like a type name (camelCase).
	m := EnumValuesHeading.FindStringSubmatch(strings.TrimSuffix(line, ":"))
	return m != nil && m[1][0] >= 'a' && m[1][0] <= 'z' && strings.ToLower(m[1]) != m[1]
}

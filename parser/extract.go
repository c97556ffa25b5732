// Package parser turns documentation pages into docgen's IR.
//
// Front ends (subpackages text, markdown and html) turn bytes into a
// doc.Document; this package interprets that tree once for every input form:
// it finds sections by heading text, table columns by header name, types in
// type cells, facts in descriptions and examples in code blocks.
package parser

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser/doc"
	"github.com/docgen-dev/docgen/parser/prose"
)

// Extract interprets a document tree as one page of IR.
func Extract(d *doc.Document) (ir.Page, ir.Diagnostics) {
	x := &extractor{d: d, page: ir.Page{File: d.File, Namespace: ir.DefaultNamespace}}
	x.run()
	return x.page, x.diags
}

type extractor struct {
	d     *doc.Document
	page  ir.Page
	diags ir.Diagnostics
	// typeName is the qualified name of the type the page is about.
	typeName string
	// subjectTyped are the indexes in page.Examples of response examples
	// whose type is only the page's subject, a guess.
	subjectTyped []int
	// meta is the most recent metadata comment (<!-- { "blockType": ... } -->),
	// consumed by the next code block.
	meta *blockMeta
	// base is the qualified base type named by an "Inherits from" line.
	base string
	// binaryBody: the request body section says the body is a binary
	// stream (a file upload), which no property table describes.
	binaryBody bool
	// wholeBody is the type the request body section says the body is a
	// JSON representation of; used when the section has no property table.
	wholeBody ir.TypeRef
	// flagsNote: the page's intro says its enum is a flags enum (flags.go).
	flagsNote bool
}

// blockMeta is the JSON in the comments Graph pages put before code blocks.
type blockMeta struct {
	BlockType   string `json:"blockType"`
	ODataType   string `json:"@odata.type"`
	KeyProperty string `json:"keyProperty"`
	BaseType    string `json:"baseType"`
	Truncated   bool   `json:"truncated"`
}

var (
	namespaceLine = regexp.MustCompile(`^(?i)namespace:\s*(` + doc.NamespaceName + `)`)
	titleAPI      = regexp.MustCompile(`^(?i)(update|upsert|create|replace|get|list|delete|add|remove)\s+(?:(?:a|an|the)\s+)?(.+)$`)
	// titleAction: "assign action", and the Intune pages' "Device
	// management intent assign action", which names the entity in words.
	titleAction = regexp.MustCompile(`^(?i)(?:[A-Za-z][A-Za-z0-9]*\s+)*?([A-Za-z_][A-Za-z0-9_]*)\s+(action|function)$`)
	// titleSuffix is what rendered pages add to a title.
	titleSuffix = regexp.MustCompile(`\s+-\s+Microsoft Graph(?:\s+(?:API|v1\.0|beta))?\s*$`)
	// titleBound is how current Graph pages title actions and functions:
	// "user: assignLicense", the entity they are bound to, a colon, the name.
	titleBound   = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_.]*)\s*:\s*([A-Za-z_][A-Za-z0-9_]*)$`)
	titleType    = regexp.MustCompile(`^(.+?)\s+(resource type|entity type|complex type|enum type|enumeration type|resource|enum|object)$`)
	inheritsLine = regexp.MustCompile(`^(?i)inherits from\s+:?\s*(.+?)\.?$`)
	// inheritsPhrase finds a base type named inside a sentence: "This type
	// inherits from [conversationMember](...)", "This is a subclass of x".
	inheritsPhrase = regexp.MustCompile(`(?i)\b(?:inherits from|is a subclass of|is derived from|derives from)\s+`)
	statusCode     = regexp.MustCompile(`\b([1-5]\d\d)\s+[A-Z][A-Za-z ]*\b`)
	identifier     = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.]*$`)
)

// section is the part of the page a heading opened (see doc.Section, where
// the heading vocabulary lives, shared with the text front end).
type section = doc.Section

const (
	secOther           = doc.SecOther
	secHTTPRequest     = doc.SecHTTPRequest
	secRequestHeaders  = doc.SecRequestHeaders
	secRequestBody     = doc.SecRequestBody
	secResponse        = doc.SecResponse
	secExample         = doc.SecExample
	secExampleRequest  = doc.SecExampleRequest
	secExampleResponse = doc.SecExampleResponse
	secProperties      = doc.SecProperties
	secRelationships   = doc.SecRelationships
	secMembers         = doc.SecMembers
	secJSON            = doc.SecJSON
	secMethods         = doc.SecMethods
	secPermissions     = doc.SecPermissions
	secParameters      = doc.SecParameters
	secEnumValues      = doc.SecEnumValues
)

// hasSubsections reports whether a section keeps going under subheadings of
// its own that name no section.
func hasSubsections(s section) bool {
	return s == secRequestBody || s == secProperties || s == secResponse
}

// tabHeading reports a heading that is a tab of a tabbed code sample
// ("# [C#](#tab/csharp)"), not a section of the page.
func tabHeading(b *doc.Block) bool {
	return len(b.Text.Links) == 1 && strings.HasPrefix(b.Text.Links[0].Href, "#tab/") &&
		strings.TrimSpace(b.Text.Text) == strings.TrimSpace(b.Text.Links[0].Text)
}

func (x *extractor) run() {
	x.page.Title = titleSuffix.ReplaceAllString(x.d.MetaValue("title"), "")
	titleBlock := -1
	if x.page.Title == "" {
		for i, b := range x.d.Blocks {
			// Level 0: a front end that cannot tell levels (text captures)
			// marks its title with level 1, so a level-0 heading is a
			// section, never the title of a page whose title was lost.
			if b.Kind == doc.Heading && b.Level != 0 {
				x.page.Title = b.Text.Text
				titleBlock = i
				break
			}
		}
	}
	x.page.Pos = ir.Pos{File: x.d.File, Line: 1, Col: 1}
	for _, b := range x.d.Blocks {
		if b.Kind == doc.Heading && b.Text.Text == x.page.Title {
			x.page.Pos = b.Pos
			break
		}
	}
	x.page.Kind = x.pageKind()
	for _, b := range x.d.Blocks {
		if b.Kind == doc.Paragraph {
			if m := namespaceLine.FindStringSubmatch(b.Text.Text); m != nil {
				x.page.Namespace = strings.TrimSuffix(m[1], ".")
				break
			}
		}
	}
	x.typeName = x.subjectName()

	var op *ir.Operation
	if x.page.Kind == ir.PageAPI {
		x.page.Operations = []ir.Operation{{Name: x.page.Title, Pos: x.page.Pos}}
		op = &x.page.Operations[0]
	}
	var enum *ir.Enum
	keyed := false // a metadata comment names a key property: an entity

	sec, inExample := secOther, false
	secLevel := 0    // the level of the heading that opened sec
	sub := false     // under a subheading of sec ("### Delegated permissions")
	inlineEnum := "" // the enum an "X values" heading names
	propsSeen := false
	for i := range x.d.Blocks {
		b := &x.d.Blocks[i]
		switch b.Kind {
		case doc.Heading:
			if (i > 0 || b.Level != 1) && i != titleBlock && !tabHeading(b) {
				s := doc.ClassifyHeading(b.Text.Text, inExample)
				if s == secExample {
					inExample = true
				} else if s != secExampleRequest && s != secExampleResponse && b.Level > 0 && b.Level <= 2 {
					inExample = false
				}
				if s == secOther && secLevel > 0 && b.Level > secLevel && hasSubsections(sec) {
					// A subheading inside a request body, properties or
					// response section divides it; it does not end it.
					sub = true
				} else {
					sec, secLevel, sub = s, b.Level, false
				}
				if s == secProperties {
					propsSeen = true
				}
				if m := doc.EnumValuesHeading.FindStringSubmatch(b.Text.Text); m != nil {
					sec, inlineEnum = secEnumValues, qualify(m[1], x.page.Namespace)
					secLevel, sub = b.Level, false
				}
			}
		case doc.Comment:
			x.meta = parseMeta(b.Code)
			if x.meta != nil && x.meta.KeyProperty != "" && x.page.Kind == ir.PageResource {
				keyed = true
			}
			if x.meta != nil && x.meta.BlockType == "resource" && x.page.Kind == ir.PageResource {
				if x.meta.ODataType != "" {
					x.typeName = qualify(strings.TrimPrefix(x.meta.ODataType, "#"), x.page.Namespace)
				}
				if base := strings.TrimPrefix(x.meta.BaseType, "#"); base != "" && x.base == "" && identifier.MatchString(base) {
					x.setBase(qualify(base, x.page.Namespace))
				}
			}
		case doc.Paragraph, doc.ListItem:
			x.paragraph(b, sec, op)
		case doc.Table:
			switch {
			case sec == secRequestBody && op != nil:
				t := x.propertyTable(b, true, sub)
				if t != nil {
					// Several tables (one per subsection, such as one per
					// permission type) document one body together.
					for _, p := range t.Properties {
						if !slices.Contains(op.BodyProperties, p.Name) {
							op.BodyProperties = append(op.BodyProperties, p.Name)
						}
					}
					x.addType(t)
				}
			case sec == secRequestHeaders && op != nil:
				op.Headers = append(op.Headers, x.headerTable(b)...)
			case sec == secProperties && x.page.Kind != ir.PageEnum,
				// A capture that lost the "Properties" heading: on a
				// resource page, a Property/Type table outside any known
				// section is the properties table.
				sec == secOther && x.page.Kind == ir.PageResource && !propsSeen && firstColumn(b.Table) == "property":
				propsSeen = true
				if t := x.propertyTable(b, false, sub); t != nil {
					x.addType(t)
				}
			case sec == secRelationships && x.page.Kind == ir.PageResource:
				x.relationships(b, sub)
			case sec == secEnumValues && x.page.Kind != ir.PageAPI:
				if e := x.memberTable(b, inlineEnum); e != nil {
					x.page.Enums = append(x.page.Enums, *e)
				}
			case sec == secMembers || (x.page.Kind == ir.PageEnum && hasColumn(b.Table, "member")):
				if e := x.memberTable(b, x.typeName); e != nil && enum == nil {
					x.page.Enums = append(x.page.Enums, *e)
					enum = &x.page.Enums[len(x.page.Enums)-1]
				}
			}
		case doc.Code:
			x.code(b, sec, op)
		}
	}
	if op != nil {
		x.finishOperation(op)
		x.responseFromExample(op)
		if op.Reference {
			// Its request examples, unless one shows another request
			// (a page may add the PATCH with "members@odata.bind").
			for i := range x.page.Examples {
				ex := &x.page.Examples[i]
				u, _, _ := strings.Cut(ex.URL, "?")
				if ex.Role == ir.RoleRequest && (ex.Method == "" || ex.Method == op.Method) && (u == "" || strings.HasSuffix(u, "/$ref")) {
					ex.Type = ir.EntityReference
				}
			}
		}
		// A response example that names no type shows what the page
		// says the operation returns ("a collection of [x] objects"),
		// not the page's subject (a list page's title names the plural).
		for _, i := range x.subjectTyped {
			switch {
			case op.Response.Name != "":
				x.page.Examples[i].Type = op.Response.Name
			case op.Kind == ir.OpAction || op.Kind == ir.OpFunction:
				// An action's subject is its parameters, which it does
				// not return: the page does not say what it returns.
				x.page.Examples[i].Type = ""
			}
		}
	}
	for i := range x.page.Types {
		if keyed && x.page.Types[i].Name == x.typeName {
			x.page.Types[i].Kind = ir.KindEntity
		}
	}
	if x.page.Kind == ir.PageEnum && len(x.page.Enums) == 0 && !x.diags.HasErrors() {
		x.diags.Errorf(x.page.Pos, "no-members", "enum page %q has no members table", x.page.Title)
	}
	if x.page.Kind == ir.PageResource && len(x.page.Types) == 0 {
		x.diags.Warnf(x.page.Pos, "no-properties", "resource page %q has no properties table", x.page.Title)
	}
	if x.page.Kind == ir.PageUnknown {
		x.diags.Errorf(x.page.Pos, "unknown-page", "cannot tell what this page documents: no HTTP request, properties table or members table found")
	}
	x.page.Subject = x.typeName
	x.page.Version = pageVersion(x.d.File, x.d)
	x.page.URL = pageURL(x.d.File, x.page.Version, x.d)
}

// pageKind decides what the page documents: front-matter doc_type first, then
// the title, then the sections present.
func (x *extractor) pageKind() ir.PageKind {
	switch strings.ToLower(x.d.MetaValue("doc_type")) {
	case "apipagetype":
		return ir.PageAPI
	case "resourcepagetype":
		return ir.PageResource
	case "enumpagetype":
		return ir.PageEnum
	}
	t := strings.ToLower(x.page.Title)
	switch {
	case strings.HasSuffix(t, " enum type") || strings.HasSuffix(t, " enumeration type") || strings.HasSuffix(t, " enum"):
		return ir.PageEnum
	case strings.HasSuffix(t, " resource type") || strings.HasSuffix(t, " complex type") || strings.HasSuffix(t, " entity type"):
		return ir.PageResource
	}
	if titleAPI.MatchString(x.page.Title) {
		return ir.PageAPI
	}
	has := map[section]bool{}
	for _, b := range x.d.Blocks {
		if b.Kind == doc.Heading {
			has[doc.ClassifyHeading(b.Text.Text, false)] = true
		}
	}
	switch {
	case has[secHTTPRequest]:
		return ir.PageAPI
	case has[secMembers]:
		return ir.PageEnum
	case has[secProperties]:
		return ir.PageResource
	}
	return ir.PageUnknown
}

// subjectName is the qualified name of the type or enum the page is about.
func (x *extractor) subjectName() string {
	t := strings.TrimSpace(x.page.Title)
	var name string
	switch x.page.Kind {
	case ir.PageAPI:
		if _, _, ok := x.action(); ok {
			return "" // named from the request path; see actionParams
		}
		if m := titleAPI.FindStringSubmatch(t); m != nil {
			name = m[2]
		}
	default:
		if m := titleType.FindStringSubmatch(t); m != nil {
			name = m[1]
		} else {
			name = t
		}
	}
	name = strings.Trim(strings.TrimSpace(name), "`*")
	if !identifier.MatchString(name) {
		if x.page.Kind == ir.PageAPI {
			return x.introSubject()
		}
		return ""
	}
	return qualify(x.casing(name), x.page.Namespace)
}

// introSubject is the type an API page whose title names none ("Upsert
// group" before upsert was a verb, "Grant an appRoleAssignment to a user")
// is about, from its introduction: the first link to a resource page
// ("Update the properties of a [group](../resources/group.md) object"),
// before the first section.
func (x *extractor) introSubject() string {
	for _, b := range x.d.Blocks {
		if b.Kind == doc.Heading && doc.ClassifyHeading(b.Text.Text, false) != secOther {
			break
		}
		if b.Kind != doc.Paragraph {
			continue
		}
		for _, l := range b.Text.Links {
			name := strings.Trim(strings.TrimSpace(l.Text), "`*")
			if strings.Contains(strings.ToLower(l.Href), "resources/") && identifier.MatchString(name) {
				return qualify(name, x.page.Namespace)
			}
		}
	}
	return ""
}

// casing restores the case of a name that a title spells in lower case
// ("Update bookingbusiness") from the page's prose, which names the type
// as the docs define it ("Update the properties of a bookingBusiness
// object"). A name with any upper-case letter is kept as it is.
//
// A title in sentence case ("Create User") capitalises only the first
// letter, which no Graph type name does: such a name is read as lower case
// first. Only a spelling with a capital inside the word ("bookingBusiness")
// restores the case, so that a word starting a sentence ("Application
// objects ...") does not.
func (x *extractor) casing(name string) string {
	if rest := name[1:]; strings.ToLower(rest) != rest {
		return name
	}
	name = strings.ToLower(name[:1]) + name[1:]
	for _, b := range x.d.Blocks {
		if b.Kind != doc.Paragraph {
			continue
		}
		for _, w := range strings.FieldsFunc(b.Text.Text, func(r rune) bool {
			return !(r == '_' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r))
		}) {
			if w = strings.Trim(w, "."); len(w) > 1 && w != name && strings.EqualFold(w, name) && strings.ToLower(w[1:]) != w[1:] {
				return w
			}
		}
	}
	return name
}

// action reports whether the page documents an action or function: its name,
// and the entity it is bound to when the title says so ("user: assignLicense";
// "assignLicense action" names no binding).
func (x *extractor) action() (binding, name string, ok bool) {
	t := strings.TrimSpace(x.page.Title)
	// titleAction ends "action" or "function", whose letters no other
	// character case-folds to: the check spares it the other titles.
	if hasSuffixFold(t, "action") || hasSuffixFold(t, "function") {
		if m := titleAction.FindStringSubmatch(t); m != nil {
			return "", m[1], true
		}
	}
	if m := titleBound.FindStringSubmatch(t); m != nil && x.page.Kind == ir.PageAPI {
		b := m[1]
		if i := strings.LastIndex(b, "."); i >= 0 {
			b = b[i+1:]
		}
		return b, m[2], true
	}
	return "", "", false
}

// hasSuffixFold reports whether s ends with the ASCII suffix, in any case.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// requestLine is requestLineRe's submatches in line, or nil. A request
// line starts with a method's capital letter: the check spares the
// expression every other first line of a code block.
func requestLine(line string) []string {
	if line == "" || strings.IndexByte(methodInitials, line[0]) < 0 {
		return nil
	}
	return requestLineRe.FindStringSubmatch(line)
}

// methodInitials are the first letters of the methods doc.RequestMethod
// lists ("(?:GET|POST|...)").
var methodInitials = func() string {
	var out []byte
	for _, m := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(doc.RequestMethod, "(?:"), ")"), "|") {
		if m != "" && !bytes.ContainsRune(out, rune(m[0])) {
			out = append(out, m[0])
		}
	}
	return string(out)
}()

func qualify(name, ns string) string {
	if strings.Contains(name, ".") {
		return name
	}
	return ns + "." + name
}

func parseMeta(s string) *blockMeta {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "{") {
		return nil
	}
	var m blockMeta
	if json.Unmarshal([]byte(s), &m) != nil {
		return nil
	}
	return &m
}

// paragraph picks up "Inherits from x" lines and the response status.
func (x *extractor) paragraph(b *doc.Block, sec section, op *ir.Operation) {
	text := b.Text.Text
	x.noteFlags(text)
	var m []string
	if x.page.Kind == ir.PageResource && text != "" && (text[0] == 'i' || text[0] == 'I') {
		// inheritsLine starts "inherits"; no other letter case-folds to i.
		m = inheritsLine.FindStringSubmatch(text)
	}
	if m != nil {
		base := m[1]
		if len(b.Text.Links) > 0 {
			base = b.Text.Links[0].Text
		}
		base = strings.Trim(base, "`* ")
		if identifier.MatchString(base) {
			x.setBase(qualify(base, x.page.Namespace))
		}
	} else if x.base == "" && x.page.Kind == ir.PageResource && (sec == secOther || sec == secProperties) {
		if base := inheritedBase(b.Text); base != "" {
			x.setBase(qualify(base, x.page.Namespace))
		}
	}
	if sec == secProperties && x.page.Kind == ir.PageResource && x.typeName != "" && noneText.MatchString(text) {
		// "## Properties" followed by "None.": an abstract type whose
		// properties all live in derived types.
		x.addType(&ir.Type{Name: x.typeName, Kind: ir.KindComplex, Pos: b.Pos})
	}
	if sec == secRequestBody && op != nil && binaryBodyText.MatchString(text) {
		x.binaryBody = true
	}
	if sec == secRequestBody && op != nil && x.wholeBody.Name == "" {
		x.wholeBody = wholeBodyType(b.Text, x.page.Namespace)
	}
	if sec == secResponse && op != nil && op.ResponseStatus == 0 {
		if m := statusCode.FindStringSubmatch(text); m != nil {
			op.ResponseStatus, _ = strconv.Atoi(m[1])
		}
		if op.ResponseStatus != 204 && strings.Contains(strings.ToLower(text), "response body") {
			for _, l := range b.Text.Links {
				if identifier.MatchString(l.Text) {
					op.Response = ir.TypeRef{Name: qualify(l.Text, x.page.Namespace), Href: l.Href}
					break
				}
			}
			if op.Response.Name == "" {
				if m := responsePrimitive.FindStringSubmatch(text); m != nil {
					// "a String in the response body": {"value": "..."}.
					op.Response = ir.TypeRef{Name: "Edm." + primitiveNames[strings.ToLower(m[1])]}
				}
			}
			if op.Response.Name == "" && x.typeName != "" && (strings.Contains(text, " object") || strings.Contains(text, " resource")) {
				op.Response = ir.TypeRef{Name: x.typeName}
			}
			// "a collection of [x] objects", "an [x] collection": the
			// service answers {"value": [...]}, not one x.
			if op.Response.Name != "" && responseCollection.MatchString(text) {
				op.Response.Collection = true
			}
		}
	}
}

// responsePrimitive is how a response section says the body holds one
// primitive value ("returns a 200 OK response code and a String in the
// response body", "an Int64 collection").
var responsePrimitive = regexp.MustCompile(`(?i)\ban?\s+(String|Boolean|Int16|Int32|Int64|Double|Single|Decimal|DateTimeOffset|Date|Duration|TimeOfDay|Guid|Binary|Stream)(?:\s+collection)?\s+in the response body\b`)

// primitiveNames spell the primitive types responsePrimitive finds as EDM
// does, by lower-cased name.
var primitiveNames = map[string]string{
	"string": "String", "boolean": "Boolean", "int16": "Int16", "int32": "Int32", "int64": "Int64",
	"double": "Double", "single": "Single", "decimal": "Decimal", "datetimeoffset": "DateTimeOffset",
	"date": "Date", "duration": "Duration", "timeofday": "TimeOfDay", "guid": "Guid", "binary": "Binary",
	"stream": "Stream",
}

// responseCollection is how a response section says the body holds many
// objects.
var responseCollection = regexp.MustCompile(`(?i)\bcollection of\b|\bcollection (?:in|as) the response body\b`)

// wholeBodyText is how pages without a body table say what the body is:
// "supply a JSON representation of a [group](../resources/group.md)
// object", "...of CalendarGroup object". ("...representation for the x
// object", the Intune pages' wording, always comes with a table.)
var wholeBodyText = regexp.MustCompile(`(?i)\bJSON representation of\s+(?:(?:a|an|the)\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s+(?:object|resource|entity)\b`)

// stripEmphasis removes code and emphasis marks from inline text (built
// once: a Replacer builds its tables on first use).
var stripEmphasis = strings.NewReplacer("`", "", "*", "")

// wholeBodyType reads the type a "supply a JSON representation of a [x]
// object" sentence names, with the link to its page when it has one.
func wholeBodyType(in doc.Inline, ns string) ir.TypeRef {
	text := stripEmphasis.Replace(in.Text)
	m := wholeBodyText.FindStringSubmatch(text)
	if m == nil {
		return ir.TypeRef{}
	}
	ref := ir.TypeRef{Name: qualify(m[1], ns)}
	for _, l := range in.Links {
		if strings.EqualFold(strings.Trim(strings.TrimSpace(l.Text), "`*"), m[1]) {
			ref.Href = l.Href
			break
		}
	}
	return ref
}

var (
	noneText       = regexp.MustCompile(`^(?i)none\.?$`)
	binaryBodyText = regexp.MustCompile(`(?i)\bbinary (?:stream|content|data)\b`)
)

// setBase makes base the base type of the page's types.
func (x *extractor) setBase(base string) {
	x.base = base
	for i := range x.page.Types {
		x.page.Types[i].Base = base
	}
}

// inheritedBase finds a base type named inside a sentence ("This type
// inherits from [conversationMember](...)."): the link right after the
// phrase, else the word after it when it reads as a type name (camelCase or
// qualified, so that "inherits from its parent" names nothing).
func inheritedBase(in doc.Inline) string {
	loc := inheritsPhrase.FindStringIndex(in.Text)
	if loc == nil {
		return ""
	}
	rest := in.Text[loc[1]:]
	for _, l := range in.Links {
		if name := strings.Trim(strings.TrimSpace(l.Text), "`*"); name != "" && strings.HasPrefix(strings.TrimLeft(rest, "`*"), name) {
			if identifier.MatchString(name) {
				return name
			}
			return ""
		}
	}
	word, _, _ := strings.Cut(rest, " ")
	word = strings.TrimRight(strings.Trim(word, "`*"), ".,;:")
	word = strings.Trim(word, "`*")
	if identifier.MatchString(word) && (strings.Contains(word, ".") || strings.ToLower(word) != word) {
		return word
	}
	return ""
}

// columns finds the index of each wanted column by header name.
type columns struct{ name, typ, desc, value, required int }

func findColumns(t *doc.TableData) columns {
	c := columns{-1, -1, -1, -1, -1}
	for i, h := range t.Header {
		switch strings.ToLower(strings.TrimSpace(h.Text)) {
		case "property", "name", "parameter", "member", "property name", "field", "header", "value name", "relationship", "relationship name":
			if c.name < 0 {
				c.name = i
			}
		case "type", "data type", "value type":
			if c.typ < 0 {
				c.typ = i
			}
		case "description", "notes", "remarks", "details":
			if c.desc < 0 {
				c.desc = i
			}
		case "value", "numeric value", "int value":
			if c.value < 0 {
				c.value = i
			}
		case "required", "required?", "is required":
			if c.required < 0 {
				c.required = i
			}
		}
	}
	return c
}

// yes reports whether a cell of a yes/no column (such as "Required") says
// yes.
func yes(s string) bool {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(s), "*`.")) {
	case "yes", "y", "true", "required", "✓", "✔", "x":
		return true
	}
	return false
}

// firstColumn is the lower-cased name of a table's first column.
func firstColumn(t *doc.TableData) string {
	if len(t.Header) == 0 {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(t.Header[0].Text))
}

func hasColumn(t *doc.TableData, name string) bool {
	for _, h := range t.Header {
		if strings.EqualFold(strings.TrimSpace(h.Text), name) {
			return true
		}
	}
	return false
}

func cell(r doc.Row, i int) doc.Cell {
	if i < 0 || i >= len(r.Cells) {
		return doc.Cell{Pos: r.Pos}
	}
	return r.Cells[i]
}

// propertyTable reads a Property/Type/Description table into a type; body
// says it is a request body table, which must have rows. In a subsection
// (sub), a table without Property and Type columns is another kind of table
// (such as a list of options) and is passed over.
func (x *extractor) propertyTable(b *doc.Block, body, sub bool) *ir.Type {
	c := findColumns(b.Table)
	if c.name < 0 || c.typ < 0 {
		switch {
		case sub:
		case len(b.Table.Header) == 0:
			x.diags.Warnf(b.Pos, "table-columns", "property table has no header row (in HTML, a thead or a first row of th cells), so its columns cannot be told; not read")
		default:
			x.diags.Warnf(b.Pos, "table-columns", "property table has no %s column (header: %s)", missingColumn(c), headerText(b.Table))
		}
		return nil
	}
	if x.typeName == "" {
		x.diags.Errorf(x.page.Pos, "no-type-name", "cannot tell which type the page %q documents", x.page.Title)
		return nil
	}
	if len(b.Table.Rows) == 0 && body {
		x.diags.Errorf(b.Pos, "empty-table", "request body table has a header but no rows (truncated page?)")
		return nil
	}
	// An empty Properties table is legitimate: an abstract type whose
	// properties all live in derived types.
	t := &ir.Type{Name: x.typeName, Kind: ir.KindComplex, Pos: b.Pos}
	seen := map[string]ir.Pos{}
	more := map[int][]string{} // continuation text by property index
	_, _, isAction := x.action()
	for _, r := range b.Table.Rows {
		nameCell := cell(r, c.name)
		name := strings.Trim(strings.TrimSpace(nameCell.Text), "`*")
		typeCell := cell(r, c.typ)
		switch rowShape(r, c) {
		case rowEmpty:
			continue
		case rowLabel:
			// A group label such as "|**Onboarding**|", or a property row
			// that lost its other cells: not a property either way.
			x.diags.Warnf(nameCell.Pos, "name-only-row", "row %q has a name and no other cell; not read as a property (a group label, or a row that lost its cells?)", name)
			continue
		case rowContinuation:
			// A description that ran over a line break in the source,
			// which ends the markdown row early: it belongs to the row above.
			// Collected here; descriptions are analysed once, complete,
			// after the loop.
			if n := len(t.Properties); n > 0 {
				more[n-1] = append(more[n-1], nameCell.Text)
				continue
			}
			// No row above: a label such as "**Mobile app management (MAM)**".
			x.diags.Warnf(nameCell.Pos, "name-only-row", "row %q has a name and no other cell; not read as a property (a group label, or a row that lost its cells?)", name)
			continue
		}
		if !validWireName(name) {
			x.diags.Warnf(nameCell.Pos, "bad-property-name", "property name %q cannot be a JSON member name in a Go struct tag; row skipped", name)
			continue
		}
		ref, ok := ParseTypeCell(typeCell.Inline, x.page.Namespace)
		if !ok {
			if asType, isType := ParseTypeCell(nameCell.Inline, x.page.Namespace); isType && strings.HasPrefix(asType.Name, "Edm.") {
				// "String | The email address. |": a capture lost the name
				// cell and every cell moved left.
				x.diags.Warnf(nameCell.Pos, "shifted-row", "row starting %q has lost its property name (its cells moved left); row skipped", name)
				continue
			}
			x.diags.Warnf(typeCell.Pos, "bad-type", "property %q: cannot read type %q; treating it as untyped JSON", name, typeCell.Text)
			ref = ir.TypeRef{Name: "Edm.Untyped", Raw: typeCell.Text}
		}
		if prev, dup := seen[name]; dup {
			x.diags.Warnf(nameCell.Pos, "duplicate-property", "property %q is listed twice (first at %s); keeping the first", name, prev)
			continue
		}
		seen[name] = nameCell.Pos
		// Required from a Required column; applyFacts adds what the
		// description says.
		p := ir.Property{Name: name, Type: ref, Description: cell(r, c.desc).Text, Pos: nameCell.Pos,
			Required: yes(cell(r, c.required).Text)}
		if name == "id" && x.page.Kind == ir.PageAPI && !isAction {
			t.Kind = ir.KindEntity
		}
		t.Properties = append(t.Properties, p)
	}
	for i := range t.Properties {
		p := &t.Properties[i]
		if parts := more[i]; len(parts) > 0 {
			p.Description = strings.TrimSpace(p.Description + " " + strings.Join(parts, " "))
		}
		for _, f := range applyFacts(p, analyze(p.Description), x.page.Namespace) {
			x.diags.Warnf(p.Pos, f.Code, "property %q: %s", p.Name, f.Message)
		}
	}
	if x.meta != nil && x.meta.KeyProperty != "" {
		t.Kind = ir.KindEntity
	}
	return t
}

type shape int

const (
	rowProperty shape = iota
	rowEmpty
	rowLabel        // a short group heading inside the table
	rowContinuation // the rest of the row above, after a stray line break
)

// rowShape tells property rows from the debris of real pages: rows with
// nothing but a first cell are group labels when short and continuation
// text when they read like prose.
func rowShape(r doc.Row, c columns) shape {
	filled := 0
	for _, cl := range r.Cells {
		if strings.TrimSpace(cl.Text) != "" {
			filled++
		}
	}
	first := strings.TrimSpace(cell(r, c.name).Text)
	switch {
	case filled == 0:
		return rowEmpty
	case filled > 1 || first == "" || strings.TrimSpace(cell(r, c.typ).Text) != "":
		return rowProperty
	case len(strings.Fields(first)) > 5 || strings.ContainsAny(first, ".,;:()"):
		return rowContinuation
	}
	return rowLabel
}

// validWireName reports whether a property name can be written in a Go
// struct tag as a JSON name: what encoding/json accepts, so never a quote,
// backslash, comma or backtick.
func validWireName(s string) bool {
	if s == "" || len(s) > 256 {
		return false
	}
	for _, r := range s {
		switch {
		case r == '@' || r == '.' || r == '_' || r == '-' || r == '$' || r == '#' || r == ':':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return true
}

func missingColumn(c columns) string {
	if c.name < 0 {
		return "Property/Name"
	}
	return "Type"
}

func headerText(t *doc.TableData) string {
	var s []string
	for _, h := range t.Header {
		s = append(s, h.Text)
	}
	return strings.Join(s, " | ")
}

// factsCache memoises prose.Analyze: real pages repeat descriptions a lot
// (the Intune corpus has 16,982 description cells, 4,876 distinct). Facts are
// read-only once made, so sharing them between pages is safe.
var factsCache sync.Map // string → prose.Facts

func analyze(desc string) prose.Facts {
	if f, ok := factsCache.Load(desc); ok {
		return f.(prose.Facts)
	}
	f := prose.Analyze(desc)
	if len(desc) <= 4096 { // keep pathological cells out of the cache
		factsCache.Store(desc, f)
	}
	return f
}

// applyFacts copies what the description says into the property, and
// returns the bounds it states that are not rules (prose.Rules decides).
func applyFacts(p *ir.Property, f prose.Facts, ns string) []prose.Finding {
	p.EnumValues = slices.Clone(f.EnumValues) // facts are shared through the cache
	p.ReadOnly = f.ReadOnly
	p.Required = p.Required || f.Required // a Required column may have said so
	p.Nullable = f.Nullable
	p.Default = f.Default
	if f.InheritedFrom != "" && identifier.MatchString(f.InheritedFrom) {
		p.InheritedFrom = qualify(f.InheritedFrom, ns)
	}
	rules, findings := prose.Rules(f, p.Type)
	p.Rules = rules
	return findings
}

// addType appends t to the page, merging it with a type of the same name
// already seen on the page (several tables documenting one type, such as a
// request body split by permission type): properties not yet listed are
// added, the first listing of a property wins.
func (x *extractor) addType(t *ir.Type) *ir.Type {
	for i := range x.page.Types {
		if have := &x.page.Types[i]; have.Name == t.Name {
			for _, p := range t.Properties {
				if !slices.ContainsFunc(have.Properties, func(q ir.Property) bool { return q.Name == p.Name }) {
					have.Properties = append(have.Properties, p)
				}
			}
			if t.Kind == ir.KindEntity {
				have.Kind = ir.KindEntity
			}
			return have
		}
	}
	t.Base = x.base
	x.page.Types = append(x.page.Types, *t)
	return &x.page.Types[len(x.page.Types)-1]
}

// relationships reads a Relationships table: navigation properties of the
// page's type, added after the properties it has (a name both tables list
// keeps its Properties row).
func (x *extractor) relationships(b *doc.Block, sub bool) {
	t := x.propertyTable(b, false, sub)
	if t == nil {
		return
	}
	for i := range t.Properties {
		t.Properties[i].Navigation = true
	}
	x.addType(t)
}

// headerTable reads a Header/Value table.
func (x *extractor) headerTable(b *doc.Block) []ir.Header {
	nameCol, valCol := -1, -1
	for i, h := range b.Table.Header {
		switch strings.ToLower(strings.TrimSpace(h.Text)) {
		case "header", "name":
			nameCol = i
		case "value", "description":
			if valCol < 0 {
				valCol = i
			}
		}
	}
	if nameCol < 0 {
		return nil
	}
	var hs []ir.Header
	for _, r := range b.Table.Rows {
		n := cell(r, nameCol)
		if n.Text == "" {
			continue
		}
		hs = append(hs, ir.Header{Name: n.Text, Value: cell(r, valCol).Text, Pos: n.Pos})
	}
	return hs
}

// memberTable reads an enum Members table for the enum named name.
func (x *extractor) memberTable(b *doc.Block, name string) *ir.Enum {
	c := findColumns(b.Table)
	if c.name < 0 {
		x.diags.Warnf(b.Pos, "table-columns", "members table has no Member/Name column (header: %s)", headerText(b.Table))
		return nil
	}
	if name == "" {
		if x.page.Title == "" {
			x.diags.Errorf(b.Pos, "no-type-name", "cannot tell which enum this members table documents: the page has no title (a capture that lost it?)")
		} else {
			x.diags.Errorf(x.page.Pos, "no-type-name", "cannot tell which enum the page %q documents", x.page.Title)
		}
		return nil
	}
	e := &ir.Enum{Name: name, Source: "page", Pos: b.Pos}
	seen := map[string]bool{}
	for _, r := range b.Table.Rows {
		nc := cell(r, c.name)
		name := strings.Trim(strings.TrimSpace(nc.Text), "`*")
		if name == "" || prose.IsNull(name) {
			continue
		}
		if !identifier.MatchString(name) {
			x.diags.Warnf(nc.Pos, "bad-member", "enum member %q is not an identifier; skipped", name)
			continue
		}
		if seen[name] {
			x.diags.Warnf(nc.Pos, "duplicate-member", "enum member %q is listed twice; keeping the first", name)
			continue
		}
		seen[name] = true
		m := ir.EnumMember{Name: name, Description: cell(r, c.desc).Text, Pos: nc.Pos}
		if v := strings.TrimSpace(cell(r, c.value).Text); v != "" {
			if n, err := strconv.ParseInt(v, 0, 64); err == nil {
				m.Value = &n
			} else {
				x.diags.Warnf(cell(r, c.value).Pos, "bad-member-value", "enum member %q: value %q is not an integer", name, v)
			}
		}
		e.Members = append(e.Members, m)
	}
	e.Flags = x.isFlags(e)
	return e
}

// code handles a code block: request lines in the HTTP request section, and
// examples everywhere else.
func (x *extractor) code(b *doc.Block, sec section, op *ir.Operation) {
	meta := x.meta
	x.meta = nil
	if sec == secHTTPRequest && op != nil {
		for i, line := range strings.Split(b.Code, "\n") {
			line = strings.TrimSpace(line)
			m := requestLine(line)
			if m == nil {
				continue
			}
			pos := b.Pos
			pos.Line += i
			if op.Method == "" {
				op.Method = m[1]
				if binding, name, ok := x.action(); ok {
					x.typeName = qualify(actionParams(m[2], binding, name), x.page.Namespace)
				}
			} else if op.Method != m[1] {
				x.diags.Warnf(pos, "mixed-methods", "request line uses %s but the page documents %s; skipped", m[1], op.Method)
				continue
			}
			tmpl := trimHost(m[2])
			if !strings.HasPrefix(tmpl, "/") {
				x.diags.Warnf(pos, "bad-request-path", "request line %s %q has no path starting with /; no request function for it", m[1], m[2])
				continue
			}
			params, bad := pathParams(tmpl)
			if bad != "" {
				x.diags.Errorf(pos, "bad-path-parameter", "request line %s %q: path parameter %q is not a parameter name (letters, digits, '_', '-', '.'; alternatives joined by '|'); no request function for it", m[1], m[2], bad)
				continue
			}
			op.Paths = append(op.Paths, ir.Path{Template: tmpl, Params: params, Pos: pos})
		}
		return
	}
	if sdkLanguage[strings.ToLower(b.Lang)] {
		return // an SDK snippet (a tab of a rendered example), not a payload
	}
	ex, ok := x.example(b, sec, meta)
	if ok {
		x.page.Examples = append(x.page.Examples, ex)
	}
}

// sdkLanguage are code block languages of SDK snippets, which rendered pages
// show beside the HTTP example ("csharp", "go", ...): their text is code,
// never a JSON payload, even when it starts with "{".
var sdkLanguage = map[string]bool{
	"csharp": true, "cs": true, "c#": true, "go": true, "golang": true, "java": true,
	"javascript": true, "js": true, "typescript": true, "ts": true, "powershell": true,
	"python": true, "py": true, "php": true, "ruby": true, "objc": true, "swift": true,
	"kotlin": true, "cpp": true, "azurecli": true, "cli": true, "bash": true, "shell": true,
	"sh": true, "console": true,
}

var (
	// requestLineRe reads the method and path at the start of a request
	// line, statusLineRe the status code of a status line.
	requestLineRe = regexp.MustCompile(`^(` + doc.RequestMethod + `)\s+(` + doc.RequestPath + `)`)
	statusLineRe  = regexp.MustCompile(`^` + doc.HTTPVersion + `\s+(\d{3})`)
	hostPrefix    = regexp.MustCompile(`^(?i)https?://[^/]+(/(v1\.0|beta))?`)
	pathParam     = regexp.MustCompile(`\{([^{}]+)\}`)
	httpHeader    = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$`)
)

// actionParams names the parameters type of an action from the entity it is
// bound to: "/policySets/{policySetId}/update" → "policySetUpdateParameters".
// A binding the title names ("policySet: update") is used as it is.
func actionParams(path, binding, action string) string {
	segs := strings.Split(strings.Trim(trimHost(path), "/"), "/")
	for i := len(segs) - 2; i >= 0 && binding == ""; i-- {
		s := segs[i]
		if m := pathParam.FindStringSubmatch(s); m != nil {
			binding = strings.TrimSuffix(strings.TrimSuffix(m[1], "Id"), "ID")
		} else if s != "" {
			binding = s
		}
	}
	name := strings.ToUpper(action[:1]) + action[1:] + "Parameters"
	if identifier.MatchString(binding) && !strings.Contains(binding, ".") {
		return binding + name
	}
	return strings.ToLower(name[:1]) + name[1:]
}

func trimHost(u string) string {
	u = hostPrefix.ReplaceAllString(u, "")
	if u == "" {
		u = "/"
	}
	return u
}

// pathParams returns the parameters a path template names in braces, or the
// first brace text that is not a parameter name: "{id}", "{site-id}" and
// "{id | userPrincipalName}" are names; "{}", "{x y}" and anything holding
// quotes, slashes or other code-like text are not. The names reach
// generated code only as identifiers made of their letters and digits and
// as string literals, but a name is documentation text like any other, so
// what is not a name is refused rather than repaired.
func pathParams(p string) (params []string, bad string) {
	for _, m := range pathParam.FindAllStringSubmatch(p, -1) {
		if !paramName.MatchString(m[1]) {
			return nil, m[1]
		}
		params = append(params, m[1])
	}
	if strings.Count(p, "{") != len(params) || strings.Count(p, "}") != len(params) {
		return nil, p // an unbalanced or nested brace
	}
	return params, ""
}

// paramName is a path parameter name, with alternatives ("{id |
// userPrincipalName}").
var paramName = regexp.MustCompile(`^ *[A-Za-z_][A-Za-z0-9_.-]*( *\| *[A-Za-z_][A-Za-z0-9_.-]*)* *$`)

// example reads a JSON example from a code block: an "http" block with a
// request or status line, headers and a body, or a bare JSON block.
func (x *extractor) example(b *doc.Block, sec section, meta *blockMeta) (ir.Example, bool) {
	lines := strings.Split(b.Code, "\n")
	ex := ir.Example{Pos: b.Pos}
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i < len(lines) {
		first := strings.TrimSpace(lines[i])
		if m := requestLine(first); m != nil {
			ex.Role, ex.Method, ex.URL = ir.RoleRequest, m[1], m[2]
			i++
		} else if m := statusLineRe.FindStringSubmatch(first); m != nil {
			ex.Role = ir.RoleResponse
			ex.Status, _ = strconv.Atoi(m[1])
			i++
		}
		if ex.Role != "" {
			for i < len(lines) {
				l := strings.TrimSpace(lines[i])
				m := httpHeader.FindStringSubmatch(l)
				if m == nil {
					break
				}
				ex.Headers = append(ex.Headers, ir.Header{Name: m[1], Value: m[2], Pos: ir.Pos{File: b.Pos.File, Line: b.Pos.Line + i, Path: b.Pos.Path}})
				i++
			}
		}
	}
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	body := strings.Join(lines[i:], "\n")
	if strings.TrimSpace(body) == "" {
		return ex, false
	}
	if t := strings.TrimSpace(body); !strings.HasPrefix(t, "{") && !strings.HasPrefix(t, "[") {
		return ex, false
	}
	ex.Body = body
	if b.Pos.Line > 0 {
		ex.Pos.Line = b.Pos.Line + i
	}
	if ex.Role == "" {
		switch {
		case meta != nil && meta.BlockType == "resource", sec == secJSON:
			ex.Role = ir.RoleResource
		case meta != nil && meta.BlockType == "request", sec == secExampleRequest:
			ex.Role = ir.RoleRequest
		case meta != nil && meta.BlockType == "response", sec == secExampleResponse:
			ex.Role = ir.RoleResponse
		case x.page.Kind == ir.PageResource:
			ex.Role = ir.RoleResource
		default:
			ex.Role = ir.RoleResponse
		}
	}
	var explicit bool
	ex.Type, explicit = x.exampleType(ex, meta)
	ex.Collection = isCollection(ex.Body)
	if !explicit && ex.Role == ir.RoleResponse {
		// The caller appends ex to page.Examples next.
		x.subjectTyped = append(x.subjectTyped, len(x.page.Examples))
	}
	return ex, true
}

// isCollection reports whether a JSON body is a collection response: an
// object whose only members, besides "@odata" annotations, are "value"
// holding an array.
func isCollection(body string) bool {
	v, ok := ir.ValueMember(body)
	return ok && strings.HasPrefix(strings.TrimSpace(string(v)), "[")
}

// exampleType is the type an example shows: its "@odata.type" or the
// type its metadata comment names (explicit), else the page's subject (a
// guess that finishOperation replaces by the documented response type).
func (x *extractor) exampleType(ex ir.Example, meta *blockMeta) (name string, explicit bool) {
	var probe struct {
		ODataType string `json:"@odata.type"`
	}
	if json.Unmarshal([]byte(ex.Body), &probe) == nil && probe.ODataType != "" {
		return qualify(strings.TrimPrefix(probe.ODataType, "#"), x.page.Namespace), true
	}
	if meta != nil && meta.ODataType != "" {
		return qualify(strings.TrimPrefix(meta.ODataType, "#"), x.page.Namespace), true
	}
	return x.typeName, false
}

// responseFromExample gives an action or function whose response section
// names no type we can read (a misspelt bold name, plain prose) but
// documents a response body the type its response example shows wrapped
// as the service wraps one value: {"value": {"@odata.type": "#x", ...}}.
// Only that shape counts: the annotation then names the answer itself, not
// one item of a collection, and the page gives no other type to trust.
func (x *extractor) responseFromExample(op *ir.Operation) {
	if op.Response.Name != "" || op.ResponseStatus == 204 || (op.Kind != ir.OpAction && op.Kind != ir.OpFunction) {
		return
	}
	for _, i := range x.subjectTyped {
		odataType, ok := ir.WrappedObject(x.page.Examples[i].Body)
		if !ok || !identifier.MatchString(odataType) {
			continue
		}
		op.Response = ir.TypeRef{Name: qualify(odataType, x.page.Namespace)}
		x.diags.Warnf(x.page.Examples[i].Pos, "response-from-example", "the response section names no type docgen can read; taking %s, the type the response example shows", op.Response.Name)
		return
	}
}

// finishOperation fills in what the page implies but does not state, and
// reports what an operation page must have.
func (x *extractor) finishOperation(op *ir.Operation) {
	// A request line whose path is unusable was reported where it is; the
	// operation still gets its body type, without a request function.
	if op.Method == "" {
		x.diags.Errorf(x.page.Pos, "no-request-line", "API page %q has no HTTP request line (expected e.g. \"PATCH /things/{id}\" under an \"HTTP request\" heading)", x.page.Title)
	}
	if isReference(op) {
		// The body is {"@odata.id": URL} whatever the page calls it ("a
		// user object", a table of one "@odata.id" row).
		op.Reference = true
		op.Body, op.BodyProperties, op.BodyWholeType = ir.TypeRef{}, nil, false
	} else if len(op.BodyProperties) > 0 && x.typeName != "" {
		op.Body = ir.TypeRef{Name: x.typeName}
	} else if len(op.BodyProperties) == 0 && x.wholeBody.Name != "" && !x.binaryBody {
		// No table, but the body is "a JSON representation of" a type
		// (documented on its own page): resolve gives it that type's
		// properties.
		op.Body, op.BodyWholeType = x.wholeBody, true
	} else if (op.Method == "PATCH" || op.Method == "PUT") && !x.diags.HasErrors() && !x.binaryBody {
		x.inferBody(op)
	}
	_, _, isAction := x.action()
	switch {
	case isAction && op.Method == "GET":
		op.Kind = ir.OpFunction
	case isAction:
		op.Kind = ir.OpAction
	default:
		// The type the page reads, writes or deletes; an action's is the
		// entity it is bound to, which resolve finds from the paths.
		op.Subject = x.typeName
	}
	// An action's subject is its parameters type, which it does not return.
	if op.Response.Name == "" && op.ResponseStatus == 200 && x.typeName != "" && !isAction {
		op.Response = ir.TypeRef{Name: x.typeName}
	}
	for i := range x.page.Types {
		if x.page.Types[i].Name == x.typeName && len(op.Paths) > 0 && !isAction {
			x.page.Types[i].Kind = ir.KindEntity
		}
	}
}

// inferBody gives an update (PATCH, PUT) whose page has no body table ("In
// the request body, supply the values for relevant fields that should be
// updated", then only an example) its body: a partial of the entity the
// page updates, whose writable properties resolve reads from its resource
// page (BodyInferred). A page that names no entity is an error.
func (x *extractor) inferBody(op *ir.Operation) {
	if x.typeName == "" {
		x.diags.Errorf(x.page.Pos, "no-body-table", "%s page %q has no request body property table, and names no entity it updates", op.Method, x.page.Title)
		return
	}
	op.Body, op.BodyInferred = ir.TypeRef{Name: x.typeName, Href: x.subjectHref()}, true
}

// isReference reports whether op adds or sets a relationship: a POST or
// PUT whose every path ends in "/$ref" (as "PUT /users/{id}/manager/$ref"),
// whose body is an entity reference, {"@odata.id": URL}.
func isReference(op *ir.Operation) bool {
	if (op.Method != "POST" && op.Method != "PUT") || len(op.Paths) == 0 {
		return false
	}
	for _, p := range op.Paths {
		if !strings.HasSuffix(p.Template, "/$ref") {
			return false
		}
	}
	return true
}

// subjectHref is the link the page's prose gives its subject by, if any.
func (x *extractor) subjectHref() string {
	short := x.typeName[strings.LastIndex(x.typeName, ".")+1:]
	for _, b := range x.d.Blocks {
		if b.Kind != doc.Paragraph {
			continue
		}
		for _, l := range b.Text.Links {
			if strings.EqualFold(strings.Trim(strings.TrimSpace(l.Text), "`*"), short) {
				return l.Href
			}
		}
	}
	return ""
}

// Package ir is docgen's intermediate representation: plain data that every
// front end (text, markdown, HTML) produces and every emitter consumes.
//
// The JSON form of these types (printed by `docgen ir`) is a public interface;
// see README.md for the keys other tools may rely on. Slices are used instead of
// maps because order carries meaning and output must be deterministic.
package ir

// DefaultNamespace is the namespace of a page that does not name one.
const DefaultNamespace = "microsoft.graph"

// Pos is where a node came from. File is slash-separated and relative to the
// working directory (never absolute). Line and Col are 1-based; for HTML input,
// which has no reliable line numbers, Path holds a selector-like path instead
// (for example "table[2] tr[3] td[2]") and Line may be 0.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col,omitempty"`
	Path string `json:"path,omitempty"`
}

// IsValid reports whether p names a file.
func (p Pos) IsValid() bool { return p.File != "" }

// Spec is a resolved set of pages: everything an emitter needs.
type Spec struct {
	// Version is the API version the pages document ("v1.0" or "beta"), ""
	// when none says; see ServiceRoot.
	Version    string      `json:"version,omitempty"`
	Types      []Type      `json:"types"`
	Enums      []Enum      `json:"enums"`
	Operations []Operation `json:"operations"`
	Examples   []Example   `json:"examples,omitempty"`
	// Skipped are the pages that could not be read, and Omitted what the
	// readable pages document that depends on them and is therefore left
	// out (see Resolve): partial input, never partial truth.
	Skipped []SkippedPage `json:"skipped,omitempty"`
	Omitted []Omission    `json:"omitted,omitempty"`
}

// TypeKind distinguishes entities (addressable, with a key) from complex types.
type TypeKind string

// Type kinds.
const (
	KindEntity  TypeKind = "entity"
	KindComplex TypeKind = "complex"
)

// Type is an entity or complex type.
type Type struct {
	Name        string     `json:"name"` // qualified, e.g. microsoft.graph.mobileThreatDefenseConnector
	Kind        TypeKind   `json:"kind"`
	Base        string     `json:"base"` // qualified name or empty
	Abstract    bool       `json:"abstract,omitempty"`
	Description string     `json:"description,omitempty"`
	Properties  []Property `json:"properties"`
	// Synthesized is set when no page documents the type itself and it was
	// inferred (for example from "Inherited from x" notes).
	Synthesized bool `json:"synthesized,omitempty"`
	// Derived lists every type that derives from this one, directly or not,
	// sorted. A property of a type with derived types may hold any of them.
	Derived []string `json:"derived,omitempty"`
	GoName  string   `json:"goName,omitempty"`
	// AnyGoName and KindGoName, set for types that have derived types or are
	// the type of some property, name the Go wrapper that holds the type or any
	// type derived from it (known or not) and the interface they implement.
	AnyGoName  string `json:"anyGoName,omitempty"`
	KindGoName string `json:"kindGoName,omitempty"`
	Pos        Pos    `json:"pos"`
}

// TypeRef names a type: an EDM primitive ("Edm.String") or a qualified
// type or enum name ("microsoft.graph.x").
type TypeRef struct {
	Name       string `json:"name"`
	Collection bool   `json:"collection"`
	// Raw is the type cell as written, when it differs from Name.
	Raw string `json:"raw,omitempty"`
	// Href is the link target of the type cell, when it had one; resolution
	// uses it to find the page that defines the type.
	Href string `json:"href,omitempty"`
}

// IsPrimitive reports whether r names an EDM primitive type.
func (r TypeRef) IsPrimitive() bool { return len(r.Name) > 4 && r.Name[:4] == "Edm." }

// Classes of EDM primitives, for everything that checks values (the
// generated rules, lint's check of examples), so that they agree on which
// documented rule applies to which type.

// IsInteger reports whether name is an EDM integer type.
func IsInteger(name string) bool {
	switch name {
	case "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte":
		return true
	}
	return false
}

// IsFloat reports whether name is an EDM non-integer number type
// (Edm.Decimal included).
func IsFloat(name string) bool {
	return name == "Edm.Double" || name == "Edm.Single" || name == "Edm.Decimal"
}

// IsNumeric reports whether name is an EDM number type: ranges apply to it.
func IsNumeric(name string) bool { return IsInteger(name) || IsFloat(name) }

// IsFormatted reports whether name is an EDM type written as a string of a
// set form (a timestamp, a duration, a GUID, base64).
func IsFormatted(name string) bool {
	switch name {
	case "Edm.DateTimeOffset", "Edm.Date", "Edm.TimeOfDay", "Edm.Duration", "Edm.Guid", "Edm.Binary":
		return true
	}
	return false
}

// Property is one row of a property table.
type Property struct {
	Name        string  `json:"name"` // wire name
	Type        TypeRef `json:"type"`
	Description string  `json:"description,omitempty"`
	// InheritedFrom is the qualified base type the docs say declares it.
	InheritedFrom string `json:"inheritedFrom,omitempty"`
	ReadOnly      bool   `json:"readOnly,omitempty"`
	Required      bool   `json:"required,omitempty"`
	// Navigation marks a navigation property (a row of a Relationships
	// table): a model holds it when a response $expand-s it, and no body
	// sends it unless a body table lists it.
	Navigation bool   `json:"navigation,omitempty"`
	Nullable   *bool  `json:"nullable,omitempty"`
	Default    string `json:"default,omitempty"`
	// EnumValues are values listed in the description ("Possible values are: a, b").
	EnumValues []string `json:"enumValues,omitempty"`
	Rules      []Rule   `json:"rules,omitempty"`
	GoName     string   `json:"goName,omitempty"`
	Pos        Pos      `json:"pos"`
}

// Property returns t's property with the wire name name, or nil.
func (t *Type) Property(name string) *Property {
	for i := range t.Properties {
		if t.Properties[i].Name == name {
			return &t.Properties[i]
		}
	}
	return nil
}

// RuleKind names a validation rule extracted from prose.
type RuleKind string

// Rule kinds.
const (
	RuleRange     RuleKind = "range"     // numeric Min..Max
	RuleMaxLength RuleKind = "maxLength" // string length ≤ Max
	RuleMinLength RuleKind = "minLength" // string length ≥ Min
	RuleMaxItems  RuleKind = "maxItems"  // collection size ≤ Max
	RuleMinItems  RuleKind = "minItems"  // collection size ≥ Min
)

// Rule is a constraint stated in a description, with the text it came from.
type Rule struct {
	Kind RuleKind `json:"kind"`
	Min  *float64 `json:"min,omitempty"`
	Max  *float64 `json:"max,omitempty"`
	Text string   `json:"text"`
}

// Enum is an enumeration type.
type Enum struct {
	Name        string       `json:"name"` // qualified
	Description string       `json:"description,omitempty"`
	Flags       bool         `json:"flags,omitempty"`
	Members     []EnumMember `json:"members"`
	// Source says where the members came from: "page" (an enum page) or
	// "description" (a "Possible values are" list in a property description).
	Source string `json:"source"`
	GoName string `json:"goName,omitempty"`
	Pos    Pos    `json:"pos"`
}

// EnumMember is one enum value.
type EnumMember struct {
	Name        string `json:"name"`            // wire value
	Value       *int64 `json:"value,omitempty"` // numeric value when documented
	Description string `json:"description,omitempty"`
	GoName      string `json:"goName,omitempty"`
	Pos         Pos    `json:"pos"`
}

// Operation is a documented HTTP operation.
type Operation struct {
	Name    string   `json:"name"` // page title, e.g. "Update mobileThreatDefenseConnector"
	Method  string   `json:"method"`
	Paths   []Path   `json:"paths"`
	Headers []Header `json:"headers,omitempty"`
	// Body is the request body type; empty Name means no body.
	Body TypeRef `json:"body"`
	// BodyProperties are the wire names the request-body table lists, in order.
	BodyProperties []string `json:"bodyProperties,omitempty"`
	// BodyWholeType: the page has no body table but says the body is "a
	// JSON representation of" the Body type, so the body is that whole type:
	// Resolve fills BodyProperties with every property of Body (inherited
	// ones included, read-only ones too: CheckReadOnly reports them).
	BodyWholeType bool `json:"bodyWholeType,omitempty"`
	// BodyInferred: the page (an update) has no body table and does not
	// say what the body is, so the body is a partial of the entity the page
	// updates: Resolve fills BodyProperties with the writable properties of
	// Body, read-only and navigation ones left out.
	BodyInferred bool `json:"bodyInferred,omitempty"`
	// Reference: the request adds or sets a relationship (a POST or PUT
	// whose every path ends in "/$ref"), and its body is an entity
	// reference, {"@odata.id": URL}, not a type of the docs: Body is empty.
	Reference bool `json:"reference,omitempty"`
	// Response is the type returned on success; empty Name means none.
	Response       TypeRef `json:"response"`
	ResponseStatus int     `json:"responseStatus,omitempty"`
	// Kind is what the operation does (see OpKind): the parser sets it for
	// actions and functions, which their pages name; Resolve sets the rest
	// from the method and the response.
	Kind OpKind `json:"kind,omitempty"`
	// Subject is the qualified type the operation reads, writes or
	// deletes, or the entity an action or function is bound to; empty
	// when the pages do not tell. Select takes an operation along with its
	// subject.
	Subject string `json:"subject,omitempty"`
	// Also are the other pages that document this same request (the same
	// method, a path in common, the same body and response), merged into
	// this operation by Resolve; their paths are among Paths.
	Also   []OperationRef `json:"also,omitempty"`
	GoName string         `json:"goName,omitempty"`
	Pos    Pos            `json:"pos"`
}

// Path is one request path template, such as
// /deviceManagement/mobileThreatDefenseConnectors/{mobileThreatDefenseConnectorId}.
type Path struct {
	Template string   `json:"template"`
	Params   []string `json:"params,omitempty"`
	// GoName names the request builder and client method for this path;
	// ParamGoNames are the Go parameter names for Params.
	GoName       string   `json:"goName,omitempty"`
	ParamGoNames []string `json:"paramGoNames,omitempty"`
	Pos          Pos      `json:"pos"`
}

// Header is a documented request header.
type Header struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	Pos   Pos    `json:"pos"`
}

// ExampleRole says what an example shows.
type ExampleRole string

// Example roles.
const (
	RoleRequest  ExampleRole = "request"
	RoleResponse ExampleRole = "response"
	RoleResource ExampleRole = "resource" // a "JSON representation" block
)

// EntityReference is the Type of a request example of a Reference
// operation: the body {"@odata.id": URL}, which no page documents as a
// type (generated code has the runtime's Reference for it).
const EntityReference = "odata.entityReference"

// Example is a JSON example found on a page, kept verbatim.
type Example struct {
	Role ExampleRole `json:"role"`
	// Type is the qualified type the example shows, when known.
	Type string `json:"type,omitempty"`
	// Method, URL and Status come from the HTTP lines around the body.
	Method  string   `json:"method,omitempty"`
	URL     string   `json:"url,omitempty"`
	Status  int      `json:"status,omitempty"`
	Headers []Header `json:"headers,omitempty"`
	// Collection: the body is a collection of Type, {"value": [...]} (a
	// list response), not one.
	Collection bool `json:"collection,omitempty"`
	// Wrapped: the body wraps one Type in {"value": {...}}, as some pages
	// show a single entity (the service answers with the entity itself).
	Wrapped bool   `json:"wrapped,omitempty"`
	Body    string `json:"body"`
	Pos     Pos    `json:"pos"` // position of the first line of Body
}

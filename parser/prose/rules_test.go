package prose

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docgen-dev/docgen/ir"
)

// TestNumbers reads the numbers of real sentences right: "graph docs"
// quotes current Microsoft Graph pages (v1.0 user, group, servicePrincipal,
// appRole, extensionProperty, objectIdentity and translateExchangeIds
// pages), the ones marked "issue" are the sentences docgen once read
// wrong (maxLength=1 from "1,024", 0..65 from "0 to 65,535").
func TestNumbers(t *testing.T) {
	runCases(t, []analyzeCase{
		{
			name: "graph docs, issue: thousands separator in a length",
			in:   "The street address of the user's place of business. Maximum length is 1,024 characters. Requires $select to retrieve.",
			want: Facts{Bounds: []Bound{{Length, nil, fl(1024), "Maximum length is 1,024 characters", ""}}},
		},
		{
			name: "issue: thousands separator in a range",
			in:   "The port to connect to. Valid values 0 to 65,535.",
			want: Facts{Bounds: []Bound{{Value, fl(0), fl(65535), "Valid values 0 to 65,535", ""}}},
		},
		{
			name: "issue: two thousands separators",
			in:   "The number of rows to read. Valid values 1 to 10,000,000",
			want: Facts{Bounds: []Bound{{Value, fl(1), fl(10000000), "Valid values 1 to 10,000,000", ""}}},
		},
		{
			name: "at most, with a separator and no unit",
			in:   "The number of entries to keep, at most 1,024.",
			want: Facts{Bounds: []Bound{{Value, nil, fl(1024), "at most 1,024", ""}}},
		},
		{
			name: "between, with a separator",
			in:   "The retention in days, between 1 and 3,650 inclusive.",
			want: Facts{Bounds: []Bound{{Value, fl(1), fl(3650), "between 1 and 3,650 inclusive", ""}}},
		},
		{name: "between 1 and 255 characters", in: "The name, between 1 and 255 characters.", want: Facts{Bounds: []Bound{{Length, fl(1), fl(255), "between 1 and 255 characters", ""}}}},
		{name: "up to 256 characters", in: "A note of up to 256 characters.", want: Facts{Bounds: []Bound{{Length, nil, fl(256), "up to 256 characters", ""}}}},
		{name: "no more than 10 items", in: "A list of no more than 10 items.", want: Facts{Bounds: []Bound{{Items, nil, fl(10), "no more than 10 items", ""}}}},
		{
			name: "graph docs: must not exceed N characters in length",
			in:   "Specifies the value to include in the roles claim in ID tokens and access tokens authenticating an assigned user or service principal. Must not exceed 120 characters in length.",
			want: Facts{Bounds: []Bound{{Length, nil, fl(120), "Must not exceed 120 characters", ""}}},
		},
		{
			name: "graph docs: the maximum allowed size",
			in:   "Free text field to provide an internal end-user facing description of the service principal. The maximum allowed size is 1024 characters. Supports $filter (eq, ne, NOT, ge, le, startsWith) and $search.",
			want: Facts{Bounds: []Bound{{Length, nil, fl(1024), "maximum allowed size is 1024 characters", ""}}},
		},
		{
			name: "graph docs: the size of a collection",
			in:   "A collection of identifiers to convert. All identifiers in the collection MUST have the same source ID type, and MUST be for items in the same mailbox. Maximum size of this collection is 1000 strings.",
			want: Facts{Bounds: []Bound{{Items, nil, fl(1000), "Maximum size of this collection is 1000 strings", ""}}},
		},
		{
			name: "graph docs: N character limit",
			in:   "Specifies the issuer of the identity, for example facebook.com. Supports $filter. 512 character limit.",
			want: Facts{Bounds: []Bound{{Length, nil, fl(512), "512 character limit", ""}}},
		},
		{
			name: "graph docs: a count and a length per item",
			in:   "A list of other email addresses for the user; for example: [\"bob@contoso.com\", \"Robert@fabrikam.com\"]. Can store up to 250 values, each with a limit of 250 characters. NOTE: This property can't contain accent characters.",
			want: Facts{Bounds: []Bound{{Items, nil, fl(250), "up to 250 values", ""}, {Length, nil, fl(250), "limit of 250 characters", ""}}},
		},
		{
			name: "graph docs: a misspelt unit after maximum length",
			in:   "The name of the company that the user is associated with. This property can be useful for describing the company that an external user comes from. The maximum length of the company name is 64 chararcters.",
			want: Facts{Bounds: []Bound{{Length, nil, fl(64), "maximum length of the company name is 64", ""}}},
		},
		{
			name: "graph docs: the valid range of values is between",
			in:   "Priority of the task. The valid range of values is between 0 and 10, with the increasing value being lower priority (0 has the highest priority and 10 has the lowest priority).",
			want: Facts{Bounds: []Bound{{Value, fl(0), fl(10), "between 0 and 10", ""}}},
		},
		{name: "negative with a minus sign", in: "Latitude, between −90 and 90.", want: Facts{Bounds: []Bound{{Value, fl(-90), fl(90), "between −90 and 90", ""}}}},
		{name: "decimals", in: "The ratio, between 0.5 and 1.5.", want: Facts{Bounds: []Bound{{Value, fl(0.5), fl(1.5), "between 0.5 and 1.5", ""}}}},
		{name: "a time unit after a range", in: "Deadline, between 1 and 30 days.", want: Facts{Bounds: []Bound{{Value, fl(1), fl(30), "between 1 and 30", ""}}}},
		{
			name: "digits after a comma that are no thousands group",
			in:   "The label. Maximum length is 1,02 characters.",
			want: Facts{Bounds: []Bound{{Length, nil, fl(1), "Maximum length is 1,02", "the number runs on into \",02\": digits after a comma that are no thousands group"}}},
		},
		{name: "0,100 is no thousands number", in: "Valid values are 0,100 only."},
		{
			name: "graph docs: bounds on the entries of a list of values",
			in:   "Specifies the data type of the value the extension property can hold. Following values are supported. Not nullable. Binary - 256 bytes maximum Boolean DateTime - Must be specified in ISO 8601 format. Will be stored in UTC. Integer - 32-bit value. LargeInteger - 64-bit value. String - 256 characters maximum",
			want: Facts{
				Bounds: []Bound{
					{Bytes, nil, fl(256), "256 bytes maximum", "it follows the list entry \"Binary -\", so it may limit that entry rather than the property"},
					{Length, nil, fl(256), "256 characters maximum", "it follows the list entry \"String -\", so it may limit that entry rather than the property"},
				},
				Nullable: no(), NullableText: "Not nullable",
			},
		},
		{name: "graph docs: a page size is no count of the property", in: "Devices that are registered for the user. Read-only. Nullable. Supports $expand and returns up to 100 objects.", want: Facts{ReadOnly: true, ReadOnlyText: "Read-only", Nullable: yes(), NullableText: "Nullable"}},
		{name: "graph docs: a count of something else", in: "The members of the group. Note that up to 20 members can be added in a single request."},
		{name: "graph docs: a length the service gives", in: "ID of the task. It's 28 characters long and case-sensitive."},
		{name: "graph docs: the first N characters", in: "The first 255 characters of the message body. It is in text format."},
		{name: "graph docs: up to N hours", in: "The team. It can take up to 2 hours for the owners to be synchronized."},
		{
			name: "corpus: recommended values are no bound",
			in:   "Maximum cache size. Recommended values: 1 MB to 100,000 MB. Valid values 1 to 100000",
			want: Facts{Bounds: []Bound{{Value, fl(1), fl(100000), "Valid values 1 to 100000", ""}}},
		},
	})
}

func TestRules(t *testing.T) {
	str := ir.TypeRef{Name: "Edm.String"}
	strs := ir.TypeRef{Name: "Edm.String", Collection: true}
	i32 := ir.TypeRef{Name: "Edm.Int32"}
	for _, c := range []struct {
		name  string
		in    string
		typ   ir.TypeRef
		rules []ir.Rule
		codes []string
	}{
		{
			name:  "issue: the user streetAddress gets the whole length",
			in:    "The street address of the user's place of business. Maximum length is 1,024 characters.",
			typ:   str,
			rules: []ir.Rule{{Kind: ir.RuleMaxLength, Max: fl(1024), Text: "Maximum length is 1,024 characters"}},
		},
		{
			name:  "a range on a number",
			in:    "Hours to wait, minimum 1, maximum 24.",
			typ:   i32,
			rules: []ir.Rule{{Kind: ir.RuleRange, Min: fl(1), Max: fl(24), Text: "minimum 1, maximum 24"}},
		},
		{
			name:  "a length on each string of a collection, and the count",
			in:    "Can store up to 250 values, each with a limit of 250 characters.",
			typ:   strs,
			rules: []ir.Rule{{Kind: ir.RuleMaxLength, Max: fl(250), Text: "limit of 250 characters"}, {Kind: ir.RuleMaxItems, Max: fl(250), Text: "up to 250 values"}},
		},
		{
			name:  "a length and its minimum",
			in:    "The secret, at least 8 characters and up to 64 characters.",
			typ:   str,
			rules: []ir.Rule{{Kind: ir.RuleMinLength, Min: fl(8), Text: "at least 8 characters"}, {Kind: ir.RuleMaxLength, Max: fl(64), Text: "up to 64 characters"}},
		},
		{name: "a length on a number", in: "Maximum length is 64 characters.", typ: i32, codes: []string{"rule-not-applicable"}},
		{name: "a length on a stream", in: "The logo. Maximum length is 64 characters.", typ: ir.TypeRef{Name: "Edm.Stream"}, codes: []string{"rule-not-applicable"}},
		{name: "graph docs: a length on a complex type", in: "Contains extensionAttributes1-15 for the user. Each attribute can store up to 1024 characters.", typ: ir.TypeRef{Name: "microsoft.graph.onPremisesExtensionAttributes"}, codes: []string{"rule-not-applicable"}},
		{name: "a count on one value", in: "Can store up to 250 values.", typ: str, codes: []string{"rule-not-applicable"}},
		{name: "a range on a string", in: "Valid values 0 to 10.", typ: str, codes: []string{"rule-not-applicable"}},
		{name: "a range on a duration", in: "The interval, between 1 and 30 days.", typ: ir.TypeRef{Name: "Edm.Duration"}, codes: []string{"rule-not-applicable"}},
		{name: "a size in bytes", in: "The thumbprint. Maximum length is 64 bytes.", typ: str, codes: []string{"rule-doubtful"}},
		{name: "unreadable digits", in: "Maximum length is 1,02 characters.", typ: str, codes: []string{"rule-doubtful"}},
		{name: "an inverted range", in: "Value must be between 10 and 5.", typ: i32, codes: []string{"rule-doubtful"}},
		{
			name:  "corpus: two different ranges",
			in:    "Restart score. Score will be in the range 0-100, 100 is the ideal score, 0 indicates excessive restarts. Valid values 0 to 9999999",
			typ:   i32,
			codes: []string{"rule-conflict"},
		},
		{name: "a minimum above a maximum stated apart", in: "The code. At least 10 characters. Up to 8 characters.", typ: str, codes: []string{"rule-conflict"}},
		{name: "two different maximum lengths", in: "Maximum length is 64 characters. Up to 128 characters.", typ: str, codes: []string{"rule-conflict"}},
		{name: "a default outside the range", in: "The timeout. Valid values 1 to 10. The default is 20.", typ: i32, codes: []string{"rule-conflict"}},
		{
			name:  "a default inside the range",
			in:    "The timeout. Valid values 1 to 10. The default is 5.",
			typ:   i32,
			rules: []ir.Rule{{Kind: ir.RuleRange, Min: fl(1), Max: fl(10), Text: "Valid values 1 to 10"}},
		},
		{
			name:  "a range said twice is one rule",
			in:    "Valid values are 0-1440. The default is 5. Valid values 0 to 1440",
			typ:   i32,
			rules: []ir.Rule{{Kind: ir.RuleRange, Min: fl(0), Max: fl(1440), Text: "Valid values are 0-1440"}},
		},
		{
			name:  "a doubt on one bound leaves the others",
			in:    "The type. String - 256 characters maximum. Maximum length is 64 characters.",
			typ:   str,
			rules: []ir.Rule{{Kind: ir.RuleMaxLength, Max: fl(64), Text: "Maximum length is 64 characters"}},
			codes: []string{"rule-doubtful"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			rules, fs := Rules(Analyze(c.in), c.typ)
			assert.Equal(t, c.rules, rules)
			var codes []string
			for _, f := range fs {
				codes = append(codes, f.Code)
				assert.NotEmpty(t, f.Message)
			}
			assert.Equal(t, c.codes, codes, "findings: %+v", fs)
		})
	}
}

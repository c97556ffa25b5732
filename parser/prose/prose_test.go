package prose

// Survey (a throwaway program over the corpus, not kept). The 2021 beta
// snapshot, /work/shared/corpus/graph-docs-2021/api-reference/beta, has
// 1,655 pages, all Intune; 1,216 have property or parameter tables with
// 16,982 description cells, 4,876 distinct. Counts are cells (distinct
// texts in parentheses); corpus_test.go checks floors under them.
//
// Lists of values, 2,106 (767) cells, all "Possible values are: a, b, c."
// and all ending with a period (at the end of the text or before
// "Inherited from x"):
//   - 2,043 (766) string enums with 10,133 values; the longest has 50.
//   - 63 (1) numbered: "Possible values are: 0 - Not Ready, 1 - Ready,
//     2 - Processing." goes to Numeric, not EnumValues.
//   - 10 (3) repeat the phrase with a longer second list; the longer wins.
//   - 4 (2) also say "One of: NONE, LOW, MEDIUM, HIGH."; the "Possible
//     values are: none, low, medium, high." list wins.
//   - No other phrasing occurs: "Valid values" (490 cells) and "Supported
//     values" always give numbers. The seeds add spaces before commas and
//     the period ("unavailable , available , ... unknownFutureValue .") and
//     5 partial lists ("Some possible values are allApps or none."), each
//     followed by the complete list. unknownFutureValue occurs only in the
//     seeds. The other phrasings tested below come from the current Graph
//     docs or are written for the test.
//
// Ranges, 526 in 524 (201) cells: "Valid values N to M" 444 (12 of them
// "0 to 1.79769313486232E+308", a minimum only), "valid range from N to M"
// 12, "in the range N-M" 12, "Valid range N-M" 10, "between N and M,
// inclusive" 10, "Valid range: N-M" 8, "Valid values are N to M inclusive"
// 6, "Valid values are N-M" 4, "Valid input range (N-M)" 4, "Supported
// values are N-M" 4, "between N and M inclusive" 4, "ranging from N to M
// inclusive" 2, "range is N - M" 2, "Permitted values are N-M" 2, "from N
// to M inclusive" 2. A range said twice ("Valid values are 0-1440. ...
// Valid values 0 to 1440") counts once.
//
// Lengths and counts: "can be no more than 15 characters" 5 (2);
// "This collection can contain a maximum of N elements." 242 (82).
//
// Read-only 621 (181): "This property is read-only" 583, "Read-only" 12,
// "This is read-only" 10, "Read Only" 8, "Read only" 8.
// Required and nullable: none ("Required if ..." 6 is conditional; "Optional."
// says nothing); the tests use current Graph docs and the brief's phrasings.
// Default 105 (48): "The default value is X" 38, "Default is X" 35,
// "Default value is X" 12, "the default is X" 10, "Default: X" 8, "The
// Default is X" 2. Inherited from x: 6,941 (638).
//
// Deliberately not read:
//   - "Valid values -1.79769313486232E+308 to 1.79769313486232E+308" (18):
//     .NET's Double.MaxValue, rounded beyond float64, bounds nothing.
//   - "Range is an integer X where 4 <= X <= 16 for desktop and 0 <= X <= 999
//     for mobile devices." (4): conditional; inequalities are not read.
//   - "Protocols (0-255)." (1), For example, "100-120" (2): no range phrase.
//   - "Allowed values are 5 or 1000." (2), "Supported values: 15, 30 or 60
//     (minutes)." (4): sets of numbers are neither enums nor ranges.
//   - "up to 60 seconds" (2): "up to" bounds only characters and elements.
//   - "The default value is empty." (36), "Default is any address." (2),
//     "Default value of '0' means ..." (8), "Default False" (2), "the subnet
//     mask defaults to 255.255.255.255." (2).
//   - "Proprietary scripts are read-only" (2): not about the property.
//   - "Score will be in the range 0-100 ... Valid values 0 to 9999999" (12)
//     gives both ranges; they disagree, which is for a lint to report.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func fl(v float64) *float64 { return &v }
func yes() *bool            { v := true; return &v }
func no() *bool             { v := false; return &v }

type analyzeCase struct {
	name string
	in   string
	want Facts
}

func runCases(t *testing.T, cases []analyzeCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, Analyze(c.in), "description: %q", c.in)
		})
	}
}

// Descriptions quoted from the 2021 corpus and the seeds are marked
// "corpus" and "seed"; "graph docs" marks descriptions from the current
// Microsoft Graph documentation; the rest are phrasings the corpus lacks.

func TestEnumLists(t *testing.T) {
	runCases(t, []analyzeCase{
		{
			name: "corpus: Possible values are:",
			in:   "The enrollment mode of devices that use this enrollment profile. Possible values are: corporateOwnedDedicatedDevice, corporateOwnedFullyManaged, corporateOwnedWorkProfile.",
			want: Facts{
				EnumValues: []string{"corporateOwnedDedicatedDevice", "corporateOwnedFullyManaged", "corporateOwnedWorkProfile"},
				EnumText:   "Possible values are: corporateOwnedDedicatedDevice, corporateOwnedFullyManaged, corporateOwnedWorkProfile.",
			},
		},
		{
			name: "seed: spaces before commas and the period",
			in:   "Mobile Threat Defense partner state for this account. Possible values are: unavailable , available , enabled , unresponsive , notSetUp , error , unknownFutureValue . ",
			want: Facts{
				EnumValues: []string{"unavailable", "available", "enabled", "unresponsive", "notSetUp", "error", "unknownFutureValue"},
				EnumText:   "Possible values are: unavailable , available , enabled , unresponsive , notSetUp , error , unknownFutureValue .",
			},
		},
		{
			name: "seed: a partial list does not override the complete one",
			in:   "Indicates the sources from which data is allowed to be transferred. Some possible values are allApps or none. Possible values are: allApps, none.",
			want: Facts{EnumValues: []string{"allApps", "none"}, EnumText: "Possible values are: allApps, none."},
		},
		{
			name: "seed: partial list, prose, complete list",
			in:   "Determines what action to take if the mobile threat defense threat threshold isn't met. Some possible values are block or wipe. Warn isn't a supported value for this property. Possible values are: block, wipe, warn.",
			want: Facts{EnumValues: []string{"block", "wipe", "warn"}, EnumText: "Possible values are: block, wipe, warn."},
		},
		{
			name: "corpus: of two complete lists the longer wins",
			in:   "Current state of the Apple Volume Purchase Program Token. Possible values are: unknown, valid, expired, invalid, assignedToExternalMDM. Possible values are: unknown, valid, expired, invalid, assignedToExternalMDM, duplicateLocationId.",
			want: Facts{
				EnumValues: []string{"unknown", "valid", "expired", "invalid", "assignedToExternalMDM", "duplicateLocationId"},
				EnumText:   "Possible values are: unknown, valid, expired, invalid, assignedToExternalMDM, duplicateLocationId.",
			},
		},
		{
			name: "corpus: One of: loses to Possible values are:",
			in:   "Indicates the required password complexity on Android. One of: NONE, LOW, MEDIUM, HIGH. This is a new API targeted to Android 11+. Possible values are: none, low, medium, high.",
			want: Facts{EnumValues: []string{"none", "low", "medium", "high"}, EnumText: "Possible values are: none, low, medium, high."},
		},
		{
			name: "corpus: digits and underscores in values",
			in:   "Integrity Check Method. Possible values are: sha2_256, sha1_96, sha1_160, sha2_384, sha2_512, md5.",
			want: Facts{
				EnumValues: []string{"sha2_256", "sha1_96", "sha1_160", "sha2_384", "sha2_512", "md5"},
				EnumText:   "Possible values are: sha2_256, sha1_96, sha1_160, sha2_384, sha2_512, md5.",
			},
		},
		{
			name: "corpus: words like 128-bit before the list",
			in:   "This security setting allows a client to require the negotiation of 128-bit encryption and/or NTLMv2 session security. Possible values are: none, requireNtmlV2SessionSecurity, require128BitEncryption, ntlmV2And128BitEncryption.",
			want: Facts{
				EnumValues: []string{"none", "requireNtmlV2SessionSecurity", "require128BitEncryption", "ntlmV2And128BitEncryption"},
				EnumText:   "Possible values are: none, requireNtmlV2SessionSecurity, require128BitEncryption, ntlmV2And128BitEncryption.",
			},
		},
		{
			name: "graph docs: The possible values are:, a comma without a space",
			in:   "The type of location. The possible values are: default, conferenceRoom, homeAddress, businessAddress,geoCoordinates, streetAddress, hotel, restaurant, localBusiness, postalAddress. Read-only.",
			want: Facts{
				EnumValues:   []string{"default", "conferenceRoom", "homeAddress", "businessAddress", "geoCoordinates", "streetAddress", "hotel", "restaurant", "localBusiness", "postalAddress"},
				EnumText:     "The possible values are: default, conferenceRoom, homeAddress, businessAddress,geoCoordinates, streetAddress, hotel, restaurant, localBusiness, postalAddress.",
				ReadOnly:     true,
				ReadOnlyText: "Read-only",
			},
		},
		{
			name: "graph docs: unrecognised phrasing, then the list",
			in:   "The Validation Error of target that devices will become members of when enrolled with the asociated profile. When there are validation issues are found this property is set with the associated error code of the failure and validationSucceeded property is set to is false. When there are no validation issues found this property will have default value: unknown and validationSucceeded property is set to is true. Possible validation values are unknown,securityGroupNotFound,notSecurityGroup,notStaticSecurityGroup,firstPartyAppNotAnOwner. Default value : unknown. The possible values are: unknown, securityGroupNotFound, notSecurityGroup, notStaticSecurityGroup, firstPartyAppNotAnOwner, securityGroupNotInCallerScope, unknownFutureValue.",
			want: Facts{
				EnumValues:  []string{"unknown", "securityGroupNotFound", "notSecurityGroup", "notStaticSecurityGroup", "firstPartyAppNotAnOwner", "securityGroupNotInCallerScope", "unknownFutureValue"},
				EnumText:    "The possible values are: unknown, securityGroupNotFound, notSecurityGroup, notStaticSecurityGroup, firstPartyAppNotAnOwner, securityGroupNotInCallerScope, unknownFutureValue.",
				Default:     "unknown",
				DefaultText: "Default value : unknown",
			},
		},
		{
			name: "graph docs: an evolvable enum note does not add a list",
			in:   "Indicates the activity type the detected risk is linked to.  The possible values are: signin, unknownFutureValue, servicePrincipal. Note that you must use the Prefer: include-unknown-enum-members request header to get the following value(s) in this evolvable enum: servicePrincipal.",
			want: Facts{
				EnumValues: []string{"signin", "unknownFutureValue", "servicePrincipal"},
				EnumText:   "The possible values are: signin, unknownFutureValue, servicePrincipal.",
			},
		},
		{
			name: "and, no period: the list runs to the end of the text",
			in:   "The kind of thing. Possible values are low, normal, and high",
			want: Facts{EnumValues: []string{"low", "normal", "high"}, EnumText: "Possible values are low, normal, and high"},
		},
		{
			name: "or",
			in:   "Valid values are: hidden or visible.",
			want: Facts{EnumValues: []string{"hidden", "visible"}, EnumText: "Valid values are: hidden or visible."},
		},
		{
			name: "One of: with the sentence it belongs to",
			in:   "Who can see it. The value must be one of: public, private, unknownFutureValue.",
			want: Facts{EnumValues: []string{"public", "private", "unknownFutureValue"}, EnumText: "The value must be one of: public, private, unknownFutureValue."},
		},
		{
			name: "is one of the following values",
			in:   "The value is one of the following values: a, b or c",
			want: Facts{EnumValues: []string{"a", "b", "c"}, EnumText: "The value is one of the following values: a, b or c"},
		},
		{
			name: "Supported values: quoted",
			in:   "Hash algorithm. Supported values: 'sha1', 'sha256'.",
			want: Facts{EnumValues: []string{"sha1", "sha256"}, EnumText: "Supported values: 'sha1', 'sha256'."},
		},
		{
			name: "Possible values include: curly quotes",
			in:   "Possible values include “draft”, “published” or “archived”.",
			want: Facts{EnumValues: []string{"draft", "published", "archived"}, EnumText: "Possible values include “draft”, “published” or “archived”."},
		},
		{
			name: "values followed by descriptions",
			in:   "What to do. Possible values are: none - no action, block - block access to the app, wipe - remove company data.",
			want: Facts{EnumValues: []string{"none", "block", "wipe"}, EnumText: "Possible values are: none - no action, block - block access to the app, wipe - remove company data."},
		},
		{
			name: "values with a colon description and a parenthesis",
			in:   "Allowed values are: allow (default), deny: refuse the request.",
			want: Facts{EnumValues: []string{"allow", "deny"}, EnumText: "Allowed values are: allow (default), deny: refuse the request."},
		},
		{
			name: "a list without a period before Inherited from",
			in:   "The state. Possible values are: on, off Inherited from baseThing",
			want: Facts{
				EnumValues: []string{"on", "off"}, EnumText: "Possible values are: on, off",
				InheritedFrom: "baseThing", InheritedText: "Inherited from baseThing",
			},
		},
		{
			name: "duplicates are dropped",
			in:   "Possible values are: a, b, a.",
			want: Facts{EnumValues: []string{"a", "b"}, EnumText: "Possible values are: a, b, a."},
		},
	})
}

func TestEnumListsRejected(t *testing.T) {
	runCases(t, []analyzeCase{
		{name: "seed: only a partial list", in: "Indicates the level to which the clipboard may be shared. Some possible values are anyDestinationAnySource or none."},
		{name: "seed: examples are not values", in: "Versions less than the specified version will block the managed app from accessing company data. For example: '8.1.0' or '13.1.1'."},
		{name: "corpus: one of in a sentence", in: "This is the list of domains that comprise the boundaries of the enterprise. Data from one of these domains that is sent to a device will be considered enterprise data and protected. These locations will be considered a safe destination for enterprise data to be shared to."},
		{name: "corpus: valid values in a sentence", in: "List of human readable name/value pairs for the valid values that can be set for this item (Choice and Multiselect items only)"},
		{name: "corpus: numbers are not string values", in: "The limit on the maximum number of devices that the user is permitted to enroll. Allowed values are 5 or 1000."},
		{name: "corpus: numbers with a unit", in: "Specify the period for auto-restart imminent warning notifications. Supported values: 15, 30 or 60 (minutes)."},
		{name: "prose after the phrase", in: "Possible values are listed in the table below."},
		{name: "a value with a dot", in: "Possible values are: v1.0, beta."},
		{name: "a value with a dash", in: "Possible values are: foo-bar, baz."},
		{name: "a value with a space", in: "Possible values are: all users, none."},
		{name: "etc. makes it partial", in: "Possible values are: a, b, etc."},
		{name: "not limited to", in: "Possible values include, but are not limited to, a, b."},
		{name: "a bulleted list", in: "Possible values include: - errorIfExists: Throws an error. - orReplace: Replaces it."},
		{name: "nothing after the phrase", in: "Possible values are:"},
		{name: "empty", in: ""},
		{name: "white space", in: " \t\u00a0 "},
	})
}

func TestNumericLists(t *testing.T) {
	runCases(t, []analyzeCase{
		{
			name: "corpus: after Possible values are:",
			in:   "The upload state. Possible values are: 0 - Not Ready, 1 - Ready, 2 - Processing. Inherited from mobileApp",
			want: Facts{
				Numeric:       []NumericValue{{0, "Not Ready"}, {1, "Ready"}, {2, "Processing"}},
				NumericText:   "Possible values are: 0 - Not Ready, 1 - Ready, 2 - Processing.",
				InheritedFrom: "mobileApp", InheritedText: "Inherited from mobileApp",
			},
		},
		{
			name: "without an introducing phrase",
			in:   "The state of the job: 0 - Not ready, 1 - Ready",
			want: Facts{Numeric: []NumericValue{{0, "Not ready"}, {1, "Ready"}}, NumericText: "The state of the job: 0 - Not ready, 1 - Ready"},
		},
		{name: "corpus: times are not a list", in: "Selects the time of day that the Windows Defender quick scan should run. For example, a value of 0=12:00AM, a value of 60=1:00AM, a value of 120=2:00, and so on, up to a value of 1380=11:00PM.",
			want: Facts{}},
		{name: "one numbered item is not a list", in: "Use 32 - bit mode."},
	})
}

func TestRanges(t *testing.T) {
	runCases(t, []analyzeCase{
		{
			name: "can be from N to M",
			in:   "The timeout in minutes. It can be from 60 to 3000.",
			want: Facts{Bounds: []Bound{{Value, fl(60), fl(3000), "can be from 60 to 3000", ""}}},
		},
		{
			name: "values from N through M",
			in:   "The priority. Values from 1 through 5.",
			want: Facts{Bounds: []Bound{{Value, fl(1), fl(5), "Values from 1 through 5", ""}}},
		},
		{
			name: "from N through M alone",
			in:   "The day of the month, from 1 through 31.",
			want: Facts{Bounds: []Bound{{Value, fl(1), fl(31), "from 1 through 31", ""}}},
		},
		{
			name: "a change is no range",
			in:   "The limit. The default was increased from 60 to 3000 in 2021.",
		},
		{
			name: "corpus: Valid values N to M",
			in:   "Minimum password length. Valid values 4 to 16",
			want: Facts{Bounds: []Bound{{Value, fl(4), fl(16), "Valid values 4 to 16", ""}}},
		},
		{
			name: "corpus: negative bound",
			in:   "Valid values -2147483648 to 2147483647",
			want: Facts{Bounds: []Bound{{Value, fl(-2147483648), fl(2147483647), "Valid values -2147483648 to 2147483647", ""}}},
		},
		{
			name: "corpus: Double.MaxValue is no bound",
			in:   "The core boot time of Cloud PC Device. Valid values 0 to 1.79769313486232E+308",
			want: Facts{Bounds: []Bound{{Value, fl(0), nil, "Valid values 0 to 1.79769313486232E+308", ""}}},
		},
		{
			name: "corpus: no bound on either side",
			in:   "The app health score of the OS version. Valid values -1.79769313486232E+308 to 1.79769313486232E+308",
		},
		{
			name: "corpus: Valid values are N-M, repeated",
			in:   "Specifies the time in minutes from the last user activity before Microsoft Edge kiosk resets.  Valid values are 0-1440. The default is 5. 0 indicates no reset. Valid values 0 to 1440",
			want: Facts{
				Bounds:  []Bound{{Value, fl(0), fl(1440), "Valid values are 0-1440", ""}},
				Default: "5", DefaultText: "The default is 5",
			},
		},
		{
			name: "corpus: between, inclusive, signed",
			in:   "Latitude in degrees, between -90 and +90 inclusive.",
			want: Facts{Bounds: []Bound{{Value, fl(-90), fl(90), "between -90 and +90 inclusive", ""}}},
		},
		{
			name: "corpus: must be set between",
			in:   "Controls the ability to prevent users from using past PINs. This must be set between 0 and 50, inclusive, and the current PIN of the user is included in that count. If set to 0, previous PINs are not stored. PIN history is not preserved through a PIN reset.",
			want: Facts{Bounds: []Bound{{Value, fl(0), fl(50), "between 0 and 50, inclusive", ""}}},
		},
		{
			name: "corpus: Valid input range (N-M)",
			in:   "This setting allows you to specify battery charge level at which Energy Saver is turned on. While on battery, Energy Saver is automatically turned on at (and below) the specified battery charge level. Valid input range (0-100). Valid values 0 to 100",
			want: Facts{Bounds: []Bound{{Value, fl(0), fl(100), "Valid input range (0-100)", ""}}},
		},
		{
			name: "corpus: range is N - M; up to 60 seconds is no length",
			in:   "Added in Windows 10, version 1709. This feature allows Windows Defender Antivirus to block a suspicious file for up to 60 seconds, and scan it in the cloud to make sure it's safe. Value type is integer, range is 0 - 50. This feature depends on three other MAPS settings the must all be enabled- \"Configure the 'Block at First Sight' feature; \"Join Microsoft MAPS\"; \"Send file samples when further analysis is required\". Valid values 0 to 50",
			want: Facts{Bounds: []Bound{{Value, fl(0), fl(50), "range is 0 - 50", ""}}},
		},
		{
			name: "corpus: ranging from",
			in:   "Days before software updates are visible to iOS devices ranging from 0 to 90 inclusive",
			want: Facts{Bounds: []Bound{{Value, fl(0), fl(90), "ranging from 0 to 90 inclusive", ""}}},
		},
		{
			name: "corpus: from N to M inclusive",
			in:   "Configures the idle timeout for security associations, in seconds, from 300 to 3600 inclusive. This is the period after which security associations will expire and be deleted. Valid values 300 to 3600",
			want: Facts{Bounds: []Bound{{Value, fl(300), fl(3600), "from 300 to 3600 inclusive", ""}}},
		},
		{
			name: "corpus: valid range from, with a unit",
			in:   "Deadline in days before automatically scheduling and executing a pending restart outside of active hours, with valid range from 2 to 30 days",
			want: Facts{Bounds: []Bound{{Value, fl(2), fl(30), "valid range from 2 to 30", ""}}},
		},
		{
			name: "corpus: Valid range:",
			in:   "Specify maximum authentication timeout (in seconds).  Valid range: 1-120",
			want: Facts{Bounds: []Bound{{Value, fl(1), fl(120), "Valid range: 1-120", ""}}},
		},
		{
			name: "corpus: Supported values are N-M; 100 = default is no default",
			in:   "Specify how often devices scan for Wi-Fi networks. Supported values are 1-500, where 100 = default, and 500 = low frequency. Valid values 1 to 500",
			want: Facts{Bounds: []Bound{{Value, fl(1), fl(500), "Supported values are 1-500", ""}}},
		},
		{
			name: "corpus: two different ranges are both read (Rules reports the conflict)",
			in:   "Restart score. Score will be in the range 0-100, 100 is the ideal score, 0 indicates excessive restarts. Valid values 0 to 9999999",
			want: Facts{Bounds: []Bound{{Value, fl(0), fl(100), "range 0-100", ""}, {Value, fl(0), fl(9999999), "Valid values 0 to 9999999", ""}}},
		},
		{
			name: "corpus: range before Inherited from",
			in:   "Certificate renewal threshold percentage. Valid values 1 to 99 Inherited from androidCertificateProfileBase",
			want: Facts{
				Bounds:        []Bound{{Value, fl(1), fl(99), "Valid values 1 to 99", ""}},
				InheritedFrom: "androidCertificateProfileBase", InheritedText: "Inherited from androidCertificateProfileBase",
			},
		},
		{
			name: "corpus: read-only after a range",
			in:   "Device sku number, see also: https://docs.microsoft.com/windows/win32/api/sysinfoapi/nf-sysinfoapi-getproductinfo. Valid values 0 to 2147483647. This property is read-only.",
			want: Facts{
				Bounds:   []Bound{{Value, fl(0), fl(2147483647), "Valid values 0 to 2147483647", ""}},
				ReadOnly: true, ReadOnlyText: "This property is read-only",
			},
		},
		{
			name: "minimum and maximum make one range",
			in:   "Hours to wait, minimum 1, maximum 24.",
			want: Facts{Bounds: []Bound{{Value, fl(1), fl(24), "minimum 1, maximum 24", ""}}},
		},
		{
			name: "a minimum alone",
			in:   "The minimum value is 5.",
			want: Facts{Bounds: []Bound{{Value, fl(5), nil, "minimum value is 5", ""}}},
		},
		{
			name: "Value must be between",
			in:   "The port. Value must be between 0 and 65535.",
			want: Facts{Bounds: []Bound{{Value, fl(0), fl(65535), "between 0 and 65535", ""}}},
		},
		{
			name: "range N-M",
			in:   "Interval in minutes, range 1-60.",
			want: Facts{Bounds: []Bound{{Value, fl(1), fl(60), "range 1-60", ""}}},
		},
		{name: "corpus: conditional inequalities are not read", in: "The number of authentication failures allowed before the device will be wiped. A value of 0 disables device wipe functionality. Range is an integer X where 4 <= X <= 16 for desktop and 0 <= X <= 999 for mobile devices."},
		{name: "corpus: a bare parenthesis is not a range", in: "Protocols (0-255)."},
		{name: "corpus: examples are not ranges", in: "List of local port ranges. For example, \"100-120\", \"200\", \"300-320\".", want: Facts{}},
		{name: "a count of something unnamed", in: "Allows a maximum of 10 apps."},
		{name: "a date is not a range", in: "Valid values 2020-01-01 and later."},
		{
			name: "an inverted range is read with a doubt",
			in:   "Value must be between 10 and 5.",
			want: Facts{Bounds: []Bound{{Value, fl(10), fl(5), "between 10 and 5", "its minimum is above its maximum"}}},
		},
	})
}

func TestLengthsAndCounts(t *testing.T) {
	runCases(t, []analyzeCase{
		{
			name: "corpus: no more than N characters",
			in:   "The template used to name the AutoPilot Device. This can be a custom text and can also contain either the serial number of the device, or a randomly generated number. The total length of the text generated by the template can be no more than 15 characters.",
			want: Facts{Bounds: []Bound{{Length, nil, fl(15), "no more than 15 characters", ""}}},
		},
		{
			name: "corpus: a maximum of N elements",
			in:   "Days in week for which active hours are configured. This collection can contain a maximum of 7 elements. Possible values are: sunday, monday, tuesday, wednesday, thursday, friday, saturday.",
			want: Facts{
				Bounds:     []Bound{{Items, nil, fl(7), "maximum of 7 elements", ""}},
				EnumValues: []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"},
				EnumText:   "Possible values are: sunday, monday, tuesday, wednesday, thursday, friday, saturday.",
			},
		},
		{name: "graph docs: Maximum N characters.", in: "The name of the property. Maximum 32 characters. Only alphanumeric characters allowed.", want: Facts{Bounds: []Bound{{Length, nil, fl(32), "Maximum 32 characters", ""}}}},
		{name: "max length N", in: "The name. max length 256", want: Facts{Bounds: []Bound{{Length, nil, fl(256), "max length 256", ""}}}},
		{name: "Maximum length is N characters", in: "The display name. Maximum length is 100 characters.", want: Facts{Bounds: []Bound{{Length, nil, fl(100), "Maximum length is 100 characters", ""}}}},
		{name: "up to N characters", in: "A note of up to 128 characters.", want: Facts{Bounds: []Bound{{Length, nil, fl(128), "up to 128 characters", ""}}}},
		{name: "N characters or less", in: "The nickname must be 40 characters or less.", want: Facts{Bounds: []Bound{{Length, nil, fl(40), "40 characters or less", ""}}}},
		{name: "cannot exceed", in: "The label cannot exceed 50 characters.", want: Facts{Bounds: []Bound{{Length, nil, fl(50), "cannot exceed 50 characters", ""}}}},
		{name: "at least", in: "The secret must be at least 8 characters long.", want: Facts{Bounds: []Bound{{Length, fl(8), nil, "at least 8 characters", ""}}}},
		{
			name: "between N and M characters is a length, not a range",
			in:   "Must be between 1 and 64 characters.",
			want: Facts{Bounds: []Bound{{Length, fl(1), fl(64), "between 1 and 64 characters", ""}}},
		},
		{
			name: "exactly",
			in:   "A code of exactly 6 characters.",
			want: Facts{Bounds: []Bound{{Length, fl(6), fl(6), "exactly 6 characters", ""}}},
		},
		{
			name: "minimum and maximum length",
			in:   "Minimum length 1, maximum length 256.",
			want: Facts{Bounds: []Bound{{Length, fl(1), nil, "Minimum length 1", ""}, {Length, nil, fl(256), "maximum length 256", ""}}},
		},
		{name: "corpus: minimum length without a number", in: "Minimum length of passwords."},
	})
}

func TestFlags(t *testing.T) {
	runCases(t, []analyzeCase{
		{name: "corpus: This property is read-only.", in: "Android security patch level. This property is read-only.", want: Facts{ReadOnly: true, ReadOnlyText: "This property is read-only"}},
		{name: "corpus: Read-only, automatically generated.", in: "Key of the Resource Operation. Read-only, automatically generated.", want: Facts{ReadOnly: true, ReadOnlyText: "Read-only"}},
		{name: "corpus: Read only.", in: "The unique identifier for the Azure Active Directory device. Read only. This property is read-only.", want: Facts{ReadOnly: true, ReadOnlyText: "Read only"}},
		{name: "corpus: This is read-only", in: "Key of the entity. This is read-only and automatically generated.", want: Facts{ReadOnly: true, ReadOnlyText: "This is read-only"}},
		{
			name: "corpus: Read Only. with an inherited list",
			in:   "Indicates the threat state of a device when a Mobile Threat Defense partner is in use by the account and device. Read Only. This property is read-only. Inherited from managedDevice. Possible values are: unknown, activated, deactivated, secured, lowSeverity, mediumSeverity, highSeverity, unresponsive, compromised, misconfigured.",
			want: Facts{
				ReadOnly: true, ReadOnlyText: "Read Only",
				InheritedFrom: "managedDevice", InheritedText: "Inherited from managedDevice",
				EnumValues: []string{"unknown", "activated", "deactivated", "secured", "lowSeverity", "mediumSeverity", "highSeverity", "unresponsive", "compromised", "misconfigured"},
				EnumText:   "Possible values are: unknown, activated, deactivated, secured, lowSeverity, mediumSeverity, highSeverity, unresponsive, compromised, misconfigured.",
			},
		},
		{name: "Read only property", in: "Read only property", want: Facts{ReadOnly: true, ReadOnlyText: "Read only property"}},
		{name: "corpus: something else is read-only", in: "Determines if this is Microsoft Proprietary Script. Proprietary scripts are read-only"},
		{name: "read-only mode is no flag", in: "Enables read-only mode. Read-only mode hides the editor."},
		{
			name: "graph docs: Not nullable. Read-only.",
			in:   "The unique identifier for the user. Inherited from directoryObject. Key. Not nullable. Read-only.",
			want: Facts{
				InheritedFrom: "directoryObject", InheritedText: "Inherited from directoryObject",
				Nullable: no(), NullableText: "Not nullable",
				ReadOnly: true, ReadOnlyText: "Read-only",
			},
		},
		{name: "Nullable.", in: "The manager. Nullable.", want: Facts{Nullable: yes(), NullableText: "Nullable"}},
		{name: "This property is nullable", in: "This property is nullable.", want: Facts{Nullable: yes(), NullableText: "This property is nullable"}},
		{name: "Cannot be null", in: "The owner. Cannot be null.", want: Facts{Nullable: no(), NullableText: "Cannot be null"}},
		{name: "corpus: If null is no flag", in: "If null, service will use the MSI package's default install context."},
		{name: "Required.", in: "The display name. Required.", want: Facts{Required: true, RequiredText: "Required"}},
		{name: "This property is required", in: "The display name. This property is required.", want: Facts{Required: true, RequiredText: "This property is required"}},
		{name: "Required on create", in: "The display name. Required on create. Read-only.", want: Facts{Required: true, RequiredText: "Required on create", ReadOnly: true, ReadOnlyText: "Read-only"}},
		{name: "corpus: Required if is conditional", in: "Required if selected recovery key type(s) include InstitutionalRecoveryKey. The DER Encoded certificate file used to set an institutional recovery key."},
		{name: "corpus: something else is required", in: "Indicates whether device compliance is required."},
		{name: "corpus: Optional.", in: "Optional. If set to true, the user can defer the enabling of FileVault until they sign out."},
		{name: "not required", in: "This property is required or not"},
	})
}

func TestDefaults(t *testing.T) {
	runCases(t, []analyzeCase{
		{
			name: "seed: Default value is FALSE.",
			in:   "When TRUE, indicates that printing is blocked from managed apps. When FALSE, indicates that printing is allowed from managed apps. Default value is FALSE.",
			want: Facts{Default: "FALSE", DefaultText: "Default value is FALSE"},
		},
		{name: "corpus: The default value is N", in: "Selects the time of day that the Windows Defender quick scan should run. For example, a value of 0=12:00AM, a value of 60=1:00AM, a value of 120=2:00, and so on, up to a value of 1380=11:00PM. The default value is 120",
			want: Facts{Default: "120", DefaultText: "The default value is 120"}},
		{name: "corpus: Default: x.", in: "This setting determines whether Live Auth Manager service's start type is Automatic(2), Manual(3), Disabled(4). Default: Manual. Possible values are: manual, automatic, disabled.",
			want: Facts{Default: "Manual", DefaultText: "Default: Manual", EnumValues: []string{"manual", "automatic", "disabled"}, EnumText: "Possible values are: manual, automatic, disabled."}},
		{name: "corpus: without a space after the period", in: "Allow UIAccess apps to prompt for elevation without using the secure desktop.Default is enabled",
			want: Facts{Default: "enabled", DefaultText: "Default is enabled"}},
		{name: "corpus: If not specified, the default is x.", in: "The action the rule enforces. If not specified, the default is Allowed. Possible values are: notConfigured, blocked, allowed.",
			want: Facts{Default: "Allowed", DefaultText: "the default is Allowed", EnumValues: []string{"notConfigured", "blocked", "allowed"}, EnumText: "Possible values are: notConfigured, blocked, allowed."}},
		{name: "corpus: before Inherited from", in: "Boolean value that tells the client to accept the configured list and not to use heuristics to attempt to find other subnets. Default is false Inherited from windowsInformationProtection",
			want: Facts{Default: "false", DefaultText: "Default is false", InheritedFrom: "windowsInformationProtection", InheritedText: "Inherited from windowsInformationProtection"}},
		{name: "Defaults to", in: "Retry count. Defaults to 3.", want: Facts{Default: "3", DefaultText: "Defaults to 3"}},
		{name: "quoted", in: "The prefix. The default is 'x'.", want: Facts{Default: "x", DefaultText: "The default is 'x'"}},
		{name: "corpus: empty is no value", in: "Localized default string displayed in the combo box. The default value is empty."},
		{name: "corpus: a phrase is no value", in: "List of local addresses covered by the rule. Default is any address."},
		{name: "corpus: Default value of", in: "Specify the number of characters that may be cut or copied from Org data and accounts to any application. This setting overrides the AllowedOutboundClipboardSharingLevel restriction. Default value of '0' means no exception is allowed."},
		{name: "corpus: something else defaults", in: "If neither a subnet mask nor a network prefix is specified, the subnet mask defaults to 255.255.255.255."},
		{name: "a conditional default", in: "The default value is true for iOS devices."},
	})
}

func TestInherited(t *testing.T) {
	runCases(t, []analyzeCase{
		{name: "seed", in: "Policy display name. Inherited from managedAppPolicy", want: Facts{InheritedFrom: "managedAppPolicy", InheritedText: "Inherited from managedAppPolicy"}},
		{name: "qualified, with a period", in: "Key. Inherited from microsoft.graph.entity.", want: Facts{InheritedFrom: "microsoft.graph.entity", InheritedText: "Inherited from microsoft.graph.entity"}},
	})
}

// adversarialPieces are list-like, range-like and flag-like fragments
// that, repeated, would make a backtracking pattern or a scanner that goes
// back over the text take quadratic time.
var adversarialPieces = []string{
	"Possible values are: a, b, ",
	"Some possible values are x or y - one of: ",
	"0 - Not ready, 1 - Ready, ",
	"Valid values 1 to 2 minimum 1, maximum ",
	"a - b - c - d ",
	strings.Repeat("x", 300) + " ",
	"Read-only. Default is 'x' Inherited from y. ",
	"Possible values are: " + strings.Repeat("a, ", 1000),
	"x - possible values x, ",
	"a (one of: a, b) - valid values a - b, ",
	"'a', \"b\" or ",
}

// TestAdversarial checks that long repetitive text yields sound facts.
// How the time grows with the size is measured by
// BenchmarkAnalyzeAdversarial (see BENCHMARKS.md), not by a timed test.
func TestAdversarial(t *testing.T) {
	for _, p := range adversarialPieces {
		in := strings.Repeat(p, 1<<16/len(p)+1)
		require.NoError(t, checkFacts(in, Analyze(in)), "piece %q", p)
	}
	f := Analyze("Possible values are: " + strings.Repeat("value, ", 1<<13) + "end.")
	assert.Equal(t, []string{"value", "end"}, f.EnumValues)
}

// BenchmarkAnalyzeAdversarial analyses 64 KiB, 256 KiB and 1 MiB of each
// adversarial piece; ns/op growing 4× per step means linear time.
func BenchmarkAnalyzeAdversarial(b *testing.B) {
	for i, p := range adversarialPieces {
		for _, size := range []int{1 << 16, 1 << 18, 1 << 20} {
			in := strings.Repeat(p, size/len(p)+1)
			b.Run(fmt.Sprintf("piece%d/%dKiB", i, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(in)))
				for b.Loop() {
					Analyze(in)
				}
			})
		}
	}
}

// isIdentifier reports whether v is a letter followed by letters, digits
// and underscores.
func isIdentifier(v string) bool {
	if v == "" || !isLetter(v[0]) {
		return false
	}
	for i := 0; i < len(v); i++ {
		if !isLetter(v[i]) && !isDigit(v[i]) && v[i] != '_' {
			return false
		}
	}
	return true
}

// checkFacts checks what must hold for the facts f of any description s:
// values are identifiers, every text is a span of s, ranges and bounds
// are sound.
func checkFacts(s string, f Facts) error {
	for _, v := range f.EnumValues {
		if !isIdentifier(v) {
			return fmt.Errorf("value %q of %q is not an identifier", v, s)
		}
	}
	if (f.EnumValues == nil) != (f.EnumText == "") || (f.Numeric == nil) != (f.NumericText == "") {
		return fmt.Errorf("a list without its text in %q: %+v", s, f)
	}
	for _, text := range []string{f.EnumText, f.NumericText, f.ReadOnlyText, f.RequiredText, f.NullableText, f.DefaultText, f.InheritedText} {
		if !strings.Contains(s, text) {
			return fmt.Errorf("text %q is not in %q", text, s)
		}
	}
	for _, b := range f.Bounds {
		if b.Text == "" || !strings.Contains(s, b.Text) || b.Min == nil && b.Max == nil {
			return fmt.Errorf("bad bound %+v of %q", b, s)
		}
		if b.Doubt == "" && b.Min != nil && b.Max != nil && *b.Min > *b.Max {
			return fmt.Errorf("inverted bound %+v of %q without a doubt", b, s)
		}
		if b.Doubt == "" && b.Measure != Value {
			for _, n := range []*float64{b.Min, b.Max} {
				if n != nil && (*n < 0 || *n != float64(int32(*n))) {
					return fmt.Errorf("length or count %+v of %q is no whole number", b, s)
				}
			}
		}
	}
	if f.Default != "" && !strings.Contains(f.DefaultText, f.Default) || (f.Default == "") != (f.DefaultText == "") {
		return fmt.Errorf("default %q and its text %q in %q", f.Default, f.DefaultText, s)
	}
	if f.ReadOnly != (f.ReadOnlyText != "") || f.Required != (f.RequiredText != "") || (f.Nullable == nil) != (f.NullableText == "") ||
		(f.InheritedFrom == "") != (f.InheritedText == "") {
		return fmt.Errorf("a flag without its text in %q: %+v", s, f)
	}
	return nil
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"Possible values are: unavailable , available , enabled , unresponsive , notSetUp , error , unknownFutureValue . ",
		"Some possible values are allApps or none. Possible values are: allApps, none.",
		"Possible values are: 0 - Not Ready, 1 - Ready, 2 - Processing. Inherited from mobileApp",
		"Valid values are 0-1440. The default is 5. 0 indicates no reset. Valid values 0 to 1440",
		"Latitude in degrees, between -90 and +90 inclusive. minimum 1, maximum 24",
		"Must be between 1 and 64 characters. This collection can contain a maximum of 7 elements.",
		"Read Only. Not nullable. Required on create. Default value is FALSE.",
		"Possible values include “draft”, “published” or “archived”. One of: a - x, b (y).",
		"Valid values -1.79769313486232E+308 to 1.79769313486232E+308",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if err := checkFacts(s, Analyze(s)); err != nil {
			t.Fatal(err)
		}
	})
}

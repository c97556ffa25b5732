package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/ir"
)

// TestNullIsNoMember: the current user page lists `null` among the values
// of ageGroup, in the description and in the members table. JSON null is
// the absence of a value, not a member: a member AgeGroupNull = "null"
// would encode the string "null".
func TestNullIsNoMember(t *testing.T) {
	p, _ := parseMD(t, resourcePage("A user.",
		"| Property | Type | Description |\n|:--|:--|:--|\n"+
			"|ageGroup|[ageGroup](#agegroup-values)|Sets the age group of the user. Allowed values: `null`, `Minor`, `NotAdult`, and `Adult`.|\n\n"+
			"### ageGroup values\n\n| Member | Description|\n|:--|:--|\n"+
			"|null|Default value, no **ageGroup** is set for the user.|\n|Minor|A minor.|\n|NotAdult|Not an adult.|\n|Adult|An adult.|"))
	require.Len(t, p.Types, 1)
	require.Len(t, p.Types[0].Properties, 1)
	assert.Equal(t, []string{"Minor", "NotAdult", "Adult"}, p.Types[0].Properties[0].EnumValues)
	require.Len(t, p.Enums, 1)
	var names []string
	for _, m := range p.Enums[0].Members {
		names = append(names, m.Name)
	}
	assert.Equal(t, []string{"Minor", "NotAdult", "Adult"}, names)
}

// TestNameOnlyRow: a row with nothing but a name is not a property, and
// docgen says so at the row: it may be a group label ("**Onboarding**")
// or a property that lost its other cells.
func TestNameOnlyRow(t *testing.T) {
	p, diags := parseMD(t, resourcePage("A thing.",
		"| Property | Type | Description |\n|:--|:--|:--|\n"+
			"| size | Int32 | The size. |\n| **Onboarding** | | |\n| color | | |\n| name | String | The name. |"))
	require.Len(t, p.Types, 1)
	require.Len(t, p.Types[0].Properties, 2)
	require.Len(t, diags, 2, "%v", diags)
	for i, want := range []struct {
		line int
		text string
	}{{17, `"Onboarding"`}, {18, `"color"`}} {
		d := diags[i]
		assert.Equal(t, "name-only-row", d.Code)
		assert.Equal(t, ir.SevWarning, d.Severity)
		assert.Equal(t, want.line, d.Pos.Line)
		assert.Contains(t, d.Message, want.text)
	}

	// A label that reads like prose, with no property above to continue.
	_, diags = parseMD(t, resourcePage("A thing.",
		"| Property | Type | Description |\n|:--|:--|:--|\n|**Mobile app management (MAM)**|\n| size | Int32 | The size. |"))
	require.Len(t, diags, 1, "%v", diags)
	assert.Equal(t, "name-only-row", diags[0].Code)
}

func enumPage(name, intro, rows string) string {
	return "---\ntitle: \"" + name + " enum type\"\ndoc_type: enumPageType\n---\n\n# " + name + " enum type\n\nNamespace: microsoft.graph\n\n" +
		intro + "\n\n## Members\n|Member|Value|Description|\n|:---|:---|:---|\n" + rows + "\n"
}

// TestFlagsFromTheDocs: an enum is a flags enum when its page says so (an
// intro such as "Flags representing ..." or "Flag enum ...", a zero member
// described "No flags set."), never because its values happen to be
// powers of two: androidDeviceOwnerWiFiSecurityType (open 0, wep 1,
// wpaPersonal 2, wpaEnterprise 4) is one security type, not a set.
func TestFlagsFromTheDocs(t *testing.T) {
	for _, c := range []struct {
		name, intro, rows string
		flags             bool
		warn              string
	}{
		{"androidDeviceOwnerWiFiSecurityType", "Wi-Fi Security Types for Android Device Owner.",
			"|open|0|Open (No Authentication).|\n|wep|1|WEP Encryption.|\n|wpaPersonal|2|WPA-Personal/WPA2-Personal.|\n|wpaEnterprise|4|WPA-Enterprise/WPA2-Enterprise.|", false, ""},
		{"windowsFirewallRuleNetworkProfileTypes", "Flags representing which network profile types apply to a firewall rule.",
			"|notConfigured|0|No flags set.|\n|domain|1|The profile for domain networks.|\n|private|2|The profile for private networks.|\n|public|4|The profile for public networks.|", true, ""},
		{"macOSSystemExtensionType", "Flag enum representing the allowed macOS system extension types.",
			"|driverExtensionsAllowed|1|Enables driver extensions.|\n|networkExtensionsAllowed|2|Enables network extensions.|\n|endpointSecurityExtensionsAllowed|4|Enables endpoint security extensions.|", true, ""},
		{"windowsArchitecture", "Contains properties for Windows architecture.",
			"|none|0|No flags set.|\n|x86|1|Whether or not the X86 Windows architecture type is supported.|\n|x64|2|Whether or not the X64 Windows architecture type is supported.|", true, ""},
		{"colorFlags", "Flags naming colors.",
			"|red|1|Red.|\n|green|2|Green.|\n|yellow|3|Red and green.|", false, `member "yellow" has the value 3, which is no single bit`},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, diags := parseMD(t, enumPage(c.name, c.intro, c.rows))
			require.Len(t, p.Enums, 1)
			assert.Equal(t, c.flags, p.Enums[0].Flags)
			if c.warn == "" {
				assert.Empty(t, diags)
			} else {
				require.Len(t, diags, 1)
				assert.Equal(t, "enum-flags", diags[0].Code)
				assert.Contains(t, diags[0].Message, c.warn)
			}
		})
	}
}

// TestHeaderlessTable: an HTML properties table without a header row is
// reported at the table as such, not as a header of nothing.
func TestHeaderlessTable(t *testing.T) {
	_, diags := Parse("thing.html", []byte("<html><body><h1>thing resource type</h1><p>Namespace: microsoft.graph</p><h2>Properties</h2>"+
		"<table><tr><td>size</td><td>Int32</td><td>The size.</td></tr></table></body></html>"))
	var found bool
	for _, d := range diags {
		if d.Code == "table-columns" {
			found = true
			assert.Contains(t, d.Message, "no header row")
			assert.Equal(t, "table[1]", d.Pos.Path, "at the table")
		}
	}
	assert.True(t, found, "%v", diags)
}

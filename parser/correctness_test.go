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
}

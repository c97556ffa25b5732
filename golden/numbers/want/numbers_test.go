package numbers

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/golden/internal/pages"
	"github.com/docgen-dev/docgen/ir"
)

// TestStreetAddress: "Maximum length is 1,024 characters" on the user
// page is a limit of 1,024, not 1: "1 Microsoft Way" is valid.
func TestStreetAddress(t *testing.T) {
	street := "1 Microsoft Way"
	u := User{StreetAddress: &street}
	assert.NoError(t, u.Validate())
	long := strings.Repeat("é", 1024)
	u.StreetAddress = &long
	assert.NoError(t, u.Validate(), "1,024 characters (runes, not bytes) are allowed")
	long += "x"
	assert.EqualError(t, u.Validate(), "streetAddress: length 1025 breaks the documented limit (at most 1024)")
}

// TestOtherMails: "Can store up to 250 values, each with a limit of 250
// characters" bounds the collection and each of its items.
func TestOtherMails(t *testing.T) {
	u := User{OtherMails: make([]string, 250)}
	assert.NoError(t, u.Validate())
	u.OtherMails = append(u.OtherMails, strings.Repeat("a", 251))
	assert.EqualError(t, u.Validate(), "otherMails: item count 251 breaks the documented limit (at most 250); otherMails[250]: length 251 breaks the documented limit (at most 250)")
}

// TestThousandsSeparators: "0 to 65,535", "1 to 10,000,000" and "at most
// 1,024" are read whole.
func TestThousandsSeparators(t *testing.T) {
	for _, c := range []struct {
		body, want string
	}{
		{`{"port": 65535, "rowLimit": 10000000, "retainedEntries": 1024}`, ""},
		{`{"port": 65536}`, "port: 65536 is out of the documented range (0 to 65535)"},
		{`{"port": -1}`, "port: -1 is out of the documented range (0 to 65535)"},
		{`{"rowLimit": 10000001}`, "rowLimit: 10000001 is out of the documented range (1 to 10000000)"},
		{`{"retainedEntries": 1025}`, "retainedEntries: 1025 is out of the documented range (at most 1024)"},
		{`{"latitude": -90.5, "retentionDays": 30}`, ""},
		{`{"latitude": 90.75}`, "latitude: 90.75 is out of the documented range (-90.5 to 90.5)"},
		{`{"name": ""}`, "name: length 0 breaks the documented limit (at least 1)"},
		{`{"owners": ["a", "b", "c", "d"]}`, "owners: item count 4 breaks the documented limit (at most 3)"},
	} {
		var g Gauge
		require.NoError(t, json.Unmarshal([]byte(c.body), &g), c.body)
		if err := g.Validate(); c.want == "" {
			assert.NoError(t, err, c.body)
		} else {
			assert.EqualError(t, err, c.want, c.body)
		}
	}
}

// TestNoRuleWhereUnsure: the bounds docgen is not sure of are warnings,
// never validators: any value passes.
func TestNoRuleWhereUnsure(t *testing.T) {
	long := strings.Repeat("x", 5000)
	big := int32(1 << 30)
	logo := Stream(long)
	g := Gauge{Thumbprint: &long, Score: &big, Timeout: &big, Logo: &logo, Code: &long, DataType: &long}
	assert.NoError(t, g.Validate())
}

// TestUpdateExample: the update page's own example is valid, and so is its
// body after a round trip.
func TestUpdateExample(t *testing.T) {
	ex := pages.Example(t, "../input/gauge-update.md", ir.RoleRequest)
	var b UpdateGaugeBody
	require.NoError(t, json.Unmarshal([]byte(ex.Body), &b))
	assert.NoError(t, b.Validate())
	out, err := json.Marshal(&b)
	require.NoError(t, err)
	assert.JSONEq(t, ex.Body, string(out))

	b.Port = Some(int32(70000))
	assert.EqualError(t, b.Validate(), "port: 70000 is out of the documented range (0 to 65535)")
}

package seed000

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/golden/internal/pages"
)

const page = "../input/000_91fdf6f3b8b8b9ce.txt"

// TestExamplesRoundTrip decodes the page's own examples into the generated
// struct and requires the re-encoded JSON to be equal, values included.
func TestExamplesRoundTrip(t *testing.T) {
	for _, ex := range pages.Examples(t, page, 2) {
		t.Run(string(ex.Role), func(t *testing.T) {
			var m MobileThreatDefenseConnector
			require.NoError(t, json.Unmarshal([]byte(ex.Body), &m))
			out, err := json.Marshal(&m)
			require.NoError(t, err)
			assert.JSONEq(t, ex.Body, string(out))
			require.NoError(t, m.Validate(), "the documented example passes validation")
		})
	}
}

func TestExampleValues(t *testing.T) {
	var m MobileThreatDefenseConnector
	require.NoError(t, json.Unmarshal([]byte(pages.Examples(t, page, 2)[0].Body), &m))
	require.NotNil(t, m.LastHeartbeatDateTime)
	assert.Equal(t, DateTimeOffset("2016-12-31T23:59:37.9174975-08:00"), *m.LastHeartbeatDateTime)
	assert.Equal(t, MobileThreatPartnerTenantStateAvailable, *m.PartnerState)
	assert.Equal(t, int32(6), *m.PartnerUnresponsivenessThresholdInDays)
	assert.Nil(t, m.ID, "absent in the request example")
}

// TestUnknownEnumValue: a value the docs do not list survives a round trip
// and is reported by Validate with its property path.
func TestUnknownEnumValue(t *testing.T) {
	in := `{"partnerState":"brandNewState"}`
	var m MobileThreatDefenseConnector
	require.NoError(t, json.Unmarshal([]byte(in), &m))
	out, err := json.Marshal(&m)
	require.NoError(t, err)
	assert.JSONEq(t, in, string(out))
	assert.False(t, m.PartnerState.Known())
	err = m.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "partnerState")
	assert.Len(t, MobileThreatPartnerTenantStateValues(), 7)
}

// TestPatchBody: absent fields are omitted, Null sends null, values are sent.
func TestPatchBody(t *testing.T) {
	b := UpdateMobileThreatDefenseConnectorBody{
		PartnerState:   Some(MobileThreatPartnerTenantStateEnabled),
		MacEnabled:     Null[bool](),
		AndroidEnabled: Some(false),
	}
	out, err := json.Marshal(&b)
	require.NoError(t, err)
	assert.JSONEq(t, `{"partnerState":"enabled","macEnabled":null,"androidEnabled":false}`, string(out))
	require.NoError(t, b.Validate())
}

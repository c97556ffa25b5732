package seed003

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/golden/internal/pages"
)

const page = "../input/003_f2c6cc1acb9e6d00.txt"

// TestExamplesRoundTrip decodes the page's own examples into the generated
// struct and requires the re-encoded JSON to be equal, values included.
func TestExamplesRoundTrip(t *testing.T) {
	for _, ex := range pages.Examples(t, page, 2) {
		t.Run(string(ex.Role), func(t *testing.T) {
			var m WindowsManagedAppProtection
			require.NoError(t, json.Unmarshal([]byte(ex.Body), &m))
			out, err := json.Marshal(&m)
			require.NoError(t, err)
			assert.JSONEq(t, ex.Body, string(out))
			require.NoError(t, m.Validate(), "the documented example passes validation")
		})
	}
}

// TestExactWireValues: negative durations with fractions and timestamps with
// seven fractional digits come back byte for byte.
func TestExactWireValues(t *testing.T) {
	var m WindowsManagedAppProtection
	require.NoError(t, json.Unmarshal([]byte(pages.Examples(t, page, 2)[1].Body), &m))
	assert.Equal(t, Duration("-PT3M22.1587532S"), *m.PeriodOfflineBeforeWipeIsEnforced)
	assert.Equal(t, Duration("-PT17.1357909S"), *m.PeriodOfflineBeforeAccessCheck)
	assert.Equal(t, DateTimeOffset("2017-01-01T00:02:43.5775965-08:00"), *m.CreatedDateTime)
	assert.Equal(t, []string{"Role Scope Tag Ids value"}, m.RoleScopeTagIDs)
	out, err := json.Marshal(&m)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"periodOfflineBeforeWipeIsEnforced":"-PT3M22.1587532S"`)
	assert.Contains(t, string(out), `"createdDateTime":"2017-01-01T00:02:43.5775965-08:00"`)
}

func TestEnumsFromDescriptions(t *testing.T) {
	assert.Equal(t, []ManagedAppRemediationAction{"block", "wipe", "warn"}, ManagedAppRemediationActionValues())
	assert.Equal(t, []ManagedAppDeviceThreatLevel{"notConfigured", "secured", "low", "medium", "high"}, ManagedAppDeviceThreatLevelValues())
	level := ManagedAppDeviceThreatLevel("extreme")
	m := WindowsManagedAppProtection{MaximumAllowedDeviceThreatLevel: &level}
	err := m.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "maximumAllowedDeviceThreatLevel")
}

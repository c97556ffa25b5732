package seed003

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/golden/internal/pages"
)

// TestSetChanges: read an entity (the page's response example), change
// one property and remove another; the PATCH body holds exactly those two,
// the removed one as null. This is what the official SDK gets wrong ({}).
func TestSetChanges(t *testing.T) {
	body := []byte(pages.Examples(t, page, 2)[1].Body)
	var old, updated WindowsManagedAppProtection
	require.NoError(t, json.Unmarshal(body, &old))
	require.NoError(t, json.Unmarshal(body, &updated))

	d := Duration("P14D")
	updated.PeriodOfflineBeforeWipeIsEnforced = &d
	updated.MinimumWipeOsVersion = nil
	updated.RoleScopeTagIDs = append(updated.RoleScopeTagIDs, "second")

	b := new(UpdateWindowsManagedAppProtectionBody).SetChanges(&old, &updated)
	out, err := json.Marshal(b)
	require.NoError(t, err)
	assert.JSONEq(t, `{"periodOfflineBeforeWipeIsEnforced":"P14D","minimumWipeOsVersion":null,"roleScopeTagIds":["Role Scope Tag Ids value","second"]}`, string(out))
	require.NoError(t, b.Validate())

	same := new(UpdateWindowsManagedAppProtectionBody).SetChanges(&old, &old)
	out, err = json.Marshal(same)
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(out), "nothing changed, nothing sent")
}

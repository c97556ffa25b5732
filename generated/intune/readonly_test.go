package intune

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadOnlyIsASeparateCheck: deviceCategory's table says "id ... Read-only."
// Setting it passes Validate (the docs' own examples set read-only
// properties) and is reported by the explicit CheckReadOnly.
func TestReadOnlyIsASeparateCheck(t *testing.T) {
	b := UpdateDeviceCategoryBody{ID: Some("x"), DisplayName: Some("Kiosks")}
	assert.NoError(t, b.Validate())
	err := b.CheckReadOnly()
	require.Error(t, err)
	assert.Equal(t, "id: read-only property is set", err.Error())
	assert.NoError(t, (&UpdateDeviceCategoryBody{DisplayName: Some("Kiosks")}).CheckReadOnly())
}

// TestRangeFromProse: "Valid values 1 to 16" becomes a range check with the
// property path, and every problem is reported at once.
func TestRangeFromProse(t *testing.T) {
	zero, seventeen := int32(0), int32(17)
	m := AndroidDeviceOwnerCompliancePolicy{PasswordMinimumNumericCharacters: &zero, PasswordMinimumLetterCharacters: &seventeen}
	err := m.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "passwordMinimumNumericCharacters: 0 is out of the documented range (1 to 16)")
	assert.Contains(t, err.Error(), "passwordMinimumLetterCharacters: 17 is out of the documented range")
}

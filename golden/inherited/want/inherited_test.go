package inherited

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/golden/internal/pages"
	"github.com/docgen-dev/docgen/ir"
)

// page is the update page the case is generated from.
const page = "../input/intune-shared-iosmanagedappprotection-update.md"

// TestInheritedPropertiesDecode: the derived struct carries the properties of
// its whole base chain, so the page's example decodes and re-encodes exactly.
func TestInheritedPropertiesDecode(t *testing.T) {
	for _, ex := range pages.Examples(t, page, 2) {
		var m IosManagedAppProtection
		require.NoError(t, json.Unmarshal([]byte(ex.Body), &m), ex.Role)
		out, err := json.Marshal(&m)
		require.NoError(t, err)
		assert.JSONEq(t, ex.Body, string(out), ex.Role)
	}
	var m IosManagedAppProtection
	require.NoError(t, json.Unmarshal([]byte(pages.Example(t, page, ir.RoleResponse).Body), &m))
	assert.Equal(t, "Display Name value", *m.DisplayName, "declared on managedAppPolicy")
	require.Len(t, m.ExemptedAppProtocols, 1, "a collection of a complex type")
	assert.Equal(t, "Name value", *m.ExemptedAppProtocols[0].Value.(*KeyValuePair).Name)
}

// TestFlagsEnum: windowsArchitecture's zero member is described "No flags
// set.", so it is a flags enum: the wire value is a comma-separated set.
func TestFlagsEnum(t *testing.T) {
	v := NewWindowsArchitecture(WindowsArchitectureX86, WindowsArchitectureX64)
	assert.Equal(t, WindowsArchitecture("x86,x64"), v)
	assert.True(t, v.Has(WindowsArchitectureX64))
	assert.False(t, v.Has(WindowsArchitectureArm))
	assert.True(t, v.Known())
	assert.False(t, WindowsArchitecture("x86,brandNew").Known())
	assert.Equal(t, []WindowsArchitecture{"x86", "brandNew"}, WindowsArchitecture("x86,brandNew").Members())
}

// TestNotFlagsEnum: appManagementLevel has the values 0, 1, 2, 4 but its
// page never says it is a set, so it is an ordinary enum (no NewX,
// Members, Has). A combined value the service may send still decodes and
// re-encodes unchanged; it is just not a documented one.
func TestNotFlagsEnum(t *testing.T) {
	var v AppManagementLevel
	require.NoError(t, json.Unmarshal([]byte(`"unmanaged,mdm"`), &v))
	assert.False(t, v.Known())
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.Equal(t, `"unmanaged,mdm"`, string(out))
	assert.True(t, AppManagementLevelMdm.Known())
}

// TestPolymorphism: a base-typed value decodes into the derived model its
// @odata.type names; an unknown derived type is kept as raw JSON; a derived
// value is written with its @odata.type.
func TestPolymorphism(t *testing.T) {
	var a AnyManagedAppPolicy
	require.NoError(t, json.Unmarshal([]byte(`{"@odata.type":"#microsoft.graph.iosManagedAppProtection","displayName":"x","minimumRequiredSdkVersion":"1.0"}`), &a))
	ios, ok := a.Value.(*IosManagedAppProtection)
	require.True(t, ok, "got %T", a.Value)
	assert.Equal(t, "1.0", *ios.MinimumRequiredSdkVersion)

	unknown := `{"@odata.type":"#microsoft.graph.windowsManagedAppProtection","displayName":"w","printBlocked":true}`
	require.NoError(t, json.Unmarshal([]byte(unknown), &a))
	assert.Nil(t, a.Value)
	out, err := json.Marshal(a)
	require.NoError(t, err)
	assert.JSONEq(t, unknown, string(out), "unknown derived types are kept, not dropped")

	name := "n"
	out, err = json.Marshal(AnyManagedAppPolicy{Value: &IosManagedAppProtection{DisplayName: &name}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"@odata.type":"#microsoft.graph.iosManagedAppProtection","displayName":"n"}`, string(out))

	out, err = json.Marshal(AnyManagedAppPolicy{Value: &ManagedAppPolicy{DisplayName: &name}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"displayName":"n"}`, string(out), "the base type needs no annotation")

	assert.IsType(t, &IosManagedAppProtection{}, NewByODataType("#microsoft.graph.iosManagedAppProtection"))
	assert.Nil(t, NewByODataType("microsoft.graph.nope"))
}

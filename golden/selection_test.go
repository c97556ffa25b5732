package golden

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var typeDecl = regexp.MustCompile(`(?m)^type (\w+) `)

// TestSelection generates two entities out of the whole Intune corpus and
// checks that the package holds exactly their closure and compiles alone.
func TestSelection(t *testing.T) {
	t.Parallel() // reads all of docs-src: overlaps with the other corpus tests
	out := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(out, "go.mod"), []byte("module example.com/sel\n\ngo 1.24\n"), 0o644))
	code, _, stderr := run("generate", "-o", out, "-pkg", "sel",
		"-types", "mobileThreatDefenseConnector,microsoft.graph.iosManagedAppProtection", "../docs-src/intune")
	require.Equal(t, 0, code, stderr)

	decls := func(file string) []string {
		data, err := os.ReadFile(filepath.Join(out, file))
		require.NoError(t, err)
		var names []string
		for _, m := range typeDecl.FindAllStringSubmatch(string(data), -1) {
			names = append(names, m[1])
		}
		sort.Strings(names)
		return names
	}
	// The entities, their base chain (iosManagedAppProtection →
	// targetedManagedAppProtection → managedAppProtection → managedAppPolicy
	// → entity), the complex type of a property (keyValuePair), and what the
	// hasPayloadLinks action bound to iosManagedAppProtections takes and
	// returns.
	assert.Equal(t, []string{"Entity", "HasPayloadLinkResultItem", "IosManagedAppProtection",
		"IosManagedAppProtectionsHasPayloadLinksParameters", "KeyValuePair", "ManagedAppPolicy",
		"ManagedAppProtection", "MobileThreatDefenseConnector", "TargetedManagedAppProtection"}, decls("models_gen.go"))
	assert.Equal(t, []string{"AppManagementLevel", "DeviceAndAppManagementAssignmentSource", "ManagedAppClipboardSharingLevel", "ManagedAppDataEncryptionType",
		"ManagedAppDataIngestionLocation", "ManagedAppDataStorageLocation", "ManagedAppDataTransferLevel",
		"ManagedAppDeviceThreatLevel", "ManagedAppNotificationRestriction", "ManagedAppPhoneNumberRedirectLevel",
		"ManagedAppPinCharacterSet", "ManagedAppRemediationAction", "ManagedBrowserType", "MobileThreatPartnerTenantState"},
		decls("enums_gen.go"))
	// docs-src/intune documents create (POST) and update (PATCH) pages
	// of both entities, and an action: a body type each.
	assert.Equal(t, []string{"CreateIosManagedAppProtectionBody", "CreateMobileThreatDefenseConnectorBody",
		"HasPayloadLinksForIosManagedAppProtectionsBody",
		"UpdateIosManagedAppProtectionBody", "UpdateMobileThreatDefenseConnectorBody"}, decls("patch_gen.go"))
	// Every documented operation on the two comes along: get, list (and
	// its one-page call), create, update, delete, and the action.
	data, err := os.ReadFile(filepath.Join(out, "selhttp", "client_gen.go"))
	require.NoError(t, err)
	var methods []string
	for _, m := range regexp.MustCompile(`(?m)^func \(c \*Client\) (\w+)`).FindAllStringSubmatch(string(data), -1) {
		methods = append(methods, m[1])
	}
	sort.Strings(methods)
	assert.Equal(t, []string{"CreateIosManagedAppProtection", "CreateMobileThreatDefenseConnector",
		"DeleteIosManagedAppProtection", "DeleteMobileThreatDefenseConnector",
		"GetIosManagedAppProtection", "GetMobileThreatDefenseConnector",
		"HasPayloadLinksForIosManagedAppProtections",
		"ListIosManagedAppProtections", "ListIosManagedAppProtectionsPage",
		"ListMobileThreatDefenseConnectors", "ListMobileThreatDefenseConnectorsPage",
		"UpdateIosManagedAppProtection", "UpdateMobileThreatDefenseConnector"}, methods)

	if testing.Short() {
		return
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	cmd := exec.Command(goBin, "vet", "./...")
	cmd.Dir = out
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOWORK=off")
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, "the selected package must build alone:\n%s", b)
}

// TestSelectionUnknownName: an unknown name is a usage error (exit 2) with
// the nearest names.
func TestSelectionUnknownName(t *testing.T) {
	t.Parallel() // reads all of docs-src: overlaps with the other corpus tests
	code, _, stderr := run("generate", "-o", t.TempDir(), "-import", "example.com/sel", "-types", "mobileThreatDefenceConector", "../docs-src/intune")
	assert.Equal(t, 2, code)
	// The warnings about the pages are only counted (none is about the
	// selection, which names nothing); the error is the last line.
	// How many warnings there are follows the corpus, not this test.
	assert.Regexp(t, `^docgen: [1-9][0-9]* warnings about pages outside the selection not shown \(-v shows them\)\n`+
		`docgen: generate: unknown type "mobileThreatDefenceConector"; did you mean mobileThreatDefenseConnector\?\n$`, stderr)
}

// TestSelectionKeepsSignatures: selecting a type must not change the Go API
// generated for it. deviceManagementSettingDefinition has derived types that
// a selection of it alone leaves out; its client method still returns the
// Any wrapper, as it does when everything is generated.
func TestSelectionKeepsSignatures(t *testing.T) {
	t.Parallel() // reads all of docs-src: overlaps with the other corpus tests
	const sig = "func (c *Client) UpdateDeviceManagementSettingDefinition(ctx context.Context, deviceManagementSettingDefinitionID string, body *intune.UpdateDeviceManagementSettingDefinitionBody) (*intune.AnyDeviceManagementSettingDefinition, error) {"
	all, err := os.ReadFile("../generated/intune/intunehttp/client_gen.go")
	require.NoError(t, err)
	require.Contains(t, string(all), sig)

	out := t.TempDir()
	code, _, stderr := run("generate", "-o", out, "-pkg", "intune", "-import", "example.com/intune", "-types", "deviceManagementSettingDefinition", "../docs-src/intune")
	require.Equal(t, 0, code, stderr)
	sel, err := os.ReadFile(filepath.Join(out, "intunehttp", "client_gen.go"))
	require.NoError(t, err)
	assert.Contains(t, string(sel), sig)
}

package cli_test

import (
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docgen-dev/docgen/internal/cli"
)

// TestVersion: docgen version names the module version go get -tool
// pinned; a build from a checkout names its VCS revision.
func TestVersion(t *testing.T) {
	assert.Equal(t, "v1.2.3", cli.VersionOf(&debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}))
	assert.Equal(t, "devel abc123", cli.VersionOf(&debug.BuildInfo{Main: debug.Module{Version: "(devel)"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc123"}}}))
	assert.Equal(t, "devel", cli.VersionOf(&debug.BuildInfo{}))
}

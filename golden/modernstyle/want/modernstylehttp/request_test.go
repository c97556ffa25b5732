package modernstylehttp

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	modernstyle "github.com/docgen-dev/docgen/golden/modernstyle/want"
)

const base = "https://graph.microsoft.com/v1.0"

// TestAlternativeKeyPath: "{id | userPrincipalName}" is one path parameter,
// and paths that differ in their first segment get names from it.
func TestAlternativeKeyPath(t *testing.T) {
	ctx := context.Background()
	r := Requests{BaseURL: base}
	body := &modernstyle.UpdateWidgetBody{DisplayName: modernstyle.Some("Sprocket")}

	req, err := r.UpdateWidgetViaUsers(ctx, "adele@contoso.com", "7", body)
	require.NoError(t, err)
	assert.Equal(t, "/v1.0/users/adele@contoso.com/widgets/7", req.URL.Path)

	req, err = r.UpdateWidgetViaGroups(ctx, "g1", "7", body)
	require.NoError(t, err)
	assert.Equal(t, "/v1.0/groups/g1/widgets/7", req.URL.Path)

	req, err = r.PolishWidget(ctx, "adele@contoso.com", "7", &modernstyle.PolishWidgetBody{Grit: modernstyle.Some(int32(400))})
	require.NoError(t, err)
	assert.Equal(t, "POST", req.Method)
	assert.Equal(t, "/v1.0/users/adele@contoso.com/widgets/7/polish", req.URL.Path)
}

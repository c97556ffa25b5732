package wholebodyhttp

import (
	"context"
	"encoding/json"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	wholebody "github.com/docgen-dev/docgen/golden/wholebody/want"
)

// TestCreateRequest: the request builder sends a create body as a POST to
// the documented path, as JSON.
func TestCreateRequest(t *testing.T) {
	const sent = `{"displayName":"Sprocket","size":3,"labels":["blue"]}`
	var body wholebody.CreateWidgetBody
	require.NoError(t, json.Unmarshal([]byte(sent), &body))
	req, err := Requests{BaseURL: "https://graph.microsoft.com/v1.0"}.CreateWidget(context.Background(), &body)
	require.NoError(t, err)
	assert.Equal(t, "POST", req.Method)
	assert.Equal(t, "/v1.0/workbench/widgets", req.URL.Path)
	got, err := io.ReadAll(req.Body)
	require.NoError(t, err)
	assert.JSONEq(t, sent, string(got))
}

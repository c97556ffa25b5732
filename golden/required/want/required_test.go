package required

import (
	"encoding/json"
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// exampleRequest is the JSON body of the create page's request example.
func exampleRequest(t *testing.T) []byte {
	page, err := os.ReadFile("../input/widget-create.md")
	require.NoError(t, err)
	m := regexp.MustCompile("(?s)POST https://[^\n]*\n[^\n]*\n\n(\\{.*?\n\\})").FindSubmatch(page)
	require.NotNil(t, m, "request example not found")
	return m[1]
}

// TestCreateBodyRequired: "Yes" in the create page's Required column and
// "Required." in a description make Validate of the POST body report the
// property when absent or null; the page's own example passes.
func TestCreateBodyRequired(t *testing.T) {
	var b CreateWidgetBody
	require.NoError(t, json.Unmarshal(exampleRequest(t), &b))
	assert.NoError(t, b.Validate())

	b.DisplayName = Null[string]()
	b.Tags = Optional[[]string]{}
	err := b.Validate()
	require.Error(t, err)
	assert.Equal(t, "displayName: required property is not set; tags: required property is not set", err.Error())
}

// TestModelCheckRequired: required properties (from the create page and the
// resource pages) are a separate check on the model; Validate ignores them,
// since an update or a response need not carry them.
func TestModelCheckRequired(t *testing.T) {
	var w Widget
	assert.NoError(t, w.Validate())
	assert.EqualError(t, w.CheckRequired(), "displayName: required property is not set; tags: required property is not set")
	name := "Gear"
	w.DisplayName, w.Tags = &name, []string{}
	assert.NoError(t, w.CheckRequired())

	var o WidgetOwner
	assert.EqualError(t, o.CheckRequired(), "name: required property is not set")
}

// TestDecimalRange: a range stated for an Edm.Decimal (a json.Number) is
// checked by Validate, as lint checks it in examples.
func TestDecimalRange(t *testing.T) {
	for price, want := range map[string]string{
		"42.5":  "",
		"100":   "",
		"100.5": "price: 100.5 is out of the documented range (0 to 100)",
		"-1":    "price: -1 is out of the documented range (0 to 100)",
	} {
		var w Widget
		require.NoError(t, json.Unmarshal([]byte(`{"price": `+price+`}`), &w))
		if err := w.Validate(); want == "" {
			assert.NoError(t, err, price)
		} else {
			assert.EqualError(t, err, want, price)
		}
	}
}

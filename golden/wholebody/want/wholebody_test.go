package wholebody

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/golden/internal/pages"
	"github.com/docgen-dev/docgen/ir"
)

// jsonNames are the JSON member names of a struct type's fields, but for
// the "@odata.type" annotation every model and body has.
func jsonNames(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" && name != "@odata.type" {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// TestBodyIsWholeType: pages with no body table whose request body is "a
// JSON representation of a widget object" get a body with every field of
// widget, inherited and read-only ones included.
func TestBodyIsWholeType(t *testing.T) {
	want := jsonNames(reflect.TypeFor[Widget]())
	assert.Equal(t, []string{"createdDateTime", "displayName", "id", "labels", "size"}, want)
	for _, body := range []reflect.Type{reflect.TypeFor[CreateWidgetBody](), reflect.TypeFor[UpdateWidgetBody]()} {
		assert.Equal(t, want, jsonNames(body), body.Name())
	}
}

// TestCreateFromExample: the page's own request decodes into the body and
// validates (it sets the required displayName and a size in range).
func TestCreateFromExample(t *testing.T) {
	var body CreateWidgetBody
	require.NoError(t, json.Unmarshal([]byte(pages.Example(t, "../input/widget-create.md", ir.RoleRequest).Body), &body))
	name, ok := body.DisplayName.Get()
	assert.True(t, ok)
	assert.Equal(t, "Sprocket", name)
	require.NoError(t, body.Validate())
	require.NoError(t, body.CheckReadOnly())

}

// TestWholeBodyRules: the whole type's documented rules hold on the body:
// required on create, ranges, and read-only properties for CheckReadOnly.
func TestWholeBodyRules(t *testing.T) {
	var missing CreateWidgetBody
	err := missing.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "displayName")

	big := CreateWidgetBody{DisplayName: Some("x"), Size: Some(int32(11))}
	err = big.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "size")

	ro := UpdateWidgetBody{ID: Some("w1"), CreatedDateTime: Some(DateTimeOffset("2024-05-01T10:00:00Z"))}
	require.NoError(t, ro.Validate())
	err = ro.CheckReadOnly()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "id")
	assert.Contains(t, err.Error(), "createdDateTime")
}

package intunehttp

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	intune "github.com/docgen-dev/docgen/generated/intune"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// template returns the deviceManagementTemplate of a get's answer, or nil
// for 404.
func template(t *testing.T) func(*intune.AnyDeviceManagementTemplate, error) *intune.DeviceManagementTemplate {
	return func(a *intune.AnyDeviceManagementTemplate, err error) *intune.DeviceManagementTemplate {
		t.Helper()
		var ge *GraphError
		if errors.As(err, &ge) && ge.StatusCode == http.StatusNotFound {
			return nil
		}
		require.NoError(t, err)
		m, ok := a.Value.(*intune.DeviceManagementTemplate)
		require.True(t, ok, "a %T", a.Value)
		return m
	}
}

// TestFakeLeniency: by default the Fake refuses what the docs say is wrong
// (an enum value they do not list, an undocumented or miscased member);
// Lenient accepts each on its own, and nothing else.
func TestFakeLeniency(t *testing.T) {
	fake := NewFake()
	srv := httptest.NewServer(fake)
	defer srv.Close()
	c := NewClient(srv.URL, srv.Client())
	ctx := t.Context()
	post := func(body string) (int, string) {
		t.Helper()
		resp, err := srv.Client().Post(srv.URL+"/deviceManagement/templates", "application/json", strings.NewReader(body))
		require.NoError(t, err)
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(data)
	}
	newer := intune.DeviceManagementTemplateType("quantumBaseline") // not in the docs
	require.False(t, newer.Known())

	// Strict.
	_, err := c.CreateDeviceManagementTemplate(ctx, &intune.CreateDeviceManagementTemplateBody{ID: intune.Some("a"), TemplateType: intune.Some(newer)})
	var ge *GraphError
	require.ErrorAs(t, err, &ge)
	assert.Equal(t, 400, ge.StatusCode)
	assert.Equal(t, "BadRequest", ge.Code)
	assert.Contains(t, ge.Message, `templateType: undocumented value "quantumBaseline"`)
	for _, body := range []string{`{"displayname":"x"}`, `{"displayName":"x","odataType":null}`} {
		code, got := post(body)
		assert.Equal(t, 400, code, body)
		assert.Contains(t, got, `"code":"BadRequest"`, body)
	}

	// Enum members newer than the docs: kept; every other rule still holds.
	fake.Lenient = Leniency{UnknownEnumMembers: true}
	_, err = c.CreateDeviceManagementTemplate(ctx, &intune.CreateDeviceManagementTemplateBody{ID: intune.Some("a"), TemplateType: intune.Some(newer)})
	require.NoError(t, err)
	m := template(t)(c.GetDeviceManagementTemplate(ctx, "a", nil))
	require.NotNil(t, m)
	assert.Equal(t, newer, *m.TemplateType, "stored and answered as sent")
	_, err = c.CreateDeviceManagementTemplate(ctx, &intune.CreateDeviceManagementTemplateBody{
		ID: intune.Some("b"), TemplateType: intune.Some(newer), PublishedDateTime: intune.Some(intune.DateTimeOffset("yesterday")),
	})
	require.ErrorAs(t, err, &ge)
	assert.Equal(t, 400, ge.StatusCode)
	assert.Contains(t, ge.Message, "publishedDateTime")
	assert.NotContains(t, ge.Message, "templateType")
	code, _ := post(`{"displayname":"x"}`)
	assert.Equal(t, 400, code, "members stay strict")

	// Unknown and miscased members, as encoding/json reads them (the
	// Kiota SDK's "odataType": null among them); enums strict again.
	fake.Lenient = Leniency{UnknownMembers: true}
	code, got := post(`{"id":"c","displayname":"x","odataType":null}`)
	assert.Equal(t, 201, code, got)
	m = template(t)(c.GetDeviceManagementTemplate(ctx, "c", nil))
	require.NotNil(t, m)
	assert.Equal(t, "x", *m.DisplayName)
	code, got = post(`{"id":"d","displayName":"x","DisplayName":"y"}`)
	assert.Equal(t, 400, code, "a member given twice")
	assert.Contains(t, got, "appears twice")
	code, _ = post(`{"id":"d","templateType":"quantumBaseline"}`)
	assert.Equal(t, 400, code)
}

package intunehttp

import (
	"context"
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

// TestFakeRepeatedPathParam: a documented path that names one parameter
// twice, /deviceManagement/templates/{deviceManagementTemplateId}/migratableTo/{deviceManagementTemplateId},
// keys one collection per outer template: the Fake keeps the entities of
// each apart and apart from the outer collection, and a Handle function's
// Route gives both values.
func TestFakeRepeatedPathParam(t *testing.T) {
	fake := NewFake()
	srv := httptest.NewServer(fake)
	defer srv.Close()
	c := NewClient(srv.URL, srv.Client())
	ctx := t.Context()
	create := func(outer, id, name string) {
		t.Helper()
		body := &intune.CreateDeviceManagementTemplateBody{ID: intune.Some(id), DisplayName: intune.Some(name)}
		var err error
		if outer == "" {
			_, err = c.CreateDeviceManagementTemplate(ctx, body)
		} else {
			_, err = c.CreateDeviceManagementTemplateViaMigratableTo(ctx, outer, body)
		}
		require.NoError(t, err)
	}
	create("", "t1", "outer t1")
	create("t1", "same", "in t1")
	create("t/2", "same", "in t/2") // the same id under another template; escaped
	create("t1", "t1", "t1 in t1")

	name := func(outer, id string) string {
		t.Helper()
		var a *intune.AnyDeviceManagementTemplate
		var err error
		if outer == "" {
			a, err = c.GetDeviceManagementTemplate(ctx, id, nil)
		} else {
			a, err = c.GetDeviceManagementTemplateViaMigratableTo(ctx, outer, id, nil)
		}
		m := template(t)(a, err)
		if m == nil {
			return "404"
		}
		return *m.DisplayName
	}
	assert.Equal(t, "outer t1", name("", "t1"))
	assert.Equal(t, "in t1", name("t1", "same"))
	assert.Equal(t, "in t/2", name("t/2", "same"))
	assert.Equal(t, "t1 in t1", name("t1", "t1"), "the inner value keys the inner entity")
	assert.Equal(t, "404", name("", "same"))
	assert.Equal(t, "404", name("t3", "same"))

	_, err := c.UpdateDeviceManagementTemplateViaMigratableTo(ctx, "t/2", "same", &intune.UpdateDeviceManagementTemplateBody{DisplayName: intune.Some("renamed")})
	require.NoError(t, err)
	require.NoError(t, c.DeleteDeviceManagementTemplateViaMigratableTo(ctx, "t1", "same"))
	assert.Equal(t, "404", name("t1", "same"))
	assert.Equal(t, "renamed", name("t/2", "same"))
	assert.Equal(t, "t1 in t1", name("t1", "t1"))
	assert.Equal(t, "outer t1", name("", "t1"))

	var ids []string
	for m, err := range c.ListDeviceManagementTemplatesViaMigratableTo(ctx, "t1", nil) {
		require.NoError(t, err)
		ids = append(ids, *m.Value.(*intune.DeviceManagementTemplate).ID)
	}
	assert.Equal(t, []string{"t1"}, ids)

	// A Handle function's Route: Param is the outer value, Params both.
	var first string
	var all []string
	h := httptest.NewServer(HandleGetDeviceManagementTemplate(func(_ context.Context, r Route) (*intune.AnyDeviceManagementTemplate, error) {
		first, all = r.Param("deviceManagementTemplateId"), r.Params("deviceManagementTemplateId")
		return nil, nil
	}))
	defer h.Close()
	_, err = NewClient(h.URL, h.Client()).GetDeviceManagementTemplateViaMigratableTo(ctx, "outer", "in/ner", nil)
	require.NoError(t, err)
	assert.Equal(t, "outer", first)
	assert.Equal(t, []string{"outer", "in/ner"}, all)
	_, err = NewClient(h.URL, h.Client()).GetDeviceManagementTemplate(ctx, "only", nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"only"}, all)
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

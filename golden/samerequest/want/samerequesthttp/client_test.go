package samerequesthttp

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	samerequest "github.com/docgen-dev/docgen/golden/samerequest/want"
)

// TestOneOperationForTwoPages: the targetApps action, documented on the
// managedAppPolicy page and again on the managedAppProtection page, is one
// operation: one body type, one handler, and one client method for each of
// its three documented paths, each reaching that handler with its route.
// The page's own example body goes through unchanged.
func TestOneOperationForTwoPages(t *testing.T) {
	page, err := os.ReadFile("../../input/intune-mam-managedappprotection-targetapps.md")
	require.NoError(t, err)
	example := regexp.MustCompile("(?s)Content-length: \\d+\n\n(\\{.*?\n\\})\n```").FindSubmatch(page)
	require.NotNil(t, example, "the page's request example")
	var body samerequest.TargetAppsForManagedAppPolicyBody
	require.NoError(t, json.Unmarshal(example[1], &body))
	require.NoError(t, body.Validate())

	type call struct {
		template, policy, registration string
		apps                           int
	}
	var got []call
	srv := httptest.NewServer(HandleTargetAppsForManagedAppPolicy(func(_ context.Context, route Route, b *samerequest.TargetAppsForManagedAppPolicyBody) error {
		apps, _ := b.Apps.Get()
		got = append(got, call{route.Template, route.Param("managedAppPolicyId"), route.Param("managedAppRegistrationId"), len(apps)})
		return nil
	}))
	defer srv.Close()
	c := NewClient(srv.URL, srv.Client())
	ctx := context.Background()
	require.NoError(t, c.TargetAppsForManagedAppPolicy(ctx, "p1", &body))
	require.NoError(t, c.TargetAppsForManagedAppPolicyViaAppliedPolicies(ctx, "r1", "p2", &body))
	require.NoError(t, c.TargetAppsForManagedAppPolicyViaIntendedPolicies(ctx, "r2", "p3", &body))
	assert.Equal(t, []call{
		{"/deviceAppManagement/managedAppPolicies/{managedAppPolicyId}/targetApps", "p1", "", 1},
		{"/deviceAppManagement/managedAppRegistrations/{managedAppRegistrationId}/appliedPolicies/{managedAppPolicyId}/targetApps", "p2", "r1", 1},
		{"/deviceAppManagement/managedAppRegistrations/{managedAppRegistrationId}/intendedPolicies/{managedAppPolicyId}/targetApps", "p3", "r2", 1},
	}, got)
}

package intunehttp

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	intune "github.com/docgen-dev/docgen/generated/intune"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestValueAnswers: operations that answer one primitive or enum value
// ({"value": v}) decode into Value[T] of the documented type, and a
// collection of primitives into Page[T]. The bodies are the response
// examples of the pages (intune-shared-mobileapp-getmobileappcount,
// intune-chromebooksync-chromeosonboardingsettings-connect,
// intune-auditing-auditevent-getauditcategories), then an enum member the
// docs do not list, which the enum type keeps.
func TestValueAnswers(t *testing.T) {
	answer := map[string]string{
		"/deviceAppManagement/mobileApps/getMobileAppCount(status='x')": `{"value": 1}`,
		"/deviceManagement/chromeOSOnboardingSettings/connect":          `{"value": "inprogress"}`,
		"/deviceManagement/auditEvents/getAuditCategories":              `{"value": ["Category value"]}`,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		body, ok := answer[r.URL.Path]
		if !ok {
			http.Error(w, "unexpected path "+r.URL.Path, http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, body)
	}))
	defer srv.Close()
	c := NewClient(srv.URL, srv.Client())

	count, err := c.GetMobileAppCount(t.Context(), &intune.GetMobileAppCountParams{Status: intune.Some("x")})
	require.NoError(t, err)
	assert.Equal(t, int64(1), count.Value)

	status, err := c.ConnectChromeOSOnboardingSettings(t.Context(), &intune.ConnectChromeOSOnboardingSettingsBody{})
	require.NoError(t, err)
	assert.Equal(t, intune.ChromeOSOnboardingStatusInprogress, status.Value)

	cats, err := c.GetAuditCategoriesForAuditEvents(t.Context())
	require.NoError(t, err)
	assert.Equal(t, []string{"Category value"}, cats.Value)

	answer["/deviceManagement/chromeOSOnboardingSettings/connect"] = `{"value": "quantumEntangled"}`
	status, err = c.ConnectChromeOSOnboardingSettings(t.Context(), &intune.ConnectChromeOSOnboardingSettingsBody{})
	require.NoError(t, err)
	assert.Equal(t, intune.ChromeOSOnboardingStatus("quantumEntangled"), status.Value, "an enum member newer than the docs is kept")
}

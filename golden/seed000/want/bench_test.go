package seed000

import (
	"encoding/json"
	"testing"

	"github.com/docgen-dev/docgen/golden/internal/pages"
)

// plainConnector is the baseline: what a person writes by hand for the same
// payload with encoding/json and *T fields (it loses nothing on this example,
// but would lose fractional seconds as time.Time, unknown enum values as an
// int enum, and could not send null).
type plainConnector struct {
	ODataType                                           *string `json:"@odata.type,omitempty"`
	ID                                                  *string `json:"id,omitempty"`
	LastHeartbeatDateTime                               *string `json:"lastHeartbeatDateTime,omitempty"`
	PartnerState                                        *string `json:"partnerState,omitempty"`
	AndroidMobileApplicationManagementEnabled           *bool   `json:"androidMobileApplicationManagementEnabled,omitempty"`
	IosMobileApplicationManagementEnabled               *bool   `json:"iosMobileApplicationManagementEnabled,omitempty"`
	WindowsMobileApplicationManagementEnabled           *bool   `json:"windowsMobileApplicationManagementEnabled,omitempty"`
	AndroidEnabled                                      *bool   `json:"androidEnabled,omitempty"`
	IosEnabled                                          *bool   `json:"iosEnabled,omitempty"`
	WindowsEnabled                                      *bool   `json:"windowsEnabled,omitempty"`
	MacEnabled                                          *bool   `json:"macEnabled,omitempty"`
	AndroidDeviceBlockedOnMissingPartnerData            *bool   `json:"androidDeviceBlockedOnMissingPartnerData,omitempty"`
	IosDeviceBlockedOnMissingPartnerData                *bool   `json:"iosDeviceBlockedOnMissingPartnerData,omitempty"`
	WindowsDeviceBlockedOnMissingPartnerData            *bool   `json:"windowsDeviceBlockedOnMissingPartnerData,omitempty"`
	MacDeviceBlockedOnMissingPartnerData                *bool   `json:"macDeviceBlockedOnMissingPartnerData,omitempty"`
	PartnerUnsupportedOsVersionBlocked                  *bool   `json:"partnerUnsupportedOsVersionBlocked,omitempty"`
	PartnerUnresponsivenessThresholdInDays              *int32  `json:"partnerUnresponsivenessThresholdInDays,omitempty"`
	AllowPartnerToCollectIOSApplicationMetadata         *bool   `json:"allowPartnerToCollectIOSApplicationMetadata,omitempty"`
	AllowPartnerToCollectIOSPersonalApplicationMetadata *bool   `json:"allowPartnerToCollectIOSPersonalApplicationMetadata,omitempty"`
	MicrosoftDefenderForEndpointAttachEnabled           *bool   `json:"microsoftDefenderForEndpointAttachEnabled,omitempty"`
}

func benchBody(b *testing.B) []byte {
	return []byte(pages.Examples(b, page, 2)[1].Body)
}

func benchRoundTrip[T any](b *testing.B) {
	body := benchBody(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var m T
		if err := json.Unmarshal(body, &m); err != nil {
			b.Fatal(err)
		}
		if _, err := json.Marshal(&m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeEncode/docgen vs /plain: decode + encode of the page's
// response example (see BENCHMARKS.md).
func BenchmarkDecodeEncode(b *testing.B) {
	b.Run("docgen", benchRoundTrip[MobileThreatDefenseConnector])
	b.Run("plain", benchRoundTrip[plainConnector])
}

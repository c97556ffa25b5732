package intunehttp

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	intune "github.com/docgen-dev/docgen/generated/intune"
)

// plainConnector is mobileThreatDefenseConnector as a hand-written
// encoding/json struct would declare it.
type plainConnector struct {
	ODataType                                   *string `json:"@odata.type,omitzero"`
	ID                                          *string `json:"id,omitzero"`
	LastHeartbeatDateTime                       *string `json:"lastHeartbeatDateTime,omitzero"`
	PartnerState                                *string `json:"partnerState,omitzero"`
	AndroidMobileApplicationManagementEnabled   *bool   `json:"androidMobileApplicationManagementEnabled,omitzero"`
	IosMobileApplicationManagementEnabled       *bool   `json:"iosMobileApplicationManagementEnabled,omitzero"`
	AndroidEnabled                              *bool   `json:"androidEnabled,omitzero"`
	IosEnabled                                  *bool   `json:"iosEnabled,omitzero"`
	WindowsEnabled                              *bool   `json:"windowsEnabled,omitzero"`
	MacEnabled                                  *bool   `json:"macEnabled,omitzero"`
	AndroidDeviceBlockedOnMissingPartnerData    *bool   `json:"androidDeviceBlockedOnMissingPartnerData,omitzero"`
	IosDeviceBlockedOnMissingPartnerData        *bool   `json:"iosDeviceBlockedOnMissingPartnerData,omitzero"`
	WindowsDeviceBlockedOnMissingPartnerData    *bool   `json:"windowsDeviceBlockedOnMissingPartnerData,omitzero"`
	MacDeviceBlockedOnMissingPartnerData        *bool   `json:"macDeviceBlockedOnMissingPartnerData,omitzero"`
	PartnerUnsupportedOsVersionBlocked          *bool   `json:"partnerUnsupportedOsVersionBlocked,omitzero"`
	PartnerUnresponsivenessThresholdInDays      *int32  `json:"partnerUnresponsivenessThresholdInDays,omitzero"`
	AllowPartnerToCollectIOSApplicationMetadata *bool   `json:"allowPartnerToCollectIOSApplicationMetadata,omitzero"`
}

// listPage is a list response of n connectors, as the list page's example
// shows one.
func listPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"@odata.nextLink":"https://graph.microsoft.com/beta/deviceManagement/mobileThreatDefenseConnectors?$skiptoken=x","value":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"@odata.type":"#microsoft.graph.mobileThreatDefenseConnector","id":"e4bede14-de14-e4be-14de-%012d",`+
			`"lastHeartbeatDateTime":"2016-12-31T23:59:37.9174975-08:00","partnerState":"available",`+
			`"androidMobileApplicationManagementEnabled":true,"iosMobileApplicationManagementEnabled":true,"androidEnabled":true,`+
			`"iosEnabled":true,"windowsEnabled":true,"macEnabled":true,"androidDeviceBlockedOnMissingPartnerData":true,`+
			`"iosDeviceBlockedOnMissingPartnerData":true,"windowsDeviceBlockedOnMissingPartnerData":true,`+
			`"macDeviceBlockedOnMissingPartnerData":true,"partnerUnsupportedOsVersionBlocked":true,`+
			`"partnerUnresponsivenessThresholdInDays":6,"allowPartnerToCollectIOSApplicationMetadata":true}`, i)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// BenchmarkListPage decodes a list page of 1,000 connectors into the
// generated Page[T], against a plain encoding/json struct; the figures per
// item are ns/op and allocs/op divided by 1,000 (see BENCHMARKS.md).
func BenchmarkListPage(b *testing.B) {
	data := listPage(1000)
	b.Run("docgen", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var p Page[intune.MobileThreatDefenseConnector]
			if err := json.Unmarshal(data, &p); err != nil || len(p.Value) != 1000 {
				b.Fatal(err)
			}
		}
	})
	b.Run("plain", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var p struct {
				NextLink string           `json:"@odata.nextLink"`
				Value    []plainConnector `json:"value"`
			}
			if err := json.Unmarshal(data, &p); err != nil || len(p.Value) != 1000 {
				b.Fatal(err)
			}
		}
	})
}

// TestListPageExact: the benchmark's page decodes exactly (what it
// measures is worth measuring).
func TestListPageExact(t *testing.T) {
	data := listPage(3)
	var p Page[intune.MobileThreatDefenseConnector]
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(&p)
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	json.Unmarshal(data, &a)
	json.Unmarshal(out, &b)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("round trip differs:\n%s\n%s", data, out)
	}
}

// Command plain decodes and encodes one mobileThreatDefenseConnector with a
// hand-written encoding/json struct; bench/buildcost.sh measures its build.
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"time"
)

type connector struct {
	ODataType                                           *string    `json:"@odata.type,omitempty"`
	ID                                                  *string    `json:"id,omitempty"`
	LastHeartbeatDateTime                               *time.Time `json:"lastHeartbeatDateTime,omitempty"`
	PartnerState                                        *string    `json:"partnerState,omitempty"`
	AndroidMobileApplicationManagementEnabled           *bool      `json:"androidMobileApplicationManagementEnabled,omitempty"`
	IosMobileApplicationManagementEnabled               *bool      `json:"iosMobileApplicationManagementEnabled,omitempty"`
	WindowsMobileApplicationManagementEnabled           *bool      `json:"windowsMobileApplicationManagementEnabled,omitempty"`
	AndroidEnabled                                      *bool      `json:"androidEnabled,omitempty"`
	IosEnabled                                          *bool      `json:"iosEnabled,omitempty"`
	WindowsEnabled                                      *bool      `json:"windowsEnabled,omitempty"`
	MacEnabled                                          *bool      `json:"macEnabled,omitempty"`
	AndroidDeviceBlockedOnMissingPartnerData            *bool      `json:"androidDeviceBlockedOnMissingPartnerData,omitempty"`
	IosDeviceBlockedOnMissingPartnerData                *bool      `json:"iosDeviceBlockedOnMissingPartnerData,omitempty"`
	WindowsDeviceBlockedOnMissingPartnerData            *bool      `json:"windowsDeviceBlockedOnMissingPartnerData,omitempty"`
	MacDeviceBlockedOnMissingPartnerData                *bool      `json:"macDeviceBlockedOnMissingPartnerData,omitempty"`
	PartnerUnsupportedOsVersionBlocked                  *bool      `json:"partnerUnsupportedOsVersionBlocked,omitempty"`
	PartnerUnresponsivenessThresholdInDays              *int32     `json:"partnerUnresponsivenessThresholdInDays,omitempty"`
	AllowPartnerToCollectIOSApplicationMetadata         *bool      `json:"allowPartnerToCollectIOSApplicationMetadata,omitempty"`
	AllowPartnerToCollectIOSPersonalApplicationMetadata *bool      `json:"allowPartnerToCollectIOSPersonalApplicationMetadata,omitempty"`
	MicrosoftDefenderForEndpointAttachEnabled           *bool      `json:"microsoftDefenderForEndpointAttachEnabled,omitempty"`
}

const body = `{
	"@odata.type": "#microsoft.graph.mobileThreatDefenseConnector",
	"id": "e4bede14-de14-e4be-14de-bee414debee4",
	"lastHeartbeatDateTime": "2016-12-31T23:59:37.9174975-08:00",
	"partnerState": "available",
	"androidMobileApplicationManagementEnabled": true,
	"iosMobileApplicationManagementEnabled": true,
	"windowsMobileApplicationManagementEnabled": true,
	"androidEnabled": true,
	"iosEnabled": true,
	"windowsEnabled": true,
	"macEnabled": true,
	"androidDeviceBlockedOnMissingPartnerData": true,
	"iosDeviceBlockedOnMissingPartnerData": true,
	"windowsDeviceBlockedOnMissingPartnerData": true,
	"macDeviceBlockedOnMissingPartnerData": true,
	"partnerUnsupportedOsVersionBlocked": true,
	"partnerUnresponsivenessThresholdInDays": 6,
	"allowPartnerToCollectIOSApplicationMetadata": true,
	"allowPartnerToCollectIOSPersonalApplicationMetadata": true,
	"microsoftDefenderForEndpointAttachEnabled": true
}`

func main() {
	var c connector
	if err := json.Unmarshal([]byte(body), &c); err != nil {
		log.Fatal(err)
	}
	out, err := json.Marshal(&c)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(out))
}

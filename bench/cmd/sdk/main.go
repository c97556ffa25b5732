// Command sdk decodes and encodes one mobileThreatDefenseConnector with the
// official Graph beta SDK's model and kiota's JSON serialization;
// bench/buildcost.sh measures its build (opt-in: it is expensive).
package main

import (
	"fmt"
	"log"

	jsonserialization "github.com/microsoft/kiota-serialization-json-go"
	"github.com/microsoftgraph/msgraph-beta-sdk-go/models"
)

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
	node, err := jsonserialization.NewJsonParseNode([]byte(body))
	if err != nil {
		log.Fatal(err)
	}
	c, err := node.GetObjectValue(models.CreateMobileThreatDefenseConnectorFromDiscriminatorValue)
	if err != nil {
		log.Fatal(err)
	}
	w := jsonserialization.NewJsonSerializationWriter()
	defer w.Close()
	if err := w.WriteObjectValue("", c); err != nil {
		log.Fatal(err)
	}
	out, err := w.GetSerializedContent()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(out))
}

// Command docgen decodes and encodes one mobileThreatDefenseConnector with
// docgen's generated model; bench/buildcost.sh measures its build. Package
// graph is what a user who needs only this entity generates: `make
// generate` at the repository root writes it with -types
// mobileThreatDefenseConnector -http=false.
package main

import (
	"encoding/json"
	"fmt"
	"log"

	"github.com/docgen-dev/docgen/bench/cmd/docgen/graph"
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
	var c graph.MobileThreatDefenseConnector
	if err := json.Unmarshal([]byte(body), &c); err != nil {
		log.Fatal(err)
	}
	out, err := json.Marshal(&c)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(out))
}

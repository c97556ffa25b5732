// Command intune-tool shows the docgen workflow from a user's side: it reads a
// mobileThreatDefenseConnector as the service returns it, changes one setting,
// clears another, and prints the PATCH request that sends exactly that.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"os"

	"example.com/intune-tool/graph"
	"example.com/intune-tool/graph/graphhttp"
)

// fromService is what GET returns (the documented response example).
const fromService = `{
  "@odata.type": "#microsoft.graph.mobileThreatDefenseConnector",
  "id": "e4bede14-de14-e4be-14de-bee414debee4",
  "lastHeartbeatDateTime": "2016-12-31T23:59:37.9174975-08:00",
  "partnerState": "available",
  "androidEnabled": true,
  "partnerUnresponsivenessThresholdInDays": 6
}`

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer) error {
	var old graph.MobileThreatDefenseConnector
	if err := json.Unmarshal([]byte(fromService), &old); err != nil {
		return err
	}
	updated := old
	days := int32(14)
	updated.PartnerUnresponsivenessThresholdInDays = &days // changed
	updated.AndroidEnabled = nil                           // cleared: sent as null

	body := new(graph.UpdateMobileThreatDefenseConnectorBody).SetChanges(&old, &updated)
	if err := body.Validate(); err != nil {
		return err
	}
	requests := graphhttp.Requests{BaseURL: "https://graph.microsoft.com/beta"}
	req, err := requests.UpdateMobileThreatDefenseConnector(context.Background(), *old.ID, body)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(req.Body)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s %s\n%s\n", req.Method, req.URL, data)
	return nil
}

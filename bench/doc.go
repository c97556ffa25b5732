// Package bench compares docgen's generated models with the official
// Microsoft Graph beta SDK (msgraph-beta-sdk-go) and a hand-written
// encoding/json struct: decode + encode speed and allocations, whether the
// round trip is exact (roundtrip_test.go), and build cost (buildcost.sh).
//
// It is a module of its own so that the main module never depends on the SDK.
package bench

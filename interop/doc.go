// Package interop checks docgen's generated code against the official
// Microsoft Graph beta SDK for Go (msgraph-beta-sdk-go, Kiota) on the wire:
// the SDK's request adapter with its default pipeline against docgen's
// fake server, and docgen's request bodies read by the SDK's JSON parse
// node. It is a module of its own, like bench/, because the SDK takes
// minutes and about 10 GB to compile; run it with `make interop` from the
// repository root. INTEROP.md records what passes and what the SDK loses.
package interop

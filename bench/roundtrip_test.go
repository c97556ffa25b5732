package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	absser "github.com/microsoft/kiota-abstractions-go/serialization"
	jsonserialization "github.com/microsoft/kiota-serialization-json-go"
	"github.com/microsoftgraph/msgraph-beta-sdk-go/models"

	"github.com/docgen-dev/docgen/generated/intune"
	"github.com/docgen-dev/docgen/generated/seeds"
	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser"
)

// fixture is one documented response example and the three ways to model it.
type fixture struct {
	name   string
	page   string // relative to bench/
	typ    string // the example's type, as the docs name it
	docgen func() any
	sdk    absser.ParsableFactory
	plain  func() any // nil: no hand-written struct for this entity
	// edit, when set, changes the example before use; such fixtures are
	// probes for TestRoundTripExact, not benchmarked.
	edit func([]byte) []byte
}

var fixtures = []fixture{
	{
		name:   "connector",
		page:   "../docs-src/seeds/000_91fdf6f3b8b8b9ce.txt",
		typ:    "mobileThreatDefenseConnector",
		docgen: func() any { return new(seeds.MobileThreatDefenseConnector) },
		sdk:    models.CreateMobileThreatDefenseConnectorFromDiscriminatorValue,
		plain:  func() any { return new(plainConnector) },
	},
	{
		name:   "windowsMAM",
		page:   "../docs-src/seeds/003_f2c6cc1acb9e6d00.txt",
		typ:    "windowsManagedAppProtection",
		docgen: func() any { return new(seeds.WindowsManagedAppProtection) },
		sdk:    models.CreateWindowsManagedAppProtectionFromDiscriminatorValue,
		plain:  func() any { return new(plainWindowsManagedAppProtection) },
	},
	{
		// The connector example with values the service may send but the
		// docs' example does not show: trailing zeros in the fraction, a UTC
		// offset written "Z", an enum value added after the SDK was generated.
		name:   "connector-edge",
		page:   "../docs-src/seeds/000_91fdf6f3b8b8b9ce.txt",
		typ:    "mobileThreatDefenseConnector",
		docgen: func() any { return new(seeds.MobileThreatDefenseConnector) },
		sdk:    models.CreateMobileThreatDefenseConnectorFromDiscriminatorValue,
		plain:  func() any { return new(plainConnector) },
		edit: func(b []byte) []byte {
			b = bytes.Replace(b, []byte(`"2016-12-31T23:59:37.9174975-08:00"`), []byte(`"2016-12-31T23:59:37.9170000Z"`), 1)
			return bytes.Replace(b, []byte(`"partnerState": "available"`), []byte(`"partnerState": "someFutureState"`), 1)
		},
	},
	{
		// A large entity: a device configuration with 200-odd properties,
		// nested complex types and collections (30 KB as documented); no
		// hand-written struct, nobody writes that by hand.
		name:   "win10EndpointProtection",
		page:   "../docs-src/intune/api-reference/beta/api/intune-deviceconfig-windows10endpointprotectionconfiguration-update.md",
		typ:    "windows10EndpointProtectionConfiguration",
		docgen: func() any { return new(intune.Windows10EndpointProtectionConfiguration) },
		sdk:    models.CreateWindows10EndpointProtectionConfigurationFromDiscriminatorValue,
	},
}

// plainConnector is what a person writes by hand with encoding/json and *T
// fields: time.Time for timestamps, strings for enums.
type plainConnector struct {
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

// plainWindowsManagedAppProtection is the hand-written struct for
// windowsManagedAppProtection. Durations are strings: the standard library
// has no ISO 8601 duration type (time.Duration decodes from a number).
type plainWindowsManagedAppProtection struct {
	ODataType                               *string    `json:"@odata.type,omitempty"`
	DisplayName                             *string    `json:"displayName,omitempty"`
	Description                             *string    `json:"description,omitempty"`
	CreatedDateTime                         *time.Time `json:"createdDateTime,omitempty"`
	LastModifiedDateTime                    *time.Time `json:"lastModifiedDateTime,omitempty"`
	RoleScopeTagIDs                         []string   `json:"roleScopeTagIds,omitempty"`
	ID                                      *string    `json:"id,omitempty"`
	Version                                 *string    `json:"version,omitempty"`
	IsAssigned                              *bool      `json:"isAssigned,omitempty"`
	DeployedAppCount                        *int32     `json:"deployedAppCount,omitempty"`
	PrintBlocked                            *bool      `json:"printBlocked,omitempty"`
	AllowedInboundDataTransferSources       *string    `json:"allowedInboundDataTransferSources,omitempty"`
	AllowedOutboundClipboardSharingLevel    *string    `json:"allowedOutboundClipboardSharingLevel,omitempty"`
	AllowedOutboundDataTransferDestinations *string    `json:"allowedOutboundDataTransferDestinations,omitempty"`
	AppActionIfUnableToAuthenticateUser     *string    `json:"appActionIfUnableToAuthenticateUser,omitempty"`
	MaximumAllowedDeviceThreatLevel         *string    `json:"maximumAllowedDeviceThreatLevel,omitempty"`
	MobileThreatDefenseRemediationAction    *string    `json:"mobileThreatDefenseRemediationAction,omitempty"`
	MinimumRequiredSdkVersion               *string    `json:"minimumRequiredSdkVersion,omitempty"`
	MinimumWipeSdkVersion                   *string    `json:"minimumWipeSdkVersion,omitempty"`
	MinimumRequiredOsVersion                *string    `json:"minimumRequiredOsVersion,omitempty"`
	MinimumWarningOsVersion                 *string    `json:"minimumWarningOsVersion,omitempty"`
	MinimumWipeOsVersion                    *string    `json:"minimumWipeOsVersion,omitempty"`
	MinimumRequiredAppVersion               *string    `json:"minimumRequiredAppVersion,omitempty"`
	MinimumWarningAppVersion                *string    `json:"minimumWarningAppVersion,omitempty"`
	MinimumWipeAppVersion                   *string    `json:"minimumWipeAppVersion,omitempty"`
	MaximumRequiredOsVersion                *string    `json:"maximumRequiredOsVersion,omitempty"`
	MaximumWarningOsVersion                 *string    `json:"maximumWarningOsVersion,omitempty"`
	MaximumWipeOsVersion                    *string    `json:"maximumWipeOsVersion,omitempty"`
	PeriodOfflineBeforeWipeIsEnforced       *string    `json:"periodOfflineBeforeWipeIsEnforced,omitempty"`
	PeriodOfflineBeforeAccessCheck          *string    `json:"periodOfflineBeforeAccessCheck,omitempty"`
}

// responseBody returns the page's response example for f.typ.
func responseBody(tb testing.TB, f fixture) []byte {
	tb.Helper()
	src, err := os.ReadFile(f.page)
	if err != nil {
		tb.Fatal(err)
	}
	page, diags := parser.Parse(filepath.ToSlash(f.page), src)
	if diags.HasErrors() {
		tb.Fatalf("%s: %v", f.page, diags)
	}
	for _, ex := range page.Examples {
		if ex.Role == ir.RoleResponse && strings.Contains(ex.Body, "#microsoft.graph."+f.typ+`"`) {
			if f.edit != nil {
				edited := f.edit([]byte(ex.Body))
				if bytes.Equal(edited, []byte(ex.Body)) {
					tb.Fatalf("%s: edit changed nothing", f.name)
				}
				return edited
			}
			return []byte(ex.Body)
		}
	}
	tb.Fatalf("%s: no response example for %s", f.page, f.typ)
	return nil
}

// roundTripStd decodes body into newT() with encoding/json and encodes it again.
func roundTripStd(body []byte, newT func() any) ([]byte, error) {
	m := newT()
	if err := json.Unmarshal(body, m); err != nil {
		return nil, err
	}
	return json.Marshal(m)
}

// roundTripSDK decodes body with kiota's JSON parse node into the SDK model
// and encodes it with kiota's JSON serialization writer.
func roundTripSDK(body []byte, factory absser.ParsableFactory) ([]byte, error) {
	node, err := jsonserialization.NewJsonParseNode(body)
	if err != nil {
		return nil, err
	}
	obj, err := node.GetObjectValue(factory)
	if err != nil {
		return nil, err
	}
	w := jsonserialization.NewJsonSerializationWriter()
	defer w.Close()
	if err := w.WriteObjectValue("", obj); err != nil {
		return nil, err
	}
	return w.GetSerializedContent()
}

type way struct {
	name string
	run  func(f fixture, body []byte) ([]byte, error)
	has  func(f fixture) bool
}

var ways = []way{
	{"docgen", func(f fixture, b []byte) ([]byte, error) { return roundTripStd(b, f.docgen) }, func(fixture) bool { return true }},
	{"sdk", func(f fixture, b []byte) ([]byte, error) { return roundTripSDK(b, f.sdk) }, func(fixture) bool { return true }},
	{"plain", func(f fixture, b []byte) ([]byte, error) { return roundTripStd(b, f.plain) }, func(f fixture) bool { return f.plain != nil }},
}

// BenchmarkRoundTrip/<fixture>/<way>: decode + encode of the response
// example (see BENCHMARKS.md, "Side by side with the official SDK").
func BenchmarkRoundTrip(b *testing.B) {
	for _, f := range fixtures {
		if f.edit != nil {
			continue
		}
		body := responseBody(b, f)
		for _, w := range ways {
			if !w.has(f) {
				continue
			}
			b.Run(f.name+"/"+w.name, func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := w.run(f, body); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestRoundTripExact compares each way's output with its input value for
// value (numbers as written, key order ignored). docgen must be exact; what
// the SDK and the plain struct lose is logged, not failed.
func TestRoundTripExact(t *testing.T) {
	for _, f := range fixtures {
		body := responseBody(t, f)
		for _, w := range ways {
			if !w.has(f) {
				continue
			}
			t.Run(f.name+"/"+w.name, func(t *testing.T) {
				out, err := w.run(f, body)
				switch {
				case err != nil && w.name == "docgen":
					t.Fatal(err)
				case err != nil:
					t.Logf("%s %s: NOT exact, round trip fails: %v", f.name, w.name, err)
					return
				}
				diffs := jsonDiff(t, body, out)
				switch {
				case len(diffs) == 0:
					t.Logf("%s %s: exact (%d bytes in, %d out)", f.name, w.name, len(body), len(out))
				case w.name == "docgen":
					t.Errorf("%s docgen: not exact, %d differences, first: %s", f.name, len(diffs), diffs[0])
				default:
					t.Logf("%s %s: NOT exact, %d differences; first: %s", f.name, w.name, len(diffs), diffs[0])
					for _, d := range diffs[1:min(len(diffs), 8)] {
						t.Logf("    also: %s", d)
					}
				}
			})
		}
	}
}

func decodeAny(t *testing.T, b []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("%v in %s", err, b)
	}
	return v
}

// jsonDiff lists the differences between two JSON documents, sorted by path.
func jsonDiff(t *testing.T, want, got []byte) []string {
	var out []string
	diffValue("$", decodeAny(t, want), decodeAny(t, got), &out)
	return out
}

func diffValue(path string, want, got any, out *[]string) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			*out = append(*out, fmt.Sprintf("%s: %s became %s", path, show(want), show(got)))
			return
		}
		keys := make([]string, 0, len(w)+len(g))
		for k := range w {
			keys = append(keys, k)
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			wv, inW := w[k]
			gv, inG := g[k]
			p := path + "." + k
			switch {
			case !inG:
				*out = append(*out, fmt.Sprintf("%s: %s dropped", p, show(wv)))
			case !inW:
				*out = append(*out, fmt.Sprintf("%s: %s added", p, show(gv)))
			default:
				diffValue(p, wv, gv, out)
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			*out = append(*out, fmt.Sprintf("%s: %s became %s", path, show(want), show(got)))
			return
		}
		for i := range w {
			diffValue(fmt.Sprintf("%s[%d]", path, i), w[i], g[i], out)
		}
	default:
		if !reflect.DeepEqual(want, got) {
			*out = append(*out, fmt.Sprintf("%s: %s became %s", path, show(want), show(got)))
		}
	}
}

func show(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 80 {
		return string(b[:77]) + "..."
	}
	return string(b)
}

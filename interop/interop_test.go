package interop

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"sync"
	"testing"
	"time"

	abs "github.com/microsoft/kiota-abstractions-go"
	absauth "github.com/microsoft/kiota-abstractions-go/authentication"
	absser "github.com/microsoft/kiota-abstractions-go/serialization"
	khttp "github.com/microsoft/kiota-http-go"
	jsonserialization "github.com/microsoft/kiota-serialization-json-go"
	"github.com/microsoftgraph/msgraph-beta-sdk-go/models"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen-dev/docgen/generated/seeds"
	"github.com/docgen-dev/docgen/generated/seeds/seedshttp"
	"github.com/docgen-dev/docgen/ir"
	"github.com/docgen-dev/docgen/parser"
)

// exchange is one request to the fake as it came over the wire, and the
// answer.
type exchange struct {
	encoding string // Content-Encoding of the request
	body     []byte // the request body, decompressed
	status   int
	answer   []byte
}

// recorder is an http.Handler in front of the fake that keeps every
// exchange.
type recorder struct {
	next http.Handler
	mu   sync.Mutex
	log  []exchange
}

func (r *recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	raw, _ := io.ReadAll(req.Body)
	ex := exchange{encoding: req.Header.Get("Content-Encoding"), body: raw}
	if ex.encoding == "gzip" {
		if zr, err := gzip.NewReader(bytes.NewReader(raw)); err == nil {
			ex.body, _ = io.ReadAll(zr)
		}
	}
	req.Body = io.NopCloser(bytes.NewReader(raw))
	rw := httptest.NewRecorder()
	r.next.ServeHTTP(rw, req)
	ex.status, ex.answer = rw.Code, rw.Body.Bytes()
	for k, v := range rw.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rw.Code)
	_, _ = w.Write(rw.Body.Bytes())
	r.mu.Lock()
	r.log = append(r.log, ex)
	r.mu.Unlock()
}

func (r *recorder) last(t *testing.T) exchange {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	require.NotEmpty(t, r.log, "no request reached the fake")
	return r.log[len(r.log)-1]
}

const connectors = "/deviceManagement/mobileThreatDefenseConnectors"

// fakeGraph is docgen's generated fake server for the seed pages, strict as
// generated, with one connector and one Windows app protection policy
// stored, behind a recorder.
func fakeGraph(t *testing.T) (*httptest.Server, *recorder) {
	t.Helper()
	f := seedshttp.NewFake()
	_, err := f.Seed(connectors, map[string]any{"id": "c1", "partnerState": "available", "iosEnabled": false})
	require.NoError(t, err)
	_, err = f.Seed("/deviceAppManagement/windowsManagedAppProtections", map[string]any{"id": "w1", "displayName": "policy"})
	require.NoError(t, err)
	rec := &recorder{next: f}
	srv := httptest.NewServer(rec)
	t.Cleanup(srv.Close)
	return srv, rec
}

// sdkAdapter is the SDK's request adapter with Kiota's default pipeline
// (retry, redirect, compression: request bodies gzipped, parameter names,
// user agent, headers inspection) and its JSON serialization, as the
// SDK's GraphServiceClient builds it, on baseURL.
func sdkAdapter(t *testing.T, baseURL string) *khttp.NetHttpRequestAdapter {
	t.Helper()
	a, err := khttp.NewNetHttpRequestAdapterWithParseNodeFactoryAndSerializationWriterFactoryAndHttpClient(
		&absauth.AnonymousAuthenticationProvider{}, jsonserialization.NewJsonParseNodeFactory(),
		jsonserialization.NewJsonSerializationWriterFactory(), khttp.GetDefaultClient())
	require.NoError(t, err)
	a.SetBaseUrl(baseURL)
	return a
}

// sdkPatch sends body as the SDK's request builders do for an update.
func sdkPatch(ctx context.Context, a *khttp.NetHttpRequestAdapter, template string, params map[string]string, body absser.Parsable, factory absser.ParsableFactory) (absser.Parsable, error) {
	ri := abs.NewRequestInformationWithMethodAndUrlTemplateAndPathParameters(abs.PATCH, template, params)
	ri.Headers.TryAdd("Accept", "application/json")
	if err := ri.SetContentFromParsable(ctx, a, "application/json", body); err != nil {
		return nil, err
	}
	return a.Send(ctx, ri, factory, nil)
}

const connectorTemplate = "{+baseurl}/deviceManagement/mobileThreatDefenseConnectors/{mobileThreatDefenseConnector%2Did}"

// TestSDKUpdateAgainstFake: the SDK's default pipeline updates a connector
// on docgen's fake: an enum, a timestamp with seven fractional digits, a
// bool and an int. The fake must accept the SDK's gzipped body and store
// exactly what the SDK sent; what the SDK sends and reads back is recorded.
func TestSDKUpdateAgainstFake(t *testing.T) {
	srv, rec := fakeGraph(t)
	a := sdkAdapter(t, srv.URL)
	body := models.NewMobileThreatDefenseConnector()
	state := models.ENABLED_MOBILETHREATPARTNERTENANTSTATE
	body.SetPartnerState(&state)
	beat := time.Date(2016, 12, 31, 23, 59, 37, 917497500, time.FixedZone("", -8*3600))
	body.SetLastHeartbeatDateTime(&beat)
	yes, days := true, int32(7)
	body.SetAndroidEnabled(&yes)
	body.SetPartnerUnresponsivenessThresholdInDays(&days)

	got, err := sdkPatch(t.Context(), a, connectorTemplate, map[string]string{"mobileThreatDefenseConnector%2Did": "c1"}, body, models.CreateMobileThreatDefenseConnectorFromDiscriminatorValue)
	ex := rec.last(t)
	t.Logf("SDK request: Content-Encoding %q, body %s", ex.encoding, ex.body)
	t.Logf("fake answer: %d %s", ex.status, ex.answer)
	require.NoError(t, err, "the fake refused the SDK's default request")
	assert.Equal(t, "gzip", ex.encoding, "the SDK's default pipeline compresses request bodies")
	assert.Equal(t, http.StatusOK, ex.status)

	// What the fake stored is what the SDK sent, value for value.
	var stored seeds.MobileThreatDefenseConnector
	require.NoError(t, json.Unmarshal(ex.answer, &stored))
	var sent map[string]any
	require.NoError(t, json.Unmarshal(ex.body, &sent))
	assert.Equal(t, seeds.MobileThreatPartnerTenantStateEnabled, *stored.PartnerState)
	assert.Equal(t, sent["lastHeartbeatDateTime"], string(*stored.LastHeartbeatDateTime), "the fake stores the text sent")
	if when, err := stored.LastHeartbeatDateTime.Time(); assert.NoError(t, err) && !when.Equal(beat) {
		t.Logf("SDK LOSS: the timestamp set to %s is sent as %v", beat.Format(time.RFC3339Nano), sent["lastHeartbeatDateTime"])
	}
	assert.True(t, *stored.AndroidEnabled)
	assert.Equal(t, int32(7), *stored.PartnerUnresponsivenessThresholdInDays)
	assert.False(t, *stored.IosEnabled, "absent from the PATCH: kept")

	// What the SDK read back from the answer.
	c := got.(*models.MobileThreatDefenseConnector)
	assert.Equal(t, state, *c.GetPartnerState())
	if back := c.GetLastHeartbeatDateTime(); assert.NotNil(t, back) && !back.Equal(beat) {
		t.Logf("SDK LOSS: the timestamp read back is %s, not %s", back.Format(time.RFC3339Nano), beat.Format(time.RFC3339Nano))
	}
}

// TestSDKSetThenNil: the SDK's model set to a value and then to nil, the
// way a caller clears a property. What the SDK sends is recorded; the fake
// must apply it (null clears, absent keeps).
func TestSDKSetThenNil(t *testing.T) {
	srv, rec := fakeGraph(t)
	a := sdkAdapter(t, srv.URL)
	body := models.NewMobileThreatDefenseConnector()
	yes := true
	body.SetIosEnabled(&yes)
	body.SetIosEnabled(nil)
	_, err := sdkPatch(t.Context(), a, connectorTemplate, map[string]string{"mobileThreatDefenseConnector%2Did": "c1"}, body, models.CreateMobileThreatDefenseConnectorFromDiscriminatorValue)
	require.NoError(t, err)
	ex := rec.last(t)
	t.Logf("SDK request after set-then-nil: %s", ex.body)
	var sent map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(ex.body, &sent))
	var stored seeds.MobileThreatDefenseConnector
	require.NoError(t, json.Unmarshal(ex.answer, &stored))
	if v, ok := sent["iosEnabled"]; ok {
		assert.Equal(t, "null", string(v))
		assert.Nil(t, stored.IosEnabled, "null clears")
		t.Log("the SDK sends null for a property set to nil")
	} else {
		require.NotNil(t, stored.IosEnabled, "absent keeps")
		assert.False(t, *stored.IosEnabled)
		t.Log("SDK LOSS: a property set to nil is not sent, so it cannot be cleared")
	}
}

// TestSDKDurations: a Windows app protection policy with ISO 8601
// durations, sent by the SDK; the fake stores the text the SDK sends.
func TestSDKDurations(t *testing.T) {
	srv, rec := fakeGraph(t)
	a := sdkAdapter(t, srv.URL)
	body := models.NewWindowsManagedAppProtection()
	d, err := absser.ParseISODuration("P1DT2H3M4.5S")
	require.NoError(t, err)
	body.SetPeriodOfflineBeforeAccessCheck(d)
	_, err = sdkPatch(t.Context(), a, "{+baseurl}/deviceAppManagement/windowsManagedAppProtections/{windowsManagedAppProtection%2Did}",
		map[string]string{"windowsManagedAppProtection%2Did": "w1"}, body, models.CreateWindowsManagedAppProtectionFromDiscriminatorValue)
	ex := rec.last(t)
	t.Logf("SDK request: %s; fake answer %d", ex.body, ex.status)
	require.NoError(t, err)
	var stored seeds.WindowsManagedAppProtection
	require.NoError(t, json.Unmarshal(ex.answer, &stored))
	var sent map[string]any
	require.NoError(t, json.Unmarshal(ex.body, &sent))
	require.NotNil(t, stored.PeriodOfflineBeforeAccessCheck)
	assert.Equal(t, sent["periodOfflineBeforeAccessCheck"], string(*stored.PeriodOfflineBeforeAccessCheck), "the fake stores the text sent")
	got, err := stored.PeriodOfflineBeforeAccessCheck.Std()
	require.NoError(t, err)
	if want := 26*time.Hour + 3*time.Minute + 4500*time.Millisecond; got != want {
		t.Logf("SDK LOSS: the duration P1DT2H3M4.5S (%s) is sent as %v (%s)", want, sent["periodOfflineBeforeAccessCheck"], got)
	}
	if neg, err := absser.ParseISODuration("-PT3M22.1587532S"); err != nil {
		t.Logf("SDK LOSS: the negative duration -PT3M22.1587532S does not parse: %v", err)
	} else {
		w := jsonserialization.NewJsonSerializationWriter()
		require.NoError(t, w.WriteISODurationValue("d", neg))
		out, _ := w.GetSerializedContent()
		t.Logf("the SDK reads -PT3M22.1587532S and writes it back as %s", out)
	}
}

// TestDocgenBodyReadBySDK: a body docgen's generated code sends, read by
// the SDK's JSON parse node as the service's SDK-based tools would: every
// value arrives; what the SDK makes of null and of an enum member newer
// than its models is recorded.
func TestDocgenBodyReadBySDK(t *testing.T) {
	body := seeds.UpdateMobileThreatDefenseConnectorBody{
		PartnerState:                           seeds.Some(seeds.MobileThreatPartnerTenantStateEnabled),
		LastHeartbeatDateTime:                  seeds.Some(seeds.DateTimeOffset("2016-12-31T23:59:37.9174975-08:00")),
		PartnerUnresponsivenessThresholdInDays: seeds.Some(int32(7)),
		AndroidEnabled:                         seeds.Null[bool](),
	}
	data, err := json.Marshal(&body)
	require.NoError(t, err)
	c := sdkRead(t, data)
	assert.Equal(t, models.ENABLED_MOBILETHREATPARTNERTENANTSTATE, *c.GetPartnerState())
	assert.Equal(t, int32(7), *c.GetPartnerUnresponsivenessThresholdInDays())
	want := time.Date(2016, 12, 31, 23, 59, 37, 917497500, time.FixedZone("", -8*3600))
	assert.True(t, c.GetLastHeartbeatDateTime().Equal(want), "got %s", c.GetLastHeartbeatDateTime())
	assert.Nil(t, c.GetAndroidEnabled(), "null reads as nil")

	body.PartnerState = seeds.Some(seeds.MobileThreatPartnerTenantState("quantumLinked"))
	data, err = json.Marshal(&body)
	require.NoError(t, err)
	c = sdkRead(t, data)
	if c.GetPartnerState() == nil {
		t.Log("SDK LOSS: an enum member newer than the SDK's models reads as nil (docgen keeps it)")
	}
	var kept seeds.MobileThreatDefenseConnector
	require.NoError(t, json.Unmarshal(data, &kept))
	assert.Equal(t, seeds.MobileThreatPartnerTenantState("quantumLinked"), *kept.PartnerState)
}

func sdkRead(t *testing.T, data []byte) *models.MobileThreatDefenseConnector {
	t.Helper()
	node, err := jsonserialization.NewJsonParseNode(data)
	require.NoError(t, err)
	obj, err := node.GetObjectValue(models.CreateMobileThreatDefenseConnectorFromDiscriminatorValue)
	require.NoError(t, err)
	return obj.(*models.MobileThreatDefenseConnector)
}

// TestDocsResponsesBothWays: every response example of the seed pages,
// decoded and re-encoded by docgen's models (which must give back the same
// value) and by the SDK's (whose losses are recorded), plus the same
// examples with members newer than the docs, which docgen keeps.
func TestDocsResponsesBothWays(t *testing.T) {
	pages := map[string]struct {
		docgen func() any
		sdk    absser.ParsableFactory
	}{
		"../docs-src/seeds/000_91fdf6f3b8b8b9ce.txt": {func() any { return new(seeds.MobileThreatDefenseConnector) }, models.CreateMobileThreatDefenseConnectorFromDiscriminatorValue},
		"../docs-src/seeds/003_f2c6cc1acb9e6d00.txt": {func() any { return new(seeds.WindowsManagedAppProtection) }, models.CreateWindowsManagedAppProtectionFromDiscriminatorValue},
	}
	for file, m := range pages {
		src, err := os.ReadFile(file)
		require.NoError(t, err)
		page, _ := parser.Parse(file, src)
		n := 0
		for _, ex := range page.Examples {
			if ex.Role != ir.RoleResponse {
				continue
			}
			n++
			in := []byte(ex.Body)
			newer := addMembers(t, in)
			for _, doc := range [][]byte{in, newer} {
				v := m.docgen()
				require.NoError(t, json.Unmarshal(doc, v))
				out, err := json.Marshal(v)
				require.NoError(t, err)
				assert.True(t, sameJSON(t, doc, out), "docgen changed %s:\n%s\n%s", file, doc, out)

				node, err := jsonserialization.NewJsonParseNode(doc)
				require.NoError(t, err)
				obj, err := node.GetObjectValue(m.sdk)
				require.NoError(t, err)
				w := jsonserialization.NewJsonSerializationWriter()
				require.NoError(t, w.WriteObjectValue("", obj))
				sdkOut, err := w.GetSerializedContent()
				require.NoError(t, err)
				if !sameJSON(t, doc, sdkOut) {
					t.Logf("SDK LOSS on %s (%d bytes in, %d out)", file, len(doc), len(sdkOut))
				}
			}
		}
		assert.NotZero(t, n, "%s has no response example", file)
	}
}

// addMembers adds to the JSON object doc two members no docs list.
func addMembers(t *testing.T, doc []byte) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(doc, &m))
	m["propertyFromNewerDocs"] = json.RawMessage(`{"nested":[1,2.50,"x"]}`)
	m["@odata.etag"] = json.RawMessage(`"W/\"3\""`)
	out, err := json.Marshal(m)
	require.NoError(t, err)
	return out
}

// sameJSON compares two JSON documents by value (numbers as written).
func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	decode := func(data []byte) any {
		d := json.NewDecoder(bytes.NewReader(data))
		d.UseNumber()
		var v any
		require.NoError(t, d.Decode(&v))
		return v
	}
	return reflect.DeepEqual(decode(a), decode(b))
}

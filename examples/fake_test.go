package main

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"example.com/intune-tool/graph"
	"example.com/intune-tool/graph/graphhttp"
)

// TestConnectorLifecycle runs the whole life of a mobileThreatDefenseConnector
// against the generated fake Graph: create → get → list (three connectors,
// two per page) → update (one property set, one cleared to null, the rest
// left alone) → delete → 404.
func TestConnectorLifecycle(t *testing.T) {
	fake := graphhttp.NewFake()
	fake.PageSize = 2
	mux := http.NewServeMux()
	fake.Register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c := graphhttp.NewClient(srv.URL, srv.Client())
	ctx := t.Context()

	var ids []string
	for _, days := range []int32{1, 2, 3} {
		created, err := c.CreateMobileThreatDefenseConnector(ctx, &graph.CreateMobileThreatDefenseConnectorBody{
			PartnerUnresponsivenessThresholdInDays: graph.Some(days),
			AndroidEnabled:                         graph.Some(true),
			IosEnabled:                             graph.Some(true),
		})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, *created.ID)
	}

	got, err := c.GetMobileThreatDefenseConnector(ctx, ids[1], nil)
	if err != nil {
		t.Fatal(err)
	}
	if *got.PartnerUnresponsivenessThresholdInDays != 2 {
		t.Errorf("get: days = %d, want 2", *got.PartnerUnresponsivenessThresholdInDays)
	}
	got, err = c.GetMobileThreatDefenseConnector(ctx, ids[1], &graphhttp.GetOptions{Select: []string{"iosEnabled"}})
	if err != nil {
		t.Fatal(err)
	}
	if got.PartnerUnresponsivenessThresholdInDays != nil || got.IosEnabled == nil {
		t.Errorf("get with $select: %+v", got)
	}

	var listed []string
	for conn, err := range c.ListMobileThreatDefenseConnectors(ctx, nil) {
		if err != nil {
			t.Fatal(err)
		}
		listed = append(listed, *conn.ID)
	}
	if len(listed) != 3 || listed[0] != ids[0] || listed[2] != ids[2] {
		t.Errorf("list: %v, want %v", listed, ids)
	}
	pages := 0
	for _, r := range fake.Requests() {
		if r == "GET /deviceManagement/mobileThreatDefenseConnectors" {
			pages++
		}
	}
	if pages != 2 {
		t.Errorf("list: %d pages fetched, want 2 (nextLink followed)", pages)
	}

	_, err = c.UpdateMobileThreatDefenseConnector(ctx, ids[0], &graph.UpdateMobileThreatDefenseConnectorBody{
		PartnerUnresponsivenessThresholdInDays: graph.Some[int32](14), // set
		AndroidEnabled:                         graph.Null[bool](),    // cleared
		// IosEnabled absent: kept
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err = c.GetMobileThreatDefenseConnector(ctx, ids[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	if *got.PartnerUnresponsivenessThresholdInDays != 14 || got.AndroidEnabled != nil || got.IosEnabled == nil || !*got.IosEnabled {
		t.Errorf("after update: days=%v android=%v ios=%v", got.PartnerUnresponsivenessThresholdInDays, got.AndroidEnabled, got.IosEnabled)
	}

	// The fake checks bodies as the service does: a member the docs do not
	// document, or cased otherwise, is a Graph error, 400.
	req, err := http.NewRequest("PATCH", srv.URL+"/deviceManagement/mobileThreatDefenseConnectors/"+ids[0], strings.NewReader(`{"IOSENABLED": false}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("miscased member: status %d, want 400", resp.StatusCode)
	}
	var ge *graphhttp.GraphError

	if err := c.DeleteMobileThreatDefenseConnector(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	_, err = c.GetMobileThreatDefenseConnector(ctx, ids[0], nil)
	if !errors.As(err, &ge) || ge.StatusCode != http.StatusNotFound {
		t.Errorf("get after delete: got %v, want 404", err)
	}
}

// TestRetryAfter429: the client waits what Retry-After asks for and tries
// again; the fake throttles the first request.
func TestRetryAfter429(t *testing.T) {
	fake := graphhttp.NewFake()
	srv := httptest.NewServer(fake)
	defer srv.Close()
	ids, err := fake.Seed("/deviceManagement/mobileThreatDefenseConnectors", map[string]any{"androidEnabled": true})
	if err != nil {
		t.Fatal(err)
	}
	fake.Inject(graphhttp.Fault{Error: &graphhttp.GraphError{StatusCode: 429, Code: "TooManyRequests", RetryAfter: time.Second}})
	c := graphhttp.NewClient(srv.URL, srv.Client())
	start := time.Now()
	got, err := c.GetMobileThreatDefenseConnector(t.Context(), ids[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited < time.Second {
		t.Errorf("retried after %v, want Retry-After's 1s", waited)
	}
	if !*got.AndroidEnabled || len(fake.Requests()) != 2 {
		t.Errorf("got %+v after requests %v", got, fake.Requests())
	}

	// Opting out returns the throttling error at once.
	fake.Inject(graphhttp.Fault{Error: &graphhttp.GraphError{StatusCode: 429, RetryAfter: time.Second}})
	c.Retry.Disabled = true
	_, err = c.GetMobileThreatDefenseConnector(t.Context(), ids[0], nil)
	var ge *graphhttp.GraphError
	if !errors.As(err, &ge) || ge.StatusCode != 429 || ge.RetryAfter != time.Second {
		t.Errorf("no retry: got %v", err)
	}
}

// TestBearerTransport: the credentials come from the transport the user
// builds; the fake sees them on every request, retries included.
func TestBearerTransport(t *testing.T) {
	var auth []string
	fake := graphhttp.NewFake()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth = append(auth, r.Header.Get("Authorization"))
		fake.ServeHTTP(w, r)
	}))
	defer srv.Close()
	fake.Inject(graphhttp.Fault{Error: &graphhttp.GraphError{StatusCode: 503}})
	n := 0
	tr := &bearer{token: func(context.Context) (string, error) { n++; return "t" + strconv.Itoa(n), nil }}
	c := graphhttp.NewClient(srv.URL, &http.Client{Transport: tr})
	c.Retry.MaxDelay = 2 * time.Second
	var ge *graphhttp.GraphError
	_, err := c.GetMobileThreatDefenseConnector(t.Context(), "missing", nil)
	if !errors.As(err, &ge) || ge.StatusCode != 404 || ge.ClientRequestID == "" {
		t.Fatalf("got %v, want the 404 after the retried 503, with its client-request-id", err)
	}
	if len(auth) != 2 || auth[0] != "Bearer t1" || auth[1] != "Bearer t2" {
		t.Errorf("Authorization headers: %q", auth)
	}
}

package wire

import (
	"encoding/json"
	"testing"
)

// benchDoc is a 20-property entity as Microsoft Graph sends it.
const benchDoc = `{"id":"f8c5e2a1-0b7d-4c3e-9a6f-1d2e3f4a5b6c","displayName":"Quarterly planning","subject":"Plan Q3",` +
	`"bodyPreview":"Agenda: budget, hiring, roadmap","webLink":"https://outlook.office365.com/owa/?itemid=AAMkAG","location":"Room 12",` +
	`"isAllDay":false,"isCancelled":true,"sensitivity":2,"importance":1,"size":9007199254740993,` +
	`"createdDateTime":"2016-12-31T23:59:37.9174975-08:00","lastModifiedDateTime":"2017-01-01T00:02:43.5775965-08:00",` +
	`"originalStartDate":"2021-07-16","startTime":"13:45:30.1234567","duration":"-PT3M22.1587532S","reminder":"P14D",` +
	`"iCalUId":"040000008200e00074c5b7101a82e008","score":0.875,"thumbnail":"AAEC/w=="}`

// wireEntity declares the properties as docgen does, with wire types.
type wireEntity struct {
	ID                   *GUID           `json:"id,omitzero"`
	DisplayName          *string         `json:"displayName,omitzero"`
	Subject              *string         `json:"subject,omitzero"`
	BodyPreview          *string         `json:"bodyPreview,omitzero"`
	WebLink              *string         `json:"webLink,omitzero"`
	Location             *string         `json:"location,omitzero"`
	IsAllDay             *bool           `json:"isAllDay,omitzero"`
	IsCancelled          *bool           `json:"isCancelled,omitzero"`
	Sensitivity          *int32          `json:"sensitivity,omitzero"`
	Importance           *int32          `json:"importance,omitzero"`
	Size                 *int64          `json:"size,omitzero"`
	CreatedDateTime      *DateTimeOffset `json:"createdDateTime,omitzero"`
	LastModifiedDateTime *DateTimeOffset `json:"lastModifiedDateTime,omitzero"`
	OriginalStartDate    *Date           `json:"originalStartDate,omitzero"`
	StartTime            *TimeOfDay      `json:"startTime,omitzero"`
	Duration             *Duration       `json:"duration,omitzero"`
	Reminder             *Duration       `json:"reminder,omitzero"`
	ICalUID              *string         `json:"iCalUId,omitzero"`
	Score                *Double         `json:"score,omitzero"`
	Thumbnail            *Binary         `json:"thumbnail,omitzero"`
}

// plainEntity is the same entity with plain encoding/json types.
type plainEntity struct {
	ID                   *string  `json:"id,omitzero"`
	DisplayName          *string  `json:"displayName,omitzero"`
	Subject              *string  `json:"subject,omitzero"`
	BodyPreview          *string  `json:"bodyPreview,omitzero"`
	WebLink              *string  `json:"webLink,omitzero"`
	Location             *string  `json:"location,omitzero"`
	IsAllDay             *bool    `json:"isAllDay,omitzero"`
	IsCancelled          *bool    `json:"isCancelled,omitzero"`
	Sensitivity          *int32   `json:"sensitivity,omitzero"`
	Importance           *int32   `json:"importance,omitzero"`
	Size                 *int64   `json:"size,omitzero"`
	CreatedDateTime      *string  `json:"createdDateTime,omitzero"`
	LastModifiedDateTime *string  `json:"lastModifiedDateTime,omitzero"`
	OriginalStartDate    *string  `json:"originalStartDate,omitzero"`
	StartTime            *string  `json:"startTime,omitzero"`
	Duration             *string  `json:"duration,omitzero"`
	Reminder             *string  `json:"reminder,omitzero"`
	ICalUID              *string  `json:"iCalUId,omitzero"`
	Score                *float64 `json:"score,omitzero"`
	Thumbnail            *[]byte  `json:"thumbnail,omitzero"`
}

var benchData = []byte(benchDoc)

func roundTrip[T any](tb testing.TB) []byte {
	var v T
	if err := json.Unmarshal(benchData, &v); err != nil {
		tb.Fatal(err)
	}
	out, err := json.Marshal(&v)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func TestBenchDocRoundTrips(t *testing.T) {
	if got := string(roundTrip[wireEntity](t)); got != benchDoc {
		t.Errorf("wire types changed the document:\n%s\n%s", got, benchDoc)
	}
	if got := string(roundTrip[plainEntity](t)); got != benchDoc {
		t.Errorf("plain types changed the document:\n%s\n%s", got, benchDoc)
	}
}

// BenchmarkRoundTrip decodes and re-encodes benchDoc. The wire types should
// cost at most 1.2 times the plain ones, in at most 40 allocations.
func BenchmarkRoundTrip(b *testing.B) {
	b.Run("wire", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			roundTrip[wireEntity](b)
		}
	})
	b.Run("plain", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			roundTrip[plainEntity](b)
		}
	})
}

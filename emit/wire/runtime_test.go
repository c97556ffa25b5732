package wire

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// entity is a generated model in miniature: every wire type as an optional
// field, as the emitter declares them.
type entity struct {
	DateTimeOffset *DateTimeOffset     `json:"dto,omitzero"`
	Date           *Date               `json:"date,omitzero"`
	TimeOfDay      *TimeOfDay          `json:"tod,omitzero"`
	Duration       *Duration           `json:"dur,omitzero"`
	Int64          *int64              `json:"i64,omitzero"`
	Double         *Double             `json:"dbl,omitzero"`
	Binary         *Binary             `json:"bin,omitzero"`
	GUID           *GUID               `json:"guid,omitzero"`
	Stream         *Stream             `json:"stream,omitzero"`
	Durations      []Duration          `json:"durs,omitempty"`
	Doubles        []Double            `json:"dbls,omitempty"`
	Patch          Optional[Duration]  `json:"patch,omitzero"`
	PatchDouble    Optional[Double]    `json:"patchDbl,omitzero"`
	PatchDates     Optional[[]Date]    `json:"patchDates,omitzero"`
	Nested         Optional[*entity]   `json:"nested,omitzero"`
	Raw            json.RawMessage     `json:"raw,omitempty"`
	Plain          Optional[string]    `json:"plain,omitzero"`
	Map            map[string]Duration `json:"map,omitempty"`
}

func TestRoundTripByteExact(t *testing.T) {
	docs := []string{
		`{"dto":"2016-12-31T23:59:37.9174975-08:00"}`,
		`{"dto":"2017-01-01T00:02:43.5775965-08:00"}`,
		`{"dto":"2021-07-16T00:00:00Z"}`,
		`{"dto":"2021-07-16T00:00:00.000000000000Z"}`,
		`{"dto":"2021-07-16T09:30+05:30"}`,
		`{"date":"2021-07-16"}`,
		`{"tod":"13:45:30.1234567"}`,
		`{"tod":"08:00"}`,
		`{"dur":"-PT3M22.1587532S"}`,
		`{"dur":"-PT17.1357909S"}`,
		`{"dur":"P14D"}`,
		`{"dur":"P2W"}`,
		`{"dur":"PT0S"}`,
		`{"dur":"PT90M"}`,
		`{"dur":"P1Y2M3DT4H5M6.789S"}`,
		`{"i64":9007199254740993}`,
		`{"i64":-9223372036854775808}`,
		`{"dbl":"NaN"}`,
		`{"dbl":"INF"}`,
		`{"dbl":"-INF"}`,
		`{"dbl":1.5}`,
		`{"dbl":1e-7}`,
		`{"dbl":0.1}`,
		`{"bin":"AAEC/w=="}`,
		`{"bin":""}`,
		`{"bin":"AAEC_w"}`,
		`{"bin":"AAEC/w"}`,
		`{"bin":"binary"}`,
		`{"guid":"f8c5e2a1-0b7d-4c3e-9a6f-1d2e3f4a5b6c"}`,
		`{"stream":"opaque stream value"}`,
		`{"durs":["P14D","-PT3M22.1587532S","PT0S"]}`,
		`{"dbls":[1,"NaN","INF","-INF",-2.25]}`,
		`{"patch":null}`,
		`{"patch":"P2W"}`,
		`{"patchDbl":"-INF"}`,
		`{"patchDates":["2021-07-16","2020-02-29"]}`,
		`{"patchDates":null}`,
		`{"nested":{"dur":"P14D","patch":null}}`,
		`{"nested":null}`,
		`{"map":{"a":"P2W","b":"-PT17.1357909S"}}`,
		`{"dto":"2016-12-31T23:59:37.9174975-08:00","date":"2021-07-16","tod":"23:59:59.9999999","dur":"P1Y2M3DT4H5M6.789S","i64":9007199254740993,"dbl":"NaN","bin":"AAEC/w==","guid":"F8C5E2A1-0B7D-4C3E-9A6F-1D2E3F4A5B6C","stream":"x","patch":null,"plain":"text"}`,
	}
	for _, doc := range docs {
		t.Run(doc, func(t *testing.T) {
			var e entity
			require.NoError(t, json.Unmarshal([]byte(doc), &e))
			got, err := json.Marshal(e)
			require.NoError(t, err)
			assert.Equal(t, doc, string(got))
		})
	}
}

func TestRoundTripValueExact(t *testing.T) {
	for in, want := range map[string]string{
		`{"dbl":1.50}`:                     `{"dbl":1.5}`,
		`{"dbl":1E3}`:                      `{"dbl":1000}`,
		`{"dbl":-0.0000001}`:               `{"dbl":-1e-7}`,
		`{"dbl":123456789012345678901234}`: `{"dbl":1.2345678901234569e+23}`,
		`{"bin":"AAEC\/w=="}`:              `{"bin":"AAEC/w=="}`,    // JSON escape: same string
		`{"i64":1,"dur":"P1D","x":1}`:      `{"dur":"P1D","i64":1}`, // field order, unknown field
	} {
		var e entity
		require.NoError(t, json.Unmarshal([]byte(in), &e), in)
		got, err := json.Marshal(e)
		require.NoError(t, err)
		assert.Equal(t, want, string(got), in)
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, doc := range []string{
		`{"dbl":"1.5"}`,
		`{"dbl":"Infinity"}`,
		`{"dbl":1e400}`,
		`{"dbl":true}`,
		`{"bin":12}`,
		`{"i64":9223372036854775808}`,
		`{"i64":1.5}`,
		`{"patch":12}`,
		`{"patchDbl":"nan"}`,
	} {
		var e entity
		assert.Error(t, json.Unmarshal([]byte(doc), &e), doc)
	}
}

func TestDouble(t *testing.T) {
	var d Double
	require.NoError(t, json.Unmarshal([]byte(`"NaN"`), &d))
	assert.True(t, math.IsNaN(float64(d)))
	require.NoError(t, json.Unmarshal([]byte(`"-INF"`), &d))
	assert.True(t, math.IsInf(float64(d), -1))
	require.NoError(t, json.Unmarshal([]byte(`null`), &d))
	assert.True(t, math.IsInf(float64(d), -1), "null leaves the value alone")

	// Numbers encode exactly as encoding/json encodes a float64.
	r := rand.New(rand.NewPCG(1, 2))
	values := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1e-6, 1e-7, 1e20, 1e21, 123.456, math.MaxFloat64, math.SmallestNonzeroFloat64}
	for range 1000 {
		values = append(values, math.Float64frombits(r.Uint64()))
	}
	for _, f := range values {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		want, err := json.Marshal(f)
		require.NoError(t, err)
		got, err := json.Marshal(Double(f))
		require.NoError(t, err)
		require.Equal(t, string(want), string(got))
		var back Double
		require.NoError(t, json.Unmarshal(got, &back))
		require.Equal(t, math.Float64bits(f), math.Float64bits(float64(back)), "%v", f)
	}
}

func TestBinary(t *testing.T) {
	for in, want := range map[Binary][]byte{
		"AAEC/w==":   {0, 1, 2, 255},
		"AAEC/w":     {0, 1, 2, 255}, // unpadded
		"AAEC_w":     {0, 1, 2, 255}, // URL-safe, unpadded
		"AAEC_w==":   {0, 1, 2, 255}, // URL-safe
		"AAEC\n/w==": {0, 1, 2, 255}, // line break
		"":           {},
	} {
		got, err := in.Bytes()
		require.NoError(t, err, "%q", in)
		assert.Equal(t, want, got, "%q", in)
		assert.NoError(t, in.Validate())
	}
	for _, bad := range []Binary{"!!!!", "AAEC/w=x", "A"} {
		_, err := bad.Bytes()
		assert.Error(t, err, "%q", bad)
		assert.Error(t, bad.Validate(), "%q", bad)
	}
	assert.Equal(t, Binary("AAEC/w=="), NewBinary([]byte{0, 1, 2, 255}))
	var bs []Binary
	require.NoError(t, json.Unmarshal([]byte(`["AAEC/w==",null,"AA"]`), &bs))
	assert.Equal(t, []Binary{"AAEC/w==", "", "AA"}, bs)
}

func TestValidate(t *testing.T) {
	type validator interface{ Validate() error }
	valid := []validator{
		DateTimeOffset("2016-12-31T23:59:37.9174975-08:00"),
		DateTimeOffset("2021-07-16T00:00:00Z"),
		DateTimeOffset("2021-07-16T00:00Z"),
		DateTimeOffset("2021-07-16T00:00:00.1234567890123+14:00"),
		DateTimeOffset("2020-02-29T23:59:59.9-23:59"),
		DateTimeOffset("0000-01-01T00:00:00Z"),
		DateTimeOffset("-0044-03-15T12:00:00Z"),
		DateTimeOffset("12021-07-16T00:00:00Z"),
		Date("2021-07-16"), Date("2000-02-29"), Date("-0001-12-31"), Date("10000-01-01"),
		TimeOfDay("00:00"), TimeOfDay("23:59:59.9999999999"), TimeOfDay("12:30:15"),
		Duration("P14D"), Duration("P2W"), Duration("PT0S"), Duration("-PT3M22.1587532S"),
		Duration("+P1D"), Duration("P1Y2M3DT4H5M6.789S"), Duration("P1M"), Duration("PT1.0000000001S"),
		Duration("P99999999999999999999999D"), Duration("P1Y2M1W3D"), Duration("P0D"),
		GUID("f8c5e2a1-0b7d-4c3e-9a6f-1d2e3f4a5b6c"), GUID("00000000-0000-0000-0000-000000000000"),
	}
	for _, v := range valid {
		assert.NoError(t, v.Validate(), "%#v", v)
	}
	invalid := []validator{
		DateTimeOffset(""),
		DateTimeOffset("2021-07-16"),
		DateTimeOffset("2021-07-16T00:00:00"),
		DateTimeOffset("2021-07-16 00:00:00Z"),
		DateTimeOffset("2021-07-16t00:00:00z"),
		DateTimeOffset("2021-13-16T00:00:00Z"),
		DateTimeOffset("2021-02-29T00:00:00Z"),
		DateTimeOffset("2021-07-16T24:00:00Z"),
		DateTimeOffset("2021-07-16T00:60:00Z"),
		DateTimeOffset("2021-07-16T00:00:60Z"),
		DateTimeOffset("2021-07-16T00:00:00.Z"),
		DateTimeOffset("2021-07-16T00:00:00+0800"),
		DateTimeOffset("2021-07-16T00:00:00+24:00"),
		DateTimeOffset("2021-07-16T00:00:00+08:60"),
		DateTimeOffset("2021-07-16T00:00:00Z "),
		DateTimeOffset("21-07-16T00:00:00Z"),
		DateTimeOffset("02021-07-16T00:00:00Z"),
		DateTimeOffset("1234567890-07-16T00:00:00Z"),
		DateTimeOffset("2021-7-16T00:00:00Z"),
		DateTimeOffset("2021-07-16T0:00:00Z"),
		DateTimeOffset("２０２１-07-16T00:00:00Z"),
		Date(""), Date("2021-02-29"), Date("2021-07-16T00:00:00Z"), Date("2021-00-01"), Date("2021-07-00"),
		TimeOfDay(""), TimeOfDay("24:00"), TimeOfDay("12"), TimeOfDay("12:00:00Z"), TimeOfDay("12:00:0"), TimeOfDay("12:00:00."),
		Duration(""), Duration("P"), Duration("PT"), Duration("-P"), Duration("P1DT"), Duration("1D"),
		Duration("P1H"), Duration("PT1D"), Duration("P1D1Y"), Duration("PT1S1M"), Duration("P1.5D"),
		Duration("PT.5S"), Duration("PT1.S"), Duration("P1DTT1H"), Duration("p1d"), Duration("P1D "),
		Duration("P-1D"), Duration("--P1D"), Duration("P1W1W"), Duration("PT1H1H"), Duration("P1Y1Y"),
		GUID(""), GUID("f8c5e2a10b7d4c3e9a6f1d2e3f4a5b6c"), GUID("{f8c5e2a1-0b7d-4c3e-9a6f-1d2e3f4a5b6c}"),
		GUID("g8c5e2a1-0b7d-4c3e-9a6f-1d2e3f4a5b6c"), GUID("f8c5e2a1-0b7d-4c3e-9a6f-1d2e3f4a5b6c0"),
	}
	for _, v := range invalid {
		assert.Error(t, v.Validate(), "%#v", v)
	}
}

func TestDurationStd(t *testing.T) {
	ok := map[Duration]time.Duration{
		"PT0S":                          0,
		"-PT0S":                         0,
		"P14D":                          14 * 24 * time.Hour,
		"P2W":                           14 * 24 * time.Hour,
		"P1W1D":                         8 * 24 * time.Hour,
		"P0Y0M1D":                       24 * time.Hour,
		"+PT1H":                         time.Hour,
		"PT90M":                         90 * time.Minute,
		"-PT3M22.1587532S":              -(3*time.Minute + 22158753200),
		"-PT17.1357909S":                -17135790900,
		"PT0.000000001S":                1,
		"PT1.5000000000000S":            1500 * time.Millisecond,
		"PT9223372036.854775807S":       math.MaxInt64,
		"-PT9223372036.854775808S":      math.MinInt64,
		"P106751DT23H47M16.854775807S":  math.MaxInt64,
		"PT00000000000000000000000001S": time.Second,
	}
	for in, want := range ok {
		got, err := in.Std()
		if assert.NoError(t, err, in) {
			assert.Equal(t, want, got, in)
		}
	}
	fail := map[Duration]error{
		"P1M":                              ErrDurationNotFixed,
		"P1Y":                              ErrDurationNotFixed,
		"-P1Y2M3DT4H5M6.789S":              ErrDurationNotFixed,
		"P1Y99999999999999999999D":         ErrDurationNotFixed,
		"PT9223372036.854775808S":          ErrDurationRange,
		"-PT9223372036.854775809S":         ErrDurationRange,
		"P106752D":                         ErrDurationRange,
		"P99999999999999999999999D":        ErrDurationRange,
		"PT18446744073709551616S":          ErrDurationRange,
		"PT18446744073.709551616S":         ErrDurationRange,
		"P53375DT53375D":                   nil, // malformed: checked below
		"PT1.0000000001S":                  ErrDurationPrecision,
		"PT99999999999S":                   ErrDurationRange,
		"PT99999999999.0000000001S":        ErrDurationRange,
		"P100000DT200000H":                 ErrDurationRange,
		"PT5124095576030431H16.854775808S": ErrDurationRange,
	}
	for in, want := range fail {
		_, err := in.Std()
		require.Error(t, err, in)
		if want == nil {
			assert.Error(t, in.Validate(), in)
			continue
		}
		assert.ErrorIs(t, err, want, in)
		assert.NoError(t, in.Validate(), "%s is well formed", in)
		assert.Contains(t, err.Error(), string(in))
	}
}

func TestNewDuration(t *testing.T) {
	for d, want := range map[time.Duration]Duration{
		0:                                   "PT0S",
		1:                                   "PT0.000000001S",
		-1:                                  "-PT0.000000001S",
		time.Second:                         "PT1S",
		1500 * time.Millisecond:             "PT1.5S",
		500 * time.Millisecond:              "PT0.5S",
		90 * time.Minute:                    "PT1H30M",
		time.Hour + time.Second:             "PT1H1S",
		24 * time.Hour:                      "P1D",
		14 * 24 * time.Hour:                 "P14D",
		-(3*time.Minute + 22158753200):      "-PT3M22.1587532S",
		-17135790900:                        "-PT17.1357909S",
		25*time.Hour + 100*time.Microsecond: "P1DT1H0.0001S",
		math.MaxInt64:                       "P106751DT23H47M16.854775807S",
		math.MinInt64:                       "-P106751DT23H47M16.854775808S",
	} {
		assert.Equal(t, want, NewDuration(d), "%d", int64(d))
	}

	// NewDuration(d).Std() == d, over edge values and random ones of every
	// magnitude.
	r := rand.New(rand.NewPCG(3, 4))
	ds := []time.Duration{math.MinInt64, math.MinInt64 + 1, math.MaxInt64, math.MaxInt64 - 1}
	for range 20000 {
		ds = append(ds, time.Duration(r.Int64()>>r.IntN(64)))
	}
	for _, d := range ds {
		s := NewDuration(d)
		require.NoError(t, s.Validate(), s)
		got, err := s.Std()
		require.NoError(t, err, s)
		require.Equal(t, d, got, s)
		require.NotContains(t, string(s), "W")
	}
}

func TestDateTimeOffsetTime(t *testing.T) {
	pst := time.FixedZone("", -8*3600)
	for in, want := range map[DateTimeOffset]time.Time{
		"2016-12-31T23:59:37.9174975-08:00": time.Date(2016, 12, 31, 23, 59, 37, 917497500, pst),
		"2021-07-16T00:00:00Z":              time.Date(2021, 7, 16, 0, 0, 0, 0, time.UTC),
		"2021-07-16T09:30+05:30":            time.Date(2021, 7, 16, 9, 30, 0, 0, time.FixedZone("", 5*3600+1800)),
		"2021-07-16T00:00:00.1000000000Z":   time.Date(2021, 7, 16, 0, 0, 0, 1e8, time.UTC),
		"-0044-03-15T12:00:00Z":             time.Date(-44, 3, 15, 12, 0, 0, 0, time.UTC),
		"12021-07-16T00:00:00-00:00":        time.Date(12021, 7, 16, 0, 0, 0, 0, time.UTC),
	} {
		got, err := in.Time()
		if assert.NoError(t, err, in) {
			assert.True(t, want.Equal(got), "%s: %v", in, got)
			_, wantOff := want.Zone()
			_, gotOff := got.Zone()
			assert.Equal(t, wantOff, gotOff, in)
		}
	}
	utc, err := DateTimeOffset("2021-07-16T00:00:00Z").Time()
	require.NoError(t, err)
	assert.Same(t, time.UTC, utc.Location())

	_, err = DateTimeOffset("2021-07-16T00:00:00.0000000001Z").Time()
	assert.ErrorIs(t, err, ErrDurationPrecision)
	_, err = DateTimeOffset("2021-02-30T00:00:00Z").Time()
	assert.ErrorContains(t, err, `invalid DateTimeOffset "2021-02-30T00:00:00Z": day out of range`)
}

func TestNewDateTimeOffset(t *testing.T) {
	for want, in := range map[DateTimeOffset]time.Time{
		"2016-12-31T23:59:37.9174975-08:00": time.Date(2016, 12, 31, 23, 59, 37, 917497500, time.FixedZone("PST", -8*3600)),
		"2021-07-16T00:00:00Z":              time.Date(2021, 7, 16, 0, 0, 0, 0, time.UTC),
		"2021-07-16T00:00:00.000000001Z":    time.Date(2021, 7, 16, 0, 0, 0, 1, time.UTC),
		"2021-07-16T09:30:00+05:30":         time.Date(2021, 7, 16, 9, 30, 0, 0, time.FixedZone("IST", 5*3600+1800)),
	} {
		assert.Equal(t, want, NewDateTimeOffset(in))
	}
	// Offsets RFC 3339 cannot write fall back to UTC; years outside
	// 0000-9999 are written as OData does.
	lmt := time.Date(1850, 1, 1, 0, 0, 0, 0, time.FixedZone("LMT", -(7*3600+52*60+58)))
	assert.Equal(t, DateTimeOffset("1850-01-01T07:52:58Z"), NewDateTimeOffset(lmt))
	far := time.Date(2021, 1, 1, 0, 0, 0, 0, time.FixedZone("", 25*3600))
	assert.Equal(t, DateTimeOffset("2020-12-30T23:00:00Z"), NewDateTimeOffset(far))
	assert.Equal(t, DateTimeOffset("-0001-12-31T00:00:00Z"), NewDateTimeOffset(time.Date(-1, 12, 31, 0, 0, 0, 0, time.UTC)))
	assert.Equal(t, DateTimeOffset("10000-01-01T00:00:00Z"), NewDateTimeOffset(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)))

	// NewDateTimeOffset(t).Time() is t: same instant, same offset.
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		off := (r.IntN(48*60-1) - (24*60 - 1)) * 60
		in := time.Unix(r.Int64N(1<<38)-1<<37, r.Int64N(1e9)).In(time.FixedZone("", off))
		s := NewDateTimeOffset(in)
		require.NoError(t, s.Validate(), s)
		got, err := s.Time()
		require.NoError(t, err, s)
		require.True(t, in.Equal(got), "%s: %v != %v", s, got, in)
		_, gotOff := got.Zone()
		require.Equal(t, off, gotOff, s)
		require.Equal(t, s, NewDateTimeOffset(got))
	}
	// The monotonic clock reading is dropped.
	now := time.Now()
	got, err := NewDateTimeOffset(now).Time()
	require.NoError(t, err)
	assert.True(t, now.Equal(got))
}

func TestDateAndTimeOfDay(t *testing.T) {
	assert.Equal(t, Date("2021-07-16"), NewDate(2021, time.July, 16))
	assert.Equal(t, Date("2021-03-01"), NewDate(2021, time.February, 29))
	assert.Equal(t, Date("-0044-03-15"), NewDate(-44, time.March, 15))
	d, err := Date("2020-02-29").Time()
	require.NoError(t, err)
	assert.Equal(t, time.Date(2020, 2, 29, 0, 0, 0, 0, time.UTC), d)
	_, err = Date("2021-02-29").Time()
	assert.Error(t, err)

	for in, want := range map[TimeOfDay]time.Duration{
		"00:00":               0,
		"08:30":               8*time.Hour + 30*time.Minute,
		"23:59:59.9999999":    24*time.Hour - 100,
		"12:00:01.5":          12*time.Hour + 1500*time.Millisecond,
		"12:00:01.5000000000": 12*time.Hour + 1500*time.Millisecond,
	} {
		got, err := in.Duration()
		if assert.NoError(t, err, in) {
			assert.Equal(t, want, got, in)
		}
	}
	_, err = TimeOfDay("12:00:00.0000000001").Duration()
	assert.ErrorIs(t, err, ErrDurationPrecision)
	_, err = TimeOfDay("25:00").Duration()
	assert.ErrorContains(t, err, "hour out of range")
}

func TestOptional(t *testing.T) {
	type patch struct {
		Title    Optional[string]   `json:"title,omitzero"`
		Duration Optional[Duration] `json:"duration,omitzero"`
		Count    Optional[int64]    `json:"count,omitzero"`
	}

	b, err := json.Marshal(patch{})
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(b), "absent properties are omitted")

	b, err = json.Marshal(patch{Title: Null[string](), Duration: Some(Duration("P14D")), Count: Some[int64](0)})
	require.NoError(t, err)
	assert.Equal(t, `{"title":null,"duration":"P14D","count":0}`, string(b))

	var p patch
	require.NoError(t, json.Unmarshal([]byte(`{"title":null,"count":9007199254740993}`), &p))
	assert.True(t, p.Title.IsSet())
	assert.True(t, p.Title.IsNull())
	_, ok := p.Title.Get()
	assert.False(t, ok)
	assert.False(t, p.Duration.IsSet(), "missing stays absent")
	assert.False(t, p.Duration.IsNull())
	assert.True(t, p.Duration.IsZero())
	n, ok := p.Count.Get()
	assert.True(t, ok)
	assert.Equal(t, int64(9007199254740993), n)
	assert.True(t, p.Count.IsSet())
	assert.False(t, p.Count.IsNull())

	// Decoding a value over a null, and a null over a value.
	require.NoError(t, json.Unmarshal([]byte(`{"title":"x","count":null}`), &p))
	title, ok := p.Title.Get()
	assert.True(t, ok)
	assert.Equal(t, "x", title)
	assert.True(t, p.Count.IsNull())

	// Without omitzero an absent Optional encodes as null.
	b, err = json.Marshal([]Optional[int]{{}, Null[int](), Some(1)})
	require.NoError(t, err)
	assert.Equal(t, `[null,null,1]`, string(b))

	// The value's own decoding errors surface.
	assert.Error(t, json.Unmarshal([]byte(`{"count":"1"}`), &p))
}

func TestValidationError(t *testing.T) {
	var errs ValidationError
	assert.NoError(t, errs.Err())
	assert.Nil(t, (*ValidationError)(nil).Err())

	errs.Add("start", "%v", Duration("P").Validate())
	errs.Add("attendees[2].emailAddress.address", "length %d breaks the documented limit (%s)", 321, "at most 320")
	errs.Add("", "no path")
	err := errs.Err()
	require.Error(t, err)
	assert.Equal(t, `start: invalid Duration "P": no components; `+
		`attendees[2].emailAddress.address: length 321 breaks the documented limit (at most 320); no path`, err.Error())
	var ve *ValidationError
	require.True(t, errors.As(err, &ve))
	assert.Equal(t, Problem{Path: "start", Message: `invalid Duration "P": no components`}, ve.Problems[0])
	assert.Len(t, ve.Problems, 3)
}

// durationRE is an independent statement of the Duration grammar.
var durationRE = regexp.MustCompile(`^([-+])?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$`)

// durationOracle computes what Std should return for s, with exact
// arithmetic. ok is false if s is malformed.
// errRangeOrPrecision is what durationOracle expects of a value that is
// both out of range and finer than a nanosecond.
var errRangeOrPrecision = errors.New("out of range or finer than a nanosecond")

func durationOracle(s string) (d time.Duration, err error, ok bool) {
	m := durationRE.FindStringSubmatch(s)
	if m == nil || strings.HasSuffix(s, "T") || strings.TrimLeft(s, "+-") == "P" {
		return 0, nil, false
	}
	num := func(i int) *big.Rat {
		r := new(big.Rat)
		if m[i] != "" {
			r.SetString(m[i])
		}
		return r
	}
	if num(2).Sign() != 0 || num(3).Sign() != 0 {
		return 0, ErrDurationNotFixed, true
	}
	total := new(big.Rat)
	for i, unit := range map[int]time.Duration{4: 7 * 24 * time.Hour, 5: 24 * time.Hour, 6: time.Hour, 7: time.Minute, 8: time.Second} {
		total.Add(total, new(big.Rat).Mul(num(i), new(big.Rat).SetInt64(int64(unit))))
	}
	if m[1] == "-" {
		total.Neg(total)
	}
	if total.Cmp(new(big.Rat).SetInt64(math.MinInt64)) < 0 || total.Cmp(new(big.Rat).SetInt64(math.MaxInt64)) > 0 {
		if !total.IsInt() {
			// Both out of range and finer than a nanosecond: either
			// error is a right answer.
			return 0, errRangeOrPrecision, true
		}
		return 0, ErrDurationRange, true
	}
	if !total.IsInt() {
		return 0, ErrDurationPrecision, true
	}
	return time.Duration(total.Num().Int64()), nil, true
}

func TestDurationOracle(t *testing.T) {
	for _, s := range []string{"P14D", "-PT3M22.1587532S", "P1M", "PT9223372036.854775808S", "PT1.0000000001S", "P", "PT", "P1DT"} {
		want, wantErr, ok := durationOracle(s)
		got, err := Duration(s).Std()
		checkDuration(t, s, got, err, want, wantErr, ok)
	}
}

func checkDuration(t *testing.T, s string, got time.Duration, err error, want time.Duration, wantErr error, ok bool) {
	t.Helper()
	switch {
	case !ok:
		require.Error(t, err, s)
		require.Error(t, Duration(s).Validate(), s)
	case wantErr == errRangeOrPrecision:
		require.True(t, errors.Is(err, ErrDurationRange) || errors.Is(err, ErrDurationPrecision), "%s: %v", s, err)
		require.NoError(t, Duration(s).Validate(), s)
	case wantErr != nil:
		require.ErrorIs(t, err, wantErr, s)
		require.NoError(t, Duration(s).Validate(), s)
	default:
		require.NoError(t, err, s)
		require.Equal(t, want, got, s)
		require.NoError(t, Duration(s).Validate(), s)
	}
}

func FuzzDuration(f *testing.F) {
	for _, s := range []string{
		"-PT3M22.1587532S", "-PT17.1357909S", "P14D", "P2W", "PT0S", "P1Y2M3DT4H5M6.789S",
		"PT9223372036.854775807S", "-PT9223372036.854775808S", "PT1.0000000001S", "P1DT", "+P1W2D",
		"P99999999999999999999D", "PT18446744073.709551616S",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Duration(s)
		got, err := d.Std()
		want, wantErr, ok := durationOracle(s)
		checkDuration(t, s, got, err, want, wantErr, ok)
		if d.Validate() != nil {
			return
		}
		// Valid text re-encodes unchanged.
		b, err := json.Marshal(entity{Duration: &d})
		require.NoError(t, err)
		var e entity
		require.NoError(t, json.Unmarshal(b, &e))
		require.Equal(t, d, *e.Duration)
		if wantErr == nil {
			require.Equal(t, `{"dur":"`+s+`"}`, string(b))
			back, err := NewDuration(got).Std()
			require.NoError(t, err)
			require.Equal(t, got, back)
		}
	})
}

// dateTimeRE is the shape of a DateTimeOffset.
var dateTimeRE = regexp.MustCompile(`^-?\d{4,9}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[-+]\d\d:\d\d)$`)

// rfc3339RE is the subset of DateTimeOffset shapes that time.Parse reads as
// OData does: 4-digit years, seconds present, and offsets below 24 hours (Go
// accepts "+24:00" and "+23:60").
var rfc3339RE = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[-+]([01]\d|2[0-3]):[0-5]\d)$`)

func FuzzDateTimeOffset(f *testing.F) {
	for _, s := range []string{
		"2016-12-31T23:59:37.9174975-08:00", "2017-01-01T00:02:43.5775965-08:00", "2021-07-16T00:00:00Z",
		"2020-02-29T12:00+14:00", "-0044-03-15T12:00:00Z", "2021-07-16T00:00:00.0000000001Z", "2021-02-29T00:00:00Z",
		"2000-02-29T23:59:59.999999999+23:59", "1999-12-31T24:00:00Z", "2021-07-16T00:00:00+23:60",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := DateTimeOffset(s)
		tm, err := d.Time()
		valid := d.Validate() == nil
		// Where the standard library's RFC 3339 parser applies it agrees on
		// validity.
		if rfc3339RE.MatchString(s) {
			_, stdErr := time.Parse(time.RFC3339Nano, s)
			require.Equal(t, stdErr == nil, valid, "%s: %v", s, stdErr)
		}
		if !valid {
			require.Error(t, err)
			return
		}
		require.Regexp(t, dateTimeRE, s)
		b, err2 := json.Marshal(entity{DateTimeOffset: &d})
		require.NoError(t, err2)
		require.Equal(t, `{"dto":"`+s+`"}`, string(b))
		if err != nil {
			require.ErrorIs(t, err, ErrDurationPrecision)
			return
		}
		// The standard library agrees where it can parse the text.
		if len(s) > 16 && s[16] == ':' && s[0] != '-' && s[4] == '-' {
			std, err := time.Parse(time.RFC3339Nano, s)
			require.NoError(t, err)
			require.True(t, std.Equal(tm), "%v != %v", std, tm)
		}
		// Converting back keeps the instant and the offset.
		back, err := NewDateTimeOffset(tm).Time()
		require.NoError(t, err)
		require.True(t, back.Equal(tm))
		_, o1 := back.Zone()
		_, o2 := tm.Zone()
		require.Equal(t, o2, o1)
	})
}

package wire

// This file is copied verbatim, package clause aside, into every generated
// package, so it imports only the standard library and holds no mutable
// state beyond its error values.
//
// Edm.Int64 needs no type of its own: encoding/json decodes an integer
// literal into an int64 with strconv.ParseInt, never through float64, and
// encodes it with strconv.AppendInt, so 9007199254740993 survives a round
// trip exactly as plain int64. A quoted int64 ("IEEE754Compatible=true")
// is a different wire format that docgen does not request.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Errors from Duration.Std, TimeOfDay.Duration and DateTimeOffset.Time for
// values that are well formed but have no exact Go equivalent. Test for them
// with errors.Is.
var (
	// ErrDurationNotFixed reports a Duration with years or months, whose
	// length depends on the date it is applied to.
	ErrDurationNotFixed = errors.New("duration with years or months has no fixed length")
	// ErrDurationRange reports a Duration beyond the range of time.Duration
	// (about ±292 years).
	ErrDurationRange = errors.New("duration out of range of time.Duration")
	// ErrDurationPrecision reports fractional seconds with non-zero digits
	// past the ninth: Go times and durations stop at nanoseconds, and the
	// value is not rounded silently.
	ErrDurationPrecision = errors.New("fractional seconds finer than a nanosecond")
)

// DateTimeOffset is an Edm.DateTimeOffset, an RFC 3339 timestamp such as
// "2016-12-31T23:59:37.9174975-08:00". It keeps the text as received, so
// every fractional digit and the original offset survive decoding and
// re-encoding; call Time for a time.Time.
type DateTimeOffset string

// NewDateTimeOffset formats t in RFC 3339 with as many fractional digits as
// its nanoseconds need (none for whole seconds) and "Z" for a zero offset.
// It keeps t's offset unless RFC 3339 cannot express it (seconds in the
// offset, or a day or more), in which case it writes t in UTC. Years outside
// 0000-9999 are written as OData does: "-0001", "10000".
func NewDateTimeOffset(t time.Time) DateTimeOffset {
	if _, off := t.Zone(); off%60 != 0 || off <= -24*3600 || off >= 24*3600 {
		t = t.UTC()
	}
	return DateTimeOffset(t.Format(time.RFC3339Nano))
}

// Time parses d. The result is in time.UTC for a "Z" suffix and in a
// time.FixedZone otherwise. Beyond Validate's errors it returns
// ErrDurationPrecision for non-zero digits past nanoseconds.
func (d DateTimeOffset) Time() (time.Time, error) {
	t, off, exact, why := parseDateTimeOffset(string(d))
	switch {
	case why != "":
		return time.Time{}, invalid("DateTimeOffset", string(d), why)
	case !exact:
		return time.Time{}, fmt.Errorf("DateTimeOffset %q: %w", string(d), ErrDurationPrecision)
	case strings.HasSuffix(string(d), "Z"):
		return t, nil
	}
	return t.Add(-time.Duration(off) * time.Second).In(time.FixedZone("", off)), nil
}

// Validate reports whether d is well formed as OData specifies:
// [-]YYYY-MM-DDThh:mm[:ss[.f...]] followed by "Z" or ±hh:mm. Any number of
// fractional digits is allowed; the day must exist in its month; years with
// more than four digits may not start with 0 and have at most nine digits.
// Letters must be upper case.
func (d DateTimeOffset) Validate() error {
	if _, _, _, why := parseDateTimeOffset(string(d)); why != "" {
		return invalid("DateTimeOffset", string(d), why)
	}
	return nil
}

// Date is an Edm.Date, a calendar date such as "2021-07-16".
type Date string

// NewDate formats the date y-m-d, normalized as time.Date does
// (NewDate(2021, 2, 29) is "2021-03-01").
func NewDate(y int, m time.Month, d int) Date {
	return Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
}

// Time returns midnight UTC at the start of d.
func (d Date) Time() (time.Time, error) {
	y, m, day, rest, why := parseDate(string(d))
	if why == "" && rest != "" {
		why = "trailing text"
	}
	if why != "" {
		return time.Time{}, invalid("Date", string(d), why)
	}
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC), nil
}

// Validate reports whether d is a well-formed [-]YYYY-MM-DD date that exists,
// with the year rules of DateTimeOffset.Validate.
func (d Date) Validate() error {
	_, err := d.Time()
	return err
}

// TimeOfDay is an Edm.TimeOfDay, a wall-clock time such as "13:45:30.5";
// hh:mm[:ss[.f...]], from 00:00 up to but not including 24:00.
type TimeOfDay string

// Duration returns the time elapsed since midnight. Beyond Validate's errors
// it returns ErrDurationPrecision for non-zero digits past nanoseconds.
func (t TimeOfDay) Duration() (time.Duration, error) {
	d, exact, rest, why := parseClock(string(t))
	if why == "" && rest != "" {
		why = "trailing text"
	}
	switch {
	case why != "":
		return 0, invalid("TimeOfDay", string(t), why)
	case !exact:
		return 0, fmt.Errorf("TimeOfDay %q: %w", string(t), ErrDurationPrecision)
	}
	return d, nil
}

// Validate reports whether t is a well-formed hh:mm[:ss[.f...]] time of day.
func (t TimeOfDay) Validate() error {
	_, _, rest, why := parseClock(string(t))
	if why == "" && rest != "" {
		why = "trailing text"
	}
	if why != "" {
		return invalid("TimeOfDay", string(t), why)
	}
	return nil
}

// Duration is an Edm.Duration, an ISO 8601 duration as XML Schema and OData
// use it: an optional sign, "P", then nY nM nD, and after "T" nH nM n[.f...]S,
// each optional but at least one present, e.g. "-PT3M22.1587532S" or
// "P14D". Weeks ("P2W") are accepted too. It keeps the text as received:
// nothing is normalized, so "P14D" stays "P14D" and "PT90M" stays "PT90M".
type Duration string

// NewDuration formats d canonically with days, hours, minutes and seconds
// (a day being 24 hours, never weeks), the sign kept and the fractional
// seconds exact: NewDuration(-(3*time.Minute + 22158753200)) is
// "-PT3M22.1587532S", and zero is "PT0S". NewDuration(d).Std() returns d.
func NewDuration(d time.Duration) Duration {
	if d == 0 {
		return "PT0S"
	}
	b := make([]byte, 0, 32)
	u := uint64(d)
	if d < 0 {
		b = append(b, '-')
		u = -u // also right for math.MinInt64
	}
	b = append(b, 'P')
	const day = uint64(24 * time.Hour)
	if u >= day {
		b = strconv.AppendUint(b, u/day, 10)
		b = append(b, 'D')
		u %= day
	}
	if u == 0 {
		return Duration(b)
	}
	b = append(b, 'T')
	if h := u / uint64(time.Hour); h > 0 {
		b = strconv.AppendUint(b, h, 10)
		b = append(b, 'H')
	}
	if m := u / uint64(time.Minute) % 60; m > 0 {
		b = strconv.AppendUint(b, m, 10)
		b = append(b, 'M')
	}
	if u %= uint64(time.Minute); u > 0 {
		b = strconv.AppendUint(b, u/1e9, 10)
		if ns := u % 1e9; ns > 0 {
			dot := len(b)
			b = strconv.AppendUint(b, 1e9+ns, 10) // "1" and nine digits
			b[dot] = '.'
			b = bytes.TrimRight(b, "0")
		}
		b = append(b, 'S')
	}
	return Duration(b)
}

// Std converts d to a time.Duration, a day counting as 24 hours and a week
// as 7 days. Beyond Validate's errors it returns ErrDurationNotFixed if d has
// non-zero years or months, ErrDurationRange if d does not fit in a
// time.Duration, and ErrDurationPrecision for non-zero digits past
// nanoseconds, in that order of precedence.
func (d Duration) Std() (time.Duration, error) {
	v, why, conv := parseDuration(string(d))
	switch {
	case why != "":
		return 0, invalid("Duration", string(d), why)
	case conv != nil:
		return 0, fmt.Errorf("Duration %q: %w", string(d), conv)
	}
	return v, nil
}

// Validate reports whether d is a well-formed duration. Values that Std
// cannot convert (such as "P1M") are well formed.
func (d Duration) Validate() error {
	if _, why, _ := parseDuration(string(d)); why != "" {
		return invalid("Duration", string(d), why)
	}
	return nil
}

// Double is an Edm.Double or Edm.Single: a JSON number, or one of the
// strings "NaN", "INF" and "-INF" that OData uses for values JSON numbers
// cannot express. Numbers re-encode value-exactly, not byte-exactly: they are
// written in the shortest form that parses back to the same float64, as
// encoding/json writes a float64 (1.50 becomes 1.5, 1E3 becomes 1000).
type Double float64

// MarshalJSON writes d as encoding/json writes a float64, or as "NaN", "INF"
// or "-INF".
func (d Double) MarshalJSON() ([]byte, error) {
	f := float64(d)
	switch {
	case math.IsNaN(f):
		return []byte(`"NaN"`), nil
	case math.IsInf(f, 1):
		return []byte(`"INF"`), nil
	case math.IsInf(f, -1):
		return []byte(`"-INF"`), nil
	}
	// As encoding/json formats a float64: exponent form only for very large
	// or small magnitudes, and "e-07" shortened to "e-7".
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b := strconv.AppendFloat(make([]byte, 0, 24), f, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1]
		b = b[:n-1]
	}
	return b, nil
}

// UnmarshalJSON accepts a JSON number, "NaN", "INF" or "-INF". A number too
// large for a float64 is an error, as it is for encoding/json. null leaves d
// unchanged.
func (d *Double) UnmarshalJSON(data []byte) error {
	switch string(data) {
	case "null":
		return nil
	case `"NaN"`:
		*d = Double(math.NaN())
		return nil
	case `"INF"`:
		*d = Double(math.Inf(1))
		return nil
	case `"-INF"`:
		*d = Double(math.Inf(-1))
		return nil
	}
	if len(data) == 0 || data[0] == '"' {
		return fmt.Errorf("cannot decode %s as an Edm.Double: only \"NaN\", \"INF\" and \"-INF\" may be strings", data)
	}
	f, err := strconv.ParseFloat(string(data), 64)
	if err != nil {
		return fmt.Errorf("cannot decode %s as an Edm.Double: %w", data, err)
	}
	*d = Double(f)
	return nil
}

// Binary is an Edm.Binary: base64 text, kept exactly as received (like the
// other wire types), so a payload re-encodes byte for byte even when the
// service or the documentation uses URL-safe or unpadded base64. Bytes
// decodes it; NewBinary encodes bytes in standard padded base64.
type Binary string

// NewBinary encodes b in standard padded base64.
func NewBinary(b []byte) Binary { return Binary(base64.StdEncoding.EncodeToString(b)) }

// Bytes decodes standard or URL-safe, padded or unpadded base64; line
// breaks are ignored.
func (b Binary) Bytes() ([]byte, error) {
	src := []byte(b)
	if bytes.ContainsAny(src, "\r\n") {
		src = bytes.ReplaceAll(bytes.ReplaceAll(src, []byte("\r"), nil), []byte("\n"), nil)
	}
	enc := base64.RawStdEncoding
	if bytes.ContainsAny(src, "-_") {
		enc = base64.RawURLEncoding
	}
	out, err := enc.DecodeString(string(bytes.TrimRight(src, "=")))
	if err != nil {
		return nil, fmt.Errorf("invalid Edm.Binary: %w", err)
	}
	return out, nil
}

// Validate reports whether b is well-formed base64.
func (b Binary) Validate() error {
	_, err := b.Bytes()
	return err
}

// GUID is an Edm.Guid such as "f8c5e2a1-0b7d-4c3e-9a6f-1d2e3f4a5b6c".
type GUID string

// Validate reports whether g is 8-4-4-4-12 hexadecimal digits, in either
// case.
func (g GUID) Validate() error {
	if len(g) != 36 {
		return invalid("Guid", string(g), "not 8-4-4-4-12 hexadecimal digits")
	}
	for i := 0; i < len(g); i++ {
		c := g[i]
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return invalid("Guid", string(g), "not 8-4-4-4-12 hexadecimal digits")
			}
		} else if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return invalid("Guid", string(g), "not 8-4-4-4-12 hexadecimal digits")
		}
	}
	return nil
}

// Stream is an Edm.Stream value, kept as the opaque string the service sends.
type Stream string

// Optional is a property of a PATCH body, which has three states: absent
// (left unchanged), null (cleared) and a value (set). The zero Optional is
// absent. A *T cannot tell absent from null, and a **T is awkward to build
// and to read; instead Optional relies on the "omitzero" tag option:
// IsZero is true only when absent, so encoding/json omits the property, and
// MarshalJSON writes null or the value. Without omitzero an absent Optional
// encodes as null.
//
//	type UserPatch struct {
//		JobTitle Optional[string] `json:"jobTitle,omitzero"`
//	}
type Optional[T any] struct {
	value   T
	present bool
	null    bool
	// Optionals are not comparable (compare what Get returns): a package
	// has hundreds of instantiations, and an equality function each, for
	// them and every body holding them, costs compile time for nothing.
	_ [0]func()
}

// Some returns an Optional holding v.
func Some[T any](v T) Optional[T] { return Optional[T]{value: v, present: true} }

// Null returns an Optional that encodes as null.
func Null[T any]() Optional[T] { return Optional[T]{present: true, null: true} }

// same reports whether a and b are equal or encode to the same JSON: a NaN
// Double is not equal to itself, but it has not changed.
func same(a, b any) bool {
	if reflect.DeepEqual(a, b) {
		return true
	}
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

// odataTypeOf returns the value of the top-level "@odata.type" member of the
// JSON object data (the last one, as encoding/json would decode it), or ""
// when data is not an object, has none, or its value is not a string. It
// scans data once without decoding the other members: polymorphic wrappers
// call it before decoding data into the model it names.
func odataTypeOf(data []byte) string {
	name := ""
	eachMember(data, func(key, value []byte) bool {
		// Case-insensitive, as encoding/json decodes the member into a
		// model's ODataType field.
		if bytes.EqualFold(key, []byte("@odata.type")) {
			var v string
			if json.Unmarshal(value, &v) != nil {
				v = ""
			}
			name = v
		}
		return true
	})
	return name
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// valueEnd returns the index just after the JSON value starting at data[i],
// or -1 if it does not end. Strings are skipped with their escapes, objects
// and arrays by depth, literals up to the next delimiter.
func valueEnd(data []byte, i int) int {
	if i >= len(data) {
		return -1
	}
	depth := 0
	for ; i < len(data); i++ {
		switch c := data[i]; c {
		case '"':
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
				}
			}
			if i >= len(data) {
				return -1
			}
			if depth == 0 {
				return i + 1
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth < 0 {
				return i // a literal ended by its container
			}
			if depth == 0 {
				return i + 1
			}
		case ',', ' ', '\t', '\n', '\r', ':':
			if depth == 0 {
				return i
			}
		}
	}
	if depth == 0 {
		return i
	}
	return -1
}

// IsSet reports whether o is present, that is null or a value.
func (o Optional[T]) IsSet() bool { return o.present }

// IsNull reports whether o is null.
func (o Optional[T]) IsNull() bool { return o.present && o.null }

// The methods of Optional that do more than read a field are not inlined
// (go:noinline): a package instantiates Optional for hundreds of types, and
// each instantiation's methods would otherwise be compiled with a copy of
// the body inlined, instead of a call to the one shared (GC shape) body.

// Get returns o's value and true, or the zero T and false if o is absent or
// null.
//
//go:noinline
func (o Optional[T]) Get() (T, bool) {
	if !o.present || o.null {
		var zero T
		return zero, false
	}
	return o.value, true
}

// IsZero reports whether o is absent; the omitzero tag option uses it.
func (o Optional[T]) IsZero() bool { return !o.present }

// MarshalJSON writes null or o's value.
//
//go:noinline
func (o Optional[T]) MarshalJSON() ([]byte, error) {
	if !o.present || o.null {
		return []byte("null"), nil
	}
	return json.Marshal(o.value)
}

// UnmarshalJSON makes o null for a JSON null and a value otherwise; a
// property that is missing leaves o absent.
//
//go:noinline
func (o *Optional[T]) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*o = Null[T]()
		return nil
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*o = Some(v)
	return nil
}

// parts returns pointers to o's value (a *T) and state, through which the
// rule checks and fromChanges read and set a body's fields with reflect: one
// small method per instantiation rather than a getter and a setter.
func (o *Optional[T]) parts() (value any, present, null *bool) {
	return &o.value, &o.present, &o.null
}

// enumValues converts an enum's documented values, kept as a []string, to
// a new slice of the enum type E.
func enumValues[E ~string](names []string) []E {
	out := make([]E, len(names))
	for i, n := range names {
		out[i] = E(n)
	}
	return out
}

// Problem is one broken rule: the property path, such as
// "attendees[2].emailAddress.address", what is wrong with it, and which
// rule it breaks.
type Problem struct {
	Path    string
	Message string
	// Rule names the broken rule, so that a caller can tell problems
	// apart without reading messages: "enum" (a value the enum's
	// documented members do not list, such as one newer than the docs),
	// "format" (a malformed wire value: DateTimeOffset, Duration, ...),
	// "range", "minLength", "maxLength", "minItems", "maxItems",
	// "required" and "readOnly" (the docgen tag's rules of the same
	// names); empty for a problem recorded with Add.
	Rule string
}

// ValidationError collects every Problem a Validate method finds, in the
// order they were found. Use Err to get it as an error.
type ValidationError struct {
	Problems []Problem
}

// Add records a problem at path, its message formatted as by fmt.Sprintf.
// Its Rule is empty.
func (e *ValidationError) Add(path, format string, args ...any) {
	e.Problems = append(e.Problems, Problem{Path: path, Message: fmt.Sprintf(format, args...)})
}

// addRule records a problem with the rule it breaks; see Problem.Rule.
func (e *ValidationError) addRule(rule, path, format string, args ...any) {
	e.Problems = append(e.Problems, Problem{Path: path, Message: fmt.Sprintf(format, args...), Rule: rule})
}

// Without returns the problems of e that break a rule other than rule
// (see Problem.Rule), as Err does: nil when none is left. e is unchanged.
// Without("enum") accepts enum values newer than the docs but keeps every
// other rule.
func (e *ValidationError) Without(rule string) error {
	if e == nil {
		return nil
	}
	rest := &ValidationError{}
	for _, p := range e.Problems {
		if p.Rule != rule {
			rest.Problems = append(rest.Problems, p)
		}
	}
	return rest.Err()
}

// Err returns e, or nil if e has no problems.
func (e *ValidationError) Err() error {
	if e == nil || len(e.Problems) == 0 {
		return nil
	}
	return e
}

// Error lists the problems in the order found as "path: message",
// separated by "; ".
func (e *ValidationError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		if p.Path != "" {
			b.WriteString(p.Path)
			b.WriteString(": ")
		}
		b.WriteString(p.Message)
	}
	return b.String()
}

// Documented rules are data: each field that has any carries them in its
// "docgen" struct tag, a comma-separated list of
//
//	range=MIN..MAX    a number's bounds, inclusive; either may be empty
//	minLength=N       a string's least number of characters (runes)
//	maxLength=N       a string's greatest number of characters
//	minItems=N        a collection's least number of items, when present
//	maxItems=N        a collection's greatest number of items
//	readOnly          set by the service only (CheckReadOnly)
//	required          to be set when creating (CheckRequired, POST bodies)
//
// The generated Validate, CheckReadOnly, CheckRequired and SetChanges
// are one call each into the functions below, which read the tags and walk
// the values with package reflect. Beside the tags, a value is checked by
// what its type is: an enum's Known, a wire type's Validate, and the fields
// of a nested model, also one held by an Any wrapper (whose fields have no
// json tag and take the wrapper's path).

// validateModel reports the rules m, a pointer to a model, breaks.
func validateModel(m any) error {
	var errs ValidationError
	if v := reflect.ValueOf(m); v.Kind() == reflect.Pointer && !v.IsNil() {
		validateFields(&errs, "", v.Elem())
	}
	return errs.Err()
}

// validateBody reports the rules the values set in b, a pointer to a request
// body, break, then the required properties (in tag order) b does not set
// to a value.
func validateBody(b any) error {
	var errs, missing ValidationError
	eachOptional(b, func(name string, r rules, o optionalField) {
		if v := optionalValue(o); v.IsValid() {
			checkProperty(&errs, name, v, r)
		} else if r.required {
			missing.addRule("required", name, "required property is not set")
		}
	})
	errs.Problems = append(errs.Problems, missing.Problems...)
	return errs.Err()
}

// checkReadOnly reports each read-only property set (to a value or null) in
// b, a pointer to a request body.
func checkReadOnly(b any) error {
	var errs ValidationError
	eachOptional(b, func(name string, r rules, o optionalField) {
		if _, present, _ := o.parts(); *present && r.readOnly {
			errs.addRule("readOnly", name, "read-only property is set")
		}
	})
	return errs.Err()
}

// checkRequired reports each required property m, a pointer to a model,
// does not set.
func checkRequired(m any) error {
	var errs ValidationError
	v := reflect.ValueOf(m)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return nil
	}
	v = v.Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if name, ok := jsonName(f); ok && rulesOf(f).required && isAbsent(v.Field(i)) {
			errs.addRule("required", name, "required property is not set")
		}
	}
	return errs.Err()
}

// fromChanges sets each field of body (a pointer to a request body) whose
// property differs between old and updated (pointers to the model; nil
// stands for an empty one) to updated's value, or to null when updated
// holds nothing there. "@odata.type" is left to the caller.
func fromChanges(body, old, updated any) {
	ov, uv := reflect.ValueOf(old), reflect.ValueOf(updated)
	model := ov.Type().Elem()
	if ov.IsNil() {
		ov = reflect.New(model)
	}
	if uv.IsNil() {
		uv = reflect.New(model)
	}
	ov, uv = ov.Elem(), uv.Elem()
	index := map[string]int{}
	for i := range model.NumField() {
		if name, ok := jsonName(model.Field(i)); ok {
			index[name] = i
		}
	}
	eachOptional(body, func(name string, _ rules, o optionalField) {
		i, ok := index[name]
		if !ok || name == "@odata.type" {
			return
		}
		was, is := ov.Field(i), uv.Field(i)
		switch {
		case same(was.Interface(), is.Interface()):
		case isAbsent(is):
			setOptional(o, reflect.Value{}, true)
		case is.Kind() == reflect.Pointer:
			setOptional(o, is.Elem(), false)
		default:
			setOptional(o, is, false)
		}
	})
}

// optionalField is a pointer to an Optional.
type optionalField interface {
	parts() (value any, present, null *bool)
}

// optionalValue is o's value, or the invalid Value when o is absent or null.
func optionalValue(o optionalField) reflect.Value {
	v, present, null := o.parts()
	if !*present || *null {
		return reflect.Value{}
	}
	return reflect.ValueOf(v).Elem()
}

// setOptional makes o null, or the value v.
func setOptional(o optionalField, v reflect.Value, null bool) {
	p, present, isNull := o.parts()
	value := reflect.ValueOf(p).Elem()
	if null {
		value.SetZero()
	} else {
		value.Set(v)
	}
	*present, *isNull = true, null
}

// eachOptional calls fn for each Optional field of the struct b points to,
// in field order, with its JSON name and rules.
func eachOptional(b any, fn func(name string, r rules, o optionalField)) {
	v := reflect.ValueOf(b)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return
	}
	v = v.Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		name, ok := jsonName(f)
		if !ok {
			continue
		}
		if o, ok := v.Field(i).Addr().Interface().(optionalField); ok {
			fn(name, rulesOf(f), o)
		}
	}
}

// jsonName is the JSON name of an exported field with a json tag.
func jsonName(f reflect.StructField) (string, bool) {
	tag, ok := f.Tag.Lookup("json")
	if !ok || !f.IsExported() {
		return "", false
	}
	name, _, _ := strings.Cut(tag, ",")
	return name, name != "" && name != "-"
}

// isAbsent reports whether a model field holds nothing: a nil pointer or
// slice, empty raw JSON, an empty Any wrapper.
func isAbsent(v reflect.Value) bool {
	if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
		return v.Len() == 0
	}
	return v.IsZero()
}

// rules are a field's docgen tag, parsed once for the field and its items.
type rules struct {
	ranges             []bound // "range" items: a value must be in each
	minLength          int     // -1 when not documented, as for the rest
	maxLength          int
	minItems, maxItems int
	readOnly, required bool
}

// bound is one documented range; lo and hi are as the tag writes them
// (messages quote them), empty for an open end.
type bound struct {
	lo, hi   string
	min, max float64 // ±Inf for an open end
}

// rulesOf parses f's docgen tag.
func rulesOf(f reflect.StructField) rules { return parseRules(f.Tag.Get("docgen")) }

// parseRules parses a docgen tag. The tag is written by docgen, so an item
// it does not know or cannot parse is ignored rather than reported.
func parseRules(tag string) rules {
	r := rules{minLength: -1, maxLength: -1, minItems: -1, maxItems: -1}
	if tag == "" {
		return r
	}
	for item := range strings.SplitSeq(tag, ",") {
		key, arg, _ := strings.Cut(item, "=")
		n, err := strconv.Atoi(arg)
		if err != nil {
			n = -1
		}
		switch key {
		case "range":
			b := bound{min: math.Inf(-1), max: math.Inf(1)}
			b.lo, b.hi, _ = strings.Cut(arg, "..")
			if x, err := strconv.ParseFloat(b.lo, 64); err == nil {
				b.min = x
			}
			if x, err := strconv.ParseFloat(b.hi, 64); err == nil {
				b.max = x
			}
			r.ranges = append(r.ranges, b)
		case "minLength":
			r.minLength = n
		case "maxLength":
			r.maxLength = n
		case "minItems":
			r.minItems = n
		case "maxItems":
			r.maxItems = n
		case "readOnly":
			r.readOnly = true
		case "required":
			r.required = true
		}
	}
	return r
}

// validateFields checks the fields of the struct v: properties under their
// JSON names, the untagged fields of an Any wrapper at path itself.
func validateFields(errs *ValidationError, path string, v reflect.Value) {
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		if name, ok := jsonName(f); ok {
			checkProperty(errs, joinPath(path, name), v.Field(i), rulesOf(f))
		} else if _, tagged := f.Tag.Lookup("json"); !tagged {
			checkValue(errs, path, v.Field(i), rulesOf(f))
		}
	}
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// checkProperty checks a property's value v: a collection's item count and
// each item, or the one value.
func checkProperty(errs *ValidationError, path string, v reflect.Value, r rules) {
	if v.Kind() != reflect.Slice || v.Type().Elem().Kind() == reflect.Uint8 {
		checkValue(errs, path, v, r)
		return
	}
	r.checkItems(errs, path, v.Len(), v.IsNil())
	for i := range v.Len() {
		checkValue(errs, path+"["+strconv.Itoa(i)+"]", v.Index(i), r)
	}
}

// checkValue checks one value v: a nested model's fields, or an enum's
// membership, a wire value's form and the documented ranges and lengths.
func checkValue(errs *ValidationError, path string, v reflect.Value, r rules) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			checkValue(errs, path, v.Elem(), r)
		}
		return
	case reflect.Struct:
		validateFields(errs, path, v)
		return
	}
	x := v.Interface()
	if e, ok := x.(interface{ Known() bool }); ok && !e.Known() {
		errs.addRule("enum", path, "undocumented value %q", v.String())
	}
	if w, ok := x.(interface{ Validate() error }); ok {
		if err := w.Validate(); err != nil {
			errs.addRule("format", path, "%v", err)
		}
	}
	if len(r.ranges) > 0 {
		if f, ok := number(v); ok {
			r.checkNumber(errs, path, f, x)
		}
	}
	if v.Kind() == reflect.String {
		r.checkLength(errs, path, v.String())
	}
}

// checkItems reports a collection of n items that breaks r's item counts;
// a nil collection (absent) is checked for the greatest count only.
func (r rules) checkItems(errs *ValidationError, path string, n int, null bool) {
	if r.maxItems >= 0 && n > r.maxItems {
		errs.addRule("maxItems", path, "item count %d breaks the documented limit (at most %d)", n, r.maxItems)
	} else if r.minItems >= 0 && n < r.minItems && !null {
		errs.addRule("minItems", path, "item count %d breaks the documented limit (at least %d)", n, r.minItems)
	}
}

// checkNumber reports a number f, written x in messages, outside r's
// ranges. A NaN is outside no range.
func (r rules) checkNumber(errs *ValidationError, path string, f float64, x any) {
	for _, b := range r.ranges {
		if f < b.min || f > b.max {
			errs.addRule("range", path, "%v is out of the documented range (%s)", x, b)
		}
	}
}

// checkLength reports a string whose length in characters (runes) breaks
// r's lengths.
func (r rules) checkLength(errs *ValidationError, path, s string) {
	if r.minLength < 0 && r.maxLength < 0 {
		return
	}
	if l := utf8.RuneCountInString(s); r.maxLength >= 0 && l > r.maxLength {
		errs.addRule("maxLength", path, "length %d breaks the documented limit (at most %d)", l, r.maxLength)
	} else if l < r.minLength {
		errs.addRule("minLength", path, "length %d breaks the documented limit (at least %d)", l, r.minLength)
	}
}

// String describes the range as the messages say it.
func (b bound) String() string {
	switch {
	case b.lo == "":
		return "at most " + b.hi
	case b.hi == "":
		return "at least " + b.lo
	}
	return b.lo + " to " + b.hi
}

// number is the value of v, an integer, a float or an Edm.Decimal (a
// json.Number, checked where it parses).
func number(v reflect.Value) (float64, bool) {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(v.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return float64(v.Uint()), true
	case reflect.Float32, reflect.Float64:
		return v.Float(), true
	case reflect.String:
		f, err := strconv.ParseFloat(v.String(), 64)
		return f, err == nil
	}
	return 0, false
}

// invalid is the error for a malformed value s of EDM type kind.
func invalid(kind, s, why string) error {
	return fmt.Errorf("invalid %s %q: %s", kind, s, why)
}

// The parsers below report a problem as a constant string, empty when the
// input is well formed, so that valid input is checked without allocating.

// parseDateTimeOffset parses a DateTimeOffset into its wall clock time (in a
// UTC time.Time) and its offset in seconds. exact is false when fractional
// digits past nanoseconds were dropped.
func parseDateTimeOffset(s string) (t time.Time, off int, exact bool, why string) {
	y, m, d, rest, why := parseDate(s)
	if why != "" {
		return
	}
	if rest == "" || rest[0] != 'T' {
		return t, 0, false, "missing 'T' after the date"
	}
	clock, exact, rest, why := parseClock(rest[1:])
	if why != "" {
		return
	}
	switch {
	case rest == "Z":
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		h, min := twoDigits(rest[1:3]), twoDigits(rest[4:6])
		if h < 0 || min < 0 {
			return t, 0, false, "malformed offset"
		}
		if h > 23 || min > 59 {
			return t, 0, false, "offset out of range"
		}
		off = (h*60 + min) * 60
		if rest[0] == '-' {
			off = -off
		}
	case rest == "":
		return t, 0, false, "missing offset"
	default:
		return t, 0, false, "malformed offset"
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Add(clock), off, exact, ""
}

// parseDate parses [-]YYYY-MM-DD at the start of s.
func parseDate(s string) (y int, m time.Month, d int, rest string, why string) {
	i := 0
	if strings.HasPrefix(s, "-") {
		i = 1
	}
	j := i
	for j < len(s) && '0' <= s[j] && s[j] <= '9' {
		j++
	}
	switch n := j - i; {
	case n < 4 || n > 4 && s[i] == '0':
		return 0, 0, 0, "", "malformed year"
	case n > 9:
		return 0, 0, 0, "", "year out of range"
	}
	y, _ = strconv.Atoi(s[i:j])
	if i == 1 {
		y = -y
	}
	s = s[j:]
	if len(s) < 6 || s[0] != '-' || s[3] != '-' {
		return 0, 0, 0, "", "malformed date"
	}
	mm, dd := twoDigits(s[1:3]), twoDigits(s[4:6])
	switch {
	case mm < 0 || dd < 0:
		return 0, 0, 0, "", "malformed date"
	case mm < 1 || mm > 12:
		return 0, 0, 0, "", "month out of range"
	case dd < 1 || dd > time.Date(y, time.Month(mm)+1, 0, 0, 0, 0, 0, time.UTC).Day():
		return 0, 0, 0, "", "day out of range"
	}
	return y, time.Month(mm), dd, s[6:], ""
}

// parseClock parses hh:mm[:ss[.f...]] at the start of s as the time since
// midnight. exact is false when fractional digits past nanoseconds were
// dropped.
func parseClock(s string) (d time.Duration, exact bool, rest string, why string) {
	if len(s) < 5 || s[2] != ':' {
		return 0, false, "", "malformed time"
	}
	h, m := twoDigits(s[0:2]), twoDigits(s[3:5])
	switch {
	case h < 0 || m < 0:
		return 0, false, "", "malformed time"
	case h > 23:
		return 0, false, "", "hour out of range"
	case m > 59:
		return 0, false, "", "minute out of range"
	}
	d = time.Duration(h)*time.Hour + time.Duration(m)*time.Minute
	s, exact = s[5:], true
	if s == "" || s[0] != ':' {
		return d, exact, s, ""
	}
	sec := -1
	if len(s) >= 3 {
		sec = twoDigits(s[1:3])
	}
	switch {
	case sec < 0:
		return 0, false, "", "malformed seconds"
	case sec > 59:
		return 0, false, "", "second out of range"
	}
	d += time.Duration(sec) * time.Second
	s = s[3:]
	if s == "" || s[0] != '.' {
		return d, exact, s, ""
	}
	ns, exact, n := fraction(s[1:])
	if n == 0 {
		return 0, false, "", "malformed fractional seconds"
	}
	return d + time.Duration(ns), exact, s[1+n:], ""
}

// fraction reads the digits after a decimal point at the start of s as
// nanoseconds, and how many digits it read. exact is false when non-zero
// digits past the ninth were dropped.
func fraction(s string) (ns uint64, exact bool, n int) {
	exact = true
	for ; n < len(s) && '0' <= s[n] && s[n] <= '9'; n++ {
		switch {
		case n < 9:
			ns = ns*10 + uint64(s[n]-'0')
		case s[n] != '0':
			exact = false
		}
	}
	for i := n; i < 9; i++ {
		ns *= 10
	}
	return ns, exact, n
}

// twoDigits returns the value of the two ASCII digits s, or -1.
func twoDigits(s string) int {
	if len(s) != 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return -1
	}
	return int(s[0]-'0')*10 + int(s[1]-'0')
}

// parseDuration parses an ISO 8601 duration. why is non-empty if s is
// malformed; otherwise conv is nil and d the value, or conv says why s has
// no time.Duration equivalent.
func parseDuration(s string) (d time.Duration, why string, conv error) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	if s == "" || s[0] != 'P' {
		return 0, "missing 'P'", nil
	}
	s = s[1:]
	var (
		total              uint64 // magnitude in nanoseconds
		calendar, overflow bool
		inexact, inTime    bool
		last               = 0 // position in "YMWDHMS" of the last designator, 1-based
	)
	for s != "" {
		if s[0] == 'T' {
			if inTime {
				return 0, "second 'T'", nil
			}
			if s == "T" {
				return 0, "no component after 'T'", nil
			}
			inTime, s = true, s[1:]
			continue
		}
		n := 0
		for n < len(s) && '0' <= s[n] && s[n] <= '9' {
			n++
		}
		if n == 0 {
			return 0, "malformed component", nil
		}
		num, frac := s[:n], ""
		s = s[n:]
		if s != "" && s[0] == '.' {
			k := 1
			for k < len(s) && '0' <= s[k] && s[k] <= '9' {
				k++
			}
			if k == 1 {
				return 0, "malformed fraction", nil
			}
			frac, s = s[1:k], s[k:]
		}
		if s == "" {
			return 0, "missing designator", nil
		}
		pos, unit := 0, time.Duration(0)
		switch {
		case !inTime && s[0] == 'Y':
			pos = 1
		case !inTime && s[0] == 'M':
			pos = 2
		case !inTime && s[0] == 'W':
			pos, unit = 3, 7*24*time.Hour
		case !inTime && s[0] == 'D':
			pos, unit = 4, 24*time.Hour
		case inTime && s[0] == 'H':
			pos, unit = 5, time.Hour
		case inTime && s[0] == 'M':
			pos, unit = 6, time.Minute
		case inTime && s[0] == 'S':
			pos, unit = 7, time.Second
		default:
			return 0, "unknown designator", nil
		}
		if pos <= last {
			return 0, "designators out of order", nil
		}
		if frac != "" && pos != 7 {
			return 0, "fraction on a component other than seconds", nil
		}
		last, s = pos, s[1:]
		if unit == 0 {
			calendar = calendar || strings.Trim(num, "0") != ""
			continue
		}
		if overflow {
			continue // the syntax still needs checking
		}
		// Magnitudes up to limit, that of math.MinInt64, are tracked
		// exactly; anything more is out of range, and stopping there keeps
		// the arithmetic below from wrapping.
		const limit = 1 << 63
		v := uint64(0)
		for i := 0; i < len(num); i++ {
			if v > limit/10 {
				v = limit + 1
				break
			}
			v = v*10 + uint64(num[i]-'0')
		}
		if v > limit/uint64(unit) {
			overflow = true
			continue
		}
		v *= uint64(unit)
		if frac != "" {
			ns, exact, _ := fraction(frac)
			inexact = inexact || !exact
			v += ns
		}
		if v > limit-total {
			overflow = true
			continue
		}
		total += v
	}
	switch {
	case last == 0:
		return 0, "no components", nil
	case calendar:
		return 0, "", ErrDurationNotFixed
	case overflow || total > math.MaxInt64 && !(neg && total == 1<<63):
		return 0, "", ErrDurationRange
	case inexact:
		return 0, "", ErrDurationPrecision
	case neg:
		return time.Duration(-int64(total)), "", nil
	}
	return time.Duration(total), "", nil
}

// Package roundtrip checks that the documentation's JSON examples survive
// decode → encode through generated models, value for value.
package roundtrip

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"reflect"
	"sort"
	"strings"

	"github.com/docgen-dev/docgen/ir"
)

// Outcome of one example.
type Outcome string

// Outcomes.
const (
	OK          Outcome = "ok"
	InvalidJSON Outcome = "invalid-json" // the example is not JSON (a lint finding, not a model bug)
	NoType      Outcome = "no-type"      // no generated type for the example's @odata.type
	DecodeError Outcome = "decode-error"
	Lost        Outcome = "lost" // something did not come back
)

// Result is the outcome for one example.
type Result struct {
	Example ir.Example
	Outcome Outcome
	Reason  string
}

// Check decodes ex.Body into the model newModel returns for the example's
// type, re-encodes it and compares the two JSON values. Numbers compare by
// value; an explicit null compares equal to an absent member, because a
// model field that is nil is not sent (PATCH bodies, which must send null,
// use Optional). newModel is a generated package's NewByODataType; isEnum
// reports whether a qualified name is an enum (whose values answer as
// strings: {"value": "x"}), and may be nil.
func Check(ex ir.Example, newModel func(string) any, isEnum func(string) bool) Result {
	r := Result{Example: ex}
	if !json.Valid([]byte(ex.Body)) {
		r.Outcome, r.Reason = InvalidJSON, "not valid JSON"
		return r
	}
	if ex.Type == "Edm.Stream" && ex.Role == ir.RoleResponse {
		// Any content: the client keeps it as raw JSON.
		r.Outcome = OK
		return r
	}
	if strings.HasPrefix(ex.Type, "Edm.") && ex.Role == ir.RoleResponse {
		// A primitive answer: {"value": v}, or a collection of them.
		r.Outcome, r.Reason = roundTrip(withoutContext([]byte(ex.Body)), primitiveBody(ex.Type, ex.Collection))
		return r
	}
	if isEnum != nil && isEnum(ex.Type) && ex.Role == ir.RoleResponse {
		// An enum answer: its member names are strings.
		r.Outcome, r.Reason = roundTrip(withoutContext([]byte(ex.Body)), primitiveBody("Edm.String", ex.Collection))
		return r
	}
	if newModel(ex.Type) == nil {
		r.Outcome, r.Reason = NoType, fmt.Sprintf("no model for type %q", ex.Type)
		return r
	}
	items, err := Items(ex)
	if err != nil {
		r.Outcome, r.Reason = DecodeError, err.Error()
		return r
	}
	for i, item := range items {
		if ex.Role != ir.RoleRequest && !ex.Collection {
			item = withoutContext(item)
		}
		r.Outcome, r.Reason = roundTrip(item, newModel(ex.Type))
		if r.Outcome != OK {
			if ex.Collection {
				r.Reason = fmt.Sprintf("value[%d]: %s", i, r.Reason)
			}
			return r
		}
	}
	r.Outcome = OK
	return r
}

// Items are the bodies of the models ex shows: each item of a collection
// ({"value": [...]}; the annotations around them are the collection's, not
// a model's), the one inside a wrapped entity ({"value": {...}}), or the
// whole body.
func Items(ex ir.Example) ([]json.RawMessage, error) {
	switch {
	case ex.Collection:
		var c struct{ Value []json.RawMessage }
		if err := json.Unmarshal([]byte(ex.Body), &c); err != nil {
			return nil, err
		}
		return c.Value, nil
	case ex.Wrapped:
		var w struct{ Value json.RawMessage }
		if err := json.Unmarshal([]byte(ex.Body), &w); err != nil {
			return nil, err
		}
		return []json.RawMessage{w.Value}, nil
	}
	return []json.RawMessage{json.RawMessage(ex.Body)}, nil
}

// withoutContext removes a top-level "@odata.context" from a response's
// object: it says which entity set the response came from (the response's
// metadata, as "@odata.nextLink" is a collection's), not a member of the
// entity, so models do not hold it. Every other member, "@odata."
// annotations of the entity included, must come back.
func withoutContext(item json.RawMessage) json.RawMessage {
	var top map[string]json.RawMessage
	if json.Unmarshal(item, &top) != nil {
		return item
	}
	if _, ok := top["@odata.context"]; !ok {
		return item
	}
	delete(top, "@odata.context")
	b, err := json.Marshal(top)
	if err != nil {
		return item
	}
	return b
}

// roundTrip decodes body into model m and encodes it again.
func roundTrip(body []byte, m any) (Outcome, string) {
	if err := json.Unmarshal(body, m); err != nil {
		return DecodeError, err.Error()
	}
	out, err := json.Marshal(m)
	if err != nil {
		return DecodeError, "encode: " + err.Error()
	}
	if diff := Diff(body, out); diff != "" {
		return Lost, diff
	}
	return OK, ""
}

// Diff compares two JSON documents by value and describes the first
// difference, or returns "" when they are equal.
func Diff(want, got []byte) string {
	w, err := decode(want)
	if err != nil {
		return "want: " + err.Error()
	}
	g, err := decode(got)
	if err != nil {
		return "got: " + err.Error()
	}
	return diff("$", w, g)
}

func decode(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	err := d.Decode(&v)
	return v, err
}

func diff(path string, w, g any) string {
	switch wv := w.(type) {
	case map[string]any:
		gv, ok := g.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: want an object, got %s", path, short(g))
		}
		keys := make([]string, 0, len(wv))
		for k := range wv {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			x, present := gv[k]
			if !present {
				if wv[k] == nil {
					continue // null ≡ absent for models
				}
				return fmt.Sprintf("%s.%s: %s was dropped (not a documented property?)", path, k, short(wv[k]))
			}
			if d := diff(path+"."+k, wv[k], x); d != "" {
				return d
			}
		}
		for k := range gv {
			if _, ok := wv[k]; !ok {
				return fmt.Sprintf("%s.%s: %s appeared", path, k, short(gv[k]))
			}
		}
		return ""
	case []any:
		gv, ok := g.([]any)
		if !ok || len(gv) != len(wv) {
			return fmt.Sprintf("%s: want %s, got %s", path, short(w), short(g))
		}
		for i := range wv {
			if d := diff(fmt.Sprintf("%s[%d]", path, i), wv[i], gv[i]); d != "" {
				return d
			}
		}
		return ""
	case json.Number:
		gv, ok := g.(json.Number)
		if !ok || !sameNumber(wv, gv) {
			return fmt.Sprintf("%s: want %s, got %s", path, wv, short(g))
		}
		return ""
	}
	if w != g {
		return fmt.Sprintf("%s: want %s, got %s", path, short(w), short(g))
	}
	return ""
}

func sameNumber(a, b json.Number) bool {
	if a == b {
		return true
	}
	x, _, err1 := big.ParseFloat(string(a), 10, 256, big.ToNearestEven)
	y, _, err2 := big.ParseFloat(string(b), 10, 256, big.ToNearestEven)
	return err1 == nil && err2 == nil && x.Cmp(y) == 0
}

func short(v any) string {
	b, _ := json.Marshal(v)
	s := string(b)
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// Report summarises a set of results.
type Report struct {
	Pages, Operations, Types, Enums int
	Results                         []Result
}

// Count returns how many results have outcome o.
func (r *Report) Count(o Outcome) int {
	n := 0
	for _, x := range r.Results {
		if x.Outcome == o {
			n++
		}
	}
	return n
}

// String renders the report for people: totals, then every example that did
// not round-trip, with its position.
func (r *Report) String() string {
	var b strings.Builder
	valid := len(r.Results) - r.Count(InvalidJSON)
	fmt.Fprintf(&b, "pages parsed:        %d\n", r.Pages)
	fmt.Fprintf(&b, "operations:          %d\n", r.Operations)
	fmt.Fprintf(&b, "types / enums:       %d / %d\n", r.Types, r.Enums)
	fmt.Fprintf(&b, "JSON examples:       %d (%d valid JSON, %d not)\n", len(r.Results), valid, r.Count(InvalidJSON))
	fmt.Fprintf(&b, "round-tripped:       %d of %d valid (%.2f%%)\n", r.Count(OK), valid, 100*float64(r.Count(OK))/float64(max(valid, 1)))
	for _, x := range r.Results {
		if x.Outcome != OK {
			fmt.Fprintf(&b, "  %s: %s %s example (%s): %s\n", x.Example.Pos, x.Outcome, x.Example.Role, x.Example.Type, x.Reason)
		}
	}
	return b.String()
}

// primitiveBody is a value to decode the response body of a primitive
// type into: {"value": v} (with annotations allowed around it), v of the
// Go type that holds the EDM type exactly (a collection: a slice of them).
func primitiveBody(edm string, collection bool) any {
	var v any
	switch strings.TrimPrefix(edm, "Edm.") {
	case "Boolean":
		v = new(bool)
	case "Int16", "Int32", "Int64", "Byte", "SByte":
		v = new(int64)
	case "Double", "Single", "Decimal":
		v = new(json.Number)
	default:
		v = new(string)
	}
	if collection {
		v = reflect.New(reflect.SliceOf(reflect.TypeOf(v).Elem())).Interface()
	}
	return &struct {
		Value any `json:"value"`
	}{Value: v}
}

package wire

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// encode is what a body field encodes to, or "absent" when omitzero omits it.
func encode[T any](o Optional[T]) string {
	if o.IsZero() {
		return "absent"
	}
	b, err := json.Marshal(o)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

func ptr[T any](v T) *T { return &v }

// TestChangedPtr: what <Op>BodyFromChanges sends for a pointer field.
func TestChangedPtr(t *testing.T) {
	for _, c := range []struct {
		name         string
		old, updated *Double
		want         string
	}{
		{"unchanged", ptr(Double(1.5)), ptr(Double(1.5)), "absent"},
		{"both absent", nil, nil, "absent"},
		{"changed", ptr(Double(1.5)), ptr(Double(2)), "2"},
		{"added", nil, ptr(Double(2)), "2"},
		{"removed", ptr(Double(1.5)), nil, "null"},
		{"NaN is unchanged", ptr(Double(math.NaN())), ptr(Double(math.NaN())), "absent"},
		{"to NaN", ptr(Double(1)), ptr(Double(math.NaN())), `"NaN"`},
	} {
		var dst Optional[Double]
		changedPtr(&dst, c.old, c.updated)
		assert.Equal(t, c.want, encode(dst), c.name)
	}
}

// TestChangedValue: slices, raw JSON and wrappers hold "nothing" themselves.
func TestChangedValue(t *testing.T) {
	for _, c := range []struct {
		name         string
		old, updated []string
		want         string
	}{
		{"unchanged", []string{"a"}, []string{"a"}, "absent"},
		{"changed", []string{"a"}, []string{"a", "b"}, `["a","b"]`},
		{"emptied", []string{"a"}, []string{}, `[]`},
		{"removed", []string{"a"}, nil, "null"},
		{"both nil", nil, nil, "absent"},
	} {
		var dst Optional[[]string]
		changedValue(&dst, c.old, c.updated, c.updated == nil)
		assert.Equal(t, c.want, encode(dst), c.name)
	}
	var raw Optional[json.RawMessage]
	changedValue(&raw, json.RawMessage(`{"a":1}`), json.RawMessage(`{"a":2}`), false)
	assert.Equal(t, `{"a":2}`, encode(raw))
}

// TestPtrOfValueOf: absent and null both read as nothing.
func TestPtrOfValueOf(t *testing.T) {
	assert.Nil(t, ptrOf(Optional[int32]{}))
	assert.Nil(t, ptrOf(Null[int32]()))
	assert.Equal(t, int32(7), *ptrOf(Some(int32(7))))
	assert.Nil(t, valueOf(Null[[]string]()))
	assert.Nil(t, valueOf(Optional[[]string]{}))
	assert.Equal(t, []string{"x"}, valueOf(Some([]string{"x"})))
}

package wire

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// keptModel is a model as docgen generates it: documented fields, Unknown,
// and the two methods.
type keptModel struct {
	ODataType *string     `json:"@odata.type,omitzero"`
	Name      *string     `json:"name,omitzero"`
	Size      *int64      `json:"size,omitzero"`
	Child     *keptModel  `json:"child,omitzero"`
	Items     []keptModel `json:"items,omitzero"`
	Unknown   Unknown     `json:"-"`
}

func (m *keptModel) UnmarshalJSON(data []byte) error {
	type plain keptModel
	return decodeKeeping(data, (*plain)(m), &m.Unknown)
}

func (m keptModel) MarshalJSON() ([]byte, error) {
	type plain keptModel
	return encodeKeeping((*plain)(&m), m.Unknown)
}

// TestUnknownKept: members a model does not document come back on encode,
// in order, after the documented ones, at every level; their values are
// kept as written (numbers beyond float64, escapes, nested objects).
func TestUnknownKept(t *testing.T) {
	in := `{"name":"a","future":{"x":[1,2,{"y":"}"}]},"size":3,"@odata.etag":"W/\"1\"",` +
		`"big":123456789012345678901234567890,"child":{"name":"b","newer":true},` +
		`"items":[{"name":"c","later":null}],"esc\u0061ped":"v"}`
	var m keptModel
	require.NoError(t, json.Unmarshal([]byte(in), &m))
	assert.Equal(t, []string{"future", "@odata.etag", "big", "escaped"}, m.Unknown.Names())
	assert.Equal(t, 4, m.Unknown.Len())
	v, ok := m.Unknown.Get("big")
	assert.True(t, ok)
	assert.Equal(t, "123456789012345678901234567890", string(v))
	_, ok = m.Unknown.Get("name")
	assert.False(t, ok, "documented members are fields, not Unknown")
	assert.Equal(t, []string{"newer"}, m.Child.Unknown.Names())
	assert.Equal(t, []string{"later"}, m.Items[0].Unknown.Names())

	out, err := json.Marshal(&m)
	require.NoError(t, err)
	assert.JSONEq(t, in, string(out))
	assert.Equal(t, `{"name":"a","size":3,"child":{"name":"b","newer":true},"items":[{"name":"c","later":null}],`+
		`"future":{"x":[1,2,{"y":"}"}]},"@odata.etag":"W/\"1\"","big":123456789012345678901234567890,"esc\u0061ped":"v"}`, string(out),
		"documented members first, in field order, then the unknown ones as they came")

	out, err = json.Marshal(m) // not addressable: the value receiver still writes them
	require.NoError(t, err)
	assert.JSONEq(t, in, string(out))
}

// TestUnknownReset: decoding into a used model replaces what it kept; null
// leaves it; a member encoding/json decodes case-insensitively into a field
// is not also kept (it would be written twice).
func TestUnknownReset(t *testing.T) {
	var m keptModel
	require.NoError(t, json.Unmarshal([]byte(`{"a":1}`), &m))
	require.NoError(t, json.Unmarshal([]byte(`{"b":2}`), &m))
	assert.Equal(t, []string{"b"}, m.Unknown.Names())
	require.NoError(t, json.Unmarshal([]byte(`null`), &m))
	assert.Equal(t, []string{"b"}, m.Unknown.Names())
	require.NoError(t, json.Unmarshal([]byte(`{"NAME":"x"}`), &m))
	assert.Equal(t, 0, m.Unknown.Len())
	assert.Equal(t, "x", *m.Name)
	assert.Error(t, json.Unmarshal([]byte(`{"size":"x","z":1}`), &m), "a bad documented member is still an error")
}

// TestUnknownSet: Set adds a member or replaces one, compacting its value;
// an invalid value is an error.
func TestUnknownSet(t *testing.T) {
	var m keptModel
	require.NoError(t, m.Unknown.Set("a", json.RawMessage(`{ "x" : 1 }`)))
	require.NoError(t, m.Unknown.Set("b\"", json.RawMessage(`2`)))
	require.NoError(t, m.Unknown.Set("a", json.RawMessage(`[3]`)))
	assert.Error(t, m.Unknown.Set("c", json.RawMessage(`{`)))
	out, err := json.Marshal(m)
	require.NoError(t, err)
	assert.Equal(t, `{"a":[3],"b\"":2}`, string(out))
}

// keptEntity is wireEntity (bench_test.go) as docgen generates it, with
// Unknown and its methods.
type keptEntity struct {
	wireEntity
	Unknown Unknown `json:"-"`
}

func (m *keptEntity) UnmarshalJSON(data []byte) error {
	return decodeKeeping(data, &m.wireEntity, &m.Unknown)
}

func (m keptEntity) MarshalJSON() ([]byte, error) {
	return encodeKeeping(&m.wireEntity, m.Unknown)
}

// BenchmarkUnknown: decode + encode of benchDoc, keeping unknown members
// (none here; then with three members the model does not know), against
// the same model without (wire) and plain encoding/json (see
// BENCHMARKS.md).
func BenchmarkUnknown(b *testing.B) {
	newer := []byte(benchDoc[:len(benchDoc)-1] + `,"newProperty":"x","newFlag":true,"newSettings":{"a":[1,2]}}`)
	run := func(b *testing.B, data []byte, v any) {
		b.ReportAllocs()
		for b.Loop() {
			if err := json.Unmarshal(data, v); err != nil {
				b.Fatal(err)
			}
			if _, err := json.Marshal(v); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("kept", func(b *testing.B) { run(b, benchData, new(keptEntity)) })
	b.Run("kept-newer", func(b *testing.B) { run(b, newer, new(keptEntity)) })
	b.Run("wire", func(b *testing.B) { run(b, benchData, new(wireEntity)) })
	b.Run("plain", func(b *testing.B) { run(b, benchData, new(plainEntity)) })
}

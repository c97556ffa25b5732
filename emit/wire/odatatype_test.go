package wire

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
)

// probeODataType decodes the annotation the way a generated model's
// ODataType field (a *string) does: a later null member clears an earlier
// value. "" when that fails or there is none.
func probeODataType(data []byte) string {
	var probe struct {
		ODataType *string `json:"@odata.type"`
	}
	if json.Unmarshal(data, &probe) != nil || probe.ODataType == nil {
		return ""
	}
	return *probe.ODataType
}

func TestODataTypeOf(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"@odata.type":"#microsoft.graph.x"}`, "#microsoft.graph.x"},
		{` { "id" : "1" , "@odata.type" : "#a.b" , "n": [1, {"@odata.type": "#inner"}] } `, "#a.b"},
		{`{"n": {"@odata.type": "#inner"}, "s": "}\"{", "a": [[], {}], "t": true, "f": -1.5e3}`, ""},
		{`{"@odata.type":"#first","@odata.type":"#last"}`, "#last"},
		{`{"\u0040odata.type":"#escaped.key"}`, "#escaped.key"},
		{`{"@ODATA.TYPE":"#folded"}`, "#folded"},
		{`{"@odata.type":"#esc\u0061ped\"value"}`, "#escaped\"value"},
		{`{"@odata.type":5}`, ""},
		{`{"@odata.type":null}`, ""},
		{`{"@odata.type":"#x","@odata.type":null}`, ""},
		{`{}`, ""},
		{`[{"@odata.type":"#x"}]`, ""},
		{`"@odata.type"`, ""},
		{``, ""},
		{`{"@odata.type":"#x"`, "#x"}, // unterminated object: what was read
		{`{"a":"unterminated`, ""},
		{`{"a":[1,2}`, ""},
	} {
		assert.Equal(t, c.want, odataTypeOf([]byte(c.in)), "%s", c.in)
	}
}

// FuzzODataTypeOf checks odataTypeOf against the probe it replaces on every
// valid JSON input (newPoly only sees input encoding/json validated).
func FuzzODataTypeOf(f *testing.F) {
	for _, s := range []string{
		`{"@odata.type":"#microsoft.graph.x","id":"1"}`,
		`{"a":{"@odata.type":"#y"},"@odata.type":"#x","b":[1,"2",{"c":null}]}`,
		`{"\u0040odata.type":"#x\n"}`,
		`{"@odata.type":"#a","@odata.type":"#b"}`,
		`{"@odata.type":"#a","@odata.type":null}`,
		`[1,2]`, `"x"`, `{}`, `{"@odata.type":true}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got := odataTypeOf(data) // must not panic on anything
		if !json.Valid(data) {
			return
		}
		if want := probeODataType(data); got != want {
			t.Fatalf("odataTypeOf(%q) = %q, the probe says %q", data, got, want)
		}
	})
}

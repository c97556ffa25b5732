package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"sync"
)

// Unknown holds the members of a JSON object that its model does not
// document (a property newer than the docs the model was generated from,
// an annotation such as "@odata.etag", the properties of a derived type
// outside the selection), in the order they came, as raw JSON. A model's
// MarshalJSON writes them back after its documented members, so decoding
// and encoding a response loses nothing whatever the age of the docs.
//
// The zero value holds nothing. Request bodies do not have one: they send
// what they document.
type Unknown struct {
	// members are the raw members, `"name":value` separated by commas,
	// without the braces; empty when there are none.
	members []byte
}

// Len is the number of members u holds.
func (u Unknown) Len() int {
	n := 0
	eachMember(u.object(), func([]byte, []byte) bool { n++; return true })
	return n
}

// Names are the names of the members u holds, in order.
func (u Unknown) Names() []string {
	var names []string
	eachMember(u.object(), func(name, _ []byte) bool {
		names = append(names, string(name))
		return true
	})
	return names
}

// Get returns the raw JSON value of the member called name, and whether u
// holds one (the first, if the object had two).
func (u Unknown) Get(name string) (json.RawMessage, bool) {
	var found json.RawMessage
	eachMember(u.object(), func(n, v []byte) bool {
		if string(n) == name {
			found = append(json.RawMessage(nil), v...)
			return false
		}
		return true
	})
	return found, found != nil
}

// Set adds the member name with the raw JSON value, or replaces the value
// of the member of that name. value must be valid JSON.
func (u *Unknown) Set(name string, value json.RawMessage) error {
	if !json.Valid(value) {
		return errors.New("Unknown.Set: value of " + name + " is not valid JSON")
	}
	key, err := json.Marshal(name)
	if err != nil {
		return err
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, value); err != nil {
		return err
	}
	var out []byte
	replaced := false
	eachMemberRaw(u.object(), func(n, raw, _ []byte) bool {
		if len(out) > 0 {
			out = append(out, ',')
		}
		if string(n) == name && !replaced {
			out = append(append(append(out, key...), ':'), compact.Bytes()...)
			replaced = true
		} else {
			out = append(out, raw...)
		}
		return true
	})
	if !replaced {
		if len(out) > 0 {
			out = append(out, ',')
		}
		out = append(append(append(out, key...), ':'), compact.Bytes()...)
	}
	u.members = out
	return nil
}

// object is u's members as a JSON object.
func (u Unknown) object() []byte {
	if len(u.members) == 0 {
		return nil
	}
	return append(append([]byte{'{'}, u.members...), '}')
}

// decodeKeeping decodes the JSON object data into plain, a pointer to a
// model's struct type without methods (so that encoding/json decodes its
// documented members), then keeps every member plain has no field for in
// u, which it replaces. data was validated by encoding/json, which calls
// the UnmarshalJSON this serves; a null leaves plain and u as they were.
func decodeKeeping(data []byte, plain any, u *Unknown) error {
	if err := json.Unmarshal(data, plain); err != nil {
		return err
	}
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	known := knownNames(reflect.TypeOf(plain).Elem())
	var kept []byte
	eachMemberRaw(data, func(name, raw, _ []byte) bool {
		if known.has(name) {
			return true
		}
		if len(kept) > 0 {
			kept = append(kept, ',')
		}
		kept = append(kept, raw...)
		return true
	})
	u.members = kept
	return nil
}

// encodeKeeping encodes plain (a pointer to a model's struct type without
// methods), then writes the members u holds after the documented ones.
func encodeKeeping(plain any, u Unknown) ([]byte, error) {
	b, err := json.Marshal(plain)
	if err != nil || len(u.members) == 0 {
		return b, err
	}
	if len(b) < 2 || b[len(b)-1] != '}' {
		return b, nil // not an object: nothing to add to
	}
	out := make([]byte, 0, len(b)+len(u.members)+1)
	out = append(out, b[:len(b)-1]...)
	if len(b) > 2 {
		out = append(out, ',')
	}
	out = append(out, u.members...)
	return append(out, '}'), nil
}

// knownSet are the member names a model's fields decode, as encoding/json
// matches them: exactly, or else case-insensitively.
type knownSet struct {
	exact map[string]bool
	names []string
}

// has reports whether encoding/json decodes the member name into a field.
func (k *knownSet) has(name []byte) bool {
	if k.exact[string(name)] { // no allocation: a map index by string(bytes)
		return true
	}
	for _, n := range k.names {
		if bytes.EqualFold([]byte(n), name) {
			return true
		}
	}
	return false
}

var knownCache sync.Map // reflect.Type → *knownSet

// knownNames is the knownSet of the struct type t.
func knownNames(t reflect.Type) *knownSet {
	if k, ok := knownCache.Load(t); ok {
		return k.(*knownSet)
	}
	k := &knownSet{exact: map[string]bool{}}
	for i := range t.NumField() {
		if name, ok := jsonName(t.Field(i)); ok {
			k.exact[name] = true
			k.names = append(k.names, name)
		}
	}
	actual, _ := knownCache.LoadOrStore(t, k)
	return actual.(*knownSet)
}

// eachMember calls fn with the name and raw value of each member of the
// JSON object data, which must be valid JSON, in order, until fn returns
// false. Anything but an object has no members.
func eachMember(data []byte, fn func(name, value []byte) bool) {
	eachMemberRaw(data, func(name, _, value []byte) bool { return fn(name, value) })
}

// eachMemberRaw is eachMember that also passes the whole member as it is
// written, from its name's opening quote to the end of its value.
func eachMemberRaw(data []byte, fn func(name, raw, value []byte) bool) {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return
	}
	i++
	for {
		i = skipSpace(data, i)
		if i >= len(data) || data[i] != '"' {
			return
		}
		start := i
		end := valueEnd(data, i)
		if end < 0 {
			return
		}
		name := memberName(data[start:end])
		i = skipSpace(data, end)
		if i >= len(data) || data[i] != ':' {
			return
		}
		i = skipSpace(data, i+1)
		vstart := i
		if i = valueEnd(data, i); i < 0 {
			return
		}
		if !fn(name, data[start:i], data[vstart:i]) {
			return
		}
		i = skipSpace(data, i)
		if i >= len(data) || data[i] != ',' {
			return
		}
		i++
	}
}

// memberName is the text of the JSON string quoted (with its quotes): a
// slice of quoted unless it has escapes.
func memberName(quoted []byte) []byte {
	if bytes.IndexByte(quoted, '\\') < 0 && len(quoted) >= 2 {
		return quoted[1 : len(quoted)-1]
	}
	var s string
	if json.Unmarshal(quoted, &s) != nil {
		return nil
	}
	return []byte(s)
}

// Reference is the body of a request that adds or sets a relationship (a
// POST or PUT to a path ending in "/$ref"): the entity referred to, by its
// URL, such as
//
//	{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}
type Reference struct {
	// ODataID is the URL of the entity referred to ("@odata.id").
	ODataID string `json:"@odata.id"`
}

// Validate reports an empty ODataID.
func (r *Reference) Validate() error {
	var errs ValidationError
	if r.ODataID == "" {
		errs.addRule("required", "@odata.id", "required property is not set")
	}
	return errs.Err()
}

// CheckReadOnly reports nothing: a reference has no read-only member.
func (r *Reference) CheckReadOnly() error { return nil }

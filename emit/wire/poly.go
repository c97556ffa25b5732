package wire

import "encoding/json"

// Polymorphism: the helpers behind the generated <T>Kind interfaces and
// Any<T> wrappers, which hold a model of a type hierarchy chosen by
// "@odata.type".

// polyModel is what every model in a type hierarchy implements.
type polyModel interface {
	// odataType returns the model's "#microsoft.graph.x" name and whether
	// its ODataType field is set.
	odataType() (string, bool)
}

// odataTypeOr is the type data's "@odata.type" names (see odataTypeOf),
// or base when it names none: the model an Any wrapper decodes data into.
func odataTypeOr(data []byte, base string) string {
	if name := odataTypeOf(data); name != "" {
		return name
	}
	return base
}

// encodePoly encodes v, adding "@odata.type" when v is of a type derived
// from base ("#microsoft.graph.x") and does not set the annotation itself.
func encodePoly(v polyModel, base string) ([]byte, error) {
	b, err := json.Marshal(v)
	typeName, set := v.odataType()
	if err != nil || set || typeName == base || len(b) < 2 || b[0] != '{' {
		return b, err
	}
	name, _ := json.Marshal(typeName)
	out := append([]byte(`{"@odata.type":`), name...)
	if len(b) > 2 {
		out = append(out, ',')
	}
	return append(out, b[1:]...), nil
}

package wire

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The types below are shaped as docgen generates them: a model with pointer,
// slice, raw and wrapper fields carrying their rules in "docgen" tags, and a
// request body of Optional fields.

type testColor string

func (c testColor) Known() bool { return c == "red" || c == "blue" }

type testKind interface{ isTestModel() }

// testAny is shaped as an Any wrapper: untagged Value and Raw.
type testAny struct {
	Value testKind
	Raw   json.RawMessage
}

type testModel struct {
	ODataType *string         `json:"@odata.type,omitzero"`
	Name      *string         `json:"name,omitzero" docgen:"maxLength=3,required"`
	Score     *Double         `json:"score,omitzero" docgen:"range=0..100"`
	Count     *int32          `json:"count,omitzero" docgen:"range=1.."`
	Price     *json.Number    `json:"price,omitzero" docgen:"range=..9.5"`
	Color     *testColor      `json:"color,omitzero"`
	Colors    []testColor     `json:"colors,omitzero" docgen:"maxItems=2,minItems=1"`
	Tags      []string        `json:"tags,omitzero" docgen:"maxLength=2,minLength=1,required"`
	When      *DateTimeOffset `json:"when,omitzero"`
	Raw       json.RawMessage `json:"raw,omitzero" docgen:"required"`
	Child     *testModel      `json:"child,omitzero"`
	Children  []testModel     `json:"children,omitzero"`
	Any       testAny         `json:"any,omitzero"`
	Ignored   *string         `json:"-"`
}

func (*testModel) isTestModel() {}

type testBody struct {
	ODataType Optional[string]          `json:"@odata.type,omitzero"`
	Name      Optional[string]          `json:"name,omitzero" docgen:"maxLength=3,required,readOnly"`
	Score     Optional[Double]          `json:"score,omitzero" docgen:"range=0..100"`
	Colors    Optional[[]testColor]     `json:"colors,omitzero" docgen:"maxItems=2,minItems=1"`
	Raw       Optional[json.RawMessage] `json:"raw,omitzero"`
	Child     Optional[testModel]       `json:"child,omitzero" docgen:"readOnly"`
	Any       Optional[testAny]         `json:"any,omitzero"`
}

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

// TestFromChangesPointer: what SetChanges sends for a pointer field.
func TestFromChangesPointer(t *testing.T) {
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
		var b testBody
		fromChanges(&b, &testModel{Score: c.old}, &testModel{Score: c.updated})
		assert.Equal(t, c.want, encode(b.Score), c.name)
		assert.Equal(t, "absent", encode(b.Name), c.name)
	}
}

// TestFromChangesValue: slices, raw JSON and wrappers hold "nothing"
// themselves; nested models compare deeply.
func TestFromChangesValue(t *testing.T) {
	for _, c := range []struct {
		name         string
		old, updated []testColor
		want         string
	}{
		{"unchanged", []testColor{"red"}, []testColor{"red"}, "absent"},
		{"changed", []testColor{"red"}, []testColor{"red", "blue"}, `["red","blue"]`},
		{"emptied", []testColor{"red"}, []testColor{}, `[]`},
		{"removed", []testColor{"red"}, nil, "null"},
		{"both nil", nil, nil, "absent"},
	} {
		var b testBody
		fromChanges(&b, &testModel{Colors: c.old}, &testModel{Colors: c.updated})
		assert.Equal(t, c.want, encode(b.Colors), c.name)
	}

	var b testBody
	fromChanges(&b,
		&testModel{Raw: json.RawMessage(`{"a":1}`), Child: &testModel{Name: ptr("x")}, Any: testAny{Value: &testModel{}}},
		&testModel{Raw: json.RawMessage(`{"a":2}`), Child: &testModel{Name: ptr("y")}})
	assert.Equal(t, `{"a":2}`, encode(b.Raw))
	assert.Equal(t, `{"name":"y"}`, encode(b.Child))
	assert.Equal(t, "null", encode(b.Any), "an emptied wrapper is sent as null")

	// nil stands for an empty model; "@odata.type" is the caller's.
	b = testBody{}
	fromChanges(&b, (*testModel)(nil), &testModel{ODataType: ptr("#x"), Name: ptr("n")})
	assert.Equal(t, `"n"`, encode(b.Name))
	assert.Equal(t, "absent", encode(b.ODataType))
	b = testBody{}
	fromChanges(&b, &testModel{Name: ptr("n")}, (*testModel)(nil))
	assert.Equal(t, "null", encode(b.Name))
}

func problems(err error) []Problem {
	if err == nil {
		return nil
	}
	return err.(*ValidationError).Problems
}

// TestValidateModel: every rule kind, at the paths of nested models,
// collection items and wrapped models, in field order.
func TestValidateModel(t *testing.T) {
	assert.NoError(t, validateModel(&testModel{}))
	assert.NoError(t, validateModel((*testModel)(nil)))
	ok := &testModel{Name: ptr("abc"), Score: ptr(Double(100)), Count: ptr(int32(1)), Price: ptr(json.Number("9.5")),
		Color: ptr(testColor("red")), Colors: []testColor{"blue"}, Tags: []string{"ab"}, When: ptr(DateTimeOffset("2021-01-01T00:00:00Z"))}
	assert.NoError(t, validateModel(ok))
	// A wrapper holding a type this package does not know keeps it raw:
	// nothing to check, nothing to trip over.
	assert.NoError(t, validateModel(&testModel{Any: testAny{Raw: json.RawMessage(`{"@odata.type":"#x.y","name":"toolong"}`)}}))

	m := &testModel{
		Name:     ptr("abcd"),
		Score:    ptr(Double(100.5)),
		Count:    ptr(int32(0)),
		Price:    ptr(json.Number("10")),
		Color:    ptr(testColor("green")),
		Colors:   []testColor{"red", "blue", "pink"},
		Tags:     []string{"abc", ""},
		When:     ptr(DateTimeOffset("yesterday")),
		Child:    &testModel{Score: ptr(Double(-1))},
		Children: []testModel{{}, {Color: ptr(testColor("x"))}},
		Any:      testAny{Value: &testModel{Name: ptr("long")}},
	}
	assert.Equal(t, []Problem{
		{"name", "length 4 breaks the documented limit (at most 3)", "maxLength"},
		{"score", "100.5 is out of the documented range (0 to 100)", "range"},
		{"count", "0 is out of the documented range (at least 1)", "range"},
		{"price", "10 is out of the documented range (at most 9.5)", "range"},
		{"color", `undocumented value "green"`, "enum"},
		{"colors", "item count 3 breaks the documented limit (at most 2)", "maxItems"},
		{"colors[2]", `undocumented value "pink"`, "enum"},
		{"tags[0]", "length 3 breaks the documented limit (at most 2)", "maxLength"},
		{"tags[1]", "length 0 breaks the documented limit (at least 1)", "minLength"},
		{"when", DateTimeOffset("yesterday").Validate().Error(), "format"},
		{"child.score", "-1 is out of the documented range (0 to 100)", "range"},
		{"children[1].color", `undocumented value "x"`, "enum"},
		{"any.name", "length 4 breaks the documented limit (at most 3)", "maxLength"},
	}, problems(validateModel(m)))

	// minItems holds for a present collection only; NaN and unparsable
	// decimals are outside no range (the wire check reports the latter).
	assert.Equal(t, []Problem{{"colors", "item count 0 breaks the documented limit (at least 1)", "minItems"}},
		problems(validateModel(&testModel{Colors: []testColor{}, Score: ptr(Double(math.NaN())), Price: ptr(json.Number("x"))})))
}

// TestValidateBody: the set values are checked as in the model; absent and
// null are not; required properties must hold a value.
func TestValidateBody(t *testing.T) {
	b := &testBody{
		Name:   Some("abcd"),
		Score:  Null[Double](),
		Colors: Some([]testColor{"red", "blue", "x"}),
		Child:  Some(testModel{Count: ptr(int32(-5))}),
		Any:    Some(testAny{Value: &testModel{Color: ptr(testColor("y"))}}),
	}
	assert.Equal(t, []Problem{
		{"name", "length 4 breaks the documented limit (at most 3)", "maxLength"},
		{"colors", "item count 3 breaks the documented limit (at most 2)", "maxItems"},
		{"colors[2]", `undocumented value "x"`, "enum"},
		{"child.count", "-5 is out of the documented range (at least 1)", "range"},
		{"any.color", `undocumented value "y"`, "enum"},
	}, problems(validateBody(b)))

	assert.Equal(t, []Problem{{"name", "required property is not set", "required"}}, problems(validateBody(&testBody{})))
	assert.Equal(t, []Problem{{"name", "required property is not set", "required"}}, problems(validateBody(&testBody{Name: Null[string]()})))
	assert.NoError(t, validateBody(&testBody{Name: Some("ab")}))
}

// TestWithout: Without drops the problems of one rule only, nested ones
// included, and is nil when nothing else is left.
func TestWithout(t *testing.T) {
	b := &testBody{
		Name:   Some("ab"),
		Colors: Some([]testColor{"red", "magenta"}),
		Any:    Some(testAny{Value: &testModel{Color: ptr(testColor("y")), Count: ptr(int32(0))}}),
	}
	err := validateBody(b)
	require.Len(t, problems(err), 3)
	rest := err.(*ValidationError).Without("enum")
	assert.Equal(t, []Problem{{"any.count", "0 is out of the documented range (at least 1)", "range"}}, problems(rest))
	assert.Len(t, problems(err), 3, "Without leaves e as it was")

	b.Any = Some(testAny{Value: &testModel{Color: ptr(testColor("y"))}})
	err = validateBody(b)
	require.Len(t, problems(err), 2)
	assert.NoError(t, err.(*ValidationError).Without("enum"))
	assert.Equal(t, err, err.(*ValidationError).Without("range"))
	assert.NoError(t, (*ValidationError)(nil).Without("enum"))
}

func TestCheckReadOnly(t *testing.T) {
	assert.NoError(t, checkReadOnly(&testBody{Score: Some(Double(1))}))
	assert.Equal(t, []Problem{
		{"name", "read-only property is set", "readOnly"},
		{"child", "read-only property is set", "readOnly"},
	}, problems(checkReadOnly(&testBody{Name: Some("a"), Child: Null[testModel]()})))
}

func TestCheckRequired(t *testing.T) {
	assert.Equal(t, []Problem{
		{"name", "required property is not set", "required"},
		{"tags", "required property is not set", "required"},
		{"raw", "required property is not set", "required"},
	}, problems(checkRequired(&testModel{Raw: json.RawMessage{}})))
	require.NoError(t, checkRequired(&testModel{Name: ptr(""), Tags: []string{}, Raw: json.RawMessage("1")}))
}

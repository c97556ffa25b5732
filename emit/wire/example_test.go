package wire

import (
	"encoding/json"
	"fmt"
	"time"
)

func ExampleOptional() {
	type UserPatch struct {
		JobTitle       Optional[string] `json:"jobTitle,omitzero"`
		OfficeLocation Optional[string] `json:"officeLocation,omitzero"`
		MobilePhone    Optional[string] `json:"mobilePhone,omitzero"`
	}
	// Set one property, clear another, leave the third alone.
	b, _ := json.Marshal(UserPatch{JobTitle: Some("Engineer"), OfficeLocation: Null[string]()})
	fmt.Println(string(b))
	// Output: {"jobTitle":"Engineer","officeLocation":null}
}

func ExampleDuration_Std() {
	for _, d := range []Duration{"-PT3M22.1587532S", "P2W", "P1M"} {
		v, err := d.Std()
		fmt.Println(v, err)
	}
	fmt.Println(NewDuration(-(3*time.Minute + 22158753200)), NewDuration(14*24*time.Hour))
	// Output:
	// -3m22.1587532s <nil>
	// 336h0m0s <nil>
	// 0s Duration "P1M": duration with years or months has no fixed length
	// -PT3M22.1587532S P14D
}

func ExampleValidationError() {
	var errs ValidationError
	if err := Duration("P1DT").Validate(); err != nil {
		errs.Add("reminder", "%v", err)
	}
	errs.Add("subject", "length %d breaks the documented limit", 300)
	fmt.Println(errs.Err())
	// Output: reminder: invalid Duration "P1DT": no component after 'T'; subject: length 300 breaks the documented limit
}

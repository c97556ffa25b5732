package main

import (
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var out strings.Builder
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	want := "PATCH https://graph.microsoft.com/beta/deviceManagement/mobileThreatDefenseConnectors/e4bede14-de14-e4be-14de-bee414debee4\n" +
		`{"androidEnabled":null,"partnerUnresponsivenessThresholdInDays":14}` + "\n"
	if out.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", out.String(), want)
	}
}

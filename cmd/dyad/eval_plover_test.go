package main

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"testing"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/shareddata"
)

// TestEvalPloverFloor runs 'dyad eval plover' on the PLOVER gold records'
// dev half and fails if (type, actor, recipient) F1 falls below the
// issue's bar, 0.75, which the coder now reaches.
func TestEvalPloverFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the full pipeline over the gold records")
	}
	gold := shareddata.Require(t, "plover-gsr", "PLOVER_GSR_CAMEO.dev.json")
	var out, errb bytes.Buffer
	if code := evalPlover(context.Background(), env{nil, &out, &errb}, []string{gold}); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	m := regexp.MustCompile(`precision ([0-9.]+)\s+recall ([0-9.]+)\s+F1 ([0-9.]+)`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no scores in:\n%s", out.String())
	}
	f1, _ := strconv.ParseFloat(m[3], 64)
	const bar = 0.75
	if f1 < bar {
		t.Errorf("PLOVER dev F1 %.3f (P %s, R %s) below the bar %.2f (a regression)", f1, m[1], m[2], bar)
	}
}

func TestScoreCode(t *testing.T) {
	tests := []struct {
		p    *event.Participant
		want string
	}{
		{nil, ""},
		{&event.Participant{Country: "TUR", Sector: "GOV"}, "TUR"},
		{&event.Participant{Country: "NATO", Sector: "IGO"}, "IGO"},
		{&event.Participant{Country: "", Sector: "IGO"}, "IGO"},
		{&event.Participant{Country: "ALQAEDA", Sector: "REB"}, "IMG"},
		{&event.Participant{Country: "HRWATCH", Sector: "NGO"}, "NGO"},
		{&event.Participant{Country: "NGO", Sector: "NGO"}, "NGO"}, // actor.NGO: an NGO of no named state
		{&event.Participant{Country: "USA", Sector: "NGODEV"}, "USA"},
		{&event.Participant{Country: "ICRC", Sector: ""}, "IGO"},
		{&event.Participant{Country: "", Sector: "REB"}, ""},
	}
	for _, tc := range tests {
		if got := scoreCode(tc.p); got != tc.want {
			t.Errorf("scoreCode(%+v) = %q, want %q", tc.p, got, tc.want)
		}
	}
}

package pipeline

import (
	"testing"
	"time"
)

// TestPersonsAsOfEventDate checks that a named person is coded with the
// office held on the date the sentence gives the act, when that differs
// from the article's date, and only for a date of the act's own clause.
func TestPersonsAsOfEventDate(t *testing.T) {
	p := load(t)
	p.Published = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text, trigger, want string
	}{
		{"a past meeting is the then president's",
			"Michel Aoun met the French ambassador in Beirut in 2021.", "met", "LBNGOV"},
		{"with no date of its own, the article's date",
			"Michel Aoun met the French ambassador in Beirut.", "met", "LBNELI"},
		{"a date in a relative clause is not the act's",
			"Michel Aoun, who was elected in 2016, has met the French ambassador in Beirut.", "met", "LBNELI"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, e := range triggered(t, p, tc.text, tc.trigger) {
				if e.Actor.Code != tc.want {
					t.Errorf("%s: actor %s, want %s", tc.trigger, e.Actor.Code, tc.want)
				}
			}
		})
	}
}

// TestAnnouncedDates checks that a date with no year of its own looks
// forward for an act announced with "will" and back for one reported.
func TestAnnouncedDates(t *testing.T) {
	p := load(t)
	p.Published = time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text, trigger, want string
	}{
		{"announced", "Chile will host talks with Peru in June.", "host", "2025-06-01"},
		{"reported", "Chile hosted talks with Peru in June.", "hosted", "2024-06-01"},
		{"announced, a day", "Chile will sign the treaty with Peru on 3 February.", "sign", "2025-02-03"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, e := range triggered(t, p, tc.text, tc.trigger) {
				if e.Date != tc.want {
					t.Errorf("%s: date %s, want %s", tc.trigger, e.Date, tc.want)
				}
			}
		})
	}
}

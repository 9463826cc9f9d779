package event

import (
	"regexp"
	"strings"
	"testing"
)

// dateGates pairs each date expression with the cue findDates tests
// before running it: the cue must hold in every text the expression
// matches, or findDates would miss dates.
var dateGates = []struct {
	name string
	re   *regexp.Regexp
	cue  func(text string) bool
}{
	{"ISO", reISO, hasASCIIDigit},
	{"day month", reDayMonth, func(s string) bool { return hasASCIIDigit(s) && hasMonthAbbrev(s) }},
	{"month day", reMonthDay, func(s string) bool { return hasASCIIDigit(s) && hasMonthAbbrev(s) }},
	{"month year", reMonthYear, func(s string) bool { return hasASCIIDigit(s) && hasMonthAbbrev(s) }},
	{"in month", reInMonth, hasMonthAbbrev},
	{"year", reYear, func(s string) bool { return strings.Contains(s, "19") || strings.Contains(s, "20") }},
	{"weekday", reWeekday, func(s string) bool { return strings.Contains(s, "day") }},
	{"relative", reRelative, func(s string) bool {
		low := strings.ToLower(s)
		return strings.Contains(low, "day") || strings.Contains(low, "tonight") || strings.Contains(low, "week") ||
			strings.Contains(low, "month") || strings.Contains(low, "year") || strings.Contains(low, "ago")
	}},
}

func hasASCIIDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// dateGateSeeds are sentences written for this test, with and without
// dates, in the forms the expressions know and a few they must not.
var dateGateSeeds = []string{
	"The talks in Baku ended on 10 December 2019 after three days.",
	"On Sept. 3, the ministers met again; they had met on March 4th, 2020.",
	"Protests began in mid-June and grew until early Oct.",
	"The ceasefire has held since the year 2014, officials said on Tuesday.",
	"Last Friday the army withdrew; a week ago it had advanced.",
	"YESTERDAY the council voted, and LAST MONTH it had refused.",
	"The laſt weeK of talks was held in 2020-02-29 style notation.",
	"Maya and Junior went to Decatur in Augusta on Monday.",
	"No date here at all, just words.",
	"Elections are due in 1999 or by 2031, according to the plan of 20 members.",
}

func TestDateGates(t *testing.T) {
	for _, g := range dateGates {
		for _, s := range dateGateSeeds {
			if !g.cue(s) && g.re.MatchString(s) {
				t.Errorf("%s: %q matches without its cue", g.name, s)
			}
		}
	}
	// The seeds must exercise every expression at least once.
	for _, g := range dateGates {
		found := false
		for _, s := range dateGateSeeds {
			found = found || g.re.MatchString(s)
		}
		if !found {
			t.Errorf("%s: no seed matches", g.name)
		}
	}
}

func FuzzDateGates(f *testing.F) {
	for _, s := range dateGateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, g := range dateGates {
			if !g.cue(s) && g.re.MatchString(s) {
				t.Errorf("%s: %q matches without its cue", g.name, s)
			}
		}
	})
}

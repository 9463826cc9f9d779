package ner

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/nlp"
)

func TestRules(t *testing.T) {
	tests := []struct {
		text string
		want map[string]string
	}{
		{"He arrived on 10 December and left on December 12, 2020.", map[string]string{"10 December": DATE, "December 12, 2020": DATE}},
		{"It happened in 2009 and again last Tuesday.", map[string]string{"2009": DATE, "last Tuesday": DATE}},
		{"Trade grew 12.5 percent to $5 million, or 91% of 400,000 tonnes.", map[string]string{"12.5 percent": PERCENT, "$5 million": MONEY, "91%": PERCENT, "400,000": CARDINAL}},
		{"The talks began at 10:30 and ended at 9 p.m. yesterday.", map[string]string{"10:30": TIME, "9 p.m.": TIME, "yesterday": DATE}},
		{"They paid 300 dollars three years ago.", map[string]string{"300 dollars": MONEY, "three years ago": DATE}},
		{"The launch came at 7:49 a.m. UTC, and the landing at 0040 GMT.", map[string]string{"7:49 a.m. UTC": TIME, "0040 GMT": TIME}},
	}
	for _, tt := range tests {
		d := nlp.Segment(tt.text)
		var ents []nlp.Entity
		for si := range d.Sentences {
			ents = appendRules(ents, len(ents), &d.Sentences[si], si)
		}
		got := map[string]string{}
		for _, e := range ents {
			got[d.Text[e.Start:e.End]] = e.Label
		}
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("%q: %q = %q, want %q (all %v)", tt.text, k, got[k], v, got)
			}
		}
	}
}

func TestRulesRespectNames(t *testing.T) {
	d := nlp.Segment("Apollo 11 landed.")
	s := &d.Sentences[0]
	ents := []nlp.Entity{{Span: nlp.Span{Start: 0, End: 9}, Label: "ORG", Tokens: [2]int{0, 2}}}
	ents = appendRules(ents, 0, s, 0)
	if len(ents) != 1 {
		t.Errorf("rule entity overlaps a name: %+v", ents)
	}
}

// FuzzRuleClass: the classes ruleClass finds once per token are what the
// rules' word lists and numeral tests say of the token.
func FuzzRuleClass(f *testing.F) {
	for _, w := range []string{"May", "10", "10th", "1990s", "2020", "10:30", "9:05:10", "Tuesday", "$", "US$", "percent", "noon", "", "3.5", "1/2", "dozens", "İ"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, text string) {
		w := strings.ToLower(text)
		c := ruleClass(w, text)
		for _, tt := range []struct {
			bit  uint32
			want bool
		}{
			{cMonth, months[w]}, {cDateWord, dateWords[w]}, {cDateMod, dateMods[w]}, {cDateUnit, dateUnits[w]},
			{cYearPrep, yearPreps[w]}, {cScale, scales[w]}, {cNumberWord, numberWords[w]},
			{cCurrencySymbol, currencySymbols[w]}, {cCurrencyWord, currencyWords[w]}, {cTimeSuffix, timeSuffix[w]},
			{cTimeZone, timeZones[w]},
			{cNoon, w == "noon" || w == "midnight"}, {cWeekday, nlp.IsWeekday(w)},
			{cNumber, isNumber(w)}, {cYear, isYear(w)}, {cDecade, isDecade(w)}, {cDay, isDay(w)}, {cClock, isClock(w)},
			{cCapital, capitalised(text)},
		} {
			if got := c&tt.bit != 0; got != tt.want {
				t.Errorf("%q: class %#x is %v, want %v", text, tt.bit, got, tt.want)
			}
		}
	})
}

// BenchmarkRules times the rule entities of a sentence with dates,
// amounts and numbers (own text), the classes of its tokens included.
func BenchmarkRules(b *testing.B) {
	d := nlp.Segment("On Tuesday, 10 December 2019, the ministry said exports rose 12.5 percent to $5 million at 10:30 a.m., three years after 400,000 tonnes left in March.")
	s := &d.Sentences[0]
	var m ruleMatcher
	var ents []nlp.Entity
	for b.Loop() {
		ents = m.appendRules(ents[:0], 0, s, 0, nil)
	}
}

package ner

import (
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

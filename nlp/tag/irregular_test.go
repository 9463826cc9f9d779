package tag

import (
	"strings"
	"testing"
)

func TestIrregularBase(t *testing.T) {
	tests := []struct{ form, want string }{
		{"fled", "flee"},
		{"fought", "fight"},
		{"shot", "shoot"},
		{"withdrawn", "withdraw"},
		{"became", "become"},
		{"undertook", "undertake"}, // a prefix keeps the inflection
		{"withheld", "withhold"},
		{"overran", "overrun"},
		{"found", ""}, // find or found: left to the learned rules
		{"saw", ""},
		{"signed", ""}, // regular
		{"rely", ""},
	}
	for _, tc := range tests {
		got, ok := irregularBase([]byte(tc.form))
		if ok != (tc.want != "") || got != tc.want {
			t.Errorf("irregularBase(%q) = %q, %v; want %q", tc.form, got, ok, tc.want)
		}
	}
	for form, base := range irregularPast {
		if form == base || strings.ContainsAny(form, " -") {
			t.Errorf("irregularPast[%q] = %q: a form must differ from its base", form, base)
		}
	}
}

// TestIrregularLemmas checks that past forms rare in the training data get
// their verb's lemma in news sentences, also when the tagger reads a past
// as a present ("shot dead").
func TestIrregularLemmas(t *testing.T) {
	tg := load(t)
	tests := []struct{ text, word, lemma string }{
		{"Thousands fled the fighting in the north .", "fled", "flee"},
		{"The army fought the rebels for a week .", "fought", "fight"},
		{"Gunmen shot dead four policemen .", "shot", "shoot"},
		{"The envoy undertook a mediation mission .", "undertook", "undertake"},
	}
	for _, tc := range tests {
		s := sentence(tc.text)
		tg.Tag(s)
		found := false
		for _, tok := range s.Tokens {
			if tok.Text == tc.word {
				found = true
				if tok.Lemma != tc.lemma {
					t.Errorf("%q: lemma of %q = %q (%s), want %q", tc.text, tc.word, tok.Lemma, tok.XPOS, tc.lemma)
				}
			}
		}
		if !found {
			t.Fatalf("%q has no token %q", tc.text, tc.word)
		}
	}
}

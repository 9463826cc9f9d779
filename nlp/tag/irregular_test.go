package tag

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/nlp"
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

// TestIrregularFix checks that an unknown prefixed irregular past is
// tagged as a verb's past, with its lemma, and that nouns and base-like
// forms are left alone.
func TestIrregularFix(t *testing.T) {
	tg := load(t)
	tests := []struct {
		text, word, xpos, lemma string
	}{
		{"Chilean troops retook the town on Monday.", "retook", "VBD", "retake"},
		{"The rebels overran the base at dawn.", "overran", "VBD", "overrun"},
		{"The town was retaken by the army.", "retaken", "VBN", "retake"},
		{"From the outset, the talks went badly.", "outset", "NN", "outset"},
	}
	for _, tc := range tests {
		doc := nlp.Segment(tc.text)
		s := &doc.Sentences[0]
		tg.Tag(s)
		found := false
		for _, tok := range s.Tokens {
			if tok.Text != tc.word {
				continue
			}
			found = true
			if tok.XPOS != tc.xpos || tok.Lemma != tc.lemma {
				t.Errorf("%q in %q: %s %s, want %s %s", tc.word, tc.text, tok.XPOS, tok.Lemma, tc.xpos, tc.lemma)
			}
		}
		if !found {
			t.Errorf("no token %q in %q", tc.word, tc.text)
		}
	}
}

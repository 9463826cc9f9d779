package ner

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/nlp"
)

func TestAcronymOf(t *testing.T) {
	for _, tc := range []struct {
		acr, name string
		want      bool
	}{
		{"APEC", "Asia-Pacific Economic Cooperation", true},
		{"NATO", "North Atlantic Treaty Organization", true},
		{"ISIL", "Islamic State of Iraq and the Levant", true},
		{"U.N.", "United Nations", true},
		{"FBI", "Federal Bureau of Investigation", true},
		{"UN", "Security Council", false},        // first letter differs
		{"ABC", "Asia Bank", false},              // more letters than initials
		{"A", "Asia", false},                     // one letter
		{"Apec", "Asia-Pacific Economic", false}, // not all capitals
	} {
		d := nlp.Segment(tc.name)
		if got := acronymOf(tc.acr, d.Sentences[0].Tokens); got != tc.want {
			t.Errorf("acronymOf(%q, %q) = %v, want %v", tc.acr, tc.name, got, tc.want)
		}
	}
}

// ents lists a document's entities as "text/LABEL".
func ents(d *nlp.Doc) string {
	var out []string
	for _, e := range d.Entities {
		out = append(out, e.Text(d)+"/"+e.Label)
	}
	return strings.Join(out, " ")
}

func TestPropagate(t *testing.T) {
	// entities given by token ranges per sentence, as the model would leave them
	type ent struct {
		sent, from, to int
		label          string
	}
	for _, tc := range []struct {
		name, text string
		ents       []ent
		want       string
	}{
		{"acronym", "The Asia-Pacific Economic Cooperation ( APEC ) met . APEC leaders left .",
			[]ent{{0, 1, 6, "ORG"}},
			"Asia-Pacific Economic Cooperation/ORG APEC/ORG APEC/ORG"},
		{"multi-word name repeated", "He joined Perth Glory in May . Fans of Perth Glory cheered .",
			[]ent{{0, 2, 4, "ORG"}},
			"Perth Glory/ORG Perth Glory/ORG"},
		{"surname", "Ilham Aliyev spoke . Officials said Aliyev left .",
			[]ent{{0, 0, 2, "PER"}},
			"Ilham Aliyev/PER Aliyev/PER"},
		{"majority type", "Glory won . Glory lost . Glory drew .",
			[]ent{{0, 0, 1, "ORG"}, {1, 0, 1, "ORG"}, {2, 0, 1, "PER"}},
			"Glory/ORG Glory/ORG Glory/ORG"},
		{"not inside a longer run", "Perth Glory won . Perth Glory Stadium is new .",
			[]ent{{0, 0, 2, "ORG"}},
			"Perth Glory/ORG"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := nlp.Segment(tc.text)
			for _, e := range tc.ents {
				toks := d.Sentences[e.sent].Tokens
				d.Entities = append(d.Entities, nlp.Entity{
					Span:  nlp.Span{Start: toks[e.from].Span.Start, End: toks[e.to-1].Span.End},
					Label: e.label, Sentence: e.sent, Tokens: [2]int{e.from, e.to},
				})
			}
			propagate(d)
			if got := ents(d); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

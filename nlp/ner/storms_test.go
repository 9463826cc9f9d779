package ner

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/nlp"
)

func TestDropStorms(t *testing.T) {
	d := nlp.Segment("Hurricane Vella hit Port Arlen. The National Hurricane Center said Vella would weaken. Vella Brook fled.")
	// entities as a model might give them: (sentence, first, last+1, label)
	for _, e := range []struct {
		s, a, b int
		label   string
	}{
		{0, 0, 2, "PER"}, // Hurricane Vella
		{0, 3, 5, "LOC"}, // Port Arlen
		{1, 1, 4, "ORG"}, // National Hurricane Center
		{1, 5, 6, "PER"}, // Vella
		{2, 0, 2, "PER"}, // Vella Brook: a person
	} {
		toks := d.Sentences[e.s].Tokens
		d.Entities = append(d.Entities, nlp.Entity{Span: nlp.Span{Start: toks[e.a].Span.Start, End: toks[e.b-1].Span.End}, Label: e.label, Sentence: e.s, Tokens: [2]int{e.a, e.b}})
	}
	dropStorms(d)
	var got []string
	for _, e := range d.Entities {
		got = append(got, e.Label+":"+e.Text(d))
	}
	want := "LOC:Port Arlen ORG:National Hurricane Center PER:Vella Brook"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

package pipeline

import (
	"testing"

	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/event"
)

// TestEventPlaces checks where events are placed: the place nearest the
// trigger in the parse, none when the only place belongs to another
// clause, and a capital named as the place of an act standing for its
// country rather than its government.
func TestEventPlaces(t *testing.T) {
	p := load(t)
	tests := []struct {
		name      string
		text      string
		trigger   string
		place     string // "" for none
		recipient string // code; "" to skip the check
	}{
		{"the place of the act, not of the actor's description",
			"Chilean cultural bodies with offices in Argentina have been very active in Peru.",
			"active", "Peru", "PER"},
		{"the place of the clause the trigger heads, not of another clause",
			"The Chilean council, which has its seat in Santiago, will train teachers in Peru.",
			"train", "Peru", ""},
		{"a subject clause does not take the place of its verb",
			"Lima's effort to restore ties with Bolivia was condemned in Santiago.",
			"restore", "", "BOL"},
		{"a capital named as the place is the town of its country",
			"A Chilean foundation opened a school of music in Lima.",
			"opened", "Lima", "PER"},
		{"a post's 'to' is no destination, and a clause of another time has its own place",
			"Peru recalled its ambassador to Chile on Monday after Santiago accused Lima of spying in Valparaiso.",
			"recalled", "", "CHL"},
		{"a journey's 'to' is where it goes",
			"During a trip to Lima, the Chilean president signed a trade agreement with Peru.",
			"signed", "Lima", "PER"},
		{"an unknown person's party acted on by a state is that state's party, not the person",
			"Juan Torres is a former senator. In May, along with several other parties, his party was provided an office by the Chilean government.",
			"provided", "", "CHLPTY"},
		{"a capital as the subject is still the government",
			"Lima accused Santiago of spying on its navy.",
			"accused", "", "CHLGOV"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, e := range triggered(t, p, tc.text, tc.trigger) {
				got := ""
				if e.Location != nil {
					got = e.Location.Name
				}
				if got != tc.place {
					t.Errorf("%s: place %q, want %q", tc.trigger, got, tc.place)
				}
				if tc.recipient != "" && (e.Recipient == nil || e.Recipient.Code != tc.recipient) {
					t.Errorf("%s: recipient %+v, want %s", tc.trigger, e.Recipient, tc.recipient)
				}
			}
		})
	}
}

// triggered runs one paragraph of text through p and returns its events
// with the given trigger word, failing the test when there is none.
func triggered(t *testing.T, p *Pipeline, text, trigger string) []event.Event {
	t.Helper()
	a := &article.Article{ID: "case", Paragraphs: []article.Paragraph{{Text: text}}}
	var out []event.Event
	for _, e := range p.Process(a).Events {
		if e.Evidence.Trigger == trigger {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		t.Errorf("no event with trigger %q in %q", trigger, text)
	}
	return out
}

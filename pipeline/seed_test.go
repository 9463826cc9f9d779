package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/event"
)

// TestSeedArticle codes the article the project started from (an opinion
// piece on Azerbaijan-Turkey relations, published in early March 2021) and
// checks the events an analyst would code from it, and that nothing violent
// or coercive is coded between the two states (verbal disapproval is:
// Baku took the 2009 rapprochement as treachery).
func TestSeedArticle(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "seed", "article-azerbaijan-turkey.txt")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("seed article not found at %s (the shared folder is absent)", path)
	}
	p := load(t)
	p.Published = time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC)
	var evs []event.Event
	for a, err := range article.Read(context.Background(), []string{path}, article.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		evs = append(evs, p.Process(a).Events...)
	}
	has := func(typ, actorCountry, recipCountry, date string) bool {
		for _, e := range evs {
			if e.Type == typ && e.Actor.Country == actorCountry && e.Recipient != nil && e.Recipient.Country == recipCountry && (date == "" || e.Date == date) {
				return true
			}
		}
		return false
	}
	want := []struct{ typ, a, r, date, what string }{
		{"CONSULT", "TUR", "AZE", "2020-12-10", "Erdogan's attendance at the victory parade on 10 December"},
		{"SUPPORT", "TUR", "AZE", "", "Turkey's full support to Azerbaijan in the war"},
		{"SUPPORT", "TUR", "ARM", "2009-01-01", "the 2009 Turkey-Armenia rapprochement"},
		{"ACCUSE", "AZE", "TUR", "2009-01-01", "Baku received Ankara's attempt as an act of treachery"},
		{"AGREE", "AZE", "TUR", "", "the passport-free travel agreement between both sides"},
		{"AGREE", "TUR", "AZE", "2021-03-01", "the preferential trade agreement in force on 1 March"},
		{"AGREE", "TUR", "AZE", "", "Turkish companies will take part in the Fizuli airport project"},
		{"COOPERATE", "TUR", "AZE", "", "Diyanet's programmes to train religious cadres in Azerbaijan"},
	}
	for _, w := range want {
		if !has(w.typ, w.a, w.r, w.date) {
			t.Errorf("missing %s %s->%s %s: %s", w.typ, w.a, w.r, w.date, w.what)
		}
	}
	// Events that share their tuple with another must still be there.
	for _, w := range []struct{ trigger, typ, a, r, date string }{
		{"restore", "SUPPORT", "TUR", "ARM", "2009-01-01"},
		{"received", "ACCUSE", "AZE", "TUR", "2009-01-01"},
		{"participate", "AGREE", "TUR", "AZE", ""},
		{"active", "COOPERATE", "TURKSOY", "AZE", ""}, // Turksoy "very active in Azerbaijan"
	} {
		ok := false
		for _, e := range evs {
			if e.Evidence.Trigger == w.trigger && e.Type == w.typ && e.Actor.Country == w.a && e.Recipient != nil &&
				e.Recipient.Country == w.r && (w.date == "" || e.Date == w.date) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("missing %s %s->%s %s by %q", w.typ, w.a, w.r, w.date, w.trigger)
		}
	}
	// Verbal disapproval is allowed (Baku's reaction in 2009); violence,
	// coercion, threats, sanctions and mobilisation between the two are not.
	hostile := map[string]bool{"ASSAULT": true, "COERCE": true, "THREATEN": true, "SANCTION": true, "MOBILIZE": true, "PROTEST": true}
	for _, e := range evs {
		if e.Recipient == nil || !hostile[e.Type] {
			continue
		}
		pair := e.Actor.Country + e.Recipient.Country
		if pair == "AZETUR" || pair == "TURAZE" {
			t.Errorf("conflict coded between Azerbaijan and Turkey: %s %s->%s %q", e.Type, e.Actor.Code, e.Recipient.Code, e.Sentence)
		}
	}
	// The religious projects: Diyanet's programmes to train cadres in
	// Azerbaijan, and "It opened a faculty of theology in Baku", where "It"
	// continues Diyanet (Turkey's).
	for _, trig := range []string{"train", "opened"} {
		found := false
		for _, e := range evs {
			if e.Evidence.Trigger != trig {
				continue
			}
			found = true
			if e.Actor.Country != "TUR" || e.Recipient == nil || e.Recipient.Country != "AZE" {
				t.Errorf("%q coded as %s->%v, want Diyanet (TUR) -> AZE", trig, e.Actor.Code, e.Recipient)
			}
		}
		if !found {
			t.Errorf("no event for Diyanet's %q", trig)
		}
	}
	for _, e := range evs {
		if e.Sentence == "" || e.Evidence.Trigger == "" || e.Date == "" {
			t.Errorf("event without evidence or date: %+v", e)
		}
	}
	t.Logf("%d events coded from the seed article", len(evs))
}

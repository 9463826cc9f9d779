package server

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/store"
	_ "github.com/dyad-events/dyad/store/sqlite"
	"github.com/dyad-events/dyad/store/synth"
)

// utf8Paras is a made-up article whose actors and triggers stand after
// multi-byte characters, so byte and UTF-16 offsets differ.
var utf8Paras = []string{
	"Ankara — Président Erdoğan’s “one nation, two states” speech drew cheers in Bakı.",
	"Türkiye’s government met Azerbaijan’s ministers on Friday.",
	"Later, Azerbaijan’s army threatened Armenia’s forces near Şuşa.",
}

// fixtureArticle returns the UTF-8 article and its two events.
func fixtureArticle() (*article.Article, []event.Event) {
	a := &article.Article{
		URL: "https://example.test/utf8", Title: "Şuşa and Bakı: a test article", Site: "example.test",
		Published: time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC), Lang: "en",
	}
	for _, p := range utf8Paras {
		a.Paragraphs = append(a.Paragraphs, article.Paragraph{Text: p})
	}
	a.SetID()
	body := a.Body()
	span := func(s string) [2]int {
		i := strings.Index(body, s)
		if i < 0 {
			panic("fixture: " + s + " not in body")
		}
		return [2]int{i, i + len(s)}
	}
	mk := func(sentence, typ string, quad int, g float64, actor, trig, recip string, ap, rp event.Participant, idx int) event.Event {
		ap.Text, rp.Text = actor, recip
		e := event.Event{Date: "2021-03-05", Type: typ, Mode: "", Context: []string{}, CAMEO: "040", Goldstein: g, QuadClass: quad,
			Actor: &ap, Recipient: &rp, Sentence: sentence, SentenceIndex: idx, Confidence: 0.9,
			Evidence: event.Evidence{Trigger: trig, ActorSpan: span(actor), TriggerSpan: span(trig), RecipientSpan: span(recip)}}
		e.ID = event.StableID(a.ID, idx, e.Evidence.TriggerSpan, ap.Code, rp.Code)
		return e
	}
	evs := []event.Event{
		mk(utf8Paras[1], "CONSULT", 1, 1, "Türkiye’s government", "met", "Azerbaijan’s ministers",
			event.Participant{Code: "TURGOV", Country: "TUR", Sector: "GOV"}, event.Participant{Code: "AZEGOV", Country: "AZE", Sector: "GOV"}, 1),
		mk(utf8Paras[2], "THREATEN", 3, -4, "Azerbaijan’s army", "threatened", "Armenia’s forces",
			event.Participant{Code: "AZEMIL", Country: "AZE", Sector: "MIL"}, event.Participant{Code: "ARMMIL", Country: "ARM", Sector: "MIL"}, 2),
	}
	return a, evs
}

// testStore opens a SQLite store in a temp dir holding n synthetic events
// (seed 7) and the UTF-8 fixture article.
func testStore(t testing.TB, n int) store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "serve.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	g, err := synth.New(synth.Config{Seed: 7, Events: n})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := synth.Fill(ctx, st, g, 200, nil); err != nil {
		t.Fatal(err)
	}
	a, evs := fixtureArticle()
	if err := st.PutArticle(ctx, a, evs); err != nil {
		t.Fatal(err)
	}
	return st
}

func testServer(t testing.TB, st store.Store, opt Options) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(New(st, opt))
	t.Cleanup(ts.Close)
	return ts
}

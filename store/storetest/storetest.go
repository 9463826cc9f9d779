// Package storetest is the conformance suite every store backend runs: the
// same tests against SQLite and PostgreSQL, so both keep the contract of
// store.Store (idempotent puts, atomic replacement, mentions of
// near-duplicate stories, filters, pagination and relation counts equal to
// counting events by hand).
package storetest

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/store/synth"
)

// Opener returns a fresh, empty store for one test; the backend's test
// cleans it up (t.Cleanup).
type Opener func(t *testing.T) store.Store

// Run runs the whole suite.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		f    func(*testing.T, store.Store)
	}{
		{"Idempotent", testIdempotent},
		{"Replace", testReplace},
		{"Mentions", testMentions},
		{"MentionPromotion", testMentionPromotion},
		{"NotFound", testNotFound},
		{"BadInput", testBadInput},
		{"Relations", testRelations},
		{"Filters", testFilters},
		{"Pagination", testPagination},
		{"Actors", testActors},
		{"ActorsByHand", testActorsByHand},
		{"CancelMidPut", testCancel},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := open(t)
			tt.f(t, st)
		})
	}
}

// Made-up article texts (no news is copied).
const bodyA = `The foreign ministers of Azerbaijan and Turkey met in Baku on Tuesday to discuss a new
agreement on energy transit and joint military exercises planned for the spring. Officials from both
governments said the talks covered gas pipelines, rail links across the Caucasus and a plan to expand
trade within three years. The ministers also signed a memorandum on education exchanges.`

const bodyB = `Farmers in the northern valley protested outside the regional parliament on Friday against
a proposed water tax that they say will ruin small producers. Police kept the crowd away from the main
entrance while union leaders handed a petition with twelve thousand signatures to the speaker.`

// Article makes an article with the given body, site and publication date;
// its ID is the content hash (Article.SetID) plus the title.
func Article(title, site, body string, published string) *article.Article {
	a := &article.Article{Title: title, Site: site, URL: "https://" + site + "/" + strings.ReplaceAll(strings.ToLower(title), " ", "-")}
	for _, p := range strings.Split(body, "\n\n") {
		a.Paragraphs = append(a.Paragraphs, article.Paragraph{Text: p})
	}
	if published != "" {
		a.Published, _ = time.Parse(time.DateOnly, published)
	}
	a.SetID()
	return a
}

// Event makes an event; actor and recipient are codes whose first three
// letters are the country, the rest the sector.
func Event(date, typ string, quad int, goldstein float64, actor, recipient string, sentenceIndex int, sentence string) event.Event {
	ev := event.Event{Date: date, Type: typ, QuadClass: quad, Goldstein: goldstein, Context: []string{},
		SentenceIndex: sentenceIndex, Sentence: sentence, Confidence: 0.9, CAMEO: "040",
		Evidence: event.Evidence{Trigger: "met", TriggerSpan: [2]int{sentenceIndex * 10, sentenceIndex*10 + 3}}}
	ev.Actor = participant(actor)
	ev.Recipient = participant(recipient)
	return ev
}

func participant(code string) *event.Participant {
	if code == "" {
		return nil
	}
	p := &event.Participant{Code: code, Text: code, Country: code}
	if len(code) > 3 {
		p.Country, p.Sector = code[:3], code[3:]
	}
	return p
}

func ctx(t *testing.T) context.Context { return t.Context() }

func put(t *testing.T, st store.Store, a *article.Article, evs ...event.Event) {
	t.Helper()
	if err := st.PutArticle(ctx(t), a, evs); err != nil {
		t.Fatalf("PutArticle(%s): %v", a.Title, err)
	}
}

// all lists every event (not mentions) through pagination.
func all(t *testing.T, st store.Store, f store.Filter) []store.StoredEvent {
	t.Helper()
	var out []store.StoredEvent
	p := store.Page{Limit: 1000}
	for {
		page, err := st.Events(ctx(t), f, p)
		if err != nil {
			t.Fatalf("Events(%+v): %v", f, err)
		}
		out = append(out, page.Events...)
		if page.Next == "" {
			return out
		}
		p.After = page.Next
	}
}

func ids(evs []store.StoredEvent) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	sort.Strings(out)
	return out
}

func testIdempotent(t *testing.T, st store.Store) {
	a := Article("Ministers meet", "baku.example", bodyA, "2021-03-05")
	evs := []event.Event{
		Event("2021-03-02", "CONSULT", 1, 1.0, "AZEGOV", "TURGOV", 0, "The ministers met."),
		Event("2021-03-02", "AGREE", 1, 3.0, "TURGOV", "AZEGOV", 2, "They signed a memorandum."),
	}
	if ok, err := st.HasArticle(ctx(t), a.ID); err != nil || ok {
		t.Fatalf("HasArticle before put = %v, %v; want false", ok, err)
	}
	for range 3 {
		put(t, st, a, evs...)
	}
	if ok, err := st.HasArticle(ctx(t), a.ID); err != nil || !ok {
		t.Fatalf("HasArticle after put = %v, %v; want true", ok, err)
	}
	got := all(t, st, store.Filter{})
	if len(got) != 2 {
		t.Fatalf("after 3 puts: %d events, want 2", len(got))
	}
	rec, err := st.Article(ctx(t), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Article.Title != a.Title || len(rec.Events) != 2 || rec.Article.Body() != a.Body() {
		t.Fatalf("Article = %q with %d events, want %q with 2", rec.Article.Title, len(rec.Events), a.Title)
	}
	// The stored event is what was put, with the article reference set.
	e, err := st.Event(ctx(t), rec.Events[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	want := evs[1]
	want.ID = e.ID
	want.Article = event.ArticleRef{ID: a.ID, URL: a.URL, Title: a.Title, Published: "2021-03-05", Site: a.Site}
	gj, _ := json.Marshal(e.Event)
	wj, _ := json.Marshal(want)
	if string(gj) != string(wj) {
		t.Errorf("Event round trip:\n got %s\nwant %s", gj, wj)
	}
	if e.ID != event.StableID(a.ID, 2, want.Evidence.TriggerSpan, "TURGOV", "AZEGOV") {
		t.Errorf("event without id got %s, want the StableID", e.ID)
	}
	if e.Mentions != 1 || e.Articles != 1 || e.Sources != 1 || e.IsMention() {
		t.Errorf("single report: mentions %d articles %d sources %d mention %v", e.Mentions, e.Articles, e.Sources, e.IsMention())
	}
}

func testReplace(t *testing.T, st store.Store) {
	a := Article("Ministers meet", "baku.example", bodyA, "2021-03-05")
	put(t, st, a, Event("2021-03-02", "CONSULT", 1, 1.0, "AZEGOV", "TURGOV", 0, "one"),
		Event("2021-03-02", "AGREE", 1, 3.0, "TURGOV", "AZEGOV", 1, "two"))
	put(t, st, a, Event("2021-03-03", "ACCUSE", 3, -2.0, "ARMGOV", "AZEGOV", 4, "three"))
	got := all(t, st, store.Filter{})
	if len(got) != 1 || got[0].Type != "ACCUSE" {
		t.Fatalf("after re-put: %d events (%v), want only the new ACCUSE", len(got), ids(got))
	}
	rec, err := st.Article(ctx(t), a.ID)
	if err != nil || len(rec.Events) != 1 {
		t.Fatalf("Article after re-put: %v, %v", rec, err)
	}
	put(t, st, a)
	if got := all(t, st, store.Filter{}); len(got) != 0 {
		t.Fatalf("after re-put without events: %d events", len(got))
	}
}

// Two outlets run the same story; a third runs another story with an event
// of the same tuple: one event with two mentions, plus one separate event.
func testMentions(t *testing.T, st store.Store) {
	a1 := Article("Ministers meet", "baku.example", bodyA, "2021-03-05")
	a2 := Article("Turkish and Azerbaijani ministers meet", "ankara.example",
		"From our correspondent.\n\n"+strings.Replace(bodyA, "Tuesday", "Wednesday", 1), "2021-03-06")
	a3 := Article("Farm protest", "valley.example", bodyB, "2021-03-05")
	ev := Event("2021-03-02", "CONSULT", 1, 1.0, "AZEGOV", "TURGOV", 0, "The ministers met in Baku.")
	ev2 := ev
	ev2.SentenceIndex, ev2.Sentence = 1, "The ministers of both met in Baku."
	other := Event("2021-03-02", "AGREE", 1, 3.0, "TURGOV", "AZEGOV", 3, "They signed.")
	put(t, st, a1, ev, other)
	put(t, st, a2, ev2)
	put(t, st, a3, ev)
	got := all(t, st, store.Filter{})
	if len(got) != 3 {
		t.Fatalf("%d events, want 3 (a2's report is a mention): %v", len(got), ids(got))
	}
	r1, _ := st.Article(ctx(t), a1.ID)
	r2, _ := st.Article(ctx(t), a2.ID)
	r3, _ := st.Article(ctx(t), a3.ID)
	if r1.StoryID != r2.StoryID || r3.StoryID == r1.StoryID {
		t.Fatalf("stories: a1 %s a2 %s a3 %s; want a1 = a2 != a3", r1.StoryID, r2.StoryID, r3.StoryID)
	}
	m := r2.Events[0]
	if !m.IsMention() || m.EventID != r1.Events[0].ID {
		t.Fatalf("a2's report: event id %s, want a mention of %s", m.EventID, r1.Events[0].ID)
	}
	e, err := st.Event(ctx(t), r1.Events[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.Mentions != 2 || e.Articles != 2 || e.Sources != 2 {
		t.Errorf("event: mentions %d articles %d sources %d, want 2 2 2", e.Mentions, e.Articles, e.Sources)
	}
	if r3.Events[0].IsMention() || r3.Events[0].Mentions != 1 {
		t.Errorf("same tuple in another story: %+v, want its own event", r3.Events[0])
	}
	// Relations counts events, and mentions beside them.
	rel, err := st.Relations(ctx(t), store.RelationsQuery{A: "AZE", B: "TUR", By: store.Year})
	if err != nil {
		t.Fatal(err)
	}
	if len(rel.Periods) != 1 {
		t.Fatalf("relations periods %+v", rel.Periods)
	}
	ab, ba := rel.Periods[0].AB, rel.Periods[0].BA
	if ab.Events != 2 || ab.Mentions != 3 || ba.Events != 1 || ba.Mentions != 1 {
		t.Errorf("relations: AZE->TUR %d events %d mentions, TUR->AZE %d/%d; want 2/3 and 1/1", ab.Events, ab.Mentions, ba.Events, ba.Mentions)
	}
	// Re-putting the duplicate changes nothing.
	put(t, st, a2, ev2)
	if e2, _ := st.Event(ctx(t), r1.Events[0].ID); e2.Mentions != 2 {
		t.Errorf("after re-put of the duplicate: %d mentions, want 2", e2.Mentions)
	}
	// Same site twice counts one source.
	a4 := Article("Ministers meet again", "ankara.example", strings.Replace(bodyA, "Tuesday", "Monday", 1), "2021-03-07")
	ev4 := ev
	ev4.SentenceIndex = 7
	put(t, st, a4, ev4)
	if e4, _ := st.Event(ctx(t), r1.Events[0].ID); e4.Mentions != 3 || e4.Articles != 3 || e4.Sources != 2 {
		t.Errorf("third report from a known site: %d/%d/%d, want 3 mentions, 3 articles, 2 sources", e4.Mentions, e4.Articles, e4.Sources)
	}
}

// When the first report goes (its article re-put without it), the next
// report becomes the event.
func testMentionPromotion(t *testing.T, st store.Store) {
	a1 := Article("Ministers meet", "baku.example", bodyA, "2021-03-05")
	a2 := Article("Ministers meet (wire)", "wire.example", "Wire copy.\n\n"+bodyA, "2021-03-05")
	ev := Event("2021-03-02", "CONSULT", 1, 1.0, "AZEGOV", "TURGOV", 0, "met")
	ev2 := ev
	ev2.SentenceIndex = 1
	put(t, st, a1, ev)
	put(t, st, a2, ev2)
	if n := len(all(t, st, store.Filter{})); n != 1 {
		t.Fatalf("%d events before, want 1", n)
	}
	put(t, st, a1) // a1 now has no events
	got := all(t, st, store.Filter{})
	if len(got) != 1 || got[0].Article.ID != a2.ID || got[0].IsMention() || got[0].Mentions != 1 {
		t.Fatalf("after removing the first report: %+v, want a2's report as the event with 1 mention", got)
	}
}

func testNotFound(t *testing.T, st store.Store) {
	if _, err := st.Article(ctx(t), "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(nope) error %v, want ErrNotFound", err)
	}
	if _, err := st.Event(ctx(t), "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Event(nope) error %v, want ErrNotFound", err)
	}
	rel, err := st.Relations(ctx(t), store.RelationsQuery{A: "AZE", B: "TUR"})
	if err != nil || len(rel.Periods) != 0 {
		t.Errorf("Relations on empty store: %+v, %v", rel, err)
	}
}

func testBadInput(t *testing.T, st store.Store) {
	a := Article("Ministers meet", "baku.example", bodyA, "2021-03-05")
	bad := Event("2021-02-30", "CONSULT", 1, 1, "AZE", "TUR", 0, "x")
	if err := st.PutArticle(ctx(t), a, []event.Event{bad}); err == nil || !strings.Contains(err.Error(), "2021-02-30") {
		t.Errorf("bad date: error %v, want one naming the date", err)
	}
	if ok, _ := st.HasArticle(ctx(t), a.ID); ok {
		t.Error("article stored despite a bad event")
	}
	if err := st.PutArticle(ctx(t), &article.Article{}, nil); err == nil {
		t.Error("article without id accepted")
	}
	for _, f := range []store.Filter{{Since: "2021-13-01"}, {Since: "2022-01-01", Until: "2021-01-01"}, {QuadClass: 7}} {
		if _, err := st.Events(ctx(t), f, store.Page{}); err == nil {
			t.Errorf("Events(%+v) accepted", f)
		}
	}
	if _, err := st.Events(ctx(t), store.Filter{}, store.Page{After: "garbage"}); err == nil {
		t.Error("bad cursor accepted")
	}
	if _, err := st.Relations(ctx(t), store.RelationsQuery{A: "AZE", B: "TUR", By: "fortnight"}); err == nil {
		t.Error("bad period accepted")
	}
}

// fill puts a small synthetic corpus and returns every stored event.
func fill(t *testing.T, st store.Store, n int) []store.StoredEvent {
	t.Helper()
	g, err := synth.New(synth.Config{Seed: 7, Events: n, Articles: n / 5, DupRate: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	var batch []store.Batch
	for b := range g.Articles() {
		batch = append(batch, b)
	}
	// Half through PutArticles (if offered), half one by one.
	half := len(batch) / 2
	if bp, ok := st.(store.BatchPutter); ok {
		if err := bp.PutArticles(ctx(t), batch[:half]); err != nil {
			t.Fatal(err)
		}
	} else {
		for _, b := range batch[:half] {
			put(t, st, b.Article, b.Events...)
		}
	}
	for _, b := range batch[half:] {
		put(t, st, b.Article, b.Events...)
	}
	return all(t, st, store.Filter{})
}

func testRelations(t *testing.T, st store.Store) {
	evs := fill(t, st, 3000)
	// Mentions as stored: every report, events included.
	var reports int
	for _, e := range evs {
		reports += e.Mentions
	}
	if reports != 3000 || len(evs) >= 3000 {
		t.Fatalf("%d events carrying %d reports; want fewer events than the 3000 reports, all counted", len(evs), reports)
	}
	for _, by := range []store.Period{store.Day, store.Week, store.Month, store.Year} {
		for _, pair := range [][2]string{{"USA", "RUS"}, {"RUS", "USA"}, {"USAGOV", "CHN"}, {"code:USA", "code:RUSGOV"}} {
			q := store.RelationsQuery{A: pair[0], B: pair[1], By: by, Since: "2016-01-01", Until: "2023-06-30", TopTypes: 2}
			rel, err := st.Relations(ctx(t), q)
			if err != nil {
				t.Fatal(err)
			}
			want := handRelations(t, evs, rel.A, rel.B, q)
			if len(want) == 0 {
				t.Fatalf("%v: no events to compare", pair)
			}
			got := map[string]store.PeriodRelation{}
			for _, p := range rel.Periods {
				got[p.Period] = p
			}
			if len(got) != len(want) {
				t.Errorf("%v by %s: %d periods, want %d", pair, by, len(got), len(want))
			}
			for period, w := range want {
				g, ok := got[period]
				if !ok {
					t.Errorf("%v by %s: period %s missing", pair, by, period)
					continue
				}
				for dir, pair2 := range [][2]store.DirectionStats{{g.AB, w.AB}, {g.BA, w.BA}} {
					gd, wd := pair2[0], pair2[1]
					if gd.Events != wd.Events || gd.Mentions != wd.Mentions || gd.Quad != wd.Quad ||
						!near(gd.GoldsteinSum, wd.GoldsteinSum) || !near(gd.GoldsteinMean, wd.GoldsteinMean) ||
						fmt.Sprint(gd.TopTypes) != fmt.Sprint(wd.TopTypes) {
						t.Errorf("%v by %s, %s dir %d:\n got %+v\nwant %+v", pair, by, period, dir, gd, wd)
					}
				}
			}
		}
	}
	// A bare 3-letter value that is a country resolves to the country; one
	// that is only a code to the code.
	rel, err := st.Relations(ctx(t), store.RelationsQuery{A: "usa", B: "RUSGOV"})
	if err != nil {
		t.Fatal(err)
	}
	if !rel.A.Country || rel.A.Value != "USA" || rel.B.Country || rel.B.Value != "RUSGOV" {
		t.Errorf("sides resolved to %v and %v, want country:USA and code:RUSGOV", rel.A, rel.B)
	}
}

func near(a, b float64) bool { return a-b < 1e-6 && b-a < 1e-6 }

// matches reports whether participant p is on side s.
func matches(p *event.Participant, s store.Side) bool {
	if p == nil {
		return false
	}
	if s.Country {
		return p.Country == s.Value
	}
	return p.Code == s.Value
}

// handRelations counts Relations the slow way, from the events listed.
func handRelations(t *testing.T, evs []store.StoredEvent, a, b store.Side, q store.RelationsQuery) map[string]store.PeriodRelation {
	out := map[string]store.PeriodRelation{}
	types := map[string][2]map[string]int{}
	for _, e := range evs {
		if (q.Since != "" && e.Date < q.Since) || (q.Until != "" && e.Date > q.Until) {
			continue
		}
		dir := -1
		if matches(e.Actor, a) && matches(e.Recipient, b) {
			dir = 0
		} else if matches(e.Actor, b) && matches(e.Recipient, a) {
			dir = 1
		}
		if dir < 0 {
			continue
		}
		period, err := store.PeriodOf(e.Date, q.By)
		if err != nil {
			t.Fatal(err)
		}
		p := out[period]
		p.Period = period
		d := &p.AB
		if dir == 1 {
			d = &p.BA
		}
		d.Events++
		d.Mentions += e.Mentions
		d.Quad[e.QuadClass-1]++
		d.GoldsteinSum += e.Goldstein
		d.GoldsteinMean = d.GoldsteinSum / float64(d.Events)
		out[period] = p
		ts, ok := types[period]
		if !ok {
			ts = [2]map[string]int{{}, {}}
			types[period] = ts
		}
		ts[dir][e.Type]++
	}
	for period, p := range out {
		for dir, d := range []*store.DirectionStats{&p.AB, &p.BA} {
			tc := []store.TypeCount{}
			for ty, n := range types[period][dir] {
				tc = append(tc, store.TypeCount{Type: ty, Events: n})
			}
			d.TopTypes = store.SortTypes(tc, q.TopTypes)
		}
		out[period] = p
	}
	return out
}

func testFilters(t *testing.T, st store.Store) {
	evs := fill(t, st, 1500)
	tests := []struct {
		f    store.Filter
		keep func(e store.StoredEvent) bool
	}{
		{store.Filter{Actor: "USA"}, func(e store.StoredEvent) bool { return e.Actor.Country == "USA" || e.Actor.Code == "USA" }},
		{store.Filter{Actor: "RUSGOV"}, func(e store.StoredEvent) bool { return e.Actor.Code == "RUSGOV" }},
		{store.Filter{Recipient: "CHN"}, func(e store.StoredEvent) bool { return e.Recipient.Country == "CHN" }},
		{store.Filter{Country: "TUR"}, func(e store.StoredEvent) bool { return e.Actor.Country == "TUR" || e.Recipient.Country == "TUR" }},
		{store.Filter{Sector: "MIL"}, func(e store.StoredEvent) bool { return e.Actor.Sector == "MIL" || e.Recipient.Sector == "MIL" }},
		{store.Filter{Type: "assault"}, func(e store.StoredEvent) bool { return e.Type == "ASSAULT" }},
		{store.Filter{QuadClass: 4}, func(e store.StoredEvent) bool { return e.QuadClass == 4 }},
		{store.Filter{Since: "2019-01-01", Until: "2019-12-31"}, func(e store.StoredEvent) bool { return e.Date >= "2019-01-01" && e.Date <= "2019-12-31" }},
		{store.Filter{Text: "TALKS with"}, func(e store.StoredEvent) bool {
			s := strings.ToLower(e.Sentence)
			return strings.Contains(s, "talks") && strings.Contains(s, "with")
		}},
		{store.Filter{Text: "100%_"}, func(e store.StoredEvent) bool { return strings.Contains(e.Sentence, "100%_") }},
		{store.Filter{Actor: "USA", Recipient: "RUS", Type: "CONSULT", Since: "2017-01-01"}, func(e store.StoredEvent) bool {
			return e.Actor.Country == "USA" && e.Recipient.Country == "RUS" && e.Type == "CONSULT" && e.Date >= "2017-01-01"
		}},
	}
	for _, tt := range tests {
		var want []store.StoredEvent
		for _, e := range evs {
			if tt.keep(e) {
				want = append(want, e)
			}
		}
		got := all(t, st, tt.f)
		if !slices.Equal(ids(got), ids(want)) {
			t.Errorf("Events(%+v): %d events, want %d", tt.f, len(got), len(want))
		}
		if len(want) == 0 && !strings.Contains(tt.f.Text, "%") {
			t.Errorf("Events(%+v): the corpus has no matching event: the test tests nothing", tt.f)
		}
	}
	// Story filter: every event of a story.
	rec, err := st.Article(ctx(t), evs[0].Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all(t, st, store.Filter{StoryID: rec.StoryID}) {
		if e.StoryID != rec.StoryID {
			t.Errorf("story filter returned story %s", e.StoryID)
		}
	}
}

func testPagination(t *testing.T, st store.Store) {
	evs := fill(t, st, 600)
	var got []store.StoredEvent
	p := store.Page{Limit: 7}
	pages := 0
	for {
		page, err := st.Events(ctx(t), store.Filter{}, p)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Events) > 7 {
			t.Fatalf("page of %d, limit 7", len(page.Events))
		}
		got = append(got, page.Events...)
		pages++
		if page.Next == "" {
			break
		}
		p.After = page.Next
	}
	if !slices.Equal(ids(got), ids(evs)) {
		t.Fatalf("paging by 7 gave %d events, want %d", len(got), len(evs))
	}
	if pages != (len(evs)+6)/7 {
		t.Errorf("%d pages for %d events", pages, len(evs))
	}
	for i := 1; i < len(got); i++ {
		if got[i].Date > got[i-1].Date {
			t.Fatalf("not newest first at %d: %s after %s", i, got[i].Date, got[i-1].Date)
		}
	}
}

func testActors(t *testing.T, st store.Store) {
	evs := fill(t, st, 1500)
	counts := map[string]int{}
	dyads := map[[2]string]int{}
	for _, e := range evs {
		counts[e.Actor.Code]++
		counts[e.Recipient.Code]++
		dyads[[2]string{e.Actor.Code, e.Recipient.Code}]++
	}
	r, err := st.Actors(ctx(t), store.ActorsQuery{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Actors) != 10 || len(r.Dyads) != 10 {
		t.Fatalf("%d actors, %d dyads, want 10 each", len(r.Actors), len(r.Dyads))
	}
	for i, a := range r.Actors {
		if a.Events != counts[a.Code] || a.AsActor+a.AsRecipient != a.Events {
			t.Errorf("actor %s: %+v, want %d events", a.Code, a, counts[a.Code])
		}
		if i > 0 && a.Events > r.Actors[i-1].Events {
			t.Errorf("actors not ranked at %d", i)
		}
	}
	maxN := 0
	for _, n := range counts {
		maxN = max(maxN, n)
	}
	if r.Actors[0].Events != maxN {
		t.Errorf("top actor %d events, want %d", r.Actors[0].Events, maxN)
	}
	for _, d := range r.Dyads {
		if d.Events != dyads[[2]string{d.Actor, d.Recipient}] {
			t.Errorf("dyad %+v, want %d", d, dyads[[2]string{d.Actor, d.Recipient}])
		}
	}
	rc, err := st.Actors(ctx(t), store.ActorsQuery{Limit: 5, Country: "TUR"})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range rc.Actors {
		if a.Country != "TUR" {
			t.Errorf("country filter TUR gave actor %+v", a)
		}
	}
}

// handActors ranks actors and dyads from a list of events the way Actors
// must: events in the date range, a code's country the one with the most
// of its events (the first by name on a tie), limit applied.
func handActors(evs []store.StoredEvent, q store.ActorsQuery) *store.ActorRanking {
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	type key struct{ code, country string }
	aa, ar := map[key]int{}, map[key]int{}
	dyads := map[[2]string]int{}
	for _, e := range evs {
		if (q.Since != "" && e.Date < q.Since) || (q.Until != "" && e.Date > q.Until) {
			continue
		}
		var a, r key
		if e.Actor != nil {
			a = key{e.Actor.Code, e.Actor.Country}
		}
		if e.Recipient != nil {
			r = key{e.Recipient.Code, e.Recipient.Country}
		}
		if a.code != "" && (q.Country == "" || a.country == q.Country) {
			aa[a]++
		}
		if r.code != "" && (q.Country == "" || r.country == q.Country) {
			ar[r]++
		}
		if a.code != "" && r.code != "" && (q.Country == "" || a.country == q.Country || r.country == q.Country) {
			dyads[[2]string{a.code, r.code}]++
		}
	}
	byCode := map[string]*store.ActorCount{}
	best := map[string]int{}
	for _, m := range []map[key]int{aa, ar} {
		for k := range m {
			if byCode[k.code] == nil {
				byCode[k.code] = &store.ActorCount{Code: k.code}
			}
		}
	}
	for k := range byCode {
		ac := byCode[k]
		var cys []string
		seen := map[string]bool{}
		for _, m := range []map[key]int{aa, ar} {
			for kk := range m {
				if kk.code == k && !seen[kk.country] {
					seen[kk.country] = true
					cys = append(cys, kk.country)
				}
			}
		}
		sort.Strings(cys)
		for _, cy := range cys {
			n := aa[key{k, cy}] + ar[key{k, cy}]
			ac.AsActor += aa[key{k, cy}]
			ac.AsRecipient += ar[key{k, cy}]
			ac.Events += n
			if n > best[k] {
				best[k], ac.Country = n, cy
			}
		}
	}
	out := &store.ActorRanking{Actors: []store.ActorCount{}, Dyads: []store.DyadCount{}}
	for _, ac := range byCode {
		out.Actors = append(out.Actors, *ac)
	}
	sort.Slice(out.Actors, func(i, j int) bool {
		if out.Actors[i].Events != out.Actors[j].Events {
			return out.Actors[i].Events > out.Actors[j].Events
		}
		return out.Actors[i].Code < out.Actors[j].Code
	})
	for d, n := range dyads {
		out.Dyads = append(out.Dyads, store.DyadCount{Actor: d[0], Recipient: d[1], Events: n})
	}
	sort.Slice(out.Dyads, func(i, j int) bool {
		a, b := out.Dyads[i], out.Dyads[j]
		if a.Events != b.Events {
			return a.Events > b.Events
		}
		if a.Actor != b.Actor {
			return a.Actor < b.Actor
		}
		return a.Recipient < b.Recipient
	})
	out.Actors = out.Actors[:min(limit, len(out.Actors))]
	out.Dyads = out.Dyads[:min(limit, len(out.Dyads))]
	return out
}

// checkActors compares Actors with handActors over the stored events for
// a mix of queries: whole store, date ranges with partial months and
// years, single days, open ends, countries, small and large limits.
func checkActors(t *testing.T, st store.Store, when string) {
	t.Helper()
	evs := all(t, st, store.Filter{})
	qs := []store.ActorsQuery{
		{Limit: 1000}, {Limit: 5},
		{Limit: 1000, Since: "2021-03-02", Until: "2021-03-02"},
		{Limit: 1000, Since: "2021-03-01", Until: "2021-03-31"},
		{Limit: 1000, Since: "2020-01-01", Until: "2020-12-31"},
		{Limit: 1000, Since: "2017-03-17", Until: "2021-08-09"},
		{Limit: 1000, Since: "2019-02-01", Until: "2023-11-30"},
		{Limit: 1000, Since: "2022-06-15"}, {Limit: 1000, Until: "2016-02-10"},
		{Limit: 1000, Since: "2030-01-01"}, {Limit: 1000, Until: "2000-01-01"},
		{Limit: 10, Since: "2018-12-31", Until: "2019-01-01"},
		{Limit: 1000, Country: "TUR"}, {Limit: 1000, Country: "AZE", Since: "2021-03-01", Until: "2021-03-05"},
		{Limit: 1000, Country: "USA", Since: "2018-04-02", Until: "2019-09-30"}, {Limit: 3, Country: "RUS"},
		{Limit: 1000, Country: "XYZ"},
	}
	for _, q := range qs {
		got, err := st.Actors(ctx(t), q)
		if err != nil {
			t.Fatalf("%s: Actors(%+v): %v", when, q, err)
		}
		want := handActors(evs, q)
		if !slices.Equal(got.Actors, want.Actors) {
			t.Errorf("%s: Actors(%+v).Actors:\n got %v\nwant %v", when, q, got.Actors, want.Actors)
		}
		if !slices.Equal(got.Dyads, want.Dyads) {
			t.Errorf("%s: Actors(%+v).Dyads:\n got %v\nwant %v", when, q, got.Dyads, want.Dyads)
		}
	}
}

// testActorsByHand checks Actors against counting the events by hand after
// bulk and single puts, re-puts that change, add and drop events, mentions
// and their promotion when the first report goes.
func testActorsByHand(t *testing.T, st store.Store) {
	fill(t, st, 1200)
	checkActors(t, st, "after fill")
	// A story reported twice: one event, one mention.
	a1 := Article("Ministers meet", "baku.example", bodyA, "2021-03-05")
	a2 := Article("Ministers meet (wire)", "wire.example", "Wire copy.\n\n"+bodyA, "2021-03-05")
	ev := Event("2021-03-02", "CONSULT", 1, 1.0, "AZEGOV", "TURGOV", 0, "met")
	ev2 := ev
	ev2.SentenceIndex = 1
	other := Event("2021-03-31", "AGREE", 1, 3.0, "TURGOV", "AZE", 3, "They signed.")
	noActor := Event("2021-03-02", "PROTEST", 3, -2, "", "AZEGOV", 4, "Crowds protested.")
	put(t, st, a1, ev, other, noActor)
	put(t, st, a2, ev2)
	checkActors(t, st, "after a mention")
	// Re-put that changes an event's date and recipient.
	moved := other
	moved.Date, moved.Recipient = "2021-04-01", participant("ARMGOV")
	put(t, st, a1, ev, moved, noActor)
	checkActors(t, st, "after changing an event")
	// The first report goes: the mention becomes the event.
	put(t, st, a1, moved)
	checkActors(t, st, "after promotion")
	// The promoted event goes too, then everything of a1.
	put(t, st, a2)
	put(t, st, a1)
	checkActors(t, st, "after removals")
	// A code under two countries.
	a3 := Article("Farm protest", "valley.example", bodyB, "2021-03-05")
	odd := Event("2021-03-03", "PROTEST", 3, -2, "UNHCR", "AZEGOV", 0, "x")
	odd.Actor.Country = "CHE"
	odd2 := Event("2021-03-04", "PROTEST", 3, -2, "UNHCR", "TURGOV", 1, "y")
	odd2.Actor.Country = "USA"
	odd3 := Event("2021-03-05", "PROTEST", 3, -2, "UNHCR", "TURGOV", 2, "z")
	odd3.Actor.Country = "USA"
	put(t, st, a3, odd, odd2, odd3)
	checkActors(t, st, "after a code with two countries")
}

// countingCtx cancels itself on the n-th call of Err: the put's own
// cancellation checks are the points where a Ctrl-C lands mid-put.
type countingCtx struct {
	context.Context
	cancel context.CancelFunc
	left   atomic.Int64
}

func (c *countingCtx) Err() error {
	if c.left.Add(-1) == 0 {
		c.cancel()
	}
	return c.Context.Err()
}

// testCancel cancels a re-put at every point it checks the context, and
// checks that the store always shows the old version complete.
func testCancel(t *testing.T, st store.Store) {
	a := Article("Ministers meet", "baku.example", bodyA, "2021-03-05")
	old := []event.Event{Event("2021-03-02", "CONSULT", 1, 1.0, "AZEGOV", "TURGOV", 0, "old")}
	put(t, st, a, old...)
	var evs []event.Event
	for i := range 3000 {
		evs = append(evs, Event("2021-03-02", "ACCUSE", 3, -2, "ARMGOV", fmt.Sprintf("AZE%04d", i), i+1, "new"))
	}
	cancelled := 0
	for n := int64(1); n < 1000; n++ {
		base, cancel := context.WithCancel(ctx(t))
		c := &countingCtx{Context: base, cancel: cancel}
		c.left.Store(n)
		err := st.PutArticle(c, a, evs)
		cancel()
		got := all(t, st, store.Filter{})
		if err == nil {
			if len(got) != len(evs) {
				t.Fatalf("put succeeded with %d of %d events visible", len(got), len(evs))
			}
			break
		}
		cancelled++
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("cancelled put: %v", err)
		}
		if len(got) != 1 || got[0].Sentence != "old" {
			t.Fatalf("cancel at check %d: %d events visible, want the old one only", n, len(got))
		}
	}
	if cancelled < 2 {
		t.Fatalf("only %d cancellation points were hit: the test checked nothing", cancelled)
	}
}

// ActorsCancel checks that Actors stops soon after its context ends: it
// writes rows straight into the Actors count tables through db (500,000
// dyads on one day, so that the ranking takes well over the deadline),
// asks once without a deadline to see that the query is slow, then with a
// 20 ms deadline, which must end the call with context.DeadlineExceeded
// within a fraction of the full time; the store answers afterwards.
func ActorsCancel(t *testing.T, st store.Store, db *sql.DB) {
	const rows = 500_000
	c := ctx(t)
	for _, q := range []string{
		`WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ` + fmt.Sprint(rows) + `)
		INSERT INTO dyad_counts (grain, period, a_code, a_country, r_code, r_country, n)
		SELECT 'D', '2020-01-15', 'A' || i, 'AAA', 'B' || (i % 1000), 'BBB', 1 + i % 7 FROM c`,
		`INSERT INTO actor_counts (grain, period, code, country, as_actor, as_recipient)
		VALUES ('D', '2020-01-15', 'A1', 'AAA', 1, 0), ('D', '2020-02-20', 'A1', 'AAA', 1, 0)`,
	} {
		if _, err := db.ExecContext(c, q); err != nil {
			t.Fatalf("fill count tables: %v", err)
		}
	}
	q := store.ActorsQuery{Since: "2020-01-15", Until: "2020-01-16"}
	t0 := time.Now()
	r, err := st.Actors(c, q)
	full := time.Since(t0)
	if err != nil || len(r.Dyads) != 20 {
		t.Fatalf("Actors without deadline: %v, %+v", err, r)
	}
	const deadline = 20 * time.Millisecond
	if full < 5*deadline {
		t.Fatalf("Actors took %v on %d rows: too fast to test a %v deadline", full, rows, deadline)
	}
	dc, cancel := context.WithTimeout(c, deadline)
	defer cancel()
	t0 = time.Now()
	_, err = st.Actors(dc, q)
	took := time.Since(t0)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Actors with a %v deadline: error %v, want context.DeadlineExceeded", deadline, err)
	}
	if took > deadline+full/2 {
		t.Errorf("Actors with a %v deadline returned after %v (%v without)", deadline, took, full)
	}
	t.Logf("Actors: %v without deadline, %v with a %v deadline", full, took, deadline)
	if _, err := st.Actors(c, q); err != nil {
		t.Fatalf("Actors after a cancelled one: %v", err)
	}
}

// Package synth generates realistic synthetic articles and events, to fill a
// store for load tests and benchmarks (dyad gen) without any real news.
//
// The output is deterministic for a seed. Dyads are drawn from a skewed
// (Zipf-like) distribution over real ISO 3166-1 alpha-3 country codes, so a
// few pairs carry much of the traffic as in GDELT; actors are the country
// itself or one of its sectors (government, military, ...); event types
// follow rough real-world frequencies (talk and statements common, assaults
// rare) with each type's modes, default CAMEO code, Goldstein score and quad
// class from the pinned ontology; dates spread over the configured years.
// A share of the articles are re-publications of an earlier article by
// another outlet (the same body with the outlet's own line added), so the
// store's near-duplicate detection and mention counting run at scale too.
//
// Sentences are templates ("The government of Turkey met Azerbaijan on
// 2021-03-05 (report 4711).") made up here: no news text is used.
package synth

import (
	"context"
	"fmt"
	"iter"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/store"
)

// Config says what to generate.
type Config struct {
	Seed     uint64
	Events   int       // total events
	Articles int       // articles to spread them over; default Events/8 (at least 1)
	From, To time.Time // event dates; default 2015-01-01 .. 2024-12-31
	// DupRate is the share of articles that re-publish an earlier one;
	// default 0.05. Their events become mentions, so a store holds fewer
	// than Events events (and exactly Events reports).
	DupRate float64
}

// countries are the actors' countries with their names, in order of
// activity: weight of the i-th is 1/(i+1)^countrySkew.
var countries = []struct{ code, name string }{
	{"USA", "the United States"}, {"RUS", "Russia"}, {"CHN", "China"}, {"GBR", "the United Kingdom"},
	{"UKR", "Ukraine"}, {"ISR", "Israel"}, {"IRN", "Iran"}, {"TUR", "Turkey"}, {"FRA", "France"},
	{"DEU", "Germany"}, {"IND", "India"}, {"PAK", "Pakistan"}, {"SYR", "Syria"}, {"JPN", "Japan"},
	{"PRK", "North Korea"}, {"KOR", "South Korea"}, {"SAU", "Saudi Arabia"}, {"AFG", "Afghanistan"},
	{"IRQ", "Iraq"}, {"EGY", "Egypt"}, {"AZE", "Azerbaijan"}, {"ARM", "Armenia"}, {"NGA", "Nigeria"},
	{"BRA", "Brazil"}, {"MEX", "Mexico"}, {"CAN", "Canada"}, {"AUS", "Australia"}, {"ITA", "Italy"},
	{"ESP", "Spain"}, {"POL", "Poland"}, {"GEO", "Georgia"}, {"KAZ", "Kazakhstan"}, {"QAT", "Qatar"},
	{"ARE", "the United Arab Emirates"}, {"LBN", "Lebanon"}, {"JOR", "Jordan"}, {"YEM", "Yemen"},
	{"ETH", "Ethiopia"}, {"KEN", "Kenya"}, {"ZAF", "South Africa"}, {"VEN", "Venezuela"},
	{"COL", "Colombia"}, {"ARG", "Argentina"}, {"IDN", "Indonesia"}, {"PHL", "the Philippines"},
	{"VNM", "Vietnam"}, {"THA", "Thailand"}, {"MMR", "Myanmar"}, {"BGD", "Bangladesh"},
	{"LBY", "Libya"}, {"SDN", "Sudan"}, {"MLI", "Mali"}, {"GRC", "Greece"}, {"CYP", "Cyprus"},
	{"SRB", "Serbia"}, {"HUN", "Hungary"}, {"BLR", "Belarus"}, {"MDA", "Moldova"}, {"UZB", "Uzbekistan"},
	{"TKM", "Turkmenistan"},
}

const countrySkew = 1.1

// sectors an actor may have, with weights; "" is the country itself.
var sectors = []struct {
	code, name string
	weight     float64
}{
	{"", "", 30}, {"GOV", "the government of", 35}, {"MIL", "the military of", 10}, {"COP", "police in", 4},
	{"LEG", "the parliament of", 5}, {"OPP", "the opposition in", 4}, {"BUS", "businesses in", 4},
	{"MED", "the press of", 3}, {"CVL", "civilians in", 3}, {"REB", "rebels in", 2},
}

// typeWeights are rough shares of the PLOVER types in news event data
// (statements and consultations dominate, force is rare).
var typeWeights = map[string]float64{
	"CONSULT": 22, "SUPPORT": 9, "AGREE": 8, "COOPERATE": 9, "REQUEST": 8, "ACCUSE": 10,
	"AID": 4, "REJECT": 5, "THREATEN": 3, "PROTEST": 4, "SANCTION": 2, "MOBILIZE": 2,
	"COERCE": 5, "ASSAULT": 6, "CONCEDE": 2, "RETREAT": 1,
}

// verbs renders a type in the sentence templates.
var verbs = map[string]string{
	"CONSULT": "held talks with", "SUPPORT": "voiced support for", "AGREE": "agreed with",
	"COOPERATE": "signed a cooperation deal with", "REQUEST": "called on", "ACCUSE": "accused",
	"AID": "sent aid to", "REJECT": "rejected a proposal from", "THREATEN": "threatened",
	"PROTEST": "protested against", "SANCTION": "imposed sanctions on", "MOBILIZE": "mobilised troops near",
	"COERCE": "detained citizens of", "ASSAULT": "shelled positions of", "CONCEDE": "made concessions to",
	"RETREAT": "withdrew forces from",
}

var sites = []string{"dailywire.example", "worldnews.example", "capitalpost.example", "eveningherald.example",
	"regionaltimes.example", "thechronicle.example", "globaldispatch.example", "newsagency.example",
	"morningstar.example", "frontpage.example", "observer.example", "bulletin.example"}

// typeChoice is a type with its modes' CAMEO codes.
type typeChoice struct {
	name   string
	weight float64
	modes  []modeChoice
}

type modeChoice struct {
	mode string
	code event.Code
}

// Generator yields articles with events. Create it with New.
type Generator struct {
	cfg     Config
	types   []typeChoice
	typeCum []float64
	cCum    []float64
	sCum    []float64
}

// New checks cfg, fills defaults and prepares the tables.
func New(cfg Config) (*Generator, error) {
	if cfg.Events <= 0 {
		return nil, fmt.Errorf("synth: %d events: want > 0", cfg.Events)
	}
	if cfg.Articles <= 0 {
		cfg.Articles = max(1, cfg.Events/8)
	}
	if cfg.Articles > cfg.Events {
		cfg.Articles = cfg.Events
	}
	if cfg.From.IsZero() {
		cfg.From = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if cfg.To.IsZero() {
		cfg.To = time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	if !cfg.To.After(cfg.From) {
		return nil, fmt.Errorf("synth: date range %s..%s is empty", cfg.From.Format(time.DateOnly), cfg.To.Format(time.DateOnly))
	}
	if cfg.DupRate == 0 {
		cfg.DupRate = 0.05
	}
	if cfg.DupRate < 0 || cfg.DupRate >= 1 {
		return nil, fmt.Errorf("synth: dup rate %v: want 0..1", cfg.DupRate)
	}
	o, err := event.Ontology()
	if err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	g := &Generator{cfg: cfg}
	for _, t := range o.Types() {
		w, ok := typeWeights[t.Name]
		if !ok {
			continue
		}
		tc := typeChoice{name: t.Name, weight: w}
		for _, m := range t.Modes {
			if c, ok := o.CAMEOFor(t.Name, m.Name); ok {
				tc.modes = append(tc.modes, modeChoice{m.Name, c})
			}
		}
		if len(tc.modes) > 0 {
			g.types = append(g.types, tc)
		}
	}
	if len(g.types) == 0 {
		return nil, fmt.Errorf("synth: no event types in the ontology")
	}
	g.typeCum = cumulative(len(g.types), func(i int) float64 { return g.types[i].weight })
	g.cCum = cumulative(len(countries), func(i int) float64 { return 1 / math.Pow(float64(i+1), countrySkew) })
	g.sCum = cumulative(len(sectors), func(i int) float64 { return sectors[i].weight })
	return g, nil
}

func cumulative(n int, w func(int) float64) []float64 {
	c := make([]float64, n)
	sum := 0.0
	for i := range n {
		sum += w(i)
		c[i] = sum
	}
	for i := range c {
		c[i] /= sum
	}
	return c
}

func pick(r *rand.Rand, cum []float64) int {
	x := r.Float64()
	lo, hi := 0, len(cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if cum[mid] < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// Articles yields the articles in order; each batch item is one article and
// its events. The sequence is the same for the same Config.
func (g *Generator) Articles() iter.Seq[store.Batch] {
	return func(yield func(store.Batch) bool) {
		r := rand.New(rand.NewPCG(g.cfg.Seed, 0x64796164)) // "dyad"
		days := int(g.cfg.To.Sub(g.cfg.From).Hours() / 24)
		left := g.cfg.Events
		var recent []store.Batch // originals that may be re-published
		for i := range g.cfg.Articles {
			// Spread the events evenly; the last article takes the rest.
			n := left / (g.cfg.Articles - i)
			if n < 1 {
				n = 1
			}
			var b store.Batch
			if len(recent) > 0 && r.Float64() < g.cfg.DupRate {
				b = g.republish(r, recent[r.IntN(len(recent))], i)
			} else {
				b = g.original(r, i, n, days)
				if len(recent) < 64 {
					recent = append(recent, b)
				} else {
					recent[r.IntN(len(recent))] = b
				}
			}
			left -= len(b.Events)
			if !yield(b) {
				return
			}
			if left <= 0 {
				return
			}
		}
	}
}

func (g *Generator) participant(r *rand.Rand, exclude int) (*event.Participant, int) {
	ci := pick(r, g.cCum)
	for ci == exclude {
		ci = pick(r, g.cCum)
	}
	c := countries[ci]
	s := sectors[pick(r, g.sCum)]
	p := &event.Participant{Code: c.code + s.code, Country: c.code, Sector: s.code, Text: c.name}
	if s.code != "" {
		p.Text = s.name + " " + strings.TrimPrefix(c.name, "the ")
	}
	return p, ci
}

// original makes a new article of n events.
func (g *Generator) original(r *rand.Rand, i, n, days int) store.Batch {
	pub := g.cfg.From.AddDate(0, 0, r.IntN(days+1))
	site := sites[r.IntN(len(sites))]
	a := &article.Article{
		URL:       fmt.Sprintf("https://%s/%s/report-%d", site, pub.Format("2006/01"), i),
		Title:     fmt.Sprintf("Report %d", i),
		Published: pub,
		Site:      site,
		Lang:      "en",
	}
	// The article is about one dyad mostly, as news is.
	actor, ai := g.participant(r, -1)
	recip, _ := g.participant(r, ai)
	var events []event.Event
	var paras []article.Paragraph
	offset := 0
	for k := range n {
		if k > 0 && r.Float64() < 0.3 {
			actor, ai = g.participant(r, -1)
			recip, _ = g.participant(r, ai)
		}
		if r.Float64() < 0.3 {
			actor, recip = recip, actor
		}
		tc := g.types[pick(r, g.typeCum)]
		m := tc.modes[r.IntN(len(tc.modes))]
		date := pub.AddDate(0, 0, -r.IntN(3)).Format(time.DateOnly)
		verb := verbs[tc.name]
		first := capitalize(actor.Text)
		sent := fmt.Sprintf("%s %s %s on %s, according to report %d-%d.", first, verb, recip.Text, date, i, k)
		if offset > 0 {
			offset += len(article.ParagraphSep)
		}
		ev := event.Event{
			Date: date, Type: tc.name, Mode: m.mode, Context: []string{}, CAMEO: m.code.Code,
			Goldstein: m.code.Goldstein, QuadClass: int(m.code.QuadClass),
			Actor: cloneP(actor), Recipient: cloneP(recip), Sentence: sent, SentenceIndex: k,
			Evidence: event.Evidence{
				Trigger:       verb,
				ActorSpan:     [2]int{offset, offset + len(first)},
				TriggerSpan:   [2]int{offset + len(first) + 1, offset + len(first) + 1 + len(verb)},
				RecipientSpan: [2]int{offset + len(first) + len(verb) + 2, offset + len(first) + len(verb) + 2 + len(recip.Text)},
			},
			Confidence: 0.5 + float64(r.IntN(50))/100,
		}
		if r.Float64() < 0.4 {
			ev.Location = &event.Place{Name: strings.TrimPrefix(countries[ai].name, "the "), Country: actor.Country}
		}
		events = append(events, ev)
		paras = append(paras, article.Paragraph{Text: sent})
		offset += len(sent)
	}
	a.Paragraphs = paras
	a.SetID()
	for k := range events {
		ev := &events[k]
		ev.ID = event.StableID(a.ID, ev.SentenceIndex, ev.Evidence.TriggerSpan, ev.Actor.Code, ev.Recipient.Code)
	}
	return store.Batch{Article: a, Events: events}
}

// republish copies an original under another outlet with its own lead line;
// spans shift by the added line.
func (g *Generator) republish(r *rand.Rand, orig store.Batch, i int) store.Batch {
	site := sites[r.IntN(len(sites))]
	for site == orig.Article.Site {
		site = sites[r.IntN(len(sites))]
	}
	lead := fmt.Sprintf("Republished by %s with permission (wire copy %d).", site, i)
	a := *orig.Article
	a.Site = site
	a.URL = fmt.Sprintf("https://%s/wire/%d", site, i)
	a.Title = orig.Article.Title + " (" + site + ")"
	a.Paragraphs = append([]article.Paragraph{{Text: lead}}, orig.Article.Paragraphs...)
	a.SetID()
	shift := len(lead) + len(article.ParagraphSep)
	var events []event.Event
	for _, ev := range orig.Events {
		ev.SentenceIndex++
		ev.Evidence.TriggerSpan = [2]int{ev.Evidence.TriggerSpan[0] + shift, ev.Evidence.TriggerSpan[1] + shift}
		ev.Evidence.ActorSpan = [2]int{ev.Evidence.ActorSpan[0] + shift, ev.Evidence.ActorSpan[1] + shift}
		ev.Evidence.RecipientSpan = [2]int{ev.Evidence.RecipientSpan[0] + shift, ev.Evidence.RecipientSpan[1] + shift}
		ev.ID = event.StableID(a.ID, ev.SentenceIndex, ev.Evidence.TriggerSpan, ev.Actor.Code, ev.Recipient.Code)
		events = append(events, ev)
	}
	return store.Batch{Article: &a, Events: events}
}

func cloneP(p *event.Participant) *event.Participant {
	c := *p
	return &c
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Dyads returns the n most frequent country dyads the generator draws from
// (by construction: the top countries paired), for benchmarks to query.
func Dyads(n int) [][2]string {
	var out [][2]string
	for i := 0; i < len(countries) && len(out) < n; i++ {
		for j := 0; j < i && len(out) < n; j++ {
			out = append(out, [2]string{countries[j].code, countries[i].code})
		}
	}
	return out
}

// FillStats reports a Fill.
type FillStats struct {
	Articles, Events int
	Elapsed          time.Duration
}

// EventsPerSecond is the put rate of events (reports).
func (s FillStats) EventsPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Events) / s.Elapsed.Seconds()
}

// Fill puts everything g generates into st, batchArticles articles per
// transaction when st is a store.BatchPutter (one PutArticle each
// otherwise). progress, if not nil, is called after each batch.
func Fill(ctx context.Context, st store.Store, g *Generator, batchArticles int, progress func(FillStats)) (FillStats, error) {
	if batchArticles <= 0 {
		batchArticles = 500
	}
	start := time.Now()
	var stats FillStats
	bp, batched := st.(store.BatchPutter)
	var batch []store.Batch
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if batched {
			if err := bp.PutArticles(ctx, batch); err != nil {
				return err
			}
		} else {
			for _, b := range batch {
				if err := st.PutArticle(ctx, b.Article, b.Events); err != nil {
					return err
				}
			}
		}
		for _, b := range batch {
			stats.Articles++
			stats.Events += len(b.Events)
		}
		batch = batch[:0]
		stats.Elapsed = time.Since(start)
		if progress != nil {
			progress(stats)
		}
		return nil
	}
	for b := range g.Articles() {
		batch = append(batch, b)
		if len(batch) == batchArticles {
			if err := flush(); err != nil {
				return stats, fmt.Errorf("fill after %d articles: %w", stats.Articles, err)
			}
		}
	}
	if err := flush(); err != nil {
		return stats, fmt.Errorf("fill after %d articles: %w", stats.Articles, err)
	}
	stats.Elapsed = time.Since(start)
	return stats, nil
}

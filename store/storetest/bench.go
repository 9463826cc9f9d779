package storetest

import (
	"context"
	"fmt"
	"iter"
	"sort"
	"testing"
	"time"

	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/store/synth"
)

// RelationsLatency runs Relations over a fixed set of queries (the most
// frequent generated country dyads and actor-code dyads, by month and by
// week, over all years and over one year) rounds times and returns every
// call's latency, sorted.
func RelationsLatency(ctx context.Context, st store.Store, rounds int) ([]time.Duration, error) {
	var qs []store.RelationsQuery
	for i, d := range synth.Dyads(20) {
		by := store.Month
		if i%3 == 1 {
			by = store.Week
		}
		q := store.RelationsQuery{A: d[0], B: d[1], By: by}
		if i%2 == 1 {
			q.Since, q.Until = "2020-01-01", "2020-12-31"
		}
		qs = append(qs, q)
		// The same dyad as government actor codes.
		qs = append(qs, store.RelationsQuery{A: "code:" + d[0] + "GOV", B: "code:" + d[1] + "GOV", By: store.Year})
	}
	var lat []time.Duration
	for range rounds {
		for _, q := range qs {
			t0 := time.Now()
			rel, err := st.Relations(ctx, q)
			if err != nil {
				return nil, fmt.Errorf("relations %s %s: %w", q.A, q.B, err)
			}
			lat = append(lat, time.Since(t0))
			if len(rel.Periods) == 0 && q.Since == "" {
				return nil, fmt.Errorf("relations %s %s: no periods: the store is not filled", q.A, q.B)
			}
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	return lat, nil
}

// Percentile returns the p-th percentile (0..100) of sorted latencies.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted)-1)*p/100 + 0.5)
	return sorted[i]
}

// BenchRelations fills st with events synthetic events (unless it holds
// events already: a store filled by an earlier run is reused) and reports
// Relations latency p50 and p95 in milliseconds, and the fill rate.
func BenchRelations(b *testing.B, st store.Store, events int) {
	benchLatency(b, st, events, RelationsLatency)
}

// benchLatency fills st when empty, warms it with one round of latency,
// then reports p50 and p95 in milliseconds over the rounds b runs.
func benchLatency(b *testing.B, st store.Store, events int, latency func(context.Context, store.Store, int) ([]time.Duration, error)) {
	ctx := context.Background()
	fillIfEmpty(b, st, events)
	// Warm the cache once, as a server would be.
	if _, err := latency(ctx, st, 1); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var all []time.Duration
	for b.Loop() {
		lat, err := latency(ctx, st, 1)
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, lat...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	b.ReportMetric(float64(Percentile(all, 50).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(Percentile(all, 95).Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(len(all))/float64(b.N), "queries/op")
}

// fillIfEmpty fills st with events synthetic events (seed 1) unless it
// holds events already, and refreshes the planner statistics.
func fillIfEmpty(b *testing.B, st store.Store, events int) {
	ctx := context.Background()
	page, err := st.Events(ctx, store.Filter{}, store.Page{Limit: 1})
	if err != nil {
		b.Fatal(err)
	}
	if len(page.Events) > 0 {
		return
	}
	g, err := synth.New(synth.Config{Seed: 1, Events: events})
	if err != nil {
		b.Fatal(err)
	}
	stats, err := synth.Fill(ctx, st, g, 1000, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("filled %d events in %d articles in %v: %.0f events/s", stats.Events, stats.Articles, stats.Elapsed.Round(time.Millisecond), stats.EventsPerSecond())
	if a, ok := st.(interface{ Analyze(context.Context) error }); ok {
		if err := a.Analyze(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchPut measures bulk puts: each op stores 100 new synthetic articles
// (about 800 events) in one PutArticles transaction; reports events/s.
func BenchPut(b *testing.B, st store.Store) {
	g, err := synth.New(synth.Config{Seed: 11, Events: 50_000_000})
	if err != nil {
		b.Fatal(err)
	}
	next, stop := iterPull(g)
	defer stop()
	bp, ok := st.(store.BatchPutter)
	if !ok {
		b.Skip("store has no PutArticles")
	}
	events := 0
	start := time.Now()
	for b.Loop() {
		batch := make([]store.Batch, 0, 100)
		for range 100 {
			it, ok := next()
			if !ok {
				b.Fatal("generator exhausted")
			}
			batch = append(batch, it)
			events += len(it.Events)
		}
		if err := bp.PutArticles(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(events)/time.Since(start).Seconds(), "events/s")
}

func iterPull(g *synth.Generator) (func() (store.Batch, bool), func()) {
	return iter.Pull(g.Articles())
}

// ActorsQueries is the Actors query mix of BenchActors: the whole store,
// the most active countries, one year, partial months at both ends, an
// open-ended range and a single day, at the web UI's default limit and
// at the API's largest.
func ActorsQueries() []store.ActorsQuery {
	qs := []store.ActorsQuery{
		{Limit: 20},
		{Limit: 1000},
		{Limit: 20, Since: "2020-01-01", Until: "2020-12-31"},
		{Limit: 20, Since: "2019-03-17", Until: "2021-08-09"},
		{Limit: 20, Since: "2022-06-15"},
		{Limit: 20, Until: "2016-02-10"},
		{Limit: 20, Since: "2021-05-05", Until: "2021-05-05"},
		{Limit: 50, Since: "2023-11-20", Until: "2024-01-10"},
	}
	for i, c := range []string{"USA", "RUS", "TUR", "AZE"} {
		q := store.ActorsQuery{Limit: 20, Country: c}
		if i%2 == 1 {
			q.Since, q.Until = "2018-04-02", "2019-09-30"
		}
		qs = append(qs, q)
	}
	return qs
}

// ActorsLatency runs the ActorsQueries rounds times and returns every
// call's latency, sorted.
func ActorsLatency(ctx context.Context, st store.Store, rounds int) ([]time.Duration, error) {
	var lat []time.Duration
	for range rounds {
		for _, q := range ActorsQueries() {
			t0 := time.Now()
			r, err := st.Actors(ctx, q)
			if err != nil {
				return nil, fmt.Errorf("actors %+v: %w", q, err)
			}
			lat = append(lat, time.Since(t0))
			if len(r.Actors) == 0 && q.Since == "" && q.Until == "" {
				return nil, fmt.Errorf("actors %+v: none: the store is not filled", q)
			}
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	return lat, nil
}

// BenchActors is BenchRelations for Actors: it fills st when empty and
// reports Actors latency p50 and p95 in milliseconds over ActorsQueries.
func BenchActors(b *testing.B, st store.Store, events int) {
	benchLatency(b, st, events, ActorsLatency)
}

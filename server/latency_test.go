package server

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/store/storetest"
	"github.com/dyad-events/dyad/store/synth"
)

var (
	latencyEvents = flag.Int("dyad.events", 1_000_000, "events in the BenchmarkAPIRelations store")
	latencySeed   = flag.Uint64("dyad.seed", 1, "generator seed of the BenchmarkAPIRelations store")
)

// benchStore opens the synthetic SQLite store for a seed and size, filling
// it once: the file is cached under $TMPDIR/dyad-serve-bench keyed by seed
// and size (filled under a .tmp name and renamed when complete, so an
// interrupted fill is never reused). `dyad gen --events N --seed S --db
// FILE` makes the same file.
func benchStore(b *testing.B, seed uint64, events int) store.Store {
	b.Helper()
	ctx := context.Background()
	dir := filepath.Join(os.TempDir(), "dyad-serve-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("seed%d-events%d.db", seed, events))
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		tmp := path + ".tmp"
		for _, f := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
			os.Remove(f)
		}
		st, err := store.Open(ctx, tmp)
		if err != nil {
			b.Fatal(err)
		}
		g, err := synth.New(synth.Config{Seed: seed, Events: events})
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("filling %s with %d synthetic events (once; later runs reuse it)", path, events)
		stats, err := synth.Fill(ctx, st, g, 1000, nil)
		if err != nil {
			b.Fatal(err)
		}
		if a, ok := st.(interface{ Analyze(context.Context) error }); ok {
			if err := a.Analyze(ctx); err != nil {
				b.Fatal(err)
			}
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		b.Logf("filled %d events in %v: %.0f events/s", stats.Events, stats.Elapsed.Round(time.Second), stats.EventsPerSecond())
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// relationsQueries is the query mix of storetest.RelationsLatency as API
// URLs: the 20 most frequent generated country dyads by month or week, over
// all years or 2020 alone, and each dyad's governments by year.
func relationsQueries() []string {
	var qs []string
	for i, d := range synth.Dyads(20) {
		v := url.Values{"a": {d[0]}, "b": {d[1]}, "by": {"month"}}
		if i%3 == 1 {
			v.Set("by", "week")
		}
		if i%2 == 1 {
			v.Set("since", "2020-01-01")
			v.Set("until", "2020-12-31")
		}
		qs = append(qs, "/api/relations?"+v.Encode())
		qs = append(qs, "/api/relations?"+url.Values{"a": {"code:" + d[0] + "GOV"}, "b": {"code:" + d[1] + "GOV"}, "by": {"year"}}.Encode())
	}
	return qs
}

// BenchmarkAPIRelations measures GET /api/relations through HTTP (client,
// server, JSON and store) on a 1M-event SQLite store, reporting p50 and p95
// latency in milliseconds:
//
//	go test ./server -run '^$' -bench APIRelations -benchtime 5x -timeout 60m
//
// The first run fills the store (minutes); later runs reuse the cached file.
func BenchmarkAPIRelations(b *testing.B) {
	st := benchStore(b, *latencySeed, *latencyEvents)
	ts := httptest.NewServer(New(st, Options{}))
	defer ts.Close()
	qs := relationsQueries()
	round := func() []time.Duration {
		lat := make([]time.Duration, 0, len(qs))
		for _, q := range qs {
			t0 := time.Now()
			resp, err := http.Get(ts.URL + q)
			if err != nil {
				b.Fatal(err)
			}
			body, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(t0))
			if resp.StatusCode != 200 || len(body) < 100 {
				b.Fatalf("%s: %s %s", q, resp.Status, body)
			}
		}
		return lat
	}
	round() // warm the cache once, as a running server would be
	var all []time.Duration
	b.ResetTimer()
	for b.Loop() {
		all = append(all, round()...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	p50, p95 := storetest.Percentile(all, 50), storetest.Percentile(all, 95)
	b.ReportMetric(float64(p50.Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(p95.Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(all[len(all)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(float64(len(qs)), "queries/op")
	if p95 > 200*time.Millisecond {
		b.Errorf("p95 %v over the 200 ms bar", p95)
	}
}

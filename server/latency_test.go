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
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/store"
	_ "github.com/dyad-events/dyad/store/postgres" // registers postgres:// DSNs for -dyad.pgschema
	"github.com/dyad-events/dyad/store/storetest"
	"github.com/dyad-events/dyad/store/synth"
)

var (
	latencyEvents = flag.Int("dyad.events", 1_000_000, "events in the BenchmarkAPIRelations store")
	latencySeed   = flag.Uint64("dyad.seed", 1, "generator seed of the BenchmarkAPIRelations store")
	latencyDB     = flag.String("dyad.db", "", "SQLite file (or any store.Open DSN) for the API latency benchmarks, already filled, instead of the cached synthetic store")
	latencySchema = flag.String("dyad.pgschema", "", "PostgreSQL schema, already filled, for the API latency benchmarks (server $DYAD_TEST_POSTGRES, else postgres://postgres@127.0.0.1:5432/test)")
)

// pgDSN is the DSN of a schema on the test server: $DYAD_TEST_POSTGRES,
// else the machine's service (trust auth, database test), as the
// store/postgres tests use.
func pgDSN(schema string) string {
	dsn := os.Getenv("DYAD_TEST_POSTGRES")
	if dsn == "" {
		dsn = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + "search_path=" + url.QueryEscape(schema)
}

// latencyStore opens the store the API latency benchmarks query: the
// -dyad.pgschema schema, else the -dyad.db store, else the cached
// synthetic SQLite store of -dyad.seed and -dyad.events (benchStore).
// The first two are used as they are, never filled: an empty store fails
// the benchmark's response checks.
func latencyStore(b *testing.B) store.Store {
	b.Helper()
	var dsn string
	switch {
	case *latencySchema != "" && *latencyDB != "":
		b.Fatal("-dyad.pgschema and -dyad.db both set: choose one store")
	case *latencySchema != "":
		dsn = pgDSN(*latencySchema)
	case *latencyDB != "":
		if _, err := os.Stat(*latencyDB); err != nil && !strings.Contains(*latencyDB, "://") {
			b.Fatalf("-dyad.db: %v", err)
		}
		dsn = *latencyDB
	default:
		return benchStore(b, *latencySeed, *latencyEvents)
	}
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		b.Fatalf("open %s: %v", dsn, err)
	}
	b.Cleanup(func() { st.Close() })
	b.Logf("store %T at %s", st, dsn)
	return st
}

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

// actorsQueries is the query mix of storetest.ActorsLatency as API URLs.
func actorsQueries() []string {
	var qs []string
	for _, q := range storetest.ActorsQueries() {
		v := url.Values{"limit": {strconv.Itoa(q.Limit)}}
		for k, x := range map[string]string{"since": q.Since, "until": q.Until, "country": q.Country} {
			if x != "" {
				v.Set(k, x)
			}
		}
		qs = append(qs, "/api/actors?"+v.Encode())
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
// -dyad.pgschema NAME runs it on a filled PostgreSQL schema instead, and
// -dyad.db FILE on a filled SQLite file:
//
//	go test ./server -run '^$' -bench 'API(Relations|Actors)' -benchtime 5x -dyad.pgschema actorsbench
func BenchmarkAPIRelations(b *testing.B) {
	benchAPI(b, latencyStore(b), relationsQueries())
}

// BenchmarkAPIActors is BenchmarkAPIRelations for GET /api/actors, over the
// storetest.ActorsQueries mix, on the same store.
func BenchmarkAPIActors(b *testing.B) {
	benchAPI(b, latencyStore(b), actorsQueries())
}

// benchAPI serves st and GETs every query once per iteration, after one
// warming round, reporting p50, p95 and max latency in milliseconds; a p95
// over 200 ms fails the benchmark. Every response must be 200 with a body
// of at least 100 bytes (an empty store fails).
func benchAPI(b *testing.B, st store.Store, qs []string) {
	ts := httptest.NewServer(New(st, Options{}))
	defer ts.Close()
	byQuery := make([][]time.Duration, len(qs))
	round := func() []time.Duration {
		lat := make([]time.Duration, 0, len(qs))
		for i, q := range qs {
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
			d := time.Since(t0)
			lat = append(lat, d)
			byQuery[i] = append(byQuery[i], d)
			if resp.StatusCode != 200 || len(body) < 100 {
				b.Fatalf("%s: %s %s", q, resp.Status, body)
			}
		}
		return lat
	}
	round() // warm the cache once, as a running server would be
	for i := range byQuery {
		byQuery[i] = byQuery[i][:0]
	}
	var all []time.Duration
	b.ResetTimer()
	for b.Loop() {
		all = append(all, round()...)
	}
	b.StopTimer()
	slowest, slowMed := 0, time.Duration(0)
	for i, lat := range byQuery {
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		if m := storetest.Percentile(lat, 50); m > slowMed {
			slowest, slowMed = i, m
		}
	}
	b.Logf("slowest query by median: %v %s", slowMed, qs[slowest])
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

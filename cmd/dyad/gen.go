package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/dyad-events/dyad/store"
	_ "github.com/dyad-events/dyad/store/postgres" // postgres:// DSNs
	_ "github.com/dyad-events/dyad/store/sqlite"   // file DSNs (the default)
	"github.com/dyad-events/dyad/store/synth"
)

func runGen(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad gen", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	events := fs.Int("events", 100000, "events (reports) to generate")
	articles := fs.Int("articles", 0, "articles to spread them over (default events/8)")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same data")
	dup := fs.Float64("dup-rate", 0.05, "share of articles that re-publish an earlier one (their events become mentions)")
	db := fs.String("db", store.DefaultDSN, "store: a SQLite file or a postgres:// URL")
	batch := fs.Int("batch", 1000, "articles per transaction")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dyad gen [--events N] [--articles M] [--seed S] [--db DSN]")
		fmt.Fprintln(e.stderr, "Fills a store with synthetic events (made-up sentences, real country codes) for load tests.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "dyad gen: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	g, err := synth.New(synth.Config{Seed: *seed, Events: *events, Articles: *articles, DupRate: *dup})
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad gen: %v\n", err)
		return exitUsage
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad gen: %v\n", err)
		return exitFailed
	}
	defer st.Close()
	last := time.Now()
	stats, err := synth.Fill(ctx, st, g, *batch, func(s synth.FillStats) {
		if time.Since(last) >= 5*time.Second {
			last = time.Now()
			fmt.Fprintf(e.stderr, "dyad gen: %d events, %d articles, %.0f events/s\n", s.Events, s.Articles, s.EventsPerSecond())
		}
	})
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad gen: %v\n", err)
		return exitFailed
	}
	if a, ok := st.(interface{ Analyze(context.Context) error }); ok {
		if err := a.Analyze(ctx); err != nil {
			fmt.Fprintf(e.stderr, "dyad gen: analyze: %v\n", err)
			return exitFailed
		}
	}
	fmt.Fprintf(e.stdout, "stored %d events in %d articles in %v: %.0f events/s, %.0f articles/s\n",
		stats.Events, stats.Articles, stats.Elapsed.Round(time.Millisecond), stats.EventsPerSecond(),
		float64(stats.Articles)/stats.Elapsed.Seconds())
	return exitOK
}

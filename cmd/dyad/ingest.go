package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/pipeline"
	"github.com/dyad-events/dyad/store"
)

// runIngest codes articles and keeps them in a store. It is idempotent (an
// article already stored is skipped before any coding) and resumable: each
// batch of articles is stored in one transaction, so an interrupted run
// leaves whole batches behind and a rerun codes only the rest.
func runIngest(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad ingest", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	db := fs.String("db", store.DefaultDSN, "store: a SQLite file or a postgres:// URL")
	batch := fs.Int("batch", 32, "articles stored per transaction")
	progress := fs.String("progress", "auto", "progress display: auto (a bar on a terminal, log lines otherwise), bar, log or off")
	var pf pipelineFlags
	pf.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dyad ingest [flags] PATH|DIR|-...")
		fmt.Fprintln(e.stderr, "Codes the articles and stores them with their events; rerun to resume.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 || *batch < 1 {
		fs.Usage()
		return exitUsage
	}
	mode := *progress
	if mode == "auto" {
		mode = "log"
		if isTerminal(e.stderr) {
			mode = "bar"
		}
	}
	if mode != "bar" && mode != "log" && mode != "off" {
		fmt.Fprintf(e.stderr, "dyad ingest: unknown --progress %q\n", *progress)
		return exitUsage
	}
	p, err := pf.load()
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad ingest: %v\n", oneLine(err))
		return exitFailed
	}
	if p.Published.IsZero() {
		// The store dates every event; an article that carries no date of
		// its own is dated by the day it was ingested.
		y, m, d := time.Now().UTC().Date()
		p.Published = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if mode != "off" {
			fmt.Fprintf(e.stderr, "dyad ingest: articles without a date of their own are dated %s (set one with --published)\n", p.Published.Format("2006-01-02"))
		}
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad ingest: %v\n", oneLine(err))
		return exitFailed
	}
	defer st.Close()

	opt := article.Options{Format: pf.as, Stdin: e.stdin}
	total := -1
	if !contains(fs.Args(), "-") {
		// Reading is cheap next to coding: count first, for the ETA.
		total = 0
		for a := range article.Read(ctx, fs.Args(), opt) {
			if a != nil {
				total++
			}
		}
	}
	pr := &progressReport{w: e.stderr, mode: mode, total: total, start: time.Now()}
	failed := 0
	// Skip what is stored before coding it.
	src := func(yield func(*article.Article, error) bool) {
		for a, err := range article.Read(ctx, fs.Args(), opt) {
			if err == nil {
				has, herr := st.HasArticle(ctx, a.ID)
				if herr != nil {
					err = herr
				} else if has {
					pr.skip()
					continue
				}
			}
			if !yield(a, err) {
				return
			}
		}
	}
	var pending []store.Batch
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		var err error
		if bp, ok := st.(store.BatchPutter); ok {
			err = bp.PutArticles(ctx, pending)
		} else {
			for _, b := range pending {
				if err = st.PutArticle(ctx, b.Article, b.Events); err != nil {
					break
				}
			}
		}
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		for _, b := range pending {
			pr.add(len(b.Events))
		}
		pending = pending[:0]
		return nil
	}
	err = p.Run(ctx, src, pf.workers, func(r pipeline.Result) error {
		if r.Err != nil {
			failed++
			pr.clear()
			fmt.Fprintf(e.stderr, "dyad ingest: %v\n", oneLine(r.Err))
			return nil
		}
		pending = append(pending, store.Batch{Article: r.Article, Events: r.Events})
		if len(pending) >= *batch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	pr.update(true)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintf(e.stderr, "dyad ingest: interrupted; %d articles stored, rerun to finish the rest\n", pr.stored)
		} else {
			fmt.Fprintf(e.stderr, "dyad ingest: %v\n", oneLine(err))
		}
		return exitFailed
	}
	fmt.Fprintf(e.stderr, "dyad ingest: %d articles stored with %d events, %d already stored, %d input errors, in %s\n",
		pr.stored, pr.events, pr.skipped, failed, time.Since(pr.start).Round(time.Millisecond))
	if failed > 0 {
		return exitFailed
	}
	return exitOK
}

func contains(xs []string, x string) bool {
	for _, s := range xs {
		if s == x {
			return true
		}
	}
	return false
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progressReport shows how an ingest goes: a bar redrawn in place on a
// terminal, a log line every few seconds otherwise.
type progressReport struct {
	mu                      sync.Mutex // the feeder counts skips while the main loop counts stores
	w                       io.Writer
	mode                    string
	total                   int // -1: unknown (stdin)
	stored, skipped, events int
	start, last             time.Time
	drawn                   bool
}

func (p *progressReport) skip() {
	p.mu.Lock()
	p.skipped++
	p.mu.Unlock()
	p.update(false)
}

func (p *progressReport) add(events int) {
	p.mu.Lock()
	p.stored++
	p.events += events
	p.mu.Unlock()
	p.update(false)
}

func (p *progressReport) update(final bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.mode == "off" {
		return
	}
	now := time.Now()
	every := 200 * time.Millisecond
	if p.mode == "log" {
		every = 5 * time.Second
	}
	if !final && now.Sub(p.last) < every {
		return
	}
	p.last = now
	done := p.stored + p.skipped
	el := now.Sub(p.start).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(p.stored) / el
	}
	eta := "?"
	if p.total >= 0 && rate > 0 {
		eta = (time.Duration(float64(p.total-done)/rate) * time.Second).Round(time.Second).String()
	}
	of := ""
	if p.total >= 0 {
		of = fmt.Sprintf("/%d", p.total)
	}
	stat := fmt.Sprintf("%d%s articles (%d already stored), %d events, %.1f articles/s, ETA %s", done, of, p.skipped, p.events, rate, eta)
	if p.mode == "log" {
		if !final {
			fmt.Fprintf(p.w, "dyad ingest: %s\n", stat)
		}
		return
	}
	bar := ""
	if p.total > 0 {
		const width = 30
		n := done * width / p.total
		bar = "[" + strings.Repeat("=", n) + strings.Repeat(" ", width-n) + "] "
	}
	fmt.Fprintf(p.w, "\r\033[K%s%s", bar, stat)
	p.drawn = true
	if final {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}

// clear removes the bar before another line is written.
func (p *progressReport) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}

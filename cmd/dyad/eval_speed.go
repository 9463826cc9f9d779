package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/pipeline"
)

// evalSpeed measures coding throughput on one core: text in, events out,
// with the time of each stage and the peak memory.
func evalSpeed(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad eval speed", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	rounds := fs.Int("rounds", 3, "passes over the input (the first warms up)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{dataPath("wikinews-sample", "wikinews_2019.csv"), dataPath("wikinews-sample", "wikinews_2020.csv")}
	}
	loadStart := time.Now()
	p, err := pipeline.Load()
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad eval speed: %v\n", err)
		return exitFailed
	}
	load := time.Since(loadStart)
	var arts []*article.Article
	for a, err := range article.Read(ctx, paths, article.Options{}) {
		if err != nil {
			fmt.Fprintf(e.stderr, "dyad eval speed: %v\n", oneLine(err))
			continue
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 {
		fmt.Fprintln(e.stderr, "dyad eval speed: no articles")
		return exitFailed
	}
	prev := runtime.GOMAXPROCS(1) // one core, as the bars are stated
	defer runtime.GOMAXPROCS(prev)
	var st pipeline.StageTimes
	sentences, events := 0, 0
	var elapsed time.Duration
	for r := 0; r < *rounds; r++ {
		if ctx.Err() != nil {
			return exitFailed
		}
		if r == 1 || *rounds == 1 {
			st, sentences, events, elapsed = pipeline.StageTimes{}, 0, 0, 0
		}
		start := time.Now()
		for _, a := range arts {
			res := p.ProcessTimed(a, &st)
			sentences += len(res.Doc.Sentences)
			events += len(res.Events)
		}
		elapsed += time.Since(start)
	}
	n := *rounds - 1
	if n < 1 {
		n = 1
	}
	fmt.Fprintf(e.stdout, "throughput on one core (GOMAXPROCS=1), %d articles, %d sentences a pass, %d measured pass(es)\n",
		len(arts), sentences/n, n)
	fmt.Fprintf(e.stdout, "models and tables loaded in %s\n", load.Round(time.Millisecond))
	fmt.Fprintf(e.stdout, "text in, events out: %.0f sentences/s (%d events a pass)\n", float64(sentences)/elapsed.Seconds(), events/n)
	var nlpTime time.Duration
	for i, name := range pipeline.Stages {
		fmt.Fprintf(e.stdout, "  %-9s %8.0f sentences/s  %5.1f%%\n", name, float64(sentences)/st[i].Seconds(), 100*st[i].Seconds()/elapsed.Seconds())
		if i >= 1 && i <= 3 {
			nlpTime += st[i]
		}
	}
	fmt.Fprintf(e.stdout, "tag + parse + entities: %.0f sentences/s\n", float64(sentences)/nlpTime.Seconds())
	if hwm := peakRSS(); hwm != "" {
		fmt.Fprintf(e.stdout, "peak RSS %s\n", hwm)
	}
	// The machine's own speed, to compare days and CPUs (see
	// machineReference): taken after the passes, so as not to disturb
	// their caches.
	fmt.Fprintf(e.stdout, "machine reference: %.1f M random table reads/s on one core (%s)\n", machineReference(), cpuModel())
	return exitOK
}

// peakRSS reads the process's peak resident set size (Linux).
func peakRSS() string { return procField("/proc/self/status", "VmHWM") }

// procField returns the value of the first "key: value" line of a /proc
// file, trimmed, or "" when the file or the key is missing.
func procField(path, key string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

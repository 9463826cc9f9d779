package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/dyad-events/dyad/eval"
)

// evalClean scores the plain-text cleaner on dirty dumps made from clean
// articles (the Wikinews sample): reflow, furniture removal and metadata
// lifting together.
func evalClean(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad eval clean", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	seed := fs.Uint64("seed", 1, "seed of the dirtying generator")
	rounds := fs.Int("rounds", 3, "dirty versions made of each article (each with its own seed)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	dir := dataPath("wikinews-sample")
	if fs.NArg() > 0 {
		dir = fs.Arg(0)
	}
	docs, err := eval.LoadCleanDocs(ctx, dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad eval clean: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "text cleaner on dirtied %s: %d articles x %d rounds\n", dir, len(docs), *rounds)
	fmt.Fprintf(e.stdout, "%-6s %6s %7s %7s %7s %7s %7s %7s %8s %8s %8s\n",
		"round", "docs", "para P", "para R", "para F1", "tok P", "tok R", "tok F1", "author", "date", "links")
	var sumPara, sumTok float64
	for i := 0; i < *rounds; i++ {
		run, err := eval.RunClean(ctx, docs, *seed+uint64(i))
		if err != nil {
			fmt.Fprintf(e.stderr, "dyad eval clean: %v\n", err)
			return exitFailed
		}
		fmt.Fprintf(e.stdout, "%-6d %6d %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %8s %8s %8s\n", i+1, run.Docs,
			run.Paragraphs.Precision(), run.Paragraphs.Recall(), run.Paragraphs.F1(),
			run.Tokens.Precision, run.Tokens.Recall, run.Tokens.F1,
			frac(run.AuthorOK, run.Authors), frac(run.DateOK, run.Dates), frac(run.LinksOK, run.Links))
		sumPara += run.Paragraphs.F1()
		sumTok += run.Tokens.F1
	}
	fmt.Fprintf(e.stdout, "mean: paragraph F1 %.3f, token F1 %.3f\n", sumPara/float64(*rounds), sumTok/float64(*rounds))
	return exitOK
}

func frac(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d", a, b)
}

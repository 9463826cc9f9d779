package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/eval"
)

// extractBar is the design's quality bar for HTML main-text F1.
const extractBar = 0.95

// evalExtract runs article.ExtractHTML over the article-extraction
// benchmark in DIR (ground-truth.json, html/*.html.gz) and prints the
// benchmark's precision, recall, F1 and accuracy, the throughput, and a
// pass/fail line against the F1 bar.
func evalExtract(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad eval extract", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	text := fs.String("text", "body", "text scored per page: body (all paragraphs, headings included), "+
		"paragraphs (headings left out) or title+body")
	showErrors := fs.Bool("errors", false, "list the pages the extractor failed on")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dyad eval extract [flags] DIR")
		fmt.Fprintln(e.stderr, "\nDIR holds the article-extraction benchmark: ground-truth.json and html/*.html.gz")
		fmt.Fprintln(e.stderr, "(e.g. ../shared/data/article-extraction-benchmark).\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	render := extractText(*text)
	if render == nil {
		fmt.Fprintf(e.stderr, "dyad eval extract: unknown -text %q (want body, paragraphs or title+body)\n", *text)
		return exitUsage
	}
	dir := fs.Arg(0)

	run, err := eval.RunExtractBenchmark(ctx, dir, func(page io.Reader, pageURL string) (string, error) {
		a, err := article.ExtractHTML(page, pageURL)
		if err != nil {
			return "", err
		}
		return render(a), nil
	})
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad eval extract: %v\n", err)
		return exitFailed
	}

	m, sd := run.Metrics, run.Std
	w := e.stdout
	fmt.Fprintf(w, "article extraction benchmark: %s (text scored: %s)\n", dir, *text)
	fmt.Fprintf(w, "documents  %d (%d extractor errors, scored as empty)\n", m.Documents, run.Failed)
	fmt.Fprintf(w, "precision  %.3f ± %.3f\n", m.Precision, sd.Precision)
	fmt.Fprintf(w, "recall     %.3f ± %.3f\n", m.Recall, sd.Recall)
	fmt.Fprintf(w, "F1         %.3f ± %.3f\n", m.F1, sd.F1)
	fmt.Fprintf(w, "accuracy   %.3f ± %.3f\n", m.Accuracy, sd.Accuracy)
	fmt.Fprintf(w, "docs/s     %.1f (extraction only, one goroutine)\n", run.DocsPerSec())
	if m.F1 >= extractBar {
		fmt.Fprintf(w, "PASS: F1 %.3f >= %.2f\n", m.F1, extractBar)
	} else {
		fmt.Fprintf(w, "FAIL: F1 %.3f < %.2f\n", m.F1, extractBar)
	}
	if *showErrors {
		for _, err := range run.Errors {
			fmt.Fprintln(e.stderr, err)
		}
	}
	return exitOK
}

// extractText returns the way of turning an article into the text scored
// for a -text mode, or nil for an unknown mode. "body" is the default
// because it scores best: title left out (the gold bodies have none),
// headings kept (they are part of the gold bodies).
func extractText(mode string) func(*article.Article) string {
	switch mode {
	case "body":
		return func(a *article.Article) string { return joinParagraphs(a, true) }
	case "paragraphs":
		return func(a *article.Article) string { return joinParagraphs(a, false) }
	case "title+body":
		return func(a *article.Article) string { return a.Title + "\n" + joinParagraphs(a, true) }
	}
	return nil
}

func joinParagraphs(a *article.Article, headings bool) string {
	var b strings.Builder
	for _, p := range a.Paragraphs {
		if p.Heading && !headings {
			continue
		}
		b.WriteString(p.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

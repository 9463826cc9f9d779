package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/eval"
	"github.com/dyad-events/dyad/nlp"
)

// Bars from DESIGN.md: sentence F1 on PUD raw text, and the share of gold
// words the tokenizer reproduces exactly.
const (
	barSentenceF1 = 0.95
	barWordF1     = 0.98
)

// evalSegment scores the tokenizer and sentence splitter on UD treebanks:
// dyad eval segment [-errors N] [-no-paragraphs] [FILE.conllu|DIR]...
func evalSegment(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad eval segment", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	errs := fs.Int("errors", 0, "print up to `N` mismatched sentences and words per file (for tuning on train/dev)")
	noPar := fs.Bool("no-paragraphs", false, "ignore # newpar marks: only document breaks are hard breaks")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dyad eval segment [flags] [FILE.conllu|DIR]...")
		fmt.Fprintln(e.stderr, "Scores sentence splitting and tokenization on the raw text of UD treebanks.")
		fmt.Fprintln(e.stderr, "A DIR (default ../shared/data/ud-english) means its *-test.conllu files.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{filepath.Join("..", "shared", "data", "ud-english")}
	}
	var files []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			fmt.Fprintf(e.stderr, "dyad eval segment: %v\n", err)
			return exitFailed
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		m, err := filepath.Glob(filepath.Join(p, "*-test.conllu"))
		if err != nil || len(m) == 0 {
			fmt.Fprintf(e.stderr, "dyad eval segment: no *-test.conllu files in %s\n", p)
			return exitFailed
		}
		sort.Strings(m)
		files = append(files, m...)
	}
	opt := eval.SegmentOptions{NoParagraphs: *noPar, Errors: *errs}
	failed := false
	fmt.Fprintf(e.stdout, "%-24s %5s %6s %7s %7s %7s %7s %7s %7s %7s\n",
		"treebank", "docs", "sents", "sent P", "sent R", "sent F1", "words", "word P", "word R", "word F1")
	var bars []string
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintf(e.stderr, "dyad eval segment: %v\n", err)
			return exitFailed
		}
		sc, err := eval.ScoreSegment(ctx, f, path, nlp.Segment, opt)
		f.Close()
		if err != nil {
			fmt.Fprintf(e.stderr, "dyad eval segment: %v\n", err)
			return exitFailed
		}
		name := filepath.Base(path)
		fmt.Fprintf(e.stdout, "%-24s %5d %6d %7.4f %7.4f %7.4f %7d %7.4f %7.4f %7.4f\n", name, sc.Documents,
			sc.Sentences.Gold, sc.Sentences.Precision(), sc.Sentences.Recall(), sc.Sentences.F1(),
			sc.Words.Gold, sc.Words.Precision(), sc.Words.Recall(), sc.Words.F1())
		for _, ex := range sc.Examples {
			fmt.Fprintf(e.stdout, "  %s\n", ex)
		}
		if strings.Contains(name, "pud") {
			bars = append(bars, bar(fmt.Sprintf("%s sentence F1", name), sc.Sentences.F1(), barSentenceF1, &failed))
		}
		bars = append(bars, bar(fmt.Sprintf("%s word F1", name), sc.Words.F1(), barWordF1, &failed))
	}
	fmt.Fprintln(e.stdout)
	for _, b := range bars {
		fmt.Fprintln(e.stdout, b)
	}
	if failed {
		return exitFailed
	}
	return exitOK
}

func bar(what string, got, want float64, failed *bool) string {
	verdict := "PASS"
	if got < want {
		verdict = "FAIL"
		*failed = true
	}
	return fmt.Sprintf("bar: %-38s %.4f >= %.2f  %s", what, got, want, verdict)
}

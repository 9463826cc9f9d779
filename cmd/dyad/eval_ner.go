package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dyad-events/dyad/eval"
	"github.com/dyad-events/dyad/nlp/ner"
	"github.com/dyad-events/dyad/nlp/tag"
)

// barNERF1 is DESIGN.md's bar: entity span F1 over PER, ORG and LOC on
// UNER PUD.
const barNERF1 = 0.70

// evalNER scores the recognizer on IOB2 gold files:
// dyad eval ner [--model FILE] [--holdout N] [GOLD.iob2...].
func evalNER(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad eval ner", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	model := fs.String("model", "", "score the model in `FILE` instead of the embedded one")
	var mf modelFlags
	fs.StringVar(&mf.tagger, "tagger-model", "", "tag with the tagger model in `FILE` (from 'dyad train tagger --out') instead of the embedded one")
	nerrs := fs.Int("errors", 0, "print up to `N` sentences with wrong entities per file (for tuning on dev data)")
	perSentence := fs.Bool("sentences", false, "recognize each sentence alone instead of each # newdoc document")
	holdout := fs.Int("holdout", 0, "score only the sentences 'dyad train ner --holdout N' held out (for UNER EWT dev)")
	noTag := fs.Bool("no-tag", false, "do not POS-tag the gold tokens first (the pipeline tags them)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dyad eval ner [flags] [GOLD.iob2|GOLD.tsv...]")
		fmt.Fprintln(e.stderr, "Runs the recognizer on the gold tokens and prints span P/R/F1 per type (PER, ORG, LOC).")
		fmt.Fprintln(e.stderr, "A .tsv GOLD holds standoff entities of Wikinews sample articles, such as dyad's news set "+wikinewsDev+";")
		fmt.Fprintln(e.stderr, "the embedded model is trained on that set, so score it held out with 'dyad train ner --cv 5'.")
		fmt.Fprintln(e.stderr, "Default GOLD: UNER PUD test and UNER EWT test in ../shared/data/ner, and, from the repository root,")
		fmt.Fprintln(e.stderr, "dyad's held-out news set "+wikinewsTest+".")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{
			dataPath("ner", "uner-pud-en_pud-ud-test.iob2"),
			dataPath("ner", "uner-ewt-en_ewt-ud-test.iob2"),
		}
		if _, err := os.Stat(wikinewsTest); err == nil { // run from the repository root
			files = append(files, wikinewsTest)
		}
	}
	fail := func(err error) int {
		fmt.Fprintf(e.stderr, "dyad eval ner: %v\n", err)
		return exitFailed
	}
	var rec *ner.Recognizer
	var err error
	t0 := time.Now()
	mf.ner = *model
	rec, err = mf.loadNER()
	if err != nil {
		return fail(err)
	}
	load := time.Since(t0)
	var tg *tag.Tagger
	if !*noTag {
		if tg, err = mf.loadTagger(); err != nil {
			return fail(err)
		}
	}
	failed := false
	var bars []string
	fmt.Fprintf(e.stdout, "%-32s %-7s %6s %6s %7s %7s %7s %7s\n", "gold", "type", "gold", "system", "correct", "P", "R", "F1")
	for _, path := range files {
		sents, err := readNERGold(ctx, path, e.stderr)
		if err != nil {
			return fail(err)
		}
		score := eval.NewNERScore(ner.Types...)
		shown := 0
		t1 := time.Now()
		var kept []eval.IOBSentence
		for i, s := range sents {
			if *holdout > 0 && !nerHoldout(i, *holdout) {
				continue
			}
			kept = append(kept, s)
		}
		for i := 0; i < len(kept); {
			if err := ctx.Err(); err != nil {
				return fail(err)
			}
			// one document: the sentences of one "# newdoc", or one sentence
			j := i + 1
			if !*perSentence && kept[i].Doc != "" {
				for j < len(kept) && kept[j].Doc == kept[i].Doc {
					j++
				}
			}
			preds := recognizeTokens(rec, tg, kept[i:j])
			for k, s := range kept[i:j] {
				gold := eval.IOBSpans(s.Tags)
				score.Add(gold, preds[k])
				if shown < *nerrs {
					if msg := nerDiff(s.Tokens, gold, preds[k]); msg != "" {
						fmt.Fprintf(e.stdout, "%s:%d: %s\n", path, s.Line, msg)
						shown++
					}
				}
			}
			i = j
		}
		el := time.Since(t1)
		name := filepath.Base(path)
		for _, typ := range ner.Types {
			c := score.Types[typ]
			if c == nil {
				c = &eval.SpanCounts{}
			}
			fmt.Fprintf(e.stdout, "%-32s %-7s %6d %6d %7d %7.4f %7.4f %7.4f\n", name, typ, c.Gold, c.System, c.Correct, c.Precision(), c.Recall(), c.F1())
		}
		o := score.Overall
		fmt.Fprintf(e.stdout, "%-32s %-7s %6d %6d %7d %7.4f %7.4f %7.4f\n", name, "overall", o.Gold, o.System, o.Correct, o.Precision(), o.Recall(), o.F1())
		fmt.Fprintf(e.stdout, "%-32s %d sentences in %v (%.0f sentences/s, gold tokens joined into documents, tagged and recognized)\n", name, score.Sentences, el.Round(time.Millisecond), float64(score.Sentences)/el.Seconds())
		if strings.Contains(name, "pud") {
			bars = append(bars, bar(name+" span F1 (PER/ORG/LOC)", o.F1(), barNERF1, &failed))
		}
	}
	fmt.Fprintf(e.stdout, "model loaded in %v\n\n", load.Round(time.Millisecond))
	for _, b := range bars {
		fmt.Fprintln(e.stdout, b)
	}
	if failed {
		return exitFailed
	}
	return exitOK
}

// recognizeTokens runs the pipeline's first stages on the gold tokens of
// a document's sentences (see eval.IOBDoc): the tagger, when tg is not
// nil, then the recognizer. It returns the entities of each sentence.
func recognizeTokens(rec *ner.Recognizer, tg *tag.Tagger, sents []eval.IOBSentence) [][]eval.TokenSpan {
	d := eval.IOBDoc(sents)
	if tg != nil {
		tg.TagDoc(d)
	}
	rec.Recognize(d)
	return eval.DocSpans(d)
}

// nerDiff describes the PER/ORG/LOC entities gold and pred disagree on,
// or returns "".
func nerDiff(words []string, gold, pred []eval.TokenSpan) string {
	keep := func(l string) bool { return l == "PER" || l == "ORG" || l == "LOC" }
	in := func(x eval.TokenSpan, set []eval.TokenSpan) bool {
		for _, y := range set {
			if x == y {
				return true
			}
		}
		return false
	}
	var parts []string
	for _, g := range gold {
		if keep(g.Label) && !in(g, pred) {
			parts = append(parts, fmt.Sprintf("missed %s %q", g.Label, strings.Join(words[g.Start:g.End], " ")))
		}
	}
	for _, p := range pred {
		if keep(p.Label) && !in(p, gold) {
			parts = append(parts, fmt.Sprintf("wrong %s %q", p.Label, strings.Join(words[p.Start:p.End], " ")))
		}
	}
	return strings.Join(parts, "; ")
}

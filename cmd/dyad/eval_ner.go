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
	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/ner"
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
	holdout := fs.Int("holdout", 0, "score only the sentences 'dyad train ner --holdout N' held out (for UNER EWT dev)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dyad eval ner [flags] [GOLD.iob2...]")
		fmt.Fprintln(e.stderr, "Runs the recognizer on the gold tokens and prints span P/R/F1 per type (PER, ORG, LOC).")
		fmt.Fprintln(e.stderr, "Default GOLD: UNER PUD test and UNER EWT test in ../shared/data/ner.")
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
	}
	fail := func(err error) int {
		fmt.Fprintf(e.stderr, "dyad eval ner: %v\n", err)
		return exitFailed
	}
	var rec *ner.Recognizer
	var err error
	t0 := time.Now()
	if *model != "" {
		rec, err = loadNERModel(*model)
	} else {
		rec, err = ner.Load()
	}
	if err != nil {
		return fail(err)
	}
	load := time.Since(t0)
	failed := false
	var bars []string
	fmt.Fprintf(e.stdout, "%-32s %-7s %6s %6s %7s %7s %7s %7s\n", "gold", "type", "gold", "system", "correct", "P", "R", "F1")
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			return fail(err)
		}
		sents, err := eval.ReadIOB(f, path)
		f.Close()
		if err != nil {
			return fail(err)
		}
		score := eval.NewNERScore(ner.Types...)
		t1 := time.Now()
		for i, s := range sents {
			if i%1000 == 0 {
				if err := ctx.Err(); err != nil {
					return fail(err)
				}
			}
			if *holdout > 0 && !nerHoldout(i, *holdout) {
				continue
			}
			score.Add(eval.IOBSpans(s.Tags), recognizeTokens(rec, s.Tokens))
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
		fmt.Fprintf(e.stdout, "%-32s %d sentences in %v (%.0f sentences/s, tokens joined into text and recognized)\n", name, score.Sentences, el.Round(time.Millisecond), float64(score.Sentences)/el.Seconds())
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

func loadNERModel(path string) (*ner.Recognizer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ner.ReadModel(f, path)
	if err != nil {
		return nil, err
	}
	return ner.NewWithDefaultKB(m)
}

// recognizeTokens runs the full recognizer on gold tokens: they are joined
// with spaces into a one-sentence document, so spans map back to tokens.
func recognizeTokens(rec *ner.Recognizer, words []string) []eval.TokenSpan {
	var b strings.Builder
	toks := make([]nlp.Token, len(words))
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(w)
		toks[i] = nlp.Token{Span: nlp.Span{Start: start, End: b.Len()}, Head: -1, SpaceAfter: i+1 < len(words)}
	}
	d := &nlp.Doc{Text: b.String()}
	for i := range toks {
		toks[i].Text = d.Text[toks[i].Span.Start:toks[i].Span.End]
	}
	d.Sentences = []nlp.Sentence{{Span: nlp.Span{Start: 0, End: len(d.Text)}, Tokens: toks}}
	rec.Recognize(d)
	out := make([]eval.TokenSpan, 0, len(d.Entities))
	for _, en := range d.Entities {
		out = append(out, eval.TokenSpan{Start: en.Tokens[0], End: en.Tokens[1], Label: en.Label})
	}
	return out
}

package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/conllu"
	"github.com/dyad-events/dyad/nlp/parse"
	"github.com/dyad-events/dyad/nlp/tag"
)

// trainParser trains the dependency parser on UD English EWT train and
// writes its model:
//
//	dyad train parser [--data DIR] [--out FILE] [--epochs N] [--seed N] ...
//
// It prints dev UAS/LAS after every epoch. The committed model is built by
// 'dyad train parser' with the defaults (run from the repository root).
func trainParser(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad train parser", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	data := fs.String("data", dataPath("ud-english"), "`DIR` holding en_ewt-ud-train.conllu and en_ewt-ud-dev.conllu")
	out := fs.String("out", filepath.Join("nlp", "parse", "model", "parser.gz"), "write the model to `FILE`")
	epochs := fs.Int("epochs", 15, "training epochs")
	seed := fs.Uint64("seed", 1, "random seed (shuffling, exploration)")
	ensemble := fs.Int("ensemble", 3, "train `N` models with seeds seed, seed+1, ... and average their weights")
	explore := fs.Float64("explore", 0.9, "probability of following a wrong prediction after epoch 1 (dynamic oracle); negative: never")
	prune := fs.Float64("prune", 0.01, "drop averaged weights below this magnitude; negative: keep all")
	minUpd := fs.Int("min-updates", 2, "drop features that took part in fewer than `N` perceptron updates")
	limit := fs.Int("limit", 0, "train on the first `N` sentences only (0: all)")
	tags := fs.String("tags", "jackknife", "tags to train on: jackknife (the tagger's, each fold tagged by a tagger trained on the others) or gold")
	alsoGold := fs.Bool("also-gold", false, "with jackknifed tags, also train on a copy of the sentences with gold tags")
	devGold := fs.Bool("dev-gold", false, "score dev with gold tags (default: tagged by the embedded tagger, as in use)")
	folds := fs.Int("folds", 10, "jackknife folds")
	cache := fs.String("tag-cache", "", "keep the jackknifed training tags in `FILE` (UPOS, XPOS, lemma a line, blank line a sentence) and reuse them when it exists, for experiments")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dyad train parser [flags]")
		fmt.Fprintln(e.stderr, "Trains the arc-hybrid perceptron parser on EWT train; prints dev UAS/LAS per epoch.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	if *tags != "jackknife" && *tags != "gold" {
		fmt.Fprintf(e.stderr, "dyad train parser: --tags %q: want jackknife or gold\n", *tags)
		return exitUsage
	}
	start := time.Now()
	trainPath := filepath.Join(*data, "en_ewt-ud-train.conllu")
	devPath := filepath.Join(*data, "en_ewt-ud-dev.conllu")
	trainCU, err := readConllu(trainPath)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad train parser: %v\n", err)
		return exitFailed
	}
	devCU, err := readConllu(devPath)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad train parser: %v\n", err)
		return exitFailed
	}
	if *limit > 0 && *limit < len(trainCU) {
		trainCU = trainCU[:*limit]
	}
	train := make([]nlp.Sentence, len(trainCU))
	for i, s := range trainCU {
		train[i] = parse.FromConllu(s)
	}
	dev := make([]nlp.Sentence, len(devCU))
	for i, s := range devCU {
		dev[i] = parse.FromConllu(s)
	}
	fmt.Fprintf(e.stdout, "train: %s (%d sentences), dev: %s (%d sentences)\n", trainPath, len(train), devPath, len(dev))
	tagNote := "train: gold"
	if *tags == "jackknife" {
		if err := cachedJackknife(ctx, e, *cache, trainCU, train, *folds); err != nil {
			fmt.Fprintf(e.stderr, "dyad train parser: %v\n", err)
			return exitFailed
		}
		tagNote = fmt.Sprintf("train: jackknifed over %d folds (%s)", *folds, time.Since(start).Round(time.Second))
		if *alsoGold {
			for _, s := range trainCU {
				train = append(train, parse.FromConllu(s))
			}
			tagNote += " plus a gold-tagged copy"
		}
	}
	if *devGold {
		tagNote += ", dev: gold"
	} else {
		tg, err := tag.Load()
		if err != nil {
			fmt.Fprintf(e.stderr, "dyad train parser: %v\n", err)
			return exitFailed
		}
		for i := range dev {
			tg.Tag(&dev[i])
		}
		tagNote += ", dev: the embedded tagger's"
	}
	fmt.Fprintf(e.stdout, "tags: %s\n", tagNote)
	opt := parse.Options{
		Epochs: *epochs, Seed: *seed, Ensemble: *ensemble, Explore: *explore, Prune: *prune, MinUpdates: *minUpd, Dev: dev,
		Progress: func(s parse.EpochStats) {
			run := "averaged"
			if s.Run > 0 {
				run = fmt.Sprintf("run %d", s.Run)
			}
			fmt.Fprintf(e.stdout, "%s  epoch %2d  features %8d  train acc %.4f  dev UAS %.2f  LAS %.2f  (%s)\n",
				run, s.Epoch, s.Features, s.TrainAcc, s.DevUAS, s.DevLAS, s.Elapsed.Round(time.Second))
		},
	}
	md, err := parse.Train(ctx, train, opt)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad train parser: %v\n", err)
		return exitFailed
	}
	var buf bytes.Buffer
	if _, err := md.WriteTo(&buf); err != nil {
		fmt.Fprintf(e.stderr, "dyad train parser: %v\n", err)
		return exitFailed
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(e.stderr, "dyad train parser: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "wrote %s (%d bytes) in %s\n", *out, buf.Len(), time.Since(start).Round(time.Second))
	return exitOK
}

func readConllu(path string) ([]*conllu.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return conllu.ReadAll(f, path)
}

// jackknifeTags replaces the gold UPOS, XPOS and lemmas of train with
// predicted ones: the sentences are split into folds (sentence i in fold i mod k),
// and each fold is tagged by a tagger trained on the other folds, so the
// parser learns from tags as good, and as bad, as it will see. Folds train
// two at a time; the result does not depend on the order they finish in.
func jackknifeTags(ctx context.Context, e env, cu []*conllu.Sentence, train []nlp.Sentence, k int) error {
	if k < 2 {
		return fmt.Errorf("jackknife needs at least 2 folds, got %d", k)
	}
	errs := make([]error, k)
	sem := make(chan struct{}, 2)
	start := time.Now()
	var mu sync.Mutex
	var wg sync.WaitGroup
	for f := 0; f < k; f++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var rest []*conllu.Sentence
			for i, s := range cu {
				if i%k != f {
					rest = append(rest, s)
				}
			}
			m, err := tag.Train(ctx, rest, tag.Options{Seed: 1})
			if err != nil {
				errs[f] = fmt.Errorf("jackknife fold %d: %w", f+1, err)
				return
			}
			tg, err := tag.New(m)
			if err != nil {
				errs[f] = fmt.Errorf("jackknife fold %d: %w", f+1, err)
				return
			}
			var n, right int
			for i := f; i < len(train); i += k {
				s := nlp.Sentence{Tokens: append([]nlp.Token(nil), train[i].Tokens...)}
				tg.Tag(&s)
				for j := range s.Tokens {
					n++
					if train[i].Tokens[j].XPOS == s.Tokens[j].XPOS {
						right++
					}
					train[i].Tokens[j].POS = s.Tokens[j].POS
					train[i].Tokens[j].XPOS = s.Tokens[j].XPOS
					train[i].Tokens[j].Lemma = s.Tokens[j].Lemma
				}
			}
			mu.Lock()
			fmt.Fprintf(e.stdout, "jackknife fold %2d/%d: XPOS %.2f%% (%s)\n", f+1, k, 100*float64(right)/float64(max(n, 1)), time.Since(start).Round(time.Second))
			mu.Unlock()
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// cachedJackknife is jackknifeTags, with the result kept in cache (when
// not empty) and read back from it on later runs.
func cachedJackknife(ctx context.Context, e env, cache string, cu []*conllu.Sentence, train []nlp.Sentence, k int) error {
	if cache != "" {
		if b, err := os.ReadFile(cache); err == nil {
			sents := strings.Split(strings.TrimSuffix(string(b), "\n\n"), "\n\n")
			if len(sents) != len(train) {
				return fmt.Errorf("%s: %d sentences, want %d", cache, len(sents), len(train))
			}
			for i, s := range sents {
				lines := strings.Split(s, "\n")
				if len(lines) != len(train[i].Tokens) {
					return fmt.Errorf("%s: sentence %d has %d words, want %d", cache, i+1, len(lines), len(train[i].Tokens))
				}
				for j, l := range lines {
					f := strings.Split(l, "\t")
					if len(f) != 3 {
						return fmt.Errorf("%s: sentence %d word %d: %d columns, want 3", cache, i+1, j+1, len(f))
					}
					t := &train[i].Tokens[j]
					t.POS, t.XPOS, t.Lemma = f[0], f[1], f[2]
				}
			}
			fmt.Fprintf(e.stdout, "jackknifed tags read from %s\n", cache)
			return nil
		}
	}
	if err := jackknifeTags(ctx, e, cu, train, k); err != nil {
		return err
	}
	if cache == "" {
		return nil
	}
	var b strings.Builder
	for _, s := range train {
		for _, t := range s.Tokens {
			b.WriteString(t.POS + "\t" + t.XPOS + "\t" + t.Lemma + "\n")
		}
		b.WriteString("\n")
	}
	return os.WriteFile(cache, []byte(b.String()), 0o644)
}

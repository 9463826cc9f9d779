package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/dyad-events/dyad/nlp/conllu"
	"github.com/dyad-events/dyad/nlp/tag"
)

const trainTaggerUsage = `usage: dyad train tagger [--data DIR] [--out FILE] [--epochs N] [--seed N] [--limit N]
       dyad train tagger --eval [--data DIR] [--model FILE]

Trains the part-of-speech tagger and lemmatizer on UD English EWT train
(DIR/en_ewt-ud-train.conllu), prints the dev accuracy after every epoch and
writes the gzip model to FILE. With --eval it trains nothing and scores a
model (FILE, or the embedded one) on EWT dev and test and on PUD, with gold
tokens.

`

func trainTagger(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad train tagger", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	data := fs.String("data", dataPath("ud-english"), "UD English `DIR` with en_ewt-ud-{train,dev,test}.conllu and en_pud-ud-test.conllu")
	out := fs.String("out", filepath.Join("nlp", "tag", "model", tag.ModelFile), "write the model to `FILE`")
	epochs := fs.Int("epochs", tag.DefaultEpochs, "training epochs")
	seed := fs.Uint64("seed", 1, "shuffle seed")
	limit := fs.Int("limit", 0, "train on the first `N` sentences only (0: all)")
	eval := fs.Bool("eval", false, "score a model instead of training one")
	model := fs.String("model", "", "with --eval: the model `FILE` to score (default: the embedded model)")
	fs.Usage = func() {
		fmt.Fprint(e.stderr, trainTaggerUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 || *epochs <= 0 || *limit < 0 {
		fs.Usage()
		return exitUsage
	}
	if *eval {
		return evalTagger(e, *data, *model)
	}

	train, err := readTaggerTreebank(filepath.Join(*data, "en_ewt-ud-train.conllu"))
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad train tagger: %v\n", err)
		return exitFailed
	}
	if *limit > 0 && *limit < len(train) {
		train = train[:*limit]
	}
	dev, err := readTaggerTreebank(filepath.Join(*data, "en_ewt-ud-dev.conllu"))
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad train tagger: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "training on %d sentences, %d epochs, seed %d\n", len(train), *epochs, *seed)
	start := time.Now()
	m, err := tag.Train(ctx, train, tag.Options{
		Epochs: *epochs, Seed: *seed, Dev: dev,
		Progress: func(r tag.EpochReport) {
			fmt.Fprintf(e.stdout, "epoch %2d  train errors %5.2f%%  features %d  dev %v  %.1fs\n",
				r.Epoch, 100*float64(r.Errors)/float64(max(r.Tokens, 1)), r.Features, r.Dev, time.Since(start).Seconds())
		},
	})
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad train tagger: %v\n", err)
		return exitFailed
	}
	n, err := writeTaggerModel(*out, m)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad train tagger: %v\n", err)
		return exitFailed
	}
	st := m.Stats()
	fmt.Fprintf(e.stdout, "wrote %s: %d bytes, %d classes, %d features, %d weights, %d words, %d lemma scripts, %d+%d+%d lemma rules\n",
		*out, n, st.Classes, st.Features, st.Weights, st.AmbigWords, st.Scripts, st.ExactLemmas, st.LowerLemmas, st.SuffixRules)
	return exitOK
}

// writeTaggerModel writes m to path through a temporary file, so a failed or
// interrupted run leaves any previous model in place.
func writeTaggerModel(path string, m *tag.Model) (int64, error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".tagger-*")
	if err != nil {
		return 0, fmt.Errorf("write model: %w", err)
	}
	n, err := m.WriteTo(f)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return 0, fmt.Errorf("write model %s: %w", path, err)
	}
	return n, nil
}

func evalTagger(e env, data, model string) int {
	var t *tag.Tagger
	start := time.Now()
	if model == "" {
		var err error
		if t, err = tag.Load(); err != nil {
			fmt.Fprintf(e.stderr, "dyad train tagger: %v\n", err)
			return exitFailed
		}
		model = "embedded " + tag.ModelFile
	} else {
		f, err := os.Open(model)
		if err != nil {
			fmt.Fprintf(e.stderr, "dyad train tagger: %v\n", err)
			return exitFailed
		}
		m, err := tag.ReadModel(f, model)
		f.Close()
		if err == nil {
			t, err = tag.New(m)
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "dyad train tagger: %v\n", err)
			return exitFailed
		}
	}
	fmt.Fprintf(e.stdout, "model %s loaded in %.3fs\n", model, time.Since(start).Seconds())
	code := exitOK
	for _, f := range []struct{ name, file string }{
		{"EWT dev", "en_ewt-ud-dev.conllu"},
		{"EWT test", "en_ewt-ud-test.conllu"},
		{"PUD", "en_pud-ud-test.conllu"},
	} {
		gold, err := readTaggerTreebank(filepath.Join(data, f.file))
		if err != nil {
			fmt.Fprintf(e.stderr, "dyad train tagger: %v\n", err)
			code = exitFailed
			continue
		}
		start := time.Now()
		s := tag.Evaluate(t, gold)
		d := time.Since(start).Seconds()
		fmt.Fprintf(e.stdout, "%-9s %v  %.0f sentences/s\n", f.name, s, float64(s.Sentences)/d)
	}
	return code
}

func readTaggerTreebank(path string) ([]*conllu.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w (set --data or DYAD_DATA to the UD English folder)", err)
		}
		return nil, err
	}
	defer f.Close()
	return conllu.ReadAll(f, path)
}

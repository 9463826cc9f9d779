package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/dyad-events/dyad/nlp/parse"
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
	explore := fs.Float64("explore", 0.9, "probability of following a wrong prediction after epoch 1 (dynamic oracle); negative: never")
	prune := fs.Float64("prune", 0.01, "drop averaged weights below this magnitude; negative: keep all")
	limit := fs.Int("limit", 0, "train on the first `N` sentences only (0: all)")
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
	trainPath := filepath.Join(*data, "en_ewt-ud-train.conllu")
	devPath := filepath.Join(*data, "en_ewt-ud-dev.conllu")
	train, err := parse.ReadTreebank(trainPath)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad train parser: %v\n", err)
		return exitFailed
	}
	dev, err := parse.ReadTreebank(devPath)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad train parser: %v\n", err)
		return exitFailed
	}
	if *limit > 0 && *limit < len(train) {
		train = train[:*limit]
	}
	tagNote := "gold tags"
	fmt.Fprintf(e.stdout, "train: %s (%d sentences), dev: %s (%d sentences), %s\n",
		trainPath, len(train), devPath, len(dev), tagNote)
	opt := parse.Options{
		Epochs: *epochs, Seed: *seed, Explore: *explore, Prune: *prune, Dev: dev,
		Progress: func(s parse.EpochStats) {
			fmt.Fprintf(e.stdout, "epoch %2d  features %8d  train acc %.4f  dev UAS %.2f  LAS %.2f  (%s)\n",
				s.Epoch, s.Features, s.TrainAcc, s.DevUAS, s.DevLAS, s.Elapsed.Round(time.Second))
		},
	}
	var buf bytes.Buffer
	if _, err := parse.TrainTo(ctx, &buf, train, opt); err != nil {
		fmt.Fprintf(e.stderr, "dyad train parser: %v\n", err)
		return exitFailed
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(e.stderr, "dyad train parser: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "wrote %s (%d bytes)\n", *out, buf.Len())
	return exitOK
}

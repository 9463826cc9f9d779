package main

import (
	"context"
	"fmt"
	"sort"
)

// trainers are the 'dyad train' subcommands, one file each.
func trainers() map[string]command {
	return map[string]command{
		"tagger": {"train the POS tagger and lemmatizer from UD English EWT train", trainTagger},
		"parser": {"train the dependency parser from UD English EWT train", trainParser},
		"ner":    {"train the named-entity recognizer from the NER data", trainNER},
	}
}

func runTrain(ctx context.Context, e env, args []string) int {
	ts := trainers()
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, "usage: dyad train <model> [flags]")
		names := make([]string, 0, len(ts))
		for n := range ts {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Fprintf(e.stderr, "  %-7s %s\n", n, ts[n].summary)
		}
		return exitUsage
	}
	t, ok := ts[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "dyad train: unknown model %q\n", args[0])
		return exitUsage
	}
	return t.run(ctx, e, args[1:])
}

package main

import "context"

// trainers are the 'dyad train' subcommands, one file each.
func trainers() map[string]command {
	return map[string]command{
		"tagger": {"train the POS tagger and lemmatizer from UD English EWT train", trainTagger},
		"parser": {"train the dependency parser from UD English EWT train", trainParser},
		"ner":    {"train the named-entity recognizer from the NER data", trainNER},
	}
}

func runTrain(ctx context.Context, e env, args []string) int {
	return runSubcommand(ctx, e, "train", "model", trainers(), args)
}

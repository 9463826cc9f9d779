package main

import "context"

// evaluators are the 'dyad eval' subcommands, one file each.
func evaluators() map[string]command {
	return map[string]command{
		"clean":   {"plain-text cleaner on dirtied Wikinews articles: paragraph and token F1 (DIR)", evalClean},
		"conllu":  {"UPOS, XPOS, lemma, UAS and LAS of the embedded tagger and parser on a CoNLL-U GOLD file", evalConllu},
		"ner":     {"entity span precision, recall and F1 per type on an IOB2 or CoNLL-U GOLD file", evalNER},
		"plover":  {"event type + actor + recipient country F1 on PLOVER gold records (GOLD.json)", evalPlover},
		"speed":   {"coding throughput on one core, per stage, and peak memory (PATH...: default the Wikinews sample)", evalSpeed},
		"extract": {"HTML main-text token F1 on the article-extraction benchmark (DIR)", evalExtract},
		"segment": {"sentence split F1 and token match on UD treebanks (DIR or .conllu files)", evalSegment},

		"petrarch": {"PETRARCH validation suite with its own dictionaries: records coded exactly, tuple P/R/F1 (DIR)", evalPetrarch},
	}
}

func runEval(ctx context.Context, e env, args []string) int {
	return runSubcommand(ctx, e, "eval", "evaluation", evaluators(), args)
}

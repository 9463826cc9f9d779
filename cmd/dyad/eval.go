package main

import (
	"context"
	"fmt"
	"sort"
)

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
	evs := evaluators()
	if len(args) == 0 {
		fmt.Fprintln(e.stderr, "usage: dyad eval <what> [arguments]")
		names := make([]string, 0, len(evs))
		for n := range evs {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Fprintf(e.stderr, "  %-8s %s\n", n, evs[n].summary)
		}
		return exitUsage
	}
	ev, ok := evs[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "dyad eval: unknown evaluation %q\n", args[0])
		return exitUsage
	}
	return ev.run(ctx, e, args[1:])
}

package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad/eval"
	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/conllu"
	"github.com/dyad-events/dyad/nlp/parse"
	"github.com/dyad-events/dyad/nlp/tag"
)

// Bars from DESIGN.md: attachment scores with predicted tags.
var conlluBars = []struct {
	match    string // file name contains
	uas, las float64
}{
	{"en_ewt-ud-test", 85, 81},
	{"en_pud-ud-test", 84, 79},
}

// evalConllu runs the embedded tagger and parser on the gold tokens of
// CoNLL-U files and scores them:
//
//	dyad eval conllu [--gold-tags] [GOLD.conllu...]
//
// Default: EWT test and PUD from ../shared/data/ud-english.
func evalConllu(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad eval conllu", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	goldTags := fs.Bool("gold-tags", false, "parse with the gold UPOS/XPOS instead of the tagger's")
	relations := fs.Int("relations", 0, "also print, per file, the `N` gold relations with the most words given a wrong head")
	var mf modelFlags
	fs.StringVar(&mf.tagger, "tagger-model", "", "use the tagger model in `FILE` (from 'dyad train tagger --out') instead of the embedded one")
	fs.StringVar(&mf.parser, "parser-model", "", "use the parser model in `FILE` (from 'dyad train parser --out') instead of the embedded one")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dyad eval conllu [flags] [GOLD.conllu]...")
		fmt.Fprintln(e.stderr, "Tags and parses the gold tokens; prints UPOS, XPOS, lemma, UAS and LAS (CoNLL 2018 rules,")
		fmt.Fprintln(e.stderr, "punctuation included; LAS with full labels, LAS-u on the universal part only;")
		fmt.Fprintln(e.stderr, "UAS-np and LAS-np leave out words whose gold UPOS is PUNCT). Bars use UAS and LAS.")
		fmt.Fprintln(e.stderr, "Default: en_ewt-ud-test.conllu and en_pud-ud-test.conllu in ../shared/data/ud-english.")
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
		dir := dataPath("ud-english")
		files = []string{filepath.Join(dir, "en_ewt-ud-test.conllu"), filepath.Join(dir, "en_pud-ud-test.conllu")}
	}
	p, err := mf.loadParser()
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad eval conllu: %v\n", err)
		return exitFailed
	}
	tg, err := newConlluTagger(*goldTags, &mf)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad eval conllu: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "tags: %s\n", tg.describe())
	fmt.Fprintf(e.stdout, "%-24s %6s %7s %7s %7s %7s %7s %7s %7s %7s %7s %9s\n",
		"treebank", "sents", "words", "UPOS", "XPOS", "Lemma", "UAS", "LAS", "LAS-u", "UAS-np", "LAS-np", "parse s/s")
	failed := false
	var bars []string
	for _, path := range files {
		var rels relationErrors
		if *relations > 0 {
			rels = relationErrors{}
		}
		c, rate, err := scoreConlluFile(ctx, path, tg, p, rels)
		if err != nil {
			fmt.Fprintf(e.stderr, "dyad eval conllu: %v\n", err)
			return exitFailed
		}
		name := filepath.Base(path)
		fmt.Fprintf(e.stdout, "%-24s %6d %7d %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %9.0f\n", name, c.Sentences, c.Words,
			c.UPOSScore(), c.XPOSScore(), c.LemmaScore(), c.UASScore(), c.LASScore(), c.LASUniversalScore(),
			c.NoPunctUASScore(), c.NoPunctLASScore(), rate)
		rels.print(e.stdout, *relations, c.Words)
		for _, b := range conlluBars {
			if strings.Contains(name, b.match) {
				bars = append(bars,
					bar(fmt.Sprintf("%s UAS (%s)", name, tg.short()), c.UASScore(), b.uas, &failed),
					bar(fmt.Sprintf("%s LAS (%s)", name, tg.short()), c.LASScore(), b.las, &failed))
			}
		}
	}
	if len(bars) > 0 {
		fmt.Fprintln(e.stdout)
	}
	for _, b := range bars {
		fmt.Fprintln(e.stdout, b)
	}
	if failed {
		return exitFailed
	}
	return exitOK
}

// scoreConlluFile tags and parses one gold file and scores it; it also
// returns the parser's own throughput (sentences per second, one core).
func scoreConlluFile(ctx context.Context, path string, tg conlluTagger, p *parse.Parser, rels relationErrors) (eval.ConlluCounts, float64, error) {
	var c eval.ConlluCounts
	f, err := os.Open(path)
	if err != nil {
		return c, 0, err
	}
	defer f.Close()
	gold, err := conllu.ReadAll(f, path)
	if err != nil {
		return c, 0, err
	}
	var parseTime time.Duration
	for i, g := range gold {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return c, 0, err
			}
		}
		s := parse.FromConllu(g)
		tg.tag(&s)
		start := time.Now()
		p.Parse(&s)
		parseTime += time.Since(start)
		sys := *g
		sys.Words = append([]conllu.Word(nil), g.Words...)
		for j := range sys.Words {
			t := &s.Tokens[j]
			w := &sys.Words[j]
			w.UPOS, w.XPOS, w.Lemma, w.Head, w.Deprel = t.POS, t.XPOS, t.Lemma, t.Head, t.Dep
		}
		rels.add(g, &sys)
		if err := c.Add(g, &sys); err != nil {
			return c, 0, fmt.Errorf("%s: %w", path, err)
		}
	}
	rate := 0.0
	if parseTime > 0 {
		rate = float64(len(gold)) / parseTime.Seconds()
	}
	return c, rate, nil
}

// conlluTagger supplies the tags the parser sees in 'dyad eval conllu':
// the embedded tagger's, or with --gold-tags the gold ones.
type conlluTagger struct {
	t    *tag.Tagger // nil: keep gold tags
	file string      // the model file (--tagger-model), "" for the embedded one
}

func newConlluTagger(gold bool, mf *modelFlags) (conlluTagger, error) {
	if gold {
		return conlluTagger{}, nil
	}
	t, err := mf.loadTagger()
	if err != nil {
		return conlluTagger{}, err
	}
	return conlluTagger{t: t, file: mf.tagger}, nil
}

// tag replaces the gold UPOS, XPOS and lemmas with the tagger's.
func (c conlluTagger) tag(s *nlp.Sentence) {
	if c.t == nil {
		return
	}
	for i := range s.Tokens {
		s.Tokens[i].POS, s.Tokens[i].XPOS, s.Tokens[i].Lemma = "", "", ""
	}
	c.t.Tag(s)
}

func (c conlluTagger) describe() string {
	if c.t == nil {
		return "gold UPOS/XPOS/lemmas (--gold-tags)"
	}
	if c.file != "" {
		return "predicted by the tagger in " + c.file + " (--tagger-model)"
	}
	return "predicted by the embedded tagger (nlp/tag)"
}

func (c conlluTagger) short() string {
	if c.t == nil {
		return "gold tags"
	}
	return "predicted tags"
}

// relationErrors counts, per universal gold relation ("punct", "obl"), its
// words and those given a wrong head; nil counts nothing.
type relationErrors map[string]*[2]int

func (r relationErrors) add(gold, sys *conllu.Sentence) {
	if r == nil {
		return
	}
	for i, g := range gold.Words {
		if i >= len(sys.Words) {
			break
		}
		rel, _, _ := strings.Cut(g.Deprel, ":")
		n := r[rel]
		if n == nil {
			n = &[2]int{}
			r[rel] = n
		}
		n[0]++
		if sys.Words[i].Head != g.Head {
			n[1]++
		}
	}
}

// print writes the top relations by wrong heads: how many, the share of the
// relation's words, and the points of UAS they cost over all words.
func (r relationErrors) print(w io.Writer, top, words int) {
	if r == nil {
		return
	}
	rels := slices.Collect(maps.Keys(r))
	slices.SortFunc(rels, func(a, b string) int { return cmp.Or(cmp.Compare(r[b][1], r[a][1]), strings.Compare(a, b)) })
	for _, rel := range rels[:min(top, len(rels))] {
		n := r[rel]
		fmt.Fprintf(w, "  %-12s wrong head %5d of %5d (%5.1f%%), %5.2f UAS points\n", rel, n[1], n[0],
			100*float64(n[1])/float64(max(n[0], 1)), 100*float64(n[1])/float64(max(words, 1)))
	}
}

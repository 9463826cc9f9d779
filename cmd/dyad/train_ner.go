package main

import (
	"archive/zip"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/eval"
	"github.com/dyad-events/dyad/nlp/conllu"
	"github.com/dyad-events/dyad/nlp/ner"
	"github.com/dyad-events/dyad/nlp/tag"
)

// NER training sets and how their labels map to PER, ORG and LOC. Test
// files (uner-*-test, emerging.test) are never read here.
//
//	btc/*.conll            PER, ORG, LOC as is; a lone "@" tagged as part of a handle becomes O
//	wikigold.conll.txt     IOB1; PER, ORG, LOC as is, MISC -> O
//	wnut17 train, dev      person -> PER, location -> LOC, group and corporation -> ORG,
//	                       creative-work and product -> O
//	uner-ewt dev           PER, ORG, LOC as is (GPE is already LOC in UNER); every
//	                       holdout-th sentence is held out for the bar test
//	wikinews dev           PER, ORG, LOC as is (UNER's conventions); standoff, see wikinewsDev
var nerMaps = map[string]map[string]string{
	"btc":      {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
	"wikigold": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
	"wnut17":   {"person": "PER", "location": "LOC", "group": "ORG", "corporation": "ORG"},
	"uner":     {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
	"wikinews": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
}

// mapTags rewrites tags through a type map; unmapped types become O.
func mapTags(tags []string, m map[string]string) []string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = "O"
		if len(t) > 2 && t[1] == '-' {
			if typ, ok := m[t[2:]]; ok {
				out[i] = t[:2] + typ
			}
		}
	}
	return out
}

// skipNER reports whether a sentence is left out of training: WNUT17
// sentences with creative works or products (names that would otherwise
// teach the model that capitalised names are O), and, with skipMisc,
// wikigold sentences with MISC entities.
func skipNER(set string, tags []string, skipMisc bool) bool {
	for _, t := range tags {
		switch {
		case set == "wnut17" && (strings.HasSuffix(t, "-creative-work") || strings.HasSuffix(t, "-product")):
			return true
		case set == "wikigold" && skipMisc && strings.HasSuffix(t, "-MISC"):
			return true
		}
	}
	return false
}

// nerHoldout reports whether sentence i of UNER EWT dev is held out of
// training (the bar test scores them).
func nerHoldout(i, every int) bool { return every > 0 && i%every == every-1 }

type nerFile struct {
	path, set string
	repeat    int
}

// nerTrainSet says what loadNERTraining reads and leaves out.
type nerTrainSet struct {
	holdout                int  // hold out every holdout-th UNER EWT dev sentence (0: none)
	unerRepeat, wikiRepeat int  // times each UNER EWT dev / wikigold sentence is presented
	btcRepeat, wnutRepeat  int  // times each BTC / WNUT17 sentence is presented (0: left out)
	newsRepeat             int  // times each Wikinews dev sentence is presented (0: left out)
	skipMisc               bool // leave out wikigold sentences with MISC entities
	skipEmptyTweets        bool // leave out BTC and WNUT17 sentences without a PER, ORG or LOC entity
	// heldOut, when set, leaves out more sentences (cross-validation
	// folds): set is "uner" or "wikigold", i the sentence's index in its
	// file.
	heldOut func(set string, i int) bool
	tagger  *tag.Tagger // when set, training sentences are POS-tagged with it
}

// readNERFile reads an IOB file. The documents of a CoNLL file that
// separates them with -DOCSTART- lines (wikigold) get the ids
// "-DOCSTART-0", "-DOCSTART-1"..., as "# newdoc" comments give UNER's
// theirs, so that they are recognized, and learnt from, document by
// document; the sentences are those eval.ReadIOB reads from the file.
func readNERFile(path string) ([]eval.IOBSentence, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.SplitAfter(string(data), "\n")
	var out []eval.IOBSentence
	docs, from := 0, 0
	hasDocs := slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, "-DOCSTART-") })
	read := func(to int) error {
		sents, err := eval.ReadIOB(strings.NewReader(strings.Join(lines[from:to], "")), path)
		if err != nil {
			return err
		}
		for i := range sents {
			sents[i].Line += from
			if hasDocs {
				sents[i].Doc = fmt.Sprintf("-DOCSTART-%d", docs)
			}
		}
		out = append(out, sents...)
		return nil
	}
	for i, l := range lines {
		if strings.HasPrefix(l, "-DOCSTART-") {
			if err := read(i); err != nil {
				return nil, err
			}
			docs++
			from = i + 1
		}
	}
	if err := read(len(lines)); err != nil {
		return nil, err
	}
	return out, nil
}

// readNERSet reads a training or cross-validation file: the Wikinews
// dev set through readNERGold (its warnings dropped: 'dyad eval ner'
// prints them), any other with readNERFile.
func readNERSet(f nerFile) ([]eval.IOBSentence, error) {
	if f.set == "wikinews" {
		return readNERGold(context.Background(), f.path, io.Discard)
	}
	return readNERFile(f.path)
}

func loadNERTraining(dir string, o nerTrainSet) ([]ner.Example, []string, error) {
	btc, _ := filepath.Glob(filepath.Join(dir, "ner", "btc", "*.conll"))
	sort.Strings(btc)
	var files []nerFile
	for _, f := range btc {
		files = append(files, nerFile{f, "btc", o.btcRepeat})
	}
	files = append(files,
		nerFile{filepath.Join(dir, "ner", "wikigold", "wikigold.conll.txt"), "wikigold", o.wikiRepeat},
		nerFile{filepath.Join(dir, "ner", "wnut17", "wnut17train.conll"), "wnut17", o.wnutRepeat},
		nerFile{filepath.Join(dir, "ner", "wnut17", "emerging.dev.conll"), "wnut17", o.wnutRepeat},
		nerFile{filepath.Join(dir, "ner", "uner-ewt-en_ewt-ud-dev.iob2"), "uner", o.unerRepeat},
		nerFile{wikinewsDev, "wikinews", o.newsRepeat},
	)
	var out []ner.Example
	var report []string
	for _, f := range files {
		if strings.Contains(filepath.Base(f.path), "test") {
			return nil, nil, fmt.Errorf("refusing to train on test file %s", f.path)
		}
		if f.repeat <= 0 {
			continue
		}
		sents, err := readNERSet(f)
		if err != nil {
			return nil, nil, err
		}
		n := 0
		for i, s := range sents {
			if f.set == "uner" && nerHoldout(i, o.holdout) {
				continue
			}
			if o.heldOut != nil && o.heldOut(f.set, i) {
				continue
			}
			if skipNER(f.set, s.Tags, o.skipMisc) {
				continue
			}
			tags := mapTags(s.Tags, nerMaps[f.set])
			if o.skipEmptyTweets && (f.set == "btc" || f.set == "wnut17") && !slices.ContainsFunc(tags, func(t string) bool { return t != "O" }) {
				continue
			}
			if f.set == "btc" {
				for k, w := range s.Tokens {
					if w == "@" && tags[k] != "O" {
						tags[k] = "O"
						if k+1 < len(tags) && tags[k+1] != "O" {
							tags[k+1] = "B" + tags[k+1][1:]
						}
					}
				}
			}
			ex := ner.Example{Tokens: s.Tokens, Tags: tags}
			if o.tagger != nil {
				ex.POS, ex.XPOS = tagTokens(o.tagger, s.Tokens)
			}
			for range f.repeat {
				out = append(out, ex)
			}
			n++
		}
		report = append(report, fmt.Sprintf("%s: %d sentences (x%d)", f.path, n, f.repeat))
	}
	return out, report, nil
}

// tagTokens POS-tags one tokenized sentence, as the pipeline's tagger
// would tag it, and returns its UPOS and XPOS tags.
func tagTokens(tg *tag.Tagger, words []string) (upos, xpos []string) {
	d := eval.IOBDoc([]eval.IOBSentence{{Tokens: words}})
	tg.TagDoc(d)
	toks := d.Sentences[0].Tokens
	upos, xpos = make([]string, len(toks)), make([]string, len(toks))
	for i, t := range toks {
		upos[i], xpos[i] = t.POS, t.XPOS
	}
	return upos, xpos
}

func loadNERGazetteer(dir string) (*ner.GazetteerBuilder, error) {
	b := ner.NewGazetteerBuilder()
	zpath := filepath.Join(dir, "geonames", "cities15000.zip")
	zr, err := zip.OpenReader(zpath)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "cities15000.txt" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", zpath, err)
		}
		err = ner.ReadGeoNamesCities(rc, zpath+":"+f.Name, b)
		rc.Close()
		if err != nil {
			return nil, err
		}
	}
	for _, src := range []struct {
		path string
		read func(io.Reader, string, *ner.GazetteerBuilder) error
	}{
		{filepath.Join(dir, "mordecai", "admin1CodesASCII.json"), ner.ReadAdmin1JSON},
		{filepath.Join(dir, "countryinfo", "CountryInfo.120116.txt"), ner.ReadCountryInfoPeople},
		{filepath.Join(dir, "phoenix-dictionaries", "Phoenix.International.actors.txt"), ner.ReadPhoenixOrgs},
		{filepath.Join(dir, "phoenix-dictionaries", "Phoenix.MilNonState.actors.txt"), ner.ReadPhoenixOrgs},
	} {
		f, err := os.Open(src.path)
		if err != nil {
			return nil, err
		}
		err = src.read(f, src.path, b)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return b, nil
}

func loadNERLexicon(dir string) (*ner.LexiconBuilder, error) {
	path := filepath.Join(dir, "ud-english", "en_ewt-ud-train.conllu")
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := ner.NewLexiconBuilder()
	rd := conllu.NewReader(f, path)
	for {
		s, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		for _, w := range s.Words {
			b.Add(w.Form, w.UPOS)
		}
	}
	return b, nil
}

// trainNER trains the named-entity recognizer:
// dyad train ner [--data DIR] [--out FILE] [--epochs N] [--seed N] [--cv K].
func trainNER(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad train ner", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	data := fs.String("data", dataPath(), "third-party data `DIR` (holds ner/, geonames/, mordecai/, countryinfo/, ud-english/)")
	out := fs.String("out", filepath.Join("nlp", "ner", "model", "ner.model.gz"), "write the model to `FILE`")
	epochs := fs.Int("epochs", 10, "perceptron passes over the data")
	seed := fs.Uint64("seed", 1, "shuffling seed")
	folds := fs.Int("folds", 5, "jackknife `K` folds for the training-data name lists")
	var set nerTrainSet
	fs.IntVar(&set.holdout, "holdout", 10, "hold out every `N`th UNER EWT dev sentence for the bar test (0: none)")
	fs.IntVar(&set.unerRepeat, "uner-repeat", 3, "present UNER EWT dev sentences `N` times per epoch (in-domain data)")
	fs.BoolVar(&set.skipEmptyTweets, "skip-empty-tweets", true, "leave out BTC and WNUT17 sentences without a PER, ORG or LOC entity")
	fs.BoolVar(&set.skipMisc, "skip-misc", false, "also leave out wikigold sentences with MISC entities")
	fs.IntVar(&set.wikiRepeat, "wikigold-repeat", 2, "present wikigold sentences `N` times per epoch")
	fs.IntVar(&set.btcRepeat, "btc-repeat", 1, "present BTC sentences `N` times per epoch (0: leave BTC out)")
	fs.IntVar(&set.wnutRepeat, "wnut-repeat", 1, "present WNUT17 sentences `N` times per epoch (0: leave WNUT17 out)")
	fs.IntVar(&set.newsRepeat, "wikinews-repeat", 4, "present the sentences of the Wikinews set ("+wikinewsDev+") `N` times per epoch (0: leave it out; --cv scores it either way)")
	bags := fs.Int("bags", 5, "average the weights of `N` perceptrons trained over different shuffles")
	noTag := fs.Bool("no-tag", false, "train without POS tags (by default the training sentences are tagged with nlp/tag, as the pipeline tags text)")
	bias := fs.Float64("entity-bias", 0, "add `B` to every token's score for opening an entity (trades precision for recall)")
	orgBias := fs.Float64("org-bias", 3, "add `B` to every token's score for opening an ORG entity, on top of --entity-bias")
	perBias := fs.Float64("per-bias", -8, "add `B` to every token's score for opening a PER entity, on top of --entity-bias")
	locBias := fs.Float64("loc-bias", 0, "add `B` to every token's score for opening a LOC entity, on top of --entity-bias")
	cvBias := fs.String("cv-bias", "", "with --cv, score each fold's model with each of these comma-separated entity biases instead of --entity-bias (a value ORG:B, PER:B or LOC:B sets that type's bias instead)")
	cvErrors := fs.Int("cv-errors", 0, "with --cv, print up to `N` held-out sentences with wrong entities per file and fold")
	cv := fs.Int("cv", 0, "cross-validate instead of writing a model: train `K` models, each without one K-th of UNER EWT dev, of wikigold and of the Wikinews set, and score the left-out sentences")
	cvSeeds := fs.String("cv-seeds", "", "with --cv, cross-validate once per seed of this comma-separated `LIST` (instead of --seed) and end with each file's mean and range of F1 over them: one seed's figure moves by about as much as a small change does")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dyad train ner [flags]")
		fmt.Fprintln(e.stderr, "Trains the NER model on BTC, wikigold, WNUT17 train/dev, UNER EWT dev and the Wikinews set,")
		fmt.Fprintln(e.stderr, "with GeoNames, CountryInfo and actor knowledge-base gazetteers.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	fail := func(err error) int {
		fmt.Fprintf(e.stderr, "dyad train ner: %v\n", err)
		return exitFailed
	}
	seeds := []uint64{*seed}
	if *cvSeeds != "" {
		seeds = seeds[:0]
		for _, f := range strings.Split(*cvSeeds, ",") {
			v, err := strconv.ParseUint(strings.TrimSpace(f), 10, 64)
			if err != nil {
				return fail(fmt.Errorf("--cv-seeds: %w", err))
			}
			seeds = append(seeds, v)
		}
	}
	if !*noTag {
		tg, err := tag.Load()
		if err != nil {
			return fail(err)
		}
		set.tagger = tg
	}
	gaz, err := loadNERGazetteer(*data)
	if err != nil {
		return fail(err)
	}
	lex, err := loadNERLexicon(*data)
	if err != nil {
		return fail(err)
	}
	kb, err := actor.Default()
	if err != nil {
		return fail(err)
	}
	opt := ner.TrainOptions{Epochs: *epochs, Seed: *seed, Folds: *folds, KB: kb, Gazetteer: gaz, Lexicon: lex, Log: e.stderr, EntityBias: float32(*bias), ORGBias: float32(*orgBias), PERBias: float32(*perBias), LOCBias: float32(*locBias), Bags: *bags}
	if *cv > 1 {
		biases := []nerBias{{all: float32(*bias), org: float32(*orgBias), per: float32(*perBias), loc: float32(*locBias)}}
		if *cvBias != "" {
			var out []nerBias
			for _, f := range strings.Split(*cvBias, ",") {
				b := biases[0]
				typ, val, typed := strings.Cut(strings.TrimSpace(f), ":")
				if !typed {
					typ, val = "", typ
				}
				v, err := strconv.ParseFloat(val, 32)
				if err != nil {
					return fail(fmt.Errorf("--cv-bias: %w", err))
				}
				switch typ {
				case "":
					b.all = float32(v)
				case "ORG":
					b.org = float32(v)
				case "PER":
					b.per = float32(v)
				case "LOC":
					b.loc = float32(v)
				default:
					return fail(fmt.Errorf("--cv-bias: bad type %q in %q", typ, f))
				}
				out = append(out, b)
			}
			biases = out
		}
		var runs [][][]float64 // per seed, bias and file (the last: all files)
		for _, sd := range seeds {
			opt.Seed = sd
			f1, err := crossValidateNER(ctx, e, *data, set, opt, *cv, *cvErrors, biases)
			if err != nil {
				return fail(err)
			}
			runs = append(runs, f1)
		}
		if len(seeds) > 1 {
			printSeedSummary(e.stdout, seeds, biases, runs)
		}
		return exitOK
	}
	exs, report, err := loadNERTraining(*data, set)
	if err != nil {
		return fail(err)
	}
	for _, l := range report {
		fmt.Fprintln(e.stderr, l)
	}
	fmt.Fprintf(e.stderr, "%d training sentences, %d gazetteer phrases\n", len(exs), gaz.Len())
	m, err := ner.Train(ctx, exs, opt)
	if err != nil {
		return fail(err)
	}
	tmp := *out + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fail(err)
	}
	n, err := m.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return fail(err)
	}
	if err := os.Rename(tmp, *out); err != nil {
		return fail(err)
	}
	fmt.Fprintf(e.stderr, "wrote %s (%d bytes)\n", *out, n)
	return exitOK
}

// nerBias holds entity biases (see ner.TrainOptions): for every type,
// and for ORG, PER and LOC on top.
type nerBias struct{ all, org, per, loc float32 }

// crossValidateNER trains k models, model j without the j-th of k
// contiguous blocks of UNER EWT dev, of wikigold and of the Wikinews set
// (blocks, so that the sentences of one document, and the names they
// repeat, stay on one side), runs each (tagger, then recognizer, per
// document) on the sentences it did not see, and prints the summed span
// scores per file and type. No test file is read. It returns the
// overall F1 per bias and file (nerCVFiles' order, then all files).
func crossValidateNER(ctx context.Context, e env, dir string, set nerTrainSet, opt ner.TrainOptions, k, nerrs int, biases []nerBias) ([][]float64, error) {
	gold := nerCVFiles(dir)
	golds := make([][]eval.IOBSentence, len(gold))
	scores := make([][]*eval.NERScore, len(gold)) // per file and bias
	for g, f := range gold {
		var err error
		if golds[g], err = readNERSet(nerFile{path: f.path, set: f.set}); err != nil {
			return nil, err
		}
		for range biases {
			scores[g] = append(scores[g], eval.NewNERScore(ner.Types...))
		}
	}
	set.holdout = 0 // the folds replace the bar test's held-out sentences
	opt.Log = nil
	opt.EntityBias, opt.ORGBias, opt.PERBias, opt.LOCBias = 0, 0, 0, 0
	kb := opt.KB
	for j := 0; j < k; j++ {
		set.heldOut = func(s string, i int) bool {
			for g, f := range gold {
				if f.set == s {
					return i*k/len(golds[g]) == j
				}
			}
			return false
		}
		exs, _, err := loadNERTraining(dir, set)
		if err != nil {
			return nil, err
		}
		m, err := ner.Train(ctx, exs, opt)
		if err != nil {
			return nil, err
		}
		var shift nerBias
		for bi, b := range biases {
			m.ShiftEntityScores("", b.all-shift.all)
			m.ShiftEntityScores("ORG", b.org-shift.org)
			m.ShiftEntityScores("PER", b.per-shift.per)
			m.ShiftEntityScores("LOC", b.loc-shift.loc)
			shift = b
			rec := ner.New(m, kb)
			for g, f := range gold {
				var kept []eval.IOBSentence
				for i, s := range golds[g] {
					if i*k/len(golds[g]) == j {
						if f.set == "wikigold" {
							s.Tags = mapTags(s.Tags, nerMaps["wikigold"])
						}
						kept = append(kept, s)
					}
				}
				shown := 0
				for a := 0; a < len(kept); {
					b := a + 1
					for kept[a].Doc != "" && b < len(kept) && kept[b].Doc == kept[a].Doc {
						b++
					}
					for i, pred := range recognizeTokens(rec, set.tagger, kept[a:b]) {
						s := kept[a+i]
						gs := eval.IOBSpans(s.Tags)
						scores[g][bi].Add(gs, pred)
						if shown < nerrs && bi == 0 {
							if msg := nerDiff(s.Tokens, gs, pred); msg != "" {
								fmt.Fprintf(e.stdout, "%s:%d: %s\n\t%s\n", f.path, s.Line, msg, strings.Join(s.Tokens, " "))
								shown++
							}
						}
					}
					a = b
				}
			}
		}
		fmt.Fprintf(e.stderr, "fold %d/%d: %d training sentences\n", j+1, k, len(exs))
	}
	f1 := make([][]float64, len(biases))
	for bi, b := range biases {
		fmt.Fprintf(e.stdout, "%-32s %-7s %6s %6s %7s %7s %7s %7s\n", fmt.Sprintf("seed %d, held out (%d-fold, bias %g/%g/%g/%g)", opt.Seed, k, b.all, b.org, b.per, b.loc), "type", "gold", "system", "correct", "P", "R", "F1")
		var all eval.SpanCounts
		for g, f := range gold {
			name := filepath.Base(f.path)
			sc := scores[g][bi]
			for _, typ := range append(append([]string{}, ner.Types...), "overall") {
				c := &sc.Overall
				if typ != "overall" {
					if c = sc.Types[typ]; c == nil {
						c = &eval.SpanCounts{}
					}
				}
				fmt.Fprintf(e.stdout, "%-32s %-7s %6d %6d %7d %7.4f %7.4f %7.4f\n", name, typ, c.Gold, c.System, c.Correct, c.Precision(), c.Recall(), c.F1())
			}
			all.Gold += sc.Overall.Gold
			all.System += sc.Overall.System
			all.Correct += sc.Overall.Correct
			f1[bi] = append(f1[bi], sc.Overall.F1())
		}
		f1[bi] = append(f1[bi], all.F1())
		fmt.Fprintf(e.stdout, "%-32s %-7s %6d %6d %7d %7.4f %7.4f %7.4f\n\n", "all files", "overall", all.Gold, all.System, all.Correct, all.Precision(), all.Recall(), all.F1())
	}
	return f1, nil
}

// nerCVFiles are the files crossValidateNER trains on and scores, each
// with the set name loadNERTraining knows it by.
func nerCVFiles(dir string) []struct{ set, path string } {
	return []struct{ set, path string }{
		{"uner", filepath.Join(dir, "ner", "uner-ewt-en_ewt-ud-dev.iob2")},
		{"wikigold", filepath.Join(dir, "ner", "wikigold", "wikigold.conll.txt")},
		{"wikinews", wikinewsDev},
	}
}

// printSeedSummary prints, per bias, each cross-validated file's overall
// F1 averaged over the seeds' runs (runs[seed][bias][file], the last file
// being all files), with the lowest and highest run beside it.
func printSeedSummary(w io.Writer, seeds []uint64, biases []nerBias, runs [][][]float64) {
	names := []string{}
	for _, f := range nerCVFiles("") {
		names = append(names, filepath.Base(f.path))
	}
	names = append(names, "all files")
	for bi, b := range biases {
		fmt.Fprintf(w, "%-32s %7s %7s %7s   (F1 over seeds %v, bias %g/%g/%g/%g)\n", "file", "mean", "min", "max", seeds, b.all, b.org, b.per, b.loc)
		for fi, name := range names {
			lo, hi, sum := 2.0, -1.0, 0.0
			for _, r := range runs {
				v := r[bi][fi]
				lo, hi, sum = min(lo, v), max(hi, v), sum+v
			}
			fmt.Fprintf(w, "%-32s %7.4f %7.4f %7.4f\n", name, sum/float64(len(runs)), lo, hi)
		}
		fmt.Fprintln(w)
	}
}

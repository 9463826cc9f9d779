package main

import (
	"archive/zip"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/eval"
	"github.com/dyad-events/dyad/nlp/conllu"
	"github.com/dyad-events/dyad/nlp/ner"
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
var nerMaps = map[string]map[string]string{
	"btc":      {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
	"wikigold": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
	"wnut17":   {"person": "PER", "location": "LOC", "group": "ORG", "corporation": "ORG"},
	"uner":     {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
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

func loadNERTraining(dir string, holdout, unerRepeat, wikiRepeat int, skipMisc bool) ([]ner.Example, []string, error) {
	btc, _ := filepath.Glob(filepath.Join(dir, "ner", "btc", "*.conll"))
	sort.Strings(btc)
	var files []nerFile
	for _, f := range btc {
		files = append(files, nerFile{f, "btc", 1})
	}
	files = append(files,
		nerFile{filepath.Join(dir, "ner", "wikigold", "wikigold.conll.txt"), "wikigold", wikiRepeat},
		nerFile{filepath.Join(dir, "ner", "wnut17", "wnut17train.conll"), "wnut17", 1},
		nerFile{filepath.Join(dir, "ner", "wnut17", "emerging.dev.conll"), "wnut17", 1},
		nerFile{filepath.Join(dir, "ner", "uner-ewt-en_ewt-ud-dev.iob2"), "uner", unerRepeat},
	)
	var out []ner.Example
	var report []string
	for _, f := range files {
		if strings.Contains(filepath.Base(f.path), "test") {
			return nil, nil, fmt.Errorf("refusing to train on test file %s", f.path)
		}
		r, err := os.Open(f.path)
		if err != nil {
			return nil, nil, err
		}
		sents, err := eval.ReadIOB(r, f.path)
		r.Close()
		if err != nil {
			return nil, nil, err
		}
		n := 0
		for i, s := range sents {
			if f.set == "uner" && nerHoldout(i, holdout) {
				continue
			}
			if skipNER(f.set, s.Tags, skipMisc) {
				continue
			}
			tags := mapTags(s.Tags, nerMaps[f.set])
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
			for range f.repeat {
				out = append(out, ner.Example{Tokens: s.Tokens, Tags: tags})
			}
			n++
		}
		report = append(report, fmt.Sprintf("%s: %d sentences (x%d)", f.path, n, f.repeat))
	}
	return out, report, nil
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
// dyad train ner [--data DIR] [--out FILE] [--epochs N] [--seed N].
func trainNER(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad train ner", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	data := fs.String("data", dataPath(), "third-party data `DIR` (holds ner/, geonames/, mordecai/, countryinfo/, ud-english/)")
	out := fs.String("out", filepath.Join("nlp", "ner", "model", "ner.model.gz"), "write the model to `FILE`")
	epochs := fs.Int("epochs", 12, "perceptron passes over the data")
	seed := fs.Uint64("seed", 1, "shuffling seed")
	holdout := fs.Int("holdout", 10, "hold out every `N`th UNER EWT dev sentence for the bar test (0: none)")
	repeat := fs.Int("uner-repeat", 2, "present UNER EWT dev sentences `N` times per epoch (in-domain data)")
	skipMisc := fs.Bool("skip-misc", false, "also leave out wikigold sentences with MISC entities")
	wrepeat := fs.Int("wikigold-repeat", 1, "present wikigold sentences `N` times per epoch")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dyad train ner [flags]")
		fmt.Fprintln(e.stderr, "Trains the NER model on BTC, wikigold, WNUT17 train/dev and UNER EWT dev,")
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
	exs, report, err := loadNERTraining(*data, *holdout, *repeat, *wrepeat, *skipMisc)
	if err != nil {
		return fail(err)
	}
	for _, l := range report {
		fmt.Fprintln(e.stderr, l)
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
	fmt.Fprintf(e.stderr, "%d training sentences, %d gazetteer phrases\n", len(exs), gaz.Len())
	m, err := ner.Train(ctx, exs, ner.TrainOptions{
		Epochs: *epochs, Seed: *seed, KB: kb, Gazetteer: gaz, Lexicon: lex, Log: e.stderr,
	})
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

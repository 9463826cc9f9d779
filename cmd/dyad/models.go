package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dyad-events/dyad/nlp/ner"
	"github.com/dyad-events/dyad/nlp/parse"
	"github.com/dyad-events/dyad/nlp/tag"
)

// modelFlags let a command run models written by 'dyad train tagger|parser|ner
// --out FILE' instead of the embedded ones, without rebuilding dyad: to
// try a retrained model on one's own articles, or to see how much the
// events depend on one parser. A recogniser expects the tags of the
// tagger it was trained with, and a parser those of its tagger too.
type modelFlags struct {
	tagger, parser, ner string
}

func (m *modelFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&m.tagger, "tagger-model", "", "use the tagger model in `FILE` (from 'dyad train tagger --out') instead of the embedded one")
	fs.StringVar(&m.parser, "parser-model", "", "use the parser model in `FILE` (from 'dyad train parser --out') instead of the embedded one")
	fs.StringVar(&m.ner, "ner-model", "", "use the entity model in `FILE` (from 'dyad train ner --out') instead of the embedded one")
}

// loadModel returns the embedded stage when path is empty, else the one
// built from the model in path; errors name the flag and the file.
func loadModel[M, T any](flag, path string, embedded func() (T, error), read func(io.Reader, string) (M, error), build func(M) (T, error)) (T, error) {
	if path == "" {
		return embedded()
	}
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", flag, err)
	}
	defer f.Close()
	md, err := read(f, path)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", flag, err)
	}
	return build(md)
}

func (m *modelFlags) loadTagger() (*tag.Tagger, error) {
	return loadModel("--tagger-model", m.tagger, tag.Load, tag.ReadModel, tag.New)
}

func (m *modelFlags) loadParser() (*parse.Parser, error) {
	return loadModel("--parser-model", m.parser, parse.Load, parse.ReadModel, parse.New)
}

func (m *modelFlags) loadNER() (*ner.Recognizer, error) {
	return loadModel("--ner-model", m.ner, ner.Load, ner.ReadModel, ner.NewWithDefaultKB)
}

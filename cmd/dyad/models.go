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

// readModelFile opens path and decodes it with read, which names path in
// its errors.
func readModelFile[M any](path string, read func(io.Reader, string) (M, error)) (M, error) {
	f, err := os.Open(path)
	if err != nil {
		var zero M
		return zero, err
	}
	defer f.Close()
	return read(f, path)
}

func (m *modelFlags) loadTagger() (*tag.Tagger, error) {
	if m.tagger == "" {
		return tag.Load()
	}
	md, err := readModelFile(m.tagger, tag.ReadModel)
	if err != nil {
		return nil, fmt.Errorf("--tagger-model: %w", err)
	}
	return tag.New(md)
}

func (m *modelFlags) loadParser() (*parse.Parser, error) {
	if m.parser == "" {
		return parse.Load()
	}
	md, err := readModelFile(m.parser, parse.ReadModel)
	if err != nil {
		return nil, fmt.Errorf("--parser-model: %w", err)
	}
	return parse.New(md)
}

func (m *modelFlags) loadNER() (*ner.Recognizer, error) {
	if m.ner == "" {
		return ner.Load()
	}
	md, err := readModelFile(m.ner, ner.ReadModel)
	if err != nil {
		return nil, fmt.Errorf("--ner-model: %w", err)
	}
	return ner.NewWithDefaultKB(md)
}

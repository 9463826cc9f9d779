package parse

import (
	"fmt"
	"io"
	"os"

	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/conllu"
)

// FromConllu converts a CoNLL-U sentence to an nlp.Sentence with its gold
// annotations (forms, UPOS, XPOS, lemmas, heads, relations, SpaceAfter).
// Spans index the text made of the forms joined by single spaces, so they
// are consistent within the sentence; a CoNLL-U sentence carries no
// document offsets.
func FromConllu(cs *conllu.Sentence) nlp.Sentence {
	toks := make([]nlp.Token, len(cs.Words))
	off := 0
	for i := range cs.Words {
		w := &cs.Words[i]
		toks[i] = nlp.Token{
			Text: w.Form, Span: nlp.Span{Start: off, End: off + len(w.Form)},
			POS: w.UPOS, XPOS: w.XPOS, Lemma: w.Lemma, Head: w.Head, Dep: w.Deprel,
			SpaceAfter: conllu.SpaceAfter(w.Misc),
		}
		off += len(w.Form) + 1
	}
	s := nlp.Sentence{Tokens: toks}
	if len(toks) > 0 {
		s.Span = nlp.Span{Start: 0, End: toks[len(toks)-1].Span.End}
	}
	return s
}

// ReadTreebank reads a CoNLL-U file into sentences with gold annotations.
func ReadTreebank(path string) ([]nlp.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readTreebank(f, path)
}

func readTreebank(r io.Reader, name string) ([]nlp.Sentence, error) {
	cr := conllu.NewReader(r, name)
	var out []nlp.Sentence
	for {
		cs, err := cr.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read treebank: %w", err)
		}
		out = append(out, FromConllu(cs))
	}
}

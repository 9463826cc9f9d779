package eval

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad/nlp/conllu"
)

// CoNLL-U scoring.
//
// ScoreConllu compares a system CoNLL-U file with the gold file it was
// produced from, word by word: both must have the same sentences and the
// same syntactic words (forms), as when a tagger and parser run on gold
// tokens. Scores follow the CoNLL 2018 shared task evaluation
// (conll18_ud_eval.py) on gold tokenization, where its alignment is the
// identity:
//
//   - UPOS and XPOS: exact match.
//   - Lemma: exact, case-sensitive match, as in the shared task; a gold
//     lemma "_" (unannotated) counts as correct whatever the system says.
//   - UAS: the head is right. LAS: head and the full relation, subtypes
//     included (nsubj:pass, obl:tmod, compound:prt); this is the stricter
//     figure and the one the quality bars use. LASUniversal compares only
//     the universal part before ":", which is what conll18_ud_eval.py
//     calls LAS.
//   - Every word counts, punctuation included, as in CoNLL 2018. Because
//     treebanks attach punctuation by different conventions (EWT attaches
//     the comma after a fronted phrase to that phrase, PUD to the clause
//     that follows), UAS and LAS are also counted over the words whose
//     gold UPOS is not PUNCT (the *NoPunct fields), as CoNLL 2006-2007 did.
//
// Multiword token lines and empty nodes are not scored.

// ConlluCounts holds the per-word match counts of a CoNLL-U comparison.
type ConlluCounts struct {
	Sentences, Words       int
	UPOS, XPOS, Lemma      int
	UAS, LAS, LASUniversal int
	NoPunctWords           int // words whose gold UPOS is not PUNCT
	NoPunctUAS, NoPunctLAS int
}

// Score is a count as a percentage of Words.
func (c ConlluCounts) Score(n int) float64 { return pct(n, c.Words) }

// UPOSScore, XPOSScore, LemmaScore, UASScore, LASScore and
// LASUniversalScore return the percentages.
func (c ConlluCounts) UPOSScore() float64         { return c.Score(c.UPOS) }
func (c ConlluCounts) XPOSScore() float64         { return c.Score(c.XPOS) }
func (c ConlluCounts) LemmaScore() float64        { return c.Score(c.Lemma) }
func (c ConlluCounts) UASScore() float64          { return c.Score(c.UAS) }
func (c ConlluCounts) LASScore() float64          { return c.Score(c.LAS) }
func (c ConlluCounts) LASUniversalScore() float64 { return c.Score(c.LASUniversal) }

// NoPunctUASScore and NoPunctLASScore return UAS and LAS over the words
// that are not punctuation, as percentages of NoPunctWords.
func (c ConlluCounts) NoPunctUASScore() float64 { return pct(c.NoPunctUAS, c.NoPunctWords) }
func (c ConlluCounts) NoPunctLASScore() float64 { return pct(c.NoPunctLAS, c.NoPunctWords) }

func pct(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}

// Add scores one system sentence against its gold sentence. The sentences
// must have the same words; the error names the gold sentence's line.
func (c *ConlluCounts) Add(gold, sys *conllu.Sentence) error {
	if len(gold.Words) != len(sys.Words) {
		return fmt.Errorf("sentence at gold line %d: %d gold words, %d system words", gold.Line, len(gold.Words), len(sys.Words))
	}
	for i := range gold.Words {
		g, s := &gold.Words[i], &sys.Words[i]
		if g.Form != s.Form {
			return fmt.Errorf("sentence at gold line %d: word %d is %q in gold, %q in system", gold.Line, i+1, g.Form, s.Form)
		}
	}
	c.Sentences++
	for i := range gold.Words {
		g, s := &gold.Words[i], &sys.Words[i]
		c.Words++
		if g.UPOS == s.UPOS {
			c.UPOS++
		}
		if g.XPOS == s.XPOS {
			c.XPOS++
		}
		if g.Lemma == "_" || g.Lemma == s.Lemma {
			c.Lemma++
		}
		punct := g.UPOS == "PUNCT"
		if !punct {
			c.NoPunctWords++
		}
		if g.Head == s.Head {
			c.UAS++
			if !punct {
				c.NoPunctUAS++
			}
			if g.Deprel == s.Deprel {
				c.LAS++
				if !punct {
					c.NoPunctLAS++
				}
			}
			if universal(g.Deprel) == universal(s.Deprel) {
				c.LASUniversal++
			}
		}
	}
	return nil
}

func universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}

// ScoreConllu reads a gold and a system CoNLL-U file (names for error
// messages) and scores the system sentence by sentence.
func ScoreConllu(ctx context.Context, gold, system io.Reader, goldName, sysName string) (ConlluCounts, error) {
	var c ConlluCounts
	gr := conllu.NewReader(gold, goldName)
	sr := conllu.NewReader(system, sysName)
	for {
		if c.Sentences%256 == 0 {
			if err := ctx.Err(); err != nil {
				return c, err
			}
		}
		g, gerr := gr.Next()
		s, serr := sr.Next()
		if gerr == io.EOF && serr == io.EOF {
			return c, nil
		}
		if gerr != nil && gerr != io.EOF {
			return c, gerr
		}
		if serr != nil && serr != io.EOF {
			return c, serr
		}
		if gerr == io.EOF {
			return c, fmt.Errorf("%s has more sentences than %s (%d)", sysName, goldName, c.Sentences)
		}
		if serr == io.EOF {
			return c, fmt.Errorf("%s ends after %d sentences, before %s", sysName, c.Sentences, goldName)
		}
		if err := c.Add(g, s); err != nil {
			return c, fmt.Errorf("%s vs %s: %w", goldName, sysName, err)
		}
	}
}

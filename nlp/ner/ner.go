package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/nlp"
)

//go:embed model/ner.model.gz
var embedded []byte

// Recognizer finds named entities. It is immutable and safe for
// concurrent use.
type Recognizer struct {
	m    *Model
	kb   *actor.KB
	kbc  []uint64
	pool sync.Pool // *scratch
}

type scratch struct {
	s     sentence
	words []string
	pos   []string
	fbuf  []uint64
	sc    []float32
	delta []float32
	back  []int8
	pred  []int8
	ents  []nlp.Entity
}

// Load returns the recognizer with the embedded model and the embedded
// actor knowledge base, loaded once.
var Load = sync.OnceValues(func() (*Recognizer, error) {
	m, err := ReadModel(bytes.NewReader(embedded), "nlp/ner/model/ner.model.gz")
	if err != nil {
		return nil, err
	}
	kb, err := actor.Default()
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return New(m, kb), nil
})

// New returns a recognizer running model m with the knowledge base kb (the
// one the model was trained with; nil for none).
func New(m *Model, kb *actor.KB) *Recognizer {
	r := &Recognizer{m: m, kb: kb, kbc: kbClasses(kb)}
	r.pool.New = func() any { return &scratch{} }
	return r
}

// Recognize sets d.Entities to the entities found in d's sentences: PER,
// ORG and LOC from the model, then DATE, TIME, MONEY, PERCENT and CARDINAL
// from rules where they do not overlap a name. Entities are in text order.
// Tokens with POS set use it as a feature; untagged tokens work too.
func (r *Recognizer) Recognize(d *nlp.Doc) {
	d.Entities = d.Entities[:0]
	sc := r.pool.Get().(*scratch)
	for si := range d.Sentences {
		s := &d.Sentences[si]
		start := len(d.Entities)
		d.Entities = r.sentence(sc, s, si, d.Entities)
		d.Entities = appendRules(d.Entities, start, s, si)
	}
	r.pool.Put(sc)
}

// Tags returns the BIO tags the model gives a tokenized sentence (pos may
// be nil): the statistical part of Recognize, for evaluation on gold
// tokens.
func (r *Recognizer) Tags(words, pos []string) []string {
	sc := r.pool.Get().(*scratch)
	defer r.pool.Put(sc)
	r.decode(sc, words, pos)
	out := make([]string, len(words))
	for i := range words {
		out[i] = labels[sc.pred[i]]
	}
	return out
}

func (r *Recognizer) decode(sc *scratch, words, pos []string) {
	n := len(words)
	r.m.prepare(&sc.s, words, pos, r.kb, r.kbc, r.m.gaz)
	sc.sc = grow(sc.sc, n*nLabels)
	sc.delta = grow(sc.delta, n*nLabels)
	sc.back = growI(sc.back, n*nLabels)
	sc.pred = growI(sc.pred, n)
	sc.fbuf = r.m.score(&sc.s, sc.sc, sc.fbuf)
	viterbi(r.m.trans[:], sc.sc, n, sc.delta, sc.back, sc.pred)
}

func (r *Recognizer) sentence(sc *scratch, s *nlp.Sentence, si int, dst []nlp.Entity) []nlp.Entity {
	n := len(s.Tokens)
	if n == 0 {
		return dst
	}
	sc.words, sc.pos = sc.words[:0], sc.pos[:0]
	tagged := false
	for i := range s.Tokens {
		sc.words = append(sc.words, s.Tokens[i].Text)
		sc.pos = append(sc.pos, s.Tokens[i].POS)
		tagged = tagged || s.Tokens[i].POS != ""
	}
	pos := sc.pos
	if !tagged {
		pos = nil
	}
	r.decode(sc, sc.words, pos)
	for i := 0; i < n; {
		y := sc.pred[i]
		if y == 0 {
			i++
			continue
		}
		j := i + 1
		for j < n && sc.pred[j] != 0 && labels[sc.pred[j]][0] == 'I' && labels[sc.pred[j]][2:] == labels[y][2:] {
			j++
		}
		dst = append(dst, nlp.Entity{
			Span:     nlp.Span{Start: s.Tokens[i].Span.Start, End: s.Tokens[j-1].Span.End},
			Label:    labels[y][2:],
			Sentence: si,
			Tokens:   [2]int{i, j},
		})
		i = j
	}
	clear(sc.words)
	clear(sc.pos)
	return dst
}

// NewWithDefaultKB returns a recognizer running m with the embedded actor
// knowledge base (the one 'dyad train ner' trains with).
func NewWithDefaultKB(m *Model) (*Recognizer, error) {
	kb, err := actor.Default()
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return New(m, kb), nil
}

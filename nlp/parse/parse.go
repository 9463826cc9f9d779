package parse

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"sync"

	"github.com/dyad-events/dyad/nlp"
)

// Parser is a trained dependency parser. It is immutable; its methods are
// safe for concurrent use.
type Parser struct {
	m    *tables
	pool sync.Pool // *state scratch
}

//go:embed model/parser.gz
var embedded []byte

var load = sync.OnceValues(func() (*Parser, error) {
	md, err := ReadModel(bytes.NewReader(embedded), "(embedded)")
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	return newParserFrom(md, true)
})

// Load returns the parser trained on UD English EWT that is embedded in
// the binary. It is decoded once, on first use; later calls return the
// same Parser.
func Load() (*Parser, error) { return load() }

// New returns a Parser for a trained model. The parser keeps its own
// lookup tables; md may be dropped afterwards.
func New(md *Model) (*Parser, error) { return newParserFrom(md, false) }

// newParserFrom builds a parser whose tables are static (see
// hugemem.Static) when it is the embedded one, kept for the process.
func newParserFrom(md *Model, static bool) (*Parser, error) {
	m, err := newTables(md, static)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	return newParser(m), nil
}

func newParser(m *tables) *Parser {
	p := &Parser{m: m}
	p.pool.New = func() any {
		return &state{feats: make([]uint64, 0, numFeatures), lfeats: make([]uint64, 0, numLabelFeatures)}
	}
	return p
}

// step takes the best transition for the scores of st's configuration
// (in st.scores), labels an arc with the label model, and applies it.
func (m *tables) step(st *state) { m.take(st, st.best(st.scores)) }

// take applies transition a, which must be valid, labelling an arc with
// the label model.
func (m *tables) take(st *state, a int) {
	var l uint8
	if a != actShift {
		h, d := st.arc(a)
		l = uint8(m.root)
		if h != 0 {
			m.scoreLabels(st.labelFeatures(h, d), st.scores, &st.sink)
			l = bestLabel(st.scores, len(m.labels)-1, m.root)
		}
	}
	st.apply(a, l)
}

// Labels returns the dependency relations the parser assigns.
func (p *Parser) Labels() []string { return append([]string(nil), p.m.labels[1:]...) }

// Parse sets Head and Dep of every token of s. It reads each token's Text,
// POS (UPOS) and XPOS, so run the tagger first; untagged tokens parse, but
// badly. The result is always a tree: exactly one token has Head 0 (with
// Dep "root"), every other Head is a token index (1-based) and there are no
// cycles.
func (p *Parser) Parse(s *nlp.Sentence) {
	toks := s.Tokens
	if len(toks) == 0 {
		return
	}
	st := p.pool.Get().(*state)
	m := p.m
	st.reset(toks, len(m.labels)-1)
	st.precompute(m)
	for !st.terminal() {
		if a := st.only(); a >= 0 {
			// One valid transition: best would take it whatever the
			// scores, so they are not computed.
			m.take(st, a)
			continue
		}
		m.scoreConfig(st)
		m.step(st)
	}
	for i := range toks {
		toks[i].Head = int(st.head[i+1])
		toks[i].Dep = m.labels[st.label[i+1]]
	}
	repair(toks)
	p.pool.Put(st)
}

// ParseDoc parses every sentence of d.
func (p *Parser) ParseDoc(d *nlp.Doc) {
	for i := range d.Sentences {
		p.Parse(&d.Sentences[i])
	}
}

// best returns the valid transition with the highest score; ties go to
// the lower number.
func (st *state) best(scores []float32) int {
	best := -1
	for a := actShift; a <= actRight; a++ {
		if st.valid(a) && (best < 0 || scores[a] > scores[best]) {
			best = a
		}
	}
	return best
}

// only returns the transition of a configuration that is not terminal
// when it is the only valid one, -1 when there are more: SHIFT when the
// stack holds only the root, RIGHT when the buffer is empty (see valid).
func (st *state) only() int {
	switch {
	case len(st.stack) == 1:
		return actShift
	case st.b >= st.n:
		return actRight
	}
	return -1
}

// bestLabel returns the highest-scoring of labels 1..L other than root,
// or 0 (written "dep") when root is the only label.
func bestLabel(scores []float32, L, root int) uint8 {
	best, bs := 0, float32(math.Inf(-1))
	for l := 1; l <= L; l++ {
		if l != root && scores[l] > bs {
			best, bs = l, scores[l]
		}
	}
	return uint8(best)
}

package tag

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/conllu"
)

// Options control training.
type Options struct {
	Epochs int    // passes over the training data; 0 means DefaultEpochs
	Seed   uint64 // seed of the per-epoch shuffle

	// Dev, when set, is tagged after every epoch and the scores passed to
	// Progress.
	Dev      []*conllu.Sentence
	Progress func(EpochReport)
}

// DefaultEpochs is the number of epochs the embedded model was trained for.
const DefaultEpochs = 6

// EpochReport describes one finished epoch.
type EpochReport struct {
	Epoch    int
	Errors   int // training tokens mistagged during the epoch
	Tokens   int
	Dev      Scores // zero when Options.Dev is empty
	Features int
}

// ambigFolds is the number of jackknife folds for the training tokens'
// ambiguity classes.
const ambigFolds = 10

// ambigMinShare is the share of a word's occurrences a tag needs to enter
// its ambiguity class.
const ambigMinShare = 0.05

// Train trains a tagger and lemmatizer on sentences (gold UPOS, XPOS and
// lemmas). Training is deterministic: the same sentences and options give
// the same model.
func Train(ctx context.Context, sentences []*conllu.Sentence, opts Options) (*Model, error) {
	if opts.Epochs == 0 {
		opts.Epochs = DefaultEpochs
	}
	if opts.Epochs < 0 {
		return nil, fmt.Errorf("tag: %d epochs", opts.Epochs)
	}
	// Classes, by frequency then name.
	freq := map[class]int{}
	var ltoks []lemmaToken
	var low []byte
	var ti tokInfo
	for _, s := range sentences {
		for _, w := range s.Words {
			freq[class{w.UPOS, w.XPOS}]++
			low = analyze(&ti, w.Form, false, low[:0])
			ltoks = append(ltoks, lemmaToken{form: w.Form, low: string(low), xpos: w.XPOS, lemma: w.Lemma, shape: ti.caseShape})
		}
	}
	if len(freq) == 0 {
		return nil, errors.New("tag: no training words")
	}
	if len(freq) > 255 {
		return nil, fmt.Errorf("tag: %d distinct (UPOS, XPOS) pairs, at most 255 supported", len(freq))
	}
	m := &Model{}
	for c := range freq {
		m.classes = append(m.classes, c)
	}
	slices.SortFunc(m.classes, func(a, b class) int {
		if c := cmp.Compare(freq[b], freq[a]); c != 0 {
			return c
		}
		if c := strings.Compare(a.upos, b.upos); c != 0 {
			return c
		}
		return strings.Compare(a.xpos, b.xpos)
	})
	classID := map[class]uint8{}
	for i, c := range m.classes {
		classID[c] = uint8(i)
	}
	m.lemma = learnLemma(ltoks)
	ltoks = nil

	// Ambiguity classes, jackknifed for the training tokens.
	full := map[string]map[string]int{}
	folds := make([]map[string]map[string]int, ambigFolds)
	for f := range folds {
		folds[f] = map[string]map[string]int{}
	}
	inc := func(m map[string]map[string]int, w, x string) {
		c := m[w]
		if c == nil {
			c = map[string]int{}
			m[w] = c
		}
		c[x]++
	}
	lows := make([][]string, len(sentences))
	for si, s := range sentences {
		lows[si] = make([]string, len(s.Words))
		for i, w := range s.Words {
			l := strings.ToLower(w.Form)
			lows[si][i] = l
			inc(full, l, w.XPOS)
			inc(folds[si%ambigFolds], l, w.XPOS)
		}
	}
	ambigSet := func(c map[string]int, minus map[string]int) string {
		total := 0
		for x, n := range c {
			total += n - minus[x]
		}
		if total == 0 {
			return ""
		}
		var tags []string
		for x, n := range c {
			if n -= minus[x]; n > 0 && float64(n) >= ambigMinShare*float64(total) {
				tags = append(tags, x)
			}
		}
		slices.Sort(tags)
		return strings.Join(tags, " ")
	}
	setIndex := map[string]uint16{}
	words := make([]string, 0, len(full))
	for w := range full {
		words = append(words, w)
	}
	slices.Sort(words)
	for _, w := range words {
		s := ambigSet(full[w], nil)
		id, ok := setIndex[s]
		if !ok {
			if len(m.ambigSets) >= math.MaxUint16 {
				return nil, errors.New("tag: too many ambiguity classes")
			}
			id = uint16(len(m.ambigSets))
			setIndex[s] = id
			m.ambigSets = append(m.ambigSets, s)
		}
		m.ambigWords = append(m.ambigWords, w)
		m.ambigOf = append(m.ambigOf, id)
	}

	// Token infos of the training sentences, computed once.
	type sent struct {
		info []tokInfo
		gold []uint8
	}
	data := make([]sent, len(sentences))
	for si, s := range sentences {
		n := len(s.Words)
		info := make([]tokInfo, n+4)
		padInfo(&info[0], hStart)
		padInfo(&info[1], hStart)
		padInfo(&info[n+2], hEnd)
		padInfo(&info[n+3], hEnd)
		gold := make([]uint8, n)
		fold := folds[si%ambigFolds]
		for i, w := range s.Words {
			low = analyze(&info[i+2], w.Form, i == 0, low[:0])
			if set := ambigSet(full[lows[si][i]], fold[lows[si][i]]); set != "" {
				info[i+2].ambig = fnvString(set) | 1
			}
			gold[i] = classID[class{w.UPOS, w.XPOS}]
		}
		data[si] = sent{info, gold}
	}
	lows, folds, full = nil, nil, nil

	p := newPerceptron(len(m.classes))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	feats := make([]uint32, 0, maxFeatures)
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng := rand.New(rand.NewPCG(opts.Seed, uint64(epoch)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for k, si := range order {
			if k%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			d := &data[si]
			p1, p2 := uint64(0), uint64(0)
			for i := range d.gold {
				feats = extract(feats[:0], d.info, i+2, p1, p2)
				guess := p.predict(feats)
				p.update(feats, d.gold[i], guess)
				if guess != d.gold[i] {
					errs++
				}
				toks++
				p2, p1 = p1, uint64(guess)+1
			}
		}
		p.average(m)
		rep := EpochReport{Epoch: epoch, Errors: errs, Tokens: toks, Features: len(m.keys)}
		if len(opts.Dev) > 0 {
			t, err := New(m)
			if err != nil {
				return nil, err
			}
			rep.Dev = Evaluate(t, opts.Dev)
		}
		if opts.Progress != nil {
			opts.Progress(rep)
		}
	}
	return m, nil
}

// perceptron is the training-time model: sparse rows with lazy averaging.
type perceptron struct {
	index  map[uint32]int32
	keys   []uint32
	rows   [][]pentry
	scores []int32
	now    int64
}

type pentry struct {
	cls uint8
	w   int32
	tot int64 // sum of w over the instances before ts
	ts  int64
}

func newPerceptron(nClasses int) *perceptron {
	return &perceptron{index: make(map[uint32]int32, 1<<20), scores: make([]int32, nClasses)}
}

func (p *perceptron) predict(fs []uint32) uint8 {
	clear(p.scores)
	for _, f := range fs {
		if r, ok := p.index[f]; ok {
			for _, e := range p.rows[r] {
				p.scores[e.cls] += e.w
			}
		}
	}
	best := 0
	for c := 1; c < len(p.scores); c++ {
		if p.scores[c] > p.scores[best] {
			best = c
		}
	}
	return uint8(best)
}

func (p *perceptron) update(fs []uint32, gold, guess uint8) {
	p.now++
	if gold == guess {
		return
	}
	for _, f := range fs {
		r, ok := p.index[f]
		if !ok {
			r = int32(len(p.rows))
			p.index[f] = r
			p.keys = append(p.keys, f)
			p.rows = append(p.rows, nil)
		}
		p.bump(r, gold, 1)
		p.bump(r, guess, -1)
	}
}

func (p *perceptron) bump(r int32, c uint8, d int32) {
	row := p.rows[r]
	for i := range row {
		if row[i].cls == c {
			e := &row[i]
			e.tot += (p.now - e.ts) * int64(e.w)
			e.ts = p.now
			e.w += d
			return
		}
	}
	p.rows[r] = append(row, pentry{cls: c, w: d, ts: p.now})
}

// average writes the averaged, quantised weights into m.
func (p *perceptron) average(m *Model) {
	order := make([]int32, len(p.keys))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(p.keys[a], p.keys[b]) })
	now := float64(p.now)
	maxAbs := 0.0
	for _, row := range p.rows {
		for _, e := range row {
			avg := float64(e.tot+(p.now-e.ts)*int64(e.w)) / now
			maxAbs = max(maxAbs, math.Abs(avg))
		}
	}
	scale := 1.0
	if maxAbs > 0 {
		scale = 32000 / maxAbs
	}
	m.keys, m.off, m.cls, m.w = m.keys[:0], m.off[:0], m.cls[:0], m.w[:0]
	m.off = append(m.off, 0)
	var tmp []pentry
	for _, r := range order {
		tmp = append(tmp[:0], p.rows[r]...)
		slices.SortFunc(tmp, func(a, b pentry) int { return cmp.Compare(a.cls, b.cls) })
		n := 0
		for _, e := range tmp {
			avg := float64(e.tot+(p.now-e.ts)*int64(e.w)) / now
			q := math.Round(avg * scale)
			if q == 0 {
				continue
			}
			m.cls = append(m.cls, e.cls)
			m.w = append(m.w, int16(q))
			n++
		}
		if n > 0 {
			m.keys = append(m.keys, p.keys[r])
			m.off = append(m.off, uint32(len(m.w)))
		}
	}
}

// Scores are token accuracies against gold annotations, in percent.
type Scores struct {
	Tokens            int
	UPOS, XPOS, Lemma float64
	Sentences         int
}

func (s Scores) String() string {
	return fmt.Sprintf("UPOS %.2f  XPOS %.2f  lemma %.2f  (%d words)", s.UPOS, s.XPOS, s.Lemma, s.Tokens)
}

// Evaluate tags gold-tokenized sentences and scores the predicted tags and
// lemmas against their gold ones.
func Evaluate(t *Tagger, gold []*conllu.Sentence) Scores {
	var sc Scores
	var s nlp.Sentence
	upos, xpos, lemma := 0, 0, 0
	for _, g := range gold {
		s.Tokens = s.Tokens[:0]
		for _, w := range g.Words {
			s.Tokens = append(s.Tokens, nlp.Token{Text: w.Form, Head: -1})
		}
		t.Tag(&s)
		for i, w := range g.Words {
			tk := &s.Tokens[i]
			if tk.POS == w.UPOS {
				upos++
			}
			if tk.XPOS == w.XPOS {
				xpos++
			}
			if tk.Lemma == w.Lemma {
				lemma++
			}
		}
		sc.Tokens += len(g.Words)
		sc.Sentences++
	}
	if sc.Tokens > 0 {
		n := float64(sc.Tokens)
		sc.UPOS, sc.XPOS, sc.Lemma = 100*float64(upos)/n, 100*float64(xpos)/n, 100*float64(lemma)/n
	}
	return sc
}

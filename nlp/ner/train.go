package ner

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad/actor"
)

// Example is one training sentence: its tokens, optional UPOS and Penn
// Treebank (XPOS) tags (nil or "" when untagged; tag them with the tagger
// the recognizer will run after, package nlp/tag), and one BIO tag per
// token. Tags of types other
// than PER, ORG and LOC are read as O; an I- tag that does not continue an
// entity of its type opens one (IOB1 input is accepted).
type Example struct {
	Tokens []string
	POS    []string
	XPOS   []string
	Tags   []string
}

// TrainOptions configure Train.
type TrainOptions struct {
	Epochs int    // passes over the data (default 10)
	Seed   uint64 // shuffling seed: the same data and seed give the same model
	Folds  int    // folds for the training-data name lists (default 5)
	// KB is the actor knowledge base whose names become features; it must
	// be the one the model will run with (Load uses actor.Default).
	KB *actor.KB
	// Gazetteer holds external name lists (places, office holders); may be nil.
	Gazetteer *GazetteerBuilder
	// Lexicon holds word classes from a POS-tagged corpus; may be nil.
	Lexicon *LexiconBuilder
	// EntityBias is added to the score of every B- label of the trained
	// model (see Model.ShiftEntityScores): a positive bias trades
	// precision for recall.
	EntityBias float32
	// ORGBias, PERBias and LOCBias are added to the score of B-ORG,
	// B-PER and B-LOC on top of EntityBias.
	ORGBias, PERBias, LOCBias float32
	// Bags is the number of perceptrons, each trained over its own
	// shuffles of the data, whose averaged weights are averaged again
	// (default 1): the model then depends less on the order of the data.
	Bags int
	// Log, when set, receives one line per epoch.
	Log io.Writer
}

// LexiconBuilder counts, per lower-cased word of a tagged corpus, how often
// it is a proper noun and how often it is written in lower case. The
// classes are features that tell a capitalised common word ("Officials")
// from a name.
type LexiconBuilder struct {
	n, propn, lower map[uint64]int
	buf             []byte
}

// NewLexiconBuilder returns an empty lexicon builder.
func NewLexiconBuilder() *LexiconBuilder {
	return &LexiconBuilder{n: map[uint64]int{}, propn: map[uint64]int{}, lower: map[uint64]int{}}
}

// Add counts one token with its UPOS tag.
func (b *LexiconBuilder) Add(form, upos string) {
	var t tokInfo
	b.buf = wordInfo(&t, form, b.buf)
	b.n[t.word]++
	if upos == "PROPN" {
		b.propn[t.word]++
	}
	if t.flags&(fInitCap|fAllCap) == 0 && t.flags&fHasLower != 0 {
		b.lower[t.word]++
	}
}

func bucket(a, n int) uint8 {
	f := float64(a) / float64(n)
	switch {
	case f < 0.1:
		return 0
	case f < 0.5:
		return 1
	case f < 0.9:
		return 2
	}
	return 3
}

func (b *LexiconBuilder) build() *table[uint8] {
	if b == nil {
		return newTable[uint8](0)
	}
	keys := make([]uint64, 0, len(b.n))
	for k, n := range b.n {
		if n >= 2 {
			keys = append(keys, k)
		}
	}
	sortU64(keys)
	t := newTable[uint8](len(keys))
	for _, k := range keys {
		n := b.n[k]
		c := bucket(b.propn[k], n)*4 + bucket(b.lower[k], n)
		if n >= 20 {
			c += 16 // frequent word
		}
		t.put(k, c)
	}
	return t
}

// normTags maps tags to label indices: PER/ORG/LOC kept, IOB1 repaired,
// everything else O.
func normTags(tags []string) []int8 {
	out := make([]int8, len(tags))
	prevType := ""
	for i, t := range tags {
		typ := ""
		begin := false
		if len(t) > 2 && t[1] == '-' {
			typ = t[2:]
			begin = t[0] == 'B'
		}
		switch typ {
		case "PER", "ORG", "LOC":
		default:
			typ = ""
		}
		if typ == "" {
			out[i] = 0
			prevType = ""
			continue
		}
		if !begin && prevType != typ {
			begin = true
		}
		tag := "I-" + typ
		if begin {
			tag = "B-" + typ
		}
		out[i] = int8(labelIndex(tag))
		prevType = typ
	}
	return out
}

// stripTitles applies UNER's convention to other corpora: honorifics and
// titles of office opening a PER span ("Mr Osborne", "Vice President
// Pence") are not part of it.
func stripTitles(toks []string, gold []int8) {
	bper, iper := int8(labelIndex("B-PER")), int8(labelIndex("I-PER"))
	for i := 0; i+1 < len(gold); i++ {
		if gold[i] == bper && gold[i+1] == iper && isTitle(toks[i]) {
			gold[i], gold[i+1] = 0, bper
		}
	}
}

func sortU64(a []uint64) {
	// small helper to avoid importing slices in two files for one call
	if len(a) < 2 {
		return
	}
	quick(a)
}

func quick(a []uint64) {
	for len(a) > 12 {
		p := a[len(a)/2]
		i, j := 0, len(a)-1
		for i <= j {
			for a[i] < p {
				i++
			}
			for a[j] > p {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		if j+1 < len(a)-i {
			quick(a[:j+1])
			a = a[i:]
		} else {
			quick(a[i:])
			a = a[:j+1]
		}
	}
	for i := 1; i < len(a); i++ {
		for k := i; k > 0 && a[k] < a[k-1]; k-- {
			a[k], a[k-1] = a[k-1], a[k]
		}
	}
}

// addNames adds the entities of an example to the training-name classes.
func addNames(b *GazetteerBuilder, toks []string, gold []int8) {
	for i := 0; i < len(gold); {
		if gold[i] == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(gold) && gold[j] == gold[i]+1 {
			j++
		}
		typ := labels[gold[i]][2:]
		c := map[string]int{"PER": GazTrainPER, "ORG": GazTrainORG, "LOC": GazTrainLOC}[typ]
		if properName(toks[i]) {
			b.AddTokens(toks[i:j], c)
			if typ == "PER" && j-i >= 2 {
				b.AddTokens(toks[i:i+1], GazGivenName)
			}
		}
		i = j
	}
}

// properName reports whether a word starts with an upper-case letter.
func properName(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

func foldOf(toks []string, k int) int {
	return int(hashString(strings.Join(toks, " ")) % uint64(k))
}

// Train trains a model with the averaged perceptron over BIO tags, decoding
// with Viterbi. Name lists derived from the training data are built
// jackknife-style: each fold's features see only the names of the other
// folds, so that the model learns how far to trust a list for names it
// has not seen; the model then ships the lists built from all the data.
func Train(ctx context.Context, examples []Example, opt TrainOptions) (*Model, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.Folds <= 1 {
		opt.Folds = 5
	}
	ext := opt.Gazetteer
	if ext == nil {
		ext = NewGazetteerBuilder()
	}
	golds := make([][]int8, len(examples))
	folds := make([]int, len(examples))
	all := NewGazetteerBuilder()
	foldNames := make([]*GazetteerBuilder, opt.Folds)
	for k := range foldNames {
		foldNames[k] = NewGazetteerBuilder()
	}
	for i, ex := range examples {
		if len(ex.Tags) != len(ex.Tokens) || (ex.POS != nil && len(ex.POS) != len(ex.Tokens)) || (ex.XPOS != nil && len(ex.XPOS) != len(ex.Tokens)) {
			return nil, fmt.Errorf("ner: train: example %d has %d tokens, %d tags, %d POS, %d XPOS", i, len(ex.Tokens), len(ex.Tags), len(ex.POS), len(ex.XPOS))
		}
		golds[i] = normTags(ex.Tags)
		stripTitles(ex.Tokens, golds[i])
		folds[i] = foldOf(ex.Tokens, opt.Folds)
		addNames(all, ex.Tokens, golds[i])
		addNames(foldNames[folds[i]], ex.Tokens, golds[i])
	}
	m := &Model{lex: opt.Lexicon.build()}
	kbc := kbClasses(opt.KB)
	// Gazetteer of fold k: external lists plus names of the other folds.
	foldGaz := make([]*gazetteer, opt.Folds)
	for k := range foldGaz {
		b := ext.merge(nil)
		for o, fb := range foldNames {
			if o != k {
				b = b.merge(fb)
			}
		}
		foldGaz[k] = b.build()
	}
	// Extract features once.
	index := map[uint64]int32{}
	data := make([]exFeats, len(examples))
	var s sentence
	var fbuf []uint64
	for i, ex := range examples {
		if i%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		m.prepare(&s, ex.Tokens, ex.POS, ex.XPOS, opt.KB, kbc, foldGaz[folds[i]])
		d := exFeats{off: make([]int32, 0, len(ex.Tokens)+1)}
		for t := range ex.Tokens {
			d.off = append(d.off, int32(len(d.feats)))
			fbuf = m.features(&s, t, fbuf[:0])
			for _, f := range fbuf {
				id, ok := index[f]
				if !ok {
					id = int32(len(index))
					index[f] = id
				}
				d.feats = append(d.feats, id)
			}
		}
		d.off = append(d.off, int32(len(d.feats)))
		data[i] = d
	}
	nf := len(index)
	// Train Bags perceptrons over different shuffles of the data and
	// average their weights.
	bags := max(opt.Bags, 1)
	avg := make([]float32, nf*nLabels)
	var tavg [(nLabels + 1) * nLabels]float32
	for bag := range bags {
		seed := opt.Seed + uint64(bag)*0x9e3779b97f4a7c15
		w, trans, err := perceptron(ctx, data, golds, nf, seed, bag, opt)
		if err != nil {
			return nil, err
		}
		for i := range avg {
			avg[i] += w[i] / float32(bags)
		}
		for i := range tavg {
			tavg[i] += trans[i] / float32(bags)
		}
	}
	// Average, and keep the features with any weight.
	keys := make([]uint64, 0, nf)
	for k := range index {
		keys = append(keys, k)
	}
	sortU64(keys)
	var kept []uint64
	var rows []float32
	for _, k := range keys {
		id := index[k]
		row := make([]float32, nLabels)
		keep := false
		for y := range row {
			v := avg[int(id)*nLabels+y]
			row[y] = v
			if v > 1e-3 || v < -1e-3 {
				keep = true
			}
		}
		if keep {
			kept = append(kept, k)
			rows = append(rows, row...)
		}
	}
	m.feats = newTable[int32](len(kept))
	for i, k := range kept {
		m.feats.put(k, int32(i))
	}
	m.w = rows
	m.trans = tavg
	m.gaz = ext.merge(all).build()
	m.ShiftEntityScores("", opt.EntityBias)
	m.ShiftEntityScores("ORG", opt.ORGBias)
	m.ShiftEntityScores("PER", opt.PERBias)
	m.ShiftEntityScores("LOC", opt.LOCBias)
	if opt.Log != nil {
		fmt.Fprintf(opt.Log, "model: %d features kept of %d, %d gazetteer phrases, %d lexicon words\n", len(kept), nf, m.gaz.t.n, m.lex.n)
	}
	return m, nil
}

// exFeats holds the features of one training example.
type exFeats struct {
	off   []int32 // per token: start in feats; len(tokens)+1 entries
	feats []int32
}

// perceptron trains one averaged perceptron over the examples, shuffled
// with seed each epoch, and returns its averaged weights (nf rows of
// nLabels) and transition weights.
func perceptron(ctx context.Context, data []exFeats, golds [][]int8, nf int, seed uint64, bag int, opt TrainOptions) ([]float32, [(nLabels + 1) * nLabels]float32, error) {
	w := make([]float32, nf*nLabels)
	acc := make([]float32, nf*nLabels) // sum of c*delta for averaging
	var trans, tacc [(nLabels + 1) * nLabels]float32
	c := float32(1)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	var sc, delta []float32
	var back, pred []int8
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, total := 0, 0
		for n, ei := range order {
			if n%2000 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, trans, err
				}
			}
			d, gold := &data[ei], golds[ei]
			T := len(gold)
			if T == 0 {
				continue
			}
			sc = grow(sc, T*nLabels)
			delta = grow(delta, T*nLabels)
			back = grow(back, T*nLabels)
			pred = grow(pred, T)
			for t := 0; t < T; t++ {
				row := sc[t*nLabels : (t+1)*nLabels]
				clear(row)
				for _, f := range d.feats[d.off[t]:d.off[t+1]] {
					wr := w[int(f)*nLabels : int(f+1)*nLabels]
					for y := range row {
						row[y] += wr[y]
					}
				}
			}
			viterbi(trans[:], sc, T, delta, back, pred)
			total += T
			for t := 0; t < T; t++ {
				g, p := int(gold[t]), int(pred[t])
				if g != p {
					errs++
					for _, f := range d.feats[d.off[t]:d.off[t+1]] {
						w[int(f)*nLabels+g]++
						acc[int(f)*nLabels+g] += c
						w[int(f)*nLabels+p]--
						acc[int(f)*nLabels+p] -= c
					}
				}
				gp, pp := start, start
				if t > 0 {
					gp, pp = int(gold[t-1]), int(pred[t-1])
				}
				if gp != pp || g != p {
					trans[gp*nLabels+g]++
					tacc[gp*nLabels+g] += c
					trans[pp*nLabels+p]--
					tacc[pp*nLabels+p] -= c
				}
			}
			c++
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "bag %d epoch %d: %d/%d tokens wrong (%.2f%%), %d features\n", bag+1, epoch+1, errs, total, 100*float64(errs)/float64(max(total, 1)), nf)
		}
	}
	for i := range w {
		w[i] -= acc[i] / c
	}
	for i := range trans {
		trans[i] -= tacc[i] / c
	}
	return w, trans, nil
}

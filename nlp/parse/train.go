package parse

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"time"

	"github.com/dyad-events/dyad/nlp"
)

// Options control Train.
type Options struct {
	// Epochs is the number of passes over the training sentences
	// (default 15).
	Epochs int
	// Seed fixes the shuffling and exploration; the same sentences,
	// options and seed give the same model, byte for byte (default 1).
	Seed uint64
	// Explore is the probability, from the second epoch on, of following
	// the model's own action when the dynamic oracle finds it wrong, so
	// that training sees the configurations the parser's mistakes lead
	// to (Goldberg and Nivre 2012). Default 0.9; negative turns it off.
	Explore float64
	// Prune drops averaged weights smaller than this in magnitude from
	// the final model (default 0.01; negative keeps all).
	Prune float64
	// Dev sentences (with gold Head and Dep) are parsed after each epoch
	// and their attachment scores reported to Progress.
	Dev []nlp.Sentence
	// Progress, when set, is called after each epoch.
	Progress func(EpochStats)
}

// EpochStats reports one training epoch.
type EpochStats struct {
	Epoch    int
	Features int           // features with weights so far
	TrainAcc float64       // share of transitions the model predicted with no loss
	DevUAS   float64       // unlabelled attachment score on Options.Dev (0 without Dev)
	DevLAS   float64       // labelled attachment score, full labels
	Elapsed  time.Duration // since training started
}

// tentry is one class weight of a feature during training, with the
// bookkeeping for lazy averaging.
type tentry struct {
	cls uint8
	w   float32
	ts  int64   // step of the last change
	tot float64 // sum of w over steps before ts
}

type weights struct {
	idx  map[uint64]int32
	rows [][]tentry
	now  int64
}

func (t *weights) score(feats []uint64, scores []float32) {
	clear(scores)
	for _, k := range feats {
		if r, ok := t.idx[k]; ok {
			for _, e := range t.rows[r] {
				scores[e.cls] += e.w
			}
		}
	}
}

func (t *weights) update(feats []uint64, cls int, delta float32) {
	for _, k := range feats {
		r, ok := t.idx[k]
		if !ok {
			r = int32(len(t.rows))
			t.idx[k] = r
			t.rows = append(t.rows, make([]tentry, 0, 2))
		}
		row := t.rows[r]
		j := -1
		for i := range row {
			if row[i].cls == uint8(cls) {
				j = i
				break
			}
		}
		if j < 0 {
			row = append(row, tentry{cls: uint8(cls), ts: t.now})
			t.rows[r] = row
			j = len(row) - 1
		}
		e := &row[j]
		e.tot += float64(t.now-e.ts) * float64(e.w)
		e.ts = t.now
		e.w += delta
	}
}

// averaged returns the averaged weights as rows sorted by key, dropping
// weights below prune in magnitude and features left with none.
func (t *weights) averaged(prune float64) []feature {
	keys := make([]uint64, 0, len(t.idx))
	for k := range t.idx {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]feature, 0, len(keys))
	now := float64(t.now)
	if now == 0 {
		now = 1
	}
	for _, k := range keys {
		row := t.rows[t.idx[k]]
		var f feature
		f.key = k
		for _, e := range row {
			avg := (e.tot + float64(t.now-e.ts)*float64(e.w)) / now
			if math.Abs(avg) < prune || avg == 0 {
				continue
			}
			f.cls = append(f.cls, e.cls)
			f.wts = append(f.wts, float32(avg))
		}
		if len(f.cls) > 0 {
			// Sort the row by class so the output does not depend on
			// update order beyond the weights themselves.
			sort.Sort(byClass{f.cls, f.wts})
			out = append(out, f)
		}
	}
	return out
}

type byClass struct {
	c []uint8
	w []float32
}

func (b byClass) Len() int           { return len(b.c) }
func (b byClass) Less(i, j int) bool { return b.c[i] < b.c[j] }
func (b byClass) Swap(i, j int) {
	b.c[i], b.c[j] = b.c[j], b.c[i]
	b.w[i], b.w[j] = b.w[j], b.w[i]
}

// gold is a training sentence's projectivised gold tree.
type gold struct {
	head  []int32 // by token position, 0 = root; head[0] unused
	label []uint8
	kids  [][]int32
}

// Train trains a parser on sentences with gold Head and Dep (and the POS
// and XPOS the parser will see at run time: gold, or better, predicted
// by the tagger). Non-projective trees are projectivised for training by
// lifting arcs (the parser only builds projective trees).
func Train(ctx context.Context, sentences []nlp.Sentence, opt Options) (*Parser, error) {
	return train(ctx, sentences, opt)
}

// TrainTo is Train that also writes the model to w (see WriteTo).
func TrainTo(ctx context.Context, w io.Writer, sentences []nlp.Sentence, opt Options) (*Parser, error) {
	p, err := train(ctx, sentences, opt)
	if err != nil {
		return nil, err
	}
	trans, lab := p.m.rows()
	if err := writeModel(w, p.m.labels, trans, lab); err != nil {
		return nil, fmt.Errorf("write parser model: %w", err)
	}
	return p, nil
}

// WriteTo writes the parser's model, gzip-compressed, in the format Read
// reads.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	trans, lab := p.m.rows()
	err := writeModel(cw, p.m.labels, trans, lab)
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

func train(ctx context.Context, sentences []nlp.Sentence, opt Options) (*Parser, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 15
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.Explore == 0 {
		opt.Explore = 0.9
	}
	if opt.Prune == 0 {
		opt.Prune = 0.01
	}
	start := time.Now()
	// Labels, sorted, so that the class numbering depends only on the data.
	seen := map[string]bool{"root": true}
	for i := range sentences {
		for _, t := range sentences[i].Tokens {
			if t.Dep == "" {
				return nil, fmt.Errorf("train parser: sentence %d: token %q has no Dep", i+1, t.Text)
			}
			seen[t.Dep] = true
		}
	}
	labels := []string{""}
	for l := range seen {
		labels = append(labels, l)
	}
	slices.Sort(labels[1:])
	if len(labels) > 127 {
		return nil, fmt.Errorf("train parser: %d relations, at most 126 supported", len(labels)-1)
	}
	lid := make(map[string]uint8, len(labels))
	for i, l := range labels[1:] {
		lid[l] = uint8(i + 1)
	}
	root := int(lid["root"])
	golds := make([]gold, len(sentences))
	for i := range sentences {
		g, err := makeGold(sentences[i].Tokens, lid)
		if err != nil {
			return nil, fmt.Errorf("train parser: sentence %d: %w", i+1, err)
		}
		golds[i] = g
	}
	L := len(labels) - 1
	w := &weights{idx: make(map[uint64]int32, 1<<20)}  // transitions
	lw := &weights{idx: make(map[uint64]int32, 1<<18)} // labels
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5DEECE66D))
	order := make([]int, len(sentences))
	for i := range order {
		order[i] = i
	}
	st := &state{feats: make([]uint64, 0, numFeatures), lfeats: make([]uint64, 0, numLabelFeatures)}
	var cost [3]int
	var inStack []bool
	var p *Parser
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := epoch > 1 && opt.Explore > 0
		var steps, good int
		for n, si := range order {
			if n%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			toks := sentences[si].Tokens
			if len(toks) == 0 {
				continue
			}
			g := &golds[si]
			st.reset(toks, L)
			if cap(inStack) < len(toks)+2 {
				inStack = make([]bool, len(toks)+2)
			}
			inStack = inStack[:len(toks)+2]
			clear(inStack)
			inStack[0] = true
			for !st.terminal() {
				feats := st.features()
				w.score(feats, st.scores)
				pred := st.best(st.scores)
				minCost := st.costs(g, inStack, &cost)
				orc := -1
				for a, c := range cost {
					if c == minCost && (orc < 0 || st.scores[a] > st.scores[orc]) {
						orc = a
					}
				}
				w.now++
				lw.now++
				steps++
				next := pred
				if cost[pred] > minCost {
					w.update(feats, orc, 1)
					w.update(feats, pred, -1)
					if !explore || rng.Float64() >= opt.Explore {
						next = orc
					}
				} else {
					good++
				}
				var l uint8
				if next == actShift {
					inStack[st.b] = true
				} else {
					h, d := st.arc(next)
					inStack[d] = false
					l = uint8(root)
					if h != 0 {
						lf := st.labelFeatures(h, d)
						lw.score(lf, st.scores)
						l = bestLabel(st.scores, root)
						if g.head[d] == h && g.label[d] != l {
							lw.update(lf, int(g.label[d]), 1)
							lw.update(lf, int(l), -1)
							if !explore || rng.Float64() >= opt.Explore {
								l = g.label[d]
							}
						}
					}
				}
				st.apply(next, l)
			}
		}
		trans, lab := w.averaged(opt.Prune), lw.averaged(opt.Prune)
		quantize(trans)
		quantize(lab)
		m, err := newModel(labels, trans, lab)
		if err != nil {
			return nil, fmt.Errorf("train parser: %w", err)
		}
		p = newParser(m)
		es := EpochStats{Epoch: epoch, Features: len(trans) + len(lab), TrainAcc: float64(good) / float64(max(steps, 1))}
		if len(opt.Dev) > 0 {
			es.DevUAS, es.DevLAS = p.attachment(opt.Dev)
		}
		es.Elapsed = time.Since(start)
		if opt.Progress != nil {
			opt.Progress(es)
		}
	}
	return p, nil
}

// attachment parses copies of sents and returns UAS and LAS (percent,
// punctuation included).
func (p *Parser) attachment(sents []nlp.Sentence) (uas, las float64) {
	var n, u, l int
	var buf []nlp.Token
	for i := range sents {
		buf = append(buf[:0], sents[i].Tokens...)
		s := nlp.Sentence{Tokens: buf}
		p.Parse(&s)
		for j, t := range sents[i].Tokens {
			n++
			if buf[j].Head == t.Head {
				u++
				if buf[j].Dep == t.Dep {
					l++
				}
			}
		}
	}
	if n == 0 {
		return 0, 0
	}
	return 100 * float64(u) / float64(n), 100 * float64(l) / float64(n)
}

// costs fills cost with the dynamic-oracle loss of each transition (-1
// for invalid ones) and returns the smallest loss of a valid one: the
// number of gold arcs the transition makes unreachable (Goldberg and Nivre
// 2013, arc-hybrid). Labels are trained separately, on gold arcs.
func (st *state) costs(g *gold, inStack []bool, cost *[3]int) int {
	cost[0], cost[1], cost[2] = -1, -1, -1
	b, n := st.b, st.n
	k := len(st.stack)
	minCost := math.MaxInt
	if b < n {
		c := 0
		if h := g.head[b]; inStack[h] && h != st.stack[k-1] {
			c++
		}
		for _, d := range g.kids[b] {
			if inStack[d] {
				c++
			}
		}
		cost[actShift] = c
		minCost = c
	}
	if k < 2 {
		return minCost
	}
	s0, s1 := st.stack[k-1], st.stack[k-2]
	inBuf := 0
	for _, d := range g.kids[s0] {
		if d >= b {
			inBuf++
		}
	}
	h := g.head[s0]
	if st.valid(actLeft) {
		c := inBuf
		if h == s1 || h > b {
			c++
		}
		cost[actLeft] = c
		minCost = min(minCost, c)
	}
	if st.valid(actRight) {
		c := inBuf
		if h >= b {
			c++
		}
		cost[actRight] = c
		minCost = min(minCost, c)
	}
	return minCost
}

// makeGold maps a sentence's heads and labels to a projective training
// tree.
func makeGold(toks []nlp.Token, lid map[string]uint8) (gold, error) {
	n := len(toks) + 1
	g := gold{head: make([]int32, n), label: make([]uint8, n), kids: make([][]int32, n)}
	roots := 0
	for i, t := range toks {
		if t.Head < 0 || t.Head >= n || t.Head == i+1 {
			return g, fmt.Errorf("token %d (%q): head %d out of range", i+1, t.Text, t.Head)
		}
		g.head[i+1] = int32(t.Head)
		g.label[i+1] = lid[t.Dep]
		if t.Head == 0 {
			roots++
		}
	}
	if roots != 1 {
		return g, fmt.Errorf("%d roots, want 1", roots)
	}
	// Cycle check: every token must reach the root.
	for i := 1; i < n; i++ {
		h, steps := int32(i), 0
		for h != 0 {
			h = g.head[h]
			if steps++; steps > n {
				return g, errors.New("heads form a cycle")
			}
		}
	}
	projectivize(g.head)
	for d := 1; d < n; d++ {
		g.kids[g.head[d]] = append(g.kids[g.head[d]], int32(d))
	}
	return g, nil
}

// projectivize lifts non-projective arcs, shortest first, to the head's
// head until the tree is projective (Nivre and Nilsson 2005, without label
// encoding).
func projectivize(head []int32) {
	n := int32(len(head))
	dominates := func(h, d int32) bool {
		for d != 0 {
			if d == h {
				return true
			}
			d = head[d]
		}
		return h == 0
	}
	for {
		best, bestLen := int32(-1), n+1
		for d := int32(1); d < n; d++ {
			h := head[d]
			lo, hi := min(h, d), max(h, d)
			if hi-lo >= bestLen {
				continue
			}
			for k := lo + 1; k < hi; k++ {
				if !dominates(h, k) {
					best, bestLen = d, hi-lo
					break
				}
			}
		}
		if best < 0 {
			return
		}
		head[best] = head[head[best]]
	}
}

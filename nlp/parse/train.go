package parse

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
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
	// MinUpdates drops transition features that took part in fewer
	// perceptron updates than this from the final model: rare features
	// cost memory and cache misses and add little (default 1: keep all).
	// Label features are all kept: they are fewer, and rarely updated.
	MinUpdates int
	// Ensemble trains this many models, with seeds Seed, Seed+1, ...,
	// and averages their weights (default 1).
	Ensemble int
	// Dev sentences (with gold Head and Dep) are parsed after each epoch
	// and their attachment scores reported to Progress.
	Dev []nlp.Sentence
	// Progress, when set, is called after each epoch.
	Progress func(EpochStats)
}

// EpochStats reports one training epoch.
type EpochStats struct {
	Run      int // 1-based run of an ensemble; 0 for the averaged model
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
	upd  []int32 // mistakes each feature took part in
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
			t.upd = append(t.upd, 0)
		}
		if delta > 0 {
			t.upd[r]++
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

// averaged returns the averaged weights of one or more training runs
// (an ensemble: the mean of each run's averaged weights), rounded to
// bfloat16, sorted by key, dropping features updated in fewer than minUpd
// mistakes per run, weights below prune in magnitude and features left
// with none.
func averaged(runs []*weights, prune float64, minUpd int) column {
	seen := make(map[uint64]bool, len(runs[0].idx))
	var keys []uint64
	for _, t := range runs {
		for k := range t.idx {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	slices.Sort(keys)
	nr := float64(len(runs))
	c := column{keys: keys[:0], off: make([]uint32, 1, len(keys)+1)}
	var sum [128]float64
	var has [128]bool
	for _, k := range keys {
		upd := 0
		for _, t := range runs {
			if r, ok := t.idx[k]; ok {
				upd += int(t.upd[r])
			}
		}
		if upd < minUpd*len(runs) {
			continue
		}
		clear(sum[:])
		clear(has[:])
		for _, t := range runs {
			r, ok := t.idx[k]
			if !ok {
				continue
			}
			now := float64(max(t.now, 1))
			for _, e := range t.rows[r] {
				sum[e.cls] += (e.tot + float64(t.now-e.ts)*float64(e.w)) / now
				has[e.cls] = true
			}
		}
		n := len(c.cls)
		for cls := range sum {
			if !has[cls] {
				continue
			}
			avg := sum[cls] / nr
			q := bf16(float32(avg))
			if math.Abs(avg) < prune || fromBF16(q) == 0 {
				continue
			}
			c.cls = append(c.cls, uint8(cls))
			c.wts = append(c.wts, q)
		}
		if len(c.cls) > n {
			c.keys = append(c.keys, k)
			c.off = append(c.off, uint32(len(c.cls)))
		}
	}
	return c
}

// gold is a training sentence's projectivised gold tree.
type gold struct {
	head  []int32 // by token position, 0 = root; head[0] unused
	label []uint8
	kids  [][]int32
}

// Train trains a parser model on sentences with gold Head and Dep (and
// the POS and XPOS the parser will see at run time: gold, or better,
// predicted by the tagger). Non-projective trees are projectivised for
// training by lifting arcs (the parser only builds projective trees).
func Train(ctx context.Context, sentences []nlp.Sentence, opt Options) (*Model, error) {
	return train(ctx, sentences, opt)
}

func train(ctx context.Context, sentences []nlp.Sentence, opt Options) (*Model, error) {
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
	labels := []string{"dep"} // 0: the fallback when root is the only label
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
	golds := make([]gold, len(sentences))
	for i := range sentences {
		g, err := makeGold(sentences[i].Tokens, lid)
		if err != nil {
			return nil, fmt.Errorf("train parser: sentence %d: %w", i+1, err)
		}
		golds[i] = g
	}
	runs := max(opt.Ensemble, 1)
	var ws, lws []*weights
	var md *Model
	for r := range runs {
		w, lw, m, err := trainRun(ctx, sentences, golds, labels, opt, opt.Seed+uint64(r), r+1, start)
		if err != nil {
			return nil, err
		}
		ws, lws, md = append(ws, w), append(lws, lw), m
	}
	if runs == 1 {
		return md, nil
	}
	md = &Model{labels: labels, trans: averaged(ws, opt.Prune, opt.MinUpdates), lab: averaged(lws, opt.Prune, 1)}
	if opt.Progress != nil {
		p, err := New(md)
		if err != nil {
			return nil, fmt.Errorf("train parser: %w", err)
		}
		es := EpochStats{Epoch: opt.Epochs, Features: md.Features()}
		if len(opt.Dev) > 0 {
			es.DevUAS, es.DevLAS = p.attachment(opt.Dev)
		}
		es.Elapsed = time.Since(start)
		opt.Progress(es)
	}
	return md, nil
}

// trainRun is one training run with the given seed; it returns the
// transition and label weights and the model they make.
func trainRun(ctx context.Context, sentences []nlp.Sentence, golds []gold, labels []string, opt Options, seed uint64, run int, start time.Time) (*weights, *weights, *Model, error) {
	L := len(labels) - 1
	root := slices.Index(labels, "root")
	w := &weights{idx: make(map[uint64]int32, 1<<20)}  // transitions
	lw := &weights{idx: make(map[uint64]int32, 1<<18)} // labels
	rng := rand.New(rand.NewPCG(seed, seed^0x5DEECE66D))
	order := make([]int, len(sentences))
	for i := range order {
		order[i] = i
	}
	st := &state{feats: make([]uint64, 0, numFeatures), lfeats: make([]uint64, 0, numLabelFeatures)}
	var cost [3]int
	var inStack []bool
	var md *Model
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := epoch > 1 && opt.Explore > 0
		var steps, good int
		for n, si := range order {
			if n%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, nil, nil, err
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
						l = bestLabel(st.scores, L, root)
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
		trans, lab := averaged([]*weights{w}, opt.Prune, opt.MinUpdates), averaged([]*weights{lw}, opt.Prune, 1)
		md = &Model{labels: labels, trans: trans, lab: lab}
		p, err := New(md)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("train parser: %w", err)
		}
		es := EpochStats{Run: run, Epoch: epoch, Features: md.Features(), TrainAcc: float64(good) / float64(max(steps, 1))}
		if len(opt.Dev) > 0 {
			es.DevUAS, es.DevLAS = p.attachment(opt.Dev)
		}
		es.Elapsed = time.Since(start)
		if opt.Progress != nil {
			opt.Progress(es)
		}
	}
	return w, lw, md, nil
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

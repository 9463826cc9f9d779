package parse

import "slices"

// Feature templates follow Zhang and Nivre (2011), "Transition-based
// dependency parsing with rich non-local features", adapted to arc-hybrid:
// the arc candidates are (b0 -> s0) and (s1 -> s0), so s1 and s2 take the
// place of the head of s0. Atoms: w word, p XPOS, u UPOS, l label, d
// distance, v valency, s label set; lp/rp are the leftmost/rightmost
// child, l2/r2 the second ones. Each feature is a 64-bit hash of its
// template number and atom values; the model maps hashes to weights.

// Hash mixing (constants from splitmix64 and murmur3's finaliser).
const (
	k0 = 0x9E3779B97F4A7C15
	k1 = 0xff51afd7ed558ccd
	k2 = 0xc4ceb9fe1a85ec53
)

// fin finishes a feature hash and keeps its top 40 bits: with about a
// million features, collisions are rare enough not to matter, and sorted
// 40-bit keys delta-encode in three bytes each in the model file.
func fin(h uint64) uint64 {
	h ^= h >> 33
	h *= k1
	h ^= h >> 29
	h >>= 24
	if h == 0 { // 0 marks an empty slot in the model's table
		h = 1
	}
	return h
}

func f1(t, a uint64) uint64 { return fin((t*k0 ^ a) * k2) }

func f2(t, a, b uint64) uint64 {
	h := (t*k0 ^ a) * k2
	h = (h ^ h>>31 ^ b) * k1
	return fin(h)
}

func f3(t, a, b, c uint64) uint64 {
	h := (t*k0 ^ a) * k2
	h = (h ^ h>>31 ^ b) * k1
	h = (h ^ h>>29 ^ c) * k2
	return fin(h)
}

func f4(t, a, b, c, d uint64) uint64 {
	h := (t*k0 ^ a) * k2
	h = (h ^ h>>31 ^ b) * k1
	h = (h ^ h>>29 ^ c) * k2
	h = (h ^ h>>31 ^ d) * k1
	return fin(h)
}

// dist buckets the distance between two token positions.
func dist(a, b int32) uint64 {
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 5:
		return uint64(d)
	case d <= 9:
		return 6
	default:
		return 7
	}
}

// numFeatures is the number of templates features fills.
const numFeatures = 111

// Of the numFeatures templates, 30 read the fixed atoms of one position
// only: s0's, s1's or s2's word, tags, suffix, lemma and spacing, or the
// buffer's first four words (a function of b alone). The parser looks
// their weights up once per token and sentence (state.precompute) instead
// of once per configuration, where each token holds each role about
// twice; the others, which read children, labels, valencies, distances
// or pairs of positions, are dynamic. features assembles all of them in
// template order (the order fixes the float rounding of the sums), from
// the concatenation dynamic, s0, s1, s2, buffer: featOrder[i] is where
// the i-th template of that order is in the concatenation.
const (
	numDynamic = numHashed + numDirect
	numHashed  = 50 // the dynamic templates that are hashed; see direct.go for the others
	numS0      = 6
	numS1      = 5
	numS2      = 2
	numB       = 17
	numStatic  = numS0 + numS1 + numS2 + numB
)

// templateOrder lists the templates in the order of the sum;
// concatOrder in the order of the concatenation (hashedFeatures,
// directTemplates, then staticS0, staticS1, staticS2, staticB).
var (
	templateOrder = [numFeatures]uint8{
		1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
		20, 21, 23, 26, 27, 29, 30, 31,
		32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42,
		43, 44, 45, 46, 48, 49,
		51, 52, 53, 54, 55, 56, 57, 58,
		59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73,
		74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85,
		86, 87, 88, 89, 90, 91, 92, 93,
		94, 95, 96, 97, 98, 99, 100, 101, 103,
		104, 105, 106, 107, 108, 109, 110,
		111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121,
	}
	concatOrder = [numFeatures]uint8{
		// dynamic, hashed
		20, 21, 26, 27,
		33, 34, 35, 36, 37, 38, 39, 40, 41, 42,
		43, 45,
		51, 53, 55,
		59, 62, 65, 68, 71,
		82, 83, 84, 85,
		86, 87, 88, 89, 90,
		98, 103, 107, 110, 48, 49, 104, 106, 119,
		111, 112, 113, 114, 115, 116, 120, 121,
		// dynamic, direct (directTemplates)
		60, 61, 63, 64, 66, 67, 69, 70, 72, 73,
		74, 75, 76, 77, 78, 79, 80, 81,
		23, 29, 44, 46, 52, 54, 56, 57, 58, 91, 92,
		93, 105,
		// s0, s1, s2
		1, 2, 3, 94, 99, 108,
		4, 5, 6, 96, 101,
		15, 16,
		// buffer
		7, 8, 9, 10, 11, 12, 13, 14, 30, 31, 32, 95, 97, 100, 109, 117, 118,
	}
	featOrder = func() (o [numFeatures]uint8) {
		for i, t := range templateOrder {
			j := slices.Index(concatOrder[:], t)
			if j < 0 || slices.Index(concatOrder[j+1:], t) >= 0 {
				panic("parse: templates out of step")
			}
			o[i] = uint8(j)
		}
		for i, d := range directTemplates {
			if uint64(concatOrder[numHashed+i]) != d.t {
				panic("parse: direct templates out of step")
			}
		}
		return o
	}()
)

// positions returns the configuration's positions: the stack's top three
// and the buffer's first four, none (n) where absent.
func (st *state) positions() (s0, s1, s2 int32) {
	none := st.n
	s0, s1, s2 = none, none, none
	k := len(st.stack)
	if k > 0 {
		s0 = st.stack[k-1]
	}
	if k > 1 {
		s1 = st.stack[k-2]
	}
	if k > 2 {
		s2 = st.stack[k-3]
	}
	return s0, s1, s2
}

// buffer returns n0..n3 when the buffer starts at b.
func (st *state) buffer(b int32) (n0, n1, n2, n3 int32) {
	none := st.n
	n0, n1, n2, n3 = none, none, none, none
	if b < st.n {
		n0 = b
		if b+1 < st.n {
			n1 = b + 1
			if b+2 < st.n {
				n2 = b + 2
			}
		}
	}
	if n2 != none && n2+1 < st.n {
		n3 = n2 + 1
	}
	return n0, n1, n2, n3
}

// staticS0 fills f with the templates of token t as s0.
func (st *state) staticS0(t int32, f []uint64) {
	w, p := st.w[t], st.p[t]
	f[0], f[1], f[2] = f1(1, w), f1(2, p), f2(3, w, p)
	f[3], f[4], f[5] = f1(94, st.x[t]), f1(99, st.m[t]), f2(108, p, st.sp[t])
}

// staticS1 fills f with the templates of token t as s1.
func (st *state) staticS1(t int32, f []uint64) {
	w, p := st.w[t], st.p[t]
	f[0], f[1], f[2] = f1(4, w), f1(5, p), f2(6, w, p)
	f[3], f[4] = f1(96, st.x[t]), f1(101, st.m[t])
}

// staticS2 fills f with the templates of token t as s2.
func (st *state) staticS2(t int32, f []uint64) {
	f[0], f[1] = f1(15, st.w[t]), f1(16, st.p[t])
}

// staticB fills f with the templates of the buffer starting at b.
func (st *state) staticB(b int32, f []uint64) {
	n0, n1, n2, n3 := st.buffer(b)
	w, p, x, m := st.w, st.p, st.x, st.m
	N0w, N0p, N1w, N1p, N2w, N2p := w[n0], p[n0], w[n1], p[n1], w[n2], p[n2]
	f[0], f[1], f[2] = f1(7, N0w), f1(8, N0p), f2(9, N0w, N0p)
	f[3], f[4], f[5] = f1(10, N1w), f1(11, N1p), f2(12, N1w, N1p)
	f[6], f[7] = f1(13, N2w), f1(14, N2p)
	f[8], f[9], f[10] = f2(30, N0p, N1p), f2(31, N0w, N1w), f3(32, N0p, N1p, N2p)
	f[11], f[12], f[13] = f1(95, x[n0]), f1(97, x[n1]), f1(100, m[n0])
	f[14], f[15], f[16] = f2(109, N0p, st.sp[n0]), f1(117, p[n3]), f3(118, N1p, N2p, p[n3])
}

// features fills st.feats with the configuration's feature hashes, in
// template order; training scores them so.
func (st *state) features() []uint64 {
	var all [numFeatures]uint64
	c := st.context()
	copy(all[:], st.hashedFeatures(&c))
	var v [numAtoms]uint64
	st.atomValues(&c, &v)
	for i := range directTemplates {
		all[numHashed+i] = directTemplates[i].key(&v)
	}
	s0, s1, s2 := c.s0, c.s1, c.s2
	st.staticS0(s0, all[numDynamic:])
	st.staticS1(s1, all[numDynamic+numS0:])
	st.staticS2(s2, all[numDynamic+numS0+numS1:])
	st.staticB(st.b, all[numDynamic+numS0+numS1+numS2:])
	if cap(st.feats) < numFeatures {
		st.feats = make([]uint64, 0, numFeatures)
	}
	f := st.feats[:numFeatures]
	for i, j := range featOrder {
		f[i] = all[j]
	}
	st.feats = f
	return f
}

// config is a configuration's positions and the lookahead and distance
// atoms the dynamic templates read.
type config struct {
	s0, s1, s2, n0, n1 int32
	vb                 int32 // the next verb after n0
	d0, d1, dv, pv, dn uint64
}

func (st *state) context() (c config) {
	none := st.n
	c.s0, c.s1, c.s2 = st.positions()
	c.n0, c.n1, _, _ = st.buffer(st.b)
	if c.s0 != none && c.n0 != none {
		c.d0 = dist(c.s0, c.n0)
	}
	if c.s1 != none {
		c.d1 = dist(c.s1, c.s0)
	}
	c.vb, c.dv, c.pv, c.dn = none, 8, 0, 8
	if n0 := c.n0; n0 != none {
		c.vb = st.nv[n0]
		if c.vb != none {
			c.dv = dist(n0, c.vb)
		}
		if st.np[n0] < c.vb {
			c.pv = 1
		}
		if st.np[n0] != none {
			c.dn = dist(n0, st.np[n0])
		}
	}
	return c
}

// atomValues fills v with the direct templates' atoms as features hash
// them.
func (st *state) atomValues(c *config, v *[numAtoms]uint64) {
	p, lab, u := st.p, st.label, st.u
	s0, s1, n0 := c.s0, c.s1, c.n0
	v[aS0p], v[aS1p], v[aN0p] = p[s0], p[s1], p[n0]
	v[aS2p], v[aN1p] = p[c.s2], p[c.n1]
	v[aS0lp], v[aS0rp], v[aN0lp] = p[st.lc1[s0]], p[st.rc1[s0]], p[st.lc1[n0]]
	v[aS1lp], v[aS1rp] = p[st.lc1[s1]], p[st.rc1[s1]]
	v[aS0l2p], v[aS0r2p], v[aN0l2p], v[aS1r2p] = p[st.lc2[s0]], p[st.rc2[s0]], p[st.lc2[n0]], p[st.rc2[s1]]
	v[aS0ll], v[aS0rl], v[aN0ll] = uint64(lab[st.lc1[s0]]), uint64(lab[st.rc1[s0]]), uint64(lab[st.lc1[n0]])
	v[aS1ll], v[aS1rl] = uint64(lab[st.lc1[s1]]), uint64(lab[st.rc1[s1]])
	v[aS0l2l], v[aS0r2l] = uint64(lab[st.lc2[s0]]), uint64(lab[st.rc2[s0]])
	v[aN0l2l], v[aS1r2l] = uint64(lab[st.lc2[n0]]), uint64(lab[st.rc2[s1]])
	v[aS0u], v[aN0u], v[aS1u], v[aVBu] = u[s0], u[n0], u[s1], u[c.vb]
	v[aD0], v[aD1], v[aDV], v[aDN], v[aPV] = c.d0, c.d1, c.dv, c.dn, c.pv
	v[aS0vr], v[aS0vl], v[aN0vl] = uint64(st.vr[s0]), uint64(st.vl[s0]), uint64(st.vl[n0])
	v[aS1vl], v[aS1vr] = uint64(st.vl[s1]), uint64(st.vr[s1])
}

// atomIndices fills x with the value indices of the direct templates'
// atoms in the direct tables, unknownTag for a value they lack.
func (st *state) atomIndices(c *config, x *[numAtoms]uint8) {
	p, lab, u := st.pi, st.label, st.ui
	s0, s1, n0 := c.s0, c.s1, c.n0
	x[aS0p], x[aS1p], x[aN0p] = p[s0], p[s1], p[n0]
	x[aS2p], x[aN1p] = p[c.s2], p[c.n1]
	x[aS0lp], x[aS0rp], x[aN0lp] = p[st.lc1[s0]], p[st.rc1[s0]], p[st.lc1[n0]]
	x[aS1lp], x[aS1rp] = p[st.lc1[s1]], p[st.rc1[s1]]
	x[aS0l2p], x[aS0r2p], x[aN0l2p], x[aS1r2p] = p[st.lc2[s0]], p[st.rc2[s0]], p[st.lc2[n0]], p[st.rc2[s1]]
	x[aS0ll], x[aS0rl], x[aN0ll] = lab[st.lc1[s0]], lab[st.rc1[s0]], lab[st.lc1[n0]]
	x[aS1ll], x[aS1rl] = lab[st.lc1[s1]], lab[st.rc1[s1]]
	x[aS0l2l], x[aS0r2l] = lab[st.lc2[s0]], lab[st.rc2[s0]]
	x[aN0l2l], x[aS1r2l] = lab[st.lc2[n0]], lab[st.rc2[s1]]
	x[aS0u], x[aN0u], x[aS1u], x[aVBu] = u[s0], u[n0], u[s1], u[c.vb]
	x[aD0], x[aD1], x[aDV], x[aDN], x[aPV] = uint8(c.d0), uint8(c.d1), uint8(c.dv), uint8(c.dn), uint8(c.pv)
	x[aS0vr], x[aS0vl], x[aN0vl] = valency(st.vr[s0]), valency(st.vl[s0]), valency(st.vl[n0])
	x[aS1vl], x[aS1vr] = valency(st.vl[s1]), valency(st.vr[s1])
}

func valency(v uint8) uint8 {
	if v >= maxValency {
		return unknownTag
	}
	return v
}

// hashedFeatures fills st.feats with the hashes of the configuration's
// hashed dynamic templates, in concatOrder.
func (st *state) hashedFeatures(c *config) []uint64 {
	s0, s1, n0 := c.s0, c.s1, c.n0
	w, p, x, m := st.w, st.p, st.x, st.m
	S0w, S0p, S1w, S1p := w[s0], p[s0], w[s1], p[s1]
	N0w, N0p, N1p := w[n0], p[n0], p[c.n1]
	S2p := p[c.s2]
	S0lp, S0rp, N0lp := p[st.lc1[s0]], p[st.rc1[s0]], p[st.lc1[n0]]
	S1lp, S1rp := p[st.lc1[s1]], p[st.rc1[s1]]
	d0, dv := c.d0, c.dv
	S0vr, S0vl, N0vl := uint64(st.vr[s0]), uint64(st.vl[s0]), uint64(st.vl[n0])
	N0lw, S0lw := w[st.lc1[n0]], w[st.lc1[s0]]
	f := st.feats[:0]
	f = append(f,
		// pairs s0-n0 (the bilexical ones, 17-19 and 22, are rarely found
		// in the table and were dropped with 24, 25, 28, 47, 50 and 102:
		// together they cost time and did not help on EWT dev)
		f3(20, S0w, S0p, N0p), f3(21, S0p, N0w, N0p),
		// pairs s1-s0 (bilexical 24, 25 and 28 dropped)
		f3(26, S1w, S1p, S0p), f3(27, S1p, S0w, S0p),
		// triples of tags (a direct table each would take 1.2 MB, and
		// measured slower than hashing)
		f3(33, S0p, N0p, N1p), f3(34, S1p, S0p, N0p), f3(35, S2p, S1p, S0p),
		f3(36, S0p, S0lp, N0p), f3(37, S0p, S0rp, N0p), f3(38, S0p, N0p, N0lp), f3(39, S1p, S1rp, S0p),
		f3(40, S1p, S0p, S0lp), f3(41, S1p, S1lp, S0p), f3(42, S1p, S0p, S0rp),
		// distance and valency, lexical (the others are direct)
		f2(43, S0w, d0), f2(45, N0w, d0), // word pairs 47 and 50 dropped
		f2(51, S0w, S0vr), f2(53, S0w, S0vl), f2(55, N0w, N0vl),
		// children's words (their tags and labels are direct)
		f1(59, w[st.lc1[s0]]), f1(62, w[st.rc1[s0]]), f1(65, w[st.lc1[n0]]),
		f1(68, w[st.lc1[s1]]), f1(71, w[st.rc1[s1]]),
		// second children
		f3(82, S0p, S0lp, p[st.lc2[s0]]), f3(83, S0p, S0rp, p[st.rc2[s0]]),
		f3(84, N0p, N0lp, p[st.lc2[n0]]), f3(85, S1p, S1rp, p[st.rc2[s1]]),
		// label sets
		f2(86, S0p, st.rs[s0]), f2(87, S0p, st.ls[s0]), f2(88, N0p, st.ls[n0]),
		f2(89, S1p, st.ls[s1]), f2(90, S1p, st.rs[s1]),
		// suffixes and lemmas, for unknown words and tagging errors (the
		// single ones, 94-97, 99-101, are static)
		f2(98, x[s0], x[n0]), f2(103, m[s1], m[s0]), // 102 dropped
		// lookahead: the next verb after n0, and whether punctuation
		// comes first (104-106 are direct)
		f2(107, S0w, dv),
		// spacing: "two-year-old" and "Al-Qaeda" hyphens are not dashes
		// (108 and 109 are static)
		f4(110, S0w, st.sp[s0], N0p, S1p),
		f3(48, S0p, N0p, d0), f3(49, S1p, S0p, c.d1), f4(104, S0p, N0p, dv, c.pv), f3(106, S1p, S0p, dv), f3(119, S0p, N0p, c.dn),
		// attachment of a prepositional phrase (and the like) by its
		// marker: b0's or s0's leftmost child word ("with") beside the
		// candidate heads
		f3(111, S0w, N0lw, N0p), f3(112, S0p, N0lw, N0w), f3(113, S1p, S0p, N0lw),
		f3(114, S1w, S0lw, S0p), f3(115, S1p, S0lw, S0w), f4(116, S0w, N0lw, N0w, d0),
		// b3 (117, 118: static), the distance from b0 to the next
		// punctuation mark (119: direct), and half-lexicalised distances
		f3(120, S0w, N0p, d0), f3(121, S0p, N0w, d0),
	)
	st.feats = f
	return f
}

// numLabelFeatures is the number of templates labelFeatures fills.
const numLabelFeatures = 38

// labelFeatures fills st.lfeats with the features that choose the label of
// the arc h -> d (dir 0: leftward, d < h; dir 1: rightward). The template
// numbers include the direction, so each direction has its own weights.
func (st *state) labelFeatures(h, d int32) []uint64 {
	var dir uint64
	if d > h {
		dir = 1
	}
	w, p, u, lab := st.w, st.p, st.u, st.label
	t := 200 + 100*dir
	hw, hp, dw, dp := w[h], p[h], w[d], p[d]
	dl1, dr1, dl2 := st.lc1[d], st.rc1[d], st.lc2[d]
	hprev, hnext, dprev, dnext := p[st.n], p[st.n], p[st.n], p[st.n]
	if h > 0 {
		hprev = p[h-1]
	}
	if h+1 < st.n {
		hnext = p[h+1]
	}
	if d > 0 {
		dprev = p[d-1]
	}
	if d+1 < st.n {
		dnext = p[d+1]
	}
	// Context beyond the arc: the next buffer word, or the stack item below.
	ctx := p[st.n]
	if dir == 0 {
		if st.b+1 < st.n {
			ctx = p[st.b+1]
		}
	} else if k := len(st.stack); k >= 3 {
		ctx = p[st.stack[k-3]]
	}
	hside := st.ls[h]
	if dir == 1 {
		hside = st.rs[h]
	}
	dd := dist(h, d)
	f := st.lfeats[:0]
	f = append(f,
		f1(t+1, hw), f1(t+2, hp), f1(t+3, dw), f1(t+4, dp),
		f2(t+5, hw, dw), f2(t+6, hp, dp), f2(t+7, hw, dp), f2(t+8, hp, dw),
		f4(t+9, hw, hp, dw, dp), f3(t+10, hp, dp, dd), f4(t+11, hp, dp, uint64(st.vl[d]), uint64(st.vr[d])),
		f2(t+12, dp, st.ls[d]), f2(t+13, dp, st.rs[d]), f3(t+14, hp, dp, hside),
		f3(t+15, dp, p[dl1], uint64(lab[dl1])), f3(t+16, dp, p[dr1], uint64(lab[dr1])),
		f2(t+17, dw, uint64(lab[dl1])), f3(t+18, dprev, dp, dnext), f3(t+19, hprev, hp, hnext),
		f3(t+20, hp, dp, dnext), f2(t+21, u[h], u[d]), f3(t+22, u[h], u[d], dd),
		f2(t+23, dp, w[dl1]), f2(t+24, dp, w[dr1]), f3(t+25, hp, dp, w[dl1]),
		f3(t+26, hw, dp, w[dl1]), f2(t+27, dp, w[dl2]), f3(t+28, hp, dp, ctx),
		f3(t+29, hp, dp, dprev), f2(t+30, dw, st.ls[d]),
		f1(t+31, st.x[d]), f2(t+32, st.m[h], st.m[d]), f2(t+33, st.m[d], w[dl1]),
		f3(t+34, st.m[h], dp, w[dl1]), f3(t+35, u[h], w[dl1], dp), f3(t+36, st.x[d], dp, hp),
		f3(t+37, hp, dp, w[dr1]), f2(t+38, st.m[h], dw),
	)
	st.lfeats = f
	return f
}

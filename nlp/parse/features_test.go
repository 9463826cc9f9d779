package parse

import (
	"slices"
	"testing"

	"github.com/dyad-events/dyad/nlp"
)

// refFeatures is the feature set the embedded model was trained with,
// spelt out in template order, one append as features had it before it
// was split into static and dynamic parts: features and the parser's
// scoring must reproduce it key for key.
func (st *state) refFeatures() []uint64 {
	none := st.n
	s0, s1, s2 := st.positions()
	n0, n1, n2 := none, none, none
	if st.b < st.n {
		n0 = st.b
		if st.b+1 < st.n {
			n1 = st.b + 1
			if st.b+2 < st.n {
				n2 = st.b + 2
			}
		}
	}
	n3 := none
	if n2 != none && n2+1 < st.n {
		n3 = n2 + 1
	}
	w, p, u, lab, x, m := st.w, st.p, st.u, st.label, st.x, st.m
	S0w, S0p, S1w, S1p := w[s0], p[s0], w[s1], p[s1]
	N0w, N0p, N1w, N1p := w[n0], p[n0], w[n1], p[n1]
	N2w, N2p, S2w, S2p := w[n2], p[n2], w[s2], p[s2]
	S0lp, S0rp, N0lp := p[st.lc1[s0]], p[st.rc1[s0]], p[st.lc1[n0]]
	S1lp, S1rp := p[st.lc1[s1]], p[st.rc1[s1]]
	var d0, d1 uint64
	if s0 != none && n0 != none {
		d0 = dist(s0, n0)
	}
	if s1 != none {
		d1 = dist(s1, s0)
	}
	S0vl, S0vr, N0vl := uint64(st.vl[s0]), uint64(st.vr[s0]), uint64(st.vl[n0])
	S1vl, S1vr := uint64(st.vl[s1]), uint64(st.vr[s1])

	vb := none
	var dv, pv, dn uint64 = 8, 0, 8
	if n0 != none {
		vb = st.nv[n0]
		if vb != none {
			dv = dist(n0, vb)
		}
		if st.np[n0] < vb {
			pv = 1
		}
		if st.np[n0] != none {
			dn = dist(n0, st.np[n0])
		}
	}
	N0lw, S0lw := w[st.lc1[n0]], w[st.lc1[s0]]
	var f []uint64
	f = append(f,
		f1(1, S0w), f1(2, S0p), f2(3, S0w, S0p),
		f1(4, S1w), f1(5, S1p), f2(6, S1w, S1p),
		f1(7, N0w), f1(8, N0p), f2(9, N0w, N0p),
		f1(10, N1w), f1(11, N1p), f2(12, N1w, N1p),
		f1(13, N2w), f1(14, N2p),
		f1(15, S2w), f1(16, S2p),
		f3(20, S0w, S0p, N0p), f3(21, S0p, N0w, N0p), f2(23, S0p, N0p),
		f3(26, S1w, S1p, S0p), f3(27, S1p, S0w, S0p), f2(29, S1p, S0p),
		f2(30, N0p, N1p), f2(31, N0w, N1w),
		f3(32, N0p, N1p, N2p), f3(33, S0p, N0p, N1p), f3(34, S1p, S0p, N0p), f3(35, S2p, S1p, S0p),
		f3(36, S0p, S0lp, N0p), f3(37, S0p, S0rp, N0p), f3(38, S0p, N0p, N0lp), f3(39, S1p, S1rp, S0p),
		f3(40, S1p, S0p, S0lp), f3(41, S1p, S1lp, S0p), f3(42, S1p, S0p, S0rp),
		f2(43, S0w, d0), f2(44, S0p, d0), f2(45, N0w, d0), f2(46, N0p, d0),
		f3(48, S0p, N0p, d0), f3(49, S1p, S0p, d1),
		f2(51, S0w, S0vr), f2(52, S0p, S0vr), f2(53, S0w, S0vl), f2(54, S0p, S0vl),
		f2(55, N0w, N0vl), f2(56, N0p, N0vl), f2(57, S1p, S1vl), f2(58, S1p, S1vr),
		f1(59, w[st.lc1[s0]]), f1(60, S0lp), f1(61, uint64(lab[st.lc1[s0]])),
		f1(62, w[st.rc1[s0]]), f1(63, S0rp), f1(64, uint64(lab[st.rc1[s0]])),
		f1(65, w[st.lc1[n0]]), f1(66, N0lp), f1(67, uint64(lab[st.lc1[n0]])),
		f1(68, w[st.lc1[s1]]), f1(69, S1lp), f1(70, uint64(lab[st.lc1[s1]])),
		f1(71, w[st.rc1[s1]]), f1(72, S1rp), f1(73, uint64(lab[st.rc1[s1]])),
		f1(74, p[st.lc2[s0]]), f1(75, uint64(lab[st.lc2[s0]])),
		f1(76, p[st.rc2[s0]]), f1(77, uint64(lab[st.rc2[s0]])),
		f1(78, p[st.lc2[n0]]), f1(79, uint64(lab[st.lc2[n0]])),
		f1(80, p[st.rc2[s1]]), f1(81, uint64(lab[st.rc2[s1]])),
		f3(82, S0p, S0lp, p[st.lc2[s0]]), f3(83, S0p, S0rp, p[st.rc2[s0]]),
		f3(84, N0p, N0lp, p[st.lc2[n0]]), f3(85, S1p, S1rp, p[st.rc2[s1]]),
		f2(86, S0p, st.rs[s0]), f2(87, S0p, st.ls[s0]), f2(88, N0p, st.ls[n0]),
		f2(89, S1p, st.ls[s1]), f2(90, S1p, st.rs[s1]),
		f2(91, u[s0], u[n0]), f2(92, u[s1], u[s0]), f3(93, u[s1], u[s0], u[n0]),
		f1(94, x[s0]), f1(95, x[n0]), f1(96, x[s1]), f1(97, x[n1]), f2(98, x[s0], x[n0]),
		f1(99, m[s0]), f1(100, m[n0]), f1(101, m[s1]), f2(103, m[s1], m[s0]),
		f4(104, S0p, N0p, dv, pv), f3(105, u[s0], u[vb], dv), f3(106, S1p, S0p, dv), f2(107, S0w, dv),
		f2(108, S0p, st.sp[s0]), f2(109, N0p, st.sp[n0]), f4(110, S0w, st.sp[s0], N0p, S1p),
		f3(111, S0w, N0lw, N0p), f3(112, S0p, N0lw, N0w), f3(113, S1p, S0p, N0lw),
		f3(114, S1w, S0lw, S0p), f3(115, S1p, S0lw, S0w), f4(116, S0w, N0lw, N0w, d0),
		f1(117, p[n3]), f3(118, N1p, N2p, p[n3]), f3(119, S0p, N0p, dn),
		f3(120, S0w, N0p, d0), f3(121, S0p, N0w, d0),
	)
	return f
}

// TestScoreConfig: on every configuration of parsing EWT dev and PUD,
// features gives refFeatures' keys and scoreConfig (precomputed static
// weights, looked up dynamic ones) gives the scores scoreTrans gives for
// them.
func TestScoreConfig(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	m := p.m
	n := 0
	for _, tb := range []string{"en_ewt-ud-dev.conllu", "en_pud-ud-test.conllu", "odd tags"} {
		var sents []nlp.Sentence
		if tb == "odd tags" {
			// Tags the direct tables do not know: "ZZ" on every third
			// token, and while this runs, NN, IN, NOUN and ADP too (tags
			// the model has weights for), so that those templates fall
			// back to hashing.
			for _, s := range readTB(t, "en_ewt-ud-dev.conllu")[:300] {
				toks := append([]nlp.Token(nil), s.Tokens...)
				for i := range toks {
					if i%3 == 1 {
						toks[i].XPOS, toks[i].POS = "ZZ", "ZZZ"
					}
				}
				sents = append(sents, nlp.Sentence{Tokens: toks})
			}
			xsave, usave := xposIndex, uposIndex
			defer func() { xposIndex, uposIndex = xsave, usave }()
			xposIndex = newTagIndex(without(xposTags, "NN", "IN"))
			uposIndex = newTagIndex(without(uposTags, "NOUN", "ADP"))
		} else {
			sents = readTB(t, tb)
		}
		if testing.Short() {
			sents = sents[:100]
		}
		for _, s := range sents {
			st := p.pool.Get().(*state)
			st.reset(append([]nlp.Token(nil), s.Tokens...), len(m.labels)-1)
			st.precompute(m)
			for !st.terminal() {
				s0 := st.stack[len(st.stack)-1]
				bump := tb == "odd tags" && n%2 == 0
				if bump { // a valency past the direct tables, for this scoring only
					st.vl[s0] += maxValency
				}
				m.scoreConfig(st)
				got := [3]float32(st.scores[:3])
				want := st.refFeatures()
				f := st.features()
				for i := range want {
					if want[i] != f[i] {
						t.Fatalf("%s configuration %d, feature %d: %#x, want %#x", tb, n, i, f[i], want[i])
					}
				}
				m.scoreTrans(f, st.scores, &st.sink)
				if [3]float32(st.scores[:3]) != got {
					t.Fatalf("%s configuration %d: scoreConfig %v, scoreTrans %v", tb, n, got, st.scores[:3])
				}
				n++
				if bump {
					st.vl[s0] -= maxValency
				}
				m.step(st)
			}
			p.pool.Put(st)
		}
	}
	t.Logf("%d configurations", n)
}

// without returns tags with drop renamed to strings no token has, so
// that the other tags keep their indices.
func without(tags []string, drop ...string) []string {
	out := slices.Clone(tags)
	for i, t := range out {
		if slices.Contains(drop, t) {
			out[i] = "\x00dropped " + t
		}
	}
	return out
}

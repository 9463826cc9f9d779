package parse

import (
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/nlp"
)

// The transition system is arc-hybrid (Kuhlmann, Gómez-Rodríguez and
// Satta 2011) with the root at the bottom of the stack:
//
//	SHIFT     move the buffer front b0 onto the stack
//	LEFT(l)   make b0 the head of the stack top s0 with label l; pop s0
//	RIGHT(l)  make s1 the head of s0 with label l; pop s0
//
// RIGHT from the root (s1 = 0) is allowed only when the buffer is empty and
// must carry the label "root"; no other action may use "root". So every
// action sequence ends in a tree with exactly one root, whatever the model
// scores. The buffer is always a suffix of the sentence, which keeps the
// dynamic oracle's cost computation to a few comparisons.
//
// The parser decides in two stages: a transition model scores SHIFT, LEFT
// and RIGHT; when it picks an arc, a label model scores the relations for
// that arc. Splitting the decision keeps the work per transition small
// (three classes instead of one per labelled action).

const (
	actShift = 0
	actLeft  = 1
	actRight = 2
)

// state is a parser configuration plus the per-token atoms the features
// read. Token 0 is the root; token n is the "none" token that absent
// positions (an empty stack slot, a missing child) point at, so feature
// extraction never branches on absence.
type state struct {
	n      int32 // tokens + 1 (the root)
	stack  []int32
	b      int32 // buffer front; the buffer is b..n-1
	nl     int   // number of labels
	head   []int32
	label  []uint8
	lc1    []int32
	lc2    []int32
	rc1    []int32
	rc2    []int32
	vl     []uint8
	vr     []uint8
	ls     []uint64
	rs     []uint64
	w      []uint64 // word form (lower-cased, digits folded)
	p      []uint64 // XPOS
	u      []uint64 // UPOS
	pi, ui []uint8  // XPOS and UPOS as indices of xposTags and uposTags (unknownTag: neither)
	x      []uint64 // suffix: the last three bytes of the lower-cased word
	m      []uint64 // lemma (the lower-cased word when the token has none)
	sp     []uint64 // spacing: 1 if no space before the token, 2 if none after
	nv     []int32  // the first verb or auxiliary at or after each position (n: none)
	np     []int32  // the first punctuation mark at or after each position (n: none)
	feats  []uint64
	lfeats []uint64
	stw    []uint64  // static template weights by token: see precompute
	scores []float32 // transition scores in [0:3], label scores in [1:L+1]
	sink   uint32    // see tables.lookup
}

// Atom values of the root and none tokens.
var (
	rootWord = hashString("<root>")
	rootTag  = hashString("<ROOT>")
	noneWord = hashString("<none>")
	noneTag  = hashString("<NONE>")
)

// reset prepares st for the sentence's tokens.
func (st *state) reset(toks []nlp.Token, nlabels int) {
	n := len(toks) + 1
	st.n = int32(n)
	st.nl = nlabels
	size := n + 1
	st.head = grow(st.head, size)
	st.lc1 = grow(st.lc1, size)
	st.lc2 = grow(st.lc2, size)
	st.rc1 = grow(st.rc1, size)
	st.rc2 = grow(st.rc2, size)
	st.label = grow(st.label, size)
	st.vl = grow(st.vl, size)
	st.vr = grow(st.vr, size)
	st.ls = grow(st.ls, size)
	st.rs = grow(st.rs, size)
	st.w = grow(st.w, size)
	st.p = grow(st.p, size)
	st.u = grow(st.u, size)
	st.x = grow(st.x, size)
	st.m = grow(st.m, size)
	st.sp = grow(st.sp, size)
	st.pi = grow(st.pi, size)
	st.ui = grow(st.ui, size)
	st.nv = grow(st.nv, size)
	st.np = grow(st.np, size)
	none := int32(n)
	for i := 0; i < size; i++ {
		st.head[i] = -1
		st.lc1[i], st.lc2[i], st.rc1[i], st.rc2[i] = none, none, none, none
		st.label[i], st.vl[i], st.vr[i] = 0, 0, 0
		st.ls[i], st.rs[i] = 0, 0
	}
	st.w[0], st.p[0], st.u[0], st.x[0], st.m[0] = rootWord, rootTag, rootTag, rootWord, rootWord
	st.w[n], st.p[n], st.u[n], st.x[n], st.m[n] = noneWord, noneTag, noneTag, noneWord, noneWord
	st.sp[0], st.sp[n] = 0, 0
	st.pi[0], st.ui[0] = xposIndex.get(rootTag), uposIndex.get(rootTag)
	st.pi[n], st.ui[n] = xposIndex.get(noneTag), uposIndex.get(noneTag)
	for i := range toks {
		t := &toks[i]
		var sp uint64
		if i > 0 && !toks[i-1].SpaceAfter {
			sp |= 1
		}
		if !t.SpaceAfter && i+1 < len(toks) {
			sp |= 2
		}
		st.sp[i+1] = sp
		st.w[i+1] = hashWord(t.Text)
		st.p[i+1] = hashString(t.XPOS)
		st.u[i+1] = hashString(t.POS)
		st.pi[i+1], st.ui[i+1] = xposIndex.get(st.p[i+1]), uposIndex.get(st.u[i+1])
		st.x[i+1] = hashWord(suffix(t.Text)) ^ 0x5a5a
		if t.Lemma != "" && t.Lemma != "_" {
			st.m[i+1] = hashWord(t.Lemma)
		} else {
			st.m[i+1] = st.w[i+1]
		}
	}
	// Lookahead: where the next verb and punctuation mark are, so that a
	// comma or a fronted phrase can wait for the clause it belongs to.
	st.nv[n], st.np[n] = none, none
	for i := n - 1; i >= 0; i-- {
		st.nv[i], st.np[i] = st.nv[i+1], st.np[i+1]
		if i == 0 {
			break
		}
		switch toks[i-1].POS {
		case "VERB", "AUX":
			st.nv[i] = int32(i)
		case "PUNCT":
			st.np[i] = int32(i)
		}
	}
	st.stack = append(st.stack[:0], 0)
	st.b = 1
	ns := max(nlabels+1, 3)
	if cap(st.scores) < ns {
		st.scores = make([]float32, ns)
	}
	st.scores = st.scores[:ns]
}

// precompute looks up the weights of the static templates (see
// numStatic) of every token in every role, so that a configuration looks
// up only its dynamic ones: token t's are stw[t*numStatic:], as s0, s1,
// s2, then as the buffer's start. Token n, none, is there for the empty
// stack slots and buffer.
func (st *state) precompute(m *tables) {
	n := int(st.n) + 1
	keys := grow(st.feats[:0], n*numStatic) // feats is free until the first configuration
	for t := range int32(n) {
		f := keys[int(t)*numStatic:]
		st.staticS0(t, f)
		st.staticS1(t, f[numS0:])
		st.staticS2(t, f[numS0+numS1:])
		st.staticB(t, f[numS0+numS1+numS2:])
	}
	st.stw = grow(st.stw, n*numStatic)
	m.lookup(keys, st.stw, &st.sink)
	st.feats = keys[:0]
}

// grow returns s with length n, reusing its array when it is big enough
// (the contents are then the old ones) and leaving room for half as much
// again when it is not.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}

func (st *state) terminal() bool { return st.b >= st.n && len(st.stack) == 1 }

// valid reports whether transition a is allowed. RIGHT onto the root is
// only allowed once the buffer is empty, so there is exactly one root.
func (st *state) valid(a int) bool {
	k := len(st.stack)
	switch a {
	case actShift:
		return st.b < st.n
	case actLeft:
		return st.b < st.n && k >= 2
	default:
		return k >= 2 && (st.stack[k-2] != 0 || st.b >= st.n)
	}
}

// arc returns the head and dependent of arc transition a.
func (st *state) arc(a int) (h, d int32) {
	k := len(st.stack)
	if a == actLeft {
		return st.b, st.stack[k-1]
	}
	return st.stack[k-2], st.stack[k-1]
}

// apply performs transition a, which must be valid, with label l for arcs.
func (st *state) apply(a int, l uint8) {
	if a == actShift {
		st.stack = append(st.stack, st.b)
		st.b++
		return
	}
	h, d := st.arc(a)
	st.stack = st.stack[:len(st.stack)-1]
	st.attach(h, d, l)
}

func (st *state) attach(h, d int32, l uint8) {
	st.head[d] = h
	st.label[d] = l
	if d < h {
		if st.lc1[h] == st.n || d < st.lc1[h] {
			st.lc2[h] = st.lc1[h]
			st.lc1[h] = d
		} else if st.lc2[h] == st.n || d < st.lc2[h] {
			st.lc2[h] = d
		}
		st.vl[h]++
		st.ls[h] |= 1 << (l & 63)
		return
	}
	if st.rc1[h] == st.n || d > st.rc1[h] {
		st.rc2[h] = st.rc1[h]
		st.rc1[h] = d
	} else if st.rc2[h] == st.n || d > st.rc2[h] {
		st.rc2[h] = d
	}
	st.vr[h]++
	st.rs[h] |= 1 << (l & 63)
}

// suffix returns the last three bytes of s, or s when shorter. (A
// multi-byte character may be cut: the hash only needs consistency.)
func suffix(s string) string {
	if len(s) > 3 {
		return s[len(s)-3:]
	}
	return s
}

// FNV-1a, 64 bit.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashWord hashes a word form lower-cased, with every digit folded to 0,
// without allocating.
func hashWord(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case '0' <= c && c <= '9':
				c = '0'
			}
			h ^= uint64(c)
			h *= fnvPrime
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		r = unicode.ToLower(r)
		h ^= uint64(r)
		h *= fnvPrime
		i += size
	}
	return h
}

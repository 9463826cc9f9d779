package actor

import (
	"time"
)

// Hit is one knowledge-base name found by [KB.MatchText] or
// [KB.MatchTokens]: the longest name starting at the leftmost position, hits
// not overlapping.
type Hit struct {
	Start, End int   // byte offsets for MatchText, token indices [Start, End) for MatchTokens
	Name       int32 // the best name of the span: KB.Name(int(h.Name))
	node       int32
	tok0, tok1 int32 // the span in the internal token sequence
}

// MatchText finds the knowledge-base names in text, appending to dst. It
// allocates nothing when dst has room: the per-sentence hot path.
func (kb *KB) MatchText(text string, dst []Hit) []Hit {
	return kb.MatchTextAt(text, time.Time{}, dst)
}

// MatchTextAt is MatchText keeping only names and actors valid at date.
func (kb *KB) MatchTextAt(text string, date time.Time, dst []Hit) []Hit {
	sc := kb.pool.Get().(*scratch)
	sc.toks = tokenize(text, sc.toks[:0])
	sc.words = sc.words[:0]
	for _, t := range sc.toks {
		sc.words = append(sc.words, text[t.start:t.end])
	}
	dst = kb.scan(sc, date, dst)
	for i := range dst {
		dst[i].Start, dst[i].End = int(sc.toks[dst[i].tok0].start), int(sc.toks[dst[i].tok1-1].end)
	}
	clear(sc.words)
	kb.pool.Put(sc)
	return dst
}

// MatchTokens finds the knowledge-base names in a sequence of tokens from
// another tokenizer (a sentence of nlp tokens), appending to dst; Start and
// End of each hit are token indices. Tokens are split further where
// dyad's own tokenizer would split them ("pro-government", "Turkey's").
func (kb *KB) MatchTokens(tokens []string, dst []Hit) []Hit {
	return kb.MatchTokensAt(tokens, time.Time{}, dst)
}

// MatchTokensAt is MatchTokens keeping only names and actors valid at
// date. A hit on a person's name (KB.Name(h.Name).Kind == [KindPerson])
// resolves through the date with [KB.PersonAt] (its code is the person id);
// an office title after a country ("Turkish President") resolves with
// [KB.Holder].
func (kb *KB) MatchTokensAt(tokens []string, date time.Time, dst []Hit) []Hit {
	sc := kb.pool.Get().(*scratch)
	sc.toks, sc.words, sc.ext = sc.toks[:0], sc.words[:0], sc.ext[:0]
	for i, w := range tokens {
		if asciiWord(w) {
			// what tokenize makes of a word of ASCII letters and digits
			sc.toks = append(sc.toks, token{end: int32(len(w))})
			sc.words = append(sc.words, w)
			sc.ext = append(sc.ext, int32(i))
			continue
		}
		n := len(sc.toks)
		sc.toks = tokenize(w, sc.toks)
		for _, t := range sc.toks[n:] {
			sc.words = append(sc.words, w[t.start:t.end])
			sc.ext = append(sc.ext, int32(i))
		}
	}
	first := len(dst)
	dst = kb.scan(sc, date, dst)
	for i := first; i < len(dst); i++ {
		dst[i].Start, dst[i].End = int(sc.ext[dst[i].tok0]), int(sc.ext[dst[i].tok1-1])+1
	}
	clear(sc.words)
	kb.pool.Put(sc)
	return dst
}

// asciiWord reports whether w is a word of ASCII letters and digits only,
// which tokenize keeps whole.
func asciiWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i] | 0x20 // lower case for letters
		if !('a' <= c && c <= 'z' || '0' <= w[i] && w[i] <= '9') {
			return false
		}
	}
	return true
}

// scan is the leftmost-longest trie walk over sc.words.
func (kb *KB) scan(sc *scratch, date time.Time, dst []Hit) []Hit {
	sc.ids = sc.ids[:0]
	for i, w := range sc.words {
		sc.buf = tokenKey(sc.buf[:0], w, token{end: int32(len(w)), punct: sc.toks[i].punct, poss: sc.toks[i].poss})
		sc.ids = append(sc.ids, kb.index.id(sc.buf))
	}
	n := len(sc.words)
	for i := 0; i < n; {
		if id := sc.ids[i]; id < 0 || kb.rootNext[id] < 0 {
			i++ // no name starts with this word
			continue
		}
		node := int32(0)
		best, bestEnd, bestNode := int32(-1), 0, int32(0)
		for j := i; j < n && j-i < kb.maxDepth; j++ {
			id := sc.ids[j]
			if id < 0 {
				break
			}
			next := kb.rootNext[id]
			if j > i {
				var ok bool
				if next, ok = kb.edges[edge(node, id)]; !ok {
					break
				}
			}
			node = next
			if names := kb.nodeNames[node]; len(names) > 0 {
				if nm := kb.pick(sc, i, j+1, names, date); nm >= 0 {
					best, bestEnd, bestNode = nm, j+1, node
				}
			}
		}
		if best >= 0 && i > 0 && kb.names[best].Case != CaseFold && sc.words[i-1] == "New" {
			// "New Jersey", "New Mexico", "New Guinea": a place named
			// after the country, when the knowledge base has no longer name.
			best = -1
		}
		if best >= 0 {
			dst = append(dst, Hit{Name: best, node: bestNode, tok0: int32(i), tok1: int32(bestEnd)})
			i = bestEnd
			continue
		}
		i++
	}
	return dst
}

// pick returns the first of names that the span [i, j) satisfies: its
// capitalisation rule and dates; -1 if none.
func (kb *KB) pick(sc *scratch, i, j int, names []int32, date time.Time) int32 {
	exactDone := false
	var exact []byte
	for _, nm := range names {
		if kb.accept(sc, i, j, nm, date, &exactDone, &exact) {
			return nm
		}
	}
	return -1
}

func (kb *KB) accept(sc *scratch, i, j int, nm int32, date time.Time, exactDone *bool, exact *[]byte) bool {
	n := &kb.names[nm]
	if !date.IsZero() {
		if !n.ValidAt(date) {
			return false
		}
		if a, ok := kb.resolve(*n); ok && !a.ValidAt(date) {
			return false
		}
	}
	switch n.Case {
	case CaseTitle:
		return firstUpper(sc.words[i])
	case CaseExact:
		if !*exactDone {
			*exactDone = true
			b := sc.buf[:0]
			for k := i; k < j; k++ {
				if k > i {
					b = append(b, ' ')
				}
				if sc.toks[k].poss {
					b = append(b, "'s"...)
					continue
				}
				b = appendFold(b, sc.words[k], true)
			}
			sc.buf = b
			*exact = b
		}
		return string(*exact) == kb.exact[nm]
	}
	return true
}

// candidates returns every name of a hit's span that the span satisfies,
// best first.
func (kb *KB) candidates(sc *scratch, h Hit, date time.Time) []int32 {
	var out []int32
	exactDone := false
	var exact []byte
	for _, nm := range kb.nodeNames[h.node] {
		if kb.accept(sc, int(h.tok0), int(h.tok1), nm, date, &exactDone, &exact) {
			out = append(out, nm)
		}
	}
	return out
}

package nlp

import "strings"

// BaseRel returns a UD relation without its subtype: "nmod:poss" is an
// nmod, "obl:agent" an obl.
func BaseRel(dep string) string {
	if i := strings.IndexByte(dep, ':'); i >= 0 {
		return dep[:i]
	}
	return dep
}

// Dominates reports whether token a is an ancestor of token b in the
// tree of toks (0-based indices, Head 1-based with 0 the root). It
// follows at most len(toks) heads and stops at any head outside the
// sentence, so a malformed parse gives false, not a panic or a loop.
func Dominates(toks []Token, a, b int) bool {
	for n := 0; b >= 0 && b < len(toks) && n < len(toks); n++ {
		h := toks[b].Head - 1
		if h == a {
			return true
		}
		b = h
	}
	return false
}

// SubtreeBounds returns the first and the last index of the words of
// token i's subtree.
func SubtreeBounds(toks []Token, i int) (first, last int) {
	first, last = i, i
	for j := range toks {
		if (j < first || j > last) && Dominates(toks, i, j) {
			first, last = min(first, j), max(last, j)
		}
	}
	return first, last
}

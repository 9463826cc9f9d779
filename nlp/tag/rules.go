package tag

import (
	"math/bits"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/nlp"
)

// A ctxRule retags a word the greedy tagger read as one of the tags from
// (XPOS) as the class (upos, xpos) when its neighbours' tags rule the
// first reading out and the training data saw the word with xpos (an
// unknown word always qualifies). Each rule was kept only when, on EWT
// train, the words of its context that can bear both readings have the
// new one at least 97% of the time (see TestContextRulesOnTrain).
type ctxRule struct {
	name       string
	fromPOS    string   // UPOS the word must have
	from       []string // one of these XPOS too
	upos, xpos string
	match      func(s *ruleSent, i int) bool
}

func xposIs(t *nlp.Token, tags ...string) bool {
	for _, x := range tags {
		if t.XPOS == x {
			return true
		}
	}
	return false
}

// ruleSent is a tagged sentence as the rules see it: the tokens, their
// rows in Tagger.wordRows (-1 for unknown words) and the tagger, for what
// the training data knew of each word.
type ruleSent struct {
	t    *Tagger
	toks []nlp.Token
	rows []int32
}

// in reports whether i is a token of the sentence.
func (s *ruleSent) in(i int) bool { return i >= 0 && i < len(s.toks) }

// x reports whether token i's XPOS is one of tags (false outside the
// sentence).
func (s *ruleSent) x(i int, tags ...string) bool { return s.in(i) && xposIs(&s.toks[i], tags...) }

// word reports whether token i is, in lowercase, one of words (false
// outside the sentence).
func (s *ruleSent) word(i int, words ...string) bool {
	if !s.in(i) {
		return false
	}
	w := s.toks[i].Text
	for _, x := range words {
		if strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

// seen reports whether the training data saw token i with one of tags
// (false for unknown words).
func (s *ruleSent) seen(i int, tags ...string) bool {
	if i < 0 || i >= len(s.rows) || s.rows[i] < 0 || s.t.wordTags == nil {
		return false
	}
	set := s.t.wordTags[s.rows[i]]
	for _, x := range tags {
		if b, ok := s.t.xposBit[x]; ok && set&b != 0 {
			return true
		}
	}
	return false
}

var (
	verbTags   = []string{"MD", "VB", "VBD", "VBZ", "VBP", "VBG", "VBN"}
	verbOrTo   = append(verbTags[:len(verbTags):len(verbTags)], "TO")
	verbOrDet  = append(verbTags[:len(verbTags):len(verbTags)], "DT")
	finiteTags = []string{"VBD", "VBZ", "VBP", "MD"}
)

var ctxRules = []ctxRule{
	// "a US offer", "an EU-Turkey deal": a name between an indefinite
	// article (and adjectives) and the word makes it a compound's head.
	{"a-nnp-nn", "VERB", []string{"VB", "VBP"}, "NOUN", "NN", func(s *ruleSent, i int) bool {
		if !s.x(i-1, "NNP") {
			return false
		}
		j := i - 1
		for j >= 0 && s.x(j, "NNP", "JJ", "HYPH") {
			j--
		}
		return s.word(j, "a", "an", "another", "every", "each")
	}},
	// "the EU plan": the same after "the", unless a verb precedes ("help
	// the US catch").
	{"the-nnp-nn", "VERB", []string{"VB", "VBP"}, "NOUN", "NN", func(s *ruleSent, i int) bool {
		return s.x(i-1, "NNP") && s.word(i-2, "the") && !s.x(i-3, verbTags...)
	}},
	// "the offer", "its demand", "Iran's plan".
	{"det-nn", "VERB", []string{"VB", "VBP"}, "NOUN", "NN", func(s *ruleSent, i int) bool {
		return (s.word(i-1, "a", "an", "the") || s.x(i-1, "PRP$", "POS")) && !s.x(i+1, "HYPH")
	}},
	// "a new offer", "their latest attack".
	{"det-adj-nn", "VERB", []string{"VB", "VBP"}, "NOUN", "NN", func(s *ruleSent, i int) bool {
		return s.x(i-1, "JJ", "JJR", "JJS") && s.x(i-2, "DT", "PRP$", "POS") && !s.x(i+1, "HYPH")
	}},
	// "naval exercises": after a word that is only ever an adjective.
	{"adj-nns", "VERB", []string{"VBZ"}, "NOUN", "NNS", func(s *ruleSent, i int) bool {
		return s.x(i-1, "JJ", "JJR", "JJS") && s.rows[i-1] >= 0 && !s.seen(i-1, "NN", "NNS", "NNP", "NNPS", "VB", "VBP", "VBN", "VBD", "RB")
	}},
	// "weeks of exercises".
	{"of-nns", "VERB", []string{"VBZ"}, "NOUN", "NNS", func(s *ruleSent, i int) bool {
		return s.word(i-1, "of")
	}},
	// "could ease", "will not ease".
	{"md-vb", "NOUN", []string{"NN"}, "VERB", "VB", func(s *ruleSent, i int) bool {
		return s.x(i-1, "MD") || s.x(i-1, "RB") && s.x(i-2, "MD")
	}},
	// "to host", "expected to end"; not "up to speed".
	{"to-vb", "NOUN", []string{"NN"}, "VERB", "VB", func(s *ruleSent, i int) bool {
		return s.x(i-1, "TO") && s.word(i-1, "to") && !s.x(i-2, "RB", "RP", "IN")
	}},
	// "it plans", "who leads".
	{"subj-vbz", "NOUN", []string{"NNS"}, "VERB", "VBZ", func(s *ruleSent, i int) bool {
		return s.word(i-1, "he", "she", "it", "who")
	}},
	// "they plan", not "can they plan".
	{"subj-vbp", "NOUN", []string{"NN"}, "VERB", "VBP", func(s *ruleSent, i int) bool {
		return s.word(i-1, "they", "we", "i") && !s.x(i-2, verbOrTo...)
	}},
	// "Iran plans the ...": a name, then the word, then an object.
	{"nnp-vbz-det", "NOUN", []string{"NNS"}, "VERB", "VBZ", func(s *ruleSent, i int) bool {
		return s.x(i-1, "NNP") && !s.x(i-2, verbOrDet...) && s.x(i+1, "DT", "PRP$")
	}},
	// "donated and personally delivered goods": a participle conjoined
	// with a past tense, with no auxiliary before it, is a past tense too.
	{"vbn-cc-vbd", "VERB", []string{"VBN"}, "VERB", "VBD", func(s *ruleSent, i int) bool {
		if !s.word(i+1, "and", "or", "but") || !(s.x(i+2, "VBD") || s.x(i+2, "RB") && s.x(i+3, "VBD")) {
			return false
		}
		for j := i - 1; j >= 0 && j >= i-4; j-- {
			if s.x(j, "VBZ", "VBP", "VBD", "VB", "VBN", "VBG", "MD") || s.word(j, "having", "being", "been", "who", "which", "that") {
				return false
			}
		}
		return i > 0
	}},
	// "Greece, like other members, plans to impose ...": a sentence
	// with no finite verb, and the word before an infinitive.
	{"nofin-vbz-to", "NOUN", []string{"NNS"}, "VERB", "VBZ", func(s *ruleSent, i int) bool {
		if i == 0 || !s.x(i+1, "TO") || !s.x(i+2, "VB") || s.x(i-1, "DT", "JJ", "JJR", "JJS", "PRP$", "POS", "CD", "NN", "IN") {
			return false
		}
		for j := range s.toks {
			if j != i && s.x(j, finiteTags...) {
				return false
			}
		}
		return true
	}},
}

// resolveRules finds the class of every rule and the XPOS set of every
// known word.
func (t *Tagger) resolveRules() {
	m := t.m
	t.rules = make([]int, len(ctxRules))
	t.ruleMask = make([]uint32, len(m.classes))
	for r, cr := range ctxRules {
		t.rules[r] = -1
		for c, mc := range m.classes {
			if mc.upos == cr.upos && mc.xpos == cr.xpos {
				t.rules[r] = c
			}
			if mc.upos == cr.fromPOS && slices.Contains(cr.from, mc.xpos) {
				t.ruleMask[c] |= 1 << r
			}
		}
	}
	if len(t.xposName) > 64 {
		return
	}
	id := map[string]uint{}
	t.xposBit = map[string]uint64{}
	for i, x := range t.xposName {
		id[x] = uint(i)
		t.xposBit[x] = 1 << i
	}
	sets := make([]uint64, len(m.ambigSets))
	for i, s := range m.ambigSets {
		for _, x := range strings.Fields(s) {
			if b, ok := id[x]; ok {
				sets[i] |= 1 << b
			}
		}
	}
	t.wordTags = make([]uint64, len(m.ambigWords))
	for i := range m.ambigWords {
		t.wordTags[i] = sets[m.ambigOf[i]]
	}
}

// mayBe reports whether the word with wordRows row r (-1: unknown) can
// carry class c's XPOS.
func (t *Tagger) mayBe(r int32, c int) bool {
	if r < 0 {
		return true
	}
	if t.wordTags == nil {
		return false
	}
	return t.wordTags[r]&(1<<t.xposID[c]) != 0
}

// contextFix applies ctxRules to each token in turn, in their order; a
// rule sees what the rules before it changed. rs is the caller's scratch.
func (t *Tagger) contextFix(rs *ruleSent, toks []nlp.Token, cls []uint8, rows []int32) {
	*rs = ruleSent{t, toks, rows}
	for i := range toks {
		for m := t.ruleMask[cls[i]]; m != 0; {
			r := bits.TrailingZeros32(m)
			m &= m - 1
			c := t.rules[r]
			if c < 0 || !t.mayBe(rows[i], c) || !ctxRules[r].match(rs, i) {
				continue
			}
			cls[i] = uint8(c)
			toks[i].POS, toks[i].XPOS = t.upos[c], t.xpos[c]
			m = t.ruleMask[c] &^ (1<<(r+1) - 1)
		}
	}
	*rs = ruleSent{}
}

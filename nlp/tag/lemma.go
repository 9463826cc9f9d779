package tag

import (
	"cmp"
	"slices"
	"strings"
)

// Lemma rule learning. See the package comment for the scheme; the
// runtime side is Tagger.scriptFor and Tagger.lemmatize.

// maxSuffixLen is the longest suffix (in bytes of the lowercase form) a
// suffix rule may have.
const maxSuffixLen = 6

// minSuffixTypes is how many word types a suffix rule needs behind it.
const minSuffixTypes = 2

type lemmaToken struct {
	form, low, xpos, lemma string
	shape                  uint8
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

func diffScript(base, lemma string) script {
	p := commonPrefix(base, lemma)
	return script{strip: len(base) - p, add: lemma[p:]}
}

type counter[K comparable] map[K]int

// majority returns the key with the highest count; ties go to the smallest
// key under less.
func majority[K comparable](c counter[K], less func(a, b K) int) (K, int) {
	var best K
	bestN, total := -1, 0
	for k, n := range c {
		total += n
		if n > bestN || (n == bestN && less(k, best) < 0) {
			best, bestN = k, n
		}
	}
	return best, total
}

func cmpScript(a, b script) int {
	if c := cmp.Compare(a.strip, b.strip); c != 0 {
		return c
	}
	return strings.Compare(a.add, b.add)
}

type xkey struct{ text, xpos string }

// learnLemma learns the lemmatizer from the training tokens.
func learnLemma(toks []lemmaToken) lemmaModel {
	// Case rules: does the lemma keep the word's capitals?
	type cs struct {
		xpos  string
		shape uint8
	}
	votes := map[cs]int{}
	for _, t := range toks {
		if t.shape == shapeLower {
			continue
		}
		kc, lc := commonPrefix(t.form, t.lemma), commonPrefix(t.low, t.lemma)
		switch {
		case kc > lc:
			votes[cs{t.xpos, t.shape}]++
		case lc > kc:
			votes[cs{t.xpos, t.shape}]--
		}
	}
	var l lemmaModel
	keep := map[cs]bool{}
	for k, v := range votes {
		if v > 0 {
			keep[k] = true
			l.caseKeep = append(l.caseKeep, caseRule{k.xpos, k.shape})
		}
	}
	slices.SortFunc(l.caseKeep, func(a, b caseRule) int {
		if c := strings.Compare(a.xpos, b.xpos); c != 0 {
			return c
		}
		return cmp.Compare(a.shape, b.shape)
	})

	// Scripts per token, from its cased or lowercased base.
	exact := map[xkey]counter[script]{}
	lower := map[xkey]counter[script]{}
	add := func(m map[xkey]counter[script], k xkey, s script) {
		c := m[k]
		if c == nil {
			c = counter[script]{}
			m[k] = c
		}
		c[s]++
	}
	for _, t := range toks {
		base := t.form
		if t.shape != shapeLower && !keep[cs{t.xpos, t.shape}] {
			base = t.low
		}
		s := diffScript(base, t.lemma)
		add(exact, xkey{t.form, t.xpos}, s)
		add(lower, xkey{t.low, t.xpos}, s)
	}

	// Suffix rules over word types (one vote per lowercase form and tag).
	suffixes := map[xkey]counter[script]{}
	lowerBest := map[xkey]script{}
	for k, c := range lower {
		s, _ := majority(c, cmpScript)
		lowerBest[k] = s
		// A suffix rule rewrites only inside the suffix it matched: the
		// script of "japanese" -> "Japanese" (strip all 8 bytes, add the
		// capitalised word) must not turn "Bhutanese" into "bJapanese".
		for n := s.strip; n <= min(maxSuffixLen, len(k.text)); n++ {
			add(suffixes, xkey{k.text[len(k.text)-n:], k.xpos}, s)
		}
	}
	// Keep a suffix rule only where it changes the answer its longest kept
	// shorter suffix gives; visit shorter suffixes first.
	skeys := sortedKeys(suffixes)
	slices.SortStableFunc(skeys, func(a, b xkey) int { return cmp.Compare(len(a.text), len(b.text)) })
	kept := map[xkey]script{}
	lookup := func(text, xpos string) (script, bool) {
		for n := min(maxSuffixLen, len(text)); n >= 0; n-- {
			if s, ok := kept[xkey{text[len(text)-n:], xpos}]; ok {
				return s, true
			}
		}
		return script{}, false
	}
	for _, k := range skeys {
		s, total := majority(suffixes[k], cmpScript)
		if k.text == "" {
			kept[k] = s
			continue
		}
		if total < minSuffixTypes {
			continue
		}
		if prev, _ := lookup(k.text[1:], k.xpos); prev != s {
			kept[k] = s
		}
	}

	// Script ids: the identity first, then by (strip, add).
	ids := map[script]uint16{}
	var scripts []script
	intern := func(s script) uint16 { return ids[s] } // every script was collected below
	collect := map[script]bool{{}: true}
	for _, s := range kept {
		collect[s] = true
	}
	var lowerRules, exactRules []xkey
	for _, k := range sortedKeys(lowerBest) {
		s := lowerBest[k]
		if r, _ := lookup(k.text, k.xpos); r != s {
			lowerRules = append(lowerRules, k)
			collect[s] = true
		}
	}
	lowerKept := map[xkey]bool{}
	for _, k := range lowerRules {
		lowerKept[k] = true
	}
	exactBest := map[xkey]script{}
	for _, k := range sortedKeys(exact) {
		s, _ := majority(exact[k], cmpScript)
		lk := xkey{strings.ToLower(k.text), k.xpos}
		var r script
		if lowerKept[lk] {
			r = lowerBest[lk]
		} else {
			r, _ = lookup(lk.text, k.xpos)
		}
		if r != s {
			exactRules = append(exactRules, k)
			exactBest[k] = s
			collect[s] = true
		}
	}
	for s := range collect {
		scripts = append(scripts, s)
	}
	slices.SortFunc(scripts, cmpScript)
	for i, s := range scripts {
		ids[s] = uint16(i)
	}
	l.scripts = scripts
	for _, k := range exactRules {
		l.exact = append(l.exact, lexEntry{k.text, k.xpos, intern(exactBest[k])})
	}
	for _, k := range lowerRules {
		l.lower = append(l.lower, lexEntry{k.text, k.xpos, intern(lowerBest[k])})
	}
	for _, k := range sortedKeys(kept) {
		l.suffix = append(l.suffix, lexEntry{k.text, k.xpos, intern(kept[k])})
	}
	return l
}

func sortedKeys[V any](m map[xkey]V) []xkey {
	out := make([]xkey, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b xkey) int {
		if c := strings.Compare(a.xpos, b.xpos); c != 0 {
			return c
		}
		return strings.Compare(a.text, b.text)
	})
	return out
}

package actor

import (
	"time"
)

// Lookup resolves the actors mentioned in a phrase or a sentence, composing
// countries and organisations with sector words: "the Turkish government"
// is TURGOV, "Azerbaijan's Prime Minister" AZEGOV, "President of
// Azerbaijan" AZEGOV, "Ankara" TURGOV, "pro-government newspaper" GOVMED.
// One match a mention, in text order; offsets are into phrase.
func (kb *KB) Lookup(phrase string) []Match { return kb.LookupAt(phrase, time.Time{}) }

// LookupAt is Lookup keeping only the names and actors valid at date (the
// article's date); the zero date keeps all.
func (kb *KB) LookupAt(phrase string, date time.Time) []Match {
	sc := kb.pool.Get().(*scratch)
	defer func() {
		clear(sc.words)
		kb.pool.Put(sc)
	}()
	sc.toks = tokenize(phrase, sc.toks[:0])
	sc.words = sc.words[:0]
	for _, t := range sc.toks {
		sc.words = append(sc.words, phrase[t.start:t.end])
	}
	hits := kb.scan(sc, date, nil)
	var out []Match
	for k := 0; k < len(hits); {
		h := hits[k]
		if kb.names[h.Name].Kind == KindSector {
			// a run of adjacent sector words
			m := k + 1
			for m < len(hits) && kb.names[hits[m].Name].Kind == KindSector && hits[m].tok0 == hits[m-1].tok1 {
				m++
			}
			// "President of (the) Azerbaijan"
			if m < len(hits) && kb.names[hits[m].Name].Kind != KindSector && kb.ofBetween(sc, hits[m-1].tok1, hits[m].tok0) {
				out = append(out, kb.buildMatch(phrase, sc, hits[m], hits[k:m], date, hits[k].tok0, hits[m].tok1))
				k = m + 1
				continue
			}
			out = append(out, kb.buildMatch(phrase, sc, Hit{Name: -1}, hits[k:m], date, hits[k].tok0, hits[m-1].tok1))
			k = m
			continue
		}
		// a name followed by sector words, with a possessive allowed first
		m := k + 1
		last := h.tok1
		for m < len(hits) && kb.names[hits[m].Name].Kind == KindSector {
			gap := hits[m].tok0 - last
			if gap == 0 || (gap == 1 && m == k+1 && sc.toks[last].poss) {
				last = hits[m].tok1
				m++
				continue
			}
			break
		}
		out = append(out, kb.buildMatch(phrase, sc, h, hits[k+1:m], date, h.tok0, last))
		k = m
	}
	return out
}

// ofBetween reports whether the tokens [a, b) are "of" or "of the".
func (kb *KB) ofBetween(sc *scratch, a, b int32) bool {
	switch b - a {
	case 1:
		return Fold(sc.words[a]) == "of"
	case 2:
		return Fold(sc.words[a]) == "of" && Fold(sc.words[a+1]) == "the"
	}
	return false
}

// buildMatch composes a base hit (Name < 0: none) with sector hits.
func (kb *KB) buildMatch(text string, sc *scratch, base Hit, sectors []Hit, date time.Time, tok0, tok1 int32) Match {
	m := Match{Start: int(sc.toks[tok0].start), End: int(sc.toks[tok1-1].end)}
	m.Text = text[m.Start:m.End]
	var codes []string
	var sectorNames []Name
	for _, s := range sectors {
		n := kb.names[s.Name]
		codes = append(codes, n.Code)
		sectorNames = append(sectorNames, n)
	}
	if base.Name < 0 {
		m.Actor = kb.composeSectors(codes)
		m.Names = sectorNames
		return m
	}
	cands := kb.candidates(sc, base, date)
	if len(cands) == 0 {
		cands = []int32{base.Name}
	}
	seen := map[string]bool{}
	for i, nm := range cands {
		n := kb.names[nm]
		a, ok := kb.resolve(n)
		if !ok {
			continue
		}
		if len(codes) > 0 {
			a = kb.compose(a, codes)
		}
		if seen[a.Code] {
			continue
		}
		seen[a.Code] = true
		if i == 0 {
			m.Actor = a
			m.Names = append([]Name{n}, sectorNames...)
			if base.tok0 > tok0 { // "President of Azerbaijan": text order
				m.Names = append(sectorNames, n)
			}
			continue
		}
		m.Alternatives = append(m.Alternatives, a)
	}
	return m
}

package actor

import (
	"cmp"
	"slices"
	"strings"
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
			// "President of (the) Azerbaijan"; not "the commander of
			// Syria's allies", where the country owns the next noun.
			if m < len(hits) && kb.names[hits[m].Name].Kind != KindSector && kb.ofBetween(sc, hits[m-1].tok1, hits[m].tok0) &&
				!possessive(sc, hits[m].tok1) {
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
	return kb.resolvePersons(phrase, out, date)
}

// possessive reports a possessive ending at token i: "Syria's".
func possessive(sc *scratch, i int32) bool {
	return int(i) < len(sc.toks) && sc.toks[i].poss
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
	if kb.names[cands[0]].Kind == KindPerson {
		return kb.personMatch(m, cands, sectorNames, date)
	}
	seen := map[string]bool{}
	for i, nm := range cands {
		n := kb.names[nm]
		a, ok := kb.resolve(n)
		if !ok {
			continue
		}
		// A named group's own code says what it is: the sector words
		// after its name describe its members ("the Taliban religious
		// faction", "Hamas officials", "FARC rebels" are the group, not
		// its religious wing or a government).
		if len(codes) > 0 && a.Type != TypeGroup {
			if c, ok := kb.Actor(a.Country); ok && n.Kind == KindCapital {
				// "residents of Kabul", "Baghdad police": the town's
				// people and bodies are the country's, not the
				// government's (AFGCVL, not AFGGOVCVL).
				a = c
			}
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

// personMatch resolves a person's name: among the persons of that name,
// the one in office at date first (then the most recent holder), as the
// actor of the date (see [KB.PersonAt]).
func (kb *KB) personMatch(m Match, cands []int32, sectorNames []Name, date time.Time) Match {
	type cand struct {
		a  Actor
		nm int32
	}
	var cs []cand
	seen := map[string]bool{}
	for _, nm := range cands {
		n := kb.names[nm]
		if n.Kind != KindPerson || seen[n.Code] {
			continue
		}
		seen[n.Code] = true
		a, ok := kb.PersonAt(n.Code, date)
		if ok {
			cs = append(cs, cand{a, nm})
		}
	}
	if len(cs) == 0 {
		return m
	}
	slices.SortStableFunc(cs, func(x, y cand) int {
		if date.IsZero() { // no date: the latest in office first
			return y.a.From.Compare(x.a.From)
		}
		return cmp.Compare(personRank(x.a), personRank(y.a))
	})
	m.Actor = cs[0].a
	m.Names = append([]Name{kb.names[cs[0].nm]}, sectorNames...)
	for _, c := range cs[1:] {
		m.Alternatives = append(m.Alternatives, c.a)
	}
	return m
}

// personRank: in office, then former, then not yet in office.
func personRank(a Actor) int {
	switch {
	case a.Sector != "ELI":
		return 0
	case a.Former:
		return 1
	}
	return 2
}

// resolvePersons turns office titles into their holders at date and joins
// a title to the name that follows it. "Azerbaijan's Prime Minister" on
// 2021-02-18 is Ali Asadov as AZEGOV; "Turkish President Recep Tayyip
// Erdogan" and "President Erdogan" are one match, the person's actor. A
// title whose country differs from the named person's is left alone.
func (kb *KB) resolvePersons(text string, ms []Match, date time.Time) []Match {
	if len(kb.persons.terms) == 0 {
		return ms
	}
	out := ms[:0]
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		office := officeOf(m)
		// a title followed by a person's name
		if i+1 < len(ms) && (office != "" || m.Actor.Type == TypeSector) && isPersonMatch(ms[i+1]) &&
			strings.TrimSpace(text[m.End:ms[i+1].Start]) == "" {
			p := ms[i+1]
			if m.Actor.Country == "" || m.Actor.Country == p.Actor.Country {
				p.Start, p.Text = m.Start, text[m.Start:p.End]
				p.Names = append(slices.Clone(m.Names), p.Names...)
				out = append(out, p)
				i++
				continue
			}
		}
		if office != "" && m.Actor.Country != "" && !date.IsZero() {
			if a, ok := kb.Holder(m.Actor.Country, office, date); ok {
				m.Alternatives = append([]Actor{m.Actor}, m.Alternatives...)
				m.Actor = a
			}
		}
		out = append(out, m)
	}
	return out
}

func isPersonMatch(m Match) bool {
	return len(m.Names) > 0 && m.Names[len(m.Names)-1].Kind == KindPerson
}

// officeOf returns the office phrase of a match built from a country or
// organisation and sector words ("Turkish President" -> "President"), ""
// when it has none.
func officeOf(m Match) string {
	if isPersonMatch(m) {
		return ""
	}
	for k := len(m.Names) - 1; k >= 0; k-- {
		n := m.Names[k]
		if n.Kind == KindSector && TitleOffices(n.Phrase) != nil {
			return n.Phrase
		}
	}
	return ""
}

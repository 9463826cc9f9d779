package geo

import (
	"math"
	"slices"
	"strings"

	"github.com/dyad-events/dyad/geo/fold"
)

// Score weights, in orders of magnitude of population: a capital counts
// as a place 30 times its size, a preferred country's place as one 100
// times its size. So "Paris" with prefer [USA] is still Paris, France (a
// capital of 2.1 million against a county seat of 25,000 in Texas), while
// "Georgia" with prefer [USA] is the state and without it the country.
const (
	bonusCapital  = 1.5 // PPLC
	bonusCountry  = 1.0 // a country's own name
	bonusSeat     = 0.5 // PPLA: seat of a first-level division
	bonusSeat2    = 0.2 // PPLA2
	bonusPrefer   = 2.0 // in one of the preferred countries
	bonusExact    = 1.0 // written exactly as the place's own name, diacritics and all
	penaltyAltern = 0.3 // named by an alternate name, not its own
)

func (g *Gazetteer) score(c cand, prefer []string, exact string) float64 {
	p := &g.places[c.place]
	s := math.Log10(float64(p.Population) + 1)
	switch p.Feature {
	case "PPLC":
		s += bonusCapital
	case FeatureCountry:
		s += bonusCountry
	case "PPLA":
		s += bonusSeat
	case "PPLA2":
		s += bonusSeat2
	}
	if c.alt {
		s -= penaltyAltern
	}
	if slices.Contains(prefer, p.Country) {
		s += bonusPrefer
	}
	if exact != "" && exact != p.ASCII && strings.EqualFold(exact, p.Name) {
		s += bonusExact // "Şuşa" is Shusha, not Sousse ("Susa")
	}
	return s
}

// best returns the best candidate of e for which keep (if not nil) holds;
// exact is the name as written.
func (g *Gazetteer) best(e *entry, prefer []string, exact string, keep func(cand) bool) (cand, bool) {
	var bc cand
	bs, found := math.Inf(-1), false
	for _, c := range e.cands {
		if keep != nil && !keep(c) {
			continue
		}
		s := g.score(c, prefer, exact)
		if s > bs || (s == bs && c.place < bc.place) {
			bc, bs, found = c, s, true
		}
	}
	return bc, found
}

// within returns a filter keeping the candidates that lie in one of the
// countries or divisions that the qualifier q names ("Texas" in "Paris,
// Texas"), or nil if q names none.
func (g *Gazetteer) within(q *entry) func(cand) bool {
	var areas []Place
	for _, c := range q.cands {
		if p := g.places[c.place]; p.IsCountry() || p.IsAdmin1() {
			areas = append(areas, p)
		}
	}
	if len(areas) == 0 {
		return nil
	}
	return func(c cand) bool {
		p := &g.places[c.place]
		if p.IsCountry() || p.IsAdmin1() {
			return false
		}
		for _, a := range areas {
			if a.Country == p.Country && (a.IsCountry() || a.Admin1 == p.Admin1) {
				return true
			}
		}
		return false
	}
}

// Resolve returns the place a name most likely means, case and
// diacritics ignored, by the place's own name or an alternate one
// ("Kiev" is Kyiv). prefer lists the ISO alpha-3 codes of the countries
// of the event's actors; a place in one of them counts as one 100 times
// its size. Capitals and division seats come before other places, and
// population decides the rest, so a small namesake never beats a big city
// unless the actors' country makes it likely. A country's name resolves to
// the country (placed at its capital), a division's ("Oklahoma") to the
// division (placed at its seat). A qualifier after a comma narrows the
// choice: "Paris, Texas", "Baku, Azerbaijan".
//
// A place is only ever a location: turning "Ankara" into the Turkish
// government is the actor package's business, not this one's.
func (g *Gazetteer) Resolve(name string, prefer []string) (Place, bool) {
	head, qual, _ := strings.Cut(name, ",")
	head = strings.TrimSpace(head)
	var buf [64]byte
	ei, ok := g.keys[string(fold.AppendKey(buf[:0], head))]
	if !ok {
		return Place{}, false
	}
	e := &g.entries[ei]
	if p, ok := g.resolveIn(e, head, qual, prefer); ok {
		return p, true
	}
	c, ok := g.best(e, prefer, head, nil)
	if !ok {
		return Place{}, false
	}
	return g.places[c.place], true
}

// resolveIn resolves the name head (entry e) among the places inside the
// country or division that qual names; false if qual names none or none of
// e's places lies inside.
func (g *Gazetteer) resolveIn(e *entry, head, qual string, prefer []string) (Place, bool) {
	if qual = strings.TrimSpace(qual); qual == "" {
		return Place{}, false
	}
	var buf [64]byte
	qi, ok := g.keys[string(fold.AppendKey(buf[:0], qual))]
	if !ok {
		return Place{}, false
	}
	keep := g.within(&g.entries[qi])
	if keep == nil {
		return Place{}, false
	}
	c, ok := g.best(e, prefer, head, keep)
	if !ok {
		return Place{}, false
	}
	return g.places[c.place], true
}

// Candidates returns every place a name may mean, best first by the order
// Resolve uses.
func (g *Gazetteer) Candidates(name string, prefer []string) []Place {
	name = strings.TrimSpace(name)
	ei, ok := g.keys[fold.Key(name)]
	if !ok {
		return nil
	}
	cs := slices.Clone(g.entries[ei].cands)
	slices.SortStableFunc(cs, func(a, b cand) int {
		sa, sb := g.score(a, prefer, name), g.score(b, prefer, name)
		switch {
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return int(a.place - b.place)
	})
	out := make([]Place, len(cs))
	for i, c := range cs {
		out[i] = g.places[c.place]
	}
	return out
}

// Resolve is [Gazetteer.Resolve] on the embedded gazetteer.
func Resolve(name string, prefer []string) (Place, bool) {
	g, err := Default()
	if err != nil {
		return Place{}, false
	}
	return g.Resolve(name, prefer)
}

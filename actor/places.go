package actor

import (
	"time"

	"github.com/dyad-events/dyad/geo"
	"github.com/dyad-events/dyad/nlp"
)

// sentencePlaces finds, once and only when first asked, the gazetteer
// places of one sentence that no actor mention covers: "in Mosul", "in
// the town of Samarra". They set a sentence in a country as the names of
// countries and capitals do, so that "gunmen" or "the police" in Mosul are
// Iraq's. A place is never an actor itself.
type sentencePlaces struct {
	g    *geo.Gazetteer // nil: no gazetteer, no places
	s    *nlp.Sentence
	date time.Time // the article's: a town's country as of then (geo.CountryOn)
	done bool
	ms   []Mention // places outside mentions, as country mentions
}

// get returns the sentence's places as country mentions (Via "place"),
// leaving out those that overlap a mention of ms.
func (p *sentencePlaces) get(ms []Mention) []Mention {
	if p == nil || p.g == nil {
		return nil
	}
	if !p.done {
		p.done = true
		for _, pm := range p.g.FindTokens(p.s.Tokens, nil, nil) {
			if pm.Place.Country == "" || overlapsMention(ms, pm.Tokens) {
				continue
			}
			c := geo.CountryOn(pm.Place.Country, p.date)
			p.ms = append(p.ms, Mention{Tokens: pm.Tokens, Span: nlp.Span{Start: pm.Start, End: pm.End}, Via: "place",
				Actor: Actor{Code: c, Country: c, Type: TypeCountry}})
		}
	}
	return p.ms
}

// overlapsMention reports whether token range r shares a token with a
// mention of ms.
func overlapsMention(ms []Mention, r [2]int) bool {
	for i := range ms {
		if ms[i].Tokens[0] < r[1] && r[0] < ms[i].Tokens[1] {
			return true
		}
	}
	return false
}

// within returns the country of a state, province or large city whose
// name opens a described person's own words before the title ("Florida
// Governor Ron DeSantis", "Bavaria premier ..."), "" if none. The
// gazetteer's finder leaves a name followed by another capitalised word
// alone (it may be part of a longer name), so the name is resolved here.
func (p *sentencePlaces) within(m *Mention) string {
	if p == nil || p.g == nil || m.Tokens[1]-m.Tokens[0] < 3 {
		return ""
	}
	toks := p.s.Tokens
	for n := 2; n >= 1; n-- {
		end := m.Tokens[0] + n
		if end >= m.Tokens[1]-1 {
			continue
		}
		name := ""
		ok := true
		for i := m.Tokens[0]; i < end; i++ {
			if toks[i].POS != "PROPN" {
				ok = false
				break
			}
			if name != "" {
				name += " "
			}
			name += toks[i].Text
		}
		if !ok {
			continue
		}
		if pl, found := p.g.Resolve(name, nil); found && pl.Country != "" && (pl.IsAdmin1() || pl.Population >= 100_000) {
			return geo.CountryOn(pl.Country, p.date)
		}
	}
	return ""
}

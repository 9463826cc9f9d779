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
	ms   []Mention
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

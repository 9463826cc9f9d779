package event

import (
	"strings"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/nlp"
)

// violentCauses are nouns of a violent act that can stand where its doer
// would: "an explosion killed two youths", "was killed in a car bomb
// explosion". Accidents and disasters (crash, fire, flood, earthquake)
// are not among them: nobody did those to anyone.
var violentCauses = map[string]bool{
	"explosion": true, "blast": true, "bomb": true, "bombing": true, "car-bomb": true,
	"mine": true, "landmine": true, "minefield": true, "shell": true, "shelling": true,
	"rocket": true, "missile": true, "grenade": true, "mortar": true, "attack": true,
	"airstrike": true, "air-strike": true, "raid": true, "ambush": true, "shooting": true,
	"gunfire": true, "sniper": true, "device": true,
}

// unidentified returns the actor of violence whose doer the sentence does
// not name but whose means it does ("a minefield explosion near Samarra
// killed two youths", "a journalist was killed in a car bomb explosion in
// Beirut"): the unidentified armed forces (CAMEO UAF) of the country where
// it happened, as event data codes attacks by unknown perpetrators. With
// no place of its own in the sentence there is no such actor: the victims'
// nationality says nothing of where they were attacked.
func (c *Coder) unidentified(in Input, sv *sentence, t int, passive bool) (actor.Mention, bool) {
	cause := -1
	for _, x := range sv.children[t] {
		tok := sv.s.Tokens[x]
		if !violentCauses[strings.ToLower(tok.Lemma)] || sv.mention[x] >= 0 {
			continue
		}
		switch d := nlp.BaseRel(tok.Dep); {
		case !passive && d == "nsubj":
			cause = x
		case passive && (d == "obl" && (sv.marker(x) == "in" || sv.marker(x) == "by")):
			cause = x
		}
	}
	if cause < 0 {
		return actor.Mention{}, false
	}
	country := ""
	for _, k := range sv.mention {
		if k < 0 {
			continue
		}
		m := in.Mentions[k]
		if m.Known() && (m.Capital || m.Actor.Type == actor.TypeCountry && sv.locative(m)) {
			country = m.Actor.Country
			break
		}
	}
	if country == "" {
		root := 0
		for i, tok := range sv.s.Tokens {
			if tok.Head == 0 {
				root = i
				break
			}
		}
		pm, ok := c.placeUnder(in, sv, root)
		if !ok {
			return actor.Mention{}, false
		}
		country = pm.Actor.Country
	}
	tok := sv.s.Tokens[cause]
	return actor.Mention{Sentence: sv.idx, Tokens: [2]int{cause, cause + 1}, Span: tok.Span,
		Text: tok.Text, Via: "unidentified",
		Actor: actor.Actor{Code: country + "UAF", Country: country, Sector: "UAF", Name: "unidentified armed forces", Type: actor.TypeGroup}}, true
}

// placeOfCause reports a capital or country mention that only modifies a
// violent means ("a Kabul car bombing", "the Baghdad blast"): a place,
// not a doer.
func (sv *sentence) placeOfCause(m actor.Mention) bool {
	if !m.Capital && m.Actor.Type != actor.TypeCountry {
		return false
	}
	h := sv.headOf(m)
	if h < 0 || (sv.s.Tokens[h].Dep != "compound" && sv.s.Tokens[h].Dep != "amod") {
		return false
	}
	g := sv.s.Tokens[h].Head - 1
	if g < 0 || !violentCauses[strings.ToLower(sv.s.Tokens[g].Lemma)] {
		return false
	}
	// A country's adjective on a state's means of war is whose it is: "an
	// Israeli airstrike", "Turkish shelling" (but "a Kabul car bombing",
	// "an Iraqi roadside bomb" say where).
	return m.Capital || sv.s.Tokens[h].Dep != "amod" || !militaryMeans[strings.ToLower(sv.s.Tokens[g].Lemma)]
}

// militaryMeans are the violent causes that states' forces use, whose
// country adjective names the doer.
var militaryMeans = map[string]bool{
	"airstrike": true, "air-strike": true, "strike": true, "raid": true, "shelling": true, "shell": true,
	"missile": true, "rocket": true, "mortar": true, "attack": true, "offensive": true, "gunfire": true,
	"sniper": true, "ambush": true, "drone": true, "bombardment": true, "incursion": true,
}

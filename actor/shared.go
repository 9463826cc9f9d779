package actor

import (
	"strings"

	"github.com/dyad-events/dyad/nlp"
)

// shareSectors gives a bare country adjective the sector of the noun it
// shares with the next conjunct: in "Kyrgyz and Tajik border guards" and
// "Indian and Chinese troops" both sides are soldiers (KGZMIL, INDMIL),
// not Kyrgyzstan and India at large. It reads the words, not the tree,
// which often hangs the first adjective elsewhere. ms are one sentence's
// mentions, in order; they are changed in place.
func shareSectors(s *nlp.Sentence, ms []Mention) {
	toks := s.Tokens
	for k := 0; k+1 < len(ms); k++ {
		x, y := &ms[k], ms[k+1]
		if x.Via != "kb" || x.Actor.Type != TypeCountry || x.Tokens[1]-x.Tokens[0] != 1 || strings.EqualFold(x.Text, x.Actor.Name) {
			continue // not a lone adjective ("Kyrgyz"); a country's name is no modifier
		}
		c := x.Tokens[1]
		if c >= len(toks) || c+1 != y.Tokens[0] || !conjunction(toks[c].Text) {
			continue
		}
		if y.Via != "kb" || y.Person != "" || y.Actor.Sector == "" || y.Actor.Country == "" || y.Actor.Country == x.Actor.Country || y.Tokens[1]-y.Tokens[0] < 2 {
			continue
		}
		x.Actor.Sector = y.Actor.Sector
		x.Actor.Code = x.Actor.Country + y.Actor.Sector
		x.Actor.Type = y.Actor.Type
		x.Via += "+shared"
	}
}

func conjunction(w string) bool {
	return strings.EqualFold(w, "and") || strings.EqualFold(w, "or")
}

package geo

import (
	"strings"

	"github.com/dyad-events/dyad/nlp"
)

// at lists the prepositions that put an event at a place: "talks in
// Baku", "a blast near Idlib", "arrived at Ankara", "flew to Baku".
var at = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "inside": true, "within": true,
	"around": true, "across": true, "to": true, "into": true, "throughout": true,
}

// placeNouns are the nouns of "the city of X", "the border town of X".
var placeNouns = map[string]bool{
	"city": true, "town": true, "village": true, "capital": true, "region": true,
	"province": true, "district": true, "port": true, "enclave": true, "state": true,
	"republic": true, "island": true, "county": true, "governorate": true, "oblast": true,
}

// Locate picks the place where the event of a sentence happened, for the
// coder: a place named after a locative preposition ("talks in Baku",
// "arrived at Ankara", "flew to Tbilisi") or as "the (border) town of
// Shusha". A town or region beats a country ("in Shusha, Azerbaijan" is
// Shusha; "in Azerbaijan" is the country); among equals the first wins. A
// place named elsewhere in the sentence ("Ankara said") is not a location
// here and never an actor either: that is the coder's business. The matches
// come from [Gazetteer.FindTokens] with prefer.
func (g *Gazetteer) Locate(toks []nlp.Token, prefer []string) (Match, bool) {
	sc := g.pool.Get().(*scratch)
	sc.matches = g.FindTokens(toks, prefer, sc.matches[:0])
	var best Match
	found := false
	for _, m := range sc.matches {
		if !introducedAsPlace(toks, m.Tokens[0]) {
			continue
		}
		if !found || (best.Place.IsCountry() && !m.Place.IsCountry()) {
			best, found = m, true
		}
	}
	clear(sc.matches)
	g.pool.Put(sc)
	return best, found
}

// introducedAsPlace reports whether the place at token i is introduced as a
// location.
func introducedAsPlace(toks []nlp.Token, i int) bool {
	if i == 0 {
		return false
	}
	prev := strings.ToLower(toks[i-1].Text)
	if at[prev] {
		return true
	}
	// the (border) town of X
	return prev == "of" && i >= 2 && placeNouns[strings.ToLower(toks[i-2].Text)]
}

// Locate is [Gazetteer.Locate] on the embedded gazetteer.
func Locate(toks []nlp.Token, prefer []string) (Match, bool) {
	g, err := Default()
	if err != nil {
		return Match{}, false
	}
	return g.Locate(toks, prefer)
}

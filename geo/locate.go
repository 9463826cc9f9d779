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

// journeyNouns are the nouns whose "to" phrase is where they go: "a trip
// to France", "the visit to Baku".
var journeyNouns = map[string]bool{
	"trip": true, "visit": true, "journey": true, "flight": true, "voyage": true, "tour": true,
	"mission": true, "delegation": true, "return": true, "travel": true, "deployment": true,
	"expedition": true, "pilgrimage": true, "march": true, "convoy": true, "shipment": true,
	"delivery": true, "route": true, "evacuation": true, "withdrawal": true, "incursion": true,
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
	return g.LocateAt(toks, prefer, -1)
}

// LocateAt is [Gazetteer.Locate] for the event whose trigger is token at
// of a parsed sentence: see [Nearest].
func (g *Gazetteer) LocateAt(toks []nlp.Token, prefer []string, at int) (Match, bool) {
	sc := g.pool.Get().(*scratch)
	sc.matches = g.FindTokens(toks, prefer, sc.matches[:0])
	m, ok := Nearest(toks, sc.matches, at)
	clear(sc.matches)
	g.pool.Put(sc)
	return m, ok
}

// Nearest picks, among matches (from [Gazetteer.FindTokens] on toks), the
// place of the event whose trigger is token at: of the places introduced
// as locations, the one nearest the trigger in the tree, so that in
// "organisations with origins in Turkey have been active in Azerbaijan"
// the activity is in Azerbaijan. A place the trigger's phrase contains is
// nearest, by depth; then one hanging from the trigger's heads, each step
// up costing two (a clause's place is its verb's: "fired rockets,
// killing two, in Gaza"). The climb stops at a subject: the place of "was
// received in Baku" is not that of the attempt that is its subject, which
// then has none, nor at a clause of another time ("after ... accused");
// and a noun's "to" phrase is no destination ("its ambassador to
// Somalia"). With at < 0 or no parse (no head set) the tree plays no
// part: a town or region beats a country, and among equals the first
// wins. The coder passes the matches it already holds for the sentence.
func Nearest(toks []nlp.Token, matches []Match, at int) (Match, bool) {
	tree := at >= 0 && at < len(toks) && parsed(toks)
	var best Match
	found, bestCost := false, 0
	for _, m := range matches {
		if !introducedAsPlace(toks, m.Tokens[0]) {
			continue
		}
		cost := 0
		if tree {
			var ok bool
			if cost, ok = treeCost(toks, at, m.Tokens); !ok {
				continue
			}
		}
		if !found || cost < bestCost || cost == bestCost && best.Place.IsCountry() && !m.Place.IsCountry() {
			best, bestCost, found = m, cost, true
		}
	}
	return best, found
}

// parsed reports whether toks carry a dependency tree: a sentence of more
// than one token has a word that is not the root.
func parsed(toks []nlp.Token) bool {
	for _, t := range toks {
		if t.Head > 0 {
			return true
		}
	}
	return false
}

// treeCost is how far a place of tokens span lies from the trigger at:
// the depth of the place below the lowest of the trigger's heads that
// dominates it, plus two for each step up to that head. It fails when the
// place is reached only by climbing out of a subject.
func treeCost(toks []nlp.Token, at int, span [2]int) (int, bool) {
	// The place's own head word: the token of the span whose head lies
	// outside it.
	s := nlp.Sentence{Tokens: toks}
	p, ok := s.SpanHead(span[0], span[1])
	if !ok {
		p = span[0]
	}
	if prep := strings.ToLower(toks[span[0]-1].Text); (prep == "to" || prep == "into") && nlp.BaseRel(toks[p].Dep) == "nmod" {
		// "its ambassador to Somalia": a post's country, not a
		// destination, unless the noun is one of going ("a trip to
		// France").
		if h := toks[p].Head - 1; h < 0 || h >= len(toks) || !journeyNouns[strings.ToLower(toks[h].Lemma)] {
			return 0, false
		}
	}
	a := at
	for up := 0; up <= len(toks); up++ {
		if d, ok := depth(toks, a, p); ok {
			return 2*up + d, true
		}
		rel := nlp.BaseRel(toks[a].Dep)
		h := toks[a].Head - 1
		if h < 0 || h >= len(toks) || rel == "nsubj" || rel == "csubj" || rel == "advcl" && temporalClause(toks, a) {
			return 0, false
		}
		a = h
	}
	return 0, false
}

// temporalClause reports a clause marked as another time ("after
// Mogadishu accused Nairobi"), whose place is its own, not its head's.
func temporalClause(toks []nlp.Token, a int) bool {
	for _, t := range toks {
		if t.Head-1 == a && t.Dep == "mark" {
			switch strings.ToLower(t.Text) {
			case "after", "before", "since", "until", "once", "when", "while", "as":
				return true
			}
		}
	}
	return false
}

// depth is the number of heads from b up to a, when a dominates b or is
// b and no clause of another time lies between them ("recalled its envoy
// after Santiago accused Lima of spying in Valparaiso": the recall is not
// in Valparaiso); it follows at most len(toks) heads.
func depth(toks []nlp.Token, a, b int) (int, bool) {
	for n := 0; b >= 0 && b < len(toks) && n <= len(toks); n++ {
		if b == a {
			return n, true
		}
		if nlp.BaseRel(toks[b].Dep) == "advcl" && temporalClause(toks, b) {
			return 0, false
		}
		b = toks[b].Head - 1
	}
	return 0, false
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

package actor

import (
	"strings"

	"github.com/dyad-events/dyad/nlp"
)

// relationalNouns name a party by its relation to another: "Russia's
// neighbours", "its allies", "the rivals of Iran", "Israel's militia ally"
// are none of Russia, the owner, Iran or Israel. Nouns of a state's own
// people ("Iran's leaders", "its citizens") are not here.
var relationalNouns = map[string]bool{
	"ally": true, "allies": true, "neighbour": true, "neighbours": true, "neighbor": true, "neighbors": true,
	"enemy": true, "enemies": true, "foe": true, "foes": true, "rival": true, "rivals": true,
	"adversary": true, "adversaries": true, "partner": true, "partners": true, "friend": true, "friends": true,
	"proxy": true, "proxies": true, "backer": true, "backers": true,
}

// relationalMentions turns a relational noun with its owner into one
// mention of no known actor, so that the owner is not read as the party:
// the possessive forms "Russia's neighbours", "Syria's main ally", "its
// allies" (found by the words, which survive a mistagged noun: "Israel's
// militia ally") and the "of" form "the rivals of Iran". The owner's
// mentions inside are dropped. An apposition that names the party says
// who it is: "its neighbour, Eritrea" is Eritrea. ms are one sentence's
// mentions in text order; the result too.
func relationalMentions(d *nlp.Doc, si int, ms []Mention) []Mention {
	s := &d.Sentences[si]
	toks := s.Tokens
	for r, tok := range toks {
		if !relationalNouns[strings.ToLower(tok.Text)] || tok.POS == "VERB" || mentionAt(ms, r) {
			continue
		}
		lo, hi := -1, r+1
		// The possessive form: an owner, then at most three modifiers.
		w := r - 1
		for w >= 0 && r-w <= 3 && !mentionAt(ms, w) && modifierPOS(toks[w].POS) && toks[w].XPOS != "POS" {
			w--
		}
		switch {
		case w >= 0 && toks[w].XPOS == "PRP$" && pronouns[strings.ToLower(toks[w].Text)] != 0:
			lo = w // "its allies"
		case w >= 1 && toks[w].XPOS == "POS":
			for _, m := range ms {
				if m.Tokens[1] == w && m.Tokens[0] < w {
					lo = m.Tokens[0] // "Iran's enemies"
				}
			}
		case w >= 0 && w < r && mentionAt(ms, w):
			// The knowledge base read the owner with the modifier:
			// "Israel's militia" (ISRUAF) before "ally".
			for _, m := range ms {
				if m.Tokens[1] == w+1 && m.Tokens[0] < w && hasPoss(toks, m.Tokens[0], w) {
					lo = m.Tokens[0]
				}
			}
		}
		if lo < 0 && tok.POS == "NOUN" {
			// The "of" form: "the rivals of Iran".
			for _, c := range children(s, r) {
				if nlp.BaseRel(toks[c].Dep) == "nmod" && toks[c].Dep != "nmod:poss" && caseOf(toks, c) == "of" && c > r {
					if _, e := nounPhrase(s, c); e > hi {
						lo, hi = r, e
					}
				}
			}
		}
		if lo < 0 {
			continue
		}
		owned := false
		ok := true
		for _, m := range ms {
			if m.Tokens[0] < hi && lo < m.Tokens[1] {
				if m.Tokens[0] < lo || m.Tokens[1] > hi {
					ok = false // a name running past the phrase
				}
				owned = owned || m.Actor.Country != ""
			}
		}
		if !ok || !owned && toks[lo].XPOS != "PRP$" {
			continue // no owner to mistake for the party
		}
		rm := Mention{Sentence: si, Tokens: [2]int{lo, hi}, Span: nlp.Span{Start: toks[lo].Span.Start, End: toks[hi-1].Span.End}, Via: "relational"}
		rm.Text = d.Text[rm.Span.Start:rm.Span.End]
		rm.Actor = Actor{Type: TypeGroup, Name: rm.Text}
		if m, ok := namedParty(s, ms, r); ok {
			rm.Actor, rm.Via = m.Actor, "relational+apposition" // "its neighbour, Eritrea"
		} else if m, ok := partyIn(s, ms, r); ok {
			// "Israel's militia ally in southern Lebanon": a party set in a
			// country is that country's, as a group in it is.
			rm.Actor, rm.Via = Actor{Code: m.Actor.Country, Country: m.Actor.Country, Type: TypeCountry, Name: m.Actor.Name}, "relational+setting"
		}
		kept := ms[:0:0]
		for _, m := range ms {
			if m.Tokens[0] >= lo && m.Tokens[1] <= hi {
				continue
			}
			kept = append(kept, m)
		}
		ms = insertMention(kept, 0, rm)
	}
	return ms
}

// modifierPOS reports the tags of words between an owner and its noun:
// "Syria's main ally", "its European trade partners".
func modifierPOS(pos string) bool {
	switch pos {
	case "ADJ", "NOUN", "PROPN", "NUM":
		return true
	}
	return false
}

// hasPoss reports a possessive 's among tokens [a, b).
func hasPoss(toks []nlp.Token, a, b int) bool {
	for i := a; i < b && i < len(toks); i++ {
		if toks[i].XPOS == "POS" {
			return true
		}
	}
	return false
}

// children returns the dependents of token h in text order.
func children(s *nlp.Sentence, h int) []int {
	var out []int
	for i, t := range s.Tokens {
		if t.Head-1 == h {
			out = append(out, i)
		}
	}
	return out
}

// nounPhrase returns the tokens [lo, hi) of the noun phrase headed by h:
// h with its determiners, modifiers, names, possessors and "of" phrases,
// not its clauses, appositions or conjuncts.
func nounPhrase(s *nlp.Sentence, h int) (int, int) {
	lo, hi := h, h+1
	var walk func(i int)
	walk = func(i int) {
		lo, hi = min(lo, i), max(hi, i+1)
		for _, c := range children(s, i) {
			switch dep := s.Tokens[c].Dep; nlp.BaseRel(dep) {
			case "det", "amod", "compound", "flat", "case", "nummod", "fixed":
				walk(c)
			case "nmod":
				if dep == "nmod:poss" || caseOf(s.Tokens, c) == "of" {
					walk(c)
				}
			}
		}
	}
	walk(h)
	return lo, hi
}

// countryMention returns the mention of a country, by name, that starts
// at token t.
func countryMention(ms []Mention, t int) (Mention, bool) {
	for _, m := range ms {
		if m.Tokens[0] == t && m.Actor.Type == TypeCountry && m.Via == "kb" {
			return m, true
		}
	}
	return Mention{}, false
}

// namedParty returns the country an apposition of the relational noun at
// r names, "its neighbour, Eritrea", however the parser attached it: the
// next words after a comma, ending at a comma or the sentence's end.
func namedParty(s *nlp.Sentence, ms []Mention, r int) (Mention, bool) {
	toks := s.Tokens
	if ap := apposition(s, r); ap >= 0 {
		for _, m := range ms {
			if m.Tokens[0] <= ap && ap < m.Tokens[1] && m.Actor.Type == TypeCountry && m.Via == "kb" {
				return m, true
			}
		}
	}
	if r+2 < len(toks) && toks[r+1].Text == "," {
		if m, ok := countryMention(ms, r+2); ok && (m.Tokens[1] == len(toks) || toks[m.Tokens[1]].POS == "PUNCT") {
			return m, true
		}
	}
	return Mention{}, false
}

// partyIn returns the country a relational noun at r is set in: "ally in
// southern Lebanon", by its "in" phrase or, when the parser lost it, the
// words right after it ("in", at most one adjective, the country).
func partyIn(s *nlp.Sentence, ms []Mention, r int) (Mention, bool) {
	toks := s.Tokens
	for _, c := range children(s, r) {
		if nlp.BaseRel(toks[c].Dep) == "nmod" && locatedIn(toks, c) {
			for _, m := range ms {
				if m.Tokens[0] <= c && c < m.Tokens[1] && m.Actor.Type == TypeCountry && m.Via == "kb" {
					return m, true
				}
			}
		}
	}
	if r+2 < len(toks) && strings.EqualFold(toks[r+1].Text, "in") {
		t := r + 2
		if toks[t].POS == "ADJ" {
			t++
		}
		return countryMention(ms, t)
	}
	return Mention{}, false
}

// sideParties reads a party "to" something as a side of it, not a
// political party: "the parties to the conflict", "both parties to the
// agreement", "the Sudanese parties to the talks". The mention keeps its
// country (the Sudanese sides) and loses the sector; with none it names no
// known actor. ms are one sentence's mentions; they are changed in place.
func sideParties(s *nlp.Sentence, ms []Mention) {
	toks := s.Tokens
	for k := range ms {
		m := &ms[k]
		if !strings.HasSuffix(m.Actor.Sector, "PTY") || m.Person != "" || m.Via != "kb" {
			continue
		}
		side := false
		for i := m.Tokens[0]; i < m.Tokens[1] && i < len(toks); i++ {
			switch strings.ToLower(toks[i].Text) {
			case "party", "parties":
			default:
				continue
			}
			for _, c := range children(s, i) {
				if nlp.BaseRel(toks[c].Dep) == "nmod" && c > i && caseOf(toks, c) == "to" {
					side = true
				}
			}
			if i+2 < len(toks) && strings.EqualFold(toks[i+1].Text, "to") {
				switch toks[i+2].POS {
				case "DET", "NOUN", "ADJ", "PROPN":
					side = true // the parser lost the phrase: "parties to the war"
				}
			}
		}
		if !side {
			continue
		}
		m.Via = "side"
		if m.Actor.Country == "" {
			m.Actor = Actor{Type: TypeGroup, Name: m.Text}
			continue
		}
		m.Actor.Sector = strings.TrimSuffix(m.Actor.Sector, "PTY")
		m.Actor.Code = strings.TrimSuffix(m.Actor.Code, "PTY")
	}
}

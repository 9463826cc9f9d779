package actor

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad/geo"
	"github.com/dyad-events/dyad/nlp"
)

// Mention is a span of an article that names an actor, resolved as of the
// article's date.
type Mention struct {
	Sentence int      // index in Doc.Sentences
	Tokens   [2]int   // token range [first, last+1) within the sentence
	Span     nlp.Span // bytes in Doc.Text
	Text     string
	Actor    Actor
	Person   string // the person's name when the mention is a person
	Via      string // how it was resolved: kb, person, described, surname, short-name, pronoun, definite, group
	// Group holds the actors a collective reference stands for: "the two
	// countries", "both sides" are the last two countries named.
	Group []Actor
	// Capital marks a capital's name ("Algiers"): the government by
	// metonymy, and a place a sentence can be set in.
	Capital bool
}

// Known reports whether the mention resolved to a country, an
// organisation or a group, not only to a sector or an unknown person.
func (m *Mention) Known() bool { return m.Actor.Country != "" }

// Resolver finds and resolves the actor mentions of parsed documents.
type Resolver struct {
	KB *KB
	// Places, when set, finds the towns and regions a sentence is set in
	// ("in Mosul"), which place its unnamed domestic actors as the names
	// of countries and capitals do.
	Places *geo.Gazetteer
}

// pronoun classes for resolution.
const (
	pronPerson = iota + 1
	pronThing
	pronPlural
)

var pronouns = map[string]int{
	"he": pronPerson, "him": pronPerson, "his": pronPerson, "she": pronPerson, "her": pronPerson, "hers": pronPerson,
	"himself": pronPerson, "herself": pronPerson,
	"it": pronThing, "its": pronThing, "itself": pronThing,
	"they": pronPlural, "them": pronPlural, "their": pronPlural, "theirs": pronPlural, "themselves": pronPlural,
}

// Mentions finds the actors named in d as of date: knowledge-base names
// composed with sector words ("the Turkish government", "Ankara",
// "Azerbaijan's Prime Minister"), persons the recogniser found, taking a
// country and sector from the words before them ("Azerbaijani
// billionaire Ilham Rahimov", "Turkish President Recep Tayyip Erdogan"),
// later short names of those persons ("Rahimov"), pronouns ("he", "its",
// "they": the last compatible actor) and definite sector nouns ("the
// ministry": the last country's). Mentions are in text order.
func (r *Resolver) Mentions(d *nlp.Doc, date time.Time) []Mention {
	var out []Mention
	persons := map[string]Mention{} // full name or surname (folded) -> the person's first mention
	ents := entitiesBySentence(d)
	for si := range d.Sentences {
		s := &d.Sentences[si]
		if len(s.Tokens) == 0 {
			continue
		}
		text := d.Text[s.Start:s.End]
		first := len(out)
		pl := &sentencePlaces{g: r.Places, s: s, date: date}
		// Knowledge-base names, composed with sector words and titles:
		// "the Turkish government", "Turkish President Recep Tayyip
		// Erdogan" (that day's holder), "Azerbaijan's Prime Minister".
		for _, m := range r.KB.LookupAt(text, date) {
			t0, t1, ok := tokenRange(s, s.Start+m.Start, s.Start+m.End)
			if !ok || attitude(text, m.Start) {
				continue
			}
			if inCompound(s, t0, s.Start+m.Start) {
				continue // "multi-party elections", "non-government": part of a word
			}
			if currency(s, t1) {
				continue // "nine billion US dollars": money, not the United States
			}
			if t1 == t0+1 && m.Actor.Type == TypeCountry && givenNames[Fold(m.Text)] && personAt(ents[si], t0) {
				continue // "Chad was an anomaly": the recogniser's person, not the country
			}
			if (m.Actor.Type == TypeIGO || m.Actor.Type == TypeGroup) && acronymAsWord(s, ents[si], t0, t1, m.Names) {
				continue // "Eric Smith said", "Share prices fell": a name or a word, not ERIC or SHARE
			}
			km := Mention{Sentence: si, Tokens: [2]int{t0, t1}, Span: nlp.Span{Start: s.Tokens[t0].Span.Start, End: s.Tokens[t1-1].Span.End},
				Text: m.Text, Actor: m.Actor, Via: "kb", Capital: len(m.Names) == 1 && m.Names[0].Kind == KindCapital}
			if c := geo.CountryOn(km.Actor.Country, date); km.Capital && c != km.Actor.Country {
				// Juba before South Sudan's independence: a town of
				// Sudan, not a government's seat.
				km.Actor = Actor{Code: c, Country: c, Type: TypeCountry}
				km.Capital = false
			}
			if km.Capital && capitalModifier(s, t0, t1) {
				// "Berlin charity X", "a Moscow-based think tank", "the
				// Paris bureau of X": where an organisation is, not the
				// government; it may place the organisation, then goes.
				if c, ok := r.KB.Actor(km.Actor.Country); ok {
					km.Actor, km.Capital, km.Via = c, false, "seat"
				}
			}
			if m.Actor.Type == TypePerson {
				km.Person = m.Actor.Name
				remember(persons, km, m.Text)
			}
			out = append(out, km)
		}
		out = append(out[:first], ethnicGroups(s, out[first:], pl)...)
		out = append(out[:first], namedGroupSector(s, out[first:], ents[si])...)
		// Persons the recogniser found that the knowledge base does not
		// know: the words before the name describe them ("Azerbaijani
		// billionaire Ilham Rahimov"); later short names find them again.
		for _, e := range ents[si] {
			if e.Label == "ORG" {
				if om, ok := nationalOrg(s, out[first:], e); ok {
					// "the Nigerian Union of Teachers": a country's
					// organisation the knowledge base knows only in parts.
					om.Sentence, om.Text = si, d.Text[e.Start:e.End]
					om.Actor.Name = om.Text
					out = insertMention(dropWithin(out, first, e.Tokens[0], e.Tokens[1]), first, om)
					continue
				}
			}
			if e.Label == "ORG" && !overlaps(out[first:], e.Tokens) {
				// An organisation the knowledge base does not know: no
				// actor code, but "it" and "its" may refer to it. An
				// acronym in parentheses after a name is that name's:
				// "the Nigerian Union of Teachers (NUT)".
				om := Mention{Sentence: si, Tokens: e.Tokens, Span: e.Span, Text: d.Text[e.Start:e.End], Via: "organisation",
					Actor: Actor{Type: TypeGroup, Name: d.Text[e.Start:e.End]}}
				if k := acronymOf(s, out[first:], e.Tokens); k >= 0 && out[first+k].Person == "" {
					om.Actor, om.Via = out[first+k].Actor, "acronym"
				} else if k := expansionOf(s, out[first:], e.Tokens); k >= 0 {
					// "the International Labor Office (ILO)": the name of
					// the organisation its acronym is.
					om.Actor, om.Via = out[first+k].Actor, "acronym"
				}
				out = insertMention(out, first, om)
				continue
			}
			if e.Label != "PER" || overlaps(out[first:], e.Tokens) {
				continue
			}
			name := d.Text[e.Start:e.End]
			pm := Mention{Sentence: si, Tokens: e.Tokens, Span: e.Span, Text: name, Person: name, Via: "person"}
			w0 := describedFrom(s, e.Tokens[0])
			if p, ok := persons[personKey(name)]; ok {
				pm.Actor, pm.Person, pm.Via = p.Actor, p.Person, "short-name"
			} else if p, ok := persons[surname(personKey(name))]; ok && w0 == e.Tokens[0] {
				pm.Actor, pm.Person, pm.Via = p.Actor, p.Person, "short-name"
			} else if desc := r.describe(s, w0, e.Tokens[0], date); desc.Code != "" {
				pm.Actor = Actor{Code: desc.Code, Country: desc.Country, Sector: desc.Sector, Type: TypePerson, Name: name}
				if desc.Country == "" {
					// "President Bush": a title with no country before a
					// surname the knowledge base knows is that person.
					cands := r.KB.Surname(lastWord(name), date)
					if named := namedCountry(cands, out); len(named) > 0 {
						cands = named
					} else if len(cands) > 0 && cands[0].Role != RoleHOS && cands[0].Role != RoleHOG {
						cands = nil // a common surname: only a head of state or government goes by it alone
					}
					if len(cands) > 0 {
						pm.Actor = cands[0]
						pm.Person = cands[0].Name
					}
				}
				pm.Tokens[0], pm.Span.Start = w0, s.Tokens[w0].Span.Start
				pm.Text = d.Text[pm.Span.Start:pm.Span.End]
				pm.Via = "described"
				out = dropWithin(out, first, w0, e.Tokens[0])
			} else if cands := namedCountry(r.KB.Surname(lastWord(name), date), out); len(cands) > 0 && !strings.Contains(name, " ") {
				// A bare surname is a known office holder only in a story
				// that names their country: "Aliyev said" in an article on
				// Azerbaijan, not "Smith said" in one on Ohio.
				pm.Actor, pm.Person, pm.Via = cands[0], cands[0].Name, "surname"
			} else {
				pm.Actor = Actor{Type: TypePerson, Name: name}
				// "Salaheddine Sidhoum, Algeria's leading human rights
				// activist": the apposition says whose they are.
				h, ok := s.SpanHead(e.Tokens[0], e.Tokens[1])
				if !ok {
					h = e.Tokens[1] - 1
				}
				if ap := apposition(s, h); ap >= 0 {
					if c, sec := apposCountry(s, out[first:], ap); c != "" {
						pm.Actor.Country, pm.Actor.Sector, pm.Actor.Code = c, sec, c+sec
						pm.Via = "apposition"
					}
				}
			}
			out = insertMention(out, first, pm)
			remember(persons, pm, name)
		}
		// Organisations introduced by an apposition: "Diyanet, the official
		// directorate that manages religious issues in Turkey", "Acme, a
		// Turkish company": the apposition says whose they are. One pass
		// over the appositions, the first of each head.
		var apposOf map[int]bool
		for ap, x := range s.Tokens {
			ti := x.Head - 1
			if x.Dep != "appos" || ti < 0 || apposOf[ti] {
				continue
			}
			if apposOf == nil {
				apposOf = map[int]bool{}
			}
			apposOf[ti] = true
			if tok := s.Tokens[ti]; tok.POS != "PROPN" || tok.Dep == "flat" || tok.Dep == "compound" {
				continue
			}
			orgSector, isOrg := orgNouns[strings.ToLower(s.Tokens[ap].Lemma)]
			if !isOrg {
				continue
			}
			lo, hi := nameSpan(s, ti)
			k := -1
			for j := first; j < len(out); j++ {
				if out[j].Tokens[0] < hi && lo < out[j].Tokens[1] {
					k = j
				}
			}
			if k >= 0 && (out[k].Via != "organisation" || out[k].Actor.Country != "") {
				continue // a name the knowledge base knows, or placed already
			}
			country, sector := apposCountry(s, out[first:], ap)
			if country == "" {
				continue
			}
			if sector == "" {
				sector = orgSector
			}
			om := Mention{Sentence: si, Tokens: [2]int{lo, hi}, Span: nlp.Span{Start: s.Tokens[lo].Span.Start, End: s.Tokens[hi-1].Span.End},
				Via: "organisation", Actor: Actor{Code: country + sector, Country: country, Sector: sector, Type: TypeGroup}}
			om.Text = d.Text[om.Span.Start:om.Span.End]
			om.Actor.Name = om.Text
			if k >= 0 {
				out[k] = om
			} else {
				out = insertMention(out, first, om)
			}
		}
		// Organisations no rule has placed: by the noun that heads their
		// name, a forum or committee of no state is non-governmental, one
		// of a state that state's; companies and media only when their
		// state is named.
		out = append(out[:first], unknownOrgs(d, si, out[first:])...)
		// A capital that only said where an organisation is names no actor.
		out = append(out[:first], slices.DeleteFunc(out[first:], func(m Mention) bool { return m.Via == "seat" })...)
		// Collective references: "the two countries", "both sides".
		for ti := range s.Tokens {
			n := groupRef(s, ti)
			if n == 0 {
				continue
			}
			// "the two governments": the sector word is the group's sector.
			sector := ""
			var kept []Mention
			clash := false
			for _, m := range out[first:] {
				if m.Tokens[0] < ti+n && ti < m.Tokens[1] {
					if m.Actor.Country == "" && m.Actor.Sector != "" && m.Person == "" {
						sector = m.Actor.Sector
						continue
					}
					clash = true
				}
				kept = append(kept, m)
			}
			if clash {
				continue
			}
			if g := lastCountries(out[:first], 2); len(g) == 2 {
				out = append(out[:first], kept...)
				for i := range g {
					if sector != "" {
						g[i].Sector, g[i].Code = sector, g[i].Country+sector
					}
				}
				gm := Mention{Sentence: si, Tokens: [2]int{ti, ti + n}, Span: nlp.Span{Start: s.Tokens[ti].Span.Start, End: s.Tokens[ti+n-1].Span.End},
					Actor: g[0], Group: g, Via: "group"}
				gm.Text = d.Text[gm.Span.Start:gm.Span.End]
				out = insertMention(out, first, gm)
			}
		}
		// Relational nouns: "Russia's neighbours", "its allies", "the
		// rivals of Iran" are not Russia, the owner or Iran.
		out = append(out[:first], relationalMentions(d, si, out[first:])...)
		// "the parties to the conflict" are its sides, no political parties.
		sideParties(s, out[first:])
		shareSectors(s, out[first:])
		for k := first; k < len(out); k++ {
			m := &out[k]
			if m.Actor.Country != "" || !stateSector(firstSector(m.Actor.Sector)) && !domesticSectors(m.Actor.Sector) {
				continue
			}
			if !stateSector(firstSector(m.Actor.Sector)) && m.Via == "kb" && definite(s, m.Tokens[0]) && settingCountry(s, out[first:], m, pl) == "" {
				continue // "the party": only its own sentence's country places it
			}
			switch {
			case m.Via == "kb" && ownPlace(s, out[first:], m, pl) != "":
				// "the government of Sindh province" in a story about
				// another country.
				m.Actor.Country = ownPlace(s, out[first:], m, pl)
				m.Via += "+setting"
			case m.Via == "kb" && definite(s, m.Tokens[0]) && stateSector(firstSector(m.Actor.Sector)) && subjectGroup(s, out[first:k], m) != "":
				// "the Georgian opposition called on the government": a
				// country's own groups deal with their own state.
				m.Actor.Country = subjectGroup(s, out[first:k], m)
				m.Via = "definite"
			case m.Via == "kb" && definite(s, m.Tokens[0]) && lastCountry(out[:first]) >= 0:
				// "the government" in a story about a country.
				m.Actor.Country = out[lastCountry(out[:first])].Actor.Country
				m.Via = "definite"
			case (m.Via == "kb" || m.Via == "described") && !indefinite(s, m.Tokens[0]):
				// "The military government ... declared a state of siege in
				// Haiti", "President Avril ... Haiti's first elections": a
				// state's office with no country of its own is of the
				// country where its sentence is set, else of the article's
				// last country.
				if ownModifier(s, out[first:], m) || pronounOwner(s, m) {
					continue // "the U.N. war crimes court", "its citizens": the coder composes them
				}
				if c := pl.within(m); c != "" && m.Via == "described" {
					m.Actor.Country = c // "Florida Governor Ron DeSantis"
				} else if c := settingCountry(s, out[first:], m, pl); c != "" {
					m.Actor.Country = c
				} else if j := lastCountry(out[:first]); j >= 0 && m.Via == "described" {
					m.Actor.Country = out[j].Actor.Country
				} else {
					continue
				}
				m.Via += "+setting"
			default:
				continue
			}
			m.Actor.Code = m.Actor.Country + m.Actor.Sector
		}
		// Pronouns refer back, to mentions the sentence's setting has
		// placed too ("the Umma party has said it will").
		for ti, tok := range s.Tokens {
			cls, ok := pronouns[strings.ToLower(tok.Text)]
			if !ok || overlaps(out[first:], [2]int{ti, ti + 1}) {
				continue
			}
			j := antecedent(d, out, si, ti, cls, strings.ToLower(tok.Text))
			if tok.Dep == "nmod:poss" || tok.Dep == "nsubj" {
				// A possessive refers to its clause's subject first: "has
				// refused ... and has urged its citizens"; a subject to
				// the speaker's: "rejected the plan and said they opposed".
				if k := clauseSubject(s, out[first:], ti, cls); k >= 0 && !(cls == pronThing && plural(d, out[first+k])) {
					j = first + k
				}
			}
			if ti == 0 && tok.Dep == "nsubj" && si > 0 {
				// A sentence opening with "It"/"They" continues the last
				// sentence's subject.
				if k := subjectOf(d, out, si-1, cls); k >= 0 {
					j = k
				}
			}
			if j >= 0 {
				m := out[j]
				pm := Mention{Sentence: si, Tokens: [2]int{ti, ti + 1}, Span: tok.Span, Text: tok.Text,
					Actor: m.Actor, Person: m.Person, Group: m.Group, Via: "pronoun"}
				if cls == pronPlural && len(m.Group) == 0 {
					// "Gondor and Osgiliath have delayed their meeting":
					// "their" is both.
					pm.Group = conjoined(d, out, j)
				}
				out = insertMention(out, first, pm)
			}
		}
	}
	return out
}

func entitiesBySentence(d *nlp.Doc) map[int][]nlp.Entity {
	m := map[int][]nlp.Entity{}
	for _, e := range d.Entities {
		m[e.Sentence] = append(m[e.Sentence], e)
	}
	return m
}

// currencies are the nouns that make a country name before them money.
var currencies = map[string]bool{
	"dollar": true, "dollars": true, "euro": true, "euros": true, "pound": true, "pounds": true, "yuan": true,
	"yen": true, "rouble": true, "roubles": true, "ruble": true, "rubles": true, "lira": true, "rupee": true,
	"rupees": true, "peso": true, "pesos": true, "franc": true, "francs": true, "manat": true, "dinar": true,
	"dinars": true, "riyal": true, "riyals": true, "shekel": true, "shekels": true, "won": true, "real": true,
}

// currency reports a currency word at token t ("US dollars").
func currency(s *nlp.Sentence, t int) bool {
	return t < len(s.Tokens) && currencies[strings.ToLower(s.Tokens[t].Text)]
}

// givenNames are country names that are also common given names; for
// them the recogniser's PER decides ("Chad was an anomaly").
var givenNames = map[string]bool{"chad": true, "jordan": true, "georgia": true, "india": true, "america": true, "israel": true}

// acronymAsWord reports a match of tokens [t0, t1) built on an acronym
// (an abbreviation written in capitals: ERIC, SHARE; the caller asks it of
// organisations, as dictionaries written in capitals, PETRARCH's, name
// countries so) that the text writes
// as a word ("Eric", "Share") where the tagger reads no proper noun or the
// recogniser a person's name: a given name or a common word that happens
// to spell an organisation's acronym. "Nato", "Unesco" as names stay.
func acronymAsWord(s *nlp.Sentence, ents []nlp.Entity, t0, t1 int, names []Name) bool {
	for _, n := range names {
		if n.Kind != KindAbbr || strings.ToUpper(n.Phrase) != n.Phrase || strings.ContainsAny(n.Phrase, " .") {
			continue
		}
		for i := t0; i < t1 && i < len(s.Tokens); i++ {
			tok := s.Tokens[i]
			if tok.Text == n.Phrase || !strings.EqualFold(tok.Text, n.Phrase) {
				continue
			}
			if tok.POS != "PROPN" || inPerson(ents, i) {
				return true
			}
		}
	}
	return false
}

// seatNouns are the nouns of organisations and their branches that a
// capital's name before them places ("Berlin charity", "the Paris bureau",
// "a Washington think tank"): the orgNouns of no state body, and these.
var seatNouns = map[string]bool{"bureau": true, "office": true, "branch": true, "tank": true, "headquarters": true}

// capitalModifier reports a capital's name, tokens [t0, t1), that
// modifies an organisation's noun rather than naming the government:
// "X-based", or a compound or adjective of a noun whose phrase up to it
// holds an organisation's noun ("Berlin non-profit", "Berlin charity Hope
// for Children", "the Paris bureau").
func capitalModifier(s *nlp.Sentence, t0, t1 int) bool {
	toks := s.Tokens
	if t1+1 < len(toks) && toks[t1].Text == "-" && strings.EqualFold(toks[t1+1].Text, "based") {
		return true
	}
	if t1 < len(toks) && !isUpper(toks[t1].Text) && seatNoun(toks[t1].Lemma) {
		return true // "Berlin non-profit X", however parsed
	}
	h := t1 - 1
	if d := toks[h].Dep; d != "compound" && d != "amod" {
		return false
	}
	hd := toks[h].Head - 1
	if hd < t1 || hd-t1 > 3 {
		return false
	}
	for i := t1; i <= hd; i++ {
		if seatNoun(toks[i].Lemma) {
			return true
		}
	}
	return false
}

// seatNoun reports a lemma of seatNouns or of orgNouns but a state body's.
func seatNoun(lemma string) bool {
	w := strings.ToLower(lemma)
	sec, ok := orgNouns[w]
	return ok && sec != "GOV" || seatNouns[w]
}

// inPerson reports a PER entity covering token t.
func inPerson(ents []nlp.Entity, t int) bool {
	for _, e := range ents {
		if e.Label == "PER" && e.Tokens[0] <= t && t < e.Tokens[1] {
			return true
		}
	}
	return false
}

// personAt reports a PER entity covering exactly token t.
func personAt(ents []nlp.Entity, t int) bool {
	for _, e := range ents {
		if e.Label == "PER" && e.Tokens[0] == t && e.Tokens[1] == t+1 {
			return true
		}
	}
	return false
}

// tokenRange maps a byte range to the tokens it covers.
func tokenRange(s *nlp.Sentence, start, end int) (int, int, bool) {
	t0, t1 := -1, -1
	for i, t := range s.Tokens {
		if t0 < 0 && t.Span.End > start {
			t0 = i
		}
		if t.Span.Start < end {
			t1 = i + 1
		}
	}
	return t0, t1, t0 >= 0 && t1 > t0
}

// inCompound reports whether a name starting at byte start lies inside
// token t after a lower-case prefix and a hyphen: "multi-party",
// "non-government" (not "Franco-German", not "pro-" and "anti-", which
// attitude handles).
func inCompound(s *nlp.Sentence, t, start int) bool {
	tok := s.Tokens[t]
	if start <= tok.Span.Start || start-tok.Span.Start > len(tok.Text) || tok.Text[start-tok.Span.Start-1] != '-' {
		return false
	}
	pre := tok.Text[:start-tok.Span.Start-1]
	return pre != "" && strings.ToLower(pre) == pre
}

func overlaps(ms []Mention, toks [2]int) bool {
	for _, m := range ms {
		if m.Tokens[0] < toks[1] && toks[0] < m.Tokens[1] {
			return true
		}
	}
	return false
}

// attitude reports a name inside a "pro-" or "anti-" word: "pro-Turkish
// feelings" are no Turkish actor.
func attitude(text string, start int) bool {
	pre := strings.ToLower(text[:start])
	for _, p := range []string{"pro-", "anti-", "pro–", "anti–", "non-", "post-", "pre-"} {
		if strings.HasSuffix(pre, p) {
			return true
		}
	}
	return false
}

// describedFrom returns where the description of a name starting at
// token t begins: the run of adjectives, nouns, proper nouns and
// possessives right before it ("Azerbaijani billionaire", "Turkey's
// foreign minister"), at most five tokens.
func describedFrom(s *nlp.Sentence, t int) int {
	w := t
	for w > 0 && t-w < 5 {
		switch s.Tokens[w-1].POS {
		case "ADJ", "NOUN", "PROPN", "PART":
			w--
			continue
		}
		break
	}
	return w
}

// describe reads the description tokens [w0, t) with the knowledge base.
func (r *Resolver) describe(s *nlp.Sentence, w0, t int, date time.Time) Description {
	if w0 >= t {
		return Description{}
	}
	words := make([]string, 0, t-w0)
	for i := w0; i < t; i++ {
		words = append(words, s.Tokens[i].Text)
	}
	return r.KB.Describe(words, date)
}

// dropWithin removes the mentions of the current sentence (from index
// first) that lie inside tokens [a, b): the description a person absorbed.
func dropWithin(ms []Mention, first, a, b int) []Mention {
	out := ms[:first]
	for _, m := range ms[first:] {
		if m.Tokens[0] >= a && m.Tokens[1] <= b {
			continue
		}
		out = append(out, m)
	}
	return out
}

// remember registers a person under the full name and the surname, keeping
// the first person of each.
func remember(persons map[string]Mention, m Mention, name string) {
	key := personKey(name)
	if _, ok := persons[key]; !ok {
		persons[key] = m
	}
	if sn := surname(key); sn != key {
		if _, ok := persons[sn]; !ok {
			persons[sn] = m
		}
	}
	if m.Person != "" && personKey(m.Person) != key {
		remember(persons, m, m.Person)
	}
}

// namedCountry keeps the candidates whose country one of the mentions
// so far names.
func namedCountry(cands []Actor, ms []Mention) []Actor {
	out := cands[:0:0]
	for _, c := range cands {
		for _, m := range ms {
			if m.Actor.Country == c.Country && m.Person == "" {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

func lastWord(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return name
	}
	return f[len(f)-1]
}

// antecedent finds the last mention before (si, ti) compatible with a
// pronoun class.
func antecedent(d *nlp.Doc, ms []Mention, si, ti, cls int, word string) int {
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.Sentence > si || (m.Sentence == si && m.Tokens[0] >= ti) {
			continue
		}
		if (word == "it" || word == "its") && plural(d, m) {
			continue // "it" is no "Chinese officials"
		}
		if si-m.Sentence > 2 {
			return -1
		}
		if suits(m, cls, true) {
			return k
		}
	}
	return -1
}

// suits reports whether m can be what a pronoun of class cls refers to: a
// person for "he", an actor the knowledge base places for "it" and "they"
// (and, when orgs, an organisation it does not know for "it").
func suits(m Mention, cls int, orgs bool) bool {
	switch cls {
	case pronPerson:
		return m.Person != ""
	case pronThing:
		return m.Person == "" && (m.Actor.Country != "" || orgs && m.Via == "organisation")
	case pronPlural:
		return m.Person == "" && m.Actor.Country != ""
	}
	return false
}

// plural reports a mention whose last word is a plural noun.
func plural(d *nlp.Doc, m Mention) bool {
	toks := d.Sentences[m.Sentence].Tokens
	if m.Tokens[1] < 1 || m.Tokens[1] > len(toks) {
		return false
	}
	x := toks[m.Tokens[1]-1].XPOS
	if x == "NNPS" && m.Actor.Country != "" && !groupDemonym(&d.Sentences[m.Sentence], m) {
		return false // "the United States ... it", "the Philippines", "the United Nations"
	}
	return x == "NNS" || x == "NNPS"
}

// groupNouns are what "the two X" and "both X" refer to as a pair of
// states.
var groupNouns = map[string]bool{
	"countries": true, "nations": true, "states": true, "sides": true, "governments": true, "neighbours": true,
	"neighbors": true, "capitals": true, "allies": true, "parties": true,
}

// groupRef returns the length of a collective reference at token t ("the
// two countries", "both sides", "both countries'"), or 0.
func groupRef(s *nlp.Sentence, t int) int {
	w := func(i int) string {
		if i >= len(s.Tokens) {
			return ""
		}
		return strings.ToLower(s.Tokens[i].Text)
	}
	switch {
	case w(t) == "the" && w(t+1) == "two" && groupNouns[w(t+2)]:
		return 3
	case w(t) == "both" && groupNouns[w(t+1)]:
		return 2
	}
	return 0
}

// lastCountries returns the n countries the article has named most so far
// (the pair it is about), the more recent first among equals.
func lastCountries(ms []Mention, n int) []Actor {
	count := map[string]int{}
	last := map[string]int{}
	for k, m := range ms {
		if c := m.Actor.Country; c != "" && m.Via != "group" && m.Actor.Type != TypeIGO && c != NGO {
			count[c]++
			last[c] = k
		}
	}
	var cs []string
	for c := range count {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool {
		if count[cs[i]] != count[cs[j]] {
			return count[cs[i]] > count[cs[j]]
		}
		return last[cs[i]] > last[cs[j]]
	})
	var out []Actor
	for _, c := range cs {
		if len(out) == n {
			break
		}
		out = append(out, Actor{Code: c, Country: c, Name: c, Type: TypeCountry})
	}
	return out
}

func lastCountry(ms []Mention) int {
	for k := len(ms) - 1; k >= 0; k-- {
		if ms[k].Actor.Type == TypeCountry || (ms[k].Actor.Country != "" && ms[k].Actor.Type != TypeIGO && ms[k].Actor.Country != NGO) {
			return k
		}
	}
	return -1
}

// firstSector is the first three-letter code of a sector string (GOVMIL:
// GOV).
func firstSector(sector string) string {
	if len(sector) > 3 {
		return sector[:3]
	}
	return sector
}

// placeNouns name a place a country's name can follow with "of".
var placeNouns = map[string]bool{
	"city": true, "capital": true, "town": true, "village": true, "province": true, "region": true,
	"state": true, "district": true, "port": true, "island": true, "republic": true, "area": true,
}

// caseOf returns the lower-cased case marker of token h, or "".
func caseOf(toks []nlp.Token, h int) string {
	for _, t := range toks {
		if t.Head-1 == h && t.Dep == "case" {
			return strings.ToLower(t.Text)
		}
	}
	return ""
}

// locatedIn reports a phrase headed by h that says where: "in Haiti",
// "across the country".
func locatedIn(toks []nlp.Token, h int) bool {
	switch caseOf(toks, h) {
	case "in", "inside", "across", "throughout":
		return true
	}
	return false
}

// settingCountry returns the one country a sentence is set in: the
// countries it names as a place ("in Haiti", or a town of it: "in
// Mosul") or as the possessor or modifier of a thing that is no actor
// ("Haiti's elections", "the Kenya Anti-Corruption Commission"), "" when
// there is none or more than one. Countries named as participants
// ("against Russia") do not count. A place modifying self itself ("the
// Sindh government") decides at once.
func settingCountry(s *nlp.Sentence, ms []Mention, self *Mention, pl *sentencePlaces) string {
	toks := s.Tokens
	found := ""
	places := pl.get(ms)
	for i := range len(ms) + len(places) {
		var m *Mention
		if i < len(ms) {
			m = &ms[i]
			if m == self || m.Via != "kb" || m.Actor.Type != TypeCountry && !m.Capital || m.Tokens[1]-m.Tokens[0] > 4 {
				continue
			}
		} else {
			m = &places[i-len(ms)]
		}
		h, ok := s.SpanHead(m.Tokens[0], m.Tokens[1])
		if !ok {
			continue
		}
		setting := false
		if m.Via == "place" && self != nil && placeModifies(toks, h, self) {
			return m.Actor.Country // "the Sindh government", "the government of Sindh": that place's
		}
		switch dep := toks[h].Dep; {
		case dep == "nmod:poss" || dep == "compound":
			// "Haiti's elections", "the Kenya Anti-Corruption Commission";
			// not "Polish officers" (a compound of common nouns).
			hd := toks[h].Head - 1
			setting = hd >= 0 && !mentionAt(ms, hd) && toks[hd].POS != "PRON" &&
				(dep == "nmod:poss" || hd > 0 && isUpper(toks[hd].Text))
		case strings.HasPrefix(dep, "obl") || strings.HasPrefix(dep, "nmod"):
			setting = locatedIn(toks, h)
			if !setting && caseOf(toks, h) == "of" {
				// "in the capital city of Algiers", "in the province of Sindh".
				if p := toks[h].Head - 1; p >= 0 && placeNouns[strings.ToLower(toks[p].Lemma)] {
					setting = locatedIn(toks, p)
				}
			}
		}
		if !setting {
			continue
		}
		if found != "" && found != m.Actor.Country {
			return ""
		}
		found = m.Actor.Country
	}
	return found
}

// subjectGroup returns the country of a domestic group (a party, the
// opposition, rebels, students, unions...) among ms that is the subject
// of the verb self depends on: "the Georgian opposition called on the
// government", "student groups had given the government until Thursday".
// It returns "" when there is none.
func subjectGroup(s *nlp.Sentence, ms []Mention, self *Mention) string {
	h, ok := s.SpanHead(self.Tokens[0], self.Tokens[1])
	if !ok {
		return ""
	}
	verb := s.Tokens[h].Head - 1
	if verb < 0 {
		return ""
	}
	for _, m := range ms {
		if m.Actor.Country == "" || m.Person != "" || !m.Actor.DomesticGroup() {
			continue
		}
		g, ok := s.SpanHead(m.Tokens[0], m.Tokens[1])
		for n := 0; ok && n < 2 && (s.Tokens[g].Dep == "compound" || s.Tokens[g].Dep == "amod") && s.Tokens[g].Head > 0; n++ {
			g = s.Tokens[g].Head - 1 // "Hong Kong student [groups]", "Chilean student [groups]"
		}
		if ok && s.Tokens[g].Head-1 == verb && nlp.BaseRel(s.Tokens[g].Dep) == "nsubj" {
			return m.Actor.Country
		}
	}
	return ""
}

// ownPlace returns the country of a town or region that modifies self,
// "" if none: see placeModifies.
func ownPlace(s *nlp.Sentence, ms []Mention, self *Mention, pl *sentencePlaces) string {
	for _, m := range pl.get(ms) {
		if h, ok := s.SpanHead(m.Tokens[0], m.Tokens[1]); ok && placeModifies(s.Tokens, h, self) {
			return m.Actor.Country
		}
	}
	return ""
}

// placeModifies reports a place headed by token h that modifies self or
// is what self is "of": "the Sindh government", "Texas police", "the
// government of Sindh", "the government of Sindh province", "the police
// of the state of Kerala".
func placeModifies(toks []nlp.Token, h int, self *Mention) bool {
	in := func(t int) bool { return t >= self.Tokens[0] && t < self.Tokens[1] }
	ofNmod := func(t int) bool { return toks[t].Dep == "nmod" && caseOf(toks, t) == "of" }
	hd := toks[h].Head - 1
	if hd < 0 {
		return false
	}
	switch {
	case in(hd) && (toks[h].Dep == "compound" || toks[h].Dep == "amod" || toks[h].Dep == "nmod:poss"):
		return true
	case !stateSector(firstSector(self.Actor.Sector)) || former(toks, self):
		// The "of" form places a state's body only, and only one in
		// office: "the former governor of Texas" is no government.
		return false
	case in(hd) && ofNmod(h):
		return true
	}
	if !placeNouns[strings.ToLower(toks[hd].Lemma)] || toks[h].Dep != "compound" && !ofNmod(h) {
		return false
	}
	p := toks[hd].Head - 1
	return p >= 0 && in(p) && ofNmod(hd)
}

// former reports "former" or "ex-" before or inside mention m: "the
// former governor", "ex-president".
func former(toks []nlp.Token, m *Mention) bool {
	for i := max(m.Tokens[0]-2, 0); i < m.Tokens[1] && i < len(toks); i++ {
		if w := strings.ToLower(toks[i].Text); w == "former" || strings.HasPrefix(w, "ex-") || w == "ex" {
			return true
		}
	}
	return false
}

// ownModifier reports a mention whose own noun phrase holds another
// mention ("U.N." in "the U.N. war crimes court", "Croatia" in
// "authorities in Croatia").
func ownModifier(s *nlp.Sentence, ms []Mention, self *Mention) bool {
	for i, t := range s.Tokens {
		if i >= self.Tokens[0] && i < self.Tokens[1] {
			continue
		}
		if hd := t.Head - 1; hd >= self.Tokens[0] && hd < self.Tokens[1] && t.Dep != "conj" && placedAt(ms, i) {
			return true
		}
	}
	return false
}

// pronounOwner reports a mention with a possessive pronoun of its own
// ("its citizens"), whose country the pronoun gives.
func pronounOwner(s *nlp.Sentence, m *Mention) bool {
	for i, t := range s.Tokens {
		if t.Dep == "nmod:poss" && t.Head-1 >= m.Tokens[0] && t.Head-1 < m.Tokens[1] && pronouns[strings.ToLower(s.Tokens[i].Text)] != 0 {
			return true
		}
	}
	return false
}

// placedAt reports whether token t lies in one of ms that has a country:
// an organisation the knowledge base does not know ("the Umma party") or
// a person it cannot place ("supporters of Ahmed Ben Bella") leaves its
// head to the sentence's setting.
func placedAt(ms []Mention, t int) bool {
	for _, m := range ms {
		if m.Tokens[0] <= t && t < m.Tokens[1] && m.Actor.Country != "" {
			return true
		}
	}
	return false
}

// isUpper reports a word that starts with a capital letter.
func isUpper(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// mentionAt reports whether token t lies in one of ms.
func mentionAt(ms []Mention, t int) bool {
	for _, m := range ms {
		if m.Tokens[0] <= t && t < m.Tokens[1] {
			return true
		}
	}
	return false
}

// orgNouns head appositions that make the name before them an
// organisation, with the sector the noun implies ("" : from the words
// around it).
var orgNouns = map[string]string{
	"directorate": "", "agency": "", "organisation": "", "organization": "", "body": "", "board": "",
	"council": "", "foundation": "", "institute": "", "institution": "", "authority": "GOV", "ministry": "GOV",
	"department": "GOV", "office": "GOV", "commission": "", "committee": "", "company": "BUS", "firm": "BUS",
	"corporation": "BUS", "group": "", "conglomerate": "BUS", "bank": "BUS", "broadcaster": "MED",
	"newspaper": "MED", "party": "PTY", "movement": "", "association": "", "union": "LAB", "charity": "NGO", "non-profit": "NGO", "nonprofit": "NGO",
	"federation": "", "confederation": "", "league": "", "congress": "", "alliance": "", "coalition": "",
	"front": "", "society": "", "academy": "EDU", "university": "EDU",
}

// apposition returns the head of an apposition of token t, or -1.
func apposition(s *nlp.Sentence, t int) int {
	for i, x := range s.Tokens {
		if x.Head-1 == t && x.Dep == "appos" {
			return i
		}
	}
	return -1
}

// nameSpan returns the tokens [lo, hi) of the name headed by t: t and the
// flat and compound parts next to it.
func nameSpan(s *nlp.Sentence, t int) (int, int) {
	lo, hi := t, t+1
	for lo > 0 && s.Tokens[lo-1].Head-1 == t && (s.Tokens[lo-1].Dep == "compound" || s.Tokens[lo-1].Dep == "flat") {
		lo--
	}
	for hi < len(s.Tokens) && s.Tokens[hi].Head-1 == t && s.Tokens[hi].Dep == "flat" {
		hi++
	}
	return lo, hi
}

// apposCountry returns the country an apposition at ap names and the
// sector its words give ("the directorate that manages religious issues
// in Turkey": TUR, REL).
func apposCountry(s *nlp.Sentence, ms []Mention, ap int) (country, sector string) {
	for _, m := range ms {
		if m.Tokens[0] != ap && !nlp.Dominates(s.Tokens, ap, m.Tokens[0]) {
			continue
		}
		if h := s.Tokens[m.Tokens[0]].Head - 1; s.Tokens[m.Tokens[0]].Dep == "compound" && h >= 0 && h != ap && isUpper(s.Tokens[h].Text) {
			continue // "an Iraq War veteran": part of a name, not whose they are
		}
		switch {
		case country == "" && m.Via == "kb" && m.Actor.Country != "" && m.Person == "":
			country = m.Actor.Country
		case sector == "" && m.Actor.Country == "" && m.Actor.Sector != "" && ownWord(s, m, ap):
			sector = firstSector(m.Actor.Sector)
		}
	}
	return country, sector
}

// ownWord reports a mention inside the apposition headed by ap as a noun
// phrase holds it: its modifiers, prepositional phrases or relative
// clauses ("the directorate that manages religious issues"), not a noun
// hung on it as a verb's argument or with no preposition, which only a
// misparse does ("the Relief Coordinator, demanded parties to ...").
func ownWord(s *nlp.Sentence, m Mention, ap int) bool {
	t := m.Tokens[0]
	if h, ok := s.SpanHead(m.Tokens[0], m.Tokens[1]); ok {
		t = h
	}
	for n := 0; t >= 0 && n < len(s.Tokens); n++ {
		if t == ap {
			return true
		}
		if s.Tokens[t].Head-1 == ap {
			switch dep := s.Tokens[t].Dep; nlp.BaseRel(dep) {
			case "amod", "compound", "flat", "acl", "det", "conj": // "a veteran, activist"
			case "nmod":
				if dep != "nmod:poss" && caseOf(s.Tokens, t) == "" {
					return false // "... Coordinator, demanded parties": no preposition, no modifier
				}
			default:
				return false
			}
		}
		t = s.Tokens[t].Head - 1
	}
	return false
}

// clauseSubject returns the index in ms of the subject of the clause that
// token t is part of, shared through conjoined and controlled verbs, when
// it comes before t and suits pronoun class cls; else -1.
func clauseSubject(s *nlp.Sentence, ms []Mention, t, cls int) int {
	v := s.Tokens[t].Head - 1
	for n := 0; v >= 0 && n < 6 && s.Tokens[v].POS != "VERB" && s.Tokens[v].POS != "AUX"; n++ {
		v = s.Tokens[v].Head - 1
	}
	for n := 0; v >= 0 && n < 3; n++ {
		for i, x := range s.Tokens {
			if x.Head-1 != v || (x.Dep != "nsubj" && x.Dep != "nsubj:pass") || i >= t {
				continue
			}
			for k, m := range ms {
				if m.Tokens[0] > i || i >= m.Tokens[1] {
					continue
				}
				if suits(m, cls, true) {
					return k
				}
			}
			return -1
		}
		if d := s.Tokens[v].Dep; d != "conj" && d != "xcomp" && (d != "ccomp" || s.Tokens[t].Dep != "nsubj") {
			// A subject pronoun in reported speech is the speaker: "the
			// rebels ... said they opposed".
			return -1
		}
		v = s.Tokens[v].Head - 1
	}
	return -1
}

// subjectOf returns the mention that is the subject of sentence si's main
// clause, when it fits the pronoun class, or -1.
func subjectOf(d *nlp.Doc, ms []Mention, si, cls int) int {
	s := &d.Sentences[si]
	root := -1
	for i, t := range s.Tokens {
		if t.Head == 0 {
			root = i
			break
		}
	}
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.Sentence != si {
			continue
		}
		for i := m.Tokens[0]; i < m.Tokens[1] && i < len(s.Tokens); i++ {
			t := s.Tokens[i]
			if t.Head-1 == root && (t.Dep == "nsubj" || t.Dep == "nsubj:pass") {
				if suits(m, cls, false) {
					return k
				}
				return -1
			}
		}
	}
	return -1
}

// domesticSector reports the sectors of groups that act within one state:
// parties, the opposition, rebels and insurgents, unions. "The
// fundamentalist party ... will boycott Algeria's elections" is Algerian.
func domesticSector(sector string) bool {
	switch sector {
	case "PTY", "OPP", "REB", "INS", "LAB", "CVL", "EDU", "RAD", "UAF":
		return true
	}
	return false
}

// DomesticGroup reports an actor of a sector that acts within one state
// (a party, rebels, unions, civilians, unidentified gunmen, radical or
// armed believers), whose country the context may give when its name does
// not.
func (a Actor) DomesticGroup() bool { return domesticSectors(a.Sector) }

// domesticSectors reports a sector string of a group that acts within one
// state: its first sector is such a group's, or it names a religion and
// then radicals or armed men ("Islamic fundamentalists" MUSRAD, "Hindu
// militants" HINUAF). Like rebels and radicals, such believers fight or
// protest within a state; believers alone (MUS, "Muslims") are of none.
func domesticSectors(sector string) bool {
	if domesticSector(firstSector(sector)) {
		return true
	}
	if !religionSector(firstSector(sector)) {
		return false
	}
	for i := 3; i+3 <= len(sector); i += 3 {
		switch sector[i : i+3] {
		case "RAD", "UAF", "REB", "INS":
			return true
		}
	}
	return false
}

// religionSector reports CAMEO's religion codes (and REL, religion).
func religionSector(sector string) bool {
	switch sector {
	case "REL", "MUS", "SHI", "SUN", "CHR", "CTH", "ORT", "PRO", "JEW", "HIN", "BUD", "SIK", "JAN":
		return true
	}
	return false
}

// StateBody reports an actor that is one of a state's bodies: its
// government, army, police, courts, legislature or intelligence service.
func (a Actor) StateBody() bool { return stateSector(firstSector(a.Sector)) }

// Institution reports an actor that is a state's civil institution: its
// government, police, courts or legislature (not its army, which also
// acts abroad).
func (a Actor) Institution() bool {
	switch firstSector(a.Sector) {
	case "GOV", "COP", "JUD", "LEG":
		return a.Country != ""
	}
	return false
}

// stateSector reports the sectors of a state's institutions, which "the
// government", "the army", "the ministry" refer to in a country's story.
// Other sectors ("the Muslim reformist movement") name no particular
// country's body.
func stateSector(sector string) bool {
	switch sector {
	case "GOV", "MIL", "COP", "LEG", "JUD", "SPY":
		return true
	}
	return false
}

// indefinite reports "a" or "an" at or just before token t (one adjective
// may stand between): "a senior official" names no particular state's
// office.
func indefinite(s *nlp.Sentence, t int) bool {
	for i := t; i >= 0 && i >= t-2; i-- {
		switch strings.ToLower(s.Tokens[i].Text) {
		case "a", "an":
			return true
		}
	}
	return false
}

// definite reports "the" (or "this") right before token t.
func definite(s *nlp.Sentence, t int) bool {
	if t == 0 {
		return false
	}
	switch strings.ToLower(s.Tokens[t-1].Text) {
	case "the", "this", "that":
		return true
	}
	return false
}

func insertMention(ms []Mention, first int, m Mention) []Mention {
	i := len(ms)
	for i > first && (ms[i-1].Tokens[0] > m.Tokens[0]) {
		i--
	}
	ms = append(ms, Mention{})
	copy(ms[i+1:], ms[i:])
	ms[i] = m
	return ms
}

func personKey(name string) string { return Fold(name) }

func surname(key string) string {
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		return key[i+1:]
	}
	return key
}

// nationalOrg resolves an organisation the recogniser found whose name
// the knowledge base knows only in parts, a country and perhaps a sector
// word inside a longer name headed by an organisation noun: "the Nigerian
// Union of Teachers" is Nigeria's labour union (NGALAB), "the Iraqi
// National Congress" Iraq's. Names the knowledge base covers whole
// ("the Turkish Foreign Ministry") keep its reading.
func nationalOrg(s *nlp.Sentence, ms []Mention, e nlp.Entity) (Mention, bool) {
	country, sector, covered := "", "", 0
	for _, m := range ms {
		if m.Tokens[1] <= e.Tokens[0] || m.Tokens[0] >= e.Tokens[1] {
			continue
		}
		if m.Tokens[0] < e.Tokens[0] || m.Tokens[1] > e.Tokens[1] || m.Person != "" {
			return Mention{}, false // the name runs past the entity, or names a person
		}
		covered += m.Tokens[1] - m.Tokens[0]
		switch {
		case m.Actor.Type == TypeCountry && country == "":
			country = m.Actor.Country
		case m.Actor.Country == "" && m.Actor.Sector != "" && sector == "":
			sector = firstSector(m.Actor.Sector)
		default:
			return Mention{}, false // another country or a known organisation
		}
	}
	if country == "" || covered >= e.Tokens[1]-e.Tokens[0] {
		return Mention{}, false
	}
	h, ok := s.SpanHead(e.Tokens[0], e.Tokens[1])
	if !ok {
		return Mention{}, false
	}
	orgSector, isOrg := orgNouns[strings.ToLower(s.Tokens[h].Text)]
	if !isOrg {
		orgSector, isOrg = orgNouns[strings.ToLower(s.Tokens[h].Lemma)]
	}
	if !isOrg {
		// "Turkish Airlines", "the Nigerian Daily Times": a company's or
		// a newspaper's name.
		if class, sec, _ := classify(s, e.Tokens[0], e.Tokens[1]); class == orgCompany || class == orgMedia {
			orgSector, isOrg = sec, true
		}
	}
	if !isOrg {
		return Mention{}, false
	}
	if orgSector != "" {
		sector = orgSector
	}
	return Mention{Tokens: e.Tokens, Span: e.Span, Via: "organisation",
		Actor: Actor{Code: country + sector, Country: country, Sector: sector, Type: TypeGroup}}, true
}

// acronymOf returns the index in ms of the mention an acronym in
// parentheses at toks follows ("Union of Teachers (NUT)"), or -1.
func acronymOf(s *nlp.Sentence, ms []Mention, toks [2]int) int {
	a, b := toks[0], toks[1]
	if a < 2 || b >= len(s.Tokens) || b-a != 1 || s.Tokens[a-1].Text != "(" || s.Tokens[b].Text != ")" {
		return -1
	}
	if w := s.Tokens[a].Text; strings.ToUpper(w) != w {
		return -1
	}
	for k, m := range ms {
		if m.Tokens[1] == a-1 && m.Actor.Country != "" {
			return k
		}
	}
	return -1
}

// ethnicGroups places the members of an ethnic group by the state they
// live in, as CAMEO codes them: "Bosnian Serbs" are Bosnia's (the second
// demonym is dropped into the first), "Albanians of southern Serbia" and
// "ethnic Albanians" in a sentence set in Serbia are Serbia's. A plural
// demonym alone ("Albanians protested") keeps its own country.
func ethnicGroups(s *nlp.Sentence, ms []Mention, pl *sentencePlaces) []Mention {
	out := ms[:0]
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if n := len(out); n > 0 && ethnicModifier(s, out[n-1], m) {
			// "Bosnian Serb leaders", "Iraqi Turkmen fighters": the first
			// country is where they live, the second word their people.
			p := &out[n-1]
			p.Tokens[1], p.Span.End = m.Tokens[1], m.Span.End
			p.Text = p.Text + " " + m.Text
			if m.Actor.Sector != "" {
				p.Actor.Sector, p.Actor.Code, p.Actor.Type = m.Actor.Sector, p.Actor.Country+m.Actor.Sector, TypeComposite
			}
			continue
		}
		if !groupDemonym(s, m) {
			out = append(out, m)
			continue
		}
		if n := len(out); n > 0 && out[n-1].Tokens[1] == m.Tokens[0] && out[n-1].Actor.Type == TypeCountry &&
			out[n-1].Via == "kb" && out[n-1].Actor.Country != m.Actor.Country {
			// "Bosnian Serbs", "Iraqi Turkmens".
			out[n-1].Tokens[1], out[n-1].Span.End = m.Tokens[1], m.Span.End
			out[n-1].Text = out[n-1].Text + " " + m.Text
			continue
		}
		h := m.Tokens[1] - 1
		if c := homeOf(s, ms, h); c != "" && c != m.Actor.Country {
			m.Actor = Actor{Code: c, Country: c, Type: TypeCountry, Name: m.Actor.Name}
			m.Via = "kb+home"
		} else if h > 0 && strings.EqualFold(s.Tokens[h-1].Text, "ethnic") {
			if c := settingCountry(s, ms, &ms[i], pl); c != "" && c != m.Actor.Country {
				m.Actor = Actor{Code: c, Country: c, Type: TypeCountry, Name: m.Actor.Name}
				m.Via = "kb+setting"
			}
		}
		out = append(out, m)
	}
	return out
}

// namedGroupSector joins a country's adjective, one capitalised word
// naming a group, and a sector word into one mention of that country and
// sector: "Turkish Kurd refugees" are TURREF, "Iraqi Shia clerics" IRQ
// clerics. The adjective says whose they are, wherever they live ("who
// have lived in Iraq"), as it does with no word between ("Turkish
// refugees"). The word must be no part of a name the recogniser found.
func namedGroupSector(s *nlp.Sentence, ms []Mention, ents []nlp.Entity) []Mention {
	out := ms[:0]
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if i+1 < len(ms) && m.Actor.Type == TypeCountry && m.Via == "kb" && m.Tokens[1]-m.Tokens[0] == 1 {
			n, w := ms[i+1], m.Tokens[1]
			tw := s.Tokens[w]
			if n.Tokens[0] == w+1 && n.Via == "kb" && n.Actor.Country == "" && n.Actor.Sector != "" && n.Person == "" &&
				s.Tokens[m.Tokens[0]].POS == "ADJ" && (tw.POS == "PROPN" || tw.POS == "ADJ") && isUpper(tw.Text) && !entityAt(ents, w) {
				m.Tokens[1], m.Span.End = n.Tokens[1], n.Span.End
				m.Text = m.Text + " " + tw.Text + " " + n.Text
				m.Actor.Sector = n.Actor.Sector
				m.Actor.Code = m.Actor.Country + n.Actor.Sector
				m.Actor.Type = TypeComposite
				out = append(out, m)
				i++
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// entityAt reports a PER or ORG entity covering token t.
func entityAt(ents []nlp.Entity, t int) bool {
	for _, e := range ents {
		if (e.Label == "PER" || e.Label == "ORG") && e.Tokens[0] <= t && t < e.Tokens[1] {
			return true
		}
	}
	return false
}

// settlerNations are the countries whose demonym comes last in a compound
// of origin: a "Mexican American" lives in the United States, a "Chinese
// Canadian" in Canada; there the first word is the people, not the state.
var settlerNations = map[string]bool{"USA": true, "CAN": true, "AUS": true, "NZL": true, "GBR": true}

// ethnicModifier reports a people's word right after a country's
// adjective or name, as one phrase: "Serb" in "Bosnian Serb leaders",
// "Turkmen fighters" in "Iraqi Turkmen fighters"; not another country by
// name ("the Turkey Syria border"), a capital, or a pair joined by a
// hyphen or a conjunction ("Turkish-Libyan", "Hungarian and Romanian").
func ethnicModifier(s *nlp.Sentence, prev, m Mention) bool {
	if prev.Via != "kb" || prev.Actor.Type != TypeCountry || prev.Tokens[1] != m.Tokens[0] || prev.Tokens[1]-prev.Tokens[0] != 1 ||
		m.Via != "kb" || m.Capital || prev.Actor.Country == m.Actor.Country {
		return false
	}
	if m.Actor.Type != TypeCountry && !(m.Actor.Type == TypeComposite && m.Actor.Sector != "") || settlerNations[m.Actor.Country] {
		return false
	}
	w := s.Tokens[m.Tokens[0]]
	if strings.EqualFold(w.Text, m.Actor.Name) || w.Span.Start == s.Tokens[prev.Tokens[0]].Span.End {
		return false
	}
	return true
}

// groupDemonym reports a country mention that is a plural noun naming a
// people: "Serbs", "Albanians", not "Serbia" or "Serbian".
func groupDemonym(s *nlp.Sentence, m Mention) bool {
	if m.Actor.Type != TypeCountry || m.Via != "kb" || m.Tokens[1]-m.Tokens[0] != 1 {
		return false
	}
	x := s.Tokens[m.Tokens[0]].XPOS
	return (x == "NNPS" || x == "NNS") && !strings.EqualFold(m.Text, m.Actor.Name)
}

// homeOf returns the country named as where the people at token h live:
// "Albanians of southern Serbia", "Serbs in Croatia".
func homeOf(s *nlp.Sentence, ms []Mention, h int) string {
	for _, m := range ms {
		if m.Actor.Type != TypeCountry || m.Via != "kb" {
			continue
		}
		ch, ok := s.SpanHead(m.Tokens[0], m.Tokens[1])
		if !ok || s.Tokens[ch].Head-1 != h || !strings.HasPrefix(s.Tokens[ch].Dep, "nmod") {
			continue
		}
		for _, t := range s.Tokens {
			if t.Head-1 == ch && t.Dep == "case" && (strings.EqualFold(t.Text, "of") || strings.EqualFold(t.Text, "in")) {
				return m.Actor.Country
			}
		}
	}
	return ""
}

// conjoined returns the actors of the mention at ms[j] and of the mentions
// coordinated with it ("Azerbaijan and Turkey"), or nil when it stands
// alone.
func conjoined(d *nlp.Doc, ms []Mention, j int) []Actor {
	s := &d.Sentences[ms[j].Sentence]
	head := func(m Mention) int {
		h, ok := s.SpanHead(m.Tokens[0], m.Tokens[1])
		if !ok {
			return -1
		}
		return h
	}
	hj := head(ms[j])
	if hj < 0 {
		return nil
	}
	// The first conjunct heads the others.
	root := hj
	if s.Tokens[hj].Dep == "conj" {
		root = s.Tokens[hj].Head - 1
	}
	var out []Actor
	for _, m := range ms {
		if m.Sentence != ms[j].Sentence || m.Actor.Country == "" || m.Person != "" {
			continue
		}
		h := head(m)
		if h < 0 || !(h == root || s.Tokens[h].Dep == "conj" && s.Tokens[h].Head-1 == root) {
			continue
		}
		if !slices.ContainsFunc(out, func(a Actor) bool { return a.Code == m.Actor.Code }) {
			out = append(out, m.Actor)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

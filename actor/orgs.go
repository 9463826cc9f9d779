package actor

import (
	"strings"

	"github.com/dyad-events/dyad/nlp"
)

// NGO is the code of a non-governmental organisation no state is named
// for, CAMEO's transnational NGO: its Code, Country and Sector ("the
// Ceasefire Violations Committee", "the Third World Water Forum"). A
// state's NGOs are that state's (KENNGO).
const NGO = "NGO"

// orgClass is what the noun heading an organisation's name says it is.
type orgClass int

const (
	orgOther   orgClass = iota // parties, fronts, movements, armed groups...: their country or nothing
	orgCivil                   // forums, committees, foundations: a state's, else non-governmental
	orgCompany                 // companies: a state's business
	orgMedia                   // newspapers, broadcasters, news agencies: a state's media
)

// civilHeads head the names of councils, committees, associations and
// other bodies that, named with no state, are non-governmental
// organisations; the sector a state's one takes ("" : the state's alone).
var civilHeads = map[string]string{
	"forum": NGO, "committee": "", "council": "", "commission": "", "association": NGO, "foundation": NGO,
	"federation": "", "confederation": "", "institute": NGO, "institution": "", "watch": NGO, "coalition": "",
	"network": NGO, "society": NGO, "centre": NGO, "center": NGO, "campaign": NGO,
	"initiative": NGO, "organisation": "", "organization": "", "international": NGO, "charity": NGO,
}

// stateMade are the civil heads of bodies that states set up more often
// than not (a truth commission, an electoral commission): a state's when
// their own words name it, never non-governmental by default.
var stateMade = map[string]bool{"commission": true}

// companyHeads end or head the names of companies.
var companyHeads = map[string]bool{
	"inc": true, "corp": true, "corporation": true, "co": true, "company": true, "ltd": true, "plc": true,
	"llc": true, "gmbh": true, "bank": true, "airlines": true, "airways": true, "holdings": true,
	"motors": true, "industries": true, "enterprises": true, "petroleum": true, "telecom": true,
	"conglomerate": true,
}

// mediaHeads end or head the names of newspapers, broadcasters and news
// agencies.
var mediaHeads = map[string]bool{
	"news": true, "times": true, "post": true, "herald": true, "press": true, "television": true, "tv": true,
	"radio": true, "journal": true, "gazette": true, "tribune": true, "daily": true, "broadcasting": true,
	"newspaper": true, "telegraph": true, "chronicle": true, "observer": true,
}

// stateWords in a name mark a state's own body ("the National Election
// Commission", "the Revolutionary Command Council", "the Central
// Committee"): never a non-governmental one, whatever its head noun.
var stateWords = map[string]bool{
	"national": true, "federal": true, "state": true, "supreme": true, "revolutionary": true,
	"provisional": true, "transitional": true, "interim": true, "central": true, "presidential": true,
	"royal": true, "governing": true, "ruling": true, "executive": true, "electoral": true, "election": true,
	"elections": true, "constitutional": true, "parliamentary": true, "legislative": true, "security": true,
	"military": true, "defence": true, "defense": true, "public": true, "municipal": true, "city": true,
	"provincial": true, "regional": true, "county": true, "ministerial": true, "cabinet": true,
	"people's": true, "peoples": true, "patriotic": true, "islamic": true, "liberation": true,
	"democratic": true, "republican": true, "socialist": true, "communist": true,
}

// classify returns the class of an organisation's name, tokens [a, b) of
// s, with the sector a state's one takes, and whether the name marks a
// state's body.
func classify(s *nlp.Sentence, a, b int) (class orgClass, sector string, state bool) {
	toks := s.Tokens
	for i := a; i < b; i++ {
		if stateWords[strings.ToLower(toks[i].Text)] {
			state = true
		}
	}
	last := strings.ToLower(strings.TrimSuffix(toks[b-1].Text, "."))
	if companyHeads[last] {
		return orgCompany, "BUS", state
	}
	if mediaHeads[last] {
		return orgMedia, "MED", state
	}
	h, ok := s.SpanHead(a, b)
	if _, civil := civilHeads[last]; !ok || civil {
		h = b - 1 // English names end in their head: "the Global Fisheries Forum", however parsed
	}
	head := strings.ToLower(toks[h].Text)
	switch {
	case companyHeads[head]:
		return orgCompany, "BUS", state
	case mediaHeads[head] || head == "agency" && h > a && mediaHeads[strings.ToLower(toks[h-1].Text)]:
		return orgMedia, "MED", state // "Kyodo News Agency"
	}
	for i := a; i < b; i++ {
		if mediaHeads[strings.ToLower(toks[i].Text)] && head == "network" {
			return orgMedia, "MED", state // "the Cable News Network"
		}
	}
	if (head == "center" || head == "centre") && !(h+1 < b && strings.EqualFold(toks[h+1].Text, "for")) {
		return orgOther, "", state // "the Carter Center for ..." is one, "the World Trade Center" a building
	}
	if sec, ok := civilHeads[head]; ok {
		return orgCivil, sec, state || stateMade[head]
	}
	return orgOther, "", state
}

// unknownOrgs resolves the organisations the recogniser found and no rule
// placed (ms holds one sentence's mentions, in text order; so does the
// result). A civil body, company or newspaper whose own words or
// modifiers name a state ("the Kenyan Human Rights Network", "a committee
// in Liberia") is that state's, with the sector its head noun implies
// (KENNGO, LBR); a civil body with no state, named as such ("the Third
// World Water Forum", "Amnesty International"), is non-governmental,
// [NGO]. A name that marks a state's own body ("the National Election
// Commission") is never an NGO, and companies and media of no named state,
// parties, fronts and movements stay unplaced here. An acronym in
// parentheses after a name follows it.
func unknownOrgs(d *nlp.Doc, si int, ms []Mention) []Mention {
	s := &d.Sentences[si]
	for k := range ms {
		m := &ms[k]
		if m.Via != "organisation" || m.Actor.Country != "" || m.Tokens[1]-m.Tokens[0] < 1 {
			continue
		}
		if acronymAt(s, m.Tokens) || m.Tokens[1]-m.Tokens[0] < 2 {
			continue // an acronym or a bare noun ("the Commission") says too little
		}
		if owned(s, m) {
			continue // "CU Boulder's Cooperative Institute": part of its owner
		}
		class, sector, state := classify(s, m.Tokens[0], m.Tokens[1])
		if class == orgOther {
			continue
		}
		country := ownCountry(s, ms, m)
		switch {
		case country != "":
			m.Actor.Country, m.Actor.Sector = country, sector
			m.Actor.Code = country + sector
		case class == orgCivil && !state:
			m.Actor.Code, m.Actor.Country, m.Actor.Sector = NGO, NGO, NGO
		default:
			continue
		}
		// "the Ceasefire Violations Committee (CFVC)".
		if j := k + 1; j < len(ms) && ms[j].Via == "organisation" && ms[j].Actor.Country == "" &&
			ms[j].Tokens[0] == m.Tokens[1]+1 && acronymAt(s, ms[j].Tokens) {
			ms[j].Actor, ms[j].Via = m.Actor, "acronym"
			ms[j].Actor.Name = ms[j].Text
		}
	}
	return ms
}

// owned reports an organisation with a possessor ("the university's
// Institute for ..."): a part of something else.
func owned(s *nlp.Sentence, m *Mention) bool {
	a := m.Tokens[0]
	if a > 0 && s.Tokens[a-1].XPOS == "POS" {
		return true
	}
	for i := a; i < m.Tokens[1]; i++ {
		for _, c := range children(s, i) {
			if (c < a || c >= m.Tokens[1]) && s.Tokens[c].Dep == "nmod:poss" {
				return true
			}
		}
	}
	return false
}

// acronymAt reports one upper-case token in parentheses: "(CFVC)".
func acronymAt(s *nlp.Sentence, toks [2]int) bool {
	a, b := toks[0], toks[1]
	if b-a != 1 || a < 1 || b >= len(s.Tokens) || s.Tokens[a-1].Text != "(" || s.Tokens[b].Text != ")" {
		return false
	}
	w := s.Tokens[a].Text
	return strings.ToUpper(w) == w
}

// ownCountry returns the state an organisation's own words name: a
// country word right before it or modifying its head ("the Kenyan Human
// Rights Network"), or an "in" or "of" phrase on its head ("a committee
// in Liberia", "the Peace Council of Liberia"); "" if none. The
// sentence's other countries are not its: "Amnesty International said
// police in Egypt ..." is no Egyptian body.
func ownCountry(s *nlp.Sentence, ms []Mention, m *Mention) string {
	toks := s.Tokens
	h, ok := s.SpanHead(m.Tokens[0], m.Tokens[1])
	if !ok {
		h = m.Tokens[1] - 1
	}
	for _, o := range ms {
		if o.Actor.Type != TypeCountry || o.Via != "kb" && o.Via != "seat" {
			continue
		}
		oh, ok := s.SpanHead(o.Tokens[0], o.Tokens[1])
		if !ok {
			continue
		}
		if o.Tokens[1] == m.Tokens[0] && (toks[oh].POS == "ADJ" || toks[oh].Head-1 >= m.Tokens[0] && toks[oh].Head-1 < m.Tokens[1]) {
			return o.Actor.Country // "the Kenyan Human Rights Network"
		}
		if toks[oh].Head-1 != h {
			continue
		}
		switch toks[oh].Dep {
		case "amod", "compound", "nmod:poss":
			return o.Actor.Country
		case "nmod":
			if c := caseOf(toks, oh); c == "in" || c == "of" {
				return o.Actor.Country
			}
		}
	}
	return ""
}

// expansionOf returns the index in ms of a known organisation whose
// acronym follows the name at toks in parentheses, "the International
// Labor Office (ILO)", when the acronym fits the name's initials; else -1.
func expansionOf(s *nlp.Sentence, ms []Mention, toks [2]int) int {
	b := toks[1]
	if b+2 >= len(s.Tokens) || s.Tokens[b].Text != "(" || s.Tokens[b+2].Text != ")" {
		return -1
	}
	for k, m := range ms {
		if m.Tokens[0] != b+1 || m.Tokens[1] != b+2 || m.Actor.Country == "" || m.Person != "" || m.Actor.Type == TypeCountry {
			continue
		}
		var initials []byte
		for i := toks[0]; i < toks[1]; i++ {
			for _, part := range strings.FieldsFunc(s.Tokens[i].Text, func(r rune) bool { return r == '-' }) {
				if c := part[0]; c >= 'A' && c <= 'Z' {
					initials = append(initials, c)
				}
			}
		}
		acr := strings.ToUpper(strings.ReplaceAll(s.Tokens[b+1].Text, ".", ""))
		if len(initials) >= 2 && (strings.Contains(acr, string(initials)) || subsequence(acr, string(initials))) {
			return k
		}
	}
	return -1
}

// subsequence reports whether the letters of a appear in b in order.
func subsequence(a, b string) bool {
	i := 0
	for j := 0; j < len(b) && i < len(a); j++ {
		if a[i] == b[j] {
			i++
		}
	}
	return i == len(a)
}

package actor

import (
	"strings"
	"time"
)

// Type is the kind of an actor.
type Type string

// Actor types.
const (
	TypeCountry Type = "country" // a state: code is ISO 3166-1 alpha-3
	TypeIGO     Type = "igo"     // an international (intergovernmental) organisation
	TypeSector  Type = "sector"  // a sector without a country: GOV, MIL, OPP...
	TypeGroup   Type = "group"   // a non-state group (party, armed group, NGO, company)
	TypePerson  Type = "person"  // a person, usually an office holder
	// TypeComposite is a country or organisation with sectors (TURGOV),
	// built by the resolver from a name and sector words.
	TypeComposite Type = "composite"
)

func validType(t Type) bool {
	switch t {
	case TypeCountry, TypeIGO, TypeSector, TypeGroup, TypePerson, TypeComposite:
		return true
	}
	return false
}

// Actor is what a mention resolves to.
type Actor struct {
	Code       string    `json:"code"`               // TURGOV, AZE, NATO, GOV
	Country    string    `json:"country,omitempty"`  // alpha-3 or organisation code; "" for a bare sector
	Sector     string    `json:"sector,omitempty"`   // CAMEO agent code(s): GOV, MIL, GOVMED
	Name       string    `json:"name"`               // canonical English name
	WikidataID string    `json:"wikidata,omitempty"` // Q-id where the sources have it
	Type       Type      `json:"type"`
	Alpha2     string    `json:"alpha2,omitempty"`  // ISO 3166-1 alpha-2, countries only
	Aliases    []string  `json:"aliases,omitempty"` // other codes: CAMEO/Phoenix IGO codes, KSV...
	From       time.Time `json:"from,omitzero"`     // valid from this date (zero: always)
	Until      time.Time `json:"until,omitzero"`    // valid until this date (zero: open)
	Source     string    `json:"source"`            // datasets it came from, comma-separated
	// Role is a person's office at the date of the lookup (HOS, HOG, FM,
	// DM, CHIEF; see [Role]); for a former holder, the last office held.
	Role Role `json:"role,omitempty"`
	// Former marks a person looked up after the end of their last term
	// before the date: the code is then country + ELI (CAMEO's "elites",
	// as Phoenix codes former leaders), not the office's sector.
	Former bool `json:"former,omitempty"`
	// PersonID is a person's knowledge-base code (RECEP_TAYYIP_ERDOGAN),
	// by which [KB.PersonAt] finds the office held on another date.
	PersonID string `json:"person,omitempty"`
}

// ValidAt reports whether the actor is valid at date d; a zero d, or an
// actor without dates, is always valid.
func (a *Actor) ValidAt(d time.Time) bool { return validAt(a.From, a.Until, d) }

func validAt(from, until, d time.Time) bool {
	if d.IsZero() {
		return true
	}
	if !from.IsZero() && d.Before(from) {
		return false
	}
	if !until.IsZero() && d.After(until) {
		return false
	}
	return true
}

// Kind says what a name is of its actor; it orders candidates (a country's
// own name beats a misspelling) and drives composition.
type Kind string

// Name kinds, most specific first.
const (
	KindName        Kind = "name"        // the common name: Azerbaijan
	KindOfficial    Kind = "official"    // Republic of Azerbaijan
	KindAbbr        Kind = "abbr"        // NATO, UN, USA
	KindDemonym     Kind = "demonym"     // Azerbaijani, Azeri, Azeris
	KindCapital     Kind = "capital"     // Baku (the government: sector GOV)
	KindAlt         Kind = "alt"         // other names, native names, spellings
	KindFormer      Kind = "former"      // former names: Burma, Turkic Council
	KindNationality Kind = "nationality" // CountryInfo's adjectives, synonyms and misspellings
	KindSector      Kind = "sector"      // sector words: government, army
	// KindPerson is a person's name or alias; its code is the person id of
	// the persons table ([FormatPersons]), resolved through the date.
	KindPerson Kind = "person"
)

var kindRank = map[Kind]int{
	KindName: 0, KindOfficial: 1, KindAbbr: 2, KindDemonym: 3, KindCapital: 4,
	KindAlt: 5, KindFormer: 6, KindNationality: 7, KindSector: 8, KindPerson: 9,
}

// Case is a name's capitalisation rule.
type Case string

// Capitalisation rules.
const (
	// CaseFold ignores case and diacritics.
	CaseFold Case = "fold"
	// CaseTitle ignores diacritics and case except that the first letter
	// of the text must be upper case ("Turkey", "TURKEY", not "turkey").
	CaseTitle Case = "title"
	// CaseExact ignores diacritics and the dots of acronyms but not case
	// ("US", "U.S.", not "us").
	CaseExact Case = "exact"
)

// Name is one surface form that resolves to an actor code.
type Name struct {
	Phrase string    // as written: Azerbaijani, Türkiye, NATO, foreign minister
	Code   string    // the actor's code; a country or organisation code followed by sector codes is allowed (TURGOV)
	Kind   Kind      // what the phrase is of the actor
	Case   Case      // capitalisation rule
	From   time.Time // valid from (zero: always)
	Until  time.Time // valid until (zero: open)
	Source string    // datasets it came from, comma-separated
}

// ValidAt reports whether the name is valid at date d.
func (n *Name) ValidAt(d time.Time) bool { return validAt(n.From, n.Until, d) }

// Match is a span of text resolved to an actor.
type Match struct {
	Start, End int    // byte offsets into the text given to Lookup or Mentions
	Text       string // the text of the span
	Actor      Actor  // the resolved actor (composed: TURGOV)
	// Names are the knowledge-base names the span was built from, in text
	// order ("Turkish" then "government"): the provenance of the match.
	Names []Name
	// Alternatives are other actors the same span may mean, less supported
	// ones last ("Dominican": DOM, then DMA).
	Alternatives []Actor `json:",omitempty"`
}

// Sources returns the distinct sources of the names a mention was built
// from, comma-separated and sorted.
func (m *Match) Sources() string {
	var all []string
	for _, n := range m.Names {
		all = append(all, strings.Split(n.Source, ",")...)
	}
	return joinSet(all)
}

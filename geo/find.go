package geo

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/geo/fold"
	"github.com/dyad-events/dyad/nlp"
)

// Match is a place name found in a sentence.
type Match struct {
	Start, End int    // byte offsets of the name: token spans, so into the Doc's text
	Tokens     [2]int // token range [first, last+1) in the sentence
	Place      Place
}

// waterWords end the names of seas and straits, which GeoNames also
// gives to the regions on their shores.
var waterWords = map[string]bool{
	"sea": true, "ocean": true, "gulf": true, "strait": true, "straits": true, "bay": true, "channel": true,
}

// MinCommonPopulation is the population from which a place whose name is a
// common English word ("Nice", "Split", "Reading") is found without a
// locative preposition before it (but never at the start of a sentence).
const MinCommonPopulation = 500_000

// deny lists names the matcher never reports: words that are place names
// but in English text almost never mean the place. Resolve still knows
// them ("Male" resolves to the capital of the Maldives when asked).
var deny = map[string]bool{
	"of": true, "off": true, "to": true, "male": true, "mobile": true, "police": true,
	"along": true, "say": true, "most": true, "much": true, "best": true, "time": true,
	"date": true, "one": true, "more": true, "but": true, "since": true, "from": true,
	"same": true, "ever": true, "never": true, "due": true, "set": true, "can": true,
	"come": true, "era": true, "union": true, "university": true, "federal": true,
	"republic": true, "capital": true, "central": true, "north": true, "south": true,
	"east": true, "west": true, "northern": true, "southern": true, "eastern": true,
	"western": true, "northeast": true, "islands": true, "unity": true, "liberal": true,
	"independence": true, "liberty": true, "march": true, "young": true, "normal": true,
	"opportunity": true, "enterprise": true, "mission": true, "imperial": true,
	"alliance": true, "freedom": true, "pa": true, "ho": true, "ye": true, "man": true,
	"africa": true, "asia": true, "europe": true, "olympic": true, "centre": true, "center": true,
}

// calendar lists the capitalised words that may stand next to a place name
// without making it part of a longer proper name ("in Baku Monday").
var calendar = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "i": true,
}

// opener lists function words that are capitalised only because they open
// the sentence ("The U.S.", "In Baku").
var opener = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "at": true, "from": true, "to": true,
	"on": true, "for": true, "after": true, "before": true, "during": true, "as": true,
	"with": true, "by": true, "but": true, "and": true, "while": true, "when": true,
	"since": true, "near": true, "outside": true, "inside": true, "across": true, "both": true,
	"then": true, "also": true, "meanwhile": true, "last": true, "this": true, "elsewhere": true,
	"around": true, "through": true, "via": true, "if": true, "unlike": true,
}

// MinPlainPopulation is the population from which a place that is neither
// a capital nor a division seat, nor in a preferred country, is found
// without a locative preposition before it: below it, surnames ("Pompeo",
// "Mendez") outnumber the towns.
const MinPlainPopulation = 100_000

// locative lists the words after which a place name that is also a common
// word is taken as the place: "in Nice", "to Split".
var locative = map[string]bool{
	"in": true, "at": true, "near": true, "from": true, "to": true, "into": true,
	"outside": true, "around": true, "toward": true, "towards": true, "across": true,
	"through": true, "via": true, "of": true, "inside": true, "within": true, "beyond": true,
}

// connector lists the lower-case words allowed inside a name ("Rio de
// Janeiro", "Stoke-on-Trent", "Bandar Seri Begawan").
var connector = map[string]bool{
	"de": true, "da": true, "do": true, "dos": true, "das": true, "del": true, "della": true,
	"di": true, "du": true, "des": true, "la": true, "le": true, "les": true, "el": true,
	"al": true, "am": true, "an": true, "der": true, "den": true, "on": true, "upon": true,
	"sur": true, "en": true, "y": true, "i": true, "of": true, "the": true, "and": true,
	"im": true, "bei": true, "ob": true, "o": true, "e": true, "ad": true, "as": true, "ar": true,
}

// unit is one folded word of a sentence.
type unit struct {
	word [2]int32 // the folded word: scratch.words[word[0]:word[1]]; -1 -1 for a barrier (punctuation)
	tok  int32    // the token it comes from
	cap  bool     // starts with a capital letter or a digit
	conn bool     // a lower-case connector
	last bool     // the token's last word
}

type scratch struct {
	units []unit
	words []byte // the folded words of the sentence, back to back
	key   []byte // the key being walked
	ends  []end  // candidate ends of the current walk

	matches []Match // Locate's
}

type end struct {
	unit  int32
	entry int32
}

// FindTokens finds the place names in one sentence's tokens (from
// nlp.Segment or any tokenizer whose tokens carry their spans), appending
// to dst. Names are matched longest first over folded words, must start
// with a capital letter and run over capitalised words (lower-case
// connectors such as "de" or "on" may stand inside); hyphens and
// apostrophes between tokens are skipped ("Nagorno-Karabakh"). A name
// followed by a comma and a country or division that contains it ("Paris,
// Texas") is matched as one, placed in that area. Each match is resolved as
// [Gazetteer.Resolve] does with prefer.
//
// Names that are common English words are found only after a locative
// preposition or, for places of at least [MinCommonPopulation] people, away
// from the sentence start; a short deny list ("Of", "Male", "Mobile",
// "Police") is never found; an acronym ("US") only in capitals. A place
// name alone never makes an actor: that is the coder's rule.
func (g *Gazetteer) FindTokens(toks []nlp.Token, prefer []string, dst []Match) []Match {
	sc := g.pool.Get().(*scratch)
	defer g.pool.Put(sc)
	units := g.units(sc, toks)
	first := len(dst)
	for i := 0; i < len(units); {
		u := units[i]
		if u.word[0] < 0 || !u.cap || (i > 0 && units[i-1].tok == u.tok) {
			i++
			continue
		}
		// Walk the trie, remembering every name that ends at a token end.
		sc.ends = sc.ends[:0]
		sc.key = sc.key[:0]
		for j := i; j < len(units) && j-i < g.maxDepth; j++ {
			v := units[j]
			if v.word[0] < 0 || (j > i && !v.cap && !v.conn) {
				break
			}
			if j > i {
				sc.key = append(sc.key, ' ')
			}
			sc.key = append(sc.key, sc.words[v.word[0]:v.word[1]]...)
			if v.last {
				if ei, ok := g.keys[string(sc.key)]; ok {
					sc.ends = append(sc.ends, end{int32(j), ei})
				}
			}
			if !g.prefix[string(sc.key)] {
				break
			}
		}
		matched := false
		for k := len(sc.ends) - 1; k >= 0 && !matched; k-- {
			j := int(sc.ends[k].unit)
			t0, t1 := int(u.tok), int(units[j].tok)+1
			p, ok := g.accept(sc.ends[k].entry, toks, t0, t1, prefer)
			if !ok {
				continue
			}
			dst = append(dst, Match{Start: toks[t0].Span.Start, End: toks[t1-1].Span.End, Tokens: [2]int{t0, t1}, Place: p})
			matched = true
			i = j + 1
		}
		if !matched {
			i++
		}
	}
	return g.qualify(dst, first, toks, prefer)
}

// accept decides whether the name of entry ei at tokens [t0, t1) is a place
// here, and which.
func (g *Gazetteer) accept(ei int32, toks []nlp.Token, t0, t1 int, prefer []string) (Place, bool) {
	e := &g.entries[ei]
	surface := toks[t0].Text
	if t1-t0 == 1 && deny[strings.ToLower(surface)] {
		return Place{}, false
	}
	if t0 > 0 && strings.EqualFold(toks[t0-1].Text, "the") && waterWords[strings.ToLower(toks[t1-1].Text)] {
		// "the Red Sea", "the Gulf": the water, not the Sudanese state or
		// the Egyptian governorate of that name.
		return Place{}, false
	}
	initial := sentenceInitial(toks, t0)
	// A capitalised word right before or after makes the name part of a
	// longer proper name: "Barack Obama", "New York Times", "Ankara
	// University" are not places.
	if (t0 > 0 && !initial && properWord(toks[t0-1].Text) && !(sentenceInitial(toks, t0-1) && opener[strings.ToLower(toks[t0-1].Text)])) ||
		(t1 < len(toks) && properWord(toks[t1].Text)) {
		return Place{}, false
	}
	upper := allUpper(toks[t0:t1])
	if upper && t1-t0 == 1 && letters(surface) <= 4 && !hasAcronym(e) {
		return Place{}, false // "UN", "ERV": an acronym, not the town of Un
	}
	// The surface as written matters only with diacritics ("Şuşa").
	exact := ""
	for _, t := range toks[t0:t1] {
		if !isASCII(t.Text) {
			exact = toksText(toks, [2]int{t0, t1})
			break
		}
	}
	c, ok := g.best(e, prefer, exact, func(c cand) bool { return !c.acro || upper })
	if !ok {
		return Place{}, false
	}
	p := g.places[c.place]
	afterLocative := t0 > 0 && !initial && locative[strings.ToLower(toks[t0-1].Text)]
	if e.common && !p.IsCountry() && !afterLocative && (initial || p.Population < MinCommonPopulation) {
		return Place{}, false
	}
	switch p.Feature {
	case "PPLC", "PPLA", FeatureCountry, FeatureAdmin1:
	default:
		if p.Population < MinPlainPopulation && !afterLocative && !slices.Contains(prefer, p.Country) {
			// "Marrero, Louisiana": a qualifier that contains the place
			// vouches for it.
			return g.qualifiedAt(e, toks, t0, t1, prefer)
		}
	}
	return p, true
}

// qualifiedAt resolves the name of entry e at tokens [t0, t1) inside the
// country or division named right after a comma, if any.
func (g *Gazetteer) qualifiedAt(e *entry, toks []nlp.Token, t0, t1 int, prefer []string) (Place, bool) {
	if t1+1 >= len(toks) || toks[t1].Text != "," {
		return Place{}, false
	}
	head := toksText(toks, [2]int{t0, t1})
	for n := min(len(toks), t1+1+4); n > t1+1; n-- {
		if p, ok := g.resolveIn(e, head, toksText(toks, [2]int{t1 + 1, n}), prefer); ok {
			return p, true
		}
	}
	return Place{}, false
}

// qualify merges "X , Y" where Y is a country or division containing a
// place named X: "Paris, Texas", "Atlanta, Georgia" (the US state, though
// "Georgia" alone is the country), "Baku, Azerbaijan".
func (g *Gazetteer) qualify(ms []Match, first int, toks []nlp.Token, prefer []string) []Match {
	out := ms[:first]
	var buf []byte
	for i := first; i < len(ms); i++ {
		m := ms[i]
		if i+1 < len(ms) {
			n := ms[i+1]
			if n.Tokens[0] == m.Tokens[1]+1 && toks[m.Tokens[1]].Text == "," && (n.Place.IsCountry() || n.Place.IsAdmin1()) {
				head := toksText(toks, m.Tokens)
				buf = fold.AppendKey(buf[:0], head)
				if ei, ok := g.keys[string(buf)]; ok {
					if p, ok := g.resolveIn(&g.entries[ei], head, toksText(toks, n.Tokens), prefer); ok {
						m.Place, m.End, m.Tokens[1] = p, n.End, n.Tokens[1]
						i++
					}
				}
			}
		}
		out = append(out, m)
	}
	return out
}

func toksText(toks []nlp.Token, r [2]int) string {
	var b strings.Builder
	for i := r[0]; i < r[1]; i++ {
		if i > r[0] {
			b.WriteByte(' ')
		}
		b.WriteString(toks[i].Text)
	}
	return b.String()
}

// units folds the words of toks.
func (g *Gazetteer) units(sc *scratch, toks []nlp.Token) []unit {
	us := sc.units[:0]
	sc.words = sc.words[:0]
	for ti, t := range toks {
		s := t.Text
		n0 := len(us)
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !fold.IsWordRune(r) {
				i += size
				continue
			}
			// one word: word runes and apostrophes between them
			j := i + size
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if fold.IsWordRune(r2) {
					j += sz
					continue
				}
				if fold.IsApostrophe(r2) && j+sz < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+sz:])
					if fold.IsWordRune(r3) {
						j += sz
						continue
					}
				}
				break
			}
			w0 := len(sc.words)
			sc.words = fold.AppendWord(sc.words, s[i:j])
			w := sc.words[w0:]
			us = append(us, unit{word: [2]int32{int32(w0), int32(len(sc.words))}, tok: int32(ti),
				cap: unicode.IsUpper(r) || unicode.IsDigit(r), conn: unicode.IsLower(r) && connector[string(w)]})
			i = j
		}
		switch {
		case len(us) > n0:
			us[len(us)-1].last = true
		case isJoiner(s):
			// "-" or an apostrophe between words: transparent
		default:
			us = append(us, unit{word: [2]int32{-1, -1}, tok: int32(ti), last: true})
		}
	}
	sc.units = us
	return us
}

func isJoiner(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return size == len(s) && (r == '-' || r == '\u2010' || r == '\u2011' || fold.IsApostrophe(r))
}

// properWord reports whether a token is a capitalised word other than a
// day or month name.
func properWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	return !calendar[strings.ToLower(s)]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func hasAcronym(e *entry) bool {
	for _, c := range e.cands {
		if c.acro {
			return true
		}
	}
	return false
}

func allUpper(toks []nlp.Token) bool {
	for _, t := range toks {
		for _, r := range t.Text {
			if unicode.IsLetter(r) && !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return true
}

// sentenceInitial reports whether only punctuation stands before token i.
func sentenceInitial(toks []nlp.Token, i int) bool {
	for _, t := range toks[:i] {
		for _, r := range t.Text {
			if fold.IsWordRune(r) {
				return false
			}
		}
	}
	return true
}

// Find segments text into sentences (nlp.Segment) and returns the place
// names in it, with byte offsets into text. See [Gazetteer.FindTokens].
func (g *Gazetteer) Find(text string, prefer []string) []Match {
	doc := nlp.Segment(text)
	var out []Match
	for _, s := range doc.Sentences {
		out = g.FindTokens(s.Tokens, prefer, out)
	}
	return out
}

// Find is [Gazetteer.Find] on the embedded gazetteer.
func Find(text string, prefer []string) []Match {
	g, err := Default()
	if err != nil {
		return nil
	}
	return g.Find(text, prefer)
}

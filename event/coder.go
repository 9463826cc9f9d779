package event

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/geo"
	"github.com/dyad-events/dyad/nlp"
)

// Coder turns parsed, actor-resolved documents into events by matching the
// lexicon over dependency trees.
//
// For each verb or noun that the lexicon knows, the most specific pattern
// whose required dependents are present is taken. The actor and the
// recipient come from the dependency roles the pattern names, through the
// mentions the actor stage resolved, with the grammar a coder must know:
//
//   - passives: in "Armenia was attacked by Azerbaijan" the agent ("by")
//     is the actor and the passive subject the recipient;
//   - control and coordination: "Turkey agreed to help Azerbaijan" gives
//     "help" the subject of "agreed"; "X met and praised Y" shares X;
//     "the company that signed" takes the noun a relative clause modifies;
//   - reported speech: "X said Y had attacked Z" codes Y's attack (verbs of
//     saying are no events); "X accused Y" codes X's accusation, and
//     what it alleges ("accused Y of meddling") or what a denial denies
//     ("denied reports that it had closed the border") is no event
//     (alleged.go);
//   - compound and reciprocal actors: "Hungarian and Romanian officials
//     agreed" codes both; "X and Y signed an agreement" with no recipient
//     codes each as the other's recipient;
//   - negation ("did not attack") is not coded, or kept with Negated set
//     when Options.KeepNegated; hypothetical modals (should, could, may,
//     might, would) are not coded; "will" lowers the confidence;
//   - nominal events: "Turkey's support to Azerbaijan", "Erdogan's
//     attendance" take the possessor as actor; a nominal event with no
//     syntactic recipient takes the nearest other actor of its sentence,
//     with lower confidence; an agreement that names no parties is between
//     the pair the article is about ("both sides", or the two countries it
//     has named most, when its sentence names one);
//   - recipients named deeper than the verb's own roles: "threatened to
//     cut off gas to the Azerbaijani republic", "refused to deploy
//     peacekeepers in Iraq", "refugees fleeing the war in Liberia" (not
//     for a pair acting jointly, and a protest's only from its purpose);
//   - what is not (yet) an event: what a demand asks for ("demanded the
//     resignation of", "called for sanctions"), purpose clauses ("to
//     demand an end", except the protest their act makes), reasons given
//     in passing ("for its support of"), "if" and "unless" clauses,
//     infinitives on nouns ("troops there to eliminate"), press
//     conferences; plans are coded as intentions ("plans to impose
//     restrictions": THREATEN), decisions and attempts as acts; a reduced
//     passive ("the disease first recognized in China") has no actor;
//   - a demand made by saying what another must or should do ("said the
//     government must reach an agreement": REQUEST to the government);
//   - predicate adjectives ("Turksoy has been very active in Azerbaijan",
//     "was critical of"), coded only when their own role names the other
//     party;
//   - conditions and reasons: nothing inside an "if" or "unless" clause
//     is coded, however deep ("unless Baghdad accepted its conditions for
//     ending the conflict"), nor what a "because of" or "despite" phrase
//     gives as the reason, nor a nominal event a verb cancels or puts off
//     ("delayed their meeting") or a demand noun's content ("its demands
//     that the government grant"); a threat's condition names whom it is
//     aimed at ("will boycott the elections unless the president ...");
//   - a visit names its host or is not coded ("received surgery",
//     "attended law school"); a nominal event in a motion verb's "for"
//     phrase takes its subject ("arrived in Baku for talks");
//   - domestic recipients: unnamed people, a person the knowledge base
//     cannot place (except as a target of violence), protesters, students
//     or opposition groups a state's police, courts or government act on,
//     the lexicon's "home" role ("declared a state of emergency") and
//     protests and strikes with no named target are the actor's own
//     country; a state's, its government's or its leaders' act on their
//     own country by name has no recipient ("promised to democratize
//     Serbia"), as PLOVER codes it;
//   - a domestic group no context places is of the state whose named
//     institution it acts on ("gunmen killed three Iraqi policemen"), at
//     lower confidence; a protest's target can be in an "in protest of"
//     phrase;
//   - the lexicon's "each" role: conjoined actors of a symmetric act
//     with no other party act on each other ("Armenia and Azerbaijan
//     fought a war");
//   - a recipient inside the object is first the object's own author
//     ("demanded the withdrawal of Serbian forces from Bosnia": the
//     Serbian forces); violence that lands in a place of another country
//     is against it, as cooperation there is with it (a capital named as
//     that place is the country, not its government: "opened a school in
//     Lima" is with Peru); a participle on an
//     issued statement is its author's act ("issued a declaration
//     demanding"), and what an issued statement says another must do is
//     a demand on it;
//   - measure nouns pass on their "of" noun ("held three days of joint
//     exercises");
//   - violence whose doer is unnamed but whose means is ("an explosion
//     near Samarra killed two youths") is by the unidentified armed forces
//     (UAF) of the country it happened in, and only with a victim and a
//     place, which a city modifying the means gives ("a Kabul car bombing
//     killed five"; but a country's adjective on a state's means of war
//     names the doer: "an Israeli airstrike killed"); violence on a town of the actor's own country is on that
//     country ("Bosnian Serb forces shelled Bihac");
//   - what the sentence only asks, supposes or labels is no event: a
//     question, a "whether" clause, a subject opened by "neither", a
//     "before" clause under a demand, an "until" clause in the present,
//     an event noun after "as" ("labeled them as Russian disinformation");
//     a relative clause inside a condition still says what is so;
//   - no party comes from a phrase that dates the act by another event
//     ("following the killing of an Israeli man"), from a relational noun's
//     owner ("Iran's enemies"), or from a hyphenated agent modifier ("a
//     UN-brokered deal"); the actor's own possessive on the thing acted on
//     ("restrictions on its labour market for new EU members") sends the
//     search for the party deeper; an unplaced group in apposition with a
//     named actor is that actor;
//   - a domestic recipient keeps the sector of the unplaced group it is
//     ("urged residents to evacuate": BHSCVL; "his party was provided an
//     office by the government": AZEPTY, the party, not its unplaced
//     leader);
//   - no meeting of one body with itself ("the Senate met"), no visit to a
//     town of one's own country, no demand on one's own state or on no one
//     ("said the laws should be changed");
//   - a named person acts with the office held on the date the act's own
//     clause gives ("Aoun met the envoy in 2021": LBNGOV in an article of
//     2024, when he is a former president), when set with [Coder.Persons].
type Coder struct {
	Lexicon  *Lexicon
	Ontology *Tables
	Geo      *geo.Gazetteer // places events; nil: no locations
	// Persons, when set, resolves a named person again as of the date of
	// an event the sentence dates ("Aoun met the envoy in 2021": Lebanon's
	// president then, not a former one), not only of the article's.
	Persons PersonDater
	Options Options
}

// PersonDater returns a person's actor on a date: *actor.KB.
type PersonDater interface {
	PersonAt(id string, date time.Time) (actor.Actor, bool)
}

// Options steer the coder.
type Options struct {
	KeepNegated bool // emit negated events with Negated set instead of dropping them
}

// NewCoder returns a coder with dyad's own lexicon and ontology.
func NewCoder() (*Coder, error) {
	lex, err := DefaultLexicon()
	if err != nil {
		return nil, err
	}
	ont, err := Ontology()
	if err != nil {
		return nil, err
	}
	gaz, err := geo.Default()
	if err != nil {
		return nil, err
	}
	return &Coder{Lexicon: lex, Ontology: ont, Geo: gaz}, nil
}

// Input is one article after the nlp and actor stages.
type Input struct {
	Article   ArticleRef
	Published time.Time // the reference date for relative dates; zero: unknown
	Doc       *nlp.Doc
	Mentions  []actor.Mention
}

// sentence is the per-sentence view the matcher works on.
type sentence struct {
	idx      int
	s        *nlp.Sentence
	children [][]int       // token -> dependents (0-based)
	mention  []int         // token -> mention index or -1
	places   []geo.Match   // gazetteer places, found when first needed
	dates    []dateMention // the dates the sentence's events may have
}

// Code returns the events of one article, in text order.
func (c *Coder) Code(in Input) []Event {
	var out []Event
	bySent := map[int][]int{}
	for k, m := range in.Mentions {
		bySent[m.Sentence] = append(bySent[m.Sentence], k)
	}
	var carried []dateMention // the last dates of the paragraph so far
	for si := range in.Doc.Sentences {
		s := &in.Doc.Sentences[si]
		if si > 0 && strings.Contains(in.Doc.Text[in.Doc.Sentences[si-1].End:s.Start], "\n\n") {
			carried = nil // a new paragraph starts a new time frame
		}
		own := sentenceDates(in.Doc, s, in.Published)
		dates := own
		if len(dates) > 0 {
			carried = dates
		} else {
			// "This was on display in 2009. Ankara's attempt to restore
			// relations ..." : the narrative stays in the paragraph's time.
			dates = carried
		}
		if len(s.Tokens) == 0 || len(bySent[si]) == 0 {
			continue // no actor, no event
		}
		if question(s) {
			continue // "Is the foundation working with any senator?" asserts nothing
		}
		sv := newSentence(si, c.verbLemmas(s), in.Mentions, bySent[si])
		sv.dates = own // the sentence's own dates, not the paragraph's
		out = append(out, c.codeSentence(in, sv, dates)...)
	}
	return out
}

// question reports a sentence that ends in a question mark, before any
// closing quotes or brackets: a question, which reports no event.
func question(s *nlp.Sentence) bool {
	for i := len(s.Tokens) - 1; i >= 0; i-- {
		switch t := s.Tokens[i].Text; t {
		case "\"", "'", "”", "’", ")", "]":
			continue
		default:
			return t == "?"
		}
	}
	return false
}

func newSentence(si int, s *nlp.Sentence, ms []actor.Mention, idx []int) *sentence {
	n := len(s.Tokens)
	sv := &sentence{idx: si, s: s, children: make([][]int, n), mention: make([]int, n)}
	for i := range sv.mention {
		sv.mention[i] = -1
	}
	for i, t := range s.Tokens {
		if h := t.Head - 1; h >= 0 && h < n && h != i {
			sv.children[h] = append(sv.children[h], i)
		}
	}
	for _, k := range idx {
		m := ms[k]
		for t := m.Tokens[0]; t < m.Tokens[1] && t < n; t++ {
			sv.mention[t] = k
		}
	}
	return sv
}

func (c *Coder) codeSentence(in Input, sv *sentence, dates []dateMention) []Event {
	var out []Event
	seen := map[string]int{}
	// Verbs first: a noun trigger that is the object or subject of a
	// verb that coded an event ("signed a treaty", "the visit was
	// cancelled") names that event again and is not coded twice.
	coded := make([]bool, len(sv.s.Tokens))
	for _, want := range []string{"V", "N", "A"} {
		for ti, tok := range sv.s.Tokens {
			pos := triggerPOS(tok.POS)
			if pos != want {
				continue
			}
			if pos == "A" && !sv.predicate(ti) {
				continue // "an active member": only a predicate adjective reports an act
			}
			if pos == "N" {
				if h := tok.Head - 1; h >= 0 && coded[h] {
					continue
				}
			}
			ps := c.patterns(pos, tok)
			if pos == "V" {
				// Tried last: a verb's own patterns are more specific.
				if p := sv.modalDemand(ti); p != nil {
					ps = append(ps[:len(ps):len(ps)], p)
				}
			}
			for _, p := range ps {
				if !sv.satisfies(ti, p.Require) {
					continue
				}
				evs := c.apply(in, sv, ti, p)
				if len(evs) == 0 {
					continue
				}
				coded[ti] = true
				place := c.locate(in, sv, ti)
				for _, e := range evs {
					e.Date, e.DatePrecision = eventDate(dates, tok.Span.Start, in.Published, sv.announced(ti))
					e.Location = place
					key := e.Type + "|" + e.Actor.Code + "|" + recipientCode(e)
					if j, dup := seen[key]; dup {
						if e.Confidence > out[j].Confidence {
							out[j] = e
						}
						continue
					}
					seen[key] = len(out)
					out = append(out, e)
				}
				break // the most specific matching pattern wins
			}
		}
	}
	// An event with no recipient adds nothing when the same actor's event
	// of that type has one ("held a meeting with Obama ... hosted").
	withRecip := map[string]bool{}
	for _, e := range out {
		if e.Recipient != nil {
			withRecip[e.Type+"|"+e.Actor.Code] = true
		}
	}
	kept := out[:0]
	for _, e := range out {
		if e.Recipient == nil && withRecip[e.Type+"|"+e.Actor.Code] {
			continue
		}
		kept = append(kept, e)
	}
	out = kept
	// Text order.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Evidence.TriggerSpan[0] < out[j].Evidence.TriggerSpan[0] })
	return out
}

// statementNouns are documents and utterances whose content an author
// issues: a participle on one ("a statement condemning the raid") is the
// author's act.
var statementNouns = map[string]bool{
	"statement": true, "declaration": true, "communique": true, "communiqué": true, "resolution": true,
	"letter": true, "message": true, "note": true, "memorandum": true, "report": true, "decree": true,
	"announcement": true, "appeal": true, "ultimatum": true, "manifesto": true, "petition": true,
}

// sayVerbs report what someone holds another must do.
var sayVerbs = map[string]bool{
	"say": true, "tell": true, "insist": true, "stress": true, "declare": true, "state": true, "warn": true,
	"reiterate": true, "emphasize": true, "emphasise": true, "conclude": true, "argue": true, "write": true,
}

// subjunctive reports a clause in the subjunctive: a base form with a
// singular subject and no auxiliary, copula or "to" ("that the budget
// include", "that he resign"), which only a demand governs.
func (sv *sentence) subjunctive(c int) bool {
	if x := sv.s.Tokens[c].XPOS; x != "VB" && x != "VBP" {
		return false
	}
	singular := false
	for _, x := range sv.children[c] {
		tok := sv.s.Tokens[x]
		switch nlp.BaseRel(tok.Dep) {
		case "aux", "cop", "mark":
			if tok.Dep != "mark" || strings.EqualFold(tok.Text, "to") {
				return false
			}
		case "nsubj":
			singular = tok.XPOS == "NN" || tok.XPOS == "NNP" || tok.XPOS == "PRP" && (strings.EqualFold(tok.Text, "he") || strings.EqualFold(tok.Text, "she") || strings.EqualFold(tok.Text, "it"))
		}
	}
	return singular
}

// modalDemandSource names the built-in demand pattern in events' pattern
// field.
const modalDemandSource = "event/coder.go:modalDemand"

// modalDemand returns the built-in pattern for a demand made by saying
// what another must or should do ("Straw said the Sudanese government
// must reach an agreement", "Mubarak said the US must be ready to
// mediate"), or nil: REQUEST from the speaker to the subject of the
// obligation (or the one told: "told Iraq that it must"). The obligation
// itself is hypothetical and not coded.
func (sv *sentence) modalDemand(t int) *Pattern {
	if !sayVerbs[strings.ToLower(sv.s.Tokens[t].Lemma)] && !sv.issuesStatement(t) {
		return nil
	}
	for _, c := range sv.children[t] {
		if sv.s.Tokens[c].Dep != "ccomp" || sv.negated(c) || sv.firstPerson(c) {
			continue // "we must keep masks for clinics": a resolve, not a demand
		}
		cameo := ""
		switch {
		case sv.hasAux(c, "must"):
			cameo = "100"
		case sv.hasAux(c, "should"):
			cameo = "020"
		case strings.EqualFold(sv.s.Tokens[t].Lemma, "insist") && sv.subjunctive(c):
			// "insists that the budget include funding for the wall"
			cameo = "100"
		default:
			continue
		}
		return &Pattern{POS: "V", Lemma: sv.s.Tokens[t].Lemma, Actor: []Role{{Rel: "subj"}},
			Recipient: []Role{{Rel: "obj"}}, Type: "REQUEST", CAMEO: cameo, Weight: 0.6,
			Note: "what another must or should do", Source: modalDemandSource}
	}
	return nil
}

// issuesStatement reports a verb that issues or sends a statement,
// which then says what its content clause says: "issued a stern reminder
// to Iraq that it must cooperate".
func (sv *sentence) issuesStatement(t int) bool {
	switch strings.ToLower(sv.s.Tokens[t].Lemma) {
	case "issue", "send", "deliver", "release", "publish":
	default:
		return false
	}
	return slices.ContainsFunc(sv.children[t], func(o int) bool {
		l := strings.ToLower(sv.s.Tokens[o].Lemma)
		return sv.s.Tokens[o].Dep == "obj" && (statementNouns[l] || l == "reminder" || l == "warning")
	})
}

// predicate reports an adjective used as a clause's predicate, with a
// copula: "Turksoy has been very active in Azerbaijan".
func (sv *sentence) predicate(t int) bool {
	for _, c := range sv.children[t] {
		if sv.s.Tokens[c].Dep == "cop" {
			return true
		}
	}
	return false
}

// firstPerson reports a clause whose subject is "I" or "we".
func (sv *sentence) firstPerson(t int) bool {
	for _, c := range sv.children[t] {
		if nlp.BaseRel(sv.s.Tokens[c].Dep) == "nsubj" {
			switch strings.ToLower(sv.s.Tokens[c].Text) {
			case "i", "we":
				return true
			}
		}
	}
	return false
}

// patterns returns the lexicon's patterns for a token by its lemma (for a
// verb, the one verbLemmas settled on), or by its text when it has none.
func (c *Coder) patterns(pos string, tok nlp.Token) []*Pattern {
	lemma := strings.ToLower(tok.Lemma)
	if lemma == "" {
		lemma = strings.ToLower(tok.Text)
	}
	return c.Lexicon.Lookup(pos, lemma)
}

// verbLemmas returns s with the lemmas of its verbs that the coder does not
// know replaced by a base form rebuilt from the word that it does know
// ("declined" lemmatised as "declin" by the tagger reads as "decline"), so
// that the word lists keyed on lemmas (intention verbs, speech verbs)
// see them as the lexicon does. s itself is returned when nothing changes;
// otherwise a copy, so that the document keeps the tagger's lemmas.
func (c *Coder) verbLemmas(s *nlp.Sentence) *nlp.Sentence {
	known := func(l string) bool { return intentionVerbs[l] || sayVerbs[l] || len(c.Lexicon.Lookup("V", l)) > 0 }
	out := s
	for i, t := range s.Tokens {
		if t.POS != "VERB" || known(strings.ToLower(t.Lemma)) {
			continue
		}
		for _, l := range formLemmas(strings.ToLower(t.Text)) {
			if !known(l) {
				continue
			}
			if out == s {
				cp := *s
				cp.Tokens = slices.Clone(s.Tokens)
				out = &cp
			}
			out.Tokens[i].Lemma = l
			break
		}
	}
	return out
}

// formLemmas guesses the base forms of an inflected English verb: strip
// -ed, -d, -ing or -s, undo a doubled final consonant, restore an -e.
func formLemmas(w string) []string {
	var stems []string
	for _, suf := range []string{"ing", "ed", "es", "d", "s"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			stems = append(stems, w[:len(w)-len(suf)])
		}
	}
	var out []string
	for _, st := range stems {
		out = append(out, st, st+"e")
		if n := len(st); n > 2 && st[n-1] == st[n-2] {
			out = append(out, st[:n-1])
		}
		if strings.HasSuffix(st, "i") {
			out = append(out, st[:len(st)-1]+"y")
		}
	}
	return out
}

// locate finds where the events of trigger t happened: the place nearest
// the trigger in the tree that the sentence introduces as one ("in Baku",
// "the town of Shusha"), resolving names towards the countries of its
// actors (see geo.Nearest). A place that is itself an actor
// mention ("Ankara said") is no location.
func (c *Coder) locate(in Input, sv *sentence, t int) *Place {
	if c.Geo == nil {
		return nil
	}
	m, ok := geo.Nearest(sv.s.Tokens, c.gazetteerPlaces(in, sv), t)
	if !ok {
		return nil
	}
	return &Place{Name: m.Place.Name, Country: m.Place.Country, Lat: m.Place.Lat, Lon: m.Place.Lon, GeoNames: m.Place.GeoNames}
}

func recipientCode(e Event) string {
	if e.Recipient == nil {
		return ""
	}
	return e.Recipient.Code
}

func triggerPOS(upos string) string {
	switch upos {
	case "VERB":
		return "V"
	case "NOUN":
		return "N"
	case "ADJ":
		return "A"
	}
	return ""
}

// apply builds the events a matched pattern yields at trigger t.
func (c *Coder) apply(in Input, sv *sentence, t int, p *Pattern) []Event {
	if p.POS != "N" && (sv.hypothetical(t) || sv.intended(t)) || sv.conditional(t) || sv.inReasonPhrase(t) || sv.alleged(t) {
		return nil
	}
	if p.POS != "N" && p.Type != "PROTEST" && sv.inPurpose(t) {
		// "would blockade Paris to demand an end to the reform": a purpose
		// not yet met. A protest is met by the act that makes it ("began a
		// hunger strike to protest the arrests").
		return nil
	}
	negated := sv.negated(t)
	if p.POS == "N" && sv.marker(t) == "as" {
		return nil // "labeled them as Russian disinformation": a name given, no event
	}
	if p.POS == "N" {
		// A noun takes the modality of the verb it hangs on: "failed to
		// reach an agreement", "did not hold talks", "could sign a deal".
		if sv.demanded(t) || sv.reason(t) || sv.undone(t) || nlp.BaseRel(sv.s.Tokens[t].Dep) == "acl" && sv.intended(t) {
			// "demanded the resignation"; "its demands that the government
			// grant more rights" (parsed as a noun "grant").
			return nil
		}
		if h := sv.s.Tokens[t].Head - 1; h >= 0 && triggerPOS(sv.s.Tokens[h].POS) == "V" {
			if sv.hypothetical(h) || sv.intended(h) || p.Type != "PROTEST" && sv.inPurpose(h) {
				// "could sign a deal"; "peacekeepers deployed to oversee a
				// ceasefire": not this sentence's event.
				return nil
			}
			negated = negated || sv.negated(h)
		}
	}
	if negated && !c.Options.KeepNegated {
		return nil
	}
	if p.Type == "CONSULT" && sv.pressEvent(t) {
		return nil // "held a press conference": a statement, not a meeting
	}
	conf := p.Weight
	passive := p.POS == "V" && sv.passive(t)
	actorRoles, recipRoles := p.Actor, p.Recipient
	if passive {
		actorRoles, recipRoles = passiveRoles(actorRoles, recipRoles)
	}
	actors := sv.namedInApposition(oneEach(c.fill(in, sv, t, actorRoles, true).mentions))
	jointSubject := false // the actors are a verb's conjoined subjects: "X and Y held talks"
	if len(actors) == 0 && p.POS == "N" {
		// "the visit by X" is covered by roles; "X made a visit" by the
		// governing verb's subject.
		if h := sv.s.Tokens[t].Head - 1; h >= 0 && triggerPOS(sv.s.Tokens[h].POS) == "V" &&
			(sv.s.Tokens[t].Dep == "obj" && lightVerbs[strings.ToLower(sv.s.Tokens[h].Lemma)] || sv.pronounPossessor(t) ||
				nlp.BaseRel(sv.s.Tokens[t].Dep) == "obl" && sv.marker(t) == "for" && motionVerbs[strings.ToLower(sv.s.Tokens[h].Lemma)]) {
			// "held talks", "arrived in Baku for talks".
			actors = c.fill(in, sv, h, []Role{{Rel: "subj"}}, true).mentions
			jointSubject = len(actors) > 1
			conf *= 0.8
		}
	}
	if len(actors) == 0 && p.POS == "N" && p.Type == "AGREE" && sv.newAgreement(t) {
		// "the new agreement allowing travel for nationals on both sides",
		// "a trade agreement that came into force on 1 March will
		// strengthen Turkey's share": an agreement whose parties go unnamed
		// is between the pair the article is about.
		actors = sv.parties(in, t)
		conf *= 0.6
	}
	if p.Type == "ASSAULT" && p.POS == "V" && len(actors) > 0 && !slices.ContainsFunc(actors, func(a actor.Mention) bool { return !sv.placeOfCause(a) }) {
		// "a Kabul car bombing killed five": the city names where the
		// bomb went off, not who set it.
		actors = nil
	}
	if len(actors) == 0 && p.Type == "ASSAULT" && p.POS == "V" {
		// "an explosion near Samarra killed two youths": by unidentified
		// forces of the country it happened in.
		if m, ok := c.unidentified(in, sv, t, passive); ok {
			actors = []actor.Mention{m}
			conf *= 0.6
		}
	}
	if len(actors) == 0 {
		return nil
	}
	rf := c.fill(in, sv, t, recipRoles, false)
	// "restrictions on its labour market for new EU members": the actor's
	// own possessive says whose the thing acted on is, not whom the act
	// is on; look deeper for that party, and without one code nothing,
	// as before.
	ownPossessive := len(rf.mentions) > 0 && !slices.ContainsFunc(rf.mentions, func(m actor.Mention) bool {
		if m.Via != "pronoun" || sv.s.Tokens[m.Tokens[0]].Dep != "nmod:poss" || !sameActor(m, actors) && !sameCountry(m, actors) {
			return true
		}
		// "urged its citizens": its own people are whom the act is on.
		h := sv.s.Tokens[m.Tokens[0]].Head - 1
		return h >= 0 && (peopleNouns[strings.ToLower(sv.s.Tokens[h].Lemma)] || sv.mention[h] >= 0)
	})
	if ownPossessive {
		if dm, ok := sv.deepRecipient(in, t, actors); ok {
			if dm = slices.DeleteFunc(dm, func(m actor.Mention) bool {
				return slices.ContainsFunc(actors, func(a actor.Mention) bool { return a.Actor.Code == m.Actor.Code || ownState(a, m) })
			}); len(dm) > 0 {
				rf.mentions = dm
			}
		}
	}
	if len(rf.mentions) == 0 && !rf.unknown && len(recipRoles) > 0 {
		// "agreed to provide aid to Azerbaijan": the intention's recipient
		// is that of the intended act; "demanded that Iran stop": the
		// subject of the demanded act.
		for _, x := range sv.children[t] {
			switch sv.s.Tokens[x].Dep {
			case "xcomp":
				rf = c.fill(in, sv, x, embeddedRecipient, false)
			case "ccomp":
				rf = c.fill(in, sv, x, []Role{{Rel: "subj"}}, false)
			default:
				continue
			}
			break
		}
		// "agreed that their countries should cooperate": the embedded
		// subject is the actors themselves, not a recipient.
		rf.mentions = slices.DeleteFunc(rf.mentions, func(m actor.Mention) bool { return sameActor(m, actors) })
	}
	// Recipients the knowledge base cannot place ("refugees fleeing the
	// war in Liberia") give way to an actor deeper in the clause.
	var recips []actor.Mention
	reciprocal := false
	if len(rf.mentions) == 0 && rf.each && len(actors) > 1 {
		// "Armenia and Azerbaijan fought a war": each against the other.
		recips, reciprocal = actors, true
	}
	filled := false // a role names a recipient the knowledge base cannot place
	for _, m := range rf.mentions {
		if m.Known() {
			recips = append(recips, m)
			continue
		}
		if reflexives[strings.ToLower(m.Text)] {
			return nil // "called himself Ataturk's soldier": no act on another
		}
		filled = true
	}
	if len(recips) == 0 && filled {
		// Look for whose they are below them only ("refugees fleeing the
		// war in Liberia").
		for _, m := range rf.mentions {
			if dm, ok := sv.deepRecipient(in, sv.headOf(m), actors); ok {
				recips = dm
				conf *= 0.7
				break
			}
		}
	}
	// A person the knowledge base cannot place ("allowed candidate Alassane
	// Ouattara to run") is, like unnamed people, one of the actor's own
	// when nothing below names another country; not the target of
	// violence, which is as often foreign ("killed Qasem Soleimani").
	// So are protesters, students or opposition groups a state's police,
	// courts or government act on ("Kerala police arrested ten
	// protesters"), even with violence; not an army's, which also fights
	// abroad.
	var unplaced *actor.Mention
	if len(recips) == 0 && filled {
		institution := slices.ContainsFunc(actors, func(a actor.Mention) bool { return a.Actor.Institution() })
		// Those whom unidentified forces attack are of the country it
		// happened in ("a journalist was killed in a car bomb explosion in
		// Beirut").
		unknownDoer := actors[0].Via == "unidentified"
		if k := slices.IndexFunc(rf.mentions, func(m actor.Mention) bool {
			return m.Person != "" && p.Type != "ASSAULT" || institution && m.Person == "" && m.Actor.DomesticGroup() || unknownDoer
		}); k >= 0 {
			unplaced = &rf.mentions[k]
		}
	}
	if len(recips) == 0 && p.Source == modalDemandSource {
		// "Johnson said the UK must come out": the demand is on the
		// clause's subject or on no one.
		return nil
	}
	if len(recips) == 0 && !rf.unknown && p.POS == "V" && p.Type != "PROTEST" {
		// The recipient named inside the object: "rejected a U.S.
		// request", "accepted an Australian ultimatum".
		for _, o := range sv.children[t] {
			if d := sv.s.Tokens[o].Dep; d != "obj" && d != "iobj" && d != "obl" || temporalMarker(sv.marker(o)) {
				continue
			}
			// The object's own author or doer first: "demanded the
			// withdrawal of Serbian forces from Bosnia" is made of the
			// Serbian forces, "rejected calls by Kofi Annan" Annan's.
			var agents []actor.Mention
			for _, pp := range sv.mentionsUnder(in, o) {
				m := in.Mentions[pp.mention]
				if m.Known() && !sameActor(m, actors) && !sv.locative(m) {
					recips = append(recips, m)
					if sv.agentOf(m, o) {
						agents = append(agents, m)
					}
				}
			}
			if len(agents) > 0 && len(agents) < len(recips) {
				recips = agents
			}
			if len(recips) > 0 {
				conf *= 0.85
				break
			}
		}
	}
	if len(recips) == 0 && !rf.unknown && !filled && (p.POS == "V" || p.Type == "PROTEST") && len(actors) == 1 {
		// The party the act is done to, named deeper in the clause:
		// "threatened to cut off electricity to the Azerbaijani republic",
		// "refused to deploy peacekeepers in Iraq", "rejected a call for
		// its forces to be deployed in East Timor". A protest's is only
		// in its purpose ("blocked a road to show their disapproval of
		// U.S. policy"); with none named it is against the protesters'
		// own rulers. A pair acting jointly ("X and Y failed to reach
		// agreement") has no other party.
		from := []int{t}
		if p.Type == "PROTEST" {
			// A protest noun's purpose hangs on its verb: "continued their
			// hunger strike to demand the resignation of X".
			from = sv.purposeClauses(t)
			if h := sv.s.Tokens[t].Head - 1; p.POS == "N" && h >= 0 && triggerPOS(sv.s.Tokens[h].POS) == "V" {
				from = append(from, sv.purposeClauses(h)...)
			}
		}
		for _, f := range from {
			if m, ok := sv.deepRecipient(in, f, actors); ok {
				recips = m
				conf *= 0.7
				break
			}
		}
	}
	if len(recips) == 0 && !rf.unknown && (cooperative(p.Type) && p.Type != "CONSULT" || p.Type == "ASSAULT") && p.POS != "A" {
		// Cooperation carried out in another country is with it: "train
		// cadres in Azerbaijan", "opened a faculty in Baku" (not talks: "held
		// talks in Geneva" are not with Switzerland); so is
		// violence that lands there: "fired shells at targets in Jericho".
		if rf2 := c.fill(in, sv, t, []Role{{Rel: "obl", Prep: "in"}, {Rel: "nmod", Prep: "in"}}, false); len(rf2.mentions) > 0 {
			for _, m := range rf2.mentions {
				if m.Known() && !sameCountry(m, actors) {
					recips = append(recips, m)
				}
			}
			conf *= 0.8
		}
	}
	if len(recips) == 0 && !rf.unknown && p.POS == "N" && len(actors) > 1 && !jointSubject {
		// "rapprochement between Turkey and Armenia": each towards the
		// other. Conjoined subjects of the verb ("U.S. and Russian
		// negotiators return for talks") act jointly, with no other party,
		// as with a verb trigger and as the PLOVER gold codes them.
		recips, reciprocal = actors, true
	}
	if len(recips) == 0 && !rf.unknown && len(recipRoles) > 0 && p.POS == "N" && len(actors) == 1 {
		// A nominal event with no syntactic recipient: the nearest other
		// actor of the sentence, with less confidence.
		if k := sv.nearestOther(in, t, actors[0]); k >= 0 {
			recips = []actor.Mention{in.Mentions[k]}
			// With its conjuncts: "a mediation effort ... between the
			// Emirates and Saudi Arabia".
			for _, pp := range sv.mentionsUnder(in, sv.headOf(in.Mentions[k])) {
				if m := in.Mentions[pp.mention]; pp.mention != k && m.Known() && !sameActor(m, actors) {
					recips = append(recips, m)
				}
			}
			conf *= 0.6
		}
	}
	if p.POS == "A" {
		// "active", "critical": a relation, whose other party is named in
		// its own role, not a place somewhere below it.
		recips = slices.DeleteFunc(recips, func(m actor.Mention) bool { return m.Via == "place" })
	}
	if len(recips) == 0 && p.NeedsRecipient && (!rf.unknown || p.POS == "A") {
		// require "recipient": a visit with no host named ("the minister
		// arrived in the city"), "was active" with no other party.
		return nil
	}
	typ, mode, cameo := p.Type, p.Mode, p.CAMEO
	if p.POS != "N" && sv.future(t) {
		// PLOVER codes announced intentions and promises as AGREE (and
		// announced violence as THREATEN): "will visit", "is ready to
		// send troops".
		typ, mode, cameo = intentOf(typ, mode, cameo)
		conf *= 0.9
	}
	if len(recips) == 0 && typ == "THREATEN" && p.POS == "V" {
		// A condition names whom a threat is aimed at: "will boycott the
		// elections unless the president agrees to step down", "threatened
		// to stop talks if the United States goes ahead".
		for _, x := range sv.conditions(t) {
			for _, m := range c.fill(in, sv, x, []Role{{Rel: "subj"}}, false).mentions {
				if m.Known() && !sameActor(m, actors) {
					recips = append(recips, m)
				}
			}
		}
	}
	if len(recips) == 0 && unplaced != nil {
		rf.unknown, rf.text, rf.span = true, unplaced.Text, unplaced.Span
	}
	domestic := rf.unknown && len(recips) == 0
	if len(recips) == 0 && (p.Type == "PROTEST" || strings.HasPrefix(p.CAMEO, "082")) {
		// Demonstrations and strikes with no named target are against the
		// protesters' own authorities, as PLOVER codes them, and so is
		// calling them off (CAMEO 082, ease political dissent).
		domestic = true
	}
	if len(recips) == 0 && !domestic && p.Type == "CONSULT" && cameo == "040" && p.POS == "V" && len(actors) == 1 && !sv.hasConj(sv.headOf(actors[0])) {
		// "The Senate met on Monday": one body meeting by itself meets no
		// one ("Chile and Peru met" is coded, each with no recipient).
		return nil
	}
	if len(recips) == 0 && !domestic && actors[0].Via == "unidentified" {
		// "vehicles were hit by gunfire": with no one named as hit, an
		// unknown doer's act says too little to code.
		return nil
	}
	if slices.ContainsFunc(recips, sv.placedCapital) {
		// A capital named as the place of the act is a town of its
		// country, not its government: a faculty opened in Baku is opened
		// in Azerbaijan.
		recips = slices.Clone(recips) // it may share the actors' array
		for i, rm := range recips {
			if sv.placedCapital(rm) {
				recips[i].Actor = actor.Actor{Code: rm.Actor.Country, Country: rm.Actor.Country, Type: actor.TypeCountry}
				recips[i].Via = "place"
			}
		}
	}
	// A domestic act ("declared a state of emergency in Bolivia", lexicon
	// role home) is on the state's own country by design.
	home := slices.ContainsFunc(p.Recipient, func(r Role) bool { return r.Rel == "home" })
	var out []Event
	for _, am := range actors {
		aconf := conf
		if !am.Known() {
			var ok bool
			if am, ok = sv.targetCountry(am, recips); !ok {
				continue
			}
			aconf *= 0.7 // the actor's country is inferred
		}
		if domestic {
			// The recipient is someone the knowledge base does not know
			// ("killed two youths", "arrested opponents"): domestic.
			dm := am
			dm.Actor = actor.Actor{Code: am.Actor.Country, Country: am.Actor.Country, Type: actor.TypeCountry}
			if unplaced != nil && unplaced.Person == "" && unplaced.Actor.Country == "" && unplaced.Actor.Sector != "" {
				// An unplaced group keeps its sector: "his party was
				// provided an office by the government" is on the
				// country's party (AZEPTY).
				dm.Actor.Code, dm.Actor.Sector, dm.Actor.Type = am.Actor.Country+unplaced.Actor.Sector, unplaced.Actor.Sector, actor.TypeComposite
			}
			dm.Text, dm.Person, dm.Via, dm.Span = rf.text, "", "domestic", rf.span
			if dm.Text == "" {
				dm.Text, dm.Span = am.Text, am.Span
			}
			out = append(out, c.event(in, sv, t, p, typ, mode, cameo, am, &dm, aconf*0.8, negated))
			continue
		}
		// codable reports a recipient an event of am is coded with.
		// Violence on a town of the actor's own country ("Bosnian Serb
		// forces shelled Bihac") is on its own country.
		codable := func(rm actor.Mention) bool {
			return rm.Known() && (rm.Actor.Code != am.Actor.Code || home || rm.Via == "place" && p.Type == "ASSAULT") && (rm.Span != am.Span || reciprocal)
		}
		// A state's act on itself by name ("promised to democratize
		// Serbia", "to allow Haiti's elections") has no other party.
		others := slices.DeleteFunc(slices.Clone(recips), func(rm actor.Mention) bool {
			if p.Type == "CONSULT" && rm.Via == "place" && rm.Actor.Country == am.Actor.Country {
				return true // "Trump visited California": a trip at home meets no other party
			}
			return !home && rm.Actor.Code != am.Actor.Code && ownState(am, rm) && !sv.modifier(rm)
		})
		if len(others) == 0 && len(recips) > 0 && (p.NeedsRecipient || p.Source == modalDemandSource) {
			// A visit with no host; "Johnson stated that Britain must
			// leave": what one's own state must do is a resolve.
			continue
		}
		if len(recips) == 0 || len(others) < len(recips) && !slices.ContainsFunc(others, codable) {
			out = append(out, c.event(in, sv, t, p, typ, mode, cameo, am, nil, aconf, negated))
			continue
		}
		for _, rm := range others {
			if codable(rm) {
				out = append(out, c.event(in, sv, t, p, typ, mode, cameo, am, &rm, aconf, negated))
			}
		}
	}
	return out
}

// targetCountry places a domestic group its sentence did not place by the
// state it acts on: "fundamentalists began a hunger strike to demand the
// resignation of the Algerian president", "gunmen killed three Iraqi
// policemen". Such groups act against their own state's institutions far
// more often than against a foreign one's; a foreign army is no evidence
// (it also fights abroad), nor are recipients of more than one country.
func (sv *sentence) targetCountry(am actor.Mention, recips []actor.Mention) (actor.Mention, bool) {
	if !am.Actor.DomesticGroup() || len(recips) == 0 {
		return am, false
	}
	c, inst := recips[0].Actor.Country, false
	for _, r := range recips {
		if r.Actor.Country != c {
			return am, false
		}
		// Named institutions only: not a pronoun, nor a modifier
		// ("opposes the police state", "police-free zones").
		inst = inst || r.Actor.Institution() && r.Via != "pronoun" && !sv.modifier(r)
	}
	if !inst {
		return am, false
	}
	am.Actor.Country, am.Actor.Code = c, c+am.Actor.Sector
	am.Via += "+target"
	return am, true
}

// modifier reports a mention that modifies a noun rather than naming a
// participant: "police" in "police state" or "police-free".
func (sv *sentence) modifier(m actor.Mention) bool {
	if m.Sentence != sv.idx || m.Tokens[1] <= m.Tokens[0] {
		return false
	}
	switch sv.s.Tokens[sv.headOf(m)].Dep {
	case "compound", "amod":
		return true
	}
	return m.Tokens[1] < len(sv.s.Tokens) && sv.s.Tokens[m.Tokens[1]].Text == "-"
}

// coActor reports whether modifier c of mention k's head i names an actor
// of its own: "Sierra Leonean and Liberian refugees" (the first adjective
// of a coordination), "Turkish-Libyan agreement"; not a sector word with
// no country ("the rebel Kurdistan Workers' Party") nor another country's
// modifier of a named state or organisation ("NATO-member Norway" is
// Norway).
func (sv *sentence) coActor(in Input, k, i, c int) bool {
	if d := sv.s.Tokens[c].Dep; d != "amod" && d != "compound" || sv.mention[c] < 0 || sv.mention[c] == k {
		return false
	}
	if sv.hasConj(c) {
		return true
	}
	mc := in.Mentions[sv.mention[c]]
	return mc.Known() && (!sv.namedBy(in, k, i) || mc.Actor.Country == in.Mentions[k].Actor.Country)
}

// hasConj reports a token with a conjunct.
func (sv *sentence) hasConj(i int) bool {
	return slices.ContainsFunc(sv.children[i], func(c int) bool { return sv.s.Tokens[c].Dep == "conj" })
}

// namedBy reports a mention whose head token i is the proper name of a
// state or organisation, not an adjective, a sector word or a person's
// name (whose modifiers say whose he is): the head of "NATO-member
// Norway".
func (sv *sentence) namedBy(in Input, k, i int) bool {
	m := in.Mentions[k]
	return sv.s.Tokens[i].POS == "PROPN" && m.Person == "" && m.Actor.Sector == ""
}

// agentOf reports a mention that says whose noun o is: its possessor,
// a modifier ("a U.S. request") or an "of" or "by" phrase ("the withdrawal
// of Serbian forces", "calls by Annan"), or a conjunct of one.
func (sv *sentence) agentOf(m actor.Mention, o int) bool {
	h := sv.headOf(m)
	for h >= 0 && sv.s.Tokens[h].Head-1 != o {
		switch sv.s.Tokens[h].Dep {
		case "conj", "amod", "compound": // "Serbian forces", "X and Y"
			h = sv.s.Tokens[h].Head - 1
			continue
		}
		break
	}
	if h < 0 || sv.s.Tokens[h].Head-1 != o {
		return false
	}
	switch sv.s.Tokens[h].Dep {
	case "nmod:poss", "amod", "compound":
		return true
	case "nmod":
		mk := sv.marker(h)
		return mk == "of" || mk == "by"
	}
	return false
}

// ownState reports a recipient that is the state's, its government's or
// its leaders' own state named as such ("promised to democratize
// Serbia"), not one of its institutions or people, nor a town in it
// (which stands for the people there). A party's or rebels' own state is
// another party: its government.
func ownState(am, rm actor.Mention) bool {
	if s := am.Actor.Sector; s != "" && s != "ELI" && !am.Actor.StateBody() {
		return false // a party's, a union's own state is its government
	}
	return rm.Actor.Country == am.Actor.Country && rm.Actor.Type == actor.TypeCountry && rm.Actor.Sector == "" &&
		rm.Person == "" && rm.Via == "kb"
}

// reflexives are pronouns whose referent is the subject itself.
var reflexives = map[string]bool{"himself": true, "herself": true, "itself": true, "themselves": true, "ourselves": true, "myself": true}

// headOf returns the token of mention m whose head lies outside it.
func (sv *sentence) headOf(m actor.Mention) int {
	if h, ok := sv.s.SpanHead(m.Tokens[0], m.Tokens[1]); ok {
		return h
	}
	return m.Tokens[0]
}

// deepRecipient finds the first known actor below trigger t, breadth
// first through its complements, objects, obliques and their modifiers,
// that is none of the actors (nor a pronoun standing for one). Subjects,
// reported speech and side remarks are not searched.
func (sv *sentence) deepRecipient(in Input, t int, actors []actor.Mention) ([]actor.Mention, bool) {
	queue := []int{t}
	for depth := 0; len(queue) > 0 && depth < 5; depth++ {
		var next []int
		for _, h := range queue {
			for _, d := range sv.children[h] {
				switch nlp.BaseRel(sv.s.Tokens[d].Dep) {
				case "nsubj", "csubj", "expl", "punct", "parataxis", "discourse", "vocative", "list", "dep", "reparandum":
					continue
				case "obl", "nmod":
					if temporalMarker(sv.marker(d)) {
						// "opened the bridge after four years to allow
						// grain to Afghanistan": an infinitive the parser
						// hung on the time phrase is still the act's purpose.
						for _, x := range sv.children[d] {
							if sv.s.Tokens[x].Dep == "acl" && sv.hasMark(x, "to") {
								next = append(next, x)
							}
						}
						continue // "following the killing of X": another event's party
					}
				case "ccomp", "conj":
					if h == t && (sv.s.Tokens[d].Dep == "ccomp" || triggerPOS(sv.s.Tokens[d].POS) == "V") {
						// "said that ...", "met and decided to ...":
						// another act, with parties of its own.
						continue
					}
				}
				if k := sv.mention[d]; k >= 0 {
					m := in.Mentions[k]
					// Pronouns deep in a clause mostly stand for someone
					// else's ("lost their health insurance"): not taken.
					if m.Known() && !sameActor(m, actors) && m.Via != "pronoun" {
						// "aid for Romania and Poland": the conjuncts too.
						out := []actor.Mention{m}
						for _, p := range sv.mentionsUnder(in, d) {
							if o := in.Mentions[p.mention]; o.Known() && o.Span != m.Span && !sameActor(o, actors) {
								out = append(out, o)
							}
						}
						return out, true
					}
				}
				next = append(next, d)
			}
		}
		queue = next
	}
	return nil, false
}

// newAgreement reports an agreement the sentence reports as made or in
// force ("the new agreement allowing ...", "an agreement that came into
// force on 1 March"), not one named in passing ("signatories to the
// treaty include Germany").
func (sv *sentence) newAgreement(t int) bool {
	for _, c := range sv.children[t] {
		tok := sv.s.Tokens[c]
		switch nlp.BaseRel(tok.Dep) {
		case "amod":
			switch strings.ToLower(tok.Lemma) {
			case "new", "latest", "fresh", "historic", "landmark", "first":
				return true
			}
		case "acl":
			switch strings.ToLower(tok.Lemma) {
			case "come", "enter", "take", "allow", "sign", "reach", "conclude", "ratify", "approve", "enable", "grant", "go":
				return true
			}
		}
	}
	return false
}

// parties returns the two parties of an agreement at t that names none:
// the members of a collective reference in its sentence ("both
// countries"), else the two countries the article has named most before
// it, when the sentence names one of them. Nil otherwise.
func (sv *sentence) parties(in Input, t int) []actor.Mention {
	for _, k := range sv.mention {
		if k >= 0 && len(in.Mentions[k].Group) == 2 {
			g := in.Mentions[k]
			out := make([]actor.Mention, 2)
			for i, a := range g.Group {
				out[i] = g
				out[i].Actor, out[i].Group = a, nil
			}
			return out
		}
	}
	count := map[string]int{}
	for _, m := range in.Mentions {
		if m.Sentence < sv.idx && m.Actor.Type == actor.TypeCountry && len(m.Group) == 0 {
			count[m.Actor.Country]++
		}
	}
	pair := make([]string, 0, len(count))
	for c := range count {
		pair = append(pair, c)
	}
	slices.SortFunc(pair, func(a, b string) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return strings.Compare(a, b)
	})
	if len(pair) < 2 {
		return nil
	}
	pair = pair[:2]
	tok := sv.s.Tokens[t]
	out := make([]actor.Mention, 0, 2)
	named := false
	for _, c := range pair {
		m := actor.Mention{Sentence: sv.idx, Tokens: [2]int{t, t + 1}, Span: tok.Span, Text: tok.Text, Via: "article-pair",
			Actor: actor.Actor{Code: c, Country: c, Name: c, Type: actor.TypeCountry}}
		for _, k := range sv.mention {
			if k >= 0 && in.Mentions[k].Actor.Country == c && in.Mentions[k].Actor.Type == actor.TypeCountry {
				m = in.Mentions[k]
				named = true
				break
			}
		}
		out = append(out, m)
	}
	if !named {
		return nil
	}
	return out
}

// namedInApposition drops an actor the knowledge base cannot place when
// an actor it can is in apposition with it: "the main rebel group,
// Forces for Defence of Democracy (FDD)," is one actor, the FDD.
func (sv *sentence) namedInApposition(ms []actor.Mention) []actor.Mention {
	if len(ms) < 2 {
		return ms
	}
	return slices.DeleteFunc(ms, func(m actor.Mention) bool {
		if m.Known() {
			return false
		}
		hm := sv.headOf(m)
		return slices.ContainsFunc(ms, func(k actor.Mention) bool {
			if !k.Known() {
				return false
			}
			hk := sv.headOf(k)
			return hk >= 0 && hm >= 0 && (sv.apposOf(hk, hm) || sv.apposOf(hm, hk))
		})
	})
}

// apposOf reports whether token a is in apposition with token h: an
// appos, or a conjunct with no conjunction, which is how the parser
// often reads "the main rebel group, Forces for ...,".
func (sv *sentence) apposOf(a, h int) bool {
	t := sv.s.Tokens[a]
	if t.Head-1 != h {
		return false
	}
	return t.Dep == "appos" || t.Dep == "conj" && !slices.ContainsFunc(sv.children[a], func(c int) bool { return sv.s.Tokens[c].Dep == "cc" })
}

// oneEach keeps one mention per country and organisation among those one
// role holds, the most specific ("Opposition groups in Zimbabwe" holds
// ZWEOPP and ZWE: one actor, ZWEOPP). Mentions with no country are kept.
func oneEach(ms []actor.Mention) []actor.Mention {
	if len(ms) < 2 {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		c := m.Actor.Country
		j := slices.IndexFunc(out, func(o actor.Mention) bool { return c != "" && o.Actor.Country == c && o.Person == "" && m.Person == "" })
		switch {
		case j < 0:
			out = append(out, m)
		case len(m.Actor.Code) > len(out[j].Actor.Code):
			out[j] = m
		}
	}
	return out
}

// orgCountry gives an organisation the knowledge base does not know the
// country its apposition names: "Diyanet, the directorate that manages
// religious issues in Turkey", "Acme, a Turkish company".
func (sv *sentence) orgCountry(in Input, m actor.Mention) actor.Mention {
	for h := m.Tokens[0]; h < m.Tokens[1] && h < len(sv.children); h++ {
		for _, c := range sv.children[h] {
			if sv.s.Tokens[c].Dep != "appos" {
				continue
			}
			lo, hi := sv.subtreeSpan(c)
			for i := lo; i <= hi; i++ {
				if k := sv.mention[i]; k >= 0 && in.Mentions[k].Actor.Type == actor.TypeCountry || k >= 0 && in.Mentions[k].Known() && in.Mentions[k].Person == "" && len(in.Mentions[k].Actor.Country) == 3 {
					cc := in.Mentions[k].Actor.Country
					m.Actor.Country, m.Actor.Code = cc, cc
					return m
				}
			}
		}
	}
	return m
}

// locative reports a mention that names where something happened ("talks
// in Baku"), not who it happened to.
func (sv *sentence) locative(m actor.Mention) bool {
	for i := m.Tokens[0]; i < m.Tokens[1] && i < len(sv.s.Tokens); i++ {
		if locativeMarker(sv.marker(i)) {
			return true
		}
	}
	return false
}

// placedCapital reports a capital's name after a preposition of place
// ("opened a faculty in Baku"): the town, not the government.
func (sv *sentence) placedCapital(m actor.Mention) bool {
	return m.Capital && m.Via != "place" && sv.locative(m)
}

// temporalMarker reports a preposition that places an event in time by
// another event ("following the killing", "after the talks").
func temporalMarker(prep string) bool {
	switch prep {
	case "after", "following", "before", "since", "during", "amid", "until", "ahead":
		return true
	}
	return false
}

// locativeMarker reports a preposition of place.
func locativeMarker(prep string) bool {
	switch prep {
	case "in", "at", "near", "inside", "outside", "across", "throughout":
		return true
	}
	return false
}

// cooperative reports the PLOVER types of (verbal or material) cooperation.
func cooperative(typ string) bool {
	switch typ {
	case "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT":
		return true
	}
	return false
}

// sameCountry reports whether m is of the country of one of the actors.
func sameCountry(m actor.Mention, actors []actor.Mention) bool {
	for _, a := range actors {
		if a.Actor.Country == m.Actor.Country {
			return true
		}
	}
	return false
}

// sameActor reports whether m is one of the actors found.
func sameActor(m actor.Mention, actors []actor.Mention) bool {
	for _, a := range actors {
		if a.Span == m.Span || a.Actor.Code == m.Actor.Code {
			return true
		}
	}
	return false
}

// intentCodes are the CAMEO codes of announced intentions by the type of
// the intended act: CAMEO 03 (express intent to cooperate) for cooperation,
// 13 (threaten) for conflict.
var intentCodes = map[string][2]string{
	"CONSULT": {"AGREE", "036"}, "AID": {"AGREE", "033"}, "COOPERATE": {"AGREE", "031"}, "SUPPORT": {"AGREE", "032"},
	"CONCEDE": {"AGREE", "035"}, "RETREAT": {"AGREE", "035"}, "AGREE": {"AGREE", ""},
	"ASSAULT": {"THREATEN", "138"}, "MOBILIZE": {"THREATEN", "138"}, "COERCE": {"THREATEN", "137"},
	"SANCTION": {"THREATEN", "1312"}, "PROTEST": {"THREATEN", "133"},
}

func intentOf(typ, mode, cameo string) (string, string, string) {
	ic, ok := intentCodes[typ]
	if !ok {
		return typ, mode, cameo
	}
	if ic[1] == "" {
		return typ, mode, cameo
	}
	return ic[0], "", ic[1]
}

// roleFill is what the roles of a trigger hold: known actors, or an
// unknown noun phrase (text and span) the recipient then is domestic for.
type roleFill struct {
	mentions []actor.Mention
	unknown  bool
	each     bool // the "each" role was reached: conjoined actors are each other's recipients
	text     string
	span     nlp.Span
}

// fill finds what fills the first present role of roles at trigger t:
// the actor mentions under it, a place (for recipients: "shelled Juba"
// targets Juba's country), or an unknown noun phrase.
func (c *Coder) fill(in Input, sv *sentence, t int, roles []Role, isActor bool) roleFill {
	var rf roleFill
	try := func(d int) bool {
		if tok := sv.s.Tokens[d]; (tok.POS == "ADJ" || tok.POS == "VERB") && agentModifier(tok.Text) {
			return false // "a UN-brokered deal": the broker is no party to it
		}
		ps := sv.mentionsUnder(in, d)
		if !isActor && len(ps) > 0 && !slices.ContainsFunc(ps, func(p participant) bool {
			// "attacked Iran's enemies": a relational noun names no place's
			// people either.
			m := in.Mentions[p.mention]
			return m.Known() || strings.HasPrefix(m.Via, "relational")
		}) {
			// Only names the knowledge base cannot place ("the Fizuli
			// airport project" read as an organisation): a gazetteer place
			// in the phrase says whose it is.
			if pm, ok := c.placeUnder(in, sv, d); ok {
				rf.mentions = append(rf.mentions, pm)
				return true
			}
		}
		if len(ps) > 0 {
			for _, p := range ps {
				m := in.Mentions[p.mention]
				if !m.Known() && m.Via == "organisation" {
					m = sv.orgCountry(in, m)
				}
				if p.sector != "" && (m.Actor.Sector == "" || m.Capital) && m.Actor.Country != "" && m.Person == "" {
					// "ministers from Azerbaijan"; a capital here is the
					// place they are of, not its government: "protesters
					// in Baghdad" are Iraq's (IRQOPP).
					m.Actor.Sector = p.sector
					m.Actor.Code = m.Actor.Country + p.sector
				}
				if p.sector != "" && m.Person != "" && m.Actor.Country == "" && sv.s.Tokens[d].Span.End > m.Span.End {
					// "his party" of a person the knowledge base cannot
					// place: the party, of no known country yet, not the
					// person.
					m.Actor = actor.Actor{Code: p.sector, Sector: p.sector, Type: actor.TypeSector}
					m.Person, m.Via = "", "possessed"
					m.Span.End = sv.s.Tokens[d].Span.End
					m.Text = in.Doc.Text[m.Span.Start:m.Span.End]
				}
				if len(m.Group) == 0 {
					rf.mentions = append(rf.mentions, m)
					continue
				}
				// "the two countries": each member of the group.
				for _, a := range m.Group {
					gm := m
					gm.Actor, gm.Group = a, nil
					rf.mentions = append(rf.mentions, gm)
				}
			}
			return true
		}
		if isActor {
			// "organisations with origins in Turkey, such as Turksoy, have
			// been active": the examples named act.
			for _, x := range sv.exemplars(d) {
				if ps := sv.mentionsUnder(in, x); len(ps) > 0 {
					for _, p := range ps {
						rf.mentions = append(rf.mentions, in.Mentions[p.mention])
					}
					return true
				}
			}
			return false
		}
		if pm, ok := c.placeUnder(in, sv, d); ok {
			rf.mentions = append(rf.mentions, pm)
			return true
		}
		if !rf.unknown && sv.people(in, d) {
			rf.unknown = true
			tok := sv.s.Tokens[d]
			rf.text, rf.span = tok.Text, tok.Span
		}
		return false
	}
	// A prepositional phrase the parser hung on the object or another
	// phrase instead of the verb: "signed [an agreement with Azerbaijan]"
	// reads as "signed an agreement | with Azerbaijan", "was received [as
	// an act of treachery in Baku]" as "... | in Baku".
	misattached := func() bool {
		for _, r := range roles {
			if r.Rel == "nmod" && r.Prep == "by" {
				// "The arrest of the journalist by Iranian authorities drew
				// protests", parsed with the agent on the active verb (which
				// has no agent of its own) or on the "of" patient.
				var hosts []int
				if h := sv.s.Tokens[t].Head - 1; sv.s.Tokens[t].Dep == "nsubj" && h >= 0 {
					hosts = append(hosts, h)
				}
				for _, o := range sv.children[t] {
					if nlp.BaseRel(sv.s.Tokens[o].Dep) == "nmod" && sv.marker(o) == "of" {
						hosts = append(hosts, o)
					}
				}
				for _, h := range hosts {
					for _, o := range sv.children[h] {
						if b := nlp.BaseRel(sv.s.Tokens[o].Dep); (b == "obl" || b == "nmod") && sv.marker(o) == "by" && try(o) {
							return true
						}
					}
				}
			}
			if r.Rel != "obl" || r.Prep == "" {
				continue
			}
			for _, o := range sv.children[t] {
				if d := sv.s.Tokens[o].Dep; d != "obj" && nlp.BaseRel(d) != "obl" {
					continue
				}
				if d, ok := sv.nmodBelow(o, r.Prep, 3); ok && try(d) {
					return true
				}
			}
		}
		return false
	}
	for _, r := range roles {
		if r.Rel == "each" || r.Rel == "home" {
			if misattached() {
				return rf // "lifted a curfew [in Montenegro]"
			}
			if r.Rel == "each" {
				rf.each = !isActor
			} else if !isActor {
				rf.unknown = true // "imposed martial law": on the actor's own country
			}
			return rf
		}
		// An oblique role the trigger lacks may sit under its object or
		// another oblique, where the parser hung it ("condemned the United
		// Nations over the raids"); it is tried there before the next role.
		if r.Rel == "obl" && r.Prep != "" && len(sv.roleTokens(t, r)) == 0 {
			for _, o := range sv.children[t] {
				if d := sv.s.Tokens[o].Dep; d != "obj" && nlp.BaseRel(d) != "obl" {
					continue
				}
				if d, ok := sv.nmodBelow(o, r.Prep, 3); ok && try(d) {
					return rf
				}
			}
			continue
		}
		// Every token of the role: a coordination the parser split into
		// two subjects ("Chilean [nsubj] and Peruvian officials [nsubj]")
		// still names both.
		found := false
		for _, d := range sv.roleTokens(t, r) {
			if try(d) {
				found = true
				if r.Rel != "subj" {
					break
				}
			}
		}
		if found {
			return rf
		}
	}
	misattached()
	return rf
}

// agentModifier reports a hyphenated modifier whose first part is the
// doer of its participle ("UN-brokered", "US-led", "Iranian-backed"):
// it names who brokered, led or backed the thing, not a party to it.
func agentModifier(w string) bool {
	k := strings.LastIndexByte(w, '-')
	if k <= 0 || k == len(w)-1 || w[k+1] < 'a' || w[k+1] > 'z' {
		return false // "Al-Ahmed", "bin-Mohammed": a name, not a participle
	}
	switch last := w[k+1:]; last {
	case "led", "run", "held", "built", "made", "drawn", "written":
		return true
	default:
		return len(last) > 3 && strings.HasSuffix(last, "ed")
	}
}

// nmodBelow finds, breadth first through nominal modifiers below token o
// (at most depth levels), the first nmod introduced by preposition prep.
func (sv *sentence) nmodBelow(o int, prep string, depth int) (int, bool) {
	level := []int{o}
	for ; depth > 0 && len(level) > 0; depth-- {
		var next []int
		for _, h := range level {
			for _, d := range sv.children[h] {
				if nlp.BaseRel(sv.s.Tokens[d].Dep) != "nmod" {
					continue
				}
				if sv.marker(d) == prep {
					return d, true
				}
				next = append(next, d)
			}
		}
		level = next
	}
	return 0, false
}

// peopleNouns name people an event can be done to without naming whose
// they are: "arrested protesters", "killed two civilians". Such a
// recipient is domestic, of the actor's country.
var peopleNouns = map[string]bool{
	"people": true, "person": true, "man": true, "woman": true, "child": true, "civilian": true, "protester": true,
	"demonstrator": true, "opponent": true, "activist": true, "journalist": true, "student": true, "worker": true,
	"villager": true, "resident": true, "refugee": true, "prisoner": true, "detainee": true, "candidate": true,
	"member": true, "official": true, "leader": true, "dissident": true, "critic": true, "youth": true,
	"soldier": true, "officer": true, "policeman": true, "militant": true, "rebel": true, "fighter": true,
	"insurgent": true, "guerrilla": true, "suspect": true, "citizen": true, "migrant": true, "immigrant": true,
	"supporter": true, "politician": true, "lawmaker": true, "minister": true, "governor": true, "mayor": true,
	"group": true, "organization": true, "organisation": true, "party": true, "union": true, "family": true,
	"farmer": true, "crowd": true, "hostage": true, "victim": true,
}

// dated reports a token inside a DATE or TIME expression the recogniser
// found.
func (sv *sentence) dated(in Input, d int) bool {
	for _, e := range in.Doc.Entities {
		if e.Sentence == sv.idx && (e.Label == "DATE" || e.Label == "TIME") && e.Tokens[0] <= d && d < e.Tokens[1] {
			return true
		}
	}
	return false
}

// people reports a recipient head that names people the knowledge base does
// not know: a person noun, or a number ("arrested 12").
func (sv *sentence) people(in Input, d int) bool {
	t := sv.s.Tokens[d]
	switch t.POS {
	case "NUM":
		// "killed 20", not what the recogniser's rules found a date ("in
		// 1964", "on 12 May").
		return !sv.dated(in, d)
	case "NOUN":
		return peopleNouns[strings.ToLower(t.Lemma)]
	}
	return false
}

// actorIn reports whether a token of toks lies in a mention the knowledge
// base places as an organisation or group: "Hamas" is the movement, not
// a village of that name (a country is its land too).
func (sv *sentence) actorIn(in Input, toks [2]int) bool {
	for i := toks[0]; i < toks[1] && i < len(sv.mention); i++ {
		if k := sv.mention[i]; k >= 0 && in.Mentions[k].Known() && in.Mentions[k].Actor.Type != actor.TypeCountry && in.Mentions[k].Person == "" {
			return true
		}
	}
	return false
}

// exemplars returns the tokens in the phrase headed by d that a "such
// as" or "including" marks as its examples, however the parser attached
// them: "organisations with origins in Turkey, such as Turksoy".
func (sv *sentence) exemplars(d int) []int {
	var out []int
	var walk func(x int)
	walk = func(x int) {
		for _, c := range sv.children[x] {
			if sv.s.Tokens[c].Dep == "case" && sv.suchAs(c) {
				out = append(out, x)
			}
			walk(c)
		}
	}
	walk(d)
	slices.Sort(out) // text order
	return slices.Compact(out)
}

// suchAs reports a case marker "including" or "such as".
func (sv *sentence) suchAs(c int) bool {
	switch strings.ToLower(sv.s.Tokens[c].Text) {
	case "including":
		return true
	case "such":
		return slices.ContainsFunc(sv.children[c], func(f int) bool {
			return sv.s.Tokens[f].Dep == "fixed" && strings.EqualFold(sv.s.Tokens[f].Text, "as")
		})
	}
	return false
}

// placeUnder finds a gazetteer place at token d or in its noun phrase, as
// a recipient standing for the place's country.
func (c *Coder) placeUnder(in Input, sv *sentence, d int) (actor.Mention, bool) {
	if c.Geo == nil {
		return actor.Mention{}, false
	}
	lo, hi := sv.subtreeSpan(d)
	for _, m := range c.gazetteerPlaces(in, sv) {
		if m.Tokens[0] >= lo && m.Tokens[1] <= hi+1 && m.Place.Country != "" && !sv.actorIn(in, m.Tokens) {
			c := geo.CountryOn(m.Place.Country, in.Published) // Juba in 1995 is Sudan's
			return actor.Mention{Sentence: sv.idx, Tokens: m.Tokens, Span: nlp.Span{Start: m.Start, End: m.End},
				Text: in.Doc.Text[m.Start:m.End], Via: "place",
				Actor: actor.Actor{Code: c, Country: c, Type: actor.TypeCountry}}, true
		}
	}
	return actor.Mention{}, false
}

// gazetteerPlaces returns the gazetteer's places in the sentence, found
// once: "Puno" is Peru's when Peru acts, not a namesake elsewhere.
func (c *Coder) gazetteerPlaces(in Input, sv *sentence) []geo.Match {
	if sv.places == nil {
		sv.places = c.Geo.FindTokens(sv.s.Tokens, sv.actorCountries(in), []geo.Match{})
	}
	return sv.places
}

// actorCountries returns the countries of the sentence's actors, in text
// order, which places named beside them are preferably in.
func (sv *sentence) actorCountries(in Input) []string {
	var out []string
	for _, k := range sv.mention {
		if k >= 0 {
			if cc := in.Mentions[k].Actor.Country; len(cc) == 3 && !slices.Contains(out, cc) {
				out = append(out, cc)
			}
		}
	}
	return out
}

// subtreeSpan returns the first and last token index of d's subtree.
func (sv *sentence) subtreeSpan(d int) (int, int) {
	lo, hi := d, d
	var walk func(i int)
	walk = func(i int) {
		for _, c := range sv.children[i] {
			if c < lo {
				lo = c
			}
			if c > hi {
				hi = c
			}
			walk(c)
		}
	}
	walk(d)
	return lo, hi
}

// future reports an announced act: "will visit", "is ready to send".
func (sv *sentence) future(t int) bool {
	if sv.hasAux(t, "will", "shall", "'ll", "’ll") || (sv.hasAux(t, "would") && sv.s.Tokens[t].Dep == "ccomp") {
		return true
	}
	tok := sv.s.Tokens[t]
	if h := tok.Head - 1; h >= 0 && tok.Dep == "xcomp" {
		switch strings.ToLower(sv.s.Tokens[h].Lemma) {
		case "willing", "ready", "prepared", "determined", "set", "poised", "going", "eager", "keen":
			return true
		}
		if planVerbs[strings.ToLower(sv.s.Tokens[h].Lemma)] {
			return true
		}
		// "is willing to send material to help defend": the chain shares
		// the announcement.
		return sv.future(h)
	}
	if h := tok.Head - 1; h >= 0 && tok.Dep == "conj" && triggerPOS(sv.s.Tokens[h].POS) == "V" {
		return sv.future(h) // "will visit Albania and sign": the conjunct shares "will"
	}
	return false
}

// announced reports a trigger of an act still to come, whose dates with
// no year of their own look forward: a verb under "will" or "shall"
// ("will host talks in June"), or a noun of such a verb ("will hold talks
// on Tuesday"), with a date of its own sentence. Not "would" nor "was set
// to": a future seen from the past, whose dates are the story's.
func (sv *sentence) announced(t int) bool {
	if len(sv.dates) == 0 {
		return false // dates carried from earlier sentences are the story's
	}
	if triggerPOS(sv.s.Tokens[t].POS) != "V" {
		if t = sv.s.Tokens[t].Head - 1; t < 0 || triggerPOS(sv.s.Tokens[t].POS) != "V" {
			return false
		}
	}
	return sv.hasAux(t, "will", "shall", "'ll", "’ll")
}

func (c *Coder) event(in Input, sv *sentence, t int, p *Pattern, typ, mode, cameo string, a actor.Mention, r *actor.Mention, conf float64, negated bool) Event {
	tok := sv.s.Tokens[t]
	if when, ok := sv.clauseDate(t); ok && c.Persons != nil {
		a = c.asOf(a, when)
		if r != nil {
			rr := c.asOf(*r, when)
			r = &rr
		}
	}
	e := Event{
		Article:       in.Article,
		Type:          typ,
		Mode:          mode,
		Context:       []string{},
		CAMEO:         cameo,
		Actor:         participantOf(a),
		Sentence:      in.Doc.Text[sv.s.Start:sv.s.End],
		SentenceIndex: sv.idx,
		Evidence: Evidence{
			Trigger:     tok.Text,
			TriggerSpan: [2]int{tok.Span.Start, tok.Span.End},
			ActorSpan:   [2]int{a.Span.Start, a.Span.End},
		},
		Confidence: round2(conf),
		Negated:    negated,
		Pattern:    p.Source,
	}
	if code, ok := c.Ontology.CAMEO(cameo); ok {
		e.Goldstein = code.Goldstein
		e.QuadClass = int(code.QuadClass)
	}
	rcode := ""
	if r != nil {
		e.Recipient = participantOf(*r)
		e.Evidence.RecipientSpan = [2]int{r.Span.Start, r.Span.End}
		rcode = r.Actor.Code
	}
	e.ID = StableID(in.Article.ID, sv.idx, e.Evidence.TriggerSpan, a.Actor.Code, rcode)
	return e
}

// asOf returns m with its person resolved as of date d when they held an
// office then. A person out of office on d keeps the article date's
// actor: a date is not always the act's ("Trump, who appointed her in
// 2017, responded"), and a title in the text ("the president of Turkey")
// says what they were.
func (c *Coder) asOf(m actor.Mention, d time.Time) actor.Mention {
	if m.Actor.PersonID == "" {
		return m
	}
	if a, ok := c.Persons.PersonAt(m.Actor.PersonID, d); ok && a.Sector != "ELI" {
		m.Actor = a
	}
	return m
}

// clauseDate returns the date of the sentence's own date expression that
// belongs to trigger t's clause: its words hang from t, or from the verb
// a nominal trigger hangs on, through no relative clause, subject or
// clause of its own ("met the envoy in 2021", not "Trump, who appointed
// her in 2017, responded").
func (sv *sentence) clauseDate(t int) (time.Time, bool) {
	k := nearestDate(sv.dates, sv.s.Tokens[t].Span.Start)
	if k < 0 {
		return time.Time{}, false
	}
	d := sv.dates[k]
	top := t
	if h := sv.s.Tokens[t].Head - 1; h >= 0 && triggerPOS(sv.s.Tokens[t].POS) == "N" {
		top = h
	}
	for i, tok := range sv.s.Tokens {
		if tok.Span.Start < d.start || tok.Span.End > d.end {
			continue
		}
		for x, n := i, 0; x >= 0 && n < len(sv.s.Tokens); x, n = sv.s.Tokens[x].Head-1, n+1 {
			if x == t || x == top {
				return d.date, true
			}
			switch nlp.BaseRel(sv.s.Tokens[x].Dep) {
			case "acl", "nsubj", "csubj", "advcl", "ccomp", "parataxis", "conj":
				if x != i {
					return time.Time{}, false
				}
			}
		}
	}
	return time.Time{}, false
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

func participantOf(m actor.Mention) *Participant {
	name := m.Actor.Name
	if m.Person != "" {
		name = m.Person
	}
	return &Participant{Text: m.Text, Code: m.Actor.Code, Country: m.Actor.Country, Sector: m.Actor.Sector,
		Name: name, Wikidata: m.Actor.WikidataID}
}

// pronounPossessor reports a nominal trigger whose possessor is a pronoun
// ("continued their hunger strike"): the verb's subject is who "their" is.
func (sv *sentence) pronounPossessor(t int) bool {
	for _, c := range sv.children[t] {
		if sv.s.Tokens[c].Dep == "nmod:poss" && sv.s.Tokens[c].POS == "PRON" {
			return true
		}
	}
	return false
}

// motionVerbs bring their subject to a nominal event in their "for"
// phrase: "arrived in Baku for talks", "returned to Geneva for talks".
var motionVerbs = map[string]bool{
	"arrive": true, "come": true, "go": true, "return": true, "travel": true, "fly": true, "head": true,
	"gather": true, "meet": true, "sit": true, "convene": true,
}

// lightVerbs carry a nominal event whose actor is their subject: "X held
// talks", "X paid a visit", "X launched an attack". Others do not: "X
// followed the talks".
var lightVerbs = map[string]bool{
	"hold": true, "have": true, "conduct": true, "make": true, "pay": true, "carry": true, "launch": true,
	"begin": true, "start": true, "resume": true, "undertake": true, "stage": true, "give": true, "offer": true,
	"provide": true, "extend": true, "sign": true, "reach": true, "conclude": true, "announce": true,
	"mount": true, "wage": true, "issue": true, "express": true, "lodge": true, "file": true, "impose": true,
	"deliver": true, "send": true, "grant": true, "continue": true, "step": true, "intensify": true,
}

// embeddedRecipient are the roles an intended act's recipient is taken
// from when the intention verb has none of its own.
var embeddedRecipient = []Role{{Rel: "obj"}, {Rel: "iobj"}, {Rel: "obl", Prep: "to"}, {Rel: "obl", Prep: "with"},
	{Rel: "obl", Prep: "against"}, {Rel: "obl", Prep: "on"}, {Rel: "obl", Prep: "for"}, {Rel: "obl", Prep: "from"}}

// intentionVerbs govern acts that have not happened: "agreed to visit",
// "threatened to attack", "refused to meet". The governing verb is the
// event (AGREE, THREATEN, REJECT...); the intended act is not coded.
var intentionVerbs = map[string]bool{
	"agree": true, "promise": true, "pledge": true, "vow": true, "offer": true, "plan": true, "intend": true,
	"decide": true, "threaten": true, "refuse": true, "decline": true, "want": true, "hope": true, "seek": true,
	"urge": true, "ask": true, "call": true, "demand": true, "expect": true,
	"aim": true, "prepare": true, "propose": true, "consider": true, "wish": true, "need": true, "fail": true,
	"insist": true, "request": true, "appeal": true, "recommend": true, "suggest": true, "order": true,
}

// intended reports a trigger that is the intended act of an intention
// verb (its xcomp).
//
// The chain is followed up through complements and conjuncts ("refused to
// allow planes to land and evacuate"), and clauses that complete a noun
// of intention ("its demands that the government grant more rights")
// are intended too.
func (sv *sentence) intended(t int) bool {
	for n := 0; n < 4; n++ {
		tok := sv.s.Tokens[t]
		h := tok.Head - 1
		if h < 0 {
			return false
		}
		switch nlp.BaseRel(tok.Dep) {
		case "xcomp", "ccomp":
			lemma := strings.ToLower(sv.s.Tokens[h].Lemma)
			if planVerbs[lemma] && n == 0 {
				return false // the actor's own plan: coded as an intention (see future)
			}
			if lemma == "decide" || lemma == "vote" {
				return false // "the court decided to allow": the decision is the act
			}
			if intentionVerbs[lemma] {
				return true
			}
		case "acl":
			lemma := strings.ToLower(sv.s.Tokens[h].Lemma)
			if intentionNouns[lemma] {
				return true
			}
			// "troops there to eliminate Islamic State": an infinitive
			// on a noun is a purpose, unless the noun is the attempt
			// itself ("Ankara's attempt to restore relations").
			return sv.hasMark(t, "to") && !attemptNouns[lemma]
		case "conj":
		default:
			return false
		}
		t = h
	}
	return false
}

// purpose reports a purpose clause: an adverbial clause with "to".
//
// A clause saying what a launched programme or mission does is no purpose
// but its content: "developed programmes to train religious cadres" (the
// parser hangs the infinitive on the verb).
func (sv *sentence) purpose(t int) bool {
	if nlp.BaseRel(sv.s.Tokens[t].Dep) != "advcl" || !sv.hasMark(t, "to") {
		return false
	}
	if h := sv.s.Tokens[t].Head - 1; h >= 0 {
		for _, c := range sv.children[h] {
			if sv.s.Tokens[c].Dep == "obj" && attemptNouns[strings.ToLower(sv.s.Tokens[c].Lemma)] {
				return false
			}
		}
	}
	return true
}

// inPurpose reports a trigger in a purpose clause: the clause's own verb,
// or one its complements and conjuncts chain to ("to help defend").
func (sv *sentence) inPurpose(t int) bool {
	for n := 0; n < 4 && t >= 0; n++ {
		if sv.purpose(t) {
			return true
		}
		switch nlp.BaseRel(sv.s.Tokens[t].Dep) {
		case "xcomp", "conj":
			t = sv.s.Tokens[t].Head - 1
		default:
			return false
		}
	}
	return false
}

// purposeClauses returns the purpose clauses of t: its own ("marched to
// demand") and those the parser hung on its object ("blocked a road to
// show their disapproval").
func (sv *sentence) purposeClauses(t int) []int {
	var out []int
	for _, c := range sv.children[t] {
		if sv.purpose(c) {
			out = append(out, c)
		}
		if strings.EqualFold(sv.s.Tokens[c].Lemma, "protest") && sv.marker(c) == "in" {
			out = append(out, c) // "in protest of/at/against X"
		}
		if sv.s.Tokens[c].Dep != "obj" {
			continue
		}
		for _, a := range sv.children[c] {
			if sv.s.Tokens[a].Dep == "acl" && sv.hasMark(a, "to") {
				out = append(out, a)
			}
		}
	}
	return out
}

// subordinated reports a subordinating word among words as t's mark or
// adverb ("When asked": the parser makes "when" an advmod).
func (sv *sentence) subordinated(t int, words ...string) bool {
	for _, c := range sv.children[t] {
		if d := sv.s.Tokens[c].Dep; (d == "mark" || d == "advmod") && slices.Contains(words, strings.ToLower(sv.s.Tokens[c].Text)) {
			return true
		}
	}
	return false
}

// hasMark reports a mark dependent of t among words.
func (sv *sentence) hasMark(t int, words ...string) bool {
	for _, c := range sv.children[t] {
		if sv.s.Tokens[c].Dep == "mark" && slices.Contains(words, strings.ToLower(sv.s.Tokens[c].Text)) {
			return true
		}
	}
	return false
}

// conditions returns the "if" and "unless" clauses of t and of the acts
// it intends, to three clauses down: "threatened to stop negotiations to
// reduce weapons if the United States goes ahead".
func (sv *sentence) conditions(t int) []int {
	var out []int
	level := []int{t}
	for depth := 0; depth < 3 && len(level) > 0; depth++ {
		var next []int
		for _, h := range level {
			for _, x := range sv.children[h] {
				switch sv.s.Tokens[x].Dep {
				case "advcl":
					if sv.hasMark(x, "unless", "if") {
						out = append(out, x)
						continue
					}
				case "xcomp", "ccomp":
				default:
					continue
				}
				next = append(next, x)
			}
		}
		level = next
	}
	return out
}

// planVerbs announce the actor's own next act: "plans to impose
// restrictions" is coded as the intention to impose them (THREATEN),
// "decided to send aid" as the intention to help (AGREE).
var planVerbs = map[string]bool{
	"plan": true, "intend": true, "prepare": true, "aim": true, "mean": true,
}

// pressEvent reports a trigger that is, or holds as object, a press or
// news conference or briefing.
func (sv *sentence) pressEvent(t int) bool {
	isPress := func(n int) bool {
		for _, c := range sv.children[n] {
			if sv.s.Tokens[c].Dep == "compound" {
				switch strings.ToLower(sv.s.Tokens[c].Lemma) {
				case "press", "news", "media":
					return true
				}
			}
		}
		return false
	}
	if isPress(t) {
		return true
	}
	for _, c := range sv.children[t] {
		if sv.s.Tokens[c].Dep == "obj" && isPress(c) {
			return true
		}
	}
	return false
}

// attemptNouns are acts whose infinitive says what they do: "an attempt
// to restore relations" is the restoring tried, "programmes to train
// cadres" the training.
var attemptNouns = map[string]bool{
	"attempt": true, "effort": true, "bid": true, "move": true, "step": true, "drive": true, "push": true,
	"campaign": true, "decision": true, "initiative": true, "agreement": true, "deal": true, "vote": true,
	"programme": true, "program": true, "project": true, "scheme": true, "mission": true, "operation": true,
	"course": true, "exercise": true,
}

// intentionNouns name acts not yet done, whose clauses are no events:
// "a demand that Iran stop", "the plan to withdraw".
var intentionNouns = map[string]bool{
	"demand": true, "call": true, "request": true, "proposal": true, "plan": true, "offer": true, "threat": true,
	"appeal": true, "promise": true, "pledge": true, "ultimatum": true,
	"decision": true, "intention": true, "readiness": true, "willingness": true, "refusal": true,
}

// demanded reports a nominal trigger that is what an intention verb asks
// for, not an event that happened: "demanded the resignation of", "called
// for sanctions", "sought the withdrawal".
func (sv *sentence) demanded(t int) bool {
	tok := sv.s.Tokens[t]
	h := tok.Head - 1
	if h < 0 || triggerPOS(sv.s.Tokens[h].POS) != "V" {
		return false
	}
	switch lemma := strings.ToLower(sv.s.Tokens[h].Lemma); {
	case tok.Dep == "obj":
		return demandVerbs[lemma]
	case nlp.BaseRel(tok.Dep) == "obl" && sv.marker(t) == "for":
		return lemma == "call" || lemma == "appeal" || lemma == "press" || lemma == "push" || lemma == "ask"
	}
	return false
}

// inReasonPhrase reports a trigger however deep under a "because of" or
// "despite" phrase: "outlawed the group because of what it called its
// involvement in killing" (not under a "because" clause, which reports
// what happened).
func (sv *sentence) inReasonPhrase(t int) bool {
	// "because of killing protesters": the gerund's own marker
	if sv.s.Tokens[t].XPOS == "VBG" && sv.hasMark(t, "because", "despite") {
		return true
	}
	for a, n := sv.s.Tokens[t].Head-1, 0; a >= 0 && n < 5; a, n = sv.s.Tokens[a].Head-1, n+1 {
		if b := nlp.BaseRel(sv.s.Tokens[a].Dep); b == "obl" || b == "nmod" {
			if m := sv.marker(a); m == "because" || m == "despite" {
				return true
			}
		}
	}
	return false
}

// reason reports a nominal trigger given as the reason for another act
// ("sanctions on the Taliban for its support of terrorists", "despite
// the ceasefire"): a claim in passing, not an event reported.
func (sv *sentence) reason(t int) bool {
	tok := sv.s.Tokens[t]
	if sv.inReasonPhrase(t) {
		return true
	}
	if b := nlp.BaseRel(tok.Dep); b != "obl" && b != "nmod" {
		return false
	}
	switch sv.marker(t) {
	case "for":
		// "arrived in Baku for talks" is the visit's purpose, not a reason.
		h := tok.Head - 1
		return h < 0 || !motionVerbs[strings.ToLower(sv.s.Tokens[h].Lemma)]
	case "despite", "because":
		return true
	}
	return false
}

// undone reports a nominal trigger that a verb calls off or puts off:
// "delayed their meeting", "the visit was cancelled".
func (sv *sentence) undone(t int) bool {
	tok := sv.s.Tokens[t]
	h := tok.Head - 1
	if h < 0 || (tok.Dep != "obj" && tok.Dep != "nsubj:pass") {
		return false
	}
	lemma := strings.ToLower(sv.s.Tokens[h].Lemma)
	if lemma == "call" || lemma == "put" {
		return slices.ContainsFunc(sv.children[h], func(c int) bool {
			return sv.s.Tokens[c].Dep == "compound:prt" && strings.EqualFold(sv.s.Tokens[c].Text, "off")
		})
	}
	return cancelVerbs[lemma]
}

// cancelVerbs undo or defer the act that is their object.
var cancelVerbs = map[string]bool{
	"cancel": true, "postpone": true, "delay": true, "defer": true, "scrap": true, "shelve": true,
	"suspend": true, "abandon": true, "scrub": true,
}

// demandVerbs take as object an act they ask for.
var demandVerbs = map[string]bool{
	"demand": true, "seek": true, "urge": true, "request": true, "propose": true, "want": true, "suggest": true,
	"recommend": true, "advocate": true, "insist": true,
}

// passiveRoles swaps the active-voice roles of a pattern for a passive
// trigger: the agent is the actor, the passive subject stands for obj.
func passiveRoles(actorRoles, recip []Role) ([]Role, []Role) {
	swap := func(rs []Role) []Role {
		out := make([]Role, 0, len(rs))
		for _, r := range rs {
			switch r.Rel {
			case "subj":
				out = append(out, Role{Rel: "agent"})
			case "obj":
				out = append(out, Role{Rel: "nsubj:pass"})
			default:
				out = append(out, r)
			}
		}
		return out
	}
	return swap(actorRoles), swap(recip)
}

// participant is a mention found in a role; sector, when set, is that of a
// head noun the mention modifies ("ministers from Azerbaijan": GOV).
type participant struct {
	mention int
	sector  string
}

// roleTokens returns the dependents of t that fill role r, following
// control, coordination and relative clauses for a missing subject.
func (sv *sentence) roleTokens(t int, r Role) []int {
	toks := sv.s.Tokens
	var out []int
	for _, d := range sv.children[t] {
		if sv.fills(d, r) {
			out = append(out, d)
		}
	}
	// A second subject after the verb is its object misread
	// ("arrested more than 100 Palestinians"; see lateSubject).
	if r.Rel == "subj" && len(out) > 1 && out[0] < t {
		out = slices.DeleteFunc(out, func(d int) bool { return d > t })
	}
	if len(out) > 0 {
		return out
	}
	if r.Rel == "obj" {
		// Coordinated verbs share an object: "met and praised Georgia".
		for _, c := range sv.children[t] {
			if toks[c].Dep == "conj" && triggerPOS(toks[c].POS) == "V" {
				for _, d := range sv.children[c] {
					if toks[d].Dep == "obj" {
						return []int{d}
					}
				}
			}
		}
		return nil
	}
	if r.Rel != "subj" {
		return out
	}
	// A named subject the parser took for a bare noun-phrase adjunct
	// ("Lt. Gen. Avril resigned" as obl:unmarked).
	for _, d := range sv.children[t] {
		if d < t && (toks[d].Dep == "obl:unmarked" || toks[d].Dep == "obl:npmod") && toks[d].POS == "PROPN" && sv.mentionIn(d) {
			return []int{d}
		}
	}
	// Inherit a missing subject.
	h := toks[t].Head - 1
	if h < 0 {
		return nil
	}
	switch nlp.BaseRel(toks[t].Dep) {
	case "xcomp":
		// Object control ("urged Turkey to act") before subject control,
		// and a passive controller ("it is prepared to impose").
		for _, d := range sv.children[h] {
			if toks[d].Dep == "obj" || toks[d].Dep == "iobj" {
				return []int{d}
			}
		}
		if out := sv.roleTokens(h, r); len(out) > 0 {
			return out
		}
		for _, d := range sv.children[h] {
			if toks[d].Dep == "nsubj:pass" {
				return []int{d}
			}
		}
		return nil
	case "conj":
		if g := toks[h].Head - 1; g >= 0 && (nlp.BaseRel(toks[h].Dep) == "advcl" || toks[h].Dep == "acl") && sv.reducedPassive(h) &&
			slices.ContainsFunc(sv.children[t], func(c int) bool { return nlp.BaseRel(toks[c].Dep) == "aux" }) {
			// "opened its borders to Africans ordered out of Nigeria, but
			// was still refusing ...": a finite verb the parser conjoined
			// with a participle belongs to the participle's head.
			return sv.roleTokens(g, r)
		}
		return sv.roleTokens(h, r)
	case "acl":
		// "the company that signed", "the minister visiting Baku"; not a
		// reduced passive ("the disease first recognized in China"): the
		// noun is what was done to.
		if toks[t].Dep == "acl" && sv.reducedPassive(t) {
			return nil
		}
		if statementNouns[strings.ToLower(toks[h].Lemma)] && toks[h].Dep == "obj" && !sv.mentionIn(h) {
			// "issued a declaration demanding that ...": the statement's
			// author demands, the subject of the verb that made it.
			if g := toks[h].Head - 1; g >= 0 && triggerPOS(toks[g].POS) == "V" {
				return sv.roleTokens(g, r)
			}
		}
		return []int{h}
	case "parataxis":
		// "Organisations such as Turksoy, have been active in ...": the
		// parser made the subject the root and the predicate a side
		// clause; a root noun phrase with no verb is that subject.
		if toks[h].Dep == "root" && (toks[h].POS == "NOUN" || toks[h].POS == "PROPN") {
			return []int{h}
		}
		return nil
	case "advcl":
		if sv.reducedPassive(t) {
			return nil // "when asked about": a reduced passive, its subject is no actor
		}
		return sv.roleTokens(h, r)
	}
	return nil
}

// reducedPassive reports a past participle with no subject, auxiliary or
// object of its own: "the disease first recognized in China", "when asked
// about". (A participle with an object is an active verb the tagger
// misread: "the Coordinator, demanded parties to".)
func (sv *sentence) reducedPassive(t int) bool {
	switch x := sv.s.Tokens[t].XPOS; {
	case x == "VBN":
	case x == "VBD" && nlp.BaseRel(sv.s.Tokens[t].Dep) == "advcl" && sv.subordinated(t, "when", "if", "once", "unless", "until", "as", "though", "although"):
		// "When asked about", "if elected": tagged past, read passive.
	case x == "VBD" && nlp.BaseRel(sv.s.Tokens[t].Dep) == "advcl" && !slices.ContainsFunc(sv.children[t], func(c int) bool { return sv.s.Tokens[c].Dep == "mark" }):
		// "opened its borders to West Africans ordered out of Nigeria": a
		// past tense with no subject and no subordinator is a participle
		// the tagger misread (in UD English such a clause is a VBN).
	default:
		return false
	}
	for _, c := range sv.children[t] {
		switch nlp.BaseRel(sv.s.Tokens[c].Dep) {
		case "obj", "nsubj", "aux", "iobj", "ccomp", "xcomp":
			return false
		}
	}
	return true
}

// mentionIn reports a mention at d or among its compound and flat parts.
func (sv *sentence) mentionIn(d int) bool {
	if sv.mention[d] >= 0 {
		return true
	}
	for _, c := range sv.children[d] {
		switch nlp.BaseRel(sv.s.Tokens[c].Dep) {
		case "compound", "flat", "nmod":
			if sv.mention[c] >= 0 {
				return true
			}
		}
	}
	return false
}

// fills reports whether dependent d fills role r.
func (sv *sentence) fills(d int, r Role) bool {
	dep := sv.s.Tokens[d].Dep
	switch r.Rel {
	case "subj":
		// An "it" the parser took for an expletive but that refers to an
		// actor ("Syria says it is willing to withdraw") is a subject.
		return dep == "nsubj" || dep == "csubj" || (dep == "expl" && sv.mention[d] >= 0)
	case "nsubj:pass":
		return dep == "nsubj:pass"
	case "obj", "iobj":
		// Parsers confuse the two ("accused [the United States] of"): a
		// pattern's object role takes either.
		return dep == "obj" || dep == "iobj" || dep == "nsubj" && sv.lateSubject(d)
	case "poss":
		return dep == "nmod:poss"
	case "agent":
		return dep == "obl:agent" || (nlp.BaseRel(dep) == "obl" && sv.marker(d) == "by")
	case "obl", "nmod":
		if nlp.BaseRel(dep) != r.Rel || dep == "obl:agent" && r.Prep != "by" {
			return false
		}
		return r.Prep == "" || sv.marker(d) == r.Prep
	case "prt":
		return dep == "compound:prt"
	default:
		return nlp.BaseRel(dep) == r.Rel
	}
}

// marker returns the lower-cased preposition (case dependent) of d.
func (sv *sentence) marker(d int) string {
	for _, c := range sv.children[d] {
		if sv.s.Tokens[c].Dep == "case" {
			return strings.ToLower(sv.s.Tokens[c].Text)
		}
	}
	return ""
}

// mentionsUnder returns the mentions at token d or within its noun phrase
// (compounds, modifiers, possessors, flat names, appositions), and those of
// its coordinated conjuncts: "Azerbaijan and Turkey" gives both.
func (sv *sentence) mentionsUnder(in Input, d int) []participant {
	var out []participant
	seen := map[int]bool{}
	sector := ""
	add := func(k int) {
		if k >= 0 && !seen[k] {
			seen[k] = true
			out = append(out, participant{mention: k, sector: sector})
		}
	}
	var walk func(i, depth int)
	var conj func(i int)
	walk = func(i, depth int) {
		if k := sv.mention[i]; k >= 0 {
			m := in.Mentions[k]
			if m.Actor.Country == "" && m.Actor.Sector != "" && m.Person == "" && depth == 0 {
				// A sector word with no country ("foreign ministers"): look
				// for whose it is below it, and give them the sector.
				sector = m.Actor.Sector
			} else {
				if !m.Known() && m.Person == "" {
					// "the Pacific Economic Cooperation (APEC) forum": a
					// name the knowledge base knows only by the acronym
					// in apposition is that actor.
					for _, c := range sv.children[i] {
						if kc := sv.mention[c]; kc >= 0 && kc != k && sv.s.Tokens[c].Dep == "appos" && in.Mentions[kc].Known() {
							k = kc
							break
						}
					}
				}
				add(k)
				conj(i) // "ministers from Azerbaijan and Turkey"
				for _, c := range sv.children[i] {
					if sv.coActor(in, k, i, c) {
						add(sv.mention[c])
						conj(c)
					}
				}
				return
			}
		}
		if depth >= 3 {
			return
		}
		for _, c := range sv.children[i] {
			switch nlp.BaseRel(sv.s.Tokens[c].Dep) {
			case "compound", "amod", "flat", "appos", "nmod", "det":
				if sv.s.Tokens[c].Dep == "nmod:poss" && depth > 0 {
					continue
				}
				if nlp.BaseRel(sv.s.Tokens[c].Dep) == "nmod" && sector == "" && locativeMarker(sv.marker(c)) {
					// "an attack by soldiers in south Ithilen": where, not
					// who (but "authorities in Croatia" are Croatia's).
					continue
				}
				if nlp.BaseRel(sv.s.Tokens[c].Dep) == "nmod" && temporalMarker(sv.marker(c)) {
					// "the offices of the administrators following the
					// killing of an Israeli man": another event, not a party.
					continue
				}
				walk(c, depth+1)
			}
		}
	}
	// Conjuncts: "Azerbaijan and Turkey", "Hungarian and Romanian officials".
	conj = func(i int) {
		for _, c := range sv.children[i] {
			if sv.s.Tokens[c].Dep == "conj" {
				if k := sv.mention[c]; k >= 0 {
					add(k)
				} else {
					walk(c, 1)
				}
				conj(c)
			}
		}
	}
	walk(d, 0)
	conj(d)
	if len(out) == 0 && sector != "" {
		// Only the sector is known: keep it (not Known, so no event).
		add(sv.mention[d])
	}
	for _, c := range sv.children[d] {
		if dep := sv.s.Tokens[c].Dep; dep != "amod" && dep != "compound" {
			continue
		}
		// "Hungarian and Romanian officials": the first adjective is an
		// actor of its own when it has conjuncts.
		for _, cc := range sv.children[c] {
			if sv.s.Tokens[cc].Dep == "conj" {
				add(sv.mention[c])
				break
			}
		}
		conj(c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].mention < out[j].mention })
	return out
}

// nearestOther finds the known mention of the sentence nearest to t whose
// actor differs from a's, for nominal events with no syntactic recipient.
func (sv *sentence) nearestOther(in Input, t int, a actor.Mention) int {
	best, bestDist := -1, 1<<30
	ac := a.Actor.Country
	for i, k := range sv.mention {
		if k < 0 || !in.Mentions[k].Known() || in.Mentions[k].Actor.Country == ac {
			continue
		}
		d := i - t
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

func (sv *sentence) hasAux(t int, words ...string) bool {
	for _, c := range sv.children[t] {
		if nlp.BaseRel(sv.s.Tokens[c].Dep) == "aux" {
			w := strings.ToLower(sv.s.Tokens[c].Text)
			for _, x := range words {
				if w == x {
					return true
				}
			}
		}
	}
	return false
}

// conditional reports a trigger inside an "if" or "unless" clause, however
// deep: "unless Baghdad accepted its conditions for ending the conflict"
// codes no ending.
func (sv *sentence) conditional(t int) bool {
	for n := 0; n < 6 && t >= 0; n++ {
		if sv.hasMark(t, "if", "unless", "whether") || sv.hasMark(t, "until") && sv.present(t) {
			// "until their political demands are met": not yet; "fought
			// until the army withdrew" did happen.
			return true
		}
		if sv.hasMark(t, "before") && sv.underDemand(t) {
			// "demanded a truce before allowing aid convoys": a condition
			// of the demand, not an act.
			return true
		}
		if sv.s.Tokens[t].Dep == "acl:relcl" {
			// "whether to remain part of the union, which it joined in
			// 1973": a relative clause says what is so of its noun.
			return false
		}
		t = sv.s.Tokens[t].Head - 1
	}
	return false
}

// underDemand reports a token governed, within three levels, by a verb
// of demanding.
func (sv *sentence) underDemand(t int) bool {
	for n := 0; n < 3; n++ {
		if t = sv.s.Tokens[t].Head - 1; t < 0 {
			return false
		}
		if triggerPOS(sv.s.Tokens[t].POS) == "V" && demandVerbs[strings.ToLower(sv.s.Tokens[t].Lemma)] {
			return true
		}
	}
	return false
}

// present reports a clause in the present tense: its verb or its first
// auxiliary is a present form.
func (sv *sentence) present(t int) bool {
	for _, c := range sv.children[t] {
		if nlp.BaseRel(sv.s.Tokens[c].Dep) == "aux" {
			x := sv.s.Tokens[c].XPOS
			return x == "VBP" || x == "VBZ"
		}
	}
	x := sv.s.Tokens[t].XPOS
	return x == "VBP" || x == "VBZ"
}

// hypothetical reports a modal that makes the clause no report of fact, or
// an "if" clause.
func (sv *sentence) hypothetical(t int) bool {
	if sv.hasAux(t, "should", "could", "may", "might", "must", "ought", "can") {
		return true
	}
	// "would" is future in reported speech ("said Ankara would open"),
	// hypothetical elsewhere.
	if sv.hasAux(t, "would", "'d") && sv.s.Tokens[t].Dep != "ccomp" {
		return true
	}
	for _, c := range sv.children[t] {
		if sv.s.Tokens[c].Dep == "mark" && (strings.EqualFold(sv.s.Tokens[c].Text, "if") || strings.EqualFold(sv.s.Tokens[c].Text, "unless")) {
			return true
		}
	}
	// The clause under "could" etc. through xcomp: "may possibly witness".
	if h := sv.s.Tokens[t].Head - 1; h >= 0 && sv.s.Tokens[t].Dep == "xcomp" {
		return sv.hypothetical(h)
	}
	return false
}

func (sv *sentence) negated(t int) bool {
	for _, c := range sv.children[t] {
		tk := sv.s.Tokens[c]
		if tk.Dep == "advmod" || tk.Dep == "det" || tk.Dep == "neg" {
			switch strings.ToLower(tk.Text) {
			case "not", "n't", "never", "no":
				return true
			}
		}
		// "neither US nor British authorities delivered": a subject
		// opened by "neither" denies the act of all its conjuncts.
		if nlp.BaseRel(tk.Dep) == "nsubj" {
			lo, hi := sv.subtreeSpan(c)
			for lo < hi && sv.s.Tokens[lo].POS == "PUNCT" {
				lo++
			}
			if strings.EqualFold(sv.s.Tokens[lo].Text, "neither") {
				return true
			}
		}
	}
	return false
}

// passive reports a passive trigger. An active subject outweighs the
// parser's other passive marks ("Moody Awori has declined" with a stray
// nsubj:pass, "shortened by one hour the curfew" with "by one hour" as
// obl:agent).
func (sv *sentence) passive(t int) bool {
	pass, subj := false, false
	for _, c := range sv.children[t] {
		switch sv.s.Tokens[c].Dep {
		case "aux:pass":
			return true
		case "nsubj:pass", "obl:agent":
			pass = true
		case "nsubj":
			subj = true
		}
	}
	if !pass && !subj && sv.s.Tokens[t].Dep == "conj" && sv.s.Tokens[t].XPOS == "VBN" {
		// "was shot and killed": a participle conjoined to a passive
		// shares its voice.
		if h := sv.s.Tokens[t].Head - 1; h >= 0 && triggerPOS(sv.s.Tokens[h].POS) == "V" {
			return sv.passive(h)
		}
	}
	return pass && !subj
}

// measureNouns quantify what follows them: "ten days of war games", "a
// new round of talks", "a wave of strikes".
var measureNouns = map[string]bool{
	"day": true, "week": true, "month": true, "hour": true, "year": true, "round": true, "series": true,
	"wave": true, "spate": true, "batch": true, "shipment": true, "ton": true, "tonne": true,
	"consignment": true, "flurry": true, "patch": true, "group": true, "team": true,
}

// measured returns the "of" noun under a measure noun at d ("days of war
// games"), or -1.
func (sv *sentence) measured(d int) int {
	if !measureNouns[strings.ToLower(sv.s.Tokens[d].Lemma)] {
		return -1
	}
	for _, c := range sv.children[d] {
		if nlp.BaseRel(sv.s.Tokens[c].Dep) == "nmod" && sv.marker(c) == "of" {
			return c
		}
	}
	return -1
}

// satisfies checks a pattern's constraints on the dependents of t.
func (sv *sentence) satisfies(t int, cs []Constraint) bool {
	for _, c := range cs {
		found := false
		for _, d := range sv.children[t] {
			if !sv.fills(d, c.Role) {
				continue
			}
			if len(c.Lemmas) == 0 || lemmaIn(sv.s.Tokens[d], c.Lemmas) {
				found = true
				break
			}
			if of := sv.measured(d); of >= 0 && lemmaIn(sv.s.Tokens[of], c.Lemmas) {
				found = true // "launched ten days of war games"
				break
			}
			if c.Modifier && slices.ContainsFunc(sv.children[d], func(m int) bool {
				return sv.s.Tokens[m].Dep == "compound" && lemmaIn(sv.s.Tokens[m], c.Lemmas)
			}) {
				found = true
				break
			}
		}
		if found == c.Negate {
			return false
		}
	}
	return true
}

func lemmaIn(t nlp.Token, lemmas []string) bool {
	l := strings.ToLower(t.Lemma)
	w := strings.ToLower(t.Text)
	for _, x := range lemmas {
		if l == x || w == x {
			return true
		}
	}
	return false
}

// lateSubject reports an nsubj d after its verb when the verb has another
// nsubj before it: "police arrested more than 100 Palestinians" read with
// two subjects, the second being the object.
func (sv *sentence) lateSubject(d int) bool {
	h := sv.s.Tokens[d].Head - 1
	if h < 0 || d < h {
		return false
	}
	return slices.ContainsFunc(sv.children[h], func(c int) bool { return c < h && sv.s.Tokens[c].Dep == "nsubj" })
}

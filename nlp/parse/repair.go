package parse

import (
	"strings"

	"github.com/dyad-events/dyad/nlp"
)

// repair corrects, after decoding, attachments and labels that UD English
// never has and that the greedy parser does produce on news syntax. On
// EWT train's gold trees it changes nothing (TestRepairOnGoldTrees -v
// prints the counts cited here).
//
// A clausal complement (ccomp) hangs from a verb or an adjective, never
// from a noun (a noun's content clause is acl; none of EWT train's 2,110
// ccomp is moved). The parser does hang "that ..." on the date or
// the place between the verb and the clause ("said here Wednesday that
// the US must ..."), which loses the clause to whoever reads "said"; such
// a clause goes up to the verb the nominal depends on. Moving a subtree
// to an ancestor of its head keeps the tree a tree.
//
// A subject has no preposition. When a verb has two nominal subjects and
// one of them has a preposition of its own ("In it, Rahimov said"), that
// one is an oblique. With no other subject it stays: the preposition is
// more likely a clause's marker the parser took for a case ("after crowds
// burned").
//
// An agent is marked by "by" (EWT train: 312 of 312 obl:agent); with
// another preposition ("at least eight leaders") it is a plain oblique.
//
// A clause with a perfect "have" and no passive auxiliary is active: its
// subject is nsubj, not nsubj:pass ("it had called off the strike"; EWT
// train: all 1,064 subjects of such clauses are nsubj).
//
// No verb of EWT train has two nominal subjects, and no word has a
// common noun and a name right after it both as its subjects, objects or
// conjuncts. When the parser gives a verb a common noun as subject right
// before a name that is its other subject ("Palestinian leader Yasser
// Arafat rejected"), or makes both conjuncts ("between Syria and
// Palestinian leader Yasser Arafat"), the noun describes the name, as
// EWT attaches it (nmod:desc, 59 of the 78 common nouns right before the
// proper noun they depend on). So is a bare oblique noun right before a
// named subject. With a comma between them ("Qatar's emir,
// Sheikh Hamad, launched") the name is the noun's apposition. A name
// right before a common noun that is the verb's other subject ("the APEC
// forum has agreed") is the noun's compound.
//
// The other repairs are documented where they are defined, each with the
// EWT train evidence that it never fires on gold trees. Label repairs run
// first, so that the structural ones see a perfect's subject as nsubj.
func repair(toks []nlp.Token) {
	if !isTree(toks) {
		return // not a tree of these tokens: nothing to mend
	}
	// The repairs move words between heads; should some combination of
	// them ever close a cycle, the parse is kept as decoded.
	var hb [64]int // a news sentence fits: no allocation per sentence
	var db [64]string
	heads, deps := hb[:0], db[:0]
	for _, t := range toks {
		heads, deps = append(heads, t.Head), append(deps, t.Dep)
	}
	mend(toks)
	if !isTree(toks) {
		for i := range toks {
			toks[i].Head, toks[i].Dep = heads[i], deps[i]
		}
	}
}

// isTree reports whether every token's chain of heads reaches the root.
func isTree(toks []nlp.Token) bool {
	for i := range toks {
		j := i
		for n := 0; toks[j].Head != 0; n++ {
			if n > len(toks) || toks[j].Head < 0 || toks[j].Head > len(toks) {
				return false
			}
			j = toks[j].Head - 1
		}
	}
	return true
}

// mend applies the repairs to a well-formed tree.
func mend(toks []nlp.Token) {
	for i := range toks {
		lexicalAux(toks, i)
		weekdayInName(toks, i)
		bareSubject(toks, i)
		if toks[i].Dep == "obl:agent" && !hasDep(toks, i, "case", "by") {
			toks[i].Dep = "obl"
		}
		if toks[i].Dep == "nsubj:pass" && hasDep(toks, toks[i].Head-1, "aux", "have") && !hasDep(toks, toks[i].Head-1, "aux:pass", "") {
			toks[i].Dep = "nsubj"
		}
	}
	for i := range toks {
		subjectAsObject(toks, i)
	}
	for i := range toks {
		byAgentOfNoun(toks, i)
		openingParticiple(toks, i)
		reducedRelative(toks, i)
		conjAsParticiple(toks, i)
		overAsCase(toks, i)
		reportedParticiple(toks, i)
	}
	for i := range toks {
		if j := namedHead(toks, i); j >= 0 {
			toks[i].Head, toks[i].Dep = j+1, "compound"
		}
		switch j, appos := describedName(toks, i); {
		case j < 0:
		case appos:
			toks[j].Head, toks[j].Dep = i+1, "appos"
		default:
			toks[i].Head, toks[i].Dep = j+1, "nmod:desc"
		}
		if (toks[i].Dep == "nsubj" || toks[i].Dep == "nsubj:pass") && hasCase(toks, i) && otherSubject(toks, i) {
			toks[i].Dep = "obl"
		}
	}
	for i := range toks {
		if toks[i].Dep != "ccomp" {
			continue
		}
		h := toks[i].Head - 1
		for h >= 0 && nominal(toks[h].POS) && toks[h].Head > 0 {
			h = toks[h].Head - 1
		}
		if h >= 0 && h != toks[i].Head-1 && !nominal(toks[h].POS) {
			toks[i].Head = h + 1
		}
	}
}

// lexicalAux repairs a lexical verb the parser made the auxiliary of a
// participle that modifies the verb's object ("The Palestinians reject
// proposed Israeli changes": reject is the clause's verb, proposed an
// adjective of changes). An auxiliary is an AUX in UD English; the
// repair changes no gold tree of EWT train (TestRepairOnGoldTrees).
func lexicalAux(toks []nlp.Token, a int) {
	if (toks[a].Dep != "aux" && toks[a].Dep != "aux:pass") || toks[a].POS != "VERB" {
		return
	}
	switch strings.ToLower(toks[a].Lemma) {
	case "be", "have", "do", "get", "will", "would", "can", "could", "may", "might", "shall", "should", "must":
		return
	}
	h := toks[a].Head - 1
	if h != a+1 {
		return
	}
	o := -1
	for j := range toks {
		if toks[j].Head-1 == h && toks[j].Dep == "obj" && j > h {
			o = j
			break
		}
	}
	if o < 0 || subtreeFirst(toks, o) != h+1 {
		return
	}
	// The verb takes the participle's place and its dependents, but for
	// the object, which becomes the verb's with the participle on it.
	for j := range toks {
		if toks[j].Head-1 == h && j != a && j != o {
			toks[j].Head = a + 1
		}
	}
	toks[a].Head, toks[a].Dep = toks[h].Head, toks[h].Dep
	toks[o].Head = a + 1
	toks[h].Head, toks[h].Dep = o+1, "amod"
}

// weekdayInName moves a day name the parser made part of a name (flat)
// to the verb the name depends on, as a bare temporal oblique: no day
// name of EWT train is flat.
func weekdayInName(toks []nlp.Token, i int) {
	if toks[i].Dep != "flat" || !nlp.IsWeekday(toks[i].Text) || toks[i].Text[0] < 'A' || toks[i].Text[0] > 'Z' {
		return
	}
	h := toks[i].Head - 1
	if h < 0 || toks[h].Head == 0 {
		return
	}
	if g := toks[h].Head - 1; toks[g].POS == "VERB" || toks[g].POS == "AUX" {
		toks[i].Head, toks[i].Dep = g+1, "obl:unmarked"
	} else {
		toks[i].Dep = "nmod:unmarked"
	}
}

// describedName returns the proper noun whose words start right after
// common noun i when both are subjects, objects or conjuncts of one
// word, or the noun is an oblique with no preposition before a named
// subject ("Palestinian leader [obl] Yasser Arafat [nsubj] rejected"),
// else -1. A subject may be followed by a comma before the name
// ("its leader, Ana Soto, said"): the name is then in apposition.
func describedName(toks []nlp.Token, i int) (j int, appos bool) {
	if toks[i].POS != "NOUN" || i+1 >= len(toks) {
		return -1, false
	}
	subject := toks[i].Dep == "nsubj" || toks[i].Dep == "nsubj:pass"
	bareObl := toks[i].Dep == "obl" && !hasDep(toks, i, "case", "")
	if !subject && !bareObl && toks[i].Dep != "obj" && toks[i].Dep != "conj" {
		return -1, false
	}
	next := i + 1
	if subject && toks[next].Text == "," && next+1 < len(toks) {
		next, appos = i+2, true
	}
	if toks[next].POS != "PROPN" {
		return -1, false
	}
	for j := i + 1; j < len(toks); j++ {
		same := toks[j].Dep == toks[i].Dep || bareObl && toks[j].Dep == "nsubj"
		if toks[j].Head == toks[i].Head && same && toks[j].POS == "PROPN" && subtreeFirst(toks, j) == i+1 {
			return j, appos
		}
	}
	return -1, false
}

// reducedRelative repairs a participle clause the parser hung on a verb
// with the verb's object as the clause's subject ("workers blocked [the
// bridge] spanning the Rhine"): the noun is the verb's object and the
// participle modifies it (acl). In EWT train no verb without an object
// is followed right away by the subject of its own participle clause.
func reducedRelative(toks []nlp.Token, a int) {
	if toks[a].Dep != "advcl" || toks[a].XPOS != "VBG" && toks[a].XPOS != "VBN" {
		return
	}
	h := toks[a].Head - 1
	if h < 0 || h > a || toks[h].POS != "VERB" || hasDep(toks, h, "obj", "") || hasDep(toks, h, "ccomp", "") || hasDep(toks, h, "xcomp", "") {
		return
	}
	for k := h + 1; k < a; k++ {
		if toks[k].Head-1 == a && (toks[k].Dep == "nsubj" || toks[k].Dep == "nsubj:pass") && subtreeFirst(toks, k) == h+1 {
			toks[k].Head, toks[k].Dep = h+1, "obj"
			toks[a].Head, toks[a].Dep = k+1, "acl"
			return
		}
	}
}

// conjAsParticiple repairs a past form the parser conjoined to an earlier
// verb with no conjunction, comma, subject or object of its own, right
// after a noun ("opened its border to Peruvians ordered out of Chile"):
// it is a participle modifying that noun (acl), unless the noun is
// introduced by a word that also subordinates clauses ("after Clinton
// resigned", "after" read as a preposition). Every such conjunct of
// EWT train has an object ("lit it off"). Conjuncts of its own go back
// to the verb it was conjoined to.
func conjAsParticiple(toks []nlp.Token, k int) {
	if toks[k].Dep != "conj" || toks[k].POS != "VERB" || toks[k].XPOS != "VBD" && toks[k].XPOS != "VBN" || k == 0 {
		return
	}
	if toks[k-1].POS != "NOUN" && toks[k-1].POS != "PROPN" || toks[k].Head-1 >= k {
		return
	}
	for j := range toks {
		if toks[j].Head-1 == k-1 && toks[j].Dep == "case" {
			switch strings.ToLower(toks[j].Text) {
			case "after", "before", "since", "until", "as", "once":
				return // "after Clinton resigned": a clause's subject
			}
		}
	}
	for j := range toks {
		if toks[j].Head-1 == k {
			switch toks[j].Dep {
			case "cc", "punct", "mark", "obj", "nsubj", "nsubj:pass", "aux", "aux:pass", "expl", "csubj":
				return
			}
		}
	}
	if nlp.Dominates(toks, k, k-1) {
		return // the noun is the conjunct's own dependent
	}
	old := toks[k].Head
	for j := range toks {
		if toks[j].Head-1 == k && toks[j].Dep == "conj" {
			toks[j].Head = old
		}
	}
	toks[k].Head, toks[k].Dep, toks[k].XPOS = k, "acl", "VBN"
}

// reportedParticiple repairs a bare participle clause, after a comma,
// that the parser hung on a reporting verb that follows it when the
// reported clause comes first ("police opened fire, killing one person,
// sources said"): the participle belongs to the reported clause before
// it. On EWT train's gold trees it changes nothing.
func reportedParticiple(toks []nlp.Token, a int) {
	if toks[a].Dep != "advcl" || toks[a].XPOS != "VBG" {
		return
	}
	h := toks[a].Head - 1
	if h <= a || toks[h].POS != "VERB" || a == 0 || toks[a-1].Text != "," || hasDep(toks, a, "case", "") || hasDep(toks, a, "mark", "") {
		return // "because of fighting", "after meeting": not a bare participle clause
	}
	c := -1
	for k := a - 1; k >= 0; k-- {
		if toks[k].Head-1 == h && (toks[k].Dep == "ccomp" || toks[k].Dep == "parataxis") && toks[k].POS == "VERB" {
			c = k
			break
		}
	}
	if c >= 0 {
		toks[a].Head = c + 1
	}
}

// bareSubject repairs a noun the parser made a bare oblique (a date-like
// "obl:unmarked") right before a finite verb that has no subject
// ("Jordanian police opened fire"): it is the subject. No noun of EWT
// train stands so.
func bareSubject(toks []nlp.Token, k int) {
	switch toks[k].Dep {
	case "obl:unmarked", "obl:tmod", "obl:npmod":
	default:
		return
	}
	h := toks[k].Head - 1
	if h != k+1 || toks[k].POS != "NOUN" && toks[k].POS != "PROPN" || toks[h].POS != "VERB" {
		return
	}
	participle := false
	switch toks[h].XPOS {
	case "VBD", "VBZ", "VBP":
	case "VBN":
		// "Jordanian police opened fire" tagged as a participle: one that
		// heads a clause and takes an object with no auxiliary is a past
		// tense (in EWT train such nouns before a participle are in
		// compounds, "state sponsored", which head no clause).
		participle = true
		if toks[h].Dep == "amod" || toks[h].Dep == "acl" || !hasDep(toks, h, "obj", "") {
			return
		}
	default:
		return
	}
	for j := range toks {
		if toks[j].Head-1 == h {
			switch toks[j].Dep {
			case "nsubj", "nsubj:pass", "expl", "csubj", "aux", "aux:pass":
				return
			}
		}
	}
	toks[k].Dep = "nsubj"
	if participle {
		toks[h].XPOS = "VBD"
	}
}

// byAgentOfNoun repairs "a call by X to do Y" parsed as a clause "by X
// to do Y" with X its subject ("rejected calls by Kofi Annan, UN
// secretary-general, to adopt reforms"): X is the noun's agent (nmod
// with "by") and the infinitive the noun's own clause (acl). No verb of
// EWT train has both "by" and "to" as markers and its subject right
// after "by".
func byAgentOfNoun(toks []nlp.Token, b int) {
	if !strings.EqualFold(toks[b].Text, "by") || toks[b].Dep != "mark" || b == 0 || toks[b-1].POS != "NOUN" {
		return
	}
	v := toks[b].Head - 1
	if v <= b || !hasDep(toks, v, "mark", "to") {
		return
	}
	x := -1
	for j := b + 1; j < v; j++ {
		if toks[j].Head-1 == v && toks[j].Dep == "nsubj" && subtreeFirst(toks, j) == b+1 {
			x = j
			break
		}
	}
	if x < 0 {
		return
	}
	n := b - 1
	if nlp.Dominates(toks, v, n) {
		return // the noun is the clause's own: moving the clause under it would close a cycle
	}
	toks[b].Head, toks[b].Dep, toks[b].POS = x+1, "case", "ADP"
	toks[x].Head, toks[x].Dep = n+1, "nmod"
	toks[v].Head, toks[v].Dep = n+1, "acl"
}

// openingParticiple repairs a sentence that opens with a participle
// describing its subject ("Newly appointed Prime Minister Ismail Haniyeh
// has refused"), parsed as a clause whose object is the subject: when
// the verb it hangs on has no subject, the object is that subject and
// the participle modifies it (amod). No opening participle with an
// object in EWT train hangs on a verb without a subject.
func openingParticiple(toks []nlp.Token, a int) {
	if toks[a].Dep != "advcl" || toks[a].XPOS != "VBN" {
		return
	}
	for j := 0; j < a; j++ {
		if toks[j].Dep != "advmod" {
			return
		}
	}
	h := toks[a].Head - 1
	if h <= a || hasDep(toks, h, "nsubj", "") || hasDep(toks, h, "nsubj:pass", "") || hasDep(toks, h, "expl", "") {
		return
	}
	for o := a + 1; o < h; o++ {
		if toks[o].Head-1 == a && toks[o].Dep == "obj" && subtreeLast(toks, o) < h && subtreeFirst(toks, o) == a+1 {
			toks[o].Head, toks[o].Dep = h+1, "nsubj"
			toks[a].Head, toks[a].Dep = o+1, "amod"
			return
		}
	}
}

// subjectAsObject repairs a noun the parser made the subject of a later
// verb that has another subject, when it follows right after a verb with
// no object ("Clinton has imposed [sanctions] on the Taliban ..., the
// White House said"): it is that verb's object. No verb of EWT train has
// two nominal subjects.
func subjectAsObject(toks []nlp.Token, n int) {
	if toks[n].Dep != "nsubj" || toks[n].POS != "NOUN" && toks[n].POS != "PROPN" {
		return
	}
	w := toks[n].Head - 1
	v := subtreeFirst(toks, n) - 1
	if w <= n || v < 0 || v == w || toks[v].POS != "VERB" || hasDep(toks, v, "obj", "") || hasDep(toks, v, "ccomp", "") || hasDep(toks, v, "xcomp", "") {
		return
	}
	other := false
	for j := n + 1; j < w; j++ {
		if toks[j].Head-1 == w && (toks[j].Dep == "nsubj" || toks[j].Dep == "nsubj:pass") {
			other = true
		}
	}
	if other {
		toks[n].Head, toks[n].Dep = v+1, "obj"
	}
}

// overAsCase repairs "over" read as the "more than" of a number in an
// oblique or nominal modifier with no preposition ("complained to the
// UN over two air raids"): it is the phrase's preposition. On EWT
// train's gold trees it changes nothing (a sum, "pay over $1000", is no
// noun).
func overAsCase(toks []nlp.Token, o int) {
	if !strings.EqualFold(toks[o].Text, "over") || toks[o].Dep != "advmod" {
		return
	}
	n := o + 1
	if n >= len(toks) || toks[n].Dep != "nummod" {
		return
	}
	h := toks[n].Head - 1
	if h < 0 || toks[o].Head-1 != n && toks[o].Head-1 != h || toks[h].POS != "NOUN" && toks[h].POS != "PROPN" {
		return
	}
	if toks[h].Dep != "obl" && toks[h].Dep != "nmod" || hasDep(toks, h, "case", "") || subtreeFirst(toks, h) != o {
		return
	}
	toks[o].Head, toks[o].Dep, toks[o].POS = h+1, "case", "ADP"
	if toks[o].XPOS != "" {
		toks[o].XPOS = "IN"
	}
}

// namedHead returns the common noun subject that starts right after the
// words of proper-noun subject i when both are subjects of one verb
// ("the Asia-Pacific Economic Cooperation (APEC) forum has agreed"): the
// name modifies the noun, as a compound. Else -1.
func namedHead(toks []nlp.Token, i int) int {
	if toks[i].POS != "PROPN" || toks[i].Dep != "nsubj" && toks[i].Dep != "nsubj:pass" {
		return -1
	}
	last := subtreeLast(toks, i)
	j := last + 1
	if j >= len(toks) || toks[j].POS != "NOUN" || toks[j].Head != toks[i].Head || toks[j].Dep != toks[i].Dep {
		return -1
	}
	return j
}

// nominal reports the UPOS tags of words that take no clausal complement.
func nominal(upos string) bool {
	switch upos {
	case "NOUN", "PROPN", "NUM", "PRON":
		return true
	}
	return false
}

// hasCase reports a token with a preposition (ADP) as its case marker,
// not the possessive 's.
func hasCase(toks []nlp.Token, i int) bool {
	for j := range toks {
		if toks[j].Head-1 == i && toks[j].Dep == "case" && toks[j].POS == "ADP" {
			return true
		}
	}
	return false
}

// otherSubject reports whether token i's head has a subject without a
// preposition besides i.
func otherSubject(toks []nlp.Token, i int) bool {
	for j := range toks {
		if j != i && toks[j].Head == toks[i].Head && (toks[j].Dep == "nsubj" || toks[j].Dep == "nsubj:pass") && !hasCase(toks, j) {
			return true
		}
	}
	return false
}

// hasDep reports whether token h has a dependent in relation rel (with
// lemma or word form lemma, if not "": untagged text has no lemmas).
func hasDep(toks []nlp.Token, h int, rel, lemma string) bool {
	for j := range toks {
		if toks[j].Head-1 == h && toks[j].Dep == rel && (lemma == "" || strings.EqualFold(toks[j].Lemma, lemma) || strings.EqualFold(toks[j].Text, lemma)) {
			return true
		}
	}
	return false
}

// subtreeFirst returns the first word of token i's subtree.
func subtreeFirst(toks []nlp.Token, i int) int {
	f, _ := nlp.SubtreeBounds(toks, i)
	return f
}

// subtreeLast returns the last word of token i's subtree.
func subtreeLast(toks []nlp.Token, i int) int {
	_, l := nlp.SubtreeBounds(toks, i)
	return l
}

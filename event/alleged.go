package event

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad/nlp"
)

// accusingVerbs take the act they allege as an "of", "for" or "with"
// phrase: "accused Nairobi of meddling", "blamed the rebels for the
// shelling", "charged him with plotting". The act is the accuser's claim,
// not a reported fact: the coder codes the accusation alone. Verbs of
// condemning are not among them: "condemned Israel for the airstrike"
// presents the airstrike as a fact.
var accusingVerbs = map[string]bool{
	"accuse": true, "blame": true, "charge": true, "fault": true, "suspect": true, "indict": true,
}

// allegingWords introduce what an accusing verb alleges.
var allegingWords = []string{"of", "for", "with"}

// denyingVerbs say that what follows did not happen: "denied that it had
// closed the crossing", "dismissed reports that troops had crossed".
var denyingVerbs = map[string]bool{
	"deny": true, "dismiss": true, "refute": true, "rebut": true, "reject": true, "disown": true,
}

// claimNouns are the nouns a denial or an accusation takes the alleged
// act under: "denied reports that", "rejected claims that".
var claimNouns = map[string]bool{
	"report": true, "claim": true, "allegation": true, "accusation": true, "rumour": true,
	"rumor": true, "suggestion": true, "charge": true, "assertion": true, "speculation": true,
}

// alleged reports a trigger that only an accusation or a denial states:
// the clause a verb of accusing takes with "of", "for" or "with", or the
// clause a verb of denying takes (directly, or under a claim noun). Such
// acts are what someone says another did, or says they did not do; the
// accusation or the denial is the event.
func (sv *sentence) alleged(t int) bool {
	h := sv.s.Tokens[t].Head - 1
	if h < 0 {
		return false
	}
	head := strings.ToLower(sv.s.Tokens[h].Lemma)
	switch rel := nlp.BaseRel(sv.s.Tokens[t].Dep); {
	case accusingVerbs[head] && (rel == "advcl" || rel == "acl" || rel == "xcomp" || rel == "obl" || rel == "nmod"):
		return sv.hasMark(t, allegingWords...) || slices.Contains(allegingWords, sv.marker(t))
	case denyingVerbs[head] && (rel == "ccomp" || rel == "xcomp" && sv.s.Tokens[t].XPOS == "VBG"):
		// "denied that it had closed the crossing", "denied supplying
		// drones to Russia".
		return true
	case claimNouns[head] && (rel == "acl" || rel == "ccomp"):
		// "denied reports that it had closed the crossing".
		g := sv.s.Tokens[h].Head - 1
		if g < 0 {
			return false
		}
		verb := strings.ToLower(sv.s.Tokens[g].Lemma)
		return denyingVerbs[verb] || accusingVerbs[verb]
	}
	return false
}

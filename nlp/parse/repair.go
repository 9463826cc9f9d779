package parse

import "github.com/dyad-events/dyad/nlp"

// repair corrects, after decoding, attachments that UD English never
// makes and that the greedy parser does make on news syntax.
//
// A clausal complement (ccomp) hangs from a verb or an adjective, never
// from a noun (EWT train: 0 of 2,110 ccomp heads are nominal; a noun's
// content clause is acl). The parser does hang "that ..." on the date or
// the place between the verb and the clause ("said here Wednesday that
// the US must ..."), which loses the clause to whoever reads "said"; such
// a clause goes up to the verb the nominal depends on. Moving a subtree
// to an ancestor of its head keeps the tree a tree.
func repair(toks []nlp.Token) {
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

// nominal reports the UPOS tags of words that take no clausal complement.
func nominal(upos string) bool {
	switch upos {
	case "NOUN", "PROPN", "NUM", "PRON":
		return true
	}
	return false
}

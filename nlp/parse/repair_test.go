package parse

import (
	"os"
	"slices"
	"testing"

	"github.com/dyad-events/dyad/internal/shareddata"
	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/conllu"
)

func TestRepair(t *testing.T) {
	type tok struct {
		text, upos string
		head       int
		dep        string
	}
	tests := []struct {
		name  string
		toks  []tok
		heads []int    // wanted heads after repair
		deps  []string // wanted relations after repair (nil: unchanged)
	}{
		{"a second subject with a preposition is an oblique",
			[]tok{{"In", "ADP", 2, "case"}, {"it", "PRON", 5, "nsubj"}, {",", "PUNCT", 5, "punct"}, {"Soto", "PROPN", 5, "nsubj"}, {"said", "VERB", 0, "root"}},
			[]int{2, 5, 5, 5, 0}, []string{"case", "obl", "punct", "nsubj", "root"}},
		{"a perfect with no passive auxiliary has an active subject",
			[]tok{{"it", "PRON", 3, "nsubj:pass"}, {"had", "AUX", 3, "aux"}, {"called", "VERB", 0, "root"}},
			[]int{3, 3, 0}, []string{"nsubj", "aux", "root"}},
		{"a perfect passive keeps its passive subject",
			[]tok{{"it", "PRON", 4, "nsubj:pass"}, {"had", "AUX", 4, "aux"}, {"been", "AUX", 4, "aux:pass"}, {"called", "VERB", 0, "root"}},
			[]int{4, 4, 4, 0}, []string{"nsubj:pass", "aux", "aux:pass", "root"}},
		{"an agent without 'by' is an oblique",
			[]tok{{"killed", "VERB", 0, "root"}, {"at", "ADP", 3, "case"}, {"leaders", "NOUN", 1, "obl:agent"}},
			[]int{0, 3, 1}, []string{"root", "case", "obl"}},
		{"an agent with 'by' stays",
			[]tok{{"killed", "VERB", 0, "root"}, {"by", "ADP", 3, "case"}, {"rebels", "NOUN", 1, "obl:agent"}},
			[]int{0, 3, 1}, []string{"root", "case", "obl:agent"}},
		{"a common noun subject right before a named subject describes it",
			[]tok{{"rebel", "ADJ", 2, "amod"}, {"leader", "NOUN", 5, "nsubj"}, {"Ana", "PROPN", 5, "nsubj"}, {"Soto", "PROPN", 3, "flat"}, {"left", "VERB", 0, "root"}},
			[]int{2, 3, 5, 3, 0}, []string{"amod", "nmod:desc", "nsubj", "flat", "root"}},
		{"a common noun conjunct right before a named conjunct describes it",
			[]tok{{"Peru", "PROPN", 0, "root"}, {"and", "CCONJ", 3, "cc"}, {"leader", "NOUN", 1, "conj"}, {"Soto", "PROPN", 1, "conj"}},
			[]int{0, 3, 4, 1}, []string{"root", "cc", "nmod:desc", "conj"}},
		{"a named subject after a comma is in apposition",
			[]tok{{"emir", "NOUN", 5, "nsubj"}, {",", "PUNCT", 3, "punct"}, {"Soto", "PROPN", 5, "nsubj"}, {",", "PUNCT", 3, "punct"}, {"left", "VERB", 0, "root"}},
			[]int{5, 3, 1, 3, 0}, []string{"nsubj", "punct", "appos", "punct", "root"}},
		{"conjuncts after a comma stay",
			[]tok{{"Peru", "PROPN", 0, "root"}, {",", "PUNCT", 3, "punct"}, {"leader", "NOUN", 1, "conj"}, {",", "PUNCT", 5, "punct"}, {"Soto", "PROPN", 1, "conj"}},
			[]int{0, 3, 1, 5, 1}, nil},
		{"subjects apart stay",
			[]tok{{"leader", "NOUN", 4, "nsubj"}, {"and", "CCONJ", 4, "cc"}, {"Soto", "PROPN", 4, "nsubj"}, {"left", "VERB", 0, "root"}},
			[]int{4, 4, 4, 0}, []string{"nsubj", "cc", "nsubj", "root"}},
		{"a lexical verb is no auxiliary: the participle after it modifies its object",
			[]tok{{"Peru", "PROPN", 3, "nsubj"}, {"rejects", "VERB", 3, "aux"}, {"proposed", "VERB", 0, "root"}, {"changes", "NOUN", 3, "obj"}, {".", "PUNCT", 3, "punct"}},
			[]int{2, 0, 4, 2, 2}, []string{"nsubj", "root", "amod", "obj", "punct"}},
		{"an auxiliary stays",
			[]tok{{"Peru", "PROPN", 3, "nsubj"}, {"has", "VERB", 3, "aux"}, {"proposed", "VERB", 0, "root"}, {"changes", "NOUN", 3, "obj"}},
			[]int{3, 3, 0, 3}, []string{"nsubj", "aux", "root", "obj"}},
		{"a day name is no part of a name",
			[]tok{{"leader", "NOUN", 5, "obl"}, {"Ana", "PROPN", 5, "nsubj"}, {"Soto", "PROPN", 2, "flat"}, {"Monday", "PROPN", 2, "flat"}, {"left", "VERB", 0, "root"}},
			[]int{2, 5, 2, 5, 0}, []string{"nmod:desc", "nsubj", "flat", "obl:unmarked", "root"}},
		{"a bare oblique that is no name's description stays",
			[]tok{{"week", "NOUN", 3, "obl:unmarked"}, {"Soto", "PROPN", 3, "nsubj"}, {"left", "VERB", 0, "root"}},
			[]int{3, 3, 0}, []string{"obl:unmarked", "nsubj", "root"}},
		{"a named subject right before a common noun subject is its compound",
			[]tok{{"the", "DET", 5, "det"}, {"Andean", "PROPN", 5, "nsubj"}, {"Pact", "PROPN", 2, "flat"}, {"forum", "NOUN", 5, "nsubj"}, {"agreed", "VERB", 0, "root"}},
			[]int{5, 4, 2, 5, 0}, []string{"det", "compound", "flat", "nsubj", "root"}},
		{"a participle's subject right after an objectless verb is the verb's object",
			[]tok{{"workers", "NOUN", 2, "nsubj"}, {"blocked", "VERB", 0, "root"}, {"the", "DET", 4, "det"}, {"bridge", "NOUN", 5, "nsubj"}, {"spanning", "VERB", 2, "advcl"}, {"rivers", "NOUN", 5, "obj"}},
			[]int{2, 0, 4, 2, 4, 5}, []string{"nsubj", "root", "det", "obj", "acl", "obj"}},
		{"'over' before the number of an oblique with no preposition is its preposition",
			[]tok{{"Peru", "PROPN", 2, "nsubj"}, {"complained", "VERB", 0, "root"}, {"over", "ADV", 4, "advmod"}, {"two", "NUM", 5, "nummod"}, {"raids", "NOUN", 2, "obl"}},
			[]int{2, 0, 5, 5, 2}, []string{"nsubj", "root", "case", "nummod", "obl"}},
		{"also when the parser hung 'over' on the noun",
			[]tok{{"Peru", "PROPN", 2, "nsubj"}, {"complained", "VERB", 0, "root"}, {"over", "ADV", 5, "advmod"}, {"two", "NUM", 5, "nummod"}, {"raids", "NOUN", 2, "obl"}},
			[]int{2, 0, 5, 5, 2}, []string{"nsubj", "root", "case", "nummod", "obl"}},
		{"'over' before the number of an object stays",
			[]tok{{"Peru", "PROPN", 2, "nsubj"}, {"killed", "VERB", 0, "root"}, {"over", "ADV", 4, "advmod"}, {"two", "NUM", 5, "nummod"}, {"rebels", "NOUN", 2, "obj"}},
			[]int{2, 0, 4, 5, 2}, []string{"nsubj", "root", "advmod", "nummod", "obj"}},
		{"a bare past form conjoined right after a noun is a participle on the noun",
			[]tok{{"Peru", "PROPN", 2, "nsubj"}, {"opened", "VERB", 0, "root"}, {"to", "ADP", 4, "case"}, {"farmers", "NOUN", 2, "obl"}, {"expelled", "VERB", 2, "conj"},
				{"from", "ADP", 7, "case"}, {"Chile", "PROPN", 5, "obl"}, {"but", "CCONJ", 9, "cc"}, {"refused", "VERB", 5, "conj"}},
			[]int{2, 0, 4, 2, 4, 7, 5, 9, 2}, []string{"nsubj", "root", "case", "obl", "acl", "case", "obl", "cc", "conj"}},
		{"a conjoined past form with an object stays",
			[]tok{{"Peru", "PROPN", 2, "nsubj"}, {"opened", "VERB", 0, "root"}, {"roads", "NOUN", 2, "obj"}, {"closed", "VERB", 2, "conj"}, {"ports", "NOUN", 4, "obj"}},
			[]int{2, 0, 2, 2, 4}, []string{"nsubj", "root", "obj", "conj", "obj"}},
		{"a participle clause between a reported clause and its reporting verb belongs to the reported clause",
			[]tok{{"police", "NOUN", 2, "nsubj"}, {"fired", "VERB", 7, "ccomp"}, {",", "PUNCT", 4, "punct"}, {"killing", "VERB", 7, "advcl"}, {"two", "NUM", 4, "obj"},
				{"sources", "NOUN", 7, "nsubj"}, {"said", "VERB", 0, "root"}},
			[]int{2, 7, 4, 2, 4, 7, 0}, nil},
		{"a bare oblique noun right before a subjectless finite verb is its subject",
			[]tok{{"police", "NOUN", 2, "obl:unmarked"}, {"opened", "VERB", 0, "root"}, {"fire", "NOUN", 2, "obj"}},
			[]int{2, 0, 2}, []string{"nsubj", "root", "obj"}},
		{"'a call by X to do Y': X is the call's agent and the infinitive its clause",
			[]tok{{"Peru", "PROPN", 2, "nsubj"}, {"rejected", "VERB", 0, "root"}, {"calls", "NOUN", 2, "obj"}, {"by", "ADP", 7, "mark"}, {"Chile", "PROPN", 7, "nsubj"},
				{"to", "PART", 7, "mark"}, {"adopt", "VERB", 2, "advcl"}, {"reforms", "NOUN", 7, "obj"}},
			[]int{2, 0, 2, 5, 3, 7, 3, 7}, []string{"nsubj", "root", "obj", "case", "nmod", "mark", "acl", "obj"}},
		{"an opening participle with an object before a subjectless verb describes the subject",
			[]tok{{"Newly", "ADV", 2, "advmod"}, {"elected", "VERB", 5, "advcl"}, {"President", "PROPN", 4, "nmod:desc"}, {"Soto", "PROPN", 2, "obj"}, {"resigned", "VERB", 0, "root"}},
			[]int{2, 4, 4, 5, 0}, []string{"advmod", "amod", "nmod:desc", "nsubj", "root"}},
		{"a noun right after an objectless verb, subject of a later verb that has its own, is the first verb's object",
			[]tok{{"Peru", "PROPN", 2, "nsubj"}, {"imposed", "VERB", 6, "ccomp"}, {"sanctions", "NOUN", 6, "nsubj"}, {",", "PUNCT", 5, "punct"}, {"Lima", "PROPN", 6, "nsubj"}, {"said", "VERB", 0, "root"}},
			[]int{2, 6, 2, 5, 6, 0}, []string{"nsubj", "ccomp", "obj", "punct", "nsubj", "root"}},
		{"a lone subject keeps its relation",
			[]tok{{"after", "ADP", 2, "case"}, {"crowds", "NOUN", 3, "nsubj"}, {"burned", "VERB", 0, "root"}},
			[]int{2, 3, 0}, []string{"case", "nsubj", "root"}},
		{"a content clause on the date goes up to the verb",
			[]tok{{"Peru", "PROPN", 2, "nsubj"}, {"said", "VERB", 0, "root"}, {"Monday", "PROPN", 2, "obl:tmod"},
				{"that", "SCONJ", 7, "mark"}, {"Chile", "PROPN", 7, "nsubj"}, {"must", "AUX", 7, "aux"}, {"leave", "VERB", 3, "ccomp"}},
			[]int{2, 0, 2, 7, 7, 7, 2}, nil},
		{"through a chain of nominals",
			[]tok{{"Peru", "PROPN", 2, "nsubj"}, {"said", "VERB", 0, "root"}, {"on", "ADP", 4, "case"}, {"Monday", "PROPN", 2, "obl"},
				{"night", "NOUN", 4, "compound"}, {"Chile", "PROPN", 7, "nsubj"}, {"left", "VERB", 5, "ccomp"}},
			[]int{2, 0, 4, 2, 4, 7, 2}, nil},
		{"a clause on a verb or an adjective stays",
			[]tok{{"Peru", "PROPN", 2, "nsubj"}, {"is", "AUX", 3, "cop"}, {"sure", "ADJ", 0, "root"}, {"Chile", "PROPN", 5, "nsubj"}, {"left", "VERB", 3, "ccomp"}},
			[]int{2, 3, 0, 5, 3}, nil},
		{"a nominal root keeps its clause",
			[]tok{{"Reason", "NOUN", 0, "root"}, {"Chile", "PROPN", 3, "nsubj"}, {"left", "VERB", 1, "ccomp"}},
			[]int{0, 3, 1}, nil},
	}
	xpos := map[string]string{"elected": "VBN", "spanning": "VBG", "killing": "VBG", "opened": "VBD", "expelled": "VBD", "closed": "VBD"}
	lemmas := map[string]string{"to": "to", "had": "have", "has": "have", "been": "be", "by": "by", "at": "at", "rejects": "reject", "proposed": "propose"}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := make([]nlp.Token, len(tc.toks))
			for i, x := range tc.toks {
				toks[i] = nlp.Token{Text: x.text, Lemma: lemmas[x.text], POS: x.upos, XPOS: xpos[x.text], Head: x.head, Dep: x.dep}
			}
			repair(toks)
			for i := range toks {
				if toks[i].Head != tc.heads[i] {
					t.Errorf("token %d %q: head %d, want %d", i+1, toks[i].Text, toks[i].Head, tc.heads[i])
				}
				if tc.deps != nil && toks[i].Dep != tc.deps[i] {
					t.Errorf("token %d %q: relation %s, want %s", i+1, toks[i].Text, toks[i].Dep, tc.deps[i])
				}
			}
		})
	}
}

// TestRepairOnGoldTrees is the evidence for repair: run on EWT train's
// gold trees, it should change almost nothing, since each of its rules
// restores what the treebank always does. Run with -v for the counts the
// doc of repair cites.
func TestRepairOnGoldTrees(t *testing.T) {
	path := shareddata.Require(t, "ud-english", "en_ewt-ud-train.conllu")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	sents, err := conllu.ReadAll(f, path)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var words, ccomp, subj, agent, perfectSubj, nounBeforeName, desc, twoSubjects int
	changed := map[string]int{}
	for _, s := range sents {
		toks := make([]nlp.Token, len(s.Words))
		for i, w := range s.Words {
			toks[i] = nlp.Token{Text: w.Form, Lemma: w.Lemma, POS: w.UPOS, XPOS: w.XPOS, Head: w.Head, Dep: w.Deprel}
		}
		for i, tok := range toks {
			// A common noun right before the proper noun it depends on.
			if h := tok.Head - 1; tok.POS == "NOUN" && h > i && allProper(toks[i+1:h+1]) {
				nounBeforeName++
				if tok.Dep == "nmod:desc" {
					desc++
				}
			}
			switch tok.Dep {
			case "ccomp":
				ccomp++
			case "obl:agent":
				agent++
			}
			if tok.Dep == "nsubj" || tok.Dep == "nsubj:pass" {
				subj++
				if hasDep(toks, tok.Head-1, "aux", "have") && !hasDep(toks, tok.Head-1, "aux:pass", "") {
					perfectSubj++
				}
			}
		}
		subjects := map[int]int{}
		for _, tok := range toks {
			if tok.Dep == "nsubj" || tok.Dep == "nsubj:pass" {
				if subjects[tok.Head]++; subjects[tok.Head] == 2 {
					twoSubjects++
				}
			}
		}
		gold := slices.Clone(toks)
		repair(toks)
		for i := range toks {
			switch {
			case toks[i].Head != gold[i].Head:
				changed["ccomp moved up from a nominal head"]++
			case toks[i].Dep != gold[i].Dep:
				changed[gold[i].Dep+" -> "+toks[i].Dep]++
			}
		}
		words += len(toks)
	}
	t.Logf("EWT train: %d words; %d ccomp, %d subjects (nsubj, nsubj:pass), %d of them in a perfect clause with no passive auxiliary, %d obl:agent", words, ccomp, subj, perfectSubj, agent)
	t.Logf("EWT train: %d heads with two or more nominal subjects", twoSubjects)
	t.Logf("EWT train: %d common nouns right before the proper noun they depend on, %d of them nmod:desc", nounBeforeName, desc)
	total := 0
	for k, n := range changed {
		t.Logf("repair changes on gold trees: %s: %d", k, n)
		total += n
	}
	t.Logf("repair changes %d of %d gold words", total, words)
	if total != 0 {
		t.Errorf("repair changes %d of %d gold words: its rules no longer match the treebank", total, words)
	}
}

// allProper reports whether every token is a proper noun.
func allProper(toks []nlp.Token) bool {
	for _, t := range toks {
		if t.POS != "PROPN" {
			return false
		}
	}
	return true
}

// FuzzRepair runs repair on arbitrary trees and non-trees of words the
// repairs look at: it must not panic, and a tree must stay a tree.
func FuzzRepair(f *testing.F) {
	f.Add([]byte{2, 0, 0, 0, 1, 1, 2, 2, 3})
	f.Add([]byte{5, 3, 7, 0, 0, 0, 1, 4, 2, 9, 9, 9, 4, 1, 0})
	words := []string{"by", "to", "over", "Monday", ",", "after", "leader", "Soto", "calls", "rejected", "proposed", "has", "the", "two"}
	pos := []string{"NOUN", "PROPN", "VERB", "AUX", "ADP", "PUNCT", "NUM", "ADV", "SCONJ", "PART"}
	xpos := []string{"NN", "NNP", "VBD", "VBN", "VBG", "VBZ", "VB", "IN", ",", "CD"}
	deps := []string{"root", "nsubj", "nsubj:pass", "obj", "obl", "obl:unmarked", "obl:agent", "nmod", "conj", "cc", "advcl", "acl", "ccomp",
		"xcomp", "aux", "aux:pass", "mark", "case", "flat", "compound", "appos", "advmod", "nummod", "punct", "cop", "det"}
	f.Fuzz(func(t *testing.T, b []byte) {
		n := len(b) / 3
		if n == 0 || n > 40 {
			return
		}
		toks := make([]nlp.Token, n)
		for i := range toks {
			x, y, z := int(b[3*i]), int(b[3*i+1]), int(b[3*i+2])
			toks[i] = nlp.Token{Text: words[x%len(words)], Lemma: words[x%len(words)], POS: pos[y%len(pos)], XPOS: xpos[z%len(xpos)],
				Head: (x + y) % (n + 2), Dep: deps[(y+z)%len(deps)]}
		}
		tree := isTree(toks)
		repair(toks)
		if tree && !isTree(toks) {
			t.Errorf("repair broke a tree: %+v", toks)
		}
	})
}

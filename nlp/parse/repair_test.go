package parse

import (
	"testing"

	"github.com/dyad-events/dyad/nlp"
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
	lemmas := map[string]string{"had": "have", "been": "be", "by": "by", "at": "at"}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := make([]nlp.Token, len(tc.toks))
			for i, x := range tc.toks {
				toks[i] = nlp.Token{Text: x.text, Lemma: lemmas[x.text], POS: x.upos, Head: x.head, Dep: x.dep}
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

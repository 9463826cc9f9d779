package tag

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/nlp"
)

// uposOf gives the rule tests' tokens the UPOS that goes with their XPOS.
var uposOf = map[string]string{
	"DT": "DET", "JJ": "ADJ", "NNP": "PROPN", "NN": "NOUN", "NNS": "NOUN",
	"VB": "VERB", "VBP": "VERB", "VBZ": "VERB", "VBD": "VERB", "VBN": "VERB", "MD": "AUX", "CC": "CCONJ",
	"TO": "PART", "PRP": "PRON", "PRP$": "PRON", "IN": "ADP", ",": "PUNCT",
	".": "PUNCT", "RP": "ADP", "HYPH": "PUNCT", "POS": "PART",
}

// TestContextRules runs contextFix on tagged token sequences ("word/XPOS")
// as the greedy pass might leave them.
func TestContextRules(t *testing.T) {
	tg := load(t)
	if len(ctxRules) > 32 {
		t.Fatalf("%d context rules, Tagger.ruleMask holds 32", len(ctxRules))
	}
	tests := []struct{ in, want string }{
		{"They/PRP welcomed/VBD a/DT key/JJ EU/NNP offer/VB ./.", "PRP VBD DT JJ NNP NN ."},
		{"the/DT UN/NNP plan/VB was/VBD rejected/VBN", "DT NNP NN VBD VBN"},
		{"helped/VBD the/DT US/NNP catch/VB them/PRP", "VBD DT NNP VB PRP"},
		{"repeated/VBD its/PRP$ demand/VBP", "VBD PRP$ NN"},
		{"a/DT check/VB -/HYPH in/RP", "DT VB HYPH RP"},
		{"a/DT new/JJ attack/VB", "DT JJ NN"},
		{"weeks/NNS of/IN talks/VBZ", "NNS IN NNS"},
		{"it/PRP could/MD plan/NN", "PRP MD VB"},
		{"agreed/VBD to/TO host/NN talks/NNS", "VBD TO VB NNS"},
		{"up/RP to/TO speed/NN", "RP TO NN"},
		{"it/PRP plans/NNS to/TO", "PRP VBZ TO"},
		{"they/PRP plan/NN to/TO", "PRP VBP TO"},
		{"can/MD they/PRP plan/NN", "MD PRP NN"},
		{"Norway/NNP plans/NNS a/DT vote/NN", "NNP VBZ DT NN"},
		{"gives/VBZ Norway/NNP plans/NNS a/DT vote/NN", "VBZ NNP NNS DT NN"},
		{"Norway/NNP ,/, like/IN its/PRP$ neighbours/NNS ,/, plans/NNS to/TO raise/VB taxes/NNS ./.",
			"NNP , IN PRP$ NNS , VBZ TO VB NNS ."},
		{"Norway/NNP said/VBD its/PRP$ plans/NNS to/TO raise/VB taxes/NNS", "NNP VBD PRP$ NNS TO VB NNS"},
		{"Doctors/NNS donated/VBN and/CC delivered/VBD goods/NNS", "NNS VBD CC VBD NNS"},
		{"goods/NNS were/VBD donated/VBN and/CC delivered/VBD", "NNS VBD VBN CC VBD"},
	}
	for _, tc := range tests {
		var toks []nlp.Token
		for _, f := range strings.Fields(tc.in) {
			i := strings.LastIndexByte(f, '/')
			x := f[i+1:]
			toks = append(toks, nlp.Token{Text: f[:i], POS: uposOf[x], XPOS: x})
		}
		rows := make([]int32, len(toks))
		cls := make([]uint8, len(toks))
		for i := range toks {
			rows[i] = -1
			if k, ok := tg.ambig.get(fnvString(strings.ToLower(toks[i].Text))); ok {
				rows[i] = k.row
			}
		}
		for i := range toks {
			for c := range tg.upos {
				if tg.upos[c] == toks[i].POS && tg.xpos[c] == toks[i].XPOS {
					cls[i] = uint8(c)
				}
			}
		}
		var rs ruleSent
		tg.contextFix(&rs, toks, cls, rows)
		var got []string
		for _, tok := range toks {
			got = append(got, tok.XPOS)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.in, g, tc.want)
		}
	}
}

// TestContextRulesOnTrain is the evidence for ctxRules: with the gold tags
// of EWT train as the context, the words where a rule would apply have
// the rule's tag, not the one it replaces, at least 97% of the time;
// counted over all words and over the words the training data saw with
// both tags.
func TestContextRulesOnTrain(t *testing.T) {
	train := readCoNLLU(t, filepath.Join(udDir(t), "en_ewt-ud-train.conllu"))
	tg := load(t)
	for r, cr := range ctxRules {
		c := tg.rules[r]
		if c < 0 {
			t.Fatalf("%s: the model has no class %s/%s", cr.name, cr.upos, cr.xpos)
		}
		var all, amb [2]int // right, wrong
		for _, s := range train {
			toks := make([]nlp.Token, len(s.Words))
			rows := make([]int32, len(s.Words))
			for i, w := range s.Words {
				toks[i] = nlp.Token{Text: w.Form, POS: w.UPOS, XPOS: w.XPOS}
				rows[i] = -1
				if k, ok := tg.ambig.get(fnvString(strings.ToLower(w.Form))); ok {
					rows[i] = k.row
				}
			}
			rs := &ruleSent{tg, toks, rows}
			for i := range toks {
				right := toks[i].XPOS == cr.xpos
				wrong := toks[i].POS == cr.fromPOS && xposIs(&toks[i], cr.from...)
				if !right && !wrong || !cr.match(rs, i) {
					continue
				}
				k := 0
				if wrong {
					k = 1
				}
				all[k]++
				if rows[i] >= 0 && rs.seen(i, cr.xpos) && rs.seen(i, cr.from...) {
					amb[k]++
				}
			}
		}
		t.Logf("%-13s all words %5d right %3d wrong   both tags seen %4d right %2d wrong", cr.name, all[0], all[1], amb[0], amb[1])
		for _, n := range []struct {
			what string
			c    [2]int
		}{{"all words", all}, {"words seen with both tags", amb}} {
			if n.c[0] == 0 || float64(n.c[0]) < 0.97*float64(n.c[0]+n.c[1]) {
				t.Errorf("%s on %s: %d right, %d wrong, want at least 97%% right", cr.name, n.what, n.c[0], n.c[1])
			}
		}
	}
}

package parse

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/dyad-events/dyad/nlp"
)

// TestOnly: on configurations reached by random valid transitions,
// only names the valid transition exactly when there is one.
func TestOnly(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	st := &state{}
	for _, n := range []int{1, 2, 3, 5, 8, 13, 30} {
		for trial := 0; trial < 50; trial++ {
			st.reset(make([]nlp.Token, n), 3)
			for !st.terminal() {
				var valid []int
				for a := actShift; a <= actRight; a++ {
					if st.valid(a) {
						valid = append(valid, a)
					}
				}
				want := -1
				if len(valid) == 1 {
					want = valid[0]
				}
				if got := st.only(); got != want {
					t.Fatalf("n=%d stack %v b=%d: only() = %d, want %d (valid %v)", n, st.stack, st.b, got, want, valid)
				}
				st.apply(valid[rng.IntN(len(valid))], 1)
			}
		}
	}
}

// TestParseSkipsOnlyTransitions: Parse, which does not score the
// configurations that have one valid transition, gives the trees of
// scoring every configuration.
func TestParseSkipsOnlyTransitions(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	own := []nlp.Sentence{
		sentence(t, "Turkey/PROPN/NNP signed/VERB/VBD an/DET/DT agreement/NOUN/NN with/ADP/IN Azerbaijan/PROPN/NNP ./PUNCT/."),
		sentence(t, "Rain/NOUN/NN fell/VERB/VBD ./PUNCT/."),
		sentence(t, "Stop/VERB/VB !/PUNCT/."),
		sentence(t, "Hello/INTJ/UH"),
	}
	tests := []struct {
		name  string
		sents func(t *testing.T) []nlp.Sentence
	}{
		{"own sentences", func(*testing.T) []nlp.Sentence { return own }},
		{"EWT dev", func(t *testing.T) []nlp.Sentence {
			if testing.Short() {
				t.Skip("short")
			}
			return readTB(t, "en_ewt-ud-dev.conllu")
		}},
	}
	m := p.m
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			configs, single := 0, 0 // -v prints how many configurations Parse need not score
			for i, s := range tt.sents(t) {
				got := nlp.Sentence{Tokens: slices.Clone(s.Tokens)}
				p.Parse(&got)
				st := &state{}
				st.reset(s.Tokens, len(m.labels)-1)
				st.precompute(m)
				for !st.terminal() {
					configs++
					if st.only() >= 0 {
						single++
					}
					m.scoreConfig(st)
					m.step(st)
				}
				want := slices.Clone(s.Tokens)
				for k := range want {
					want[k].Head, want[k].Dep = int(st.head[k+1]), m.labels[st.label[k+1]]
				}
				repair(want)
				for k := range want {
					if got.Tokens[k].Head != want[k].Head || got.Tokens[k].Dep != want[k].Dep {
						t.Fatalf("sentence %d token %d: %d %s, want %d %s", i, k+1, got.Tokens[k].Head, got.Tokens[k].Dep, want[k].Head, want[k].Dep)
					}
				}
			}
			t.Logf("%d configurations, %d with one valid transition", configs, single)
		})
	}
}

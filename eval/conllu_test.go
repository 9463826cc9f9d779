package eval

import (
	"context"
	"strings"
	"testing"
)

// conlluText builds CoNLL-U from rows "form lemma upos xpos head deprel",
// sentences separated by "|".
func conlluText(sents ...string) string {
	var b strings.Builder
	for _, s := range sents {
		for i, row := range strings.Split(s, ";") {
			f := strings.Fields(row)
			b.WriteString(strings.Join([]string{conlluID(i + 1), f[0], f[1], f[2], f[3], "_", f[4], f[5], "_", "_"}, "\t"))
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func conlluID(i int) string { return string(rune('0' + i)) }

func TestScoreConllu(t *testing.T) {
	gold := conlluText(
		"Ankara ankara PROPN NNP 2 nsubj;signed sign VERB VBD 0 root;deals deal NOUN NNS 2 obj;. . PUNCT . 2 punct",
		"Talks talk NOUN NNS 3 nsubj:pass;were be AUX VBD 3 aux:pass;held _ VERB VBN 0 root",
	)
	tests := []struct {
		name string
		sys  string
		want ConlluCounts
	}{
		{"identical", gold, ConlluCounts{Sentences: 2, Words: 7, UPOS: 7, XPOS: 7, Lemma: 7, UAS: 7, LAS: 7, LASUniversal: 7,
			NoPunctWords: 6, NoPunctUAS: 6, NoPunctLAS: 6}},
		{
			// Lemma case matters ("Ankara" vs "ankara"); gold "_" accepts
			// anything; subtype errors cost LAS but not universal LAS;
			// a wrong head costs all three; punctuation counts.
			"errors",
			conlluText(
				"Ankara Ankara PROPN NNP 2 nsubj;signed sign VERB VBN 0 root;deals deal VERB NNS 2 obj;. . PUNCT . 3 punct",
				"Talks talk NOUN NNS 3 nsubj;were be AUX VBD 3 aux:pass;held hold VERB VBN 0 root",
			),
			ConlluCounts{Sentences: 2, Words: 7, UPOS: 6, XPOS: 6, Lemma: 6, UAS: 6, LAS: 5, LASUniversal: 6,
				NoPunctWords: 6, NoPunctUAS: 6, NoPunctLAS: 5},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ScoreConllu(context.Background(), strings.NewReader(gold), strings.NewReader(tc.sys), "gold", "sys")
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestScoreConlluPercentages(t *testing.T) {
	c := ConlluCounts{Words: 8, UPOS: 8, XPOS: 6, Lemma: 4, UAS: 2, LAS: 1, LASUniversal: 2}
	for _, tc := range []struct {
		got, want float64
	}{{c.UPOSScore(), 100}, {c.XPOSScore(), 75}, {c.LemmaScore(), 50}, {c.UASScore(), 25}, {c.LASScore(), 12.5}, {c.LASUniversalScore(), 25}} {
		if tc.got != tc.want {
			t.Errorf("got %v, want %v", tc.got, tc.want)
		}
	}
	np := ConlluCounts{NoPunctWords: 4, NoPunctUAS: 3, NoPunctLAS: 2}
	if np.NoPunctUASScore() != 75 || np.NoPunctLASScore() != 50 {
		t.Errorf("no-punct scores %v %v, want 75 50", np.NoPunctUASScore(), np.NoPunctLASScore())
	}
	if (ConlluCounts{}).UASScore() != 0 || (ConlluCounts{}).NoPunctUASScore() != 0 {
		t.Error("empty counts: want 0")
	}
}

func TestScoreConlluMismatch(t *testing.T) {
	gold := conlluText("Peace peace NOUN NN 0 root", "Now now ADV RB 0 root")
	tests := []struct{ name, sys, msg string }{
		{"other word", conlluText("Piece piece NOUN NN 0 root", "Now now ADV RB 0 root"), `"Peace" in gold, "Piece" in system`},
		{"extra word", conlluText("Peace peace NOUN NN 0 root;. . PUNCT . 1 punct", "Now now ADV RB 0 root"), "1 gold words, 2 system words"},
		{"short", conlluText("Peace peace NOUN NN 0 root"), "ends after 1 sentences"},
		{"long", conlluText("Peace peace NOUN NN 0 root", "Now now ADV RB 0 root", "Yes yes INTJ UH 0 root"), "more sentences"},
		{"syntax", "1\tPeace\n", "sys:1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ScoreConllu(context.Background(), strings.NewReader(gold), strings.NewReader(tc.sys), "gold", "sys")
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("got error %v, want one containing %q", err, tc.msg)
			}
		})
	}
}

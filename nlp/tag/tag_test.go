package tag

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/cputime"
	"github.com/dyad-events/dyad/internal/shareddata"
	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/conllu"
)

// udDir returns ../shared/data/ud-english beside the repository, skipping
// the test when it is absent.
func udDir(tb testing.TB) string {
	tb.Helper()
	return filepath.Dir(shareddata.Require(tb, "ud-english", "en_ewt-ud-dev.conllu"))
}

func readCoNLLU(tb testing.TB, path string) []*conllu.Sentence {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	ss, err := conllu.ReadAll(f, path)
	if err != nil {
		tb.Fatal(err)
	}
	return ss
}

func sentence(text string) *nlp.Sentence {
	s := &nlp.Sentence{}
	for _, w := range strings.Fields(text) {
		s.Tokens = append(s.Tokens, nlp.Token{Text: w, Head: -1})
	}
	return s
}

func load(tb testing.TB) *Tagger {
	tb.Helper()
	t, err := Load()
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

func TestTagSentences(t *testing.T) {
	tg := load(t)
	tests := []struct {
		text, upos, xpos, lemma string
	}{
		{"Turkey signed the agreement .", "PROPN VERB DET NOUN PUNCT", "NNP VBD DT NN .", "Turkey sign the agreement ."},
		{"The two countries were holding talks in Baku .", "DET NUM NOUN AUX VERB NOUN ADP PROPN PUNCT",
			"DT CD NNS VBD VBG NNS IN NNP .", "the two country be hold talk in Baku ."},
		{"Relations between them are better than ever .", "NOUN ADP PRON AUX ADJ ADP ADV PUNCT",
			"NNS IN PRP VBP JJR IN RB .", "relation between they be good than ever ."},
		{"The minister was not happy with the result .", "DET NOUN AUX PART ADJ ADP DET NOUN PUNCT",
			"DT NN VBD RB JJ IN DT NN .", "the minister be not happy with the result ."},
		{"Protesters gathered outside the embassy in Ankara on Monday .", "NOUN VERB ADP DET NOUN ADP PROPN ADP PROPN PUNCT",
			"NNS VBD IN DT NN IN NNP IN NNP .", "protester gather outside the embassy in Ankara on Monday ."},
		{"American forces have captured the city .", "ADJ NOUN AUX VERB DET NOUN PUNCT",
			"JJ NNS VBP VBN DT NN .", "American force have capture the city ."},
		// A past tense right after a plural subject, with no other verb.
		{"Farmers blocked roads near Santiago .", "NOUN VERB NOUN ADP PROPN PUNCT",
			"NNS VBD NNS IN NNP .", "farmer block road near Santiago ."},
		// An unknown capitalised word opening a sentence before its verb.
		{"Zorvania opened its borders .", "PROPN VERB PRON NOUN PUNCT",
			"NNP VBD PRP$ NNS .", "Zorvania open its border ."},
		// A participle between the opening name and its object, with
		// another finite verb later.
		{"Zorvania eased curfews as police left .", "PROPN VERB NOUN SCONJ NOUN VERB PUNCT",
			"NNP VBD NNS IN NN VBD .", "Zorvania ease curfew as police leave ."},
		// A base form between an article plus a name and what follows is
		// a noun (ctxRules).
		{"Zorvania rejected a UN offer to hold talks .", "PROPN VERB DET PROPN NOUN PART VERB NOUN PUNCT",
			"NNP VBD DT NNP NN TO VB NNS .", "Zorvania reject a UN offer to hold talk ."},
		// A sentence with no finite verb gets one before "to".
		{"Norway , like its neighbours , plans to raise taxes .", "PROPN PUNCT ADP PRON NOUN PUNCT VERB PART VERB NOUN PUNCT",
			"NNP , IN PRP$ NNS , VBZ TO VB NNS .", "Norway , like its neighbour , plan to raise tax ."},
		{"I didn't see them .", "", "", ""}, // token "didn't" is not UD-split: no panic, some tag
	}
	for _, tt := range tests {
		s := sentence(tt.text)
		tg.Tag(s)
		var upos, xpos, lemma []string
		for _, tk := range s.Tokens {
			if tk.POS == "" || tk.XPOS == "" || tk.Lemma == "" {
				t.Errorf("%q: token %q left untagged: %+v", tt.text, tk.Text, tk)
			}
			upos = append(upos, tk.POS)
			xpos = append(xpos, tk.XPOS)
			lemma = append(lemma, tk.Lemma)
		}
		if tt.upos == "" {
			continue
		}
		if got := strings.Join(upos, " "); got != tt.upos {
			t.Errorf("%q: UPOS\n got %s\nwant %s", tt.text, got, tt.upos)
		}
		if got := strings.Join(xpos, " "); got != tt.xpos {
			t.Errorf("%q: XPOS\n got %s\nwant %s", tt.text, got, tt.xpos)
		}
		if got := strings.Join(lemma, " "); got != tt.lemma {
			t.Errorf("%q: lemmas\n got %s\nwant %s", tt.text, got, tt.lemma)
		}
	}
}

func TestTagDoc(t *testing.T) {
	tg := load(t)
	d := &nlp.Doc{Sentences: []nlp.Sentence{*sentence("Armenia rejected the proposal ."), *sentence("Talks resumed .")}}
	tg.TagDoc(d)
	for _, s := range d.Sentences {
		for _, tk := range s.Tokens {
			if tk.POS == "" || tk.Lemma == "" {
				t.Errorf("token %q untagged", tk.Text)
			}
		}
	}
	if got := d.Sentences[0].Tokens[1].Lemma; got != "reject" {
		t.Errorf("lemma of rejected = %q, want reject", got)
	}
	tg.Tag(&nlp.Sentence{}) // empty sentence: nothing to do, no panic
}

// TestEmbeddedBars checks the embedded model against the quality bars on
// EWT dev (gold tokens). Run with -v to see EWT test and PUD as well.
func TestEmbeddedBars(t *testing.T) {
	ud := udDir(t)
	tg := load(t)
	dev := Evaluate(tg, readCoNLLU(t, filepath.Join(ud, "en_ewt-ud-dev.conllu")))
	t.Logf("EWT dev   %v", dev)
	if dev.UPOS < 95.0 || dev.Lemma < 97.0 {
		t.Errorf("EWT dev %v: below the bars (UPOS >= 95.0, lemma >= 97.0)", dev)
	}
	if testing.Verbose() {
		for _, f := range []struct{ name, file string }{{"EWT test", "en_ewt-ud-test.conllu"}, {"PUD", "en_pud-ud-test.conllu"}} {
			t.Logf("%-9s %v", f.name, Evaluate(tg, readCoNLLU(t, filepath.Join(ud, f.file))))
		}
	}
}

func trainSmall(t *testing.T, sents []*conllu.Sentence) []byte {
	t.Helper()
	m, err := Train(context.Background(), sents, Options{Epochs: 3, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestTrainReproducible(t *testing.T) {
	sents := readCoNLLU(t, filepath.Join("testdata", "small.conllu"))
	a, b := trainSmall(t, sents), trainSmall(t, sents)
	if !bytes.Equal(a, b) {
		t.Fatalf("two trainings on the same data differ (%d and %d bytes)", len(a), len(b))
	}
	// Round trip: read, write again, same bytes; and the model tags its own
	// training sentences right.
	m, err := ReadModel(bytes.NewReader(a), "small")
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if _, err := m.WriteTo(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, c.Bytes()) {
		t.Fatal("model changed in a read-write round trip")
	}
	tg, err := New(m)
	if err != nil {
		t.Fatal(err)
	}
	sc := Evaluate(tg, sents)
	if sc.UPOS != 100 || sc.XPOS != 100 || sc.Lemma != 100 {
		t.Errorf("model does not fit its training sentences: %v", sc)
	}
}

func TestTrainReproducibleEWT(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	ud := udDir(t)
	sents := readCoNLLU(t, filepath.Join(ud, "en_ewt-ud-train.conllu"))[:500]
	if a, b := trainSmall(t, sents), trainSmall(t, sents); !bytes.Equal(a, b) {
		t.Fatalf("two trainings on 500 EWT sentences differ (%d and %d bytes)", len(a), len(b))
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(context.Background(), nil, Options{}); err == nil {
		t.Error("training on nothing: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sents := readCoNLLU(t, filepath.Join("testdata", "small.conllu"))
	if _, err := Train(ctx, sents, Options{}); err == nil {
		t.Error("cancelled training: no error")
	}
}

func TestReadModelErrors(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("model", ModelFile))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello"),
		"truncated": good[:len(good)/2],
	} {
		if _, err := ReadModel(bytes.NewReader(data), name); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error %v, want one naming the input", name, err)
		}
	}
}

func TestNoAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are meaningless under -race: sync.Pool drops items on purpose")
	}
	tg := load(t)
	s := sentence("Officials in Baku said the two countries would sign a new defence pact on Tuesday .")
	tg.Tag(s)
	if n := testing.AllocsPerRun(100, func() { tg.Tag(s) }); n > 1 {
		t.Errorf("Tag allocates %.1f times per sentence, want at most 1", n)
	}
}

func FuzzReadModel(f *testing.F) {
	sents, err := os.Open(filepath.Join("testdata", "small.conllu"))
	if err != nil {
		f.Fatal(err)
	}
	ss, err := conllu.ReadAll(sents, "small.conllu")
	sents.Close()
	if err != nil {
		f.Fatal(err)
	}
	m, err := Train(context.Background(), ss, Options{Epochs: 1})
	if err != nil {
		f.Fatal(err)
	}
	var b bytes.Buffer
	m.WriteTo(&b)
	f.Add(b.Bytes())
	f.Add(b.Bytes()[:b.Len()/2])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ReadModel(bytes.NewReader(data), "fuzz")
		if err != nil {
			return
		}
		tg, err := New(m)
		if err != nil {
			return
		}
		tg.Tag(sentence("Turkey signed it ."))
	})
}

func FuzzTag(f *testing.F) {
	tg := load(f)
	for _, s := range []string{"Turkey signed the agreement .", "İSTANBUL ǅ ÉTÉ x\xff\xfe 123,45 #tag", "a", "' - ."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := sentence(text)
		for _, w := range strings.Split(text, "\t") { // also tokens with inner spaces or empty
			s.Tokens = append(s.Tokens, nlp.Token{Text: w})
		}
		tg.Tag(s)
		for _, tk := range s.Tokens {
			if tk.POS == "" || tk.XPOS == "" {
				t.Fatalf("token %q untagged", tk.Text)
			}
			if tk.Text != "" && tk.Lemma == "" {
				t.Fatalf("token %q has no lemma", tk.Text)
			}
		}
	})
}

func BenchmarkTag(b *testing.B) {
	tg := load(b)
	var sents []*nlp.Sentence
	if ud := udDirOrEmpty(); ud != "" {
		for _, g := range readCoNLLU(b, filepath.Join(ud, "en_ewt-ud-dev.conllu")) {
			s := &nlp.Sentence{}
			for _, w := range g.Words {
				s.Tokens = append(s.Tokens, nlp.Token{Text: w.Form})
			}
			sents = append(sents, s)
		}
	} else {
		sents = append(sents, sentence("Officials in Baku said the two countries would sign a new defence pact on Tuesday ."),
			sentence("Turkey signed the agreement ."))
	}
	b.ReportAllocs()
	b.ResetTimer()
	n, words := 0, 0
	cpu0 := cputime.Used()
	for b.Loop() {
		s := sents[n%len(sents)]
		tg.Tag(s)
		n++
		words += len(s.Tokens)
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(n)/sec, "sentences/s")
	b.ReportMetric(float64(words)/sec, "words/s")
	// With -cpu 1 the process's CPU time is the tagger's: throughput per
	// CPU second does not depend on what else the machine runs.
	if cpu := (cputime.Used() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(n)/cpu, "sentences/cpu-s")
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		m, err := ReadModel(bytes.NewReader(embedded), ModelFile)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := New(m); err != nil {
			b.Fatal(err)
		}
	}
}

func udDirOrEmpty() string {
	d := filepath.Join("..", "..", "..", "shared", "data", "ud-english")
	if _, err := os.Stat(filepath.Join(d, "en_ewt-ud-dev.conllu")); err != nil {
		return ""
	}
	return d
}

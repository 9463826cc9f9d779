package parse

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/cputime"
	"github.com/dyad-events/dyad/internal/shareddata"
	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/tag"
)

// treebankDir returns ../shared/data/ud-english beside the repository root,
// skipping the test when it is absent.
func treebankDir(tb testing.TB) string {
	tb.Helper()
	return filepath.Dir(shareddata.Require(tb, "ud-english", "en_ewt-ud-dev.conllu"))
}

func readTB(tb testing.TB, name string) []nlp.Sentence {
	tb.Helper()
	s, err := ReadTreebank(filepath.Join(treebankDir(tb), name))
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// sentence builds a tagged sentence from "word/UPOS/XPOS" items.
func sentence(t *testing.T, tagged string) nlp.Sentence {
	t.Helper()
	var s nlp.Sentence
	for _, item := range strings.Fields(tagged) {
		parts := strings.Split(item, "/")
		if len(parts) != 3 {
			t.Fatalf("bad item %q", item)
		}
		s.Tokens = append(s.Tokens, nlp.Token{Text: parts[0], POS: parts[1], XPOS: parts[2], Head: -1})
	}
	return s
}

func TestParseOwnSentences(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		tagged string
		want   map[string]string // word -> "head-word dep"; alternatives separated by " | "
	}{
		{
			// "with Azerbaijan" may modify the signing (obl) or the
			// agreement (nmod): EWT annotates both readings, so either
			// attachment is accepted; the rest of the tree is not ambiguous.
			"Turkey/PROPN/NNP signed/VERB/VBD an/DET/DT agreement/NOUN/NN with/ADP/IN Azerbaijan/PROPN/NNP ./PUNCT/.",
			map[string]string{
				"signed": "ROOT root", "Turkey": "signed nsubj", "agreement": "signed obj",
				"an": "agreement det", "Azerbaijan": "signed obl | agreement nmod", "with": "Azerbaijan case", ".": "signed punct",
			},
		},
		{
			"Turkey/PROPN/NNP met/VERB/VBD with/ADP/IN Azerbaijan/PROPN/NNP ./PUNCT/.",
			map[string]string{
				"met": "ROOT root", "Turkey": "met nsubj", "Azerbaijan": "met obl", "with": "Azerbaijan case",
				".": "met punct",
			},
		},
		{
			"The/DET/DT talks/NOUN/NNS were/AUX/VBD postponed/VERB/VBN by/ADP/IN the/DET/DT government/NOUN/NN ./PUNCT/.",
			map[string]string{
				"postponed": "ROOT root", "talks": "postponed nsubj:pass", "were": "postponed aux:pass",
				"government": "postponed obl:agent", "by": "government case",
			},
		},
		{
			"Russia/PROPN/NNP will/AUX/MD not/PART/RB send/VERB/VB troops/NOUN/NNS to/ADP/IN Syria/PROPN/NNP ./PUNCT/.",
			map[string]string{
				"send": "ROOT root", "Russia": "send nsubj", "will": "send aux", "not": "send advmod",
				"troops": "send obj", "Syria": "send obl", "to": "Syria case",
			},
		},
	}
	for _, tc := range tests {
		s := sentence(t, tc.tagged)
		p.Parse(&s)
		checkTree(t, s.Tokens)
		for i, tok := range s.Tokens {
			want, ok := tc.want[tok.Text]
			if !ok {
				continue
			}
			head := "ROOT"
			if tok.Head > 0 {
				head = s.Tokens[tok.Head-1].Text
			}
			if got := head + " " + tok.Dep; !slices.Contains(strings.Split(want, " | "), got) {
				t.Errorf("%q: token %d %q: got %q, want %q", tc.tagged, i+1, tok.Text, got, want)
			}
		}
	}
}

// checkTree fails unless toks form one tree: heads in range, exactly one
// root labelled "root", no cycles.
func checkTree(t testing.TB, toks []nlp.Token) {
	t.Helper()
	roots := 0
	for i, tok := range toks {
		if tok.Head < 0 || tok.Head > len(toks) || tok.Head == i+1 {
			t.Fatalf("token %d: head %d out of range", i+1, tok.Head)
		}
		if tok.Head == 0 {
			roots++
			if tok.Dep != "root" {
				t.Errorf("root token %d has label %q", i+1, tok.Dep)
			}
		} else if tok.Dep == "root" || tok.Dep == "" {
			t.Errorf("token %d: label %q on a non-root arc", i+1, tok.Dep)
		}
		h, steps := i+1, 0
		for h != 0 {
			h = toks[h-1].Head
			if steps++; steps > len(toks) {
				t.Fatalf("token %d: cycle", i+1)
			}
		}
	}
	if roots != 1 {
		t.Fatalf("%d roots, want 1", roots)
	}
}

func TestParseEmptyAndTiny(t *testing.T) {
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var empty nlp.Sentence
	p.Parse(&empty)
	one := sentence(t, "Yes/INTJ/UH")
	p.Parse(&one)
	if one.Tokens[0].Head != 0 || one.Tokens[0].Dep != "root" {
		t.Errorf("one word: got head %d %q", one.Tokens[0].Head, one.Tokens[0].Dep)
	}
	d := &nlp.Doc{Sentences: []nlp.Sentence{sentence(t, "Peace/NOUN/NN ./PUNCT/."), sentence(t, "Talks/NOUN/NNS resumed/VERB/VBD")}}
	p.ParseDoc(d)
	for _, s := range d.Sentences {
		checkTree(t, s.Tokens)
	}
}

// Bars for EWT dev (the test set is kept for 'dyad eval conllu'): the
// issue's bars, and the floors the shipped model holds today. The test
// fails below the floors (a regression) and reports the distance to the
// bars; the shipped model has UAS 84.94, LAS 81.46 on dev (issue 3), and
// 85.54 / 82.43 on EWT test.
const (
	barDevUAS   = 85.0
	barDevLAS   = 81.0
	floorDevUAS = 84.7
	floorDevLAS = 81.2
)

// TestEmbeddedModelDev checks the bars on EWT dev with the tags the
// parser sees in use: the embedded tagger's.
func TestEmbeddedModelDev(t *testing.T) {
	dev := readTB(t, "en_ewt-ud-dev.conllu")
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	uas, las := p.attachment(dev)
	t.Logf("EWT dev, gold tags: UAS %.2f LAS %.2f", uas, las)
	tg, err := tag.Load()
	if err != nil {
		t.Fatal(err)
	}
	for i := range dev {
		tg.Tag(&dev[i]) // replaces POS, XPOS and Lemma; Head and Dep stay gold
	}
	uas, las = p.attachment(dev)
	t.Logf("EWT dev, predicted tags: UAS %.2f LAS %.2f", uas, las)
	if uas < floorDevUAS || las < floorDevLAS {
		t.Errorf("EWT dev with predicted tags: UAS %.2f LAS %.2f, below the shipped model's floor %.1f / %.1f", uas, las, floorDevUAS, floorDevLAS)
	}
	if uas < barDevUAS || las < barDevLAS {
		t.Logf("OPEN GAP: EWT dev UAS %.2f LAS %.2f against the bars %.0f / %.0f", uas, las, barDevUAS, barDevLAS)
	}
}

func TestOracleReachesGold(t *testing.T) {
	train := readTB(t, "en_ewt-ud-train.conllu")
	if len(train) > 2000 {
		train = train[:2000]
	}
	lid := map[string]uint8{}
	labels := []string{""}
	for _, s := range train {
		for _, tok := range s.Tokens {
			if _, ok := lid[tok.Dep]; !ok {
				labels = append(labels, tok.Dep)
				lid[tok.Dep] = uint8(len(labels) - 1)
			}
		}
	}
	L := len(labels) - 1
	st := &state{}
	var cost [3]int
	nonproj := 0
	for si, s := range train {
		g, err := makeGold(s.Tokens, lid)
		if err != nil {
			t.Fatalf("sentence %d: %v", si+1, err)
		}
		st.reset(s.Tokens, L)
		inStack := make([]bool, len(s.Tokens)+2)
		inStack[0] = true
		for !st.terminal() {
			st.features()
			if m := st.costs(&g, inStack, &cost); m != 0 {
				t.Fatalf("sentence %d: best action has cost %d", si+1, m)
			}
			a := -1
			for c, v := range cost {
				if v == 0 {
					a = c
					break
				}
			}
			var l uint8
			if a == actShift {
				inStack[st.b] = true
			} else {
				_, d := st.arc(a)
				inStack[d] = false
				l = g.label[d]
			}
			st.apply(a, l)
		}
		for i, tok := range s.Tokens {
			if st.head[i+1] != g.head[i+1] || st.label[i+1] != lid[tok.Dep] {
				t.Fatalf("sentence %d token %d: oracle built %d/%d, gold %d/%d", si+1, i+1,
					st.head[i+1], st.label[i+1], g.head[i+1], lid[tok.Dep])
			}
			if int32(tok.Head) != g.head[i+1] {
				nonproj++
			}
		}
	}
	t.Logf("%d sentences, %d arcs lifted by projectivisation", len(train), nonproj)
}

func TestProjectivize(t *testing.T) {
	tests := []struct{ head, want []int32 }{
		// 2 -> 4 spans 3, the root word, which 2 does not dominate: lift 4 to 3.
		{[]int32{0, 3, 3, 0, 2}, []int32{0, 3, 3, 0, 3}},
		// Already projective: unchanged.
		{[]int32{0, 2, 0, 2, 3}, []int32{0, 2, 0, 2, 3}},
		// 1 -> 3 spans 2, whose head 4 is outside: lift 3 to 1's head 4.
		{[]int32{0, 4, 4, 1, 0}, []int32{0, 4, 4, 4, 0}},
	}
	for _, tc := range tests {
		head := append([]int32(nil), tc.head...)
		projectivize(head)
		if !slices.Equal(head, tc.want) {
			t.Errorf("projectivize(%v) = %v, want %v", tc.head, head, tc.want)
		}
	}
}

func TestTrainReproducible(t *testing.T) {
	train := readTB(t, "en_ewt-ud-train.conllu")[:300]
	opt := Options{Epochs: 1, Seed: 7}
	var files [2]bytes.Buffer
	var models [2]*Model
	for i := range files {
		md, err := Train(context.Background(), train, opt)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := md.WriteTo(&files[i]); err != nil {
			t.Fatal(err)
		}
		models[i] = md
	}
	if !bytes.Equal(files[0].Bytes(), files[1].Bytes()) {
		t.Fatalf("two trainings gave different models (%d and %d bytes)", files[0].Len(), files[1].Len())
	}
	// The model reads back and writes the same bytes, and parses the same.
	md, err := ReadModel(bytes.NewReader(files[0].Bytes()), "trained")
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if _, err := md.WriteTo(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(files[0].Bytes(), again.Bytes()) {
		t.Fatal("read-write round trip changed the model")
	}
	p1, err := New(models[0])
	if err != nil {
		t.Fatal(err)
	}
	p2, err := New(md)
	if err != nil {
		t.Fatal(err)
	}
	u1, l1 := p1.attachment(train[:50])
	u2, l2 := p2.attachment(train[:50])
	if u1 != u2 || l1 != l2 {
		t.Fatalf("read model parses differently: %.2f/%.2f vs %.2f/%.2f", u1, l1, u2, l2)
	}
	// A different seed gives a different model: the seed is used.
	md3, err := Train(context.Background(), train, Options{Epochs: 1, Seed: 8})
	if err != nil {
		t.Fatal(err)
	}
	var other bytes.Buffer
	md3.WriteTo(&other)
	if bytes.Equal(other.Bytes(), files[0].Bytes()) {
		t.Error("seeds 7 and 8 gave the same model")
	}
}

// An ensemble averages the weights of runs with seeds Seed, Seed+1, ...:
// it is reproducible, and differs from each of its runs.
func TestTrainEnsemble(t *testing.T) {
	train := readTB(t, "en_ewt-ud-train.conllu")[:200]
	write := func(opt Options) []byte {
		t.Helper()
		md, err := Train(context.Background(), train, opt)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := md.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	var runs []int
	opt := Options{Epochs: 1, Seed: 7, Ensemble: 2, Progress: func(s EpochStats) { runs = append(runs, s.Run) }}
	ens := write(opt)
	if !slices.Equal(runs, []int{1, 2, 0}) {
		t.Errorf("progress reported runs %v, want [1 2 0]", runs)
	}
	opt.Progress = nil
	if again := write(opt); !bytes.Equal(ens, again) {
		t.Fatal("two ensemble trainings gave different models")
	}
	for _, seed := range []uint64{7, 8} {
		if bytes.Equal(ens, write(Options{Epochs: 1, Seed: seed})) {
			t.Errorf("the ensemble is the same model as its run with seed %d", seed)
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not gzip"), embedded[:len(embedded)/2]} {
		if _, err := ReadModel(bytes.NewReader(in), "bad"); err == nil || !strings.Contains(err.Error(), "bad") {
			t.Errorf("ReadModel(%d bytes): error %v, want one naming the input", len(in), err)
		}
	}
}

func TestTrainCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s := sentence(t, "Talks/NOUN/NNS resumed/VERB/VBD")
	s.Tokens[0].Head, s.Tokens[0].Dep = 2, "nsubj"
	s.Tokens[1].Head, s.Tokens[1].Dep = 0, "root"
	if _, err := Train(ctx, []nlp.Sentence{s}, Options{Epochs: 1}); err == nil {
		t.Error("cancelled training returned no error")
	}
}

func TestLoadTime(t *testing.T) {
	start := time.Now()
	md, err := ReadModel(bytes.NewReader(embedded), "(embedded)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(md); err != nil {
		t.Fatal(err)
	}
	t.Logf("model: %d bytes compressed, read in %v", len(embedded), time.Since(start))
}

var fuzzTags = [...][2]string{
	{"NOUN", "NN"}, {"VERB", "VBD"}, {"PROPN", "NNP"}, {"ADP", "IN"}, {"DET", "DT"},
	{"PUNCT", "."}, {"ADJ", "JJ"}, {"AUX", "MD"}, {"PRON", "PRP"}, {"", ""},
}

func FuzzParse(f *testing.F) {
	f.Add("Turkey signed an agreement with Azerbaijan .")
	f.Add("")
	f.Add("a")
	f.Add(". . . , , ( ) \" ' ’ —")
	f.Add(strings.Repeat("the talks ", 200))
	p, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var s nlp.Sentence
		for i, w := range strings.Fields(text) {
			tg := fuzzTags[(len(w)+i)%len(fuzzTags)]
			s.Tokens = append(s.Tokens, nlp.Token{Text: w, POS: tg[0], XPOS: tg[1], Head: -1})
		}
		p.Parse(&s)
		if len(s.Tokens) > 0 {
			checkTree(t, s.Tokens)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	dev := readTB(b, "en_ewt-ud-dev.conllu")
	p, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	work := make([]nlp.Sentence, len(dev))
	for i := range dev {
		work[i].Tokens = append([]nlp.Token(nil), dev[i].Tokens...)
	}
	b.ReportAllocs()
	n := 0
	cpu0 := cputime.Used()
	for b.Loop() {
		p.Parse(&work[n%len(work)])
		n++
	}
	cpu := cputime.Used() - cpu0
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
	if cpu > 0 {
		// Per CPU second: the figure that does not depend on what else
		// the machine is running.
		b.ReportMetric(float64(n)/cpu.Seconds(), "sentences/cpu-s")
	}
}

// tinyModel trains a model on a few hand-made sentences.
func tinyModel(tb testing.TB) []byte {
	tb.Helper()
	type w struct {
		text, upos, xpos string
		head             int
		dep              string
	}
	sents := [][]w{
		{{"Turkey", "PROPN", "NNP", 2, "nsubj"}, {"signed", "VERB", "VBD", 0, "root"}, {"deals", "NOUN", "NNS", 2, "obj"}, {".", "PUNCT", ".", 2, "punct"}},
		{{"Talks", "NOUN", "NNS", 3, "nsubj:pass"}, {"were", "AUX", "VBD", 3, "aux:pass"}, {"held", "VERB", "VBN", 0, "root"}, {"in", "ADP", "IN", 5, "case"}, {"Baku", "PROPN", "NNP", 3, "obl"}},
	}
	var train []nlp.Sentence
	for _, s := range sents {
		var ns nlp.Sentence
		for _, t := range s {
			ns.Tokens = append(ns.Tokens, nlp.Token{Text: t.text, POS: t.upos, XPOS: t.xpos, Head: t.head, Dep: t.dep})
		}
		train = append(train, ns)
	}
	md, err := Train(context.Background(), train, Options{Epochs: 2})
	if err != nil {
		tb.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := md.WriteTo(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func TestTinyModel(t *testing.T) {
	md, err := ReadModel(bytes.NewReader(tinyModel(t)), "tiny")
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(md)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(md.Labels(), " "); got != "aux:pass case nsubj nsubj:pass obj obl punct root" {
		t.Errorf("labels %q", got)
	}
	s := sentence(t, "Turkey/PROPN/NNP signed/VERB/VBD deals/NOUN/NNS ./PUNCT/.")
	p.Parse(&s)
	checkTree(t, s.Tokens)
	if s.Tokens[1].Head != 0 || s.Tokens[0].Dep != "nsubj" || s.Tokens[2].Dep != "obj" {
		t.Errorf("training sentence not learnt: %+v", s.Tokens)
	}
}

// FuzzReadModel: any bytes either fail to read with an error or give a
// model that parses into trees.
func FuzzReadModel(f *testing.F) {
	f.Add(tinyModel(f))
	f.Add([]byte{})
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff})
	f.Fuzz(func(t *testing.T, data []byte) {
		md, err := ReadModel(bytes.NewReader(data), "fuzz")
		if err != nil {
			return
		}
		p, err := New(md)
		if err != nil {
			t.Fatalf("ReadModel accepted a model New rejects: %v", err)
		}
		s := sentence(t, "Talks/NOUN/NNS resumed/VERB/VBD in/ADP/IN Baku/PROPN/NNP")
		p.Parse(&s)
		checkTree(t, s.Tokens)
	})
}

// The scratch arrays are sized by numFeatures and numLabelFeatures.
func TestFeatureCounts(t *testing.T) {
	s := sentence(t, "Talks/NOUN/NNS resumed/VERB/VBD in/ADP/IN Baku/PROPN/NNP")
	st := &state{}
	st.reset(s.Tokens, 3)
	if n := len(st.features()); n != numFeatures {
		t.Errorf("features: %d, numFeatures %d", n, numFeatures)
	}
	st.apply(actShift, 0)
	if n := len(st.labelFeatures(2, 1)); n != numLabelFeatures {
		t.Errorf("label features: %d, numLabelFeatures %d", n, numLabelFeatures)
	}
}

// A feature row of length 0 never comes out of training (a feature is
// kept only with a weight); in a file it is corruption, and ReadModel says
// so instead of letting the scorer read a neighbouring row.
func TestReadModelEmptyRow(t *testing.T) {
	for _, table := range []string{"transition", "label"} {
		md, err := ReadModel(bytes.NewReader(tinyModel(t)), "tiny")
		if err != nil {
			t.Fatal(err)
		}
		c := &md.trans
		if table == "label" {
			c = &md.lab
		}
		c.off[1] = c.off[0] // row 0 empty, row 1 takes its entries
		var b bytes.Buffer
		if _, err := md.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		_, err = ReadModel(&b, "empty-row.gz")
		if err == nil || !strings.Contains(err.Error(), "empty-row.gz") || !strings.Contains(err.Error(), "no weights") {
			t.Errorf("%s table: error %v, want one naming the file and the empty row", table, err)
		}
	}
}

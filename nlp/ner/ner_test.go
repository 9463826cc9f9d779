package ner_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad/eval"
	"github.com/dyad-events/dyad/internal/cputime"
	"github.com/dyad-events/dyad/internal/shareddata"
	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/ner"
	"github.com/dyad-events/dyad/nlp/tag"
)

func load(t testing.TB) *ner.Recognizer {
	t.Helper()
	r, err := ner.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return r
}

// entities runs the pipeline's first stages on text: segmenter, tagger,
// recognizer.
func entities(t *testing.T, r *ner.Recognizer, text string) map[string]string {
	t.Helper()
	d := nlp.Segment(text)
	tg, err := tag.Load()
	if err != nil {
		t.Fatal(err)
	}
	tg.TagDoc(d)
	r.Recognize(d)
	out := map[string]string{}
	for _, e := range d.Entities {
		out[e.Text(d)] = e.Label
	}
	return out
}

// Own sentences, written for these tests.
func TestRecognize(t *testing.T) {
	r := load(t)
	tests := []struct {
		text string
		want map[string]string // entity text -> label; others may appear
		not  []string          // texts that must not be entities
	}{
		{"Turkish President Recep Tayyip Erdogan visited Baku on 10 December.",
			map[string]string{"Recep Tayyip Erdogan": "PER", "Baku": "LOC", "10 December": "DATE"},
			[]string{"Turkish President Recep Tayyip Erdogan"}},
		{"The summit of the Organization of Turkic States opened in Ankara.",
			map[string]string{"Organization of Turkic States": "ORG", "Ankara": "LOC"}, nil},
		{"A poll found that 91% of Azerbaijanis back the union.",
			map[string]string{"91%": "PERCENT"}, []string{"Azerbaijanis"}},
		{"Exports rose to $5 million in 2009, and 400,000 barrels left at 10:30 last Tuesday.",
			map[string]string{"$5 million": "MONEY", "2009": "DATE", "400,000": "CARDINAL", "10:30": "TIME", "last Tuesday": "DATE"}, nil},
		{"The court fined the firm US$500 and froze HK$2 million of its funds.",
			map[string]string{"US$500": "MONEY", "HK$2 million": "MONEY"}, []string{"US$", "US"}},
		{"The rocket lifted off at 7:49 a.m. UTC from the coast.",
			map[string]string{"7:49 a.m. UTC": "TIME"}, []string{"UTC"}},
		{"The United Nations said the European Union would send aid.",
			map[string]string{"United Nations": "ORG", "European Union": "ORG"}, []string{"The United Nations"}},
		{"Mr Aliyev met NATO officials in Brussels.",
			map[string]string{"Aliyev": "PER", "NATO": "ORG", "Brussels": "LOC"}, []string{"Mr Aliyev"}},
	}
	for _, tt := range tests {
		got := entities(t, r, tt.text)
		for text, label := range tt.want {
			if got[text] != label {
				t.Errorf("%q: entity %q = %q, want %q (all: %v)", tt.text, text, got[text], label, got)
			}
		}
		for _, text := range tt.not {
			if l, ok := got[text]; ok {
				t.Errorf("%q: %q is %s, want no entity", tt.text, text, l)
			}
		}
	}
}

func TestNoNumbersInNames(t *testing.T) {
	r := load(t)
	got := entities(t, r, "It may rain in March, he said; 3 people may march on May 5.")
	if got["May 5"] != "DATE" {
		t.Errorf("May 5 = %q, want DATE (%v)", got["May 5"], got)
	}
	if _, ok := got["may"]; ok {
		t.Errorf("the verb may is an entity: %v", got)
	}
}

func TestLoadTime(t *testing.T) {
	// Load is once-only; time a fresh read of the embedded bytes instead.
	t0 := time.Now()
	if _, err := ner.Load(); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(t0); el > 2*time.Second {
		t.Errorf("Load took %v", el)
	}
}

// dataDir finds ../shared/data beside the repository root.
func dataDir(t testing.TB) string {
	t.Helper()
	return shareddata.Require(t, "ner")
}

// score runs the pipeline's first stages on the gold tokens of each
// document (the sentences of one "# newdoc"; keep filters them): the
// tagger, then the recognizer. It returns the PER/ORG/LOC span score,
// which is what 'dyad eval ner' prints.
func score(t *testing.T, r *ner.Recognizer, path string, keep func(i int) bool) *eval.NERScore {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("gold file absent: %v", err)
	}
	defer f.Close()
	sents, err := eval.ReadIOB(f, path)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tag.Load()
	if err != nil {
		t.Fatal(err)
	}
	var kept []eval.IOBSentence
	for i, s := range sents {
		if keep == nil || keep(i) {
			kept = append(kept, s)
		}
	}
	sc := eval.NewNERScore(ner.Types...)
	for i := 0; i < len(kept); {
		j := i + 1
		for kept[i].Doc != "" && j < len(kept) && kept[j].Doc == kept[i].Doc {
			j++
		}
		d := eval.IOBDoc(kept[i:j])
		tg.TagDoc(d)
		r.Recognize(d)
		for k, pred := range eval.DocSpans(d) {
			sc.Add(eval.IOBSpans(kept[i+k].Tags), pred)
		}
		i = j
	}
	return sc
}

// The bar test CI runs: the sentences of UNER EWT dev that 'dyad train ner
// --holdout 10' leaves out of training (every 10th).
func TestHeldOutBar(t *testing.T) {
	r := load(t)
	sc := score(t, r, filepath.Join(dataDir(t), "uner-ewt-en_ewt-ud-dev.iob2"), func(i int) bool { return i%10 == 9 })
	f1 := sc.Overall.F1()
	t.Logf("UNER EWT dev held out: %d entities, P %.4f R %.4f F1 %.4f", sc.Overall.Gold, sc.Overall.Precision(), sc.Overall.Recall(), f1)
	if f1 < 0.72 {
		t.Errorf("held-out F1 %.4f < 0.72", f1)
	}
}

// DESIGN.md's bar on UNER PUD test.
func TestPUDBar(t *testing.T) {
	r := load(t)
	sc := score(t, r, filepath.Join(dataDir(t), "uner-pud-en_pud-ud-test.iob2"), nil)
	f1 := sc.Overall.F1()
	t.Logf("UNER PUD test: P %.4f R %.4f F1 %.4f", sc.Overall.Precision(), sc.Overall.Recall(), f1)
	// The shipped model's floor fails a regression; the bar (0.70) is not
	// reached yet and is reported (issue 3).
	if f1 < 0.665 {
		t.Errorf("UNER PUD F1 %.4f below the shipped model's floor 0.665", f1)
	}
	if f1 < 0.70 {
		t.Logf("OPEN GAP: PUD F1 %.4f against the 0.70 bar (see 'dyad eval ner')", f1)
	}
}

func checkSpans(t *testing.T, d *nlp.Doc) {
	t.Helper()
	for _, e := range d.Entities {
		if e.Sentence < 0 || e.Sentence >= len(d.Sentences) {
			t.Fatalf("entity %+v: bad sentence", e)
		}
		s := d.Sentences[e.Sentence]
		if e.Tokens[0] < 0 || e.Tokens[0] >= e.Tokens[1] || e.Tokens[1] > len(s.Tokens) {
			t.Fatalf("entity %+v: bad token range for %d tokens", e, len(s.Tokens))
		}
		if e.Start != s.Tokens[e.Tokens[0]].Span.Start || e.End != s.Tokens[e.Tokens[1]-1].Span.End {
			t.Fatalf("entity %+v: span does not match its tokens", e)
		}
		if e.Start < 0 || e.End > len(d.Text) || e.Start > e.End {
			t.Fatalf("entity %+v: span outside text", e)
		}
		if e.Label == "" {
			t.Fatalf("entity %+v: no label", e)
		}
	}
}

func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"Turkish President Recep Tayyip Erdogan visited Baku on 10 December.",
		"$5 million, 91%, 10:30 a.m., last Tuesday, in 2009; 400,000 people.",
		"Mr. ÖZ and Dr Ali of the U.N. met in São Paulo.",
		"", "\xff\xfe May", "A B C D E F G H I J K L M N O P",
	} {
		f.Add(s)
	}
	r := load(f)
	f.Fuzz(func(t *testing.T, text string) {
		d := nlp.Segment(text)
		r.Recognize(d)
		checkSpans(t, d)
		if !utf8.ValidString(text) {
			return
		}
		for _, e := range d.Entities {
			if strings.TrimSpace(e.Text(d)) == "" {
				t.Fatalf("blank entity %+v", e)
			}
		}
	})
}

func BenchmarkRecognize(b *testing.B) {
	r := load(b)
	text := strings.Repeat("Turkish President Recep Tayyip Erdogan visited Baku on 10 December, where he met Ilham Aliyev. "+
		"The two leaders signed 12 agreements worth $2 billion at the Organization of Turkic States summit. "+
		"Officials in Ankara said trade rose 15% last year. ", 10)
	d := nlp.Segment(text)
	tg, err := tag.Load()
	if err != nil {
		b.Fatal(err)
	}
	tg.TagDoc(d) // the pipeline tags before it recognizes; POS features are part of the cost
	n := len(d.Sentences)
	b.ResetTimer()
	cpu0 := cputime.Used()
	for b.Loop() {
		r.Recognize(d)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sentences/s")
	// With -cpu 1 the process's CPU time is the recognizer's: throughput
	// per CPU second does not depend on what else the machine runs.
	if cpu := (cputime.Used() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(n*b.N)/cpu, "sentences/cpu-s")
	}
}

// BenchmarkRecognizeNews recognizes the Wikinews sample's text, tagged
// first, a document at a time: unlike BenchmarkRecognize's repeated
// paragraph, its features are spread over the whole model, so the
// figure includes the cache misses of the weight lookups.
func BenchmarkRecognizeNews(b *testing.B) {
	path := shareddata.Require(b, "wikinews-sample", "wikinews_2019.csv")
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	r := load(b)
	tg, err := tag.Load()
	if err != nil {
		b.Fatal(err)
	}
	var docs []*nlp.Doc
	for _, part := range strings.SplitAfter(string(raw[:min(len(raw), 400<<10)]), "\n\n") {
		d := nlp.Segment(part)
		if len(d.Sentences) > 0 {
			tg.TagDoc(d)
			docs = append(docs, d)
		}
	}
	b.ReportAllocs()
	n, sentences := 0, 0
	cpu0 := cputime.Used()
	for b.Loop() {
		d := docs[n%len(docs)]
		r.Recognize(d)
		n++
		sentences += len(d.Sentences)
	}
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
	if cpu := (cputime.Used() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(sentences)/cpu, "sentences/cpu-s")
	}
}

// BenchmarkLoad reads the embedded model afresh and builds a recognizer
// with the embedded knowledge base: what Load does once per process.
func BenchmarkLoad(b *testing.B) {
	cpu0 := cputime.Used()
	for b.Loop() {
		m, err := ner.ReadModel(bytes.NewReader(ner.EmbeddedModel()), "embedded")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ner.NewWithDefaultKB(m); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := (cputime.Used() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(cpu*1000/float64(b.N), "cpu-ms/op")
	}
}

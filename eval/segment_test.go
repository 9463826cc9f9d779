package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/nlp"
)

func TestScoreSegmentOwn(t *testing.T) {
	tb := "# newdoc id = a\n# newpar\n# text = Baku can't wait.\n" +
		"1\tBaku\t_\t_\t_\t_\t3\tnsubj\t_\t_\n2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tca\t_\t_\t_\t_\t4\taux\t_\t_\n3\tn't\t_\t_\t_\t_\t4\tadvmod\t_\t_\n4\twait\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n5\t.\t_\t_\t_\t_\t4\tpunct\t_\t_\n\n" +
		"# text = Ankara agrees.\n1\tAnkara\t_\t_\t_\t_\t2\tnsubj\t_\t_\n2\tagrees\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t2\tpunct\t_\t_\n\n" +
		"# newpar\n# text = Talks end\n1\tTalks\t_\t_\t_\t_\t2\tnsubj\t_\t_\n2\tend\t_\t_\t_\t_\t0\troot\t_\t_\n\n" +
		"# newdoc id = b\n# text = Next one.\n1\tNext\t_\t_\t_\t_\t2\tamod\t_\t_\n2\tone\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t2\tpunct\t_\t_\n\n"
	var texts []string
	seg := func(s string) *nlp.Doc { texts = append(texts, s); return nlp.Segment(s) }
	sc, err := ScoreSegment(context.Background(), strings.NewReader(tb), "own", seg, SegmentOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Baku can't wait. Ankara agrees.\n\nTalks end", "Next one."}; strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("raw texts %q, want %q", texts, want)
	}
	if sc.Documents != 2 || sc.Paragraphs != 3 {
		t.Errorf("documents %d paragraphs %d", sc.Documents, sc.Paragraphs)
	}
	if sc.Sentences != (SpanCounts{Gold: 4, System: 4, Correct: 4}) || sc.Words != (SpanCounts{Gold: 13, System: 13, Correct: 13}) {
		t.Errorf("sentences %+v words %+v", sc.Sentences, sc.Words)
	}
	// A segmenter that never splits finds only the sentences that end a paragraph.
	whole := func(s string) *nlp.Doc {
		d := nlp.Segment(s)
		var toks []nlp.Token
		for _, st := range d.Sentences {
			toks = append(toks, st.Tokens...)
		}
		d.Sentences = []nlp.Sentence{{Span: nlp.Span{Start: toks[0].Span.Start, End: toks[len(toks)-1].Span.End}, Tokens: toks}}
		return d
	}
	sc, err = ScoreSegment(context.Background(), strings.NewReader(tb), "own", whole, SegmentOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sc.Sentences.Correct != 1 || sc.Sentences.System != 2 || sc.Sentences.F1() != 2*0.5*0.25/(0.75) {
		t.Errorf("whole-doc segmenter: %+v F1 %v", sc.Sentences, sc.Sentences.F1())
	}
}

func TestScoreSegmentMismatch(t *testing.T) {
	tb := "# text = Baku waits.\n1\tBaku\t_\t_\t_\t_\t0\troot\t_\t_\n2\twaited\t_\t_\t_\t_\t1\tdep\t_\t_\n\n"
	_, err := ScoreSegment(context.Background(), strings.NewReader(tb), "bad.conllu", nlp.Segment, SegmentOptions{})
	if err == nil || !strings.Contains(err.Error(), "bad.conllu:1") {
		t.Errorf("err = %v, want one naming bad.conllu:1", err)
	}
}

// TestSegmentBars checks the quality bars of DESIGN.md on the UD English
// test files: sentence F1 >= 0.95 on PUD, word F1 >= 0.98 on PUD and EWT.
func TestSegmentBars(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "data", "ud-english")
	for _, tc := range []struct {
		file          string
		sentF1, words float64
	}{
		{"en_pud-ud-test.conllu", 0.95, 0.98},
		{"en_ewt-ud-test.conllu", 0.80, 0.98},
	} {
		f, err := os.Open(filepath.Join(dir, tc.file))
		if err != nil {
			t.Skipf("UD English data absent (%v): see /work/shared/data/README.md", err)
		}
		sc, err := ScoreSegment(context.Background(), f, tc.file, nlp.Segment, SegmentOptions{})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: sentence F1 %.4f, word F1 %.4f", tc.file, sc.Sentences.F1(), sc.Words.F1())
		if sc.Sentences.F1() < tc.sentF1 || sc.Words.F1() < tc.words {
			t.Errorf("%s: sentence F1 %.4f (bar %.2f), word F1 %.4f (bar %.2f)", tc.file, sc.Sentences.F1(), tc.sentF1, sc.Words.F1(), tc.words)
		}
	}
}

package eval

import (
	"context"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// benchmarkDir is the article-extraction benchmark in ../shared/data, seen
// from this package's directory; tests that need it skip without it.
func benchmarkDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "data", "article-extraction-benchmark")
	if _, err := os.Stat(filepath.Join(dir, "ground-truth.json")); err != nil {
		t.Skipf("article-extraction benchmark not found at %s (../shared/data from the repo root): %v", dir, err)
	}
	return dir
}

func TestWordTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hello, world!", []string{"Hello", "world"}},
		{"it's 4.5%—snake_case", []string{"it", "s", "4", "5", "snake_case"}},
		{"Ünïcödé 東京 ١٢٣", []string{"Ünïcödé", "東京", "١٢٣"}},
		{"  \n\t", nil},
		{"a\u00adb", []string{"a", "b"}}, // soft hyphen is not a word character
	}
	for _, tt := range tests {
		if got := wordTokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("wordTokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestShingleMatch(t *testing.T) {
	tok := strings.Fields
	tests := []struct {
		name        string
		truth, pred string
		want        ExtractCounts
	}{
		{"equal", "a b c d e", "a b c d e", ExtractCounts{TP: 1}},
		{"both empty", "", "", ExtractCounts{}},
		{"empty prediction", "a b c d e", "", ExtractCounts{FN: 1}},
		{"extra text", "a b c d", "a b c d e", ExtractCounts{TP: 0.5, FP: 0.5}},
		// 5 truth shingles, 2 of them predicted, plus 1 wrong.
		{"partial", "a b c d e f g h", "a b c d e x", ExtractCounts{TP: 2.0 / 6, FP: 1.0 / 6, FN: 3.0 / 6}},
		// Fewer than four tokens make one short shingle.
		{"short", "a b", "a b", ExtractCounts{TP: 1}},
		{"short differs", "a b", "a b c", ExtractCounts{FP: 0.5, FN: 0.5}},
		// Multisets: a repeated shingle counts twice.
		{"repeats", "a b c d a b c d", "a b c d", ExtractCounts{TP: 0.2, FN: 0.8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ShingleMatch(tok(tt.truth), tok(tt.pred))
			if !near(got.TP, tt.want.TP) || !near(got.FP, tt.want.FP) || !near(got.FN, tt.want.FN) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

func TestExtractScore(t *testing.T) {
	m := ExtractScore([]ExtractDoc{
		{Truth: "one two three four five", Pred: "one two three four five"}, // P 1, R 1, exact
		{Truth: "one two three four five", Pred: "one two three four"},      // P 1, R 1/2
		{Truth: "alpha beta gamma delta", Pred: "zeta eta theta iota"},      // P 0, R 0
		{Truth: "", Pred: ""}, // left out of P and R
		{Truth: "soft hy\u00adphen here now", Pred: "soft hy\u00adphen here now"},    // U+00AD splits words on both sides
		{Truth: "Mixed, punctuation; here now!", Pred: "Mixed punctuation here now"}, // exact token sequence
	})
	if m.Documents != 6 {
		t.Errorf("Documents = %d", m.Documents)
	}
	wantP := (1 + 1 + 0 + 1 + 1) / 5.0
	wantR := (1 + 0.5 + 0 + 1 + 1) / 5.0
	if !near(m.Precision, wantP) || !near(m.Recall, wantR) {
		t.Errorf("P, R = %v, %v; want %v, %v", m.Precision, m.Recall, wantP, wantR)
	}
	if wantF := 2 * wantP * wantR / (wantP + wantR); !near(m.F1, wantF) {
		t.Errorf("F1 = %v, want %v", m.F1, wantF)
	}
	// Exact: docs 1, 4 (both empty), 5 and 6.
	if !near(m.Accuracy, 4.0/6) {
		t.Errorf("Accuracy = %v, want %v", m.Accuracy, 4.0/6)
	}
	if z := ExtractScore(nil); z.F1 != 0 || z.Documents != 0 {
		t.Errorf("empty corpus: %+v", z)
	}
}

func TestBootstrap(t *testing.T) {
	var s ExtractScorer
	for i := range 40 {
		pred := "one two three four five six"
		if i%3 == 0 {
			pred = "one two three four seven eight"
		}
		s.Add("one two three four five six", pred)
	}
	a, b := s.Bootstrap(200, 7), s.Bootstrap(200, 7)
	if a != b {
		t.Errorf("same seed, different results: %+v %+v", a, b)
	}
	if a.F1 <= 0 || a.F1 > 0.2 || a.Recall <= 0 {
		t.Errorf("implausible bootstrap deviations %+v", a)
	}
}

// The metric must reproduce the benchmark's own figures for the stored
// upstream outputs. Expected values come from the benchmark's evaluate.py
// (Python) run over the same files; the README quotes them to three
// places (go_trafilatura 0.960, trafilatura 0.958, readability_js 0.947,
// html-text 0.665).
func TestExtractScoreReproducesBenchmark(t *testing.T) {
	dir := benchmarkDir(t)
	gold, err := LoadExtractGold(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name               string
		p, r, f1, accuracy float64
	}{
		{"go_trafilatura", 0.940304, 0.979880, 0.959684, 0.287293},
		{"trafilatura", 0.938289, 0.977519, 0.957503, 0.292818},
		{"readability_js", 0.913944, 0.981993, 0.946748, 0.165746},
		{"go_readability_fork", 0.913952, 0.981963, 0.946738, 0.165746},
		{"html-text", 0.499508, 0.994196, 0.664936, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pred, err := LoadExtractOutput(filepath.Join(dir, "reference-output", tt.name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			if len(pred) != len(gold) {
				t.Fatalf("%d predictions for %d documents", len(pred), len(gold))
			}
			m := ScoreExtractOutput(gold, pred).Metrics()
			const tol = 5e-7
			if math.Abs(m.Precision-tt.p) > tol || math.Abs(m.Recall-tt.r) > tol ||
				math.Abs(m.F1-tt.f1) > tol || math.Abs(m.Accuracy-tt.accuracy) > tol {
				t.Errorf("P %.6f R %.6f F1 %.6f acc %.6f; want %.6f %.6f %.6f %.6f",
					m.Precision, m.Recall, m.F1, m.Accuracy, tt.p, tt.r, tt.f1, tt.accuracy)
			}
		})
	}
}

func TestRunExtractBenchmark(t *testing.T) {
	dir := benchmarkDir(t)
	gold, err := LoadExtractGold(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	// An oracle extractor that returns the gold text scores perfectly;
	// one that fails on every page scores zero and records the errors.
	oracle := func(_ io.Reader, url string) (string, error) {
		for _, g := range gold {
			if g.URL == url {
				return g.ArticleBody, nil
			}
		}
		return "", errors.New("unknown url")
	}
	run, err := RunExtractBenchmark(context.Background(), dir, oracle)
	if err != nil {
		t.Fatal(err)
	}
	if run.Metrics.Documents != len(gold) || run.Failed != 0 || run.Metrics.F1 < 0.999 {
		t.Errorf("oracle run: %+v (failed %d)", run.Metrics, run.Failed)
	}
	failing := func(io.Reader, string) (string, error) { panic("boom") }
	run, err = RunExtractBenchmark(context.Background(), dir, failing)
	if err != nil {
		t.Fatal(err)
	}
	if run.Failed != len(gold) || run.Metrics.F1 != 0 || len(run.Errors) != len(gold) ||
		!strings.Contains(run.Errors[0].Error(), "panicked: boom") {
		t.Errorf("failing run: %+v, failed %d, first error %v", run.Metrics, run.Failed, run.Errors[0])
	}
	if _, err := RunExtractBenchmark(context.Background(), t.TempDir(), oracle); err == nil {
		t.Error("missing benchmark: no error")
	}
}

func BenchmarkExtractScore(b *testing.B) {
	dir := benchmarkDir(b)
	gold, err := LoadExtractGold(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		b.Fatal(err)
	}
	pred, err := LoadExtractOutput(filepath.Join(dir, "reference-output", "go_trafilatura.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if m := ScoreExtractOutput(gold, pred).Metrics(); m.F1 < 0.9 {
			b.Fatal(m)
		}
	}
}

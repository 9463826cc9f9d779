package eval

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The article-extraction benchmark metric (Zyte/Scrapinghub
// article-extraction-benchmark, evaluate.py), reimplemented:
//
//   - text is tokenised as maximal runs of Unicode word characters (the
//     Python regexp \w+: letters, numbers, underscore);
//   - each text becomes the multiset of its 4-gram token shingles (a text of
//     1-3 tokens is one shingle of all its tokens);
//   - per document, tp/fp/fn count shingle occurrences in both / only the
//     prediction / only the truth, then are divided by tp+fp+fn so that long
//     documents weigh no more than short ones;
//   - precision is the mean of per-document tp/(tp+fp) over documents with
//     tp+fp > 0, recall the mean of tp/(tp+fn) over documents with tp+fn > 0
//     (both 1 when fp = fn = 0); F1 is the harmonic mean of those two means;
//   - accuracy is the share of documents whose token sequences are equal.
//
// The scorer compares texts as given, as evaluate.py does (the gold bodies
// hold a few U+00AD SOFT HYPHENs). RunExtractBenchmark removes U+00AD from
// an extractor's output before scoring, as the benchmark's extractor
// wrappers (extractors/run_*.py) do when they write their outputs.

// ShingleSize is the token n-gram length of the benchmark's shingles.
const ShingleSize = 4

// ExtractCounts are one document's normalised shingle counts.
type ExtractCounts struct {
	TP, FP, FN float64
}

func (c ExtractCounts) precision() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FP == 0:
		return 0
	}
	return c.TP / (c.TP + c.FP)
}

func (c ExtractCounts) recall() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FN == 0:
		return 0
	}
	return c.TP / (c.TP + c.FN)
}

// ExtractMetrics are the benchmark's corpus figures.
type ExtractMetrics struct {
	Documents int
	Precision float64
	Recall    float64
	F1        float64
	Accuracy  float64
}

// ExtractDoc is one document to score: the gold article body and the
// extractor's text for it.
type ExtractDoc struct {
	Truth, Pred string
}

// ExtractScore scores an extractor's output against the gold bodies with
// the benchmark metric.
func ExtractScore(docs []ExtractDoc) ExtractMetrics {
	var s ExtractScorer
	for _, d := range docs {
		s.Add(d.Truth, d.Pred)
	}
	return s.Metrics()
}

// ExtractScorer accumulates documents for ExtractScore one at a time, so
// that a caller need not hold every text at once. The zero value is ready.
type ExtractScorer struct {
	counts []ExtractCounts
	exact  []bool
}

// Add scores one document and returns its counts.
func (s *ExtractScorer) Add(truth, pred string) ExtractCounts {
	tt, pt := wordTokens(truth), wordTokens(pred)
	c := ShingleMatch(tt, pt)
	s.counts = append(s.counts, c)
	s.exact = append(s.exact, slices.Equal(tt, pt))
	return c
}

// Metrics returns the corpus figures of the documents added so far.
func (s *ExtractScorer) Metrics() ExtractMetrics {
	idx := make([]int, len(s.counts))
	for i := range idx {
		idx[i] = i
	}
	return s.metricsOf(idx)
}

// Bootstrap returns the standard deviation of each figure over n bootstrap
// resamples of the documents (the benchmark prints these as ±), drawn from
// a generator seeded with seed so that runs repeat.
func (s *ExtractScorer) Bootstrap(n int, seed uint64) ExtractMetrics {
	m := len(s.counts)
	if n < 2 || m == 0 {
		return ExtractMetrics{Documents: m}
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	idx := make([]int, m)
	var p, r, f, a []float64
	for range n {
		for i := range idx {
			idx[i] = rng.IntN(m)
		}
		x := s.metricsOf(idx)
		p, r, f, a = append(p, x.Precision), append(r, x.Recall), append(f, x.F1), append(a, x.Accuracy)
	}
	return ExtractMetrics{Documents: m, Precision: extractStdev(p), Recall: extractStdev(r), F1: extractStdev(f), Accuracy: extractStdev(a)}
}

func (s *ExtractScorer) metricsOf(idx []int) ExtractMetrics {
	var sp, sr, sa float64
	var np, nr int
	for _, i := range idx {
		c := s.counts[i]
		if c.TP+c.FP > 0 {
			sp += c.precision()
			np++
		}
		if c.TP+c.FN > 0 {
			sr += c.recall()
			nr++
		}
		if s.exact[i] {
			sa++
		}
	}
	m := ExtractMetrics{Documents: len(idx)}
	if np > 0 {
		m.Precision = sp / float64(np)
	}
	if nr > 0 {
		m.Recall = sr / float64(nr)
	}
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
	if len(idx) > 0 {
		m.Accuracy = sa / float64(len(idx))
	}
	return m
}

// extractStdev is the sample standard deviation (n-1), as Python's
// statistics.stdev.
func extractStdev(xs []float64) float64 {
	if len(xs) < 2 {
		return 0
	}
	var mean float64
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	var ss float64
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return math.Sqrt(ss / float64(len(xs)-1))
}

// ShingleMatch compares the shingle multisets of two token sequences and
// returns tp, fp and fn normalised by their sum (all zero when both are
// empty).
func ShingleMatch(truth, pred []string) ExtractCounts {
	ids := map[string]int32{}
	tc := shingleCounts(truth, ids)
	pc := shingleCounts(pred, ids)
	var c ExtractCounts
	for k, t := range tc {
		p := pc[k]
		c.TP += float64(min(t, p))
		c.FN += float64(max(0, t-p))
	}
	for k, p := range pc {
		if t := tc[k]; p > t {
			c.FP += float64(p - t)
		}
	}
	if s := c.TP + c.FP + c.FN; s > 0 {
		c.TP, c.FP, c.FN = c.TP/s, c.FP/s, c.FN/s
	}
	return c
}

// shingle is a token 4-gram as token ids; unused slots are -1.
type shingle [ShingleSize]int32

// shingleCounts returns the multiset of the token 4-grams of toks; ids
// interns tokens so that the two sides of a comparison share ids.
func shingleCounts(toks []string, ids map[string]int32) map[shingle]int {
	if len(toks) == 0 {
		return nil
	}
	seq := make([]int32, len(toks))
	for i, t := range toks {
		id, ok := ids[t]
		if !ok {
			id = int32(len(ids))
			ids[t] = id
		}
		seq[i] = id
	}
	counts := make(map[shingle]int, len(seq))
	n := max(1, len(seq)-ShingleSize+1)
	for i := range n {
		var sh shingle
		for j := range sh {
			if i+j < len(seq) {
				sh[j] = seq[i+j]
			} else {
				sh[j] = -1
			}
		}
		counts[sh]++
	}
	return counts
}

// wordTokens splits text into maximal runs of word characters: Unicode
// letters and numbers and '_' (Python's \w).
func wordTokens(text string) []string {
	var toks []string
	start := -1
	for i, r := range text {
		w := r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
		if r == utf8.RuneError {
			w = false
		}
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			toks = append(toks, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, text[start:])
	}
	return toks
}

// ExtractGold is one benchmark document: its gold article body and the
// URL the page was fetched from.
type ExtractGold struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// LoadExtractGold reads the benchmark's ground-truth.json: document id to
// gold body and URL.
func LoadExtractGold(path string) (map[string]ExtractGold, error) {
	var gold map[string]ExtractGold
	if err := readExtractJSON(path, &gold); err != nil {
		return nil, err
	}
	return gold, nil
}

// LoadExtractOutput reads an extractor output file in the benchmark's
// format, {"output": {id: {"articleBody": ...}}} (or the bare inner map),
// and returns document id to predicted text.
func LoadExtractOutput(path string) (map[string]string, error) {
	var wrapped struct {
		Output map[string]ExtractGold `json:"output"`
	}
	if err := readExtractJSON(path, &wrapped); err != nil {
		return nil, err
	}
	out := wrapped.Output
	if out == nil {
		if err := readExtractJSON(path, &out); err != nil {
			return nil, err
		}
	}
	pred := make(map[string]string, len(out))
	for id, o := range out {
		pred[id] = o.ArticleBody
	}
	return pred, nil
}

func readExtractJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// ScoreExtractOutput scores predictions (id to text) against gold; a
// document missing from pred counts as an empty prediction.
func ScoreExtractOutput(gold map[string]ExtractGold, pred map[string]string) *ExtractScorer {
	var s ExtractScorer
	for _, id := range sortedExtractIDs(gold) {
		s.Add(gold[id].ArticleBody, pred[id])
	}
	return &s
}

func sortedExtractIDs[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Extractor turns one HTML page, fetched from pageURL, into the text to
// score.
type Extractor func(page io.Reader, pageURL string) (string, error)

// ExtractRun is the result of running an extractor over the benchmark.
type ExtractRun struct {
	Metrics ExtractMetrics
	Std     ExtractMetrics // bootstrap standard deviations
	Failed  int            // pages the extractor returned an error for (scored as empty)
	Errors  []error        // those errors, naming the page
	Elapsed time.Duration  // time spent inside the extractor only
}

// DocsPerSec is the extractor's throughput over the run.
func (r ExtractRun) DocsPerSec() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Metrics.Documents) / r.Elapsed.Seconds()
}

// BootstrapRounds is the number of resamples for the ± figures, as the
// benchmark's default.
const BootstrapRounds = 1000

// RunExtractBenchmark runs extract over every document of the benchmark
// in dir (ground-truth.json and html/<id>.html.gz) one at a time and
// scores the output, with U+00AD removed as the benchmark's wrappers do.
// An extractor error scores the page as an empty
// prediction and is recorded in the run; an unreadable benchmark file is an
// error.
func RunExtractBenchmark(ctx context.Context, dir string, extract Extractor) (ExtractRun, error) {
	var run ExtractRun
	gold, err := LoadExtractGold(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return run, err
	}
	if len(gold) == 0 {
		return run, fmt.Errorf("%s: no documents", filepath.Join(dir, "ground-truth.json"))
	}
	var s ExtractScorer
	for _, id := range sortedExtractIDs(gold) {
		if err := ctx.Err(); err != nil {
			return run, err
		}
		path := filepath.Join(dir, "html", id+".html.gz")
		page, err := readGzipFile(path)
		if err != nil {
			return run, err
		}
		start := time.Now()
		pred, err := safeExtract(extract, page, gold[id].URL)
		run.Elapsed += time.Since(start)
		if err != nil {
			run.Failed++
			run.Errors = append(run.Errors, fmt.Errorf("%s: %w", path, err))
			pred = ""
		}
		s.Add(gold[id].ArticleBody, strings.ReplaceAll(pred, "\u00ad", ""))
	}
	run.Metrics = s.Metrics()
	run.Std = s.Bootstrap(BootstrapRounds, 1)
	return run, nil
}

// safeExtract calls extract, turning a panic into an error.
func safeExtract(extract Extractor, page []byte, pageURL string) (text string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("extractor panicked: %v", p)
		}
	}()
	return extract(bytes.NewReader(page), pageURL)
}

func readGzipFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return b, nil
}

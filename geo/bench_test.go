package geo

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/nlp"
)

// BenchmarkLoad measures building the gazetteer from the embedded data:
// the one-time cost Default pays.
func BenchmarkLoad(b *testing.B) {
	gz, err := dataFS.ReadFile("data/gazetteer.tsv.gz")
	if err != nil {
		b.Fatal(err)
	}
	words, err := dataFS.ReadFile("data/common-words.txt")
	if err != nil {
		b.Fatal(err)
	}
	var g *Gazetteer
	cpu0, ok := cpuTime()
	n := 0
	for b.Loop() {
		if g, err = Load(bytes.NewReader(gz), bytes.NewReader(words)); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if cpu1, ok1 := cpuTime(); ok && ok1 {
		// CPU of all threads (GC included) per load: on a busy machine
		// the wall time per load is larger than this.
		b.ReportMetric(float64((cpu1-cpu0).Milliseconds())/float64(n), "cpu-ms/op")
	}
	b.ReportMetric(float64(g.Len()), "places")
	b.ReportMetric(float64(g.Names()), "names")
}

var resolveNames = []string{"Baku", "Kiev", "Paris", "Georgia", "Oklahoma", "Şuşa", "Paris, Texas", "Xyzzyville", "New York", "Tripoli"}

func BenchmarkResolve(b *testing.B) {
	g := gaz(b)
	prefer := []string{"AZE", "TUR"}
	i := 0
	for b.Loop() {
		g.Resolve(resolveNames[i%len(resolveNames)], prefer)
		i++
	}
}

// Our own example sentences, in the style of news.
var findSentences = []string{
	"Turkish President Recep Tayyip Erdogan arrived in Baku on Tuesday for talks with his Azerbaijani counterpart.",
	"The two leaders later travelled to the border town of Shusha, where they signed a declaration.",
	"Officials in Ankara said the agreement would be ratified by parliament before the end of the year.",
	"Protests spread from Tbilisi to Batumi as the opposition demanded new elections in Georgia.",
	"The ministers met in Istanbul after a week of shuttle diplomacy between Kyiv and Moscow.",
	"A storm that hit Paris, Texas on Monday left thousands of homes without power, the governor said.",
	"Nice weather helped the negotiators, who had flown in from Rio de Janeiro and New York.",
	"The company reported higher profits but warned that costs would rise next year.",
}

// BenchmarkFind measures FindTokens per sentence (tokens already made, as
// the coder has them); the sentences/s metric is per core.
func BenchmarkFind(b *testing.B) {
	g := gaz(b)
	var sents []nlp.Sentence
	for _, s := range findSentences {
		sents = append(sents, nlp.Segment(s).Sentences...)
	}
	var dst []Match
	n := 0
	for b.Loop() {
		dst = g.FindTokens(sents[n%len(sents)].Tokens, nil, dst[:0])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkFindWikinews runs FindTokens over the Wikinews sample in
// ../shared/data (skipped when absent) and reports places per sentence.
func BenchmarkFindWikinews(b *testing.B) {
	sents := wikinewsSentences(b, 2000)
	g := gaz(b)
	var dst []Match
	n, found := 0, 0
	for b.Loop() {
		dst = g.FindTokens(sents[n%len(sents)].Tokens, nil, dst[:0])
		found += len(dst)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(found)/float64(n), "places/sentence")
}

func wikinewsSentences(tb testing.TB, max int) []nlp.Sentence {
	tb.Helper()
	p := filepath.Join("..", "..", "shared", "data", "wikinews-sample", "wikinews_2019.csv")
	f, err := os.Open(p)
	if err != nil {
		tb.Skipf("Wikinews sample not found at %s (../shared/data beside the repo): %v", p, err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatalf("read %s: %v", p, err)
	}
	var out []nlp.Sentence
	for _, r := range recs[1:] {
		out = append(out, nlp.Segment(r[3]).Sentences...)
		if len(out) >= max {
			break
		}
	}
	return out
}

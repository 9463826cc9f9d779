package actor

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ownSentences are written for these benchmarks (no news text is copied).
var ownSentences = []string{
	"Turkish President met Azerbaijan's Prime Minister in Baku on Tuesday.",
	"The two governments signed a defence pact, officials in Ankara said.",
	"Armenian opposition leaders called the agreement a threat to the region.",
	"The OSCE and the Organization of Turkic States sent observers to the vote.",
	"Russian police detained several activists outside the embassy in Moscow.",
	"A spokesman for the United Nations urged restraint from all parties.",
	"Farmers in the north said prices for grain had fallen since the spring.",
	"NATO allies discussed the pipeline with the European Union in Brussels.",
	"The army denied reports that rebels had crossed the border overnight.",
	"Local newspapers printed the statement of the Turkic Council in full.",
}

func BenchmarkLookup(b *testing.B) {
	kb := defaultKB(b)
	phrases := []string{"Azeri", "the Turkish government", "Azerbaijan's Prime Minister", "Organization of Turkic States",
		"pro-government newspaper", "President of Azerbaijan", "NATO", "Baku"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if len(kb.Lookup(phrases[i%len(phrases)])) == 0 {
			b.Fatal("no match")
		}
	}
}

func benchMatch(b *testing.B, sents []string) {
	kb := defaultKB(b)
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	hits := make([]Hit, 0, 256)
	found := 0
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			hits = kb.MatchText(s, hits[:0])
			found += len(hits)
		}
	}
	if found == 0 {
		b.Fatal("no names found")
	}
	b.ReportMetric(float64(len(sents))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkMatchText finds all knowledge-base names in each sentence: on
// our own sentences, and on the Wikinews sample from ../shared/data when
// present (split crudely into sentences at ". ").
func BenchmarkMatchText(b *testing.B) {
	b.Run("own", func(b *testing.B) { benchMatch(b, ownSentences) })
	b.Run("wikinews", func(b *testing.B) { benchMatch(b, wikinewsSentences(b)) })
}

// wikinewsSentences reads the Wikinews sample from ../shared/data, split
// crudely into sentences at ". ", skipping b when it is absent.
func wikinewsSentences(b *testing.B) []string {
	p := filepath.Join("..", "..", "shared", "data", "wikinews-sample", "wikinews_2019.csv")
	f, err := os.Open(p)
	if err != nil {
		b.Skipf("Wikinews sample absent (%v): needs ../shared/data next to the repository", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	var sents []string
	for _, r := range recs[1:] {
		for _, s := range strings.Split(r[3], ". ") {
			if s = strings.TrimSpace(s); s != "" {
				sents = append(sents, s)
			}
		}
	}
	return sents
}

// BenchmarkDefault measures building the knowledge base from the embedded
// tables (what the first call to Default costs).
func BenchmarkDefault(b *testing.B) {
	tabs := make([]*Table, 0, 2)
	for _, f := range []string{"data/actors.tsv", "data/names.tsv"} {
		d, err := dataFS.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		t, err := ReadTable(f, strings.NewReader(string(d)))
		if err != nil {
			b.Fatal(err)
		}
		tabs = append(tabs, t)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(tabs...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatchTokens finds all knowledge-base names in sentences given
// as tokens, as the entity recogniser asks (nlp tokens, split further by
// the knowledge base's tokenizer): our own sentences, and the Wikinews
// sample from ../shared/data when present (split crudely into sentences
// at ". " and into tokens at spaces).
func BenchmarkMatchTokens(b *testing.B) {
	run := func(b *testing.B, sents []string) {
		kb := defaultKB(b)
		var toks [][]string
		for _, s := range sents {
			toks = append(toks, strings.Fields(s))
		}
		hits := make([]Hit, 0, 256)
		found := 0
		b.ReportAllocs()
		for b.Loop() {
			for _, t := range toks {
				hits = kb.MatchTokens(t, hits[:0])
				found += len(hits)
			}
		}
		if found == 0 {
			b.Fatal("no names found")
		}
		b.ReportMetric(float64(len(sents))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	}
	b.Run("own", func(b *testing.B) { run(b, ownSentences) })
	b.Run("wikinews", func(b *testing.B) { run(b, wikinewsSentences(b)) })
}

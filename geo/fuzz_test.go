package geo

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzFind checks that the matcher never panics and returns valid,
// ordered, non-overlapping spans whose text names the place it found.
func FuzzFind(f *testing.F) {
	for _, s := range findSentences {
		f.Add(s)
	}
	for _, s := range []string{"", "Baku,", ", Texas", "Paris, , Texas", "Rio de", "U.S.A.", "Nagorno--Karabakh", "Şuşa'", "İ", "\xff\xfe Baku", "New York, New York, USA"} {
		f.Add(s)
	}
	g := gaz(f)
	f.Fuzz(func(t *testing.T, text string) {
		ms := g.Find(text, []string{"USA"})
		prevEnd := -1
		for _, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("bad span %d-%d in %d bytes", m.Start, m.End, len(text))
			}
			if m.Start < prevEnd {
				t.Fatalf("overlapping or unordered spans: %+v", ms)
			}
			if m.Tokens[0] >= m.Tokens[1] {
				t.Fatalf("bad token range %v", m.Tokens)
			}
			prevEnd = m.End
			if m.Place.Name == "" || m.Place.Country == "" {
				t.Fatalf("empty place for %q", text[m.Start:m.End])
			}
		}
	})
}

// FuzzLoad feeds the gazetteer parser arbitrary (gzip'd) input: it must
// return a gazetteer or an error, never panic.
func FuzzLoad(f *testing.F) {
	f.Add("C\tAZE\tAZ\t587116\tAzerbaijan\t\t10000000\nA\tAZ.09\tAZE\tBaki\nP\t587084\tBaku\t\tBakou\tAZE\tAZ.09\t40.3\t49.8\t1116513\tPPLC\n", "baku\n")
	f.Add("P\t1\tX\t\t\tZZZ\t\t0\t0\t0\tPPL\n", "")
	f.Add("# only a comment\n", "# words\n")
	f.Fuzz(func(t *testing.T, data, words string) {
		g, err := Load(bytes.NewReader(gzipped(data)), strings.NewReader(words))
		if err != nil {
			return
		}
		for _, name := range []string{"Baku", "X", "Azerbaijan"} {
			g.Resolve(name, nil)
		}
		g.Find("He went to Baku and X.", nil)
	})
}

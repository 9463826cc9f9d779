package synth

import (
	"encoding/json"
	"testing"

	"github.com/dyad-events/dyad/dedup"
)

func collect(t *testing.T, cfg Config) ([]string, int, map[string]int, map[string]int, int) {
	t.Helper()
	g, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	events, dups := 0, 0
	types := map[string]int{}
	countries := map[string]int{}
	seen := map[string]bool{}
	for b := range g.Articles() {
		if seen[b.Article.ID] {
			t.Fatalf("article id %s twice", b.Article.ID)
		}
		seen[b.Article.ID] = true
		j, _ := json.Marshal(b)
		docs = append(docs, string(j))
		for _, e := range b.Events {
			events++
			types[e.Type]++
			countries[e.Actor.Country]++
			if e.Actor.Country == e.Recipient.Country {
				t.Fatalf("event %s: actor and recipient of one country", e.ID)
			}
			if got := b.Article.Body()[e.Evidence.TriggerSpan[0]:e.Evidence.TriggerSpan[1]]; got != e.Evidence.Trigger {
				t.Fatalf("trigger span gives %q, want %q", got, e.Evidence.Trigger)
			}
			if got := b.Article.Body()[e.Evidence.RecipientSpan[0]:e.Evidence.RecipientSpan[1]]; got != e.Recipient.Text {
				t.Fatalf("recipient span gives %q, want %q", got, e.Recipient.Text)
			}
		}
		if len(b.Article.Paragraphs) > 0 && b.Article.Paragraphs[0].Text[:11] == "Republished" {
			dups++
		}
	}
	return docs, events, types, countries, dups
}

func TestDeterministicAndRealistic(t *testing.T) {
	cfg := Config{Seed: 42, Events: 20000}
	a, n, types, countries, dups := collect(t, cfg)
	b, _, _, _, _ := collect(t, cfg)
	if len(a) != len(b) {
		t.Fatal("two runs differ in length")
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("article %d differs between runs with the same seed", i)
		}
	}
	c, _, _, _, _ := collect(t, Config{Seed: 43, Events: 20000})
	if c[0] == a[0] {
		t.Error("another seed gives the same first article")
	}
	if n != cfg.Events {
		t.Errorf("%d events, want %d", n, cfg.Events)
	}
	if types["CONSULT"] <= types["ASSAULT"] || types["ASSAULT"] == 0 || len(types) < 14 {
		t.Errorf("type frequencies %v", types)
	}
	if countries["USA"] < 5*countries["TKM"] || countries["TKM"] == 0 {
		t.Errorf("country skew: USA %d, TKM %d", countries["USA"], countries["TKM"])
	}
	if dups < len(a)/40 || dups > len(a)/10 {
		t.Errorf("%d re-publications of %d articles, want about 5%%", dups, len(a))
	}
}

// Re-publications are near duplicates for package dedup; independent
// articles are not.
func TestRepublicationsAreNear(t *testing.T) {
	g, _ := New(Config{Seed: 9, Events: 4000, DupRate: 0.2})
	byTitle := map[string]dedup.Signature{}
	near, far := 0, 0
	for b := range g.Articles() {
		sig, ok := dedup.Fingerprint(b.Article.Body())
		if !ok {
			continue
		}
		orig := b.Article.Title
		if i := len(orig) - 1; orig[i] == ')' {
			for j := i; j >= 0; j-- {
				if orig[j] == '(' {
					orig = orig[:j-1]
					break
				}
			}
			if o, ok := byTitle[orig]; ok {
				if !dedup.Near(sig, o) {
					t.Errorf("%s not near its original (similarity %.2f)", b.Article.Title, dedup.Similarity(sig, o))
				}
				near++
			}
			continue
		}
		for _, o := range byTitle {
			if dedup.Near(sig, o) {
				far++
			}
		}
		byTitle[orig] = sig
	}
	if near == 0 {
		t.Fatal("no re-publication checked")
	}
	if far > 0 {
		t.Errorf("%d independent article pairs look like duplicates", far)
	}
}

func TestBadConfig(t *testing.T) {
	for _, c := range []Config{{}, {Events: 10, DupRate: 1.5}} {
		if _, err := New(c); err == nil {
			t.Errorf("New(%+v) accepted", c)
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	g, _ := New(Config{Seed: 1, Events: 10000})
	for b.Loop() {
		for range g.Articles() {
		}
	}
}

package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/event"
)

// exampleArticle reads the project's own example article.
func exampleArticle(b *testing.B) *article.Article {
	b.Helper()
	path := filepath.Join("..", "examples", "baku-talks.txt")
	if _, err := os.Stat(path); err != nil {
		b.Fatalf("example article: %v", err)
	}
	for a, err := range article.Read(context.Background(), []string{path}, article.Options{}) {
		if err != nil {
			b.Fatal(err)
		}
		return a
	}
	b.Fatal("no article read")
	return nil
}

// BenchmarkActorsAndEvents times the actor and event stages alone, on an
// article already segmented, tagged, parsed and recognised.
func BenchmarkActorsAndEvents(b *testing.B) {
	p := load(b)
	r := p.Process(exampleArticle(b))
	in := event.Input{Article: event.ArticleRef{ID: r.Article.ID}, Published: r.Article.Published, Doc: r.Doc}
	res := &actor.Resolver{KB: p.Resolver.KB}
	b.ResetTimer()
	for b.Loop() {
		in.Mentions = res.Mentions(r.Doc, in.Published)
		p.Coder.Code(in)
	}
	b.ReportMetric(float64(len(r.Doc.Sentences)*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

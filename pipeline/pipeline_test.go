package pipeline

import (
	"context"
	"errors"
	"iter"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/article"
)

func load(t testing.TB) *Pipeline {
	t.Helper()
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRunKeepsOrderAndPassesErrors(t *testing.T) {
	p := load(t)
	texts := []string{
		"Turkey and Azerbaijan signed a trade agreement on Monday.",
		"",
		"Russian troops attacked the town, officials said.",
		"The Armenian foreign minister visited Tbilisi.",
	}
	var in iter.Seq2[*article.Article, error] = func(yield func(*article.Article, error) bool) {
		for i, s := range texts {
			if s == "" {
				if !yield(nil, errors.New("bad input")) {
					return
				}
				continue
			}
			a := article.ParseText([]string{s})
			a.Source = string(rune('a' + i))
			if !yield(a, nil) {
				return
			}
		}
	}
	var got []string
	err := p.Run(context.Background(), in, 3, func(r Result) error {
		if r.Err != nil {
			got = append(got, "error")
			return nil
		}
		got = append(got, r.Article.Source)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a", "error", "c", "d"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

func TestRunStopsOnEmitError(t *testing.T) {
	p := load(t)
	var in iter.Seq2[*article.Article, error] = func(yield func(*article.Article, error) bool) {
		for i := 0; i < 100; i++ {
			if !yield(article.ParseText([]string{"Iran criticised Israel on Sunday."}), nil) {
				return
			}
		}
	}
	stop := errors.New("stop")
	n := 0
	err := p.Run(context.Background(), in, 2, func(Result) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("err %v after %d results", err, n)
	}
}

// BenchmarkProcess codes the Wikinews sample (or the README example when
// the shared data is absent) on one goroutine and reports sentences/s:
// text in, events out, every stage included.
func BenchmarkProcess(b *testing.B) {
	p := load(b)
	paths := []string{filepath.Join("..", "..", "shared", "data", "wikinews-sample", "wikinews_2019.csv")}
	if _, err := os.Stat(paths[0]); err != nil {
		paths = []string{filepath.Join("..", "examples", "baku-talks.txt")}
	}
	var arts []*article.Article
	for a, err := range article.Read(context.Background(), paths, article.Options{}) {
		if err == nil {
			arts = append(arts, a)
		}
	}
	b.ReportAllocs()
	sentences := 0
	for b.Loop() {
		for _, a := range arts {
			sentences += len(p.Process(a).Doc.Sentences)
		}
	}
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
}

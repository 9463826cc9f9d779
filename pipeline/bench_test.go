package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/cputime"
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

// coldLoadEnv, set in the environment, makes TestColdLoadChild load the
// pipeline and print what it cost: BenchmarkColdLoad runs this test binary
// again with it, since Load decodes its models once per process.
const coldLoadEnv = "DYAD_COLD_LOAD_CHILD"

// TestColdLoadChild is BenchmarkColdLoad's child process; it is skipped
// unless coldLoadEnv is set.
func TestColdLoadChild(t *testing.T) {
	if os.Getenv(coldLoadEnv) == "" {
		t.Skip("run by BenchmarkColdLoad only")
	}
	before := cputime.Used() // package initialisation and test start-up
	if _, err := Load(); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("cold-load init-cpu-ns %d load-cpu-ns %d\n", before.Nanoseconds(), (cputime.Used() - before).Nanoseconds())
}

// BenchmarkColdLoad measures what a user waits for before the first
// sentence: each iteration starts this test binary afresh and reports the
// CPU time (all threads, GC included) of package initialisation and of
// Load, the figures that matter on a shared machine where wall time is
// noisy. Set GOMAXPROCS to bound the child's parallelism.
func BenchmarkColdLoad(b *testing.B) {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	var initNS, loadNS []float64
	for b.Loop() {
		cmd := exec.Command(exe, "-test.run=^TestColdLoadChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), coldLoadEnv+"=1")
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		var in, ld int64
		i := bytes.Index(out, []byte("cold-load "))
		if i < 0 {
			b.Fatalf("child printed no figures:\n%s", out)
		}
		if _, err := fmt.Sscanf(string(out[i:]), "cold-load init-cpu-ns %d load-cpu-ns %d", &in, &ld); err != nil {
			b.Fatalf("child figures: %v\n%s", err, out)
		}
		initNS, loadNS = append(initNS, float64(in)), append(loadNS, float64(ld))
	}
	// Medians: one slow run on a busy machine should not move them.
	median := func(x []float64) float64 {
		slices.Sort(x)
		return x[len(x)/2]
	}
	b.ReportMetric(median(initNS)/1e6, "init-cpu-ms")
	b.ReportMetric(median(loadNS)/1e6, "load-cpu-ms")
}

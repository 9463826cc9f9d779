// Package pipeline runs dyad's stages over articles: segment, tag, parse,
// recognise entities, resolve actors as of the article's date, code events.
// Each stage reads what the one before produced and adds to it.
//
// # Concurrency
//
// A Pipeline holds only immutable models and is safe for concurrent use.
// Run codes articles on a fixed number of workers and hands the results
// back in input order; at most a few articles per worker are in flight, so
// memory stays flat however many articles come in.
package pipeline

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"sync"
	"time"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/inorder"
	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/ner"
	"github.com/dyad-events/dyad/nlp/parse"
	"github.com/dyad-events/dyad/nlp/tag"
)

// Pipeline holds the loaded stages.
type Pipeline struct {
	Tagger   *tag.Tagger
	Parser   *parse.Parser
	NER      *ner.Recognizer
	Resolver *actor.Resolver
	Coder    *event.Coder
	// Published is the date assumed for articles that carry none (zero:
	// events of such articles get dates only from their own sentences).
	Published time.Time
}

// Load returns a pipeline with dyad's embedded models, knowledge base,
// ontology and lexicon.
func Load() (*Pipeline, error) {
	// The stages decode independent files, so they load side by side: on
	// a machine with more than one core the wait is that of the slowest
	// (the parser) rather than the sum. The NER and the actor resolver
	// share the knowledge base, which actor.Default builds once.
	var (
		wg    sync.WaitGroup
		tg    *tag.Tagger
		ps    *parse.Parser
		rec   *ner.Recognizer
		kb    *actor.KB
		coder *event.Coder
		errs  [5]error
	)
	// run loads one stage in the background; errs keeps stage order.
	run := func(i int, what string, load func() error) {
		wg.Go(func() {
			if err := load(); err != nil {
				errs[i] = fmt.Errorf("load %s: %w", what, err)
			}
		})
	}
	run(1, "parser", func() (err error) { ps, err = parse.Load(); return err })
	run(2, "entity recogniser", func() (err error) { rec, err = ner.Load(); return err })
	run(0, "tagger", func() (err error) { tg, err = tag.Load(); return err })
	run(3, "knowledge base", func() (err error) { kb, err = actor.Default(); return err })
	run(4, "event coder", func() (err error) { coder, err = event.NewCoder(); return err })
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	coder.Persons = kb
	return &Pipeline{Tagger: tg, Parser: ps, NER: rec, Resolver: &actor.Resolver{KB: kb, Places: coder.Geo}, Coder: coder}, nil
}

// Result is what the pipeline made of one article, or the error that
// stopped it (Err, with Article nil for an input that could not be read).
type Result struct {
	Article  *article.Article
	Doc      *nlp.Doc
	Mentions []actor.Mention
	Events   []event.Event
	Err      error
}

// Process runs every stage over one article.
func (p *Pipeline) Process(a *article.Article) Result { return p.ProcessTimed(a, nil) }

// Stage names, in order, as StageTimes reports them.
var Stages = []string{"segment", "tag", "parse", "entities", "actors", "events"}

// StageTimes accumulates the time spent in each stage.
type StageTimes [6]time.Duration

// ProcessTimed is Process adding the time of each stage to st (nil: no
// timing).
func (p *Pipeline) ProcessTimed(a *article.Article, st *StageTimes) Result {
	var t0 time.Time
	lap := func(i int) {
		if st != nil {
			now := time.Now()
			st[i] += now.Sub(t0)
			t0 = now
		}
	}
	if st != nil {
		t0 = time.Now()
	}
	doc := nlp.Segment(a.Body())
	lap(0)
	p.Tagger.TagDoc(doc)
	lap(1)
	p.Parser.ParseDoc(doc)
	lap(2)
	p.NER.Recognize(doc)
	lap(3)
	pub := a.Published
	if pub.IsZero() {
		pub = p.Published
	}
	mentions := p.Resolver.Mentions(doc, pub)
	lap(4)
	ref := event.ArticleRef{ID: a.ID, URL: a.URL, Title: a.Title, Site: a.Site}
	if !pub.IsZero() {
		ref.Published = pub.Format("2006-01-02")
	}
	evs := p.Coder.Code(event.Input{Article: ref, Published: pub, Doc: doc, Mentions: mentions})
	lap(5)
	return Result{Article: a, Doc: doc, Mentions: mentions, Events: evs}
}

// Run processes the articles of in on workers goroutines (0: one per CPU)
// and calls emit with each result in input order. Input errors are passed
// to emit as results with Err set and the work goes on; an error returned
// by emit, or the context's, stops the run and is returned.
func (p *Pipeline) Run(ctx context.Context, in iter.Seq2[*article.Article, error], workers int, emit func(Result) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		a   *article.Article
		err error
	}
	// The source is read on one goroutine; inorder.Run holds at most
	// 2*workers articles, which bounds what is in memory.
	feed := func(yield func(job) error) error {
		for a, err := range in {
			if err := yield(job{a, err}); err != nil {
				return err
			}
		}
		return nil
	}
	process := func(j job) (Result, error) {
		if j.err != nil {
			return Result{Err: j.err}, nil
		}
		return p.safeProcess(j.a), nil
	}
	if err := inorder.Run(ctx, workers, feed, process, emit); err != nil {
		return err
	}
	return ctx.Err()
}

// safeProcess turns a panic in a stage into an error on that article, so
// one bad article never stops the rest.
func (p *Pipeline) safeProcess(a *article.Article) (r Result) {
	defer func() {
		if v := recover(); v != nil {
			r = Result{Article: a, Err: fmt.Errorf("%s: coding failed: %v", a.Source, v)}
		}
	}()
	return p.Process(a)
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/export"
	"github.com/dyad-events/dyad/pipeline"
	"github.com/dyad-events/dyad/store"
)

// repeated is a flag that may be given several times.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

// pipelineFlags are the flags every command that runs the pipeline takes.
type pipelineFlags struct {
	published   string
	workers     int
	kbExtra     repeated
	lexicon     repeated
	keepNegated bool
	as          string
	// dictionaries is a directory of PETRARCH dictionaries used instead
	// of dyad's knowledge base and lexicon (see loadPetrarchDir).
	dictionaries string
	models       modelFlags
}

func (pf *pipelineFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&pf.published, "published", "", "publication date assumed for articles that carry none (e.g. 2021-03-05)")
	fs.IntVar(&pf.workers, "workers", 0, "articles coded at once (default: one per CPU)")
	fs.Var(&pf.kbExtra, "kb-extra", "extra knowledge-base file (actor/name rows; may repeat)")
	fs.Var(&pf.lexicon, "lexicon", "extra lexicon file of event patterns, tried before dyad's own (may repeat)")
	fs.BoolVar(&pf.keepNegated, "keep-negated", false, "keep negated events, flagged, instead of dropping them")
	fs.StringVar(&pf.dictionaries, "dictionaries", "", "directory of PETRARCH dictionaries (*actors*.txt, *agents*.txt, *verbs*.txt or CAMEO*.txt) used instead of dyad's knowledge base and lexicon")
	fs.StringVar(&pf.as, "as", "", "force an input format: text, html, jsonl, csv or feed (default: detect)")
	pf.models.register(fs)
}

// load builds the pipeline the flags ask for.
func (pf *pipelineFlags) load() (*pipeline.Pipeline, error) {
	p, err := pipeline.Load()
	if err != nil {
		return nil, err
	}
	if pf.models.tagger != "" {
		if p.Tagger, err = pf.models.loadTagger(); err != nil {
			return nil, err
		}
	}
	if pf.models.parser != "" {
		if p.Parser, err = pf.models.loadParser(); err != nil {
			return nil, err
		}
	}
	if pf.models.ner != "" {
		if p.NER, err = pf.models.loadNER(); err != nil {
			return nil, err
		}
	}
	if pf.published != "" {
		t, ok := article.ParseDate(pf.published)
		if !ok {
			return nil, fmt.Errorf("--published %q: not a date", pf.published)
		}
		p.Published = t
	}
	var petr *petrarchDicts
	if pf.dictionaries != "" {
		if petr, err = loadPetrarchDir(pf.dictionaries); err != nil {
			return nil, err
		}
		p.Resolver = &actor.Resolver{KB: petr.KB, Places: p.Resolver.Places}
	}
	for _, path := range append(pf.kbExtra, strings.FieldsFunc(os.Getenv("DYAD_KB_EXTRA"), func(r rune) bool { return r == os.PathListSeparator })...) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		t, err := actor.ReadTable(path, f)
		f.Close()
		if err != nil {
			return nil, err
		}
		kb, err := p.Resolver.KB.With(t)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		p.Resolver = &actor.Resolver{KB: kb, Places: p.Resolver.Places}
	}
	coder := *p.Coder
	coder.Persons = p.Resolver.KB // the knowledge base the actors come from
	coder.Options.KeepNegated = pf.keepNegated
	if petr != nil {
		coder.Lexicon = petr.Lexicon
	}
	for _, path := range pf.lexicon {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		lex, err := coder.Lexicon.With(path, f)
		f.Close()
		if err != nil {
			return nil, err
		}
		coder.Lexicon = lex
	}
	p.Coder = &coder
	return p, nil
}

func runCode(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad code", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "jsonl", "output: jsonl (one event a line), json (one object per article), table, gdelt (GDELT 2.0 event table rows)")
	stats := fs.Bool("stats", false, "print articles, sentences, events, time and peak memory to stderr at the end")
	var pf pipelineFlags
	pf.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dyad code [flags] PATH|DIR|-...")
		fmt.Fprintln(e.stderr, "Codes the events of each article: who did what to whom, when and where, with evidence.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	if *format != "jsonl" && *format != "json" && *format != "table" && *format != "gdelt" {
		fmt.Fprintf(e.stderr, "dyad code: unknown --format %q (jsonl, json, table or gdelt)\n", *format)
		return exitUsage
	}
	p, err := pf.load()
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad code: %v\n", oneLine(err))
		return exitFailed
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	var write func(w io.Writer, r pipeline.Result) error
	switch *format {
	case "jsonl":
		write = writeEventsJSONL
	case "json":
		write = writeArticleEvents
	case "gdelt":
		gw, err := export.NewWriter("gdelt", out)
		if err != nil {
			fmt.Fprintf(e.stderr, "dyad code: %v\n", err)
			return exitFailed
		}
		defer gw.Close()
		added := time.Now().UTC()
		write = func(_ io.Writer, r pipeline.Result) error {
			for _, ev := range r.Events {
				// One article: each event is its own single report.
				se := store.StoredEvent{Event: ev, EventID: ev.ID, Mentions: 1, Articles: 1, Sources: 1, Added: added}
				if err := gw.Write(&se); err != nil {
					return err
				}
			}
			return nil
		}
	case "table":
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		defer tw.Flush()
		fmt.Fprintln(tw, "DATE\tTYPE\tMODE\tCAMEO\tGOLD\tACTOR\tRECIPIENT\tTRIGGER\tCONF")
		write = func(_ io.Writer, r pipeline.Result) error { return writeEventsTable(tw, r) }
	}
	failed, articles, sentences, events := 0, 0, 0, 0
	start := time.Now()
	src := article.Read(ctx, fs.Args(), article.Options{Format: pf.as, Stdin: e.stdin})
	err = p.Run(ctx, src, pf.workers, func(r pipeline.Result) error {
		if r.Err != nil {
			failed++
			fmt.Fprintf(e.stderr, "dyad code: %v\n", oneLine(r.Err))
			return nil
		}
		articles++
		sentences += len(r.Doc.Sentences)
		events += len(r.Events)
		return write(out, r)
	})
	if *stats {
		el := time.Since(start)
		fmt.Fprintf(e.stderr, "dyad code: %d articles, %d sentences, %d events in %s (%.0f sentences/s), peak RSS %s\n",
			articles, sentences, events, el.Round(time.Millisecond), float64(sentences)/el.Seconds(), peakRSS())
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad code: %v\n", oneLine(err))
		return exitFailed
	}
	if failed > 0 {
		return exitFailed
	}
	return exitOK
}

func writeEventsJSONL(w io.Writer, r pipeline.Result) error {
	for _, ev := range r.Events {
		b, err := json.Marshal(ev)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "%s\n", b); err != nil {
			return err
		}
	}
	return nil
}

// entityJSON is one entry of the "entities" list: a recognised entity or a
// resolved actor mention, with byte offsets into the article body.
type entityJSON struct {
	Text    string `json:"text"`
	Label   string `json:"label"` // PER, ORG, LOC, DATE, ... or ACTOR for a resolved mention
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Code    string `json:"code,omitempty"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
	Name    string `json:"name,omitempty"`
	Via     string `json:"via,omitempty"`
}

func writeArticleEvents(w io.Writer, r pipeline.Result) error {
	var ents []entityJSON
	for _, en := range r.Doc.Entities {
		ents = append(ents, entityJSON{Text: en.Text(r.Doc), Label: en.Label, Start: en.Start, End: en.End})
	}
	for _, m := range r.Mentions {
		name := m.Actor.Name
		if m.Person != "" {
			name = m.Person
		}
		ents = append(ents, entityJSON{Text: m.Text, Label: "ACTOR", Start: m.Span.Start, End: m.Span.End,
			Code: m.Actor.Code, Country: m.Actor.Country, Sector: m.Actor.Sector, Name: name, Via: m.Via})
	}
	evs := r.Events
	if evs == nil {
		evs = []event.Event{}
	}
	a := articleJSON{Article: r.Article, Headings: r.Article.Headings(), Published: formatDate(r.Article)}
	b, err := json.Marshal(struct {
		Article  articleJSON   `json:"article"`
		Entities []entityJSON  `json:"entities"`
		Events   []event.Event `json:"events"`
	}{a, ents, evs})
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

func writeEventsTable(w io.Writer, r pipeline.Result) error {
	for _, ev := range r.Events {
		rc := "-"
		if ev.Recipient != nil {
			rc = ev.Recipient.Code + " (" + ev.Recipient.Text + ")"
		}
		mode := ev.Mode
		if mode == "" {
			mode = "-"
		}
		if _, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%.1f\t%s\t%s\t%s\t%.2f\n", ev.Date, ev.Type, mode, ev.CAMEO, ev.Goldstein,
			ev.Actor.Code+" ("+ev.Actor.Text+")", rc, ev.Evidence.Trigger, ev.Confidence); err != nil {
			return err
		}
	}
	return nil
}

package main

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"time"

	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/eval"
	"github.com/dyad-events/dyad/event"
)

// evalPlover codes each sentence of a PLOVER gold file and scores (event
// type, actor country, recipient country) against the gold records.
func evalPlover(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad eval plover", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	verbose := fs.Bool("v", false, "print each record's gold and predicted tuples")
	var pf pipelineFlags
	pf.register(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	path := dataPath("plover-gsr", "PLOVER_GSR_CAMEO.dev.json")
	if fs.NArg() > 0 {
		path = fs.Arg(0)
	}
	recs, err := eval.LoadPloverGSR(path)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad eval plover: %v\n", err)
		return exitFailed
	}
	p, err := pf.load()
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad eval plover: %v\n", err)
		return exitFailed
	}
	ont, err := event.Ontology()
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad eval plover: %v\n", err)
		return exitFailed
	}
	normType := func(t string) string {
		if n, ok := ont.NormalizeType(t); ok {
			return n
		}
		return t
	}
	start := time.Now()
	sentences := 0
	code := func(r eval.PloverRecord) []eval.Tuple {
		a := article.ParseText([]string{r.Text})
		a.Published = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		res := p.Process(a)
		sentences += len(res.Doc.Sentences)
		evs := res.Events
		sort.SliceStable(evs, func(i, j int) bool { return evs[i].Confidence > evs[j].Confidence })
		var out []eval.Tuple
		for _, ev := range evs {
			out = append(out, eval.Tuple{Type: ev.Type, Actor: scoreCode(ev.Actor), Recipient: scoreCode(ev.Recipient)})
		}
		if *verbose {
			fmt.Fprintf(e.stdout, "%s\n  text: %s\n  gold: %v\n  pred: %v\n", r.ID, r.Text, r.Gold(normType), out)
		}
		return out
	}
	sc := eval.ScorePlover(recs, normType, code)
	el := time.Since(start)
	fmt.Fprintf(e.stdout, "PLOVER gold records %s: %d records, %d sentences, %.0f sentences/s\n", path, sc.Records, sentences, float64(sentences)/el.Seconds())
	fmt.Fprintf(e.stdout, "(type, actor country, recipient country): gold %d, predicted %d, correct %d\n", sc.Tuples.Gold, sc.Tuples.System, sc.Tuples.Correct)
	fmt.Fprintf(e.stdout, "precision %.3f  recall %.3f  F1 %.3f\n", sc.Tuples.Precision(), sc.Tuples.Recall(), sc.Tuples.F1())
	fmt.Fprintf(e.stdout, "type accuracy (top event vs gold type) %.3f\n\n", sc.TypeAccuracy())
	fmt.Fprint(e.stdout, sc.ConfusionTable())
	verdict := "PASS"
	if sc.Tuples.F1() < 0.75 {
		verdict = "FAIL"
	}
	fmt.Fprintf(e.stdout, "\nbar: F1 %.3f >= 0.75  %s\n", sc.Tuples.F1(), verdict)
	return exitOK
}

// scoreCode is the code a participant is scored by, as the GSR codes
// them: its country; for an actor of no state, CAMEO's transnational
// codes: "IMG" for an armed group (al-Qaeda), "NGO" for a
// non-governmental organisation, "IGO" for any other international
// organisation. A state's NGOs are the state's.
func scoreCode(p *event.Participant) string {
	if p == nil {
		return ""
	}
	sector := p.Sector[:min(3, len(p.Sector))]
	switch {
	case sector == "IGO":
		return "IGO"
	case p.Country == "" || len(p.Country) == 3:
		return p.Country // a state's, its NGOs' too ("American aid groups": USA)
	case sector == "REB" || sector == "INS" || sector == "RAD" || sector == "UAF":
		return "IMG"
	case sector == "NGO":
		return "NGO"
	}
	return "IGO"
}

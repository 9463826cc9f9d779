package main

import (
	"context"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/event"
)

// petrarchDicts is a set of PETRARCH dictionaries loaded from a directory.
type petrarchDicts struct {
	KB       *actor.KB
	Verbs    *event.PetrarchVerbs
	Lexicon  *event.Lexicon
	Discards *event.PetrarchDiscards
	Files    []string
	Skipped  []string
	Load     time.Duration
}

// loadPetrarchDir reads the PETRARCH dictionaries of dir by the Phoenix/PETR
// file naming: *actors*.txt (any number), *agents*.txt, *verbs*.txt or
// CAMEO*.txt, *discards*.txt. Actors and verbs are required.
func loadPetrarchDir(dir string) (*petrarchDicts, error) {
	start := time.Now()
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("dictionaries: %w", err)
	}
	d := &petrarchDicts{}
	var kbDicts []*actor.PetrarchDict
	open := func(name string, read func(path string, r io.Reader) error) error {
		path := filepath.Join(dir, name)
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		d.Files = append(d.Files, path)
		return read(path, f)
	}
	for _, e := range ents {
		name := e.Name()
		low := strings.ToLower(name)
		if e.IsDir() || !strings.HasSuffix(low, ".txt") {
			continue
		}
		var err error
		switch {
		case strings.Contains(low, "actors"):
			err = open(name, func(p string, r io.Reader) error {
				pd, err := actor.ReadPetrarchActors(p, r)
				if err == nil {
					kbDicts = append(kbDicts, pd)
					d.Skipped = append(d.Skipped, pd.Skipped...)
				}
				return err
			})
		case strings.Contains(low, "agents"):
			err = open(name, func(p string, r io.Reader) error {
				pd, err := actor.ReadPetrarchAgents(p, r)
				if err == nil {
					kbDicts = append(kbDicts, pd)
					d.Skipped = append(d.Skipped, pd.Skipped...)
				}
				return err
			})
		case strings.Contains(low, "verbs") || strings.HasPrefix(low, "cameo"):
			if d.Verbs != nil {
				return nil, fmt.Errorf("dictionaries %s: more than one verb dictionary (%s)", dir, name)
			}
			err = open(name, func(p string, r io.Reader) error {
				v, err := event.ReadPetrarchVerbs(p, r)
				if err == nil {
					d.Verbs = v
					d.Skipped = append(d.Skipped, v.Skipped...)
				}
				return err
			})
		case strings.Contains(low, "discards"):
			err = open(name, func(p string, r io.Reader) error {
				ds, err := event.ReadPetrarchDiscards(p, r)
				if err == nil {
					if d.Discards == nil {
						d.Discards = ds
					} else {
						d.Discards.Sentence = append(d.Discards.Sentence, ds.Sentence...)
						d.Discards.Story = append(d.Discards.Story, ds.Story...)
					}
				}
				return err
			})
		}
		if err != nil {
			return nil, err
		}
	}
	if len(kbDicts) == 0 {
		return nil, fmt.Errorf("dictionaries %s: no *actors*.txt file", dir)
	}
	if d.Verbs == nil {
		return nil, fmt.Errorf("dictionaries %s: no *verbs*.txt or CAMEO*.txt file", dir)
	}
	kb, err := actor.LoadPetrarch(kbDicts...)
	if err != nil {
		return nil, fmt.Errorf("dictionaries %s: %w", dir, err)
	}
	d.KB = kb
	d.Lexicon = d.Verbs.Lexicon()
	d.Load = time.Since(start)
	return d, nil
}

// petrarchRecords is the PETRARCH unit-test file.
type petrarchRecords struct {
	Sentences []petrarchRecord `xml:"Sentences>Sentence"`
}

type petrarchRecord struct {
	ID       string `xml:"id,attr"`
	Date     string `xml:"date,attr"`
	Category string `xml:"category,attr"`
	Sentence string `xml:"sentence,attr"` // "false": PETRARCH does not implement what the record tests
	Codings  []struct {
		Source   string `xml:"sourcecode,attr"`
		Target   string `xml:"targetcode,attr"`
		Event    string `xml:"eventcode,attr"`
		NoEvents string `xml:"noevents,attr"`
		Error    string `xml:"error,attr"`
	} `xml:"EventCoding"`
	Text string `xml:"Text"`
}

// gold returns the record's expected (source, target, event) tuples; a
// record marked noevents or with an expected error (discards, bad input)
// expects none.
func (r *petrarchRecord) gold() []string {
	var out []string
	for _, c := range r.Codings {
		if c.Event == "" || c.NoEvents != "" || c.Error != "" {
			continue
		}
		out = append(out, strings.ToUpper(c.Source)+" "+strings.ToUpper(c.Target)+" "+c.Event)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func readPetrarchRecords(path string) ([]petrarchRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	dec.Strict = false
	var recs petrarchRecords
	if err := dec.Decode(&recs); err != nil {
		line, _ := dec.InputPos()
		return nil, fmt.Errorf("%s:%d: %w", path, line, err)
	}
	if len(recs.Sentences) == 0 {
		return nil, fmt.Errorf("%s: no <Sentence> records", path)
	}
	return recs.Sentences, nil
}

type petrarchCount struct{ records, exact, gold, pred, correct int }

func (c petrarchCount) prf() (p, r, f float64) {
	if c.pred > 0 {
		p = float64(c.correct) / float64(c.pred)
	}
	if c.gold > 0 {
		r = float64(c.correct) / float64(c.gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// evalPetrarch runs the PETRARCH validation suite with its own
// dictionaries and scores the (source, target, event) tuples.
func evalPetrarch(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad eval petrarch", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	verbose := fs.Bool("v", false, "print each record's gold and predicted tuples")
	var pf pipelineFlags
	pf.models.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dyad eval petrarch [-v] [DIR]")
		fmt.Fprintln(e.stderr, "Codes PETR.UnitTest.records.xml with the PETR.Validate dictionaries of DIR (default ../shared/data/petrarch-validation).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	dir := dataPath("petrarch-validation")
	if fs.NArg() > 0 {
		dir = fs.Arg(0)
	}
	sc, err := runPetrarchSuite(ctx, dir, &pf, e.stdout, *verbose)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad eval petrarch: %v\n", oneLine(err))
		return exitFailed
	}
	_ = sc
	return exitOK
}

// petrarchScore is the outcome of a suite run.
type petrarchScore struct {
	all   petrarchCount
	byCat map[string]*petrarchCount
	fails map[string]int
}

// runPetrarchSuite codes the suite of dir with the pipeline pf asks for
// (its models; the knowledge base and lexicon are the suite's own).
func runPetrarchSuite(ctx context.Context, dir string, pf *pipelineFlags, w io.Writer, verbose bool) (*petrarchScore, error) {
	recs, err := readPetrarchRecords(filepath.Join(dir, "PETR.UnitTest.records.xml"))
	if err != nil {
		return nil, err
	}
	dicts, err := loadPetrarchDir(dir)
	if err != nil {
		return nil, err
	}
	p, err := pf.load()
	if err != nil {
		return nil, err
	}
	p.Resolver = &actor.Resolver{KB: dicts.KB, Places: p.Resolver.Places}
	coder := *p.Coder
	coder.Lexicon = dicts.Lexicon
	coder.Persons = dicts.KB
	p.Coder = &coder
	rawCode := map[string]string{}
	for _, pat := range dicts.Verbs.Patterns {
		rawCode[pat.Source] = event.PetrarchCode(pat)
	}
	sc := &petrarchScore{byCat: map[string]*petrarchCount{}, fails: map[string]int{}}
	notImpl := 0
	start := time.Now()
	for _, r := range recs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		text := strings.Join(strings.Fields(r.Text), " ")
		gold := r.gold()
		var pred []string
		discard := ""
		if ph, _, ok := dicts.Discards.Match(text); ok {
			discard = ph
		} else {
			a := article.ParseText([]string{text})
			if t, err := time.Parse("20060102", r.Date); err == nil {
				a.Published = t
			}
			res := p.Process(a)
			for _, ev := range res.Events {
				tgt := "---"
				if ev.Recipient != nil {
					tgt = ev.Recipient.Code
				}
				code := rawCode[ev.Pattern]
				if code == "" {
					code = ev.CAMEO
				}
				if i := strings.IndexByte(code, ':'); i >= 0 {
					code = code[:i]
				}
				pred = append(pred, ev.Actor.Code+" "+tgt+" "+code)
			}
			slices.Sort(pred)
			pred = slices.Compact(pred)
		}
		correct := 0
		for _, g := range gold {
			if slices.Contains(pred, g) {
				correct++
			}
		}
		exact := slices.Equal(gold, pred)
		cat := r.Category
		if sc.byCat[cat] == nil {
			sc.byCat[cat] = &petrarchCount{}
		}
		for _, c := range []*petrarchCount{&sc.all, sc.byCat[cat]} {
			c.records++
			c.gold += len(gold)
			c.pred += len(pred)
			c.correct += correct
			if exact {
				c.exact++
			}
		}
		if r.Sentence == "false" {
			notImpl++
		}
		if !exact {
			sc.fails[petrarchFailKind(gold, pred)]++
		}
		if verbose {
			mark := "ok  "
			if !exact {
				mark = "FAIL"
			}
			fmt.Fprintf(w, "%s %s [%s] %s\n  gold: %v\n  pred: %v\n", mark, r.ID, cat, text, gold, pred)
			if discard != "" {
				fmt.Fprintf(w, "  discarded: %q\n", discard)
			}
		}
	}
	el := time.Since(start)
	a := sc.all
	pr, rc, f1 := a.prf()
	fmt.Fprintf(w, "PETRARCH validation suite %s\n", dir)
	fmt.Fprintf(w, "dictionaries: %d files loaded in %s (%d patterns, %d entries not expressible)\n",
		len(dicts.Files), dicts.Load.Round(time.Millisecond), len(dicts.Verbs.Patterns), len(dicts.Skipped))
	fmt.Fprintf(w, "records %d (%d marked sentence=\"false\": not implemented in PETRARCH either), coded in %s\n", a.records, notImpl, el.Round(time.Millisecond))
	fmt.Fprintf(w, "records coded exactly: %d / %d (%.1f%%)\n", a.exact, a.records, 100*float64(a.exact)/float64(max(a.records, 1)))
	fmt.Fprintf(w, "(source, target, event) tuples: gold %d, predicted %d, correct %d\n", a.gold, a.pred, a.correct)
	fmt.Fprintf(w, "precision %.3f  recall %.3f  F1 %.3f\n\n", pr, rc, f1)
	cats := make([]string, 0, len(sc.byCat))
	for c := range sc.byCat {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	fmt.Fprintf(w, "%-10s %7s %6s %5s %5s %7s %6s %6s %6s\n", "category", "records", "exact", "gold", "pred", "correct", "P", "R", "F1")
	for _, c := range cats {
		x := sc.byCat[c]
		p, r, f := x.prf()
		fmt.Fprintf(w, "%-10s %7d %6d %5d %5d %7d %6.3f %6.3f %6.3f\n", c, x.records, x.exact, x.gold, x.pred, x.correct, p, r, f)
	}
	fmt.Fprintf(w, "\nrecords not coded exactly, by kind:\n")
	kinds := make([]string, 0, len(sc.fails))
	for k := range sc.fails {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if sc.fails[kinds[i]] != sc.fails[kinds[j]] {
			return sc.fails[kinds[i]] > sc.fails[kinds[j]]
		}
		return kinds[i] < kinds[j] // ties in a fixed order, run after run
	})
	for _, k := range kinds {
		fmt.Fprintf(w, "  %4d  %s\n", sc.fails[k], k)
	}
	return sc, nil
}

// petrarchFailKind names why a record's predicted set differs from gold.
func petrarchFailKind(gold, pred []string) string {
	switch {
	case len(gold) == 0:
		return "events coded where none expected"
	case len(pred) == 0:
		return "no event coded"
	}
	split := func(s []string, f func([]string) string) map[string]bool {
		m := map[string]bool{}
		for _, x := range s {
			m[f(strings.Fields(x))] = true
		}
		return m
	}
	code := func(f []string) string { return f[len(f)-1] }
	dyad := func(f []string) string { return f[0] + " " + f[1] }
	gc, pc := split(gold, code), split(pred, code)
	gd, pd := split(gold, dyad), split(pred, dyad)
	codeOK, dyadOK := false, false
	for k := range gc {
		codeOK = codeOK || pc[k]
	}
	for k := range gd {
		dyadOK = dyadOK || pd[k]
	}
	switch {
	case codeOK && dyadOK:
		return "some tuples right, some missing or extra (compounds, paired codes, null actors)"
	case dyadOK:
		return "right actors, different event code (pattern not matched or not expressible)"
	case codeOK:
		return "right event code, different source or target"
	}
	return "different actors and code"
}

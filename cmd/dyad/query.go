package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/dyad-events/dyad/store"
)

// queryFlags parses flags that may stand before, between or after the
// positional arguments, and returns the positional ones.
func queryFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func runQuery(ctx context.Context, e env, args []string) int {
	usage := func() {
		fmt.Fprintln(e.stderr, "usage: dyad query relations A B [--by day|week|month|year] [--since D] [--until D] [--db DSN] [--format table|json]")
		fmt.Fprintln(e.stderr, "       dyad query events [--actor X] [--recipient Y] [--country C] [--sector S] [--type T] [--quad N] [--since D] [--until D] [--text WORDS] [--limit N] [--after CURSOR]")
		fmt.Fprintln(e.stderr, "       dyad query actors [--limit N] [--country C] [--since D] [--until D]")
		fmt.Fprintln(e.stderr, "A and B are countries (AZE) or actor codes (TURGOV); force one with country:X or code:X.")
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage()
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	sub := args[0]
	fs := flag.NewFlagSet("dyad query "+sub, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { usage(); fs.PrintDefaults() }
	db := fs.String("db", store.DefaultDSN, "store: a SQLite file or a postgres:// URL")
	format := fs.String("format", "table", "output: table or json")
	since := fs.String("since", "", "first date, YYYY-MM-DD")
	until := fs.String("until", "", "last date, YYYY-MM-DD")
	limit := fs.Int("limit", 0, "rows to list (events: 50, actors: 20)")
	by := fs.String("by", "month", "relations: period, day|week|month|year")
	top := fs.Int("top", 3, "relations: event types listed per period and direction")
	var f store.Filter
	fs.StringVar(&f.Actor, "actor", "", "events: actor code or actor country")
	fs.StringVar(&f.Recipient, "recipient", "", "events: recipient code or recipient country")
	fs.StringVar(&f.Country, "country", "", "events and actors: country on either side")
	fs.StringVar(&f.Sector, "sector", "", "events: sector on either side (GOV, MIL, ...)")
	fs.StringVar(&f.Type, "type", "", "events: PLOVER event type")
	fs.IntVar(&f.QuadClass, "quad", 0, "events: quad class 1..4")
	fs.StringVar(&f.Text, "text", "", "events: words that must all occur in the sentence")
	fs.StringVar(&f.StoryID, "story", "", "events: story id")
	after := fs.String("after", "", "events: cursor printed at the end of the previous page")
	pos, err := queryFlags(fs, args[1:])
	if err != nil {
		return exitUsage
	}
	if *format != "table" && *format != "json" {
		fmt.Fprintf(e.stderr, "dyad query: unknown --format %q (table or json)\n", *format)
		return exitUsage
	}
	f.Since, f.Until = *since, *until
	f.Actor, f.Recipient, f.Country, f.Sector = strings.ToUpper(f.Actor), strings.ToUpper(f.Recipient), strings.ToUpper(f.Country), strings.ToUpper(f.Sector)
	var run func(st store.Store, w io.Writer) error
	switch sub {
	case "relations":
		if len(pos) != 2 {
			fmt.Fprintln(e.stderr, "dyad query relations: want two sides, A and B")
			return exitUsage
		}
		period, err := store.ParsePeriod(*by)
		if err != nil {
			fmt.Fprintf(e.stderr, "dyad query relations: --by: %v\n", err)
			return exitUsage
		}
		q := store.RelationsQuery{A: pos[0], B: pos[1], By: period, Since: *since, Until: *until, TopTypes: *top}
		if err := q.Validate(); err != nil {
			fmt.Fprintf(e.stderr, "dyad query relations: %v\n", err)
			return exitUsage
		}
		run = func(st store.Store, w io.Writer) error {
			rel, err := st.Relations(ctx, q)
			if err != nil {
				return err
			}
			if *format == "json" {
				return writeJSON(w, rel)
			}
			return writeRelations(w, rel)
		}
	case "events":
		if len(pos) > 0 {
			fmt.Fprintf(e.stderr, "dyad query events: unexpected argument %q\n", pos[0])
			return exitUsage
		}
		if err := f.Validate(); err != nil {
			fmt.Fprintf(e.stderr, "dyad query events: %v\n", err)
			return exitUsage
		}
		run = func(st store.Store, w io.Writer) error {
			page, err := st.Events(ctx, f, store.Page{Limit: *limit, After: *after})
			if err != nil {
				return err
			}
			if *format == "json" {
				return writeJSON(w, page)
			}
			return writeEvents(w, page)
		}
	case "actors":
		if len(pos) > 0 {
			fmt.Fprintf(e.stderr, "dyad query actors: unexpected argument %q\n", pos[0])
			return exitUsage
		}
		q := store.ActorsQuery{Limit: *limit, Since: *since, Until: *until, Country: f.Country}
		if err := q.Validate(); err != nil {
			fmt.Fprintf(e.stderr, "dyad query actors: %v\n", err)
			return exitUsage
		}
		run = func(st store.Store, w io.Writer) error {
			r, err := st.Actors(ctx, q)
			if err != nil {
				return err
			}
			if *format == "json" {
				return writeJSON(w, r)
			}
			return writeActors(w, r)
		}
	default:
		fmt.Fprintf(e.stderr, "dyad query: unknown query %q (relations, events or actors)\n", sub)
		usage()
		return exitUsage
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad query %s: %v\n", sub, err)
		return exitFailed
	}
	defer st.Close()
	out := bufio.NewWriter(e.stdout)
	if err := run(st, out); err != nil {
		fmt.Fprintf(e.stderr, "dyad query %s: %v\n", sub, err)
		return exitFailed
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(e.stderr, "dyad query %s: write: %v\n", sub, err)
		return exitFailed
	}
	return exitOK
}

func querySide(s store.Side) string {
	if s.Country {
		return s.Value
	}
	return s.Value + " (code)"
}

func queryGold(sum, mean float64, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%+.2f / %+.1f", mean, sum)
}

func queryTypes(tc []store.TypeCount) string {
	var parts []string
	for _, t := range tc {
		parts = append(parts, t.Type+" "+strconv.Itoa(t.Events))
	}
	return strings.Join(parts, ", ")
}

// writeRelations prints one row per period and direction, then totals.
func writeRelations(w io.Writer, rel *store.Relations) error {
	fmt.Fprintf(w, "Relations %s and %s by %s. Counts are events; MENTIONS counts every report of them (near-duplicate stories included).\n",
		querySide(rel.A), querySide(rel.B), rel.By)
	fmt.Fprintln(w, "Quad classes: VCOOP verbal cooperation, MCOOP material cooperation, VCONF verbal conflict, MCONF material conflict.")
	fmt.Fprintln(w)
	if len(rel.Periods) == 0 {
		_, err := fmt.Fprintln(w, "No events between them.")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "PERIOD\tDIRECTION\tEVENTS\tMENTIONS\tVCOOP\tMCOOP\tVCONF\tMCONF\tGOLDSTEIN MEAN / SUM\t TOP TYPES\t")
	ab := rel.A.Value + " -> " + rel.B.Value
	ba := rel.B.Value + " -> " + rel.A.Value
	var tot [2]store.DirectionStats
	row := func(period, dir string, d store.DirectionStats) {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t %s\t\n", period, dir, d.Events, d.Mentions,
			d.Quad[0], d.Quad[1], d.Quad[2], d.Quad[3], queryGold(d.GoldsteinSum, d.GoldsteinMean, d.Events), queryTypes(d.TopTypes))
	}
	for _, p := range rel.Periods {
		row(p.Period, ab, p.AB)
		row("", ba, p.BA)
		for i, d := range []store.DirectionStats{p.AB, p.BA} {
			tot[i].Events += d.Events
			tot[i].Mentions += d.Mentions
			tot[i].GoldsteinSum += d.GoldsteinSum
			for q := range 4 {
				tot[i].Quad[q] += d.Quad[q]
			}
		}
	}
	for i := range tot {
		if tot[i].Events > 0 {
			tot[i].GoldsteinMean = tot[i].GoldsteinSum / float64(tot[i].Events)
		}
	}
	row("total", ab, tot[0])
	row("", ba, tot[1])
	return tw.Flush()
}

func writeEvents(w io.Writer, page *store.EventPage) error {
	if len(page.Events) == 0 {
		_, err := fmt.Fprintln(w, "No events match.")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tTYPE\tACTOR\tRECIPIENT\tGOLDSTEIN\tMENTIONS\tSENTENCE\tID")
	for _, ev := range page.Events {
		a, r := "-", "-"
		if ev.Actor != nil {
			a = ev.Actor.Code
		}
		if ev.Recipient != nil {
			r = ev.Recipient.Code
		}
		s := ev.Sentence
		if len([]rune(s)) > 90 {
			s = string([]rune(s)[:89]) + "…"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%+.1f\t%d\t%s\t%s\n", ev.Date, ev.Type, a, r, ev.Goldstein, ev.Mentions, s, ev.ID)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if page.Next != "" {
		fmt.Fprintf(w, "\nMore: add --after %s\n", page.Next)
	}
	return nil
}

func writeActors(w io.Writer, r *store.ActorRanking) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ACTOR\tCOUNTRY\tEVENTS\tAS ACTOR\tAS RECIPIENT")
	for _, a := range r.Actors {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\n", a.Code, a.Country, a.Events, a.AsActor, a.AsRecipient)
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "DYAD (ACTOR -> RECIPIENT)\t\tEVENTS\t\t")
	for _, d := range r.Dyads {
		fmt.Fprintf(tw, "%s -> %s\t\t%d\t\t\n", d.Actor, d.Recipient, d.Events)
	}
	return tw.Flush()
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/dyad-events/dyad/event"
)

// ontologyViews are the lists 'dyad ontology' can print.
var ontologyViews = []string{"types", "modes", "contexts", "cameo", "map", "defaults", "legacy"}

// listing is one view: a header and rows for table/tsv, a value for json.
type listing struct {
	header []string
	rows   [][]string
	json   any
}

func runOntology(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad ontology", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "table", "output: table, tsv or json")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: dyad ontology [%s] [--format table|tsv|json]\n", strings.Join(ontologyViews, "|"))
		fmt.Fprintln(e.stderr, "Lists the event ontology. Without a list name: the PLOVER types with their modes, then counts and the version.")
		fs.PrintDefaults()
	}
	// Flags may come before or after the list name.
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	view := ""
	if rest := fs.Args(); len(rest) > 0 {
		view = rest[0]
		if err := fs.Parse(rest[1:]); err != nil {
			return exitUsage
		}
		if fs.NArg() > 0 {
			fmt.Fprintf(e.stderr, "dyad ontology: unexpected argument %q\n", fs.Arg(0))
			fs.Usage()
			return exitUsage
		}
	}
	switch *format {
	case "table", "tsv", "json":
	default:
		fmt.Fprintf(e.stderr, "dyad ontology: unknown --format %q (table, tsv or json)\n", *format)
		return exitUsage
	}
	o, err := event.Ontology()
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad ontology: %v\n", err)
		return exitInternal
	}
	out := bufio.NewWriter(e.stdout)
	if view == "" {
		err = writeOntologySummary(out, o, *format)
	} else {
		l, ok := ontologyListing(o, view)
		if !ok {
			fmt.Fprintf(e.stderr, "dyad ontology: unknown list %q (%s)\n", view, strings.Join(ontologyViews, ", "))
			return exitUsage
		}
		err = writeListing(out, l, *format)
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad ontology: write: %v\n", err)
		return exitFailed
	}
	return exitOK
}

func fmtScore(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

func ontologyListing(o *event.Tables, view string) (listing, bool) {
	var l listing
	switch view {
	case "types":
		l.header = []string{"type", "quad_class", "requires_recipient", "score", "modes", "description", "note"}
		for _, t := range o.Types() {
			l.rows = append(l.rows, []string{t.Name, strconv.Itoa(int(t.QuadClass)), strconv.FormatBool(t.RequiresRecipient),
				fmtScore(t.Score), strconv.Itoa(len(t.Modes) - 1), t.Description, t.Note})
		}
		l.json = typesJSON(o)
	case "modes":
		l.header = []string{"type", "mode", "score", "score_source", "description"}
		var js []modeJSON
		for _, t := range o.Types() {
			for _, m := range t.Modes {
				l.rows = append(l.rows, []string{m.Type, m.Name, fmtScore(m.Score), m.ScoreSource, m.Description})
				js = append(js, modeJSON{m.Type, m.Name, m.Score, m.ScoreSource, m.Description})
			}
		}
		l.json = js
	case "contexts":
		l.header = []string{"context", "description"}
		for _, c := range o.Contexts() {
			l.rows = append(l.rows, []string{c.Name, c.Description})
		}
		l.json = o.Contexts()
	case "cameo":
		l.header = []string{"code", "name", "goldstein", "goldstein_from", "quad_class", "plover", "mode", "contexts", "source"}
		type codeJSON struct {
			Code          string   `json:"code"`
			Name          string   `json:"name"`
			Description   string   `json:"description,omitempty"`
			Goldstein     float64  `json:"goldstein"`
			GoldsteinFrom string   `json:"goldstein_from,omitempty"`
			QuadClass     int      `json:"quad_class"`
			Plover        string   `json:"event_type,omitempty"`
			Mode          string   `json:"mode,omitempty"`
			Contexts      []string `json:"context,omitempty"`
			Source        string   `json:"source"`
		}
		var js []codeJSON
		for _, c := range o.Codes() {
			l.rows = append(l.rows, []string{c.Code, c.Name, fmtScore(c.Goldstein), c.GoldsteinFrom, strconv.Itoa(int(c.QuadClass)),
				c.Plover, c.Mode, strings.Join(c.Contexts, ";"), c.Source})
			js = append(js, codeJSON{c.Code, c.Name, c.Description, c.Goldstein, c.GoldsteinFrom, int(c.QuadClass), c.Plover, c.Mode, c.Contexts, c.Source})
		}
		l.json = js
	case "map":
		l.header = []string{"cameo", "type", "mode", "contexts", "source", "note"}
		type mapJSON struct {
			CAMEO    string   `json:"cameo"`
			Type     string   `json:"event_type"`
			Mode     string   `json:"mode,omitempty"`
			Contexts []string `json:"context,omitempty"`
			Source   string   `json:"source"`
			Note     string   `json:"note,omitempty"`
		}
		var js []mapJSON
		for _, m := range o.Mappings() {
			l.rows = append(l.rows, []string{m.CAMEO, m.Type, m.Mode, strings.Join(m.Contexts, ";"), m.Source, m.Note})
			js = append(js, mapJSON{m.CAMEO, m.Type, m.Mode, m.Contexts, m.Source, m.Note})
		}
		l.json = js
	case "defaults":
		l.header = []string{"type", "mode", "cameo", "how", "note"}
		type defJSON struct {
			Type  string `json:"event_type"`
			Mode  string `json:"mode,omitempty"`
			CAMEO string `json:"cameo"`
			How   string `json:"how"`
			Note  string `json:"note,omitempty"`
		}
		var js []defJSON
		for _, d := range o.Defaults() {
			l.rows = append(l.rows, []string{d.Type, d.Mode, d.CAMEO, d.How, d.Note})
			js = append(js, defJSON{d.Type, d.Mode, d.CAMEO, d.How, d.Note})
		}
		l.json = js
	case "legacy":
		l.header = []string{"old_type", "old_mode", "type", "mode", "seen_in", "reason"}
		type legJSON struct {
			OldType string `json:"old_type"`
			OldMode string `json:"old_mode,omitempty"`
			Type    string `json:"event_type,omitempty"`
			Mode    string `json:"mode,omitempty"`
			SeenIn  string `json:"seen_in,omitempty"`
			Reason  string `json:"reason"`
		}
		var js []legJSON
		for _, x := range o.Legacy() {
			l.rows = append(l.rows, []string{x.OldType, x.OldMode, x.Type, x.Mode, x.SeenIn, x.Reason})
			js = append(js, legJSON{x.OldType, x.OldMode, x.Type, x.Mode, x.SeenIn, x.Reason})
		}
		l.json = js
	default:
		return l, false
	}
	return l, true
}

type modeJSON struct {
	Type        string  `json:"event_type"`
	Mode        string  `json:"mode"`
	Score       float64 `json:"score"`
	ScoreSource string  `json:"score_source"`
	Description string  `json:"description"`
}

type typeJSON struct {
	Type              string     `json:"event_type"`
	QuadClass         int        `json:"quad_class"`
	RequiresRecipient bool       `json:"requires_recipient"`
	Score             float64    `json:"score"`
	Description       string     `json:"description"`
	Note              string     `json:"note,omitempty"`
	Modes             []modeJSON `json:"modes"`
}

func typesJSON(o *event.Tables) []typeJSON {
	var js []typeJSON
	for _, t := range o.Types() {
		tj := typeJSON{t.Name, int(t.QuadClass), t.RequiresRecipient, t.Score, t.Description, t.Note, nil}
		for _, m := range t.Modes[1:] {
			tj.Modes = append(tj.Modes, modeJSON{m.Type, m.Name, m.Score, m.ScoreSource, m.Description})
		}
		js = append(js, tj)
	}
	return js
}

// ontologyCounts are the figures the summary prints.
type ontologyCounts struct {
	Types, Modes, Contexts, CAMEO, CAMEOMapped, CAMEOUnmapped, GoldsteinInherited, Defaults, DefaultFallbacks, Legacy int
}

func countOntology(o *event.Tables) ontologyCounts {
	var c ontologyCounts
	c.Types = len(o.Types())
	for _, t := range o.Types() {
		c.Modes += len(t.Modes) - 1
	}
	c.Contexts = len(o.Contexts())
	c.CAMEO = len(o.Codes())
	for _, k := range o.Codes() {
		if k.Plover == "" {
			c.CAMEOUnmapped++
		}
		if k.GoldsteinFrom != "" {
			c.GoldsteinInherited++
		}
	}
	c.CAMEOMapped = len(o.Mappings())
	c.Defaults = len(o.Defaults())
	for _, d := range o.Defaults() {
		if d.How == "fallback" {
			c.DefaultFallbacks++
		}
	}
	c.Legacy = len(o.Legacy())
	return c
}

func writeOntologySummary(w io.Writer, o *event.Tables, format string) error {
	c := countOntology(o)
	if format == "json" {
		return writeJSON(w, struct {
			Version string         `json:"version"`
			Types   []typeJSON     `json:"types"`
			Counts  ontologyCounts `json:"counts"`
		}{event.Version, typesJSON(o), c})
	}
	l := listing{header: []string{"type", "quad", "score", "modes"}}
	for _, t := range o.Types() {
		var ms []string
		for _, m := range t.Modes[1:] {
			ms = append(ms, m.Name)
		}
		modes := strings.Join(ms, ", ")
		if modes == "" {
			modes = "(none in the codebook)"
		}
		l.rows = append(l.rows, []string{t.Name, fmt.Sprintf("%d %s", t.QuadClass, t.QuadClass), fmtScore(t.Score), modes})
	}
	if err := writeListing(w, l, format); err != nil {
		return err
	}
	prefix := ""
	if format == "tsv" {
		prefix = "# "
	}
	_, err := fmt.Fprintf(w, "%s%d PLOVER types, %d modes, %d contexts\n"+
		"%s%d CAMEO codes (%d with an inherited Goldstein score), %d mapped to PLOVER, %d unmapped (01x statements, 02x appeals)\n"+
		"%s%d PLOVER->CAMEO defaults (%d fall back to the type's code), %d legacy names\n"+
		"%sversion %s\n",
		prefix, c.Types, c.Modes, c.Contexts,
		prefix, c.CAMEO, c.GoldsteinInherited, c.CAMEOMapped, c.CAMEOUnmapped,
		prefix, c.Defaults, c.DefaultFallbacks, c.Legacy,
		prefix, event.Version)
	return err
}

func writeListing(w io.Writer, l listing, format string) error {
	switch format {
	case "json":
		return writeJSON(w, l.json)
	case "tsv":
		if _, err := fmt.Fprintln(w, strings.Join(l.header, "\t")); err != nil {
			return err
		}
		for _, r := range l.rows {
			if _, err := fmt.Fprintln(w, strings.Join(r, "\t")); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(l.header, "\t")))
	for _, r := range l.rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	return tw.Flush()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

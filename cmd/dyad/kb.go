package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dyad-events/dyad/actor"
)

// extraFlag collects repeated --extra FILE flags.
type extraFlag []string

func (f *extraFlag) String() string     { return strings.Join(*f, ",") }
func (f *extraFlag) Set(s string) error { *f = append(*f, s); return nil }

const kbUsage = `usage: dyad kb [--extra FILE]... lookup [--format table|tsv|json] [--date YYYY-MM-DD] [TEXT...|-]
       dyad kb [--extra FILE]... stats [--format table|json]

lookup prints what each TEXT (or each line of stdin) resolves to: one line
per actor mention with its code, country, sector, name, type, Wikidata id
and the datasets it came from. stats counts actors by type and names by kind.
--extra adds a knowledge-base file (actors or names table, the format of
actor/data/*.tsv); it may repeat, and DYAD_KB_EXTRA may list more files
separated by '%c'.
`

func runKB(ctx context.Context, e env, args []string) int {
	var extras extraFlag
	fs := flag.NewFlagSet("dyad kb", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Var(&extras, "extra", "add a knowledge-base `FILE` (may repeat)")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, kbUsage, os.PathListSeparator)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	sub, rest := fs.Arg(0), fs.Args()[1:]
	sfs := flag.NewFlagSet("dyad kb "+sub, flag.ContinueOnError)
	sfs.SetOutput(e.stderr)
	sfs.Usage = fs.Usage
	sfs.Var(&extras, "extra", "add a knowledge-base `FILE` (may repeat)")
	format := sfs.String("format", "table", "output: table, tsv or json")
	date := sfs.String("date", "", "resolve as of this date, YYYY-MM-DD (lookup)")
	// flags may also follow the texts
	var texts []string
	for {
		if err := sfs.Parse(rest); err != nil {
			if err == flag.ErrHelp {
				return exitOK
			}
			return exitUsage
		}
		if sfs.NArg() == 0 {
			break
		}
		texts = append(texts, sfs.Arg(0))
		rest = sfs.Args()[1:]
	}
	switch *format {
	case "table", "tsv", "json":
	default:
		fmt.Fprintf(e.stderr, "dyad kb: unknown --format %q (table, tsv or json)\n", *format)
		return exitUsage
	}
	var at time.Time
	if *date != "" {
		var err error
		if at, err = time.Parse("2006-01-02", *date); err != nil {
			fmt.Fprintf(e.stderr, "dyad kb: --date %q: want YYYY-MM-DD\n", *date)
			return exitUsage
		}
	}
	if env := os.Getenv("DYAD_KB_EXTRA"); env != "" {
		for _, p := range filepath.SplitList(env) {
			if p != "" {
				extras = append(extras, p)
			}
		}
	}
	kb, err := loadKB(extras)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad kb: %v\n", err)
		return exitFailed
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	switch sub {
	case "lookup":
		if len(texts) == 0 || len(texts) == 1 && texts[0] == "-" {
			texts = nil
			sc := bufio.NewScanner(e.stdin)
			sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
			for sc.Scan() {
				if err := ctx.Err(); err != nil {
					fmt.Fprintf(e.stderr, "dyad kb: %v\n", err)
					return exitFailed
				}
				if t := strings.TrimSpace(sc.Text()); t != "" {
					texts = append(texts, t)
				}
			}
			if err := sc.Err(); err != nil {
				fmt.Fprintf(e.stderr, "dyad kb: read stdin: %v\n", err)
				return exitFailed
			}
		}
		return kbLookup(e, out, kb, texts, at, *format)
	case "stats":
		if len(texts) > 0 {
			fmt.Fprintf(e.stderr, "dyad kb stats: unexpected argument %q\n", texts[0])
			return exitUsage
		}
		if err := kbStats(out, kb, *format); err != nil {
			fmt.Fprintf(e.stderr, "dyad kb: write: %v\n", err)
			return exitFailed
		}
		return exitOK
	}
	fmt.Fprintf(e.stderr, "dyad kb: unknown subcommand %q (lookup, stats)\n", sub)
	fs.Usage()
	return exitUsage
}

func loadKB(extras []string) (*actor.KB, error) {
	kb, err := actor.Default()
	if err != nil {
		return nil, err
	}
	if len(extras) == 0 {
		return kb, nil
	}
	var tables []*actor.Table
	for _, p := range extras {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		t, err := actor.LoadExtra(f)
		f.Close()
		if err != nil {
			return nil, err
		}
		tables = append(tables, t)
	}
	kb, err = kb.With(tables...)
	if err != nil {
		return nil, fmt.Errorf("--extra %s: %w", strings.Join(extras, ", "), err)
	}
	return kb, nil
}

type lookupJSON struct {
	Phrase  string      `json:"phrase"`
	Matches []matchJSON `json:"matches"`
}

type matchJSON struct {
	Text         string        `json:"text"`
	Start        int           `json:"start"`
	End          int           `json:"end"`
	Actor        actor.Actor   `json:"actor"`
	Source       string        `json:"source"`
	Names        []nameJSON    `json:"names"`
	Alternatives []actor.Actor `json:"alternatives,omitempty"`
}

type nameJSON struct {
	Phrase string `json:"phrase"`
	Code   string `json:"code"`
	Kind   string `json:"kind"`
	Source string `json:"source"`
}

func kbLookup(e env, out io.Writer, kb *actor.KB, texts []string, at time.Time, format string) int {
	status := exitOK
	var js []lookupJSON
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	header := []string{"phrase", "text", "code", "country", "sector", "name", "type", "wikidata", "source", "alternatives"}
	switch format {
	case "table":
		fmt.Fprintln(tw, strings.ToUpper(strings.Join(header, "\t")))
	case "tsv":
		fmt.Fprintln(out, strings.Join(header, "\t"))
	}
	for _, t := range texts {
		ms := kb.LookupAt(t, at)
		if len(ms) == 0 {
			fmt.Fprintf(e.stderr, "dyad kb: no actor in %q\n", t)
			status = exitFailed
		}
		lj := lookupJSON{Phrase: t, Matches: []matchJSON{}}
		for _, m := range ms {
			var alts []string
			for _, a := range m.Alternatives {
				alts = append(alts, a.Code)
			}
			row := []string{t, m.Text, m.Actor.Code, m.Actor.Country, m.Actor.Sector, m.Actor.Name,
				string(m.Actor.Type), m.Actor.WikidataID, m.Sources(), strings.Join(alts, ",")}
			switch format {
			case "table":
				fmt.Fprintln(tw, strings.Join(dashes(row), "\t"))
			case "tsv":
				fmt.Fprintln(out, strings.Join(row, "\t"))
			}
			mj := matchJSON{Text: m.Text, Start: m.Start, End: m.End, Actor: m.Actor, Source: m.Sources(),
				Alternatives: m.Alternatives}
			for _, n := range m.Names {
				mj.Names = append(mj.Names, nameJSON{n.Phrase, n.Code, string(n.Kind), n.Source})
			}
			lj.Matches = append(lj.Matches, mj)
		}
		js = append(js, lj)
	}
	switch format {
	case "table":
		tw.Flush()
	case "json":
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(js); err != nil {
			fmt.Fprintf(e.stderr, "dyad kb: write: %v\n", err)
			return exitFailed
		}
	}
	return status
}

func dashes(row []string) []string {
	out := slices.Clone(row)
	for i, s := range out {
		if s == "" {
			out[i] = "-"
		}
	}
	return out
}

func kbStats(out io.Writer, kb *actor.KB, format string) error {
	s := kb.Stats()
	if format == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WHAT\tKIND\tCOUNT")
	var types []string
	for t := range s.Actors {
		types = append(types, string(t))
	}
	slices.Sort(types)
	total := 0
	for _, t := range types {
		fmt.Fprintf(tw, "actors\t%s\t%d\n", t, s.Actors[actor.Type(t)])
		total += s.Actors[actor.Type(t)]
	}
	fmt.Fprintf(tw, "actors\ttotal\t%d\n", total)
	var kinds []string
	for k := range s.Names {
		kinds = append(kinds, string(k))
	}
	slices.Sort(kinds)
	total = 0
	for _, k := range kinds {
		fmt.Fprintf(tw, "names\t%s\t%d\n", k, s.Names[actor.Kind(k)])
		total += s.Names[actor.Kind(k)]
	}
	fmt.Fprintf(tw, "names\ttotal\t%d\n", total)
	fmt.Fprintf(tw, "index\ttokens\t%d\n", s.Tokens)
	fmt.Fprintf(tw, "index\ttrie nodes\t%d\n", s.Nodes)
	return tw.Flush()
}

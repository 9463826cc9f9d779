package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dyad-events/dyad/export"
	"github.com/dyad-events/dyad/store"
)

func runExport(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad export", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "plover", "output: "+strings.Join(export.Formats, ", "))
	db := fs.String("db", store.DefaultDSN, "store: a SQLite file or a postgres:// URL")
	out := fs.String("o", "-", "output file (- for stdout)")
	var f store.Filter
	fs.StringVar(&f.Country, "country", "", "only events with this country on either side")
	fs.StringVar(&f.Since, "since", "", "first date, YYYY-MM-DD")
	fs.StringVar(&f.Until, "until", "", "last date, YYYY-MM-DD")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dyad export [--format gdelt|plover|csv|parquet] [--db DSN] [-o FILE]")
		fmt.Fprintln(e.stderr, "Writes the stored events (one row per event; mentions are counted in it): GDELT 2.0 event table (61 tab-separated")
		fmt.Fprintln(e.stderr, "fields, FIPS country codes in the geo fields), PLOVER JSONL, CSV with a header, or Parquet.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "dyad export: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	f.Country = strings.ToUpper(f.Country)
	if err := f.Validate(); err != nil {
		fmt.Fprintf(e.stderr, "dyad export: %v\n", err)
		return exitUsage
	}
	var dst io.Writer = e.stdout
	if *out != "-" {
		file, err := os.Create(*out)
		if err != nil {
			fmt.Fprintf(e.stderr, "dyad export: %v\n", err)
			return exitFailed
		}
		defer file.Close()
		dst = file
	}
	w, err := export.NewWriter(*format, dst)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad export: %v\n", err)
		return exitUsage
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad export: %v\n", err)
		return exitFailed
	}
	defer st.Close()
	n, err := export.All(ctx, st, f, w)
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad export: %v\n", err)
		return exitFailed
	}
	if *out != "-" {
		fmt.Fprintf(e.stderr, "dyad export: %d events to %s\n", n, *out)
	}
	return exitOK
}

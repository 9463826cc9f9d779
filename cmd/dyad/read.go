package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad/article"
)

// articleJSON is what 'dyad read --format json' prints for one article: the
// article with its headings listed apart and published as a plain date
// when it has no time of day.
type articleJSON struct {
	*article.Article
	Published string   `json:"published,omitempty"`
	Headings  []string `json:"headings,omitempty"`
}

func runRead(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad read", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "json", "output: json (one object a line) or text (the clean body)")
	as := fs.String("as", "", "force an input format: text, html, jsonl, csv or feed (default: detect)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dyad read [--format json|text] [--as FORMAT] PATH|DIR|-...")
		fmt.Fprintln(e.stderr, "Prints each article found, cleaned, with its metadata.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *format != "json" && *format != "text" {
		fmt.Fprintf(e.stderr, "dyad read: unknown --format %q (json or text)\n", *format)
		return exitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		fs.Usage()
		return exitUsage
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	failed := 0
	n := 0
	for a, err := range article.Read(ctx, paths, article.Options{Format: *as, Stdin: e.stdin}) {
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "dyad read: %v\n", oneLine(err))
			continue
		}
		n++
		var werr error
		if *format == "json" {
			werr = writeArticleJSON(out, a)
		} else {
			werr = writeArticleText(out, a, n > 1)
		}
		if werr != nil {
			fmt.Fprintf(e.stderr, "dyad read: write: %v\n", werr)
			return exitFailed
		}
	}
	if failed > 0 {
		fmt.Fprintf(e.stderr, "dyad read: %d article(s) read, %d input error(s)\n", n, failed)
		return exitFailed
	}
	return exitOK
}

func writeArticleJSON(w io.Writer, a *article.Article) error {
	j := articleJSON{Article: a, Headings: a.Headings()}
	j.Published = formatDate(a)
	b, err := json.Marshal(j)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

func formatDate(a *article.Article) string {
	if a.Published.IsZero() {
		return ""
	}
	if h, m, s := a.Published.Clock(); h == 0 && m == 0 && s == 0 && a.Published.Nanosecond() == 0 {
		return a.Published.Format("2006-01-02")
	}
	return a.Published.Format("2006-01-02T15:04:05Z07:00")
}

// writeArticleText prints a short metadata header and the clean body;
// headings are marked with "## " so they stand out from the text.
func writeArticleText(w io.Writer, a *article.Article, sep bool) error {
	bw := &errWriter{w: w}
	if sep {
		bw.printf("\n%s\n\n", strings.Repeat("=", 72))
	}
	field := func(k, v string) {
		if v != "" {
			bw.printf("%-10s %s\n", k+":", v)
		}
	}
	field("id", a.ID)
	field("source", a.Source)
	field("url", a.URL)
	field("title", a.Title)
	field("author", a.Author)
	field("published", formatDate(a))
	field("site", a.Site)
	field("language", a.Lang)
	field("topics", strings.Join(a.Topics, "; "))
	for _, l := range a.Links {
		field("link", l)
	}
	bw.printf("\n")
	for i, p := range a.Paragraphs {
		if i > 0 {
			bw.printf("\n")
		}
		if p.Heading {
			bw.printf("## ")
		}
		bw.printf("%s\n", p.Text)
	}
	return bw.err
}

// errWriter keeps the first write error so that a run of prints checks once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// oneLine folds an error message onto one line, as the CLI promises.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

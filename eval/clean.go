package eval

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/article"
)

// CleanDoc is one clean article to dirty and recover.
type CleanDoc struct {
	Name       string
	Published  string // YYYY-MM-DD, from the record
	Dateline   bool   // the text opens with a dateline the cleaner should lift
	Paragraphs []string
}

// CleanRun is the outcome of the text-cleaner benchmark.
type CleanRun struct {
	Docs       int
	Paragraphs SpanCounts // exact paragraph matches (the reflow and furniture removal together)
	Tokens     ExtractMetrics
	AuthorOK   int // bylines whose author was lifted exactly
	Authors    int // bylines injected
	DateOK     int // datelines lifted to the right date
	Dates      int // datelines present
	LinksOK    int // injected links found in Links
	Links      int
}

var paraSplit = regexp.MustCompile(`\n\s*\n`)

// LoadCleanDocs reads the Wikinews sample CSVs (url,date,title,text) in dir
// as clean gold: paragraphs are the text's blank-line separated blocks.
func LoadCleanDocs(ctx context.Context, dir string) ([]CleanDoc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no CSV files in %s", dir)
	}
	sort.Strings(files)
	var docs []CleanDoc
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		recs, err := readRawCSV(fh)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f, err)
		}
		for i, rec := range recs {
			d := CleanDoc{Name: fmt.Sprintf("%s:%d", filepath.Base(f), i+2), Published: rec["date"]}
			for _, p := range paraSplit.Split(strings.ReplaceAll(rec["text"], "\r", ""), -1) {
				if p = strings.Join(strings.Fields(strings.ReplaceAll(p, "\u00a0", " ")), " "); p != "" {
					d.Paragraphs = append(d.Paragraphs, p)
				}
			}
			if len(d.Paragraphs) > 1 {
				if _, ok := article.ParseDate(d.Paragraphs[0]); ok {
					d.Dateline = true
				}
			}
			if len(d.Paragraphs) > 0 {
				docs = append(docs, d)
			}
		}
	}
	return docs, ctx.Err()
}

// RunClean dirties each document with a generator seeded by seed and the
// document's index, cleans it with article.ParseText and scores the result.
func RunClean(ctx context.Context, docs []CleanDoc, seed uint64) (CleanRun, error) {
	var run CleanRun
	var sc ExtractScorer
	var paras SpanCounts
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return run, err
		}
		r := rand.New(rand.NewPCG(seed, uint64(i)))
		dirty := Dirty(d.Paragraphs, r)
		a := article.ParseText(strings.Split(strings.ReplaceAll(dirty.Text, "\r\n", "\n"), "\n"))
		gold := d.Paragraphs
		if d.Dateline {
			gold = gold[1:]
			run.Dates++
			if a.Published.Format("2006-01-02") == d.Published {
				run.DateOK++
			}
		}
		var pred []string
		if a.Title != "" {
			pred = append(pred, a.Title) // a title taken from the text is text the cleaner kept
		}
		for _, p := range a.Paragraphs {
			pred = append(pred, p.Text)
		}
		paras.Gold += len(gold)
		paras.System += len(pred)
		paras.Correct += matchParagraphs(gold, pred)
		sc.Add(strings.Join(gold, "\n"), strings.Join(pred, "\n"))
		if dirty.Author != "" {
			run.Authors++
			if sameNames(a.Author, dirty.Author) {
				run.AuthorOK++
			}
		}
		run.Links += dirty.Links
		run.LinksOK += min(len(a.Links), dirty.Links)
		run.Docs++
	}
	run.Paragraphs = paras
	run.Tokens = sc.Metrics()
	return run, nil
}

// matchParagraphs counts exact paragraph matches as a multiset.
func matchParagraphs(gold, pred []string) (tp int) {
	left := map[string]int{}
	for _, g := range gold {
		left[g]++
	}
	for _, p := range pred {
		if left[p] > 0 {
			left[p]--
			tp++
		}
	}
	return tp
}

// sameNames compares two comma-separated name lists as sets: the order in
// which bylines stand in a dump is not the cleaner's to decide.
func sameNames(a, b string) bool {
	x, y := strings.Split(a, ", "), strings.Split(b, ", ")
	sort.Strings(x)
	sort.Strings(y)
	return slices.Equal(x, y)
}

// readRawCSV reads a CSV with a header into one map per row.
func readRawCSV(r io.Reader) ([]map[string]string, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, err
	}
	var out []map[string]string
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		m := make(map[string]string, len(header))
		for i, h := range header {
			if i < len(row) {
				m[h] = row[i]
			}
		}
		out = append(out, m)
	}
}

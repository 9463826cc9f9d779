// Package export writes stored events in the formats other tools read:
// the GDELT 2.0 event table, PLOVER JSONL, CSV with a header, and Parquet.
//
// Each format is a Writer; All pages through a store and writes every event
// (first reports, not mentions: mentions are counted in NumMentions,
// NumSources and NumArticles), so counting exported rows gives the numbers
// store.Relations reports.
package export

import (
	"bufio"
	"context"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad/store"
	"github.com/parquet-go/parquet-go"
)

// Formats lists the format names NewWriter knows.
var Formats = []string{"gdelt", "plover", "csv", "parquet"}

// Writer writes events in one format. Close flushes; it does not close the
// underlying io.Writer.
type Writer interface {
	Write(e *store.StoredEvent) error
	Close() error
}

// NewWriter returns a Writer for a format name.
func NewWriter(format string, w io.Writer) (Writer, error) {
	switch format {
	case "gdelt":
		return &gdeltWriter{w: bufio.NewWriter(w)}, nil
	case "plover", "jsonl":
		bw := bufio.NewWriter(w)
		return &jsonlWriter{bw: bw, enc: json.NewEncoder(bw)}, nil
	case "csv":
		return &csvWriter{w: csv.NewWriter(w)}, nil
	case "parquet":
		return &parquetWriter{w: parquet.NewGenericWriter[Row](w, parquet.Compression(&parquet.Zstd))}, nil
	}
	return nil, fmt.Errorf("export format %q: want %s", format, strings.Join(Formats, ", "))
}

// All writes every event of st that matches f to w, oldest pages last
// (newest first, as store.Events lists them), and returns how many.
func All(ctx context.Context, st store.Store, f store.Filter, w Writer) (int, error) {
	n := 0
	p := store.Page{Limit: 5000}
	for {
		page, err := st.Events(ctx, f, p)
		if err != nil {
			return n, fmt.Errorf("export: %w", err)
		}
		for i := range page.Events {
			if err := w.Write(&page.Events[i]); err != nil {
				return n, fmt.Errorf("export event %s: %w", page.Events[i].ID, err)
			}
			n++
		}
		if page.Next == "" {
			return n, nil
		}
		p.After = page.Next
	}
}

// ---- PLOVER JSONL ----

type jsonlWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

// Write writes the event record (the PLOVER fields of event.Event).
func (j *jsonlWriter) Write(e *store.StoredEvent) error { return j.enc.Encode(&e.Event) }
func (j *jsonlWriter) Close() error                     { return j.bw.Flush() }

// ---- flat rows: CSV and Parquet ----

// Row is the flat form of an event, one column per field, for CSV and
// Parquet. Missing participants and locations are empty strings and zeros;
// HasLocation tells a location at 0,0 from none.
type Row struct {
	ID                string  `parquet:"id" csv:"id"`
	Date              string  `parquet:"date" csv:"date"`
	EventType         string  `parquet:"event_type" csv:"event_type"`
	Mode              string  `parquet:"mode" csv:"mode"`
	Context           string  `parquet:"context" csv:"context"` // ;-separated
	CAMEO             string  `parquet:"cameo" csv:"cameo"`
	Goldstein         float64 `parquet:"goldstein" csv:"goldstein"`
	QuadClass         int32   `parquet:"quad_class" csv:"quad_class"`
	ActorText         string  `parquet:"actor_text"`
	ActorCode         string  `parquet:"actor_code"`
	ActorCountry      string  `parquet:"actor_country"`
	ActorSector       string  `parquet:"actor_sector"`
	ActorName         string  `parquet:"actor_name"`
	ActorWikidata     string  `parquet:"actor_wikidata"`
	RecipientText     string  `parquet:"recipient_text"`
	RecipientCode     string  `parquet:"recipient_code"`
	RecipientCountry  string  `parquet:"recipient_country"`
	RecipientSector   string  `parquet:"recipient_sector"`
	RecipientName     string  `parquet:"recipient_name"`
	RecipientWikidata string  `parquet:"recipient_wikidata"`
	HasLocation       bool    `parquet:"has_location"`
	LocationName      string  `parquet:"location_name"`
	LocationCountry   string  `parquet:"location_country"`
	LocationLat       float64 `parquet:"location_lat"`
	LocationLon       float64 `parquet:"location_lon"`
	LocationGeoNames  int64   `parquet:"location_geonames"`
	Sentence          string  `parquet:"sentence"`
	SentenceIndex     int32   `parquet:"sentence_index"`
	Trigger           string  `parquet:"trigger"`
	TriggerStart      int32   `parquet:"trigger_start"`
	TriggerEnd        int32   `parquet:"trigger_end"`
	ActorStart        int32   `parquet:"actor_start"`
	ActorEnd          int32   `parquet:"actor_end"`
	RecipientStart    int32   `parquet:"recipient_start"`
	RecipientEnd      int32   `parquet:"recipient_end"`
	Confidence        float64 `parquet:"confidence"`
	Negated           bool    `parquet:"negated"`
	NumMentions       int32   `parquet:"num_mentions"`
	NumArticles       int32   `parquet:"num_articles"`
	NumSources        int32   `parquet:"num_sources"`
	StoryID           string  `parquet:"story_id"`
	ArticleID         string  `parquet:"article_id"`
	ArticleURL        string  `parquet:"article_url"`
	ArticleTitle      string  `parquet:"article_title"`
	ArticlePublished  string  `parquet:"article_published"`
	ArticleSite       string  `parquet:"article_site"`
	Added             string  `parquet:"added"` // RFC 3339, UTC
}

// Columns are the CSV header, in Row's field order (the Parquet names).
var Columns = sync.OnceValue(func() []string {
	return []string{"id", "date", "event_type", "mode", "context", "cameo", "goldstein", "quad_class",
		"actor_text", "actor_code", "actor_country", "actor_sector", "actor_name", "actor_wikidata",
		"recipient_text", "recipient_code", "recipient_country", "recipient_sector", "recipient_name", "recipient_wikidata",
		"has_location", "location_name", "location_country", "location_lat", "location_lon", "location_geonames",
		"sentence", "sentence_index", "trigger", "trigger_start", "trigger_end", "actor_start", "actor_end",
		"recipient_start", "recipient_end", "confidence", "negated", "num_mentions", "num_articles", "num_sources",
		"story_id", "article_id", "article_url", "article_title", "article_published", "article_site", "added"}
})

// Flatten makes the Row of a stored event.
func Flatten(e *store.StoredEvent) Row {
	r := Row{
		ID: e.ID, Date: e.Date, EventType: e.Type, Mode: e.Mode, Context: strings.Join(e.Context, ";"),
		CAMEO: e.CAMEO, Goldstein: e.Goldstein, QuadClass: int32(e.QuadClass),
		Sentence: e.Sentence, SentenceIndex: int32(e.SentenceIndex), Trigger: e.Evidence.Trigger,
		TriggerStart: int32(e.Evidence.TriggerSpan[0]), TriggerEnd: int32(e.Evidence.TriggerSpan[1]),
		ActorStart: int32(e.Evidence.ActorSpan[0]), ActorEnd: int32(e.Evidence.ActorSpan[1]),
		RecipientStart: int32(e.Evidence.RecipientSpan[0]), RecipientEnd: int32(e.Evidence.RecipientSpan[1]),
		Confidence: e.Confidence, Negated: e.Negated,
		NumMentions: int32(e.Mentions), NumArticles: int32(e.Articles), NumSources: int32(e.Sources),
		StoryID: e.StoryID, ArticleID: e.Article.ID, ArticleURL: e.Article.URL, ArticleTitle: e.Article.Title,
		ArticlePublished: e.Article.Published, ArticleSite: e.Article.Site,
	}
	if !e.Added.IsZero() {
		r.Added = e.Added.UTC().Format(time.RFC3339Nano)
	}
	if a := e.Actor; a != nil {
		r.ActorText, r.ActorCode, r.ActorCountry, r.ActorSector, r.ActorName, r.ActorWikidata = a.Text, a.Code, a.Country, a.Sector, a.Name, a.Wikidata
	}
	if a := e.Recipient; a != nil {
		r.RecipientText, r.RecipientCode, r.RecipientCountry, r.RecipientSector, r.RecipientName, r.RecipientWikidata = a.Text, a.Code, a.Country, a.Sector, a.Name, a.Wikidata
	}
	if l := e.Location; l != nil {
		r.HasLocation, r.LocationName, r.LocationCountry, r.LocationLat, r.LocationLon, r.LocationGeoNames = true, l.Name, l.Country, l.Lat, l.Lon, int64(l.GeoNames)
	}
	return r
}

// Strings returns the row's values as CSV writes them, in Columns order.
func (r Row) Strings() []string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	i := func(x int32) string { return strconv.Itoa(int(x)) }
	return []string{r.ID, r.Date, r.EventType, r.Mode, r.Context, r.CAMEO, f(r.Goldstein), i(r.QuadClass),
		r.ActorText, r.ActorCode, r.ActorCountry, r.ActorSector, r.ActorName, r.ActorWikidata,
		r.RecipientText, r.RecipientCode, r.RecipientCountry, r.RecipientSector, r.RecipientName, r.RecipientWikidata,
		strconv.FormatBool(r.HasLocation), r.LocationName, r.LocationCountry, f(r.LocationLat), f(r.LocationLon), strconv.FormatInt(r.LocationGeoNames, 10),
		r.Sentence, i(r.SentenceIndex), r.Trigger, i(r.TriggerStart), i(r.TriggerEnd), i(r.ActorStart), i(r.ActorEnd),
		i(r.RecipientStart), i(r.RecipientEnd), f(r.Confidence), strconv.FormatBool(r.Negated),
		i(r.NumMentions), i(r.NumArticles), i(r.NumSources),
		r.StoryID, r.ArticleID, r.ArticleURL, r.ArticleTitle, r.ArticlePublished, r.ArticleSite, r.Added}
}

type csvWriter struct {
	w      *csv.Writer
	header bool
}

func (c *csvWriter) Write(e *store.StoredEvent) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(Columns()); err != nil {
			return err
		}
	}
	return c.w.Write(Flatten(e).Strings())
}

func (c *csvWriter) Close() error {
	if !c.header { // an empty export still has its header
		c.header = true
		if err := c.w.Write(Columns()); err != nil {
			return err
		}
	}
	c.w.Flush()
	return c.w.Error()
}

type parquetWriter struct {
	w   *parquet.GenericWriter[Row]
	buf []Row
}

func (p *parquetWriter) Write(e *store.StoredEvent) error {
	p.buf = append(p.buf, Flatten(e))
	if len(p.buf) >= 4096 {
		return p.flush()
	}
	return nil
}

func (p *parquetWriter) flush() error {
	if _, err := p.w.Write(p.buf); err != nil {
		return err
	}
	p.buf = p.buf[:0]
	return nil
}

func (p *parquetWriter) Close() error {
	if err := p.flush(); err != nil {
		return err
	}
	return p.w.Close()
}

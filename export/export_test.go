package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/store/sqlite"
	"github.com/dyad-events/dyad/store/synth"
	"github.com/parquet-go/parquet-go"
)

// stored fills a temporary store and returns it with every event in it.
func stored(t *testing.T) (store.Store, []store.StoredEvent) {
	t.Helper()
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	g, err := synth.New(synth.Config{Seed: 3, Events: 800, DupRate: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := synth.Fill(t.Context(), st, g, 50, nil); err != nil {
		t.Fatal(err)
	}
	var evs []store.StoredEvent
	p := store.Page{Limit: 10000}
	page, err := st.Events(t.Context(), store.Filter{}, p)
	if err != nil {
		t.Fatal(err)
	}
	evs = page.Events
	mentions := false
	for _, e := range evs {
		mentions = mentions || e.Mentions > 1
	}
	if !mentions {
		t.Fatal("no event with mentions: the round trip would not test the counts")
	}
	return st, evs
}

func export(t *testing.T, st store.Store, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewWriter(format, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := All(context.Background(), st, store.Filter{}, w); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPLOVERRoundTrip(t *testing.T) {
	st, evs := stored(t)
	out := export(t, st, "plover")
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(evs) {
		t.Fatalf("%d lines, want %d", len(lines), len(evs))
	}
	for i, l := range lines {
		var got event.Event
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		want, _ := json.Marshal(evs[i].Event)
		again, _ := json.Marshal(got)
		if string(want) != string(again) {
			t.Fatalf("line %d:\n got %s\nwant %s", i+1, again, want)
		}
	}
}

func TestCSVRoundTrip(t *testing.T) {
	st, evs := stored(t)
	recs, err := csv.NewReader(bytes.NewReader(export(t, st, "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(Columns(), ",") {
		t.Fatalf("header %v", recs[0])
	}
	if len(recs)-1 != len(evs) {
		t.Fatalf("%d rows, want %d", len(recs)-1, len(evs))
	}
	for i, rec := range recs[1:] {
		want := Flatten(&evs[i]).Strings()
		if strings.Join(rec, "\x00") != strings.Join(want, "\x00") {
			t.Fatalf("row %d:\n got %q\nwant %q", i+1, rec, want)
		}
		// Values parse back to what was stored.
		g, _ := strconv.ParseFloat(rec[6], 64)
		if g != evs[i].Goldstein || rec[9] != evs[i].Actor.Code {
			t.Fatalf("row %d: goldstein %s actor %s", i+1, rec[6], rec[9])
		}
	}
	// An empty export is a header only.
	var buf bytes.Buffer
	w, _ := NewWriter("csv", &buf)
	w.Close()
	if strings.TrimSpace(buf.String()) != strings.Join(Columns(), ",") {
		t.Fatalf("empty CSV export: %q", buf.String())
	}
}

func TestParquetRoundTrip(t *testing.T) {
	st, evs := stored(t)
	out := export(t, st, "parquet")
	r := parquet.NewGenericReader[Row](bytes.NewReader(out))
	defer r.Close()
	if int(r.NumRows()) != len(evs) {
		t.Fatalf("%d rows, want %d", r.NumRows(), len(evs))
	}
	rows := make([]Row, len(evs))
	n, err := r.Read(rows)
	if n != len(evs) {
		t.Fatalf("read %d rows: %v", n, err)
	}
	for i := range rows {
		if rows[i] != Flatten(&evs[i]) {
			t.Fatalf("row %d:\n got %+v\nwant %+v", i, rows[i], Flatten(&evs[i]))
		}
	}
	// The schema is flat: every column a leaf of the root.
	for _, f := range r.Schema().Fields() {
		if !f.Leaf() {
			t.Errorf("column %s is nested", f.Name())
		}
	}
}

func TestGDELT(t *testing.T) {
	st, evs := stored(t)
	out := strings.TrimSuffix(string(export(t, st, "gdelt")), "\n")
	lines := strings.Split(out, "\n")
	if len(lines) != len(evs) || len(GDELTFields()) != 61 {
		t.Fatalf("%d lines for %d events, %d fields", len(lines), len(evs), len(GDELTFields()))
	}
	col := map[string]int{}
	for i, n := range GDELTFields() {
		col[n] = i
	}
	located := 0
	for i, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 61 {
			t.Fatalf("line %d: %d fields, want 61", i+1, len(f))
		}
		e := evs[i]
		get := func(n string) string { return f[col[n]] }
		checks := map[string]string{
			"GlobalEventID": strconv.FormatUint(GlobalEventID(e.ID), 10), "Day": strings.ReplaceAll(e.Date, "-", ""),
			"Year": e.Date[:4], "Actor1Code": e.Actor.Code, "Actor1CountryCode": e.Actor.Country,
			"Actor1Type1Code": e.Actor.Sector, "Actor2Code": e.Recipient.Code, "EventCode": e.CAMEO,
			"EventRootCode": e.CAMEO[:2], "QuadClass": strconv.Itoa(e.QuadClass),
			"NumMentions": strconv.Itoa(e.Mentions), "NumSources": strconv.Itoa(e.Sources),
			"NumArticles": strconv.Itoa(e.Articles), "SOURCEURL": e.Article.URL,
			"DATEADDED": e.Added.UTC().Format("20060102150405"),
		}
		if e.Location != nil {
			located++
			checks["ActionGeo_CountryCode"] = FIPS(e.Location.Country)
			checks["ActionGeo_FullName"] = e.Location.Name
		}
		for n, want := range checks {
			if get(n) != want {
				t.Fatalf("line %d %s = %q, want %q", i+1, n, get(n), want)
			}
		}
		if g, _ := strconv.ParseFloat(get("GoldsteinScale"), 64); g != e.Goldstein {
			t.Fatalf("line %d GoldsteinScale %s, want %v", i+1, get("GoldsteinScale"), e.Goldstein)
		}
	}
	if located == 0 {
		t.Fatal("no located event: the geo fields were not tested")
	}
}

func TestFIPS(t *testing.T) {
	for iso, fips := range map[string]string{"AZE": "AJ", "TUR": "TU", "DEU": "GM", "GBR": "UK", "USA": "US", "XXX": ""} {
		if got := FIPS(iso); got != fips {
			t.Errorf("FIPS(%s) = %q, want %q", iso, got, fips)
		}
	}
	if GlobalEventID("a1dece56c6c7aecc1a00a6d4") != 0xa1dece56c6c7aec || GlobalEventID("not hex at all!") == 0 {
		t.Error("GlobalEventID")
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := NewWriter("xml", &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "xml") {
		t.Errorf("NewWriter(xml): %v", err)
	}
}

func BenchmarkWriters(b *testing.B) {
	ev := store.StoredEvent{Event: event.Event{ID: "a1dece56c6c7aecc1a00a6d4", Date: "2021-03-02", Type: "CONSULT", CAMEO: "042",
		Actor: &event.Participant{Code: "TURGOV", Country: "TUR"}, Recipient: &event.Participant{Code: "AZE", Country: "AZE"},
		Location: &event.Place{Name: "Baku", Country: "AZE", GeoNames: 587084}, Sentence: "The president visited Baku."}, Mentions: 2}
	for _, f := range Formats {
		b.Run(f, func(b *testing.B) {
			var buf bytes.Buffer
			w, _ := NewWriter(f, &buf)
			for b.Loop() {
				if err := w.Write(&ev); err != nil {
					b.Fatal(err)
				}
				if buf.Len() > 1<<20 {
					buf.Reset()
				}
			}
			w.Close()
		})
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/store"
)

// genStore fills a SQLite file with dyad gen and returns its path.
func genStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "q.db")
	var out, errb bytes.Buffer
	if code := run(context.Background(), env{strings.NewReader(""), &out, &errb}, []string{"gen", "--events", "3000", "--seed", "5", "--db", db}); code != exitOK {
		t.Fatalf("dyad gen: exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "stored 3000 events") || !strings.Contains(out.String(), "events/s") {
		t.Fatalf("dyad gen printed %q", out.String())
	}
	return db
}

func dyad(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), env{strings.NewReader(""), &out, &errb}, args)
	return out.String(), errb.String(), code
}

// The relations numbers equal counting the exported events (the bar).
func TestQueryRelationsMatchesExport(t *testing.T) {
	db := genStore(t)
	out, errs, code := dyad(t, "query", "relations", "USA", "RUS", "--by", "year", "--db", db, "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rel store.Relations
	if err := json.Unmarshal([]byte(out), &rel); err != nil {
		t.Fatal(err)
	}
	csvOut, errs, code := dyad(t, "export", "--format", "csv", "--db", db)
	if code != exitOK {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, c := range recs[0] {
		col[c] = i
	}
	want := map[string][2]int{} // year -> events USA->RUS, RUS->USA
	wantMentions := map[string]int{}
	for _, r := range recs[1:] {
		a, b, y := r[col["actor_country"]], r[col["recipient_country"]], r[col["date"]][:4]
		n := want[y]
		switch {
		case a == "USA" && b == "RUS":
			n[0]++
			var m int
			json.Unmarshal([]byte(r[col["num_mentions"]]), &m)
			wantMentions[y] += m
		case a == "RUS" && b == "USA":
			n[1]++
		default:
			continue
		}
		want[y] = n
	}
	if len(want) == 0 {
		t.Fatal("no USA/RUS events exported")
	}
	got := map[string][2]int{}
	for _, p := range rel.Periods {
		got[p.Period] = [2]int{p.AB.Events, p.BA.Events}
		if p.AB.Mentions != wantMentions[p.Period] {
			t.Errorf("%s: %d mentions, export says %d", p.Period, p.AB.Mentions, wantMentions[p.Period])
		}
	}
	if len(got) != len(want) {
		t.Fatalf("periods: got %v, want %v", got, want)
	}
	for y, w := range want {
		if got[y] != w {
			t.Errorf("%s: relations %v, export %v", y, got[y], w)
		}
	}
	table, _, code := dyad(t, "query", "relations", "--by", "year", "USA", "--db", db, "RUS")
	if code != exitOK || !strings.Contains(table, "USA -> RUS") || !strings.Contains(table, "total") || !strings.Contains(table, "MENTIONS") {
		t.Errorf("table output:\n%s", table)
	}
}

func TestQueryEventsAndActors(t *testing.T) {
	db := genStore(t)
	out, errs, code := dyad(t, "query", "events", "--country", "tur", "--type", "CONSULT", "--limit", "5", "--db", db, "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var page store.EventPage
	if err := json.Unmarshal([]byte(out), &page); err != nil {
		t.Fatal(err)
	}
	if len(page.Events) != 5 || page.Next == "" {
		t.Fatalf("%d events, next %q; want a full page of 5 and a cursor", len(page.Events), page.Next)
	}
	for _, e := range page.Events {
		if e.Type != "CONSULT" || (e.Actor.Country != "TUR" && e.Recipient.Country != "TUR") {
			t.Errorf("event %s %s %s -> %s does not match", e.ID, e.Type, e.Actor.Country, e.Recipient.Country)
		}
	}
	next, _, code := dyad(t, "query", "events", "--country", "TUR", "--type", "CONSULT", "--limit", "5", "--after", page.Next, "--db", db)
	if code != exitOK || strings.Contains(next, page.Events[0].ID) {
		t.Errorf("second page repeats the first:\n%s", next)
	}
	act, _, code := dyad(t, "query", "actors", "--limit", "3", "--db", db)
	if code != exitOK || !strings.Contains(act, "USAGOV") || !strings.Contains(act, "DYAD") {
		t.Errorf("actors output:\n%s", act)
	}
}

func TestQueryBadInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "empty.db")
	for _, args := range [][]string{
		{"query"},
		{"query", "relations", "AZE"},
		{"query", "relations", "AZE", "TUR", "--by", "fortnight", "--db", db},
		{"query", "relations", "AZE", "TUR", "--since", "2021-02-30", "--db", db},
		{"query", "events", "--until", "yesterday", "--db", db},
		{"query", "events", "--format", "xml", "--db", db},
		{"query", "nonsense", "--db", db},
		{"export", "--format", "xml", "--db", db},
		{"gen", "--events", "0", "--db", db},
	} {
		_, errs, code := dyad(t, args...)
		if code != exitUsage || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want usage error", args, code, errs)
		}
	}
	out, _, code := dyad(t, "query", "relations", "AZE", "TUR", "--db", db)
	if code != exitOK || !strings.Contains(out, "No events") {
		t.Errorf("empty store: exit %d, %q", code, out)
	}
}

func TestExportFile(t *testing.T) {
	db := genStore(t)
	for _, f := range []string{"gdelt", "plover", "parquet"} {
		path := filepath.Join(t.TempDir(), "out."+f)
		_, errs, code := dyad(t, "export", "--format", f, "--db", db, "-o", path)
		if code != exitOK || !strings.Contains(errs, "events to "+path) {
			t.Errorf("export %s: exit %d: %s", f, code, errs)
		}
	}
}

// FuzzQueryArgs: no argument list makes the query command panic; bad ones
// are usage errors.
func FuzzQueryArgs(f *testing.F) {
	f.Add("relations AZE TUR --by week --since 2020-01-01")
	f.Add("events --quad 9 --text x")
	f.Add("actors --limit -1 --until 2021-13-01")
	db := filepath.Join(f.TempDir(), "fuzz.db")
	f.Fuzz(func(t *testing.T, s string) {
		args := append([]string{"query"}, strings.Fields(s)...)
		args = append(args, "--db", db)
		var out, errb bytes.Buffer
		code := run(context.Background(), env{strings.NewReader(""), &out, &errb}, args)
		if code == exitInternal {
			t.Fatalf("%q: internal error: %s", s, errb.String())
		}
	})
}

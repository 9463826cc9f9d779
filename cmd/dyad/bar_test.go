package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/server"
	"github.com/dyad-events/dyad/store"
)

// TestWikinewsAndSeedOnce is issue 5's bar end to end: ingesting the
// Wikinews sample CSVs and the seed article twice each stores each article
// once, and 'query relations AZE TUR' and the API give the numbers that
// counting the exported events gives.
func TestWikinewsAndSeedOnce(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared")
	wn := filepath.Join(data, "data", "wikinews-sample")
	seed := filepath.Join(data, "seed", "article-azerbaijan-turkey.txt")
	if _, err := os.Stat(wn); err != nil {
		t.Skipf("Wikinews sample not found at %s (the shared data is absent)", wn)
	}
	if testing.Short() {
		t.Skip("short mode")
	}
	db := filepath.Join(t.TempDir(), "bar.db")
	csvs := []string{filepath.Join(wn, "wikinews_2019.csv"), filepath.Join(wn, "wikinews_2020.csv")}
	for round := 0; round < 2; round++ {
		code, _, stderr := runCLI(t, "", append([]string{"ingest", "--progress", "off", "--db", db}, csvs...)...)
		if code != exitOK {
			t.Fatalf("ingest Wikinews: exit %d: %s", code, stderr)
		}
		want := "295 articles stored"
		if round == 1 {
			want = "0 articles stored with 0 events, 295 already stored"
		}
		if !strings.Contains(stderr, want) {
			t.Errorf("round %d Wikinews: %s", round, stderr)
		}
		code, _, stderr = runCLI(t, "", "ingest", "--progress", "off", "--db", db, "--published", "2021-03-05", seed)
		if code != exitOK {
			t.Fatalf("ingest seed: exit %d: %s", code, stderr)
		}
	}
	// Relations as the CLI prints them.
	code, out, stderr := runCLI(t, "", "query", "relations", "AZE", "TUR", "--by", "year", "--db", db, "--format", "json")
	if code != exitOK {
		t.Fatalf("query: exit %d: %s", code, stderr)
	}
	type dir struct {
		Events       int     `json:"events"`
		Quad         [4]int  `json:"quad"`
		GoldsteinSum float64 `json:"goldstein_sum"`
	}
	var rel struct {
		Periods []struct {
			Period string `json:"period"`
			AToB   dir    `json:"a_to_b"`
			BToA   dir    `json:"b_to_a"`
		} `json:"periods"`
	}
	if err := json.Unmarshal([]byte(out), &rel); err != nil {
		t.Fatalf("query json: %v", err)
	}
	// The same counted from the CSV export.
	exp := filepath.Join(t.TempDir(), "events.csv")
	if code, _, stderr := runCLI(t, "", "export", "--format", "csv", "--db", db, "-o", exp); code != exitOK {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	f, err := os.Open(exp)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	counted := map[string]*dir{}
	for _, r := range rows[1:] {
		a, b := r[col["actor_country"]], r[col["recipient_country"]]
		key := ""
		switch {
		case a == "AZE" && b == "TUR":
			key = "ab"
		case a == "TUR" && b == "AZE":
			key = "ba"
		default:
			continue
		}
		key = r[col["date"]][:4] + key
		if counted[key] == nil {
			counted[key] = &dir{}
		}
		d := counted[key]
		d.Events++
		q := int(r[col["quad_class"]][0] - '1')
		d.Quad[q]++
		var g float64
		_ = json.Unmarshal([]byte(r[col["goldstein"]]), &g)
		d.GoldsteinSum += g
	}
	same := func(x dir, y *dir) bool {
		if y == nil {
			return x.Events == 0
		}
		return x.Events == y.Events && x.Quad == y.Quad && math.Abs(x.GoldsteinSum-y.GoldsteinSum) < 1e-6
	}
	total := 0
	for _, p := range rel.Periods {
		if !same(p.AToB, counted[p.Period+"ab"]) || !same(p.BToA, counted[p.Period+"ba"]) {
			t.Errorf("%s: query %+v / %+v, export %+v / %+v", p.Period, p.AToB, p.BToA, counted[p.Period+"ab"], counted[p.Period+"ba"])
		}
		total += p.AToB.Events + p.BToA.Events
	}
	n := 0
	for _, d := range counted {
		n += d.Events
	}
	if total != n || total == 0 {
		t.Errorf("query counts %d AZE-TUR events, the export %d", total, n)
	}
	// The API gives the query's numbers.
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv := httptest.NewServer(server.New(st, server.Options{}))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/api/relations?a=AZE&b=TUR&by=year")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var api struct {
		Periods []struct {
			Period string `json:"period"`
			AToB   dir    `json:"a_to_b"`
			BToA   dir    `json:"b_to_a"`
		} `json:"periods"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&api); err != nil {
		t.Fatal(err)
	}
	if len(api.Periods) != len(rel.Periods) {
		t.Fatalf("API %d periods, query %d", len(api.Periods), len(rel.Periods))
	}
	for i := range api.Periods {
		if api.Periods[i].Period != rel.Periods[i].Period || api.Periods[i].AToB != rel.Periods[i].AToB || api.Periods[i].BToA != rel.Periods[i].BToA {
			t.Errorf("API %+v, query %+v", api.Periods[i], rel.Periods[i])
		}
	}
	t.Logf("AZE-TUR: %d events in %d periods, equal in query, API and export", total, len(rel.Periods))
}
